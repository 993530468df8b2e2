// Trigger words: where each rule's words stand in the sentence, which of them are parts of
// titles, names or descriptions rather than acts, and the hedges (negation, rumour, plans) that
// make a trigger state no fact.
#include <algorithm>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// Negation, denial, rumour and plans around a trigger ("did not invest", "투자하지 않았다",
// "否认投资", "in talks to acquire"): the sentence states no relation.
bool Analysis::Excluded(const Rule& rule, size_t at, size_t end) const {
  const std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
  for (const std::string& exclusion : rule.exclude) {
    // Only an exclusion that covers [at, end) counts: search the window around the trigger, not
    // the rest of the sentence.
    const size_t from = at >= exclusion.size() ? at - exclusion.size() : 0;
    const std::string_view window = haystack.substr(from, std::min(haystack.size(), end + exclusion.size()) - from);
    for (size_t x = window.find(exclusion); x != std::string_view::npos && from + x <= at; x = window.find(exclusion, x + 1)) {
      if (from + x + exclusion.size() >= end) return true;
    }
  }
  return false;
}

size_t Analysis::TriggerLengthAt(size_t pos) const {
  const std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
  if (pos + 1 >= haystack.size()) return 0;
  const auto& index = rules_.trigger_index[li_];
  auto bucket = index.find(static_cast<uint16_t>((static_cast<unsigned char>(haystack[pos]) << 8) | static_cast<unsigned char>(haystack[pos + 1])));
  if (bucket == index.end()) return 0;
  size_t longest = 0;
  for (TriggerRef ref : bucket->second) {
    const Rule& rule = rules_.rules[ref.rule];
    const std::string& trigger = rule.triggers[ref.trigger];
    if (trigger.size() > longest && haystack.substr(pos).starts_with(trigger) && !Excluded(rule, pos, pos + trigger.size())) longest = trigger.size();
  }
  return longest;
}

bool Analysis::TriggerStartsAt(size_t pos) const { return TriggerLengthAt(pos) > 0; }

bool Analysis::TriggerEndsAt(size_t pos) const {
  const std::string_view head = s_.substr(0, pos);
  return std::any_of(rules_.rules.begin(), rules_.rules.end(), [&](const Rule& rule) {
    return rule.lang == lang_ && std::any_of(rule.triggers.begin(), rule.triggers.end(), [&](const std::string& trigger) {
             return head.ends_with(trigger) && !Excluded(rule, pos - trigger.size(), pos);
           });
  });
}

