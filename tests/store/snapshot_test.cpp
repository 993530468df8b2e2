// Snapshots: save, load, diff, restore, delete, as-of, on the store library.
#include <gtest/gtest.h>

#include "importers/importers.h"
#include "query/diff.h"
#include "store/store.h"
#include "tests/test_util.h"

namespace relgraph::store {
namespace {

using testing::TempDir;

class Snapshots : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Store::Open(dir_.File("s.db"), Store::Mode::kReadWrite, importers::DefaultSchema()); }

  // Imports CSV text (entities and relations) into the store, as `relgraph import` does.
  void Import(const std::string& entities, const std::string& relations) {
    std::vector<importers::ImportBatch> batches;
    if (!entities.empty()) batches.push_back(importers::ParseFile({"e.csv", entities}, importers::FileKind::kEntities, importers::DefaultSchema()));
    if (!relations.empty()) batches.push_back(importers::ParseFile({"r.csv", relations}, importers::FileKind::kRelations, importers::DefaultSchema()));
    store_->WriteTransaction([&] {
      Graph graph = store_->Load();
      ChangeSet changes;
      importers::Merge(&graph, batches, &changes);
      store_->Apply(changes);
    });
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

const char* kEntities = "id,name,kind\nnaver,Naver,company\nsnu,Seoul National University,university\nkakao,Kakao,company\n";
const char* kRelations = "source,target,relation,date,evidence\nnaver,snu,partners_with,2023-11,Naver and SNU team up.\n";

TEST_F(Snapshots, SnapshotKeepsWhatItSawWhileTheWorkingGraphChanges) {
  Import(kEntities, kRelations);
  SnapshotInfo saved = store_->SaveSnapshot("q1", "first quarter", false);
  EXPECT_EQ(saved.entities, 3);
  EXPECT_EQ(saved.relations, 1);
  Graph before = store_->Load();
  // Rename an entity, add a relation and evidence to an existing one.
  Import("id,name,kind\nnaver,NAVER Corporation,company\n",
         "source,target,relation,weight,date,evidence\nkakao,naver,competes_with,,2024,They compete.\n"
         "naver,snu,partners_with,2,2023-11,Second statement.\n");
  Graph snapshot = store_->Load({"q1", ""});
  EXPECT_EQ(snapshot.entities(), before.entities());
  EXPECT_EQ(snapshot.relations(), before.relations());
  Graph working = store_->Load();
  EXPECT_EQ(working.entities()[*working.FindEntity("naver")].name, "NAVER Corporation");
  EXPECT_EQ(working.relations().size(), 2u);
}

TEST_F(Snapshots, DiffListsExactlyTheChangesBetweenTwoSaves) {
  Import(kEntities, kRelations);
  store_->SaveSnapshot("a", "", false);
  Import("id,name,kind\nnaver,NAVER Corporation,company\nlg,LG,company\n",
         "source,target,relation,weight,evidence\nlg,kakao,competes_with,,Rivals.\nnaver,snu,partners_with,3,More.\n");
  store_->SaveSnapshot("b", "", false);
  query::GraphDiff diff = query::Diff(store_->Load({"a", ""}), store_->Load({"b", ""}));
  ASSERT_EQ(diff.entities_added.size(), 1u);
  EXPECT_EQ(diff.entities_added[0].id, "lg");
  EXPECT_TRUE(diff.entities_removed.empty());
  ASSERT_EQ(diff.entities_changed.size(), 1u);
  EXPECT_EQ(diff.entities_changed[0].changes[0].field, "name");
  EXPECT_EQ(diff.entities_changed[0].changes[0].from, "Naver");
  ASSERT_EQ(diff.relations_added.size(), 1u);
  EXPECT_EQ(diff.relations_added[0].key.type, "competes_with");
  ASSERT_EQ(diff.relations_changed.size(), 1u);
  EXPECT_EQ(diff.relations_changed[0].changes[0].field, "weight");
  EXPECT_EQ(diff.relations_changed[0].evidence_added.size(), 1u);
  // Nothing changed since b.
  EXPECT_TRUE(query::Diff(store_->Load({"b", ""}), store_->Load()).empty());
}

TEST_F(Snapshots, RestoreMakesTheWorkingGraphEqualAndKeepsOtherSnapshots) {
  Import(kEntities, kRelations);
  store_->SaveSnapshot("a", "", false);
  Graph at_a = store_->Load();
  Import("id,name,kind\nnaver,Renamed,company\nlg,LG,company\n", "source,target,relation\nlg,kakao,competes_with\n");
  store_->SaveSnapshot("b", "", false);
  Graph at_b = store_->Load();
  Import("id,name,kind\nextra,Extra,company\n", "");
  store_->RestoreSnapshot("a");
  EXPECT_TRUE(query::Diff(at_a, store_->Load()).empty());
  EXPECT_TRUE(query::Diff(at_b, store_->Load({"b", ""})).empty());
  // And back to b, then change on top of it.
  store_->RestoreSnapshot("b");
  EXPECT_TRUE(query::Diff(at_b, store_->Load()).empty());
  Import("id,name,kind\nnaver,Third Name,company\n", "");
  EXPECT_TRUE(query::Diff(at_a, store_->Load({"a", ""})).empty());
  EXPECT_TRUE(store_->Check().problems.empty());
}

TEST_F(Snapshots, DeleteDropsOnlyRowsNoOtherVersionSees) {
  Import(kEntities, kRelations);
  store_->SaveSnapshot("a", "", false);
  Import("id,name,kind\nnaver,Renamed,company\n", "");
  store_->SaveSnapshot("b", "", false);
  Import("id,name,kind\nnaver,Renamed Again,company\n", "");
  Graph at_b = store_->Load({"b", ""});
  store_->DeleteSnapshot("a");
  EXPECT_TRUE(query::Diff(at_b, store_->Load({"b", ""})).empty());
  EXPECT_EQ(store_->Load().entities()[*store_->Load().FindEntity("naver")].name, "Renamed Again");
  EXPECT_EQ(store_->Snapshots().size(), 1u);
  EXPECT_TRUE(store_->Check().problems.empty());
}

TEST_F(Snapshots, NamesAreCheckedAndUnknownOnesListTheSavedOnes) {
  Import(kEntities, "");
  store_->SaveSnapshot("q1", "", false);
  try {
    store_->SaveSnapshot("q1", "", false);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "a snapshot named 'q1' exists already; use --replace to overwrite it");
  }
  store_->SaveSnapshot("q1", "again", true);
  EXPECT_EQ(store_->Snapshots().size(), 1u);
  EXPECT_EQ(store_->Snapshots()[0].note, "again");
  try {
    store_->Load({"q9", ""});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
    EXPECT_EQ(error.message(), "no snapshot named 'q9' in " + dir_.File("s.db") + "; saved: q1");
  }
  EXPECT_THROW(store_->SaveSnapshot(" padded", "", false), Error);
  EXPECT_THROW(store_->SaveSnapshot("", "", false), Error);
}

TEST_F(Snapshots, AsOfKeepsRelationsDatedOnOrBeforeTheDate) {
  Import("id,name,kind\na,A,company\nb,B,company\nc,C,company\nd,D,company\n",
         "source,target,relation,date,evidence_date\n"
         "a,b,invests_in,2019,\n"      // dated 2019
         "a,c,invests_in,2021-06,\n"   // dated June 2021
         "a,d,backs,,2020-03-01\n");   // undated: its evidence is from March 2020
  auto count = [&](const std::string& as_of) { return store_->Load({"", as_of}).relations().size(); };
  EXPECT_EQ(count("2018"), 0u);
  EXPECT_EQ(count("2019"), 1u);
  EXPECT_EQ(count("2020-02"), 1u);
  EXPECT_EQ(count("2020-03-01"), 2u);
  EXPECT_EQ(count("2021-05-31"), 2u);
  EXPECT_EQ(count("2021-06"), 3u);  // on or before: the whole month counts
  EXPECT_EQ(store_->Load({"", "2020"}).entities().size(), 4u);  // entities stay
}

}  // namespace
}  // namespace relgraph::store
