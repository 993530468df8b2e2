#include "common/error.h"

namespace relgraph {

const std::string& SourcePath::str() const {
  static const std::string empty;
  return path_ ? *path_ : empty;
}

std::string SourcePos::ToString() const {
  if (line <= 0) return path;
  return path.str() + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Error::Error(ErrorKind kind, std::string message)
    : std::runtime_error(message), kind_(kind), message_(std::move(message)) {}

Error::Error(ErrorKind kind, SourcePos pos, std::string message)
    : std::runtime_error(pos.ToString() + ": " + message),
      kind_(kind),
      pos_(std::move(pos)),
      message_(std::move(message)) {}

void ThrowInput(const SourcePos& pos, std::string message) {
  throw Error(ErrorKind::kInput, pos, std::move(message));
}

void ThrowInput(std::string message) { throw Error(ErrorKind::kInput, std::move(message)); }

int ExitCodeFor(ErrorKind kind) { return kind == ErrorKind::kUsage ? 2 : 1; }

}  // namespace relgraph