bool Analysis::Hedged(const TriggerHit& hit) const {
  size_t clause_begin = 0;
  for (size_t boundary : boundaries_) {
    if (boundary < hit.begin) clause_begin = boundary;
  }
  std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
  std::string_view before = haystack.substr(clause_begin, hit.begin - clause_begin);
  if (before.size() > 60) before = before.substr(before.size() - 60);
  if (lang_ == Lang::kKorean) before = before.size() > 8 ? before.substr(before.size() - 8) : before;  // "안 투자했다"
  for (const std::string& word : rules_.hedges_before[li_]) {
    const std::string& needle = word;  // English hedges are lower-cased
    size_t at = before.find(needle);
    if (at == std::string_view::npos) continue;
    if (lang_ == Lang::kEnglish && at > 0 && std::isalpha(static_cast<unsigned char>(before[at - 1])) != 0) continue;
    return true;
  }
  // "曾就职于", "previously worked at": a past job.
  if (hit.rule->type == "works_at") {
    std::string_view right_before = haystack.substr(0, hit.begin);
    for (const std::string& word : rules_.former[li_]) {
      if (right_before.ends_with(word)) return true;
    }
  }
  std::string_view after = haystack.substr(hit.end, lang_ == Lang::kEnglish ? 12 : 24);
  for (const std::string& word : rules_.hedges_after[li_]) {
    if (after.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A trigger word that is part of a title names a job, not an act: a title's modifier ("投资合伙人",
// investment partner; "investment director"), or a title right before its holder ("Vantic Capital
// partner Mike Tosh"; titles are read only where a person is named right after the word).
bool Analysis::PartOfTitle(size_t begin, size_t end) const {
  const std::string* modifier = TitleModifierAt(begin);
  if (modifier != nullptr && modifier->size() >= end - begin) return true;
  auto person_at = [&](size_t from, size_t to) {
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
      return mention.begin >= from && mention.begin <= to && mention.entity >= 0 && IsPerson(mention.entity);
    });
  };
  if (!person_at(end, end + 48)) return false;
  TitleMatch title;
  if (!ParseTitles(begin, &title) || title.end < end) return false;
  size_t holder = SkipSpaces(s_, title.end);
  return person_at(holder, holder);
}

void Analysis::FindTriggers() {
  std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;  // English triggers are lower-cased
  // Every occurrence of every trigger word, in one pass; then in rule order, trigger order and
  // position, as the hits are read below.
  std::vector<std::pair<TriggerRef, size_t>> occurrences;
  const auto& index = rules_.trigger_index[li_];
  for (size_t i = 0; i + 1 < haystack.size(); ++i) {
    auto bucket = index.find(static_cast<uint16_t>((static_cast<unsigned char>(haystack[i]) << 8) | static_cast<unsigned char>(haystack[i + 1])));
    if (bucket == index.end()) continue;
    for (TriggerRef ref : bucket->second) {
      if (haystack.substr(i).starts_with(rules_.rules[ref.rule].triggers[ref.trigger])) occurrences.emplace_back(ref, i);
    }
  }
  std::sort(occurrences.begin(), occurrences.end());
  std::vector<TriggerHit> hits;
  for (const auto& occurrence : occurrences) {
    const TriggerRef ref = occurrence.first;
    const size_t at = occurrence.second;  // (no structured binding: clang 14 cannot capture one)
    const Rule& rule = rules_.rules[ref.rule];
    const size_t nouns = rule.noun_triggers, t = ref.trigger;
    const std::string& needle = rule.triggers[t];
    size_t end = at + needle.size();
    bool inside_name = false;
    for (const Mention& mention : mentions_) inside_name = inside_name || (at < mention.end && mention.begin < end && !mention.anaphor);
    if (inside_name) continue;
    if (lang_ == Lang::kEnglish && ((at > 0 && std::isalpha(static_cast<unsigned char>(s_[at - 1])) != 0) ||
                                    (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end])) != 0))) {
      continue;
    }
    if (Excluded(rule, at, end) || PartOfTitle(at, end)) continue;
    // The noun of "ORG의 … 자회사 X" only says whose unit X is (a compound of its own).
    if (std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& owner) {
          return owner.word_end <= at && owner.unit_at != std::string_view::npos && owner.unit_at >= end && owner.unit_at <= end + 1;
        })) {
      continue;
    }
    TriggerHit hit;
    hit.begin = at;
    hit.end = end;
    hit.rule = &rule;
    hit.verb = t >= nouns;
    hit.word_begin = at;
    hit.word_end = end;
    if (lang_ == Lang::kKorean) {
      while (hit.word_begin > 0 && !IsSpace(s_[hit.word_begin - 1])) --hit.word_begin;
      // A short verb stem begins its word: "사들였다" buys, "회사들의" is a plural noun and
      // "내세운" puts forward.
      if (hit.verb && CountCodePoints(needle) <= 2 && hit.word_begin < at && IsHangul(CodePointBefore(s_, at))) continue;
      hit.word_end = RunEnd(s_, end, [](char32_t cp) { return IsHangul(cp); });
      std::string_view tail = s_.substr(end, hit.word_end - end);
      Role role;
      std::string particles;
      bool verb_tail = tail.starts_with("하") || tail.starts_with("되") || tail.starts_with("했") || tail.starts_with("됐") ||
                       tail.starts_with("해") || tail.starts_with("돼") || tail.starts_with("한") || tail.starts_with("된") ||
                       tail.starts_with("할") || tail.starts_with("될") || tail.starts_with("키") || tail.starts_with("받");
      if (!hit.verb && !verb_tail && ParseParticles(tail, &role, &particles)) {
        hit.noun_use = true;
        // A copula makes the noun modify the next one: "오픈AI 대주주인 마이크로소프트".
        hit.adnominal = tail == "인" || tail.ends_with("던");
      } else {
        std::string_view word = s_.substr(at, hit.word_end - at);
        char32_t last = CodePointBefore(word, word.size());
        int final_consonant = FinalConsonant(last);
        hit.adnominal = final_consonant == 4 || final_consonant == 8 || word.ends_with("는") || word.ends_with("던");
        if (word.ends_with("한다") || word.ends_with("했다") || word.ends_with("된다") || word.ends_with("겠다")) hit.adnominal = false;
      }
    } else {
      hit.noun_use = true;
    }
    hits.push_back(hit);
  }
  // Overlapping hits: the longest trigger wins ("투자받" over "투자", "지분을 인수" over "인수").
  std::sort(hits.begin(), hits.end(), [](const TriggerHit& a, const TriggerHit& b) {
    return a.end - a.begin != b.end - b.begin ? a.end - a.begin > b.end - b.begin : a.begin < b.begin;
  });
  for (const TriggerHit& hit : hits) {
    bool overlaps = false;
    // Several rules may share a trigger ("합류": member_of for organisations, works_at for people).
    for (const TriggerHit& kept : triggers_) overlaps = overlaps || (hit.begin < kept.end && kept.begin < hit.end && !(hit.begin == kept.begin && hit.end == kept.end));
    if (!overlaps) triggers_.push_back(hit);
  }
  std::sort(triggers_.begin(), triggers_.end(), [](const TriggerHit& a, const TriggerHit& b) { return a.begin < b.begin; });
}

}  // namespace relgraph::importers::article
