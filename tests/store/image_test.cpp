// Reading in parts: the graph image, the name keys and scoped loads must say exactly what a
// whole load says, through writes, snapshots and restores; damaged images are refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <random>
#include <set>

#include "common/error.h"
#include "cli/context.h"
#include "common/text.h"
#include "importers/importers.h"
#include "query/csr.h"
#include "query/diff.h"
#include "query/query.h"
#include "store/image.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace relgraph::store {
namespace {

using testing::TempDir;

template <typename T>
std::vector<T> Vec(const RawVector<T>& values) {
  return std::vector<T>(values.begin(), values.end());
}

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

// A diff read in parts (the entities ChangedEntityIds names, in both versions) lists every
// difference a diff of the two whole graphs lists.
void ExpectDiffInPartsAgrees(const Store& store, const ReadOptions& from, const ReadOptions& to) {
  std::string asked = (from.snapshot.empty() ? "working" : from.snapshot) + " -> " + (to.snapshot.empty() ? "working" : to.snapshot);
  query::GraphDiff whole = query::Diff(store.Load(from), store.Load(to));
  std::vector<std::string> changed = store.ChangedEntityIds(from, to);
  query::GraphDiff parts = query::Diff(store.LoadSubgraph(changed, from), store.LoadSubgraph(changed, to));
  EXPECT_EQ(parts.entities_added, whole.entities_added) << asked;
  EXPECT_EQ(parts.entities_removed, whole.entities_removed) << asked;
  EXPECT_EQ(parts.entities_changed, whole.entities_changed) << asked;
  EXPECT_EQ(parts.relations_added, whole.relations_added) << asked;
  EXPECT_EQ(parts.relations_removed, whole.relations_removed) << asked;
  EXPECT_EQ(parts.relations_changed, whole.relations_changed) << asked;
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
  ImportRandom(*store, random, 30, 100);
  store->SaveSnapshot("third", "", false);
  // Changes that touch no entity row: new evidence for a stored relation, a new relation
  // between stored entities.
  store->WriteTransaction([&] {
    Graph graph = store->Load();
    importers::ImportBatch batch;
    importers::RelationRecord again;
    again.relation = graph.relations()[7];
    again.relation.evidence = {{"doc1", "Said again.", "", "later.csv:2", "csv", 1.0}};
    batch.relations.push_back(again);
    importers::RelationRecord added;
    added.relation.source = graph.entities()[3].id;
    added.relation.target = graph.entities()[11].id;
    added.relation.type = "founded";
    added.relation.evidence = {{"doc2", "New.", "", "later.csv:3", "csv", 1.0}};
    batch.relations.push_back(added);
    importers::RelationRecord heavier;  // only its weight changes: the same evidence again
    heavier.relation = graph.relations()[9];
    heavier.relation.weight += 1;
    heavier.weight_given = true;
    batch.relations.push_back(heavier);
    ChangeSet changes;
    importers::Merge(&graph, {batch}, &changes);
    ASSERT_TRUE(changes.entities.empty());
    ASSERT_EQ(changes.evidence.size(), 2u);
    store->Apply(changes);
  });
  query::GraphDiff later = query::Diff(store->Load({"third", ""}), store->Load());
  EXPECT_EQ(later.relations_changed.size() + later.relations_added.size(), 3u);
  EXPECT_TRUE(later.entities_added.empty() && later.entities_changed.empty());
  store->SaveSnapshot("fourth", "", false);
  ImportRandom(*store, random, 30, 100);
  for (const char* a : {"first", "second", "third", "fourth", ""}) {
    for (const char* b : {"first", "second", "third", "fourth", ""}) ExpectDiffInPartsAgrees(*store, {a, ""}, {b, ""});
  }
  EXPECT_FALSE(query::Diff(store->Load({"first", ""}), store->Load()).empty());
  store->DeleteSnapshot("first");
  ExpectPartsAgreeWithWhole(*store, {"second", ""}, random);
  EXPECT_TRUE(store->Check().problems.empty());
}

// An import into the part of the store its files name (cli::LoadForMerge) must change exactly
// what an import into the whole graph changes: random updates that rename entities, add
// aliases, name entities by id, name or alias in other normalisation forms and cases, restate
// known facts with old and new evidence, and name unknown entities.
TEST(MergeIntoPart, ChangesWhatAMergeIntoTheWholeGraphChanges) {
  TempDir dir;
  std::mt19937 random(1123);
  auto store = Store::Open(dir.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  ImportRandom(*store, random, 80, 300);
  store->SaveSnapshot("before", "", false);  // later changes close rows and insert new ones
  const std::vector<std::string> spellings = {"NAVER 1", "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5 2",
                                              "ZU\xCC\x88RICH AI 3", "openai", "nobody", "北京智源 1"};
  int compared = 0, failed_alike = 0;
  for (int round = 0; round < 60; ++round) {
    Graph whole = store->Load();
    const auto& entities = whole.entities();
    importers::ImportBatch batch;
    for (int i = 0; i < 3; ++i) {  // updates of stored entities: new names keep the old as aliases
      importers::EntityRecord record;
      record.entity = entities[random() % entities.size()];
      if (std::any_of(batch.entities.begin(), batch.entities.end(), [&](const auto& r) { return r.entity.id == record.entity.id; })) continue;
      if (random() % 2) record.entity.name = "Renamed " + std::to_string(random() % 6);
      if (random() % 2) record.entity.aliases.push_back(spellings[random() % spellings.size()]);
      batch.entities.push_back(record);
    }
    auto reference = [&]() -> std::string {
      const Entity& entity = entities[random() % entities.size()];
      unsigned pick = random() % 20;  // mostly names that resolve, so that most merges succeed
      if (pick < 10) return entity.id;
      if (pick < 14) return entity.name;
      if (pick < 16) return entity.aliases.empty() ? entity.id : entity.aliases[random() % entity.aliases.size()];
      if (pick < 18) return spellings[random() % spellings.size()];
      return "Renamed " + std::to_string(random() % 6);
    };
    for (int i = 0; i < 4; ++i) {
      importers::RelationRecord record;
      Relation& relation = record.relation;
      if (random() % 2 && !whole.relations().empty()) {  // a stored fact again
        const Relation& known = whole.relations()[random() % whole.relations().size()];
        relation.source = known.source;
        relation.target = known.target;
        relation.type = known.type;
        if (random() % 2) relation.evidence.push_back(known.evidence.front());
      } else {
        relation.source = reference();
        relation.target = reference();
        relation.type = whole.schema().relation_types()[random() % whole.schema().relation_types().size()].name;
      }
      record.weight_given = random() % 2;
      relation.weight = 1 + static_cast<double>(random() % 3);
      if (relation.evidence.empty()) {
        relation.evidence.push_back({"doc" + std::to_string(random() % 6), "round " + std::to_string(round), "", "u.csv:" + std::to_string(i), "csv", 1.0});
      }
      batch.relations.push_back(record);
    }
    if (random() % 2) batch.documents.push_back({"doc" + std::to_string(random() % 6), "Title", "https://example.com", "", ""});

    for (bool create_missing : {false, true}) {
      SCOPED_TRACE("round " + std::to_string(round) + (create_missing ? ", creating missing entities" : ""));
      importers::MergeOptions options;
      if (create_missing) options.create_missing_kind = "organization";
      Graph part = cli::LoadForMerge(*store, importers::LookupsOf({batch}));
      Graph all = store->Load();  // the previous pass may have written
      ChangeSet from_part, from_whole;
      std::optional<importers::ImportSummary> part_summary, whole_summary;
      try {
        whole_summary = importers::Merge(&all, {batch}, &from_whole, options);
      } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::kInput);
      }
      try {
        part_summary = importers::Merge(&part, {batch}, &from_part, options);
      } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::kInput);
      }
      ASSERT_EQ(part_summary.has_value(), whole_summary.has_value()) << "round " << round;
      if (!whole_summary) {
        ++failed_alike;
        continue;
      }
      ++compared;
      EXPECT_EQ(part_summary->entities_added, whole_summary->entities_added);
      EXPECT_EQ(part_summary->entities_updated, whole_summary->entities_updated);
      EXPECT_EQ(part_summary->relations_added, whole_summary->relations_added);
      EXPECT_EQ(part_summary->relations_updated, whole_summary->relations_updated);
      EXPECT_EQ(part_summary->evidence_added, whole_summary->evidence_added);
      EXPECT_EQ(part_summary->documents_added, whole_summary->documents_added);
      EXPECT_EQ(from_part.documents, from_whole.documents);
      EXPECT_EQ(from_part.entities, from_whole.entities);
      EXPECT_EQ(from_part.new_relations, from_whole.new_relations);
      EXPECT_EQ(from_part.relations, from_whole.relations);
      EXPECT_EQ(from_part.evidence, from_whole.evidence);
      if (create_missing || random() % 2) store->WriteTransaction([&] { store->Apply(from_part); });
    }
  }
  // Both outcomes were exercised.
  EXPECT_GT(compared, 20);
  EXPECT_GT(failed_alike, 2);
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
  // Every truncation is refused as damage, never read past its end, in both forms.
  for (size_t size = 0; size < bytes.size(); ++size) {
    for (bool grouped : {false, true}) {
      try {
        if (grouped) {
          DecodeGroupedImage(std::string_view(bytes).substr(0, size), schema);
        } else {
          DecodeImage(std::string_view(bytes).substr(0, size), schema);
        }
        ADD_FAILURE() << "a truncation to " << size << " bytes was accepted";
      } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::kStorage);
        EXPECT_NE(error.message().find("damaged graph image"), std::string::npos);
      }
    }
  }
  // Flipped bytes in the grouped form: refused, or a consistent grouping the Csr reads.
  for (int trial = 0; trial < 2000; ++trial) {
    std::string damaged = bytes;
    damaged[random() % damaged.size()] ^= static_cast<char>(1 + random() % 255);
    try {
      GroupedTopology decoded = DecodeGroupedImage(damaged, schema);
      ASSERT_EQ(decoded.out_offsets.size(), decoded.entity_ids.size() + 1);
      query::Csr csr(schema, decoded);
      EXPECT_EQ(csr.edge_count(), decoded.relation_count());
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::kStorage);
    }
  }
  // Flipped bytes are refused or decode to a consistent topology (then Csr may use it).
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

