// End-to-end: `relgraph serve` on a store imported from the default data and a few hostile and
// Hangul names. Every API body must be byte for byte what the command line prints with
// --format json for the same question; errors are JSON with 400/404; the server stops on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>

#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// NFD spelling of 네이버 (conjoining jamo) and of 서울대.
const std::string kNaverNfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";
const std::string kSeoulNfd = "\xE1\x84\x89\xE1\x85\xA5\xE1\x84\x8B\xE1\x85\xAE\xE1\x86\xAF\xE1\x84\x83\xE1\x85\xA2";

const std::string kHostileEntities =
    "id,name,kind,aliases,country\n"
    "pwn_img,<img src=x onerror=window.__pwned=1>,company,,US\n"
    "pwn_script,</script><script>window.__pwned=1</script>,company,<!--,US\n"
    "pwn_link,javascript:window.__pwned=1,organization,,\n";
const std::string kHostileRelations =
    "source,target,relation,date,source_doc,evidence\n"
    "pwn_img,naver,partners_with,2024-02,javascript:window.__pwned=1,\"<b onmouseover=window.__pwned=1>hi</b> & </script>\"\n"
    "pwn_script,pwn_link,backs,2024,https://example.com/a?b=<c>,\"U+2028 \xE2\x80\xA8 and U+2029 \xE2\x80\xA9 end\"\n";

// One server over one store for the whole suite (starting it costs a store open).
class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = dir_->File("serve.db");
    std::string source = RELGRAPH_SOURCE_DIR;
    RunResult imported = RunRelgraph({"--db", db_, "import", source + "/data/entities.csv", source + "/data/relations.csv"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_EQ(RunRelgraph({"--db", db_, "snapshot", "save", "base"}).exit_code, 0);
    std::string entities = dir_->Write("hostile.entities.csv", kHostileEntities);
    std::string relations = dir_->Write("hostile.relations.csv", kHostileRelations);
    imported = RunRelgraph({"--db", db_, "import", entities, relations});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::string log = dir_->File("serve.log");
    pid_ = SpawnRelgraph({"--db", db_, "serve", "--port", "0"}, ".", log);
    // The server prints its URL once it listens.
    std::regex url(R"(http://127\.0\.0\.1:([0-9]+)/)");
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::smatch match;
      std::string text = ReadFile(log);
      if (std::regex_search(text, match, url)) port_ = std::stoi(match[1]);
      else std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_NE(port_, 0) << "serve printed no URL: " << ReadFile(log);
  }
  static void TearDownTestSuite() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      EXPECT_EQ(WaitFor(pid_), 0) << "serve's exit code on SIGTERM";
    }
    pid_ = -1;
    port_ = 0;
    delete dir_;
    dir_ = nullptr;
  }

  static httplib::Result Get(const std::string& target) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    return client.Get(target);
  }
  // The body the API gives; fails the test unless it is 200.
  static std::string Body(const std::string& target) {
    auto result = Get(target);
    EXPECT_TRUE(result) << target;
    if (!result) return "";
    EXPECT_EQ(result->status, 200) << target << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    return result->body;
  }
  static std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--format", "json"});
    RunResult result = RunRelgraph(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
  // Percent-encodes every byte but unreserved ASCII (RFC 3986).
  static std::string Q(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", c);
        out += buffer;
      }
    }
    return out;
  }

  static TempDir* dir_;
  static std::string db_;
  static int pid_;
  static int port_;
};
TempDir* ServeTest::dir_ = nullptr;
std::string ServeTest::db_;
int ServeTest::pid_ = -1;
int ServeTest::port_ = 0;

