// The sentence analysis of the article importer, shared by its stages (only importers/article_*.cpp
// include this): helpers over UTF-8 text, the word lists that are no names, and Analysis, the
// state of one sentence's analysis whose member functions live in one file per stage.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/text.h"
#include "importers/article_internal.h"

namespace relgraph::importers::article {

inline const std::vector<std::string> kOrgKinds = {"company", "research_institute", "university", "government",
                                                   "investor", "consortium", "organization"};


inline bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Whether the text starts (ends) with one of the words (empty words never match).
inline bool StartsWithAny(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return !word.empty() && text.starts_with(word); });
}
inline bool EndsWithAny(std::string_view text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return !word.empty() && text.ends_with(word); });
}
// Past a bracketed aside that opens text ("(简称“Y”)", "[매체]", "【…】") and the spaces after it,
// when it closes within 80 bytes; text itself otherwise.
inline std::string_view AfterBracketed(std::string_view text) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}}) {
    const size_t end = text.starts_with(open) ? text.substr(0, 80).find(close) : std::string_view::npos;
    if (end == std::string_view::npos) continue;
    text.remove_prefix(end + close.size());
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return text;
  }
  return text;
}

inline std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool IsSpace(char c) { return c == ' ' || c == '\t'; }

inline size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

inline size_t RunEnd(std::string_view s, size_t i, bool (*pred)(char32_t)) {
  while (i < s.size()) {
    char32_t cp = 0;
    size_t len = DecodeAt(s, i, &cp);
    if (!pred(cp)) break;
    i += len;
  }
  return i;
}

inline size_t RunStart(std::string_view s, size_t i, bool (*pred)(char32_t)) {
  while (i > 0) {
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    char32_t cp = 0;
    DecodeAt(s, start, &cp);
    if (!pred(cp)) break;
    i = start;
  }
  return i;
}

// The text inside the first bracket pair of a name ("X (Y)" -> "Y"), or "".
inline std::string_view Bracketed(std::string_view name) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    size_t begin = name.find(open);
    size_t end = begin == std::string_view::npos ? begin : name.find(close, begin);
    if (end != std::string_view::npos) return name.substr(begin + open.size(), end - begin - open.size());
  }
  return {};
}

inline bool IsHangulOrAlnum(char32_t cp) { return IsHangul(cp) || IsAsciiAlnum(cp); }
inline bool IsNameChar(char32_t cp) { return IsHangul(cp) || IsAsciiAlnum(cp) || cp == '-' || cp == '.' || cp == '&'; }
inline bool IsHanChar(char32_t cp) { return IsHan(cp); }

inline char32_t CodePointBefore(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  char32_t cp = 0;
  DecodeAt(s, start, &cp);
  return cp;
}

inline char32_t CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char32_t cp = 0;
  DecodeAt(s, i, &cp);
  return cp;
}

// Final consonant of a Hangul syllable (0: none, 4: ㄴ, 8: ㄹ).
inline int FinalConsonant(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3 ? static_cast<int>((cp - 0xAC00) % 28) : -1; }

inline bool IsChineseFunction(char32_t cp) {
  static const std::u32string_view kChars = U"与和及、同跟在由被向对将把是为从给让使并且或也都其据称于以至到等了的着过之而即如但就则又还已曾再获该这那";
  return kChars.find(cp) != std::u32string_view::npos;
}

struct Group {
  std::vector<int> members;  // mention indices
  Role role = Role::kNone;
  bool inherited = false;    // role read from a following word ("...등 전문가의")
  bool embedded = false;     // Korean: inside a relative clause ("머스크가 떠난 뒤")
  size_t relative_end = 0;  // Chinese: the end of the "VERB的" whose relative clause holds the group (embedded)
  bool carried = false;      // the previous sentence's topic standing in for a dropped subject
  size_t begin = 0, end = 0;
};

struct TriggerHit {
  size_t begin = 0, end = 0;  // the trigger
  size_t word_begin = 0, word_end = 0;
  const Rule* rule = nullptr;
  bool verb = false;        // a verb stem (not a noun)
  bool noun_use = false;    // used as a noun: arguments may follow it
  bool adnominal = false;   // modifies the noun after it
};

