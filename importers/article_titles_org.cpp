// Titles next to an organisation: "최인혁 네이버 COO", "마이크로소프트의 부회장인 브래드 스미스",
// "배영훈 LG AI연구원장", "누리사업단(단장 김하늘)", "百度创始人李彦宏", "OpenAI CEO Sam Altman",
// "梁文锋是幻方量化的创始人", "刘明在星河科技担任执行董事" (the stages of Analysis::ApplyTitles that
// start from the organisation).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// The titles next to each organisation the sentence names (not the persons this adds).
void Analysis::ApplyOrganisationTitles(std::vector<Extraction>* out) {
  size_t original = mentions_.size();
  for (size_t m = 0; m < original; ++m) {
    ApplyTitlesNextToOrg(m, out);
  }
}

// The titles next to the organisation mentions_[m] names: in brackets after it, in its own name
// ("LG AI연구원장"), after it ("ORG TITLE PERSON", "PERSON ORG TITLE") or after a person after it
// ("ORG PERSON TITLE").
void Analysis::ApplyTitlesNextToOrg(size_t m, std::vector<Extraction>* out) {
  const Mention organisation = mentions_[m];
  if (organisation.entity < 0 || !IsOrg(organisation.entity)) return;
  int org = organisation.entity;
  double base = organisation.anaphor ? 0.75 : 0.85;
  // "国务院国资委副主任李镇": of two organisations side by side the nearer one holds the title.
  if (lang_ == Lang::kChinese) {
    bool nested = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
      return other.begin == organisation.word_end && other.entity >= 0 && other.entity != org && IsOrg(other.entity);
    });
    if (nested) return;
  }
  ApplyBracketedTitles(organisation, base, out);
  if (organisation.role == Role::kTitle) {  // "배영훈 LG AI연구원장은"
    TitleMatch match;
    match.works = true;
    int person = PersonBefore(organisation.begin);
    if (person >= 0) AddPersonGroup(person, TailRole(std::string_view(organisation.particles).substr(3)));
    EmitTitle(person, org, match, "title_head", base, out);
    return;
  }
  TitleMatch match;
  bool fielded = false;
  bool titled = ParseTitleAfterOrg(organisation, &org, &match, &fielded, out);
  bool genitive = organisation.role == Role::kGenitive;
  bool bare = organisation.role == Role::kNone || genitive;
  bool governed = TitleGoverned(organisation, m);
  if (governed && titled) {
    size_t person_end = 0;
    int person = PersonAfter(SkipSpaces(s_, match.end), &person_end);
    if (person >= 0) {
      mentions_[static_cast<size_t>(person)].role = organisation.role;
      EmitTitle(person, org, match, "title_after_org", base, out);
      // The person stands where the organisation stood in its list (for the whole list when
      // it ends in this organisation: all of it qualifies the title).
      if (group_of_.size() > m && group_of_[m] >= 0) {
        Group& group = groups_[static_cast<size_t>(group_of_[m])];
        bool qualifiers_only = std::all_of(group.members.begin(), group.members.end(), [&](int member) {
          const Mention& other = mentions_[static_cast<size_t>(member)];
          TitleMatch own;
          return member == static_cast<int>(m) || (other.entity >= 0 && IsOrg(other.entity) && !ParseTitles(other.word_end, &own));
        });
        if (group.members.back() == static_cast<int>(m) && lang_ == Lang::kEnglish && qualifiers_only) group.members.assign(1, static_cast<int>(m));
        std::replace(group.members.begin(), group.members.end(), static_cast<int>(m), person);
        group.end = std::max(group.end, mentions_[static_cast<size_t>(person)].word_end);
      }
      return;
    }
  }
  if (titled && bare) {
    // Y: ORG (의) TITLE(인) PERSON
    size_t after = match.end;
    while (after < s_.size() && (s_[after] == ' ' || s_[after] == ',')) ++after;
    if (s_.substr(after).starts_with("、")) after += 3;
    size_t person_end = 0;
    bool tail_ok = lang_ != Lang::kKorean || match.tail.empty() || match.tail == "인" || match.tail == "이던" || match.tail == "였던" || match.tail == "이었던";
    // "KT 대표로 내정된 구현모": the title a person was appointed to.
    if (lang_ == Lang::kKorean && (match.tail == "로" || match.tail == "으로")) {
      for (const std::string& appointed : rules_.appointment_verbs[li_]) {
        if (!s_.substr(after).starts_with(appointed) || !s_.substr(after + appointed.size()).starts_with(' ')) continue;
        after = SkipSpaces(s_, after + appointed.size());
        tail_ok = true;
        break;
      }
    }
    // Chinese chains "ORG1职务、ORG2职务PERSON": the person holds every title of the chain.
    if (lang_ == Lang::kChinese) {
      for (int hops = 0; hops < 6; ++hops) {
        size_t next = s_.substr(after).starts_with("、") ? after + 3 : after;
        const Mention* next_org = nullptr;
        for (const Mention& other : mentions_) {
          if (other.begin == next && other.entity >= 0 && IsOrg(other.entity)) next_org = &other;
        }
        TitleMatch chained;
        if (next_org != nullptr ? !ParseTitles(next_org->word_end, &chained) : (next == after || !ParseTitles(next, &chained))) break;
        after = chained.end;
      }
    }
    // X: PERSON ORG TITLE. Korean writes it first ("이재성 트웰브랩스 대표는"), so there it is
    // tried before Y; a list "A 총장, B 한양대 총장" must not give A's title to B.
    auto person_org_title = [&]() {
      if (organisation.role != Role::kNone && !(lang_ == Lang::kEnglish && genitive)) return false;
      int before = PersonBefore(organisation.begin);
      if (before < 0) return false;
      if (lang_ == Lang::kKorean) {
        // "테슬라 최고경영자 일론 머스크, 오픈AI 최고경영자 샘 앨트먼": a person right after a
        // title belongs to that title ("ORG TITLE PERSON"), not to the organisation after it.
        size_t end = mentions_[static_cast<size_t>(before)].begin;
        while (end > 0 && IsSpace(s_[end - 1])) --end;
        size_t start = RunStart(s_, end, IsHangulOrAlnum);
        TitleMatch previous;
        if (start < end && ParseTitles(start, &previous) && previous.tail.empty() && previous.end == end) return false;
      }
      AddPersonGroup(before, TailRole(match.tail));
      EmitTitle(before, org, match, "title_person_org", base, out);
      EmitTitleBeforePerson(before, org, base, out);
      return true;
    };
    if (lang_ == Lang::kKorean && person_org_title()) return;
    // Korean "A의 CEO이자 B 공동 창업자인 X": X holds the first title too.
    if (lang_ == Lang::kKorean && match.tail == "이자") {
      size_t next = SkipSpaces(s_, match.end);
      for (const Mention& other : mentions_) {
        TitleMatch chained;
        if (other.begin != next || other.entity < 0 || !IsOrg(other.entity) || !other.particles.empty() || !ParseTitles(other.word_end, &chained)) continue;
        if (chained.tail.empty() || chained.tail == "인") after = SkipSpaces(s_, chained.end), tail_ok = true;
        break;
      }
    }
    int person = tail_ok ? PersonAfter(after, &person_end) : -1;
    if (person < 0) person = PersonAfterCopula(after, &person_end);  // "星河智能的创始人是王磊"
    if (fielded && person < 0) return;
    if (person >= 0 && lang_ == Lang::kKorean) {
      // The person after the title starts the next "PERSON ORG TITLE" of a list (no comma
      // between: "카카오 대표 A, 네이버 부사장 B" gives A to 카카오).
      size_t next = SkipSpaces(s_, std::min(person_end, mentions_[static_cast<size_t>(person)].end));
      for (const Mention& other : mentions_) {
        if (other.begin == next && other.entity >= 0 && IsOrg(other.entity)) person = -1;
      }
    }
    if (person >= 0) {
      AddPersonGroup(person, mentions_[static_cast<size_t>(person)].role);
      EmitTitle(person, org, match, "title_after_org", base, out);
      // "Hyundai and Kia's robotics chief X": a possessive after a list covers all of it.
      if (lang_ == Lang::kEnglish && genitive && group_of_.size() > m && group_of_[m] >= 0) {
        const Group& list = groups_[static_cast<size_t>(group_of_[m])];
        if (list.members.back() == static_cast<int>(m)) {
          for (int member : list.members) {
            const Mention& other = mentions_[static_cast<size_t>(member)];
            if (member != static_cast<int>(m) && other.entity >= 0 && IsOrg(other.entity) && !other.anaphor) EmitTitle(person, other.entity, match, "title_after_org", base - 0.03, out);
          }
        }
      }
      return;
    }
    if (lang_ != Lang::kKorean && person_org_title()) return;
    // "P는 ORG의 TITLE이다", "梁文锋是幻方量化的创始人", "Li served as Google's president":
    // the person the sentence is about.
    // ("P는 X의 대표를 맡고 있다": the title as the object of a verb of holding it, too.)
    const auto& tails = rules_.title_predicate_tails[li_];
    bool predicate = lang_ != Lang::kKorean || std::find(tails.begin(), tails.end(), match.tail) != tails.end() || match.tail == "을" || match.tail == "를";
    if (predicate) {
      // "朱一明是兆易创新的创始人": a name nobody has met before, right before the copula.
      if (lang_ == Lang::kChinese) {
        const std::string_view head = s_.substr(0, organisation.begin);
        for (std::string_view copula : {"是", "为", "担任", "出任"}) {
          if (!head.ends_with(copula)) continue;
          const int person = PersonBefore(organisation.begin - copula.size());
          if (person >= 0 && mentions_[static_cast<size_t>(person)].role == Role::kNone) AddPersonGroup(person, Role::kNone);
          break;
        }
      }
      for (const Group& group : groups_) {
        if (group.end > organisation.begin) break;
        const Mention& first = mentions_[static_cast<size_t>(group.members.front())];
        bool subject = lang_ == Lang::kKorean ? group.role == Role::kSubject : group.role == Role::kNone;
        if (subject && first.entity >= 0 && IsPerson(first.entity)) {
          // "王磊曾任百度副总裁", "X previously served as Y's president": a former job.
          std::string_view between = std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(group.end, organisation.begin - std::min(organisation.begin, group.end));
          for (const std::string& word : rules_.former[li_]) match.former = match.former || between.find(word) != std::string_view::npos;
          // "A和B分别是C和D的创始人": the lists pair up in order; lists of different lengths relate
          // nobody.
          if (RespectivelySaid() && group.members.size() >= 2) {
            const Group* orgs = group_of_.size() > m && group_of_[m] >= 0 ? &groups_[static_cast<size_t>(group_of_[m])] : nullptr;
            if (orgs != nullptr && orgs->members.size() == group.members.size() && orgs->members.back() == static_cast<int>(m)) {
              for (size_t k = 0; k < group.members.size(); ++k) {
                const int holder = mentions_[static_cast<size_t>(orgs->members[k])].entity;
                if (holder >= 0 && IsOrg(holder)) EmitTitle(group.members[k], holder, match, "title_predicate", base - 0.05, out);
              }
            }
            break;
          }
          EmitTitle(group.members.front(), org, match, "title_predicate", base - 0.05, out);
          break;
        }
      }
    }
    return;
  }
  // Z: ORG(의) PERSON TITLE
  if (genitive || (lang_ == Lang::kKorean && organisation.role == Role::kNone)) ApplyOrgPersonTitle(organisation, org, base, out);
}

