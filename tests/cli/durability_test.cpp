// Nothing is lost: the real binary is killed (SIGKILL) at random moments during import and
// snapshot save, runs out of disk, competes with a second writer, meets damaged, old and
// foreign files. After each, the store must pass `check` and hold either the old or the new
// state, whole. RELGRAPH_KILL_TRIALS sets the number of trials of each kind (default 12).
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "importers/importers.h"
#include "store/store.h"
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

// Bytes 18 and 19 of an SQLite header are 2 when the database is in WAL mode.
bool InWalMode(const std::string& db) {
  std::string header = ReadFile(db).substr(0, 20);
  return header.size() == 20 && header[18] == 2 && header[19] == 2;
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
  // Stores are written through a write-ahead log: the kills below hit that journal.
  ASSERT_TRUE(InWalMode(base_));
  for (int trial = 0; trial < trials_; ++trial) {
    std::string db = dir_.File("import" + std::to_string(trial) + ".db");
    fs::copy_file(base_, db);
    // Half the kills spread over the whole run, half aimed at its end, where the writes are.
    double from = trial % 2 ? 0.6 * import_seconds_ : 0.0;
    killed_mid_run += KillDuring(db, {"import", "big_relations.csv"}, from, import_seconds_ * 1.05, generator);
    journals_left += fs::exists(db + "-wal");
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
            << ", write-ahead logs left behind: " << journals_left << ", old state: " << old_state
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
  ASSERT_TRUE(InWalMode(base_));
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

// Issue 18 step 5: a reader in the middle of a read transaction (Store::BeginRead; `serve`
// reads each request in one) does not make an import wait: with a rollback journal the
// import's commit would wait for the reader (60-second busy timeout, beyond the limit below).
// The reader keeps seeing the state it started from; the next read sees the import.
TEST_F(Durability, AnImportCommitsWhileAReaderHoldsItsTransaction) {
  std::string db = dir_.File("reader.db");
  fs::copy_file(base_, db);
  auto reader = store::Store::Open(db, store::Store::Mode::kReadOnly, importers::DefaultSchema());
  reader->BeginRead();
  EXPECT_EQ(reader->CountAll().relations, 1);  // naver -partners_with-> snu, from seed_rel.csv
  std::string binary = RELGRAPH_BINARY;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(RunShell("cd '" + dir_.path() + "' && timeout 30 '" + binary + "' --db '" + db +
                     "' import big_relations.csv > reader_import.out 2> reader_import.err"),
            0)
      << ReadFile(dir_.File("reader_import.err"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0);
  // Still the state the read transaction began in: the image and the counts of before.
  EXPECT_EQ(reader->CountAll().relations, 1);
  EXPECT_EQ(reader->LoadTopology().relation_count(), 1u);
  EXPECT_EQ(reader->Load().relations().size(), 1u);
  reader.reset();
  EXPECT_TRUE(Export(db, "") == after_) << "the import did not land whole";
  EXPECT_EQ(Run(db, {"check"}).exit_code, 0);
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
  EXPECT_EQ(json::parse(check.out)["schema_version"], 7);
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
  EXPECT_EQ(json::parse(check.out)["schema_version"], 7);
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

// Issue 18: schema 6 keeps relation and evidence keys as integers (atoms) and the locator of a
// bulk CSV line as its line number. A frozen schema 5 store (written by the schema 5 binary
// from these files: e.csv naver (Naver, alias 네이버, founded 1999), snu, kakao, kaist; r.csv
// naver -partners_with-> snu (2, 2021), kakao -competes_with-> naver (1, 2020); r_doc.csv
// naver -backs-> kaist (doc1, "Naver backs KAIST.", 2022-03), naver -partners_with-> snu
// again (doc2, locator "p. 4"); snapshot "before"; then e2.csv renames naver to NAVER
// Corporation and r2.csv sets naver -partners_with-> snu to weight 5 and adds kakao
// -invests_in-> kaist (3, 2023, amount 10억)) is upgraded in one transaction; every value
// below is read off those files by hand.
TEST_F(Durability, SchemaFiveStoreGetsIntegerKeysOnUpgrade) {
  std::string db = dir_.File("v5.db");
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v5.sql'"), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult check = Run(db, {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(json::parse(check.out)["schema_version"], 7);
  json info = json::parse(Run(db, {"info", "--format", "json"}).out);
  EXPECT_EQ(info["entities"], 4);
  EXPECT_EQ(info["relations"], 4);
  EXPECT_EQ(info["evidence"], 6);
  EXPECT_EQ(info["documents"], 4);  // doc1, doc2, file:r.csv, file:r2.csv
  json before = json::parse(Run(db, {"info", "--snapshot", "before", "--format", "json"}).out);
  EXPECT_EQ(before["relations"], 3);
  EXPECT_EQ(before["evidence"], 4);
  EXPECT_EQ(before["documents"], 3);
  auto relation = [](const json& graph, const std::string& source, const std::string& type, const std::string& target) {
    for (const json& item : graph["relations"]) {
      if (item["source"] == source && item["type"] == type && item["target"] == target) return item;
    }
    return json();
  };
  auto locators = [](const json& item) {
    std::vector<std::string> out;
    for (const json& evidence : item["evidence"]) out.push_back(evidence["locator"]);
    std::sort(out.begin(), out.end());
    return out;
  };
  json head = json::parse(Export(db, ""));
  json partners = relation(head, "naver", "partners_with", "snu");
  EXPECT_EQ(partners["weight"], 5.0);
  EXPECT_EQ(partners["date"], "2021");
  EXPECT_EQ(locators(partners), (std::vector<std::string>{"p. 4", "r.csv:2", "r2.csv:2"}));
  json backs = relation(head, "naver", "backs", "kaist");
  ASSERT_EQ(backs["evidence"].size(), 1u);
  EXPECT_EQ(backs["evidence"][0]["document"], "doc1");
  EXPECT_EQ(backs["evidence"][0]["locator"], "r_doc.csv:2");  // a CSV line, but of another document: kept as text
  EXPECT_EQ(backs["evidence"][0]["sentence"], "Naver backs KAIST.");
  EXPECT_EQ(backs["evidence"][0]["date"], "2022-03");
  json invests = relation(head, "kakao", "invests_in", "kaist");
  EXPECT_EQ(invests["properties"]["amount"], "10억");
  EXPECT_EQ(locators(invests), std::vector<std::string>{"r2.csv:3"});
  EXPECT_EQ(locators(relation(head, "kakao", "competes_with", "naver")), std::vector<std::string>{"r.csv:3"});
  json old = json::parse(Export(db, "before"));
  EXPECT_EQ(old["relations"].size(), 3u);
  EXPECT_EQ(relation(old, "naver", "partners_with", "snu")["weight"], 2.0);
  EXPECT_EQ(locators(relation(old, "naver", "partners_with", "snu")), (std::vector<std::string>{"p. 4", "r.csv:2"}));
  // The rows themselves: integer keys, bulk-line locators as integers, no key text indexed.
  std::string rows = dir_.File("rows.txt");
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"SELECT typeof(source) || typeof(type) || typeof(target) FROM relation_rows GROUP BY 1; "
                     "SELECT row || ':' || typeof(locator) FROM evidence_rows ORDER BY row; "
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('relations', 'evidence')\" > '" + rows + "'"),
            0);
  // (Schema 7 then moved evidence 1 (r.csv:3) and 5 (r2.csv:3), each the first and only
  // evidence of a relation row of the same versions, into those rows; evidence 3 (r.csv:2)
  // outlives its first relation row, 2 and 4 are not bare file lines, 6 is not the first.)
  EXPECT_EQ(ReadFile(rows), "integerintegerinteger\n2:text\n3:integer\n4:text\n6:integer\n0\n");
  // Writes go on from there: an import, a snapshot, a restore of "before".
  dir_.Write("more.csv", "source,target,relation\nkaist,snu,partners_with\n");
  ASSERT_EQ(Run(db, {"import", "more.csv"}).exit_code, 0);
  EXPECT_EQ(json::parse(Run(db, {"info", "--format", "json"}).out)["relations"], 5);
  ASSERT_EQ(Run(db, {"snapshot", "save", "five"}).exit_code, 0);
  ASSERT_EQ(Run(db, {"snapshot", "restore", "before"}).exit_code, 0);
  json restored = json::parse(Export(db, ""));
  EXPECT_EQ(restored["relations"].size(), 3u);
  EXPECT_EQ(relation(restored, "naver", "partners_with", "snu")["weight"], 2.0);
  EXPECT_EQ(locators(relation(json::parse(Export(db, "five")), "kaist", "partners_with", "snu")), std::vector<std::string>{"more.csv:2"});
  EXPECT_EQ(Run(db, {"check"}).exit_code, 0);
  // A row whose key names no atom drops out of the views: check still finds it.
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"DELETE FROM atoms WHERE text = 'kaist'\""), 0);
  RunResult damaged = Run(db, {"check"});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_NE(damaged.out.find("whose key names no stored text"), std::string::npos) << damaged.out;
}

