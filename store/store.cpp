#include "store/store.h"

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
#include "store/sqlite.h"

namespace relgraph::store {
namespace {

// Schema version 1: the first store layout. Kept verbatim: new stores are created by running
// it and then every migration, so a new store and an upgraded one are the same by construction.
constexpr const char* kSchemaV1 = R"sql(
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

// Migrations[i] upgrades schema version i+1 to i+2.
constexpr const char* kMigrations[] = {
    // 1 -> 2: named snapshots; the date a relation was first imported, for --as-of.
    R"sql(
CREATE TABLE snapshots(
  name TEXT PRIMARY KEY, version INTEGER NOT NULL UNIQUE, created TEXT NOT NULL, note TEXT NOT NULL,
  entities INTEGER NOT NULL, relations INTEGER NOT NULL);
ALTER TABLE relations ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
CREATE INDEX evidence_by_document ON evidence(document);
)sql",
    // 2 -> 3: what lets a large store answer without being loaded whole: the match keys of
    // entity ids, names and aliases (EntityLookup's, so names resolve through an index), and
    // the graph image of the working graph (version 0) and of every snapshot. Both are filled
    // by Impl::AfterMigration.
    R"sql(
CREATE TABLE entity_keys(
  key TEXT NOT NULL, entity_row INTEGER NOT NULL REFERENCES entities(row), PRIMARY KEY(key, entity_row)) WITHOUT ROWID;
CREATE INDEX entity_keys_by_row ON entity_keys(entity_row);
CREATE TABLE graph_images(version INTEGER PRIMARY KEY, image BLOB NOT NULL);
)sql",
    // 3 -> 4: match keys fold width as well (NFKC_Casefold instead of NFC + case folding), so
    // every stored key is computed again, by Impl::AfterMigration.
    R"sql(
DELETE FROM entity_keys;
)sql",
    // 4 -> 5: what `info` prints, kept per version (0: the working graph; else a snapshot's)
    // and written in the same transaction as the graph image, so counting costs one row read.
    // by_kind and by_relation hold "name<TAB>count" lines. Filled by Impl::AfterMigration.
    R"sql(
CREATE TABLE IF NOT EXISTS graph_counts(
  version INTEGER PRIMARY KEY, entities INTEGER NOT NULL, relations INTEGER NOT NULL, evidence INTEGER NOT NULL,
  documents INTEGER NOT NULL, by_kind TEXT NOT NULL, by_relation TEXT NOT NULL);
)sql",
    // 5 -> 6: integer keys. The text of entity ids, relation type names and document ids is
    // kept once, in atoms; relation and evidence rows refer to it by number (relation_rows,
    // evidence_rows), and the views relations and evidence show them with their text, as the
    // tables of schema 5 had them. The locator of an evidence record that says only "line L of
    // its file" (a bulk CSV line: document "file:NAME", locator "NAME:L") is stored as the
    // integer L. Relation rows keep their row numbers, so relation_properties (rebuilt to refer
    // to relation_rows) keep theirs. Indexes: the live key (unique; also what an import looks
    // a relation up by), the ends of every row (parts of a snapshot), and evidence by relation
    // key and by document.
    R"sql(
CREATE TABLE atoms(n INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
INSERT OR IGNORE INTO atoms(text) SELECT name FROM relation_types ORDER BY position;
INSERT OR IGNORE INTO atoms(text) SELECT source FROM relations UNION SELECT target FROM relations UNION SELECT type FROM relations
  UNION SELECT source FROM evidence UNION SELECT target FROM evidence UNION SELECT type FROM evidence
  UNION SELECT document FROM evidence;
CREATE TABLE relation_rows(
  row INTEGER PRIMARY KEY, source INTEGER NOT NULL, type INTEGER NOT NULL, target INTEGER NOT NULL,
  weight REAL NOT NULL, date TEXT NOT NULL, since INTEGER NOT NULL, until INTEGER, first_seen TEXT NOT NULL);
INSERT INTO relation_rows(row, source, type, target, weight, date, since, until, first_seen)
  SELECT r.row, (SELECT n FROM atoms WHERE text = r.source), (SELECT n FROM atoms WHERE text = r.type),
         (SELECT n FROM atoms WHERE text = r.target), r.weight, r.date, r.since, r.until, r.first_seen
  FROM relations r ORDER BY r.row;
CREATE TABLE relation_properties_6(
  relation_row INTEGER NOT NULL REFERENCES relation_rows(row), key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(relation_row, key)) WITHOUT ROWID;
INSERT INTO relation_properties_6(relation_row, key, value) SELECT relation_row, key, value FROM relation_properties;
DROP TABLE relation_properties;
ALTER TABLE relation_properties_6 RENAME TO relation_properties;
CREATE TABLE evidence_rows(
  row INTEGER PRIMARY KEY, source INTEGER NOT NULL, type INTEGER NOT NULL, target INTEGER NOT NULL,
  document INTEGER NOT NULL, sentence TEXT NOT NULL, date TEXT NOT NULL, locator NOT NULL, extractor TEXT NOT NULL,
  confidence REAL NOT NULL, since INTEGER NOT NULL, until INTEGER);
INSERT INTO evidence_rows(row, source, type, target, document, sentence, date, locator, extractor, confidence, since, until)
  SELECT v.row, (SELECT n FROM atoms WHERE text = v.source), (SELECT n FROM atoms WHERE text = v.type),
         (SELECT n FROM atoms WHERE text = v.target), (SELECT n FROM atoms WHERE text = v.document), v.sentence, v.date,
         CASE WHEN substr(v.document, 1, 5) = 'file:' AND substr(v.locator, 1, length(v.document) - 4) = substr(v.document, 6) || ':'
                   AND CAST(CAST(substr(v.locator, length(v.document) - 3) AS INTEGER) AS TEXT) = substr(v.locator, length(v.document) - 3)
                   AND CAST(substr(v.locator, length(v.document) - 3) AS INTEGER) > 0
              THEN CAST(substr(v.locator, length(v.document) - 3) AS INTEGER) ELSE v.locator END,
         v.extractor, v.confidence, v.since, v.until
  FROM evidence v ORDER BY v.row;
DROP TABLE relations;
DROP TABLE evidence;
CREATE UNIQUE INDEX relations_live ON relation_rows(source, type, target) WHERE until IS NULL;
CREATE INDEX relations_by_ends ON relation_rows(source, target);
CREATE INDEX evidence_by_relation ON evidence_rows(source, type, target);
CREATE INDEX evidence_by_document ON evidence_rows(document);
CREATE VIEW relations AS
  SELECT r.row AS row, s.text AS source, t.text AS type, g.text AS target, r.weight AS weight, r.date AS date,
         r.since AS since, r.until AS until, r.first_seen AS first_seen
  FROM relation_rows r JOIN atoms s ON s.n = r.source JOIN atoms t ON t.n = r.type JOIN atoms g ON g.n = r.target;
CREATE VIEW evidence AS
  SELECT v.row AS row, s.text AS source, t.text AS type, g.text AS target, d.text AS document, v.sentence AS sentence,
         v.date AS date,
         CASE WHEN typeof(v.locator) = 'integer' THEN substr(d.text, 6) || ':' || v.locator ELSE v.locator END AS locator,
         v.extractor AS extractor, v.confidence AS confidence, v.since AS since, v.until AS until
  FROM evidence_rows v JOIN atoms s ON s.n = v.source JOIN atoms t ON t.n = v.type JOIN atoms g ON g.n = v.target
       JOIN atoms d ON d.n = v.document;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion - 1, "one migration per schema version step");