// ORG(TITLE PERSON): "누리사업단(단장 김하늘)은", "星河科技（董事长 王明）".
void Analysis::ApplyBracketedTitles(const Mention& organisation, double base, std::vector<Extraction>* out) {
  const int org = organisation.entity;
  for (std::string_view open : {"(", "（"}) {
    if (!s_.substr(organisation.end).starts_with(open)) continue;
    TitleMatch match;
    size_t person_end = 0;
    if (!ParseTitles(organisation.end + open.size(), &match) || !match.tail.empty()) continue;
    int person = PersonAfter(SkipSpaces(s_, match.end), &person_end);
    std::string_view close = open == "(" ? ")" : "）";
    if (person < 0 || !s_.substr(SkipSpaces(s_, person_end)).starts_with(close)) continue;
    AddPersonGroup(person, Role::kNone);
    EmitTitle(person, org, match, "title_in_brackets", base, out);
  }
}

// The title right after an organisation, past a closing quote, a word for now ("현", "current",
// "现任") and unit, field or place words; true when there is one. A Chinese unit between them
// becomes an organisation of its own, part of *org, and takes *org's place.
bool Analysis::ParseTitleAfterOrg(const Mention& organisation, int* org, TitleMatch* match, bool* fielded, std::vector<Extraction>* out) {
  size_t pos = organisation.word_end;
  // A closing quote of the organisation stands between: "유태준 '마음AI' 대표".
  for (std::string_view quote : {"'", "\"", "’", "”"}) {
    if (lang_ != Lang::kEnglish && s_.substr(pos).starts_with(quote)) pos += quote.size();
  }
  if (lang_ == Lang::kEnglish && s_.substr(organisation.end).starts_with("'s")) pos = organisation.end + 2;
  if (lang_ == Lang::kChinese && s_.substr(organisation.end).starts_with("的")) pos = organisation.end + 3;
  // "우버의 현 최고경영자", "OpenAI's current CEO", "百度现任CEO": the title as it stands now.
  for (std::string_view now : {"현 ", "현재 ", "current ", "现任", "現任"}) {
    size_t at = SkipSpaces(s_, pos);
    if (std::string_view(lang_ == Lang::kEnglish ? Lower(s_.substr(at, now.size())) : std::string(s_.substr(at, now.size()))) == now) pos = at + now.size();
  }
  bool titled = ParseTitles(pos, match);
  // Unit or place words between an organisation and the title: "네이버 AI LAB 소장", "谷歌中国总裁".
  // Korean units end in 실, 팀, 부, 본부, 센터, 부문, 사업부 ("삼성전자 경영지원실 기획팀 상무"); a
  // unit may take several words, and a word may qualify the title after it ("마이크로소프트
  // 글로벌 마켓 디벨롭먼트 부문 최고기술경영자", "... 공공 부문 비즈니스 리더").
  bool unit_seen = false;
  for (int skip = 0; skip < 6 && !titled && lang_ == Lang::kKorean && organisation.role == Role::kNone; ++skip) {
    size_t word = SkipSpaces(s_, pos);
    size_t word_end = word;
    while (word_end < s_.size() && IsAsciiAlnum(static_cast<unsigned char>(s_[word_end]))) ++word_end;
    if (word_end == word || !IsAsciiUpper(static_cast<unsigned char>(s_[word]))) {
      word_end = RunEnd(s_, word, IsHangulOrAlnum);
      std::string_view unit = s_.substr(word, word_end - word);
      if (CountCodePoints(unit) < 2 || CountCodePoints(unit) > 8 || Overlaps(word, word_end) || word_end == s_.size() || s_[word_end] != ' ') break;
      bool unit_suffix = false;
      unit_suffix = IsUnitName(unit);
      // Without a unit word so far, only a unit word may come next (or, at most, words
      // leading to one).
      unit_seen = unit_seen || unit_suffix;
    } else {
      unit_seen = true;  // "AI LAB"
    }
    pos = word_end;
    if (unit_seen) titled = ParseTitles(pos, match);
  }
  // English field words between an organisation and its title, when a person follows the
  // title: "Apple machine learning chief X", "Meta AI chief X", "OpenAI board chair X".
  for (int skip = 0; skip < 3 && !titled && lang_ == Lang::kEnglish && (organisation.role == Role::kNone || organisation.role == Role::kGenitive); ++skip) {
    size_t word = pos + 1;
    if (pos >= s_.size() || s_[pos] != ' ') break;
    size_t word_end = word;
    while (word_end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[word_end])) != 0) ++word_end;
    if (word_end == word || word_end >= s_.size() || s_[word_end] != ' ' || Overlaps(word, word_end)) break;
    std::string_view field = s_.substr(word, word_end - word);
    bool lower = std::all_of(field.begin(), field.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    bool acronym = field.size() <= 3 && std::all_of(field.begin(), field.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    static const std::unordered_set<std::string_view> kNoField = {"and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "its",
                                                                  "their", "his", "her", "the", "a", "an", "said", "says", "has", "have", "had",
                                                                  "is", "was", "will", "would", "also", "named", "hired", "appointed", "former", "rival"};
    if (!(lower || acronym) || kNoField.count(field) != 0) break;
    pos = word_end;
    titled = ParseTitles(pos, match);
    *fielded = titled;
  }
  // Chinese "清华大学电子工程系教授": the unit is an organisation of its own, part of the named
  // one, and the person works there.
  if (!titled && lang_ == Lang::kChinese && ChineseUnitEnd(pos) != pos) {
    size_t unit_end = ChineseUnitEnd(pos);
    std::string kind = Kind(*org) == "company" ? "company" : Kind(*org);
    int unit = Discover(Written(std::string(s_.substr(organisation.begin, unit_end - organisation.begin))), kind, {}, "");
    if (unit >= 0 && unit != *org) {
      Extraction part{unit, *org, "part_of", "title_unit_of_org", 0.8, false, "", {}};
      part.amount_value.begin = organisation.begin;
      out->push_back(part);
      *org = unit;
    }
    pos = unit_end;
    titled = ParseTitles(pos, match);
  }
  if (!titled && lang_ == Lang::kChinese) {
    for (std::string_view place : {"中国", "美国", "韩国", "日本", "亚洲", "全球", "北京", "上海", "欧洲", "大中华区"}) {
      if (s_.substr(pos).starts_with(place)) titled = ParseTitles(pos + place.size(), match);
      if (titled) break;
    }
  }
  return titled;
}

