// Persons by the shape of their names and the organisations their titles name: a person after
// or before a position (known, or a new name of the language's shape), a Chinese unit before a
// title ("计算机系"), and organisations nobody has named yet that stand between a person and a
// title ("김찬규 메이아이 대표는", "猎户星空董事长傅盛"). article_titles.cpp reads the titles.
#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {
// A person named at pos: a known person, or a new name of the language's shape (Korean and
// transliterated Chinese names: 2-4 syllables starting with a surname; Chinese: a surname and
// one or two characters; English: two or three capitalised words).
int Analysis::PersonAfter(size_t pos, size_t* end) {
  pos = SkipSpaces(s_, pos);
  for (const std::string& honorific : rules_.honorifics[li_]) {
    if (s_.substr(pos).starts_with(honorific)) pos = SkipSpaces(s_, pos + honorific.size());
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& mention = mentions_[m];
    if (mention.begin == pos && mention.entity >= 0 && IsPerson(mention.entity)) {
      *end = mention.word_end;
      return static_cast<int>(m);
    }
  }
  // Inside a name no other name starts (a gloss after a name may hold one: "사업단(단장 김하늘)").
  auto inside_name = [&](size_t begin, size_t end) {
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) { return begin < mention.end && mention.begin < end; });
  };
  if (inside_name(pos, pos + 1)) return -1;
  std::string name;
  size_t name_end = pos;
  if (lang_ == Lang::kKorean) {
    size_t run_end = RunEnd(s_, pos, [](char32_t cp) { return IsHangul(cp); });
    if (run_end < s_.size() && IsAsciiAlnum(CodePointAt(s_, run_end))) return -1;
    std::string_view run = s_.substr(pos, run_end - pos);
    for (size_t syllables = 4; syllables >= 2; --syllables) {
      if (run.size() < syllables * 3) continue;
      Role role;
      std::string particles;
      if (!ParseParticles(run.substr(syllables * 3), &role, &particles) || role == Role::kTitle) continue;
      std::string_view candidate = run.substr(0, syllables * 3);
      bool surname = false;
      // Four syllables only after a two-syllable surname ("남궁민수"): "홍길동은" is 홍길동 + 은.
      for (const std::string& word : rules_.surnames[li_]) {
        surname = surname || (candidate.starts_with(word) && candidate.size() > word.size() && (syllables < 4 || word.size() >= 6));
      }
      // (A common noun or an organisation's suffix word is no name: "국내 대표 반도체 기업".)
      if (!surname || NotNames().count(candidate) != 0 || CommonNouns().count(candidate) != 0 || Contains(rules_.bound_suffixes[li_], candidate)) continue;
      name = std::string(candidate);
      name_end = pos + syllables * 3;
      *end = run_end;
      break;
    }
    // A transliterated name of two words: "다라 코스로샤히", "트래비스 캘러닉이". The first word
    // takes no particle; neither is a common word, a title or a word that names nobody. It is
    // also read when the first word alone looks like a Korean name but a title follows the
    // second ("오렌 에치오니 소장은": 오 is a surname too).
    TitleMatch title_after_first;
    bool single_bare = !name.empty() && *end == name_end && !ParseTitles(SkipSpaces(s_, name_end), &title_after_first);
    if ((name.empty() || single_bare) && run_end < s_.size() && s_[run_end] == ' ') {
      std::string single = name;
      size_t single_name_end = name_end, single_end = *end;
      name.clear();
      size_t second = run_end + 1;
      size_t second_end = RunEnd(s_, second, [](char32_t cp) { return IsHangul(cp); });
      std::string_view first_word = s_.substr(pos, run_end - pos);
      auto plain = [&](std::string_view word) {
        TitleMatch title;
        return CountCodePoints(word) >= 2 && CountCodePoints(word) <= 6 && CommonNouns().count(word) == 0 && NotNames().count(word) == 0 &&
               GenericWords().count(word) == 0 && !Contains(rules_.bound_suffixes[li_], word) && !ParseTitles(static_cast<size_t>(word.data() - s_.data()), &title) &&
               !EndsInKindWord(word.ends_with("인") ? word.substr(0, word.size() - 3) : word, rules_.org_cues[li_]);  // "로봇 전문기업인" describes
      };
      Role role;
      std::string particles;
      // The first word takes no particle ("연구진이 겸직 교수로" names nobody).
      bool first_bare = !rules_.EndsInKorean(first_word, kParticleEnding);
      if (second_end > second && (second_end >= s_.size() || !IsAsciiAlnum(CodePointAt(s_, second_end))) && plain(first_word) && first_bare) {
        std::string_view run = s_.substr(second, second_end - second);
        // The second word with its particles: the longest name that leaves a particle chain
        // ("캘러닉이" is 캘러닉 + 이), else the whole word.
        std::vector<size_t> cuts;
        for (size_t cut = run.size() - 3; cut >= 6 && cut < run.size(); cut -= 3) cuts.push_back(cut);
        cuts.push_back(run.size());
        for (size_t cut : cuts) {
          if (!name.empty()) break;
          if (!ParseParticles(run.substr(cut), &role, &particles) || role == Role::kTitle || !plain(run.substr(0, cut))) continue;
          name = std::string(s_.substr(pos, second + cut - pos));
          name_end = second + cut;
          *end = second_end;
        }
      }
      // The single word stays the name unless the two words are followed by a title.
      TitleMatch title_after_two;
      if (!single.empty() && (name.empty() || !ParseTitles(SkipSpaces(s_, *end), &title_after_two))) {
        name = single;
        name_end = single_name_end;
        *end = single_end;
      }
    }
  } else if (lang_ == Lang::kChinese) {
    for (size_t chars = 3; chars >= 2 && name.empty(); --chars) {
      std::string_view candidate = s_.substr(pos, chars * 3);
      if (candidate.size() < chars * 3) continue;
      bool all_han = true;
      for (size_t k = 0; k < chars; ++k) all_han = all_han && IsHan(CodePointAt(s_, pos + k * 3));
      if (!all_han) continue;
      // "张鹏表示": the last character starts a word that follows names (data/triggers.json
      // "person_followers"), or a trigger word ("王磊创立", "汪玉发起").
      auto verb_at = [&](size_t at) {
        return std::any_of(rules_.person_followers[li_].begin(), rules_.person_followers[li_].end(), [&](const std::string& word) { return s_.substr(at).starts_with(word); }) ||
               std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return hit.begin == at; });
      };
      if (chars == 3 && verb_at(pos + 6)) continue;
      // (Nor does one end in an adverb that follows names: "王磊则认为".)
      if (chars == 3 && std::u32string_view(U"则便却").find(CodePointAt(s_, pos + 6)) != std::u32string_view::npos) continue;
      char32_t next = CodePointAt(s_, pos + chars * 3);
      if (IsHan(next) && rules_.person_next_chars[li_].find(next) == std::u32string::npos && !verb_at(pos + chars * 3)) continue;
      bool surname = false;
      for (const std::string& word : rules_.surnames[li_]) surname = surname || candidate.starts_with(word);
      if (!surname) continue;
      name = std::string(candidate);
      name_end = pos + chars * 3;
      *end = name_end;
    }
    // A transliterated name, its parts joined by a middle dot: "布莱恩·切斯基", "埃隆・马斯克".
    if (name.empty()) {
      auto han_run = [&](size_t from, size_t limit) {
        size_t at = from;
        for (size_t chars = 0; chars < limit && at < s_.size(); ++chars) {
          char32_t cp = CodePointAt(s_, at);
          if (!IsHan(cp) || (chars > 0 && IsChineseFunction(cp))) break;
          if (chars > 0 && std::any_of(rules_.person_followers[li_].begin(), rules_.person_followers[li_].end(),
                                       [&](const std::string& word) { return s_.substr(at).starts_with(word); })) {
            break;
          }
          at += 3;
        }
        return at;
      };
      size_t first_end = han_run(pos, 5);
      size_t dot = first_end;
      char32_t joiner = dot < s_.size() ? CodePointAt(s_, dot) : 0;
      if (first_end > pos && (joiner == U'·' || joiner == U'・' || joiner == U'•')) {
        size_t second = dot + std::string_view(joiner == U'·' ? "·" : joiner == U'・' ? "・" : "•").size();
        size_t second_end = han_run(second, 5);
        if (second_end > second) {
          name = std::string(s_.substr(pos, second_end - pos));
          name_end = second_end;
          *end = name_end;
        }
      }
    }
  } else {
    size_t i = pos;
    int words = 0;
    while (i < s_.size() && words < 3 && IsAsciiUpper(static_cast<unsigned char>(s_[i]))) {
      size_t word_end = i;
      while (word_end < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[word_end])) != 0 || s_[word_end] == '-' || s_[word_end] == '.' || s_[word_end] == '\'')) ++word_end;
      if (GenericWords().count(s_.substr(i, word_end - i)) != 0) break;
      ++words;
      name_end = word_end;
      if (word_end + 1 < s_.size() && s_[word_end] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[word_end + 1]))) i = word_end + 1;
      else break;
    }
    if (words >= 2) {
      name = std::string(s_.substr(pos, name_end - pos));
      while (!name.empty() && (name.back() == '.' || name.back() == '\'')) name.pop_back(), --name_end;
      *end = name_end;
      if (s_.substr(name_end).starts_with("'s")) *end = name_end + 2;
    }
  }
  if (name.empty() || inside_name(pos, name_end)) return -1;
  int entity = Discover(Written(name), "person", {}, lang_ == Lang::kEnglish ? name : "");
  if (!IsPerson(entity)) return -1;
  Mention mention;
  mention.begin = pos;
  mention.end = name_end;
  mention.word_end = *end;
  mention.entity = entity;
  if (lang_ == Lang::kKorean) {
    Role role;
    std::string particles;
    if (ParseParticles(s_.substr(name_end, *end - name_end), &role, &particles)) mention.role = role, mention.particles = particles;
  }
  mentions_.push_back(mention);
  return static_cast<int>(mentions_.size()) - 1;
}