bool HasSqliteHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 16 && std::memcmp(header, "SQLite format 3\0", 16) == 0;
}

// Bytes 18 and 19 of the header are 2 in a database in WAL mode.
bool IsWalFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[20] = {};
  in.read(header, sizeof header);
  return in.gcount() == 20 && header[18] == 2 && header[19] == 2;
}

// A file: URI naming path, with the characters URIs reserve escaped.
std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7F) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?" + query;
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

int64_t QueryInt(Database& db, const char* sql) {
  Statement statement(db, sql);
  if (!statement.Step()) db.Fail(sql);
  return statement.Int(0);
}

std::string UtcNow(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, format, &utc);
  return buffer;
}

// "2023" -> "2023-12-31", "2023-06" -> "2023-06-31": the last day a date can mean, so that
// comparing stored dates (any precision) as text with <= answers "on or before".
std::string EndOfPeriod(const std::string& date) {
  if (date.size() == 4) return date + "-12-31";
  if (date.size() == 7) return date + "-31";
  return date;
}

// Schema 6 stores the locator "NAME:L" of evidence citing document "file:NAME" as the integer L
// (the view `evidence` gives the text back). The same rule as the migration's SQL: L is a
// positive integer written without sign or leading zeros.
std::optional<int64_t> LineOfFile(std::string_view document, std::string_view locator) {
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

// Visibility of a versioned row (columns since/until of table alias t).
std::string Visible(const std::string& alias, bool at_version, const std::string& parameter = "?1") {
  std::string prefix = alias.empty() ? "" : alias + ".";
  return at_version ? "(" + prefix + "since <= " + parameter + " AND (" + prefix + "until IS NULL OR " + prefix + "until > " +
                          parameter + "))"
                    : "(" + prefix + "until IS NULL)";
}

// Load's rule for documents: a version shows those its evidence cites and those no evidence
// cites at all (described in a JSON import alone). Uses ?1 for the version when at_version.
std::string DocumentVisible(bool at_version) {
  return "(NOT EXISTS (SELECT 1 FROM evidence_rows x WHERE x.document = (SELECT n FROM atoms WHERE text = d.id)) OR EXISTS "
         "(SELECT 1 FROM evidence_rows v WHERE v.document = (SELECT n FROM atoms WHERE text = d.id) AND " + Visible("v", at_version) + "))";
}

}  // namespace

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
  // Inserts a live row for a relation whose key has none.
  void InsertRelation(std::string_view source, std::string_view type, std::string_view target, const Relation& relation,
                      const std::string& first_seen);
  std::string today;  // UTC date of the write in progress, the first_seen of new relations
  void InsertEvidence(const RelationKey& key, const Evidence& evidence);
  void CollectGarbage();
  void Transaction(const std::function<void()>& fn);

  std::unique_ptr<Statement> find_entity, close_entity, insert_entity, update_entity, delete_aliases, insert_alias,
      delete_entity_properties, insert_entity_property, find_relation, close_relation, insert_relation,
      update_relation, delete_relation_properties, insert_relation_property, insert_evidence, put_document, insert_key,
      delete_keys;
  void Prepare();
  // The number of a text in atoms (schema 6), added when it has none. Numbers are cached for
  // the transaction in progress (a rolled back one may take its new atoms with it).
  int64_t Atom(std::string_view text);
  std::unique_ptr<Statement> find_atom, insert_atom;
  std::unordered_map<std::string, int64_t> atom_cache;
  // A statement prepared once per store and kept; callers Reset() it when done with it, so it
  // holds no read lock between uses.
  Statement& Cached(const std::string& sql);
  std::map<std::string, std::unique_ptr<Statement>> cached;
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
  // Readers open read-write when they may, so SQLite can roll back a hot journal left by a
  // killed writer; they never write anything else.
  bool writable = access(path.c_str(), W_OK) == 0;
  if (exists && !writable && mode == Mode::kReadWrite) {
    throw Error(ErrorKind::kStorage, path + ": the store is read-only (" + std::strerror(errno) + "); nothing was changed");
  }
  int flags = mode == Mode::kReadWrite ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
              : writable              ? SQLITE_OPEN_READWRITE
                                      : SQLITE_OPEN_READONLY;
  // A store in WAL mode is read through its -shm file, which a reader who may not write the
  // directory cannot create. When there is no -wal file either, nobody is writing the store
  // (a writer creates both), so it is read as an immutable file: nothing is created or locked.
  std::string open_as = path;
  if (flags == SQLITE_OPEN_READONLY && IsWalFile(path) && access((path + "-wal").c_str(), F_OK) != 0 &&
      access((path + "-shm").c_str(), F_OK) != 0 && access(DirectoryOf(path).c_str(), W_OK) != 0) {
    flags |= SQLITE_OPEN_URI;
    open_as = FileUri(path, "immutable=1");
  }
  auto impl = std::make_unique<Impl>(path, flags | SQLITE_OPEN_NOMUTEX, open_as);
  Database& db = impl->db;
  sqlite3_busy_timeout(db.handle(), 60000);

  int64_t application_id = QueryInt(db, "PRAGMA application_id");
  int64_t version = QueryInt(db, "PRAGMA user_version");
  int64_t tables = QueryInt(db, "SELECT count(*) FROM sqlite_schema");
  if (application_id != kApplicationId) {
    if (application_id != 0 || tables != 0) {
      char id[32];
      std::snprintf(id, sizeof id, "0x%08llX", static_cast<unsigned long long>(application_id));
      throw Error(ErrorKind::kStorage, path + ": an SQLite database of another application (application_id " + id + ", " +
                                           std::to_string(tables) + " schema objects), not a relgraph store; refusing to touch it");
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
    // Write-ahead log: readers go on reading the last committed state while a write is in
    // progress, and a write does not wait for readers. A store of another journal mode (made
    // before WAL, or while another process held it) is switched when nobody else has it open;
    // until then it keeps its rollback journal, which is as safe, only less concurrent.
    // (Switching needs the file to itself: a reader holding it must not make this wait.)
    sqlite3_busy_timeout(db.handle(), 200);
    sqlite3_exec(db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db.handle(), 60000);
  }
  if (flags & SQLITE_OPEN_READWRITE) {
    db.Exec("PRAGMA synchronous = FULL");
    // Large imports update several B-tree indexes per row; a page cache of 2 MB (the default)
    // makes them thrash. 256 MB is an upper bound, used only as the store grows.
    db.Exec("PRAGMA cache_size = -262144");
  } else {
    // Reads map the file instead of copying every page through read(): a question on a large
    // store touches the graph image's pages once, straight from the OS page cache.
    db.Exec("PRAGMA mmap_size = 4294967296");
  }
  if (application_id != kApplicationId) {
    impl->CreateSchema(schema_for_new_store);
  } else if (version < kSchemaVersion) {
    if (!(flags & SQLITE_OPEN_READWRITE)) {
      throw Error(ErrorKind::kStorage, path + ": store schema " + std::to_string(version) + " needs an upgrade to " +
                                           std::to_string(kSchemaVersion) + ", but the file is read-only");
    }
    impl->Migrate(version);
  }
  impl->LoadSchema();
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

void Store::Impl::Transaction(const std::function<void()>& fn) {
  // IMMEDIATE takes the write lock now, so a second writer waits here (busy timeout) instead of
  // failing later in the middle of its changes.
  if (sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) db.Fail("starting a write");
  atom_cache.clear();
  try {
    fn();
    if (sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) db.Fail("committing the changes");
  } catch (const Error& error) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (error.kind() != ErrorKind::kStorage) throw;
    // Say plainly that the store is as it was: the transaction is undone as a whole.
    throw Error(ErrorKind::kStorage, error.message() + "; nothing was changed");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::Impl::CreateSchema(const Schema& vocabulary) {
  Transaction([&] {
    // Another process may have created the store while we waited for the lock.
    if (QueryInt(db, "PRAGMA application_id") == kApplicationId) return;
    db.Exec(kSchemaV1);
    Statement meta(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)");
    meta.Bind(1, "head").Bind(2, "1").Run();
    meta.Bind(1, "created").Bind(2, UtcNow("%Y-%m-%dT%H:%M:%SZ")).Run();
    Statement kinds(db, "INSERT INTO entity_kinds(name, description, position) VALUES (?1, ?2, ?3)");
    int64_t position = 0;
    for (const EntityKind& kind : vocabulary.kinds()) kinds.Bind(1, kind.name).Bind(2, kind.description).Bind(3, position++).Run();
    Statement types(db, "INSERT INTO relation_types(name, symmetric, verb, description, position) VALUES (?1, ?2, ?3, ?4, ?5)");
    position = 0;
    for (const RelationType& type : vocabulary.relation_types()) {
      types.Bind(1, type.name).Bind(2, int64_t{type.symmetric}).Bind(3, type.verb).Bind(4, type.description).Bind(5, position++).Run();
    }
    RunMigrations(1);
    db.Exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  });
}

void Store::Impl::Migrate(int64_t from_version) {
  Transaction([&] {
    RunMigrations(QueryInt(db, "PRAGMA user_version"));  // another process may have upgraded it
    db.Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
  });
  (void)from_version;
}

std::vector<std::pair<int64_t, Entity>> Store::Impl::EntityNames() {
  Statement entities(db, "SELECT row, id, name FROM entities");
  Statement aliases(db, "SELECT alias FROM aliases WHERE entity_row = ?1 ORDER BY position");
  std::vector<std::pair<int64_t, Entity>> rows;
  while (entities.Step()) {
    Entity entity;
    entity.id = entities.Text(1);
    entity.name = entities.Text(2);
    rows.emplace_back(entities.Int(0), std::move(entity));
  }
  for (auto& [row, entity] : rows) {
    aliases.Bind(1, row);
    while (aliases.Step()) entity.aliases.emplace_back(aliases.Text(0));
    aliases.Reset();
  }
  return rows;
}

void Store::Impl::RunMigrations(int64_t version) {
  int64_t from = version;
  for (; version < kSchemaVersion; ++version) {
    db.Exec(kMigrations[version - 1]);
    // Name keys: written fresh by the step to 4 (3 wrote them without width folding).
    if (version + 1 == 4) {
      LoadSchema();
      for (const auto& [row, entity] : EntityNames()) WriteKeys(row, entity);
    }
  }
  // What is derived from the relation rows (graph images since 3, their counts since 5) is
  // written once, from the rows in their last form (integer keys since 6).
  if (from < 6) RebuildImages();
}

void Store::Impl::RebuildImages() {
  LoadSchema();
  db.Exec("DELETE FROM graph_images");
  if (has_counts) db.Exec("DELETE FROM graph_counts");
  WriteImage(0, std::nullopt);
  for (const SnapshotInfo& snapshot : Snapshots()) WriteImage(snapshot.version, snapshot.version);
}

void Store::Impl::WriteKeys(int64_t row, const Entity& entity) {
  // The keys EntityLookup matches names by, each once per entity.
  if (!insert_key) insert_key = std::make_unique<Statement>(db, "INSERT OR IGNORE INTO entity_keys(key, entity_row) VALUES (?1, ?2)");
  for (const std::string& key : MatchKeysOf(entity)) insert_key->Bind(1, key).Bind(2, row).Run();
}

Topology Store::Impl::BuildTopology(std::optional<int64_t> version) {
  bool at = version.has_value();
  Topology topology;
  // Entities with the atom number of their id (none when no relation or evidence names them).
  std::vector<std::pair<std::string, int64_t>> entity_atoms;
  Statement entities(db, ("SELECT e.id, a.n FROM entities e LEFT JOIN atoms a ON a.text = e.id WHERE " + Visible("e", at)).c_str());
  if (at) entities.Bind(1, *version);
  while (entities.Step()) entity_atoms.emplace_back(entities.Text(0), entities.IsNull(1) ? -1 : entities.Int(1));
  std::sort(entity_atoms.begin(), entity_atoms.end());
  std::unordered_map<int64_t, uint32_t> index_of_atom;
  index_of_atom.reserve(entity_atoms.size());
  topology.entity_ids.reserve(entity_atoms.size());
  for (auto& [id, atom] : entity_atoms) {
    if (atom >= 0) index_of_atom.emplace(atom, static_cast<uint32_t>(topology.entity_ids.size()));
    topology.entity_ids.push_back(std::move(id));
  }
  auto find = [&](int64_t atom) -> std::optional<uint32_t> {
    auto it = index_of_atom.find(atom);
    if (it == index_of_atom.end()) return std::nullopt;
    return it->second;
  };
  std::unordered_map<int64_t, uint8_t> code_of_atom;
  {
    Statement type_atom(db, "SELECT n FROM atoms WHERE text = ?1");
    for (size_t code = 0; code < schema.relation_types().size(); ++code) {
      type_atom.Bind(1, schema.relation_types()[code].name);
      if (type_atom.Step()) code_of_atom.emplace(type_atom.Int(0), static_cast<uint8_t>(code));
      type_atom.Reset();
    }
  }

  // Relations come in key order (source, type, target), as Load gives them: by entity index
  // (ids are sorted), then by the rank of the type's name, then by target index.
  std::vector<uint32_t> rank_of_code = TypeRanks(schema);
  struct Row {
    uint32_t source, target;
    uint8_t type;
    double weight;
  };
  std::vector<Row> rows;
  Statement relations(db, ("SELECT source, type, target, weight FROM relation_rows WHERE " + Visible("", at)).c_str());
  if (at) relations.Bind(1, *version);
  while (relations.Step()) {
    std::optional<uint32_t> source = find(relations.Int(0));
    std::optional<uint32_t> target = find(relations.Int(2));
    auto type = code_of_atom.find(relations.Int(1));
    // Dangling relations and unknown types are left out here and reported by Check().
    if (!source || !target || type == code_of_atom.end()) continue;
    rows.push_back({*source, *target, type->second, relations.Double(3)});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.type != b.type) return rank_of_code[a.type] < rank_of_code[b.type];
    return a.target < b.target;
  });
  topology.source.reserve(rows.size());
  topology.target.reserve(rows.size());
  topology.type.reserve(rows.size());
  topology.weight.reserve(rows.size());
  for (const Row& row : rows) {
    topology.source.push_back(row.source);
    topology.target.push_back(row.target);
    topology.type.push_back(row.type);
    topology.weight.push_back(row.weight);
  }
  return topology;
}

