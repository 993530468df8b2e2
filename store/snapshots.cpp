// Stage 5 of the store: named snapshots. Saving freezes the head version, deleting collects the
// rows no version can see, restoring makes a snapshot's rows the working graph again.
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

std::vector<SnapshotInfo> Store::Impl::Snapshots() {
  std::vector<SnapshotInfo> out;
  Statement rows(db, "SELECT name, version, created, note, entities, relations FROM snapshots ORDER BY version");
  while (rows.Step()) {
    out.push_back({std::string(rows.Text(0)), rows.Int(1), std::string(rows.Text(2)), std::string(rows.Text(3)), rows.Int(4),
                   rows.Int(5)});
  }
  return out;
}

std::vector<SnapshotInfo> Store::Snapshots() const { return impl_->Snapshots(); }

SnapshotInfo Store::GetSnapshot(const std::string& name) const { return impl_->FindSnapshot(name); }

SnapshotInfo Store::SaveSnapshot(const std::string& name, const std::string& note, bool replace) {
  std::string trimmed(TrimSpace(name));
  if (trimmed.empty() || trimmed != name || CountCodePoints(name) > 200 || CheckUtf8(name) ||
      std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    throw Error(ErrorKind::kInput, "expected a snapshot name of 1 to 200 printable characters without surrounding spaces, found " +
                                       QuoteForMessage(name));
  }
  if (CheckUtf8(note)) throw Error(ErrorKind::kInput, "expected a note in UTF-8");
  Impl& impl = *impl_;
  SnapshotInfo info;
  impl.Transaction([&] {
    impl.head = impl.ReadHead();
    Statement existing(impl.db, "SELECT version FROM snapshots WHERE name = ?1");
    existing.Bind(1, name);
    if (existing.Step()) {
      if (!replace) {
        throw Error(ErrorKind::kInput, "a snapshot named " + QuoteForMessage(name) + " exists already; use --replace to overwrite it");
      }
      existing.Reset();
      Statement drop(impl.db, "DELETE FROM snapshots WHERE name = ?1");
      drop.Bind(1, name).Run();
    }
    info.name = name;
    info.version = impl.head;
    info.created = UtcNow("%Y-%m-%dT%H:%M:%SZ");
    info.note = ToNfc(note);
    info.entities = QueryInt(impl.db, "SELECT count(*) FROM entities WHERE until IS NULL");
    info.relations = QueryInt(impl.db, "SELECT count(*) FROM relation_rows WHERE until IS NULL");
    Statement insert(impl.db, "INSERT INTO snapshots(name, version, created, note, entities, relations) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.Bind(1, name).Bind(2, info.version).Bind(3, info.created).Bind(4, info.note).Bind(5, info.entities).Bind(6, info.relations).Run();
    // The snapshot's image is the working graph's as it stands.
    Statement image(impl.db, "INSERT OR REPLACE INTO graph_images(version, image) SELECT ?1, image FROM graph_images WHERE version = 0");
    image.Bind(1, info.version).Run();
    if (impl.has_counts) {
      Statement counts(impl.db, "INSERT OR REPLACE INTO graph_counts(version, entities, relations, evidence, documents, by_kind, by_relation) "
                                "SELECT ?1, entities, relations, evidence, documents, by_kind, by_relation FROM graph_counts WHERE version = 0");
      counts.Bind(1, info.version).Run();
    }
    // The working graph moves to a new version: from now on, changes copy rows instead of
    // editing them, so the snapshot keeps what it saw.
    impl.WriteHead(impl.head + 1);
    if (replace) impl.CollectGarbage();
  });
  return info;
}

void Store::DeleteSnapshot(const std::string& name) {
  GetSnapshot(name);  // names the saved ones when it does not exist
  impl_->Transaction([&] {
    Statement drop(impl_->db, "DELETE FROM snapshots WHERE name = ?1");
    drop.Bind(1, name).Run();
    impl_->CollectGarbage();
  });
}

void Store::Impl::ForgetLineDocuments() {
  // Rows were deleted: a document no relation row cites any more is not listed (Load shows a
  // document no evidence cites at all).
  db.Exec("DELETE FROM line_documents WHERE NOT EXISTS (SELECT 1 FROM relation_rows r WHERE r.document = line_documents.document)");
}

void Store::Impl::CollectGarbage() {
  // A closed row that no snapshot version can see is dead.
  const char* dead = "until IS NOT NULL AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.version >= %1$s.since AND s.version < %1$s.until)";
  auto condition = [&](const char* table) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, dead, table);
    return std::string(buffer);
  };
  db.Exec(("DELETE FROM aliases WHERE entity_row IN (SELECT row FROM entities WHERE " + condition("entities") + ")").c_str());
  db.Exec(("DELETE FROM entity_properties WHERE entity_row IN (SELECT row FROM entities WHERE " + condition("entities") + ")").c_str());
  db.Exec(("DELETE FROM entity_keys WHERE entity_row IN (SELECT row FROM entities WHERE " + condition("entities") + ")").c_str());
  db.Exec(("DELETE FROM entities WHERE " + condition("entities")).c_str());
  db.Exec(("DELETE FROM relation_properties WHERE (source, type, target, since) IN (SELECT source, type, target, since FROM "
           "relation_rows WHERE " + condition("relation_rows") + ")").c_str());
  db.Exec(("DELETE FROM relation_rows WHERE " + condition("relation_rows")).c_str());
  db.Exec(("DELETE FROM evidence_rows WHERE " + condition("evidence_rows")).c_str());
  ForgetLineDocuments();
  db.Exec("DELETE FROM graph_images WHERE version <> 0 AND version NOT IN (SELECT version FROM snapshots)");
  if (has_counts) db.Exec("DELETE FROM graph_counts WHERE version <> 0 AND version NOT IN (SELECT version FROM snapshots)");
}

