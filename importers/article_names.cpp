// Names the gazetteer does not know: Discover, which makes them entities, names introduced by
// what they are ("AI 스타트업 누리봇은") and Latin names inside Korean and Chinese text; and the
// clean-up of what the gazetteer found (glosses, modifiers, names that end in a verb). Names found
// by how they are written (glosses, quotes, versions) are in article_names_forms.cpp, organisation
// suffixes in article_suffixes.cpp.
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

// Chinese "腾讯投资了月之暗面": the name 腾讯投资 (Tencent Investment) followed by 了 is 腾讯 and the
// verb 投资. A known name that ends in a trigger and is followed by an aspect particle gives the
// trigger back when what stands before it is a known name too.
void Analysis::SplitNamesEndingInVerbs() {
  if (lang_ != Lang::kChinese) return;
  for (Mention& mention : mentions_) {
    if (mention.entity < 0 || !(s_.substr(mention.end).starts_with("了") || s_.substr(mention.end).starts_with("过"))) continue;
    for (const Rule& rule : rules_.rules) {
      if (rule.lang != lang_) continue;
      for (const std::string& trigger : rule.triggers) {
        std::string_view surface = s_.substr(mention.begin, mention.end - mention.begin);
        if (surface.size() <= trigger.size() || !surface.ends_with(trigger)) continue;
        int head = catalog_->FindByName(surface.substr(0, surface.size() - trigger.size()));
        if (head < 0) continue;
        mention.entity = head;
        mention.end = mention.word_end = mention.end - trigger.size();
      }
    }
  }
}

// Names inside a gloss that follows a name ("社保基金中关村自主创新基金(下称“社保中关村基金”)",
// "마이크로소프트(MS)") restate it: they are no mentions of their own. One that describes the name
// by another ("建信信托(建设银行旗下子公司)", "X (a subsidiary of Y)") says whose unit it is.
void Analysis::DropGlossMentions() {
  std::vector<std::pair<size_t, size_t>> glosses;
  for (const Mention& mention : mentions_) {
    size_t open = mention.end;
    while (open < s_.size() && s_[open] == ' ') ++open;
    std::string_view close_mark = s_.substr(open).starts_with("(") ? ")" : s_.substr(open).starts_with("（") ? "）" : "";
    if (close_mark.empty()) continue;
    size_t close = s_.find(close_mark, open);
    if (close == std::string_view::npos || close - open > 120) continue;
    glosses.emplace_back(open, close);
    // A gloss that describes the name by an organisation inside keeps the pair for ApplyCompounds.
    const std::string_view content = s_.substr(open + close_mark.size(), close - open - close_mark.size());
    if (mention.entity < 0 || !IsOrg(mention.entity) || !GlossDescribesAnOrganisation(content)) continue;
    const bool inner_is_unit = content.find("母公司") != std::string_view::npos || Lower(content).find("parent of") != std::string::npos;
    for (const Mention& inner : mentions_) {
      if (inner.begin <= open || inner.end > close || inner.entity < 0 || !IsOrg(inner.entity) || inner.entity == mention.entity) continue;
      if (inner_is_unit) described_units_.push_back({inner.entity, mention.entity, mention.begin});
      else described_units_.push_back({mention.entity, inner.entity, mention.begin});
    }
  }
  if (glosses.empty()) return;
  std::erase_if(mentions_, [&](const Mention& mention) {
    for (auto [open, close] : glosses) {
      if (mention.begin > open && mention.end <= close) return true;
    }
    return false;
  });
}

