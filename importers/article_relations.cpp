// Relations in one sentence, stage by stage (article_analysis.h holds the shared state):
// names (article_names*.cpp, article_suffixes.cpp, article_lists.cpp), structure (article_clauses.cpp), persons and
// titles (article_persons.cpp, article_titles.cpp),
// noun-phrase relations (article_compounds.cpp), trigger rules (article_frames.cpp), then amounts,
// dates and the discourse carried to the next sentence (here).
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

namespace {

// Where a reading from the trigger's own clause makes X the investor (the buyer, the maker), a
// guessed reading that makes X the one invested in is the guess that is wrong ("A创始人B表示,完成
// 融资,领投为C,跟投的有D": D backs A, not B backs D). A chain stays ("A founded B, which set up
// C"): the one acted on may act in turn. Symmetric types have no direction to conflict.
void DropRoleConflicts(std::vector<Extraction>* found) {
  auto conflicts = [&](const Extraction& guess) {
    if (!guess.guessed || guess.type == "partners_with" || guess.type == "competes_with") return false;
    return std::any_of(found->begin(), found->end(), [&](const Extraction& sure) {
      if (sure.guessed || sure.type != guess.type) return false;
      // (Money does not flow back within a sentence: no chain for investments and purchases.)
      const bool money = guess.type == "invests_in" || guess.type == "acquires";
      return sure.source == guess.target || (money && sure.target == guess.source);
    });
  };
  // An investment is backing too: "backs" between the same two says nothing more ("includes
  // funds from A": the round's investor A, no second relation).
  auto invested = [&](const Extraction& backing) {
    return backing.type == "backs" && std::any_of(found->begin(), found->end(), [&](const Extraction& other) {
      return other.type == "invests_in" && other.source == backing.source && other.target == backing.target;
    });
  };
  std::vector<Extraction> kept;
  for (const Extraction& extraction : *found) {
    if (!conflicts(extraction) && !invested(extraction)) kept.push_back(extraction);
  }
  *found = std::move(kept);
}

}  // namespace

// English: "Investors include A, B and C. Others include D and E.": a sentence that opens with
// "Others include" goes on with the list of the sentence before, whose relation and target its
// names take. The list of this sentence (two or more names sharing one target) is kept for the
// next.
void Analysis::AddListContinuation(std::vector<Extraction>* found) {
  const std::string_view text = std::string_view(lower_).substr(SkipSpaces(s_, 0));
  const bool continues = StartsWithAny(text, rules_.list_continuers[li_]);  // (data/triggers.json "list_continuers")
  if (continues && found->empty() && !discourse_->list_type.empty() && discourse_->list_target >= 0) {
    for (const Group& group : groups_) {
      if (group.carried) continue;
      for (int member : group.members) {
        const Mention& mention = mentions_[static_cast<size_t>(member)];
        if (mention.entity < 0 || mention.anaphor || mention.entity == discourse_->list_target || (!IsOrg(mention.entity) && !IsPerson(mention.entity))) continue;
        Extraction extraction{mention.entity, discourse_->list_target, discourse_->list_type, "list_continued", 0.7, true, "", {}};
        extraction.amount_value.begin = mention.begin;
        found->push_back(extraction);
      }
      break;  // the first list only
    }
  }
  // The list this sentence gives, if any.
  std::map<std::pair<std::string, int>, int> shared;
  for (const Extraction& extraction : *found) ++shared[{extraction.type, extraction.target}];
  discourse_->list_type.clear();
  discourse_->list_target = -1;
  for (const auto& [key, count] : shared) {
    if (count >= 2 && (key.first == "invests_in" || key.first == "member_of" || key.first == "supplies" || key.first == "partners_with")) {
      discourse_->list_type = key.first;
      discourse_->list_target = key.second;
    }
  }
}