// Issue 18: schema 7 keeps the evidence a relation row was born with, when it is a bulk CSV line
// (document file:NAME, no sentence), in the row itself, and first_seen as a day number. A frozen
// schema 6 store (written by the schema 6 binary on 2026-12-06: e.csv a, b, c, d; r1.csv
// (source,target,relation,weight,evidence) a-invests_in->b (2), b-partners_with->c with the
// sentence "B and C work together.", a-acquires->c; snapshot s1; r2.csv a-invests_in->b (5),
// c-competes_with->d, a-acquires->c again) is upgraded in one transaction. Relation rows: 1
// a-acquires-c, 2 a-invests_in-b (closed by r2.csv), 3 b-partners_with-c, 4 c-competes_with-d,
// 5 a-invests_in-b (weight 5); evidence rows 1 r1.csv:4, 2 r1.csv:2, 3 r1.csv:3 (sentence),
// 4 r2.csv:4, 5 r2.csv:2, 6 r2.csv:3. Moved into their rows: evidence 1 (into row 1) and 6 (into
// row 4); evidence 2 lives on past row 2 into row 5 (so belongs to neither alone), 3 has a
// sentence, 4 and 5 are not the first of their relation.
TEST_F(Durability, SchemaSixStoreKeepsBulkLinesInRelationRowsOnUpgrade) {
  std::string db = dir_.File("v6.db");
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v6.sql'"), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  RunResult check = Run(db, {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(json::parse(check.out)["schema_version"], 7);
  std::string rows = dir_.File("rows.txt");
  // Rows in key order (atoms a 12, b 13, c 14, d 16; invests_in 1, acquires 2, partners_with 4,
  // competes_with 5): rows 2, 5, 1, 3, 4 of schema 6.
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"SELECT coalesce(line, '-') FROM relation_rows ORDER BY source, type, target, since; "
                     "SELECT group_concat(row) FROM (SELECT row FROM evidence_rows ORDER BY row); "
                     "SELECT DISTINCT typeof(first_seen) || ':' || first_seen FROM relation_rows; "
                     "SELECT count(*) FROM evidence WHERE until IS NULL; SELECT count(*) FROM line_documents\" > '" + rows + "'"),
            0);
  // 2026-12-06 is day 20793: 56 years of 365 days and 14 leap days to 2026-01-01, then 339 days.
  EXPECT_EQ(ReadFile(rows), "-\n-\n4\n-\n3\n2,3,4,5\ninteger:20793\n6\n2\n");
  json info = json::parse(Run(db, {"info", "--format", "json"}).out);
  EXPECT_EQ(info["entities"], 4);
  EXPECT_EQ(info["relations"], 4);
  EXPECT_EQ(info["evidence"], 6);
  EXPECT_EQ(info["documents"], 2);
  json s1 = json::parse(Run(db, {"info", "--snapshot", "s1", "--format", "json"}).out);
  EXPECT_EQ(s1["relations"], 3);
  EXPECT_EQ(s1["evidence"], 3);
  EXPECT_EQ(s1["documents"], 1);
  auto relation = [](const json& graph, const std::string& source, const std::string& type, const std::string& target) {
    for (const json& item : graph["relations"]) {
      if (item["source"] == source && item["type"] == type && item["target"] == target) return item;
    }
    return json();
  };
  auto locators = [](const json& item) {  // in the order readers give them
    std::vector<std::string> out;
    for (const json& evidence : item["evidence"]) out.push_back(evidence["locator"]);
    return out;
  };
  json head = json::parse(Export(db, ""));
  EXPECT_EQ(locators(relation(head, "a", "acquires", "c")), (std::vector<std::string>{"r1.csv:4", "r2.csv:4"}));
  EXPECT_EQ(locators(relation(head, "a", "invests_in", "b")), (std::vector<std::string>{"r1.csv:2", "r2.csv:2"}));
  EXPECT_EQ(relation(head, "a", "invests_in", "b")["weight"], 5.0);
  EXPECT_EQ(locators(relation(head, "c", "competes_with", "d")), std::vector<std::string>{"r2.csv:3"});
  json partners = relation(head, "b", "partners_with", "c");
  ASSERT_EQ(partners["evidence"].size(), 1u);
  EXPECT_EQ(partners["evidence"][0]["sentence"], "B and C work together.");
  EXPECT_EQ(partners["evidence"][0]["locator"], "r1.csv:3");
  json moved = relation(head, "a", "acquires", "c")["evidence"][0];
  EXPECT_EQ(moved["document"], "file:r1.csv");
  EXPECT_EQ(moved["extractor"], "csv");
  json old = json::parse(Export(db, "s1"));
  EXPECT_EQ(old["relations"].size(), 3u);
  EXPECT_EQ(relation(old, "a", "invests_in", "b")["weight"], 2.0);
  EXPECT_EQ(locators(relation(old, "a", "acquires", "c")), std::vector<std::string>{"r1.csv:4"});
  // As of a date: undated relations count from first_seen, 2026-12-06.
  RunResult before_import = Run(db, {"--as-of", "2026-12-05", "export", "json"});
  ASSERT_EQ(before_import.exit_code, 0) << before_import.err;
  EXPECT_EQ(json::parse(before_import.out)["relations"].size(), 0u);
  EXPECT_EQ(json::parse(Run(db, {"--as-of", "2026-12-06", "export", "json"}).out)["relations"].size(), 4u);
  // Writes go on from there: an import, a snapshot, a restore of s1.
  dir_.Write("more.csv", "source,target,relation\nd,a,partners_with\n");
  ASSERT_EQ(Run(db, {"import", "more.csv"}).exit_code, 0);
  ASSERT_EQ(Run(db, {"snapshot", "save", "five"}).exit_code, 0);
  ASSERT_EQ(Run(db, {"snapshot", "restore", "s1"}).exit_code, 0);
  json restored = json::parse(Export(db, ""));
  EXPECT_EQ(restored["relations"].size(), 3u);
  EXPECT_EQ(locators(relation(restored, "a", "acquires", "c")), std::vector<std::string>{"r1.csv:4"});
  EXPECT_EQ(locators(relation(json::parse(Export(db, "five")), "a", "partners_with", "d")), std::vector<std::string>{"more.csv:2"});
  EXPECT_EQ(json::parse(Run(db, {"info", "--format", "json"}).out)["documents"], 1);
  RunResult after = Run(db, {"check"});
  EXPECT_EQ(after.exit_code, 0) << after.out;
}