int Analysis::Discover(const std::string& name, const std::string& kind, const std::vector<std::string>& aliases, const std::string& id_hint) {
  // A name cut inside a character would be stored broken: a rule erred, nobody is named.
  if (CheckUtf8(name).has_value()) return -1;
  if (GenericWords().count(name) != 0 || CommonNouns().count(name) != 0) return -1;
  // A sum of money is no name ("Billion Won", "每股 116.20").
  if (lang_ == Lang::kChinese && name.starts_with("每股")) return -1;
  if (rules_.IsAmountWords(name)) return -1;
  // A Chinese description of a kind of party or of an activity is no name: "头部央企", "地方基金",
  // "AI巨头", "头部券商系", "智算产品研发".
  if (kind != "person" && (StartsWithAny(name, rules_.description_leads[li_]) || EndsWithAny(name, rules_.description_tails[li_]))) return -1;
  // A description that ends in a relational noun is no name ("场景战略合作伙伴").
  if (lang_ == Lang::kChinese && kind != "person") {
    std::string suffix_kind;
    for (const std::string& noun : rules_.relational_nouns[li_]) {
      if (name.size() > noun.size() && name.ends_with(noun) && noun.size() >= 6 && !HasOrgSuffix(name, li_, &suffix_kind)) return -1;
    }
  }
  // A suffix or a legal form alone names nobody ("中心", "有限公司" after a gloss).
  if (Contains(rules_.org_suffixes[li_], name) || LegalForms().count(Lower(name)) != 0) return -1;
  // A count of things ("17 AI startups" read as the name "17 AI") is no name ("500 Startups" is).
  if (size_t space = name.find(' '); space != std::string::npos && space > 0 && GenericWords().count(name.substr(space + 1)) != 0 &&
      std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(space), [](char c) { return c >= '0' && c <= '9'; })) {
    return -1;
  }
  // A measure ("7nm", "首款7nm", "80GB") is no name.
  {
    size_t digits = 0;
    while (digits < name.size() && (static_cast<unsigned char>(name[digits]) & 0x80) != 0) ++digits;  // a Han or Hangul lead ("首款")
    const size_t first_digit = digits;
    while (digits < name.size() && (std::isdigit(static_cast<unsigned char>(name[digits])) != 0 || name[digits] == '.')) ++digits;
    if (digits > first_digit && digits < name.size() && rules_.measure_units.count(Lower(TrimSpace(std::string_view(name).substr(digits)))) != 0) return -1;
  }
  // A currency, alone or with its amount ("USD", "USD7", "RMB 500"), is no name; nor is a round
  // ("Series C", "Series A+"), wherever it was found.
  for (const std::string& code : rules_.currency_codes) {
    if (!name.starts_with(code)) continue;
    const std::string_view amount = std::string_view(name).substr(code.size());
    if (amount.find_first_not_of("0123456789., ") == std::string_view::npos) return -1;
  }
  if (name == "Series" || (name.starts_with("Series ") && name.size() <= 10 && name.find(' ', 7) == std::string::npos)) return -1;
  // The plural of an abbreviation ("VCs", "LLMs", "GPUs") names a kind of thing, not one.
  if (name.size() >= 3 && name.back() == 's' && std::all_of(name.begin(), name.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; })) return -1;
  // "某互联网大厂", "某头部VC机构": an unnamed one ("a certain ...") is no name; nor is a
  // description with a count inside ("设立一家有限责任公司").
  if (lang_ == Lang::kChinese && name.starts_with("某")) return -1;
  if (lang_ == Lang::kChinese && kind != "person") {
    for (std::string_view count : {"一家", "一个", "一种", "一款", "一批", "多家", "两家", "几家"}) {
      if (name.find(count) != std::string::npos) return -1;
    }
  }
  // A count of things ("两家子公司", "三款模型") is no name.
  if (lang_ == Lang::kChinese && CountCodePoints(name) >= 2) {
    static const std::u32string_view kCounts = U"一二两三四五六七八九十几多数各每某";
    static const std::u32string_view kClassifiers = U"家个位款项只名所支种批";
    // (The count may take several characters: "十余家芯片公司", "20多家".)
    size_t at = 0, counted = 0;
    for (char32_t cp = CodePointAt(name, 0); at < name.size() && (kCounts.find(cp) != std::u32string_view::npos || cp == U'余' || (cp >= U'0' && cp <= U'9'));
         cp = CodePointAt(name, at)) {
      at += cp < 0x80 ? 1 : 3;
      ++counted;
    }
    if (counted > 0 && kClassifiers.find(CodePointAt(name, at)) != std::u32string_view::npos) return -1;
  }
  // A Korean word with a past-tense marker is a verb ("받았는데", "투자했으며"), no name.
  if (lang_ == Lang::kKorean && kind != "product") {
    for (std::string_view past : {"았", "었", "였", "했", "됐"}) {
      if (name.find(past) != std::string::npos) return -1;
    }
  }
  // A short form of an organisation found before: "华发集团" after "珠海华发集团".
  if (lang_ == Lang::kChinese && kind != "person" && CountCodePoints(name) >= 3) {
    for (int index = catalog_->FirstOwn(); index < catalog_->size(); ++index) {  // (only discovered ones: never the lexicon's)
      const CatalogEntity& known = catalog_->at(index);
      if (!known.discovered || !IsOrg(index) || known.entity.name.size() <= name.size() + 3 || !known.entity.name.ends_with(name)) continue;
      catalog_->AddAlias(index, name);
      return index;
    }
  }
  return catalog_->AddDiscovered(name, kind, aliases, id_hint);
}