// Korean "카카오 대표 박민수, 네이버 부사장 나영진": the person after an organisation's title is
// named before lists are built, so a list of titled persons runs from person to person.
void Analysis::DiscoverTitledPersons() {
  if (lang_ != Lang::kKorean) return;
  size_t count = mentions_.size();
  for (size_t m = 0; m < count; ++m) {
    const Mention organisation = mentions_[m];
    if (organisation.entity < 0 || !IsOrg(organisation.entity) || organisation.role != Role::kNone || !organisation.particles.empty()) continue;
    TitleMatch match;
    if (!ParseTitles(organisation.word_end, &match) || !match.tail.empty()) continue;
    size_t person_end = 0;
    PersonAfter(match.end, &person_end);
  }
}

int Analysis::PersonBefore(size_t pos) {
  size_t end = pos;
  // An opening quote or a Korean legal-form mark of the organisation stands between: "이흥노
  // '리버밴스' 대표", "구광모 ㈜LG 대표".
  for (std::string_view quote : {"'", "\"", "‘", "“", "㈜", "(주)"}) {
    if (s_.substr(0, end).ends_with(quote)) end -= quote.size();
  }
  while (end > 0 && (s_[end - 1] == ' ' || s_[end - 1] == ',')) --end;
  // Korean writes a former job's marker between the person and the job: "진대제 전 정보통신부
  // 장관" (the job is a past one; the title readers see the marker before the organisation).
  if (lang_ == Lang::kKorean) {
    for (const std::string& word : rules_.former_before[li_]) {
      std::string_view marker = TrimSpace(word);
      std::string_view before = s_.substr(0, end);
      if (!marker.empty() && before.ends_with(marker) && before.size() > marker.size() && before[before.size() - marker.size() - 1] == ' ') {
        end -= marker.size();
        while (end > 0 && s_[end - 1] == ' ') --end;
        break;
      }
    }
  }
  if (lang_ == Lang::kChinese) {
    while (end >= 3 && (s_.substr(end - 3, 3) == "（")) end -= 3;
    if (end > 0 && s_[end - 1] == '(') --end;
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& mention = mentions_[m];
    // (English: an apposition after a comma describes the person whatever its role: "report to
    // X, Y's CTO".)
    bool apposition = lang_ == Lang::kEnglish && s_.substr(end, pos - end).find(',') != std::string_view::npos;
    if (mention.word_end == end && mention.entity >= 0 && IsPerson(mention.entity) && (mention.role == Role::kNone || apposition)) return static_cast<int>(m);
  }
  size_t start = end;
  if (lang_ == Lang::kKorean) {
    start = RunStart(s_, end, [](char32_t cp) { return IsHangul(cp); });
    // A name starts after a space, a bracket, a quote or a list's middle dot ("A 지사·B 시장").
    auto name_starts_after = [](char32_t cp) { return cp == U' ' || cp == U'(' || cp == U'‘' || cp == U'·' || cp == U'ㆍ' || cp == U'・' || cp == U','; };
    if (start > 0 && !IsSpace(s_[start - 1]) && !name_starts_after(CodePointBefore(s_, start))) return -1;
    std::string_view candidate = s_.substr(start, end - start);
    size_t syllables = candidate.size() / 3;
    bool surname = false;
    for (const std::string& word : rules_.surnames[li_]) surname = surname || (candidate.starts_with(word) && candidate.size() > word.size());
    // (A transliterated family name may be longer: "히로시 로크하이머".)
    if (syllables < 1 || syllables > (surname ? 4 : 6) || NotNames().count(candidate) != 0) return -1;
    if (!surname || syllables == 1) {
      // A transliterated name of two words right before "ORG TITLE": "샘 알트먼", "젠슨 황".
      auto plain_word = [this](std::string_view word) {
        if (word.empty() || word.size() > 18 || NotNames().count(word) != 0 || GenericWords().count(word) != 0) return false;
        return !rules_.EndsInKorean(word, kParticleEnding | kVerbEnding | kNounEnding);
      };
      if (!plain_word(candidate) || start < 2 || s_[start - 1] != ' ') return -1;
      size_t first_end = start - 1;
      size_t first_start = RunStart(s_, first_end, [](char32_t cp) { return IsHangul(cp); });
      std::string_view first = s_.substr(first_start, first_end - first_start);
      if (first.size() < 3 || first.size() > 12 || !plain_word(first)) return -1;
      if (first_start > 0 && !IsSpace(s_[first_start - 1]) && !name_starts_after(CodePointBefore(s_, first_start))) return -1;
      if (syllables + first.size() / 3 < 3) return -1;
      start = first_start;
    }
  } else if (lang_ == Lang::kEnglish) {
    int words = 0;
    size_t i = end;
    while (i > 0 && words < 3) {
      size_t word_start = i;
      while (word_start > 0 && (std::isalpha(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '-' || s_[word_start - 1] == '.')) --word_start;
      if (word_start == i || !IsAsciiUpper(static_cast<unsigned char>(s_[word_start])) || GenericWords().count(s_.substr(word_start, i - word_start)) != 0) break;
      start = word_start;
      ++words;
      if (word_start == 0 || s_[word_start - 1] != ' ') break;
      i = word_start - 1;
    }
    if (words < 2) return -1;
    // A two- or three-word name found earlier by its capitals alone ("Mara Quist" read as a
    // company) before a title is a person's.
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& mention = mentions_[m];
      if (mention.begin != start || mention.end != end || mention.entity < 0 || !catalog_->at(mention.entity).discovered) continue;
      std::string kind;
      if (Kind(mention.entity) != "company" || HasOrgSuffix(s_.substr(start, end - start), li_, &kind)) return -1;
      catalog_->SetDiscoveredKind(mention.entity, "person");
      return static_cast<int>(m);
    }
  } else {
    // Chinese: a surname and one or two characters, after punctuation or a function word.
    bool found = false;
    for (size_t chars = 3; chars >= 2 && !found; --chars) {
      if (end < chars * 3) continue;
      size_t candidate_start = end - chars * 3;
      bool all_han = true;
      for (size_t k = 0; k < chars; ++k) all_han = all_han && IsHan(CodePointAt(s_, candidate_start + k * 3));
      if (!all_han) continue;
      char32_t before = CodePointBefore(s_, candidate_start);
      if (IsHan(before) && !IsChineseFunction(before)) continue;
      std::string_view candidate = s_.substr(candidate_start, chars * 3);
      bool surname = false;
      for (const std::string& word : rules_.surnames[li_]) surname = surname || candidate.starts_with(word);
      if (!surname) continue;
      start = candidate_start;
      found = true;
    }
    if (!found) return -1;
  }
  if (start >= end || Overlaps(start, end)) return -1;
  std::string name(s_.substr(start, end - start));
  int entity = Discover(Written(name), "person", {}, lang_ == Lang::kEnglish ? name : "");
  if (!IsPerson(entity)) return -1;
  Mention mention;
  mention.begin = start;
  mention.end = end;
  mention.word_end = end;
  mention.entity = entity;
  mentions_.push_back(mention);
  return static_cast<int>(mentions_.size()) - 1;
}

