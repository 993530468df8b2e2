// Text fidelity (contract, "Text fidelity"; issue 16): line breaks and tabs inside quoted CSV
// cells and JSON strings are kept byte for byte through the store, shown visibly in tables,
// quoted in CSV; aliases are kept as written; lookups fold case and width; blank lines and lines
// of spaces are skipped. Every expected string below is written out by hand from the input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// CRLF line ends, a blank line, lines of spaces and tabs (one of them last, without a line
// end), and quoted cells holding LF, CRLF and tabs in a name, aliases, a description and a
// property.
const char* kEntities =
    "id,name,kind,aliases,country,description,motto\r\n"
    "\r\n"
    "   \t \r\n"
    "naver,\"Naver\r\nCorp.\",company,\"NAVER|Naver|네이버|Tab\there\",KR,\"First line\nsecond\tline\r\nthird\","
    "\"Green\n\tWindow\"\r\n"
    " \t\r\n"
    "openai,OpenAI,company,\"Open\nAI\",US,,\r\n"
    "formula,\"=HYPERLINK(\"\"http://x\"\")\nsecond line\",company,,,\"\tstarts with a tab\",\r\n"
    "  \t";

// The source is OpenAI typed in full-width letters, the target Naver's name with LF where the
// file had CRLF: both resolve by match key. The document and the sentence hold line breaks,
// a tab and quotes.
const char* kRelations =
    "source,target,relation,date,source_doc,evidence\n"
    "\n"
    "\t\n"
    "ＯｐｅｎＡＩ,\"Naver\nCorp.\",partners_with,2024,\"Annual report\n2024\",\"He said:\n\t\"\"We agree.\"\"\r\nEnd.\"\n";

