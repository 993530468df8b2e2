// Nothing is lost: the real binary is killed (SIGKILL) at random moments during import and
// snapshot save, runs out of disk, competes with a second writer, meets damaged, old and
// foreign files. After each, the store must pass `check` and hold either the old or the new
// state, whole. RELGRAPH_KILL_TRIALS sets the number of trials of each kind (default 12).
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A graph large enough that an import takes a noticeable fraction of a second.
void WriteBigImport(const TempDir& dir, int entities, int relations) {
  std::string entity_csv = "id,name,kind,aliases\n";
  for (int i = 0; i < entities; ++i) {
    entity_csv += "e" + std::to_string(i) + ",Entity " + std::to_string(i) + ",company,엔티티" + std::to_string(i) + "\n";
  }
  dir.Write("big_entities.csv", entity_csv);
  std::mt19937 generator(7);
  std::uniform_int_distribution<int> pick(0, entities - 1);
  std::string relation_csv = "source,target,relation,weight,evidence\n";
  for (int i = 0; i < relations; ++i) {
    relation_csv += "e" + std::to_string(pick(generator)) + ",e" + std::to_string(pick(generator)) + ",invests_in," +
                    std::to_string(1 + i % 5) + ",Statement number " + std::to_string(i) + "\n";
  }
  dir.Write("big_relations.csv", relation_csv);
}

class Durability : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* trials = std::getenv("RELGRAPH_KILL_TRIALS");
    trials_ = trials ? std::atoi(trials) : 12;
    WriteBigImport(dir_, 3000, 40000);
    dir_.Write("seed.csv", "id,name,kind\nnaver,Naver,company\nsnu,Seoul National University,university\n");
    dir_.Write("seed_rel.csv", "source,target,relation,evidence\nnaver,snu,partners_with,They work together.\n");
    base_ = dir_.File("base.db");
    ASSERT_EQ(Run(base_, {"import", "seed.csv", "seed_rel.csv", "big_entities.csv"}).exit_code, 0);
    ASSERT_EQ(Run(base_, {"snapshot", "save", "s0"}).exit_code, 0);
    // A change after s0, so that saving s1 records something s0 does not have.
    dir_.Write("change.csv", "id,name,kind\nnaver,NAVER Corporation,company\n");
    ASSERT_EQ(Run(base_, {"import", "change.csv"}).exit_code, 0);
    s0_ = Export(base_, "s0");
    before_ = Export(base_, "");
    // The state an uninterrupted import reaches.
    std::string full = dir_.File("full.db");
    fs::copy_file(base_, full);
    auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(Run(full, {"import", "big_relations.csv"}).exit_code, 0);
    import_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    after_ = Export(full, "");
  }

  RunResult Run(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return RunRelgraph(args, dir_.path());
  }
  std::string Export(const std::string& db, const std::string& snapshot) {
    std::vector<std::string> args = {"export", "json"};
    if (!snapshot.empty()) args.insert(args.begin(), {"--snapshot", snapshot});
    RunResult result = Run(db, args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
  std::vector<std::string> SnapshotNames(const std::string& db) {
    RunResult result = Run(db, {"snapshot", "list", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    json list = json::parse(result.out);  // named: a range-for over a temporary's member dangles
    std::vector<std::string> names;
    for (const json& item : list["snapshots"]) names.push_back(item["name"]);
    return names;
  }
  // Runs the command in the background and kills it after a random delay within its usual
  // running time; returns whether it was still running when killed.
  bool KillDuring(const std::string& db, const std::vector<std::string>& command, double from, double to,
                  std::mt19937& generator) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), command.begin(), command.end());
    std::uniform_real_distribution<double> delay(from, to);
    int pid = SpawnRelgraph(args, dir_.path());
    std::this_thread::sleep_for(std::chrono::duration<double>(delay(generator)));
    bool killed = kill(pid, SIGKILL) == 0;
    int status = WaitFor(pid);
    return killed && status == 128 + SIGKILL;
  }

  TempDir dir_;
  int trials_ = 12;
  std::string base_, s0_, before_, after_;
  double import_seconds_ = 0;
};

