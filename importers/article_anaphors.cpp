// Anaphors: words that stand for an entity named before ("양사", "이 회사", "该公司", "the
// company", "the … startup", "X said it …"), pairs ("양사", "双方") that stand for two, and
// appositions that refer to nothing earlier.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// Where an anaphor is written: the word itself, or, for a pattern with a gap ("the … startup",
// "这家…公司"), its opening and its head with up to four modifier words (English) or eight
// characters (Chinese) between them: "the French AI startup", "这家AI初创公司". The modifiers
// name nobody (no mention overlaps them) and hold no punctuation, clause word or other noun
// phrase ("the startup's", "the round of the company" end at the head).
std::vector<std::pair<size_t, size_t>> Analysis::AnaphorSpans(std::string_view pattern) const {
  std::vector<std::pair<size_t, size_t>> spans;
  std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
  size_t gap = pattern.find("…");
  if (gap == std::string_view::npos) {
    for (size_t at = haystack.find(pattern); at != std::string_view::npos; at = haystack.find(pattern, at + pattern.size())) {
      spans.emplace_back(at, at + pattern.size());
    }
    return spans;
  }
  std::string_view opening = pattern.substr(0, gap), head = pattern.substr(gap + std::string_view("…").size());
  static const std::unordered_set<std::string_view> kStops = {
      "of", "and", "or", "to", "in", "on", "for", "with", "that", "which", "who", "is", "was", "are", "were", "has", "have", "had", "will",
      "by", "from", "at", "as", "its", "their", "his", "her", "a", "an", "the", "this", "said", "says", "than", "but", "not", "into"};
  for (size_t at = haystack.find(opening); at != std::string_view::npos; at = haystack.find(opening, at + opening.size())) {
    size_t from = at + opening.size();
    if (lang_ == Lang::kEnglish) {
      size_t word = from;
      for (int words = 0; words <= 4 && word < haystack.size(); ++words) {
        size_t word_end = word;
        // ("the series A+ round")
        while (word_end < haystack.size() && (std::isalnum(static_cast<unsigned char>(haystack[word_end])) != 0 || haystack[word_end] == '-' || haystack[word_end] == '+')) ++word_end;
        if (word_end == word) break;
        std::string_view token = haystack.substr(word, word_end - word);
        if (words > 0 && token == TrimSpace(head)) {
          bool followed_by_letter = word_end < haystack.size() && (std::isalpha(static_cast<unsigned char>(haystack[word_end])) != 0 || haystack[word_end] == '\'');
          if (!followed_by_letter && !Overlaps(from, word)) spans.emplace_back(at, word_end);
          break;
        }
        if (kStops.count(token) != 0 || word_end >= haystack.size() || haystack[word_end] != ' ') break;
        word = word_end + 1;
      }
    } else {
      size_t limit = std::min(haystack.size(), from + 8 * 3 + head.size());
      size_t hit = haystack.substr(0, limit).find(head, from);
      if (hit == std::string_view::npos || hit == from) continue;
      std::string_view between = haystack.substr(from, hit - from);
      if (between.find_first_of(",.;:!?()\" ") != std::string_view::npos || between.find("，") != std::string_view::npos ||
          between.find("、") != std::string_view::npos || between.find("的") != std::string_view::npos || Overlaps(from, hit)) {
        continue;
      }
      spans.emplace_back(at, hit + head.size());
    }
  }
  return spans;
}

