// `import` holds the store's write lock only for its one short write transaction, never while it
// reads and parses its files or merges them (issue 16). The file of one import is a named pipe the test holds
// open: while that import waits for the pipe's bytes, a second import and a reader must finish,
// and the first import, once fed, must see what the second one wrote.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// True once process pid has a file descriptor open on path.
bool HasOpen(int pid, const std::string& path) {
  std::error_code error;
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

}  // namespace
}  // namespace relgraph::testing
