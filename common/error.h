// The one error family of relgraph: every failure a user can cause is an Error with a kind,
// a message and, when it comes from a file, the position in that file.
#pragma once

#include <cstdint>
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

// A position in an input file. Lines and columns count from 1; columns count Unicode code
// points, not bytes, so they match what an editor shows.
struct SourcePos {
  std::string path;
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
