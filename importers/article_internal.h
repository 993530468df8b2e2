// The news-article importer's private pieces (only importers/article*.cpp include this):
// cleaning a web scrape down to its body, sentence segmentation, the entity gazetteer with
// Korean particles, discovery of new entities, amounts and dates, and the relation rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph.h"

namespace relgraph::importers::article {

enum class Lang { kKorean, kChinese, kEnglish };
inline int LangIndex(Lang lang) { return static_cast<int>(lang); }  // per-language arrays: [LangIndex(lang)]
Lang ParseLang(std::string_view code);  // "ko", "zh", "en"; throws Error(kUsage) otherwise
std::string_view LangCode(Lang lang);

// ---------------------------------------------------------------------------------------
// Text: cleaning, sentences, code points.

// The article body as paragraphs joined by '\n'. Every byte of `text` remembers the byte
// offset in the NFC source it came from (`origin`, one entry per byte plus one for the end),
// so evidence can point into the file as read.
struct CleanText {
  std::string text;
  std::vector<uint32_t> origin;
  std::string title;  // the headline, when the scrape shows one
  std::string date;   // YYYY-MM-DD from a dateline ("입력 2021.06.29", "Published June 1, 2023")
};

// Keeps the body of a web scrape: drops menus, advertisement markers, share buttons, photo
// captions (repeated or marked), bylines, copyright lines and what follows them, and repeated
// paragraphs. `kind` is "html", "md" or "txt".
CleanText CleanArticle(std::string_view nfc_source, std::string_view kind);

// Guesses the language of a body from its scripts.
Lang DetectLang(std::string_view text);

struct SentenceSpan {
  size_t begin = 0;  // byte offsets in CleanText::text
  size_t end = 0;
};
// ICU sentence segmentation per paragraph, corrected for news text: dates and numbers with
// dots ("2023. 6. 1.", "No. 3"), abbreviations ("Inc.", "U.S."), quotations that ICU cuts
// ("...것이다.”라고 말했다"), and overlong run-ons cut at a space or comma into pieces of at most
// kMaxSentenceBytes (which bounds the cost of every later step per piece).
constexpr size_t kMaxSentenceBytes = 3000;
std::vector<SentenceSpan> SplitSentences(std::string_view text, Lang lang);

// Decodes one code point at text[i] (well-formed UTF-8 assumed); returns its byte length.
size_t DecodeAt(std::string_view text, size_t i, char32_t* cp);
bool IsHangul(char32_t cp);

// Traditional Chinese is read as Simplified: every Han character of the BMP with a one-character
// Simplified form (ICU's Traditional-Simplified transform) is replaced. Byte lengths are kept, so
// an offset into the result is an offset into the text (analysis runs on the folded copy,
// evidence and discovered names are taken from the original).
std::string FoldToSimplified(std::string_view text);
bool IsHan(char32_t cp);
bool IsAsciiAlnum(char32_t cp);
bool IsAsciiUpper(char32_t cp);

// The text with every bracketed part ((…) or （…）, nested too) and every code point in `dropped`
// left out; a closing bracket with no opening one is kept unless `dropped` holds it.
std::string OutsideBrackets(std::string_view text, std::u32string_view dropped);

// ---------------------------------------------------------------------------------------
// Amounts and dates stated in a sentence.

struct Amount {
  size_t begin = 0, end = 0;  // bytes in the sentence
  std::string text;           // as written: "130억달러"
  double value = 0;           // 13000000000
  std::string currency;       // ISO 4217: "USD", "KRW", "CNY", ...
};
std::vector<Amount> FindAmounts(std::string_view sentence, Lang lang);

struct StatedDate {
  size_t begin = 0, end = 0;
  std::string date;  // YYYY, YYYY-MM or YYYY-MM-DD
};
// Absolute dates, and relative ones ("지난해 5월", "올해 3월", "지난 27일", "去年") when the
// document date is known (YYYY-MM-DD or YYYY-MM or YYYY; may be empty).
std::vector<StatedDate> FindDates(std::string_view sentence, Lang lang, std::string_view document_date);

// ---------------------------------------------------------------------------------------
// Entities: the catalog (store entities + lexicon + discovered) and the gazetteer.

struct CatalogEntity {
  Entity entity;
  bool in_store = false;    // exists in the graph we import into
  bool discovered = false;  // found in an article, not in the lexicon or store
  std::vector<std::string> new_aliases;  // aliases articles taught us (to add on import)
};

class Gazetteer;
struct LexiconBase;
struct Mention;

// Everything known by name: entities of the store, the lexicon's, and those discovered in
// articles. The lexicon's part (entities, name keys and gazetteer) is built once per process and
// shared by every catalog; a catalog adds only the store's entities and what articles teach. A
// lexicon entry whose id or name names a store entity stands for that entity, and a lexicon
// entity that learns an alias is copied first. Indices: lexicon entities [0, lexicon size), then
// the catalog's own.
class Catalog {
 public:
  Catalog(const Graph& graph, std::string_view lexicon_csv);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  int size() const;
  // The first index that is the catalog's own (the store's, then what articles taught); lower
  // indices are the lexicon's.
  int FirstOwn() const { return base_size_; }
  // The entity an index stands for (a lexicon entity the store has or that learnt an alias
  // stands for the catalog's own copy); Canonical gives that entity's index.
  const CatalogEntity& at(int index) const;
  int Canonical(int index) const;
  // Every longest name at a word boundary, left to right (Gazetteer::Find over both parts).
  // (A short Chinese name may continue a Han run only after one of `openers`: "老股东阿里".)
  std::vector<Mention> FindMentions(std::string_view sentence, Lang lang, const std::vector<std::string>& openers = {}) const;

