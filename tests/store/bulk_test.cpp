// Issue 18: the bulk import (importers::BulkRelationsImport + Store::ApplyBulk) gives a store
// exactly what ParseFile + Merge + Store::Apply give it for the same files, and schema 7 keeps
// the evidence of a bulk CSV line in its relation's row without changing what readers see.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <set>
#include <tuple>

#include "importers/importers.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace relgraph::store {
namespace {

using testing::TempDir;

// Two relations files that touch every rule of the merge a bulk import must keep: a symmetric
// type given both ways, the same fact again (with a weight, an earlier date, nothing new), a
// document and a sentence, properties, a locator column (the same statement twice), a name that
// differs from another only in case (no lookup by name: a second entity).
const importers::SourceFile kFirst{
    "data/rel1.csv",
    "source,target,relation,weight,date,evidence,source_doc,amount\n"
    "a,b,invests_in,2,2020,,,\n"                // 2: new, its evidence a file line (date 2020)
    "b,a,partners_with,,,,,\n"                  // 3: new, key (a, partners_with, b)
    "a,b,invests_in,,2019-05,,,\n"              // 4: weight kept (not given), date 2019-05: updated
    "a,b,partners_with,3,,,,\n"                 // 5: weight 3: updated
    "c,d,acquires,,,\"C buys D.\",doc1,10\n"   // 6: new, evidence with a sentence in doc1, amount
    "c,d,acquires,,,\"C buys D.\",doc1,\n"};   // 7: nothing changes; new evidence (line 7)
const importers::SourceFile kSecond{
    "rel2.csv",
    "source,target,relation,locator,evidence\n"
    "C,d,acquires,p. 1,Again.\n"   // 2: new entity C, new relation
    "c,d,acquires,p. 1,Again.\n"   // 3: new evidence of c-acquires-d
    "c,d,acquires,p. 1,Again.\n"}; // 4: the same statement again: nothing

Graph LoadAll(const std::string& path) {
  auto store = Store::Open(path, Store::Mode::kReadOnly, importers::DefaultSchema());
  return store->Load();
}

TEST(BulkImport, GivesTheStoreWhatMergeAndApplyGive) {
  TempDir dir;
  const Schema& schema = importers::DefaultSchema();
  importers::BulkRelationsImport bulk(schema, "organization");
  ASSERT_TRUE(bulk.Add(kFirst));
  ASSERT_TRUE(bulk.Add(kSecond));
  const importers::ImportSummary& summary = bulk.summary();
  EXPECT_EQ(summary.entities_added, 5u);     // a b c d C
  EXPECT_EQ(summary.relations_added, 4u);    // a-invests_in-b, a-partners_with-b, c-acquires-d, C-acquires-d
  EXPECT_EQ(summary.relations_updated, 2u);  // lines 4 and 5 of rel1.csv
  EXPECT_EQ(summary.evidence_added, 8u);     // six lines of rel1.csv, two of rel2.csv
  EXPECT_EQ(summary.documents_added, 3u);    // file:rel1.csv, doc1, file:rel2.csv
  {
    auto store = Store::Open(dir.File("bulk.db"), Store::Mode::kReadWrite, schema);
    bool written = false;
    store->WriteTransaction([&] { written = store->ApplyBulk(bulk.result()); });
    EXPECT_TRUE(written);
    EXPECT_TRUE(store->Check().problems.empty());
    // Not into a store that has something: nothing is written.
    store->WriteTransaction([&] { written = store->ApplyBulk(bulk.result()); });
    EXPECT_FALSE(written);
  }

  Graph merged(schema);
  ChangeSet changes;
  importers::MergeOptions options;
  options.create_missing_kind = "organization";
  importers::ImportSummary general = importers::Merge(
      &merged, {importers::ParseFile(kFirst, importers::FileKind::kAuto, schema), importers::ParseFile(kSecond, importers::FileKind::kAuto, schema)},
      &changes, options);
  EXPECT_EQ(general.entities_added, summary.entities_added);
  EXPECT_EQ(general.relations_added, summary.relations_added);
  EXPECT_EQ(general.relations_updated, summary.relations_updated);
  EXPECT_EQ(general.evidence_added, summary.evidence_added);
  EXPECT_EQ(general.documents_added, summary.documents_added);
  {
    auto store = Store::Open(dir.File("general.db"), Store::Mode::kReadWrite, schema);
    store->WriteTransaction([&] { store->Apply(changes); });
  }
  Graph a = LoadAll(dir.File("bulk.db")), b = LoadAll(dir.File("general.db"));
  EXPECT_EQ(a.entities(), b.entities());
  EXPECT_EQ(a.relations(), b.relations());
  EXPECT_EQ(a.documents(), b.documents());
  auto store_a = Store::Open(dir.File("bulk.db"), Store::Mode::kReadOnly, schema);
  auto store_b = Store::Open(dir.File("general.db"), Store::Mode::kReadOnly, schema);
  Store::Counts ca = store_a->CountAll(), cb = store_b->CountAll();
  EXPECT_EQ(ca.evidence, 8);
  EXPECT_EQ(ca.documents, 3);
  EXPECT_EQ(ca.relations, cb.relations);
  EXPECT_EQ(ca.evidence, cb.evidence);
  EXPECT_EQ(ca.documents, cb.documents);
  EXPECT_EQ(ca.relations_by_type, cb.relations_by_type);
  // Names resolve as before, though a key equal to the id is not stored (schema 7): "A" by the
  // key a, the id of a; full-width "Ｃ" by the key c, the name key of C and the id of c.
  EXPECT_EQ(store_a->FindEntityIds("A"), std::vector<std::string>{"a"});
  EXPECT_EQ(store_a->FindEntityIds("\uFF23"), (std::vector<std::string>{"C", "c"}));
  EXPECT_EQ(store_b->FindEntityIds("\uFF23"), (std::vector<std::string>{"C", "c"}));
  Topology ta = store_a->LoadTopology(), tb = store_b->LoadTopology();
  EXPECT_EQ(ta.entity_ids, tb.entity_ids);
  EXPECT_EQ(ta.source, tb.source);
  EXPECT_EQ(ta.target, tb.target);
  EXPECT_EQ(ta.weight, tb.weight);

  // The values, by hand from the lines above.
  auto find = [&](const std::string& source, const std::string& type, const std::string& target) -> const Relation& {
    auto index = a.FindRelation({source, type, target});
    EXPECT_TRUE(index.has_value()) << source << " " << type << " " << target;
    static const Relation none;
    return index ? a.relations()[*index] : none;
  };
  const Relation& invests = find("a", "invests_in", "b");
  EXPECT_EQ(invests.weight, 2.0);
  EXPECT_EQ(invests.date, "2019-05");
  ASSERT_EQ(invests.evidence.size(), 2u);
  EXPECT_EQ(invests.evidence[0], (Evidence{"file:rel1.csv", "", "2020", "rel1.csv:2", "csv", 1.0}));
  EXPECT_EQ(invests.evidence[1], (Evidence{"file:rel1.csv", "", "2019-05", "rel1.csv:4", "csv", 1.0}));
  const Relation& partners = find("a", "partners_with", "b");
  EXPECT_EQ(partners.weight, 3.0);
  ASSERT_EQ(partners.evidence.size(), 2u);
  EXPECT_EQ(partners.evidence[0].locator, "rel1.csv:3");
  EXPECT_EQ(partners.evidence[1].locator, "rel1.csv:5");
  const Relation& acquires = find("c", "acquires", "d");
  EXPECT_EQ(acquires.properties.at("amount"), "\"10\"");
  ASSERT_EQ(acquires.evidence.size(), 3u);
  EXPECT_EQ(acquires.evidence[0], (Evidence{"doc1", "C buys D.", "", "rel1.csv:6", "csv", 1.0}));
  EXPECT_EQ(acquires.evidence[1], (Evidence{"doc1", "C buys D.", "", "rel1.csv:7", "csv", 1.0}));
  EXPECT_EQ(acquires.evidence[2], (Evidence{"file:rel2.csv", "Again.", "", "p. 1", "csv", 1.0}));
  EXPECT_EQ(find("C", "acquires", "d").evidence.size(), 1u);
  ASSERT_EQ(a.entities().size(), 5u);
  EXPECT_EQ(a.entities()[0], (Entity{"C", "C", "organization", {}, "", "", {}}));
}

TEST(BulkImport, LeavesAReferenceWithALineBreakToMerge) {
  importers::BulkRelationsImport bulk(importers::DefaultSchema(), "organization");
  EXPECT_FALSE(bulk.Add({"r.csv", "source,target,relation\n\"a\tb\",c,acquires\n"}));
}

TEST(BulkImport, ReportsABadLineWhereMergeWould) {
  importers::SourceFile file{"bad.csv", "source,target,relation\na,b,acquires\na,b,likes\n"};
  std::string expected;
  try {
    importers::ParseFile(file, importers::FileKind::kRelations, importers::DefaultSchema());
  } catch (const Error& error) {
    expected = error.what();
  }
  ASSERT_NE(expected.find("bad.csv:3:5"), std::string::npos) << expected;  // the relation column of line 3
  importers::BulkRelationsImport bulk(importers::DefaultSchema(), "organization");
  try {
    bulk.Add(file);
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), expected);
  }
}

