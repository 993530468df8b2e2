// Read commands: info, entity, search, neighbors.
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <iostream>
#include <map>

#include "cli/answers.h"
#include "cli/output.h"
#include "common/error.h"
#include "common/text.h"
#include "export/export.h"
#include "importers/importers.h"
#include "query/query.h"
#include "store/store.h"

namespace relgraph::cli {
namespace {

const Entity& EntityById(const Graph& graph, const std::string& id) { return graph.entities()[*graph.FindEntity(id)]; }

Json EntityRef(const Entity& entity) {
  Json ref;
  ref["id"] = entity.id;
  ref["name"] = entity.name;
  return ref;
}

}  // namespace

// ---- info ----

int RunInfo(const GlobalOptions& globals, std::ostream& os) {
  std::map<std::string, size_t> by_kind, by_relation;
  size_t entities = 0, relations = 0, evidence = 0, documents = 0;
  auto zeros = [&](const Schema& schema) {
    for (const EntityKind& kind : schema.kinds()) by_kind[kind.name] = 0;
    for (const RelationType& type : schema.relation_types()) by_relation[type.name] = 0;
  };
  std::string path = globals.DbPath();
  struct stat file {};
  if (globals.as_of.empty() && stat(path.c_str(), &file) == 0) {
    // The counts the store keeps per version: one row, whatever the size of the graph.
    auto store = store::Store::Open(path, store::Store::Mode::kReadOnly, importers::DefaultSchema());
    store::Store::Counts counts = store->CountAll({globals.snapshot, ""});
    zeros(store->schema());
    for (const auto& [kind, count] : counts.entities_by_kind) by_kind[kind] += count;
    for (const auto& [type, count] : counts.relations_by_type) by_relation[type] += count;
    entities = counts.entities, relations = counts.relations, evidence = counts.evidence, documents = counts.documents;
  } else {
    GraphReader reader(globals);
    const query::Csr& view = reader.view();
    const Schema& schema = reader.schema();
    GraphReader::Counts counts = reader.Count();
    zeros(schema);
    for (const auto& [kind, count] : counts.entities_by_kind) by_kind[kind] += count;
    for (uint32_t arc = 0; arc < view.edge_count(); ++arc) ++by_relation[schema.relation_types()[view.out_type()[arc]].name];
    evidence = counts.evidence, documents = counts.documents, entities = reader.node_count();
    relations = view.edge_count();
  }
  if (globals.OutputFormat() == Format::kJson) {
    Json out;
    out["store"] = globals.DbPath();
    out["entities"] = entities;
    out["relations"] = relations;
    out["documents"] = documents;
    out["evidence"] = evidence;
    out["by_kind"] = by_kind;
    out["by_relation"] = by_relation;
    PrintJson(os, out);
    return 0;
  }
  Table table({"what", "count"});
  table.AddRow({"entities", std::to_string(entities)});
  table.AddRow({"relations", std::to_string(relations)});
  table.AddRow({"evidence", std::to_string(evidence)});
  table.AddRow({"documents", std::to_string(documents)});
  for (const auto& [kind, count] : by_kind) table.AddRow({"kind " + kind, std::to_string(count)});
  for (const auto& [type, count] : by_relation) table.AddRow({"relation " + type, std::to_string(count)});
  if (globals.OutputFormat() == Format::kTable) os << "Store " << globals.DbPath() << "\n\n";
  table.Print(os, globals.OutputFormat());
  return 0;
}

// ---- entity ----

int RunEntity(const GlobalOptions& globals, const EntityOptions& options, std::ostream& os) {
  GraphReader reader(globals);
  uint32_t node = reader.Resolve(options.name);
  // The entity, its neighbours and the relations among them: every relation it has.
  std::vector<uint32_t> shown = {node};
  query::ViewFilter any{~uint64_t{0}, query::Direction::kBoth};
  reader.view().ForEachSuccessor(node, any, [&](uint32_t neighbour, double, RelationIndex) { shown.push_back(neighbour); });
  Graph graph = reader.Details(shown);
  EntityIndex index = reader.Local(graph, node);
  const Entity& entity = graph.entities()[index];
  std::vector<RelationIndex> relations(graph.OutRelations(index).begin(), graph.OutRelations(index).end());
  for (RelationIndex in : graph.InRelations(index)) {
    if (graph.relations()[in].source != entity.id) relations.push_back(in);  // self-loops once
  }

  if (globals.OutputFormat() == Format::kJson) {
    Json out;
    out["id"] = entity.id;
    out["name"] = entity.name;
    out["kind"] = entity.kind;
    out["aliases"] = entity.aliases;
    out["country"] = entity.country;
    out["description"] = entity.description;
    Json properties = Json::object();
    for (const auto& [key, value] : entity.properties) properties[key] = Json::parse(value, nullptr, false);
    out["properties"] = properties;
    Json items = Json::array();
    for (RelationIndex r : relations) {
      const Relation& relation = graph.relations()[r];
      Json item;
      item["source"] = relation.source;
      item["source_name"] = EntityById(graph, relation.source).name;
      item["target"] = relation.target;
      item["target_name"] = EntityById(graph, relation.target).name;
      item["relation"] = relation.type;
      item["direction"] = relation.source == entity.id ? "out" : "in";
      item["weight"] = relation.weight;
      item["date"] = relation.date;
      Json evidence = Json::array();
      for (const Evidence& record : relation.evidence) evidence.push_back(EvidenceJson(graph, record));
      item["evidence"] = evidence;
      items.push_back(item);
    }
    out["relations"] = items;
    PrintJson(os, out);
    return 0;
  }
  if (globals.OutputFormat() == Format::kCsv) {
    Table table({"source", "relation", "target", "weight", "date", "document", "sentence"});
    for (RelationIndex r : relations) {
      const Relation& relation = graph.relations()[r];
      for (const Evidence& record : relation.evidence) {
        table.AddRow({relation.source, relation.type, relation.target, exporter::FormatNumber(relation.weight),
                      relation.date, record.document, record.sentence});
      }
    }
    table.Print(os, Format::kCsv);
    return 0;
  }
  os << ForTerminal(entity.name) << "  (id " << ForTerminal(entity.id) << ", " << entity.kind
     << (entity.country.empty() ? "" : ", " + ForTerminal(entity.country)) << ")\n";
  if (!entity.aliases.empty()) {
    std::string aliases;
    for (const std::string& alias : entity.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    os << "  also known as: " << ForTerminal(aliases) << "\n";
  }
  if (!entity.description.empty()) os << "  " << ForTerminal(entity.description) << "\n";
  for (const auto& [key, value] : entity.properties) os << "  " << ForTerminal(key) << ": " << ForTerminal(value) << "\n";
  os << "\n" << relations.size() << (relations.size() == 1 ? " relation" : " relations") << "\n";
  for (RelationIndex r : relations) {
    const Relation& relation = graph.relations()[r];
    os << "  " << ForTerminal(RelationSentence(graph, relation));
    if (!relation.date.empty()) os << "  (" << relation.date << ")";
    if (relation.weight != 1.0) os << "  weight " << exporter::FormatNumber(relation.weight);
    os << "\n";
    for (const Evidence& record : relation.evidence) {
      const Document* document = graph.FindDocument(record.document);
      std::string source = document && !document->url.empty() ? document->url : (document ? document->title : record.document);
      if (!record.sentence.empty()) os << "      \"" << ForTerminal(record.sentence) << "\"\n";
      os << "      — " << ForTerminal(source) << (record.date.empty() ? "" : ", " + record.date) << "\n";
    }
  }
  return 0;
}

// ---- search ----

int RunSearch(const GlobalOptions& globals, const SearchOptions& options, std::ostream& os) {
  GraphReader reader(globals);
  Graph graph = reader.Entities();
  EntityLookup lookup(graph);
  std::vector<EntityIndex> found = lookup.Search(options.text);
  size_t total = found.size();
  if (options.limit > 0 && found.size() > options.limit) found.resize(options.limit);
  if (globals.OutputFormat() == Format::kJson) {
    Json results = Json::array();
    for (EntityIndex index : found) {
      const Entity& entity = graph.entities()[index];
      Json item = EntityRef(entity);
      item["kind"] = entity.kind;
      item["aliases"] = entity.aliases;
      results.push_back(item);
    }
    Json out;
    out["query"] = options.text;
    out["total"] = total;
    out["results"] = results;
    PrintJson(os, out);
    return 0;
  }
  if (found.empty() && globals.OutputFormat() == Format::kTable) {
    os << "No entity's id, name or alias contains " << QuoteForMessage(options.text) << ".\n";
    return 0;
  }
  Table table({"id", "name", "kind", "aliases"});
  for (EntityIndex index : found) {
    const Entity& entity = graph.entities()[index];
    std::string aliases;
    for (const std::string& alias : entity.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
    if (globals.OutputFormat() == Format::kTable && CountCodePoints(aliases) > 60) {
      aliases = QuoteForMessage(aliases, 57);
      aliases = aliases.substr(1, aliases.size() - 2);
    }
    table.AddRow({entity.id, entity.name, entity.kind, aliases});
  }
  table.Print(os, globals.OutputFormat());
  if (total > found.size() && globals.OutputFormat() == Format::kTable) {
    os << "(" << total - found.size() << " more; use --limit 0 to list all)\n";
  }
  return 0;
}

// ---- neighbors ----

int RunNeighbors(const GlobalOptions& globals, const NeighborsOptions& options, std::ostream& os) {
  if (options.depth < 1) throw Error(ErrorKind::kUsage, "--depth expects a whole number >= 1");
  query::Direction direction = ParseDirection(options.direction);
  GraphReader reader(globals);
  query::ViewFilter filter{ParseRelationMask(options.relations, reader.schema()), direction};
  uint32_t center_node = reader.Resolve(options.name);
  // Found on the whole graph, then walked again on the part it reached (the same breadth-first
  // search over the same ordered entities gives the same distances and parents) to name the
  // relations it went through.
  std::vector<uint32_t> shown = {center_node};
  std::vector<query::Reached> found = query::Neighborhood(reader.view(), center_node, options.depth, filter);
  // Nearest first: the first `limit` neighbours keep every parent they were reached through,
  // so the walk below finds them at the same distances.
  size_t total = found.size();
  if (options.limit > 0 && found.size() > options.limit) found.resize(options.limit);
  for (const query::Reached& item : found) shown.push_back(item.entity);
  Graph graph = reader.Details(shown);
  query::Csr view(graph);
  EntityIndex center = reader.Local(graph, center_node);
  std::vector<query::Reached> reached = query::Neighborhood(view, center, options.depth, filter);
  const Entity& entity = graph.entities()[center];

  if (globals.OutputFormat() == Format::kJson) {
    Json neighbors = Json::array();
    for (const query::Reached& item : reached) {
      const Entity& neighbor = graph.entities()[item.entity];
      const Relation& via = graph.relations()[item.via];
      Json out = EntityRef(neighbor);
      out["kind"] = neighbor.kind;
      out["distance"] = item.distance;
      out["via"] = {{"source", via.source}, {"target", via.target}, {"relation", via.type}};
      neighbors.push_back(out);
    }
    Json out;
    out["entity"] = EntityRef(entity);
    out["depth"] = options.depth;
    out["direction"] = options.direction;
    out["neighbors"] = neighbors;
    if (total > reached.size()) out["truncated"] = {{"total", total}, {"shown", reached.size()}};
    PrintJson(os, out);
    return 0;
  }
  if (reached.empty() && globals.OutputFormat() == Format::kTable) {
    os << ForTerminal(entity.name) << " has no neighbours within " << options.depth
       << (options.depth == 1 ? " hop" : " hops") << " (direction " << options.direction << ").\n";
    return 0;
  }
  Table table({"distance", "id", "name", "kind", "reached through"});
  for (const query::Reached& item : reached) {
    const Entity& neighbor = graph.entities()[item.entity];
    table.AddRow({std::to_string(item.distance), neighbor.id, neighbor.name, neighbor.kind,
                  RelationSentence(graph, graph.relations()[item.via])});
  }
  if (globals.OutputFormat() == Format::kTable) {
    os << reached.size() << " neighbours of " << ForTerminal(entity.name) << " within " << options.depth
       << (options.depth == 1 ? " hop" : " hops") << "\n\n";
  }
  table.Print(os, globals.OutputFormat());
  if (total > reached.size() && globals.OutputFormat() == Format::kTable) {
    os << "(" << total - reached.size() << " more within " << options.depth << (options.depth == 1 ? " hop" : " hops")
       << "; --limit 0 lists all)\n";
  }
  return 0;
}

void AddReadCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  CLI::App* info = app.add_subcommand("info", "Count entities, relations, evidence and documents in the store");
  info->footer("Example:\n  relgraph info --format json");
  commands->push_back({info, [&globals] { return RunInfo(globals, std::cout); }});

  auto entity_options = std::make_shared<EntityOptions>();
  CLI::App* entity = app.add_subcommand("entity", "Show one entity: aliases and every relation with its evidence");
  entity->add_option("name", entity_options->name, "Id, name or alias (any script, any case)")->required();
  entity->footer("Examples:\n  relgraph entity OpenAI\n  relgraph entity 네이버 --format json");
  commands->push_back({entity, [&globals, entity_options] { return RunEntity(globals, *entity_options, std::cout); }});

  auto search_options = std::make_shared<SearchOptions>();
  CLI::App* search = app.add_subcommand("search", "Find entities whose id, name or alias contains TEXT");
  search->add_option("text", search_options->text, "Text to look for (case and normalisation form do not matter)")->required();
  search->add_option("--limit", search_options->limit, "Most results to list; 0 lists all")->capture_default_str();
  search->footer("Examples:\n  relgraph search univ\n  relgraph search 대학");
  commands->push_back({search, [&globals, search_options] { return RunSearch(globals, *search_options, std::cout); }});

  auto neighbors_options = std::make_shared<NeighborsOptions>();
  CLI::App* neighbors = app.add_subcommand("neighbors", "List entities within N hops of an entity");
  neighbors->alias("neighbours");
  neighbors->add_option("name", neighbors_options->name, "Id, name or alias of the centre")->required();
  neighbors->add_option("--depth", neighbors_options->depth, "Hops to go out")->capture_default_str();
  neighbors->add_option("--direction", neighbors_options->direction, "Walk relations out, in or both ways")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  neighbors->add_option("--limit", neighbors_options->limit, "Most neighbours to list, nearest first (0: all)")
      ->capture_default_str();
  neighbors->add_option("--relation", neighbors_options->relations, "Only these relation types (comma-separated)")
      ->delimiter(',');
  neighbors->footer(
      "Examples:\n  relgraph neighbors Naver\n  relgraph neighbors BAAI --depth 2 --relation backs,invests_in\n"
      "  relgraph neighbors Microsoft --direction out --format json");
  commands->push_back({neighbors, [&globals, neighbors_options] { return RunNeighbors(globals, *neighbors_options, std::cout); }});
}

}  // namespace relgraph::cli
