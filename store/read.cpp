// Stage 4 of the store: reads. The whole graph or a part of it (Load, LoadSubgraph), as of a
// snapshot or a date, its topology from the graph image, names, documents and counts.
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
#include "common/raw_vector.h"
#include "common/text.h"
#include "store/image.h"

namespace relgraph::store {

SnapshotInfo Store::Impl::FindSnapshot(const std::string& name) {
  std::vector<SnapshotInfo> all = Snapshots();
  for (const SnapshotInfo& info : all) {
    if (info.name == name) return info;
  }
  std::string saved;
  for (const SnapshotInfo& info : all) saved += (saved.empty() ? "" : ", ") + info.name;
  throw Error(ErrorKind::kNotFound, "no snapshot named " + QuoteForMessage(name) + " in " + db.path() +
                                        (saved.empty() ? " (none are saved)" : "; saved: " + saved));
}

std::optional<int64_t> Store::Impl::VersionOf(const ReadOptions& options) {
  if (options.snapshot.empty()) return std::nullopt;
  return FindSnapshot(options.snapshot).version;
}

Graph Store::Load(const ReadOptions& options) const {
  return impl_->LoadVersion(impl_->VersionOf(options), options.as_of, {nullptr, options.entities_only});
}

Graph Store::LoadSubgraph(const std::vector<std::string>& entity_ids, const ReadOptions& options) const {
  return impl_->LoadVersion(impl_->VersionOf(options), options.as_of, {&entity_ids, options.entities_only});
}

void Store::BeginRead() {
  impl_->db.Exec("BEGIN");
  QueryInt(impl_->db, "SELECT count(*) FROM meta");  // takes the shared lock now
}

Topology Store::LoadTopology(const ReadOptions& options) const {
  if (!options.as_of.empty()) throw Error(ErrorKind::kInternal, "LoadTopology does not filter by date");
  std::optional<int64_t> version = impl_->VersionOf(options);
  Statement image(impl_->db, "SELECT image FROM graph_images WHERE version = ?1");
  image.Bind(1, version.value_or(0));
  if (image.Step()) {
    try {
      return DecodeImage(image.Blob(0), impl_->schema);
    } catch (const Error& error) {
      throw Error(ErrorKind::kStorage, path() + ": " + error.message() + "; relgraph check --repair rebuilds it from the rows");
    }
  }
  // Every write keeps the images current; a store without one (damaged, or edited by hand)
  // still answers, from its rows.
  return impl_->BuildTopology(version);
}

Store::Totals Store::Count(const ReadOptions& options) const {
  Counts counts = CountAll(options);
  return Totals{counts.evidence, counts.documents, counts.entities_by_kind};
}

Store::Counts Store::CountAll(const ReadOptions& options) const {
  if (!options.as_of.empty()) throw Error(ErrorKind::kInternal, "Count does not filter by date");
  std::optional<int64_t> version = impl_->VersionOf(options);
  if (std::optional<Counts> counts = impl_->StoredCounts(version.value_or(0))) return *counts;
  // A store without its counts (damaged, or edited by hand) still answers, from its rows.
  return impl_->ComputeCounts(version, LoadTopology(options));
}

std::vector<std::string> Store::FindEntityIds(std::string_view text, const ReadOptions& options) const {
  std::optional<int64_t> version = impl_->VersionOf(options);
  bool at = version.has_value();
  std::vector<std::string> ids;
  // Imports resolve thousands of names in a row: the statements are prepared once.
  Statement& exact = impl_->Cached("SELECT id FROM entities WHERE id = ?2 AND " + Visible("", at));
  if (at) exact.Bind(1, *version);
  exact.Bind(2, text);
  if (exact.Step()) ids.emplace_back(exact.Text(0));
  exact.Reset();
  if (!ids.empty()) return ids;
  std::string key = MatchKey(text);
  if (key.empty()) return ids;
  Statement& by_key = impl_->Cached("SELECT DISTINCT e.id FROM entity_keys k JOIN entities e ON e.row = k.entity_row "
                                    "WHERE k.key = ?2 AND " + Visible("e", at) + " ORDER BY e.id");
  if (at) by_key.Bind(1, *version);
  by_key.Bind(2, key);
  while (by_key.Step()) ids.emplace_back(by_key.Text(0));
  by_key.Reset();
  // An entity whose id is its own key has that key stored as its id only (schema 7).
  if (key != text) {
    if (at) exact.Bind(1, *version);
    exact.Bind(2, key);
    if (exact.Step() && !std::binary_search(ids.begin(), ids.end(), std::string(exact.Text(0)))) {
      ids.emplace_back(exact.Text(0));
      std::sort(ids.begin(), ids.end());
    }
    exact.Reset();
  }
  return ids;
}

namespace {

Document DocumentOf(const Statement& row) {
  return Document{std::string(row.Text(0)), std::string(row.Text(1)), std::string(row.Text(2)), std::string(row.Text(3)),
                  std::string(row.Text(4))};
}

}  // namespace

std::vector<Document> Store::FindDocuments(const std::vector<std::string>& ids, const ReadOptions& options) const {
  if (!options.as_of.empty()) throw Error(ErrorKind::kInternal, "FindDocuments does not filter by date");
  std::optional<int64_t> version = impl_->VersionOf(options);
  bool at = version.has_value();
  Statement& find = impl_->Cached("SELECT id, title, url, date, lang FROM documents d WHERE d.id = ?2 AND " + DocumentVisible(at));
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<Document> documents;
  for (const std::string& id : sorted) {
    if (at) find.Bind(1, *version);
    find.Bind(2, id);
    if (find.Step()) documents.push_back(DocumentOf(find));
    find.Reset();
  }
  return documents;
}

std::vector<Document> Store::Documents(const ReadOptions& options) const {
  if (!options.as_of.empty()) throw Error(ErrorKind::kInternal, "Documents does not filter by date");
  std::optional<int64_t> version = impl_->VersionOf(options);
  bool at = version.has_value();
  Statement all(impl_->db, ("SELECT id, title, url, date, lang FROM documents d WHERE " + DocumentVisible(at) + " ORDER BY id").c_str());
  if (at) all.Bind(1, *version);
  std::vector<Document> documents;
  while (all.Step()) documents.push_back(DocumentOf(all));
  return documents;
}

int64_t Store::CountEntities(const ReadOptions& options) const {
  std::optional<int64_t> version = impl_->VersionOf(options);
  bool at = version.has_value();
  Statement& count = impl_->Cached("SELECT count(*) FROM entities WHERE " + Visible("", at));
  if (at) count.Bind(1, *version);
  count.Step();
  int64_t entities = count.Int(0);
  count.Reset();
  return entities;
}

std::vector<std::string> Store::ChangedEntityIds(const ReadOptions& from, const ReadOptions& to) const {
  if (!from.as_of.empty() || !to.as_of.empty()) throw Error(ErrorKind::kInternal, "ChangedEntityIds does not filter by date");
  std::optional<int64_t> a = impl_->VersionOf(from), b = impl_->VersionOf(to);
  // Visibility in version a (?1) differs from visibility in version b (?2).
  std::string differs = " WHERE " + Visible("", a.has_value(), "?1") + " <> " + Visible("", b.has_value(), "?2");
  // Relation and evidence rows name their ends by atom: the distinct atoms first, their text once.
  Statement changed(impl_->db, ("SELECT id FROM entities" + differs + " UNION SELECT text FROM atoms WHERE n IN (" +
                                "SELECT source FROM relation_rows" + differs + " UNION SELECT target FROM relation_rows" + differs +
                                " UNION SELECT source FROM evidence_rows" + differs + " UNION SELECT target FROM evidence_rows" +
                                differs + ") ORDER BY 1")
                                   .c_str());
  if (a) changed.Bind(1, *a);
  if (b) changed.Bind(2, *b);
  std::vector<std::string> ids;
  while (changed.Step()) ids.emplace_back(changed.Text(0));
  return ids;
}

Statement& Store::Impl::Cached(const std::string& sql) {
  std::unique_ptr<Statement>& statement = cached[sql];
  if (!statement) statement = std::make_unique<Statement>(db, sql.c_str());
  return *statement;
}

Graph Store::Impl::LoadVersion(std::optional<int64_t> version, const std::string& as_of, const Scope& scope) {
  bool at = version.has_value();
  auto bind_version = [&](Statement& statement) {
    if (at) statement.Bind(1, *version);
  };
  Graph graph(schema);

  // A scoped load names its entities in a temporary table (the main database may be
  // read-only; TEMP is not) and adds "one of them" to every query.
  std::string only_entity, only_entity_e, only_relation;
  if (scope.ids != nullptr) {
    db.Exec("CREATE TEMP TABLE IF NOT EXISTS wanted(id TEXT PRIMARY KEY) WITHOUT ROWID");
    db.Exec("DELETE FROM temp.wanted");
    Statement insert(db, "INSERT OR IGNORE INTO temp.wanted(id) VALUES (?1)");
    for (const std::string& id : *scope.ids) insert.Bind(1, id).Run();
    const std::string wanted = " IN (SELECT id FROM temp.wanted)";
    only_entity = " AND id" + wanted;
    only_entity_e = " AND e.id" + wanted;
    only_relation = " AND source" + wanted + " AND target" + wanted;
  }

  std::unordered_map<int64_t, EntityIndex> entity_by_row;
  std::vector<Entity> loaded;
  Statement entities(db, ("SELECT row, id, name, kind, country, description FROM entities WHERE " + Visible("", at) +
                          only_entity + " ORDER BY id").c_str());
  bind_version(entities);
  while (entities.Step()) {
    Entity entity;
    entity.id = entities.Text(1);
    entity.name = entities.Text(2);
    entity.kind = entities.Text(3);
    entity.country = entities.Text(4);
    entity.description = entities.Text(5);
    entity_by_row.emplace(entities.Int(0), static_cast<EntityIndex>(loaded.size()));
    loaded.push_back(std::move(entity));
  }
  Statement aliases(db, ("SELECT a.entity_row, a.alias FROM aliases a JOIN entities e ON e.row = a.entity_row WHERE " +
                         Visible("e", at) + only_entity_e + " ORDER BY a.entity_row, a.position").c_str());
  bind_version(aliases);
  // A row whose entity was not loaded (a damaged or hand-edited store) is skipped here and
  // reported by Check(), as evidence of a missing relation is.
  auto loaded_entity = [&](int64_t row) -> Entity* {
    auto it = entity_by_row.find(row);
    return it == entity_by_row.end() ? nullptr : &loaded[it->second];
  };
  while (aliases.Step()) {
    if (Entity* entity = loaded_entity(aliases.Int(0))) entity->aliases.emplace_back(aliases.Text(1));
  }
  Statement entity_properties(db, ("SELECT p.entity_row, p.key, p.value FROM entity_properties p JOIN entities e "
                                   "ON e.row = p.entity_row WHERE " + Visible("e", at) + only_entity_e).c_str());
  bind_version(entity_properties);
  while (entity_properties.Step()) {
    if (Entity* entity = loaded_entity(entity_properties.Int(0))) entity->properties.emplace(entity_properties.Text(1), entity_properties.Text(2));
  }
  for (Entity& entity : loaded) graph.AddEntity(std::move(entity));
  if (scope.entities_only) return graph;

  // Relations with their evidence and properties, gathered first so --as-of can drop some.
  struct Row {
    int64_t since;  // with the key, the row's identity (schema 7)
    Relation relation;
    std::string first_seen;
  };
  std::vector<Row> rows;
  // Relation key -> index in rows (a std::map of a million string triples spent a third of a
  // whole-graph load in key comparisons).
  IndexTable row_by_key;
  auto find_row = [&](std::string_view source, std::string_view type, std::string_view target) {
    return row_by_key.Find(HashRelationKey(source, type, target), [&](uint32_t index) {
      const Relation& relation = rows[index].relation;
      return relation.source == source && relation.type == type && relation.target == target;
    });
  };
  Statement relations(db, ("SELECT since, source, type, target, weight, date, first_seen_day, line_document, line, line_date "
                           "FROM relations WHERE " + Visible("", at) + only_relation + " ORDER BY source, type, target").c_str());
  bind_version(relations);
  while (relations.Step()) {
    // The day number is made a date only when --as-of asks for it.
    Row row{relations.Int(0), {}, relations.IsNull(6) || as_of.empty() ? std::string() : DateOfDay(relations.Int(6))};
    row.relation.source = relations.Text(1);
    row.relation.type = relations.Text(2);
    row.relation.target = relations.Text(3);
    row.relation.weight = relations.Double(4);
    row.relation.date = relations.Text(5);
    if (!relations.IsNull(7)) {
      // The evidence of the bulk CSV line that made the row (schema 7): always its first.
      std::string document(relations.Text(7));
      std::string locator = document.substr(5) + ":" + std::to_string(relations.Int(8));
      row.relation.evidence.push_back({std::move(document), "", std::string(relations.Text(9)), std::move(locator), "csv", 1.0});
    }
    rows.push_back(std::move(row));
  }
  row_by_key.Reserve(rows.size());
  for (uint32_t index = 0; index < rows.size(); ++index) {
    const Relation& relation = rows[index].relation;
    if (find_row(relation.source, relation.type, relation.target)) continue;  // the first row of a key wins
    row_by_key.Insert(HashRelationKey(relation.source, relation.type, relation.target), index);
  }
  // Properties hang off a row's key and since (schema 7): those of a part are looked up row by
  // row, those of the whole graph read in one pass and kept for the rows loaded.
  if (scope.ids != nullptr) {
    Statement relation_properties(db, "SELECT key, value FROM relation_properties WHERE source = (SELECT n FROM atoms WHERE "
                                      "text = ?1) AND type = (SELECT n FROM atoms WHERE text = ?2) AND target = (SELECT n FROM "
                                      "atoms WHERE text = ?3) AND since = ?4");
    for (Row& row : rows) {
      relation_properties.Bind(1, row.relation.source).Bind(2, row.relation.type).Bind(3, row.relation.target).Bind(4, row.since);
      while (relation_properties.Step()) row.relation.properties.emplace(relation_properties.Text(0), relation_properties.Text(1));
      relation_properties.Reset();
    }
  } else {
    Statement relation_properties(db, "SELECT s.text, t.text, g.text, p.since, p.key, p.value FROM relation_properties p "
                                      "JOIN atoms s ON s.n = p.source JOIN atoms t ON t.n = p.type JOIN atoms g ON g.n = p.target");
    while (relation_properties.Step()) {
      std::optional<uint32_t> index = find_row(relation_properties.Text(0), relation_properties.Text(1), relation_properties.Text(2));
      if (index && rows[*index].since == relation_properties.Int(3)) {
        rows[*index].relation.properties.emplace(relation_properties.Text(4), relation_properties.Text(5));
      }
    }
  }
  // (The evidence relation rows keep came with them, above.)
  Statement evidence(db, ("SELECT source, type, target, document, sentence, date, locator, extractor, confidence FROM "
                          "row_evidence WHERE " + Visible("", at) + only_relation + " ORDER BY row").c_str());
  bind_version(evidence);
  while (evidence.Step()) {
    std::optional<uint32_t> index = find_row(evidence.Text(0), evidence.Text(1), evidence.Text(2));
    if (!index) continue;  // reported by Check(): evidence of a relation that is not there
    rows[*index].relation.evidence.push_back({std::string(evidence.Text(3)), std::string(evidence.Text(4)),
                                              std::string(evidence.Text(5)), std::string(evidence.Text(6)),
                                              std::string(evidence.Text(7)), evidence.Double(8)});
  }

  std::string limit = as_of.empty() ? "" : EndOfPeriod(as_of);
  for (Row& row : rows) {
    Relation& relation = row.relation;
    if (!limit.empty()) {
      // An undated relation counts from its earliest dated evidence, else from its import.
      std::string date = relation.date;
      if (date.empty()) {
        for (const Evidence& item : relation.evidence) {
          if (!item.date.empty() && (date.empty() || item.date < date)) date = item.date;
        }
      }
      if (date.empty()) date = row.first_seen;
      if (!date.empty() && date > limit) continue;
      std::erase_if(relation.evidence, [&](const Evidence& item) { return !item.date.empty() && item.date > limit; });
    }
    graph.AddRelation(std::move(relation));
  }
  std::set<std::string> cited;
  for (const Relation& relation : graph.relations()) {
    for (const Evidence& item : relation.evidence) cited.insert(item.document);
  }
  if (scope.ids != nullptr) {
    // A part of the graph shows the documents its evidence cites.
    Statement document(db, "SELECT id, title, url, date, lang FROM documents WHERE id = ?1");
    for (const std::string& id : cited) {
      document.Bind(1, id);
      if (document.Step()) graph.PutDocument(DocumentOf(document));
      document.Reset();
    }
    return graph;
  }
  // The registry of documents is not versioned: a version shows the documents its (kept)
  // evidence cites, and those no evidence cites at all (described in a JSON import alone).
  Statement documents(db, "SELECT id, title, url, date, lang, EXISTS (SELECT 1 FROM evidence_rows v WHERE v.document = "
                          "(SELECT n FROM atoms WHERE text = d.id)) OR EXISTS (SELECT 1 FROM line_documents l WHERE l.document = "
                          "(SELECT n FROM atoms WHERE text = d.id)) FROM documents d ORDER BY id");
  while (documents.Step()) {
    if (documents.Int(5) == 0 || cited.count(std::string(documents.Text(0)))) graph.PutDocument(DocumentOf(documents));
  }
  return graph;
}

GroupedTopology Store::LoadGroupedTopology(const ReadOptions& options) const {
  if (!options.as_of.empty()) throw Error(ErrorKind::kInternal, "LoadGroupedTopology does not filter by date");
  std::optional<int64_t> version = impl_->VersionOf(options);
  // The BLOB read through an incremental handle (the version is the row id), each array of the
  // image straight into its place (through the file's memory map), rather than into SQLite's
  // own copy and then ours: a cold question pays for every byte it touches.
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(impl_->db.handle(), "main", "graph_images", "image", version.value_or(0), 0, &blob) == SQLITE_OK) {
    struct Closer {
      sqlite3_blob* blob;
      ~Closer() { sqlite3_blob_close(blob); }
    } closer{blob};
    ImageSource read = [&](size_t offset, size_t count, void* to) {
      if (sqlite3_blob_read(blob, to, static_cast<int>(count), static_cast<int>(offset)) != SQLITE_OK) {
        impl_->db.Fail("reading the graph image");
      }
    };
    try {
      return ReadGroupedImage(static_cast<size_t>(sqlite3_blob_bytes(blob)), read, impl_->schema);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::kStorage || error.message().rfind("damaged graph image", 0) != 0) throw;
      throw Error(ErrorKind::kStorage, path() + ": " + error.message() + "; relgraph check --repair rebuilds it from the rows");
    }
  }
  sqlite3_blob_close(blob);  // a handle may be left on failure; closing null is a no-op
  // As LoadTopology: a store without an image still answers, from its rows (in key order, so
  // grouped by source).
  return GroupBySource(impl_->BuildTopology(version));
}

}  // namespace relgraph::store