// "Alibaba Group Holding", "Nvidia Corp.": the words of a legal form after a known Latin name
// belong to the name (so that "from Alibaba Group Holding and HongShan" is one list of names);
// so does a Chinese registered form ("零一万物信息技术有限公司", "微软(中国)有限公司").
void Analysis::AbsorbLegalForms() {
  // Chinese "北京零一万物信息技术有限公司": a known name and its registered form up to 有限公司.
  if (lang_ == Lang::kChinese) {
    for (size_t m = 0; m < mentions_.size(); ++m) {
      Mention& mention = mentions_[m];
      if (mention.entity < 0 || !IsOrg(mention.entity) || mention.word_end != mention.end) continue;
      // (A place in brackets may come first: "微软(中国)有限公司".)
      size_t from = mention.end;
      for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
        if (!s_.substr(from).starts_with(open)) continue;
        const size_t inner = from + open.size();
        const size_t inner_end = RunEnd(s_, inner, [](char32_t cp) { return IsHan(cp); });
        if (inner_end > inner && inner_end - inner <= 4 * 3 && s_.substr(inner_end).starts_with(close)) from = inner_end + close.size();
      }
      size_t run_end = RunEnd(s_, from, [](char32_t cp) { return IsHan(cp); });
      std::string_view run = s_.substr(from, run_end - from);
      size_t form_end = std::string_view::npos;
      for (std::string_view form : {"股份有限公司", "有限责任公司", "有限公司"}) {
        size_t at = run.find(form);
        if (at != std::string_view::npos && at <= 8 * 3) form_end = std::min(form_end, at + form.size());
      }
      if (form_end == std::string_view::npos) continue;
      size_t end = from + form_end;
      if (m + 1 < mentions_.size() && mentions_[m + 1].begin < end) continue;
      mention.end = mention.word_end = end;
    }
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    Mention& mention = mentions_[m];
    if (mention.entity < 0 || !IsOrg(mention.entity) || mention.word_end != mention.end || mention.end == 0) continue;
    if (!IsAsciiAlnum(static_cast<unsigned char>(s_[mention.end - 1]))) continue;
    size_t end = mention.end;
    for (int words = 0; words < 2 && end < s_.size() && s_[end] == ' '; ++words) {
      size_t w = end + 1;
      while (w < s_.size() && (IsAsciiAlnum(static_cast<unsigned char>(s_[w])) || s_[w] == '.')) ++w;
      // (Not "co-founder"; but "Intel Corp's unit" is Intel's.)
      bool word_ends = w == s_.size() || s_[w] == ' ' || s_[w] == ',' || s_[w] == ')' || s_[w] == ';' || s_.substr(w).starts_with("'s ") ||
                       s_.substr(w).starts_with("’s ") || (s_[w] == '-' && StartsAdjectivalSuffix(s_.substr(w + 1)));
      if (w == end + 1 || !word_ends || LegalForms().count(lower_.substr(end + 1, w - end - 1)) == 0) break;
      end = w;
    }
    if (end == mention.end) continue;
    bool taken = m + 1 < mentions_.size() && mentions_[m + 1].begin < end;
    if (!taken) mention.end = mention.word_end = end;
  }
}

