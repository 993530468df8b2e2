#include "importers/importers.h"

#include <gtest/gtest.h>

namespace relgraph::importers {
namespace {

const char* kEntities =
    "id,name,kind,aliases,country\n"
    "ms,Microsoft,company,마이크로소프트|MS|微软,US\n"
    "openai,OpenAI,company,오픈AI,US\n"
    "naver,Naver,company,네이버|NAVER Corp.,KR\n";

ImportBatch Parse(const std::string& path, const std::string& text) {
  return ParseFile({path, text}, FileKind::kAuto, DefaultSchema());
}

std::string ParseError(const std::string& path, const std::string& text) {
  try {
    Parse(path, text);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

// Merges the batches into a fresh graph, as one import.
Graph Import(const std::vector<ImportBatch>& batches, ImportSummary* summary = nullptr) {
  Graph graph(DefaultSchema());
  ChangeSet changes;
  ImportSummary result = Merge(&graph, batches, &changes);
  if (summary) *summary = result;
  return graph;
}

std::string MergeError(const std::vector<ImportBatch>& batches) {
  try {
    Import(batches);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

TEST(SourcePos, CopiesShareThePathAndReadAsBefore) {
  SourcePos pos{"some/long/directory/relations.csv", 3, 7};
  SourcePos copy = pos;
  EXPECT_EQ(&copy.path.str(), &pos.path.str());  // one copy of the text per file
  const std::string& path = copy.path;
  EXPECT_EQ(path, "some/long/directory/relations.csv");
  EXPECT_TRUE(copy.path == "some/long/directory/relations.csv");
  EXPECT_EQ(copy.ToString(), "some/long/directory/relations.csv:3:7");
  EXPECT_EQ((SourcePos{std::string("a.csv"), 0, 0}).ToString(), "a.csv");
  EXPECT_TRUE(SourcePos{}.path.empty());
  EXPECT_EQ(SourcePos{}.ToString(), "");
}

TEST(DetectKind, UsesExtensionThenHeader) {
  EXPECT_EQ(DetectKind({"a.json", "{}"}), FileKind::kJson);
  EXPECT_EQ(DetectKind({"a.txt", "news"}), FileKind::kArticle);
  EXPECT_EQ(DetectKind({"a.csv", "\xEF\xBB\xBF\"Source\",target,relation\n"}), FileKind::kRelations);
  EXPECT_EQ(DetectKind({"a.data", "kind,id,name\n"}), FileKind::kEntities);
  EXPECT_EQ(ParseError("x.csv", "a,b\n"),
            "x.csv:1:1: expected a CSV header with id,name,kind (entities) or source,target,relation (relations), a "
            ".json file, or an article (.txt, .md, .html), found 'a,b'; name the kind with --as "
            "entities|relations|json|article");
}

TEST(EntitiesCsv, MatchesColumnsByNameInAnyOrder) {
  ImportBatch batch = Parse("e.csv", "kind,Name,id,founded\ncompany,Naver,naver,1999\n");
  ASSERT_EQ(batch.entities.size(), 1u);
  const Entity& entity = batch.entities[0].entity;
  EXPECT_EQ(entity.id, "naver");
  EXPECT_EQ(entity.name, "Naver");
  EXPECT_EQ(entity.kind, "company");
  EXPECT_EQ(entity.properties.at("founded"), "\"1999\"");
}

TEST(EntitiesCsv, NormalisesToNfcAtTheBoundary) {
  std::string nfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";
  ImportBatch batch = Parse("e.csv", "id,name,kind\nnaver," + nfd + ",company\n");
  EXPECT_EQ(batch.entities[0].entity.name, "네이버");
}

TEST(EntitiesCsv, RejectsUnknownKindListingKnownOnes) {
  EXPECT_EQ(ParseError("e.csv", "id,name,kind\nx,X,startup\n"),
            "e.csv:2:5: expected an entity kind (company, university, research_institute, government, investor, "
            "person, product, consortium, organization), found 'startup'");
}

TEST(EntitiesCsv, RejectsMissingColumnAndWrongFieldCount) {
  EXPECT_EQ(ParseError("e.csv", "id,name,kindd\n"),
            "e.csv:1:1: expected a CSV header with id,name,kind (entities) or source,target,relation (relations), a "
            ".json file, or an article (.txt, .md, .html), found 'id,name,kindd'; name the kind with --as "
            "entities|relations|json|article");
  try {
    ParseFile({"e.csv", "id,name\n"}, FileKind::kEntities, DefaultSchema());
    FAIL() << "a header without kind was accepted";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "e.csv:1:1: expected a header with columns id,name,kind (an entities file), found no column 'kind'");
  }
}

TEST(EntitiesCsv, DuplicateIdNamesItsFirstDefinition) {
  ImportBatch first = Parse("a.csv", "id,name,kind\nnaver,Naver,company\n");
  ImportBatch second = Parse("b.csv", "id,name,kind\nx,X,company\nnaver,Naver Corp,company\n");
  EXPECT_EQ(MergeError({first, second}), "b.csv:3:1: expected a new entity id, found 'naver' again (first defined at a.csv:2:1)");
}

TEST(RelationsCsv, SameFactTwiceIsOneRelationWithTwoEvidenceRecords) {
  ImportBatch entities = Parse("e.csv", kEntities);
  ImportBatch relations = Parse("r.csv",
                                "source,target,relation,date,evidence\n"
                                "MS,openai,invests_in,2019-07,Microsoft invested in OpenAI.\n"
                                "마이크로소프트,OpenAI,invests_in,2023-01,Microsoft invested again.\n");
  ImportSummary summary;
  Graph graph = Import({entities, relations}, &summary);
  ASSERT_EQ(graph.relations().size(), 1u);
  EXPECT_EQ(summary.relations_added, 1u);
  EXPECT_EQ(summary.evidence_added, 2u);
  const Relation& relation = graph.relations()[0];
  EXPECT_EQ(relation.source, "ms");
  EXPECT_EQ(relation.target, "openai");
  EXPECT_EQ(relation.date, "2019-07");  // the earliest stated date
  ASSERT_EQ(relation.evidence.size(), 2u);
  EXPECT_EQ(relation.evidence[1].sentence, "Microsoft invested again.");
  EXPECT_EQ(relation.evidence[1].locator, "r.csv:3");
  EXPECT_EQ(relation.evidence[1].document, "file:r.csv");
}

TEST(RelationsCsv, DatesOfTheSamePeriodKeepTheMorePreciseOne) {
  ImportBatch entities = Parse("e.csv", kEntities);
  ImportBatch relations = Parse("r.csv",
                                "source,target,relation,date\n"
                                "ms,openai,invests_in,2019-07\n"
                                "ms,openai,invests_in,2019\n"        // same year, less precise
                                "ms,naver,backs,2021\n"
                                "ms,naver,backs,2020-12-01\n");     // earlier, more precise
  Graph graph = Import({entities, relations});
  EXPECT_EQ(graph.relations()[*graph.FindRelation({"ms", "invests_in", "openai"})].date, "2019-07");
  EXPECT_EQ(graph.relations()[*graph.FindRelation({"ms", "backs", "naver"})].date, "2020-12-01");
}

TEST(RelationsCsv, SymmetricRelationStatedBothWaysIsOneRelation) {
  ImportBatch entities = Parse("e.csv", kEntities);
  ImportBatch relations = Parse("r.csv",
                                "source,target,relation\n"
                                "openai,naver,partners_with\n"
                                "naver,openai,partners_with\n");
  Graph graph = Import({entities, relations});
  ASSERT_EQ(graph.relations().size(), 1u);
  EXPECT_EQ(graph.relations()[0].source, "naver");  // stored in id order
  EXPECT_EQ(graph.relations()[0].evidence.size(), 2u);
}

TEST(RelationsCsv, ReimportingTheSameFileAddsNothing) {
  ImportBatch entities = Parse("e.csv", kEntities);
  ImportBatch relations = Parse("r.csv", "source,target,relation\nms,openai,invests_in\n");
  Graph graph(DefaultSchema());
  ChangeSet changes;
  Merge(&graph, {entities, relations}, &changes);
  ChangeSet again;
  ImportSummary summary = Merge(&graph, {Parse("e.csv", kEntities), relations}, &again);
  EXPECT_EQ(summary.entities_added + summary.entities_updated + summary.relations_added + summary.evidence_added, 0u);
  EXPECT_TRUE(again.empty());
}

TEST(RelationsCsv, UnknownEntitySuggestsNearMatches) {
  ImportBatch entities = Parse("e.csv", kEntities);
  ImportBatch relations = Parse("r.csv", "source,target,relation\nMicrosft,openai,invests_in\n");
  EXPECT_EQ(MergeError({entities, relations}),
            "r.csv:2:1: expected a known entity (id, name or alias) as source, found 'Microsft'; did you mean "
            "'Microsoft' (id ms)?");
  ImportBatch far = Parse("r.csv", "source,target,relation\nms,Anthropic,invests_in\n");
  EXPECT_EQ(MergeError({entities, far}),
            "r.csv:2:4: expected a known entity (id, name or alias) as target, found 'Anthropic' (import its entity "
            "first, or in the same command)");
}

TEST(RelationsCsv, AmbiguousReferenceListsCandidates) {
  ImportBatch entities = Parse("e.csv", "id,name,kind,aliases\nlg,LG,company,엘지\nlg_ai,LG AI Research,research_institute,엘지\n");
  ImportBatch relations = Parse("r.csv", "source,target,relation\n엘지,lg,part_of\n");
  EXPECT_EQ(MergeError({entities, relations}),
            "r.csv:2:1: expected one entity as source, found '엘지' naming 2: lg (LG), lg_ai (LG AI Research); use an id");
}

TEST(RelationsCsv, RejectsBadWeightsDatesAndTypes) {
  const std::string header = "source,target,relation,weight,date\n";
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,-1,\n"),
            "r.csv:2:16: expected a weight that is a finite number > 0, found '-1'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,nan,\n"),
            "r.csv:2:16: expected a weight that is a finite number > 0, found 'nan'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,1e999,\n"),
            "r.csv:2:16: expected a weight that is a finite number > 0, found '1e999'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,1,2023-02-30\n"),
            "r.csv:2:18: day 30 does not exist in 2023-02, found '2023-02-30'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,1,2023/02\n"),
            "r.csv:2:18: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '2023/02'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,likes,1,\n"),
            "r.csv:2:5: expected a relation type (invests_in, acquires, backs, partners_with, competes_with, "
            "develops, founded, member_of, part_of, works_at, supplies), found 'likes'");
  EXPECT_EQ(ParseError("r.csv", header + "a,b,invests_in,1\n"), "r.csv:2:17: expected 5 fields as in the header, found 4");
  EXPECT_EQ(ParseError("r.csv", header + ",b,invests_in,1,\n"), "r.csv:2:1: expected a source entity, found an empty field");
}

