#include "cli/context.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "common/error.h"
#include "common/text.h"
#include "importers/importers.h"
#include "query/query.h"
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

namespace {

// Ids as one arena (GraphReader's form), taken from a list of strings, which is emptied.
void IntoArena(std::vector<std::string>& ids, RawVector<uint32_t>& offsets, RawVector<char>& bytes) {
  offsets.resize(ids.size() + 1);
  offsets[0] = 0;
  bytes.clear();
  for (size_t i = 0; i < ids.size(); ++i) {
    bytes.insert(bytes.end(), ids[i].begin(), ids[i].end());
    offsets[i + 1] = static_cast<uint32_t>(bytes.size());
  }
  std::vector<std::string>().swap(ids);
}

}  // namespace

GraphReader::GraphReader(const GlobalOptions& globals) : globals_(globals) {
  std::string path = globals.DbPath();
  struct stat info {};
  if (globals.as_of.empty() && stat(path.c_str(), &info) == 0) {
    store_ = store::Store::Open(path, store::Store::Mode::kReadOnly, importers::DefaultSchema());
    // The image and the rows loaded later must be of the same moment: a writer that commits
    // in between would make them disagree.
    store_->BeginRead();
    grouped_ = store_->LoadGroupedTopology({globals.snapshot, ""});
    if (!grouped_.id_offsets.empty()) {
      id_offsets_ = std::move(grouped_.id_offsets);
      id_bytes_ = std::move(grouped_.id_bytes);
    } else {
      IntoArena(grouped_.entity_ids, id_offsets_, id_bytes_);  // an image of the former format, or none
    }
  } else {
    whole_ = std::make_unique<Graph>(LoadGraphForReading(globals));
    topology_ = TopologyOf(*whole_);
    IntoArena(topology_.entity_ids, id_offsets_, id_bytes_);
  }
}

const query::Csr& GraphReader::view() const {
  if (view_) return *view_;
  if (store_) {
    grouped_.out_offsets.resize(size_t{node_count()} + 1);  // a graph without entities has none
    view_ = std::make_unique<query::Csr>(query::Csr::FromGrouped(std::move(grouped_)));
  } else {
    topology_.entity_ids.resize(node_count());  // only counted by the Csr
    view_ = std::make_unique<query::Csr>(schema(), topology_);
    topology_ = Topology{};
  }
  const auto& types = schema().relation_types();
  std::vector<std::string> names;
  uint64_t symmetric = 0;
  for (size_t code = 0; code < types.size() && code < 64; ++code) {
    names.push_back(types[code].name);
    if (types[code].symmetric) symmetric |= uint64_t{1} << code;
  }
  view_->SetTypes(std::move(names), symmetric);
  return *view_;
}

std::optional<uint32_t> GraphReader::FindNode(std::string_view id) const {
  uint32_t low = 0, high = node_count();  // the first node whose id is not below `id`
  while (low < high) {
    uint32_t middle = low + (high - low) / 2;
    if (Id(middle) < id) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low == node_count() || Id(low) != id) return std::nullopt;
  return low;
}

GraphReader::~GraphReader() = default;

const Schema& GraphReader::schema() const { return store_ ? store_->schema() : whole_->schema(); }

uint32_t GraphReader::Resolve(const std::string& name) const {
  if (whole_) return EntityLookup(*whole_).Resolve(name);
  std::vector<std::string> ids = store_->FindEntityIds(name, {globals_.snapshot, ""});
  if (ids.size() == 1) {
    if (auto node = FindNode(ids[0])) return *node;
  }
  // None, several, or an index that disagrees with the image: EntityLookup over the entities
  // says which (and suggests near names), exactly as on a graph loaded whole.
  Graph entities = Entities();
  EntityIndex index = EntityLookup(entities).Resolve(name);
  if (auto node = FindNode(entities.entities()[index].id)) return *node;
  throw Error(ErrorKind::kStorage, globals_.DbPath() + ": the graph image does not list entity " +
                                       QuoteForMessage(entities.entities()[index].id) + "; run relgraph check");
}