void Store::Impl::UpdateImage() {
  if (!image_rebuild) {
    Statement get(db, "SELECT image FROM graph_images WHERE version = 0");
    if (get.Step()) {
      try {
        Topology topology = DecodeImage(get.Blob(0), schema);
        get.Reset();
        ApplyChange(&topology, image_change, schema);
        Statement put(db, "UPDATE graph_images SET image = ?1 WHERE version = 0");
        put.BindBlob(1, EncodeImage(topology, schema)).Run();
        WriteCounts(0, std::nullopt, topology);
        return;
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::kStorage) throw;  // a damaged image is rebuilt from the rows
      }
    }
  }
  WriteImage(0, std::nullopt);
}

void Store::Impl::WriteImage(int64_t image_version, std::optional<int64_t> visible_version) {
  Topology topology = BuildTopology(visible_version);
  std::string image = EncodeImage(topology, schema);
  Statement put(db, "INSERT OR REPLACE INTO graph_images(version, image) VALUES (?1, ?2)");
  put.Bind(1, image_version).BindBlob(2, image).Run();
  WriteCounts(image_version, visible_version, topology);
}

namespace {

std::string CountLines(const std::map<std::string, int64_t>& counts) {
  std::string text;
  for (const auto& [name, count] : counts) text += name + "\t" + std::to_string(count) + "\n";
  return text;
}

std::map<std::string, int64_t> ParseCountLines(std::string_view text) {
  std::map<std::string, int64_t> counts;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw Error(ErrorKind::kStorage, "damaged graph counts: a line without a count");
    counts[std::string(line.substr(0, tab))] = std::stoll(std::string(line.substr(tab + 1)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return counts;
}

}  // namespace

Store::Counts Store::Impl::ComputeCounts(std::optional<int64_t> version, const Topology& topology) {
  bool at = version.has_value();
  // (Evidence of a relation that is not there is not counted by Load either; Check reports it.)
  std::string live_evidence = "evidence_rows v WHERE " + Visible("v", at);
  Counts counts;
  counts.entities = static_cast<int64_t>(topology.entity_ids.size());
  counts.relations = static_cast<int64_t>(topology.relation_count());
  Statement evidence(db, ("SELECT count(*) FROM " + live_evidence).c_str());
  if (at) evidence.Bind(1, *version);
  evidence.Step();
  counts.evidence = evidence.Int(0);
  Statement documents(db, ("SELECT count(*) FROM documents d WHERE " + DocumentVisible(at)).c_str());
  if (at) documents.Bind(1, *version);
  documents.Step();
  counts.documents = documents.Int(0);
  Statement kinds(db, ("SELECT kind, count(*) FROM entities WHERE " + Visible("", at) + " GROUP BY kind").c_str());
  if (at) kinds.Bind(1, *version);
  while (kinds.Step()) counts.entities_by_kind[std::string(kinds.Text(0))] = kinds.Int(1);
  for (uint8_t code : topology.type) ++counts.relations_by_type[schema.relation_types()[code].name];
  return counts;
}

std::optional<Store::Counts> Store::Impl::StoredCounts(int64_t version) {
  if (!has_counts) return std::nullopt;
  Statement row(db, "SELECT entities, relations, evidence, documents, by_kind, by_relation FROM graph_counts WHERE version = ?1");
  row.Bind(1, version);
  if (!row.Step()) return std::nullopt;
  try {
    Counts counts;
    counts.entities = row.Int(0);
    counts.relations = row.Int(1);
    counts.evidence = row.Int(2);
    counts.documents = row.Int(3);
    counts.entities_by_kind = ParseCountLines(row.Text(4));
    counts.relations_by_type = ParseCountLines(row.Text(5));
    return counts;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged row: the caller counts the rows; check reports it
  }
}

void Store::Impl::WriteCounts(int64_t counts_version, std::optional<int64_t> visible_version, const Topology& topology) {
  if (!has_counts) return;  // a migration step before schema 5
  Counts counts = ComputeCounts(visible_version, topology);
  Statement put(db, "INSERT OR REPLACE INTO graph_counts(version, entities, relations, evidence, documents, by_kind, by_relation) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  put.Bind(1, counts_version).Bind(2, counts.entities).Bind(3, counts.relations).Bind(4, counts.evidence);
  put.Bind(5, counts.documents).Bind(6, CountLines(counts.entities_by_kind)).Bind(7, CountLines(counts.relations_by_type)).Run();
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
  has_counts = QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'graph_counts'") > 0;
}

int64_t Store::Impl::ReadHead() {
  Statement statement(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'head'");
  if (!statement.Step()) throw Error(ErrorKind::kStorage, db.path() + ": damaged store: no head version in meta");
  return statement.Int(0);
}

void Store::Impl::WriteHead(int64_t value) {
  Statement statement(db, "UPDATE meta SET value = ?1 WHERE key = 'head'");
  statement.Bind(1, std::to_string(value)).Run();
  head = value;
}

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
  Statement changed(impl_->db, ("SELECT id FROM entities" + differs + " UNION SELECT source FROM relations" + differs +
                                " UNION SELECT target FROM relations" + differs + " UNION SELECT source FROM evidence" + differs +
                                " UNION SELECT target FROM evidence" + differs)
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
  std::string only_entity, only_entity_e, only_relation, only_relation_r;
  if (scope.ids != nullptr) {
    db.Exec("CREATE TEMP TABLE IF NOT EXISTS wanted(id TEXT PRIMARY KEY) WITHOUT ROWID");
    db.Exec("DELETE FROM temp.wanted");
    Statement insert(db, "INSERT OR IGNORE INTO temp.wanted(id) VALUES (?1)");
    for (const std::string& id : *scope.ids) insert.Bind(1, id).Run();
    const std::string wanted = " IN (SELECT id FROM temp.wanted)";
    only_entity = " AND id" + wanted;
    only_entity_e = " AND e.id" + wanted;
    only_relation = " AND source" + wanted + " AND target" + wanted;
    only_relation_r = " AND r.source" + wanted + " AND r.target" + wanted;
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
    int64_t row;
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
  std::unordered_map<int64_t, size_t> row_by_id;
  Statement relations(db, ("SELECT row, source, type, target, weight, date, first_seen FROM relations WHERE " +
                           Visible("", at) + only_relation + " ORDER BY source, type, target").c_str());
  bind_version(relations);
  while (relations.Step()) {
    Row row{relations.Int(0), {}, std::string(relations.Text(6))};
    row.relation.source = relations.Text(1);
    row.relation.type = relations.Text(2);
    row.relation.target = relations.Text(3);
    row.relation.weight = relations.Double(4);
    row.relation.date = relations.Text(5);
    row_by_id.emplace(row.row, rows.size());
    rows.push_back(std::move(row));
  }
  row_by_key.Reserve(rows.size());
  for (uint32_t index = 0; index < rows.size(); ++index) {
    const Relation& relation = rows[index].relation;
    if (find_row(relation.source, relation.type, relation.target)) continue;  // the first row of a key wins
    row_by_key.Insert(HashRelationKey(relation.source, relation.type, relation.target), index);
  }
  Statement relation_properties(db, ("SELECT p.relation_row, p.key, p.value FROM relation_properties p JOIN relations r "
                                     "ON r.row = p.relation_row WHERE " + Visible("r", at) + only_relation_r).c_str());
  bind_version(relation_properties);
  while (relation_properties.Step()) {
    auto it = row_by_id.find(relation_properties.Int(0));
    if (it != row_by_id.end()) rows[it->second].relation.properties.emplace(relation_properties.Text(1), relation_properties.Text(2));
  }
  Statement evidence(db, ("SELECT source, type, target, document, sentence, date, locator, extractor, confidence FROM "
                          "evidence WHERE " + Visible("", at) + only_relation + " ORDER BY row").c_str());
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
                          "(SELECT n FROM atoms WHERE text = d.id)) FROM documents d ORDER BY id");
  while (documents.Step()) {
    if (documents.Int(5) == 0 || cited.count(std::string(documents.Text(0)))) graph.PutDocument(DocumentOf(documents));
  }
  return graph;
}

int64_t Store::DataVersion() const { return QueryInt(impl_->db, "PRAGMA data_version"); }

void Store::WriteTransaction(const std::function<void()>& fn) {
  impl_->graph_changed = false;
  impl_->image_rebuild = false;
  impl_->image_change = {};
  impl_->Transaction([&] {
    impl_->head = impl_->ReadHead();
    fn();
    // The image changes in the same transaction as the rows it describes, so a reader never
    // sees one without the other.
    if (impl_->graph_changed) impl_->UpdateImage();
  });
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
      db, "SELECT row, since, first_seen FROM relation_rows WHERE source = ?1 AND type = ?2 AND target = ?3 AND until IS NULL");
  close_relation = std::make_unique<Statement>(db, "UPDATE relation_rows SET until = ?2 WHERE row = ?1");
  insert_relation = std::make_unique<Statement>(
      db, "INSERT INTO relation_rows(source, type, target, weight, date, since, first_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  update_relation = std::make_unique<Statement>(db, "UPDATE relation_rows SET weight = ?2, date = ?3 WHERE row = ?1");
  delete_relation_properties = std::make_unique<Statement>(db, "DELETE FROM relation_properties WHERE relation_row = ?1");
  insert_relation_property =
      std::make_unique<Statement>(db, "INSERT INTO relation_properties(relation_row, key, value) VALUES (?1, ?2, ?3)");
  insert_evidence = std::make_unique<Statement>(
      db,
      "INSERT INTO evidence_rows(source, type, target, document, sentence, date, locator, extractor, confidence, since) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  put_document = std::make_unique<Statement>(
      db,
      "INSERT INTO documents(id, title, url, date, lang) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, date = excluded.date, lang = excluded.lang");
  delete_keys = std::make_unique<Statement>(db, "DELETE FROM entity_keys WHERE entity_row = ?1");
}

namespace {

// For each item, the rank of its value among the distinct values (ascending byte order).
std::vector<uint32_t> RankOf(const std::vector<std::string_view>& items) {
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> local(items.size());
  IndexTable table;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t hash = HashId(items[i]);
    auto found = table.Find(hash, [&](uint32_t d) { return distinct[d] == items[i]; });
    if (!found) {
      found = static_cast<uint32_t>(distinct.size());
      table.Insert(hash, *found);
      distinct.push_back(items[i]);
    }
    local[i] = *found;
  }
  std::vector<uint32_t> by_value(distinct.size());
  for (uint32_t d = 0; d < by_value.size(); ++d) by_value[d] = d;
  std::sort(by_value.begin(), by_value.end(), [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<uint32_t> rank(distinct.size());
  for (uint32_t r = 0; r < by_value.size(); ++r) rank[by_value[r]] = r;
  for (uint32_t& value : local) value = rank[value];
  return local;
}

// Positions 0..n-1 ordered by key, equal keys in their given order. Comparing a million keys
// as text touches scattered strings at every step; ranking the distinct ids and types first
// leaves a sort of small integer tuples (about 4x faster on a million relations).
template <typename KeyAt>
std::vector<uint32_t> OrderByKey(size_t n, KeyAt&& key_at) {
  std::vector<std::string_view> ids, types;
  ids.reserve(2 * n);
  types.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    RelationKeyView key = key_at(i);
    ids.push_back(key.source);
    ids.push_back(key.target);
    types.push_back(key.type);
  }
  std::vector<uint32_t> id_rank = RankOf(ids), type_rank = RankOf(types);
  struct Item {
    uint32_t source, type, target, position;
    auto operator<=>(const Item&) const = default;
  };
  std::vector<Item> items(n);
  for (uint32_t i = 0; i < n; ++i) items[i] = {id_rank[2 * i], type_rank[i], id_rank[2 * i + 1], i};
  std::sort(items.begin(), items.end());
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = items[i].position;
  return order;
}

}  // namespace

void Store::Apply(const ChangeSet& changes) {
  Impl& impl = *impl_;
  impl.Prepare();
  // A large write into a smaller store drops the indexes of relations and evidence and builds
  // them again once the rows are in: one sort each instead of a B-tree insert per row. Those of
  // entities stay, as entities are looked up and their keys replaced one by one. The unique
  // index on live relation keys is back before the first relation is looked up, and building
  // it checks that the new relations really were new. It all happens inside the caller's
  // transaction, so a failure or a kill undoes it.
  std::vector<std::pair<std::string, std::string>> dropped;  // name, SQL
  int64_t rows = static_cast<int64_t>(changes.new_relations.size() + changes.relations.size() + changes.evidence.size());
  if (rows >= 100000 && rows > QueryInt(impl.db, "SELECT coalesce(max(row), 0) FROM evidence_rows")) {
    Statement indexes(impl.db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                               "AND tbl_name IN ('relation_rows', 'evidence_rows')");
    while (indexes.Step()) dropped.emplace_back(indexes.Text(0), indexes.Text(1));
    for (const auto& [name, sql] : dropped) impl.db.Exec(("DROP INDEX \"" + name + "\"").c_str());
  }
  auto recreate = [&](bool only_relations_live) {
    for (const auto& [name, sql] : dropped) {
      if ((name == "relations_live") == only_relations_live) impl.db.Exec(sql.c_str());
    }
  };

  for (const Document& document : changes.documents) {
    impl.put_document->Bind(1, document.id).Bind(2, document.title).Bind(3, document.url).Bind(4, document.date).Bind(5, document.lang).Run();
  }
  // Rows go in key order, so indexes on the key grow at their end instead of taking a million
  // inserts at random places (or, when dropped, are rebuilt from sorted rows). The orders are
  // computed from the change set alone, on other cores while SQLite writes what comes first.
  const std::vector<Relation>& added = changes.new_relations;
  const auto& evidence = changes.evidence;
  std::promise<std::vector<uint32_t>> added_promise;
  std::future<std::vector<uint32_t>> added_order = added_promise.get_future();
  std::future<std::vector<uint32_t>> evidence_order = std::async(std::launch::async, [&] {
    // One thread beside SQLite's: relations first, as they are written first.
    try {
      added_promise.set_value(OrderByKey(added.size(), [&](size_t i) { return KeyViewOf(added[i], impl.schema); }));
    } catch (...) {
      added_promise.set_exception(std::current_exception());
    }
    return OrderByKey(evidence.size(), [&](size_t i) {
      const RelationKey& key = evidence[i].first;
      return RelationKeyView{key.source, key.type, key.target};
    });
  });
  for (const Entity& entity : changes.entities) impl.PutEntity(entity);
  impl.today = UtcNow("%Y-%m-%d");
  for (uint32_t i : added_order.get()) {
    RelationKeyView key = KeyViewOf(added[i], impl.schema);
    impl.InsertRelation(key.source, key.type, key.target, added[i], impl.today);
  }
  recreate(true);
  for (const Relation& relation : changes.relations) impl.PutRelation(relation);
  for (uint32_t i : evidence_order.get()) impl.InsertEvidence(evidence[i].first, evidence[i].second);
  recreate(false);
  if (changes.empty()) return;
  impl.graph_changed = true;
  // The image takes a small change as it is; after a large one it is rebuilt from the rows,
  // which costs no more, and the change need not be kept.
  size_t changed = changes.entities.size() + changes.new_relations.size() + changes.relations.size();
  TopologyChange& image = impl.image_change;
  if (impl.image_rebuild || !dropped.empty() || image.entity_ids.size() + image.relations.size() + changed > 100000) {
    impl.image_rebuild = true;
    image = {};
    return;
  }
  for (const Entity& entity : changes.entities) image.entity_ids.push_back(entity.id);
  for (const std::vector<Relation>* relations : {&changes.new_relations, &changes.relations}) {
    for (const Relation& relation : *relations) {
      std::optional<size_t> type = impl.schema.RelationPosition(relation.type);
      if (!type) continue;  // left out of images, as when they are built from the rows
      RelationKeyView key = KeyViewOf(relation, impl.schema);
      image.relations.push_back({std::string(key.source), std::string(key.target), static_cast<uint8_t>(*type), relation.weight});
    }
  }
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
      delete_keys->Bind(1, row).Run();
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
  WriteKeys(row, entity);
}

int64_t Store::Impl::Atom(std::string_view text) {
  std::string key(text);
  if (auto it = atom_cache.find(key); it != atom_cache.end()) return it->second;
  if (!find_atom) {
    find_atom = std::make_unique<Statement>(db, "SELECT n FROM atoms WHERE text = ?1");
    insert_atom = std::make_unique<Statement>(db, "INSERT INTO atoms(text) VALUES (?1)");
  }
  int64_t n;
  find_atom->Bind(1, text);
  if (find_atom->Step()) {
    n = find_atom->Int(0);
    find_atom->Reset();
  } else {
    find_atom->Reset();
    insert_atom->Bind(1, text).Run();
    n = sqlite3_last_insert_rowid(db.handle());
  }
  atom_cache.emplace(std::move(key), n);
  return n;
}

void Store::Impl::PutRelation(const Relation& relation) {
  RelationKeyView key = KeyViewOf(relation, schema);
  find_relation->Bind(1, Atom(key.source)).Bind(2, Atom(key.type)).Bind(3, Atom(key.target));
  if (!find_relation->Step()) {
    find_relation->Reset();
    InsertRelation(key.source, key.type, key.target, relation, today);
    return;
  }
  int64_t existing = find_relation->Int(0);
  int64_t since = find_relation->Int(1);
  std::string first_seen(find_relation->Text(2));  // a changed relation keeps its first import date
  find_relation->Reset();
  if (since != head) {
    close_relation->Bind(1, existing).Bind(2, head).Run();
    InsertRelation(key.source, key.type, key.target, relation, first_seen);
    return;
  }
  // Born in the working version: no snapshot sees it, so it changes in place.
  update_relation->Bind(1, existing).Bind(2, relation.weight).Bind(3, relation.date).Run();
  delete_relation_properties->Bind(1, existing).Run();
  for (const auto& [name, value] : relation.properties) insert_relation_property->Bind(1, existing).Bind(2, name).Bind(3, value).Run();
}

void Store::Impl::InsertRelation(std::string_view source, std::string_view type, std::string_view target,
                                 const Relation& relation, const std::string& first_seen) {
  insert_relation->Bind(1, Atom(source)).Bind(2, Atom(type)).Bind(3, Atom(target)).Bind(4, relation.weight).Bind(5, relation.date)
      .Bind(6, head).Bind(7, first_seen).Run();
  int64_t row = sqlite3_last_insert_rowid(db.handle());
  for (const auto& [name, value] : relation.properties) insert_relation_property->Bind(1, row).Bind(2, name).Bind(3, value).Run();
}

void Store::Impl::InsertEvidence(const RelationKey& key, const Evidence& evidence) {
  insert_evidence->Bind(1, Atom(key.source)).Bind(2, Atom(key.type)).Bind(3, Atom(key.target)).Bind(4, Atom(evidence.document));
  insert_evidence->Bind(5, evidence.sentence).Bind(6, evidence.date);
  if (std::optional<int64_t> line = LineOfFile(evidence.document, evidence.locator)) {
    insert_evidence->Bind(7, *line);
  } else {
    insert_evidence->Bind(7, evidence.locator);
  }
  insert_evidence->Bind(8, evidence.extractor).Bind(9, evidence.confidence).Bind(10, head).Run();
}

// ---- snapshots ----

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
  db.Exec(("DELETE FROM relation_properties WHERE relation_row IN (SELECT row FROM relation_rows WHERE " + condition("relation_rows") + ")").c_str());
  db.Exec(("DELETE FROM relation_rows WHERE " + condition("relation_rows")).c_str());
  db.Exec(("DELETE FROM evidence_rows WHERE " + condition("evidence_rows")).c_str());
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
        run("DELETE FROM relation_properties WHERE relation_row IN (SELECT row FROM relation_rows WHERE until IS NULL AND since > ?1 AND since = ?2)");
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
    revive("relation_rows", "source, type, target, weight, date, first_seen",
           {{"relation_properties", "relation_row", "key, value"}});
    Statement evidence(db, ("INSERT INTO evidence_rows(source, type, target, document, sentence, date, locator, extractor, confidence, since) "
                            "SELECT source, type, target, document, sentence, date, locator, extractor, confidence, ?2 FROM evidence_rows WHERE " + closed).c_str());
    evidence.Bind(1, v).Bind(2, impl.head).Run();
    // The working graph is now the snapshot's.
    impl.WriteImage(0, std::nullopt);
  });
}

// ---- check ----

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
      std::string expected = EncodeImage(topology, impl_->schema);
      if (image.Blob(0) != std::string_view(expected)) {
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
    // Name keys: one row per distinct key of each entity row's id, name and aliases.
    std::set<std::pair<std::string, int64_t>> expected, stored;
    for (const auto& [row, entity] : impl_->EntityNames()) {
      for (const std::string& key : MatchKeysOf(entity)) expected.insert({key, row});
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
