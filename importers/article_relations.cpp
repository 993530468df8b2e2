// Relations in one sentence: names found and discovered, grouped into coordinated lists, given
// roles (Korean particles, Chinese and English word order and prepositions), then trigger
// rules from data/triggers.json pick a source and a target by role; person titles give
// works_at and founded.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>

#include "common/error.h"
#include "common/text.h"
#include "data/embedded.h"
#include "importers/article_internal.h"

namespace relgraph::importers::article {

// ---- Rule set -----------------------------------------------------------------------------

namespace {

const std::vector<std::string> kOrgKinds = {"company", "research_institute", "university", "government",
                                            "investor", "consortium", "organization"};

std::vector<std::string> ExpandKinds(const nlohmann::json& list) {
  std::vector<std::string> kinds;
  for (const auto& item : list) {
    std::string kind = item.get<std::string>();
    if (kind == "org" || kind == "agent") kinds.insert(kinds.end(), kOrgKinds.begin(), kOrgKinds.end());
    if (kind == "agent") kinds.push_back("person");
    if (kind != "org" && kind != "agent") kinds.push_back(kind);
  }
  return kinds;
}

int LangIndex(Lang lang) { return static_cast<int>(lang); }

}  // namespace

RuleSet ParseRuleSet(std::string_view json_text) {
  RuleSet set;
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json_text);
    for (const auto& item : root.at("rules")) {
      Rule rule;
      rule.name = item.at("name").get<std::string>();
      rule.type = item.at("type").get<std::string>();
      rule.lang = ParseLang(item.at("lang").get<std::string>());
      rule.confidence = item.value("confidence", 0.8);
      for (const auto& word : item.value("triggers", nlohmann::json::array())) rule.triggers.push_back(ToNfc(word.get<std::string>()));
      size_t nouns = rule.triggers.size();
      for (const auto& word : item.value("verbs", nlohmann::json::array())) rule.triggers.push_back(ToNfc(word.get<std::string>()));
      rule.noun_triggers = nouns;
      for (const auto& word : item.value("exclude", nlohmann::json::array())) rule.exclude.push_back(ToNfc(word.get<std::string>()));
      for (const auto& frame : item.at("frames")) rule.frames.push_back({frame.at(0).get<std::string>(), frame.at(1).get<std::string>()});
      rule.source_kinds = ExpandKinds(item.value("source_kinds", nlohmann::json::array()));
      rule.target_kinds = ExpandKinds(item.value("target_kinds", nlohmann::json::array()));
      rule.carry_topic = item.value("carry_topic", rule.lang != Lang::kEnglish);
      for (const auto& word : item.value("context_after", nlohmann::json::array())) rule.context_after.push_back(ToNfc(word.get<std::string>()));
      set.rules.push_back(std::move(rule));
    }
    for (auto [code, lang] : {std::pair{"ko", Lang::kKorean}, std::pair{"zh", Lang::kChinese}, std::pair{"en", Lang::kEnglish}}) {
      int index = LangIndex(lang);
      for (const auto& title : root.at("titles").at(code)) {
        set.titles[index].push_back({ToNfc(title.at(0).get<std::string>()), title.at(1).get<std::string>()});
      }
      std::sort(set.titles[index].begin(), set.titles[index].end(),
                [](const Title& a, const Title& b) { return a.word.size() > b.word.size(); });
      for (const auto& word : root.at("org_suffixes").at(code)) set.org_suffixes[index].push_back(ToNfc(word.get<std::string>()));
      std::sort(set.org_suffixes[index].begin(), set.org_suffixes[index].end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      for (const auto& word : root.at("org_cues").at(code)) set.org_cues[index].push_back(ToNfc(word.get<std::string>()));
      for (const auto& word : root.at("product_cues").at(code)) set.product_cues[index].push_back(ToNfc(word.get<std::string>()));
      for (const auto& pair : root.at("anaphors").at(code)) {
        set.anaphors[index].emplace_back(ToNfc(pair.at(0).get<std::string>()), pair.at(1).get<std::string>());
      }
      for (const auto& word : root.at("surnames").at(code)) set.surnames[index].push_back(ToNfc(word.get<std::string>()));
      for (const auto& word : root.value("list_cues", nlohmann::json::object()).value(code, nlohmann::json::array())) {
        set.list_cues[index].push_back(ToNfc(word.get<std::string>()));
      }
      const nlohmann::json hedges = root.value("hedges", nlohmann::json::object()).value(code, nlohmann::json::object());
      for (const auto& word : hedges.value("before", nlohmann::json::array())) set.hedges_before[index].push_back(ToNfc(word.get<std::string>()));
      for (const auto& word : hedges.value("after", nlohmann::json::array())) set.hedges_after[index].push_back(ToNfc(word.get<std::string>()));
    }
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::kInternal, std::string("data/triggers.json: ") + error.what());
  }
  return set;
}

const RuleSet& DefaultRuleSet() {
  static const RuleSet kRules = ParseRuleSet(data::TriggersJson());
  return kRules;
}

// ---- Sentence analysis --------------------------------------------------------------------

namespace {

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

size_t RunEnd(std::string_view s, size_t i, bool (*pred)(char32_t)) {
  while (i < s.size()) {
    char32_t cp = 0;
    size_t len = DecodeAt(s, i, &cp);
    if (!pred(cp)) break;
    i += len;
  }
  return i;
}

size_t RunStart(std::string_view s, size_t i, bool (*pred)(char32_t)) {
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
std::string_view Bracketed(std::string_view name) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    size_t begin = name.find(open);
    size_t end = begin == std::string_view::npos ? begin : name.find(close, begin);
    if (end != std::string_view::npos) return name.substr(begin + open.size(), end - begin - open.size());
  }
  return {};
}

bool IsHangulOrAlnum(char32_t cp) { return IsHangul(cp) || IsAsciiAlnum(cp); }
bool IsNameChar(char32_t cp) { return IsHangul(cp) || IsAsciiAlnum(cp) || cp == '-' || cp == '.' || cp == '&'; }
bool IsHanChar(char32_t cp) { return IsHan(cp); }

char32_t CodePointBefore(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  char32_t cp = 0;
  DecodeAt(s, start, &cp);
  return cp;
}

char32_t CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char32_t cp = 0;
  DecodeAt(s, i, &cp);
  return cp;
}

// Final consonant of a Hangul syllable (0: none, 4: ㄴ, 8: ㄹ).
int FinalConsonant(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3 ? static_cast<int>((cp - 0xAC00) % 28) : -1; }

bool IsChineseFunction(char32_t cp) {
  static const std::u32string_view kChars = U"与和及、同跟在由被向对将把是为从给让使并且或也都其据称于以至到等了的着过之而即如但就则又还已曾再获该这那";
  return kChars.find(cp) != std::u32string_view::npos;
}

// Words that look like names of a discovered kind but are common words.
const std::unordered_set<std::string_view>& GenericWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "AI", "IT", "ICT", "LLM", "GPU", "CPU", "NPU", "API", "CEO", "CTO", "COO", "CFO", "R&D", "SW", "HW", "DC", "ML",
      "AGI", "GPT", "NLP", "PC", "TV", "US", "UN", "EU", "UK", "IPO", "VC", "PE", "MOU", "인공지능", "국내", "해외", "국립",
      "사립", "선임", "책임", "수석", "객원", "소속", "전문", "대형", "각", "일류", "주요", "명문", "지방", "해당", "여러",
      "다른", "신생", "대학원", "공과", "부설", "기업", "연구", "국가", "정부", "글로벌", "하이", "빅", "핀", "딥", "에듀",
      "푸드", "클린", "세계", "한국", "중국", "미국", "일본", "유럽", "전자", "기술", "과학", "산업", "미래", "첨단", "차세대",
      "인공지능", "该", "这家", "一家", "多家", "子", "母", "人工智能", "科技", "互联网", "上市", "初创", "创业", "投资", "合资",
      "研究", "国家", "国内", "全球", "中国", "美国", "一些", "大型", "旗下", "其", "本", "各", "新", "全资子公司",
      "控股子公司", "子公司", "母公司", "分公司", "上市公司", "合资公司", "初创公司", "科技公司", "投资公司", "该公司", "这家公司",
      "人工智能公司", "互联网公司", "芯片公司", "独角兽公司", "The", "A", "An", "Its",
      "Their", "Our", "This", "That", "Chinese", "Korean", "American", "Japanese", "European", "Global", "New", "Generative",
      "Artificial", "Open", "Big", "Tech", "Research", "National", "Leading", "Private", "Public", "Several", "Many", "Other",
      "Some", "Every", "Both", "Each", "In", "On", "At", "For", "From", "With", "By", "And", "But", "Its", "His", "Her"};
  return kWords;
}

// Words that precede an organisation name and are not a person's name.
const std::unordered_set<std::string_view>& NotNames() {
  static const std::unordered_set<std::string_view> kWords = {
      "한국", "국내", "해외", "현재", "이번", "이후", "이어", "이미", "또한", "특히", "최근", "전날", "지난", "정부", "기존",
      "주요", "모든", "오는", "우리", "서울", "부산", "대한", "신임", "초대", "공동", "한편", "당시", "올해", "작년", "지난해",
      "이날", "이에", "이를", "이는", "조사", "미국", "중국", "일본", "유럽", "대만", "홍콩", "인도", "영국", "프랑스", "독일",
      "국제", "세계", "전", "현", "前", "现任", "이사", "회장", "대표", "사장", "교수", "총장", "원장", "소장", "도", "시"};
  return kWords;
}

struct Group {
  std::vector<int> members;  // mention indices
  Role role = Role::kNone;
  bool inherited = false;    // role read from a following word ("...등 전문가의")
  bool embedded = false;     // Korean: inside a relative clause ("머스크가 떠난 뒤")
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
  std::string tail;  // particles after a Korean title
};

}  // namespace

SentenceExtractor::SentenceExtractor(Catalog* catalog, const RuleSet& rules, Lang lang, std::string document_date)
    : catalog_(catalog), rules_(rules), lang_(lang), document_date_(std::move(document_date)) {}

namespace {

// Everything one sentence's analysis needs, so the steps can be small functions.
class Analysis {
 public:
  // s: the sentence as analysed (Chinese folded to Simplified); original: as written, same offsets.
  Analysis(Catalog* catalog, const RuleSet& rules, Lang lang, std::string_view s, std::string_view original, Discourse* discourse)
      : catalog_(catalog), rules_(rules), lang_(lang), li_(LangIndex(lang)), s_(s), original_(original), discourse_(discourse) {}

  std::vector<Extraction> Run(const std::string& document_date);

 private:
  const std::string& Kind(int entity) const { return catalog_->at(entity).entity.kind; }
  bool IsOrg(int entity) const { return Contains(kOrgKinds, Kind(entity)); }
  bool IsPerson(int entity) const { return Kind(entity) == "person"; }
  bool Overlaps(size_t begin, size_t end) const {
    for (const Mention& mention : mentions_) {
      if (begin < mention.word_end && mention.begin < end) return true;
    }
    return false;
  }
  void AddMention(Mention mention) { mentions_.push_back(std::move(mention)); }
  Mention MentionWithParticles(size_t begin, size_t end, int entity) const;

  void DiscoverGlosses();
  void DiscoverSuffixOrgs();
  void DiscoverQuotedProducts();
  void DiscoverListedNames();
  void DiscoverCuedNames();
  void DiscoverLatinNames();
  void DiscoverEnglishSubjects();
  void FindAsides();
  int AsideOf(size_t begin, size_t end) const;
  void FindAnaphors();
  void AssignMarkers();
  void BuildGroups();
  void FindClauses();
  void FindTriggers();
  void ApplyRule(const TriggerHit& hit, bool fallback, std::vector<Extraction>* out, bool* matched);
  void ApplyTitles(std::vector<Extraction>* out);
  void ApplyCompounds(std::vector<Extraction>* out);

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
  const Group* HeadOf(const TriggerHit& hit) const;
  bool KindFits(int entity, const std::vector<std::string>& kinds, bool source) const;
  bool ParseTitles(size_t pos, TitleMatch* match) const;
  int PersonAfter(size_t pos, size_t* end);
  int PersonBefore(size_t pos);
  std::vector<std::string> GlossParts(std::string_view content) const;
  bool HasOrgSuffix(std::string_view name, int lang_index, std::string* kind) const;

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
  int topic_group_ = -1;
  mutable Group head_;
  std::vector<Extraction> titles_found_;
  void DropModifiers();
  void DropGlossMentions();
  void SplitNamesEndingInVerbs();
  bool HasUnnamedSubject(const TriggerHit& hit) const;
  bool Hedged(const TriggerHit& hit) const;
  bool InsideTrigger(size_t begin, size_t end) const {
    for (const TriggerHit& hit : triggers_) {
      if (begin >= hit.begin && end <= hit.end) return true;
    }
    return false;
  }
  bool InsideQuote(size_t pos) const;
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
// "否认投资", "in talks to acquire"): the sentence states no relation.
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
    std::string needle = lang_ == Lang::kEnglish ? Lower(word) : word;
    size_t at = before.find(needle);
    if (at == std::string_view::npos) continue;
    if (lang_ == Lang::kEnglish && at > 0 && std::isalpha(static_cast<unsigned char>(before[at - 1])) != 0) continue;
    return true;
  }
  std::string_view after = haystack.substr(hit.end, lang_ == Lang::kEnglish ? 12 : 24);
  for (const std::string& word : rules_.hedges_after[li_]) {
    if (after.find(lang_ == Lang::kEnglish ? Lower(word) : word) != std::string_view::npos) return true;
  }
  return false;
}

