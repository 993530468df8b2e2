// The store: one SQLite file holding the working graph, its vocabulary and its documents.
// This module is the only one that includes sqlite3.h.
//
// Versioned rows. Every entity, relation and evidence row carries the range of graph versions
// in which it exists: [since, until), until NULL while the row is live. The working graph is
// the head version; a later snapshot freezes a version number and moves the head on, so a
// snapshot costs only the rows changed after it. Changing a row of an earlier version closes it
// (until = head) and inserts the new state; a row born in the head version is changed in place.
// Evidence and aliases hang off stable keys (relation key, entity row) so unchanged rows are
// never copied.
//
// Snapshots. `snapshots` maps a name to a frozen version number. Saving records the head
// version under the name and moves the head on (O(1): no rows are copied). Deleting a snapshot
// drops the rows no remaining version can see. Restoring closes the live rows the snapshot
// does not have and revives, as new live rows, the ones it has that are closed.
//
// As-of. Relations carry the date their fact began (`date`) and the UTC date they were first
// imported (`first_seen`); a read "as of D" keeps relations dated on or before D, taking an
// undated relation's date from its earliest dated evidence, else from first_seen.
//
// Graph images and name keys (schema 3). Beside the rows, the store keeps what lets a large
// graph answer without being loaded whole: a compact image of each version's structure
// (store/image.h) and the match keys of entity names (entity_keys), both written in the same
// transaction as the rows. `check` verifies them against the rows. Schema 4 computes the keys
// with width folding (MatchKey's NFKC_Casefold); upgrading from 3 computes every key again.
//
// Counts (schema 5). What `info` prints (entities and relations, by kind and by type, evidence,
// documents) is kept per version in graph_counts, written with the graph image, so `info` reads
// one row instead of counting a million.
//
// Integer keys (schema 6). The text of entity ids, relation type names and document ids is kept
// once, in `atoms`; relation and evidence rows (tables relation_rows, evidence_rows) refer to
// it by number, and the views `relations` and `evidence` show them with their text. An
// evidence record of a bulk CSV line (document "file:NAME", locator "NAME:LINE") stores its
// locator as the integer LINE. Indexes are those reads and writes use: live relation keys
// (unique), relation ends, evidence by relation key and by document.
//
// Compact rows (schema 7). The evidence a relation row was born with, when it is a bare bulk CSV
// line (document "file:NAME", locator "NAME:L", no sentence, extractor csv, confidence 1), is
// kept in the row itself (document atom, line, line_date) instead of an evidence row; it is
// always the relation's first evidence, and the views and every read show it as before.
// relation_rows is a table WITHOUT ROWID keyed by (source, type, target, since), which is a row's
// identity (relation_properties hang off it): no separate key index. first_seen is a day number,
// a weight of at most two decimals is stored as its hundredths, and an entity's name key equal
// to its id is not stored (the id finds it). An import of relations CSVs with --create-missing
// into a store with nothing in it is written by ApplyBulk from flat arrays (graph/bulk.h).
//
// Migrations. PRAGMA user_version is the schema version. Opening a store of an older version
// upgrades it first, in one transaction (all steps or none); one that cannot be written is
// refused with a message saying so, never half-upgraded.
//
// Safety. Every write is one transaction (BEGIN IMMEDIATE ... COMMIT) with synchronous=FULL
// and a write-ahead log (journal_mode=WAL, set by the first read-write open), so a killed
// process leaves either the old or the new state (a WAL without its commit record is ignored);
// a second writer waits (busy timeout) instead of failing. Readers never wait for a writer and
// a writer never waits for readers: a read transaction (BeginRead, `serve`) keeps seeing the
// state it started from. A WAL store in a directory the reader cannot write, with no -wal file
// (so nobody is writing it), is read as an immutable file. Opening checks the SQLite header,
// application_id and schema version, and never writes to a file that is not a relgraph store.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/bulk.h"
#include "graph/graph.h"
#include "graph/topology.h"

namespace relgraph::store {

// 'RGDB' in PRAGMA application_id; schema version in PRAGMA user_version.
constexpr int kApplicationId = 0x52474442;
constexpr int kSchemaVersion = 7;

struct SnapshotInfo {
  std::string name;
  int64_t version = 0;
  std::string created;  // UTC, ISO 8601
  std::string note;
  int64_t entities = 0;
  int64_t relations = 0;
};

// Which graph a read returns: the working graph or a snapshot, optionally as of a date.
struct ReadOptions {
  std::string snapshot;  // empty: the working graph
  std::string as_of;     // empty, YYYY, YYYY-MM or YYYY-MM-DD
  bool entities_only = false;  // no relations, evidence or documents
};

// What `check` found; empty problems means sound.
struct CheckReport {
  int64_t schema_version = 0;
  std::vector<std::string> problems;
};

class Store {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens the store at path. kReadWrite creates it (with the given vocabulary) when the file
  // is missing or empty. Throws Error(kNotFound) when a read-only open finds no file, and
  // Error(kStorage) when the file is not SQLite, belongs to another application, has a newer
  // schema version, or cannot be opened; the file is left untouched in every such case.
  static std::unique_ptr<Store> Open(const std::string& path, Mode mode, const Schema& schema_for_new_store);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;
  // The vocabulary kept in the store.
  const Schema& schema() const;

