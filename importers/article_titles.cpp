// Persons and their titles: "최인혁 네이버 COO", "마이크로소프트의 부회장인 브래드 스미스",
// "百度创始人李彦宏", "科大讯飞董事长刘庆峰", "OpenAI CEO Sam Altman", "Sam Altman, chief executive
// of OpenAI", "夏立雪任联合创始人" give works_at and founded. This file reads the title words and
// runs the stages; the titles next to an organisation are in article_titles_org.cpp, English
// appositions ("X, chief executive of Y") in article_titles_apposition.cpp.
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

bool IsDeterminer(std::string_view word) {
  static const std::unordered_set<std::string_view> kDeterminers = {"the", "a", "an", "this", "that", "its", "their"};
  if (word.empty() || word.size() > 5) return false;
  std::string lower(word);
  lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return kDeterminers.count(lower) != 0;
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
    size_t plural_s = 0;
    for (const Title& title : rules_.titles[li_]) {
      if (!title_at(i, title)) continue;
      size_t end = i + title.word.size();
      // (English plurals: "co-presidents A and B".)
      const bool plural = lang_ == Lang::kEnglish && end < s_.size() && s_[end] == 's' && (end + 1 == s_.size() || std::isalpha(static_cast<unsigned char>(s_[end + 1])) == 0) &&
                          !title.lower.ends_with("s");
      if (lang_ == Lang::kEnglish && end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end])) != 0 && !plural) continue;
      if (plural) match->plural = true, plural_s = 1;
      // (... also the plural titles the data lists: "co-founders", "founders".)
      if (lang_ == Lang::kEnglish && title.lower.ends_with("s") && std::any_of(rules_.titles[li_].begin(), rules_.titles[li_].end(), [&](const Title& other) {
            return other.lower.size() + 1 == title.lower.size() && title.lower.starts_with(other.lower);
          })) {
        match->plural = true;
      }
      if (lang_ == Lang::kKorean) {
        size_t run_end = RunEnd(s_, end, [](char32_t cp) { return IsHangul(cp); });
        Role role;
        std::string particles;
        if (!ParseParticles(s_.substr(end, run_end - end), &role, &particles)) continue;
      }
      found = &title;
      break;
    }
    size_t word_size = found != nullptr ? found->word.size() + plural_s : 0;
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
        if (word.empty() || IsDeterminer(word)) break;
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

// Adds what a title says: founded for a founder's title, works_at for any other title unless the
// job is past.
void Analysis::EmitTitle(int person_mention, int org, const TitleMatch& match, std::string_view rule, double confidence, std::vector<Extraction>* out) const {
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
  // "co-presidents A and B", "co-founders A, B and C": the persons listed after the first.
  if (!match.plural) return;
  TitleMatch single = match;
  single.plural = false;
  size_t end = mentions_[static_cast<size_t>(person_mention)].word_end;
  for (size_t m = static_cast<size_t>(person_mention) + 1; m < mentions_.size(); ++m) {
    const Mention& next = mentions_[m];
    if (next.begin < end) continue;
    const std::string_view link = std::string_view(lower_).substr(end, next.begin - end);
    if (!(link == " and " || link == ", " || link == ", and ") || next.entity < 0 || !IsPerson(next.entity)) break;
    EmitTitle(static_cast<int>(m), org, single, rule, confidence, out);
    end = next.word_end;
  }
}

// The role the particles after a Korean title give the person it names ("대표는": the subject);
// none when there are no particles, or only a title's own.
Role Analysis::TailRole(std::string_view tail) {
  Role role = Role::kNone;
  std::string particles;
  if (!ParseParticles(tail, &role, &particles) || role == Role::kTitle) role = Role::kNone;
  return role;
}

// Whether an organisation ends right before pos (behind 的, a space or a Chinese unit of it), so
// that the title at pos is that organisation's.
bool Analysis::OrgEndsAt(size_t pos) const {
  for (const Mention& mention : mentions_) {
    if (mention.entity < 0 || !IsOrg(mention.entity)) continue;
    size_t end = mention.word_end;
    if (lang_ == Lang::kChinese && s_.substr(end).starts_with("的")) end += 3;
    if (SkipSpaces(s_, end) == pos || end == pos || (end < pos && ChineseUnitEnd(end) == pos)) return true;
  }
  return false;
}

