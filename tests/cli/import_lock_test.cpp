// `import` holds the store's write lock only for its one short write transaction, never while it
// reads and parses its files or merges them (issue 16). The file of one import is a named pipe the test holds
// open: while that import waits for the pipe's bytes, a second import and a reader must finish,
// and the first import, once fed, must see what the second one wrote.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// True once process pid runs relgraph and has a file descriptor open on path. (Between fork and
// exec the child still holds copies of this process's descriptors, close-on-exec ones included:
// those must not count.)
bool HasOpen(int pid, const std::string& path) {
  std::error_code error;
  std::error_code exe_error;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", exe_error);
  if (exe_error || exe != std::filesystem::canonical(RELGRAPH_BINARY)) return false;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
    std::error_code link_error;
    if (std::filesystem::read_symlink(entry.path(), link_error) == path) return true;
  }
  return false;
}

TEST(ImportLock, AnotherWriterAndAReaderFinishWhileAnImportIsReadingItsFiles) {
  TempDir dir;
  std::string db = dir.File("store.db");
  dir.Write("seed.csv", "id,name,kind\nnaver,Naver,company\n");
  dir.Write("more.csv", "id,name,kind\nkakao,Kakao,company\n");
  ASSERT_EQ(RunRelgraph({"--db", db, "import", "seed.csv"}, dir.path()).exit_code, 0);

  std::string pipe = dir.File("relations.csv");
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  // Read-write, so opening never blocks and the importer's open does not either; the importer
  // then waits in read() until the bytes come and this end is closed.
  int feed = open(pipe.c_str(), O_RDWR | O_CLOEXEC);  // not inherited by the importer
  ASSERT_GE(feed, 0);
  int importer = SpawnRelgraph({"--db", db, "import", "seed.csv", "relations.csv"}, dir.path());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!HasOpen(importer, std::filesystem::canonical(pipe).string()) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(HasOpen(importer, std::filesystem::canonical(pipe).string())) << "the import never opened its file";

  // The importer has the store open and is reading: a writer gets the lock at once (with a
  // limit far below the 60-second busy timeout it would wait for a held lock) and commits.
  std::string binary = RELGRAPH_BINARY;
  EXPECT_EQ(RunShell("cd '" + dir.path() + "' && timeout 20 '" + binary + "' --db '" + db +
                     "' import more.csv > more.out 2> more.err"),
            0)
      << ReadFile(dir.File("more.err"));
  RunResult info = RunRelgraph({"--db", db, "info", "--format", "json"}, dir.path());
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(json::parse(info.out)["entities"], 2);

  // Fed now, the import names Kakao, which the other writer added while it was reading.
  std::string relations = "source,target,relation\nKakao,Naver,competes_with\n";
  ASSERT_EQ(write(feed, relations.data(), relations.size()), static_cast<ssize_t>(relations.size()));
  close(feed);
  EXPECT_EQ(WaitFor(importer), 0);
  RunResult kakao = RunRelgraph({"--db", db, "entity", "kakao", "--format", "json"}, dir.path());
  ASSERT_EQ(kakao.exit_code, 0) << kakao.err;
  ASSERT_EQ(json::parse(kakao.out)["relations"].size(), 1u);
  EXPECT_EQ(json::parse(kakao.out)["relations"][0]["relation"], "competes_with");
}