struct TitleMatch {
  size_t end = 0;
  bool founded = false;
  bool works = false;
  bool former = false;
  bool plural = false;  // English "co-presidents A and B": the title is every listed person's
  std::string tail;  // particles after a Korean title
};

// The organisation that holds a title with no organisation before it (Analysis::ApplyTitles).
struct TitleTopic {
  int entity = -1;
  size_t end = 0;               // where its group ends (0: an anaphor, so a title before it counts too)
  bool from_discourse = false;  // English: the previous sentence's organisation
};

// Everything one sentence's analysis needs, so the steps can be small functions.
class Analysis {
 public:
  // s: the sentence as analysed (Chinese folded to Simplified); original: as written, same offsets.
  Analysis(Catalog* catalog, const RuleSet& rules, Lang lang, std::string_view s, std::string_view original, Discourse* discourse)
      : catalog_(catalog), rules_(rules), lang_(lang), li_(LangIndex(lang)), s_(s), original_(original), discourse_(discourse) {}

  std::vector<Extraction> Run(const std::string& document_date);

 private:
  const std::string& Kind(int entity) const {
    static const std::string kNoKind;
    return entity < 0 ? kNoKind : catalog_->at(entity).entity.kind;
  }
  // The catalog entity for a name the text shows, added when new; -1 when the name names
  // nobody (a common word, "两家子公司").
  int Discover(const std::string& name, const std::string& kind, const std::vector<std::string>& aliases, const std::string& id_hint);
  bool IsOrg(int entity) const { return Contains(kOrgKinds, Kind(entity)); }
  bool IsPerson(int entity) const { return Kind(entity) == "person"; }
  // Word lists of data/triggers.json ("words", "participle_openers").
  const WordSet& GenericWords() const { return rules_.generic_words; }
  const WordSet& NotNames() const { return rules_.not_person_names; }
  const WordSet& CommonNouns() const { return rules_.common_nouns; }
  const WordSet& LegalForms() const { return rules_.legal_forms; }
  const std::vector<std::string>& ParticipleOpeners() const { return rules_.participle_openers; }
  bool Overlaps(size_t begin, size_t end) const {
    for (const Mention& mention : mentions_) {
      if (begin < mention.word_end && mention.begin < end) return true;
    }
    return false;
  }
  // A mention of nobody (a name Discover refused) is dropped.
  void AddMention(Mention mention) {
    if (mention.entity >= 0) mentions_.push_back(std::move(mention));
  }
  Mention MentionWithParticles(size_t begin, size_t end, int entity) const;
  Mention MentionBefore(size_t begin, size_t end, size_t after, int entity) const;