size_t Analysis::ChineseUnitEnd(size_t pos) const {
  if (lang_ != Lang::kChinese) return pos;
  static const std::vector<std::string_view> kUnits = {"系", "学院", "學院", "研究院", "研究所", "实验室", "實驗室", "中心", "事业部", "事業部", "事业群", "分公司", "部"};
  size_t end = pos;
  for (int chars = 0; chars < 8 && end < s_.size(); ++chars) {
    char32_t cp = 0;
    size_t length = DecodeAt(s_, end, &cp);
    if (!IsHan(cp)) break;
    end += length;
    if (chars == 0) continue;
    std::string_view unit = s_.substr(pos, end - pos);
    TitleMatch match;
    if (std::any_of(kUnits.begin(), kUnits.end(), [&](std::string_view suffix) { return unit.ends_with(suffix); }) && !Overlaps(pos, end) &&
        ParseTitles(end, &match)) {
      return end;
    }
  }
  return pos;
}

int Analysis::PersonAfterCopula(size_t pos, size_t* end) {
  if (lang_ != Lang::kChinese) return -1;
  bool copula = false;
  for (std::string_view word : {"为", "為", "是"}) {
    if (!copula && s_.substr(pos).starts_with(word)) pos += word.size(), copula = true;
  }
  if (!copula) return -1;
  for (const Mention& other : mentions_) {
    if (other.begin != pos || other.entity < 0 || !IsOrg(other.entity)) continue;
    size_t after = other.word_end;
    if (s_.substr(after).starts_with("的")) after += 3;
    after = ChineseUnitEnd(after);
    TitleMatch match;
    if (!ParseTitles(after, &match)) return -1;
    pos = match.end;
    break;
  }
  TitleMatch match;
  if (ParseTitles(pos, &match)) pos = match.end;
  return PersonAfter(pos, end);
}

