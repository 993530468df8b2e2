// Private to store/: the state behind Store (Store::Impl) and the helpers its stages share.
// The stages, in the order data flows through them:
//   schema.cpp     open a file, create or migrate its schema, the write transaction
//   write.cpp      apply an import's changes (atoms, rows, evidence) in key order
//   derived.cpp    name keys, graph images and counts, written with the rows
//   read.cpp       load the graph or a part of it, as of a snapshot or a date
//   snapshots.cpp  save, delete, restore
//   check.cpp      check and repair
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace relgraph::store {

// The first row's first column of sql, an integer.
int64_t QueryInt(Database& db, const char* sql);
// The UTC time now, formatted by strftime.
std::string UtcNow(const char* format);
// "2023" -> "2023-12-31", "2023-06" -> "2023-06-31": the last day a date can mean, so that
// comparing stored dates (any precision) as text with <= answers "on or before".
std::string EndOfPeriod(const std::string& date);
// first_seen (schema 7) is a day number: days since 1970-01-01. The UTC day now, and a day's
// date as YYYY-MM-DD.
int64_t TodayNumber();
std::string DateOfDay(int64_t day);
// Weights (schema 7): one of at most two decimals is stored as the integer of its hundredths,
// any other as a real. Binds a weight so; the SQL that reads column weight of alias t back.
void BindWeight(Statement& statement, int index, double weight);
std::string WeightOf(const std::string& alias);
// The match keys stored for an entity (entity_keys): MatchKeysOf but the one equal to its id
// (schema 7), which the entity is found by through its id (FindEntityIds looks the key up as an
// id as well). Generated ids ("org_000123", "naver") are their own key: 100k keys fewer on M.
std::set<std::string> StoredKeysOf(const Entity& entity);
// Visibility of a versioned row (columns since/until of table alias t).
std::string Visible(const std::string& alias, bool at_version, const std::string& parameter = "?1");
// Load's rule for documents: a version shows those its evidence cites and those no evidence
// cites at all (described in a JSON import alone). Uses ?1 for the version when at_version.
std::string DocumentVisible(bool at_version);

// The evidence of a bulk CSV line kept in its relation's row (schema 7): document "file:NAME"
// (its atom), locator "NAME:line", no sentence, extractor csv, confidence 1.
struct LineEvidence {
  int64_t document = 0;
  int64_t line = 0;
  std::string date;
};

struct Store::Impl {
  Impl(const std::string& path, int flags, const std::string& open_as) : db(path, flags, open_as) {}
  Database db;
  Schema schema;
  int64_t head = 1;  // version number of the working graph

  void CreateSchema(const Schema& vocabulary);
  void Migrate(int64_t from_version);
  void LoadSchema();
  int64_t ReadHead();
  void WriteHead(int64_t value);
  // Only the entities with the given ids (and relations among them) when ids is set; no
  // relations, evidence or documents when entities_only.
  struct Scope {
    const std::vector<std::string>* ids = nullptr;
    bool entities_only = false;
  };
  Graph LoadVersion(std::optional<int64_t> version, const std::string& as_of, const Scope& scope);
  Topology BuildTopology(std::optional<int64_t> version);
  void WriteImage(int64_t image_version, std::optional<int64_t> visible_version);
  // The counts of a version (schema 5), computed from its rows and its topology.
  Counts ComputeCounts(std::optional<int64_t> visible_version, const Topology& topology);
  void WriteCounts(int64_t counts_version, std::optional<int64_t> visible_version, const Topology& topology);
  void PutCounts(int64_t counts_version, const Counts& counts);
  // The stored counts of a version, or nothing when there are none (or they are damaged).
  std::optional<Counts> StoredCounts(int64_t version);
  bool has_counts = false;  // the store has table graph_counts (schema 5 or later)
  // The version a read is of (none: the working graph); Error(kNotFound) naming the saved
  // snapshots when there is no snapshot of that name.
  std::optional<int64_t> VersionOf(const ReadOptions& options);
  SnapshotInfo FindSnapshot(const std::string& name);
  // Runs the migrations from schema `version` to kSchemaVersion (inside the caller's
  // transaction), then writes what they leave to compute from the rows.
  void RunMigrations(int64_t version);
  // Writes the graph image and counts of the working graph and of every snapshot afresh.
  void RebuildImages();
  void WriteKeys(int64_t row, const Entity& entity);
  // Every entity row (any version) with its id, name and aliases only.
  std::vector<std::pair<int64_t, Entity>> EntityNames();
  // What Apply changed of the working graph, for its image: on commit a small change is applied
  // to the image, a large one (or one the image cannot take) rebuilds it from the rows.
  bool graph_changed = false;
  bool image_rebuild = false;
  TopologyChange image_change;
  void UpdateImage();
  std::vector<SnapshotInfo> Snapshots();
  void PutEntity(const Entity& entity);
  // Puts a relation's new state: inserted, changed in place, or its old row closed and a new
  // one inserted.
  void PutRelation(const Relation& relation);
  // Inserts a live row for a relation whose key has none, with the evidence of the bulk CSV
  // line it keeps (schema 7) when line is set.
  void InsertRelation(int64_t source, int64_t type, int64_t target, const Relation& relation, std::optional<int64_t> first_seen,
                      const LineEvidence* line = nullptr);
  // The evidence as a relation row keeps it, when it says only "line L of an imported file".
  std::optional<LineEvidence> LineEvidenceOf(const Evidence& evidence);
  int64_t last_line_document = 0;
  // The properties of the relation row (source, type, target, head).
  void InsertRelationProperties(int64_t source, int64_t type, int64_t target, const Properties& properties);
  // Throws Error(kStorage) when the key has a live row already, or (after a large write) when
  // any live key has two: what a unique index on live keys would refuse.
  void CheckNewRelation(int64_t source, int64_t type, int64_t target);
  void CheckLiveKeysUnique();  // the last document put in line_documents by this transaction
  int64_t today = 0;  // UTC day number of the write in progress, the first_seen of new relations
  void InsertEvidence(int64_t source, int64_t type, int64_t target, const Evidence& evidence);
  // A large write into a smaller store drops the indexes of relation and evidence rows and
  // builds them again once the rows are in (inside the write transaction): one sort each instead
  // of a B-tree insert per row. relations_live comes back first (only_relations_live).
  std::vector<std::pair<std::string, std::string>> DropRowIndexes();
  void RecreateRowIndexes(const std::vector<std::pair<std::string, std::string>>& dropped, bool only_relations_live);
  void CollectGarbage();
  // Drops from line_documents the documents no relation row cites any more.
  void ForgetLineDocuments();
  void Transaction(const std::function<void()>& fn);

  std::unique_ptr<Statement> find_entity, close_entity, insert_entity, update_entity, delete_aliases, insert_alias,
      delete_entity_properties, insert_entity_property, find_relation, close_relation, insert_relation,
      update_relation, delete_relation_properties, insert_relation_property, insert_evidence, put_document, insert_key,
      delete_keys, insert_line_document;
  void Prepare();
  // The number of a text in atoms (schema 6), added when it has none. Numbers are cached for
  // the transaction in progress (a rolled back one may take its new atoms with it).
  int64_t Atom(std::string_view text);
  std::unique_ptr<Statement> find_atom, insert_atom;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, int64_t, TextHash, std::equal_to<>> atom_cache;
  std::pair<std::string, int64_t> last_atom{"", 0};
  // A statement prepared once per store and kept; callers Reset() it when done with it, so it
  // holds no read lock between uses.
  Statement& Cached(const std::string& sql);
  std::map<std::string, std::unique_ptr<Statement>> cached;
};

}  // namespace relgraph::store