TEST(RelationsCsv, ResolvesColumnsOncePerFileInAnyOrder) {
  // Columns looked up once per file must still follow the header: any order, any case,
  // unknown columns as properties, absent ones empty, quoted and Hangul/Hanja fields.
  ImportBatch batch = Parse("dir/r.csv",
                            "Stake,RELATION,target,evidence,source\n"
                            "10%,invests_in,\"OpenAI, Inc.\",\"He said \"\"yes\"\".\",마이크로소프트\n"
                            ",partners_with,三星電子,,네이버\n");
  ASSERT_EQ(batch.relations.size(), 2u);
  const RelationRecord& first = batch.relations[0];
  EXPECT_EQ(first.relation.source, "마이크로소프트");
  EXPECT_EQ(first.relation.target, "OpenAI, Inc.");
  EXPECT_EQ(first.relation.type, "invests_in");
  EXPECT_EQ(first.relation.properties.at("stake"), "\"10%\"");
  EXPECT_EQ(first.relation.evidence[0].sentence, "He said \"yes\".");
  EXPECT_EQ(first.relation.evidence[0].locator, "r.csv:2");
  EXPECT_FALSE(first.weight_given);
  const RelationRecord& second = batch.relations[1];
  EXPECT_EQ(second.relation.source, "네이버");
  EXPECT_EQ(second.relation.target, "三星電子");
  EXPECT_TRUE(second.relation.properties.empty());
  EXPECT_EQ(second.relation.evidence[0].document, "file:r.csv");
}