  // The entity a name (by match key) already denotes, or -1.
  int FindByName(std::string_view name) const;
  // Adds a discovered entity (new id made unique) and its names to the gazetteer; returns
  // its index. When a name is already known, returns that entity instead.
  int AddDiscovered(const std::string& name, const std::string& kind, const std::vector<std::string>& aliases,
                    const std::string& id_hint);
  // An entity known under "QUALIFIER NAME" or "NAME QUALIFIER" (alias "리벨리온 아톰") where the
  // qualifier names one of the context entities: how articles shorten product names. -1 if none.
  int FindQualified(std::string_view name, const std::vector<int>& context) const;
  // Teaches an alias to an entity (ignored when the name already denotes any entity).
  void AddAlias(int entity, const std::string& alias);
  // Changes the kind of an entity discovered in articles (no effect on any other entity).
  void SetDiscoveredKind(int entity, const std::string& kind);

 private:
  int AddOwn(CatalogEntity entry);  // its names too; returns its index
  void AddNames(int entity);
  bool IdTaken(const std::string& id) const;
  const LexiconBase* base_;
  int base_size_ = 0;
  std::vector<int> redirect_;  // lexicon index -> own index standing for it (-1: none); empty when none
  std::vector<CatalogEntity> own_;
  std::unordered_map<std::string, int> by_key_;  // MatchKey of id/name/alias -> first own entity
  std::unordered_map<std::string, int> by_id_;
  std::unique_ptr<Gazetteer> gazetteer_;  // names of own entities
};

// Korean role of a name from the particles after it.
enum class Role : uint8_t {
  kNone,      // no particle: list member or bare
  kSubject,   // 이/가/은/는/도/께서
  kObject,    // 을/를
  kDative,    // 에/에게/에는/엔 (and zh 向/对/给, en in/into/to)
  kFrom,      // 로부터/에게서 (zh 从, en from)
  kWith,      // 와/과/하고/랑 (zh 与/同/跟, en with)
  kGenitive,  // 의 (zh 的, en 's / of)
  kBy,        // 에 의해 (zh 被/由, en by)
  kMeans,     // 로/으로
  kTitle,     // 장: "LG AI연구원장" names the head of the institute
};

struct Mention {
  size_t begin = 0, end = 0;  // the name, bytes in the sentence
  size_t word_end = 0;        // after attached particles and a gloss "(...)"
  int entity = -1;
  std::string particles;      // Korean particles after the name ("와", "로부터", "사는")
  Role role = Role::kNone;
  bool anaphor = false;       // "연구소는" standing for the last research institute named
  // Korean "삼성전자의 투자 전문 자회사 삼성넥스트": where the name this organisation's unit
  // phrase introduces begins (npos: none). Set once by Analysis::MarkUnitPhrases.
  size_t unit_at = std::string_view::npos;
};

class Gazetteer {
 public:
  void Add(std::string_view surface, int entity);
  // Every longest match at a word boundary, left to right, without overlaps. Korean particles
  // (and the company/title suffixes 사, 측, 장) may follow a name; Chinese names need no
  // boundary but short ones must not continue a longer Chinese word.
  std::vector<Mention> Find(std::string_view sentence, Lang lang, const std::vector<std::string>& openers = {}) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> children;  // sorted by byte
    std::vector<std::pair<int, std::string>> entries;     // (entity, surface as written)
  };
  int Child(int node, unsigned char byte) const;
  std::vector<Node> nodes_{Node{}};
};