// "연구소는", "该公司", "the company", "the French AI startup": the last entity of that kind.
void Analysis::FindAnaphors() {
  for (const auto& [pattern, kind] : rules_.anaphors[li_]) {
    // "^联盟": a word that refers back only where a clause begins (after its time words).
    bool initial = pattern.starts_with("^");
    std::string_view word = initial ? std::string_view(pattern).substr(1) : std::string_view(pattern);
    for (auto [at, end] : AnaphorSpans(word)) {
      if (Overlaps(at, end)) continue;
      if (initial) {
        size_t start = at;
        for (const std::string& time : rules_.time_words[li_]) {
          if (s_.substr(0, start).ends_with(time)) start -= time.size();
        }
        static const std::u32string_view kOpeners = U"，,。；;：:";
        // (... or right after a verb of joining, whose object it is: "成为联盟首批成员单位".)
        std::string_view head = s_.substr(0, start);
        bool joining = head.ends_with("成为") || head.ends_with("加入") || head.ends_with("授予");
        if (start > 0 && !joining && kOpeners.find(CodePointBefore(s_, start)) == std::u32string_view::npos) continue;
      }
      Mention mention;
      if (lang_ == Lang::kKorean) {
        if (at > 0 && !IsSpace(s_[at - 1])) continue;
        // "두 회사가", "여러 기업이" name several: no single referent.
        std::string_view before = TrimSpace(s_.substr(0, at));
        size_t last_space = before.rfind(' ');
        std::string_view word = last_space == std::string_view::npos ? before : before.substr(last_space + 1);
        while (!word.empty() && !IsHangul(CodePointAt(word, 0))) {
          char32_t cp = 0;
          word.remove_prefix(DecodeAt(word, 0, &cp));
        }
        if (rules_.quantifiers.count(word) != 0) continue;
        mention = MentionWithParticles(at, end, -1);
        if (mention.word_end == end && end < s_.size() && IsHangul(CodePointAt(s_, end))) continue;
        if (mention.particles.starts_with("들") || mention.role == Role::kTitle) continue;
        // Only a topic or subject refers back ("연구소는", "컨소시엄엔", "그가"); "회사를
        //설립" or "회사 광녠즈와이" name a new or the following company.
        bool topic = mention.particles.ends_with("은") || mention.particles.ends_with("는") || mention.particles.ends_with("이") ||
                     mention.particles.ends_with("가") || mention.particles == "엔" || mention.particles == "에는" || mention.particles == "의" ||
                     mention.particles == "에" || mention.particles == "에게" || mention.particles == "에도";
        if (!topic) continue;
      } else {
        if (lang_ == Lang::kEnglish && ((at > 0 && std::isalpha(static_cast<unsigned char>(s_[at - 1])) != 0) ||
                                        (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end])) != 0))) {
          continue;
        }
        mention = MentionWithParticles(at, end, -1);
      }
      // A funding round ("the round", "本轮融资") stands for the one who raised it: the last
      // entity invested in, else the previous sentence's organisation.
      if (kind == "raiser") {
        // ... the one this sentence says raised it, else the last one invested in.
        int referent = RaiserBefore(at);
        if (referent < 0) referent = discourse_->raiser;
        for (int topic : {discourse_->topic, discourse_->last_topic}) {
          if (referent < 0 && topic >= 0 && IsOrg(topic)) referent = topic;
        }
        if (referent < 0) continue;
        mention.entity = referent;
        mention.anaphor = true;
        AddMention(mention);
        continue;
      }
      // The referent: the last entity of the kind named before, in this sentence or earlier ("org":
      // any organisation, for a pronoun such as "it").
      const std::string& wanted = kind;  // (a structured binding cannot be captured before clang 16)
      auto fits = [&](int entity) { return wanted == "org" ? IsOrg(entity) : Kind(entity) == wanted; };
      int referent = -1;
      size_t best_end = 0;
      std::vector<int> excluded;  // the subject of the anaphor's own clause is no referent ("Google invested in the startup")
      for (const Mention& other : mentions_) {
        if (other.entity < 0 || other.end > at || other.anaphor || !fits(other.entity) || CitedSource(other)) continue;
        std::string_view between = s_.substr(other.end, at - other.end);
        // (A reported clause is another: "Nvidia's CEO said that the chipmaker invested".)
        bool same_clause = lang_ != Lang::kKorean && between.find_first_of(",;") == std::string_view::npos && between.find("，") == std::string_view::npos &&
                           (lang_ != Lang::kEnglish || between.find(" that ") == std::string_view::npos);
        if (same_clause) {
          excluded.push_back(other.entity);
          continue;
        }
        if (other.end >= best_end) {
          referent = other.entity;
          best_end = other.end;
        }
      }
      auto allowed = [&](int entity) { return std::find(excluded.begin(), excluded.end(), entity) == excluded.end(); };
      // A collective's head word refers to the collective named by it: "联盟" after
      // "X协会组建Y联盟" is Y, "the alliance" the last "... Alliance", even when another
      // consortium was the topic.
      if (referent < 0 && kind == "consortium") {
        std::string_view head = word;
        for (std::string_view determiner : {"该", "这", "the "}) {
          if (head.starts_with(determiner)) head.remove_prefix(determiner.size());
        }
        auto headed = [&](int entity) {
          const Entity& named = catalog_->at(entity).entity;
          if (Lower(named.name).ends_with(head)) return true;
          return std::any_of(named.aliases.begin(), named.aliases.end(), [&](const std::string& alias) { return Lower(alias).ends_with(head); });
        };
        for (auto it = discourse_->recent.rbegin(); referent < 0 && it != discourse_->recent.rend(); ++it) {
          if (fits(*it) && allowed(*it) && headed(*it)) referent = *it;
        }
      }
      // Earlier: the previous sentence's topic ("OpenAI ... The company raised ..." after a
      // sentence that names other companies on the way), else the last one named.
      for (int topic : {discourse_->topic, discourse_->last_topic}) {
        if (referent < 0 && topic >= 0 && fits(topic) && allowed(topic)) referent = topic;
      }
      for (auto it = discourse_->recent.rbegin(); referent < 0 && it != discourse_->recent.rend(); ++it) {
        if (fits(*it) && allowed(*it)) referent = *it;
      }
      if (referent < 0) continue;
      mention.entity = referent;
      mention.anaphor = true;
      AddMention(mention);
    }
  }
  // English "X said (on Tuesday) (that) it raised ...": "it" is the one who speaks.
  if (lang_ != Lang::kEnglish) return;
  for (size_t at = lower_.find(" it "); at != std::string::npos; at = lower_.find(" it ", at + 1)) {
    const size_t it_begin = at + 1, it_end = at + 3;
    if (Overlaps(it_begin, it_end)) continue;
    std::string_view before = std::string_view(lower_).substr(0, at);
    if (before.ends_with(" that")) before.remove_suffix(5);
    // (a day or a time word between: "announced Tuesday it raised")
    size_t space = before.rfind(' ');
    std::string_view last = space == std::string_view::npos ? before : before.substr(space + 1);
    auto listed = [&](const std::vector<std::string>& words) { return std::find(words.begin(), words.end(), last) != words.end(); };
    if (listed(rules_.time_words[li_]) && space != std::string_view::npos) {
      before = before.substr(0, space);
      space = before.rfind(' ');
      last = space == std::string_view::npos ? before : before.substr(space + 1);
    }
    if (!listed(rules_.reporting_verbs[li_]) || space == std::string_view::npos) continue;
    const size_t verb = space + 1;
    const Mention* speaker = nullptr;
    for (const Mention& other : mentions_) {
      if (other.entity < 0 || other.anaphor || !IsOrg(other.entity) || other.word_end > verb) continue;
      std::string_view between = s_.substr(other.word_end, verb - other.word_end);
      if (TrimSpace(between).empty()) speaker = &other;
    }
    if (speaker == nullptr) continue;
    Mention mention = MentionWithParticles(it_begin, it_end, speaker->entity);
    mention.anaphor = true;
    AddMention(mention);
  }
}