TEST(RelationsCsv, EveryRecordKeepsItsOwnPositions) {
  // Positions are kept per column and updated per record; each record must keep copies of its
  // own, and messages must name the record being read, not an earlier one.
  ImportBatch batch = Parse("r.csv", "relation,source,evidence,target\ninvests_in,네이버,,b\n\nbacks,a,\"x\ny\",c\n");
  ASSERT_EQ(batch.relations.size(), 2u);
  EXPECT_EQ(batch.relations[0].pos.ToString(), "r.csv:2:1");
  EXPECT_EQ(batch.relations[0].source_pos.ToString(), "r.csv:2:12");
  EXPECT_EQ(batch.relations[0].target_pos.ToString(), "r.csv:2:17");
  EXPECT_EQ(batch.relations[1].pos.ToString(), "r.csv:4:1");
  EXPECT_EQ(batch.relations[1].source_pos.ToString(), "r.csv:4:7");
  EXPECT_EQ(batch.relations[1].target_pos.ToString(), "r.csv:5:4");
  EXPECT_EQ(batch.relations[1].relation.evidence[0].sentence, "x\ny");
  EXPECT_EQ(ParseError("r.csv", "relation,source,target\ninvests_in,a,b\nbacks,a,\"\x01\"\n"),
            "r.csv:3:9: expected a target entity without control characters, found '\\x01'");
  EXPECT_EQ(ParseError("r.csv", "source,target,relation,note\na,b,backs,ok\na,b,backs,\"\x7F\"\n"),
            "r.csv:3:11: expected a property value without control characters, found '\\x7F'");
}