// Chinese persons by a courtesy title after the name ("李泽湘教授回到长沙", "王芳博士于2019年创立"):
// a surname and one or two characters that open at a boundary (the start, punctuation, a
// function character) and are no known name.
void Analysis::DiscoverChineseCourtesyPersons() {
  // (So does a verb of taking a post: "陆奇担任百度集团总裁"; an organisation takes no post.)
  std::vector<std::string> markers = rules_.courtesy_titles[li_];
  markers.insert(markers.end(), rules_.post_verbs[li_].begin(), rules_.post_verbs[li_].end());
  for (const std::string& courtesy : markers) {
    for (size_t at = s_.find(courtesy); at != std::string_view::npos; at = s_.find(courtesy, at + courtesy.size())) {
      for (size_t chars = 3; chars >= 2; --chars) {
        if (at < chars * 3) continue;
        const size_t start = at - chars * 3;
        std::string_view name = s_.substr(start, chars * 3);
        bool all_han = true;
        for (size_t k = 0; k < chars; ++k) all_han = all_han && IsHan(CodePointAt(name, k * 3)) && !IsChineseFunction(CodePointAt(name, k * 3));
        const char32_t before = start > 0 ? CodePointBefore(s_, start) : U'，';
        const bool boundary = start == 0 || !IsHan(before) || IsChineseFunction(before);
        if (!all_han || !boundary || !StartsWithSurname(name) || Overlaps(start, at) || GenericWords().count(name) != 0) continue;
        int entity = Discover(Written(std::string(name)), "person", {}, "");
        if (entity >= 0 && IsPerson(entity)) AddMention(MentionWithParticles(start, at, entity));
        break;
      }
    }
  }
}