class TextFidelity : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("entities.csv", kEntities);
    dir_.Write("relations.csv", kRelations);
    db_ = dir_.File("store.db");
  }
  RunResult Run(std::vector<std::string> args, const std::string& db = "") {
    args.insert(args.begin(), {"--db", db.empty() ? db_ : db});
    return RunRelgraph(args, dir_.path());
  }
  void Import() {
    RunResult result = Run({"import", "entities.csv", "relations.csv"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  json Json(std::vector<std::string> args) {
    args.push_back("--format");
    args.push_back("json");
    RunResult result = Run(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }
  static const json& EntityIn(const json& document, const std::string& id) {
    for (const json& entity : document["entities"]) {
      if (entity["id"] == id) return entity;
    }
    throw std::runtime_error("no entity " + id);
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(TextFidelity, LineBreaksAndTabsAreStoredAndExportedByteForByte) {
  ASSERT_NO_FATAL_FAILURE(Import());
  json graph = Json({"export", "json"});
  ASSERT_EQ(graph["entities"].size(), 3u);
  const json& naver = EntityIn(graph, "naver");
  EXPECT_EQ(naver["name"], "Naver\r\nCorp.");
  EXPECT_EQ(naver["description"], "First line\nsecond\tline\r\nthird");
  EXPECT_EQ(naver["properties"]["motto"], "Green\n\tWindow");
  EXPECT_EQ(EntityIn(graph, "openai")["aliases"], json::array({"Open\nAI"}));
  EXPECT_EQ(EntityIn(graph, "formula")["name"], "=HYPERLINK(\"http://x\")\nsecond line");
  EXPECT_EQ(EntityIn(graph, "formula")["description"], "\tstarts with a tab");

  ASSERT_EQ(graph["relations"].size(), 1u);
  const json& relation = graph["relations"][0];
  // partners_with is symmetric: stored with its ends in id order.
  EXPECT_EQ(relation["source"], "naver");
  EXPECT_EQ(relation["target"], "openai");
  ASSERT_EQ(relation["evidence"].size(), 1u);
  EXPECT_EQ(relation["evidence"][0]["document"], "Annual report\n2024");
  EXPECT_EQ(relation["evidence"][0]["sentence"], "He said:\n\t\"We agree.\"\r\nEnd.");
  bool titled = false;
  for (const json& document : graph["documents"]) {
    if (document["id"] == "Annual report\n2024") titled = document["title"] == "Annual report\n2024";
  }
  EXPECT_TRUE(titled) << graph["documents"].dump();

  // entity --format json returns the same text.
  json entity = Json({"entity", "naver"});
  EXPECT_EQ(entity["name"], "Naver\r\nCorp.");
  EXPECT_EQ(entity["description"], "First line\nsecond\tline\r\nthird");
  ASSERT_EQ(entity["relations"].size(), 1u);
  EXPECT_EQ(entity["relations"][0]["evidence"][0]["sentence"], "He said:\n\t\"We agree.\"\r\nEnd.");
  EXPECT_EQ(entity["relations"][0]["evidence"][0]["document"], "Annual report\n2024");
}

TEST_F(TextFidelity, AliasesAreKeptAsWrittenAndLookupsFoldCaseAndWidth) {
  ASSERT_NO_FATAL_FAILURE(Import());
  // NAVER and Naver differ only in case: both kept, in the order written.
  EXPECT_EQ(Json({"entity", "naver"})["aliases"], json::array({"NAVER", "Naver", "네이버", "Tab\there"}));
  // ...and name one entity, not two candidates.
  for (const char* name : {"NAVER", "Naver", "naver", "ｎａｖｅｒ", "ＮＡＶＥＲ", "naver corp.", "NAVER\tCORP.", "tab here"}) {
    RunResult found = Run({"entity", name, "--format", "json"});
    ASSERT_EQ(found.exit_code, 0) << name << ": " << found.err;
    EXPECT_EQ(json::parse(found.out)["id"], "naver") << name;
  }
  // Full-width Latin (what CJK input methods type) finds OpenAI; so does its alias typed
  // without the line break.
  for (const char* name : {"ＯｐｅｎＡＩ", "ｏｐｅｎａｉ", "open ai"}) {
    RunResult found = Run({"entity", name, "--format", "json"});
    ASSERT_EQ(found.exit_code, 0) << name << ": " << found.err;
    EXPECT_EQ(json::parse(found.out)["id"], "openai") << name;
  }
  json results = Json({"search", "ＯＰＥＮ"})["results"];
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["id"], "openai");
}

TEST_F(TextFidelity, TablesShowLineBreaksAndTabsVisibly) {
  ASSERT_NO_FATAL_FAILURE(Import());
  RunResult table = Run({"entity", "naver"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Naver\\r\\nCorp."), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("First line\\nsecond\\tline\\r\\nthird"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("He said:\\n\\t\"We agree.\"\\r\\nEnd."), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find('\t'), std::string::npos);
  EXPECT_EQ(table.out.find('\r'), std::string::npos);

  RunResult search = Run({"search", "corp"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("Naver\\r\\nCorp."), std::string::npos) << search.out;
  EXPECT_EQ(search.out.find('\r'), std::string::npos);
}

TEST_F(TextFidelity, CsvOutputQuotesLineBreaksAndGuardsFormulas) {
  ASSERT_NO_FATAL_FAILURE(Import());
  RunResult csv = Run({"search", "HYPERLINK", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  // RFC 4180: the cell is quoted, its quotes doubled, its line break kept; the formula guard
  // puts an apostrophe in front.
  EXPECT_NE(csv.out.find("\"'=HYPERLINK(\"\"http://x\"\")\nsecond line\""), std::string::npos) << csv.out;

  ASSERT_EQ(Run({"export", "csv", "-o", "backup"}).exit_code, 0);
  std::string entities = ReadFile(dir_.File("backup.entities.csv"));
  EXPECT_NE(entities.find("\"Naver\r\nCorp.\""), std::string::npos) << entities;
  EXPECT_NE(entities.find("\"First line\nsecond\tline\r\nthird\""), std::string::npos) << entities;
  EXPECT_NE(entities.find("\"'\tstarts with a tab\""), std::string::npos) << entities;
}

TEST_F(TextFidelity, JsonAndCsvExportsImportBackToTheSameGraph) {
  ASSERT_NO_FATAL_FAILURE(Import());
  RunResult original = Run({"export", "json"});
  ASSERT_EQ(original.exit_code, 0) << original.err;

  dir_.Write("export.json", original.out);
  std::string from_json = dir_.File("from_json.db");
  ASSERT_EQ(Run({"import", "export.json"}, from_json).exit_code, 0);
  EXPECT_EQ(Run({"export", "json"}, from_json).out, original.out);

  // CSV does not carry document titles or the source CSV's locators: compare what it carries.
  ASSERT_EQ(Run({"export", "csv", "-o", "backup"}).exit_code, 0);
  std::string from_csv = dir_.File("from_csv.db");
  RunResult reimport = Run({"import", "backup.entities.csv", "backup.relations.csv"}, from_csv);
  ASSERT_EQ(reimport.exit_code, 0) << reimport.err;
  json copy = json::parse(Run({"export", "json"}, from_csv).out);
  json graph = json::parse(original.out);
  EXPECT_EQ(copy["entities"], graph["entities"]);
  ASSERT_EQ(copy["relations"].size(), 1u);
  EXPECT_EQ(copy["relations"][0]["evidence"][0]["sentence"], "He said:\n\t\"We agree.\"\r\nEnd.");
  EXPECT_EQ(copy["relations"][0]["evidence"][0]["document"], "Annual report\n2024");
}

TEST_F(TextFidelity, JsonStringsKeepLineBreaksAndTabsInEveryTextField) {
  dir_.Write("graph.json", R"({
    "documents": [{"id": "doc1", "title": "Title\nline\ttwo"}],
    "entities": [
      {"id": "x", "name": "X\tY", "kind": "company", "aliases": ["a\nb", "A\nB"], "country": "K\r\nR",
       "description": "  kept exactly\n", "properties": {"p": "v\r\nw", "nested": {"k": ["\t"]}}},
      {"id": "y", "name": "Y", "kind": "company"}
    ],
    "relations": [
      {"source": "x\ty", "target": "y", "type": "backs", "properties": {"note": "n\no"},
       "evidence": [{"document": "doc1", "sentence": "S\nT", "locator": "p.\t3"}]}
    ]})");
  RunResult imported = Run({"import", "graph.json"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  json graph = Json({"export", "json"});
  const json& x = EntityIn(graph, "x");
  EXPECT_EQ(x["name"], "X\tY");
  EXPECT_EQ(x["aliases"], json::array({"a\nb", "A\nB"}));
  EXPECT_EQ(x["country"], "K\r\nR");
  EXPECT_EQ(x["description"], "  kept exactly\n");
  EXPECT_EQ(x["properties"]["p"], "v\r\nw");
  EXPECT_EQ(x["properties"]["nested"], json::parse(R"({"k": ["\t"]})"));
  EXPECT_EQ(graph["documents"][0]["title"], "Title\nline\ttwo");
  EXPECT_EQ(graph["relations"][0]["properties"]["note"], "n\no");
  EXPECT_EQ(graph["relations"][0]["evidence"][0]["sentence"], "S\nT");
  EXPECT_EQ(graph["relations"][0]["evidence"][0]["locator"], "p.\t3");
}

TEST_F(TextFidelity, EntitiesMadeFromReferencesGetIdsWithoutLineBreaks) {
  dir_.Write("edges.csv", "source,target,relation\n\"New\r\nCo\",\"Other\tCo\",backs\n");
  RunResult imported = Run({"import", "edges.csv", "--create-missing"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  json graph = Json({"export", "json"});
  ASSERT_EQ(graph["entities"].size(), 2u);
  EXPECT_EQ(EntityIn(graph, "New Co")["name"], "New\r\nCo");
  EXPECT_EQ(EntityIn(graph, "Other Co")["name"], "Other\tCo");
}

TEST_F(TextFidelity, MessagesShowLineBreaksInNamesVisibly) {
  // Two entities whose names fold to one key: naming them is ambiguous, and the list of
  // candidates keeps one line per candidate.
  dir_.Write("twins.csv", "id,name,kind\na,\"Twin\nCo\",company\nb,\"TWIN\tCO\",company\n");
  ASSERT_EQ(Run({"import", "twins.csv"}).exit_code, 0);
  RunResult ambiguous = Run({"entity", "twin co"});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_EQ(ambiguous.err,
            "relgraph: error: 'twin co' is ambiguous: it names 2 entities; use an id:\n"
            "  a  Twin\\nCo (company)\n"
            "  b  TWIN\\tCO (company)\n");
}

TEST_F(TextFidelity, IdsHoldNoControlCharacters) {
  dir_.Write("ids.json", R"({"entities": [{"id": "a\nb", "name": "A", "kind": "company"}]})");
  RunResult refused = Run({"import", "ids.json"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "relgraph: error: ids.json:1:22: /entities/0/id: expected an entity id without control characters, found "
            "'a\\nb'\n");
}

}  // namespace
}  // namespace relgraph::testing