// A Korean clause whose subject is a word we do not know as a name ("정부는 ... 투입해") has
// not dropped its subject: the previous sentence's topic must not stand in for it.
bool Analysis::HasUnnamedSubject(const TriggerHit& hit) const {
  if (lang_ != Lang::kKorean) return false;
  int clause = Clause(hit.begin);
  for (size_t i = 0; i < hit.begin;) {
    size_t end = RunEnd(s_, i, [](char32_t cp) { return IsHangul(cp); });
    if (end == i) {
      char32_t cp = 0;
      i += DecodeAt(s_, i, &cp);
      continue;
    }
    std::string_view word = s_.substr(i, end - i);
    bool marked = CountCodePoints(word) >= 2 && (word.ends_with("는") || word.ends_with("은") || word.ends_with("께서"));
    if (marked && Clause(i) == clause && !Overlaps(i, end) && (i == 0 || !IsHangulOrAlnum(CodePointBefore(s_, i)))) return true;
    i = end;
  }
  return false;
}

// Chinese "腾讯投资了月之暗面": the name 腾讯投资 (Tencent Investment) followed by 了 is 腾讯 and the
// verb 投资. A known name that ends in a trigger and is followed by an aspect particle gives the
// trigger back when what stands before it is a known name too.
void Analysis::SplitNamesEndingInVerbs() {
  if (lang_ != Lang::kChinese) return;
  for (Mention& mention : mentions_) {
    if (mention.entity < 0 || !(s_.substr(mention.end).starts_with("了") || s_.substr(mention.end).starts_with("过"))) continue;
    for (const Rule& rule : rules_.rules) {
      if (rule.lang != lang_) continue;
      for (const std::string& trigger : rule.triggers) {
        std::string_view surface = s_.substr(mention.begin, mention.end - mention.begin);
        if (surface.size() <= trigger.size() || !surface.ends_with(trigger)) continue;
        int head = catalog_->FindByName(surface.substr(0, surface.size() - trigger.size()));
        if (head < 0) continue;
        mention.entity = head;
        mention.end = mention.word_end = mention.end - trigger.size();
      }
    }
  }
}

// Names inside a gloss that follows a name ("社保基金中关村自主创新基金(下称“社保中关村基金”)",
// "마이크로소프트(MS)") restate it: they are no mentions of their own.
void Analysis::DropGlossMentions() {
  std::vector<std::pair<size_t, size_t>> glosses;
  for (const Mention& mention : mentions_) {
    size_t open = mention.end;
    while (open < s_.size() && s_[open] == ' ') ++open;
    std::string_view close_mark = s_.substr(open).starts_with("(") ? ")" : s_.substr(open).starts_with("（") ? "）" : "";
    if (close_mark.empty()) continue;
    size_t close = s_.find(close_mark, open);
    if (close != std::string_view::npos && close - open <= 120) glosses.emplace_back(open, close);
  }
  if (glosses.empty()) return;
  std::erase_if(mentions_, [&](const Mention& mention) {
    for (auto [open, close] : glosses) {
      if (mention.begin > open && mention.end <= close) return true;
    }
    return false;
  });
}

// English names used as modifiers ("former OpenAI researchers") are no arguments.
void Analysis::DropModifiers() {
  if (lang_ != Lang::kEnglish) return;
  static const std::vector<std::string_view> kNouns = {" researchers", " employees", " engineers", " executives", " staff", " alumni",
                                                       " veterans", " scientists", " users", " customers", " shares", " stock"};
  std::erase_if(mentions_, [&](const Mention& mention) {
    for (std::string_view noun : kNouns) {
      if (s_.substr(mention.word_end).starts_with(noun)) return true;
    }
    // "Microsoft-backed OpenAI": kept aside for ApplyCompounds.
    if (s_.substr(mention.end).starts_with("-") && mention.end + 1 < s_.size() && std::islower(static_cast<unsigned char>(s_[mention.end + 1])) != 0) {
      modifiers_.push_back(mention);
      return true;
    }
    return false;
  });
}

bool Analysis::InsideQuote(size_t pos) const {
  std::string_view before = s_.substr(0, pos);
  int open = 0;
  for (size_t i = 0; i < before.size();) {
    char32_t cp = 0;
    i += DecodeAt(before, i, &cp);
    if (cp == U'“' || cp == U'「') ++open;
    if (cp == U'”' || cp == U'」') --open;
    if (cp == '"') open = open > 0 ? open - 1 : open + 1;
  }
  return open > 0;
}

void Analysis::AddPersonGroup(int mention_index, Role role) {
  for (Group& group : groups_) {
    for (int member : group.members) {
      if (member == mention_index) {
        if (group.role == Role::kNone) group.role = role;
        return;
      }
    }
  }
  Group group;
  group.members.push_back(mention_index);
  group.role = role;
  group.begin = mentions_[static_cast<size_t>(mention_index)].begin;
  group.end = mentions_[static_cast<size_t>(mention_index)].word_end;
  auto at = std::find_if(groups_.begin(), groups_.end(), [&](const Group& other) { return other.begin > group.begin; });
  groups_.insert(at, group);
}

Mention Analysis::MentionWithParticles(size_t begin, size_t end, int entity) const {
  Mention mention;
  mention.begin = begin;
  mention.end = end;
  mention.word_end = end;
  mention.entity = entity;
  if (lang_ == Lang::kKorean) {
    size_t run_end = RunEnd(s_, end, [](char32_t cp) { return IsHangul(cp); });
    Role role;
    std::string particles;
    if (ParseParticles(s_.substr(end, run_end - end), &role, &particles)) {
      mention.role = role;
      mention.particles = particles;
      mention.word_end = run_end;
    }
  }
  return mention;
}

std::vector<std::string> Analysis::GlossParts(std::string_view content) const {
  std::vector<std::string> parts;
  std::string text(content);
  for (std::string_view separator : {"，", "、", "·", ";", "/"}) {
    for (size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, at)) text.replace(at, separator.size(), ",");
  }
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part(TrimSpace(std::string_view(text).substr(start, comma - start)));
    for (std::string_view prefix : {"이하 ", "이하", "약칭 ", "简称", "以下简称", "hereafter ", "formerly "}) {
      if (part.starts_with(prefix)) part = std::string(TrimSpace(std::string_view(part).substr(prefix.size())));
    }
    // Amounts, dates and shares explain nothing about a name: "(300억원)", "(2023年)", "(15%)".
    if (!part.empty() && std::isdigit(static_cast<unsigned char>(part[0])) != 0) {
      bool figure = false;
      for (std::string_view unit : {"억", "만", "원", "달러", "亿", "万", "元", "%", "년", "年", "月", "日", "주", "股", "bn", "million", "billion"}) {
        figure = figure || part.find(unit) != std::string::npos;
      }
      if (figure) {
        start = comma + 1;
        continue;
      }
    }
    size_t points = CountCodePoints(part);
    bool digits_only = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.'; });
    if (points >= 2 && part.size() <= 60 && !digits_only && GenericWords().count(part) == 0 && part.find("년") == std::string::npos &&
        part.find("기자") == std::string::npos) {
      parts.push_back(part);
    }
    start = comma + 1;
  }
  return parts;
}

bool Analysis::HasOrgSuffix(std::string_view name, int lang_index, std::string* kind) const {
  for (const std::string& suffix : rules_.org_suffixes[lang_index]) {
    if (name.size() <= suffix.size() || !name.ends_with(suffix)) continue;
    std::string_view stem = TrimSpace(name.substr(0, name.size() - suffix.size()));
    if (stem.empty() || GenericWords().count(stem) != 0) continue;
    static const std::vector<std::string_view> kInstitute = {"연구원", "연구소", "과학원", "실험실", "연구센터", "研究院", "研究所", "实验室", "實驗室",
                                                             "研究中心", "科学院", "Labs", "Lab", "Laboratory", "Laboratories", "Institute", "Research"};
    static const std::vector<std::string_view> kUniversity = {"대학교", "대학", "공과대학", "大学", "大學", "学院", "學院", "University"};
    static const std::vector<std::string_view> kInvestor = {"캐피털", "캐피탈", "벤처스", "파트너스", "창업투자", "인베스트먼트", "资本", "資本",
                                                            "创投", "創投", "基金", "Ventures", "Capital", "Partners"};
    static const std::vector<std::string_view> kGovernment = {"人民政府", "政府", "委员会", "办公室"};
    static const std::vector<std::string_view> kGroup = {"联盟", "协会", "工商联"};
    if (std::find(kGovernment.begin(), kGovernment.end(), suffix) != kGovernment.end() ||
        std::find(kGroup.begin(), kGroup.end(), suffix) != kGroup.end()) {
      if (CountCodePoints(stem) < 3) continue;  // "组成联盟" is no name
      *kind = std::find(kGroup.begin(), kGroup.end(), suffix) != kGroup.end() ? "consortium" : "government";
      return true;
    }
    *kind = std::find(kInstitute.begin(), kInstitute.end(), suffix) != kInstitute.end()     ? "research_institute"
            : std::find(kUniversity.begin(), kUniversity.end(), suffix) != kUniversity.end() ? "university"
            : std::find(kInvestor.begin(), kInvestor.end(), suffix) != kInvestor.end()       ? "investor"
                                                                                             : "company";
    return true;
  }
  return false;
}