// Chinese "ORG TITLE PERSON" with an organisation nobody has named yet: "猎豹移动董事长兼CEO、
// 猎户星空董事长傅盛". The Han run from a boundary (start, punctuation, 、, a function
// character) to a title names the organisation when it is two to eight characters, no known
// name, no common word and no description ("该公司", "一家").
void Analysis::DiscoverChineseTitledOrgs() {
  static const std::vector<std::string_view> kNotStart = {"该", "这", "那", "本", "其", "一", "多", "各", "首", "前", "现", "原", "副", "公司", "集团", "企业"};
  for (const Title& title : rules_.titles[li_]) {
    if (!IsHan(CodePointAt(title.word, 0))) continue;
    for (size_t at = s_.find(title.word); at != std::string_view::npos; at = s_.find(title.word, at + title.word.size())) {
      if (Overlaps(at, at + title.word.size())) continue;
      // Part of a longer title ("创始人" in "联合创始人"): that one is read instead.
      bool longer = false;
      for (const Title& other : rules_.titles[li_]) {
        size_t extra = other.word.size() - std::min(other.word.size(), title.word.size());
        longer = longer || (extra > 0 && other.word.ends_with(title.word) && at >= extra && s_.substr(at - extra).starts_with(other.word));
      }
      if (longer) continue;
      size_t start = at;
      size_t chars = 0;
      while (start > 0 && chars <= 8) {
        char32_t cp = CodePointBefore(s_, start);
        if (!IsHan(cp) || IsChineseFunction(cp)) break;
        start -= 3;
        ++chars;
      }
      if (chars < 2 || chars > 8 || Overlaps(start, at)) continue;
      std::string_view name = s_.substr(start, at - start);
      // Another title's end is no name: "联合创始人兼首席执行官".
      if (ContainsTitle(name) || GenericWords().count(name) != 0) continue;
      // A person taking the title ("李文博任联合创始人", "王芳董事长") is no organisation.
      if (name.ends_with("任") || name.ends_with("为") || (chars <= 3 && StartsWithSurname(name))) continue;
      if (std::any_of(kNotStart.begin(), kNotStart.end(), [&](std::string_view word) { return name.starts_with(word); })) continue;
      // The run must open at a boundary, not in the middle of a clause's words ("在大会上担任董事长").
      char32_t before = start > 0 ? CodePointBefore(s_, start) : U'，';
      static const std::u32string_view kBoundaries = U"，,、。；;：:（(“\"「 ";
      if (start > 0 && kBoundaries.find(before) == std::u32string_view::npos) continue;
      std::string kind;
      if (!HasOrgSuffix(std::string(name), li_, &kind)) kind = "company";
      int entity = catalog_->FindByName(std::string(name));
      if (entity < 0) entity = Discover(Written(std::string(name)), kind, {}, "");
      if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(start, at, entity));
    }
  }
}