// Starts build/relgraph with stderr going to err_path; returns its process id.
int SpawnWithStderr(const std::vector<std::string>& args, const std::string& cwd, const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string binary = RELGRAPH_BINARY;
  std::vector<std::string> copies = {binary, "--db"};
  copies.insert(copies.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::string old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(cwd);
  pid_t pid = -1;
  int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  std::filesystem::current_path(old_cwd);
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? pid : -1;
}

// A large import reads the store and merges outside the write lock: a small import that starts
// while it merges commits at once, and the large one, seeing the store changed, merges again
// inside its write transaction, so neither import's changes are lost.
TEST(ImportLock, ASmallImportCommitsWhileALargeOneMergesAndBothLand) {
  TempDir dir;
  std::string db = dir.File("store.db");
  dir.Write("seed.csv", "id,name,kind\nhub,Hub,company\n");
  ASSERT_EQ(RunRelgraph({"--db", db, "import", "seed.csv"}, dir.path()).exit_code, 0);
  // Over 8 MiB, so the import reports its phases on stderr: 300,000 relations from the hub.
  {
    std::ofstream big(dir.File("big.csv"));
    big << "source,target,relation,evidence\n";
    for (int i = 0; i < 300000; ++i) big << "hub,entity_" << i << ",backs,Hub backs entity number " << i << " of many.\n";
  }
  dir.Write("small.csv", "id,name,kind\nlate,Late,company\n");
  int large = SpawnWithStderr({db, "import", "big.csv", "--create-missing"}, dir.path(), dir.File("big.err"));
  ASSERT_GT(large, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (ReadFile(dir.File("big.err")).find("merging into") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_NE(ReadFile(dir.File("big.err")).find("merging into"), std::string::npos) << ReadFile(dir.File("big.err"));
  RunResult small = RunRelgraph({"--db", db, "import", "small.csv"}, dir.path());
  EXPECT_EQ(small.exit_code, 0) << small.err;
  // The small import is done while the large one is still at work (it has its write ahead).
  int status = 0;
  EXPECT_EQ(waitpid(large, &status, WNOHANG), 0) << "the large import finished before the small one could write";
  EXPECT_EQ(WaitFor(large), 0) << ReadFile(dir.File("big.err"));
  std::string progress = ReadFile(dir.File("big.err"));
  EXPECT_NE(progress.find("the store changed while reading; merging again"), std::string::npos) << progress;
  json info = json::parse(RunRelgraph({"--db", db, "info", "--format", "json"}, dir.path()).out);
  EXPECT_EQ(info["entities"], 300002);  // hub, late and the 300,000 targets
  EXPECT_EQ(info["relations"], 300000);
}

// Issue 18 step 5: readers are not held up by an import's write transaction. While a large
// import writes (its progress says so on stderr, between "writing" and "committed"), `info`
// processes answer, each in well under the 60-second busy timeout it would wait for a lock,
// with the state before the import or after it, never a part.
TEST(ImportLock, ReadersAnswerWhileAnImportWrites) {
  TempDir dir;
  std::string db = dir.File("store.db");
  dir.Write("seed.csv", "id,name,kind\nhub,Hub,company\n");
  ASSERT_EQ(RunRelgraph({"--db", db, "import", "seed.csv"}, dir.path()).exit_code, 0);
  {
    std::ofstream big(dir.File("big.csv"));  // over 8 MiB, so the import reports its phases
    big << "source,target,relation,evidence\n";
    for (int i = 0; i < 300000; ++i) big << "hub,entity_" << i << ",backs,Hub backs entity number " << i << " of many.\n";
  }
  int importer = SpawnWithStderr({db, "import", "big.csv", "--create-missing"}, dir.path(), dir.File("big.err"));
  ASSERT_GT(importer, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (ReadFile(dir.File("big.err")).find("in one transaction") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_NE(ReadFile(dir.File("big.err")).find("in one transaction"), std::string::npos) << ReadFile(dir.File("big.err"));
  std::string binary = RELGRAPH_BINARY;
  int during_write = 0, readers = 0, status = 0;
  while (waitpid(importer, &status, WNOHANG) == 0) {
    bool writing = ReadFile(dir.File("big.err")).find("committed") == std::string::npos;
    int exit_code = RunShell("cd '" + dir.path() + "' && timeout 10 '" + binary + "' --db '" + db +
                             "' info --format json > info.out 2> info.err");
    ASSERT_EQ(exit_code, 0) << ReadFile(dir.File("info.err"));
    json info = json::parse(ReadFile(dir.File("info.out")));
    EXPECT_TRUE(info["relations"] == 0 || info["relations"] == 300000) << info.dump();
    EXPECT_TRUE(info["entities"] == 1 || info["entities"] == 300001) << info.dump();
    ++readers;
    // Still writing after this reader finished: it answered during the write transaction.
    if (writing && ReadFile(dir.File("big.err")).find("committed") == std::string::npos) ++during_write;
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(dir.File("big.err"));
  std::cout << "[ figures  ] readers answered while the import wrote: " << during_write << " of " << readers << "\n";
  EXPECT_GE(during_write, 1);
  json info = json::parse(RunRelgraph({"--db", db, "info", "--format", "json"}, dir.path()).out);
  EXPECT_EQ(info["relations"], 300000);
}

}  // namespace
}  // namespace relgraph::testing