// "광녠즈와이(光年之外)", "센스타임(SenseTime, 商湯科技)": a gloss teaches aliases to a known
// name, and makes an unknown name an entity when an organisation suffix or a cue word ("회사",
// "모델") says what it is.
void Analysis::DiscoverGlosses() {
  for (size_t open = 0; open < s_.size(); ++open) {
    std::string_view close_mark;
    if (s_[open] == '(') {
      close_mark = ")";
    } else if (s_.substr(open).starts_with("（")) {
      close_mark = "）";
    } else {
      continue;
    }
    size_t content_begin = open + (close_mark == ")" ? 1 : 3);
    size_t close = s_.find(close_mark, content_begin);
    if (close == std::string_view::npos || close - content_begin > 100 || close == content_begin) continue;
    std::string_view content = s_.substr(content_begin, close - content_begin);
    std::vector<std::string> parts = GlossParts(content);
    size_t after = close + close_mark.size();
    // A known name right before the gloss.
    int known = -1;
    for (const Mention& mention : mentions_) {
      if (mention.end == open || (mention.end + 1 == open && s_[mention.end] == ' ')) known = mention.entity;
    }
    if (known >= 0) {
      for (const std::string& part : parts) {
        int other = catalog_->FindByName(part);
        if (other >= 0) continue;
        // Short all-capital glosses ("AI" after "오픈에이아이") often explain one word of the
        // name; keep them only when they are the initials of the English name.
        bool short_caps = part.size() <= 4 && std::all_of(part.begin(), part.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
        if (short_caps) {
          std::string initials;
          const std::string& english = catalog_->at(known).entity.name;
          for (size_t i = 0; i < english.size(); ++i) {
            if (std::isupper(static_cast<unsigned char>(english[i])) != 0 && (i == 0 || english[i - 1] == ' ' || english[i - 1] == '-')) initials += english[i];
          }
          if (initials != part) continue;
        }
        catalog_->AddAlias(known, Written(part));
      }
      continue;
    }
    // The name written right before the gloss (no space in Korean and Chinese).
    size_t name_begin = open;
    size_t name_end = open;  // never assigned to open: the loop must move past this bracket
    // A Latin gloss of several words spells a Korean name of as many words: "퍼스트스파크
    // 게임즈(FirstSpark Games)", "마띠유 아포테커(Mathieu Apotheker)".
    std::string latin = parts.empty() ? std::string() : parts.front();
    bool latin_words = !latin.empty() && std::all_of(latin.begin(), latin.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-' || c == '.' || c == '&';
    });
    size_t latin_count = latin_words ? static_cast<size_t>(std::count(latin.begin(), latin.end(), ' ')) + 1 : 0;
    if (lang_ == Lang::kKorean) {
      name_begin = RunStart(s_, open, IsNameChar);
      for (size_t words = 1; words < latin_count && words < 4 && name_begin > 1 && s_[name_begin - 1] == ' '; ++words) {
        size_t earlier = RunStart(s_, name_begin - 1, IsNameChar);
        if (earlier == name_begin - 1 || Overlaps(earlier, name_begin - 1) || NotNames().count(s_.substr(earlier, name_begin - 1 - earlier)) != 0) break;
        name_begin = earlier;
      }
    } else if (lang_ == Lang::kChinese) {
      name_begin = RunStart(s_, open, IsHanChar);
      while (name_begin < open && IsChineseFunction(CodePointAt(s_, name_begin))) name_begin += 3;
    } else {
      size_t end = open;
      while (end > 0 && s_[end - 1] == ' ') --end;
      size_t start = end;
      // Capitalised words before the gloss.
      for (;;) {
        size_t word_start = start;
        while (word_start > 0 && (std::isalnum(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '-' || s_[word_start - 1] == '.')) --word_start;
        if (word_start == start || !IsAsciiUpper(static_cast<unsigned char>(s_[word_start]))) break;
        start = word_start;
        if (start == 0 || s_[start - 1] != ' ') break;
        --start;
        if (start > 0 && !IsAsciiUpper(static_cast<unsigned char>(s_[RunStart(s_, start, [](char32_t cp) { return IsAsciiAlnum(cp); })]))) {
          ++start;
          break;
        }
      }
      while (start < end && s_[start] == ' ') ++start;
      name_begin = start;
      name_end = end;
    }
    if (name_begin >= name_end || Overlaps(name_begin, name_end)) continue;
    std::string name(s_.substr(name_begin, name_end - name_begin));
    if (CountCodePoints(name) < 2 || GenericWords().count(name) != 0) continue;
    std::string kind;
    bool org = HasOrgSuffix(name, li_, &kind);
    for (const std::string& part : parts) {
      for (int index = 0; index < 3 && !org; ++index) org = HasOrgSuffix(part, index, &kind);
    }
    if (!org) {
      // A cue word right before the name: "회사 광녠즈와이", "모델 톈옌".
      size_t cue_end = name_begin;
      while (cue_end > 0 && s_[cue_end - 1] == ' ') --cue_end;
      std::string_view before = s_.substr(0, cue_end);
      for (const std::string& cue : rules_.org_cues[li_]) {
        if (before.ends_with(cue)) kind = "company", org = true;
      }
      for (const std::string& cue : rules_.product_cues[li_]) {
        if (!org && before.ends_with(cue)) kind = "product", org = true;
      }
    }
    // A Korean name of two or three words glossed with as many capitalised Latin words is a
    // person's when nothing says it is an organisation.
    if (!org && lang_ == Lang::kKorean && latin_count >= 2 && latin_count <= 3 && std::count(name.begin(), name.end(), ' ') + 1 == static_cast<long>(latin_count)) {
      bool capitalised = true;
      for (size_t k = 0; k < latin.size(); ++k) {
        if ((k == 0 || latin[k - 1] == ' ') && !IsAsciiUpper(static_cast<unsigned char>(latin[k]))) capitalised = false;
      }
      if (capitalised) kind = "person", org = true;
    }
    if (!org) continue;
    std::string hint;
    for (const std::string& part : parts) {
      if (hint.empty() && IsAsciiAlnum(static_cast<unsigned char>(part[0]))) hint = part;
    }
    int entity = catalog_->FindQualified(name, ContextEntities());
    if (entity < 0) entity = catalog_->AddDiscovered(Written(name), kind, Written(parts), hint);
    Mention mention = MentionWithParticles(name_begin, name_end, entity);
    if (lang_ == Lang::kKorean) {
      Mention after_gloss = MentionWithParticles(after, after, entity);
      mention.word_end = after_gloss.word_end;
      mention.role = after_gloss.role;
      mention.particles = after_gloss.particles;
    }
    AddMention(mention);
  }
}

// Organisation names by suffix: "한화그룹은", "上海人工智能实验室", "Reka AI", "University of X".
void Analysis::DiscoverSuffixOrgs() {
  if (lang_ == Lang::kKorean) {
    for (size_t i = 0; i < s_.size();) {
      size_t end = RunEnd(s_, i, IsHangulOrAlnum);
      if (end == i) {
        char32_t cp = 0;
        i += DecodeAt(s_, i, &cp);
        continue;
      }
      std::string_view word = s_.substr(i, end - i);
      size_t word_begin = i;
      i = end;
      // The word starts after a space, a quote or a list bullet ("▲IMM인베스트먼트(50억원)").
      static const std::u32string_view kOpeners = U"'‘“\"▲△■□●○◆◇▶·(（[「『《";
      if (Overlaps(word_begin, end) || (word_begin > 0 && !IsSpace(s_[word_begin - 1]) && kOpeners.find(CodePointBefore(s_, word_begin)) == std::u32string_view::npos)) continue;
      for (const std::string& suffix : rules_.org_suffixes[li_]) {
        size_t at = word.find(suffix);
        if (at == std::string_view::npos || at == 0) continue;
        Role role;
        std::string particles;
        if (!ParseParticles(word.substr(at + suffix.size()), &role, &particles) || role == Role::kTitle) continue;
        std::string_view stem = word.substr(0, at);
        if (GenericWords().count(stem) != 0 || CountCodePoints(stem) < 2) continue;
        bool latin_only = std::all_of(stem.begin(), stem.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
        if (latin_only && stem.size() < 2) continue;
        std::string name(word.substr(0, at + suffix.size()));
        std::string kind;
        HasOrgSuffix(name, li_, &kind);
        int entity = catalog_->AddDiscovered(Written(name), kind.empty() ? "company" : kind, {}, "");
        Mention mention = MentionWithParticles(word_begin, word_begin + name.size(), entity);
        AddMention(mention);
        break;
      }
    }
    return;
  }
  if (lang_ == Lang::kChinese) {
    for (const std::string& suffix : rules_.org_suffixes[li_]) {
      for (size_t at = s_.find(suffix); at != std::string_view::npos; at = s_.find(suffix, at + suffix.size())) {
        size_t end = at + suffix.size();
        // A known name that is only a generic word and a suffix ("人工智能联盟") is the tail of a
        // longer name when a qualifier stands before it ("华东人工智能联盟").
        std::erase_if(mentions_, [&](const Mention& mention) {
          if (mention.end != end || mention.begin >= at || mention.begin < 6) return false;
          std::string_view stem = s_.substr(mention.begin, at - mention.begin);
          if (GenericWords().count(stem) == 0) return false;
          char32_t before = CodePointBefore(s_, mention.begin), earlier = CodePointBefore(s_, mention.begin - 3);
          return IsHan(before) && IsHan(earlier) && !IsChineseFunction(before) && !IsChineseFunction(earlier) && !Overlaps(mention.begin - 6, mention.begin);
        });
        if (Overlaps(at, end)) continue;
        char32_t next = CodePointAt(s_, end);
        bool title_next = false;
        for (const Title& title : rules_.titles[li_]) title_next = title_next || s_.substr(end).starts_with(title.word);
        // Chinese writes no spaces: the name ends before a function word, a title or a verb that
        // commonly follows a subject ("星河科技宣布", "某某资本领投").
        static const std::vector<std::string_view> kFollowers = {
            "旗下", "宣布", "表示", "发布", "推出", "获得", "完成", "成立", "正式", "今日", "近日", "日前", "已经", "计划", "联合",
            "共同", "携手", "持有", "投资", "收购", "领投", "参投", "跟投", "创始", "首席", "董事", "总裁", "回应", "透露", "介绍",
            "官方", "官宣", "开发", "研发", "推动", "签署", "达成", "披露", "成为", "作为", "拥有", "此前", "目前", "今年", "去年",
            "参与", "加入", "负责", "主导", "公告", "通过", "也", "则", "均", "还", "正在", "曾"};
        bool follower = false;
        for (std::string_view word : kFollowers) follower = follower || s_.substr(end).starts_with(word);
        // ... or before a rule's verb ("星河科技领投").
        for (const Rule& rule : rules_.rules) {
          if (rule.lang != lang_ || follower) continue;
          for (const std::string& trigger : rule.triggers) follower = follower || s_.substr(end).starts_with(trigger);
        }
        if (IsHan(next) && !IsChineseFunction(next) && !title_next && !follower) continue;
        size_t start = at;
        size_t chars = 0;
        while (start > 0 && chars < 10) {
          char32_t cp = CodePointBefore(s_, start);
          if (!IsHan(cp) || IsChineseFunction(cp)) break;
          // A verb of a rule ends the name: "间接持有星河科技" is 星河科技.
          std::string_view head = s_.substr(0, start);
          bool trigger_end = false;
          for (const Rule& rule : rules_.rules) {
            if (rule.lang != lang_) continue;
            for (const std::string& trigger : rule.triggers) trigger_end = trigger_end || head.ends_with(trigger);
          }
          if (trigger_end && chars >= 2) break;
          bool in_mention = false;
          for (const Mention& mention : mentions_) in_mention = in_mention || (mention.end == start);
          if (in_mention) break;
          start -= 3;
          ++chars;
        }
        std::string_view stem = s_.substr(start, at - start);
        if (chars < 2 || GenericWords().count(stem) != 0) continue;
        // "是一家AI基础设施公司": a description, no name.
        size_t lead = start;
        while (lead > 0 && (std::isalnum(static_cast<unsigned char>(s_[lead - 1])) != 0 || s_[lead - 1] == ' ')) --lead;
        std::string_view before_stem = s_.substr(0, lead);
        if (before_stem.ends_with("家") || before_stem.ends_with("个") || before_stem.ends_with("是") || before_stem.ends_with("为")) continue;
        bool generic_start = false;
        for (std::string_view word : {"该", "这", "那", "一", "多", "其", "某", "本", "各", "首", "子", "母", "旗下", "人工智能", "科技", "国内", "全球"}) {
          generic_start = generic_start || stem.starts_with(word);
        }
        if (generic_start) continue;
        std::string name(s_.substr(start, end - start));
        std::string kind;
        if (GenericWords().count(name) != 0 || !HasOrgSuffix(name, li_, &kind)) continue;
        int entity = catalog_->AddDiscovered(Written(name), kind, {}, "");
        AddMention(MentionWithParticles(start, end, entity));
      }
    }
    return;
  }
  // English: capitalised words ending in a suffix word.
  for (const std::string& suffix : rules_.org_suffixes[li_]) {
    for (size_t at = s_.find(suffix); at != std::string_view::npos; at = s_.find(suffix, at + 1)) {
      size_t end = at + suffix.size();
      if (at == 0 || s_[at - 1] != ' ' || (end < s_.size() && std::isalnum(static_cast<unsigned char>(s_[end])) != 0)) continue;
      if (suffix.back() != '.' && end < s_.size() && s_[end] == '.' && end + 1 < s_.size() && std::isalnum(static_cast<unsigned char>(s_[end + 1])) != 0) continue;
      // "University of Tokyo": take the words after "of".
      if ((suffix == "University" || suffix == "Institute" || suffix == "Academy") && s_.substr(end).starts_with(" of ")) {
        size_t tail = end + 4;
        size_t tail_end = tail;
        while (tail_end < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[tail_end]))) {
          while (tail_end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[tail_end])) != 0) ++tail_end;
          if (tail_end + 1 < s_.size() && s_[tail_end] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[tail_end + 1]))) ++tail_end;
          else break;
        }
        if (tail_end > tail) end = tail_end;
      }
      size_t start = at - 1;
      int words = 0;
      while (start > 0) {
        size_t word_end = start;
        size_t word_start = word_end;
        while (word_start > 0 && (std::isalnum(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '-' || s_[word_start - 1] == '&')) --word_start;
        if (word_start == word_end || !(IsAsciiUpper(static_cast<unsigned char>(s_[word_start])) || std::isdigit(static_cast<unsigned char>(s_[word_start])) != 0)) break;
        std::string_view word = s_.substr(word_start, word_end - word_start);
        if (GenericWords().count(word) != 0 && words == 0) break;
        if (GenericWords().count(word) != 0) break;
        start = word_start;
        ++words;
        if (start == 0 || s_[start - 1] != ' ') break;
        --start;
      }
      if (words == 0) continue;
      if (s_[start] == ' ') ++start;
      // A sentence-initial capital proves nothing for generic suffixes.
      if (start == 0 && words == 1 && (suffix == "Research" || suffix == "Systems" || at - start < 5)) continue;
      if (Overlaps(start, end)) continue;
      std::string name(s_.substr(start, end - start));
      std::string kind;
      HasOrgSuffix(name, li_, &kind);
      if (suffix == "University" && kind.empty()) kind = "university";
      int entity = catalog_->AddDiscovered(Written(name), kind.empty() ? "company" : kind, {}, name);
      AddMention(MentionWithParticles(start, end, entity));
    }
  }
}