// "Giannandrea joined Google" after "John Giannandrea": a capitalised family name alone, written
// as the article wrote it (case matters: "dean of computer science" is no "Jeff Dean"), stands
// for the person named in full before. A name inside a longer capitalised run is left alone.
void Analysis::FindFamilyNames() {
  if (lang_ == Lang::kKorean) {
    // "백 대표는", "강 회장은": a surname and a title name the person named in full before.
    for (const auto& [family, entity] : discourse_->family_names) {
      if (entity < 0) continue;
      for (size_t at = s_.find(family + " "); at != std::string_view::npos; at = s_.find(family + " ", at + family.size())) {
        if (at > 0 && !IsSpace(s_[at - 1]) && CodePointBefore(s_, at) != U'(' && CodePointBefore(s_, at) != U'‘') continue;
        TitleMatch title;
        if (Overlaps(at, at + family.size()) || !ParseTitles(at + family.size() + 1, &title)) continue;
        Mention mention;
        mention.begin = at;
        mention.end = at + family.size();
        mention.word_end = title.end;  // the title and its particles belong to the name
        mention.entity = entity;
        Role role;
        std::string particles;
        if (!title.tail.empty() && ParseParticles(title.tail, &role, &particles) && role != Role::kTitle) mention.role = role, mention.particles = particles;
        mentions_.push_back(mention);
      }
    }
    std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    return;
  }
  for (const auto& [family, entity] : discourse_->family_names) {
    for (size_t at = s_.find(family); at != std::string_view::npos; at = s_.find(family, at + family.size())) {
      size_t end = at + family.size();
      auto letter = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(s_[k])) != 0 || s_[k] == '-'; };
      if ((at > 0 && letter(at - 1)) || (end < s_.size() && letter(end))) continue;
      size_t previous = at >= 1 ? at - 1 : 0;
      while (previous > 0 && letter(previous - 1)) --previous;
      bool capital_before = at >= 2 && s_[at - 1] == ' ' && previous < at - 1 && IsAsciiUpper(static_cast<unsigned char>(s_[previous]));
      // (A title after it is no longer name: "Navistar Chief Executive X".)
      TitleMatch title;
      bool capital_after = end + 1 < s_.size() && s_[end] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[end + 1])) && !ParseTitles(end + 1, &title);
      if (capital_before || capital_after || Overlaps(at, end)) continue;
      Mention mention;
      mention.begin = at;
      mention.end = mention.word_end = end;
      if (s_.substr(end).starts_with("'s") || s_.substr(end).starts_with("’s")) mention.role = Role::kGenitive;
      mention.entity = entity;
      mentions_.push_back(mention);
    }
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

// English names used as modifiers ("former OpenAI researchers") are no arguments; nor is a known
// person's name inside another's ("Donald Trump Jr.").
void Analysis::DropModifiers() {
  if (lang_ != Lang::kEnglish) return;
  static const std::vector<std::string_view> kNouns = {" researchers", " employees", " engineers", " executives", " staff", " alumni",
                                                       " veterans", " scientists", " users", " customers", " shares", " stock"};
  std::erase_if(mentions_, [&](const Mention& mention) {
    for (std::string_view noun : kNouns) {
      if (s_.substr(mention.word_end).starts_with(noun)) return true;
    }
    // "Donald Trump Jr." is not Donald Trump: a generational suffix names another person.
    if (mention.entity >= 0 && IsPerson(mention.entity)) {
      for (std::string_view generation : {" Jr.", " Jr", " Sr.", " Sr", " III", " II"}) {
        const std::string_view after = s_.substr(mention.word_end);
        if (after.starts_with(generation) && (after.size() == generation.size() || std::isalnum(static_cast<unsigned char>(after[generation.size()])) == 0)) return true;
      }
    }
    // "Microsoft-backed OpenAI": kept aside for ApplyCompounds.
    if (s_.substr(mention.end).starts_with("-") && mention.end + 1 < s_.size() && std::islower(static_cast<unsigned char>(s_[mention.end + 1])) != 0) {
      modifiers_.push_back(mention);
      return true;
    }
    return false;
  });
}

