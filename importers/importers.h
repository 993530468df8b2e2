// Importers turn files into an ImportBatch (parsed and validated, nothing applied), and Merge
// folds batches into a graph as one all-or-nothing change. Formats: entities CSV, relations
// CSV and JSON, as in the command-line contract; the vocabulary comes from data/schema.json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
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
ImportBatch ParseRelationsCsv(const SourceFile& file, const Schema& schema);
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

// Parses a schema (vocabulary) file: {"entity_kinds":[{"name","description"}],
// "relation_types":[{"name","symmetric","verb","description"}]}.
Schema ParseSchema(const SourceFile& file);
// The schema compiled in from data/schema.json.
const Schema& DefaultSchema();

}  // namespace relgraph::importers