// A founder named with a current title after the name works where they founded: "박성현 대표와
// 오진욱 CTO 등이 공동 창업한 리벨리온".
void Analysis::AddFoundersAtWork(std::vector<Extraction>* found) const {
  const size_t count = found->size();
  for (size_t k = 0; k < count; ++k) {
    const Extraction founding = (*found)[k];
    if (founding.type != "founded" || founding.source < 0 || !IsPerson(founding.source) || !IsOrg(founding.target)) continue;
    bool titled = false;
    for (const Mention& mention : mentions_) {
      if (mention.entity != founding.source || mention.anaphor) continue;
      TitleMatch match;
      const size_t after = SkipSpaces(s_, mention.end);
      // (A courtesy title is no post: "汪玉教授发起" is a professor elsewhere.)
      if (StartsWithAny(s_.substr(after), rules_.courtesy_titles[li_])) continue;
      if (ParseTitles(after, &match) && match.works && !match.former) titled = true;
    }
    const bool known = std::any_of(found->begin(), found->end(), [&](const Extraction& other) {
      return other.type == "works_at" && other.source == founding.source && other.target == founding.target;
    });
    if (!titled || known) continue;
    Extraction work = founding;
    work.type = "works_at";
    work.confidence = std::max(0.05, founding.confidence - 0.05);
    found->push_back(std::move(work));
  }
}

SentenceExtractor::SentenceExtractor(Catalog* catalog, const RuleSet& rules, Lang lang, std::string document_date)
    : catalog_(catalog), rules_(rules), lang_(lang), document_date_(std::move(document_date)) {}

