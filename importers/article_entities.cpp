// Entities in articles: the catalog of known names (store + lexicon + discovered), the
// gazetteer that finds them at word boundaries, and Korean particles after names.
#include <cctype>
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "common/error.h"
#include "common/text.h"
#include "importers/article_internal.h"
#include "importers/csv_reader.h"
#include "importers/fields.h"

namespace relgraph::importers::article {

// ---- Korean particles ---------------------------------------------------------------------

namespace {

struct Particle {
  std::string_view text;
  Role role;
};

// Longest first where one is a prefix of another. Suffixes 사 (company), 측 (side) and 들
// (plural) carry no role of their own; 장 (head of) turns "LG AI연구원장" into a title.
constexpr Particle kParticles[] = {
    {"으로부터", Role::kFrom}, {"로부터", Role::kFrom}, {"에게서", Role::kFrom}, {"한테서", Role::kFrom},
    {"에서부터", Role::kFrom}, {"에서는", Role::kFrom}, {"에서도", Role::kFrom}, {"에서의", Role::kGenitive}, {"에서", Role::kFrom},
    {"에게는", Role::kDative}, {"에게도", Role::kDative}, {"에게", Role::kDative}, {"한테", Role::kDative},
    {"에는", Role::kDative}, {"에도", Role::kDative}, {"에의", Role::kGenitive}, {"에", Role::kDative}, {"엔", Role::kDative},
    {"께서는", Role::kSubject}, {"께서", Role::kSubject},
    {"와는", Role::kWith}, {"과는", Role::kWith}, {"와도", Role::kWith}, {"과도", Role::kWith}, {"와의", Role::kWith},
    {"과의", Role::kWith}, {"와", Role::kWith}, {"과", Role::kWith}, {"하고", Role::kWith}, {"이랑", Role::kWith}, {"랑", Role::kWith},
    {"이나", Role::kNone}, {"나", Role::kNone},
    {"으로는", Role::kMeans}, {"으로서", Role::kNone}, {"으로써", Role::kNone}, {"으로", Role::kMeans}, {"로는", Role::kMeans},
    {"로서", Role::kNone}, {"로써", Role::kNone}, {"로", Role::kMeans},
    {"의", Role::kGenitive},
    {"은", Role::kSubject}, {"는", Role::kSubject}, {"이", Role::kSubject}, {"가", Role::kSubject}, {"도", Role::kSubject},
    {"만", Role::kSubject},
    {"을", Role::kObject}, {"를", Role::kObject},
    {"까지", Role::kNone}, {"부터", Role::kNone}, {"보다", Role::kNone}, {"처럼", Role::kNone}, {"만큼", Role::kNone},
    {"조차", Role::kNone}, {"마저", Role::kNone},
    {"이었던", Role::kNone}, {"였던", Role::kNone}, {"이던", Role::kNone}, {"이라는", Role::kNone}, {"라는", Role::kNone},
    {"이란", Role::kNone}, {"란", Role::kNone}, {"이라고", Role::kNone}, {"라고", Role::kNone}, {"이다", Role::kNone},
    {"이며", Role::kNone}, {"이고", Role::kNone}, {"이자", Role::kNone}, {"였다", Role::kNone}, {"인", Role::kNone},
    {"입니다", Role::kNone}, {"이었다", Role::kNone}, {"이었으며", Role::kNone},
    {"다", Role::kNone},
    {"사", Role::kNone}, {"측", Role::kNone}, {"들", Role::kNone}, {"장", Role::kTitle},
};

bool IsCopula(std::string_view particle) {
  static constexpr std::string_view kCopulas[] = {"이었던", "였던", "이던", "이라는", "라는", "이란", "란", "이라고", "라고", "이다", "이며",
                                                  "이고", "이자", "였다", "인", "입니다", "이었다", "이었으며", "다"};
  return std::find(std::begin(kCopulas), std::end(kCopulas), particle) != std::end(kCopulas);
}

bool ParseChain(std::string_view tail, int depth, Role* role, bool* any_role) {
  if (tail.empty()) return true;
  if (depth == 3) return false;
  for (const Particle& particle : kParticles) {
    if (!tail.starts_with(particle.text)) continue;
    // 장 only right after the name ("연구원장"), never after another particle.
    if (particle.role == Role::kTitle && depth != 0) continue;
    // A copula ends the word: "휴메인에" is no "휴메" + "인에".
    if (IsCopula(particle.text) && tail.size() != particle.text.size()) continue;
    Role inner = *role;
    bool inner_any = *any_role;
    if (particle.role != Role::kNone) {
      inner = particle.role;
      inner_any = true;
    }
    if (ParseChain(tail.substr(particle.text.size()), depth + 1, &inner, &inner_any)) {
      // A title keeps its role even when particles follow ("연구원장은").
      if (!(*role == Role::kTitle)) *role = (particle.role == Role::kTitle) ? Role::kTitle : inner;
      *any_role = inner_any;
      return true;
    }
  }
  return false;
}

}  // namespace

bool ParseParticles(std::string_view tail, Role* role, std::string* particles) {
  Role found = Role::kNone;
  bool any = false;
  if (!ParseChain(tail, 0, &found, &any)) return false;
  *role = found;
  *particles = std::string(tail);
  return true;
}

bool IsKoreanParticleWord(std::string_view word) {
  size_t end = 0;
  while (end < word.size()) {
    char32_t cp = 0;
    size_t len = DecodeAt(word, end, &cp);
    if (!IsHangul(cp) || end + len > word.size()) break;
    end += len;
  }
  Role role;
  std::string particles;
  return ParseParticles(word.substr(0, end), &role, &particles);
}

// ---- Gazetteer ----------------------------------------------------------------------------

namespace {

bool SkippableSpace(unsigned char byte) { return byte == ' '; }

unsigned char Fold(unsigned char byte) { return (byte >= 'A' && byte <= 'Z') ? static_cast<unsigned char>(byte + 32) : byte; }

// Chinese characters after which a short Chinese name may start (the name does not continue
// a longer word): conjunctions, prepositions, particles, and the last characters of verbs that
// take a name as their object (包括, 拥有, 携手, 获, 获得, 联合), and the words for former and
// current before a name (原美团, 前百度, 现任).
bool IsChineseFunctionChar(char32_t cp) {
  static const std::u32string_view kChars = U"与和及暨、同跟在由被向对將将把是为為从從给給让讓并並且或也都其据據称稱于於以至到等了的着過过之而即如但就则則又还還已曾再任购資资持入作自括含有获獲手得合原前现現";
  return kChars.find(cp) != std::u32string_view::npos;
}

size_t PreviousCodePoint(std::string_view text, size_t i, char32_t* cp) {
  size_t start = i;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
  DecodeAt(text, start, cp);
  return start;
}

}  // namespace

int Gazetteer::Child(int node, unsigned char byte) const {
  const auto& children = nodes_[static_cast<size_t>(node)].children;
  auto it = std::lower_bound(children.begin(), children.end(), std::make_pair(byte, -1));
  return it != children.end() && it->first == byte ? it->second : -1;
}

void Gazetteer::Add(std::string_view surface, int entity) {
  int node = 0;
  size_t bytes = 0;
  for (unsigned char byte : surface) {
    if (SkippableSpace(byte)) continue;
    byte = Fold(byte);
    int next = Child(node, byte);
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.emplace_back();
      auto& children = nodes_[static_cast<size_t>(node)].children;
      children.insert(std::lower_bound(children.begin(), children.end(), std::make_pair(byte, -1)), {byte, next});
    }
    node = next;
    ++bytes;
  }
  if (bytes < 2) return;
  auto& entries = nodes_[static_cast<size_t>(node)].entries;
  for (const auto& entry : entries) {
    if (entry.first == entity) return;
  }
  entries.emplace_back(entity, std::string(surface));
}