Mention Analysis::MentionWithParticles(size_t begin, size_t end, int entity) const {
  Mention mention;
  mention.begin = begin;
  mention.end = end;
  mention.word_end = end;
  mention.entity = entity;
  if (lang_ == Lang::kKorean) {
    size_t run_end = RunEnd(s_, end, [](char32_t cp) { return IsHangul(cp); });
    Role role;
    std::string particles;
    if (ParseParticles(s_.substr(end, run_end - end), &role, &particles)) {
      mention.role = role;
      mention.particles = particles;
      mention.word_end = run_end;
    }
  }
  return mention;
}

// A name followed by a closing quote or gloss: Korean particles come after those ("‘파두’와").
Mention Analysis::MentionBefore(size_t begin, size_t end, size_t after, int entity) const {
  Mention mention = MentionWithParticles(begin, end, entity);
  if (lang_ == Lang::kKorean) {
    Mention tail = MentionWithParticles(after, after, entity);
    mention.word_end = tail.word_end;
    mention.role = tail.role;
    mention.particles = tail.particles;
  }
  return mention;
}

// Korean names introduced by what they are: "AI 스타트업 누리봇은", "국내 기업인 트웰브랩스에",
// "LLM 개발사 업스테이지와", or by what was done to them: "아람코벤처스가 투자한 아모지". The name must carry particles (or end at a comma or bracket) and
// be no trigger, title or common word.
void Analysis::DiscoverCuedNames() {
  if (lang_ != Lang::kKorean) return;
  struct Cue {
    std::string_view word;
    bool needs_copula;  // common nouns introduce a name only as "기업인 X"
    const char* kind;
  };
  static const Cue kCues[] = {{"스타트업", false, "company"}, {"개발사", false, "company"}, {"자회사", false, "company"},
                              {"계열사", false, "company"},   {"벤처캐피털", false, "investor"}, {"투자사", false, "investor"},
                              {"운용사", false, "investor"},  {"기업", true, "company"},    {"업체", true, "company"},
                              {"회사", true, "company"},      {"법인", true, "company"},
                              // What someone invested in or bought: "아람코벤처스가 투자한 아모지".
                              {"투자한", false, "company"},   {"인수한", false, "company"}, {"돈을 넣은", false, "company"}};
  for (const Cue& cue : kCues) {
    for (size_t at = s_.find(cue.word); at != std::string_view::npos; at = s_.find(cue.word, at + cue.word.size())) {
      size_t end = at + cue.word.size();
      bool copula = s_.substr(end).starts_with("인 ");
      if (copula) end += 3;
      // A compound cue ("제조업체", "설계기업") says what the name is without a copula, and so
      // does a cue after a description of its own ("음성 인식 업체 사운드하운드": a bare noun
      // before the cue; the name then has three syllables or more).
      bool compound = at > 0 && IsHangul(CodePointBefore(s_, at));
      bool described = false;
      if (!compound && at >= 2 && s_[at - 1] == ' ') {
        size_t word_begin = RunStart(s_, at - 1, [](char32_t cp) { return IsHangul(cp); });
        std::string_view word = s_.substr(word_begin, at - 1 - word_begin);
        described = CountCodePoints(word) >= 2 && !rules_.EndsInKorean(word, kParticleEnding | kVerbEnding | kAdnominalEnding) &&
                    CommonNouns().count(word) == 0 && !Overlaps(word_begin, at - 1);
      }
      if ((cue.needs_copula && !copula && !compound && !described) || end >= s_.size() || s_[end] != ' ') continue;
      size_t name_begin = end + 1;
      size_t run_end = RunEnd(s_, name_begin, IsHangulOrAlnum);
      if (run_end == name_begin || Overlaps(name_begin, run_end)) continue;
      char32_t after = CodePointAt(s_, run_end);
      // The name ends where the longest particle chain starts ("럭스로보에도": 럭스로보 + 에도),
      // leaving it two syllables or more.
      size_t name_end = 0;
      for (size_t cut = run_end; cut > name_begin;) {
        std::string_view rest = s_.substr(cut, run_end - cut);
        Role role;
        std::string particles;
        bool bare_end = rest.empty() && (after == ',' || after == '(' || after == U'·' || after == U'（' ||
                                         (after == ' ' && s_.substr(run_end + 1).starts_with("등")));  // "아모지 등이"
        if (bare_end || (!rest.empty() && ParseParticles(rest, &role, &particles) && role != Role::kTitle && role != Role::kNone)) {
          // "나" ("or") rarely starts a chain but often ends a name ("너바나를").
          if (CountCodePoints(s_.substr(name_begin, cut - name_begin)) >= 2 && (name_end == 0 || !rest.starts_with("나"))) name_end = cut;
        } else if (name_end != 0) {
          break;
        }
        if (bare_end) break;
        size_t previous = cut - 1;
        while (previous > name_begin && (static_cast<unsigned char>(s_[previous]) & 0xC0) == 0x80) --previous;
        cut = previous;
      }
      if (name_end == 0) continue;
      std::string name(s_.substr(name_begin, name_end - name_begin));
      // "으로" is one particle: "투자한 것으로" names nothing.
      if (name.ends_with("으") && s_.substr(name_end).starts_with("로")) continue;
      if (CountCodePoints(name) < 2 || CommonNouns().count(name) != 0 || NotNames().count(name) != 0 || GenericWords().count(name) != 0) continue;
      if (described && !copula && !compound && cue.needs_copula &&
          (CountCodePoints(name) < 3 || rules_.EndsInKorean(name, kParticleEnding | kVerbEnding | kNounEnding))) {
        continue;
      }
      // A count names nothing: "AI 스타트업 5곳에", "기업 3개사".
      if (std::isdigit(static_cast<unsigned char>(name[0])) != 0) continue;
      bool trigger_word = false;
      for (const Rule& rule : rules_.rules) {
        if (rule.lang != lang_) continue;
        for (const std::string& trigger : rule.triggers) trigger_word = trigger_word || name.find(trigger) != std::string::npos;
      }
      TitleMatch title;
      if (trigger_word || ParseTitles(name_begin, &title)) continue;
      int entity = catalog_->FindByName(name);
      if (entity < 0) entity = Discover(Written(name), cue.kind, {}, "");
      AddMention(MentionWithParticles(name_begin, name_end, entity));
    }
  }
}