// "founded by LinkedIn co-founder Reid Hoffman", "report to Microsoft CEO Satya Nadella",
// "由北京大学教授王磊创立": the preposition governs the whole phrase.
bool Analysis::TitleGoverned(const Mention& organisation, size_t m) const {
  bool bare = organisation.role == Role::kNone || organisation.role == Role::kGenitive;
  bool governed = (lang_ == Lang::kEnglish && (organisation.role == Role::kBy || organisation.role == Role::kFrom || organisation.role == Role::kWith ||
                                               organisation.role == Role::kDative)) ||
                  (lang_ == Lang::kChinese && !bare) ||
                  (lang_ == Lang::kEnglish && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) {
                     // "founded by Google co-founder X", "hired former Intel executive X"
                     size_t at = SkipSpaces(s_, hit.end);
                     for (const std::string& word : rules_.former_before[li_]) {
                       if (lower_.substr(at).starts_with(word)) at = SkipSpaces(s_, at + word.size());
                     }
                     // (the whole list before the title: "hired former Intel and Coursera executive X")
                     size_t begin = group_of_.size() > m && group_of_[m] >= 0 ? groups_[static_cast<size_t>(group_of_[m])].begin : organisation.begin;
                     return hit.end <= begin && (SkipSpaces(s_, hit.end) == begin || at == begin);
                   }));
  return governed;
}

