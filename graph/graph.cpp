#include "graph/graph.h"

#include <algorithm>
#include <charconv>

#include "common/error.h"

namespace relgraph {

std::optional<int64_t> LineOfFileLocator(std::string_view document, std::string_view locator) {
  if (!document.starts_with("file:")) return std::nullopt;
  std::string_view name = document.substr(5);
  if (locator.size() <= name.size() + 1 || !locator.starts_with(name) || locator[name.size()] != ':') return std::nullopt;
  std::string_view digits = locator.substr(name.size() + 1);
  if (digits.size() > 18 || digits[0] == '0') return std::nullopt;
  int64_t line = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    line = line * 10 + (c - '0');
  }
  return line;
}

Schema::Schema(std::vector<EntityKind> kinds, std::vector<RelationType> relation_types)
    : kinds_(std::move(kinds)), relation_types_(std::move(relation_types)) {}

const RelationType* Schema::FindRelation(std::string_view name) const {
  for (const RelationType& type : relation_types_) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

std::optional<size_t> Schema::RelationPosition(std::string_view name) const {
  for (size_t position = 0; position < relation_types_.size(); ++position) {
    if (relation_types_[position].name == name) return position;
  }
  return std::nullopt;
}

bool Schema::HasKind(std::string_view name) const {
  return std::any_of(kinds_.begin(), kinds_.end(), [&](const EntityKind& k) { return k.name == name; });
}

std::string Schema::KindNames() const {
  std::string out;
  for (const EntityKind& kind : kinds_) out += (out.empty() ? "" : ", ") + kind.name;
  return out;
}

std::string Schema::RelationNames() const {
  std::string out;
  for (const RelationType& type : relation_types_) out += (out.empty() ? "" : ", ") + type.name;
  return out;
}

RelationKeyView KeyViewOf(const Relation& relation, const Schema& schema) {
  const RelationType* type = schema.FindRelation(relation.type);
  if (type != nullptr && type->symmetric && relation.target < relation.source) {
    return {relation.target, relation.type, relation.source};
  }
  return {relation.source, relation.type, relation.target};
}

RelationKey KeyOf(const Relation& relation, const Schema& schema) {
  RelationKeyView key = KeyViewOf(relation, schema);
  return {std::string(key.source), std::string(key.type), std::string(key.target)};
}

bool SameStatement(const Evidence& a, const Evidence& b) {
  // The locator differs soonest (one per sentence of a document), the sentence is the longest.
  return a.locator == b.locator && a.document == b.document && a.sentence == b.sentence;
}

Graph::Graph(Schema schema) : schema_(std::move(schema)) {}

EntityIndex Graph::AddEntity(Entity entity) {
  if (FindEntity(entity.id)) throw Error(ErrorKind::kInternal, "entity id added twice: " + entity.id);
  auto index = static_cast<EntityIndex>(entities_.size());
  entity_by_id_.Insert(HashId(entity.id), index);
  entities_.push_back(std::move(entity));
  out_.emplace_back();
  in_.emplace_back();
  return index;
}

void Graph::ReplaceEntity(EntityIndex index, Entity entity) {
  if (entities_.at(index).id != entity.id) throw Error(ErrorKind::kInternal, "entity id changed");
  entities_[index] = std::move(entity);
}

RelationIndex Graph::AddRelation(Relation relation) {
  auto source = FindEntity(relation.source);
  auto target = FindEntity(relation.target);
  if (!source || !target) {
    throw Error(ErrorKind::kInternal, "relation between unknown entities: " + relation.source + " -> " + relation.target);
  }
  return AddRelation(std::move(relation), *source, *target);
}

RelationIndex Graph::AddRelation(Relation relation, EntityIndex source, EntityIndex target) {
  if (source >= entities_.size() || target >= entities_.size() || entities_[source].id != relation.source ||
      entities_[target].id != relation.target) {
    throw Error(ErrorKind::kInternal, "relation ends do not match their entities: " + relation.source + " -> " + relation.target);
  }
  // Symmetric relations are kept with their ends in id order, the same order as KeyOf.
  const RelationType* type = schema_.FindRelation(relation.type);
  if (type != nullptr && type->symmetric && relation.target < relation.source) {
    std::swap(relation.source, relation.target);
    std::swap(source, target);
  }
  auto index = static_cast<RelationIndex>(relations_.size());
  // Stored with its ends in key order, a relation is its own key.
  size_t hash = HashRelationKey(relation.source, relation.type, relation.target);
  if (FindRelation(hash, relation.source, relation.type, relation.target)) {
    throw Error(ErrorKind::kInternal, "relation added twice: " + relation.source + " " + relation.type + " " + relation.target);
  }
  relation_by_key_.Insert(hash, index);
  relations_.push_back(std::move(relation));
  out_[source].push_back(index);
  in_[target].push_back(index);
  return index;
}

void Graph::ReserveRelations(size_t more) {
  relations_.reserve(relations_.size() + more);
  relation_by_key_.Reserve(relations_.size() + more);
}

void Graph::PutDocument(Document document) {
  size_t hash = HashId(document.id);
  auto same_id = [&](uint32_t index) { return documents_[index].id == document.id; };
  if (auto index = document_by_id_.Find(hash, same_id)) {
    documents_[*index] = std::move(document);
    return;
  }
  document_by_id_.Insert(hash, static_cast<uint32_t>(documents_.size()));
  documents_.push_back(std::move(document));
}

std::optional<EntityIndex> Graph::FindEntity(std::string_view id) const {
  return entity_by_id_.Find(HashId(id), [&](uint32_t index) { return entities_[index].id == id; });
}

size_t HashId(std::string_view id) { return std::hash<std::string_view>{}(id); }

size_t HashRelationKey(std::string_view source, std::string_view type, std::string_view target) {
  std::hash<std::string_view> hash;
  size_t h = hash(source);
  h = h * 0x9E3779B97F4A7C15ULL ^ hash(type);
  h = h * 0x9E3779B97F4A7C15ULL ^ hash(target);
  return h ^ (h >> 29);
}

std::optional<RelationIndex> Graph::FindRelation(const RelationKey& key) const {
  return FindRelation(HashRelationKey(key.source, key.type, key.target), key.source, key.type, key.target);
}

std::optional<RelationIndex> Graph::FindRelation(size_t hash, std::string_view source, std::string_view type,
                                                 std::string_view target) const {
  return relation_by_key_.Find(hash, [&](uint32_t index) {
    const Relation& relation = relations_[index];
    return relation.source == source && relation.target == target && relation.type == type;
  });
}

const Document* Graph::FindDocument(std::string_view id) const {
  auto index = document_by_id_.Find(HashId(id), [&](uint32_t at) { return documents_[at].id == id; });
  return index ? &documents_[*index] : nullptr;
}

size_t Graph::EvidenceCount() const {
  size_t count = 0;
  for (const Relation& relation : relations_) count += relation.evidence.size();
  return count;
}

std::optional<std::string> CheckDate(std::string_view date) {
  auto number = [&](size_t pos, size_t len, int* out) {
    if (pos + len > date.size()) return false;
    for (size_t i = pos; i < pos + len; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
    }
    std::from_chars(date.data() + pos, date.data() + pos + len, *out);
    return true;
  };
  int year = 0, month = 0, day = 0;
  bool shape = (date.size() == 4 || date.size() == 7 || date.size() == 10) && number(0, 4, &year) &&
               (date.size() == 4 || (date[4] == '-' && number(5, 2, &month))) &&
               (date.size() <= 7 || (date[7] == '-' && number(8, 2, &day)));
  if (!shape) return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
  if (date.size() >= 7 && (month < 1 || month > 12)) return "month " + std::to_string(month) + " does not exist";
  if (date.size() == 10) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int days = (month == 2 && !leap) ? 28 : kDays[month - 1];
    if (day < 1 || day > days) return "day " + std::to_string(day) + " does not exist in " + std::string(date.substr(0, 7));
  }
  return std::nullopt;
}

}  // namespace relgraph