  // The working graph (or a snapshot, or either as of a date), loaded whole. Entities come
  // ordered by id, relations by key. Throws Error(kNotFound) for an unknown snapshot, naming
  // the saved ones.
  Graph Load(const ReadOptions& options = {}) const;

  // Reading a large graph in parts. The store keeps a graph image (graph/topology.h) of the
  // working graph and of every snapshot, written in the same transaction as the rows it
  // describes; a question is searched on it, and only what the answer prints is loaded.
  //
  // Starts a read transaction that lasts as long as this Store: every read after it sees the
  // same state, whatever writers commit meanwhile (they do not wait for it: WAL). For reads
  // made of several parts.
  void BeginRead();

  // The topology of the working graph or a snapshot (options.as_of must be empty): entity ids
  // ascending, relations in key order, indices as in Load's graph. O(size of the image).
  Topology LoadTopology(const ReadOptions& options = {}) const;
  // The ids of the entities `text` names, as EntityLookup::Find would on the loaded graph: an
  // exact id alone, else every entity whose id, name or alias has the text's match key,
  // ascending. Index lookups only.
  std::vector<std::string> FindEntityIds(std::string_view text, const ReadOptions& options = {}) const;
  // What Load would give restricted to the entities with these ids: them, the relations among
  // them with their evidence and properties, and the documents that evidence cites.
  Graph LoadSubgraph(const std::vector<std::string>& entity_ids, const ReadOptions& options = {}) const;

  // The documents with these ids that Load would give, in id order; ids without one are left
  // out.
  std::vector<Document> FindDocuments(const std::vector<std::string>& ids, const ReadOptions& options = {}) const;
  // Every document Load would give, in id order (options.as_of must be empty).
  std::vector<Document> Documents(const ReadOptions& options = {}) const;
  // Number of entities, by index (without loading them).
  int64_t CountEntities(const ReadOptions& options = {}) const;

  // Evidence records, documents and entities by kind of the working graph or a snapshot (as_of must be
  // empty), counted as Load's graph would have them.
  struct Totals {
    int64_t evidence = 0;
    int64_t documents = 0;
    std::map<std::string, int64_t> entities_by_kind;  // kinds without entities are left out
  };
  Totals Count(const ReadOptions& options = {}) const;

  // Everything `info` prints of the working graph or a snapshot (as_of must be empty): kept
  // per version since schema 5 (table graph_counts, written with the graph image), so this is
  // one row read; counted from the rows when a store has no such row.
  struct Counts {
    int64_t entities = 0;   // as LoadTopology's entity_ids
    int64_t relations = 0;  // as LoadTopology's relations
    int64_t evidence = 0;
    int64_t documents = 0;
    std::map<std::string, int64_t> entities_by_kind;   // kinds without entities are left out
    std::map<std::string, int64_t> relations_by_type;  // types without relations are left out
  };
  Counts CountAll(const ReadOptions& options = {}) const;

  // The entities whose state differs between two versions (options without as_of) and the ends
  // of every relation whose fields, properties or evidence differ, ascending: loading these in
  // both versions (LoadSubgraph) gives query::Diff every difference of the two whole graphs.
  // Unchanged rows are shared by both versions, so this reads only the version columns.
  std::vector<std::string> ChangedEntityIds(const ReadOptions& from, const ReadOptions& to) const;

  std::vector<SnapshotInfo> Snapshots() const;
  // Throws Error(kNotFound) listing the saved snapshots when there is none of that name.
  SnapshotInfo GetSnapshot(const std::string& name) const;
  // Each runs in its own write transaction. Save throws Error(kInput) when the name is taken
  // and replace is false; names are 1-200 printable characters.
  SnapshotInfo SaveSnapshot(const std::string& name, const std::string& note, bool replace);
  void DeleteSnapshot(const std::string& name);
  void RestoreSnapshot(const std::string& name);

  // Integrity (PRAGMA integrity_check), schema version, dangling references, evidence without
  // documents, live rows with overlapping versions, graph images and name keys that disagree
  // with the rows.
  CheckReport Check() const;
  // Rebuilds what is derived from the rows (graph images, name keys) in one write transaction.
  void RebuildIndexes();

  // A number that changes whenever another connection (another process, or another Store on
  // the same file) commits a change to the store (SQLite's PRAGMA data_version). Work done
  // outside a transaction from what was read can check with it, inside the write transaction,
  // that nobody wrote in between.
  int64_t DataVersion() const;

  // Runs fn in one write transaction: commits when fn returns, rolls back when it throws (and
  // rethrows). Waits for another writer to finish rather than failing.
  void WriteTransaction(const std::function<void()>& fn);

  // Writes an import's changes. Must run inside WriteTransaction.
  void Apply(const ChangeSet& changes);
  // Writes a bulk import (graph/bulk.h) into a store whose working graph has no entities,
  // relations, evidence or documents: the same rows, image and counts as Apply of the change
  // set Merge would make of the same lines, built from the arrays. Must run inside
  // WriteTransaction. Returns false, having written nothing, when the working graph is not
  // empty.
  bool ApplyBulk(const BulkRelations& bulk);

  // LoadTopology's answer in the order the engine reads it (relations grouped by source, the
  // graph image's own layout): one pass over the image, no sorting. Relation indices are
  // LoadTopology's.
  GroupedTopology LoadGroupedTopology(const ReadOptions& options = {}) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace relgraph::store