// Particle chain after a name in Korean: returns the role and fills *particles; nullopt when
// the Hangul run is not made of particles (the name continues into a longer word).
bool ParseParticles(std::string_view tail, Role* role, std::string* particles);
bool IsKoreanParticleWord(std::string_view word);

// ---------------------------------------------------------------------------------------
// Relation rules, read from data/triggers.json.

struct Frame {
  std::string source;  // role names: subject, object, dative, from, with, genitive, by, means,
  std::string target;  // after, topic, head; "group:ROLE" pairs the members of one group
};

struct Rule {
  std::string name;       // "ko_invest_passive": the extractor is "article:<name>"
  std::string type;       // relation type
  Lang lang = Lang::kKorean;
  std::vector<std::string> triggers;  // nouns first, then Korean verb stems
  size_t noun_triggers = 0;           // how many of triggers are nouns
  std::vector<std::string> exclude;   // words containing a trigger that are not one ("투자자")
  std::vector<Frame> frames;
  std::vector<std::string> source_kinds;  // allowed kinds; empty = any but product
  std::vector<std::string> target_kinds;
  double confidence = 0.8;
  // A missing subject may be the previous sentence's topic (Korean and Chinese drop subjects;
  // in English only rules that say so: "Backers include A and B.").
  bool carry_topic = true;
  bool states_raiser = false;  // its subject raised money ("X raised $5M"): the round's raiser even with no investor named
  // When set, the genitive stands before the trigger, at most this many bytes and no name before it
  // ("B的主要客户是A", not "B的C和主要客户是A的D").
  size_t genitive_reach = 0;
  // When set, one of these words must follow the trigger closely ("로 구성된 ... 연맹").
  std::vector<std::string> context_after;
  std::vector<std::string> context_before;  // ... or precede it ("투자에는 ... 참여했다")
};

struct Title {
  std::string word;   // "부회장", "CEO", "首席执行官"
  std::string type;   // works_at or founded
  std::string lower;  // what is matched: English lower-cased, else the word
};

// A set of words that answers lookups by std::string_view without copying.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// Classes of Korean word endings (data/triggers.json "korean_endings"), combined as bits.
enum KoreanEnding : unsigned { kParticleEnding = 1, kVerbEnding = 2, kAdnominalEnding = 4, kNounEnding = 8, kConnectiveEnding = 16 };

// A trigger word of a rule: rules[rule].triggers[trigger].
struct TriggerRef {
  uint32_t rule = 0, trigger = 0;
  auto operator<=>(const TriggerRef&) const = default;
};