bool StartsAdjectivalSuffix(std::string_view text) {
  for (std::string_view suffix : {"backed", "owned", "based", "led", "funded", "made", "developed", "affiliated", "controlled", "founded",
                                  "built", "powered", "operated", "run", "supported", "maker", "creator", "developer"}) {
    if (text.starts_with(suffix) && (text.size() == suffix.size() || !IsAsciiAlnum(static_cast<unsigned char>(text[suffix.size()])))) return true;
  }
  return false;
}

std::vector<Mention> Gazetteer::Find(std::string_view text, Lang lang, const std::vector<std::string>& openers) const {
  std::vector<Mention> mentions;
  for (size_t i = 0; i < text.size();) {
    char32_t first = 0;
    size_t first_len = DecodeAt(text, i, &first);
    if (first == ' ' || Child(0, Fold(static_cast<unsigned char>(text[i]))) < 0) {
      i += first_len;
      continue;
    }
    char32_t before = 0;
    if (i > 0) PreviousCodePoint(text, i, &before);
    bool start_ok = true;
    if (i > 0) {
      if (IsAsciiAlnum(first) && IsAsciiAlnum(before)) start_ok = false;
      if (IsHangul(first) && IsHangul(before)) start_ok = false;
    }
    Mention best;
    if (start_ok) {
      int node = 0;
      for (size_t j = i; j < text.size();) {
        unsigned char byte = static_cast<unsigned char>(text[j]);
        if (SkippableSpace(byte) && j > i) {
          ++j;
          continue;
        }
        node = Child(node, Fold(byte));
        if (node < 0) break;
        ++j;
        const Node& here = nodes_[static_cast<size_t>(node)];
        if (here.entries.empty() || (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80)) continue;
        // Candidate name text[i, j): check what follows.
        char32_t last = 0;
        PreviousCodePoint(text, j, &last);
        char32_t next = 0;
        size_t next_len = j < text.size() ? DecodeAt(text, j, &next) : 0;
        size_t word_end = j;
        Role role = Role::kNone;
        std::string particles;
        bool end_ok = true;
        if (j < text.size()) {
          if (IsAsciiAlnum(last) && IsAsciiAlnum(next)) end_ok = false;
          if (IsAsciiAlnum(last) && (next == '-' || next == '.') && j + 1 < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[j + 1]))) {
            // "GPT-4" is not "GPT", but "Microsoft-backed" and "Google-owned" name their company.
            end_ok = next == '-' && StartsAdjectivalSuffix(text.substr(j + 1));
          }
          if (IsHangul(next)) {
            size_t run_end = j;
            while (run_end < text.size()) {
              char32_t cp = 0;
              size_t len = DecodeAt(text, run_end, &cp);
              if (!IsHangul(cp)) break;
              run_end += len;
            }
            if (ParseParticles(text.substr(j, run_end - j), &role, &particles)) {
              word_end = run_end;
            } else {
              end_ok = false;
            }
          } else if (lang == Lang::kKorean && (next == U'\'' || next == U'’' || next == U'”' || next == U'"' || next == U'」') && j + next_len < text.size()) {
            // A quoted name: "'갤럭시 링'도": the particles come after the closing quote.
            size_t run_end = j + next_len;
            while (run_end < text.size()) {
              char32_t cp = 0;
              size_t len = DecodeAt(text, run_end, &cp);
              if (!IsHangul(cp)) break;
              run_end += len;
            }
            if (run_end > j + next_len && ParseParticles(text.substr(j + next_len, run_end - j - next_len), &role, &particles)) word_end = run_end;
          } else if (next == '(' && lang == Lang::kKorean) {
            // A gloss: "마이크로소프트(MS)로부터": the particles come after it.
            size_t close = text.find(')', j);
            if (close != std::string_view::npos && close - j < 120) {
              size_t run_end = close + 1;
              while (run_end < text.size()) {
                char32_t cp = 0;
                size_t len = DecodeAt(text, run_end, &cp);
                if (!IsHangul(cp)) break;
                run_end += len;
              }
              if (ParseParticles(text.substr(close + 1, run_end - close - 1), &role, &particles)) word_end = run_end;
            }
          }
          (void)next_len;
        }
        // Short Chinese names must not continue a longer Chinese word, unless an opener ends
        // there: a role noun, 像 "like" or a time word ("老股东阿里", "像谷歌这样的", "同时软银").
        if (end_ok && IsHan(first) && IsHan(before) && CountCodePoints(text.substr(i, j - i)) <= 2 && !IsChineseFunctionChar(before)) {
          const std::string_view head = text.substr(0, i);
          end_ok = std::any_of(openers.begin(), openers.end(), [&](std::string_view opener) { return head.ends_with(opener); });
          // ... or a date written in digits ends there: "4月25日百度推出".
          for (std::string_view unit : {"日", "月", "年", "号"}) {
            end_ok = end_ok || (head.ends_with(unit) && head.size() > unit.size() && std::isdigit(static_cast<unsigned char>(head[head.size() - unit.size() - 1])) != 0);
          }
        }
        if (!end_ok) continue;
        // Case: a name written with a capital needs a capital; one written in lower case
        // ("xAI", "a16z") must be written exactly so, or in capitals throughout ("A16Z").
        int entity = -1;
        for (const auto& [candidate, surface] : here.entries) {
          unsigned char lead = static_cast<unsigned char>(surface[0]);
          if (lead >= 'a' && lead <= 'z') {
            std::string written;
            for (char c : text.substr(i, j - i)) {
              if (c != ' ') written += c;
            }
            std::string wanted;
            for (char c : surface) {
              if (c != ' ') wanted += c;
            }
            const bool capitals = std::none_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            std::string upper = wanted;
            for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (written != wanted && !(capitals && written == upper)) continue;
          } else if (lead >= 'A' && lead <= 'Z' && !(IsAsciiUpper(first) || (first >= '0' && first <= '9'))) {
            continue;
          }
          entity = candidate;
          break;
        }
        if (entity < 0) continue;
        best.begin = i;
        best.end = j;
        best.word_end = word_end;
        best.entity = entity;
        best.role = role;
        best.particles = particles;
      }
    }
    if (best.entity >= 0) {
      mentions.push_back(best);
      i = best.word_end;
    } else {
      i += first_len;
    }
  }
  return mentions;
}

