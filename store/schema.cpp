// Stage 1 of the store: opening a file, its schema (version 1 and every migration since), the
// vocabulary and head version it keeps, and the write transaction every change runs in.
#include "store/internal.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
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
    // 6 -> 7: compact provenance, relation rows clustered on their key. The evidence a relation
    // row was born with, when it says only "line L of the imported file NAME" (document
    // "file:NAME", locator "NAME:L", no sentence, extractor csv, confidence 1), is kept in the
    // row itself: document (atom), line and line_date (the evidence's date); a row copied to a
    // new version copies it. It is moved there from evidence_rows when it is the first evidence
    // of its key in every version the relation row is seen in (same since and until, no earlier
    // evidence row overlapping), so every reader gives the same evidence in the same order.
    // line_documents lists the documents such rows cite (what evidence_by_document tells of
    // evidence rows). first_seen becomes the day number (days since 1970-01-01; NULL: unknown),
    // and a weight of at most two decimals (CSV weights) its hundredths as an integer (2 bytes
    // instead of 8; the column has no type, so SQLite keeps integers and reals apart, and
    // n / 100.0 is exactly the double "n/100" parses to). The rows are a table WITHOUT ROWID
    // keyed by (source, type, target, since), which is also a row's identity (a key has one row
    // per version it changed in), so relation_properties hang off the same four numbers and rows
    // have no number of their own: a key is found in the table itself, and neither relations_live
    // nor relations_by_ends is kept (31 MB fewer on a million relations), nor entities_by_id
    // (entities_live finds the working graph's; a snapshot's are scanned), nor the name key of
    // an entity that equals its id (found as the id: store/internal.h StoredKeysOf). The view evidence
    // shows both kinds of evidence (row NULL for a relation row's); the view row_evidence only
    // those of evidence_rows; the view relations has no row column any more.
    R"sql(
CREATE TEMP TABLE moved_7(relation_row INTEGER PRIMARY KEY, evidence_row INTEGER NOT NULL);
CREATE TEMP TABLE first_evidence_7 AS
  SELECT r.row AS relation_row,
         (SELECT min(v.row) FROM evidence_rows v WHERE v.source = r.source AND v.type = r.type AND v.target = r.target
            AND v.since < coalesce(r.until, 9223372036854775807) AND (v.until IS NULL OR v.until > r.since)) AS evidence_row
  FROM relation_rows r;
INSERT INTO moved_7(relation_row, evidence_row)
  SELECT f.relation_row, f.evidence_row
  FROM first_evidence_7 f JOIN evidence_rows v ON v.row = f.evidence_row JOIN relation_rows r ON r.row = f.relation_row
  WHERE v.since = r.since AND v.until IS r.until AND typeof(v.locator) = 'integer' AND v.sentence = '' AND v.extractor = 'csv'
    AND v.confidence = 1.0
    AND f.evidence_row NOT IN (SELECT evidence_row FROM first_evidence_7 WHERE evidence_row IS NOT NULL
                               GROUP BY evidence_row HAVING count(*) > 1);
CREATE TABLE relation_rows_7(
  source INTEGER NOT NULL, type INTEGER NOT NULL, target INTEGER NOT NULL, since INTEGER NOT NULL,
  weight NOT NULL, date TEXT NOT NULL, until INTEGER, first_seen INTEGER, document INTEGER, line INTEGER, line_date TEXT,
  PRIMARY KEY(source, type, target, since)) WITHOUT ROWID;
INSERT INTO relation_rows_7(source, type, target, since, weight, date, until, first_seen, document, line, line_date)
  SELECT r.source, r.type, r.target, r.since,
         CASE WHEN abs(r.weight) < 1e13 AND round(r.weight * 100) / 100.0 = r.weight THEN CAST(round(r.weight * 100) AS INTEGER)
              ELSE r.weight END,
         r.date, r.until,
         CASE WHEN julianday(r.first_seen) IS NULL THEN NULL ELSE CAST(julianday(r.first_seen) - 2440587.5 AS INTEGER) END,
         v.document, v.locator, v.date
  FROM relation_rows r LEFT JOIN moved_7 m ON m.relation_row = r.row LEFT JOIN evidence_rows v ON v.row = m.evidence_row
  ORDER BY r.source, r.type, r.target, r.since;
DELETE FROM evidence_rows WHERE row IN (SELECT evidence_row FROM moved_7);
DROP TABLE temp.first_evidence_7;
DROP TABLE temp.moved_7;
CREATE TABLE relation_properties_7(
  source INTEGER NOT NULL, type INTEGER NOT NULL, target INTEGER NOT NULL, since INTEGER NOT NULL, key TEXT NOT NULL,
  value TEXT NOT NULL, PRIMARY KEY(source, type, target, since, key)) WITHOUT ROWID;
INSERT INTO relation_properties_7(source, type, target, since, key, value)
  SELECT r.source, r.type, r.target, r.since, p.key, p.value FROM relation_properties p JOIN relation_rows r ON r.row = p.relation_row;
DROP TABLE relation_properties;
DROP VIEW relations;
DROP VIEW evidence;
DROP TABLE relation_rows;
ALTER TABLE relation_rows_7 RENAME TO relation_rows;
ALTER TABLE relation_properties_7 RENAME TO relation_properties;
DROP INDEX IF EXISTS entities_by_id;
DELETE FROM entity_keys WHERE key = (SELECT e.id FROM entities e WHERE e.row = entity_keys.entity_row);
CREATE TABLE line_documents(document INTEGER PRIMARY KEY);
INSERT INTO line_documents(document) SELECT DISTINCT document FROM relation_rows WHERE document IS NOT NULL;
CREATE VIEW relations AS
  SELECT s.text AS source, t.text AS type, g.text AS target,
         CASE WHEN typeof(r.weight) = 'integer' THEN r.weight / 100.0 ELSE r.weight END AS weight, r.date AS date,
         r.since AS since, r.until AS until,
         CASE WHEN r.first_seen IS NULL THEN '' ELSE date(r.first_seen * 86400, 'unixepoch') END AS first_seen,
         r.first_seen AS first_seen_day, l.text AS line_document, r.line AS line, r.line_date AS line_date
  FROM relation_rows r JOIN atoms s ON s.n = r.source JOIN atoms t ON t.n = r.type JOIN atoms g ON g.n = r.target
       LEFT JOIN atoms l ON l.n = r.document;
