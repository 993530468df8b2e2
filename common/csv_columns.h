// The columns of relgraph's entities and relations CSV files that hold fields of an entity or a
// relation; any other column holds a property. The importer reads and the exporter writes
// these files, so both take the names from here.
#pragma once

#include <set>
#include <string>

namespace relgraph {

inline const std::set<std::string> kEntityCsvColumns = {"id", "name", "kind", "aliases", "country", "description"};
inline const std::set<std::string> kRelationCsvColumns = {"source",   "target",        "relation", "weight",    "date",      "source_doc",
                                                          "evidence", "evidence_date", "locator",  "extractor", "confidence"};

}  // namespace relgraph
