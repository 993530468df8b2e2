// The one error family of relgraph: every failure a user can cause is an Error with a kind,
// a message and, when it comes from a file, the position in that file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace relgraph {

enum class ErrorKind {
  kInput,     // bad file content or bad argument value: exit 1
  kNotFound,  // a named entity, snapshot or file does not exist: exit 1
  kStorage,   // the store cannot be read or written: exit 1
  kUsage,     // the command line itself is wrong: exit 2
  kInternal,  // a bug in relgraph: exit 1
};

// The path in a SourcePos. Every position in a file shares one copy of it, so copying a
// position copies no text: parsed records keep several positions each, and a large file has
// millions of records. Reads as a const std::string&.
class SourcePath {
 public:
  SourcePath() = default;
  // Implicit, so that positions are still written SourcePos{path, line, column}.
  SourcePath(std::string path) : path_(std::make_shared<const std::string>(std::move(path))) {}
  SourcePath(const char* path) : SourcePath(std::string(path)) {}

  const std::string& str() const;
  operator const std::string&() const { return str(); }
  bool empty() const { return str().empty(); }
  friend bool operator==(const SourcePath& a, std::string_view b) { return a.str() == b; }

 private:
  std::shared_ptr<const std::string> path_;  // null for the empty path
};

// A position in an input file. Lines and columns count from 1; columns count Unicode code
// points, not bytes, so they match what an editor shows.
struct SourcePos {
  SourcePath path;
  int64_t line = 0;
  int64_t column = 0;
  std::string ToString() const;  // "path:line:column" (or "path" when line is 0)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message);
  Error(ErrorKind kind, SourcePos pos, std::string message);

  ErrorKind kind() const { return kind_; }
  const std::optional<SourcePos>& pos() const { return pos_; }
  // The message without the location prefix; what() has "path:line:col: " in front.
  const std::string& message() const { return message_; }

 private:
  ErrorKind kind_;
  std::optional<SourcePos> pos_;
  std::string message_;
};

// Shorthands for the common cases.
[[noreturn]] void ThrowInput(const SourcePos& pos, std::string message);
[[noreturn]] void ThrowInput(std::string message);

// Exit status of the command-line program for an error of this kind.
int ExitCodeFor(ErrorKind kind);

}  // namespace relgraph
