// Data files compiled into the program, so it works from any working directory.
#pragma once

#include <string_view>

namespace relgraph::data {

std::string_view SchemaJson();  // data/schema.json
std::string_view LexiconCsv();   // data/lexicon.csv: the article importer's known entities
std::string_view TriggersJson();  // data/triggers.json: the article importer's relation rules

}  // namespace relgraph::data