bool Analysis::NamesRound(std::string_view lower_text) {
  static constexpr std::string_view kRoundWords[] = {"round", "funding", "financing", "融资", "투자"};
  return std::any_of(std::begin(kRoundWords), std::end(kRoundWords), [&](std::string_view word) { return lower_text.find(word) != std::string_view::npos; });
}

bool Analysis::RaiserCueAfter(const Mention& mention) const {
  std::string_view after = s_.substr(SkipSpaces(s_, mention.word_end));
  // (So may the name's gloss: "X(简称“Y”)宣布完成".)
  after = AfterBracketed(after);
  // (Adverbs and time words may stand between: "X于近日再获".)
  for (bool skipped = true; skipped;) {
    skipped = false;
    for (const auto* words : {&rules_.adverbs[li_], &rules_.time_words[li_]}) {
      for (const std::string& word : *words) {
        if (!skipped && !word.empty() && after.starts_with(word)) after.remove_prefix(word.size()), skipped = true;
      }
    }
  }
  return StartsWithAny(after, rules_.raiser_cues[li_]);
}

bool Analysis::UnnamedRaiser() const {
  if (lang_ != Lang::kChinese) return false;
  for (const Mention& mention : mentions_) {
    if (mention.entity >= 0 && !mention.anaphor && RaiserCueAfter(mention)) return false;
  }
  for (const std::string& cue : rules_.raiser_cues[li_]) {
    for (size_t at = s_.find(cue); at != std::string_view::npos; at = s_.find(cue, at + cue.size())) {
      if (!NamesRound(std::string_view(lower_).substr(at, 90))) continue;
      std::string_view before = TrimSpace(s_.substr(0, at));
      for (bool skipped = true; skipped;) {
        skipped = false;
        for (const auto* words : {&rules_.adverbs[li_], &rules_.time_words[li_]}) {
          for (const std::string& word : *words) {
            if (!skipped && !word.empty() && before.ends_with(word)) before.remove_suffix(word.size()), skipped = true;
          }
        }
      }
      if (EndsWithAny(before, rules_.org_cues[li_])) return true;
    }
  }
  return false;
}

