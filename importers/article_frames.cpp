// Rules applied: a trigger's frames ([source role, target role]) are tried in order; each role
// is filled by the nearest fitting group of the trigger's clause, the noun an adnominal trigger
// modifies, or the topic.
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

// The group that fills a role for a trigger, or nullptr. Korean arguments precede their verb
// (a noun trigger may also be followed by its subject); Chinese and English subjects precede
// and objects follow. With fallback, a missing subject is the sentence's topic or, in Korean
// and Chinese (which drop subjects), the previous sentence's.
// Whether `group` is the agent of another trigger of `hit`'s relation: that trigger follows the
// group within `max_gap` bytes, in the group's clause, and before `hit`.
bool Analysis::AgentOfSameRelation(const Group& group, const TriggerHit& hit, size_t max_gap) const {
  if (group.end == 0) return false;
  for (const TriggerHit& other : triggers_) {
    if (&other == &hit || other.rule->type != hit.rule->type || other.begin < group.end || other.end > hit.begin) continue;
    if (other.begin - group.end <= max_gap && Clause(other.begin) == Clause(group.end - 1)) return true;
  }
  return false;
}

// English: the object of another trigger (of the same relation, when `same_relation`) is no
// subject of `hit`: "led by SoftBank with participation from X" (X did not back SoftBank); nor,
// of any relation, the agent of a passive ("Backed by A, the lab is a rival to B").
bool Analysis::ObjectOfOtherTrigger(const Group& group, const TriggerHit& hit, bool same_relation) const {
  if (lang_ != Lang::kEnglish) return false;
  return std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
    return &other != &hit && other.end <= group.begin && group.begin - other.end <= 1 && other.end <= hit.begin &&
           (!same_relation || other.rule->type == hit.rule->type || std::string_view(lower_).substr(0, other.end).ends_with(" by"));
  });
}

// English: where an aside that describes the word before it ("X, which was founded by ...",
// "DeepMind, a subsidiary of Alphabet, ...") holds `hit`, the end of that word (its comma);
// else SIZE_MAX.
size_t Analysis::DescribedBy(const TriggerHit& hit) const {
  if (lang_ != Lang::kEnglish) return SIZE_MAX;
  int aside = AsideOf(hit.begin, hit.end);
  if (aside < 0) return SIZE_MAX;
  size_t comma = asides_[static_cast<size_t>(aside)].first - 1;
  // The first comma of a sentence that opens with a participle ends that opening, no name it
  // describes: "Backed by A and B, the round ...".
  std::string_view head = std::string_view(lower_).substr(SkipSpaces(s_, 0), comma - std::min(comma, SkipSpaces(s_, 0)));
  std::string_view first_word = head.substr(0, head.find(' '));
  if (first_word.size() > 3 && first_word.ends_with("ed") && head.find(',') == std::string_view::npos) return SIZE_MAX;
  std::string_view opener = std::string_view(lower_).substr(comma);
  bool participle = std::any_of(ParticipleOpeners().begin(), ParticipleOpeners().end(),
                                [&](std::string_view word) { return opener.substr(2).starts_with(word); });
  if (opener.starts_with(", which ") || opener.starts_with(", who ") || opener.starts_with(", that ") || opener.starts_with(", a ") ||
      opener.starts_with(", an ") || opener.starts_with(", the ") || participle) {
    return comma;
  }
  return SIZE_MAX;
}

// Korean: whether a genitive group reaches `hit`: no subject stands between them ("X의 활동을
// 위해 Y는 ... 지원할 것": X's is about the activity, Y supports).
bool Analysis::GenitiveReaches(const Group& group, const TriggerHit& hit) const {
  return std::none_of(groups_.begin(), groups_.end(), [&](const Group& other) {
    return other.role == Role::kSubject && other.begin >= group.end && other.end <= hit.word_begin;
  });
}

// Chinese: where the next clause after a trigger opens with a name a verb of the same rule
// follows ("A收购B、C收购D": at C); the end of the sentence if none does.
size_t Analysis::ChineseClauseAfter(const TriggerHit& hit) const {
  for (const Group& group : groups_) {
    if (group.begin <= hit.end) continue;
    const std::string_view between = s_.substr(hit.end, group.begin - hit.end);
    const bool broken = between.find("、") != std::string_view::npos || between.find("，") != std::string_view::npos || between.find(',') != std::string_view::npos;
    if (broken && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
          return &other != &hit && other.begin == group.end && other.rule == hit.rule;
        })) {
      return group.begin;
    }
  }
  return s_.size();
}