TEST_F(ServeTest, ApiBodiesEqualTheCliJson) {
  struct Question {
    std::string target;
    std::vector<std::string> args;
  };
  const std::vector<Question> questions = {
      {"/api/info", {"info"}},
      {"/api/search?q=" + Q(kNaverNfd), {"search", kNaverNfd}},
      {"/api/search?q=UNIV&limit=5", {"search", "UNIV", "--limit", "5"}},
      {"/api/search?q=" + Q("</script>"), {"search", "</script>"}},
      {"/api/entity?name=" + Q(kNaverNfd), {"entity", kNaverNfd}},
      {"/api/entity?name=" + Q(kSeoulNfd), {"entity", kSeoulNfd}},
      {"/api/entity?name=pwn_img", {"entity", "pwn_img"}},
      {"/api/entity?name=" + Q("北京智源人工智能研究院"), {"entity", "北京智源人工智能研究院"}},
      {"/api/neighbors?name=naver&depth=2", {"neighbors", "naver", "--depth", "2"}},
      {"/api/neighbors?name=BAAI&direction=in&relation=backs,invests_in",
       {"neighbors", "BAAI", "--direction", "in", "--relation", "backs,invests_in"}},
      {"/api/path?from=Naver&to=BAAI&k=3", {"path", "Naver", "BAAI", "--k", "3"}},
      {"/api/path?from=Microsoft&to=Anthropic&direction=out&relation=invests_in",
       {"path", "Microsoft", "Anthropic", "--direction", "out", "--relation", "invests_in"}},
      {"/api/path?from=Naver&to=BAAI&weighted=true&max_hops=4", {"path", "Naver", "BAAI", "--weighted", "--max-hops", "4"}},
      {"/api/common?a=OpenAI&b=Anthropic&relation=invests_in&direction=in",
       {"common", "OpenAI", "Anthropic", "--relation", "invests_in", "--direction", "in"}},
      {"/api/centrality?measure=pagerank&top=10", {"centrality", "--measure", "pagerank", "--top", "10"}},
      {"/api/centrality?measure=betweenness&direction=both&normalized=true&top=5",
       {"centrality", "--measure", "betweenness", "--direction", "both", "--normalized", "--top", "5"}},
      {"/api/communities", {"communities"}},
      {"/api/communities?method=louvain&resolution=1.5&seed=3", {"communities", "--method", "louvain", "--resolution", "1.5", "--seed", "3"}},
      {"/api/snapshots", {"snapshot", "list"}},
      {"/api/diff?a=base", {"snapshot", "diff", "base"}},
      {"/api/info?snapshot=base", {"--snapshot", "base", "info"}},
      {"/api/entity?name=naver&as_of=2019", {"--as-of", "2019", "entity", "naver"}},
      {"/api/neighbors?name=naver&snapshot=base", {"--snapshot", "base", "neighbors", "naver"}},
  };
  for (const Question& question : questions) {
    std::string api = Body(question.target);
    std::string cli = Cli(question.args);
    EXPECT_FALSE(cli.empty()) << question.target;
    EXPECT_EQ(api, cli) << question.target;
  }
  // The store differs between the snapshot and the working graph, so the two doors are not
  // trivially equal: the snapshot has none of the hostile entities.
  EXPECT_NE(Body("/api/info?snapshot=base"), Body("/api/info"));
  EXPECT_EQ(json::parse(Body("/api/entity?name=" + Q(kNaverNfd)))["id"], "naver");
}

TEST_F(ServeTest, NeighbourhoodsAreCutNearestFirstWithANote) {
  json whole = json::parse(Cli({"neighbors", "naver", "--depth", "3"}));
  size_t total = whole["neighbors"].size();
  ASSERT_GT(total, 10u);
  json cut = json::parse(Body("/api/neighbors?name=naver&depth=3&limit=7"));
  ASSERT_EQ(cut["neighbors"].size(), 7u);
  EXPECT_EQ(cut["truncated"]["total"], total);
  EXPECT_EQ(cut["truncated"]["shown"], 7);
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(cut["neighbors"][i], whole["neighbors"][i]) << i;
  EXPECT_FALSE(whole.contains("truncated"));
  // And the CLI's --limit gives the same document.
  EXPECT_EQ(Body("/api/neighbors?name=naver&depth=3&limit=7"), Cli({"neighbors", "naver", "--depth", "3", "--limit", "7"}));
}

