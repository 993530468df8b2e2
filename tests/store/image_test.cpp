// Reading in parts: the graph image, the name keys and scoped loads must say exactly what a
// whole load says, through writes, snapshots and restores; damaged images are refused.
#include <gtest/gtest.h>

#include <random>

#include "common/error.h"
#include "common/text.h"
#include "importers/importers.h"
#include "query/query.h"
#include "store/image.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace relgraph::store {
namespace {

using testing::TempDir;

void ExpectSameTopology(const Topology& got, const Topology& expected) {
  EXPECT_EQ(got.entity_ids, expected.entity_ids);
  EXPECT_EQ(got.source, expected.source);
  EXPECT_EQ(got.target, expected.target);
  EXPECT_EQ(got.type, expected.type);
  EXPECT_EQ(got.weight, expected.weight);
}

// A random batch of entities (ids, names and aliases in several scripts and normalisation
// forms) and relations of every type among them, as an importer would hand it to Merge.
importers::ImportBatch RandomBatch(std::mt19937& random, int entities, int relations) {
  const Schema& schema = importers::DefaultSchema();
  const std::vector<std::string> stems = {"Naver", "네이버", "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5",
                                          "北京智源", "Zürich AI", "ZU\xCC\x88RICH AI", "openai", "OpenAI", "a\"b\\c"};
  importers::ImportBatch batch;
  std::vector<std::string> ids;
  for (int i = 0; i < entities; ++i) {
    importers::EntityRecord record;
    Entity& entity = record.entity;
    entity.id = "e" + std::to_string(random() % 1000) + (random() % 2 ? "_가" : "");
    if (std::find(ids.begin(), ids.end(), entity.id) != ids.end()) continue;
    ids.push_back(entity.id);
    entity.name = ToNfc(stems[random() % stems.size()]) + " " + std::to_string(random() % 5);
    entity.kind = "company";
    if (random() % 2) entity.aliases.push_back(ToNfc(stems[random() % stems.size()]));
    batch.entities.push_back(record);
  }
  for (int i = 0; i < relations; ++i) {
    importers::RelationRecord record;
    Relation& relation = record.relation;
    relation.source = ids[random() % ids.size()];
    relation.target = ids[random() % ids.size()];
    if (relation.target == relation.source) continue;
    record.weight_given = true;
    relation.type = schema.relation_types()[random() % schema.relation_types().size()].name;
    relation.weight = 0.5 + static_cast<double>(random() % 8);
    relation.evidence.push_back({"doc" + std::to_string(random() % 4), "sentence " + std::to_string(i), "", "r.csv:" + std::to_string(i), "csv", 1.0});
    batch.relations.push_back(record);
  }
  for (int d = 0; d < 4; ++d) batch.documents.push_back({"doc" + std::to_string(d), "Title " + std::to_string(d), "", "", ""});
  return batch;
}

void ImportRandom(Store& store, std::mt19937& random, int entities, int relations) {
  store.WriteTransaction([&] {
    Graph graph = store.Load();
    ChangeSet changes;
    importers::Merge(&graph, {RandomBatch(random, entities, relations)}, &changes);
    store.Apply(changes);
  });
}

// Everything reading in parts relies on, checked against a whole load of the same version.
void ExpectPartsAgreeWithWhole(const Store& store, const ReadOptions& options, std::mt19937& random) {
  Graph whole = store.Load(options);
  ExpectSameTopology(store.LoadTopology(options), TopologyOf(whole));

  EntityLookup lookup(whole);
  std::vector<std::string> questions = {"naver 1", "NAVER 1", "네이버 2", "北京智源 3", "zürich ai 4", "ZÜRICH AI", "openai",
                                        "nobody", "", "  "};
  for (const Entity& entity : whole.entities()) {
    if (random() % 4 == 0) questions.push_back(entity.id);
  }
  for (const std::string& question : questions) {
    std::vector<std::string> expected;
    for (EntityIndex index : lookup.Find(question)) expected.push_back(whole.entities()[index].id);
    EXPECT_EQ(store.FindEntityIds(question, options), expected) << question;
  }

  std::vector<std::string> ids;
  std::vector<bool> keep(whole.entities().size(), false);
  for (EntityIndex index = 0; index < whole.entities().size(); ++index) {
    if (random() % 3 == 0) keep[index] = true, ids.push_back(whole.entities()[index].id);
  }
  Graph expected = query::InducedSubgraph(whole, keep, ~uint64_t{0});
  Graph part = store.LoadSubgraph(ids, options);
  EXPECT_EQ(part.entities(), expected.entities());
  EXPECT_EQ(part.relations(), expected.relations());
  EXPECT_EQ(part.documents(), expected.documents());
  EXPECT_FALSE(part.relations().empty());
}

TEST(GraphImage, PartsAgreeWithWholeLoadsThroughWritesSnapshotsAndRestores) {
  TempDir dir;
  std::mt19937 random(20261123);
  auto store = Store::Open(dir.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  ImportRandom(*store, random, 60, 300);
  ExpectPartsAgreeWithWhole(*store, {}, random);
  store->SaveSnapshot("first", "", false);
  ImportRandom(*store, random, 40, 200);  // changes rows the snapshot sees: they are copied
  ExpectPartsAgreeWithWhole(*store, {}, random);
  ExpectPartsAgreeWithWhole(*store, {"first", ""}, random);
  store->SaveSnapshot("second", "", false);
  store->RestoreSnapshot("first");
  ExpectPartsAgreeWithWhole(*store, {}, random);
  ExpectPartsAgreeWithWhole(*store, {"second", ""}, random);
  store->DeleteSnapshot("first");
  ExpectPartsAgreeWithWhole(*store, {"second", ""}, random);
  EXPECT_TRUE(store->Check().problems.empty());
}

TEST(GraphImage, EncodingRoundTripsAndDamageIsRefused) {
  TempDir dir;
  std::mt19937 random(7);
  auto store = Store::Open(dir.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  ImportRandom(*store, random, 20, 40);
  const Schema& schema = store->schema();
  Topology topology = store->LoadTopology();
  std::string bytes = EncodeImage(topology, schema);
  ExpectSameTopology(DecodeImage(bytes, schema), topology);
  // Every truncation is refused as damage, never read past its end.
  for (size_t size = 0; size < bytes.size(); ++size) {
    try {
      DecodeImage(std::string_view(bytes).substr(0, size), schema);
      ADD_FAILURE() << "a truncation to " << size << " bytes was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::kStorage);
      EXPECT_NE(error.message().find("damaged graph image"), std::string::npos);
    }
  }
  // Flipped bytes are refused or decode to a consistent topology (then GraphView may use it).
  for (int trial = 0; trial < 2000; ++trial) {
    std::string damaged = bytes;
    damaged[random() % damaged.size()] ^= static_cast<char>(1 + random() % 255);
    try {
      Topology decoded = DecodeImage(damaged, schema);
      for (size_t r = 0; r < decoded.relation_count(); ++r) {
        ASSERT_LT(decoded.source[r], decoded.entity_ids.size());
        ASSERT_LT(decoded.target[r], decoded.entity_ids.size());
        ASSERT_LT(decoded.type[r], schema.relation_types().size());
        ASSERT_GT(decoded.weight[r], 0);
      }
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::kStorage);
    }
  }
  // A vocabulary that lost a type the image uses cannot read it.
  std::vector<RelationType> fewer(schema.relation_types().begin(), schema.relation_types().end() - 1);
  topology.type.assign(topology.type.size(), static_cast<uint8_t>(schema.relation_types().size() - 1));
  EXPECT_THROW(DecodeImage(EncodeImage(topology, schema), Schema(schema.kinds(), fewer)), Error);
}

}  // namespace
}  // namespace relgraph::store