  void DiscoverGlosses();
  void DiscoverSuffixOrgs();
  void DiscoverQuotedProducts();
  void DiscoverVersionedProducts();
  void DiscoverChineseCuedProducts();
  void DiscoverChineseUnits();
  void DiscoverListedNames();
  void DiscoverListMembers();
  void DiscoverKoreanListMembers();
  void DiscoverCuedNames();
  void DiscoverTitledOrgs();
  void DiscoverTitledPersons();
  void DiscoverFoundedObjects();
  void DiscoverChineseCourtesyPersons();
  void DiscoverChineseTitledOrgs();
  void RefineDiscoveredKinds();
  bool InLocative(const Group& group) const;
  Group CarriedGroup(int entity);
  void DiscoverLatinNames();
  void DiscoverEnglishSubjects();
  void DiscoverCapitalisedNames();
  void DiscoverChineseSubjects();
  void DiscoverKoreanSubjects();
  // Whether a raiser cue follows the name, past adverbs and time words ("X于近日再获", "X가 유치한").
  bool RaiserCueAfter(const Mention& mention) const;
  int RaiserBefore(size_t at) const;
  // Whether lower-cased text names a funding round ("the massive round", "该轮融资", "투자를 유치").
  static bool NamesRound(std::string_view lower_text);
  void ReresolveRoundAnaphors();
  void DiscoverChineseObjects();
  void FindAsides();
  int AsideOf(size_t begin, size_t end) const;
  void FindAnaphors();
  void DropAppositiveAnaphors();
  std::vector<std::pair<size_t, size_t>> AnaphorSpans(std::string_view pattern) const;
  void AssignMarkers();
  void AssignKoreanRoles();
  void BuildGroups();
  bool ListItemEnds(const Mention& mention) const;
  void AddListContinuation(std::vector<Extraction>* found);
  bool NamedApposition(size_t from, size_t name_begin) const;
  bool CountedListBefore(size_t from, size_t name_begin) const;
  bool RelationalNounAround(const Group& group, size_t from) const;
  void FindPairAnaphors();
  void FindChinesePronouns();
  bool PossessiveUnit(const Mention& owner, const Mention& unit) const;
  bool CoAgentsOf(const Group& group, const TriggerHit& hit) const;
  // Chinese "A携手B", "A联手B": whether 携手 or 联手 ends right before pos (B acts with A).
  bool AfterJointWord(size_t pos) const;
  // Korean "A·B 등 벤처캐피털로부터": whether pos follows "등 ", where the word says what the list is,
  // no name.
  bool AfterListCategory(size_t pos) const;
  // Chinese: where the main clause starts after an opening clause of time ("继获A入股后，", "在
  // 完成收购之后，"), else 0.
  size_t OpeningTimeClauseEnd() const;
  // Chinese: whether three Han characters that are no known name, function word, adverb, time word
  // or verb stand right before pos (a name the text writes but nothing made known).
  bool UnknownWordBefore(size_t pos) const;
  bool NameLikeRest(size_t from, size_t end) const;
  // Whether a trigger word of one of the language's rules ends right before pos ("投资" in "投资星河").
  bool TriggerEndsAt(size_t pos) const;
  // Whether a trigger word of one of the language's rules starts at pos (by the trigger index);
  // the length of the longest one that does (0: none).
  bool TriggerStartsAt(size_t pos) const;
  size_t TriggerLengthAt(size_t pos) const;
  // Whether one of the rule's exclusions covers the trigger word at [at, end) ("投资者" for 投资).
  bool Excluded(const Rule& rule, size_t at, size_t end) const;
  bool PossessiveAfter(const Mention& mention) const;
  std::pair<int, int> PairOf(const Group& group) const;
  void FindClauses();
  void FindTriggers();
  void ApplyRule(const TriggerHit& hit, bool fallback, std::vector<Extraction>* out, bool* matched);
  void ApplyTitles(std::vector<Extraction>* out);
  // The stages of ApplyTitles, in its order (article_titles.cpp, article_titles_org.cpp,
  // article_titles_apposition.cpp).
  TitleTopic ChooseTitleTopic() const;
  void ApplyTopicTitles(const TitleTopic& topic, std::vector<Extraction>* out);
  void ApplyChineseTitleVerbs(const TitleTopic& topic, std::vector<Extraction>* out);
  void ApplyKoreanTitleAfterTopic(const TitleTopic& topic, std::vector<Extraction>* out);
  void ApplyOrganisationTitles(std::vector<Extraction>* out);
  void ApplyTitlesNextToOrg(size_t m, std::vector<Extraction>* out);
  void ApplyBracketedTitles(const Mention& organisation, double base, std::vector<Extraction>* out);
  bool ParseTitleAfterOrg(const Mention& organisation, int* org, TitleMatch* match, bool* fielded, std::vector<Extraction>* out);
  bool TitleGoverned(const Mention& organisation, size_t m) const;
  void ApplyOrgPersonTitle(const Mention& organisation, int org, double base, std::vector<Extraction>* out);
  void ApplyChineseTitlesHeldAt(std::vector<Extraction>* out);
  size_t AppositionLinkBefore(const Mention& organisation) const;
  void ApplyEnglishAppositions(std::vector<Extraction>* out);
  // Adds founded and works_at for a person's title at an organisation (works_at unless the job is past).
  void EmitTitle(int person_mention, int org, const TitleMatch& match, std::string_view rule, double confidence, std::vector<Extraction>* out) const;
  // The role the particles after a Korean title give its person ("대표는": subject); none for a title's own.
  static Role TailRole(std::string_view tail);
  // Whether an organisation ends right before pos (behind 的, spaces or a Chinese unit of it).
  bool OrgEndsAt(size_t pos) const;
  // Korean: founded or works_at for a title written before "PERSON ORG TITLE" ("창업자인 이재성 트웰브랩스 대표는").
  void EmitTitleBeforePerson(int person_mention, int org, double confidence, std::vector<Extraction>* out) const;
  void AddFoundersAtWork(std::vector<Extraction>* found) const;
  // Whether the sentence pairs two lists item by item ("각각", "分别", "respectively": data/triggers.json).
  bool RespectivelySaid() const {
    const std::string_view text = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
    return std::any_of(rules_.respectively[li_].begin(), rules_.respectively[li_].end(),
                       [&](const std::string& word) { return text.find(word) != std::string_view::npos; });
  }
  void ApplyCompounds(std::vector<Extraction>* out);
  // Chinese: the sentence says an organisation it does not name raised a round ("…旗下自动驾驶
  // 公司宣布完成D轮融资").
  bool UnnamedRaiser() const;