// Issue 18: a bulk import (relations CSV, --create-missing, into an empty store) is killed at
// random moments: the store holds nothing or everything, and passes check.
TEST_F(Durability, KilledBulkImportLeavesAnEmptyOrAWholeStore) {
  std::mt19937 generator(18);
  dir_.Write("header.csv", "id,name,kind\n");
  std::string empty = dir_.File("empty.db");
  ASSERT_EQ(Run(empty, {"import", "header.csv"}).exit_code, 0);
  std::string nothing = Export(empty, "");
  std::string full = dir_.File("bulk_full.db");
  fs::copy_file(empty, full);
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Run(full, {"import", "big_relations.csv", "--create-missing"}).exit_code, 0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string everything = Export(full, "");
  ASSERT_EQ(json::parse(everything)["entities"].size(), 3000u);
  int killed = 0, old_state = 0, new_state = 0;
  for (int trial = 0; trial < trials_; ++trial) {
    std::string db = dir_.File("bulk" + std::to_string(trial) + ".db");
    fs::copy_file(empty, db);
    double from = trial % 2 ? 0.6 * seconds : 0.0;
    killed += KillDuring(db, {"import", "big_relations.csv", "--create-missing"}, from, seconds * 1.05, generator);
    RunResult check = Run(db, {"check"});
    EXPECT_EQ(check.exit_code, 0) << "trial " << trial << ": " << check.out << check.err;
    std::string now = Export(db, "");
    bool is_old = now == nothing, is_new = now == everything;
    EXPECT_TRUE(is_old || is_new) << "trial " << trial << ": a partial import is visible";
    old_state += is_old;
    new_state += is_new;
  }
  std::cout << "[ figures  ] bulk import kill trials: " << trials_ << ", killed mid-run: " << killed << ", empty: " << old_state
            << ", whole: " << new_state << " (import takes " << seconds << " s)\n";
  EXPECT_GT(killed, 0);
}