// Latin names inside Korean and Chinese text ("控股子公司Star Group", "AI Mind 持股",
// "Singularity AI是"): capitalised words that are no acronym. A product cue after the name
// makes it a product, an organisation suffix gives its kind, anything else is a company.
void Analysis::DiscoverLatinNames() {
  if (lang_ == Lang::kEnglish) return;
  // A Latin prefix written onto a known Chinese name is part of it: "GGV纪源资本".
  if (lang_ == Lang::kChinese) {
    for (Mention& mention : mentions_) {
      size_t start = mention.begin;
      while (start > 0 && IsAsciiAlnum(static_cast<unsigned char>(s_[start - 1]))) --start;
      std::string_view prefix = s_.substr(start, mention.begin - start);
      if (prefix.size() >= 2 && IsHan(CodePointAt(s_, mention.begin)) && GenericWords().count(prefix) == 0 && !Overlaps(start, mention.begin)) {
        mention.begin = start;
      }
    }
  }
  auto word_char = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(s_[i]);
    return std::isalnum(c) != 0 || c == '.' || c == '&' || c == '-' || c == '\'';
  };
  for (size_t i = 0; i < s_.size();) {
    // Names start with a capital, or with any letter right after a Chinese description
    // ("美国机器学习公司harvest.ai").
    bool described = lang_ == Lang::kChinese && std::islower(static_cast<unsigned char>(s_[i])) != 0 && s_.substr(0, i).ends_with("公司");
    if (!(IsAsciiUpper(static_cast<unsigned char>(s_[i])) || described) || (i > 0 && IsAsciiAlnum(static_cast<unsigned char>(s_[i - 1])))) {
      ++i;
      continue;
    }
    size_t begin = i, end = i;
    int tokens = 0;
    bool lowercase = false, all_short_caps = true;
    while (i < s_.size() && tokens < 4 && (IsAsciiUpper(static_cast<unsigned char>(s_[i])) || std::isdigit(static_cast<unsigned char>(s_[i])) != 0 || (described && i == begin))) {
      size_t token_end = i;
      while (token_end < s_.size() && word_char(token_end)) ++token_end;
      while (token_end > i && (s_[token_end - 1] == '.' || s_[token_end - 1] == '-' || s_[token_end - 1] == '\'')) --token_end;
      std::string_view token = s_.substr(i, token_end - i);
      if (tokens > 0 && IsOfficerAcronym(token)) break;  // "Airbnb CEO布莱恩": the title is no part of the name
      bool has_lower = std::any_of(token.begin(), token.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
      lowercase = lowercase || has_lower;
      all_short_caps = all_short_caps && !has_lower && token.size() <= 4;
      ++tokens;
      end = token_end;
      i = token_end;
      if (i + 1 < s_.size() && s_[i] == ' ' && (IsAsciiUpper(static_cast<unsigned char>(s_[i + 1])) || std::isdigit(static_cast<unsigned char>(s_[i + 1])) != 0)) ++i;
      else break;
    }
    i = std::max(i, end) + (end == begin ? 1 : 0);
    std::string name(s_.substr(begin, end - begin));
    bool usable = end > begin && lowercase && !all_short_caps && (tokens >= 2 || name.size() >= 4) && GenericWords().count(name) == 0 &&
                  !Overlaps(begin, end) && name.size() <= 60;
    if (!usable) continue;
    // A funding round's name ("Pre-A轮", "Series B 라운드", "Pre-IPO") names nobody.
    std::string_view after_name = TrimSpace(s_.substr(end, 12));
    if (after_name.starts_with("轮") || after_name.starts_with("라운드") || name.starts_with("Pre-")) continue;
    std::string kind;
    if (!HasOrgSuffix(name, LangIndex(Lang::kEnglish), &kind)) {
      std::string_view after = TrimSpace(s_.substr(end, 24));
      for (const std::string& cue : rules_.product_cues[li_]) kind = after.starts_with(cue) ? "product" : kind;
      // ... or a short Chinese description that ends in one: "Seed-Thinking-v1.5推理模型", "Qwen3系列模型".
      if (lang_ == Lang::kChinese && kind.empty()) {
        size_t run = SkipSpaces(s_, end), chars = 0;
        while (run < s_.size() && chars < 6 && IsHan(CodePointAt(s_, run)) && !IsChineseFunction(CodePointAt(s_, run))) run += 3, ++chars;
        std::string_view described = s_.substr(SkipSpaces(s_, end), run - SkipSpaces(s_, end));
        for (const std::string& cue : rules_.product_cues[li_]) kind = chars >= 2 && described.ends_with(cue) ? "product" : kind;
      }
    }
    // A person's name right after a title: "星河科技的创始人Alex Smola", "首席执行官 Jane Doe" (two
    // or three words of letters).
    if (kind.empty() && tokens >= 2 && tokens <= 3 && std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == ' '; })) {
      const std::string_view before = TrimSpace(s_.substr(0, begin));
      const size_t space = before.find_last_of(' ');
      const bool titled = std::any_of(rules_.titles[li_].begin(), rules_.titles[li_].end(), [&](const Title& title) { return before.ends_with(title.word); }) ||
                          IsOfficerAcronym(space == std::string_view::npos ? before.substr(before.size() >= 5 ? before.size() - 5 : 0) : before.substr(space + 1));
      if (titled) kind = "person";
    }
    int entity = catalog_->FindByName(name);
    if (entity < 0) entity = Discover(Written(name), kind.empty() ? "company" : kind, {}, name);
    AddMention(MentionWithParticles(begin, end, entity));
  }
}

}  // namespace relgraph::importers::article