Graph GraphReader::Details(const std::vector<uint32_t>& nodes, bool entities_only) const {
  if (whole_) {
    std::vector<bool> keep(whole_->entities().size(), false);
    for (uint32_t node : nodes) keep[node] = true;
    return query::InducedSubgraph(*whole_, keep, ~uint64_t{0});
  }
  std::vector<std::string> ids;
  ids.reserve(nodes.size());
  for (uint32_t node : nodes) ids.emplace_back(Id(node));
  store::ReadOptions options{globals_.snapshot, "", entities_only};
  return store_->LoadSubgraph(ids, options);
}

EntityIndex GraphReader::Local(const Graph& details, uint32_t node) const {
  if (auto index = details.FindEntity(Id(node))) return *index;
  throw Error(ErrorKind::kStorage, globals_.DbPath() + ": the graph image lists entity " + QuoteForMessage(Id(node)) +
                                       ", which the rows do not have; relgraph check --repair rebuilds the image");
}

Graph GraphReader::Entities() const {
  if (whole_) {
    Graph entities(whole_->schema());
    for (const Entity& entity : whole_->entities()) entities.AddEntity(entity);
    return entities;
  }
  return store_->Load({globals_.snapshot, "", true});
}

GraphReader::Counts GraphReader::Count() const {
  Counts counts;
  if (whole_) {
    counts.evidence = whole_->EvidenceCount();
    counts.documents = whole_->documents().size();
    for (const Entity& entity : whole_->entities()) ++counts.entities_by_kind[entity.kind];
    return counts;
  }
  store::Store::Totals totals = store_->Count({globals_.snapshot, ""});
  counts.evidence = static_cast<size_t>(totals.evidence);
  counts.documents = static_cast<size_t>(totals.documents);
  for (const auto& [kind, count] : totals.entities_by_kind) counts.entities_by_kind[kind] = static_cast<size_t>(count);
  return counts;
}

query::Direction ParseDirection(const std::string& text) {
  if (text == "out") return query::Direction::kOut;
  if (text == "in") return query::Direction::kIn;
  if (text == "both") return query::Direction::kBoth;
  throw Error(ErrorKind::kUsage, "--direction expects out, in or both, found " + QuoteForMessage(text));
}

uint64_t ParseRelationMask(const std::vector<std::string>& values, const Schema& schema) {
  uint64_t mask = 0;
  for (const std::string& value : values) {
    // Accept both "--relation a,b" and repeated "--relation a --relation b".
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      std::string type(TrimSpace(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (!type.empty()) {
        if (!schema.RelationPosition(type)) {
          throw Error(ErrorKind::kInput, "--relation: unknown relation type " + QuoteForMessage(type) +
                                             "; known types: " + schema.RelationNames());
        }
        mask |= uint64_t{1} << *schema.RelationPosition(type);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return mask == 0 ? ~uint64_t{0} : mask;
}

std::string RelationSentence(const Graph& graph, const Relation& relation) {
  const RelationType* type = graph.schema().FindRelation(relation.type);
  auto name = [&](const std::string& id) {
    auto index = graph.FindEntity(id);
    return index ? graph.entities()[*index].name : id;
  };
  return name(relation.source) + " " + (type ? type->verb : relation.type) + " " + name(relation.target);
}

Graph LoadForMerge(const store::Store& store, const importers::MergeLookups& lookups) {
  std::vector<std::string> ids;
  for (const std::string& reference : lookups.entity_references) {
    for (std::string& id : store.FindEntityIds(reference)) ids.push_back(std::move(id));
  }
  Graph part = store.LoadSubgraph(ids);
  for (Document& document : store.FindDocuments(lookups.document_ids)) {
    if (part.FindDocument(document.id) == nullptr) part.PutDocument(std::move(document));
  }
  return part;
}

}  // namespace relgraph::cli