// Names in quotes after a cue word: products ("모델 '우다오 2.0'", "大模型“文心一言”") and
// organisations ("설계업체 ‘파두’와", "子公司“星辰”").
void Analysis::DiscoverQuotedProducts() {
  if (lang_ == Lang::kEnglish) return;
  static const std::vector<std::pair<std::string_view, std::string_view>> kQuotes = {
      {"'", "'"}, {"‘", "’"}, {"\"", "\""}, {"“", "”"}, {"「", "」"}, {"《", "》"}};
  for (const auto& [open_mark, close_mark] : kQuotes) {
    for (size_t open = s_.find(open_mark); open != std::string_view::npos; open = s_.find(open_mark, open + open_mark.size())) {
      size_t begin = open + open_mark.size();
      size_t close = s_.find(close_mark, begin);
      if (close == std::string_view::npos || close == begin || close - begin > 45) continue;
      std::string name(TrimSpace(s_.substr(begin, close - begin)));
      // A quoted organisation names itself by its suffix: "‘서울대-네이버 초대규모 AI 연구센터’".
      std::string suffix_kind;
      std::string_view gloss_free = TrimSpace(std::string_view(name).substr(0, std::min(name.find('('), name.find("（"))));
      if (!Overlaps(begin, close) && std::count(name.begin(), name.end(), ' ') <= 5 && HasOrgSuffix(gloss_free, li_, &suffix_kind)) {
        int entity = catalog_->FindByName(std::string(gloss_free));
        if (entity < 0) entity = catalog_->AddDiscovered(Written(std::string(gloss_free)), suffix_kind.empty() ? "company" : suffix_kind, GlossParts(Bracketed(name)), "");
        Mention mention = MentionWithParticles(begin, begin + name.size(), entity);
        if (lang_ == Lang::kKorean) {
          Mention after = MentionWithParticles(close + close_mark.size(), close + close_mark.size(), entity);
          mention.word_end = after.word_end;
          mention.role = after.role;
          mention.particles = after.particles;
        }
        AddMention(mention);
        continue;
      }
      if (Overlaps(begin, close) || CountCodePoints(name) < 2 || std::count(name.begin(), name.end(), ' ') > 2) continue;
      size_t cue_end = open;
      while (cue_end > 0 && s_[cue_end - 1] == ' ') --cue_end;
      std::string_view before = s_.substr(0, cue_end);
      std::string kind;
      // Right after an organisation and its genitive: "阿里旗下的“夸克”", "네이버의 ‘클로바X’".
      for (std::string_view genitive : {"旗下的", "旗下", "的", "의"}) {
        if (!kind.empty() || !before.ends_with(genitive)) continue;
        for (const Mention& mention : mentions_) {
          if (mention.entity >= 0 && IsOrg(mention.entity) && (mention.end == before.size() - genitive.size() || mention.word_end == before.size())) kind = "product";
        }
      }
      static const std::vector<std::string_view> kConsortiumCues = {"얼라이언스", "컨소시엄", "협의체", "연합체", "동맹", "联盟", "协会", "alliance", "consortium"};
      for (const std::string& word : rules_.org_cues[li_]) {
        if (!before.ends_with(word) && !(lang_ == Lang::kKorean && before.ends_with(word + "인"))) continue;
        kind = std::find(kConsortiumCues.begin(), kConsortiumCues.end(), word) != kConsortiumCues.end() ? "consortium" : "company";
      }
      for (const std::string& word : rules_.product_cues[li_]) kind = kind.empty() && before.ends_with(word) ? "product" : kind;
      if (kind.empty()) continue;
      int entity = catalog_->FindQualified(name, ContextEntities());
      if (entity < 0) entity = catalog_->AddDiscovered(Written(name), kind, {}, "");
      Mention mention = MentionWithParticles(begin, begin + name.size(), entity);
      if (lang_ == Lang::kKorean) {
        Mention after = MentionWithParticles(close + close_mark.size(), close + close_mark.size(), entity);
        mention.word_end = after.word_end;
        mention.role = after.role;
        mention.particles = after.particles;
      }
      AddMention(mention);
    }
  }
}

// English lists after a cue ("investors including DCVC, AME Cloud Ventures and Frontline",
// "Backers include ...", "led by ..."): every capitalised name of the list is an entity, known
// or not. A known name followed by an organisation suffix ("Salesforce Ventures") is the longer
// name.
void Analysis::DiscoverListedNames() {
  if (lang_ != Lang::kEnglish) return;
  auto upper_at = [&](size_t i) { return i < s_.size() && (IsAsciiUpper(static_cast<unsigned char>(s_[i])) || std::isdigit(static_cast<unsigned char>(s_[i])) != 0); };
  for (const std::string& cue : rules_.list_cues[li_]) {
    for (size_t at = lower_.find(cue); at != std::string::npos; at = lower_.find(cue, at + 1)) {
      size_t i = at + cue.size();
      if ((at > 0 && std::isalpha(static_cast<unsigned char>(lower_[at - 1])) != 0) || i >= s_.size() || s_[i] != ' ') continue;
      for (int items = 0; items < 40; ++items) {
        i = SkipSpaces(s_, i);
        if (lower_.substr(i).starts_with("the ")) i += 4;
        size_t begin = i, end = i;
        for (int words = 0; words < 6 && upper_at(i);) {
          size_t w = i;
          while (w < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[w])) != 0 || s_[w] == '-' || s_[w] == '.' || s_[w] == '&' || s_[w] == '\'')) ++w;
          while (w > i && (s_[w - 1] == '.' || s_[w - 1] == '\'')) --w;  // the sentence's full stop, a closing quote
          if (s_.substr(i, w - i).ends_with("'s") || s_.substr(i, w - i).ends_with("’s")) {  // "Canada's Inovia Capital"
            begin = end = i = SkipSpaces(s_, w);
            words = 0;
            continue;
          }
          end = w;
          ++words;
          i = w;
          if (i + 1 < s_.size() && s_[i] == ' ' && upper_at(i + 1)) {
            ++i;
          } else if (lower_.substr(i).starts_with(" of ") && upper_at(i + 4)) {
            i += 4;
          } else {
            break;
          }
        }
        if (end <= begin) break;
        std::string name(s_.substr(begin, end - begin));
        std::string kind;
        HasOrgSuffix(name, li_, &kind);
        bool usable = CountCodePoints(name) >= 2 && GenericWords().count(name) == 0 && name.size() <= 60;
        // The longer name wins over a known name inside it ("Salesforce Ventures", "Samsung
        // Next"), unless the rest is a legal form ("Nvidia Corp.").
        bool legal_rest = false;
        for (const Mention& mention : mentions_) {
          if (mention.begin != begin || mention.end >= end) continue;
          std::string rest = Lower(TrimSpace(s_.substr(mention.end, end - mention.end)));
          for (std::string_view form : {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "co", "co.", "plc", "ag", "sa", "se", "group", "holdings", "platforms"}) {
            legal_rest = legal_rest || rest == form;
          }
        }
        if (usable && !legal_rest && name.find(' ') != std::string::npos) {
          std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin >= begin && mention.end <= end && (mention.begin > begin || mention.end < end); });
        }
        if (usable && !Overlaps(begin, end)) {
          int entity = catalog_->AddDiscovered(Written(name), kind.empty() ? "company" : kind, {}, name);
          AddMention(MentionWithParticles(begin, end, entity));
        }
        // The separator to the next item.
        size_t next = SkipSpaces(s_, end);
        if (next < s_.size() && s_[next] == ',') next = SkipSpaces(s_, next + 1);
        else if (!lower_.substr(next).starts_with("and ")) break;
        if (lower_.substr(next).starts_with("and ")) next += 4;
        i = next;
      }
    }
  }
}

// Korean names introduced by what they are: "AI 스타트업 누리봇은", "국내 기업인 트웰브랩스에",
// "LLM 개발사 업스테이지와". The name must carry particles (or end at a comma or bracket) and
// be no trigger, title or common word.
void Analysis::DiscoverCuedNames() {
  if (lang_ != Lang::kKorean) return;
  struct Cue {
    std::string_view word;
    bool needs_copula;  // common nouns introduce a name only as "기업인 X"
    const char* kind;
  };
  static const Cue kCues[] = {{"스타트업", false, "company"}, {"개발사", false, "company"}, {"자회사", false, "company"},
                              {"계열사", false, "company"},   {"벤처캐피털", false, "investor"}, {"투자사", false, "investor"},
                              {"운용사", false, "investor"},  {"기업", true, "company"},    {"업체", true, "company"},
                              {"회사", true, "company"},      {"법인", true, "company"}};
  static const std::unordered_set<std::string_view> kCommon = {
      "투자", "인수", "육성", "지원", "대표", "관계자", "가치", "경쟁력", "생태계", "시장", "전략", "협력", "대상", "규모", "측", "임원",
      "직원", "고객", "중", "등", "간", "들", "설립", "창업", "상장", "출신", "최초", "최대", "최고", "가운데", "사이", "위주", "대부분",
      "전체", "자체", "내부", "이름", "목록", "수준", "주가", "실적", "매출", "지분", "기술", "사업", "서비스", "제품", "모델", "플랫폼"};
  for (const Cue& cue : kCues) {
    for (size_t at = s_.find(cue.word); at != std::string_view::npos; at = s_.find(cue.word, at + cue.word.size())) {
      size_t end = at + cue.word.size();
      bool copula = s_.substr(end).starts_with("인 ");
      if (copula) end += 3;
      if ((cue.needs_copula && !copula) || end >= s_.size() || s_[end] != ' ') continue;
      size_t name_begin = end + 1;
      size_t run_end = RunEnd(s_, name_begin, IsHangulOrAlnum);
      if (run_end == name_begin || Overlaps(name_begin, run_end)) continue;
      char32_t after = CodePointAt(s_, run_end);
      size_t name_end = 0;
      for (size_t cut = run_end; cut > name_begin;) {
        std::string_view rest = s_.substr(cut, run_end - cut);
        Role role;
        std::string particles;
        bool bare_end = rest.empty() && (after == ',' || after == '(' || after == U'·' || after == U'（');
        if (bare_end || (!rest.empty() && ParseParticles(rest, &role, &particles) && role != Role::kTitle && role != Role::kNone)) {
          name_end = cut;
          break;
        }
        size_t previous = cut - 1;
        while (previous > name_begin && (static_cast<unsigned char>(s_[previous]) & 0xC0) == 0x80) --previous;
        cut = previous;
      }
      if (name_end == 0) continue;
      std::string name(s_.substr(name_begin, name_end - name_begin));
      if (CountCodePoints(name) < 2 || kCommon.count(name) != 0 || NotNames().count(name) != 0 || GenericWords().count(name) != 0) continue;
      bool trigger_word = false;
      for (const Rule& rule : rules_.rules) {
        if (rule.lang != lang_) continue;
        for (const std::string& trigger : rule.triggers) trigger_word = trigger_word || name.find(trigger) != std::string::npos;
      }
      TitleMatch title;
      if (trigger_word || ParseTitles(name_begin, &title)) continue;
      int entity = catalog_->FindByName(name);
      if (entity < 0) entity = catalog_->AddDiscovered(Written(name), cue.kind, {}, "");
      AddMention(MentionWithParticles(name_begin, name_end, entity));
    }
  }
}

// English names the gazetteer does not know, where the sentence shows they are names: the
// subject right before a trigger verb ("iGenius counts ...", "Zeta Robotics had raised ..."),
// and a capitalised name coordinated with a known person ("Mustafa Suleyman and Karen Simonyan").
void Analysis::DiscoverEnglishSubjects() {
  if (lang_ != Lang::kEnglish) return;
  static const std::unordered_set<std::string_view> kNotNames = {
      "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I", "Its", "In", "On", "At", "As", "After",
      "Before", "When", "While", "Meanwhile", "However", "But", "And", "Also", "Last", "Earlier", "Today", "Now", "Then", "Under",
      "According", "With", "For", "From", "By", "Since", "Separately", "Still", "Yet", "Both", "All", "Some", "Many", "Most"};
  auto word_start_before = [&](size_t end) {
    size_t start = end;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(s_[start - 1])) != 0 || s_[start - 1] == '-' || s_[start - 1] == '.' || s_[start - 1] == '&')) --start;
    return start;
  };
  auto is_name_word = [&](size_t start, size_t end) {
    if (start >= end) return false;
    std::string_view word = s_.substr(start, end - start);
    bool upper = IsAsciiUpper(static_cast<unsigned char>(word[0]));
    bool camel = word.size() >= 3 && std::islower(static_cast<unsigned char>(word[0])) != 0 && IsAsciiUpper(static_cast<unsigned char>(word[1]));
    return (upper || camel) && kNotNames.count(word) == 0 && GenericWords().count(word) == 0;
  };
  // Subjects of triggers.
  for (const Rule& rule : rules_.rules) {
    if (rule.lang != lang_) continue;
    for (const std::string& trigger : rule.triggers) {
      std::string needle = Lower(trigger);
      for (size_t at = lower_.find(needle); at != std::string::npos; at = lower_.find(needle, at + 1)) {
        if (at < 2 || s_[at - 1] != ' ' || (at + needle.size() < s_.size() && std::isalpha(static_cast<unsigned char>(s_[at + needle.size()])) != 0)) continue;
        size_t end = at - 1;
        // Auxiliaries between the subject and the verb.
        for (std::string_view aux : {" has", " had", " have", " was", " is", " will", " also", " has also", " had also"}) {
          if (std::string_view(lower_).substr(0, end).ends_with(aux)) end -= aux.size();
        }
        size_t start = word_start_before(end);
        if (!is_name_word(start, end)) continue;
        // One to three capitalised words, from the clause's start or after a comma.
        size_t name_begin = start;
        for (int words = 1; words < 3 && name_begin > 1 && s_[name_begin - 1] == ' '; ++words) {
          size_t earlier = word_start_before(name_begin - 1);
          if (!is_name_word(earlier, name_begin - 1)) break;
          name_begin = earlier;
        }
        bool clause_start = name_begin == 0 || s_.substr(0, name_begin).ends_with(", ") || s_.substr(0, name_begin).ends_with("; ");
        if (!clause_start || Overlaps(name_begin, end)) continue;
        std::string name(s_.substr(name_begin, end - name_begin));
        if (name.size() < 2 || name.find(' ') == std::string::npos ? name.size() < 3 : false) continue;
        std::string kind;
        HasOrgSuffix(name, li_, &kind);
        int entity = catalog_->AddDiscovered(Written(name), kind.empty() ? "company" : kind, {}, name);
        AddMention(MentionWithParticles(name_begin, end, entity));
      }
    }
  }
  // Persons coordinated with a known person.
  std::vector<Mention> found;
  for (const Mention& mention : mentions_) {
    if (mention.entity < 0 || !IsPerson(mention.entity)) continue;
    size_t begin = mention.word_end;
    if (!lower_.substr(begin).starts_with(" and ")) continue;
    begin += 5;
    size_t end = begin;
    int words = 0;
    while (words < 3 && end < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[end]))) {
      size_t word_end = end;
      while (word_end < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[word_end])) != 0 || s_[word_end] == '-')) ++word_end;
      if (!is_name_word(end, word_end)) break;
      ++words;
      size_t next = word_end;
      end = word_end;
      if (next + 1 < s_.size() && s_[next] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[next + 1]))) end = next + 1;
      else break;
    }
    while (end > begin && s_[end - 1] == ' ') --end;
    if (words < 2 || Overlaps(begin, end)) continue;
    int entity = catalog_->AddDiscovered(Written(std::string(s_.substr(begin, end - begin))), "person", {}, std::string(s_.substr(begin, end - begin)));
    if (IsPerson(entity)) found.push_back(MentionWithParticles(begin, end, entity));
  }
  for (Mention& mention : found) AddMention(std::move(mention));
}