// The image as the engine reads it: grouped by source, relation r of the topology is relation
// r of the grouped form, weights left out when all are 1; the engine's Csr read off it has, for
// every node, the arcs a sort of the relations would give (Csr::Build sorts; FromGrouped
// counts).
TEST(GraphImage, GroupedFormIsTheTopologyBySourceAndGivesTheSortedCsr) {
  TempDir dir;
  std::mt19937 random(23);
  auto store = Store::Open(dir.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  ImportRandom(*store, random, 60, 400);
  const Schema& schema = store->schema();
  Topology topology = store->LoadTopology();
  ASSERT_GT(topology.relation_count(), 100u);
  for (bool unit_weights : {false, true}) {
    if (unit_weights) topology.weight.assign(topology.relation_count(), 1.0);
    std::string bytes = EncodeImage(topology, schema);
    ASSERT_EQ(bytes.substr(0, 8), "RGTOPO02");
    GroupedTopology grouped = DecodeGroupedImage(bytes, schema);
    EXPECT_EQ(grouped.entity_ids, topology.entity_ids);
    EXPECT_EQ(Vec(grouped.target), topology.target);
    EXPECT_EQ(Vec(grouped.type), topology.type);
    EXPECT_EQ(Vec(grouped.weight), unit_weights ? std::vector<double>{} : topology.weight);
    ASSERT_EQ(grouped.out_offsets.size(), topology.entity_ids.size() + 1);
    for (uint32_t u = 0; u < topology.entity_ids.size(); ++u) {
      for (uint32_t r = grouped.out_offsets[u]; r < grouped.out_offsets[u + 1]; ++r) EXPECT_EQ(topology.source[r], u);
    }
    EXPECT_EQ(grouped.out_offsets.back(), topology.relation_count());
    ExpectSameTopology(DecodeImage(bytes, schema), topology);
    // Without weights: 4 bytes a target and 1 a type code per relation, the rest per entity;
    // the 8 distinct weights (0.5 + 0..7) add a table and a 2-byte code per relation.
    size_t id_bytes = 0;
    for (const std::string& id : topology.entity_ids) id_bytes += id.size();
    size_t fixed = 28 + 8 * (topology.entity_ids.size() + 1) + id_bytes;
    for (const RelationType& type : schema.relation_types()) fixed += 4 + type.name.size();
    EXPECT_EQ(bytes.size(), unit_weights ? fixed + topology.relation_count() * 5 : fixed + 4 + 8 * 8 + topology.relation_count() * 7);

    query::Csr counted(schema, grouped);
    query::Csr sorted(schema, topology);
    ASSERT_EQ(counted.node_count(), sorted.node_count());
    ASSERT_EQ(counted.edge_count(), sorted.edge_count());
    for (uint32_t u = 0; u < counted.node_count(); ++u) {
      ASSERT_EQ(counted.OutBegin(u), sorted.OutBegin(u));
      ASSERT_EQ(counted.OutEnd(u), sorted.OutEnd(u));
      ASSERT_EQ(counted.InBegin(u), sorted.InBegin(u));
      ASSERT_EQ(counted.InEnd(u), sorted.InEnd(u));
    }
    for (uint32_t arc = 0; arc < counted.edge_count(); ++arc) {
      EXPECT_EQ(counted.out_target()[arc], sorted.out_target()[arc]);
      EXPECT_EQ(counted.out_type()[arc], sorted.out_type()[arc]);
      EXPECT_EQ(counted.out_weight()[arc], sorted.out_weight()[arc]);
      EXPECT_EQ(counted.RelationOf(arc), sorted.RelationOf(arc));
      EXPECT_EQ(counted.in_source()[arc], sorted.in_source()[arc]);
      EXPECT_EQ(counted.in_arc()[arc], sorted.in_arc()[arc]);
      // Each arc is its relation, checked against the topology itself.
      RelationIndex r = counted.RelationOf(arc);
      EXPECT_EQ(counted.out_target()[arc], topology.target[r]);
      EXPECT_EQ(counted.out_weight()[arc], topology.weight[r]);
    }
    EXPECT_EQ(counted.symmetric(), sorted.symmetric());
  }
}

// The grouped topology read piece by piece (ReadGroupedImage, as the store reads its BLOB) is
// what the whole-bytes decoding gives, with weights left coded and ids in one arena; every
// read stays inside the image; truncations are refused; and the Csr that takes those arrays
// over (ordering each node's relations in place) is, arc for arc, the one Csr::Build makes by
// sorting the topology's relations.
TEST(GraphImage, ReadInPiecesGivesTheDecodedTopologyAndTheSortedCsr) {
  TempDir dir;
  std::mt19937 random(31);
  auto store = Store::Open(dir.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema());
  ImportRandom(*store, random, 80, 600);
  const Schema& schema = store->schema();
  Topology stored = store->LoadTopology();
  ASSERT_GT(stored.relation_count(), 200u);
  // Weights with few distinct values (coded), all 1 (none kept), and all distinct (f64).
  for (int weights = 0; weights < 3; ++weights) {
    Topology topology = stored;
    if (weights == 1) topology.weight.assign(topology.relation_count(), 1.0);
    if (weights == 2) {
      for (size_t r = 0; r < topology.relation_count(); ++r) topology.weight[r] = 1.0 + static_cast<double>(r) / 1024.0;
    }
    std::string bytes = EncodeImage(topology, schema);
    size_t reads = 0;
    ImageSource source = [&](size_t offset, size_t count, void* to) {
      ASSERT_LE(offset + count, bytes.size());
      ++reads;
      std::memcpy(to, bytes.data() + offset, count);
    };
    GroupedTopology pieces = ReadGroupedImage(bytes.size(), source, schema);
    EXPECT_LT(reads, 40u) << "a read per array, not per relation";
    EXPECT_TRUE(pieces.entity_ids.empty());
    ASSERT_EQ(pieces.entity_count(), topology.entity_ids.size());
    for (size_t i = 0; i < topology.entity_ids.size(); ++i) {
      EXPECT_EQ(std::string(pieces.id_bytes.data() + pieces.id_offsets[i], pieces.id_offsets[i + 1] - pieces.id_offsets[i]),
                topology.entity_ids[i]);
    }
    EXPECT_EQ(Vec(pieces.target), topology.target);
    EXPECT_EQ(Vec(pieces.type), topology.type);
    if (weights == 0) {
      EXPECT_TRUE(pieces.weight.empty());
      std::set<double> distinct(topology.weight.begin(), topology.weight.end());
      EXPECT_EQ(pieces.weight_table, std::vector<double>(distinct.begin(), distinct.end()));
      ASSERT_EQ(pieces.weight_code.size(), topology.relation_count());
      for (size_t r = 0; r < topology.relation_count(); ++r) EXPECT_EQ(pieces.weight_table[pieces.weight_code[r]], topology.weight[r]);
    } else {
      EXPECT_TRUE(pieces.weight_code.empty());
      EXPECT_EQ(Vec(pieces.weight), weights == 1 ? std::vector<double>{} : topology.weight);
    }
    ExpectSameTopology(Ungroup(ReadGroupedImage(bytes.size(), source, schema)), topology);

    query::Csr sorted(schema, topology);
    query::Csr taken = query::Csr::FromGrouped(std::move(pieces));
    EXPECT_TRUE(pieces.target.empty());  // taken over
    ASSERT_EQ(taken.node_count(), sorted.node_count());
    ASSERT_EQ(taken.edge_count(), sorted.edge_count());
    for (uint32_t u = 0; u < taken.node_count(); ++u) {
      ASSERT_EQ(taken.OutBegin(u), sorted.OutBegin(u));
      ASSERT_EQ(taken.OutEnd(u), sorted.OutEnd(u));
      ASSERT_EQ(taken.InBegin(u), sorted.InBegin(u));
      ASSERT_EQ(taken.InEnd(u), sorted.InEnd(u));
    }
    for (uint32_t arc = 0; arc < taken.edge_count(); ++arc) {
      EXPECT_EQ(taken.out_target()[arc], sorted.out_target()[arc]);
      EXPECT_EQ(taken.out_type()[arc], sorted.out_type()[arc]);
      EXPECT_EQ(taken.out_weight()[arc], sorted.out_weight()[arc]);
      EXPECT_EQ(taken.RelationOf(arc), sorted.RelationOf(arc));
      EXPECT_EQ(taken.in_source()[arc], sorted.in_source()[arc]);
      EXPECT_EQ(taken.in_arc()[arc], sorted.in_arc()[arc]);
    }
    // The copying form reads the same arrays to the same Csr.
    GroupedTopology again = ReadGroupedImage(bytes.size(), source, schema);
    query::Csr copied = query::Csr::FromGrouped(again.out_offsets, again.target, again.type, again.weight, again.weight_table,
                                                again.weight_code);
    for (uint32_t arc = 0; arc < copied.edge_count(); ++arc) {
      EXPECT_EQ(copied.out_target()[arc], sorted.out_target()[arc]);
      EXPECT_EQ(copied.out_weight()[arc], sorted.out_weight()[arc]);
      EXPECT_EQ(copied.RelationOf(arc), sorted.RelationOf(arc));
    }

    // Every truncation is refused as damage without reading past its end.
    for (size_t size = 0; size < bytes.size(); size += 1 + size / 16) {
      ImageSource truncated = [&](size_t offset, size_t count, void* to) {
        ASSERT_LE(offset + count, size);
        std::memcpy(to, bytes.data() + offset, count);
      };
      try {
        ReadGroupedImage(size, truncated, schema);
        ADD_FAILURE() << "a truncation to " << size << " bytes was accepted";
      } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::kStorage);
        EXPECT_NE(error.message().find("damaged graph image"), std::string::npos);
      }
    }
  }
  // The store reads its own images this way: the working graph's is the topology it loads.
  GroupedTopology loaded = store->LoadGroupedTopology();
  ASSERT_EQ(loaded.entity_count(), stored.entity_ids.size());
  EXPECT_EQ(Vec(loaded.target), stored.target);
  ExpectSameTopology(Ungroup(std::move(loaded)), stored);
}