std::vector<Extraction> Analysis::Run(const std::string& document_date) {
  lower_ = Lower(s_);
  mentions_ = catalog_->FindMentions(s_, lang_, rules_.short_name_openers[li_]);
  AbsorbLegalForms();
  FindFamilyNames();
  DiscoverGlosses();
  DiscoverQuotedProducts();
  DiscoverVersionedProducts();
  DiscoverChineseCuedProducts();
  DiscoverChineseUnits();
  DiscoverSuffixOrgs();
  DiscoverListedNames();
  DiscoverListMembers();
  DiscoverKoreanListMembers();
  DiscoverCuedNames();
  DiscoverTitledOrgs();
  DiscoverTitledPersons();
  DiscoverFoundedObjects();
  DiscoverLatinNames();
  FindAnaphors();
  DiscoverEnglishSubjects();
  DiscoverCapitalisedNames();
  DiscoverChineseSubjects();
  DiscoverKoreanSubjects();
  ReresolveRoundAnaphors();
  FindChinesePronouns();
  RefineDiscoveredKinds();
  DropAppositiveAnaphors();
  // "《晚点LatePost》独家获悉": the outlet that reports the news is no party to it.
  if (!rules_.reporting_verbs[li_].empty()) {
    std::erase_if(mentions_, [&](const Mention& mention) {
      size_t open = s_.rfind("《", mention.begin);
      size_t close = s_.find("》", mention.end);
      if (open == std::string_view::npos || close == std::string_view::npos || s_.substr(open, close - open).find("》") != std::string_view::npos) return false;
      std::string_view after = s_.substr(close + std::string_view("》").size());
      for (const std::string& verb : rules_.reporting_verbs[li_]) {
        if (after.starts_with(verb)) return true;
      }
      return false;
    });
  }
  std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  DropGlossMentions();
  SplitNamesEndingInVerbs();
  DropModifiers();
  if (lang_ == Lang::kKorean) AssignKoreanRoles();
  MarkUnitPhrases();
  FindTriggers();
  if (lang_ != Lang::kKorean) AssignMarkers();
  BuildGroups();
  FindPairAnaphors();
  FindClauses();
  FindAsides();
  // An English aside closed by a comma ("Sharon AI, an Australian cloud provider, is deploying")
  // interrupts its clause without ending it: its names stay out of the clause's roles (FindRole
  // skips them), and what stands on both sides is one clause.
  for (const auto& aside : asides_) {
    const size_t open = aside.first, close = aside.second;  // (no structured binding: clang 14 cannot capture one)
    if (close >= s_.size() || s_[close] != ',') continue;
    std::erase_if(boundaries_, [&](size_t boundary) { return boundary + 1 == open || boundary == close; });
  }
  ApplyTitles(&titles_found_);
  ApplyCompounds(&titles_found_);

  // The sentence's topic: Korean, the first group marked as subject; otherwise the first
  // unmarked group when the sentence starts with it.
  // A sentence that opens with "X's" or "X的" is about X as well.
  // The first trigger that is not part of a framing phrase ("据明势创投发布，": 发布 is the source's).
  // (Chinese may open with a clause of time, "继获A入股后，X再获…": the topic follows it, and its own
  // dropped subject is that topic.)
  const size_t main_clause = OpeningTimeClauseEnd();
  size_t first_trigger = s_.size();
  for (const TriggerHit& hit : triggers_) {
    if (hit.begin < main_clause) continue;
    bool framing = std::any_of(groups_.begin(), groups_.end(), [&](const Group& group) {
      if (!InLocative(group) || hit.begin < group.end) return false;
      std::string_view between = s_.substr(group.end, hit.begin - group.end);
      return between.find("，") == std::string_view::npos && between.find(',') == std::string_view::npos;
    });
    if (!framing) {
      first_trigger = hit.begin;
      break;
    }
  }
  for (size_t g = 0; g < groups_.size() && topic_group_ < 0; ++g) {
    // (A name inside a relative clause describes another one: "X创办的AI公司Y宣布…" is about Y.)
    if (InLocative(groups_[g]) || groups_[g].begin < main_clause || groups_[g].embedded) continue;
    bool opening_genitive = lang_ != Lang::kKorean && groups_[g].role == Role::kGenitive && groups_[g].begin < 4;
    // (Chinese may open with a framing clause: "就在这一节点上,据悉,X完成…融资".)
    bool opening = groups_[g].begin < main_clause + 40 || (lang_ == Lang::kChinese && groups_[g].begin < first_trigger);
    // English: a name after a copula is the predicate, not the topic ("The lender was HSBC").
    if (lang_ == Lang::kEnglish) {
      const std::string_view before = TrimSpace(std::string_view(lower_).substr(0, groups_[g].begin));
      for (std::string_view copula : {" was", " is", " are", " were"}) opening = opening && !before.ends_with(copula);
    }
    if (lang_ == Lang::kKorean ? groups_[g].role == Role::kSubject : ((groups_[g].role == Role::kNone && opening) || opening_genitive)) {
      if (groups_[g].begin < first_trigger || lang_ == Lang::kKorean) topic_group_ = static_cast<int>(g);
    }
  }

  // The company the text is about, for rules whose frames name the role "context".
  int context = discourse_->MainTopic();
  if (context >= 0 && IsOrg(context)) context_group_ = CarriedGroup(context);
  if (discourse_->raiser >= 0 && IsOrg(discourse_->raiser)) raiser_group_ = CarriedGroup(discourse_->raiser);

  // The previous sentence's topic, for rules whose frames name the role "previous": the
  // argument a sentence leaves out because the one before named it ("리벨리온이 시리즈A를
  // 마무리했다. 카카오벤처스 등이 투자했다.").
  if (discourse_->topic >= 0) previous_group_ = CarriedGroup(discourse_->topic);
  // "星河旗下自动驾驶公司宣布完成D轮融资，投资方包括…": an organisation the text does not name
  // raised this round; no earlier one stands in for it, here or in the sentences after.
  const bool unnamed_raiser = UnnamedRaiser();
  if (unnamed_raiser) {
    raiser_group_ = previous_group_ = context_group_ = Group{};
    discourse_->raiser = -1;
  }

  // The last entity of each kind earlier sentences named, for the role "recent".
  {
    std::map<std::string, std::pair<size_t, int>> last;  // kind -> (order, entity)
    for (size_t k = 0; k < discourse_->recent.size(); ++k) last[Kind(discourse_->recent[k])] = {k, discourse_->recent[k]};
    for (const auto& [kind, entry] : last) {
      RecentGroup recent;
      recent.order = entry.first;
      recent.group = CarriedGroup(entry.second);
      recent_groups_.push_back(recent);
    }
  }

  // RELGRAPH_ARTICLE_DEBUG=1 shows the analysis of every sentence on stderr; =names lists only
  // the entities each sentence names (id, name and aliases), for measuring name recognition.
  static const char* const kDebugMode = std::getenv("RELGRAPH_ARTICLE_DEBUG");
  static const bool kDebugNames = kDebugMode != nullptr && std::string_view(kDebugMode) == "names";
  static const bool kDebug = kDebugMode != nullptr && !kDebugNames;
  if (kDebugNames) {
    for (const Mention& mention : mentions_) {
      if (mention.entity < 0) continue;
      const Entity& entity = catalog_->at(mention.entity).entity;
      std::fprintf(stderr, "entity\t%s\t%s", entity.id.c_str(), entity.name.c_str());
      for (const std::string& alias : entity.aliases) std::fprintf(stderr, "\t%s", alias.c_str());
      std::fprintf(stderr, "\n");
    }
  }
  if (kDebug) {
    std::fprintf(stderr, "S: %.*s\n", static_cast<int>(s_.size()), s_.data());
    for (const Group& group : groups_) {
      std::fprintf(stderr, "  group role=%d%s%s:", static_cast<int>(group.role), group.inherited ? " inherited" : "", group.embedded ? " embedded" : "");
      for (int m : group.members) {
        const Mention& mention = mentions_[static_cast<size_t>(m)];
        std::fprintf(stderr, " [%s%s '%s']", mention.entity >= 0 ? catalog_->at(mention.entity).entity.id.c_str() : "?", mention.anaphor ? " anaphor" : "", mention.particles.c_str());
      }
      std::fprintf(stderr, "\n");
    }
    for (const TriggerHit& hit : triggers_) {
      std::fprintf(stderr, "  trigger %s '%.*s'%s%s%s clause=%d\n", hit.rule->name.c_str(), static_cast<int>(hit.end - hit.begin), s_.data() + hit.begin,
                   hit.verb ? " verb" : "", hit.noun_use ? " noun" : "", hit.adnominal ? " adnominal" : "", Clause(hit.begin));
    }
  }
  std::vector<Extraction> found;
  for (const TriggerHit& hit : triggers_) {
    if (Hedged(hit)) continue;
    bool matched = false;
    ApplyRule(hit, false, &found, &matched);
    if (matched) continue;
    // Quoted speech states what someone expects, not what happened: no guessed subjects.
    if (InsideQuote(hit.begin)) continue;
    ApplyRule(hit, true, &found, &matched);
    // A dropped subject is the previous sentence's topic, or across paragraphs the last one ("... Backers include A.").
    // Korean carries it across a paragraph only when the sentence has no subject of its own at all.
    int carried_topic = discourse_->topic >= 0 ? discourse_->topic : discourse_->last_topic;
    if (matched || !hit.rule->carry_topic || carried_topic < 0 || HasUnnamedSubject(hit, discourse_->topic < 0)) continue;
    if (unnamed_raiser && hit.rule->type == "invests_in") continue;
    // The subject was dropped: the previous sentence's topic ("오픈AI는 ... 비영리조직이었다.
    // ... MS로부터 투자받아 ..."); where that one cannot take the part (a person where an
    // organisation raised money: "창업자 이민형 대표는 … . … 투자를 유치했다"), the last
    // organisation that was a topic.
    int org_topic = -1;
    for (auto it = discourse_->recent.rbegin(); it != discourse_->recent.rend() && org_topic < 0; ++it) {
      if (IsOrg(*it) && discourse_->topic_counts.count(*it) != 0) org_topic = *it;
    }
    for (int candidate : {carried_topic, org_topic}) {
      if (matched || candidate < 0 || (candidate != carried_topic && IsPerson(candidate))) continue;
      if (candidate != carried_topic && !IsPerson(carried_topic)) break;
      Mention carried;
      carried.entity = candidate;
      carried.anaphor = false;
      carried.role = lang_ == Lang::kKorean ? Role::kSubject : Role::kNone;
      carried.begin = carried.end = carried.word_end = 0;
      mentions_.push_back(carried);
      Group group;
      group.members.push_back(static_cast<int>(mentions_.size()) - 1);
      group.role = carried.role;
      group.carried = true;
      groups_.insert(groups_.begin(), group);
      int saved_topic = topic_group_;
      topic_group_ = -1;
      size_t before = found.size();
      ApplyRule(hit, false, &found, &matched);
      for (size_t k = before; k < found.size(); ++k) found[k].confidence = std::max(0.05, found[k].confidence - 0.15), found[k].guessed = true;
      groups_.erase(groups_.begin());
      mentions_.pop_back();
      topic_group_ = saved_topic;
    }
  }
  DropRoleConflicts(&found);
  AddListContinuation(&found);
  AddFoundersAtWork(&found);
  found.insert(found.end(), titles_found_.begin(), titles_found_.end());

  // Amounts and dates in the trigger's clause.
  std::vector<Amount> amounts = FindAmounts(s_, lang_);
  // "1억달러(약 1300억원)": the amount in brackets converts the one before it.
  std::erase_if(amounts, [&](const Amount& amount) {
    for (const Amount& other : amounts) {
      if (other.end > amount.begin || amount.begin - other.end > 8) continue;
      std::string_view between = s_.substr(other.end, amount.begin - other.end);
      if (between.starts_with("(") || between.starts_with("（")) return true;
    }
    return false;
  });
  std::vector<StatedDate> dates = FindDates(s_, lang_, document_date);
  for (Extraction& extraction : found) {
    size_t trigger_pos = extraction.amount_value.begin;
    int clause = Clause(trigger_pos);
    extraction.amount_value = Amount{};
    bool money = extraction.type == "invests_in" || extraction.type == "acquires" || extraction.type == "backs" || extraction.type == "supplies";
    size_t best = SIZE_MAX;
    for (const Amount& amount : amounts) {
      if (!money || Clause(amount.begin) != clause) continue;
      size_t distance = amount.begin > trigger_pos ? amount.begin - trigger_pos : trigger_pos - amount.begin;
      if (distance < best) best = distance, extraction.amount_value = amount;
    }
    best = SIZE_MAX;
    for (const StatedDate& date : dates) {
      if (Clause(date.begin) != clause && dates.size() > 1) continue;
      size_t distance = date.begin > trigger_pos ? date.begin - trigger_pos : trigger_pos - date.begin;
      if (distance < best) best = distance, extraction.date = date.date;
    }
  }

  // Discourse: who raised money last, this sentence's topic and the entities it named.
  for (const Extraction& extraction : found) {
    if (extraction.type == "invests_in") discourse_->raiser = extraction.target;
  }
  // "X raised $5 million." names no investor, yet X is the raiser "the round" will stand for; so
  // is Y in "... closed $475 million for Y". Money must be said ("raised $5 million", "closed a
  // seed round"; not "raised concerns").
  const bool named_investor = std::any_of(found.begin(), found.end(), [](const Extraction& e) { return e.type == "invests_in"; });
  auto raises_money = [&](const TriggerHit& hit) {
    if (!hit.rule->states_raiser || Hedged(hit)) return false;
    const std::string_view after = std::string_view(lower_).substr(hit.end, std::min<size_t>(80, lower_.size() - hit.end));
    return !amounts.empty() || NamesRound(after);
  };
  if (!named_investor && topic_group_ >= 0) {
    const Group& topic = groups_[static_cast<size_t>(topic_group_)];
    const int entity = mentions_[static_cast<size_t>(topic.members.front())].entity;
    const bool raised = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return topic.end <= hit.begin && raises_money(hit); });
    if (raised && entity >= 0 && IsOrg(entity)) discourse_->raiser = entity;
  }
  // "千寻智能完成5亿元Pre-A轮融资。": the name a raiser cue and a round follow raised it.
  if (!named_investor && lang_ == Lang::kChinese) {
    for (const Mention& mention : mentions_) {
      if (mention.entity < 0 || mention.anaphor || !IsOrg(mention.entity) || !RaiserCueAfter(mention)) continue;
      if (!NamesRound(std::string_view(lower_).substr(mention.word_end, 90))) continue;
      discourse_->raiser = mention.entity;
      break;
    }
  }
  // "리벨리온도 7월 145억원 프리A 시리즈를 마무리했다.": a topic whose sentence names its round
  // raised it (the investors may follow in the next sentence).
  if (!named_investor && lang_ == Lang::kKorean && topic_group_ >= 0) {
    const Group& topic = groups_[static_cast<size_t>(topic_group_)];
    const int entity = mentions_[static_cast<size_t>(topic.members.front())].entity;
    const std::string_view rest = s_.substr(topic.end);
    const auto& rounds = rules_.round_words[li_];  // data/triggers.json "round_words"
    const bool round = std::any_of(rounds.begin(), rounds.end(), [&](const std::string& word) { return rest.find(word) != std::string_view::npos; });
    if (round && topic.members.size() == 1 && entity >= 0 && IsOrg(entity) && topic.role == Role::kSubject) discourse_->raiser = entity;
  }
  if (!named_investor && lang_ == Lang::kEnglish) {
    for (const TriggerHit& hit : triggers_) {
      if (!raises_money(hit)) continue;
      for (const Mention& mention : mentions_) {
        if (mention.entity < 0 || mention.anaphor || !IsOrg(mention.entity) || mention.begin < hit.end || mention.begin - hit.end > 80) continue;
        // ("... for her start-up, Thinking Machines Lab": a short description may name it first.)
        std::string_view before = std::string_view(lower_).substr(hit.end, mention.begin - hit.end);
        size_t for_at = before.rfind(" for ");
        std::string_view described = for_at == std::string_view::npos ? std::string_view() : before.substr(for_at + 5);
        bool appositive = described.ends_with(", ") && std::count(described.begin(), described.end(), ' ') <= 4 &&
                          described.find_first_of(".;") == std::string_view::npos && EndsInKindWord(described.substr(0, described.size() - 2), rules_.org_cues[li_]);
        if ((Clause(mention.begin) == Clause(hit.begin) && before.ends_with(" for ")) || appositive) {
          discourse_->raiser = mention.entity;
          break;
        }
      }
    }
  }
  if (topic_group_ >= 0) {
    const Mention& first = mentions_[static_cast<size_t>(groups_[static_cast<size_t>(topic_group_)].members.front())];
    if (first.entity >= 0) {
      discourse_->topic = discourse_->last_topic = first.entity;
      ++discourse_->topic_counts[first.entity];
    }
  }
  for (const Mention& mention : mentions_) {
    // Only what the sentence names: the entities standing in for roles (context, previous,
    // recent) have no place in it (end == 0). Nor does a source ("据X报道"): no later
    // "the company" means it.
    if (mention.entity >= 0 && mention.end > 0 && !CitedSource(mention)) discourse_->recent.push_back(mention.entity);
    // A person named in full in Latin letters may be named by the family name later.
    if (mention.entity >= 0 && mention.end > mention.begin && IsPerson(mention.entity)) {
      std::string_view name = s_.substr(mention.begin, mention.end - mention.begin);
      size_t space = name.rfind(' ');
      std::string_view family = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
      bool latin = family.size() >= 3 && IsAsciiUpper(static_cast<unsigned char>(family[0])) &&
                   std::all_of(family.begin(), family.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '-'; });
      if (latin) discourse_->family_names[std::string(family)] = mention.entity;
      // A Korean name (surname and given name, no space) may be named by its surname and a
      // title later ("백준호 대표" ... "백 대표는"); a surname two persons share names neither.
      if (lang_ == Lang::kKorean && name.size() == 9 && std::all_of(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; })) {
        std::string surname(name.substr(0, 3));
        if (std::find(rules_.surnames[li_].begin(), rules_.surnames[li_].end(), surname) != rules_.surnames[li_].end()) {
          auto [it, added] = discourse_->family_names.try_emplace(surname, mention.entity);
          if (!added && it->second != mention.entity) it->second = -1;
        }
      }
    }
    // An organisation named in Latin letters with generic last words may be named without them
    // later: "Ampere Computing" ... "Ampere", "Thinking Machines Lab" ... "Thinking Machines",
    // "Navistar International Corp" ... "Navistar International" or "Navistar".
    if (lang_ == Lang::kEnglish && mention.entity >= 0 && mention.end > mention.begin && IsOrg(mention.entity)) {
      std::string_view rest = s_.substr(mention.begin, mention.end - mention.begin);
      if (!IsAsciiUpper(static_cast<unsigned char>(rest[0]))) continue;
      for (size_t space = rest.rfind(' '); space != std::string_view::npos && space >= 3; space = rest.rfind(' ')) {
        std::string_view last = rest.substr(space + 1);
        bool generic = std::find(rules_.org_suffixes[li_].begin(), rules_.org_suffixes[li_].end(), last) != rules_.org_suffixes[li_].end() ||
                       rules_.legal_forms.count(Lower(last)) != 0;
        if (!generic) break;
        rest = rest.substr(0, space);
        bool latin = std::all_of(rest.begin(), rest.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; });
        if (latin && rules_.not_names[li_].count(std::string(rest)) == 0) discourse_->family_names.try_emplace(std::string(rest), mention.entity);
      }
    }
  }
  // The pair "양사" / "双方" will stand for: the two sides of the sentence's last partnership,
  // else the last group naming two organisations.
  std::pair<int, int> pair{-1, -1};
  for (const Group& group : groups_) {
    if (!group.carried && PairOf(group).first >= 0) pair = PairOf(group);
  }
  for (const Extraction& extraction : found) {
    if (extraction.type == "partners_with" && IsOrg(extraction.source) && IsOrg(extraction.target)) pair = {extraction.source, extraction.target};
  }
  // A sentence about "the two companies" keeps talking about the same two ("The pair partnered
  // with BMW. Then the two companies …").
  for (const Group& group : groups_) {
    const bool pair_anaphor = group.members.size() == 2 && std::all_of(group.members.begin(), group.members.end(), [&](int m) { return mentions_[static_cast<size_t>(m)].anaphor; });
    if (pair_anaphor && PairOf(group).first >= 0) pair = PairOf(group);
  }
  // ... else the sentence's two organisations when it names exactly two ("X intends to purchase
  // Y. The two companies were already working together").
  if (pair.first < 0) {
    std::vector<int> orgs;
    for (const Mention& mention : mentions_) {
      if (mention.entity >= 0 && IsOrg(mention.entity) && std::find(orgs.begin(), orgs.end(), mention.entity) == orgs.end()) orgs.push_back(mention.entity);
    }
    if (orgs.size() == 2) pair = {orgs[0], orgs[1]};
  }
  if (pair.first >= 0) discourse_->pair = pair;
  if (discourse_->recent.size() > 64) discourse_->recent.erase(discourse_->recent.begin(), discourse_->recent.end() - 64);
  return found;
}