// A title written before "PERSON ORG TITLE": "창업자인 이재성 트웰브랩스 대표는" also founded.
void Analysis::EmitTitleBeforePerson(int person_mention, int org, double confidence, std::vector<Extraction>* out) const {
  if (lang_ != Lang::kKorean) return;
  size_t end = mentions_[static_cast<size_t>(person_mention)].begin;
  while (end > 0 && IsSpace(s_[end - 1])) --end;
  size_t start = RunStart(s_, end, [](char32_t cp) { return IsHangul(cp); });
  if (start == end) return;
  TitleMatch match;
  if (!ParseTitles(start, &match) || (match.tail != "인" && !match.tail.empty()) || SkipSpaces(s_, match.end) != mentions_[static_cast<size_t>(person_mention)].begin) return;
  EmitTitle(person_mention, org, match, "title_before_person", confidence - 0.05, out);
}

// Person titles: "최인혁 네이버 COO", "마이크로소프트의 부회장인 브래드 스미스", "비런커지의
// 쉬링제 대표", "배영훈 LG AI연구원장", "百度创始人李彦宏", "OpenAI CEO Sam Altman",
// "Sam Altman, chief executive of OpenAI"; a title without an organisation ("创始人杨植麟")
// belongs to the sentence's topic. A person named with a title takes the title's particles
// as its role ("브래드 스미스 MS 부회장은" is the subject).
void Analysis::ApplyTitles(std::vector<Extraction>* out) {
  // In this order: a stage may give a person a role or a place in a list that the later ones read.
  const TitleTopic topic = ChooseTitleTopic();
  ApplyTopicTitles(topic, out);
  ApplyChineseTitleVerbs(topic, out);
  ApplyKoreanTitleAfterTopic(topic, out);
  ApplyOrganisationTitles(out);
  ApplyChineseTitlesHeldAt(out);
  ApplyEnglishAppositions(out);
}

// Titles with no organisation before them: the topic's ("月之暗面成立于2023年，创始人杨植麟...").
TitleTopic Analysis::ChooseTitleTopic() const {
  TitleTopic topic;
  // (After a quote, "…" said CEO X, the speaker belongs to what the article is about when the
  // quote names it: "“Working with Nvidia has been a turning point for Quarry Labs,” CEO X said".)
  const std::string_view text = lower_;
  const auto& verbs = rules_.quote_verbs[li_];
  // (The verb may follow the speaker: "…,” chief executive X said.)
  const size_t closing = std::max(text.rfind("”") == std::string_view::npos ? 0 : text.rfind("”") + 1, text.rfind('"') == std::string_view::npos ? 0 : text.rfind('"') + 1);
  const std::string_view after_quote = closing == 0 ? std::string_view() : text.substr(closing, 80);
  const bool quoted = std::any_of(verbs.begin(), verbs.end(), [&](const std::string& verb) {
    return text.find("\" " + verb) != std::string_view::npos || text.find("” " + verb) != std::string_view::npos ||
           after_quote.find(" " + verb) != std::string_view::npos;
  });
  const int main_topic = discourse_->MainTopic();
  if (quoted && main_topic >= 0 && IsOrg(main_topic) &&
      std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
        return mention.entity == main_topic && InsideQuote(mention.begin) && mention.role != Role::kWith && mention.role != Role::kDative;  // not "with X"
      })) {
    topic.entity = main_topic;
    return topic;
  }
  for (const Group& group : groups_) {
    const Mention& first = mentions_[static_cast<size_t>(group.members.front())];
    if (first.entity >= 0 && IsOrg(first.entity) && (group.role == Role::kSubject || (lang_ != Lang::kKorean && group.role == Role::kNone))) {
      if (lang_ == Lang::kEnglish && group.begin > 40) break;  // not the sentence's subject
      topic.entity = first.entity;
      // (An anaphor stands for the previous sentence's topic, so a title before it is that
      // topic's too: "Chief Executive X said the company would hire".)
      topic.end = first.anaphor ? 0 : group.end;
      break;
    }
  }
  // "Chief Executive Arthur Mensch said ...": an English sentence that opens with a title is
  // about the previous sentence's organisation.
  int previous_topic = discourse_->topic >= 0 ? discourse_->topic : discourse_->last_topic;
  if (topic.entity < 0 && lang_ == Lang::kEnglish && previous_topic >= 0 && IsOrg(previous_topic)) {
    topic.entity = previous_topic;
    topic.from_discourse = true;
  }
  return topic;
}