// The same for a file of 16 MiB or more, which the import reads after starting itself again
// with huge pages (cli/main.cpp): killed before the restart, during it or in the import after
// it, the store holds nothing or every relation, and passes check.
TEST_F(Durability, KilledLargeBulkImportAfterItsRestartLeavesAnEmptyOrAWholeStore) {
  std::mt19937 generator(26);
  const std::string pad(40, 'x');
  std::string text = "source,target,relation\n";
  for (int i = 0; i < 180000; ++i) text += "a" + pad + std::to_string(i % 1000) + ",b" + pad + std::to_string(i % 997) + ",acquires\n";
  ASSERT_GT(text.size(), size_t{16} << 20);
  dir_.Write("large.csv", text);
  dir_.Write("header.csv", "id,name,kind\n");
  std::string empty = dir_.File("large_empty.db");
  ASSERT_EQ(Run(empty, {"import", "header.csv"}).exit_code, 0);
  std::string full = dir_.File("large_full.db");
  fs::copy_file(empty, full);
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Run(full, {"import", "large.csv", "--create-missing", "--quiet"}).exit_code, 0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto relations = [&](const std::string& db) { return json::parse(Run(db, {"info", "--format", "json"}).out)["relations"]; };
  ASSERT_EQ(relations(full), 180000);  // (i % 1000, i % 997): no pair twice in 180,000 lines
  int killed = 0, old_state = 0, new_state = 0;
  for (int trial = 0; trial < std::min(trials_, 6); ++trial) {
    std::string db = dir_.File("large" + std::to_string(trial) + ".db");
    fs::copy_file(empty, db);
    double from = trial % 2 ? 0.6 * seconds : 0.0;  // half of them aimed at the end, where the writes are
    killed += KillDuring(db, {"import", "large.csv", "--create-missing", "--quiet"}, from, seconds * 1.05, generator);
    RunResult check = Run(db, {"check"});
    EXPECT_EQ(check.exit_code, 0) << "trial " << trial << ": " << check.out << check.err;
    json count = relations(db);
    EXPECT_TRUE(count == 0 || count == 180000) << "trial " << trial << ": " << count << " relations";
    old_state += count == 0;
    new_state += count == 180000;
  }
  std::cout << "[ figures  ] large bulk import kill trials: " << std::min(trials_, 6) << ", killed mid-run: " << killed
            << ", empty: " << old_state << ", whole: " << new_state << " (import takes " << seconds << " s)\n";
  EXPECT_GT(killed, 0);
}

