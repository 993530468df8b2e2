// Helpers for tests: a private temporary directory and running the built binary.
#pragma once

#include <string>
#include <vector>

namespace relgraph::testing {

// A fresh directory under $TMPDIR, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  // Writes content to name inside the directory; returns the full path.
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs build/relgraph with the arguments (no shell: arguments are passed as they are) in the
// given working directory.
RunResult RunRelgraph(const std::vector<std::string>& args, const std::string& cwd = ".");

// Starts build/relgraph in the background (output discarded, or written to output_path when
// given: stdout and stderr both); returns its process id.
int SpawnRelgraph(const std::vector<std::string>& args, const std::string& cwd = ".", const std::string& output_path = "");
// Waits for a spawned process; returns its exit code, or 128 + signal.
int WaitFor(int pid);

// Runs a shell command line (sh -c), returning its exit status. For setups such as ulimit.
int RunShell(const std::string& command);

std::string ReadFile(const std::string& path);

// Runs tests/reference/SCRIPT with the arguments (each quoted for the shell) under the system
// python3 (where python3-networkx and python3-igraph are installed) and returns its stdout and
// stderr. Throws std::runtime_error naming `needs` (the packages to install) when it fails.
std::string RunPythonReference(const std::string& script, const std::vector<std::string>& args, const std::string& needs);

// How a test runs the binary as an unprivileged user, for checks that depend on file permissions
// (root may write to read-only files). As root, the child runs as nobody, which may not be able to
// read the clone at all (e.g. under /root at mode 0700): the binary and every sanitizer
// suppression file named in ASAN_OPTIONS / LSAN_OPTIONS / UBSAN_OPTIONS are copied into dir, and
// the child gets options that name those copies. Not root: the binary runs as it is.
struct UnprivilegedRun {
  std::string prefix;  // shell words to put before the binary ("" when not root)
  std::string binary;  // the binary to run
};
UnprivilegedRun PrepareUnprivilegedRun(const TempDir& dir);

}  // namespace relgraph::testing
