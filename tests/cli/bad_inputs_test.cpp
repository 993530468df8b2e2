// Every file in tests/fixtures/bad/ is imported (relations after _entities.csv, in the same
// command) into a fresh store; the import must fail with exit 1, print exactly the message in
// NAME.expected, and leave no store behind (nothing was applied).
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

const std::string kBadDir = std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/bad";

std::vector<std::string> BadFiles() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    std::string name = entry.path().filename().string();
    if (name[0] == '_' || entry.path().extension() == ".expected") continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, FailsWithItsExpectedMessageAndChangesNothing) {
  const std::string& name = GetParam();
  TempDir dir;
  std::string db = dir.File("store.db");
  // A store with content already in it must be left exactly as it was.
  RunResult seed = RunRelgraph({"--db", db, "import", "_entities.csv"}, kBadDir);
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  RunResult before = RunRelgraph({"--db", db, "export", "json"}, kBadDir);

  std::vector<std::string> args = {"--db", db, "import"};
  if (name.starts_with("relations_")) args.push_back("_entities.csv");
  args.push_back(name);
  RunResult result = RunRelgraph(args, kBadDir);
  std::string expected_path = kBadDir + "/" + name + ".expected";
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path << "; got:\n" << result.err;
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, ReadFile(expected_path));

  RunResult after = RunRelgraph({"--db", db, "export", "json"}, kBadDir);
  EXPECT_EQ(after.out, before.out);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadInput, ::testing::ValuesIn(BadFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace relgraph::testing
