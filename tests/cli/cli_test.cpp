// End-to-end tests: the built binary on files of our own, checking stdout, stderr and exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// NFD spelling of 네이버 (conjoining jamo).
const std::string kNaverNfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";

const char* kEntities =
    "id,name,kind,aliases,country,description\n"
    "ms,Microsoft,company,마이크로소프트|微软|MS,US,\"Software maker, Redmond\"\n"
    "openai,OpenAI,company,오픈AI,US,\n"
    "naver,Naver,company,네이버|NAVER Corp.,KR,\n"
    "snu,Seoul National University,university,서울대학교|서울대|SNU,KR,\n"
    "baai,Beijing Academy of Artificial Intelligence,research_institute,北京智源人工智能研究院|BAAI,CN,\n"
    "tsinghua,Tsinghua University,university,清华大学|칭화대,CN,\n"
    "odd,\"Quote \"\" and \\ backslash, comma\",organization,,,\n";

const char* kRelations =
    "source,target,relation,weight,date,source_doc,evidence\n"
    "MS,OpenAI,invests_in,3,2023-01,https://example.com/ms-openai,Microsoft put more money into OpenAI in January 2023.\n"
    "네이버,서울대,partners_with,,2023-11,,Naver and Seoul National University agreed to build AI together.\n"
    "tsinghua,BAAI,backs,,2018-11,,Tsinghua University supports BAAI.\n"
    "snu,tsinghua,partners_with,,2019,,\"Line one\nline two, with \"\"quotes\"\"\"\n"
    "odd,naver,backs,0.5,,,\n";

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    entities_ = dir_.Write("entities.csv", kEntities);
    relations_ = dir_.Write("relations.csv", kRelations);
    db_ = dir_.File("store.db");
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_});
    return RunRelgraph(args, dir_.path());
  }
  void ImportSample() {
    RunResult result = Run({"import", "entities.csv", "relations.csv"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  json Json(const std::vector<std::string>& args) {
    std::vector<std::string> with_format = args;
    with_format.push_back("--format");
    with_format.push_back("json");
    RunResult result = Run(with_format);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  TempDir dir_;
  std::string entities_, relations_, db_;
};

TEST_F(Cli, ImportReportsCountsAsJson) {
  json summary = Json({"import", "entities.csv", "relations.csv"});
  EXPECT_EQ(summary["entities_added"], 7);
  EXPECT_EQ(summary["relations_added"], 5);
  EXPECT_EQ(summary["evidence_added"], 5);
  json info = Json({"info"});
  EXPECT_EQ(info["entities"], 7);
  EXPECT_EQ(info["relations"], 5);
  EXPECT_EQ(info["by_kind"]["university"], 2);
  EXPECT_EQ(info["by_relation"]["partners_with"], 2);
  EXPECT_EQ(info["documents"], 2);  // the URL and the relations file itself
}

TEST_F(Cli, ReimportAddsNothing) {
  ImportSample();
  json again = Json({"import", "entities.csv", "relations.csv"});
  EXPECT_EQ(again["entities_added"], 0);
  EXPECT_EQ(again["entities_updated"], 0);
  EXPECT_EQ(again["relations_added"], 0);
  EXPECT_EQ(again["evidence_added"], 0);
}

TEST_F(Cli, EntityIsFoundByIdNameAliasInAnyFormAndCase) {
  ImportSample();
  for (const std::string& name : {std::string("naver"), std::string("NAVER"), std::string("네이버"), kNaverNfd,
                                  std::string("naver corp."), std::string("  Naver  ")}) {
    json entity = Json({"entity", name});
    EXPECT_EQ(entity["id"], "naver") << name;
  }
  json snu = Json({"entity", "서울대"});
  EXPECT_EQ(snu["name"], "Seoul National University");
  ASSERT_EQ(snu["relations"].size(), 2u);
  std::map<std::string, std::string> sentence_by_source;
  for (const json& relation : snu["relations"]) sentence_by_source[relation["source"]] = relation["evidence"][0]["sentence"];
  EXPECT_EQ(sentence_by_source["naver"], "Naver and Seoul National University agreed to build AI together.");
  EXPECT_EQ(sentence_by_source["snu"], "Line one\nline two, with \"quotes\"");
}

TEST_F(Cli, NfdNamesInTheFileMatchNfcReferences) {
  dir_.Write("nfd.csv", "id,name,kind\nkakao,\xE1\x84\x8F\xE1\x85\xA1\xE1\x84\x8F\xE1\x85\xA1\xE1\x84\x8B\xE1\x85\xA9,company\n");
  dir_.Write("nfc_rel.csv", "source,target,relation\n카카오,naver,competes_with\n");
  RunResult result = Run({"import", "entities.csv", "nfd.csv", "nfc_rel.csv"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json kakao = Json({"entity", "카카오"});
  EXPECT_EQ(kakao["name"], "카카오");  // stored in NFC
  EXPECT_EQ(kakao["relations"].size(), 1u);
}

TEST_F(Cli, UnknownNameSuggestsAndAmbiguousNameListsCandidates) {
  ImportSample();
  RunResult unknown = Run({"entity", "Microsft"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "relgraph: error: no entity named 'Microsft'; did you mean 'Microsoft' (id ms)?\n");
  dir_.Write("dup.csv", "id,name,kind,aliases\nnaver_cloud,Naver Cloud,company,NAVER\n");
  ASSERT_EQ(Run({"import", "dup.csv"}).exit_code, 0);
  // An exact id wins alone; the same word in other case is a name and alias of two entities.
  EXPECT_EQ(Json({"entity", "naver"})["id"], "naver");
  RunResult ambiguous = Run({"entity", "NAVER"});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_EQ(ambiguous.err,
            "relgraph: error: 'NAVER' is ambiguous: it names 2 entities; use an id:\n"
            "  naver  Naver (company)\n  naver_cloud  Naver Cloud (company)\n");
}

TEST_F(Cli, SearchMatchesSubstringsOfAliases) {
  ImportSample();
  json found = Json({"search", "대"});
  std::set<std::string> ids;
  for (const json& item : found["results"]) ids.insert(item["id"]);
  EXPECT_EQ(ids, (std::set<std::string>{"snu", "tsinghua"}));
  // LIKE-style wildcards are plain characters.
  EXPECT_EQ(Json({"search", "%"})["results"].size(), 0u);
}

TEST_F(Cli, NeighborsFollowDepthDirectionAndRelationFilter) {
  ImportSample();
  json one = Json({"neighbors", "naver"});
  std::set<std::string> ids;
  for (const json& item : one["neighbors"]) ids.insert(item["id"]);
  EXPECT_EQ(ids, (std::set<std::string>{"snu", "odd"}));
  json two = Json({"neighbors", "naver", "--depth", "2"});
  std::map<std::string, int> distance;
  for (const json& item : two["neighbors"]) distance[item["id"]] = item["distance"];
  EXPECT_EQ(distance, (std::map<std::string, int>{{"snu", 1}, {"odd", 1}, {"tsinghua", 2}}));
  // Only outgoing: odd backs naver, so from naver nothing goes out but the symmetric partnership.
  json out = Json({"neighbors", "naver", "--direction", "out"});
  ASSERT_EQ(out["neighbors"].size(), 1u);
  EXPECT_EQ(out["neighbors"][0]["id"], "snu");
  json backs = Json({"neighbors", "baai", "--relation", "backs", "--depth", "3"});
  ASSERT_EQ(backs["neighbors"].size(), 1u);
  EXPECT_EQ(backs["neighbors"][0]["id"], "tsinghua");
}

TEST_F(Cli, JsonExportImportRoundTripIsIdentical) {
  ImportSample();
  RunResult first = Run({"export", "json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  dir_.Write("export.json", first.out);
  RunResult second_import = RunRelgraph({"--db", dir_.File("copy.db"), "import", "export.json"}, dir_.path());
  ASSERT_EQ(second_import.exit_code, 0) << second_import.err;
  RunResult second = RunRelgraph({"--db", dir_.File("copy.db"), "export", "json"}, dir_.path());
  EXPECT_EQ(second.out, first.out);
  // Names survive byte for byte, quotes and backslashes included.
  EXPECT_NE(first.out.find(R"("name": "Quote \" and \\ backslash, comma")"), std::string::npos);
}

TEST_F(Cli, CsvExportImportRoundTripGivesTheSameGraph) {
  ImportSample();
  ASSERT_EQ(Run({"export", "csv", "-o", "backup"}).exit_code, 0);
  RunResult reimport =
      RunRelgraph({"--db", dir_.File("copy.db"), "import", "backup.entities.csv", "backup.relations.csv"}, dir_.path());
  ASSERT_EQ(reimport.exit_code, 0) << reimport.err;
  RunResult original = Run({"export", "json"});
  RunResult copy = RunRelgraph({"--db", dir_.File("copy.db"), "export", "json"}, dir_.path());
  EXPECT_EQ(copy.out, original.out);
}

TEST_F(Cli, ImportFailingInItsLastFileChangesNothing) {
  ImportSample();
  RunResult before = Run({"export", "json"});
  std::string db_before = ReadFile(db_);
  dir_.Write("more.csv", "id,name,kind\nkakao,Kakao,company\n");
  dir_.Write("bad.csv", "source,target,relation\nkakao,naver,competes_with\nkakao,nobody,backs\n");
  RunResult failed = Run({"import", "more.csv", "bad.csv"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_EQ(failed.err,
            "relgraph: error: bad.csv:3:7: expected a known entity (id, name or alias) as target, found 'nobody' "
            "(import its entity first, or in the same command)\n");
  EXPECT_EQ(Run({"export", "json"}).out, before.out);
  EXPECT_EQ(ReadFile(db_), db_before);
}

TEST_F(Cli, ASmallImportIntoALargerStoreResolvesAndExplainsNamesAsAWholeGraphWould) {
  ImportSample();
  std::string more = "id,name,kind\n";
  for (int i = 0; i < 60; ++i) more += "e" + std::to_string(i) + ",Entity " + std::to_string(i) + ",company\n";
  dir_.Write("more.csv", more);
  ASSERT_EQ(Run({"import", "more.csv"}).exit_code, 0);
  // Few names against 67 entities: the import reads only the part of the store they name.
  dir_.Write("typo.csv", "source,target,relation\nMicrosft,entity 7,backs\n");
  for (std::vector<std::string> args : {std::vector<std::string>{"import", "typo.csv"}, {"import", "typo.csv", "--dry-run"}}) {
    RunResult failed = Run(args);
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_EQ(failed.err, "relgraph: error: typo.csv:2:1: expected a known entity (id, name or alias) as source, found "
                          "'Microsft'; did you mean 'Microsoft' (id ms)?\n");
  }
  dir_.Write("good.csv", "source,target,relation,evidence\n" + kNaverNfd + ",ENTITY 7,backs,Naver backs entity seven.\nms,openai,invests_in,Again.\n");
  json summary = Json({"import", "good.csv"});
  EXPECT_EQ(summary["relations_added"], 1);
  EXPECT_EQ(summary["relations_updated"], 0);
  EXPECT_EQ(summary["evidence_added"], 2);
  EXPECT_EQ(summary["entities_added"], 0);
  json path = Json({"path", "네이버", "e7"});
  EXPECT_EQ(path["paths"][0]["hops"], 1) << path.dump();
}

TEST_F(Cli, PathPairsAnswerEachPairAsPathWould) {
  ImportSample();
  // Names in any form, a pair with no path, extra columns, and source,target headers.
  dir_.Write("pairs.csv", "note,FROM,to\nx,네이버,Tsinghua\ny,MS,openai\nz," + kNaverNfd + ",ms\n");
  dir_.Write("edges.csv", "source,target,relation\nodd,snu,backs\n");
  std::vector<std::pair<std::string, std::string>> asked = {{"네이버", "Tsinghua"}, {"MS", "openai"}, {kNaverNfd, "ms"}};
  for (std::vector<std::string> options : {std::vector<std::string>{}, {"--direction", "out"}, {"--k", "2", "--weighted"}}) {
    std::vector<std::string> args = {"path", "--pairs", "pairs.csv"};
    args.insert(args.end(), options.begin(), options.end());
    json pairs = Json(args)["pairs"];
    ASSERT_EQ(pairs.size(), asked.size());
    std::string text_expected;
    for (size_t i = 0; i < asked.size(); ++i) {
      std::vector<std::string> one = {"path", asked[i].first, asked[i].second};
      one.insert(one.end(), options.begin(), options.end());
      EXPECT_EQ(pairs[i], Json(one)) << i;
      text_expected += (i ? "\n" + std::string(40, '-') + "\n\n" : "") + Run(one).out;
    }
    args.insert(args.end(), {"--format", "table"});
    EXPECT_EQ(Run(args).out, text_expected);
  }
  EXPECT_EQ(Json({"path", "--pairs", "edges.csv"})["pairs"][0], Json({"path", "odd", "snu"}));
  // CSV: the single answer's rows, each after its pair number.
  RunResult csv = Run({"path", "--pairs", "pairs.csv", "--format", "csv"});
  RunResult first = Run({"path", "네이버", "Tsinghua", "--format", "csv"});
  std::string first_rows = first.out.substr(first.out.find('\n') + 1);
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "pair," + first.out.substr(0, first.out.find('\n')));
  EXPECT_NE(csv.out.find("\n1," + first_rows.substr(0, first_rows.find('\n'))), std::string::npos);
  // Errors say where.
  dir_.Write("unknown.csv", "from,to\nnaver,snu\nnaver,Microsft\n");
  RunResult unknown = Run({"path", "--pairs", "unknown.csv"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "relgraph: error: unknown.csv:3:7: no entity named 'Microsft'; did you mean 'Microsoft' (id ms)?\n");
  dir_.Write("short.csv", "from,to\nnaver\n");
  EXPECT_EQ(Run({"path", "--pairs", "short.csv"}).err, "relgraph: error: short.csv:2:1: expected 2 fields as in the header, found 1\n");
  dir_.Write("header.csv", "a,b\nnaver,snu\n");
  EXPECT_EQ(Run({"path", "--pairs", "header.csv"}).err,
            "relgraph: error: header.csv:1:1: expected a header with columns from,to (or source,target)\n");
  EXPECT_EQ(Run({"path", "naver", "snu", "--pairs", "pairs.csv"}).exit_code, 2);
  EXPECT_EQ(Run({"path", "naver"}).exit_code, 2);
}

TEST_F(Cli, CreateMissingMakesEntitiesForBareEdgeLists) {
  dir_.Write("edges.csv", "source,target,relation,weight\norg_1,org_2,invests_in,0.5\norg_2,org_3,backs,2\n");
  EXPECT_EQ(Run({"import", "edges.csv"}).exit_code, 1);  // strict by default
  json summary = Json({"import", "edges.csv", "--create-missing"});
  EXPECT_EQ(summary["entities_added"], 3);
  EXPECT_EQ(summary["relations_added"], 2);
  EXPECT_EQ(Json({"entity", "org_2"})["kind"], "organization");
}

TEST_F(Cli, CsvExportNeutralisesFormulasAndTheImporterRestoresThem) {
  // Names a spreadsheet would run as formulas, and ones that look like the guard itself.
  dir_.Write("formulas.csv",
             "id,name,kind,aliases,description\n"
             "f1,\"=HYPERLINK(\"\"http://evil\"\")\",company,+1|-2|@SUM(A1),\n"
             "f2,'=already quoted,company,''two,\n"
             "f3,Tab,company,,\"\ttab first\"\n");
  ASSERT_EQ(Run({"import", "formulas.csv"}).exit_code, 0);
  json before = Json({"entity", "f1"});
  EXPECT_EQ(before["name"], "=HYPERLINK(\"http://evil\")");
  EXPECT_EQ(Json({"entity", "f2"})["name"], "=already quoted");  // the importer removed one apostrophe
  EXPECT_EQ(Json({"entity", "f2"})["aliases"][0], "'two");
  EXPECT_EQ(Json({"entity", "f3"})["description"], "\ttab first");
  ASSERT_EQ(Run({"export", "csv", "-o", "out"}).exit_code, 0);
  std::string written = ReadFile(dir_.File("out.entities.csv"));
  EXPECT_NE(written.find("f1,\"'=HYPERLINK(\"\"http://evil\"\")\",company,'+1|-2|@SUM(A1)"), std::string::npos) << written;
  // Guarded, and quoted as every cell with a tab is (issue 16).
  EXPECT_NE(written.find("f3,Tab,company,,,\"'\ttab first\""), std::string::npos) << written;
  EXPECT_EQ(written.find(",=HYPERLINK"), std::string::npos);
  RunResult again = RunRelgraph({"--db", dir_.File("copy.db"), "import", "out.entities.csv"}, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(RunRelgraph({"--db", dir_.File("copy.db"), "export", "json"}, dir_.path()).out, Run({"export", "json"}).out);
}

TEST_F(Cli, SqlAndLikeMetacharactersAreJustText) {
  dir_.Write("sql.csv",
             "id,name,kind\n"
             "x1,\"Robert'); DROP TABLE entities;--\",company\n"
             "x2,100% AI_Labs,company\n");
  ASSERT_EQ(Run({"import", "sql.csv"}).exit_code, 0);
  EXPECT_EQ(Json({"entity", "Robert'); DROP TABLE entities;--"})["id"], "x1");
  EXPECT_EQ(Json({"info"})["entities"], 2);
  json percent = Json({"search", "0% A"});
  ASSERT_EQ(percent["results"].size(), 1u);
  EXPECT_EQ(percent["results"][0]["id"], "x2");
  EXPECT_EQ(Json({"search", "_"})["results"].size(), 1u);  // only the name with an underscore
  EXPECT_EQ(Run({"check"}).exit_code, 0);
}

TEST_F(Cli, ReadOnlyStoreRefusesWritesAndStillAnswers) {
  ImportSample();
  std::string before = ReadFile(db_);
  // A store in WAL mode (header bytes 18 and 19 are 2), in a directory the reader below may
  // not write: it cannot create the -shm file a WAL reader uses, and reads the file as immutable.
  ASSERT_GE(before.size(), 20u);
  EXPECT_EQ(before[18], 2);
  EXPECT_EQ(before[19], 2);
  EXPECT_FALSE(std::filesystem::exists(db_ + "-wal"));
  chmod(db_.c_str(), 0444);
  // Root writes to read-only files, so as root the commands run as nobody (util-linux setpriv)
  // with a copy of the binary that nobody can read wherever the clone lives.
  UnprivilegedRun as_user = PrepareUnprivilegedRun(dir_);
  auto run = [&](const std::string& args) {
    return RunShell("cd '" + dir_.path() + "' && " + as_user.prefix + "'" + as_user.binary + "' --db '" + db_ + "' " + args +
                    " > out.txt 2> err.txt");
  };
  EXPECT_EQ(run("import entities.csv relations.csv"), 1);
  std::string err = ReadFile(dir_.File("err.txt"));
  EXPECT_EQ(err.rfind("relgraph: error: " + db_ + ": ", 0), 0u) << err;
  EXPECT_NE(err.find("read-only"), std::string::npos) << err;
  EXPECT_EQ(run("info --format json"), 0) << ReadFile(dir_.File("err.txt"));
  EXPECT_EQ(json::parse(ReadFile(dir_.File("out.txt")))["entities"], 7);
  EXPECT_EQ(ReadFile(db_), before);
}

TEST_F(Cli, ExitCodesFollowTheContract) {
  RunResult unknown = Run({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err.rfind("relgraph: error: unknown command 'frobnicate'; the commands are import, info,", 0), 0u) << unknown.err;
  EXPECT_EQ(Run({"entity"}).exit_code, 2);
  EXPECT_EQ(Run({"info", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Run({"import", "missing.csv"}).exit_code, 1);
  RunResult version = Run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("relgraph ", 0), 0u);
  RunResult help = Run({"import", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
}

TEST_F(Cli, GlobalOptionsWorkAfterTheCommand) {
  ImportSample();
  RunResult result = RunRelgraph({"info", "--db", db_, "--format", "json"}, dir_.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["entities"], 7);
}

TEST_F(Cli, RefusesToOverwriteAFileThatIsNotAStore) {
  std::string notes = dir_.Write("notes.txt", "not a database\n");
  RunResult result = RunRelgraph({"--db", notes, "import", "entities.csv"}, dir_.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "relgraph: error: " + notes + ": not a relgraph store (not an SQLite database); refusing to touch it\n");
  EXPECT_EQ(ReadFile(notes), "not a database\n");
}

}  // namespace
}  // namespace relgraph::testing

namespace relgraph::testing {
namespace {

// Reads of the working graph walk the store's graph image and load only what they print;
// reads --as-of a date load the whole graph. A date after everything keeps every relation, so
// both ways must print the same, byte for byte, errors included.
TEST_F(Cli, AnswersReadInPartsEqualAnswersFromTheWholeGraph) {
  std::string data = std::string(RELGRAPH_SOURCE_DIR) + "/data/";
  RunResult imported = Run({"import", data + "entities.csv", data + "relations.csv"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::vector<std::vector<std::string>> questions = {
      {"path", "Naver", "BAAI", "--k", "3"},
      {"path", "네이버", "OpenAI", "--weighted", "--k", "2", "--format", "json"},
      {"path", "Microsoft", "Anthropic", "--direction", "out", "--format", "csv"},
      {"path", "Naver", "BAAI", "--relation", "invests_in", "--direction", "out", "--max-hops", "2"},
      {"common", "OpenAI", "Anthropic", "--relation", "invests_in", "--direction", "in"},
      {"common", "Naver", "Kakao", "--format", "json"},
      {"neighbors", "Naver", "--depth", "2"},
      {"neighbors", "BAAI", "--direction", "in", "--format", "json"},
      {"entity", "베이징AI연구원"},
      {"entity", "OpenAI", "--format", "json"},
      {"centrality", "--measure", "pagerank", "--top", "10"},
      {"centrality", "--measure", "betweenness", "--direction", "both", "--format", "csv", "--top", "0"},
      {"info", "--format", "json"},
      {"search", "대학교"},
      {"entity", "Microsft"},
      {"path", "Naver", "Nobody At All"},
      {"path", "--pairs", "pairs.csv", "--format", "json"},
      {"export", "json", "--focus", "Naver", "--depth", "2"},
      {"export", "dot", "--path", "Naver", "BAAI", "--k", "2", "--size-by", "pagerank"},
      {"export", "dot", "--focus", "BAAI", "--relation", "backs", "--direction", "in", "--cluster-by", "country"},
      {"export", "json", "--path", "Naver", "Nobody At All"},
      {"snapshot", "diff", "before"},
      {"snapshot", "diff", "before", "--rank-changes", "pagerank", "--format", "json"},
      {"snapshot", "diff", "before", "after", "--format", "csv"},
      {"snapshot", "diff", "after", "before", "--rank-changes", "degree", "--top", "0"},
  };
  dir_.Write("pairs.csv", "from,to\nNaver,BAAI\nMicrosoft,서울대\n");
  // Two versions to compare: a rename, a new alias, a new relation between known entities, new
  // evidence for a known fact, a weight change, a new entity.
  ASSERT_EQ(Run({"snapshot", "save", "before"}).exit_code, 0);
  dir_.Write("later_entities.csv", "id,name,kind,aliases\nnaver,NAVER Corporation,company,네이버|Naver\nnewco,New Co,company,\n");
  dir_.Write("later_relations.csv",
             "source,target,relation,weight,evidence\nnewco,openai,invests_in,2,New Co backs OpenAI.\nkakao,snu,partners_with,,Kakao and SNU.\n"
             "Microsoft,OpenAI,invests_in,9,Microsoft said it again.\n");
  RunResult later = Run({"import", "later_entities.csv", "later_relations.csv"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  ASSERT_EQ(Run({"snapshot", "save", "after"}).exit_code, 0);
  ASSERT_EQ(Run({"import", "later_relations.csv", "--as", "relations"}).exit_code, 0);
  for (std::vector<std::string> question : questions) {
    RunResult parts = Run(question);
    question.insert(question.end(), {"--as-of", "9999-12-31"});
    RunResult whole = Run(question);
    std::string asked = question[0] + " " + question[1];
    EXPECT_EQ(parts.exit_code, whole.exit_code) << asked;
    EXPECT_EQ(parts.out, whole.out) << asked;
    EXPECT_EQ(parts.err, whole.err) << asked;
    EXPECT_FALSE(parts.out.empty() && parts.err.empty()) << asked;
  }
}

TEST_F(Cli, ADamagedGraphImageIsReportedAndRepaired) {
  ImportSample();
  ASSERT_EQ(RunShell("sqlite3 '" + db_ + "' \"UPDATE graph_images SET image = x'52475430'\""), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult path = Run({"path", "Naver", "Tsinghua"});
  EXPECT_EQ(path.exit_code, 1);
  EXPECT_NE(path.err.find("damaged graph image"), std::string::npos) << path.err;
  EXPECT_NE(path.err.find("check --repair"), std::string::npos) << path.err;
  RunResult check = Run({"check"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("graph image of the working graph does not match"), std::string::npos) << check.out;
  // Keys that no longer say an entity's names are found too. (The key "snu" of the id snu and
  // the alias SNU is the id itself, which schema 7 does not store as a key: the name's is taken.)
  ASSERT_EQ(RunShell("sqlite3 '" + db_ + "' \"DELETE FROM entity_keys WHERE key = 'seoul national university'\""), 0);
  EXPECT_NE(Run({"check"}).out.find("name keys do not match"), std::string::npos);
  RunResult repaired = Run({"check", "--repair"});
  EXPECT_EQ(repaired.exit_code, 0) << repaired.out << repaired.err;
  RunResult again = Run({"path", "Naver", "Tsinghua"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Seoul National University"), std::string::npos) << again.out;
  EXPECT_EQ(Run({"entity", "SNU"}).exit_code, 0);
}

}  // namespace
}  // namespace relgraph::testing
