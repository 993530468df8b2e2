// `export neo4j -o DIR` (contract, "Interchange and scale-out"; issue 16): the header of every
// column follows the grammar of Neo4j's bulk importer, and every entity, relation and property
// of the store is in the files exactly once with its value. The files are read back by a small
// RFC 4180 reader of this test's own; what the store holds comes from `export json`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <regex>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;
using Cell = std::optional<std::string>;  // nullopt: an unquoted empty field (no value)
using Row = std::vector<Cell>;

// RFC 4180: quoted fields with doubled quotes and line breaks inside; records end at LF.
std::vector<Row> ReadCsv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  size_t i = 0;
  while (i < text.size()) {
    std::string value;
    bool quoted = text[i] == '"';
    if (quoted) {
      for (++i;; ++i) {
        if (i >= text.size()) throw std::runtime_error("unterminated quote");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            value += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        value += text[i];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n') value += text[i++];
    }
    row.push_back(quoted || !value.empty() ? Cell(value) : Cell());
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    ++i;  // the line feed
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

// Columns of Neo4j's import header format: NAME:ID, :ID, :LABEL, :START_ID, :END_ID, :TYPE, or a
// property NAME with an optional :TYPE, TYPE one of the importer's, optionally an array.
const std::regex kHeaderGrammar(
    R"(^([^:]*:ID|:LABEL|:START_ID|:END_ID|:TYPE|[^:]+(:(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?)?)$)");

const char* kGraph = R"({
  "entities": [
    {"id": "naver", "name": "Naver\nCorp.", "kind": "company", "aliases": ["네이버", "NAVER"], "country": "KR",
     "description": "Search, \"portal\"; AI", "properties": {"founded": 1999, "employees": 4000, "public": true,
     "note": "line one\nline two; a, b", "name": "shadowed", "tags": ["x", "y"]}},
    {"id": "snu", "name": "Seoul National University", "kind": "university",
     "properties": {"founded": 1946, "employees": 5500.5, "note": ""}},
    {"id": "kakao", "name": "=Kakao", "kind": "company", "aliases": ["카카오"]}
  ],
  "relations": [
    {"source": "naver", "target": "snu", "type": "partners_with", "weight": 2.5, "date": "2023-11",
     "properties": {"amount": 12, "project": "HyperCLOVA"},
     "evidence": [{"document": "https://example.com/a", "sentence": "Naver and SNU\tagree."},
                  {"document": "https://example.com/b", "sentence": "Again."}]},
    {"source": "naver", "target": "kakao", "type": "competes_with"},
    {"source": "kakao", "target": "snu", "type": "backs", "weight": 0.5, "properties": {"amount": 3.25}}
  ]})";

class Neo4jExport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("graph.json", kGraph);
    db_ = dir_.File("store.db");
    RunResult imported = RunRelgraph({"--db", db_, "import", "graph.json"}, dir_.path());
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    RunResult exported = RunRelgraph({"--db", db_, "export", "neo4j", "-o", "out"}, dir_.path());
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    entities_ = ReadCsv(ReadFile(dir_.File("out/entities.csv")));
    relations_ = ReadCsv(ReadFile(dir_.File("out/relations.csv")));
    store_ = json::parse(RunRelgraph({"--db", db_, "export", "json"}, dir_.path()).out);
  }
  // Column name -> index, from a header row.
  static std::map<std::string, size_t> Columns(const Row& header) {
    std::map<std::string, size_t> columns;
    for (size_t i = 0; i < header.size(); ++i) columns[*header[i]] = i;
    return columns;
  }

  TempDir dir_;
  std::string db_;
  std::vector<Row> entities_, relations_;
  json store_;
};

TEST_F(Neo4jExport, EveryHeaderColumnFollowsTheImporterGrammar) {
  ASSERT_FALSE(entities_.empty());
  ASSERT_FALSE(relations_.empty());
  for (const std::vector<Row>* file : {&entities_, &relations_}) {
    for (const Cell& column : file->front()) {
      ASSERT_TRUE(column.has_value());
      EXPECT_TRUE(std::regex_match(*column, kHeaderGrammar)) << *column;
    }
  }
  // The columns, written out by hand: properties sorted by key, typed by their values
  // (founded: integers; employees: 4000 and 5500.5; public: a boolean; note, tags (an array,
  // as JSON text) and the shadowed "name": strings; amount: 12 and 3.25).
  std::vector<Cell> entity_header = {"id:ID",         "name",           "kind",
                                     ":LABEL",        "aliases:string[]", "country",
                                     "description",   "employees:double", "founded:long",
                                     "property_name:string", "note:string", "public:boolean",
                                     "tags:string"};
  EXPECT_EQ(entities_.front(), entity_header);
  std::vector<Cell> relation_header = {":START_ID", ":END_ID", ":TYPE", "weight:double", "date", "symmetric:boolean",
                                       "evidence", "amount:double", "project:string"};
  EXPECT_EQ(relations_.front(), relation_header);
}