TEST_F(Durability, KilledImportLeavesTheOldOrTheNewGraphWhole) {
  std::mt19937 generator(2024);
  int killed_mid_run = 0, journals_left = 0, old_state = 0, new_state = 0;
  for (int trial = 0; trial < trials_; ++trial) {
    std::string db = dir_.File("import" + std::to_string(trial) + ".db");
    fs::copy_file(base_, db);
    // Half the kills spread over the whole run, half aimed at its end, where the writes are.
    double from = trial % 2 ? 0.6 * import_seconds_ : 0.0;
    killed_mid_run += KillDuring(db, {"import", "big_relations.csv"}, from, import_seconds_ * 1.05, generator);
    journals_left += fs::exists(db + "-journal");
    RunResult check = Run(db, {"check"});
    EXPECT_EQ(check.exit_code, 0) << "trial " << trial << ": " << check.out << check.err;
    std::string now = Export(db, "");
    bool is_old = now == before_, is_new = now == after_;
    EXPECT_TRUE(is_old || is_new) << "trial " << trial << ": a partial import is visible";
    old_state += is_old;
    new_state += is_new;
    EXPECT_TRUE(Export(db, "s0") == s0_) << "trial " << trial << ": snapshot s0 changed";
  }
  std::cout << "[ figures  ] import kill trials: " << trials_ << ", killed mid-run: " << killed_mid_run
            << ", hot journals left and rolled back: " << journals_left << ", old state: " << old_state
            << ", new state: " << new_state << ", corrupt: 0, partial: 0 (import takes " << import_seconds_ << " s)\n";
  EXPECT_GT(killed_mid_run, 0);
}

TEST_F(Durability, KilledSnapshotSaveLeavesTheOldListOrACompleteSnapshot) {
  std::mt19937 generator(99);
  int saved = 0, not_saved = 0;
  // A save starts a process, opens the store and writes a few rows: a few milliseconds.
  std::string timing = dir_.File("timing.db");
  fs::copy_file(base_, timing);
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Run(timing, {"snapshot", "save", "s1"}).exit_code, 0);
  double save_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (int trial = 0; trial < trials_; ++trial) {
    std::string db = dir_.File("save" + std::to_string(trial) + ".db");
    fs::copy_file(base_, db);
    KillDuring(db, {"snapshot", "save", "s1", "--note", "trial"}, 0, save_seconds * 1.1, generator);
    EXPECT_EQ(Run(db, {"check"}).exit_code, 0) << "trial " << trial;
    std::vector<std::string> names = SnapshotNames(db);
    if (names == std::vector<std::string>{"s0"}) {
      ++not_saved;
    } else {
      ASSERT_EQ(names, (std::vector<std::string>{"s0", "s1"})) << "trial " << trial;
      EXPECT_TRUE(Export(db, "s1") == before_) << "trial " << trial << ": snapshot s1 is incomplete";
      ++saved;
    }
    EXPECT_TRUE(Export(db, "s0") == s0_) << "trial " << trial << ": snapshot s0 changed";
    EXPECT_TRUE(Export(db, "") == before_) << "trial " << trial << ": the working graph changed";
  }
  std::cout << "[ figures  ] snapshot save kill trials: " << trials_ << ", saved whole: " << saved
            << ", not saved: " << not_saved << ", corrupt: 0, partial: 0 (a save takes " << save_seconds << " s)\n";
}

TEST_F(Durability, DiskFullGivesAClearErrorAndAnIntactStore) {
  std::string db = dir_.File("full_disk.db");
  fs::copy_file(base_, db);
  // The store is a few hundred KiB; allow it to grow by almost nothing. SIGXFSZ is ignored so
  // the write fails with EFBIG (as on a full disk) instead of killing the process.
  std::string command = "cd '" + dir_.path() + "' && ulimit -f " + std::to_string(fs::file_size(db) / 512 + 8) +
                        " && trap '' XFSZ && '" + RELGRAPH_BINARY + "' --db '" + db + "' import big_relations.csv 2> err.txt";
  int status = RunShell("sh -c \"" + command + "\"");
  EXPECT_EQ(status, 1);
  std::string err = ReadFile(dir_.File("err.txt"));
  EXPECT_EQ(err.rfind("relgraph: error: " + db + ": ", 0), 0u) << err;
  EXPECT_NE(err.find("nothing was changed"), std::string::npos) << err;
  EXPECT_EQ(Run(db, {"check"}).exit_code, 0);
  EXPECT_TRUE(Export(db, "") == before_) << "the working graph changed";
}