// A file of thousands of lines is read on a second thread while the first folds the records:
// an error or a line left to Merge far into it ends the import as when one thread did both.
TEST(BulkImport, ALongFileEndsAtItsBadLineAsMergeWould) {
  std::string lines = "source,target,relation\n";
  for (int i = 0; i < 5000; ++i) lines.append("e").append(std::to_string(i % 700)).append(",e").append(std::to_string(i % 333)).append(",acquires\n");
  importers::SourceFile bad{"long.csv", lines + "a,b,likes\n" + lines.substr(lines.find('\n') + 1)};
  importers::BulkRelationsImport bulk(importers::DefaultSchema(), "organization");
  try {
    bulk.Add(bad);
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    // Line 5002 (the header is line 1), the relation in column 5.
    EXPECT_NE(std::string(error.what()).find("long.csv:5002:5"), std::string::npos) << error.what();
  }
  importers::BulkRelationsImport tab(importers::DefaultSchema(), "organization");
  EXPECT_FALSE(tab.Add({"tab.csv", lines + "\"a\tb\",c,acquires\n" + "a,b,likes\n"}));  // the tab first
  importers::BulkRelationsImport good(importers::DefaultSchema(), "organization");
  ASSERT_TRUE(good.Add({"good.csv", lines}));
  EXPECT_EQ(good.summary().evidence_added, 5000u);
  // (i % 700, i % 333) repeats only after 700 * 333 lines (coprime): 5000 relations; the
  // targets e0..e332 are among the sources e0..e699.
  EXPECT_EQ(good.summary().relations_added, 5000u);
  EXPECT_EQ(good.summary().entities_added, 700u);
}

