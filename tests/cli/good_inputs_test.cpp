// Every file in tests/fixtures/good/ is imported into a fresh store; `export json` must equal
// NAME.expected.json (written by hand; compared as JSON values), and the graph must survive
// export and import again exactly: through JSON always, through CSV for CSV inputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

const std::string kGoodDir = std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/good";

std::vector<std::string> GoodFiles() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kGoodDir)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".expected.json")) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoodInput : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodInput, ImportsExactlyAndRoundTrips) {
  const std::string& name = GetParam();
  TempDir dir;
  std::filesystem::copy_file(kGoodDir + "/" + name, dir.File(name));
  std::string db = dir.File("store.db");
  RunResult imported = RunRelgraph({"--db", db, "import", name}, dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  RunResult exported = RunRelgraph({"--db", db, "export", "json"}, dir.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  json expected = json::parse(ReadFile(kGoodDir + "/" + name + ".expected.json"));
  json graph = json::parse(exported.out);
  EXPECT_EQ(graph["documents"], expected["documents"]);
  EXPECT_EQ(graph["entities"], expected["entities"]);
  // Relations less the evidence fields the importer fills in (locator, extractor, confidence
  // of CSV rows) when the expected file leaves them out.
  ASSERT_EQ(graph["relations"].size(), expected["relations"].size());
  for (size_t i = 0; i < expected["relations"].size(); ++i) {
    for (const auto& [key, value] : expected["relations"][i].items()) {
      EXPECT_EQ(graph["relations"][i][key], value) << "relation " << i << " " << key;
    }
  }

  // JSON: export, import into a new store, export again: the same bytes.
  dir.Write("export.json", exported.out);
  std::string copy = dir.File("copy.db");
  RunResult reimported = RunRelgraph({"--db", copy, "import", "export.json"}, dir.path());
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  EXPECT_EQ(RunRelgraph({"--db", copy, "export", "json"}, dir.path()).out, exported.out);

  // CSV (properties are text in CSV, so only for CSV inputs): the same entities again.
  if (name.ends_with(".csv")) {
    ASSERT_EQ(RunRelgraph({"--db", db, "export", "csv", "-o", "backup"}, dir.path()).exit_code, 0);
    std::string from_csv = dir.File("from_csv.db");
    RunResult csv = RunRelgraph({"--db", from_csv, "import", "backup.entities.csv", "backup.relations.csv"}, dir.path());
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    json again = json::parse(RunRelgraph({"--db", from_csv, "export", "json"}, dir.path()).out);
    EXPECT_EQ(again["entities"], expected["entities"]);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoodInput, ::testing::ValuesIn(GoodFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace relgraph::testing