// Latin names inside Korean and Chinese text ("控股子公司Star Group", "AI Mind 持股",
// "Singularity AI是"): capitalised words that are no acronym. A product cue after the name
// makes it a product, an organisation suffix gives its kind, anything else is a company.
void Analysis::DiscoverLatinNames() {
  if (lang_ == Lang::kEnglish) return;
  auto word_char = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(s_[i]);
    return std::isalnum(c) != 0 || c == '.' || c == '&' || c == '-' || c == '\'';
  };
  for (size_t i = 0; i < s_.size();) {
    if (!IsAsciiUpper(static_cast<unsigned char>(s_[i])) || (i > 0 && IsAsciiAlnum(static_cast<unsigned char>(s_[i - 1])))) {
      ++i;
      continue;
    }
    size_t begin = i, end = i;
    int tokens = 0;
    bool lowercase = false, all_short_caps = true;
    while (i < s_.size() && tokens < 4 && (IsAsciiUpper(static_cast<unsigned char>(s_[i])) || std::isdigit(static_cast<unsigned char>(s_[i])) != 0)) {
      size_t token_end = i;
      while (token_end < s_.size() && word_char(token_end)) ++token_end;
      while (token_end > i && (s_[token_end - 1] == '.' || s_[token_end - 1] == '-' || s_[token_end - 1] == '\'')) --token_end;
      std::string_view token = s_.substr(i, token_end - i);
      bool has_lower = std::any_of(token.begin(), token.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
      lowercase = lowercase || has_lower;
      all_short_caps = all_short_caps && !has_lower && token.size() <= 4;
      ++tokens;
      end = token_end;
      i = token_end;
      if (i + 1 < s_.size() && s_[i] == ' ' && (IsAsciiUpper(static_cast<unsigned char>(s_[i + 1])) || std::isdigit(static_cast<unsigned char>(s_[i + 1])) != 0)) ++i;
      else break;
    }
    i = std::max(i, end) + (end == begin ? 1 : 0);
    std::string name(s_.substr(begin, end - begin));
    bool usable = end > begin && lowercase && !all_short_caps && (tokens >= 2 || name.size() >= 4) && GenericWords().count(name) == 0 &&
                  !Overlaps(begin, end) && name.size() <= 60;
    if (!usable) continue;
    std::string kind;
    if (!HasOrgSuffix(name, LangIndex(Lang::kEnglish), &kind)) {
      std::string_view after = TrimSpace(s_.substr(end, 24));
      for (const std::string& cue : rules_.product_cues[li_]) kind = after.starts_with(cue) ? "product" : kind;
    }
    int entity = catalog_->FindByName(name);
    if (entity < 0) entity = catalog_->AddDiscovered(Written(name), kind.empty() ? "company" : kind, {}, name);
    AddMention(MentionWithParticles(begin, end, entity));
  }
}

// English asides: ", an AI company that competes with OpenAI," and "(...)": a name inside is
// no argument of a trigger outside ("Cohere, ... competes with Microsoft-backed OpenAI, said it
// raised money from Nvidia").
void Analysis::FindAsides() {
  if (lang_ != Lang::kEnglish) return;
  for (size_t comma = s_.find(", "); comma != std::string_view::npos; comma = s_.find(", ", comma + 1)) {
    bool opener = false;
    for (std::string_view word : {"a ", "an ", "the ", "which ", "who ", "whose ", "that ", "one of ", "now ", "also ", "then "}) {
      opener = opener || lower_.substr(comma + 2).starts_with(word);
    }
    if (!opener) continue;
    size_t close = s_.find(',', comma + 2);
    if (close == std::string_view::npos) continue;
    asides_.emplace_back(comma + 1, close);
  }
}

int Analysis::AsideOf(size_t begin, size_t end) const {
  for (size_t a = 0; a < asides_.size(); ++a) {
    if (begin >= asides_[a].first && end <= asides_[a].second) return static_cast<int>(a);
  }
  return -1;
}

// "연구소는", "该公司", "the company": the last entity of that kind.
void Analysis::FindAnaphors() {
  for (const auto& [word, kind] : rules_.anaphors[li_]) {
    std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
    for (size_t at = haystack.find(word); at != std::string_view::npos; at = haystack.find(word, at + word.size())) {
      size_t end = at + word.size();
      if (Overlaps(at, end)) continue;
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
        static const std::unordered_set<std::string_view> kCounted = {"두", "세", "네", "여러", "많은", "일부", "다른", "각", "모든", "한"};
        if (kCounted.count(word) != 0) continue;
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
      // The referent: the last entity of the kind named before, in this sentence or earlier.
      int referent = -1;
      size_t best_end = 0;
      for (const Mention& other : mentions_) {
        if (other.entity >= 0 && other.end <= at && !other.anaphor && Kind(other.entity) == kind && other.end >= best_end) {
          referent = other.entity;
          best_end = other.end;
        }
      }
      // Earlier: the previous sentence's topic ("OpenAI ... The company raised ..." after a
      // sentence that names other companies on the way), else the last one named.
      for (int topic : {discourse_->topic, discourse_->last_topic}) {
        if (referent < 0 && topic >= 0 && Kind(topic) == kind) referent = topic;
      }
      for (auto it = discourse_->recent.rbegin(); referent < 0 && it != discourse_->recent.rend(); ++it) {
        if (Kind(*it) == kind) referent = *it;
      }
      if (referent < 0) continue;
      mention.entity = referent;
      mention.anaphor = true;
      AddMention(mention);
    }
  }
}

// Chinese and English: roles from the preposition before a name, and genitives after it.
void Analysis::AssignMarkers() {
  for (Mention& mention : mentions_) {
    if (lang_ == Lang::kChinese) {
      char32_t before = CodePointBefore(s_, mention.begin);
      switch (before) {
        case U'与': case U'同': case U'跟': case U'和': mention.role = Role::kWith; break;
        case U'向': case U'对': case U'给': case U'为': mention.role = Role::kDative; break;
        case U'被': case U'由': mention.role = Role::kBy; break;
        case U'从': mention.role = Role::kFrom; break;
        case U'过': if (s_.substr(0, mention.begin).ends_with("通过")) mention.role = Role::kMeans; break;  // "阿里巴巴通过淘宝持有"
        default: {
          // "由量化基金幻方量化创立": a short description may stand between 由/被 and the name.
          size_t at = mention.begin;
          for (int chars = 0; chars < 6 && at >= 3; ++chars) {
            char32_t cp = CodePointBefore(s_, at);
            if (!IsHan(cp)) break;
            if (cp == U'由' || cp == U'被') {
              mention.role = Role::kBy;
              break;
            }
            if (IsChineseFunction(cp)) break;
            at -= 3;
          }
          break;
        }
      }
      if (s_.substr(mention.end).starts_with("的")) mention.role = Role::kGenitive, mention.word_end = mention.end + 3;
    } else {
      size_t end = mention.begin;
      while (end > 0 && s_[end - 1] == ' ') --end;
      size_t start = end;
      while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
      // "with Microsoft-backed OpenAI": the modifier stands between the preposition and the name.
      for (const Mention& modifier : modifiers_) {
        if (start > 0 && s_[start - 1] == '-' && modifier.end == start - 1) {
          end = modifier.begin;
          while (end > 0 && s_[end - 1] == ' ') --end;
          start = end;
          while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
        }
      }
      std::string word = Lower(s_.substr(start, end - start));
      bool list_cue = word == "including" || word == "include" || word == "includes" || word == "as" || word == "like";
      if (InsideTrigger(start, end) && !list_cue) continue;  // "acquisition of X": the trigger owns "of"
      if (word == "the" || word == "a" || word == "an") {
        end = start;
        while (end > 0 && s_[end - 1] == ' ') --end;
        start = end;
        while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
        word = Lower(s_.substr(start, end - start));
      }
      // "from investors including X", "led by firms such as X": the preposition before the cue.
      if (list_cue) {
        size_t back = start;
        for (int words = 0; words < 4 && back > 0; ++words) {
          size_t word_end = back;
          while (word_end > 0 && (s_[word_end - 1] == ' ' || s_[word_end - 1] == ',')) --word_end;
          size_t word_start = word_end;
          while (word_start > 0 && std::isalpha(static_cast<unsigned char>(s_[word_start - 1])) != 0) --word_start;
          if (word_start == word_end) break;
          std::string earlier = Lower(s_.substr(word_start, word_end - word_start));
          if (earlier == "from" || earlier == "by" || earlier == "with") {
            // "founded by researchers including X": the trigger owns its preposition, X is its object.
            word = InsideTrigger(word_start, word_end) ? "" : earlier;
            break;
          }
          back = word_start;
        }
      }
      if (word == "in" || word == "into" || word == "to") mention.role = Role::kDative;
      else if (word == "with") mention.role = Role::kWith;
      else if (word == "by") mention.role = Role::kBy;
      else if (word == "from") mention.role = Role::kFrom;
      else if (word == "of") mention.role = Role::kGenitive;
      std::string_view after = s_.substr(mention.end);
      if (after.starts_with("'s") || after.starts_with("’s") || after.starts_with("' ") || after.starts_with("’ ")) {
        mention.role = Role::kGenitive;
        mention.word_end = mention.end + (after.starts_with("'") ? 2 : 4);
      }
    }
  }
}

