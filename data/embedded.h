// Data files compiled into the program, so it works from any working directory.
#pragma once

#include <string_view>

namespace relgraph::data {

std::string_view SchemaJson();  // data/schema.json

}  // namespace relgraph::data