TEST_F(Durability, SecondWriterWaitsInsteadOfFailing) {
  std::string db = dir_.File("two.db");
  fs::copy_file(base_, db);
  dir_.Write("other.csv", "id,name,kind\nkakao,Kakao,company\n");
  int first = SpawnRelgraph({"--db", db, "import", "big_relations.csv"}, dir_.path());
  int second = SpawnRelgraph({"--db", db, "import", "other.csv"}, dir_.path());
  EXPECT_EQ(WaitFor(first), 0);
  EXPECT_EQ(WaitFor(second), 0);
  EXPECT_EQ(Run(db, {"check"}).exit_code, 0);
  EXPECT_EQ(Run(db, {"entity", "kakao"}).exit_code, 0);
  EXPECT_EQ(json::parse(Run(db, {"info", "--format", "json"}).out)["relations"],
            json::parse(RunRelgraph({"--db", dir_.File("full.db"), "info", "--format", "json"}, dir_.path()).out)["relations"]);
}

TEST_F(Durability, DamagedStoresAreRefusedOrReportedNeverOverwritten) {
  // Truncated to half: reading fails with a message; check reports it; the bytes stay.
  std::string truncated = dir_.File("truncated.db");
  fs::copy_file(dir_.File("full.db"), truncated);
  fs::resize_file(truncated, fs::file_size(truncated) / 2);
  std::string bytes = ReadFile(truncated);
  RunResult info = Run(truncated, {"info"});
  EXPECT_EQ(info.exit_code, 1);
  EXPECT_EQ(info.err.rfind("relgraph: error: " + truncated + ": ", 0), 0u) << info.err;
  EXPECT_NE(Run(truncated, {"check"}).exit_code, 0);
  EXPECT_EQ(ReadFile(truncated), bytes);

  // Garbage in the middle of the file: check finds it.
  std::string corrupt = dir_.File("corrupt.db");
  fs::copy_file(dir_.File("full.db"), corrupt);
  std::string content = ReadFile(corrupt);
  for (size_t i = content.size() / 2; i < content.size() / 2 + 8192 && i < content.size(); ++i) content[i] = static_cast<char>(i * 7);
  dir_.Write("corrupt.db", content);
  RunResult corrupt_check = Run(corrupt, {"check"});
  EXPECT_EQ(corrupt_check.exit_code, 1) << corrupt_check.out << corrupt_check.err;

  // Not SQLite at all, and an empty directory in its place.
  std::string text = dir_.Write("text.db", "hello\n");
  EXPECT_EQ(Run(text, {"import", "seed.csv"}).exit_code, 1);
  EXPECT_EQ(ReadFile(text), "hello\n");
  fs::create_directory(dir_.File("dir.db"));
  EXPECT_EQ(Run(dir_.File("dir.db"), {"info"}).exit_code, 1);
}