namespace relgraph::store {
namespace {

// A bulk import (more new rows than the store has) drops the read-only indexes and builds them
// again in the same transaction: afterwards the store is sound, and a failure undoes the drop.
TEST(BulkImport, RebuildsItsIndexesAndAFailureUndoesEverything) {
  TempDir dir;
  std::string path = dir.File("bulk.db");
  auto store = Store::Open(path, Store::Mode::kReadWrite, importers::DefaultSchema());
  // as_new: the relations are claimed new (ChangeSet::new_relations), as Merge does for keys the
  // working graph lacks; otherwise they are looked up.
  auto build = [](int first, int count, bool as_new = false) {
    ChangeSet changes;
    Graph graph(importers::DefaultSchema());
    for (int i = first; i < first + count; ++i) {
      Entity entity{"n" + std::to_string(i), "Node " + std::to_string(i), "organization", {}, "", "", {}};
      changes.entities.push_back(entity);
    }
    for (int i = first; i + 1 < first + count; ++i) {
      Relation relation;
      relation.source = "n" + std::to_string(i);
      relation.target = "n" + std::to_string(i + 1);
      relation.type = "supplies";
      (as_new ? changes.new_relations : changes.relations).push_back(relation);
      changes.evidence.emplace_back(RelationKey{relation.source, relation.type, relation.target},
                                    Evidence{"file:bulk", "", "", "bulk.csv:" + std::to_string(i), "csv", 1.0});
    }
    changes.documents.push_back({"file:bulk", "bulk.csv", "", "", ""});
    return changes;
  };
  EXPECT_THROW(store->WriteTransaction([&] {
    store->Apply(build(0, 60000));
    throw Error(ErrorKind::kInput, "late failure");
  }),
               Error);
  EXPECT_TRUE(store->Check().problems.empty());
  EXPECT_EQ(store->LoadTopology().relation_count(), 0u);
  store->WriteTransaction([&] { store->Apply(build(0, 60000, true)); });
  store->WriteTransaction([&] { store->Apply(build(60000, 100)); });  // small: indexes kept
  // Claiming stored relations to be new fails on the unique key, in bulk (when the index is
  // built again) and one by one, and changes nothing.
  EXPECT_THROW(store->WriteTransaction([&] { store->Apply(build(0, 60000, true)); }), Error);
  EXPECT_THROW(store->WriteTransaction([&] { store->Apply(build(60000, 100, true)); }), Error);
  CheckReport report = store->Check();
  EXPECT_TRUE(report.problems.empty()) << report.problems.front();
  EXPECT_EQ(store->LoadTopology().relation_count(), 59999u + 99u);
  Graph part = store->LoadSubgraph({"n59999", "n60000", "n60001"});
  ASSERT_EQ(part.relations().size(), 1u);  // n59999 -> n60000 was never imported; n60000 -> n60001 was
  EXPECT_EQ(part.relations()[0].evidence.size(), 1u);
  EXPECT_EQ(store->FindEntityIds("NODE 123"), std::vector<std::string>{"n123"});
  // The same indexes as a store that never saw a bulk import.
  Store::Open(dir.File("fresh.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  auto indexes = [&](const std::string& db) {
    std::string out = dir.File("indexes.txt");
    EXPECT_EQ(testing::RunShell("sqlite3 '" + db + "' \"SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name\" > '" + out + "'"), 0);
    return testing::ReadFile(out);
  };
  std::string fresh = indexes(dir.File("fresh.db"));
  EXPECT_NE(fresh.find("evidence_by_relation"), std::string::npos);
  EXPECT_EQ(indexes(path), fresh);
}

}  // namespace
}  // namespace relgraph::store