TEST_F(ServeTest, ErrorsAreJsonWithTheirStatus) {
  struct Case {
    std::string target;
    int status;
    std::string says;  // part of the message
  };
  const std::vector<Case> cases = {
      {"/api/entity?name=NoSuchThing", 404, "NoSuchThing"},
      {"/api/entity", 400, "name"},
      {"/api/neighbors?name=naver&depth=0", 400, "depth"},
      {"/api/neighbors?name=naver&depth=two", 400, "depth"},
      {"/api/neighbors?name=naver&direction=up", 400, "direction"},
      {"/api/neighbors?name=naver&relation=loves", 400, "loves"},
      {"/api/search?q=x&colour=red", 400, "colour"},
      {"/api/info?snapshot=nope", 404, "nope"},
      {"/api/centrality?measure=fame", 400, "measure"},
      {"/api/path?from=naver", 400, "to"},
      {"/api/nothing", 404, "/api/nothing"},
      {"/api/communities?method=girvan", 400, "method"},
      {"/api/communities?resolution=-1", 400, "resolution"},
  };
  for (const Case& item : cases) {
    auto result = Get(item.target);
    ASSERT_TRUE(result) << item.target;
    EXPECT_EQ(result->status, item.status) << item.target << ": " << result->body;
    json body = json::parse(result->body, nullptr, false);
    ASSERT_TRUE(body.is_object() && body.contains("error")) << item.target << ": " << result->body;
    EXPECT_NE(body["error"].get<std::string>().find(item.says), std::string::npos) << item.target << ": " << result->body;
  }
  // Nothing outside the routes, however the path is spelled.
  for (const std::string target : {"/../etc/passwd", "/%2e%2e/etc/passwd", "/api/../../etc/passwd", "/index.html"}) {
    auto result = Get(target);
    ASSERT_TRUE(result) << target;
    EXPECT_TRUE(result->status == 404 || result->status == 400) << target << ": " << result->status;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << target;
  }
  // Read-only: no other method.
  httplib::Client client("127.0.0.1", port_);
  auto posted = client.Post("/api/info", "{}", "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 405);
  // A page asked for under another host name (DNS rebinding) is refused.
  auto rebound = client.Get("/api/info", {{"Host", "evil.example:8750"}});
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
}

TEST_F(ServeTest, ThePageIsTheViewWithAPolicyAgainstRemoteLoads) {
  auto result = Get("/");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  std::string policy = result->get_header_value("Content-Security-Policy");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(policy.find("connect-src 'self'"), std::string::npos);
  EXPECT_EQ(policy.find("http"), std::string::npos);
  EXPECT_NE(result->body.find("id=\"relgraph-data\""), std::string::npos);
  EXPECT_NE(result->body.find("\"mode\":\"serve\""), std::string::npos);
}

TEST_F(ServeTest, ConcurrentRequestsAllAnswerTheSame) {
  const std::string expected = Cli({"path", "Naver", "BAAI", "--k", "2"});
  std::vector<std::thread> threads;
  std::vector<int> good(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port_);
      client.set_read_timeout(60, 0);
      for (int i = 0; i < 5; ++i) {
        auto result = client.Get("/api/path?from=Naver&to=BAAI&k=2");
        if (result && result->status == 200 && result->body == expected) ++good[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(good[t], 5) << "thread " << t;
}

TEST_F(ServeTest, AnswersTheLatestCommittedStateWhileAnotherProcessImports) {
  size_t before = json::parse(Body("/api/info"))["entities"];
  std::string file = dir_->Write("late.entities.csv", "id,name,kind\nlate_one,Late Arrival,company\n");
  int importer = SpawnRelgraph({"--db", db_, "import", file});
  // Questions asked during the import are answered (from before or after it, never broken).
  for (int i = 0; i < 10; ++i) {
    auto result = Get("/api/info");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << result->body;
  }
  ASSERT_EQ(WaitFor(importer), 0);
  EXPECT_EQ(json::parse(Body("/api/info"))["entities"], before + 1);
  EXPECT_EQ(json::parse(Body("/api/search?q=" + Q("late arrival")))["total"], 1);
}

TEST(ServeCommand, StopsCleanlyOnSigintAndRefusesAMissingStore) {
  TempDir dir;
  RunResult missing = RunRelgraph({"--db", dir.File("none.db"), "serve", "--port", "0"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no store here yet"), std::string::npos) << missing.err;

  std::string db = dir.File("s.db");
  std::string entities = dir.Write("e.csv", "id,name,kind\na,Alpha,company\n");
  ASSERT_EQ(RunRelgraph({"--db", db, "import", entities}).exit_code, 0);
  std::string log = dir.File("log");
  int pid = SpawnRelgraph({"--db", db, "serve", "--port", "0"}, ".", log);
  for (int i = 0; i < 300 && ReadFile(log).find("http://") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_NE(ReadFile(log).find("http://127.0.0.1:"), std::string::npos) << ReadFile(log);
  kill(pid, SIGINT);
  EXPECT_EQ(WaitFor(pid), 0);
  EXPECT_NE(ReadFile(log).find("stopping (SIGINT)"), std::string::npos) << ReadFile(log);
}

}  // namespace
}  // namespace relgraph::testing
