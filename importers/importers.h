// Importers turn files into an ImportBatch (parsed and validated, nothing applied), and Merge
// folds batches into a graph as one all-or-nothing change. Formats: entities CSV, relations
// CSV and JSON, as in the command-line contract; the vocabulary comes from data/schema.json.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "graph/bulk.h"
#include "graph/graph.h"

namespace relgraph::importers {

enum class FileKind { kAuto, kEntities, kRelations, kJson, kArticle };

// "entities", "relations", "json", "article"; throws Error(kUsage) otherwise.
FileKind ParseFileKind(std::string_view name);
std::string_view FileKindName(FileKind kind);

// A file read into memory. `path` is how messages name it.
struct SourceFile {
  std::string path;
  std::string bytes;
};

// Reads a whole file. Throws Error(kNotFound) when it does not exist, Error(kInput) when it is
// a directory or larger than kMaxFileBytes.
constexpr size_t kMaxFileBytes = size_t{2} << 30;
SourceFile ReadSourceFile(const std::string& path);

// What a file holds: by extension (.json, .txt/.md/.html), else by its first line (a CSV
// header with source,target,relation or id,name,kind). Throws Error(kInput) when it cannot tell.
FileKind DetectKind(const SourceFile& file);

struct EntityRecord {
  Entity entity;        // NFC throughout
  SourcePos pos;        // where the record starts
  std::string pointer;  // JSON records: "/entities/3", named in messages; empty for CSV
};

struct RelationRecord {
  Relation relation;     // source/target hold the references as written (id, name or alias)
  SourcePos pos;         // where the record starts
  SourcePos source_pos;  // where the source reference is
  SourcePos target_pos;
  std::string pointer;    // JSON records: "/relations/3", named in messages; empty for CSV
  bool weight_given = false;  // false: weight is the default and must not replace a stored one
};

// The parsed content of one or more files; nothing in it has touched a graph yet.
struct ImportBatch {
  std::vector<Document> documents;  // documents described in full (JSON "documents")
  std::vector<EntityRecord> entities;
  std::vector<RelationRecord> relations;
};

// Parse one file of the given kind (kAuto detects it). All text is checked to be UTF-8 and
// made NFC. Throws Error(kInput) with "path:line:column: expected ..., found ..." on the
// first problem.
ImportBatch ParseFile(const SourceFile& file, FileKind kind, const Schema& schema);
ImportBatch ParseEntitiesCsv(const SourceFile& file, const Schema& schema);

// A question's two names, as read from a file of pairs (path --pairs).
struct NamePair {
  std::string from, to;
  SourcePos from_pos, to_pos;
};
// Reads a CSV file whose header has the columns from,to (or source,target, so a relations file
// serves too); other columns are ignored. Throws Error(kInput) with the location for a missing
// column, a record of the wrong length or an empty name.
std::vector<NamePair> ReadNamePairs(const SourceFile& file);
ImportBatch ParseRelationsCsv(const SourceFile& file, const Schema& schema);
// The same one record at a time, with the same checks and messages (ParseRelationsCsv is built
// on it): for a bulk import that keeps no record. The file must outlive the reader.
class RelationsCsvReader {
 public:
  // Throws as ParseRelationsCsv for a bad encoding or header.
  RelationsCsvReader(const SourceFile& file, const Schema& schema);
  ~RelationsCsvReader();
  RelationsCsvReader(const RelationsCsvReader&) = delete;
  RelationsCsvReader& operator=(const RelationsCsvReader&) = delete;
  // Reads the next record into *record (its relation has exactly one evidence record); false at
  // the end of the file. Throws Error(kInput) at the problem's position.
  bool Next(RelationRecord* record);
  std::string_view text() const;  // the file's text, without a byte order mark