const Group* Analysis::FindRole(const TriggerHit& hit, std::string_view role_name, bool fallback, double* penalty, bool allow_inherited,
                                const std::vector<std::string>* kinds, bool source) const {
  int clause = Clause(hit.begin);
  auto in_clause = [&](const Group& group) {
    // A group before the trigger belongs to its clause when no boundary lies between them.
    // ... and one after it when it shares the clause the trigger ends in (a trigger may span a
    // comma: "跟投，包括").
    return group.carried || Clause(group.begin) == clause || (group.end <= hit.begin && Clause(group.end > 0 ? group.end - 1 : 0) == clause) ||
           (group.begin >= hit.end && hit.end > hit.begin && Clause(group.begin) == Clause(hit.end - 1));
  };
  if (role_name == "head") return HeadOf(hit);
  // The owner of the trigger noun, written right before it: "Nvidia's upfront equity investment
  // in", "Harbor's stake in" (lower-case words at most between; no owner further away).
  if (role_name == "owner") {
    for (const Group& group : groups_) {
      if (group.carried || group.role != Role::kGenitive || group.end > hit.begin || !GroupFits(group, kinds, source)) continue;
      const std::string_view between = s_.substr(group.end, hit.begin - group.end);
      const bool modifiers = std::count(between.begin(), between.end(), ' ') <= 5 &&
                             std::all_of(between.begin(), between.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-'; });
      if (modifiers) return &group;
    }
    return nullptr;
  }
  // Chinese "X成为(了)Y…的领投方", "X作为首轮领投方": the name a copula follows is what the trigger
  // noun says it is.
  if (role_name == "copula_subject") {
    if (lang_ != Lang::kChinese) return nullptr;
    for (const Group& group : groups_) {
      if (group.carried || group.end > hit.begin || !in_clause(group) || !GroupFits(group, kinds, source)) continue;
      std::string_view after = s_.substr(group.end);
      for (std::string_view adverb : {"则", "也", "亦", "还", "再次", "将"}) {
        if (after.starts_with(adverb)) after.remove_prefix(adverb.size());
      }
      if (after.starts_with("成为") || after.starts_with("作为") || after.starts_with("是") || after.starts_with("担任")) return &group;
    }
    return nullptr;
  }
  // A clause that describes the word before its comma is about that word; when the text names
  // nobody there ("11x, a startup backed by ..."), no earlier name stands in for it.
  size_t described = DescribedBy(hit);
  if (described != SIZE_MAX && role_name != "subject" && role_name != "object" &&
      !std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) { return m.entity >= 0 && !m.anaphor && m.word_end == described; })) {
    static const std::unordered_set<std::string_view> kStandIns = {"topic", "near_topic", "context", "previous", "recent", "raiser", "stated_raiser"};
    if (kStandIns.count(role_name) != 0) return nullptr;
  }
  // Korean "A, B 간 협약", "A와 B 사이의": the names a relation holds between.
  if (role_name == "between") {
    for (const Group& group : groups_) {
      if (group.carried || group.end > hit.begin || !in_clause(group)) continue;
      std::string_view rest = s_.substr(group.end);
      if (rest.starts_with(" 간 ") || rest.starts_with(" 간의 ") || rest.starts_with("간 ") || rest.starts_with("간의 ") || rest.starts_with(" 사이의 ")) return &group;
    }
    return nullptr;
  }
  // "像谷歌这样的竞争对手", "구글 및 앤트로픽 같은 경쟁사": the examples the trigger noun is said of
  // (never its subject).
  auto examples = [&](const Group& group) {
    if (group.carried || group.end > hit.begin) return false;
    const std::string_view between = TrimSpace(s_.substr(group.end, hit.begin - group.end));
    for (std::string_view like : {"这样的", "这类", "之类的", "같은", "과 같은", "와 같은"}) {
      if (between == like) return true;
    }
    return false;
  };
  if (role_name == "examples") {
    for (const Group& group : groups_) {
      if (examples(group) && in_clause(group) && GroupFits(group, kinds, source)) return &group;
    }
    return nullptr;
  }
  if (role_name == "after") {  // "투자한 기업은 △A △B다": the first unmarked names after the trigger
    for (const Group& group : groups_) {
      if (group.role == Role::kNone && group.begin >= hit.end && !group.embedded && in_clause(group)) return &group;
    }
    return nullptr;
  }
  if (role_name == "bare") {  // "오픈AI 대주주인 ...": an unmarked name right before the trigger word
    for (const Group& group : groups_) {
      if (group.role != Role::kNone || group.end > hit.word_begin) continue;
      std::string_view between = TrimSpace(s_.substr(group.end, hit.word_begin - group.end));
      // ... or with its gloss between: "‘옥스퍼드 시멘틱 테크놀로지스'(OST) 인수".
      bool gloss = (between.starts_with("(") && between.ends_with(")") && between.find(')') == between.size() - 1) ||
                   (between.starts_with("（") && between.ends_with("）"));
      if (between.empty() || (gloss && between.size() <= 40)) return &group;
    }
    return nullptr;
  }
  // The company whose round it is: named in this sentence as the one who raised the money ("X가
  // 유치한 투자금은 … A, B 등이 참여했다"), else the last organisation invested in.
  // ("stated_raiser": only one this sentence names, never the discourse's.)
  if (role_name == "raiser" || role_name == "stated_raiser") {
    for (const Group& group : groups_) {
      if (group.end > hit.begin || !GroupFits(group, kinds, source)) continue;
      std::string_view after = s_.substr(SkipSpaces(s_, group.end));
      // (The round's name may stand between: "X의 시리즈B 투자에는".)
      if (lang_ == Lang::kKorean && StartsWithAny(after, rules_.round_words[li_]) && after.find(' ') != std::string_view::npos) {
        after = after.substr(after.find(' ') + 1);
      }
      for (const std::string& cue : rules_.raiser_cues[li_]) {
        if (after.starts_with(cue)) return &group;
      }
    }
    // ... or the round itself, said earlier in the sentence: "co-led the massive round, with
    // backing from A" ("the … round" stands for the one who raised it).
    for (const Group& group : groups_) {
      if (group.end > hit.begin || group.members.size() != 1 || !GroupFits(group, kinds, source)) continue;
      const Mention& mention = mentions_[static_cast<size_t>(group.members.front())];
      if (!mention.anaphor) continue;
      std::string_view said = std::string_view(lower_).substr(mention.begin, mention.end - mention.begin);
      if (NamesRound(said)) return &group;
    }
    // (Quoted speech names no round of the discourse: "“…투자를 결정했다”며".)
    if (role_name == "stated_raiser" || raiser_group_.members.empty() || !GroupFits(raiser_group_, kinds, source) || InsideQuote(hit.begin)) return nullptr;
    *penalty += 0.05;
    return &raiser_group_;
  }
  // "이번 투자에는 A, B가 참여했다", "The round was led by A": the company the text is about.
  if (role_name == "context") {
    if (context_group_.members.empty()) return nullptr;
    // English states its subject: an organisation before the trigger is the one meant.
    for (const Group& group : groups_) {
      if (lang_ == Lang::kEnglish && !group.carried && group.end <= hit.begin && GroupFits(group, &kOrgKinds, false)) return nullptr;
    }
    *penalty += 0.08;
    return &context_group_;
  }
  // The last entity of the kinds wanted that an earlier sentence named ("The AI Alliance ...
  // Participants include A and B": the alliance).
  if (role_name == "recent") {
    const RecentGroup* best = nullptr;
    for (const RecentGroup& recent : recent_groups_) {
      int entity = mentions_[static_cast<size_t>(recent.group.members.front())].entity;
      if ((kinds == nullptr || KindFits(entity, *kinds, source)) && (best == nullptr || recent.order > best->order)) best = &recent;
    }
    if (best == nullptr) return nullptr;
    *penalty += 0.1;
    return &best->group;
  }
  if (role_name == "previous") {
    if (previous_group_.members.empty() || !GroupFits(previous_group_, kinds, source) || InsideQuote(hit.begin)) return nullptr;
    // Only when this sentence names no organisation that could be meant instead.
    for (const Group& group : groups_) {
      if (!group.carried && (group.role == Role::kDative || group.role == Role::kObject) && group.end <= hit.begin) return nullptr;
    }
    *penalty += 0.1;
    return &previous_group_;
  }
  // "MGX于去年成立,由A与B共同创立": the topic, when no other name stands between it and the
  // trigger but the trigger's own agent (so "腾讯投资了星河,后者由张三创立" does not make 张三
  // Tencent's founder).
  if (role_name == "near_topic") {
    if (topic_group_ < 0) return nullptr;
    const Group& topic = groups_[static_cast<size_t>(topic_group_)];
    if (topic.end > hit.begin || !GroupFits(topic, kinds, source)) return nullptr;
    for (const Group& group : groups_) {
      if (&group == &topic || group.carried || group.begin < topic.end || group.end > hit.begin) continue;
      if (group.role != Role::kBy) return nullptr;
    }
    *penalty += 0.05;
    return &topic;
  }
  if (role_name == "topic") {
    // "芯泉资本领投，岚山资本跟投": a topic right before another trigger of the same relation is
    // that trigger's agent, no target of this one.
    if (topic_group_ >= 0 && AgentOfSameRelation(groups_[static_cast<size_t>(topic_group_)], hit, 6)) return nullptr;
    // Korean contrastive topics: "A는 미국에, B는 중국에 JV를 설립해" — the later topic governs the
    // verb after it, and the first one is no argument of it.
    if (lang_ == Lang::kKorean && topic_group_ >= 0) {
      const Group& topic = groups_[static_cast<size_t>(topic_group_)];
      for (const Group& group : groups_) {
        if (&group == &topic || group.carried || group.begin < topic.end || group.end > hit.begin) continue;
        const std::string& particles = mentions_[static_cast<size_t>(group.members.back())].particles;
        if (particles.ends_with("은") || particles.ends_with("는")) return nullptr;
      }
    }
    // (A verb in an opening clause of time shares the main clause's topic: "继获A入股后，X…".)
    if (topic_group_ >= 0 && (groups_[static_cast<size_t>(topic_group_)].end <= hit.begin || hit.end < OpeningTimeClauseEnd())) {
      *penalty += 0.05;
      return &groups_[static_cast<size_t>(topic_group_)];
    }
    return nullptr;
  }
  // English relative clauses: the subject of "X, which was founded by ..." is X.
  // ... unless a name follows the pronoun: in "Arm, which SoftBank bought", SoftBank is the
  // subject and Arm the object.
  if (described != SIZE_MAX && (role_name == "subject" || role_name == "object")) {
    std::string_view opener = std::string_view(lower_).substr(described);
    size_t after = opener.starts_with(", which ") ? described + 8 : opener.starts_with(", that ") ? described + 7 : SIZE_MAX;
    const Group* inner = nullptr;
    for (const Group& group : groups_) {
      if (after != SIZE_MAX && group.begin == after && group.end <= hit.begin) inner = &group;
    }
    if (inner != nullptr && role_name == "subject") return GroupFits(*inner, kinds, source) ? inner : nullptr;
    const bool object_relative = inner != nullptr;
    if (object_relative || role_name == "subject") {
      // (The group may go on past the comma: "X (X'), the firm" names X twice.)
      auto ends_at_comma = [&](const Group& group) {
        return std::any_of(group.members.begin(), group.members.end(), [&](int m) { return EndsRightBefore(mentions_[static_cast<size_t>(m)].end, described); });
      };
      for (const Group& group : groups_) {
        if (ends_at_comma(group) && GroupFits(group, kinds, source)) return &group;
      }
      if (object_relative) return nullptr;
    }
  }
  // Chinese relative clauses: the subject of "…艾夫创办的io" is the name right before the verb,
  // in the relative clause or not; a name further back is another verb's.
  if (lang_ == Lang::kChinese && role_name == "subject" && (s_.substr(hit.end).starts_with("的") || s_.substr(0, hit.end).ends_with("的"))) {
    const Group* nearest = nullptr;
    for (const Group& group : groups_) {
      if (!group.carried && group.end <= hit.begin && in_clause(group) && (nearest == nullptr || group.end > nearest->end)) nearest = &group;
    }
    if (nearest == nullptr || nearest->role != Role::kNone || !GroupFits(*nearest, kinds, source)) return nullptr;
    size_t han = 0;
    for (size_t k = nearest->end; k < hit.begin;) {
      char32_t cp = 0;
      k += DecodeAt(s_, k, &cp);
      if (IsHan(cp)) ++han;
    }
    // (A word of manner right before the verb is no verb of its own: "A与B联合研发的".)
    bool verb_between = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
      return other.begin >= nearest->end && other.end < hit.begin;
    });
    return han <= 2 && !verb_between ? nearest : nullptr;
  }
  // English: a sentence that opens with a participle describes the subject after its comma
  // ("Founded in 2012 by A and B, DeepMind uses ...").
  std::string_view first_word = std::string_view(lower_).substr(hit.begin, hit.end - hit.begin);
  first_word = first_word.substr(0, first_word.find(' '));
  if (lang_ == Lang::kEnglish && role_name == "subject" && hit.begin == SkipSpaces(s_, 0) && first_word.ends_with("ed")) {
    for (size_t comma = s_.find(", ", hit.end); comma != std::string_view::npos; comma = s_.find(", ", comma + 2)) {
      const Group* after = nullptr;
      for (const Group& group : groups_) {
        if (group.begin == comma + 2 && group.role == Role::kNone) after = &group;
      }
      if (after != nullptr) return GroupFits(*after, kinds, source) ? after : nullptr;
    }
    return nullptr;
  }
  Role wanted = Role::kNone;
  bool before_only = false, after_only = false;
  if (role_name == "subject") {
    wanted = lang_ == Lang::kKorean ? Role::kSubject : Role::kNone;
    before_only = lang_ != Lang::kKorean || !hit.noun_use;
  } else if (role_name == "object") {
    wanted = lang_ == Lang::kKorean ? Role::kObject : Role::kNone;
    after_only = lang_ != Lang::kKorean;
    before_only = lang_ == Lang::kKorean && !hit.noun_use;
  } else if (role_name == "dative") {
    wanted = Role::kDative;
  } else if (role_name == "from") {
    wanted = Role::kFrom;
  } else if (role_name == "with") {
    wanted = Role::kWith;
  } else if (role_name == "genitive") {
    wanted = Role::kGenitive;
  } else if (role_name == "by") {
    wanted = Role::kBy;
  } else if (role_name == "means") {
    wanted = Role::kMeans;
  }
  if (lang_ == Lang::kKorean && wanted != Role::kSubject && wanted != Role::kObject && !hit.noun_use) before_only = true;
  // Chinese: the objects end where a clause with a verb of its own opens (found once per call).
  const size_t chinese_clause_after = lang_ == Lang::kChinese && role_name == "object" ? ChineseClauseAfter(hit) : s_.size();
  // English prepositions follow the word they belong to: "competition from X"; a "from X" before
  // the word is another phrase's ("raising money from investors including A, ... the OpenAI rival").
  if (lang_ == Lang::kEnglish && (wanted == Role::kFrom || wanted == Role::kBy || wanted == Role::kDative)) after_only = true;
  const Group* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const Group& group : groups_) {
    // (An embedded group is an argument only inside its own relative clause: "A与B联合研发的X".)
    bool inside_relative = group.embedded && hit.begin >= group.end && hit.end <= group.relative_end;
    // Chinese 将/把 move the object before the verb: "谷歌将波士顿动力出售给软银".
    const bool moved_object = lang_ == Lang::kChinese && role_name == "object" && group.role == Role::kObject && group.end <= hit.begin;
    // English: a short description before the names may stand for them: "founded by three Apple
    // engineers – A, B and C –", "led by two funds, A and B".
    const bool appositive = lang_ == Lang::kEnglish && role_name == "object" && group.begin >= hit.end && NamedApposition(hit.end, group.begin);
    const bool counted = role_name == "object" && group.begin >= hit.end && CountedListBefore(hit.end, group.begin);
    // Chinese: an owner after the word owns its object, no agent: "支持中国移动的发展目标" (the
    // agent's genitive comes first: "在X的支持下").
    // (Only the verb's own object: "获得了来自X的融资" and a copular word, "领投为X的2亿元", name the agent.)
    if (lang_ == Lang::kChinese && wanted == Role::kGenitive && source && group.begin >= hit.end &&
        (group.begin == hit.end || s_.substr(hit.end, group.begin - hit.end) == "了")) {
      const std::string_view word = s_.substr(hit.begin, hit.end - hit.begin);
      if (!word.ends_with("为") && !word.ends_with("是")) continue;
    }
    if ((group.role != wanted && !moved_object) || (!in_clause(group) && !appositive && !counted) || (group.embedded && !inside_relative) ||
        !GroupFits(group, kinds, source)) {
      continue;
    }
    // Chinese "由 X ... 发起": X is the agent only when it stands right before the verb (times
    // may come between: "由幻方量化于2023年创立"); "由清华大学电子工程系教授汪玉发起" names a person.
    if (lang_ == Lang::kChinese && wanted == Role::kBy && group.end <= hit.begin) {
      // (A list's closing "等多家机构" is no word between: "由A、B等多家机构联投".)
      size_t from = group.end;
      if (s_.substr(from, hit.begin - from).starts_with("等")) {
        from += 3;
        static const std::u32string_view kCount = U"多数几十百家个位";
        while (from < hit.begin && kCount.find(CodePointAt(s_, from)) != std::u32string_view::npos) from += 3;
        for (const std::string& cue : rules_.org_cues[li_]) {
          if (s_.substr(from, hit.begin - from) == cue) from = hit.begin;
        }
      }
      size_t han = 0;
      for (size_t k = from; k < hit.begin;) {
        char32_t cp = 0;
        k += DecodeAt(s_, k, &cp);
        static const std::u32string_view kTime = U"于在年月日初底中旬共同联合一起正式";
        if (IsHan(cp) && kTime.find(cp) == std::u32string_view::npos) ++han;
      }
      if (han > 2) continue;
    }
    int aside = group.carried ? -1 : AsideOf(group.begin, group.end);
    if (aside >= 0 && aside != AsideOf(hit.begin, hit.end) && !appositive) continue;
    if (group.inherited && !allow_inherited) continue;
    // (An infinitive of purpose shares the main verb's subject: in "A buys B to challenge C", B
    // is bought, no challenger.)
    const bool purpose = lang_ == Lang::kEnglish && std::string_view(lower_).substr(0, hit.begin).ends_with(" to ");
    if (role_name == "subject" && (ObjectOfOtherTrigger(group, hit, !purpose) || examples(group))) continue;
    // Korean: the argument of another trigger's relative clause ("카카오에서 분사한 누리랩은
    // 투자를 유치했다": 카카오 belongs to 분사한) is no argument of this one.
    if (lang_ == Lang::kKorean && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
          return &other != &hit && other.adnominal && other.word_begin == SkipSpaces(s_, group.end) && other.end <= hit.begin;
        })) {
      continue;
    }
    // Korean: a subject marked 이/가 whose own verb comes first ("A는 B 대표가 창업해 C를
    // 출시했다": B founded A) is no subject of a later verb when a topic (은/는) opens the
    // sentence before it: the later verb is the topic's.
    if (lang_ == Lang::kKorean && wanted == Role::kSubject && group.end <= hit.begin && !group.members.empty()) {
      const std::string& particles = mentions_[static_cast<size_t>(group.members.back())].particles;
      const bool marked_subject = particles == "이" || particles == "가";
      const bool own_verb = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
        return &other != &hit && !other.noun_use && other.begin >= group.end && other.end <= hit.begin;
      });
      const bool topic_before = std::any_of(groups_.begin(), groups_.end(), [&](const Group& other) {
        if (other.end > group.begin || other.members.empty() || other.role != Role::kSubject) return false;
        const std::string& marks = mentions_[static_cast<size_t>(other.members.back())].particles;
        return marks.ends_with("은") || marks.ends_with("는");
      });
      if (marked_subject && own_verb && topic_before) continue;
    }
    // A marker may belong to the trigger too ("...北京市政府的支持下": 的 ends both).
    bool before = group.end <= hit.begin || (group.begin < hit.begin && group.end <= hit.end);
    bool after = group.begin >= hit.end;
    if ((!before && !after) || (before_only && !before) || (after_only && !after && !moved_object)) continue;
    // Chinese: a common noun right after the verb is its object ("设立合资公司来开展Robotaxi": the
    // joint venture is set up, not Robotaxi); a name after it and another verb is no object.
    if (lang_ == Lang::kChinese && role_name == "object" && after && group.begin > hit.end) {
      const std::string_view between = s_.substr(hit.end, group.begin - hit.end);
      bool noun_taken = false;
      for (const std::string& cue : rules_.org_cues[li_]) {
        const size_t at = between.find(cue);
        if (at == std::string_view::npos || at > 3 * 3 || CountCodePoints(between.substr(at + cue.size())) < 2) continue;
        // (A name right after the noun is what the noun describes: "收购关联企业A、B及C所持有的".)
        const size_t noun_end = hit.end + at + cue.size();
        noun_taken = noun_taken || std::none_of(groups_.begin(), groups_.end(), [&](const Group& other) { return other.begin == noun_end; });
      }
      if (noun_taken && !counted) continue;  // (a counted noun the list spells out is no object of its own)
      // "A收购B、C收购D" (B unknown): a name after a break that its own verb follows is that
      // verb's subject, and what comes after it is that verb's too.
      if (group.begin >= chinese_clause_after) continue;
    }
    // English: an object follows its trigger closely ("led by Microsoft", not "led by former
    // researchers at Google").
    // A name that only says whose rival, supplier or unit the object is, is not the object:
    // "a stake in one of Nvidia's rivals", "a stake in a key supplier of Apple".
    if (lang_ == Lang::kEnglish && (role_name == "object" || role_name == "genitive") && after && RelationalNounAround(group, hit.end)) continue;
    if (lang_ == Lang::kEnglish && role_name == "object" && after && !appositive) {
      // (Eight words and a list cue at most lie between: a name further on is no object, and is
      // not read at all, so a long sentence costs no more per name.)
      if (group.begin - hit.end > 240) continue;
      // The nearest trigger before a name owns it: "bought a 20% stake in X" makes X the object of
      // "stake in" (an investment), not of "bought".
      const bool nearer = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) {
        return &other != &hit && other.begin >= hit.end && other.end <= group.begin && group.begin - other.end <= 40 && other.rule->type != hit.rule->type;
      });
      if (nearer) continue;
      // A person's title phrase is no distance: "co-founded by former OpenAI chief scientist X"
      // measures from the phrase (the qualifying group the person took over).
      size_t begin = group.begin;
      for (const Group& qualifier : groups_) {
        if (qualifier.embedded && qualifier.begin >= hit.end && qualifier.begin < begin && qualifier.members.size() == 1 &&
            qualifier.members.front() == group.members.front()) {
          begin = qualifier.begin;
        }
      }
      std::string_view between = s_.substr(hit.end, begin - hit.end);
      // ... or follows a list cue after a description ("founded by former researchers including X").
      for (std::string_view cue : {" including ", " such as ", " like ", " among them ", " the likes of "}) {
        size_t at = Lower(between).rfind(cue);
        if (at != std::string::npos && std::count(between.begin(), between.begin() + static_cast<std::ptrdiff_t>(at), ' ') <= 6) between = between.substr(at + cue.size() - 1);
      }
      // ... or an apposition that names it: "formed a new organization, the AI Alliance".
      size_t comma = between.find(", the ");
      if (comma != std::string_view::npos && comma + 6 == between.size() && std::count(between.begin(), between.begin() + static_cast<std::ptrdiff_t>(comma), ' ') <= 4) {
        between = between.substr(comma + 5);
      }
      // A count before the object is no distance: "deploying as many as 40,000 Nvidia GPUs".
      {
        std::string count(TrimSpace(Lower(between)));
        for (std::string_view lead : {"as many as ", "up to ", "more than ", "about ", "nearly ", "some ", "over ", "around ", "roughly ", "approximately "}) {
          if (count.starts_with(lead)) count.erase(0, lead.size());
        }
        for (std::string_view unit : {" million", " billion", " thousand"}) {
          if (count.ends_with(unit)) count.erase(count.size() - unit.size());
        }
        if (!count.empty() && count.find_first_not_of("0123456789,.") == std::string::npos) between = " ";
      }
      // ... or an apposition after a kind word: "unveiled a chatbot, Le Chat".
      if (between.ends_with(", ") && between.find_first_of(",;:") == between.size() - 2 && std::count(between.begin(), between.end(), ' ') <= 5 &&
          EndsInAnyKindWord(between.substr(0, between.size() - 2))) {
        between = between.substr(0, between.size() - 2);
      }
      // (A comma inside a number is none: "deploying 40,000 Nvidia GPUs".)
      bool punctuation = false;
      for (size_t k = between.find_first_of(",;:"); k != std::string_view::npos && !punctuation; k = between.find_first_of(",;:", k + 1)) {
        bool in_number = between[k] == ',' && k > 0 && k + 1 < between.size() && std::isdigit(static_cast<unsigned char>(between[k - 1])) != 0 &&
                         std::isdigit(static_cast<unsigned char>(between[k + 1])) != 0;
        punctuation = !in_number;
      }
      // A description that says what the object is may be longer: "acquire privately held
      // artificial intelligence company DeepMind".
      bool kind_word = EndsInAnyKindWord(between);
      if (std::count(between.begin(), between.end(), ' ') > (kind_word ? 8 : 4) || punctuation) continue;
      // A preposition in between takes the name as its own ("led by researchers at Google").
      std::string spaced = " " + Lower(between) + " ";
      bool preposition = false;
      for (std::string_view word : {" at ", " of ", " for ", " from ", " in ", " on ", " with ", " to "}) preposition = preposition || spaced.find(word) != std::string::npos;
      if (preposition && !kind_word) continue;
    }
    // Korean: a genitive belongs to its own clause's nouns.
    if (lang_ == Lang::kKorean && wanted == Role::kGenitive && before && !GenitiveReaches(group, hit)) continue;
    if (wanted == Role::kGenitive && hit.rule->genitive_reach > 0 &&
        (!before || hit.begin - std::min(hit.begin, group.end) > hit.rule->genitive_reach ||
         std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return other.begin >= group.end && other.end <= hit.begin && other.end > other.begin; }))) {
      continue;
    }
    // Korean: the argument before a verb must not be past the verb's own word.
    size_t distance = before ? hit.begin - std::min(hit.begin, group.end) : group.begin - hit.end;
    if (lang_ == Lang::kKorean && after) distance += 1000;  // prefer arguments before
    // A possessor owns the noun after it: "X's investors include A's family office" is X's.
    if (lang_ == Lang::kEnglish && wanted == Role::kGenitive && !before) distance += 1000;
    if (distance < best_distance) {
      best = &group;
      best_distance = distance;
    }
  }
  if (best != nullptr || !fallback || role_name != "subject") return best;
  // Chinese "复星医药子公司X": a subject written right before the trigger, but not known as a name,
  // is no missing subject.
  if (lang_ == Lang::kChinese && UnknownWordBefore(hit.begin)) return nullptr;
  // Fallback for a missing subject.
  for (size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    if (group.end > hit.begin) break;
    bool subject_like = (lang_ == Lang::kKorean ? group.role == Role::kSubject : group.role == Role::kNone) && !group.embedded && GroupFits(group, kinds, source);
    int aside = AsideOf(group.begin, group.end);
    if (aside >= 0 && aside != AsideOf(hit.begin, hit.end)) subject_like = false;
    if (ObjectOfOtherTrigger(group, hit, false) || examples(group)) subject_like = false;
    // Chinese: nor is the agent of another trigger of the same relation in its own clause
    // ("A、B联合投资，老股东C持续加注": A and B invested, they were not invested in).
    if (lang_ == Lang::kChinese && AgentOfSameRelation(group, hit, std::string::npos)) subject_like = false;
    if (subject_like) {
      best = &group;
      if (lang_ == Lang::kKorean) break;  // the first topic of the sentence
    }
  }
  if (best != nullptr) {
    *penalty += 0.05;
    return best;
  }
  return nullptr;
}