struct RuleSet {
  std::vector<Rule> rules;
  // Every trigger word per language, by its first two bytes: a sentence is scanned once for all
  // of them (one pass, not one search per word).
  std::unordered_map<uint16_t, std::vector<TriggerRef>> trigger_index[3];
  std::vector<Title> titles[3];                 // per Lang
  std::vector<std::string> org_suffixes[3];     // "연구원", "研究院", "Labs"
  std::vector<std::string> product_cues[3];     // "모델", "챗봇", "model" (English lower-cased)
  std::vector<std::string> org_cues[3];         // "회사", "스타트업", "公司"
  std::vector<std::pair<std::string, std::string>> anaphors[3];  // ("연구소", "research_institute")
  std::vector<std::string> pair_anaphors[3];    // "양사", "双方", "the two companies" (English lower-case)
  std::vector<std::string> former_before[3];    // "former ", "前", "전 ": a past job follows
  std::vector<std::string> former_after[3];     // "출신": the organisation before was a past job
  std::vector<std::string> time_words[3];       // "目前", "近日": open a clause, never a name
  std::vector<std::string> name_openers[3];     // "老股东", "像": a short Chinese name may follow them
  std::vector<std::string> short_name_openers[3];  // name_openers and time_words: what FindMentions lets a short name follow
  std::vector<std::string> adverbs[3];          // "已经", "正式": between a subject and its verb
  std::vector<std::string> surnames[3];
  std::vector<std::string> title_modifiers[3];
  std::vector<std::string> bound_suffixes[3];         // "반도체": ends a name only when written onto it
  std::vector<std::string> courtesy_titles[3];        // "教授": after a person's name, no part of it
  std::vector<std::string> legal_name_words[3];       // Chinese "管理": "投资管理有限公司" is one legal name
  std::vector<std::string> post_verbs[3];             // "担任": a person's name stands before one
  std::vector<std::string> affiliate_nouns[3];        // Korean "계열사": "A·B 등 (각) 계열사" lists a group's affiliates
  std::vector<std::string> honorifics[3];             // "Dr. ": before a person's name, no part of it
  std::vector<std::string> unit_suffixes[3];          // Korean "본부", "사업부": a unit inside an organisation
  std::vector<std::string> title_heads[3];            // Korean "책임자": makes a title of the words before it
  std::vector<std::string> title_predicate_tails[3];  // Korean "이다", "이며": a title as the predicate
  // Chinese: words that follow a person's name ("表示", "毕业") and characters a name may stand
  // before ("说", "的"): where a name without a title ends.
  std::vector<std::string> person_followers[3];
  std::u32string person_next_chars[3];  // "senior ", "高级": a title may follow
  std::vector<std::string> list_cues[3];        // "including", "such as": a list of names follows
  std::vector<std::string> name_end_words[3];    // Chinese "宣布", "旗下": a name by suffix ends before one
  std::vector<std::string> relative_verbs[3];    // Chinese "创办", "持有": "VERB的 NAME" describes NAME
  std::vector<std::string> subsidiary_nouns[3];  // Korean "자회사": "ORG의 … 자회사 X" makes X a unit of ORG
  std::vector<std::string> clause_openers[3];    // Chinese "根据", "随着": open a clause, never a name
  std::vector<std::string> raiser_cues[3];       // Korean "유치한": "X가 유치한 투자금" names X as the round's raiser
  std::vector<std::string> reporting_verbs[3];   // Chinese "获悉": "《OUTLET》获悉" names the outlet, no party
  std::vector<std::string> round_words[3];       // Korean "시리즈": a topic whose sentence names its round raised it
  std::vector<std::string> list_continuers[3];   // English "others include ": the list of the sentence before goes on
  std::vector<std::string> relational_nouns[3];  // English "rivals": "one of X's rivals" makes X no object
  std::vector<std::string> respectively[3];      // "각각", "分别", "respectively": two lists pair item by item
  std::vector<std::string> means_words[3];       // Korean "통해": "X를 통해" makes X the act's means
  std::vector<std::string> appointment_verbs[3]; // Korean "내정된": "ORG 대표로 내정된 P" gives P the title
  std::vector<std::string> describing_tails[3];  // Chinese "为主": "以X为主" makes X a description
  // Chinese "头部", "巨头": a word that opens (ends) a description of a kind of party or of an
  // activity, no name ("头部央企", "AI巨头", "智算产品研发").
  std::vector<std::string> description_leads[3];
  std::vector<std::string> description_tails[3];
  std::vector<std::string> inclusion_words[3];  // Korean "비롯해", "포함한": "A를 비롯해 B 등이" lists A
  std::vector<std::string> rival_words[3];      // English "competitor": "X-backed competitor Y"
  std::vector<std::string> quote_verbs[3];       // English "said": "…," said X attributes a quote
  std::vector<std::string> source_before[3];     // "据", "told ": a name cited as a source follows
  std::vector<std::string> parent_nouns[3];      // "parent", "모회사": "UNIT parent PARENT"
  std::unordered_map<std::string, std::string> org_suffix_kinds;  // "벤처스" -> investor; other suffixes: company
  std::vector<std::string> hedges_before[3];    // "did not", "否认": the trigger states no fact
  std::vector<std::string> hedges_after[3];     // "하지 않았다", "설을 부인"
  std::vector<std::string> former[3];           // "曾", "previously ": a works_at trigger after it is past
  std::unordered_set<std::string> given_names[3];  // English first names: "Satya Nadella" is a person
  std::unordered_set<std::string> not_names[3];    // capitalised words naming nobody: places, months, ...
  WordSet generic_words;      // look like names of a discovered kind but are common words ("AI", "子公司")
  WordSet not_person_names;   // before an organisation or a title, no person's name ("한국", "이번")
  WordSet common_nouns;       // Korean nouns no organisation's name is ("투자", "관계자")
  WordSet legal_forms;        // lower-case words of a legal form after a name ("holdings", "corp.")
  WordSet determiners;        // Korean "이번", "해당": a common noun follows
  WordSet quantifiers;        // Korean "두", "여러": several follow, no single referent
  WordSet measure_units;      // lower-cased units after a number that make it a measure ("nm", "gb")
  std::vector<std::string> version_tiers;  // " Turbo", "-Pro": part of a versioned product's name
  std::vector<std::string> currency_codes;  // "USD": alone or before an amount, no name
  std::vector<std::string> figure_units;  // "억", "%", "年": a number before one is no name
  WordSet amount_units;  // "억", "원", "달러", "million", "won": the words of a sum of money
  std::vector<std::string> participle_openers;  // English: "owned by ", "founded in " open an aside
  std::u32string korean_endings[5];  // the syllables of each KoreanEnding class, by bit index

