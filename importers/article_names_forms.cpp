// Names the gazetteer does not know, found by how they are written: a gloss in brackets after a
// name ("광녠즈와이(光年之外)", "센스타임(SenseTime, 商湯科技)"), quotes after a cue word ("모델 '우다오
// 2.0'", "大模型“文心一言”") and a version after a word ("원신 1.0", "Qwen 2.5"). The names found
// by their place in the sentence are in article_names.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// A gloss that describes its name rather than spelling it: "(a subsidiary of X)", "(建设银行旗下子公司)",
// "(邮储银行母公司)". It names nobody; an organisation word inside says the name is one.
bool DescribingGloss(std::string_view part) {
  static constexpr std::string_view kDescribingWords[] = {"旗下", "子公司", "母公司", "的"};
  return (!part.empty() && std::islower(static_cast<unsigned char>(part[0])) != 0 && part.find(' ') != std::string_view::npos) ||
         std::any_of(std::begin(kDescribingWords), std::end(kDescribingWords), [&](std::string_view word) { return part.find(word) != std::string_view::npos; });
}

bool GlossDescribesAnOrganisation(std::string_view content) {
  static constexpr std::string_view kOrganisationWords[] = {"subsidiary", "unit", "division", "affiliate", "parent", "子公司", "母公司", "旗下"};
  return DescribingGloss(content) &&
         std::any_of(std::begin(kOrganisationWords), std::end(kOrganisationWords), [&](std::string_view word) { return content.find(word) != std::string_view::npos; });
}

std::vector<std::string> Analysis::GlossParts(std::string_view content) const {
  std::vector<std::string> parts;
  std::string text(content);
  for (std::string_view separator : {"，", "、", "·", ";", "/"}) {
    for (size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, at)) text.replace(at, separator.size(), ",");
  }
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part(TrimSpace(std::string_view(text).substr(start, comma - start)));
    for (std::string_view prefix : {"이하 ", "이하", "약칭 ", "简称", "以下简称", "hereafter ", "formerly "}) {
      if (part.starts_with(prefix)) part = std::string(TrimSpace(std::string_view(part).substr(prefix.size())));
    }
    // Amounts, dates and shares explain nothing about a name: "(300억원)", "(2023年)", "(15%)".
    if (!part.empty() && std::isdigit(static_cast<unsigned char>(part[0])) != 0) {
      bool figure = false;
      for (const std::string& unit : rules_.figure_units) figure = figure || part.find(unit) != std::string::npos;
      if (figure) {
        start = comma + 1;
        continue;
      }
    }
    // A description is no name (DescribingGloss).
    if (DescribingGloss(part)) {
      start = comma + 1;
      continue;
    }
    size_t points = CountCodePoints(part);
    bool digits_only = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.'; });
    if (points >= 2 && part.size() <= 60 && !digits_only && GenericWords().count(part) == 0 && part.find("년") == std::string::npos &&
        part.find("기자") == std::string::npos) {
      parts.push_back(part);
    }
    start = comma + 1;
  }
  return parts;
}

