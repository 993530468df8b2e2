#include "cli/context.h"

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

#include "common/error.h"
#include "common/text.h"
#include "importers/importers.h"
#include "store/store.h"

namespace relgraph::cli {

std::string GlobalOptions::DbPath() const {
  if (!db.empty()) return db;
  const char* env = std::getenv("RELGRAPH_DB");
  if (env != nullptr && *env != '\0') return env;
  return "relgraph.db";
}

Format GlobalOptions::OutputFormat() const {
  if (format == "json") return Format::kJson;
  if (format == "csv") return Format::kCsv;
  return Format::kTable;
}

Graph LoadGraphForReading(const GlobalOptions& globals) {
  std::string path = globals.DbPath();
  if (!globals.as_of.empty()) {
    if (auto problem = CheckDate(globals.as_of)) {
      throw Error(ErrorKind::kUsage, "--as-of: " + *problem + ", found " + QuoteForMessage(globals.as_of));
    }
  }
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    if (!globals.snapshot.empty()) {
      throw Error(ErrorKind::kNotFound, "no snapshot named " + QuoteForMessage(globals.snapshot) + ": there is no store at " + path);
    }
    std::cerr << "relgraph: note: no store at " << path << " yet; answering from an empty graph\n";
    return Graph(importers::DefaultSchema());
  }
  auto store = store::Store::Open(path, store::Store::Mode::kReadOnly, importers::DefaultSchema());
  return store->Load({globals.snapshot, globals.as_of});
}

query::Direction ParseDirection(const std::string& text) {
  if (text == "out") return query::Direction::kOut;
  if (text == "in") return query::Direction::kIn;
  if (text == "both") return query::Direction::kBoth;
  throw Error(ErrorKind::kUsage, "--direction expects out, in or both, found " + QuoteForMessage(text));
}

uint64_t ParseRelationMask(const std::vector<std::string>& values, const query::GraphView& view) {
  const Schema& schema = view.graph().schema();
  std::vector<std::string> types;
  for (const std::string& value : values) {
    // Accept both "--relation a,b" and repeated "--relation a --relation b".
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      std::string type(TrimSpace(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (!type.empty()) {
        if (schema.FindRelation(type) == nullptr) {
          throw Error(ErrorKind::kInput, "--relation: unknown relation type " + QuoteForMessage(type) +
                                             "; known types: " + schema.RelationNames());
        }
        types.push_back(type);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return view.TypeMask(types);
}

EntityIndex ResolveEntity(const Graph& graph, const std::string& name) { return EntityLookup(graph).Resolve(name); }

std::string RelationSentence(const Graph& graph, const Relation& relation) {
  const RelationType* type = graph.schema().FindRelation(relation.type);
  auto name = [&](const std::string& id) {
    auto index = graph.FindEntity(id);
    return index ? graph.entities()[*index].name : id;
  };
  return name(relation.source) + " " + (type ? type->verb : relation.type) + " " + name(relation.target);
}

}  // namespace relgraph::cli