// A group standing in for a role from outside the sentence: one mention of the entity, at no
// position (end == 0, so the discourse never counts it as named here).
Group Analysis::CarriedGroup(int entity) {
  Mention mention;
  mention.entity = entity;
  mentions_.push_back(mention);
  Group group;
  group.members = {static_cast<int>(mentions_.size()) - 1};
  group.carried = true;
  return group;
}

// Chinese "在…大会上", "在…期间": a name inside a place or time phrase is not what the
// sentence is about; nor is the source a statement is attributed to ("据明势创投发布，…").
bool Analysis::InLocative(const Group& group) const {
  if (lang_ != Lang::kChinese || group.carried) return false;
  auto boundary = [&](std::string_view text, bool last) {
    size_t best = last ? 0 : text.size();
    for (std::string_view mark : {",", "，", "。", "；", ";"}) {
      size_t at = last ? text.rfind(mark) : text.find(mark);
      if (at == std::string_view::npos) continue;
      best = last ? std::max(best, at + mark.size()) : std::min(best, at);
    }
    return best;
  };
  std::string_view before = s_.substr(0, group.begin);
  before = before.substr(boundary(before, true));
  std::string_view after = s_.substr(group.end);
  after = after.substr(0, boundary(after, false));
  if (before == "据" || before.ends_with("根据")) return true;
  if (before.find("在") == std::string_view::npos) return false;
  for (std::string_view end : {"上", "中", "期间", "之际", "时"}) {
    if (after.ends_with(end)) return true;
  }
  return false;
}

std::vector<Extraction> SentenceExtractor::Extract(std::string_view sentence, Discourse* discourse) {
  std::string folded = lang_ == Lang::kChinese ? FoldToSimplified(sentence) : std::string();
  Analysis analysis(catalog_, rules_, lang_, lang_ == Lang::kChinese ? std::string_view(folded) : sentence, sentence, discourse);
  std::vector<Extraction> found = analysis.Run(document_date_);
  // One statement per fact and sentence: the most confident reading.
  std::vector<Extraction> unique;
  for (Extraction& extraction : found) {
    bool symmetric = extraction.type == "partners_with" || extraction.type == "competes_with";
    auto same = [&](const Extraction& other) {
      if (other.type != extraction.type) return false;
      if (other.source == extraction.source && other.target == extraction.target) return true;
      return symmetric && other.source == extraction.target && other.target == extraction.source;
    };
    auto it = std::find_if(unique.begin(), unique.end(), same);
    if (it == unique.end()) {
      unique.push_back(std::move(extraction));
    } else if (extraction.confidence > it->confidence) {
      *it = std::move(extraction);
    }
  }
  return unique;
}

}  // namespace relgraph::importers::article
