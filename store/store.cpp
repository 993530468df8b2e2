#include "store/store.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "common/error.h"
#include "store/sqlite.h"

namespace relgraph::store {
namespace {

constexpr const char* kCreateSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entity_kinds(
  name TEXT PRIMARY KEY, description TEXT NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE relation_types(
  name TEXT PRIMARY KEY, symmetric INTEGER NOT NULL, verb TEXT NOT NULL, description TEXT NOT NULL,
  position INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  id TEXT PRIMARY KEY, title TEXT NOT NULL, url TEXT NOT NULL, date TEXT NOT NULL, lang TEXT NOT NULL)
  WITHOUT ROWID;
CREATE TABLE entities(
  row INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  country TEXT NOT NULL, description TEXT NOT NULL,
  since INTEGER NOT NULL, until INTEGER);
CREATE UNIQUE INDEX entities_live ON entities(id) WHERE until IS NULL;
CREATE INDEX entities_by_id ON entities(id, since);
CREATE TABLE aliases(
  entity_row INTEGER NOT NULL REFERENCES entities(row), position INTEGER NOT NULL, alias TEXT NOT NULL,
  PRIMARY KEY(entity_row, position)) WITHOUT ROWID;
CREATE TABLE entity_properties(
  entity_row INTEGER NOT NULL REFERENCES entities(row), key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(entity_row, key)) WITHOUT ROWID;
CREATE TABLE relations(
  row INTEGER PRIMARY KEY, source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
  weight REAL NOT NULL, date TEXT NOT NULL, since INTEGER NOT NULL, until INTEGER);
CREATE UNIQUE INDEX relations_live ON relations(source, type, target) WHERE until IS NULL;
CREATE INDEX relations_by_key ON relations(source, type, target, since);
CREATE TABLE relation_properties(
  relation_row INTEGER NOT NULL REFERENCES relations(row), key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(relation_row, key)) WITHOUT ROWID;
CREATE TABLE evidence(
  row INTEGER PRIMARY KEY, source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
  document TEXT NOT NULL REFERENCES documents(id), sentence TEXT NOT NULL, date TEXT NOT NULL,
  locator TEXT NOT NULL, extractor TEXT NOT NULL, confidence REAL NOT NULL,
  since INTEGER NOT NULL, until INTEGER);
CREATE INDEX evidence_by_relation ON evidence(source, type, target);
)sql";

// True when the file starts with SQLite's 16-byte magic header.
bool HasSqliteHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::memcmp(header, "SQLite format 3\0", 16) == 0;
}

int64_t PragmaInt(Database& db, const char* sql) {
  Statement statement(db, sql);
  if (!statement.Step()) db.Fail(sql);
  return statement.Int(0);
}

}  // namespace

struct Store::Impl {
  Impl(const std::string& path, int flags) : db(path, flags) {}
  Database db;
  Schema schema;
  int64_t head = 1;  // version number of the working graph

  void CreateSchema(const Schema& vocabulary);
  void LoadSchema();
  int64_t ReadHead();
  Graph LoadVersion(std::optional<int64_t> version);
  void PutEntity(const Entity& entity);
  void PutRelation(const Relation& relation);
  void InsertEvidence(const RelationKey& key, const Evidence& evidence);

  // Cached statements for writes (prepared once per store).
  std::unique_ptr<Statement> find_entity, close_entity, insert_entity, update_entity, delete_aliases, insert_alias,
      delete_entity_properties, insert_entity_property, find_relation, close_relation, insert_relation,
      update_relation, delete_relation_properties, insert_relation_property, insert_evidence, put_document;
  void Prepare();
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->db.path(); }
const Schema& Store::schema() const { return impl_->schema; }