// Coordinated lists: "A, B 및 C가", "A와 B는", "A、B和C", "A, B and C". A list takes the role
// of its last member in Korean (the particle closes the list) and of its first in Chinese and
// English (the preposition opens it).
void Analysis::BuildGroups() {
  group_of_.assign(mentions_.size(), -1);
  for (size_t i = 0; i < mentions_.size(); ++i) {
    bool join = false;
    if (i > 0) {
      const Mention& previous = mentions_[i - 1];
      std::string_view between = TrimSpace(s_.substr(previous.word_end, mentions_[i].begin - std::min(previous.word_end, mentions_[i].begin)));
      if (previous.word_end <= mentions_[i].begin) {
        // One unnamed item inside a list ("카카오, 통신3사, KAIST") does not end it.
        bool unnamed_item = between.size() > 2 && between.size() <= 20 && (between.front() == ',' || between.starts_with("、")) &&
                            (between.back() == ',' || between.ends_with("、")) &&
                            TrimSpace(between.substr(1, between.size() - 2)).find(' ') == std::string_view::npos;
        if (lang_ == Lang::kKorean) {
          // Names side by side without a comma are no list ("브래드 스미스 MS 부회장"), but list
          // bullets are ("▲산업은행(300억원) ▲퀀텀벤처스(15억원)").
          std::string bare;
          int depth = 0;
          for (size_t k = 0; k < between.size();) {
            char32_t cp = 0;
            size_t len = DecodeAt(between, k, &cp);
            if (cp == '(' || cp == U'（') ++depth;
            bool keep = depth == 0 && cp != ' ' && cp != U'▲' && cp != U'■' && cp != U'●' && cp != U'△' && cp != U'▶';
            if (keep) bare += between.substr(k, len);
            if ((cp == ')' || cp == U'）') && depth > 0) --depth;
            k += len;
          }
          bool bulleted = between.find("▲") != std::string_view::npos || between.find("■") != std::string_view::npos ||
                          between.find("●") != std::string_view::npos;
          bool separator = between == "," || between == "·" || between == "、" || between == "/" || between == "및" ||
                           between == ", 및" || between == "그리고" || unnamed_item || (bulleted && (bare.empty() || bare == ","));
          join = (separator && previous.role == Role::kNone) || (previous.role == Role::kWith && between.empty());
          // "KT를 비롯한 현대중공업지주, KAIST는": the first name leads the list.
          if (previous.role == Role::kObject && (between == "비롯한" || between == "비롯해" || between == "포함한" || between == "포함해")) join = true;
          if (previous.role == Role::kWith && between.empty() && !(previous.particles == "와" || previous.particles == "과")) join = false;
        } else if (lang_ == Lang::kChinese) {
          // A gloss between two members does not end the list: "A基金(下称“A”),B创投和C基金".
          std::string stripped;
          int depth = 0;
          for (size_t k = 0; k < between.size();) {
            char32_t cp = 0;
            size_t len = DecodeAt(between, k, &cp);
            static const std::u32string_view kDropped = U" “”\"'‘’)）";  // quotes, and brackets closed from inside a gloss
            if (cp == '(' || cp == U'（') ++depth;
            if (depth == 0 && kDropped.find(cp) == std::u32string_view::npos) stripped += between.substr(k, len);
            if ((cp == ')' || cp == U'）') && depth > 0) --depth;
            k += len;
          }
          std::string_view bare = stripped;
          join = bare.empty() || bare == "、" || bare == "和" || bare == "与" || bare == "及" || bare == "以及" ||
                 bare == "，" || bare == "," || bare == "跟" || bare == "同" || unnamed_item;
          if (bare == "，" || bare == ",") join = join && previous.role == mentions_[i].role;
        } else {
          std::string lower = Lower(between);
          // "acquired LinkedIn in 2016 and GitHub in 2018": a dated list.
          for (std::string_view prefix : {"in ", "on "}) {
            if (lower.starts_with(prefix) && lower.size() > 8 && std::isdigit(static_cast<unsigned char>(lower[prefix.size()])) != 0) {
              size_t space = lower.find(' ', prefix.size());
              if (space != std::string::npos) lower = std::string(TrimSpace(std::string_view(lower).substr(space)));
            }
          }
          join = lower == "," || lower == "and" || lower == ", and" || lower == "&" || lower == "as well as" || lower == "or";
          // "Microsoft, Bill Gates, and new investor NVIDIA": a short lower-case description.
          if (!join && (lower.starts_with(", and ") || lower.starts_with("and "))) {
            std::string_view rest = std::string_view(lower).substr(lower.starts_with(", and ") ? 6 : 4);
            join = !rest.empty() && std::count(rest.begin(), rest.end(), ' ') <= 1 &&
                   std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-'; });
          }
        }
      }
      if (join && lang_ != Lang::kKorean && mentions_[i].role != Role::kNone && mentions_[i].role != Role::kWith && mentions_[i].role != Role::kGenitive) join = false;
      if (join && mentions_[i].entity == previous.entity) join = true;
    }
    if (join) {
      Group& group = groups_.back();
      group.members.push_back(static_cast<int>(i));
      group.end = mentions_[i].word_end;
      if (lang_ == Lang::kKorean) group.role = mentions_[i].role;
      // "科技部和北京市政府的支持": a genitive after the last member covers the list.
      if (lang_ != Lang::kKorean && group.role == Role::kNone && mentions_[i].role == Role::kGenitive) group.role = Role::kGenitive;
      if (lang_ == Lang::kChinese && group.role == Role::kWith && mentions_[i].role == Role::kWith) {}
    } else {
      Group group;
      group.members.push_back(static_cast<int>(i));
      group.role = mentions_[i].role;
      group.begin = mentions_[i].begin;
      group.end = mentions_[i].word_end;
      groups_.push_back(group);
    }
    group_of_[i] = static_cast<int>(groups_.size()) - 1;
  }
  if (lang_ != Lang::kKorean) return;
  // Korean: a name followed by an adnominal verb that is no trigger belongs to a relative
  // clause ("머스크가 떠난 뒤", "버트(BERT)를 겨냥한 원신"): it is no argument of the main verb.
  for (Group& group : groups_) {
    size_t word = SkipSpaces(s_, group.end);
    if (word == group.end && group.end < s_.size() && s_[group.end] != ' ') continue;
    size_t word_end = RunEnd(s_, word, [](char32_t cp) { return IsHangul(cp); });
    if (word_end - word < 6 || Overlaps(word, word_end)) continue;
    bool trigger = false;
    for (const TriggerHit& hit : triggers_) trigger = trigger || (hit.begin < word_end && word < hit.end);
    if (trigger) continue;
    static const std::u32string_view kAdnominal = U"한된는던할될운난친진른쓴든준온본낸선춘긴린킨신";
    char32_t last = CodePointBefore(s_, word_end);
    if (kAdnominal.find(last) != std::u32string_view::npos) group.embedded = true;
  }
  // "에 의해" marks the agent of a passive; a bare list takes its role from "등이" or
  // from the particle of the next word that carries one ("...등 각 사 전문가의").
  for (Group& group : groups_) {
    if (group.role == Role::kDative && s_.substr(SkipSpaces(s_, group.end)).starts_with("의해")) group.role = Role::kBy;
    if (group.role != Role::kNone) continue;
    size_t pos = group.end;
    for (int words = 0; words < 8 && pos < s_.size(); ++words) {
      pos = SkipSpaces(s_, pos);
      size_t end = pos;
      while (end < s_.size() && !IsSpace(s_[end])) ++end;
      std::string_view word = s_.substr(pos, end - pos);
      if (word.empty() || Overlaps(pos, end)) break;
      if (word.starts_with("등")) {
        Role role;
        std::string particles;
        std::string_view rest = word.substr(3);
        while (!rest.empty() && (rest.back() == ',' || rest.back() == '.')) rest.remove_suffix(1);
        if (ParseParticles(rest, &role, &particles) && role != Role::kNone) {
          group.role = role;
          group.end = end;
          break;
        }
        pos = end;
        continue;
      }
      if (word.ends_with(",") || word.ends_with("·")) {
        pos = end;
        continue;
      }
      bool is_trigger = false;
      for (const TriggerHit& hit : triggers_) is_trigger = is_trigger || (hit.begin >= pos && hit.begin < end);
      if (is_trigger) break;
      // The word's last particle.
      Role role = Role::kNone;
      for (size_t cut = 3; cut <= 9 && cut < word.size(); cut += 3) {
        Role found;
        std::string particles;
        if (ParseParticles(word.substr(word.size() - cut), &found, &particles) && found != Role::kNone && found != Role::kTitle) role = found;
      }
      if (role != Role::kNone && role != Role::kSubject) {
        group.role = role;
        group.inherited = true;
      }
      if (role != Role::kNone) break;
      pos = end;
    }
  }
}

void Analysis::FindClauses() {
  int depth = 0;
  for (size_t i = 0; i < s_.size();) {
    char32_t cp = 0;
    size_t len = DecodeAt(s_, i, &cp);
    if (cp == '(' || cp == U'（') ++depth;
    if ((cp == ')' || cp == U'）') && depth > 0) --depth;
    bool candidate = depth == 0 && (cp == ',' || cp == U'，' || cp == ';' || cp == U'；' || cp == ':' || cp == U'：');
    if (candidate) {
      bool in_list = false;
      for (const Group& group : groups_) in_list = in_list || (group.begin < i && i < group.end);
      if (!in_list) {
        if (lang_ == Lang::kKorean && (cp == ',' || cp == U'，')) {
          // Only a comma after a connective ending ends a clause ("전환하고,"); commas
          // between nouns list them.
          char32_t last = CodePointBefore(s_, i);
          static const std::u32string_view kConnectives = U"고며서데해여면니으";
          bool connective = IsHangul(last) && kConnectives.find(last) != std::u32string_view::npos;
          if (s_.substr(0, i).ends_with("지만") || s_.substr(0, i).ends_with("으나")) connective = true;
          if (connective) boundaries_.push_back(i);
        } else if ((cp == ':' || cp == U'：') && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return hit.end <= i && i - hit.end <= 12; })) {
          // "领投方有三家：A、B和C", "Backers include: A, B": the list after the colon is the object.
        } else if (lang_ == Lang::kEnglish && cp == ',' &&
                   (lower_.substr(i).starts_with(", including ") || lower_.substr(i).starts_with(", such as ") ||
                    lower_.substr(i).starts_with(", led by ") || lower_.substr(i).starts_with(", like ") ||
                    lower_.substr(i).starts_with(", among them "))) {
          // "from investors, including A and B": the list continues the clause.
        } else {
          boundaries_.push_back(i);
        }
      }
    }
    if (lang_ == Lang::kEnglish && cp == ' ') {
      for (std::string_view word : {" but ", " while ", " whereas ", " although "}) {
        if (lower_.substr(i).starts_with(word)) boundaries_.push_back(i);
      }
    }
    i += len;
  }
}

