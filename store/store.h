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
// Safety. Every write is one transaction (BEGIN IMMEDIATE ... COMMIT) with synchronous=FULL
// and a rollback journal, so a killed process leaves either the old or the new state; a
// second writer waits (busy timeout) instead of failing. Opening checks the SQLite header,
// application_id and schema version, and never writes to a file that is not a relgraph store.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "graph/graph.h"

namespace relgraph::store {

// 'RGDB' in PRAGMA application_id; schema version in PRAGMA user_version.
constexpr int kApplicationId = 0x52474442;
constexpr int kSchemaVersion = 1;

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

  // The working graph, loaded whole. Entities come ordered by id, relations by key.
  Graph Load() const;

  // Runs fn in one write transaction: commits when fn returns, rolls back when it throws (and
  // rethrows). Waits for another writer to finish rather than failing.
  void WriteTransaction(const std::function<void()>& fn);

  // Writes an import's changes. Must run inside WriteTransaction.
  void Apply(const ChangeSet& changes);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace relgraph::store