// Korean "PERSON ORG TITLE" with an organisation nobody has named yet: "김찬규 메이아이 대표는",
// "박지훈 그린스텔라 게임즈 대표". One to three bare words between a person-shaped name and a
// title name the organisation, when none of them is a common word, a title or a known name;
// ApplyTitles then reads the phrase like any other.
void Analysis::DiscoverTitledOrgs() {
  if (lang_ == Lang::kChinese) DiscoverChineseCourtesyPersons(), DiscoverChineseTitledOrgs();
  if (lang_ != Lang::kKorean) return;
  // "이서연씨가", "김민준 씨는", "이재성(28·대표)씨": a Korean name before the honorific 씨 (and
  // a bracket with the age) is a person.
  for (size_t at = s_.find("씨"); at != std::string_view::npos; at = s_.find("씨", at + 3)) {
    size_t end = at;
    if (end > 0 && s_[end - 1] == ' ') --end;
    if (end > 0 && s_[end - 1] == ')') {
      size_t open = s_.rfind('(', end - 1);
      if (open != std::string_view::npos && end - open <= 40) end = open;
    }
    size_t start = RunStart(s_, end, [](char32_t cp) { return IsHangul(cp); });
    std::string_view name = s_.substr(start, end - start);
    size_t tail_end = RunEnd(s_, at + 3, [](char32_t cp) { return IsHangul(cp); });
    Role role;
    std::string particles;
    if (name.size() != 9 || !StartsWithSurname(name) || NotNames().count(name) != 0 || CommonNouns().count(name) != 0 || Overlaps(start, end)) continue;
    if (start > 0 && !IsSpace(s_[start - 1])) continue;
    if (!ParseParticles(s_.substr(at + 3, tail_end - at - 3), &role, &particles)) continue;
    int entity = Discover(Written(std::string(name)), "person", {}, "");
    if (entity < 0 || !IsPerson(entity)) continue;
    Mention mention = MentionWithParticles(start, end, entity);
    mention.word_end = tail_end;
    mention.role = role;
    mention.particles = particles;
    AddMention(mention);
  }
  // A bare word: Hangul or Latin letters and digits, ending in no case particle.
  auto bare_word = [&](size_t begin, size_t end) {
    std::string_view word = s_.substr(begin, end - begin);
    if (word.empty() || CountCodePoints(word) > 12 || Overlaps(begin, end)) return false;
    if (std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) return false;
    if (ContainsTitle(word)) return false;  // "리서치본부장이"
    return !rules_.EndsInKorean(word, kParticleEnding);
  };
  // A new Korean name: a surname and two syllables (three after a two-syllable surname).
  auto person_shaped = [&](std::string_view word) {
    if (word.size() % 3 != 0 || NotNames().count(word) != 0 || CommonNouns().count(word) != 0) return false;
    if (rules_.EndsInKorean(word, kParticleEnding)) return false;
    for (const std::string& surname : rules_.surnames[li_]) {
      if (word.starts_with(surname) && word.size() == surname.size() + 6) return true;
    }
    return false;
  };
  // Every word that opens with a title, including titles glued to their field ("테크리더는",
  // "AI사업단장"): the words holding a title word or head, each read once.
  std::vector<size_t> word_starts;
  auto add_word_of = [&](size_t at) {
    while (at > 0 && s_[at - 1] != ' ') --at;
    if (at >= 2) word_starts.push_back(at);
  };
  for (const Title& title : rules_.titles[li_]) {
    for (size_t at = s_.find(title.word); at != std::string_view::npos; at = s_.find(title.word, at + 1)) add_word_of(at);
  }
  for (const std::string& head : rules_.title_heads[li_]) {
    for (size_t at = s_.find(head); at != std::string_view::npos; at = s_.find(head, at + 1)) add_word_of(at);
  }
  std::sort(word_starts.begin(), word_starts.end());
  word_starts.erase(std::unique(word_starts.begin(), word_starts.end()), word_starts.end());
  for (size_t at : word_starts) {
    {
      TitleMatch match;
      if (at >= s_.size() || s_[at] == ' ' || Overlaps(at, at + 1) || !ParseTitles(at, &match)) continue;
      if (match.tail == "을" || match.tail == "를") continue;  // "PERSON이 대표를 맡는다": the title is an object
      // Up to four words before the title, nearest first; a former job's marker before the
      // organisation is no word of the phrase ("진대제 전 정보통신부 장관"). (Right before the
      // title it may be the noun "before": "이사회 전 대표가" is no person.)
      std::vector<std::pair<size_t, size_t>> words;
      for (size_t end = at - 1; words.size() < 4;) {
        size_t begin = RunStart(s_, end, IsHangulOrAlnum);
        if (begin == end) break;
        std::string_view word = s_.substr(begin, end - begin);
        bool former = std::any_of(rules_.former_before[li_].begin(), rules_.former_before[li_].end(),
                                  [&](const std::string& marker) { return TrimSpace(marker) == word; });
        if (!former || words.empty()) words.emplace_back(begin, end);
        if (begin < 2 || s_[begin - 1] != ' ') break;
        end = begin - 1;
      }
      if (words.empty()) continue;
      // "그는 뱅크샐러드의 공동 창업자이자 CTO로": an organisation nobody has named yet, owned by
      // the title a person the sentence is about holds.
      {
        auto [begin, end] = words[0];
        std::string_view word = s_.substr(begin, end - begin);
        const auto& tails = rules_.title_predicate_tails[li_];
        bool predicate = std::find(tails.begin(), tails.end(), match.tail) != tails.end();
        std::string_view stem = word.ends_with("의") ? word.substr(0, word.size() - 3) : std::string_view();
        bool person_subject = false;
        for (size_t k = 1; k < words.size(); ++k) {
          std::string_view other = s_.substr(words[k].first, words[k].second - words[k].first);
          bool topic = other.ends_with("는") || other.ends_with("은") || other.ends_with("가") || other.ends_with("이");
          bool person = other == "그는" || other == "그가" || other == "그녀는" || other == "그녀가" ||
                        std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
                          return mention.begin == words[k].first && mention.entity >= 0 && IsPerson(mention.entity);
                        });
          person_subject = person_subject || (topic && person);
        }
        // A name, not a common word: three syllables or more, or Latin letters, and no
        // determiner before it ("이번 행사의 위원장").
        bool latin = std::any_of(stem.begin(), stem.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)); });
        std::string_view previous_word = words.size() > 1 ? s_.substr(words[1].first, words[1].second - words[1].first) : std::string_view();
        bool determined = rules_.determiners.count(previous_word) != 0 || rules_.quantifiers.count(previous_word) != 0;
        if (predicate && person_subject && (CountCodePoints(stem) >= 3 || latin) && !determined && CountCodePoints(stem) <= 8 && !Overlaps(begin, end) &&
            std::all_of(stem.begin(), stem.end(), [](char c) { return c != ' '; }) && CommonNouns().count(stem) == 0 && NotNames().count(stem) == 0 &&
            GenericWords().count(stem) == 0 && !ContainsTitle(stem)) {
          int entity = catalog_->FindByName(std::string(stem));
          if (entity < 0) entity = Discover(Written(std::string(stem)), "company", {}, "");
          if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(begin, begin + stem.size(), entity));
          continue;
        }
      }
      // "PERSON TITLE": "최문영 전무가", "김하늘 교수는" (unless the word before is a person too:
      // then the nearer word names an organisation, "김철수 이노텍 대표").
      auto known_person_at = [&](size_t begin, size_t end) {
        for (const Mention& mention : mentions_) {
          if (mention.begin == begin && mention.word_end == end && mention.entity >= 0 && IsPerson(mention.entity)) return true;
        }
        return false;
      };
      {
        auto [begin, end] = words[0];
        std::string_view word = s_.substr(begin, end - begin);
        bool next_is_person = words.size() > 1 && (person_shaped(s_.substr(words[1].first, words[1].second - words[1].first)) ||
                                                   known_person_at(words[1].first, words[1].second));
        if (!next_is_person && person_shaped(word) && !Overlaps(begin, end) && (begin == 0 || !IsHangulOrAlnum(CodePointBefore(s_, begin)))) {
          int entity = Discover(Written(std::string(word)), "person", {}, "");
          if (entity >= 0 && IsPerson(entity)) {
            Mention mention;
            mention.begin = begin;
            mention.end = end;
            mention.word_end = match.end;  // the title and its particles belong to the name
            mention.entity = entity;
            Role role = Role::kNone;
            std::string particles;
            if (!match.tail.empty() && ParseParticles(match.tail, &role, &particles) && role != Role::kTitle) mention.role = role, mention.particles = particles;
            AddMention(mention);
          }
          continue;
        }
      }
      for (size_t n = 1; n < words.size() && n <= 3; ++n) {
        auto [person_begin, person_end] = words[n];
        std::string_view person = s_.substr(person_begin, person_end - person_begin);
        if (person_begin > 0 && IsHangulOrAlnum(CodePointBefore(s_, person_begin))) break;
        bool known_person = known_person_at(person_begin, person_end);
        if (!known_person && (!person_shaped(person) || Overlaps(person_begin, person_end))) continue;
        size_t org_begin = words[n - 1].first, org_end = words[0].second;
        bool usable = true;
        for (size_t k = 0; k < n && usable; ++k) {
          auto [begin, end] = words[k];
          std::string_view word = s_.substr(begin, end - begin);
          TitleMatch inner;
          usable = bare_word(begin, end) && NotNames().count(word) == 0 && CommonNouns().count(word) == 0 && !ParseTitles(begin, &inner) &&
                   (k + 1 < n || GenericWords().count(word) == 0);
        }
        if (!usable) break;
        std::string name(s_.substr(org_begin, org_end - org_begin));
        std::string kind;
        if (!HasOrgSuffix(name, li_, &kind)) kind = "company";
        int entity = catalog_->FindByName(name);
        if (entity < 0) entity = Discover(Written(name), kind, {}, "");
        if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(org_begin, org_end, entity));
        break;
      }
    }
  }
}

}  // namespace relgraph::importers::article
