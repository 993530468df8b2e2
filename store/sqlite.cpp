#include "store/sqlite.h"

#include "common/error.h"

#include <cstring>

namespace relgraph::store {

Database::Database(const std::string& path, int flags) : Database(path, flags, path) {}

Database::Database(const std::string& path, int flags, const std::string& open_as) : path_(path) {
  // SQLite counts every allocation under a global mutex unless told not to, before its first
  // use; nothing here reads those counts. (SQLITE_MISUSE if SQLite was used already: harmless.)
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  int rc = sqlite3_open_v2(open_as.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw Error(ErrorKind::kStorage, path + ": cannot open the store: " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error(ErrorKind::kStorage, path_ + ": " + text + " (while running: " + std::string(sql).substr(0, 60) + ")");
  }
}

void Database::Fail(std::string_view doing) const {
  int code = sqlite3_extended_errcode(db_);
  std::string message = path_ + ": " + std::string(doing) + " failed: " + sqlite3_errmsg(db_);
  // The operating system's reason says what SQLite's generic "disk I/O error" does not.
  if (int error = sqlite3_system_errno(db_); error != 0 && (code & 0xFF) == SQLITE_IOERR) {
    message += std::string(" (") + std::strerror(error) + ")";
  }
  if ((code & 0xFF) == SQLITE_FULL) message += " (the disk is full)";
  if ((code & 0xFF) == SQLITE_READONLY) message += " (the store is read-only)";
  if ((code & 0xFF) == SQLITE_BUSY) message += " (another process holds the store; try again when it is done)";
  throw Error(ErrorKind::kStorage, message);
}

Statement::Statement(Database& db, const char* sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    db.Fail(std::string("preparing '") + sql + "'");
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::string_view text) {
  // Explicit length: text may hold any bytes, and is never read past its end.
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    db_.Fail("binding a value");
  }
  return *this;
}

Statement& Statement::BindStatic(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK) {
    db_.Fail("binding a value");
  }
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.Fail("binding a value");
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_.Fail("binding a value");
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.Fail("binding a value");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.Fail("running '" + sql_.substr(0, 50) + "'");
}

void Statement::Run() {
  while (Step()) {
  }
  Reset();
}

void Statement::RunKeepingBindings() {
  while (Step()) {
  }
  sqlite3_reset(stmt_);
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK) db_.Fail("binding a value");
  return *this;
}

std::string_view Statement::Blob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return bytes ? std::string_view(bytes, static_cast<size_t>(size)) : std::string_view();
}

std::string_view Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return text ? std::string_view(text, static_cast<size_t>(size)) : std::string_view();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace relgraph::store