// ---- Catalog ------------------------------------------------------------------------------

namespace {

std::string Slug(std::string_view text) {
  std::string slug;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) {
      slug += static_cast<char>(std::tolower(byte));
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
  }
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug;
}

}  // namespace

// The lexicon's part of every catalog, built once per process from the compiled-in CSV.
struct LexiconBase {
  std::vector<CatalogEntity> entities;
  std::unordered_map<std::string, int> by_key;  // MatchKey of id/name/alias/Simplified forms -> entity
  std::unordered_map<std::string, int> by_id;
  std::vector<std::string> name_keys;           // MatchKey of each entity's name
  // Names of two parts or more ("리벨리온 아톰"): MatchKey of one side -> (entity, the other side),
  // in entity order (Catalog::FindQualified).
  std::unordered_map<std::string, std::vector<std::pair<int, std::string>>> qualified;
  Gazetteer gazetteer;
};

namespace {

// Name, aliases and their Simplified forms where they differ.
std::vector<std::string> Surfaces(const Entity& entity) {
  std::vector<std::string> surfaces = {entity.name};
  surfaces.insert(surfaces.end(), entity.aliases.begin(), entity.aliases.end());
  size_t written = surfaces.size();
  for (size_t i = 0; i < written; ++i) {
    std::string folded = FoldToSimplified(surfaces[i]);
    if (folded != surfaces[i]) surfaces.push_back(std::move(folded));
  }
  return surfaces;
}

// Every name of the entity that has a space, split at its first space: visit(MatchKey(tail), head)
// and visit(MatchKey(head), tail) ("리벨리온 아톰" is 아톰 qualified by 리벨리온).
template <typename Visit>
void ForEachQualifiedSplit(const Entity& entity, Visit visit) {
  std::vector<const std::string*> names = {&entity.name};
  for (const std::string& alias : entity.aliases) names.push_back(&alias);
  for (const std::string* full : names) {
    const size_t space = full->find(' ');
    if (space == std::string::npos) continue;
    std::string head = full->substr(0, space), tail = full->substr(space + 1);
    visit(MatchKey(tail), head);
    visit(MatchKey(head), tail);
  }
}

std::unique_ptr<LexiconBase> BuildLexicon(std::string_view lexicon_csv) {
  auto base = std::make_unique<LexiconBase>();
  CsvReader reader("data/lexicon.csv", lexicon_csv);
  std::vector<CsvField> fields;
  std::vector<std::string> header;
  auto column = [&](std::string_view name) -> int {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
  };
  if (reader.Next(&fields)) {
    for (const CsvField& field : fields) header.push_back(field.value);
  }
  int id_col = column("id"), name_col = column("name"), kind_col = column("kind"), aliases_col = column("aliases"),
      country_col = column("country"), description_col = column("description");
  if (id_col < 0 || name_col < 0 || kind_col < 0) throw Error(ErrorKind::kInternal, "data/lexicon.csv lacks id,name,kind");
  auto value = [&](int col) { return col >= 0 && static_cast<size_t>(col) < fields.size() ? ToNfc(fields[static_cast<size_t>(col)].value) : std::string(); };
  while (reader.Next(&fields)) {
    Entity entity;
    entity.id = value(id_col);
    entity.name = value(name_col);
    entity.kind = value(kind_col);
    entity.country = value(country_col);
    entity.description = value(description_col);
    std::string aliases = value(aliases_col);
    for (size_t start = 0; start <= aliases.size();) {
      size_t bar = aliases.find('|', start);
      if (bar == std::string::npos) bar = aliases.size();
      std::string alias(TrimSpace(std::string_view(aliases).substr(start, bar - start)));
      if (!alias.empty()) importers::AddAlias(&entity, alias);
      start = bar + 1;
    }
    if (base->by_id.count(entity.id) != 0) continue;  // a duplicate row
    int index = static_cast<int>(base->entities.size());
    base->by_id.emplace(entity.id, index);
    base->by_key.emplace(MatchKey(entity.id), index);
    for (const std::string& surface : Surfaces(entity)) {
      base->by_key.emplace(MatchKey(surface), index);
      base->gazetteer.Add(surface, index);
    }
    base->name_keys.push_back(MatchKey(entity.name));
    ForEachQualifiedSplit(entity, [&](const std::string& key, std::string qualifier) { base->qualified[key].emplace_back(index, std::move(qualifier)); });
    base->entities.push_back({std::move(entity), false, false, {}});
  }
  return base;
}

const LexiconBase& Lexicon(std::string_view lexicon_csv) {
  static std::mutex mutex;
  static std::map<std::pair<const char*, size_t>, std::unique_ptr<const LexiconBase>> built;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = built[{lexicon_csv.data(), lexicon_csv.size()}];
  if (!slot) slot = BuildLexicon(lexicon_csv);
  return *slot;
}

}  // namespace

