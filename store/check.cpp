// Stage 6 of the store: `check` (every invariant of the rows and what is derived from them) and
// `check --repair` (what is derived, written again from the rows).
#include "store/internal.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "common/text.h"
#include "store/image.h"

namespace relgraph::store {

void Store::RebuildIndexes() {
  impl_->Transaction([&] {
    impl_->db.Exec("DELETE FROM entity_keys");
    impl_->db.Exec("DELETE FROM graph_images");
    if (impl_->has_counts) impl_->db.Exec("DELETE FROM graph_counts");
    // What the migrations wrote from the rows: name keys and graph images with their counts.
    for (const auto& [row, entity] : impl_->EntityNames()) impl_->WriteKeys(row, entity);
    impl_->RebuildImages();
  });
}

CheckReport Store::Check() const {
  Database& db = impl_->db;
  CheckReport report;
  report.schema_version = QueryInt(db, "PRAGMA user_version");
  {
    Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.Step()) {
      std::string line(integrity.Text(0));
      if (line != "ok") report.problems.push_back("integrity: " + line);
    }
  }
  {
    Statement foreign(db, "PRAGMA foreign_key_check");
    while (foreign.Step()) report.problems.push_back("foreign key: a row of " + std::string(foreign.Text(0)) + " points to a missing " + std::string(foreign.Text(2)));
  }
  if (report.schema_version != kSchemaVersion) {
    report.problems.push_back("schema version " + std::to_string(report.schema_version) + ", expected " + std::to_string(kSchemaVersion));
  }
  auto count = [&](const char* what, const char* sql) {
    int64_t n = QueryInt(db, sql);
    if (n > 0) report.problems.push_back(std::to_string(n) + " " + what);
  };
  count("live relations whose source or target is not a live entity",
        "SELECT count(*) FROM relations r WHERE r.until IS NULL AND (NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.source AND e.until IS NULL) "
        "OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.target AND e.until IS NULL))");
  count("live evidence records of no live relation",
        "SELECT count(*) FROM evidence v WHERE v.until IS NULL AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.until IS NULL AND "
        "r.source = v.source AND r.type = v.type AND r.target = v.target)");
  count("evidence records citing a document that is not registered",
        "SELECT count(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = v.document)");
  // (Rows whose key names no atom are left out of the views above: counted here.)
  count("relation or evidence rows whose key names no stored text (atom)",
        "SELECT (SELECT count(*) FROM relation_rows r WHERE NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = r.source) "
        "OR NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = r.type) OR NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = r.target) "
        "OR (r.document IS NOT NULL AND NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = r.document))) + "
        "(SELECT count(*) FROM evidence_rows v WHERE NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = v.source) "
        "OR NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = v.type) OR NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = v.target) "
        "OR NOT EXISTS (SELECT 1 FROM atoms a WHERE a.n = v.document))");
  // (Schema 7 keeps relation rows without rowid: no foreign key or unique index says these.)
  count("relation properties of no relation row",
        "SELECT count(*) FROM relation_properties WHERE (source, type, target, since) NOT IN "
        "(SELECT source, type, target, since FROM relation_rows)");
  count("relation keys with more than one live row",
        "SELECT count(*) FROM (SELECT 1 FROM relation_rows WHERE until IS NULL GROUP BY source, type, target HAVING count(*) > 1)");
  count("relation rows citing a document line_documents does not list",
        "SELECT count(*) FROM relation_rows r WHERE r.document IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM line_documents l WHERE l.document = r.document)");
  count("relations of a type not in the vocabulary",
        "SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM relation_types t WHERE t.name = r.type)");
  count("rows whose version range is empty or reversed",
        "SELECT (SELECT count(*) FROM entities WHERE until IS NOT NULL AND until <= since) + "
        "(SELECT count(*) FROM relations WHERE until IS NOT NULL AND until <= since) + "
        "(SELECT count(*) FROM evidence WHERE until IS NOT NULL AND until <= since)");
  {
    // Each image must say what the rows say.
    std::vector<std::pair<std::string, std::optional<int64_t>>> versions = {{"the working graph", std::nullopt}};
    for (const SnapshotInfo& snapshot : impl_->Snapshots()) versions.push_back({"snapshot " + QuoteForMessage(snapshot.name), snapshot.version});
    for (const auto& [what, version] : versions) {
      Statement image(db, "SELECT image FROM graph_images WHERE version = ?1");
      image.Bind(1, version.value_or(0));
      if (!image.Step()) {
        report.problems.push_back("no graph image of " + what + " (reads are slower; relgraph check --repair rebuilds it)");
        continue;
      }
      Topology topology = impl_->BuildTopology(version);
      if (!ImageMatches(image.Blob(0), topology, impl_->schema)) {
        report.problems.push_back("the graph image of " + what + " does not match its rows (relgraph check --repair rebuilds it)");
      }
      if (impl_->has_counts) {
        Counts computed = impl_->ComputeCounts(version, topology);
        std::optional<Counts> read = impl_->StoredCounts(version.value_or(0));
        Counts stored = read.value_or(Counts{});
        if (!read || stored.entities != computed.entities || stored.relations != computed.relations ||
            stored.evidence != computed.evidence || stored.documents != computed.documents ||
            stored.entities_by_kind != computed.entities_by_kind || stored.relations_by_type != computed.relations_by_type) {
          report.problems.push_back("the counts of " + what + " do not match its rows (relgraph check --repair rebuilds them)");
        }
      }
    }
  }
  {
    // Name keys: one row per distinct key of each entity row's id, name and aliases (but the id
    // itself, schema 7).
    std::set<std::pair<std::string, int64_t>> expected, stored;
    for (const auto& [row, entity] : impl_->EntityNames()) {
      for (const std::string& key : StoredKeysOf(entity)) expected.insert({key, row});
    }
    Statement keys(db, "SELECT key, entity_row FROM entity_keys");
    while (keys.Step()) stored.insert({std::string(keys.Text(0)), keys.Int(1)});
    if (expected != stored) report.problems.push_back("the name keys do not match the entities' names (relgraph check --repair rebuilds them)");
  }
  count("snapshots at or after the working version",
        "SELECT count(*) FROM snapshots WHERE version >= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'head')");
  return report;
}

}  // namespace relgraph::store