 private:
  struct State;
  std::unique_ptr<State> state_;
};
ImportBatch ParseJson(const SourceFile& file, const Schema& schema);

// A document for a reference such as a URL or a title, as CSV source_doc and JSON evidence
// give them: the reference is the id; a URL also fills `url`, "file:NAME" (an imported file)
// gives title NAME, anything else is the title. Merge registers one for every evidence
// document that is not described in full.
Document DocumentFromReference(std::string_view reference);

struct ImportSummary {
  size_t entities_added = 0;
  size_t entities_updated = 0;
  size_t relations_added = 0;
  size_t relations_updated = 0;
  size_t evidence_added = 0;
  size_t documents_added = 0;
};

// Folds the batches into the graph, in order: entities first (a known id is updated: fields
// replaced, aliases merged), then relations, whose source and target are resolved by id, name
// or alias among the graph's entities and the batches'. The same fact again adds only its new
// evidence. Records every change in *changes for the store. Throws Error(kInput) with the
// record's location on a duplicate id within the batches, an unknown or ambiguous reference;
// the graph is then left partly changed, so callers merge into a copy (the store does).
//
// With create_missing_kind set, a reference that names no entity creates one (id and name the
// reference, that kind) instead of failing: for edge lists without an entities file.
struct MergeOptions {
  std::string create_missing_kind;
};
ImportSummary Merge(Graph* graph, const std::vector<ImportBatch>& batches, ChangeSet* changes,
                    const MergeOptions& options = {});

// Merge's rule for a relation's date when the same fact is stated again: its earliest stated
// date, the more precise of two of the same period ("2019-07" over "2019").
std::string EarlierDate(const std::string& known, const std::string& stated);

// A bulk import: relations CSV files into a store that holds no entities, relations, evidence
// or documents, every reference creating its entity (--create-missing). The lines are folded
// straight into flat arrays as they are read (no ImportBatch, Graph or ChangeSet of a million
// lines), with Merge's rules for that case: a reference is an id the lines created before or a
// new entity, the same fact again updates it (weight when given, earliest date, properties) and
// adds only new evidence. Store::ApplyBulk writes the result.
class BulkRelationsImport {
 public:
  BulkRelationsImport(const Schema& schema, std::string entity_kind);
  ~BulkRelationsImport();
  BulkRelationsImport(const BulkRelationsImport&) = delete;
  BulkRelationsImport& operator=(const BulkRelationsImport&) = delete;
  // Folds a relations CSV in. Throws Error(kInput) as ParseRelationsCsv does. Returns false for
  // a file with a line the arrays do not take as Merge would (a reference holding a line break
  // or tab): the import must then go through ParseFile and Merge instead.
  bool Add(const SourceFile& file);
  const ImportSummary& summary() const;
  BulkRelations& result();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// What a merge of these batches reads of the graph it merges into: the entities named by the
// ids of entity records and by the references of relation records (as written: ids, names or
// aliases), and the documents with these ids. Merging into a part of a stored graph that holds
// every entity each reference names (as EntityLookup::Find names them), the relations among
// those entities and these documents gives the same changes as merging into the whole graph;
// only the near matches an error message suggests may differ.
struct MergeLookups {
  std::vector<std::string> entity_references;  // distinct, ascending
  std::vector<std::string> document_ids;       // distinct, ascending
};
MergeLookups LookupsOf(const std::vector<ImportBatch>& batches);

// News articles (.txt, .md, .html) in Korean, Chinese or English: the body is cleaned of
// web-scrape boilerplate, split into sentences (ICU, corrected for news text), names are
// matched against the store's entities and the lexicon compiled in from data/lexicon.csv
// (NFC, word boundaries, Korean particles after names) or discovered (parenthetical glosses,
// organisation suffixes, person titles), and trigger rules from data/triggers.json give typed
// relations. Every relation carries one Evidence: the document, the sentence, its code point
// offsets in the NFC text of the file ("chars 120-164"), the rule ("article:ko_invest") and a
// confidence in [0, 1].
struct ArticleOptions {
  std::string title;  // default: the headline found in the article, else the file name
  std::string url;    // when given, also the document id
  std::string date;   // YYYY, YYYY-MM or YYYY-MM-DD; default: the article's dateline, if any
  std::string lang;   // ko, zh or en; default: detected from the scripts of the body
  double min_confidence = 0.5;  // relations below it are dropped
};

// Parses articles against a graph (normally the store's current one). The document id is the
// URL when given, else "article:" + a hash of the NFC text; an article whose document the
// graph already has, or that this importer has already parsed, adds nothing (skipped()). The
// graph must outlive the importer and not change while it is used. Not thread-safe.
class ArticleImporter {
 public:
  explicit ArticleImporter(const Graph& graph);
  ~ArticleImporter();
  ArticleImporter(const ArticleImporter&) = delete;
  ArticleImporter& operator=(const ArticleImporter&) = delete;

  // The document and its relations (source/target are entity ids). Throws Error(kInput) with
  // the location for text that is not UTF-8, Error(kUsage) for a bad --lang or --date.
  ImportBatch Parse(const SourceFile& file, const ArticleOptions& options);
  // The entities the relations parsed so far use and the graph lacks (from the lexicon or
  // discovered), and graph entities that articles taught new aliases; call once, after the
  // last Parse, and import this batch with the others.
  ImportBatch TakeEntities();
  // Paths of articles skipped because their document was already imported.
  const std::vector<std::string>& skipped() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One article against an empty graph: its relations and the entities they use.
ImportBatch ParseArticle(const SourceFile& file, const Schema& schema, const ArticleOptions& options = {});

// Parses a schema (vocabulary) file: {"entity_kinds":[{"name","description"}],
// "relation_types":[{"name","symmetric","verb","description"}]}.
Schema ParseSchema(const SourceFile& file);
// The schema compiled in from data/schema.json.
const Schema& DefaultSchema();

}  // namespace relgraph::importers