TEST_F(Durability, OldSchemaIsUpgradedInOneStep) {
  std::string old = dir_.File("v1.db");
  ASSERT_EQ(RunShell("sqlite3 '" + old + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v1.sql'"), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult entity = Run(old, {"entity", "서울대", "--format", "json"});
  ASSERT_EQ(entity.exit_code, 0) << entity.err;
  EXPECT_EQ(json::parse(entity.out)["relations"][0]["evidence"][0]["sentence"], "Naver and SNU work together.");
  RunResult check = Run(old, {"check", "--format", "json"});
  EXPECT_EQ(json::parse(check.out)["schema_version"], 5);
  // The upgrade wrote the name keys and the graph image, and they agree with the rows.
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(Run(old, {"snapshot", "save", "after-upgrade"}).exit_code, 0);
  // A read-only old store cannot be upgraded: refused with a message, unchanged.
  std::string frozen = dir_.File("v1_readonly.db");
  ASSERT_EQ(RunShell("sqlite3 '" + frozen + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v1.sql'"), 0);
  fs::permissions(frozen, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::string frozen_bytes = ReadFile(frozen);
  // Root may write anyway, so as root the command runs as nobody (test_util.h).
  UnprivilegedRun as_user = PrepareUnprivilegedRun(dir_);
  EXPECT_EQ(RunShell("cd '" + dir_.path() + "' && " + as_user.prefix + "'" + as_user.binary + "' --db '" + frozen +
                     "' info > refused.out 2> refused.err"),
            1);
  std::string refused = ReadFile(dir_.File("refused.err"));
  EXPECT_NE(refused.find("needs an upgrade"), std::string::npos) << refused;
  EXPECT_EQ(ReadFile(frozen), frozen_bytes);
}

// Issue 18: schema 5 keeps what `info` prints per version. A frozen schema 4 store (written by
// the schema 4 binary: entities naver, kakao (companies), snu, kaist (universities); an import
// of 3 relations with 3 evidence records citing doc1 and doc2; snapshot "before"; an import of
// kakao -invests_in-> kaist (doc3) and naver -backs-> kaist again (a second evidence record,
// doc3)) is upgraded in one transaction; the counts below are counted by hand from those files.
TEST_F(Durability, SchemaFourStoreGetsItsCountsOnUpgrade) {
  std::string db = dir_.File("v4.db");
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v4.sql'"), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult head = Run(db, {"info", "--format", "json"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  json counts = json::parse(head.out);
  EXPECT_EQ(counts["entities"], 4);
  EXPECT_EQ(counts["relations"], 4);
  EXPECT_EQ(counts["evidence"], 5);
  EXPECT_EQ(counts["documents"], 3);
  EXPECT_EQ(counts["by_kind"]["company"], 2);
  EXPECT_EQ(counts["by_kind"]["university"], 2);
  EXPECT_EQ(counts["by_kind"]["person"], 0);
  EXPECT_EQ(counts["by_relation"]["backs"], 1);
  EXPECT_EQ(counts["by_relation"]["invests_in"], 1);
  EXPECT_EQ(counts["by_relation"]["partners_with"], 1);
  EXPECT_EQ(counts["by_relation"]["competes_with"], 1);
  RunResult before = Run(db, {"info", "--snapshot", "before", "--format", "json"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  counts = json::parse(before.out);
  EXPECT_EQ(counts["relations"], 3);
  EXPECT_EQ(counts["evidence"], 3);
  EXPECT_EQ(counts["documents"], 2);
  EXPECT_EQ(counts["by_relation"]["invests_in"], 0);
  RunResult check = Run(db, {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(json::parse(check.out)["schema_version"], 5);
  // Writes keep the counts: a new relation, a snapshot of it, then a restore of "before".
  dir_.Write("more.csv", "source,target,relation\nkaist,snu,partners_with\n");
  ASSERT_EQ(Run(db, {"import", "more.csv"}).exit_code, 0);
  EXPECT_EQ(json::parse(Run(db, {"info", "--format", "json"}).out)["relations"], 5);
  ASSERT_EQ(Run(db, {"snapshot", "save", "five"}).exit_code, 0);
  ASSERT_EQ(Run(db, {"snapshot", "restore", "before"}).exit_code, 0);
  counts = json::parse(Run(db, {"info", "--format", "json"}).out);
  EXPECT_EQ(counts["relations"], 3);
  EXPECT_EQ(counts["evidence"], 3);
  EXPECT_EQ(json::parse(Run(db, {"info", "--snapshot", "five", "--format", "json"}).out)["by_relation"]["partners_with"], 2);
  EXPECT_EQ(Run(db, {"check"}).exit_code, 0);
  // Counts that disagree with the rows are reported, and --repair rewrites them.
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"UPDATE graph_counts SET evidence = 99 WHERE version = 0\""), 0);
  RunResult damaged = Run(db, {"check"});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.out.find("counts of the working graph"), std::string::npos) << damaged.out;
  EXPECT_EQ(Run(db, {"check", "--repair"}).exit_code, 0);
  EXPECT_EQ(json::parse(Run(db, {"info", "--format", "json"}).out)["evidence"], 3);
}

// Issue 16: schema 4 folds width in the stored name keys. A schema 3 store holds keys without
// width folding ("ｏｐｅｎａｉ lab" for a full-width name); opening it computes every key again,
// so the name typed in ASCII finds the entity, and check agrees with the rows.
TEST_F(Durability, SchemaThreeNameKeysAreComputedAgainWithWidthFolding) {
  std::string db = dir_.File("v3.db");
  dir_.Write("wide.csv", "id,name,kind\nwide,\"ＯｐｅｎＡＩ Lab\",company\n");
  ASSERT_EQ(Run(db, {"import", "wide.csv"}).exit_code, 0);
  // What a schema 3 relgraph wrote: NFC + case folding only.
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"UPDATE entity_keys SET key = 'ｏｐｅｎａｉ lab' WHERE key = 'openai lab'; "
                     "PRAGMA user_version = 3;\""),
            0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult found = Run(db, {"entity", "OpenAI Lab", "--format", "json"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(json::parse(found.out)["id"], "wide");
  RunResult check = Run(db, {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(json::parse(check.out)["schema_version"], 5);
}

}  // namespace
}  // namespace relgraph::testing