void Store::RestoreSnapshot(const std::string& name) {
  SnapshotInfo snapshot = GetSnapshot(name);
  Impl& impl = *impl_;
  impl.Transaction([&] {
    impl.head = impl.ReadHead();
    int64_t v = snapshot.version;
    Database& db = impl.db;
    auto run = [&](const std::string& sql) {
      Statement statement(db, sql.c_str());
      statement.Bind(1, v).Bind(2, impl.head).Run();
    };
    // 1. Live rows the snapshot does not have: born after it. Rows of the working version go;
    //    older ones are closed so other snapshots keep them.
    for (const char* table : {"entities", "relation_rows", "evidence_rows"}) {
      std::string t = table;
      if (t == "entities") {
        run("DELETE FROM aliases WHERE entity_row IN (SELECT row FROM entities WHERE until IS NULL AND since > ?1 AND since = ?2)");
        run("DELETE FROM entity_properties WHERE entity_row IN (SELECT row FROM entities WHERE until IS NULL AND since > ?1 AND since = ?2)");
        run("DELETE FROM entity_keys WHERE entity_row IN (SELECT row FROM entities WHERE until IS NULL AND since > ?1 AND since = ?2)");
      } else if (t == "relation_rows") {
        run("DELETE FROM relation_properties WHERE (source, type, target, since) IN (SELECT source, type, target, since FROM "
            "relation_rows WHERE until IS NULL AND since > ?1 AND since = ?2)");
      }
      run("DELETE FROM " + t + " WHERE until IS NULL AND since > ?1 AND since = ?2");
      run("UPDATE " + t + " SET until = ?2 WHERE until IS NULL AND since > ?1");
    }
    // 2. Rows the snapshot has that are closed now: revive copies in the working version,
    //    with their child rows (aliases, properties) copied to the new row.
    std::string closed = "since <= ?1 AND until IS NOT NULL AND until > ?1";
    struct Child {
      const char* table;
      const char* row_column;
      const char* columns;
    };
    auto revive = [&](const std::string& table, const std::string& columns, const std::vector<Child>& children) {
      Statement rows(db, ("SELECT row FROM " + table + " WHERE " + closed).c_str());
      rows.Bind(1, v);
      std::vector<int64_t> old_rows;
      while (rows.Step()) old_rows.push_back(rows.Int(0));
      for (int64_t old_row : old_rows) {
        Statement copy(db, ("INSERT INTO " + table + "(" + columns + ", since) SELECT " + columns + ", ?2 FROM " + table +
                            " WHERE row = ?1").c_str());
        copy.Bind(1, old_row).Bind(2, impl.head).Run();
        int64_t new_row = sqlite3_last_insert_rowid(db.handle());
        for (const Child& child : children) {
          std::string sql = std::string("INSERT INTO ") + child.table + "(" + child.row_column + ", " + child.columns +
                            ") SELECT ?2, " + child.columns + " FROM " + child.table + " WHERE " + child.row_column + " = ?1";
          Statement copy_child(db, sql.c_str());
          copy_child.Bind(1, old_row).Bind(2, new_row).Run();
        }
      }
    };
    revive("entities", "id, name, kind, country, description",
           {{"aliases", "entity_row", "position, alias"}, {"entity_properties", "entity_row", "key, value"},
            {"entity_keys", "entity_row", "key"}});
    {
      // A relation row is its key and since (schema 7: no rowid): the copies are rows since head.
      struct Key {
        int64_t source, type, target, since;
      };
      std::vector<Key> keys;
      Statement rows(db, ("SELECT source, type, target, since FROM relation_rows WHERE " + closed).c_str());
      rows.Bind(1, v);
      while (rows.Step()) keys.push_back({rows.Int(0), rows.Int(1), rows.Int(2), rows.Int(3)});
      rows.Reset();
      Statement copy(db, "INSERT INTO relation_rows(source, type, target, since, weight, date, first_seen, document, line, "
                         "line_date) SELECT source, type, target, ?5, weight, date, first_seen, document, line, line_date "
                         "FROM relation_rows WHERE source = ?1 AND type = ?2 AND target = ?3 AND since = ?4");
      Statement copy_properties(db, "INSERT INTO relation_properties(source, type, target, since, key, value) "
                                    "SELECT source, type, target, ?5, key, value FROM relation_properties "
                                    "WHERE source = ?1 AND type = ?2 AND target = ?3 AND since = ?4");
      for (const Key& key : keys) {
        for (Statement* statement : {&copy, &copy_properties}) {
          statement->Bind(1, key.source).Bind(2, key.type).Bind(3, key.target).Bind(4, key.since).Bind(5, impl.head).Run();
        }
      }
    }
    Statement evidence(db, ("INSERT INTO evidence_rows(source, type, target, document, sentence, date, locator, extractor, confidence, since) "
                            "SELECT source, type, target, document, sentence, date, locator, extractor, confidence, ?2 FROM evidence_rows WHERE " + closed).c_str());
    evidence.Bind(1, v).Bind(2, impl.head).Run();
    impl.ForgetLineDocuments();
    // The working graph is now the snapshot's.
    impl.WriteImage(0, std::nullopt);
  });
}


}  // namespace relgraph::store
