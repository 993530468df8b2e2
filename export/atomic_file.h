// A file written through a temporary name and renamed when complete, for writers that stream
// large files (export/ only): a reader sees the old file or the whole new one, never half.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "common/error.h"

namespace relgraph::exporter::internal {

// Writes to PATH.tmp and renames, so a reader never sees half a file.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)), temp_(path_ + ".tmp"), out_(temp_, std::ios::binary) {
    if (!out_) throw Error(ErrorKind::kStorage, path_ + ": cannot write: " + std::strerror(errno));
  }
  std::ostream& out() { return out_; }
  void Commit() {
    out_.flush();
    if (!out_) throw Error(ErrorKind::kStorage, path_ + ": write failed: " + std::strerror(errno));
    out_.close();
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      throw Error(ErrorKind::kStorage, path_ + ": cannot write: " + std::strerror(errno));
    }
  }
  // Not committed: the temporary file is removed.
  ~AtomicFile() {
    if (out_.is_open()) {
      out_.close();
      std::remove(temp_.c_str());
    }
  }

 private:
  std::string path_, temp_;
  std::ofstream out_;
};

}  // namespace relgraph::exporter::internal
