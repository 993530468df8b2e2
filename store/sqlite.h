// A thin RAII layer over the SQLite C API (private to store/): every call checked, every value
// bound through a prepared statement with an explicit length.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace relgraph::store {

class Database {
 public:
  Database(const std::string& path, int flags);  // throws Error(kStorage)
  // Opens `open_as` (an SQLite file name or URI, per flags) under the name `path` in messages.
  Database(const std::string& path, int flags, const std::string& open_as);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  // Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT).
  void Exec(const char* sql);
  // Throws Error(kStorage) naming what was being done and SQLite's message.
  [[noreturn]] void Fail(std::string_view doing) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);
  // Binds text SQLite does not copy: it must stay unchanged until the statement is reset.
  Statement& BindStatic(int index, std::string_view text);
  // Steps once: true when a row is ready, false when done. Throws on error.
  bool Step();
  // Steps to completion and resets, keeping nothing.
  void Run();
  void Reset();
  // Run for a loop that binds every parameter before each run: the bindings are left as they
  // are (clearing them costs a call per parameter and nothing is gained).
  void RunKeepingBindings();

  std::string_view Text(int column) const;
  std::string_view Blob(int column) const;  // valid until the next Step/Reset
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;  // a copy: callers often pass a temporary's c_str(), and errors quote it
};

}  // namespace relgraph::store