void Analysis::ApplyRule(const TriggerHit& hit, bool fallback, std::vector<Extraction>* out, bool* matched) {
  const Rule& rule = *hit.rule;
  // ... then 携手 joins co-investors and states no partnership of its own (a joint launch is one:
  // "A携手B发布C").
  if (rule.type == "partners_with" && lang_ == Lang::kChinese) {
    for (const Group& group : groups_) {
      if (group.begin < hit.end || group.begin > hit.end) continue;
      if (std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& other) { return other.rule->type == "invests_in" && CoAgentsOf(group, other); })) return;
    }
  }
  // Context words the rule needs near its trigger (none: no condition).
  auto context_holds = [](std::string_view window, const std::vector<std::string>& words) {
    return words.empty() || std::any_of(words.begin(), words.end(), [&](const std::string& word) { return window.find(word) != std::string_view::npos; });
  };
  if (!context_holds(s_.substr(hit.end, 120), rule.context_after) ||
      !context_holds(s_.substr(hit.begin >= 300 ? hit.begin - 300 : 0, std::min<size_t>(hit.begin, 300)), rule.context_before)) {
    return;
  }
  for (const Frame& frame : rule.frames) {
    double penalty = 0;
    std::vector<std::pair<int, int>> pairs;  // mention indices
    bool unpaired = false;  // two lists "respectively" that do not pair up: the frame reads the trigger, relating nobody
    if (frame.source.starts_with("group:")) {
      const Group* group = FindRole(hit, frame.source.substr(6), false, &penalty, false);
      if (group == nullptr || group->members.size() < 2) continue;
      // English says who rivals whom close to the word: "A and B, the two largest, compete";
      // a list far before it has other business ("Backed by A and B, the round ... a competitor").
      if (lang_ == Lang::kEnglish && group->end <= hit.begin && hit.begin - group->end > 60) continue;
      // ... and a possessive says whose partnership it is before the word: "A and B's partnership".
      if (lang_ == Lang::kEnglish && frame.source == "group:genitive" && group->end > hit.begin) continue;
      for (size_t a = 0; a < group->members.size(); ++a) {
        for (size_t b = a + 1; b < group->members.size(); ++b) pairs.emplace_back(group->members[a], group->members[b]);
      }
    } else {
      const Group* source = FindRole(hit, frame.source, fallback, &penalty, true, &rule.source_kinds, true);
      const Group* target = FindRole(hit, frame.target, fallback, &penalty, true, &rule.target_kinds, false);
      if (source == nullptr || target == nullptr || source == target) continue;
      if (source->inherited || target->inherited) penalty += 0.03;
      // The names of a role's list that the frame relates: all of them, or the one a description
      // binds to alone. Korean: a noun written right before a list describes its first name
      // ("삼성전자의 투자 전문 자회사 삼성넥스트, 엔비디아, 아마존 등이": Samsung Next is the
      // subsidiary). English: an apposition after a list describes its last name ("A, B and C, a
      // unit of D": C is D's unit; the trigger may hold the article, "a unit of").
      auto related = [&](const Group* group, bool is_source) -> std::span<const int> {
        const std::span<const int> all(group->members);
        if (lang_ == Lang::kKorean && hit.noun_use && !hit.adnominal && group->begin >= hit.word_end && group->begin <= hit.word_end + 1 &&
            hit.word_end == hit.end) {
          return all.first(1);
        }
        if (!is_source || lang_ != Lang::kEnglish || all.size() < 2) return all;
        const Mention& last = mentions_[static_cast<size_t>(all.back())];
        if (last.word_end > hit.begin) return all;
        const std::string_view between = std::string_view(lower_).substr(last.word_end, hit.end - last.word_end);
        const bool apposition = (between.starts_with(", a ") || between.starts_with(", an ") || between.starts_with(", the ")) &&
                                between.find_first_of(",;()", 1) == std::string_view::npos;
        return apposition ? all.last(1) : all;
      };
      const std::span<const int> sources = related(source, true);
      const std::span<const int> targets = related(target, false);
      // "A와 B는 각각 C와 D를 인수했다", "A and B bought C and D respectively", "A、B分别投资了C、D":
      // the lists pair up in order, never across; lists of different lengths relate nobody.
      const bool respective = RespectivelySaid() && sources.size() >= 2 && targets.size() >= 2;
      unpaired = respective && sources.size() != targets.size();
      for (size_t s = 0; s < sources.size(); ++s) {
        for (size_t t = 0; t < targets.size(); ++t) {
          if (!respective || (s == t && sources.size() == targets.size())) pairs.emplace_back(sources[s], targets[t]);
        }
      }
    }
    // Korean partners named one by one: "A는 X 업체 ‘B’와 Y 업체 ‘C’와 손을 잡았다".
    if (lang_ == Lang::kKorean && (frame.source == "with" || frame.target == "with") && (rule.type == "partners_with" || rule.type == "competes_with") &&
        !RespectivelySaid()) {
      std::vector<int> others;
      for (auto [s, t] : pairs) others.push_back(frame.target == "with" ? s : t);
      for (const Group& group : groups_) {
        if (group.role != Role::kWith || group.embedded || group.end > hit.begin || Clause(group.begin) != Clause(hit.begin)) continue;
        for (int member : group.members) {
          for (int other : others) {
            if (std::find(pairs.begin(), pairs.end(), std::make_pair(other, member)) == pairs.end()) pairs.emplace_back(other, member);
          }
        }
      }
    }
    // Co-agents: "A는 B, C 등과 함께 D에 투자했다", "A, together with B, invested in D".
    if (frame.source == "subject" && (rule.type == "invests_in" || rule.type == "develops" || rule.type == "founded")) {
      std::vector<int> targets;
      for (auto [s, t] : pairs) {
        if (std::find(targets.begin(), targets.end(), t) == targets.end()) targets.push_back(t);
      }
      // A joint founding names its co-founders with "와/과", "与", "with": "A는 B와 C를 공동
      // 설립했다", "A与B共同创立C", "A co-founded C with B".
      const std::string_view said = std::string_view(lower_).substr(hit.begin >= 9 ? hit.begin - 9 : 0, hit.end - (hit.begin >= 9 ? hit.begin - 9 : 0));
      const bool joint = rule.type == "founded" && (said.find("공동") != std::string_view::npos || said.find("共同") != std::string_view::npos ||
                                                    said.find("联合") != std::string_view::npos || said.find("co-found") != std::string_view::npos ||
                                                    said.find("cofound") != std::string_view::npos);
      // (An English founder may name the others with "with" alone: "A founded C with B and D";
      // then only persons, or names the text alone gives.)
      auto may_be_person = [&](int mention) {
        const int entity = mentions_[static_cast<size_t>(mention)].entity;
        return entity >= 0 && (IsPerson(entity) || catalog_->at(entity).discovered);
      };
      const bool founders_with = rule.type == "founded" && lang_ == Lang::kEnglish && !joint &&
                                 std::any_of(pairs.begin(), pairs.end(), [&](std::pair<int, int> pair) { return may_be_person(pair.first); });
      // (Korean lists the co-founder with the thing founded: "샘 알트만과 오픈AI를".)
      if (joint && lang_ == Lang::kKorean) {
        std::vector<std::pair<int, int>> co;
        for (auto [s, t] : pairs) {
          const Mention& person = mentions_[static_cast<size_t>(t)];
          if (person.entity < 0 || !IsPerson(person.entity) || !(person.particles == "와" || person.particles == "과")) continue;
          for (int other : targets) {
            if (other != t) co.emplace_back(t, other);
          }
        }
        pairs.insert(pairs.end(), co.begin(), co.end());
      }
      for (const Group& group : groups_) {
        if (group.role != Role::kWith || Clause(group.begin) != Clause(hit.begin)) continue;
        if (group.end > hit.begin && !(joint && lang_ == Lang::kEnglish) && !founders_with) continue;
        if (joint || (founders_with && group.begin >= hit.end)) {
          for (int member : group.members) {
            if (!joint && !may_be_person(member)) continue;
            for (int t : targets) pairs.emplace_back(member, t);
          }
          continue;
        }
        bool together = lang_ == Lang::kKorean ? s_.substr(SkipSpaces(s_, group.end)).starts_with("함께")
                        : lang_ == Lang::kEnglish ? (std::string_view(lower_).substr(0, group.begin).ends_with("together with ") ||
                                                     std::string_view(lower_).substr(0, group.begin).ends_with("along with "))
                                                  : s_.substr(group.end).starts_with("一起") || s_.substr(group.end).starts_with("共同") ||
                                                        CoAgentsOf(group, hit);
        if (!together) continue;
        for (int member : group.members) {
          for (int t : targets) pairs.emplace_back(member, t);
        }
      }
    }
    if (unpaired) {
      *matched = true;
      return;
    }
    bool any = false;
    // Quoted speech relates what it names, not its speaker: "P는 “…X를 만들어 준다”고 말했다"
    // makes P the maker of nothing.
    const int quote = QuoteOf(hit.begin);
    for (auto [s, t] : pairs) {
      const Mention& source = mentions_[static_cast<size_t>(s)];
      const Mention& target = mentions_[static_cast<size_t>(t)];
      if (source.entity == target.entity || source.entity < 0 || target.entity < 0) continue;
      auto outside = [&](const Mention& mention) { return mention.end > 0 && QuoteOf(mention.begin) != quote; };
      if (quote >= 0 && (outside(source) || outside(target))) continue;
      // ... and a speaker's words name no party of an act outside them: "“要打造中国的OpenAI”，设立X"
      // (a quoted name alone is a name: "子公司“星辰”").
      auto in_speech = [&](const Mention& mention) {
        const int of = QuoteOf(mention.begin);
        if (of < 0) return false;
        const auto [open, close] = quote_spans_[static_cast<size_t>(of)];
        return close - open > mention.word_end - mention.begin + 12;
      };
      if (quote < 0 && (in_speech(source) || in_speech(target))) continue;
      if (!KindFits(source.entity, rule.source_kinds, true) || !KindFits(target.entity, rule.target_kinds, false)) continue;
      Extraction extraction;
      extraction.source = source.entity;
      extraction.target = target.entity;
      extraction.type = rule.type;
      extraction.rule = rule.name;
      extraction.guessed = fallback;
      double confidence = rule.confidence - penalty;
      for (const Mention* mention : {&source, &target}) {
        if (mention->anaphor) confidence -= 0.1;
        if (catalog_->at(mention->entity).discovered) confidence -= 0.05;
      }
      extraction.confidence = std::clamp(confidence, 0.05, 0.99);
      // Where the trigger is, for amounts and dates.
      extraction.amount_value.begin = hit.begin;
      extraction.amount_value.end = hit.end;
      out->push_back(extraction);
      any = true;
      static const bool kDebug = std::getenv("RELGRAPH_ARTICLE_DEBUG") != nullptr;
      if (kDebug) std::fprintf(stderr, "  %s frame [%s, %s]%s\n", rule.name.c_str(), frame.source.c_str(), frame.target.c_str(), fallback ? " (fallback)" : "");
    }
    if (any) {
      *matched = true;
      return;
    }
  }
}

}  // namespace relgraph::importers::article