  int Clause(size_t pos) const {
    return static_cast<int>(std::upper_bound(boundaries_.begin(), boundaries_.end(), pos) - boundaries_.begin());
  }
  const Group* FindRole(const TriggerHit& hit, std::string_view role, bool fallback, double* penalty, bool allow_inherited = true,
                        const std::vector<std::string>* kinds = nullptr, bool source = false) const;
  bool GroupFits(const Group& group, const std::vector<std::string>* kinds, bool source) const {
    if (kinds == nullptr) return true;
    for (int member : group.members) {
      int entity = mentions_[static_cast<size_t>(member)].entity;
      if (entity >= 0 && KindFits(entity, *kinds, source)) return true;
    }
    return false;
  }
  size_t DescribedBy(const TriggerHit& hit) const;
  bool GenitiveReaches(const Group& group, const TriggerHit& hit) const;
  bool ObjectOfOtherTrigger(const Group& group, const TriggerHit& hit, bool same_relation) const;
  bool AgentOfSameRelation(const Group& group, const TriggerHit& hit, size_t max_gap) const;
  const Group* HeadOf(const TriggerHit& hit) const;
  bool KindFits(int entity, const std::vector<std::string>& kinds, bool source) const;
  bool ParseTitles(size_t pos, TitleMatch* match) const;
  bool PartOfTitle(size_t begin, size_t end) const;
  void MarkUnitPhrases();
  bool CitedSource(const Mention& mention) const;
  bool EndsInKindWord(std::string_view description, const std::vector<std::string>& cues) const;
  bool EndsInAnyKindWord(std::string_view description) const;  // a product or an organisation word
  const std::string* TitleModifierAt(size_t pos) const;
  bool IsUnitName(std::string_view word) const;
  size_t TitleStartBefore(size_t pos) const;
  // A title word anywhere in `text` ("리서치본부장이", "正泰集团董事长").
  bool ContainsTitle(std::string_view text) const {
    return std::any_of(rules_.titles[li_].begin(), rules_.titles[li_].end(), [&](const Title& title) { return text.find(title.word) != std::string_view::npos; });
  }
  // `name` starts with one of the language's surnames.
  bool StartsWithSurname(std::string_view name) const {
    return std::any_of(rules_.surnames[li_].begin(), rules_.surnames[li_].end(), [&](const std::string& surname) { return name.starts_with(surname); });
  }
  int PersonAfter(size_t pos, size_t* end);
  // Chinese "为北京大学教授王磊", "是王磊": after a copula, the person (behind an organisation and
  // its title, if any); -1 when there is no copula or no person.
  int PersonAfterCopula(size_t pos, size_t* end);
  // Chinese "计算机系" in "北京大学计算机系系主任": the end of a unit's name at pos when a title
  // follows it, else pos.
  size_t ChineseUnitEnd(size_t pos) const;
  int PersonBefore(size_t pos);
  std::vector<std::string> GlossParts(std::string_view content) const;
  bool HasOrgSuffix(std::string_view name, int lang_index, std::string* kind) const;
  // A place opens a name that an organisation suffix ends when two words or more (the suffix
  // among them) follow it: "Zhejiang University Education Foundation", "US Xpress Enterprises
  // Inc"; with fewer the place only says where ("Hangzhou Group" is a group in Hangzhou).
  static bool PlaceOpensName(size_t words_after_place) { return words_after_place >= 2; }