// Enough lines that the rows go in groups of many to a statement and through the staging table
// (1,000 relations and more), the entities in groups too, with match keys (ids with capitals)
// and an id that is already an atom (the file's document): the store ends as Merge + Apply
// leave it, and the counts are those of the lines, counted here.
TEST(BulkImport, ManyLinesGiveWhatMergeAndApplyGive) {
  TempDir dir;
  const Schema& schema = importers::DefaultSchema();
  std::mt19937 generator(18);
  std::uniform_int_distribution<int> entity(0, 299), type(0, 2), kind(0, 3);
  const char* types[] = {"invests_in", "partners_with", "acquires"};  // partners_with is symmetric
  std::string text = "source,target,relation,weight,date\nfile:big.csv,Org_1,acquires,,\n";
  std::set<std::string> ids{"file:big.csv", "Org_1"};
  std::set<std::tuple<std::string, std::string, std::string>> keys{{"file:big.csv", "acquires", "Org_1"}};
  for (int line = 0; line < 2500; ++line) {
    int a = entity(generator), b = entity(generator), t = type(generator), k = kind(generator);
    std::string source = (a % 3 ? "Org_" : "org_") + std::to_string(a), target = (b % 3 ? "Org_" : "org_") + std::to_string(b);
    const char* weight[] = {"", "1.25", "0.125", "7"};
    text += source + "," + target + "," + types[t] + "," + weight[k] + "," + (k == 2 ? "2021" : "") + "\n";
    ids.insert(source);
    ids.insert(target);
    if (t == 1 && target < source) std::swap(source, target);
    keys.emplace(source, types[t], target);
  }
  importers::SourceFile file{"big.csv", text};
  importers::BulkRelationsImport bulk(schema, "organization");
  ASSERT_TRUE(bulk.Add(file));
  EXPECT_EQ(bulk.summary().entities_added, ids.size());
  EXPECT_EQ(bulk.summary().relations_added, keys.size());
  ASSERT_GE(keys.size(), 1000u);  // the staging table's threshold
  {
    auto store = Store::Open(dir.File("bulk.db"), Store::Mode::kReadWrite, schema);
    bool written = false;
    store->WriteTransaction([&] { written = store->ApplyBulk(bulk.result()); });
    ASSERT_TRUE(written);
    EXPECT_TRUE(store->Check().problems.empty());
  }
  Graph merged(schema);
  ChangeSet changes;
  importers::MergeOptions options;
  options.create_missing_kind = "organization";
  importers::Merge(&merged, {importers::ParseFile(file, importers::FileKind::kAuto, schema)}, &changes, options);
  {
    auto store = Store::Open(dir.File("general.db"), Store::Mode::kReadWrite, schema);
    store->WriteTransaction([&] { store->Apply(changes); });
  }
  Graph a = LoadAll(dir.File("bulk.db")), b = LoadAll(dir.File("general.db"));
  EXPECT_EQ(a.entities().size(), ids.size());
  EXPECT_EQ(a.relations().size(), keys.size());
  EXPECT_TRUE(a.entities() == b.entities());
  EXPECT_TRUE(a.relations() == b.relations());
  EXPECT_EQ(a.documents(), b.documents());
  auto store_a = Store::Open(dir.File("bulk.db"), Store::Mode::kReadOnly, schema);
  auto store_b = Store::Open(dir.File("general.db"), Store::Mode::kReadOnly, schema);
  Store::Counts ca = store_a->CountAll(), cb = store_b->CountAll();
  EXPECT_EQ(ca.entities, static_cast<int64_t>(ids.size()));
  EXPECT_EQ(ca.relations, static_cast<int64_t>(keys.size()));
  EXPECT_EQ(ca.evidence, 2501);  // a line each
  EXPECT_EQ(ca.relations_by_type, cb.relations_by_type);
  // Org_7 is found by its name key org_7 (stored in entity_keys), org_3 by its id.
  EXPECT_EQ(store_a->FindEntityIds("ORG_7"), store_b->FindEntityIds("ORG_7"));
  EXPECT_EQ(store_a->FindEntityIds("ORG_7"), std::vector<std::string>{"Org_7"});
  EXPECT_EQ(store_a->FindEntityIds("org_3"), std::vector<std::string>{"org_3"});
  Topology ta = store_a->LoadTopology(), tb = store_b->LoadTopology();
  EXPECT_EQ(ta.entity_ids, tb.entity_ids);
  EXPECT_EQ(ta.source, tb.source);
  EXPECT_EQ(ta.target, tb.target);
  EXPECT_EQ(ta.weight, tb.weight);
}