  // Whether a Korean word's last syllable is an ending of one of `classes` (KoreanEnding bits):
  // "회사들" ends in a noun ending, "개발했으며" in a verb ending, "리벨리온과" in a particle.
  bool EndsInKorean(std::string_view word, unsigned classes) const;
  // A sum written with a number: digits, separators and amount units only ("300억원",
  // "1,500만 달러", "2.5 billion").
  bool IsAmount(std::string_view text) const;
  // Words of amount units only: "Billion Won" names no one.
  bool IsAmountWords(std::string_view text) const;
};
RuleSet ParseRuleSet(std::string_view json_text);
// An officer's title by acronym, in any language: "CEO", "CMO", "CAIO" (C, one to three
// capitals, O).
bool IsOfficerAcronym(std::string_view token);
// A bracket after a name that describes it rather than spelling it ("(a subsidiary of X)",
// "(建设银行旗下子公司)"), and one whose description makes the name an organisation's.
bool DescribingGloss(std::string_view part);
bool GlossDescribesAnOrganisation(std::string_view content);
// An English determiner, capitalised or not: "the", "a", "an", "this", "that", "its", "their".
bool IsDeterminer(std::string_view word);
// A suffix that makes a name before a hyphen an adjective: "Microsoft-backed", "Google-owned",
// "Seoul-based".
bool StartsAdjectivalSuffix(std::string_view text);
const RuleSet& DefaultRuleSet();  // data/triggers.json, compiled in

// ---------------------------------------------------------------------------------------
// Extraction over one sentence.

struct Extraction {
  int source = -1, target = -1;  // catalog entities
  std::string type;
  std::string rule;
  double confidence = 0;
  bool guessed = false;  // a role was filled from outside the trigger's clause (fallback pass)
  std::string date;
  Amount amount_value;  // while extracting, begin holds the trigger's position
};

// Discourse state carried from sentence to sentence within an article.
struct Discourse {
  int topic = -1;                  // entity of the last sentence's topic (Korean 은/는, zh/en subject)
  int last_topic = -1;             // the same, kept across paragraphs (anaphors: "the company")
  int raiser = -1;                 // the last entity invested in (anaphors: "the round", "本轮融资")
  std::unordered_map<int, int> topic_counts;  // how often each entity was a sentence's topic
  // The entity the text is about so far: the most frequent topic (the latest of equals).
  int MainTopic() const {
    int best = -1, best_count = 0;
    for (const auto& [entity, count] : topic_counts) {
      if (count > best_count || (count == best_count && entity == last_topic)) best = entity, best_count = count;
    }
    return best;
  }
  std::vector<int> recent;         // entities in order of last mention
  std::pair<int, int> pair{-1, -1};  // the last two organisations named together ("양사", "双方")
  // The last list a sentence related to one entity ("Investors include A, B and C": invests_in
  // the round's raiser), for a list that goes on in the next sentence ("Others include D").
  std::string list_type;
  int list_target = -1;
  // Latin family names of the persons named in full so far: "Giannandrea" after "John
  // Giannandrea" stands for him.
  std::unordered_map<std::string, int> family_names;
};

class SentenceExtractor {
 public:
  SentenceExtractor(Catalog* catalog, const RuleSet& rules, Lang lang, std::string document_date);
  // Finds mentions (discovering entities and aliases), then relations, in one sentence.
  std::vector<Extraction> Extract(std::string_view sentence, Discourse* discourse);

 private:
  Catalog* catalog_;
  const RuleSet& rules_;
  Lang lang_;
  std::string document_date_;
};

}  // namespace relgraph::importers::article