// The titles the topic holds: "月之暗面成立于2023年，创始人杨植麟...", "its CEO X", "founded by
// chief executive X".
void Analysis::ApplyTopicTitles(const TitleTopic& topic, std::vector<Extraction>* out) {
  if (topic.entity < 0) return;
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
  for (const auto& hit : title_hits) {
    const size_t at = hit.first;  // (a plain variable: lambdas below read it)
    const std::string& needle = hit.second->lower;
    if (at < topic.end || at < covered || Overlaps(at, at + needle.size())) continue;
    size_t start = TitleStartBefore(at);
    if (OrgEndsAt(start)) {
      TitleMatch chain;
      if (ParseTitles(start, &chain)) covered = chain.end;
      continue;
    }
    // A topic from sentences before holds the title only when nothing else could: "its CEO
    // X", or English "... report to Chief Executive Officer X" in a sentence naming no
    // other organisation.
    // (A quotation's names do not count for a title outside it: "“… for Liberty Global,” chief
    // executive X said".)
    bool other_org_named = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
      return other.end > other.begin && other.entity >= 0 && other.entity != topic.entity && IsOrg(other.entity) &&
             (!InsideQuote(other.begin) || InsideQuote(at));
    });
    if (topic.from_discourse && at != 0 && !lower_.substr(0, at).ends_with("its ") && (lang_ != Lang::kEnglish || other_org_named)) continue;
    // English: another organisation named between the topic and the title may own it
    // ("Microsoft invested in Inflection and hired its co-founders X and Y").
    // (Not one that holds a title of its own, set off: "X, Google DeepMind's chief technology
    // officer, … reporting to CEO Y"; a list "OpenAI CEO A, and President B" still competes.)
    auto holds_own_title = [&](const Mention& other) {
      TitleMatch own;
      if (!ParseTitles(SkipSpaces(s_, other.word_end), &own)) return false;
      const size_t next = SkipSpaces(s_, own.end);
      return std::none_of(mentions_.begin(), mentions_.end(), [&](const Mention& person) { return person.begin == next && person.entity >= 0 && IsPerson(person.entity); });
    };
    bool other_org = false;
    for (const Mention& other : mentions_) {
      other_org = other_org || (lang_ == Lang::kEnglish && other.entity >= 0 && other.entity != topic.entity && IsOrg(other.entity) &&
                                other.begin >= topic.end && other.end <= at && (!InsideQuote(other.begin) || InsideQuote(at)) && !holds_own_title(other));
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
    EmitTitle(person, topic.entity, match, "title_of_topic", 0.72, out);
  }
}

// Chinese "夏立雪任联合创始人和CEO", "李明担任百度首席科学家": the person before 任, the
// organisation after it or else the topic.
void Analysis::ApplyChineseTitleVerbs(const TitleTopic& topic, std::vector<Extraction>* out) {
  if (lang_ != Lang::kChinese) return;
  int fallback_org = topic.entity >= 0 ? topic.entity : discourse_->topic >= 0 && IsOrg(discourse_->topic) ? discourse_->topic : -1;
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
      EmitTitle(person, org, match, "title_by_verb", 0.78, out);
    }
  }
}

// Korean "LG그룹은 구광모 회장이 ...": a person named with a bare title right after the
// sentence's topic holds the title there.
void Analysis::ApplyKoreanTitleAfterTopic(const TitleTopic& topic, std::vector<Extraction>* out) {
  if (lang_ != Lang::kKorean || topic.entity < 0 || topic.from_discourse) return;
  size_t person_at = SkipSpaces(s_, topic.end);
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& person = mentions_[m];
    if (person.begin != person_at || person.entity < 0 || !IsPerson(person.entity)) continue;
    size_t title_at = SkipSpaces(s_, person.end);
    bool org_next = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return other.begin == title_at && other.entity >= 0 && IsOrg(other.entity); });
    TitleMatch match;
    if (title_at == person.end || org_next || !ParseTitles(title_at, &match)) continue;
    EmitTitle(static_cast<int>(m), topic.entity, match, "title_of_topic", 0.75, out);
  }
}

}  // namespace relgraph::importers::article
