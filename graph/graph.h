// The property graph of relgraph: entities, typed directed relations between them, and the
// evidence (document, sentence, date) behind every relation. It knows nothing of SQLite, JSON
// or DOT; the store loads it, importers feed it, query/ and export/ read it.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/index_table.h"

namespace relgraph {

// Property values are kept as their canonical JSON text ("\"Seoul\"", "42", "[1,2]"), so any
// JSON value survives a round trip while this module stays free of a JSON library.
using Properties = std::map<std::string, std::string>;

struct EntityKind {
  std::string name;         // "company"
  std::string description;
};

struct RelationType {
  std::string name;         // "invests_in"
  bool symmetric = false;   // stored once, traversed both ways (partners_with)
  std::string verb;         // "invests in": used to say a relation as a sentence
  std::string description;
};

// The vocabulary of entity kinds and relation types. It comes from data/schema.json (see
// importers.h) and is kept in every store, so users can extend it without touching code.
class Schema {
 public:
  Schema() = default;
  Schema(std::vector<EntityKind> kinds, std::vector<RelationType> relation_types);

  const RelationType* FindRelation(std::string_view name) const;  // nullptr when unknown
  // Position of a relation type in relation_types(): the type code of graph images and views.
  std::optional<size_t> RelationPosition(std::string_view name) const;
  bool HasKind(std::string_view name) const;
  const std::vector<EntityKind>& kinds() const { return kinds_; }
  const std::vector<RelationType>& relation_types() const { return relation_types_; }
  std::string KindNames() const;      // "company, university, ..." for error messages
  std::string RelationNames() const;  // "invests_in, acquires, ..."

 private:
  std::vector<EntityKind> kinds_;
  std::vector<RelationType> relation_types_;
};

struct Entity {
  std::string id;  // stable key, unique in a graph
  std::string name;
  std::string kind;
  std::vector<std::string> aliases;  // any script, NFC, no duplicates by match key
  std::string country;
  std::string description;
  Properties properties;
  bool operator==(const Entity&) const = default;
};

// A source of evidence: an imported file, an article or a referenced publication.
struct Document {
  std::string id;  // stable key: a URL, a title, or "file:NAME#HASH" for imported files
  std::string title;
  std::string url;
  std::string date;
  std::string lang;
  bool operator==(const Document&) const = default;
};

// One statement of a relation in one document.
struct Evidence {
  std::string document;   // Document::id
  std::string sentence;   // the sentence stating the fact (may be empty for bare data rows)
  std::string date;       // when the source stated it: YYYY, YYYY-MM or YYYY-MM-DD
  std::string locator;    // where in the document: "relations.csv:12", "chars 120-164"
  std::string extractor;  // what produced it: "csv", "json", "article:<rule>"
  double confidence = 1.0;
  bool operator==(const Evidence&) const = default;
};

// The line L of a locator "NAME:L" of evidence citing document "file:NAME" (L a positive
// integer without sign or leading zeros), else nothing: the evidence of a bulk CSV line, which
// the store keeps as a line number.
std::optional<int64_t> LineOfFileLocator(std::string_view document, std::string_view locator);

struct Relation {
  std::string source;  // entity ids
  std::string target;
  std::string type;    // a RelationType name
  double weight = 1.0; // strength; finite and > 0
  std::string date;    // when the fact began: YYYY, YYYY-MM or YYYY-MM-DD, or empty
  Properties properties;
  std::vector<Evidence> evidence;
  bool operator==(const Relation&) const = default;
};

// Identity of a relation: the same (source, type, target) fact is one relation. For a
// symmetric type the two ids are put in order, so "A partners_with B" and "B partners_with A"
// are the same fact.
struct RelationKey {
  std::string source;
  std::string type;
  std::string target;
  auto operator<=>(const RelationKey&) const = default;
};
RelationKey KeyOf(const Relation& relation, const Schema& schema);
// The same key as views of the relation's own strings: sorting or hashing a million relations by
// key copies no text. Valid while the relation is.
struct RelationKeyView {
  std::string_view source, type, target;
  auto operator<=>(const RelationKeyView&) const = default;
};
RelationKeyView KeyViewOf(const Relation& relation, const Schema& schema);
// Hashes for tables keyed by entity or document id, and by relation key given as its parts.
size_t HashId(std::string_view id);
size_t HashRelationKey(std::string_view source, std::string_view type, std::string_view target);

// Identity of an evidence record within its relation.
bool SameStatement(const Evidence& a, const Evidence& b);

using EntityIndex = uint32_t;
using RelationIndex = uint32_t;

// An in-memory graph. Entities and relations are addressed by dense indices, which stay valid
// while the graph lives (nothing is removed in place). Not thread-safe for writing; concurrent
// reads are fine.
class Graph {
 public:
  explicit Graph(Schema schema = {});