// Z: ORG(의) PERSON TITLE ("비런커지의 쉬링제 대표", "중소기업중앙회 서울지역본부 박승찬 본부장").
void Analysis::ApplyOrgPersonTitle(const Mention& organisation, int org, double base, std::vector<Extraction>* out) {
  size_t person_end = 0;
  int person = PersonAfter(organisation.word_end, &person_end);
  // Korean "ORG UNIT PERSON TITLE": "중소기업중앙회 서울지역본부 박승찬 본부장".
  size_t from = organisation.word_end;
  for (int skip = 0; person < 0 && lang_ == Lang::kKorean && organisation.role == Role::kNone && skip < 3; ++skip) {
    size_t word = SkipSpaces(s_, from);
    size_t word_end = RunEnd(s_, word, IsHangulOrAlnum);
    if (word == from || !IsUnitName(s_.substr(word, word_end - word)) || Overlaps(word, word_end) || word_end >= s_.size() || s_[word_end] != ' ') break;
    from = word_end;
  }
  // (the word after the units is the person's, unless it is a unit too)
  size_t next_word = SkipSpaces(s_, from);
  if (person < 0 && from != organisation.word_end && !IsUnitName(s_.substr(next_word, RunEnd(s_, next_word, IsHangulOrAlnum) - next_word))) {
    person = PersonAfter(from, &person_end);
  }
  TitleMatch after_person;
  // The title may already belong to the person's mention ("김우진 대표이사" found by its title).
  if (person >= 0 && (ParseTitles(person_end, &after_person) || ParseTitles(mentions_[static_cast<size_t>(person)].end, &after_person))) {
    AddPersonGroup(person, TailRole(after_person.tail));
    EmitTitle(person, org, after_person, "title_org_person", base, out);
  }
}