// The organisation a sentence says raised the round an anaphor at `at` stands for: one a raiser
// cue follows ("X完成新一轮融资", "X가 유치한"), else the sentence's first organisation when a
// round is said between it and the anaphor ("X宣布…完成了A轮融资,该轮融资由…"); -1 if none.
int Analysis::RaiserBefore(size_t at) const {
  int referent = -1;
  for (const Mention& other : mentions_) {
    if (other.entity < 0 || other.anaphor || other.end > at || !IsOrg(other.entity)) continue;
    if (RaiserCueAfter(other)) referent = other.entity;
  }
  if (referent >= 0) return referent;
  for (const Mention& other : mentions_) {
    if (other.entity < 0 || other.anaphor || other.end > at || !IsOrg(other.entity)) continue;
    const std::string_view between = std::string_view(lower_).substr(other.end, at - other.end);
    return NamesRound(between) ? other.entity : -1;  // only the first organisation
  }
  return -1;
}

// A round's anaphor resolved before the sentence's own names were all found ("该轮融资" before
// DiscoverChineseSubjects found "星河线程宣布"): the sentence's raiser, once known, wins.
void Analysis::ReresolveRoundAnaphors() {
  for (Mention& mention : mentions_) {
    if (!mention.anaphor || mention.entity < 0) continue;
    const std::string_view said = std::string_view(lower_).substr(mention.begin, mention.end - mention.begin);
    if (!NamesRound(said)) continue;
    const int referent = RaiserBefore(mention.begin);
    if (referent >= 0) mention.entity = referent;
  }
}

// An apposition describes the name before it ("Blossom Capital, the VC firm founded by ...",
// "Block, the fintech startup co-founded by ..."): it refers to nothing earlier. Run once every
// name is found, since the name may be one discovered after the anaphors.
void Analysis::DropAppositiveAnaphors() {
  if (lang_ != Lang::kEnglish) return;
  auto appositive = [&](const Mention& mention) {
    if (!mention.anaphor || mention.begin < 2 || s_.substr(mention.begin - 2, 2) != ", ") return false;
    // (A round is no apposition of a name: "Led by A and B, this funding represents ...".)
    const std::string_view said = std::string_view(lower_).substr(mention.begin, mention.end - mention.begin);
    if (NamesRound(said)) return false;
    size_t comma = mention.begin - 2;
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return !other.anaphor && other.entity >= 0 && other.word_end == comma; });
  };
  mentions_.erase(std::remove_if(mentions_.begin(), mentions_.end(), appositive), mentions_.end());
}

