// relgraph export FORMAT: the whole graph or a selection (a neighbourhood, the paths between two
// entities), as data (json, csv, graphml, neo4j) or as a diagram (dot, svg, png).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/context.h"
#include "cli/output.h"
#include "common/error.h"
#include "export/export.h"
#include "query/centrality.h"
#include "query/communities.h"
#include "query/structure.h"
#include "query/paths.h"
#include "query/query.h"

namespace relgraph::cli {
namespace {

// Above this many entities a drawing is a hairball; --max-nodes changes it.
constexpr int kDefaultMaxNodes = 250;
// Above this many entities the hierarchical dot layout gets slow and wide; sfdp copes.
constexpr size_t kLargestDotLayout = 300;
// The interactive page draws up to this many entities unless --max-nodes is given.
constexpr int kDefaultMaxHtmlNodes = 2000;

struct ExportOptions {
  std::string format;
  std::string output;
  std::string focus;
  int depth = 1;
  std::string direction = "both";
  std::vector<std::string> path;
  int k = 1;
  bool weighted = false;
  int max_hops = 0;
  std::vector<std::string> relations;
  // Diagrams only (dot, svg, png).
  std::string layout = "auto";
  std::string size_by;
  std::string cluster_by;
  bool mark_brokers = false;
  int max_nodes = kDefaultMaxNodes;
  bool max_nodes_given = false;
  bool no_legend = false;
  bool legend = false;
  std::string label;  // empty: "both" for pictures, "name" for DOT source
  std::string title;
  bool title_given = false;  // --title "" asks for no title
};

// The graph restricted to the kept entities and kept relations (both ends must be kept), with
// the documents their evidence cites; order is preserved.
Graph Subgraph(const Graph& graph, const std::vector<bool>& keep_entity, const std::vector<bool>& keep_relation) {
  Graph out(graph.schema());
  for (EntityIndex index = 0; index < graph.entities().size(); ++index) {
    if (keep_entity[index]) out.AddEntity(graph.entities()[index]);
  }
  for (RelationIndex index = 0; index < graph.relations().size(); ++index) {
    const Relation& relation = graph.relations()[index];
    if (!keep_relation[index] || !out.FindEntity(relation.source) || !out.FindEntity(relation.target)) continue;
    for (const Evidence& evidence : relation.evidence) {
      if (out.FindDocument(evidence.document) == nullptr) {
        if (const Document* document = graph.FindDocument(evidence.document)) out.PutDocument(*document);
      }
    }
    out.AddRelation(relation);
  }
  return out;
}

// What export writes, and what a diagram says about it.
struct Selection {
  std::optional<Graph> subset;  // empty: the whole graph as loaded
  std::string title;
  std::vector<std::string> highlight;  // ids of the focus or the path ends
};

std::string Plural(size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Exactly what `relgraph path FROM TO` prints: the entities of the k paths and, for each hop,
// every selected relation between its two entities (the one the step names and its parallels).
// Searched on the reader's structure; only the entities shown are loaded.
Selection SelectPaths(const GraphReader& reader, const ExportOptions& options, const query::ViewFilter& filter) {
  query::PathOptions path_options;
  path_options.filter = filter;
  path_options.weighted = options.weighted;
  path_options.k = options.k;
  path_options.max_hops = options.max_hops;
  uint32_t from_node = reader.Resolve(options.path[0]);
  uint32_t to_node = reader.Resolve(options.path[1]);
  std::vector<query::Path> paths = query::ShortestPaths(reader.view(), from_node, to_node, path_options);
  std::vector<uint32_t> shown = {from_node, to_node};
  for (const query::Path& path : paths) shown.insert(shown.end(), path.nodes.begin(), path.nodes.end());
  Graph graph = reader.Details(shown);
  query::Csr view(graph);
  std::vector<bool> keep_entity(graph.entities().size(), false);
  std::vector<bool> keep_relation(graph.relations().size(), false);
  for (const query::Path& path : paths) {
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      EntityIndex here = reader.Local(graph, path.nodes[i]);
      keep_entity[here] = true;
      if (i + 1 == path.nodes.size()) continue;
      for (const auto& [relation, forward] : view.RelationsBetween(here, reader.Local(graph, path.nodes[i + 1]), filter)) {
        keep_relation[relation] = true;
      }
    }
  }
  const Entity& from = graph.entities()[reader.Local(graph, from_node)];
  const Entity& to = graph.entities()[reader.Local(graph, to_node)];
  Selection selection;
  selection.subset = Subgraph(graph, keep_entity, keep_relation);
  selection.highlight = {from.id, to.id};
  if (paths.empty()) {
    selection.title = "No path from " + from.name + " to " + to.name;
    std::cerr << "relgraph: note: no path from " << ForTerminal(from.name) << " to " << ForTerminal(to.name)
              << " with these options; the export is empty (see 'relgraph path' for wider questions)\n";
  } else {
    selection.title =
        (paths.size() == 1 ? std::string("Shortest path") : Plural(paths.size(), "path", "shortest paths")) + " from " +
        from.name + " to " + to.name;
  }
  return selection;
}

Selection SelectNeighborhood(const GraphReader& reader, const ExportOptions& options, const query::ViewFilter& filter) {
  uint32_t center = reader.Resolve(options.focus);
  std::vector<uint32_t> shown = {center};
  for (const query::Reached& reached : query::Neighborhood(reader.view(), center, options.depth, filter)) {
    shown.push_back(reached.entity);
  }
  Graph graph = reader.Details(shown);
  Selection selection;
  selection.subset = query::InducedSubgraph(graph, std::vector<bool>(graph.entities().size(), true), filter.types);
  const Entity& entity = graph.entities()[reader.Local(graph, center)];
  selection.highlight = {entity.id};
  selection.title = entity.name + " and its neighbours within " + Plural(options.depth, "hop", "hops");
  if (options.direction == "out") selection.title += " (following arrows)";
  if (options.direction == "in") selection.title += " (against arrows)";
  return selection;
}

// Keeps the max_nodes entities with the most distinct neighbours (ties: earlier entities),
// the pinned ones always, and the relations among them.
Graph KeepMostConnected(const Graph& graph, size_t max_nodes, const std::vector<std::string>& pinned) {
  query::Csr view(graph);
  query::CentralityOptions centrality;
  centrality.filter = {~uint64_t{0}, query::Direction::kBoth};
  std::vector<double> degree = query::Centrality(view, query::Measure::kDegree, centrality);
  std::vector<EntityIndex> order(graph.entities().size());
  for (EntityIndex index = 0; index < order.size(); ++index) order[index] = index;
  std::stable_sort(order.begin(), order.end(), [&](EntityIndex a, EntityIndex b) { return degree[a] > degree[b]; });
  std::vector<bool> keep(graph.entities().size(), false);
  size_t kept = 0;
  for (const std::string& id : pinned) {
    auto index = graph.FindEntity(id);
    if (index && !keep[*index] && kept < max_nodes) keep[*index] = true, ++kept;
  }
  for (EntityIndex index : order) {
    if (kept >= max_nodes) break;
    if (!keep[index]) keep[index] = true, ++kept;
  }
  return query::InducedSubgraph(graph, keep, ~uint64_t{0});
}

// The whole graph's structure, for scores that describe a node's place in the whole network.
struct Whole {
  const query::Csr& view;
  std::function<std::optional<uint32_t>(const std::string& id)> node_of;
};

exporter::DotOptions DiagramOptions(const Whole& whole, uint64_t type_mask, const Graph& drawn, const Selection& selection,
                                    const ExportOptions& options) {
  exporter::DotOptions dot;
  dot.title = options.title_given ? options.title : selection.title;
  if (options.layout != "auto") dot.layout = options.layout;
  // Pictures get the legend and the second, native-script name line by default. DOT source
  // stays minimal unless asked: one node per entity with its name as the label, which is what
  // tools reading the DOT (and people counting its nodes) expect.
  bool picture = options.format == "svg" || options.format == "png";
  dot.legend = options.legend || (picture && !options.no_legend);
  dot.native_names = options.label.empty() ? picture : options.label == "both";
  dot.highlight = selection.highlight;
  if (options.cluster_by == "country") dot.cluster_by = exporter::ClusterBy::kCountry;
  if (options.cluster_by == "kind") dot.cluster_by = exporter::ClusterBy::kKind;
  if (options.cluster_by == "community" || options.mark_brokers) {
    // Communities and brokers of the whole graph (under --relation), as `communities` and
    // `brokers` answer them, so a drawing of a part shows each entity's place in the network.
    query::SimpleGraph connections = query::ConnectionGraph(whole.view, type_mask, /*directed=*/false);
    dot.broker.assign(drawn.entities().size(), false);
    dot.broker_cut_off.assign(drawn.entities().size(), 0);
    std::vector<uint32_t> cut_off(connections.node_count(), 0);
    std::vector<bool> is_broker(connections.node_count(), false);
    for (const query::Broker& broker : query::Brokers(connections)) is_broker[broker.node] = true, cut_off[broker.node] = broker.cut_off;
    for (EntityIndex index = 0; index < drawn.entities().size(); ++index) {
      uint32_t node = *whole.node_of(drawn.entities()[index].id);
      dot.broker[index] = is_broker[node];
      dot.broker_cut_off[index] = cut_off[node];
    }
    if (options.cluster_by == "community") {
      dot.cluster_by = exporter::ClusterBy::kCommunity;
      query::CommunityResult communities = query::DetectCommunities(connections, {});
      for (const auto& members : communities.communities) {
        dot.community_labels.push_back("community " + std::to_string(dot.community_labels.size() + 1) + " (" +
                                       std::to_string(members.size()) + (members.size() == 1 ? " entity)" : " entities)"));
      }
      for (const Entity& entity : drawn.entities()) {
        uint32_t node = *whole.node_of(entity.id);
        // An entity alone in its community gets no box.
        uint32_t community = communities.membership[node];
        dot.community.push_back(communities.communities[community].size() > 1 ? static_cast<int>(community) : -1);
      }
    }
  }
  if (!options.size_by.empty()) {
    // Scores come from the whole graph (under --relation), so a node's size says how central
    // it is in the network, not just in the part drawn.
    query::Measure measure = query::ParseMeasure(options.size_by);
    query::CentralityOptions centrality;
    centrality.filter = {type_mask, query::Direction::kOut};
    std::vector<double> scores = query::Centrality(whole.view, measure, centrality);
    dot.score_name = query::MeasureName(measure);
    for (const Entity& entity : drawn.entities()) dot.node_scores.push_back(scores[*whole.node_of(entity.id)]);
  }
  return dot;
}

void WriteOutput(const GlobalOptions& globals, const ExportOptions& options, const Graph& graph,
                 const std::string& content, const std::string& how) {
  if (options.output.empty()) {
    std::cout << content;
    std::cout.flush();
    return;
  }
  exporter::WriteFileAtomically(options.output, content);
  if (!globals.quiet) {
    std::cerr << "relgraph: wrote " << Plural(graph.entities().size(), "entity", "entities") << " and "
              << Plural(graph.relations().size(), "relation", "relations") << " to " << options.output << how << "\n";
  }
}

void CheckOptions(const ExportOptions& options) {
  if ((options.format == "svg" || options.format == "png") && options.output.empty()) {
    throw Error(ErrorKind::kUsage, "export " + options.format + " needs -o FILE (it writes an image, not text)");
  }
  if (options.format == "neo4j" && options.output.empty()) {
    throw Error(ErrorKind::kUsage,
                "export neo4j needs -o DIR (it writes DIR/entities.csv, DIR/relations.csv and DIR/import.sh)");
  }
  if (options.format == "csv" && options.output.empty()) {
    throw Error(ErrorKind::kUsage,
                "export csv needs -o PREFIX (it writes PREFIX.entities.csv and PREFIX.relations.csv)");
  }
  if (!options.focus.empty() && !options.path.empty()) {
    throw Error(ErrorKind::kUsage, "--focus and --path choose different selections; give one of them");
  }
  if (options.depth < 0) throw Error(ErrorKind::kUsage, "--depth expects a whole number >= 0");
  if (options.k < 1) throw Error(ErrorKind::kUsage, "--k expects a whole number >= 1");
  if (options.max_hops < 0) throw Error(ErrorKind::kUsage, "--max-hops expects a whole number >= 0");
  if (options.max_nodes < 0) throw Error(ErrorKind::kUsage, "--max-nodes expects a whole number >= 0 (0: no limit)");
  if (!options.path.empty() && options.direction == "in") {
    throw Error(ErrorKind::kUsage, "--direction with --path expects out or both, as 'relgraph path' does");
  }
}

int RunExport(const GlobalOptions& globals, const ExportOptions& options) {
  CheckOptions(options);
  // A neighbourhood or paths are searched on the store's structure and load only what they
  // show (GraphReader); the whole graph is loaded whole.
  std::optional<GraphReader> reader;
  std::optional<Graph> graph;
  std::optional<query::Csr> graph_view;
  bool part = !options.path.empty() || !options.focus.empty();
  if (part) {
    reader.emplace(globals);
  } else {
    graph.emplace(LoadGraphForReading(globals));
    graph_view.emplace(*graph);
  }
  const Schema& schema = part ? reader->schema() : graph->schema();
  query::ViewFilter filter{ParseRelationMask(options.relations, schema), ParseDirection(options.direction)};

  Selection selection;
  if (!options.path.empty()) {
    selection = SelectPaths(*reader, options, filter);
  } else if (!options.focus.empty()) {
    selection = SelectNeighborhood(*reader, options, filter);
  } else if (!options.relations.empty()) {
    selection.subset = query::InducedSubgraph(*graph, std::vector<bool>(graph->entities().size(), true), filter.types);
  }
  const Graph* selected = selection.subset ? &*selection.subset : &*graph;
  if (selection.title.empty()) {
    selection.title = Plural(selected->entities().size(), "entity", "entities") + ", " +
                      Plural(selected->relations().size(), "relation", "relations");
  }

  if (options.format == "json" || options.format == "graphml") {
    std::ostringstream text;
    if (options.format == "json")
      exporter::WriteJson(*selected, text);
    else
      exporter::WriteGraphml(*selected, text);
    WriteOutput(globals, options, *selected, text.str(), "");
    return 0;
  }
  if (options.format == "csv") {
    auto [entities_path, relations_path] = exporter::WriteCsv(*selected, options.output);
    std::cerr << "relgraph: wrote " << selected->entities().size() << " entities to " << entities_path << " and "
              << selected->relations().size() << " relations to " << relations_path << "\n";
    return 0;
  }

  if (options.format == "neo4j") {
    exporter::Neo4jFiles files = exporter::WriteNeo4j(*selected, options.output);
    if (!globals.quiet) {
      std::cerr << "relgraph: wrote " << Plural(selected->entities().size(), "entity", "entities") << " to " << files.entities
                << ", " << Plural(selected->relations().size(), "relation", "relations") << " to " << files.relations
                << "; load them into Neo4j with: sh " << files.script << "\n";
    }
    return 0;
  }

  // Diagrams: cut an unreadable selection down to its best-connected entities, and say so. The
  // interactive page copes with more, unless --max-nodes says otherwise.
  bool html = options.format == "html";
  std::optional<Graph> cut;
  size_t limit = static_cast<size_t>(html && !options.max_nodes_given ? kDefaultMaxHtmlNodes : options.max_nodes);
  if (limit > 0 && selected->entities().size() > limit) {
    cut = KeepMostConnected(*selected, limit, selection.highlight);
    std::cerr << "relgraph: note: " << selected->entities().size() << " entities are too many to draw readably; "
              << "drawing the " << limit << " with the most connections and the " << cut->relations().size()
              << " relations among them, leaving out " << selected->entities().size() - limit << " entities and "
              << selected->relations().size() - cut->relations().size() << " relations. "
              << "Use --max-nodes N to draw more (0: all), or choose a part with --focus, --path or --relation.\n";
    selection.title += " (the " + std::to_string(limit) + " most connected of " +
                       std::to_string(selected->entities().size()) + " entities)";
  }
  const Graph& drawn = cut ? *cut : *selected;
  Whole whole = part ? Whole{reader->view(), [&](const std::string& id) { return reader->FindNode(id); }}
                     : Whole{*graph_view, [&](const std::string& id) { return graph->FindEntity(id); }};
  exporter::DotOptions dot_options = DiagramOptions(whole, filter.types, drawn, selection, options);
  if (html) {
    exporter::HtmlOptions html_options;
    html_options.title = dot_options.title;
    html_options.highlight = selection.highlight;
    html_options.path = !options.path.empty();
    html_options.node_scores = dot_options.node_scores;
    html_options.score_name = dot_options.score_name;
    std::ostringstream page;
    exporter::WriteHtml(drawn, html_options, page);
    WriteOutput(globals, options, drawn, page.str(), " (open it in a browser; it needs no network)");
    return 0;
  }
  std::ostringstream dot;
  exporter::WriteDot(drawn, dot_options, dot);
  if (options.format == "dot") {
    WriteOutput(globals, options, drawn, dot.str(), "");
    return 0;
  }
  std::string layout = options.layout != "auto"                       ? options.layout
                       : drawn.entities().size() <= kLargestDotLayout ? "dot"
                                                                      : "sfdp";
  exporter::ImageFormat format = options.format == "svg" ? exporter::ImageFormat::kSvg : exporter::ImageFormat::kPng;
  std::string image = exporter::RenderDot(dot.str(), format, layout);
  WriteOutput(globals, options, drawn, image, " (" + options.format + ", " + layout + " layout)");
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand(
      "export",
      "Write the graph, or part of it, as data (json, csv, graphml, neo4j), a diagram (dot, svg, png) or a page (html)");
  sub->add_option("format", options->format, "json, csv, graphml, neo4j, dot, svg, png or html")
      ->required()
      ->check(CLI::IsMember({"json", "csv", "dot", "svg", "png", "graphml", "neo4j", "html"}));
  sub->add_option("-o,--output", options->output,
                  "Output file (for csv: a prefix; for neo4j: a folder); json, graphml and dot go to stdout without it");
  sub->add_option("--focus", options->focus, "Only this entity and its neighbourhood");
  sub->add_option("--depth", options->depth, "Hops around --focus")->capture_default_str();
  sub->add_option("--direction", options->direction,
                  "Walk relations out, in or both ways around --focus; with --path: out or both, as 'path'")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  sub->add_option("--path", options->path,
                  "Only the paths between two entities, exactly as 'relgraph path FROM TO' finds them")
      ->expected(2);
  sub->add_option("--k", options->k, "With --path: how many shortest loopless paths")->capture_default_str();
  sub->add_flag("--weighted", options->weighted, "With --path: cheapest paths, each hop costing 1/weight");
  sub->add_option("--max-hops", options->max_hops, "With --path: no path longer than this (0: no limit)")
      ->capture_default_str();
  sub->add_option("--relation", options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  sub->add_option("--layout", options->layout, "Diagram layout engine (auto: dot up to 300 entities, sfdp above)")
      ->check(CLI::IsMember({"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi"}))
      ->capture_default_str();
  sub->add_option("--size-by", options->size_by, "Size diagram nodes by a centrality measure of the whole graph")
      ->check(CLI::IsMember({"degree", "in-degree", "out-degree", "betweenness", "closeness", "harmonic", "pagerank"}));
  sub->add_option("--cluster-by", options->cluster_by,
                  "Group diagram nodes in boxes by country, kind or community (Leiden on the whole graph, as "
                  "`communities`; brokers are then marked too)")
      ->check(CLI::IsMember({"country", "kind", "community"}));
  sub->add_flag("--mark-brokers", options->mark_brokers,
                "Diagrams: draw brokers (entities whose removal splits the graph, as `brokers`) with a double border");
  sub->add_option("--max-nodes", options->max_nodes,
                  "Diagrams: draw at most N entities, the most connected ones (0: no limit)")
      ->capture_default_str();
  sub->add_option("--label", options->label,
                  "Diagram labels: name, or both: the name and, below it, the name in Hangul, Hanzi or kana "
                  "(default: both for svg/png, name for dot)")
      ->check(CLI::IsMember({"name", "both"}));
  sub->add_flag("--legend", options->legend, "Diagrams: add the legend of kinds and relation types (default for svg/png)");
  sub->add_flag("--no-legend", options->no_legend, "Diagrams: leave out the legend (default for dot)");
  CLI::Option* max_nodes = sub->get_option("--max-nodes");
  CLI::Option* title =
      sub->add_option("--title", options->title, "Diagram title (default: says what is drawn; \"\" for none)");
  sub->footer(
      "Examples:\n"
      "  relgraph export svg -o naver.svg --focus Naver --depth 1\n"
      "  relgraph export png -o paths.png --path Naver BAAI --k 3\n"
      "  relgraph export dot --relation invests_in,backs --size-by pagerank > money.dot\n"
      "  relgraph export graphml -o graph.graphml   (NetworkX, igraph, Gephi, yEd, Cytoscape)\n"
      "  relgraph export json -o graph.json\n"
      "  relgraph export html -o naver.html --focus Naver --depth 2 --size-by pagerank\n"
      "    (one page, no network needed: pan, zoom, search, filters, evidence on click)\n"
      "  relgraph export csv -o backup   (backup.entities.csv, backup.relations.csv)\n"
      "  relgraph export neo4j -o neo4j-import && sh neo4j-import/import.sh   (Neo4j bulk importer)\n"
      "graphml: one directed graph; each relation is one edge with data relation, weight, date and\n"
      "symmetric (true for partners_with, competes_with), read by NetworkX, igraph and Gephi.\n"
      "neo4j: entities.csv (id:ID, :LABEL, typed properties), relations.csv (:START_ID, :END_ID,\n"
      "  :TYPE, weight:double, symmetric:boolean, evidence as JSON) and import.sh, which runs\n"
      "  neo4j-admin database import full on them.\n"
      "Diagrams are rendered by Graphviz's library in-process (no dot binary needed); names in any\n"
      "script are shown with the Noto Sans CJK KR font (Debian: fonts-noto-cjk).");
  commands->push_back({sub, [&globals, options, title, max_nodes] {
                         options->title_given = title->count() > 0;
                         options->max_nodes_given = max_nodes->count() > 0;
                         return RunExport(globals, *options);
                       }});
}

}  // namespace relgraph::cli
