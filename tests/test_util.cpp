#include "tests/test_util.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace relgraph::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/relgraph-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::Write(const std::string& name, const std::string& content) const {
  std::string path = File(name);
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

RunResult RunRelgraph(const std::vector<std::string>& args, const std::string& cwd) {
  TempDir capture;
  std::string out_path = capture.File("out"), err_path = capture.File("err");
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = open("/dev/null", O_RDONLY);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    std::vector<char*> argv;
    std::string binary = RELGRAPH_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}

int SpawnRelgraph(const std::vector<std::string>& args, const std::string& cwd, const std::string& output_path) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    int out = output_path.empty() ? null : open(output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(null, 0);
    dup2(out, 1);
    dup2(out, 2);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    std::string binary = RELGRAPH_BINARY;
    std::vector<std::string> copies = args;
    std::vector<char*> argv = {binary.data()};
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

int WaitFor(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int RunShell(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

namespace {

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Copies each suppressions=PATH of a sanitizer option string into dir; returns the options
// naming the copies.
std::string RelocateSuppressions(const std::string& options, const TempDir& dir, const std::string& tag) {
  std::string result;
  std::stringstream parts(options);
  std::string part;
  int count = 0;
  while (std::getline(parts, part, ':')) {
    const std::string key = "suppressions=";
    if (part.rfind(key, 0) == 0) {
      std::string copy = dir.File(tag + std::to_string(count++) + ".supp");
      std::filesystem::copy_file(part.substr(key.size()), copy, std::filesystem::copy_options::overwrite_existing);
      std::filesystem::permissions(copy, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                             std::filesystem::perms::others_read);
      part = key + copy;
    }
    if (!result.empty()) result += ':';
    result += part;
  }
  return result;
}

}  // namespace

UnprivilegedRun PrepareUnprivilegedRun(const TempDir& dir) {
  if (geteuid() != 0) return {"", RELGRAPH_BINARY};
  namespace fs = std::filesystem;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  std::string binary = dir.File("relgraph-unprivileged");
  fs::copy_file(RELGRAPH_BINARY, binary, fs::copy_options::overwrite_existing);
  fs::permissions(binary, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  std::string prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups env ";
  for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"}) {
    const char* value = std::getenv(name);
    if (value == nullptr) continue;
    prefix += std::string(name) + "=" + ShellQuote(RelocateSuppressions(value, dir, name)) + " ";
  }
  return {prefix, binary};
}

std::string RunPythonReference(const std::string& script, const std::vector<std::string>& args, const std::string& needs) {
  // The system interpreter: a pyenv or venv python3 earlier on PATH lacks the Debian packages.
  std::string command = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  command += std::string(" '") + RELGRAPH_SOURCE_DIR + "/tests/reference/" + script + "'";
  for (const std::string& arg : args) {
    std::string quoted;
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += " '" + quoted + "'";
  }
  command += " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[65536];
  size_t read;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, read);
  int status = pclose(pipe);
  if (status != 0) throw std::runtime_error(script + " failed (install " + needs + "):\n" + output);
  return output;
}

}  // namespace relgraph::testing