// The first two organisations of a group that names two or more, else (-1, -1).
std::pair<int, int> Analysis::PairOf(const Group& group) const {
  std::vector<int> orgs;
  for (int member : group.members) {
    int entity = mentions_[static_cast<size_t>(member)].entity;
    if (entity >= 0 && IsOrg(entity) && std::find(orgs.begin(), orgs.end(), entity) == orgs.end()) orgs.push_back(entity);
  }
  return orgs.size() >= 2 ? std::pair{orgs[0], orgs[1]} : std::pair{-1, -1};
}

// Chinese "其" ("it", "its") after a clause that names who speaks or reports ("X表示,其…", "来自X的
// 消息显示,其已完成…融资"): the first organisation the sentence names before it, else the
// previous sentence's topic. Not in words that hold it ("其中", "其他", "尤其", "及其").
void Analysis::FindChinesePronouns() {
  if (lang_ != Lang::kChinese) return;
  static constexpr std::string_view kPronoun = "其";
  static const std::u32string_view kNotAfter = U"中他它余次实间後后";
  static const std::u32string_view kNotBefore = U"尤极及与或使令将把对向";
  for (size_t at = s_.find(kPronoun); at != std::string_view::npos; at = s_.find(kPronoun, at + kPronoun.size())) {
    const size_t end = at + kPronoun.size();
    if (Overlaps(at, end) || (end < s_.size() && kNotAfter.find(CodePointAt(s_, end)) != std::u32string_view::npos)) continue;
    if (at > 0 && kNotBefore.find(CodePointBefore(s_, at)) != std::u32string_view::npos) continue;
    // Only after a clause break: "X表示,其…" (a pronoun inside its own clause has a nearer name).
    const std::string_view head = TrimSpace(s_.substr(0, at));
    if (!(head.ends_with(",") || head.ends_with("，"))) continue;
    int referent = -1;
    for (const Mention& mention : mentions_) {
      if (mention.end > at || mention.entity < 0 || mention.anaphor || !IsOrg(mention.entity)) continue;
      referent = mention.entity;
      break;
    }
    if (referent < 0 && discourse_->topic >= 0 && IsOrg(discourse_->topic)) referent = discourse_->topic;
    if (referent < 0) continue;
    Mention mention = MentionWithParticles(at, end, referent);
    mention.anaphor = true;
    AddMention(mention);
  }
}

// "양사는", "双方宣布", "the two companies": a group of the two organisations named together last,
// earlier in the sentence or else in the sentences before. Runs once the groups are built.
void Analysis::FindPairAnaphors() {
  std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : std::string_view(s_);
  for (const std::string& word : rules_.pair_anaphors[li_]) {
    for (size_t at = haystack.find(word); at != std::string_view::npos; at = haystack.find(word, at + word.size())) {
      size_t end = at + word.size();
      if (Overlaps(at, end)) continue;
      if (lang_ != Lang::kChinese && ((at > 0 && IsHangulOrAlnum(CodePointBefore(s_, at))) || (lang_ == Lang::kEnglish && end < s_.size() && IsHangulOrAlnum(CodePointAt(s_, end))))) continue;
      std::pair<int, int> pair = discourse_->pair;
      for (const Group& group : groups_) {
        if (group.end <= at && PairOf(group).first >= 0) pair = PairOf(group);
      }
      if (pair.first < 0) continue;
      Mention first = MentionWithParticles(at, end, pair.first);
      if (lang_ == Lang::kKorean && first.word_end == end && end < s_.size() && IsHangul(CodePointAt(s_, end))) continue;  // "양사간"? a longer word
      first.anaphor = true;
      Mention second = first;
      second.entity = pair.second;
      mentions_.push_back(first);
      mentions_.push_back(second);
      Group group;
      group.members = {static_cast<int>(mentions_.size()) - 2, static_cast<int>(mentions_.size()) - 1};
      group.role = first.role;
      group.begin = at;
      group.end = first.word_end;
      auto place = std::find_if(groups_.begin(), groups_.end(), [&](const Group& other) { return other.begin > at; });
      groups_.insert(place, group);
    }
  }
  group_of_.assign(mentions_.size(), -1);
  for (size_t g = 0; g < groups_.size(); ++g) {
    for (int member : groups_[g].members) group_of_[static_cast<size_t>(member)] = static_cast<int>(g);
  }
}

}  // namespace relgraph::importers::article