// "광녠즈와이(光年之外)", "센스타임(SenseTime, 商湯科技)": a gloss teaches aliases to a known
// name, and makes an unknown name an entity when an organisation suffix or a cue word ("회사",
// "모델") says what it is.
void Analysis::DiscoverGlosses() {
  for (size_t open = 0; open < s_.size(); ++open) {
    std::string_view close_mark;
    if (s_[open] == '(') {
      close_mark = ")";
    } else if (s_.substr(open).starts_with("（")) {
      close_mark = "）";
    } else {
      continue;
    }
    size_t content_begin = open + (close_mark == ")" ? 1 : 3);
    size_t close = s_.find(close_mark, content_begin);
    if (close == std::string_view::npos || close - content_begin > 100 || close == content_begin) continue;
    std::string_view content = s_.substr(content_begin, close - content_begin);
    std::vector<std::string> parts = GlossParts(content);
    size_t after = close + close_mark.size();
    // A known name right before the gloss.
    int known = -1;
    std::string_view known_text;
    for (const Mention& mention : mentions_) {
      if (mention.end == open || (mention.end + 1 == open && s_[mention.end] == ' ')) known = mention.entity, known_text = s_.substr(mention.begin, mention.end - mention.begin);
    }
    if (known >= 0) {
      // The Latin words of the name are in a Latin gloss of all of it: "AI 얼라이언스(Alliance)"
      // glosses a word of a longer name ("‘의료 AI 얼라이언스(Alliance)’"), not this one.
      std::vector<std::string> latin_words;
      for (size_t k = 0; k < known_text.size();) {
        size_t end = k;
        while (end < known_text.size() && IsAsciiAlnum(static_cast<unsigned char>(known_text[end]))) ++end;
        if (end > k) latin_words.push_back(Lower(known_text.substr(k, end - k)));
        k = end > k ? end : k + 1;
      }
      for (const std::string& part : parts) {
        int other = catalog_->FindByName(part);
        if (other >= 0) continue;
        const bool latin_part = std::all_of(part.begin(), part.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
        std::string lower_part = Lower(part);
        if (latin_part && std::any_of(latin_words.begin(), latin_words.end(), [&](const std::string& word) { return lower_part.find(word) == std::string::npos; })) continue;
        // Short all-capital glosses ("AI" after "오픈에이아이") often explain one word of the
        // name; keep them only when they are the initials of the English name.
        bool short_caps = part.size() <= 4 && std::all_of(part.begin(), part.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
        if (short_caps) {
          std::string initials;
          const std::string& english = catalog_->at(known).entity.name;
          for (size_t i = 0; i < english.size(); ++i) {
            if (std::isupper(static_cast<unsigned char>(english[i])) != 0 && (i == 0 || english[i - 1] == ' ' || english[i - 1] == '-')) initials += english[i];
          }
          if (initials != part) continue;
        }
        catalog_->AddAlias(known, Written(part));
      }
      continue;
    }
    // The name written right before the gloss (no space in Korean and Chinese).
    size_t name_begin = open;
    size_t name_end = open;  // never assigned to open: the loop must move past this bracket
    // A Latin gloss of several words spells a Korean name of as many words: "퍼스트스파크
    // 게임즈(FirstSpark Games)", "마띠유 아포테커(Mathieu Apotheker)".
    std::string latin = parts.empty() ? std::string() : parts.front();
    bool latin_words = !latin.empty() && std::all_of(latin.begin(), latin.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-' || c == '.' || c == '&';
    });
    size_t latin_count = latin_words ? static_cast<size_t>(std::count(latin.begin(), latin.end(), ' ')) + 1 : 0;
    if (lang_ == Lang::kKorean) {
      name_begin = RunStart(s_, open, IsNameChar);
      for (size_t words = 1; words < latin_count && words < 4 && name_begin > 1 && s_[name_begin - 1] == ' '; ++words) {
        size_t earlier = RunStart(s_, name_begin - 1, IsNameChar);
        if (earlier == name_begin - 1 || Overlaps(earlier, name_begin - 1) || NotNames().count(s_.substr(earlier, name_begin - 1 - earlier)) != 0) break;
        name_begin = earlier;
      }
    } else if (lang_ == Lang::kChinese) {
      // (Not the words that open the clause: "根据伦敦证券交易所集团(LSEG)数据".)
      name_begin = RunStart(s_, open, IsHanChar);
      for (bool stripped = true; stripped && name_begin < open;) {
        stripped = false;
        if (IsChineseFunction(CodePointAt(s_, name_begin))) name_begin += 3, stripped = true;
        for (const auto* words : {&rules_.clause_openers[li_], &rules_.time_words[li_]}) {
          for (const std::string& word : *words) {
            if (!stripped && name_begin + word.size() < open && s_.substr(name_begin).starts_with(word)) name_begin += word.size(), stripped = true;
          }
        }
      }
      // (Nor a description that ends in a word for a company, when a name of three characters or
      // more follows it: "AI公司星河科技(简称…)", "上市公司人瑞人才(6919.HK)"; not "产业投资基金二期",
      // whose 基金 is the name's own and 二期 a qualifier.)
      for (const std::string& cue : rules_.org_cues[li_]) {
        const size_t at = s_.substr(name_begin, open - name_begin).rfind(cue);
        if (at != std::string_view::npos && open - (name_begin + at + cue.size()) >= 3 * 3) name_begin += at + cue.size();
      }
      // (Nor a verb of a rule and what comes before it: "拿5000万美元支持中国通用人工智能(AGI)".)
      // (Only the last 30 characters: no name is longer, and a long run costs no more.)
      const size_t scan_from = open - name_begin > 90 ? open - 90 : name_begin + 3;
      for (size_t at = scan_from; at + 6 <= open; at += 3) {
        if (TriggerEndsAt(at)) name_begin = at;
      }
    } else {
      size_t end = open;
      while (end > 0 && s_[end - 1] == ' ') --end;
      size_t start = end;
      // Capitalised words before the gloss.
      for (;;) {
        size_t word_start = start;
        while (word_start > 0 && (std::isalnum(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '-' || s_[word_start - 1] == '.')) --word_start;
        if (word_start == start || !IsAsciiUpper(static_cast<unsigned char>(s_[word_start]))) break;
        start = word_start;
        if (start == 0 || s_[start - 1] != ' ') break;
        --start;
        if (start > 0 && !IsAsciiUpper(static_cast<unsigned char>(s_[RunStart(s_, start, [](char32_t cp) { return IsAsciiAlnum(cp); })]))) {
          ++start;
          break;
        }
      }
      while (start < end && s_[start] == ' ') ++start;
      name_begin = start;
      name_end = end;
    }
    if (name_begin >= name_end || Overlaps(name_begin, name_end)) continue;
    if (AfterListCategory(name_begin)) continue;
    std::string name(s_.substr(name_begin, name_end - name_begin));
    if (CountCodePoints(name) < 2 || GenericWords().count(name) != 0) continue;
    // A title glossed ("최고경영자(CEO)") names nobody.
    if (std::any_of(rules_.titles[li_].begin(), rules_.titles[li_].end(), [&](const Title& title) { return title.word == name; })) continue;
    std::string kind;
    bool org = HasOrgSuffix(name, li_, &kind);
    for (const std::string& part : parts) {
      for (int index = 0; index < 3 && !org; ++index) org = HasOrgSuffix(part, index, &kind);
    }
    // (A gloss that describes an organisation: "建信信托(建设银行旗下子公司)".)
    if (!org && GlossDescribesAnOrganisation(content)) kind = "company", org = true;
    if (!org) {
      // A cue word right before the name: "회사 광녠즈와이", "모델 톈옌".
      size_t cue_end = name_begin;
      while (cue_end > 0 && s_[cue_end - 1] == ' ') --cue_end;
      std::string_view before = s_.substr(0, cue_end);
      for (const std::string& cue : rules_.org_cues[li_]) {
        if (before.ends_with(cue)) kind = "company", org = true;
      }
      for (const std::string& cue : rules_.product_cues[li_]) {
        if (!org && before.ends_with(cue)) kind = "product", org = true;
      }
      // Korean: what a relative clause of making modifies is a product ("럭스로보가 개발한 모디(MODI)").
      for (const Rule& rule : rules_.rules) {
        if (org || lang_ != Lang::kKorean || rule.lang != lang_ || rule.type != "develops" || !Contains(rule.target_kinds, std::string("product"))) continue;
        for (size_t t = 0; t < rule.triggers.size() && !org; ++t) {
          const std::string& word = rule.triggers[t];
          const bool made = t < rule.noun_triggers ? before.ends_with(word + "한") : rules_.EndsInKorean(word, kAdnominalEnding) && before.ends_with(word);
          if (made) kind = "product", org = true;
        }
      }
    }
    // A Korean name of two or three words glossed with as many capitalised Latin words is a
    // person's when nothing says it is an organisation.
    if (!org && lang_ == Lang::kKorean && latin_count >= 2 && latin_count <= 3 && std::count(name.begin(), name.end(), ' ') + 1 == static_cast<long>(latin_count)) {
      bool capitalised = true;
      for (size_t k = 0; k < latin.size(); ++k) {
        if ((k == 0 || latin[k - 1] == ' ') && !IsAsciiUpper(static_cast<unsigned char>(latin[k]))) capitalised = false;
      }
      if (capitalised) kind = "person", org = true;
    }
    if (!org) continue;
    std::string hint;
    for (const std::string& part : parts) {
      if (hint.empty() && IsAsciiAlnum(static_cast<unsigned char>(part[0]))) hint = part;
    }
    int entity = catalog_->FindQualified(name, ContextEntities());
    if (entity < 0) entity = Discover(Written(name), kind, Written(parts), hint);
    AddMention(lang_ == Lang::kKorean ? MentionBefore(name_begin, name_end, after, entity) : MentionWithParticles(name_begin, name_end, entity));
  }
}

// Names in quotes after a cue word: products ("모델 '우다오 2.0'", "大模型“文心一言”") and
// organisations ("설계업체 ‘파두’와", "子公司“星辰”").
void Analysis::DiscoverQuotedProducts() {
  if (lang_ == Lang::kEnglish) return;
  static const std::vector<std::pair<std::string_view, std::string_view>> kQuotes = {
      {"'", "'"}, {"‘", "’"}, {"‘", "'"}, {"\"", "\""}, {"“", "”"}, {"「", "」"}, {"《", "》"}};
  for (const auto& [open_mark, close_mark] : kQuotes) {
    for (size_t open = s_.find(open_mark), next = 0; open != std::string_view::npos; open = next) {
      size_t begin = open + open_mark.size();
      size_t close = s_.find(close_mark, begin);
      // The next quotation opens after this one closes: with the same mark on both sides
      // ('A' 대표, 'B'), a closing mark opens nothing.
      next = close == std::string_view::npos ? close : s_.find(open_mark, open_mark == close_mark ? close + close_mark.size() : begin);
      if (close == std::string_view::npos || close == begin || close - begin > 45) continue;
      std::string name(TrimSpace(s_.substr(begin, close - begin)));
      // A quoted organisation names itself by its suffix: "‘서울대-네이버 초대규모 AI 연구센터’".
      std::string suffix_kind;
      std::string_view gloss_free = TrimSpace(std::string_view(name).substr(0, std::min(name.find('('), name.find("（"))));
      // (A known name inside it is a part of it: "‘의료 AI 얼라이언스’" is no "AI 얼라이언스".)
      const size_t name_begin = static_cast<size_t>(name.empty() ? begin : SkipSpaces(s_, begin));
      const size_t gloss_free_end = name_begin + gloss_free.size();
      // (Not a quote inside a gloss, "X(下称“Y”)": the gloss names X.)
      std::string_view before_quote = s_.substr(0, open);
      bool in_gloss = false;
      for (auto [opener, closer] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
        size_t bracket = before_quote.rfind(opener);
        in_gloss = in_gloss || (bracket != std::string_view::npos && before_quote.find(closer, bracket) == std::string_view::npos);
      }
      const bool parts_inside = std::all_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
        bool overlaps = mention.begin < close && begin < mention.end;
        return !overlaps || (!in_gloss && mention.begin >= begin && mention.end <= close && (mention.begin > name_begin || mention.end < gloss_free_end));
      });
      if (parts_inside && std::count(name.begin(), name.end(), ' ') <= 5 && HasOrgSuffix(gloss_free, li_, &suffix_kind)) {
        std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin >= begin && mention.end <= close; });
        int entity = catalog_->FindByName(std::string(gloss_free));
        if (entity < 0) entity = Discover(Written(std::string(gloss_free)), suffix_kind.empty() ? "company" : suffix_kind, GlossParts(Bracketed(name)), "");
        AddMention(MentionBefore(begin, begin + name.size(), close + close_mark.size(), entity));
        continue;
      }
      // (A known name strictly inside is a part of it too, if a cue says what it is: "투자부문인
      // '립스 바이 바이엘'".)
      const bool whole_known = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
        return mention.begin < close && begin < mention.end && !(mention.begin >= begin && mention.end <= close && (mention.begin > name_begin || mention.end < close));
      });
      if (whole_known || CountCodePoints(name) < 2 || std::count(name.begin(), name.end(), ' ') > 2) continue;
      size_t cue_end = open;
      while (cue_end > 0 && s_[cue_end - 1] == ' ') --cue_end;
      std::string_view before = s_.substr(0, cue_end);
      std::string kind;
      // Right after an organisation and its genitive: "阿里旗下的“夸克”", "네이버의 ‘클로바X’".
      for (std::string_view genitive : {"旗下的", "旗下", "的", "의"}) {
        if (!kind.empty() || !before.ends_with(genitive)) continue;
        for (const Mention& mention : mentions_) {
          if (mention.entity >= 0 && IsOrg(mention.entity) && (mention.end == before.size() - genitive.size() || mention.word_end == before.size())) kind = "product";
        }
      }
      static const std::vector<std::string_view> kConsortiumCues = {"얼라이언스", "컨소시엄", "협의체", "연합체", "동맹", "联盟", "协会", "alliance", "consortium"};
      for (const std::string& word : rules_.org_cues[li_]) {
        if (!before.ends_with(word) && !(lang_ == Lang::kKorean && before.ends_with(word + "인"))) continue;
        kind = std::find(kConsortiumCues.begin(), kConsortiumCues.end(), word) != kConsortiumCues.end() ? "consortium" : "company";
      }
      // (Past a copula and a gloss: "차세대 그래픽처리장치(GPU)인 'B100'".)
      std::string_view cue_text = before;
      if (lang_ == Lang::kKorean && cue_text.ends_with("인")) cue_text.remove_suffix(3);
      if (cue_text.ends_with(")") && cue_text.rfind('(') != std::string_view::npos && cue_text.size() - cue_text.rfind('(') <= 24) {
        cue_text = cue_text.substr(0, cue_text.rfind('('));
      }
      for (const std::string& word : rules_.product_cues[li_]) kind = kind.empty() && cue_text.ends_with(word) ? "product" : kind;
      // A product word after it or ending it: "'Solar WBL' 파운데이션 모델을", "'옴니 파운데이션 모델'".
      std::string_view after_quote = TrimSpace(s_.substr(close + close_mark.size(), 40));
      for (const std::string& word : rules_.product_cues[li_]) {
        if (!kind.empty() || word.size() < 6) continue;  // not "AI", "칩" alone
        bool after_cue = after_quote.starts_with(word) || (lang_ == Lang::kKorean && after_quote.find(" ") != std::string_view::npos &&
                                                           after_quote.substr(after_quote.find(' ') + 1).starts_with(word) &&
                                                           after_quote.substr(0, after_quote.find(' ')).size() <= 18);
        if (after_cue || std::string_view(name).ends_with(word)) kind = "product";
      }
      // A title after it: "이흥노 '리버밴스' 대표", "“星澜智能”CEO".
      TitleMatch title;
      if (kind.empty() && ParseTitles(SkipSpaces(s_, close + close_mark.size()), &title)) kind = "company";
      // What is launched or made right after it: "'하이퍼봇'이 출시됐다", "‘루다’를 개발했다".
      if (kind.empty() && lang_ == Lang::kKorean) {
        size_t word_end = RunEnd(s_, close + close_mark.size(), [](char32_t cp) { return IsHangul(cp); });
        Role role;
        std::string particles;
        std::string_view next = s_.substr(SkipSpaces(s_, word_end), 24);
        bool marked = word_end > close + close_mark.size() && ParseParticles(s_.substr(close + close_mark.size(), word_end - close - close_mark.size()), &role, &particles) &&
                      (role == Role::kSubject || role == Role::kObject);
        for (const Rule& rule : rules_.rules) {
          if (!marked || rule.lang != lang_ || rule.type != "develops") continue;
          for (const std::string& trigger : rule.triggers) kind = kind.empty() && next.find(trigger) != std::string_view::npos ? "product" : kind;
        }
      }
      // ... or right before it, as a verb that describes it: "스캐터랩이 출시한 ‘연애의 과학’".
      if (kind.empty() && lang_ == Lang::kKorean) {
        size_t word_begin = RunStart(s_, cue_end, [](char32_t cp) { return IsHangul(cp); });
        std::string_view verb = s_.substr(word_begin, cue_end - word_begin);
        char32_t last = verb.empty() ? 0 : CodePointBefore(verb, verb.size());
        bool adnominal = last == U'한' || last == U'인' || last == U'은' || last == U'된';
        for (const Rule& rule : rules_.rules) {
          if (!adnominal || rule.lang != lang_ || rule.type != "develops") continue;
          for (const std::string& trigger : rule.triggers) kind = kind.empty() && verb.starts_with(trigger) && verb.size() <= trigger.size() + 3 ? "product" : kind;
        }
      }
      if (kind.empty()) continue;
      std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin >= begin && mention.end <= close; });
      // A gloss right after the quotation names it too: "‘소니오'(Sonio)".
      size_t after = close + close_mark.size();
      std::vector<std::string> aliases;
      if (s_.substr(after).starts_with("(")) {
        size_t gloss_end = s_.find(')', after);
        if (gloss_end != std::string_view::npos && gloss_end - after <= 40) {
          aliases = GlossParts(s_.substr(after + 1, gloss_end - after - 1));
          after = gloss_end + 1;
        }
      }
      // ... and so does one inside it: "'로브(Lobe)'".
      for (std::string_view open_bracket : {"(", "（"}) {
        size_t at = name.find(open_bracket);
        if (at == std::string::npos || at == 0 || !(name.ends_with(")") || name.ends_with("）"))) continue;
        size_t close_size = name.ends_with(")") ? 1 : 3;
        for (std::string& part : GlossParts(std::string_view(name).substr(at + open_bracket.size(), name.size() - at - open_bracket.size() - close_size))) {
          aliases.push_back(std::move(part));
        }
        name = std::string(TrimSpace(std::string_view(name).substr(0, at)));
        break;
      }
      int entity = catalog_->FindQualified(name, ContextEntities());
      if (entity < 0) {
        for (const std::string& alias : aliases) entity = entity < 0 ? catalog_->FindByName(alias) : entity;
      }
      if (entity < 0) entity = Discover(Written(name), kind, Written(aliases), "");
      AddMention(MentionBefore(begin, close, after, entity));
    }
  }
}