// Chinese "刘明在星河科技担任执行董事", "曾在百度任副总裁": the post held at the place named.
void Analysis::ApplyChineseTitlesHeldAt(std::vector<Extraction>* out) {
  if (lang_ != Lang::kChinese) return;
  for (size_t p = 0; p + 1 < mentions_.size(); ++p) {
    const Mention& person = mentions_[p];
    const Mention& place = mentions_[p + 1];
    if (person.entity < 0 || !IsPerson(person.entity) || place.entity < 0 || !IsOrg(place.entity) || place.anaphor) continue;
    std::string_view between = s_.substr(person.word_end, place.begin - std::min(place.begin, person.word_end));
    const bool was = between == "曾在" || between == "曾经在";
    if (between != "在" && between != "现在" && !was) continue;
    size_t at = place.word_end;
    bool holds = false;
    for (std::string_view verb : {"担任", "出任", "任职", "任"}) {
      if (!holds && s_.substr(at).starts_with(verb)) at += verb.size(), holds = true;
    }
    TitleMatch match;
    if (!holds || !ParseTitles(at, &match)) continue;
    match.former = match.former || was;
    EmitTitle(static_cast<int>(p), place.entity, match, "title_held_at_org", 0.82, out);
  }
}

}  // namespace relgraph::importers::article