Catalog::Catalog(const Graph& graph, std::string_view lexicon_csv)
    : base_(&Lexicon(lexicon_csv)), base_size_(static_cast<int>(base_->entities.size())), gazetteer_(std::make_unique<Gazetteer>()) {
  for (const Entity& entity : graph.entities()) AddOwn({entity, true, false, {}});
  if (own_.empty()) return;
  // A lexicon entry the store already has (same id, or its name names a stored entity) stands
  // for the stored entity.
  for (int index = 0; index < base_size_; ++index) {
    const Entity& entity = base_->entities[static_cast<size_t>(index)].entity;
    int existing = -1;
    if (auto it = by_id_.find(entity.id); it != by_id_.end()) existing = it->second;
    if (auto it = by_key_.find(base_->name_keys[static_cast<size_t>(index)]); existing < 0 && it != by_key_.end()) existing = it->second;
    if (existing < 0) continue;
    if (redirect_.empty()) redirect_.assign(static_cast<size_t>(base_size_), -1);
    redirect_[static_cast<size_t>(index)] = existing;
  }
}

Catalog::~Catalog() = default;

int Catalog::size() const { return base_size_ + static_cast<int>(own_.size()); }

int Catalog::Canonical(int index) const {
  if (index >= 0 && index < base_size_ && !redirect_.empty() && redirect_[static_cast<size_t>(index)] >= 0) return redirect_[static_cast<size_t>(index)];
  return index;
}