// A product named with its version: "원신 1.0", "悟道2.0", "Qwen 2.5". A version (digits, a dot,
// digits) right after a word is part of that word's name: a known product's version is a product
// of its own (articles tell versions apart); an unknown word with a version is a product when the
// sentence launches or makes something.
void Analysis::DiscoverVersionedProducts() {
  bool launch = false;
  for (const Rule& rule : rules_.rules) {
    if (rule.lang != lang_ || rule.type != "develops") continue;
    for (const std::string& trigger : rule.triggers) launch = launch || std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).find(trigger) != std::string_view::npos;
  }
  for (size_t at = 0; at < s_.size(); ++at) {
    if (std::isdigit(static_cast<unsigned char>(s_[at])) == 0 || (at > 0 && (std::isdigit(static_cast<unsigned char>(s_[at - 1])) != 0 || s_[at - 1] == '.'))) continue;
    size_t end = at;
    while (end < s_.size() && std::isdigit(static_cast<unsigned char>(s_[end])) != 0) ++end;
    if (end + 1 >= s_.size() || s_[end] != '.' || std::isdigit(static_cast<unsigned char>(s_[end + 1])) == 0) continue;
    ++end;
    while (end < s_.size() && std::isdigit(static_cast<unsigned char>(s_[end])) != 0) ++end;
    // No amount or share: "1.5억", "2.5%", "3.5배", "1.2 billion", "人民币 2.05 亿元".
    std::string_view after = s_.substr(end);
    std::string_view unit = TrimSpace(after);
    if (std::any_of(rules_.figure_units.begin(), rules_.figure_units.end(), [&](const std::string& word) { return unit.starts_with(word); })) {
      at = end;
      continue;
    }
    if (after.starts_with("%") || after.starts_with(".") || (end < s_.size() && IsHangul(CodePointAt(s_, end)) && !after.starts_with("을") && !after.starts_with("를") &&
                                                            !after.starts_with("은") && !after.starts_with("는") && !after.starts_with("이") && !after.starts_with("가") &&
                                                            !after.starts_with("의") && !after.starts_with("과") && !after.starts_with("와") && !after.starts_with("도")) ||
        (end < s_.size() && IsHan(CodePointAt(s_, end)) && !IsChineseFunction(CodePointAt(s_, end)) && !after.starts_with("版") && !after.starts_with("模型")) ||
        (lang_ == Lang::kEnglish && (Lower(after).starts_with(" billion") || Lower(after).starts_with(" million") || Lower(after).starts_with(" trillion")))) {
      at = end;
      continue;
    }
    size_t name_end = at > 0 && s_[at - 1] == ' ' ? at - 1 : at;
    if (Overlaps(at, end)) continue;
    const Mention* known = nullptr;
    for (const Mention& mention : mentions_) {
      if (mention.end == name_end && mention.entity >= 0 && Kind(mention.entity) == "product") known = &mention;
    }
    size_t name_begin = known != nullptr ? known->begin : name_end;
    if (known == nullptr) {
      if (!launch || name_end == 0) continue;
      // The word before: Hangul (two syllables or more), Han (two to four characters) or a
      // capitalised Latin word; none of them a common word or a name already.
      char32_t last = CodePointBefore(s_, name_end);
      if (IsHangul(last)) {
        name_begin = RunStart(s_, name_end, [](char32_t cp) { return IsHangul(cp); });
        if (CountCodePoints(s_.substr(name_begin, name_end - name_begin)) < 2) continue;
      } else if (IsHan(last)) {
        // Back to the verb that launched it ("推出星河大模型4.5"), at most six characters.
        name_begin = name_end;
        for (int chars = 0; chars < 6 && name_begin > 0 && IsHan(CodePointBefore(s_, name_begin)) && !IsChineseFunction(CodePointBefore(s_, name_begin)) &&
                            !(chars >= 2 && TriggerEndsAt(name_begin));
             ++chars) {
          name_begin -= 3;
        }
        if (name_end - name_begin < 6) continue;
        // A walk stopped by its length alone cut a longer word at an arbitrary character.
        if (name_begin > 0 && IsHan(CodePointBefore(s_, name_begin)) && !IsChineseFunction(CodePointBefore(s_, name_begin)) && !TriggerEndsAt(name_begin)) continue;
      } else if (IsAsciiAlnum(last)) {
        name_begin = name_end;
        while (name_begin > 0 && (IsAsciiAlnum(static_cast<unsigned char>(s_[name_begin - 1])) || s_[name_begin - 1] == '-')) --name_begin;
        if (!IsAsciiUpper(static_cast<unsigned char>(s_[name_begin]))) continue;
      } else {
        continue;
      }
      std::string_view stem = s_.substr(name_begin, name_end - name_begin);
      static const std::vector<std::string_view> kCurrencies = {"人民币", "美元", "港元", "欧元", "日元", "원화", "달러", "USD", "RMB", "US", "HK"};
      bool currency = std::find(kCurrencies.begin(), kCurrencies.end(), stem) != kCurrencies.end();
      if (currency || Overlaps(name_begin, name_end) || CommonNouns().count(stem) != 0 || GenericWords().count(stem) != 0 || NotNames().count(stem) != 0 || ContainsTitle(stem)) continue;
    }
    // A tier after the version is part of the name: "文心大模型4.5 Turbo", "Gemini 2.5 Pro".
    for (std::string_view tier : rules_.version_tiers) {
      std::string_view rest = s_.substr(end);
      if (rest.starts_with(tier) && (rest.size() == tier.size() || !IsAsciiAlnum(static_cast<unsigned char>(rest[tier.size()])))) {
        end += tier.size();
        break;
      }
    }
    if (Overlaps(end - 1, end) && !Overlaps(at, at + 1)) {
      std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin >= at && mention.end <= end && mention.begin > name_begin; });
    }
    std::string name(s_.substr(name_begin, end - name_begin));
    int entity = catalog_->FindByName(name);
    if (entity < 0) entity = Discover(Written(name), "product", {}, "");
    if (entity < 0 || Kind(entity) != "product") continue;
    if (known != nullptr) std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin == name_begin && mention.end == name_end; });
    AddMention(MentionWithParticles(name_begin, end, entity));
    at = end;
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

}  // namespace relgraph::importers::article
