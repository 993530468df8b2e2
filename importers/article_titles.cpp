// Persons and their titles: "최인혁 네이버 COO", "마이크로소프트의 부회장인 브래드 스미스",
// "百度创始人李彦宏", "科大讯飞董事长刘庆峰", "OpenAI CEO Sam Altman", "Sam Altman, chief executive
// of OpenAI", "夏立雪任联合创始人" give works_at and founded.
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

bool IsOfficerAcronym(std::string_view token) {
  return token.size() >= 3 && token.size() <= 5 && token.front() == 'C' && token.back() == 'O' &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A Korean unit's name: "클라우드사업부", "서울지역본부", "부문".
bool Analysis::IsUnitName(std::string_view word) const {
  return CountCodePoints(word) >= 2 &&
         std::any_of(rules_.unit_suffixes[li_].begin(), rules_.unit_suffixes[li_].end(), [&](const std::string& suffix) { return word.ends_with(suffix); });
}

// A title modifier at pos that a listed title follows ("senior " director, "投资" 合伙人).
const std::string* Analysis::TitleModifierAt(size_t pos) const {
  std::string_view text = lang_ == Lang::kEnglish ? std::string_view(lower_) : std::string_view(s_);
  for (const std::string& modifier : rules_.title_modifiers[li_]) {
    if (!text.substr(pos).starts_with(modifier)) continue;
    std::string_view after = text.substr(pos + modifier.size());
    if (std::any_of(rules_.titles[li_].begin(), rules_.titles[li_].end(), [&](const Title& title) { return after.starts_with(lang_ == Lang::kEnglish ? title.lower : title.word); })) {
      return &modifier;
    }
  }
  return nullptr;
}

// Where the (listed) title at pos begins, its modifier included: "蓝海资本投资合伙人" is the
// fund's investment partner.
size_t Analysis::TitleStartBefore(size_t pos) const {
  std::string_view before = std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(0, pos);
  size_t start = pos;
  for (const std::string& modifier : rules_.title_modifiers[li_]) {
    if (before.ends_with(modifier)) start = std::min(start, pos - modifier.size());
  }
  return start;
}

// A sequence of titles at pos: "창업자 겸 최고경영자", "chief executive", "联合创始人兼CEO".
bool Analysis::ParseTitles(size_t pos, TitleMatch* match) const {
  size_t i = SkipSpaces(s_, pos);
  // An ordinal before a Korean title: "2차관", "1부사장".
  if (lang_ == Lang::kKorean && i + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i])) != 0 && IsHangul(CodePointAt(s_, i + 1))) ++i;
  // "former senior director", "前首席科学家", "전 네이버 대표" (data/triggers.json former_before).
  for (const std::string& word : rules_.former_before[li_]) {
    if (std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(i).starts_with(word)) match->former = true, i += word.size();
  }
  auto title_at = [&](size_t at, const Title& title) {
    return std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(at).starts_with(lang_ == Lang::kEnglish ? title.lower : title.word);
  };
  bool any = false;
  for (int count = 0; count < 3; ++count) {
    // "senior director", "founding managing partner", "高级副总裁": a modifier before a title.
    if (const std::string* modifier = TitleModifierAt(i)) {
      if (modifier->starts_with("found") || modifier->find("创始") != std::string::npos || modifier->find("創始") != std::string::npos) match->founded = true;
      i += modifier->size();
    }
    const Title* found = nullptr;
    for (const Title& title : rules_.titles[li_]) {
      if (!title_at(i, title)) continue;
      size_t end = i + title.word.size();
      if (lang_ == Lang::kEnglish && end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end])) != 0) continue;
      if (lang_ == Lang::kKorean) {
        size_t run_end = RunEnd(s_, end, [](char32_t cp) { return IsHangul(cp); });
        Role role;
        std::string particles;
        if (!ParseParticles(s_.substr(end, run_end - end), &role, &particles)) continue;
      }
      found = &title;
      break;
    }
    size_t word_size = found != nullptr ? found->word.size() : 0;
    bool founded = found != nullptr && found->type == "founded";
    if (found == nullptr && lang_ == Lang::kKorean) {
      // Titles made with a head noun: "최고전략책임자", "AI사업담당", "전략기획실장".
      size_t run_end = RunEnd(s_, i, [](char32_t cp) { return IsHangul(cp); });
      std::string_view run = s_.substr(i, run_end - i);
      // ... and any title after a unit's name: "기업지원본부장", "사업단장", "디지털금융부문 부행장".
      auto try_head = [&](std::string_view head, size_t min_prefix) {
        if (word_size != 0) return;
        size_t at = run.rfind(head);
        if (at == std::string_view::npos || at < min_prefix) return;
        Role role;
        std::string particles;
        if (ParseParticles(run.substr(at + head.size()), &role, &particles)) word_size = at + head.size();
      };
      for (const std::string& head : rules_.title_heads[li_]) try_head(head, 3);
      for (const Title& title : rules_.titles[li_]) {
        bool hangul = CountCodePoints(title.word) >= 2 && title.word.size() == CountCodePoints(title.word) * 3 && title.word.find(' ') == std::string::npos;
        if (hangul && title.type == "works_at") try_head(title.word, 6);
      }
    }
    // Officers of any field: "chief content officer", "Chief AI Officer", "首席内容官", "首席人工智能官".
    // ... and scientists: "chief AI scientist" (longer than the bare title "chief").
    for (std::string_view head : {" officer", " scientist"}) {
      bool bare_chief = found != nullptr && found->lower == "chief";
      if ((word_size != 0 && !bare_chief) || lang_ != Lang::kEnglish || !lower_.substr(i).starts_with("chief ")) break;
      size_t officer = lower_.find(head, i + 5);
      std::string_view field = std::string_view(s_).substr(i + 5, officer == std::string::npos ? 0 : officer - i - 5);
      size_t officer_end = officer + head.size();
      if (officer != std::string::npos && std::count(field.begin(), field.end(), ' ') <= 3 && field.find_first_of(",.;:()") == std::string_view::npos &&
          (officer_end == s_.size() || std::isalpha(static_cast<unsigned char>(s_[officer_end])) == 0)) {
        word_size = officer_end - i;
        found = nullptr;
        break;
      }
    }
    // Officers by acronym, in any language: "CMO", "CAIO", "CDO".
    if (word_size == 0 && (i == 0 || !IsAsciiAlnum(static_cast<unsigned char>(s_[i - 1])))) {
      size_t k = i;
      while (k < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[k]))) ++k;
      Role role;
      std::string particles;
      bool ends = k == s_.size() || !IsAsciiAlnum(static_cast<unsigned char>(s_[k]));
      bool particle_ok = lang_ != Lang::kKorean || ParseParticles(s_.substr(k, RunEnd(s_, k, [](char32_t cp) { return IsHangul(cp); }) - k), &role, &particles);
      if (ends && particle_ok && IsOfficerAcronym(s_.substr(i, k - i))) word_size = k - i;
    }
    if (found == nullptr && lang_ == Lang::kChinese && s_.substr(i).starts_with("首席")) {
      size_t end = RunEnd(s_, i + 6, [](char32_t cp) { return IsHan(cp) && cp != U'官'; });
      if (end > i + 6 && end - i - 6 <= 15 && s_.substr(end).starts_with("官")) word_size = end + 3 - i;
    }
    // A field after an English title: "head of business, Jeff Wang", "vice president of global
    // sales, Graham Moreno" (lower-case words up to a comma; "CEO of Google" names the employer).
    if (word_size != 0 && lang_ == Lang::kEnglish && lower_.substr(i + word_size).starts_with(" of ")) {
      size_t k = i + word_size + 4;
      int words = 0;
      for (; words < 4; ++words) {
        size_t word_end = k;
        while (word_end < s_.size() && (std::islower(static_cast<unsigned char>(s_[word_end])) != 0 || s_[word_end] == '-')) ++word_end;
        std::string_view word = std::string_view(s_).substr(k, word_end - k);
        if (word.empty() || word == "the" || word == "its" || word == "their" || word == "a" || word == "an") break;
        k = word_end;
        if (k >= s_.size() || s_[k] != ' ') {
          ++words;
          break;
        }
        ++k;
      }
      if (words > 0 && k < s_.size() && s_[k] == ',') word_size = k - i;
    }
    if (word_size == 0) break;
    any = true;
    (founded ? match->founded : match->works) = true;
    i += word_size;
    // "CEO-elect", "president-designate": chosen for the post.
    for (std::string_view chosen : {"-elect", "-designate"}) {
      if (lang_ == Lang::kEnglish && lower_.substr(i).starts_with(chosen)) i += chosen.size();
    }
    if (lang_ == Lang::kKorean) {
      size_t run_end = RunEnd(s_, i, [](char32_t cp) { return IsHangul(cp); });
      match->tail = std::string(s_.substr(i, run_end - i));
      i = run_end;
    }
    match->end = i;
    // A gloss after the title: "최고전략책임자(CSO)", "首席执行官（CEO）".
    if (match->tail.empty()) {
      for (std::string_view open : {"(", "（"}) {
        if (!s_.substr(i).starts_with(open)) continue;
        size_t close = s_.find(open == "(" ? ")" : "）", i);
        if (close != std::string_view::npos && close - i <= 24) {
          i = close + (open == "(" ? 1 : 3);
          if (lang_ == Lang::kKorean) {
            size_t run_end = RunEnd(s_, i, [](char32_t cp) { return IsHangul(cp); });
            match->tail = std::string(s_.substr(i, run_end - i));
            i = run_end;
          }
          match->end = i;
        }
      }
    }
    // Joined titles.
    size_t next = SkipSpaces(s_, i);
    bool joined = false;
    for (std::string_view joiner : {"겸 ", "및 ", "兼", "、", "和", "及", "/", "and ", "& "}) {
      if (lower_.substr(next).starts_with(joiner)) {
        i = SkipSpaces(s_, next + joiner.size());
        joined = true;
        break;
      }
    }
    if (match->tail == "이자") joined = true, i = SkipSpaces(s_, i);
    // Korean titles in a row: "최고전략책임자(CSO) 부사장은", "대표이사 사장".
    if (!joined && lang_ == Lang::kKorean && match->tail.empty() && next > i) i = next, joined = true;
    if (!joined) break;
  }
  return any;
}