  Catalog* catalog_;
  const RuleSet& rules_;
  Lang lang_;
  int li_;
  std::string_view s_;
  std::string_view original_;
  Discourse* discourse_;
  // A name taken from s_ as the article writes it (names are learnt in the article's script).
  std::string Written(const std::string& name) const {
    size_t at = s_.find(name);
    return at == std::string_view::npos || original_.size() != s_.size() ? name : std::string(original_.substr(at, name.size()));
  }
  std::vector<std::string> Written(const std::vector<std::string>& names) const {
    std::vector<std::string> out;
    for (const std::string& name : names) out.push_back(Written(name));
    return out;
  }
  std::string lower_;  // ASCII lower-cased sentence (same byte offsets)
  std::vector<Mention> mentions_;
  std::vector<Group> groups_;
  std::vector<int> group_of_;  // mention -> group
  std::vector<size_t> boundaries_;
  std::vector<TriggerHit> triggers_;
  std::vector<std::pair<size_t, size_t>> asides_;  // English ", which ... ," spans
  std::vector<Mention> modifiers_;                  // English "X-backed": no arguments of triggers
  // Units a bracket after their name describes by their parent, or parents by their unit
  // ("建信信托(建设银行旗下子公司)"): unit, parent and where the name stands (DropGlossMentions).
  struct DescribedUnit {
    int unit;
    int parent;
    size_t pos;
  };
  std::vector<DescribedUnit> described_units_;
  // The members of a consortium named by them all ("A·B 컨소시엄"), who partner (DiscoverSuffixOrgs).
  struct JointMembers {
    std::vector<int> members;
    size_t pos;
  };
  std::vector<JointMembers> joint_members_;
  int topic_group_ = -1;
  Group context_group_;  // the entity the text is about (previous topics), for the role "context"
  Group previous_group_;  // the previous sentence's topic, for the role "previous"
  Group raiser_group_;    // the last organisation invested in, for the role "raiser"
  struct RecentGroup {
    size_t order = 0;  // position in Discourse::recent: later is more recent
    Group group;
  };
  std::vector<RecentGroup> recent_groups_;  // the last entity of each kind named before, for the role "recent"
  mutable Group head_;
  std::vector<Extraction> titles_found_;
  void DropModifiers();
  void AbsorbLegalForms();
  void FindFamilyNames();
  void DropGlossMentions();
  void SplitNamesEndingInVerbs();
  // strict: words ending in 이/가 count as subjects too (before carrying a topic across paragraphs).
  bool HasUnnamedSubject(const TriggerHit& hit, bool strict = false) const;
  bool Hedged(const TriggerHit& hit) const;
  bool InsideTrigger(size_t begin, size_t end) const {
    for (const TriggerHit& hit : triggers_) {
      if (begin >= hit.begin && end <= hit.end) return true;
    }
    return false;
  }
  // Whether pos is inside a quote, closed or still open at the sentence's end.
  size_t ChineseClauseAfter(const TriggerHit& hit) const;
  bool InsideQuote(size_t pos) const;
  // The closed quote ("…", “…”, 「…」) that holds pos, by index, or -1.
  int QuoteOf(size_t pos) const;
  // Finds the sentence's quote spans once; later calls look them up by binary search.
  void FindQuotes() const;
  mutable std::vector<std::pair<size_t, size_t>> quote_spans_;
  mutable size_t unclosed_quote_ = std::string_view::npos;  // where a quote opens that never closes
  mutable bool quotes_found_ = false;
  // Whether only spaces, closing brackets and quotes stand between end and pos: a name ends right
  // before a comma even behind its gloss ("Safe Superintelligence Inc. (SSI), the firm ...").
  bool EndsRightBefore(size_t end, size_t pos) const {
    if (end > pos || pos - end > 160) return false;  // (no gloss is longer: the check costs a bounded read)
    std::string_view between = s_.substr(end, pos - end);
    while (!between.empty() && (between.back() == ' ' || between.back() == '"' || between.back() == '\'')) between.remove_suffix(1);
    if (between.ends_with(")") && between.find('(') != std::string_view::npos) between = between.substr(0, between.rfind('('));
    return between.find_first_not_of(' ') == std::string_view::npos;
  }
  std::vector<int> ContextEntities() const {
    std::vector<int> context = discourse_->recent;
    for (const Mention& mention : mentions_) {
      if (mention.entity >= 0) context.push_back(mention.entity);
    }
    return context;
  }
  void AddPersonGroup(int mention_index, Role role);
};

// Negation, denial, rumour and plans around a trigger ("did not invest", "투자하지 않았다",

}  // namespace relgraph::importers::article