TEST_F(Neo4jExport, EveryEntityAndPropertyIsThereExactlyOnce) {
  auto columns = Columns(entities_.front());
  ASSERT_EQ(entities_.size(), 1 + store_["entities"].size());
  std::map<std::string, Row> by_id;
  for (size_t i = 1; i < entities_.size(); ++i) {
    ASSERT_EQ(entities_[i].size(), entities_.front().size()) << "row " << i;
    EXPECT_TRUE(by_id.emplace(*entities_[i][columns["id:ID"]], entities_[i]).second) << "twice: " << *entities_[i][0];
  }
  const Row& naver = by_id.at("naver");
  EXPECT_EQ(naver[columns["name"]], Cell("Naver\nCorp."));
  EXPECT_EQ(naver[columns["kind"]], Cell("company"));
  EXPECT_EQ(naver[columns[":LABEL"]], Cell("Entity;company"));
  EXPECT_EQ(naver[columns["aliases:string[]"]], Cell("네이버;NAVER"));
  EXPECT_EQ(naver[columns["country"]], Cell("KR"));
  EXPECT_EQ(naver[columns["description"]], Cell("Search, \"portal\"; AI"));
  EXPECT_EQ(naver[columns["employees:double"]], Cell("4000"));
  EXPECT_EQ(naver[columns["founded:long"]], Cell("1999"));
  EXPECT_EQ(naver[columns["property_name:string"]], Cell("shadowed"));
  EXPECT_EQ(naver[columns["note:string"]], Cell("line one\nline two; a, b"));
  EXPECT_EQ(naver[columns["public:boolean"]], Cell("true"));
  EXPECT_EQ(naver[columns["tags:string"]], Cell("[\"x\",\"y\"]"));

  const Row& snu = by_id.at("snu");
  EXPECT_EQ(snu[columns["employees:double"]], Cell("5500.5"));
  EXPECT_EQ(snu[columns["note:string"]], Cell(""));  // an empty string, not absent
  EXPECT_EQ(snu[columns["public:boolean"]], Cell());  // absent
  EXPECT_EQ(snu[columns["aliases:string[]"]], Cell());
  EXPECT_EQ(snu[columns["country"]], Cell());

  // No spreadsheet guard: Neo4j gets the name as it is.
  EXPECT_EQ(by_id.at("kakao")[columns["name"]], Cell("=Kakao"));

  // Every property of the store in exactly one cell: count the non-empty property cells.
  size_t store_properties = 0, file_properties = 0;
  for (const json& entity : store_["entities"]) store_properties += entity.value("properties", json::object()).size();
  for (size_t i = 1; i < entities_.size(); ++i) {
    for (size_t column = 7; column < entities_[i].size(); ++column) file_properties += entities_[i][column].has_value();
  }
  EXPECT_EQ(file_properties, store_properties);
  EXPECT_EQ(store_properties, 9u);  // 6 of naver's, 3 of snu's
}

TEST_F(Neo4jExport, EveryRelationWithItsEvidenceAndPropertiesIsThereExactlyOnce) {
  auto columns = Columns(relations_.front());
  ASSERT_EQ(relations_.size(), 1 + store_["relations"].size());
  ASSERT_EQ(relations_.size(), 4u);
  std::map<std::string, Row> by_key;
  for (size_t i = 1; i < relations_.size(); ++i) {
    ASSERT_EQ(relations_[i].size(), relations_.front().size());
    std::string key = *relations_[i][0] + " " + *relations_[i][2] + " " + *relations_[i][1];
    EXPECT_TRUE(by_key.emplace(key, relations_[i]).second) << "twice: " << key;
  }
  // Symmetric relations are stored with their ends in id order (kakao < naver < snu).
  const Row& partners = by_key.at("naver partners_with snu");
  EXPECT_EQ(partners[columns["weight:double"]], Cell("2.5"));
  EXPECT_EQ(partners[columns["date"]], Cell("2023-11"));
  EXPECT_EQ(partners[columns["symmetric:boolean"]], Cell("true"));
  EXPECT_EQ(partners[columns["amount:double"]], Cell("12"));
  EXPECT_EQ(partners[columns["project:string"]], Cell("HyperCLOVA"));
  json evidence = json::parse(*partners[columns["evidence"]]);
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_EQ(evidence[0]["sentence"], "Naver and SNU\tagree.");
  EXPECT_EQ(evidence[0]["document"], "https://example.com/a");
  EXPECT_EQ(evidence[0]["url"], "https://example.com/a");
  EXPECT_EQ(evidence[1]["sentence"], "Again.");

  const Row& competes = by_key.at("kakao competes_with naver");
  EXPECT_EQ(competes[columns["symmetric:boolean"]], Cell("true"));
  EXPECT_EQ(competes[columns["weight:double"]], Cell("1"));
  EXPECT_EQ(competes[columns["date"]], Cell());
  EXPECT_EQ(competes[columns["amount:double"]], Cell());

  const Row& backs = by_key.at("kakao backs snu");
  EXPECT_EQ(backs[columns["symmetric:boolean"]], Cell("false"));
  EXPECT_EQ(backs[columns["weight:double"]], Cell("0.5"));
  EXPECT_EQ(backs[columns["amount:double"]], Cell("3.25"));
}

TEST_F(Neo4jExport, ImportScriptRunsTheBulkImporterOnBothFiles) {
  std::string script = ReadFile(dir_.File("out/import.sh"));
  EXPECT_NE(script.find("database import full"), std::string::npos) << script;
  EXPECT_NE(script.find("--nodes=entities.csv"), std::string::npos);
  EXPECT_NE(script.find("--relationships=relations.csv"), std::string::npos);
  EXPECT_NE(script.find("--multiline-fields=true"), std::string::npos);
  EXPECT_NE(script.find("--array-delimiter=';'"), std::string::npos);
  EXPECT_EQ(RunShell("sh -n '" + dir_.File("out/import.sh") + "'"), 0) << "not valid sh";
}

TEST_F(Neo4jExport, NeedsAnOutputFolder) {
  RunResult result = RunRelgraph({"--db", db_, "export", "neo4j"}, dir_.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "relgraph: error: export neo4j needs -o DIR (it writes DIR/entities.csv, DIR/relations.csv and DIR/import.sh)\n");
}

}  // namespace
}  // namespace relgraph::testing