TEST(EntitiesCsv, ChecksAsciiFieldsLikeAnyOther) {
  // ASCII fields skip the UTF-8 check and NFC (no-ops for them); control characters and the
  // length limit still apply, with the same messages.
  EXPECT_EQ(ParseError("e.csv", "id,name,kind\nx,\"a\x01" "b\",company\n"),
            "e.csv:2:3: expected an entity name without control characters, found 'a\\x01b'");
  // Tabs and line breaks are text in a name (issue 16), not in an id.
  EXPECT_EQ(Parse("e.csv", "id,name,kind\nx,\"a\tb\",company\n").entities[0].entity.name, "a\tb");
  EXPECT_EQ(ParseError("e.csv", "id,name,kind,country\nx,X,company,\"K\x7F\"\n"),
            "e.csv:2:13: expected a country without control characters, found 'K\\x7F'");
  EXPECT_EQ(ParseError("e.csv", "id,name,kind\nx," + std::string(1001, 'a') + ",company\n"),
            "e.csv:2:3: expected an entity name of at most 1000 characters, found 1001");
  ImportBatch batch = Parse("e.csv", "id,name,kind,description\n x ,\" X \",company,\"two\r\nlines\"\n");
  ASSERT_EQ(batch.entities.size(), 1u);
  EXPECT_EQ(batch.entities[0].entity.name, "X");
  EXPECT_EQ(batch.entities[0].entity.description, "two\r\nlines");
  EXPECT_EQ(ParseError("e.csv", "id,name,kind\n\tx,X,company\n"),
            "e.csv:2:1: expected an entity id without control characters, found '\\tx'");
}