// Person titles: "최인혁 네이버 COO", "마이크로소프트의 부회장인 브래드 스미스", "비런커지의
// 쉬링제 대표", "배영훈 LG AI연구원장", "百度创始人李彦宏", "OpenAI CEO Sam Altman",
// "Sam Altman, chief executive of OpenAI"; a title without an organisation ("创始人杨植麟")
// belongs to the sentence's topic. A person named with a title takes the title's particles
// as its role ("브래드 스미스 MS 부회장은" is the subject).
void Analysis::ApplyTitles(std::vector<Extraction>* out) {
  auto emit = [&](int person_mention, int org, const TitleMatch& match, std::string_view rule, double confidence) {
    if (person_mention < 0 || org < 0) return;
    int person = mentions_[static_cast<size_t>(person_mention)].entity;
    if (person < 0 || person == org) return;
    Extraction extraction{person, org, "", std::string(rule), confidence, false, "", {}};
    extraction.amount_value.begin = mentions_[static_cast<size_t>(person_mention)].begin;
    // "Former Meta researcher X", "前谷歌研究员", "구글 출신 X": no longer works there.
    bool former = match.former;
    std::string_view text = lang_ == Lang::kEnglish ? std::string_view(lower_) : std::string_view(s_);
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& mention = mentions_[m];
      if (mention.entity != org || mention.end == 0) continue;
      // "former Intel and Coursera executive": the word before a list covers all of it.
      size_t from = m < group_of_.size() && group_of_[m] >= 0 ? std::min(mention.begin, groups_[static_cast<size_t>(group_of_[m])].begin) : mention.begin;
      for (const std::string& word : rules_.former_before[li_]) former = former || text.substr(0, mention.begin).ends_with(word) || text.substr(0, from).ends_with(word);
      for (const std::string& word : rules_.former_after[li_]) former = former || text.substr(mention.word_end).starts_with(word);
    }
    if (match.founded) extraction.type = "founded", out->push_back(extraction);
    if (match.works && !former) extraction.type = "works_at", out->push_back(extraction);
  };
  auto tail_role = [](std::string_view tail) {
    Role role = Role::kNone;
    std::string particles;
    if (!ParseParticles(tail, &role, &particles) || role == Role::kTitle) role = Role::kNone;
    return role;
  };
  auto org_ending_at = [&](size_t pos) {
    for (const Mention& mention : mentions_) {
      if (mention.entity < 0 || !IsOrg(mention.entity)) continue;
      size_t end = mention.word_end;
      if (lang_ == Lang::kChinese && s_.substr(end).starts_with("的")) end += 3;
      if (SkipSpaces(s_, end) == pos || end == pos || (end < pos && ChineseUnitEnd(end) == pos)) return true;
    }
    return false;
  };
  // A title written before "PERSON ORG TITLE": "창업자인 이재성 트웰브랩스 대표는" also founded.
  auto title_before = [&](int person_mention, int org, double confidence) {
    if (lang_ != Lang::kKorean) return;
    size_t end = mentions_[static_cast<size_t>(person_mention)].begin;
    while (end > 0 && IsSpace(s_[end - 1])) --end;
    size_t start = RunStart(s_, end, [](char32_t cp) { return IsHangul(cp); });
    if (start == end) return;
    TitleMatch match;
    if (!ParseTitles(start, &match) || (match.tail != "인" && !match.tail.empty()) || SkipSpaces(s_, match.end) != mentions_[static_cast<size_t>(person_mention)].begin) return;
    emit(person_mention, org, match, "title_before_person", confidence - 0.05);
  };
  // Titles with no organisation before them: the topic's ("月之暗面成立于2023年，创始人杨植麟...").
  int topic_entity = -1;
  size_t topic_end = 0;
  for (const Group& group : groups_) {
    const Mention& first = mentions_[static_cast<size_t>(group.members.front())];
    if (first.entity >= 0 && IsOrg(first.entity) && (group.role == Role::kSubject || (lang_ != Lang::kKorean && group.role == Role::kNone))) {
      if (lang_ == Lang::kEnglish && group.begin > 40) break;  // not the sentence's subject
      topic_entity = first.entity;
      // (An anaphor stands for the previous sentence's topic, so a title before it is that
      // topic's too: "Chief Executive X said the company would hire".)
      topic_end = first.anaphor ? 0 : group.end;
      break;
    }
  }
  // "Chief Executive Arthur Mensch said ...": an English sentence that opens with a title is
  // about the previous sentence's organisation.
  bool topic_from_discourse = false;
  int previous_topic = discourse_->topic >= 0 ? discourse_->topic : discourse_->last_topic;
  // (After a quote, "..." said CEO X, the speaker belongs to what the article is about.)
  const std::string_view text = lower_;
  const auto& verbs = rules_.quote_verbs[li_];
  const bool quoted = std::any_of(verbs.begin(), verbs.end(), [&](const std::string& verb) {
    return text.find("\" " + verb) != std::string_view::npos || text.find("” " + verb) != std::string_view::npos;
  });
  if (quoted && discourse_->MainTopic() >= 0 && IsOrg(discourse_->MainTopic())) previous_topic = discourse_->MainTopic();
  if (topic_entity < 0 && lang_ == Lang::kEnglish && previous_topic >= 0 && IsOrg(previous_topic)) {
    topic_entity = previous_topic;
    topic_from_discourse = true;
  }
  if (topic_entity >= 0) {
    // Title words in text order, so a person can stand where the one before stands.
    std::vector<std::pair<size_t, const Title*>> title_hits;
    std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
    for (const Title& title : rules_.titles[li_]) {
      for (size_t at = haystack.find(title.lower); at != std::string_view::npos; at = haystack.find(title.lower, at + title.lower.size())) {
        title_hits.emplace_back(at, &title);
      }
    }
    std::sort(title_hits.begin(), title_hits.end(), [](const auto& a, const auto& b) { return a.first < b.first || (a.first == b.first && a.second->lower.size() > b.second->lower.size()); });
    size_t covered = 0;  // the end of the last title chain an organisation owns ("清华大学教授、系主任")
    for (const auto& [at, title_hit] : title_hits) {
      const std::string& needle = title_hit->lower;
      {
        if (at < topic_end || at < covered || Overlaps(at, at + needle.size())) continue;
        size_t start = TitleStartBefore(at);
        if (org_ending_at(start)) {
          TitleMatch chain;
          if (ParseTitles(start, &chain)) covered = chain.end;
          continue;
        }
        // A topic from sentences before holds the title only when nothing else could: "its CEO
        // X", or English "... report to Chief Executive Officer X" in a sentence naming no
        // other organisation.
        bool other_org_named = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
          return other.end > other.begin && other.entity >= 0 && other.entity != topic_entity && IsOrg(other.entity);
        });
        if (topic_from_discourse && at != 0 && !lower_.substr(0, at).ends_with("its ") && (lang_ != Lang::kEnglish || other_org_named)) continue;
        // English: another organisation named between the topic and the title may own it
        // ("Microsoft invested in Inflection and hired its co-founders X and Y").
        bool other_org = false;
        for (const Mention& other : mentions_) {
          other_org = other_org || (lang_ == Lang::kEnglish && other.entity >= 0 && other.entity != topic_entity && IsOrg(other.entity) &&
                                    other.begin >= topic_end && other.end <= at);
        }
        if (other_org) continue;
        if (lang_ != Lang::kChinese && at > 0 && !IsSpace(s_[at - 1]) && s_[at - 1] != ',') continue;
        TitleMatch match;
        if (!ParseTitles(at, &match) || !match.tail.empty()) continue;
        size_t person_end = 0;
        int person = PersonAfter(match.end, &person_end);
        if (person < 0) person = PersonAfterCopula(match.end, &person_end);  // "其创始人为…汤晓鸥"
        if (person < 0) continue;
        // "founded by chief executive X": the preposition before the title governs the person.
        Role role = Role::kNone;
        if (lang_ == Lang::kEnglish) {
          std::string_view before = std::string_view(lower_).substr(0, at);
          if (before.ends_with(" by ")) role = Role::kBy;
          else if (before.ends_with(" from ")) role = Role::kFrom;
          else if (before.ends_with(" with ")) role = Role::kWith;
          // "... by chief executive A and chief technology officer B": B stands where A does.
          for (const Mention& other : mentions_) {
            if (role != Role::kNone || other.entity < 0 || !IsPerson(other.entity) || other.word_end > at) continue;
            std::string_view link = before.substr(other.word_end);
            if (link == " and " || link == ", " || link == ", and ") role = other.role;
          }
        }
        mentions_[static_cast<size_t>(person)].role = role;
        AddPersonGroup(person, role);
        emit(person, topic_entity, match, "title_of_topic", 0.72);
      }
    }
  }
  // Chinese "夏立雪任联合创始人和CEO", "李明担任百度首席科学家": the person before 任, the
  // organisation after it or else the topic.
  if (lang_ == Lang::kChinese) {
    int fallback_org = topic_entity >= 0 ? topic_entity : discourse_->topic >= 0 && IsOrg(discourse_->topic) ? discourse_->topic : -1;
    for (std::string_view verb : {"担任", "出任", "现任", "任"}) {
      for (size_t at = s_.find(verb); at != std::string_view::npos; at = s_.find(verb, at + verb.size())) {
        if (verb == "任" && (s_.substr(0, at).ends_with("担") || s_.substr(0, at).ends_with("出") || s_.substr(0, at).ends_with("现"))) continue;
        size_t after = at + verb.size();
        int org = fallback_org;
        for (const Mention& other : mentions_) {
          if (other.begin == after && other.entity >= 0 && IsOrg(other.entity)) org = other.entity, after = other.word_end;
        }
        TitleMatch match;
        if (org < 0 || !ParseTitles(after, &match)) continue;
        // "王磊曾任百度副总裁": a former job; the person stands before the former-word.
        size_t person_end = at;
        for (const std::string& word : rules_.former[li_]) {
          if (s_.substr(0, person_end).ends_with(word)) person_end -= word.size(), match.former = true;
        }
        int person = PersonBefore(person_end);
        if (person < 0) continue;
        AddPersonGroup(person, Role::kNone);
        emit(person, org, match, "title_by_verb", 0.78);
      }
    }
  }
  // Korean "LG그룹은 구광모 회장이 ...": a person named with a bare title right after the
  // sentence's topic holds the title there.
  if (lang_ == Lang::kKorean && topic_entity >= 0 && !topic_from_discourse) {
    size_t person_at = SkipSpaces(s_, topic_end);
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const Mention& person = mentions_[m];
      if (person.begin != person_at || person.entity < 0 || !IsPerson(person.entity)) continue;
      size_t title_at = SkipSpaces(s_, person.end);
      bool org_next = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return other.begin == title_at && other.entity >= 0 && IsOrg(other.entity); });
      TitleMatch match;
      if (title_at == person.end || org_next || !ParseTitles(title_at, &match)) continue;
      emit(static_cast<int>(m), topic_entity, match, "title_of_topic", 0.75);
    }
  }
  size_t original = mentions_.size();
  for (size_t m = 0; m < original; ++m) {
    const Mention organisation = mentions_[m];
    if (organisation.entity < 0 || !IsOrg(organisation.entity)) continue;
    int org = organisation.entity;
    double base = organisation.anaphor ? 0.75 : 0.85;
    // "国务院国资委副主任李镇": of two organisations side by side the nearer one holds the title.
    if (lang_ == Lang::kChinese) {
      bool nested = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
        return other.begin == organisation.word_end && other.entity >= 0 && other.entity != org && IsOrg(other.entity);
      });
      if (nested) continue;
    }
    // ORG(TITLE PERSON): "누리사업단(단장 김하늘)은", "星河科技（董事长 王明）".
    for (std::string_view open : {"(", "（"}) {
      if (!s_.substr(organisation.end).starts_with(open)) continue;
      TitleMatch match;
      size_t person_end = 0;
      if (!ParseTitles(organisation.end + open.size(), &match) || !match.tail.empty()) continue;
      int person = PersonAfter(SkipSpaces(s_, match.end), &person_end);
      std::string_view close = open == "(" ? ")" : "）";
      if (person < 0 || !s_.substr(SkipSpaces(s_, person_end)).starts_with(close)) continue;
      AddPersonGroup(person, Role::kNone);
      emit(person, org, match, "title_in_brackets", base);
    }
    if (organisation.role == Role::kTitle) {  // "배영훈 LG AI연구원장은"
      TitleMatch match;
      match.works = true;
      int person = PersonBefore(organisation.begin);
      if (person >= 0) AddPersonGroup(person, tail_role(std::string_view(organisation.particles).substr(3)));
      emit(person, org, match, "title_head", base);
      continue;
    }
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
    TitleMatch match;
    bool titled = ParseTitles(pos, &match);
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
      if (unit_seen) titled = ParseTitles(pos, &match);
    }
    // English field words between an organisation and its title, when a person follows the
    // title: "Apple machine learning chief X", "Meta AI chief X", "OpenAI board chair X".
    bool fielded = false;
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
      titled = ParseTitles(pos, &match);
      fielded = titled;
    }
    // Chinese "清华大学电子工程系教授": the unit is an organisation of its own, part of the named
    // one, and the person works there.
    if (!titled && lang_ == Lang::kChinese && ChineseUnitEnd(pos) != pos) {
      size_t unit_end = ChineseUnitEnd(pos);
      std::string kind = Kind(org) == "company" ? "company" : Kind(org);
      int unit = Discover(Written(std::string(s_.substr(organisation.begin, unit_end - organisation.begin))), kind, {}, "");
      if (unit >= 0 && unit != org) {
        Extraction part{unit, org, "part_of", "title_unit_of_org", 0.8, false, "", {}};
        part.amount_value.begin = organisation.begin;
        out->push_back(part);
        org = unit;
      }
      pos = unit_end;
      titled = ParseTitles(pos, &match);
    }
    if (!titled && lang_ == Lang::kChinese) {
      for (std::string_view place : {"中国", "美国", "韩国", "日本", "亚洲", "全球", "北京", "上海", "欧洲", "大中华区"}) {
        if (s_.substr(pos).starts_with(place)) titled = ParseTitles(pos + place.size(), &match);
        if (titled) break;
      }
    }
    bool genitive = organisation.role == Role::kGenitive;
    bool bare = organisation.role == Role::kNone || genitive;
    // "founded by LinkedIn co-founder Reid Hoffman", "report to Microsoft CEO Satya Nadella",
    // "由北京大学教授王磊创立": the preposition governs the whole phrase.
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
    if (governed && titled) {
      size_t person_end = 0;
      int person = PersonAfter(SkipSpaces(s_, match.end), &person_end);
      if (person >= 0) {
        mentions_[static_cast<size_t>(person)].role = organisation.role;
        emit(person, org, match, "title_after_org", base);
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
        continue;
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
        AddPersonGroup(before, tail_role(match.tail));
        emit(before, org, match, "title_person_org", base);
        title_before(before, org, base);
        return true;
      };
      if (lang_ == Lang::kKorean && person_org_title()) continue;
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
      if (fielded && person < 0) continue;
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
        emit(person, org, match, "title_after_org", base);
        // "Hyundai and Kia's robotics chief X": a possessive after a list covers all of it.
        if (lang_ == Lang::kEnglish && genitive && group_of_.size() > m && group_of_[m] >= 0) {
          const Group& list = groups_[static_cast<size_t>(group_of_[m])];
          if (list.members.back() == static_cast<int>(m)) {
            for (int member : list.members) {
              const Mention& other = mentions_[static_cast<size_t>(member)];
              if (member != static_cast<int>(m) && other.entity >= 0 && IsOrg(other.entity) && !other.anaphor) emit(person, other.entity, match, "title_after_org", base - 0.03);
            }
          }
        }
        continue;
      }
      if (lang_ != Lang::kKorean && person_org_title()) continue;
      // "P는 ORG의 TITLE이다", "梁文锋是幻方量化的创始人", "Li served as Google's president":
      // the person the sentence is about.
      // ("P는 X의 대표를 맡고 있다": the title as the object of a verb of holding it, too.)
      const auto& tails = rules_.title_predicate_tails[li_];
      bool predicate = lang_ != Lang::kKorean || std::find(tails.begin(), tails.end(), match.tail) != tails.end() || match.tail == "을" || match.tail == "를";
      if (predicate) {
        for (const Group& group : groups_) {
          if (group.end > organisation.begin) break;
          const Mention& first = mentions_[static_cast<size_t>(group.members.front())];
          bool subject = lang_ == Lang::kKorean ? group.role == Role::kSubject : group.role == Role::kNone;
          if (subject && first.entity >= 0 && IsPerson(first.entity)) {
            // "王磊曾任百度副总裁", "X previously served as Y's president": a former job.
            std::string_view between = std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(group.end, organisation.begin - std::min(organisation.begin, group.end));
            for (const std::string& word : rules_.former[li_]) match.former = match.former || between.find(word) != std::string_view::npos;
            emit(group.members.front(), org, match, "title_predicate", base - 0.05);
            break;
          }
        }
      }
      continue;
    }
    // Z: ORG(의) PERSON TITLE
    if (genitive || (lang_ == Lang::kKorean && organisation.role == Role::kNone)) {
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
        AddPersonGroup(person, tail_role(after_person.tail));
        emit(person, org, after_person, "title_org_person", base);
      }
      continue;
    }
  }
  // Chinese "刘明在星河科技担任执行董事", "曾在百度任副总裁": the post held at the place named.
  if (lang_ == Lang::kChinese) {
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
      emit(static_cast<int>(p), place.entity, match, "title_held_at_org", 0.82);
    }
  }
  // English: "Sam Altman, chief executive of OpenAI", "Sam Altman, the CEO of OpenAI".
  if (lang_ != Lang::kEnglish) return;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention organisation = mentions_[m];
    if (organisation.entity < 0 || !IsOrg(organisation.entity)) continue;
    std::string_view before = std::string_view(lower_).substr(0, organisation.begin);
    size_t cut = std::string_view::npos;
    // "of OpenAI", "at Google", "of high-profile AI startup Inflection AI".
    for (std::string_view link : {" of ", " at ", " with ", " for "}) {
      size_t at = before.rfind(link);
      if (at == std::string_view::npos || before.size() - at > 48) continue;
      std::string_view between = s_.substr(at + link.size(), organisation.begin - at - link.size());
      bool descriptive = std::all_of(between.begin(), between.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; }) ||
                         Lower(between).find(" startup ") != std::string::npos || Lower(between).ends_with("startup ") ||
                         Lower(between).ends_with("company ") || Lower(between).ends_with("lab ");
      // "CEO of Google and Alphabet": the organisations listed before this one hold the title too.
      bool listed = false;
      if (!descriptive) {
        size_t pos = at + link.size();
        while (pos < organisation.begin) {
          const auto named = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
            return other.begin == pos && other.entity >= 0 && IsOrg(other.entity) && other.end <= organisation.begin;
          });
          if (named == mentions_.end()) break;
          pos = named->end;
          const std::string_view rest = std::string_view(lower_).substr(pos, organisation.begin - pos);
          const size_t joiner = rest.starts_with(", and ") ? 6 : rest.starts_with(" and ") ? 5 : rest.starts_with(", ") ? 2 : 0;
          if (joiner == 0) break;
          pos += joiner;
        }
        listed = pos == organisation.begin && pos > at + link.size();
      }
      if ((descriptive && std::count(between.begin(), between.end(), ' ') <= 4) || listed) cut = at;
    }
    if (cut == std::string_view::npos) continue;
    // "head of AI at Brightwater", "vice president for research at X": a title's field may stand
    // between it and the link.
    auto reaches_cut = [&](TitleMatch* title) {
      std::string_view field = title->end < cut ? std::string_view(lower_).substr(title->end, cut - title->end) : std::string_view();
      if (field.starts_with(" of ") || field.starts_with(" for ")) {
        bool named = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return other.begin >= title->end && other.begin < cut; });
        if (!named && std::count(field.begin(), field.end(), ' ') <= 4 && field.find(',') == std::string_view::npos) title->end = cut;
      }
      return title->end == cut;
    };
    // "President of Global Affairs of Meta Nick Clegg", "CEO of OpenAI Sam Altman said": the
    // person follows the organisation.
    {
      size_t start = 0;
      for (std::string_view mark : {", ", " by ", " with ", " to ", " said ", " says ", " and "}) {
        size_t at = before.substr(0, cut).rfind(mark);
        if (at != std::string_view::npos) start = std::max(start, at + mark.size());
      }
      TitleMatch lead;
      size_t person_end = 0;
      int person = -1;
      // The title starts at one of the few words before the link ("Speakers included President of ...").
      for (size_t word = start, words = 0; word < cut && words < 8 && person < 0; ++words) {
        lead = TitleMatch();
        if (ParseTitles(word, &lead) && reaches_cut(&lead)) {
          person = PersonAfter(organisation.word_end, &person_end);
          // ... or its apposition: "The CEO of Google, Sundar Pichai, said".
          if (person < 0 && s_.substr(organisation.word_end).starts_with(", ")) {
            person = PersonAfter(organisation.word_end + 2, &person_end);
            if (person >= 0 && !s_.substr(person_end).starts_with(",")) person = -1;
          }
          break;
        }
        size_t space = s_.find(' ', word);
        if (space == std::string_view::npos || space >= cut) break;
        word = space + 1;
      }
      if (person >= 0) {
        AddPersonGroup(person, Role::kNone);
        emit(person, organisation.entity, lead, "title_of_org", 0.82);
        continue;
      }
    }
    // The title follows an apposition's comma ("X, co-founder of Y") or a copula ("X was
    // co-founder of Y", "X serves as chief scientist at Y"); a past copula says the job is past.
    size_t comma = s_.rfind(", ", cut);
    size_t title_start = comma == std::string_view::npos ? 0 : comma + 2;
    size_t person_end = comma;
    bool past = false;
    // (The copulas that appoint follow " was ", whose place they share: "was named CEO of X".)
    for (std::string_view copula : {" is ", " was ", " became ", " serves as ", " served as ", " remains ", " will serve as ", " will become ", " to become ",
                                    " was named ", " was appointed ", " has been named ", " has been appointed ", " is named ", " joins as ", " joined as ",
                                    " joining as ", " will join as "}) {
      size_t at = std::string_view(lower_).rfind(copula, cut);
      if (at == std::string_view::npos || (comma != std::string_view::npos && at < comma) || at + copula.size() > cut || cut - at > 64) continue;
      if (std::string_view(lower_).substr(0, at).ends_with("who")) continue;  // ", who is ...": the comma's apposition
      comma = at;
      person_end = at;
      title_start = at + copula.size();
      past = copula == " was " || copula == " served as ";
    }
    if (comma == std::string_view::npos) continue;
    // "Cristiano Amon (pictured), president of X": a note on the photo between name and title.
    if (person_end == comma && comma > 0 && s_[comma - 1] == ')') {
      size_t open = s_.rfind('(', comma);
      std::string_view note = open == std::string_view::npos ? std::string_view() : s_.substr(open + 1, comma - 1 - open - 1);
      if (!note.empty() && note.size() <= 20 && std::all_of(note.begin(), note.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == ' '; })) {
        person_end = open;
        while (person_end > 0 && s_[person_end - 1] == ' ') --person_end;
      }
    }
    for (std::string_view filler : {"who is ", "who was ", "currently ", "also ", "now ", "then ", "the ", "a ", "an ", "its ", "both "}) {
      if (lower_.substr(title_start).starts_with(filler)) {
        past = past || filler == "who was ";
        title_start += filler.size();
      }
    }
    TitleMatch match;
    if (!ParseTitles(title_start, &match)) continue;
    match.former = match.former || past;
    if (!reaches_cut(&match)) continue;
    int person = PersonBefore(person_end);
    if (person < 0) {
      // "Suleyman, also a co-founder of DeepMind": a known person by one name.
      for (size_t p = 0; p < mentions_.size(); ++p) {
        if (mentions_[p].entity >= 0 && IsPerson(mentions_[p].entity) && mentions_[p].word_end == comma) person = static_cast<int>(p);
      }
    }
    if (person >= 0) AddPersonGroup(person, Role::kNone);
    emit(person, organisation.entity, match, "title_of_org", 0.85);
    // "Lena Ortiz and Tom Becker, co-founders of X": the persons listed before the last one.
    for (int earlier = person, hops = 0; earlier >= 0 && hops < 5; ++hops) {
      size_t pos = mentions_[static_cast<size_t>(earlier)].begin;
      std::string_view before_person = std::string_view(lower_).substr(0, pos);
      size_t cut = before_person.ends_with(", and ") ? 6 : before_person.ends_with(" and ") ? 5 : before_person.ends_with(", ") ? 2 : 0;
      if (cut == 0) break;
      earlier = PersonBefore(pos - cut);
      if (earlier >= 0) emit(earlier, organisation.entity, match, "title_of_org", 0.82);
    }
    // "A and B, co-founders of X": every person of the list.
    if (person >= 0 && group_of_.size() > static_cast<size_t>(person) && group_of_[static_cast<size_t>(person)] >= 0) {
      for (int member : groups_[static_cast<size_t>(group_of_[static_cast<size_t>(person)])].members) {
        if (member != person && mentions_[static_cast<size_t>(member)].entity >= 0 && IsPerson(mentions_[static_cast<size_t>(member)].entity)) {
          emit(member, organisation.entity, match, "title_of_org", 0.82);
        }
      }
    }
  }
}

}  // namespace relgraph::importers::article