// A damaged weight code (one the table does not have) is refused, read in pieces or whole.
TEST(GraphImage, UnknownWeightCodeIsRefused) {
  const Schema& schema = importers::DefaultSchema();
  Topology topology;
  topology.entity_ids = {"a", "b"};
  topology.source = {0, 0, 1};
  topology.target = {1, 1, 0};
  topology.type = {0, 1, 0};
  topology.weight = {2.5, 0.5, 2.5};  // coded: table {0.5, 2.5}, codes {1, 0, 1}
  std::string bytes = EncodeImage(topology, schema);
  ASSERT_EQ(bytes.substr(bytes.size() - 6), std::string("\x01\x00\x00\x00\x01\x00", 6));
  bytes[bytes.size() - 2] = 2;  // the last relation's code: 2, past the table of 2
  ImageSource source = [&](size_t offset, size_t count, void* to) { std::memcpy(to, bytes.data() + offset, count); };
  EXPECT_THROW(ReadGroupedImage(bytes.size(), source, schema), Error);
  EXPECT_THROW(DecodeGroupedImage(bytes, schema), Error);
}

// More distinct weights than 2-byte codes can name: they are kept as they are.
TEST(GraphImage, ManyDistinctWeightsAreKeptExactly) {
  const Schema& schema = importers::DefaultSchema();
  Topology topology;
  topology.entity_ids = {"a", "b", "c"};
  for (uint32_t r = 0; r < 70000; ++r) {
    topology.source.push_back(r < 40000 ? 0 : 2);
    topology.target.push_back(1);
    topology.type.push_back(static_cast<uint8_t>(r % schema.relation_types().size()));
    topology.weight.push_back(1.0 + r / 65536.0);  // all distinct
  }
  std::string bytes = EncodeImage(topology, schema);
  EXPECT_GT(bytes.size(), 70000u * 13);
  ExpectSameTopology(DecodeImage(bytes, schema), topology);
  // Exactly the limit's worth of distinct weights, each used three times: coded (a table of
  // 65536 doubles and 2 bytes a relation instead of 8), and exact.
  topology.source.assign(3 * 65536, 0), topology.target.assign(3 * 65536, 1), topology.type.assign(3 * 65536, 0);
  topology.weight.clear();
  for (int copy = 0; copy < 3; ++copy) {
    for (uint32_t w = 0; w < 65536; ++w) topology.weight.push_back(1.0 + w / 65536.0);
  }
  bytes = EncodeImage(topology, schema);
  EXPECT_LT(bytes.size(), 65536u * 8 + 3 * 65536u * 7 + 1000);
  ExpectSameTopology(DecodeImage(bytes, schema), topology);
  EXPECT_EQ(Vec(DecodeGroupedImage(bytes, schema).weight), topology.weight);
}