TEST(Json, ImportsEntitiesRelationsAndEvidence) {
  ImportBatch batch = Parse("g.json", R"({
    "entities": [
      {"id": "ms", "name": "Microsoft", "kind": "company", "aliases": ["MS"], "properties": {"employees": 221000}},
      {"id": "openai", "name": "OpenAI", "kind": "company"}
    ],
    "relations": [
      {"source": "MS", "target": "openai", "type": "invests_in", "weight": 2.5, "date": "2023-01",
       "evidence": [{"document": "https://example.com/ms", "sentence": "Microsoft invests.", "date": "2023-01-23"}]}
    ]})");
  Graph graph = Import({batch});
  ASSERT_EQ(graph.relations().size(), 1u);
  EXPECT_EQ(graph.relations()[0].weight, 2.5);
  EXPECT_EQ(graph.entities()[*graph.FindEntity("ms")].properties.at("employees"), "221000");
  const Document* document = graph.FindDocument("https://example.com/ms");
  ASSERT_NE(document, nullptr);
  EXPECT_EQ(document->url, "https://example.com/ms");
  EXPECT_EQ(graph.relations()[0].evidence[0].date, "2023-01-23");
}

TEST(Json, ReportsWrongTypeWithPathAndLine) {
  EXPECT_EQ(ParseError("g.json", "{\"relations\": [\n  {\"source\": \"a\", \"target\": 7, \"type\": \"backs\"}\n]}"),
            "g.json:2:29: /relations/0/target: expected a target entity (a string), found a number");
}

TEST(Json, RejectsDuplicateKeys) {
  EXPECT_EQ(ParseError("g.json", "{\"entities\": [{\"id\": \"a\", \"id\": \"b\"}]}"),
            "g.json:1:27: /entities/0/id: expected each key once in an object, found 'id' again");
}

TEST(Json, RejectsDeepNesting) {
  std::string deep = "{\"entities\": " + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(ParseError("g.json", deep), "g.json:1:77: expected JSON nested at most 64 levels deep, found deeper nesting");
}

TEST(Json, ReportsSyntaxErrorsWithLocation) {
  EXPECT_EQ(ParseError("g.json", "{\"entities\": [\n  {\"id\": tru}\n]}"),
            // Column 13: where reading failed, at the '}' that ended the bad literal.
            "g.json:2:13: expected valid JSON, found a syntax error while parsing value - invalid literal; last read: "
            "'\"id\": tru}'");
}

TEST(Json, RejectsUnknownKeysAndBadWeights) {
  EXPECT_EQ(ParseError("g.json", R"({"entities": [{"id": "a", "name": "A", "kind": "company", "alias": ["x"]}]})"),
            "g.json:1:68: /entities/0/alias: expected one of the keys aliases, country, description, id, kind, name, "
            "properties, found 'alias' (put other fields in \"properties\")");
  EXPECT_EQ(ParseError("g.json", R"({"relations": [{"source": "a", "target": "b", "type": "backs", "weight": 0}]})"),
            "g.json:1:74: /relations/0/weight: expected a weight that is a finite number > 0, found '0'");
}

TEST(Json, RejectsNulInStrings) {
  EXPECT_EQ(ParseError("g.json", R"({"entities": [{"id": "a\u0000b"}]})"),
            "g.json:1:22: expected a string without NUL characters, found \\u0000");
}

TEST(Merge, UpdatesAnExistingEntityAndMergesAliases) {
  ImportBatch first = Parse("a.csv", "id,name,kind,aliases,country\nnaver,Naver,company,네이버,KR\n");
  ImportBatch second = Parse("b.csv", "id,name,kind,aliases\nnaver,NAVER Corporation,company,NHN\n");
  Graph graph(DefaultSchema());
  ChangeSet changes;
  Merge(&graph, {first}, &changes);
  ImportSummary summary = Merge(&graph, {second}, &changes);
  EXPECT_EQ(summary.entities_updated, 1u);
  const Entity& naver = graph.entities()[0];
  EXPECT_EQ(naver.name, "NAVER Corporation");
  EXPECT_EQ(naver.country, "KR");  // kept: the update left it empty
  EXPECT_EQ(naver.aliases, (std::vector<std::string>{"네이버", "Naver", "NHN"}));
}

}  // namespace
}  // namespace relgraph::importers
