// What a bulk import of relations CSV files adds to a store that holds no entities, relations,
// evidence or documents yet, in flat arrays: the importer folds a million lines into it
// without a Graph or a ChangeSet of them (importers/bulk_import.cpp), and the store writes it
// (store/bulk_write.cpp). Applying it gives the store what Merge + Store::Apply would have
// given it for the same files.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace relgraph {

struct BulkRelations {
  // Entity ids by number. Every one is a new entity with its id as its name, of kind
  // entity_kind, in the order the lines first named them.
  std::vector<std::string> ids;
  std::string entity_kind;
  // Documents to register (new ones, in the order first cited).
  std::vector<Document> documents;
  // Short texts by number (dates, document ids); number 0 is "".
  std::vector<std::string> texts{std::string()};

  // One entry per relation (distinct key), in the order first seen; source and target as in
  // the relation's key (a symmetric type's in id order).
  std::vector<uint32_t> source, target;  // entity numbers
  std::vector<uint8_t> type;             // position in the schema's relation types
  std::vector<double> weight;
  std::vector<uint32_t> date;            // text number
  std::unordered_map<uint32_t, Properties> properties;  // relations with any
  // The relation's first evidence when it says only "line L of file NAME" (document
  // "file:NAME" = texts[line_document], locator "NAME:L", no sentence, extractor csv,
  // confidence 1, date texts[line_date]); kNoLine when its first evidence is another kind
  // (then it is the first of `evidence` for the relation).
  static constexpr uint32_t kNoLine = UINT32_MAX;
  std::vector<uint32_t> line_document;
  std::vector<int64_t> line;
  std::vector<uint32_t> line_date;
  // Every other evidence record, by relation number, in the order of the lines.
  std::vector<std::pair<uint32_t, Evidence>> evidence;

  size_t relation_count() const { return source.size(); }
};

}  // namespace relgraph