void Catalog::SetDiscoveredKind(int entity, const std::string& kind) {
  entity = Canonical(entity);
  if (entity < base_size_) return;
  CatalogEntity& own = own_[static_cast<size_t>(entity - base_size_)];
  if (own.discovered) own.entity.kind = kind;
}

const CatalogEntity& Catalog::at(int index) const {
  index = Canonical(index);
  return index < base_size_ ? base_->entities[static_cast<size_t>(index)] : own_[static_cast<size_t>(index - base_size_)];
}

int Catalog::AddOwn(CatalogEntity entry) {
  own_.push_back(std::move(entry));
  int index = size() - 1;
  by_id_.emplace(own_.back().entity.id, index);
  AddNames(index);
  return index;
}

void Catalog::AddNames(int index) {
  const Entity& entity = own_[static_cast<size_t>(index - base_size_)].entity;
  by_key_.emplace(MatchKey(entity.id), index);
  for (const std::string& surface : Surfaces(entity)) {
    by_key_.emplace(MatchKey(surface), index);
    gazetteer_->Add(surface, index);
  }
}

std::vector<Mention> Catalog::FindMentions(std::string_view sentence, Lang lang, const std::vector<std::string>& openers) const {
  std::vector<Mention> found = base_->gazetteer.Find(sentence, lang, openers);
  for (Mention& mention : found) mention.entity = Canonical(mention.entity);
  if (own_.empty()) return found;
  // The longest name wins where the two parts overlap; at equal spans the catalog's own
  // (the store's, the article's) wins.
  std::vector<Mention> own = gazetteer_->Find(sentence, lang, openers);
  found.insert(found.begin(), own.begin(), own.end());
  std::stable_sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Mention> kept;
  for (Mention& mention : found) {
    if (kept.empty() || mention.begin >= kept.back().word_end) kept.push_back(std::move(mention));
  }
  return kept;
}