CREATE VIEW row_evidence AS
  SELECT v.row AS row, s.text AS source, t.text AS type, g.text AS target, d.text AS document, v.sentence AS sentence,
         v.date AS date,
         CASE WHEN typeof(v.locator) = 'integer' THEN substr(d.text, 6) || ':' || v.locator ELSE v.locator END AS locator,
         v.extractor AS extractor, v.confidence AS confidence, v.since AS since, v.until AS until
  FROM evidence_rows v JOIN atoms s ON s.n = v.source JOIN atoms t ON t.n = v.type JOIN atoms g ON g.n = v.target
       JOIN atoms d ON d.n = v.document;
CREATE VIEW evidence AS
  SELECT row, source, type, target, document, sentence, date, locator, extractor, confidence, since, until FROM row_evidence
  UNION ALL
  SELECT NULL AS row, s.text AS source, t.text AS type, g.text AS target, d.text AS document, '' AS sentence,
         r.line_date AS date, substr(d.text, 6) || ':' || r.line AS locator, 'csv' AS extractor, 1.0 AS confidence,
         r.since AS since, r.until AS until
  FROM relation_rows r JOIN atoms s ON s.n = r.source JOIN atoms t ON t.n = r.type JOIN atoms g ON g.n = r.target
       JOIN atoms d ON d.n = r.document
  WHERE r.document IS NOT NULL;
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

}  // namespace

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

void BindWeight(Statement& statement, int index, double weight) {
  double hundredths = std::round(weight * 100);
  if (std::abs(hundredths) < 1e15 && hundredths / 100.0 == weight) {
    statement.Bind(index, static_cast<int64_t>(hundredths));
  } else {
    statement.Bind(index, weight);
  }
}

std::string WeightOf(const std::string& alias) {
  std::string column = alias.empty() ? "weight" : alias + ".weight";
  return "(CASE WHEN typeof(" + column + ") = 'integer' THEN " + column + " / 100.0 ELSE " + column + " END)";
}

int64_t TodayNumber() { return static_cast<int64_t>(std::time(nullptr)) / 86400; }

std::string DateOfDay(int64_t day) {
  // Days to civil date (H. Hinnant's algorithm), proleptic Gregorian.
  int64_t z = day + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buffer;
}

// Visibility of a versioned row (columns since/until of table alias t).
std::string Visible(const std::string& alias, bool at_version, const std::string& parameter) {
  std::string prefix = alias.empty() ? "" : alias + ".";
  return at_version ? "(" + prefix + "since <= " + parameter + " AND (" + prefix + "until IS NULL OR " + prefix + "until > " +
                          parameter + "))"
                    : "(" + prefix + "until IS NULL)";
}

// Load's rule for documents: a version shows those its evidence cites and those no evidence
// cites at all (described in a JSON import alone). Uses ?1 for the version when at_version.
std::string DocumentVisible(bool at_version) {
  // Evidence is kept in evidence rows and (schema 7) in the relation rows of bulk CSV lines,
  // whose documents line_documents lists.
  const std::string atom = "(SELECT n FROM atoms WHERE text = d.id)";
  return "((NOT EXISTS (SELECT 1 FROM evidence_rows x WHERE x.document = " + atom +
         ") AND NOT EXISTS (SELECT 1 FROM line_documents l WHERE l.document = " + atom + ")) OR EXISTS "
         "(SELECT 1 FROM evidence_rows v WHERE v.document = " + atom + " AND " + Visible("v", at_version) + ") OR (EXISTS "
         "(SELECT 1 FROM line_documents l WHERE l.document = " + atom + ") AND EXISTS (SELECT 1 FROM relation_rows w WHERE w.document = " +
         atom + " AND " + Visible("w", at_version) + ")))";
}

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
  }
  if (mode == Mode::kReadOnly) {
    // Reads map the file instead of copying every page through read(): a question on a large
    // store touches the graph image's pages once, straight from the OS page cache. (By mode,
    // not by flags: a reader opens read-write when it may, see above.)
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
  last_atom = {"", 0};
  last_line_document = 0;
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
  // An upgrade that rebuilt the large tables (6 -> 7) leaves their old pages free: the file is
  // written afresh, at its new size, when more than a quarter of it is free. VACUUM is a
  // transaction of its own; when another connection holds the store it is left for later.
  if (QueryInt(db, "PRAGMA freelist_count") * 4 > QueryInt(db, "PRAGMA page_count")) {
    sqlite3_exec(db.handle(), "VACUUM", nullptr, nullptr, nullptr);
  }
  (void)from_version;
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
  // written once, from the rows in their last form (integer keys since 6; counts of evidence
  // kept in relation rows since 7).
  if (from < 7) RebuildImages();
}

void Store::Impl::RebuildImages() {
  LoadSchema();
  db.Exec("DELETE FROM graph_images");
  if (has_counts) db.Exec("DELETE FROM graph_counts");
  WriteImage(0, std::nullopt);
  for (const SnapshotInfo& snapshot : Snapshots()) WriteImage(snapshot.version, snapshot.version);
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

}  // namespace relgraph::store