  const Schema& schema() const { return schema_; }
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Relation>& relations() const { return relations_; }
  const std::vector<Document>& documents() const { return documents_; }

  // Adds an entity whose id is new; returns its index. Throws Error(kInternal) on a duplicate
  // id: callers (importers, the store) check identity first.
  EntityIndex AddEntity(Entity entity);
  // Makes room for this many more relations (a bulk import knows how many may come).
  void ReserveRelations(size_t more);
  // Replaces the entity at index; its id must not change.
  void ReplaceEntity(EntityIndex index, Entity entity);
  // Adds a relation between existing entities whose key is new; returns its index. A symmetric
  // relation is stored with source < target (ids), as its key has them.
  RelationIndex AddRelation(Relation relation);
  // The same for a caller that knows the entities at the relation's ends (source and target as
  // given): two lookups fewer per relation in bulk imports. Throws Error(kInternal) when they
  // are not the entities the relation names.
  RelationIndex AddRelation(Relation relation, EntityIndex source, EntityIndex target);
  Relation& MutableRelation(RelationIndex index) { return relations_[index]; }
  // Adds or replaces the document with the same id.
  void PutDocument(Document document);

  std::optional<EntityIndex> FindEntity(std::string_view id) const;
  std::optional<RelationIndex> FindRelation(const RelationKey& key) const;
  const Document* FindDocument(std::string_view id) const;

  // Relations leaving / entering an entity, in insertion order. A symmetric relation is listed
  // under its stored source (out) and stored target (in) like any other.
  std::span<const RelationIndex> OutRelations(EntityIndex entity) const { return out_[entity]; }
  std::span<const RelationIndex> InRelations(EntityIndex entity) const { return in_[entity]; }

  size_t EvidenceCount() const;

 private:
  std::optional<RelationIndex> FindRelation(size_t hash, std::string_view source, std::string_view type,
                                            std::string_view target) const;

  Schema schema_;
  std::vector<Entity> entities_;
  std::vector<Relation> relations_;
  std::vector<Document> documents_;
  // Entities by id, relations by key, documents by id.
  IndexTable entity_by_id_, relation_by_key_, document_by_id_;
  std::vector<std::vector<RelationIndex>> out_;
  std::vector<std::vector<RelationIndex>> in_;
};

// What an import changes, for the store to write in one transaction: full new states of
// documents, entities and relations (relations without their evidence), and new evidence.
struct ChangeSet {
  std::vector<Document> documents;
  std::vector<Entity> entities;
  // Relations whose key the working graph does not have yet. They are inserted without looking
  // for a stored row first (a wrong claim fails on the store's unique key, undoing the import).
  std::vector<Relation> new_relations;
  // New states of relations that may exist: looked up by key, then changed or replaced.
  std::vector<Relation> relations;
  std::vector<std::pair<RelationKey, Evidence>> evidence;
  bool empty() const {
    return documents.empty() && entities.empty() && new_relations.empty() && relations.empty() && evidence.empty();
  }
};

// Finds entities by id, name or alias, compared by MatchKey (NFC + case folding), as the
// command line and the importers name them. Built once over a graph; the graph must outlive it
// and must not change while it is used.
class EntityLookup {
 public:
  explicit EntityLookup(const Graph& graph);

  // Every entity the text names: an exact id wins alone; otherwise all entities whose id, name
  // or alias has the same match key, in index order.
  std::vector<EntityIndex> Find(std::string_view text) const;

  // The one entity the text names. Throws Error(kNotFound) with up to five near matches when
  // none does, and Error(kInput) listing the candidates with their ids when several do.
  EntityIndex Resolve(std::string_view text) const;

  // Entities whose id, name or alias contains the text (by match key), best first: exact
  // matches, then prefixes, then other substrings; ties by name.
  std::vector<EntityIndex> Search(std::string_view text) const;

  // Up to `limit` entities whose keys are close to the text (edit distance), closest first.
  std::vector<EntityIndex> Suggest(std::string_view text, size_t limit = 5) const;

 private:
  const Graph& graph_;
  std::unordered_map<std::string, std::vector<EntityIndex>> by_key_;
  std::vector<std::pair<std::string, EntityIndex>> keys_;  // every (key, entity) pair
};

// The match keys an entity is found by: those of its id, name and aliases, without empty ones.
std::set<std::string> MatchKeysOf(const Entity& entity);

// Dates: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. Returns an explanation of
// what is wrong, or nothing when the date is valid.
std::optional<std::string> CheckDate(std::string_view date);

}  // namespace relgraph