// An image written before this format (RGTOPO01), bytes laid out by hand: still read, in both
// forms, and `check` takes it as matching its rows.
TEST(GraphImage, ReadsTheFormerFormat) {
  const Schema& schema = importers::DefaultSchema();
  const auto& types = schema.relation_types();
  std::string bytes = "RGTOPO01";
  auto u32 = [&](uint32_t value) { bytes.append(reinterpret_cast<const char*>(&value), 4); };
  u32(0x01020304), u32(3), u32(4), u32(2);  // 3 entities, 4 relations, 2 type names
  for (size_t t : {size_t{1}, size_t{0}}) u32(static_cast<uint32_t>(types[t].name.size())), bytes += types[t].name;
  u32(0), u32(1), u32(3), u32(4), bytes += "abbc";  // ids "a", "bb", "c"
  for (uint32_t s : {0u, 0u, 2u, 2u}) u32(s);
  for (uint32_t t : {1u, 2u, 0u, 1u}) u32(t);
  for (uint8_t code : {uint8_t{0}, uint8_t{1}, uint8_t{1}, uint8_t{0}}) bytes += static_cast<char>(code);
  bytes.resize((bytes.size() + 7) & ~size_t{7}, '\0');
  for (double w : {1.0, 2.5, 1.0, 0.5}) bytes.append(reinterpret_cast<const char*>(&w), 8);

  Topology topology = DecodeImage(bytes, schema);
  EXPECT_EQ(topology.entity_ids, (std::vector<std::string>{"a", "bb", "c"}));
  EXPECT_EQ(topology.source, (std::vector<uint32_t>{0, 0, 2, 2}));
  EXPECT_EQ(topology.target, (std::vector<uint32_t>{1, 2, 0, 1}));
  EXPECT_EQ(topology.type, (std::vector<uint8_t>{1, 0, 0, 1}));  // image codes 0, 1 are schema positions 1, 0
  EXPECT_EQ(topology.weight, (std::vector<double>{1.0, 2.5, 1.0, 0.5}));
  GroupedTopology grouped = DecodeGroupedImage(bytes, schema);
  EXPECT_EQ(Vec(grouped.out_offsets), (std::vector<uint32_t>{0, 2, 2, 4}));
  EXPECT_EQ(Vec(grouped.target), topology.target);
  EXPECT_EQ(Vec(grouped.weight), topology.weight);
  // Read in pieces, as the store reads its BLOBs: the same.
  ImageSource source = [&](size_t offset, size_t count, void* to) {
    ASSERT_LE(offset + count, bytes.size());
    std::memcpy(to, bytes.data() + offset, count);
  };
  ExpectSameTopology(Ungroup(ReadGroupedImage(bytes.size(), source, schema)), topology);
  EXPECT_TRUE(ImageMatches(bytes, topology, schema));
  topology.weight[3] = 2;
  EXPECT_FALSE(ImageMatches(bytes, topology, schema));
  // Relations not grouped by source: readable as a topology, refused as the engine's form.
  Topology unordered = DecodeImage(bytes, schema);
  std::swap(unordered.source[0], unordered.source[3]);
  std::string old = EncodeImage(unordered, schema);
  EXPECT_EQ(old.substr(0, 8), "RGTOPO01");
  ExpectSameTopology(DecodeImage(old, schema), unordered);
  EXPECT_THROW(DecodeGroupedImage(old, schema), Error);
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