// The command: a fresh store takes the bulk way, a store with an entity the general way; both
// report and hold the same (but for that entity), and a bad line leaves the store as it was.
TEST(BulkImportCli, FreshAndSeededStoresEndTheSame) {
  using nlohmann::json;
  TempDir dir;
  dir.Write("rel1.csv", kFirst.bytes);
  dir.Write("rel2.csv", kSecond.bytes);
  dir.Write("seed.csv", "id,name,kind\nzz,Unrelated,company\n");
  auto run = [&](std::vector<std::string> args) { return testing::RunRelgraph(args, dir.path()); };
  ASSERT_EQ(run({"--db", "seeded.db", "import", "seed.csv"}).exit_code, 0);
  json reports[2];
  const char* stores[2] = {"fresh.db", "seeded.db"};
  for (int i = 0; i < 2; ++i) {
    testing::RunResult result = run({"--db", stores[i], "import", "rel1.csv", "rel2.csv", "--create-missing", "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    reports[i] = json::parse(result.out);
    EXPECT_EQ(reports[i]["entities_added"], 5);
    EXPECT_EQ(reports[i]["relations_added"], 4);
    EXPECT_EQ(reports[i]["relations_updated"], 2);
    EXPECT_EQ(reports[i]["evidence_added"], 8);
    EXPECT_EQ(reports[i]["documents_added"], 3);
  }
  json fresh = json::parse(run({"--db", "fresh.db", "export", "json"}).out);
  json seeded = json::parse(run({"--db", "seeded.db", "export", "json"}).out);
  json entities = json::array();
  for (const json& entity : seeded["entities"]) {
    if (entity["id"] != "zz") entities.push_back(entity);
  }
  seeded["entities"] = entities;
  EXPECT_EQ(fresh, seeded);
  EXPECT_EQ(run({"--db", "fresh.db", "check"}).exit_code, 0);

  dir.Write("bad.csv", "source,target,relation\na,b,acquires\na,b,likes\n");
  testing::RunResult bad = run({"--db", "bad.db", "import", "rel1.csv", "bad.csv", "--create-missing"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad.csv:3:5"), std::string::npos) << bad.err;
  testing::RunResult info = run({"--db", "bad.db", "info", "--format", "json"});
  if (info.exit_code == 0) {
    EXPECT_EQ(json::parse(info.out)["entities"], 0);
  }
}

// An import of 16 MiB of files or more starts itself again with glibc's heap on huge pages
// (cli/main.cpp) as soon as its command line is parsed; with GLIBC_TUNABLES set (the user's own) it does not.
// Both stores hold what the lines say, the same.
TEST(BulkImportCli, ALargeFileImportsTheSameWithAndWithoutTheRestart) {
  TempDir dir;
  const std::string pad(40, 'x');
  std::string text = "source,target,relation\n";
  for (int i = 0; i < 180000; ++i) text += "a" + pad + std::to_string(i % 1000) + ",b" + pad + std::to_string(i % 997) + ",acquires\n";
  ASSERT_GT(text.size(), size_t{16} << 20);
  dir.Write("large.csv", text);
  std::string binary = RELGRAPH_BINARY;
  for (const char* tunables : {"", "GLIBC_TUNABLES=glibc.malloc.check=0 "}) {
    std::string db = *tunables ? "set.db" : "restarted.db";
    EXPECT_EQ(testing::RunShell("cd '" + dir.path() + "' && env -u GLIBC_TUNABLES " + tunables + "'" + binary + "' --db " + db +
                                " import large.csv --create-missing --quiet > " + db + ".out 2>&1"),
              0)
        << testing::ReadFile(dir.File(db + ".out"));
  }
  // (i % 1000, i % 997) repeat only after 997,000 lines (coprime): a relation a line.
  Graph restarted = LoadAll(dir.File("restarted.db")), set = LoadAll(dir.File("set.db"));
  EXPECT_EQ(restarted.entities().size(), 1997u);
  EXPECT_EQ(restarted.relations().size(), 180000u);
  EXPECT_TRUE(restarted.entities() == set.entities());
  EXPECT_TRUE(restarted.relations() == set.relations());
}

// A file the bulk way read before it gave up (an entities file came next) is not read again: a
// pipe gives its bytes once, and its relations must still land.
TEST(BulkImportCli, APipeReadBeforeTheBulkWayGivesUpIsNotLost) {
  using nlohmann::json;
  TempDir dir;
  dir.Write("entities.csv", "id,name,kind\nzz,Unrelated,company\n");
  int status = testing::RunShell("cd '" + dir.path() + "' && printf 'source,target,relation\\na,b,acquires\\n' | '" + std::string(RELGRAPH_BINARY) +
                                 "' --db piped.db import /dev/stdin entities.csv --create-missing > out.txt 2> err.txt");
  ASSERT_EQ(status, 0) << testing::ReadFile(dir.File("err.txt"));
  testing::RunResult info = testing::RunRelgraph({"--db", "piped.db", "info", "--format", "json"}, dir.path());
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(json::parse(info.out)["relations"], 1);
  EXPECT_EQ(json::parse(info.out)["entities"], 3);
}

}  // namespace
}  // namespace relgraph::store