std::unique_ptr<Store> Store::Open(const std::string& path, Mode mode, const Schema& schema_for_new_store) {
  struct stat info {};
  bool exists = stat(path.c_str(), &info) == 0;
  if (!exists && mode == Mode::kReadOnly) {
    throw Error(ErrorKind::kNotFound, path + ": no store here yet (import a file to create it)");
  }
  if (exists && S_ISDIR(info.st_mode)) throw Error(ErrorKind::kStorage, path + ": expected a store file, found a directory");
  bool empty_file = exists && info.st_size == 0;
  if (exists && !empty_file && !HasSqliteHeader(path)) {
    throw Error(ErrorKind::kStorage, path + ": not a relgraph store (not an SQLite database); refusing to touch it");
  }
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  auto impl = std::make_unique<Impl>(path, flags | SQLITE_OPEN_NOMUTEX);
  Database& db = impl->db;
  sqlite3_busy_timeout(db.handle(), 60000);

  int64_t application_id = PragmaInt(db, "PRAGMA application_id");
  int64_t version = PragmaInt(db, "PRAGMA user_version");
  int64_t tables = PragmaInt(db, "SELECT count(*) FROM sqlite_schema");
  if (application_id != kApplicationId) {
    if (application_id != 0 || tables != 0) {
      char id[32];
      std::snprintf(id, sizeof id, "0x%08llX", static_cast<unsigned long long>(application_id));
      throw Error(ErrorKind::kStorage, path + ": an SQLite database of another application (application_id " + id +
                                           ", " + std::to_string(tables) + " schema objects), not a relgraph store; refusing to touch it");
    }
    if (mode == Mode::kReadOnly) {
      throw Error(ErrorKind::kNotFound, path + ": empty file, no store here yet (import a file to create it)");
    }
  } else if (version > kSchemaVersion) {
    throw Error(ErrorKind::kStorage, path + ": written by a newer relgraph (store schema " + std::to_string(version) +
                                         "); this one reads up to schema " + std::to_string(kSchemaVersion));
  } else if (version < 1) {
    throw Error(ErrorKind::kStorage, path + ": a relgraph store with an unknown schema version " + std::to_string(version));
  }

  db.Exec("PRAGMA foreign_keys = ON");
  if (mode == Mode::kReadWrite) {
    db.Exec("PRAGMA journal_mode = DELETE");
    db.Exec("PRAGMA synchronous = FULL");
  }
  if (application_id != kApplicationId) impl->CreateSchema(schema_for_new_store);
  impl->LoadSchema();
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

void Store::Impl::CreateSchema(const Schema& vocabulary) {
  db.Exec("BEGIN IMMEDIATE");
  try {
    // Another process may have created the store while we waited for the lock.
    if (PragmaInt(db, "PRAGMA application_id") != kApplicationId) {
      db.Exec(kCreateSchema);
      Statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
      meta.Bind(1, "head").Bind(2, "1").Run();
      Statement kinds(db, "INSERT INTO entity_kinds(name, description, position) VALUES (?1, ?2, ?3)");
      int64_t position = 0;
      for (const EntityKind& kind : vocabulary.kinds()) kinds.Bind(1, kind.name).Bind(2, kind.description).Bind(3, position++).Run();
      Statement types(db, "INSERT INTO relation_types(name, symmetric, verb, description, position) VALUES (?1, ?2, ?3, ?4, ?5)");
      position = 0;
      for (const RelationType& type : vocabulary.relation_types()) {
        types.Bind(1, type.name).Bind(2, int64_t{type.symmetric}).Bind(3, type.verb).Bind(4, type.description).Bind(5, position++).Run();
      }
      db.Exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
      db.Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
    }
    db.Exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::Impl::LoadSchema() {
  std::vector<EntityKind> kinds;
  Statement kind_rows(db, "SELECT name, description FROM entity_kinds ORDER BY position");
  while (kind_rows.Step()) kinds.push_back({std::string(kind_rows.Text(0)), std::string(kind_rows.Text(1))});
  std::vector<RelationType> types;
  Statement type_rows(db, "SELECT name, symmetric, verb, description FROM relation_types ORDER BY position");
  while (type_rows.Step()) {
    types.push_back({std::string(type_rows.Text(0)), type_rows.Int(1) != 0, std::string(type_rows.Text(2)),
                     std::string(type_rows.Text(3))});
  }
  schema = Schema(std::move(kinds), std::move(types));
  head = ReadHead();
}

int64_t Store::Impl::ReadHead() {
  Statement statement(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'head'");
  if (!statement.Step()) throw Error(ErrorKind::kStorage, db.path() + ": damaged store: no head version in meta");
  return statement.Int(0);
}

Graph Store::Load() const { return impl_->LoadVersion(std::nullopt); }

Graph Store::Impl::LoadVersion(std::optional<int64_t> version) {
  // Rows visible in a version: since <= v < until; the working graph: until IS NULL.
  std::string visible = version ? "since <= ?1 AND (until IS NULL OR until > ?1)" : "until IS NULL";
  auto bind_version = [&](Statement& statement) {
    if (version) statement.Bind(1, *version);
  };
  Graph graph(schema);

  Statement documents(db, "SELECT id, title, url, date, lang FROM documents ORDER BY id");
  while (documents.Step()) {
    graph.PutDocument({std::string(documents.Text(0)), std::string(documents.Text(1)), std::string(documents.Text(2)),
                       std::string(documents.Text(3)), std::string(documents.Text(4))});
  }

  std::unordered_map<int64_t, EntityIndex> entity_by_row;
  std::string entity_sql = "SELECT row, id, name, kind, country, description FROM entities WHERE " + visible + " ORDER BY id";
  Statement entities(db, entity_sql.c_str());
  bind_version(entities);
  std::vector<Entity> loaded;
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
  std::string alias_sql = "SELECT a.entity_row, a.alias FROM aliases a JOIN entities e ON e.row = a.entity_row WHERE e." +
                          (version ? std::string("since <= ?1 AND (e.until IS NULL OR e.until > ?1)") : std::string("until IS NULL")) +
                          " ORDER BY a.entity_row, a.position";
  Statement aliases(db, alias_sql.c_str());
  bind_version(aliases);
  while (aliases.Step()) loaded[entity_by_row.at(aliases.Int(0))].aliases.emplace_back(aliases.Text(1));
  std::string property_sql = "SELECT p.entity_row, p.key, p.value FROM entity_properties p JOIN entities e ON e.row = p.entity_row WHERE e." +
                             (version ? std::string("since <= ?1 AND (e.until IS NULL OR e.until > ?1)") : std::string("until IS NULL"));
  Statement entity_properties(db, property_sql.c_str());
  bind_version(entity_properties);
  while (entity_properties.Step()) {
    loaded[entity_by_row.at(entity_properties.Int(0))].properties.emplace(entity_properties.Text(1), entity_properties.Text(2));
  }
  for (Entity& entity : loaded) graph.AddEntity(std::move(entity));

  std::unordered_map<int64_t, RelationIndex> relation_by_row;
  std::string relation_sql = "SELECT row, source, type, target, weight, date FROM relations WHERE " + visible +
                             " ORDER BY source, type, target";
  Statement relations(db, relation_sql.c_str());
  bind_version(relations);
  while (relations.Step()) {
    Relation relation;
    relation.source = relations.Text(1);
    relation.type = relations.Text(2);
    relation.target = relations.Text(3);
    relation.weight = relations.Double(4);
    relation.date = relations.Text(5);
    relation_by_row.emplace(relations.Int(0), graph.AddRelation(std::move(relation)));
  }
  std::string relation_property_sql =
      "SELECT p.relation_row, p.key, p.value FROM relation_properties p JOIN relations r ON r.row = p.relation_row WHERE r." +
      (version ? std::string("since <= ?1 AND (r.until IS NULL OR r.until > ?1)") : std::string("until IS NULL"));
  Statement relation_properties(db, relation_property_sql.c_str());
  bind_version(relation_properties);
  while (relation_properties.Step()) {
    graph.MutableRelation(relation_by_row.at(relation_properties.Int(0)))
        .properties.emplace(relation_properties.Text(1), relation_properties.Text(2));
  }

  std::string evidence_sql = "SELECT source, type, target, document, sentence, date, locator, extractor, confidence FROM evidence WHERE " +
                             visible + " ORDER BY row";
  Statement evidence(db, evidence_sql.c_str());
  bind_version(evidence);
  while (evidence.Step()) {
    RelationKey key{std::string(evidence.Text(0)), std::string(evidence.Text(1)), std::string(evidence.Text(2))};
    auto index = graph.FindRelation(key);
    if (!index) continue;  // reported by check (issue #6): evidence of a relation that is not there
    graph.MutableRelation(*index).evidence.push_back({std::string(evidence.Text(3)), std::string(evidence.Text(4)),
                                                      std::string(evidence.Text(5)), std::string(evidence.Text(6)),
                                                      std::string(evidence.Text(7)), evidence.Double(8)});
  }
  return graph;
}

void Store::WriteTransaction(const std::function<void()>& fn) {
  Database& db = impl_->db;
  // IMMEDIATE takes the write lock now, so a second writer waits here (busy timeout) instead of
  // failing later in the middle of its changes.
  if (sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) db.Fail("starting a write");
  try {
    impl_->head = impl_->ReadHead();
    fn();
    if (sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) db.Fail("committing the changes");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::Impl::Prepare() {
  if (find_entity) return;
  find_entity = std::make_unique<Statement>(db, "SELECT row, since FROM entities WHERE id = ?1 AND until IS NULL");
  close_entity = std::make_unique<Statement>(db, "UPDATE entities SET until = ?2 WHERE row = ?1");
  insert_entity = std::make_unique<Statement>(
      db, "INSERT INTO entities(id, name, kind, country, description, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  update_entity = std::make_unique<Statement>(
      db, "UPDATE entities SET name = ?2, kind = ?3, country = ?4, description = ?5 WHERE row = ?1");
  delete_aliases = std::make_unique<Statement>(db, "DELETE FROM aliases WHERE entity_row = ?1");
  insert_alias = std::make_unique<Statement>(db, "INSERT INTO aliases(entity_row, position, alias) VALUES (?1, ?2, ?3)");
  delete_entity_properties = std::make_unique<Statement>(db, "DELETE FROM entity_properties WHERE entity_row = ?1");
  insert_entity_property =
      std::make_unique<Statement>(db, "INSERT INTO entity_properties(entity_row, key, value) VALUES (?1, ?2, ?3)");
  find_relation = std::make_unique<Statement>(
      db, "SELECT row, since FROM relations WHERE source = ?1 AND type = ?2 AND target = ?3 AND until IS NULL");
  close_relation = std::make_unique<Statement>(db, "UPDATE relations SET until = ?2 WHERE row = ?1");
  insert_relation = std::make_unique<Statement>(
      db, "INSERT INTO relations(source, type, target, weight, date, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  update_relation = std::make_unique<Statement>(db, "UPDATE relations SET weight = ?2, date = ?3 WHERE row = ?1");
  delete_relation_properties = std::make_unique<Statement>(db, "DELETE FROM relation_properties WHERE relation_row = ?1");
  insert_relation_property =
      std::make_unique<Statement>(db, "INSERT INTO relation_properties(relation_row, key, value) VALUES (?1, ?2, ?3)");
  insert_evidence = std::make_unique<Statement>(
      db,
      "INSERT INTO evidence(source, type, target, document, sentence, date, locator, extractor, confidence, since) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  put_document = std::make_unique<Statement>(
      db,
      "INSERT INTO documents(id, title, url, date, lang) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, date = excluded.date, lang = excluded.lang");
}

void Store::Apply(const ChangeSet& changes) {
  Impl& impl = *impl_;
  impl.Prepare();
  for (const Document& document : changes.documents) {
    impl.put_document->Bind(1, document.id).Bind(2, document.title).Bind(3, document.url).Bind(4, document.date).Bind(5, document.lang).Run();
  }
  for (const Entity& entity : changes.entities) impl.PutEntity(entity);
  for (const Relation& relation : changes.relations) impl.PutRelation(relation);
  for (const auto& [key, evidence] : changes.evidence) impl.InsertEvidence(key, evidence);
}

void Store::Impl::PutEntity(const Entity& entity) {
  int64_t row = -1;
  find_entity->Bind(1, entity.id);
  if (find_entity->Step()) {
    int64_t existing = find_entity->Int(0);
    int64_t since = find_entity->Int(1);
    find_entity->Reset();
    if (since == head) {
      row = existing;  // born in the working version: no snapshot sees it, change in place
      update_entity->Bind(1, row).Bind(2, entity.name).Bind(3, entity.kind).Bind(4, entity.country).Bind(5, entity.description).Run();
      delete_aliases->Bind(1, row).Run();
      delete_entity_properties->Bind(1, row).Run();
    } else {
      close_entity->Bind(1, existing).Bind(2, head).Run();
    }
  } else {
    find_entity->Reset();
  }
  if (row < 0) {
    insert_entity->Bind(1, entity.id).Bind(2, entity.name).Bind(3, entity.kind).Bind(4, entity.country).Bind(5, entity.description).Bind(6, head).Run();
    row = sqlite3_last_insert_rowid(db.handle());
  }
  int64_t position = 0;
  for (const std::string& alias : entity.aliases) insert_alias->Bind(1, row).Bind(2, position++).Bind(3, alias).Run();
  for (const auto& [key, value] : entity.properties) insert_entity_property->Bind(1, row).Bind(2, key).Bind(3, value).Run();
}

void Store::Impl::PutRelation(const Relation& relation) {
  RelationKey key = KeyOf(relation, schema);
  int64_t row = -1;
  find_relation->Bind(1, key.source).Bind(2, key.type).Bind(3, key.target);
  if (find_relation->Step()) {
    int64_t existing = find_relation->Int(0);
    int64_t since = find_relation->Int(1);
    find_relation->Reset();
    if (since == head) {
      row = existing;
      update_relation->Bind(1, row).Bind(2, relation.weight).Bind(3, relation.date).Run();
      delete_relation_properties->Bind(1, row).Run();
    } else {
      close_relation->Bind(1, existing).Bind(2, head).Run();
    }
  } else {
    find_relation->Reset();
  }
  if (row < 0) {
    insert_relation->Bind(1, key.source).Bind(2, key.type).Bind(3, key.target).Bind(4, relation.weight).Bind(5, relation.date).Bind(6, head).Run();
    row = sqlite3_last_insert_rowid(db.handle());
  }
  for (const auto& [name, value] : relation.properties) insert_relation_property->Bind(1, row).Bind(2, name).Bind(3, value).Run();
}

void Store::Impl::InsertEvidence(const RelationKey& key, const Evidence& evidence) {
  insert_evidence->Bind(1, key.source).Bind(2, key.type).Bind(3, key.target).Bind(4, evidence.document).Bind(5, evidence.sentence)
      .Bind(6, evidence.date).Bind(7, evidence.locator).Bind(8, evidence.extractor).Bind(9, evidence.confidence).Bind(10, head).Run();
}

}  // namespace relgraph::store