int Catalog::FindByName(std::string_view name) const {
  for (const std::string& key : {MatchKey(name), MatchKey(FoldToSimplified(name))}) {
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    if (auto it = base_->by_key.find(key); it != base_->by_key.end()) return Canonical(it->second);
  }
  return -1;
}

bool Catalog::IdTaken(const std::string& id) const {
  std::string key = MatchKey(id);
  return by_id_.count(id) != 0 || by_key_.count(key) != 0 || base_->by_id.count(id) != 0 || base_->by_key.count(key) != 0;
}

int Catalog::AddDiscovered(const std::string& name, const std::string& kind, const std::vector<std::string>& aliases,
                           const std::string& id_hint) {
  int known = FindByName(name);
  if (known >= 0) return known;
  for (const std::string& alias : aliases) {
    known = FindByName(alias);
    if (known >= 0) {
      AddAlias(known, name);
      return Canonical(known);
    }
  }
  std::string base = Slug(id_hint);
  if (base.empty()) base = Slug(name);
  if (base.empty()) base = name;
  std::string id = base;
  for (int suffix = 2; IdTaken(id); ++suffix) id = base + "_" + std::to_string(suffix);
  CatalogEntity discovered;
  discovered.entity.id = id;
  discovered.entity.name = name;
  discovered.entity.kind = kind;
  for (const std::string& alias : aliases) importers::AddAlias(&discovered.entity, alias);
  discovered.discovered = true;
  return AddOwn(std::move(discovered));
}

int Catalog::FindQualified(std::string_view name, const std::vector<int>& context) const {
  const std::string key = MatchKey(name);
  auto in_context = [&](const std::string& qualifier) {
    const int named = FindByName(qualifier);
    return named >= 0 && std::find(context.begin(), context.end(), named) != context.end();
  };
  // The lexicon's entities through their index, then the catalog's own (few) one by one.
  if (auto found = base_->qualified.find(key); found != base_->qualified.end()) {
    for (const auto& [index, qualifier] : found->second) {
      if (Canonical(index) == index && in_context(qualifier)) return index;
    }
  }
  for (int index = base_size_; index < size(); ++index) {
    int match = -1;
    ForEachQualifiedSplit(at(index).entity, [&](const std::string& split_key, const std::string& qualifier) {
      if (match < 0 && split_key == key && in_context(qualifier)) match = index;
    });
    if (match >= 0) return match;
  }
  return -1;
}

void Catalog::AddAlias(int index, const std::string& alias) {
  if (alias.empty() || FindByName(alias) >= 0) return;
  index = Canonical(index);
  if (index < base_size_) {
    // A lexicon entity learns an alias: the catalog's own copy stands for it from now on.
    int lexicon_index = index;
    CatalogEntity copy = base_->entities[static_cast<size_t>(lexicon_index)];
    own_.push_back(std::move(copy));
    index = size() - 1;
    by_id_.emplace(own_.back().entity.id, index);
    if (redirect_.empty()) redirect_.assign(static_cast<size_t>(base_size_), -1);
    redirect_[static_cast<size_t>(lexicon_index)] = index;
  }
  CatalogEntity& entry = own_[static_cast<size_t>(index - base_size_)];
  importers::AddAlias(&entry.entity, alias);
  entry.new_aliases.push_back(alias);
  by_key_.emplace(MatchKey(alias), index);
  gazetteer_->Add(alias, index);
  std::string folded = FoldToSimplified(alias);
  if (folded != alias) {
    by_key_.emplace(MatchKey(folded), index);
    gazetteer_->Add(folded, index);
  }
}

}  // namespace relgraph::importers::article