// Issue 16: schema 4 folds width in the stored name keys. A schema 3 store holds keys without
// width folding ("ｏｐｅｎａｉ lab" for a full-width name); opening it computes every key again,
// so the name typed in ASCII finds the entity, and check agrees with the rows.
TEST_F(Durability, SchemaThreeNameKeysAreComputedAgainWithWidthFolding) {
  std::string db = dir_.File("v3.db");
  // Schema 3 and 4 have the same tables: the frozen schema 4 store with an entity added as a
  // schema 3 relgraph wrote it, its key with NFC + case folding only.
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' < '" + std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/store/schema_v4.sql'"), 0)
      << "needs the sqlite3 shell (scripts/install-deps.sh installs it)";
  ASSERT_EQ(RunShell("sqlite3 '" + db + "' \"INSERT INTO entities VALUES(5, 'wide', 'ＯｐｅｎＡＩ Lab', 'company', '', '', 2, NULL); "
                     "INSERT INTO entity_keys VALUES('wide', 5); INSERT INTO entity_keys VALUES('ｏｐｅｎａｉ lab', 5); "
                     "PRAGMA user_version = 3;\""),
            0);
  RunResult found = Run(db, {"entity", "OpenAI Lab", "--format", "json"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(json::parse(found.out)["id"], "wide");
  RunResult check = Run(db, {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(json::parse(check.out)["schema_version"], 7);
}

}  // namespace
}  // namespace relgraph::testing
