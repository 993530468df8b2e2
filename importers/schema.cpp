// The vocabulary file (data/schema.json) and the copy compiled into the program.
#include <nlohmann/json.hpp>

#include "data/embedded.h"
#include "importers/importers.h"

namespace relgraph::importers {

Schema ParseSchema(const SourceFile& file) {
  using nlohmann::json;
  json root;
  try {
    root = json::parse(file.bytes);
  } catch (const json::exception& error) {
    throw Error(ErrorKind::kInput, file.path + ": expected a schema in JSON: " + error.what());
  }
  std::vector<EntityKind> kinds;
  std::vector<RelationType> types;
  try {
    for (const json& item : root.at("entity_kinds")) {
      kinds.push_back({item.at("name").get<std::string>(), item.value("description", "")});
    }
    for (const json& item : root.at("relation_types")) {
      RelationType type;
      type.name = item.at("name").get<std::string>();
      type.symmetric = item.value("symmetric", false);
      type.verb = item.value("verb", type.name);
      type.description = item.value("description", "");
      types.push_back(std::move(type));
    }
  } catch (const json::exception& error) {
    throw Error(ErrorKind::kInput, file.path + ": expected entity_kinds and relation_types with names: " + error.what());
  }
  if (kinds.empty() || types.empty()) {
    throw Error(ErrorKind::kInput, file.path + ": expected at least one entity kind and one relation type");
  }
  return Schema(std::move(kinds), std::move(types));
}

const Schema& DefaultSchema() {
  static const Schema schema = ParseSchema({"data/schema.json (built in)", std::string(data::SchemaJson())});
  return schema;
}

}  // namespace relgraph::importers