void Analysis::FindTriggers() {
  std::vector<TriggerHit> hits;
  for (const Rule& rule : rules_.rules) {
    if (rule.lang != lang_) continue;
    size_t nouns = rule.noun_triggers;
    for (size_t t = 0; t < rule.triggers.size(); ++t) {
      const std::string& trigger = rule.triggers[t];
      std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
      std::string needle = lang_ == Lang::kEnglish ? Lower(trigger) : trigger;
      for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        size_t end = at + needle.size();
        bool inside_name = false;
        for (const Mention& mention : mentions_) inside_name = inside_name || (at < mention.end && mention.begin < end && !mention.anaphor);
        if (inside_name) continue;
        if (lang_ == Lang::kEnglish && ((at > 0 && std::isalpha(static_cast<unsigned char>(s_[at - 1])) != 0) ||
                                        (end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[end])) != 0))) {
          continue;
        }
        bool excluded = false;
        for (size_t e = 0; e < rule.exclude.size() && !excluded; ++e) {
          std::string exclusion = lang_ == Lang::kEnglish ? Lower(rule.exclude[e]) : rule.exclude[e];
          size_t from = at >= exclusion.size() ? at - exclusion.size() : 0;
          for (size_t x = haystack.find(exclusion, from); x != std::string_view::npos && x <= at; x = haystack.find(exclusion, x + 1)) {
            if (x + exclusion.size() >= end) excluded = true;
          }
        }
        if (excluded) continue;
        TriggerHit hit;
        hit.begin = at;
        hit.end = end;
        hit.rule = &rule;
        hit.verb = t >= nouns;
        hit.word_begin = at;
        hit.word_end = end;
        if (lang_ == Lang::kKorean) {
          while (hit.word_begin > 0 && !IsSpace(s_[hit.word_begin - 1])) --hit.word_begin;
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
    }
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

// The group that fills a role for a trigger, or nullptr. Korean arguments precede their verb
// (a noun trigger may also be followed by its subject); Chinese and English subjects precede
// and objects follow. With fallback, a missing subject is the sentence's topic or, in Korean
// and Chinese (which drop subjects), the previous sentence's.
const Group* Analysis::FindRole(const TriggerHit& hit, std::string_view role_name, bool fallback, double* penalty, bool allow_inherited,
                                const std::vector<std::string>* kinds, bool source) const {
  int clause = Clause(hit.begin);
  auto in_clause = [&](const Group& group) {
    // A group before the trigger belongs to its clause when no boundary lies between them.
    return group.carried || Clause(group.begin) == clause || (group.end <= hit.begin && Clause(group.end) == clause);
  };
  if (role_name == "head") return HeadOf(hit);
  if (role_name == "bare") {  // "오픈AI 대주주인 ...": an unmarked name right before the trigger word
    for (const Group& group : groups_) {
      if (group.role == Role::kNone && group.end <= hit.word_begin && TrimSpace(s_.substr(group.end, hit.word_begin - group.end)).empty()) return &group;
    }
    return nullptr;
  }
  if (role_name == "topic") {
    if (topic_group_ >= 0 && groups_[static_cast<size_t>(topic_group_)].end <= hit.begin) {
      *penalty += 0.05;
      return &groups_[static_cast<size_t>(topic_group_)];
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
  const Group* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (const Group& group : groups_) {
    if (group.role != wanted || !in_clause(group) || group.embedded || !GroupFits(group, kinds, source)) continue;
    // Chinese "由 X ... 发起": X is the agent only when it stands right before the verb (times
    // may come between: "由幻方量化于2023年创立"); "由清华大学电子工程系教授汪玉发起" names a person.
    if (lang_ == Lang::kChinese && wanted == Role::kBy && group.end <= hit.begin) {
      size_t han = 0;
      for (size_t k = group.end; k < hit.begin;) {
        char32_t cp = 0;
        k += DecodeAt(s_, k, &cp);
        static const std::u32string_view kTime = U"于在年月日初底中旬共同联合一起正式";
        if (IsHan(cp) && kTime.find(cp) == std::u32string_view::npos) ++han;
      }
      if (han > 2) continue;
    }
    int aside = group.carried ? -1 : AsideOf(group.begin, group.end);
    if (aside >= 0 && aside != AsideOf(hit.begin, hit.end)) continue;
    if (group.inherited && !allow_inherited) continue;
    // A marker may belong to the trigger too ("...北京市政府的支持下": 的 ends both).
    bool before = group.end <= hit.begin || (group.begin < hit.begin && group.end <= hit.end);
    bool after = group.begin >= hit.end;
    if ((!before && !after) || (before_only && !before) || (after_only && !after)) continue;
    // English: an object follows its trigger closely ("led by Microsoft", not "led by former
    // researchers at Google").
    if (lang_ == Lang::kEnglish && role_name == "object" && after) {
      std::string_view between = s_.substr(hit.end, group.begin - hit.end);
      // ... or follows a list cue after a description ("founded by former researchers including X").
      for (std::string_view cue : {" including ", " such as ", " like ", " among them "}) {
        size_t at = Lower(between).rfind(cue);
        if (at != std::string::npos && std::count(between.begin(), between.begin() + static_cast<std::ptrdiff_t>(at), ' ') <= 6) between = between.substr(at + cue.size() - 1);
      }
      if (std::count(between.begin(), between.end(), ' ') > 4 || between.find_first_of(",;:") != std::string_view::npos) continue;
      // A preposition in between takes the name as its own ("led by researchers at Google").
      std::string spaced = " " + Lower(between) + " ";
      bool preposition = false;
      for (std::string_view word : {" at ", " of ", " for ", " from ", " in ", " on ", " with ", " to "}) preposition = preposition || spaced.find(word) != std::string::npos;
      if (preposition) continue;
    }
    // Korean: the argument before a verb must not be past the verb's own word.
    size_t distance = before ? hit.begin - std::min(hit.begin, group.end) : group.begin - hit.end;
    if (lang_ == Lang::kKorean && after) distance += 1000;  // prefer arguments before
    if (distance < best_distance) {
      best = &group;
      best_distance = distance;
    }
  }
  if (best != nullptr || !fallback || role_name != "subject") return best;
  // Fallback for a missing subject.
  for (size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    if (group.end > hit.begin) break;
    bool subject_like = (lang_ == Lang::kKorean ? group.role == Role::kSubject : group.role == Role::kNone) && !group.embedded && GroupFits(group, kinds, source);
    int aside = AsideOf(group.begin, group.end);
    if (aside >= 0 && aside != AsideOf(hit.begin, hit.end)) subject_like = false;
    if (subject_like && (lang_ != Lang::kEnglish || static_cast<int>(g) == topic_group_ || true)) {
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

// The noun a Korean adnominal trigger modifies: "ChatGPT를 개발한 오픈AI", "창업한 회사 X".
const Group* Analysis::HeadOf(const TriggerHit& hit) const {
  if (lang_ != Lang::kKorean || !hit.adnominal) return nullptr;
  for (const Group& group : groups_) {
    if (group.begin < hit.word_end) continue;
    std::string_view between = s_.substr(hit.word_end, group.begin - hit.word_end);
    if (between.find(',') != std::string_view::npos || std::count(between.begin(), between.end(), ' ') > 2) return nullptr;
    // A relative clause modifies the nearest noun, not a whole list after it
    // ("ChatGPT를 개발한 오픈AI나 구글").
    head_.members = {group.members.front()};
    head_.role = group.role;
    head_.begin = group.begin;
    head_.end = mentions_[static_cast<size_t>(group.members.front())].word_end;
    return &head_;
  }
  // "LG AI연구원은 2020년 LG그룹이 설립한 싱크탱크다": the clause describes the topic.
  std::string_view rest = TrimSpace(s_.substr(hit.word_end));
  if (topic_group_ >= 0 && groups_[static_cast<size_t>(topic_group_)].end <= hit.word_begin && std::count(rest.begin(), rest.end(), ' ') <= 2 &&
      (rest.ends_with("다.") || rest.ends_with("다"))) {
    return &groups_[static_cast<size_t>(topic_group_)];
  }
  return nullptr;
}

bool Analysis::KindFits(int entity, const std::vector<std::string>& kinds, bool source) const {
  const std::string& kind = Kind(entity);
  if (kinds.empty()) return source ? kind != "product" : true;
  return Contains(kinds, kind);
}

void Analysis::ApplyRule(const TriggerHit& hit, bool fallback, std::vector<Extraction>* out, bool* matched) {
  const Rule& rule = *hit.rule;
  if (!rule.context_after.empty()) {
    std::string_view window = s_.substr(hit.end, 48);
    bool present = false;
    for (const std::string& word : rule.context_after) present = present || window.find(word) != std::string_view::npos;
    if (!present) return;
  }
  for (const Frame& frame : rule.frames) {
    double penalty = 0;
    std::vector<std::pair<int, int>> pairs;  // mention indices
    if (frame.source.starts_with("group:")) {
      const Group* group = FindRole(hit, frame.source.substr(6), false, &penalty, false);
      if (group == nullptr || group->members.size() < 2) continue;
      for (size_t a = 0; a < group->members.size(); ++a) {
        for (size_t b = a + 1; b < group->members.size(); ++b) pairs.emplace_back(group->members[a], group->members[b]);
      }
    } else {
      const Group* source = FindRole(hit, frame.source, fallback, &penalty, true, &rule.source_kinds, true);
      const Group* target = FindRole(hit, frame.target, fallback, &penalty, true, &rule.target_kinds, false);
      if (source == nullptr || target == nullptr || source == target) continue;
      if (source->inherited || target->inherited) penalty += 0.03;
      for (int s : source->members) {
        for (int t : target->members) pairs.emplace_back(s, t);
      }
    }
    // Korean partners named one by one: "A는 X 업체 ‘B’와 Y 업체 ‘C’와 손을 잡았다".
    if (lang_ == Lang::kKorean && (frame.source == "with" || frame.target == "with") && (rule.type == "partners_with" || rule.type == "competes_with")) {
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
      for (const Group& group : groups_) {
        if (group.role != Role::kWith || group.end > hit.begin || Clause(group.begin) != Clause(hit.begin)) continue;
        bool together = lang_ == Lang::kKorean ? s_.substr(SkipSpaces(s_, group.end)).starts_with("함께")
                        : lang_ == Lang::kEnglish ? (std::string_view(lower_).substr(0, group.begin).ends_with("together with ") ||
                                                     std::string_view(lower_).substr(0, group.begin).ends_with("along with "))
                                                  : s_.substr(group.end).starts_with("一起") || s_.substr(group.end).starts_with("共同");
        if (!together) continue;
        for (int member : group.members) {
          for (int t : targets) pairs.emplace_back(member, t);
        }
      }
    }
    bool any = false;
    for (auto [s, t] : pairs) {
      const Mention& source = mentions_[static_cast<size_t>(s)];
      const Mention& target = mentions_[static_cast<size_t>(t)];
      if (source.entity == target.entity || source.entity < 0 || target.entity < 0) continue;
      if (!KindFits(source.entity, rule.source_kinds, true) || !KindFits(target.entity, rule.target_kinds, false)) continue;
      Extraction extraction;
      extraction.source = source.entity;
      extraction.target = target.entity;
      extraction.type = rule.type;
      extraction.rule = rule.name;
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
    }
    if (any) {
      *matched = true;
      return;
    }
  }
}

// A sequence of titles at pos: "창업자 겸 최고경영자", "chief executive", "联合创始人兼CEO".
bool Analysis::ParseTitles(size_t pos, TitleMatch* match) const {
  size_t i = SkipSpaces(s_, pos);
  if (lang_ == Lang::kKorean && s_.substr(i).starts_with("전 ")) match->former = true, i += 4;
  if (lang_ == Lang::kEnglish && lower_.substr(i).starts_with("former ")) match->former = true, i += 7;
  if (lang_ == Lang::kChinese && s_.substr(i).starts_with("前")) match->former = true, i += 3;
  bool any = false;
  for (int count = 0; count < 3; ++count) {
    const Title* found = nullptr;
    for (const Title& title : rules_.titles[li_]) {
      bool hit = lang_ == Lang::kEnglish ? lower_.substr(i).starts_with(Lower(title.word)) : s_.substr(i).starts_with(title.word);
      if (!hit) continue;
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
      for (std::string_view head : {"책임자", "담당", "임원"}) {
        size_t at = run.find(head);
        if (at == std::string_view::npos || at < 3) continue;
        Role role;
        std::string particles;
        if (!ParseParticles(run.substr(at + head.size()), &role, &particles)) continue;
        word_size = at + head.size();
        break;
      }
    }
    if (word_size == 0) break;
    any = true;
    (founded ? match->founded : match->works) = true;
    i += word_size;
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

// A person named at pos: a known person, or a new name of the language's shape (Korean and
// transliterated Chinese names: 2-4 syllables starting with a surname; Chinese: a surname and
// one or two characters; English: two or three capitalised words).
int Analysis::PersonAfter(size_t pos, size_t* end) {
  pos = SkipSpaces(s_, pos);
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& mention = mentions_[m];
    if (mention.begin == pos && mention.entity >= 0 && IsPerson(mention.entity)) {
      *end = mention.word_end;
      return static_cast<int>(m);
    }
  }
  for (const Mention& mention : mentions_) {
    if (mention.begin <= pos && pos < mention.word_end) return -1;
  }
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
      for (const std::string& word : rules_.surnames[li_]) surname = surname || (candidate.starts_with(word) && candidate.size() > word.size());
      if (!surname || NotNames().count(candidate) != 0) continue;
      name = std::string(candidate);
      name_end = pos + syllables * 3;
      *end = run_end;
      break;
    }
  } else if (lang_ == Lang::kChinese) {
    for (size_t chars = 3; chars >= 2 && name.empty(); --chars) {
      std::string_view candidate = s_.substr(pos, chars * 3);
      if (candidate.size() < chars * 3) continue;
      bool all_han = true;
      for (size_t k = 0; k < chars; ++k) all_han = all_han && IsHan(CodePointAt(s_, pos + k * 3));
      if (!all_han) continue;
      char32_t next = CodePointAt(s_, pos + chars * 3);
      static const std::u32string_view kFollowers = U"表示说称在于的是和与也认为指出透露宣布曾已将对介绍强调坦言等及、，。：出回告提举接带亲致率任担担兼向就还已正近日";
      if (IsHan(next) && kFollowers.find(next) == std::u32string_view::npos) continue;
      bool surname = false;
      for (const std::string& word : rules_.surnames[li_]) surname = surname || candidate.starts_with(word);
      if (!surname) continue;
      name = std::string(candidate);
      name_end = pos + chars * 3;
      *end = name_end;
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
  if (name.empty() || Overlaps(pos, name_end)) return -1;
  int entity = catalog_->AddDiscovered(Written(name), "person", {}, lang_ == Lang::kEnglish ? name : "");
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

int Analysis::PersonBefore(size_t pos) {
  size_t end = pos;
  while (end > 0 && (s_[end - 1] == ' ' || s_[end - 1] == ',')) --end;
  if (lang_ == Lang::kChinese) {
    while (end >= 3 && (s_.substr(end - 3, 3) == "（")) end -= 3;
    if (end > 0 && s_[end - 1] == '(') --end;
  }
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention& mention = mentions_[m];
    if (mention.word_end == end && mention.entity >= 0 && IsPerson(mention.entity) && mention.role == Role::kNone) return static_cast<int>(m);
  }
  size_t start = end;
  if (lang_ == Lang::kKorean) {
    start = RunStart(s_, end, [](char32_t cp) { return IsHangul(cp); });
    if (start > 0 && !IsSpace(s_[start - 1]) && s_[start - 1] != '(' && CodePointBefore(s_, start) != U'‘') return -1;
    std::string_view candidate = s_.substr(start, end - start);
    size_t syllables = candidate.size() / 3;
    if (syllables < 1 || syllables > 4 || NotNames().count(candidate) != 0) return -1;
    bool surname = false;
    for (const std::string& word : rules_.surnames[li_]) surname = surname || (candidate.starts_with(word) && candidate.size() > word.size());
    if (!surname || syllables == 1) {
      // A transliterated name of two words right before "ORG TITLE": "샘 알트먼", "젠슨 황".
      auto plain_word = [](std::string_view word) {
        if (word.empty() || word.size() > 12 || NotNames().count(word) != 0 || GenericWords().count(word) != 0) return false;
        static const std::u32string_view kEndings = U"에서는은이가을를의도고며다로와과게면지해한된던인들께적";
        char32_t last = CodePointBefore(word, word.size());
        return kEndings.find(last) == std::u32string_view::npos;
      };
      if (!plain_word(candidate) || start < 2 || s_[start - 1] != ' ') return -1;
      size_t first_end = start - 1;
      size_t first_start = RunStart(s_, first_end, [](char32_t cp) { return IsHangul(cp); });
      std::string_view first = s_.substr(first_start, first_end - first_start);
      if (first.size() < 3 || first.size() > 12 || !plain_word(first)) return -1;
      if (first_start > 0 && !IsSpace(s_[first_start - 1]) && s_[first_start - 1] != '(' && CodePointBefore(s_, first_start) != U'‘') return -1;
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
  int entity = catalog_->AddDiscovered(Written(name), "person", {}, lang_ == Lang::kEnglish ? name : "");
  if (!IsPerson(entity)) return -1;
  Mention mention;
  mention.begin = start;
  mention.end = end;
  mention.word_end = end;
  mention.entity = entity;
  mentions_.push_back(mention);
  return static_cast<int>(mentions_.size()) - 1;
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
    Extraction extraction{person, org, "", std::string(rule), confidence, "", {}};
    extraction.amount_value.begin = mentions_[static_cast<size_t>(person_mention)].begin;
    if (match.founded) extraction.type = "founded", out->push_back(extraction);
    if (match.works && !match.former) extraction.type = "works_at", out->push_back(extraction);
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
      if (SkipSpaces(s_, end) == pos || end == pos) return true;
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
      topic_end = group.end;
      break;
    }
  }
  // "Chief Executive Arthur Mensch said ...": an English sentence that opens with a title is
  // about the previous sentence's organisation.
  bool topic_from_discourse = false;
  int previous_topic = discourse_->topic >= 0 ? discourse_->topic : discourse_->last_topic;
  if (topic_entity < 0 && lang_ == Lang::kEnglish && previous_topic >= 0 && IsOrg(previous_topic)) {
    topic_entity = previous_topic;
    topic_from_discourse = true;
  }
  if (topic_entity >= 0) {
    for (const Title& title : rules_.titles[li_]) {
      std::string_view haystack = lang_ == Lang::kEnglish ? std::string_view(lower_) : s_;
      std::string needle = lang_ == Lang::kEnglish ? Lower(title.word) : title.word;
      for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + needle.size())) {
        if (at < topic_end || org_ending_at(at) || Overlaps(at, at + needle.size())) continue;
        if (topic_from_discourse && at != 0 && !lower_.substr(0, at).ends_with("its ")) continue;
        if (lang_ != Lang::kChinese && at > 0 && !IsSpace(s_[at - 1]) && s_[at - 1] != ',') continue;
        TitleMatch match;
        if (!ParseTitles(at, &match) || !match.tail.empty()) continue;
        size_t person_end = 0;
        int person = PersonAfter(match.end, &person_end);
        if (person < 0) continue;
        AddPersonGroup(person, Role::kNone);
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
        int person = PersonBefore(at);
        if (person < 0) continue;
        AddPersonGroup(person, Role::kNone);
        emit(person, org, match, "title_by_verb", 0.78);
      }
    }
  }
  size_t original = mentions_.size();
  for (size_t m = 0; m < original; ++m) {
    const Mention organisation = mentions_[m];
    if (organisation.entity < 0 || !IsOrg(organisation.entity)) continue;
    int org = organisation.entity;
    double base = organisation.anaphor ? 0.75 : 0.85;
    if (organisation.role == Role::kTitle) {  // "배영훈 LG AI연구원장은"
      TitleMatch match;
      match.works = true;
      int person = PersonBefore(organisation.begin);
      if (person >= 0) AddPersonGroup(person, tail_role(std::string_view(organisation.particles).substr(3)));
      emit(person, org, match, "title_head", base);
      continue;
    }
    size_t pos = organisation.word_end;
    if (lang_ == Lang::kEnglish && s_.substr(organisation.end).starts_with("'s")) pos = organisation.end + 2;
    if (lang_ == Lang::kChinese && s_.substr(organisation.end).starts_with("的")) pos = organisation.end + 3;
    TitleMatch match;
    bool titled = ParseTitles(pos, &match);
    // Unit or place words between an organisation and the title: "네이버 AI LAB 소장", "谷歌中国总裁".
    // Korean units end in 실, 팀, 부, 본부, 센터, 부문, 사업부 ("삼성전자 경영지원실 기획팀 상무").
    for (int skip = 0; skip < 3 && !titled && lang_ == Lang::kKorean && organisation.role == Role::kNone; ++skip) {
      size_t word = SkipSpaces(s_, pos);
      size_t word_end = word;
      while (word_end < s_.size() && IsAsciiAlnum(static_cast<unsigned char>(s_[word_end]))) ++word_end;
      if (word_end == word || !IsAsciiUpper(static_cast<unsigned char>(s_[word]))) {
        word_end = RunEnd(s_, word, IsHangulOrAlnum);
        std::string_view unit = s_.substr(word, word_end - word);
        bool is_unit = CountCodePoints(unit) >= 2 && CountCodePoints(unit) <= 8 && !Overlaps(word, word_end);
        bool unit_suffix = false;
        for (std::string_view suffix : {"실", "팀", "부", "본부", "센터", "부문", "사업부", "사업본부", "연구소", "랩", "그룹"}) unit_suffix = unit_suffix || unit.ends_with(suffix);
        if (!is_unit || !unit_suffix) break;
      }
      pos = word_end;
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
    // "founded by LinkedIn co-founder Reid Hoffman": the preposition governs the whole phrase.
    bool governed = lang_ == Lang::kEnglish && (organisation.role == Role::kBy || organisation.role == Role::kFrom || organisation.role == Role::kWith);
    if (governed && titled) {
      size_t person_end = 0;
      int person = PersonAfter(SkipSpaces(s_, match.end), &person_end);
      if (person >= 0) {
        mentions_[static_cast<size_t>(person)].role = organisation.role;
        emit(person, org, match, "title_after_org", base);
        // The person stands where the organisation stood in its list.
        if (group_of_.size() > m && group_of_[m] >= 0) {
          std::vector<int>& members = groups_[static_cast<size_t>(group_of_[m])].members;
          std::replace(members.begin(), members.end(), static_cast<int>(m), person);
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
      int person = tail_ok ? PersonAfter(after, &person_end) : -1;
      if (person >= 0 && lang_ == Lang::kKorean) {
        // The person after the title starts the next "PERSON ORG TITLE" of a list.
        size_t next = SkipSpaces(s_, person_end);
        for (const Mention& other : mentions_) {
          if (other.begin == next && other.entity >= 0 && IsOrg(other.entity)) person = -1;
        }
      }
      if (person >= 0) {
        AddPersonGroup(person, mentions_[static_cast<size_t>(person)].role);
        emit(person, org, match, "title_after_org", base);
        continue;
      }
      if (lang_ != Lang::kKorean && person_org_title()) continue;
      // "P는 ORG의 TITLE이다", "梁文锋是幻方量化的创始人", "Li served as Google's president":
      // the person the sentence is about.
      bool predicate = lang_ != Lang::kKorean || match.tail == "이다" || match.tail == "이며" || match.tail == "이자" || match.tail == "으로" ||
                       match.tail == "로" || match.tail == "을" || match.tail == "를" || match.tail == "이었다" || match.tail == "였다" || match.tail == "다";
      if (predicate) {
        for (const Group& group : groups_) {
          if (group.end > organisation.begin) break;
          const Mention& first = mentions_[static_cast<size_t>(group.members.front())];
          bool subject = lang_ == Lang::kKorean ? group.role == Role::kSubject : group.role == Role::kNone;
          if (subject && first.entity >= 0 && IsPerson(first.entity)) {
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
      TitleMatch after_person;
      if (person >= 0 && ParseTitles(person_end, &after_person)) {
        AddPersonGroup(person, tail_role(after_person.tail));
        emit(person, org, after_person, "title_org_person", base);
      }
      continue;
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
    for (std::string_view link : {" of ", " at "}) {
      size_t at = before.rfind(link);
      if (at == std::string_view::npos || before.size() - at > 48) continue;
      std::string_view between = s_.substr(at + link.size(), organisation.begin - at - link.size());
      bool descriptive = std::all_of(between.begin(), between.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; }) ||
                         Lower(between).find(" startup ") != std::string::npos || Lower(between).ends_with("startup ") ||
                         Lower(between).ends_with("company ") || Lower(between).ends_with("lab ");
      if (descriptive && std::count(between.begin(), between.end(), ' ') <= 4) cut = at;
    }
    if (cut == std::string_view::npos) continue;
    size_t comma = s_.rfind(", ", cut);
    if (comma == std::string_view::npos) continue;
    size_t title_start = comma + 2;
    for (std::string_view filler : {"also ", "now ", "then ", "the ", "a ", "an ", "its ", "both "}) {
      if (lower_.substr(title_start).starts_with(filler)) title_start += filler.size();
    }
    TitleMatch match;
    if (!ParseTitles(title_start, &match) || match.end != cut) continue;
    int person = PersonBefore(comma);
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

// Relations written into a noun phrase, with no trigger verb: possessive products ("오픈AI의
// 챗GPT", "OpenAI's ChatGPT", "月之暗面的Kimi"), "Microsoft-backed OpenAI", and a product's
// maker named after it ("ChatGPT maker OpenAI", "챗봇 ‘이루다’ 개발사 스캐터랩").
void Analysis::ApplyCompounds(std::vector<Extraction>* out) {
  std::vector<Mention> all = mentions_;
  all.insert(all.end(), modifiers_.begin(), modifiers_.end());
  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  auto add = [&](int source, int target, const char* type, const char* rule, double confidence, size_t pos) {
    if (source < 0 || target < 0 || source == target) return;
    Extraction extraction{source, target, type, rule, confidence, "", {}};
    if (catalog_->at(source).discovered || catalog_->at(target).discovered) extraction.confidence -= 0.05;
    extraction.amount_value.begin = pos;
    out->push_back(extraction);
  };
  auto short_gap = [&](size_t begin, size_t end, size_t max_bytes) {
    if (end < begin || end - begin > max_bytes) return false;
    std::string_view between = s_.substr(begin, end - begin);
    return between.find_first_of(",;:.!?()") == std::string_view::npos && between.find("，") == std::string_view::npos &&
           between.find("、") == std::string_view::npos && std::count(between.begin(), between.end(), ' ') <= 3;
  };
  // "자사 업무 도구 코파일럿(Copilot)", "自研的大模型“星河”": the topic's own product.
  int owner_topic = discourse_->topic;
  for (const Group& group : groups_) {
    if (group.role == (lang_ == Lang::kKorean ? Role::kSubject : Role::kNone) && !group.embedded) {
      owner_topic = mentions_[static_cast<size_t>(group.members.front())].entity;
      break;
    }
  }
  for (const Mention& mention : all) {
    if (owner_topic < 0 || mention.entity < 0 || Kind(mention.entity) != "product" || !IsOrg(owner_topic)) continue;
    std::string_view before = s_.substr(mention.begin >= 48 ? mention.begin - 48 : 0, std::min<size_t>(mention.begin, 48));
    for (std::string_view own : {"자사 ", "自家", "自研"}) {
      size_t at = before.find(own);
      if (at != std::string_view::npos && before.substr(at).find_first_of(",.") == std::string_view::npos) {
        add(owner_topic, mention.entity, "develops", "own_product", 0.78, mention.begin);
      }
    }
  }
  for (size_t k = 0; k + 1 < all.size(); ++k) {
    const Mention& first = all[k];
    const Mention& second = all[k + 1];
    if (first.entity < 0 || second.entity < 0 || first.anaphor || second.begin < first.word_end) continue;
    bool first_org = IsOrg(first.entity), second_product = Kind(second.entity) == "product";
    // OWNER's PRODUCT
    bool owner = first.role == Role::kGenitive || (lang_ == Lang::kChinese && s_.substr(first.end).starts_with("旗下"));
    if (first_org && second_product && owner && short_gap(first.word_end, second.begin, 24)) {
      add(first.entity, second.entity, "develops", "possessive_product", 0.8, first.begin);
      continue;
    }
    std::string_view between = s_.substr(first.end, second.begin - first.end);
    std::string lower_between = Lower(between);
    // PARENT旗下(的)UNIT, PARENT 산하 UNIT: the unit is part of the parent.
    if (first_org && IsOrg(second.entity) && (between == "旗下的" || between == "旗下" || TrimSpace(between) == "산하" || lower_between == "-owned ")) {
      add(second.entity, first.entity, "part_of", "parent_compound", 0.8, first.begin);
      continue;
    }
    // BACKER-backed COMPANY
    if (lang_ == Lang::kEnglish && IsOrg(second.entity) && (lower_between == "-backed " || lower_between == "-funded ")) {
      add(first.entity, second.entity, "invests_in", "backed_compound", 0.82, first.begin);
      continue;
    }
    // PRODUCT maker COMPANY
    if (Kind(first.entity) == "product" && IsOrg(second.entity)) {
      std::string_view rest = TrimSpace(lang_ == Lang::kKorean ? s_.substr(first.word_end, second.begin - first.word_end) : between);
      for (const char* word : {"maker", "developer", "creator", "개발사", "개발업체", "운영사", "开发商", "开发者", "研发商"}) {
        std::string_view cue = TrimSpace(rest);
        while (cue.starts_with("'") || cue.starts_with("’") || cue.starts_with("”") || cue.starts_with("\"") || cue.starts_with("」")) {
          cue = TrimSpace(cue.substr(cue.starts_with("'") || cue.starts_with("\"") ? 1 : 3));
        }
        if (Lower(cue) == word) add(second.entity, first.entity, "develops", "maker_compound", 0.82, first.begin);
      }
    }
  }
}

std::vector<Extraction> Analysis::Run(const std::string& document_date) {
  lower_ = Lower(s_);
  mentions_ = catalog_->gazetteer().Find(s_, lang_);
  DiscoverGlosses();
  DiscoverQuotedProducts();
  DiscoverSuffixOrgs();
  DiscoverListedNames();
  DiscoverCuedNames();
  DiscoverLatinNames();
  FindAnaphors();
  DiscoverEnglishSubjects();
  std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  DropGlossMentions();
  SplitNamesEndingInVerbs();
  DropModifiers();
  FindTriggers();
  if (lang_ != Lang::kKorean) AssignMarkers();
  BuildGroups();
  FindClauses();
  FindAsides();
  ApplyTitles(&titles_found_);
  ApplyCompounds(&titles_found_);

  // The sentence's topic: Korean, the first group marked as subject; otherwise the first
  // unmarked group when the sentence starts with it.
  for (size_t g = 0; g < groups_.size() && topic_group_ < 0; ++g) {
    if (lang_ == Lang::kKorean ? groups_[g].role == Role::kSubject : (groups_[g].role == Role::kNone && groups_[g].begin < 40)) {
      if (groups_[g].begin < (triggers_.empty() ? s_.size() : triggers_.front().begin) || lang_ == Lang::kKorean) topic_group_ = static_cast<int>(g);
    }
  }

  // RELGRAPH_ARTICLE_DEBUG=1 shows the analysis of every sentence on stderr.
  static const bool kDebug = std::getenv("RELGRAPH_ARTICLE_DEBUG") != nullptr;
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
    // English rules that carry a topic reach back across paragraphs ("... Backers include A.").
    int carried_topic = discourse_->topic >= 0 ? discourse_->topic : lang_ != Lang::kKorean ? discourse_->last_topic : -1;
    if (matched || !hit.rule->carry_topic || carried_topic < 0 || HasUnnamedSubject(hit)) continue;
    // The subject was dropped: the previous sentence's topic ("오픈AI는 ... 비영리조직이었다.
    // ... MS로부터 투자받아 ...").
    Mention carried;
    carried.entity = carried_topic;
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
    for (size_t k = before; k < found.size(); ++k) found[k].confidence = std::max(0.05, found[k].confidence - 0.15);
    groups_.erase(groups_.begin());
    mentions_.pop_back();
    topic_group_ = saved_topic;
  }
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

  // Discourse: this sentence's topic and the entities it named.
  if (topic_group_ >= 0) {
    const Mention& first = mentions_[static_cast<size_t>(groups_[static_cast<size_t>(topic_group_)].members.front())];
    if (first.entity >= 0) discourse_->topic = discourse_->last_topic = first.entity;
  }
  for (const Mention& mention : mentions_) {
    if (mention.entity >= 0) discourse_->recent.push_back(mention.entity);
  }
  if (discourse_->recent.size() > 64) discourse_->recent.erase(discourse_->recent.begin(), discourse_->recent.end() - 64);
  return found;
}

}  // namespace

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
