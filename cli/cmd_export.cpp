// relgraph export FORMAT: the whole graph or a selection, in a format other tools read.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "cli/output.h"
#include "common/error.h"
#include "export/export.h"
#include "query/query.h"

namespace relgraph::cli {
namespace {

struct ExportOptions {
  std::string format;
  std::string output;
  std::string focus;
  int depth = 1;
  std::vector<std::string> path;
  std::vector<std::string> relations;
  std::string direction = "both";
};

int RunExport(const GlobalOptions& globals, const ExportOptions& options) {
  if (options.format == "dot" || options.format == "svg" || options.format == "png" || options.format == "graphml") {
    // TODO(#5): Graphviz and GraphML writers.
    throw Error(ErrorKind::kInput, "export " + options.format + " is not available yet (issue #5); use json or csv");
  }
  if (!options.path.empty()) {
    // TODO(#4): path selection.
    throw Error(ErrorKind::kInput, "export --path is not available yet (issue #4)");
  }
  if (options.format == "csv" && options.output.empty()) {
    throw Error(ErrorKind::kUsage, "export csv needs -o PREFIX (it writes PREFIX.entities.csv and PREFIX.relations.csv)");
  }
  Graph graph = LoadGraphForReading(globals);
  if (!options.focus.empty() || !options.relations.empty()) {
    query::GraphView view(graph);
    query::ViewFilter filter{ParseRelationMask(options.relations, view), ParseDirection(options.direction)};
    std::vector<bool> keep(graph.entities().size(), options.focus.empty());
    if (!options.focus.empty()) {
      if (options.depth < 0) throw Error(ErrorKind::kUsage, "--depth expects a whole number >= 0");
      EntityIndex center = ResolveEntity(graph, options.focus);
      keep[center] = true;
      for (const query::Reached& reached : query::Neighborhood(view, center, options.depth, filter)) keep[reached.entity] = true;
    }
    Graph selected = query::InducedSubgraph(view, keep, filter.types);
    graph = std::move(selected);
  }

  if (options.format == "csv") {
    auto [entities_path, relations_path] = exporter::WriteCsv(graph, options.output);
    std::cerr << "relgraph: wrote " << graph.entities().size() << " entities to " << entities_path << " and "
              << graph.relations().size() << " relations to " << relations_path << "\n";
    return 0;
  }
  if (options.output.empty()) {
    exporter::WriteJson(graph, std::cout);
    return 0;
  }
  std::string temp = options.output + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    if (!out) throw Error(ErrorKind::kStorage, options.output + ": cannot write the file");
    exporter::WriteJson(graph, out);
    out.flush();
    if (!out) throw Error(ErrorKind::kStorage, options.output + ": write failed");
  }
  if (std::rename(temp.c_str(), options.output.c_str()) != 0) {
    throw Error(ErrorKind::kStorage, options.output + ": cannot write the file");
  }
  std::cerr << "relgraph: wrote " << graph.entities().size() << " entities and " << graph.relations().size()
            << " relations to " << options.output << "\n";
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "Write the graph, or part of it, as json, csv (dot, svg, png, graphml: issue #5)");
  sub->add_option("format", options->format, "json, csv, dot, svg, png or graphml")
      ->required()
      ->check(CLI::IsMember({"json", "csv", "dot", "svg", "png", "graphml"}));
  sub->add_option("-o,--output", options->output, "Output file (for csv: a prefix); json goes to stdout without it");
  sub->add_option("--focus", options->focus, "Only this entity and its neighbourhood");
  sub->add_option("--depth", options->depth, "Hops around --focus")->capture_default_str();
  sub->add_option("--direction", options->direction, "Walk relations out, in or both ways around --focus")
      ->check(CLI::IsMember({"out", "in", "both"}))
      ->capture_default_str();
  sub->add_option("--path", options->path, "Only the paths between two entities")->expected(2);
  sub->add_option("--relation", options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  sub->footer(
      "Examples:\n  relgraph export json -o graph.json\n  relgraph export csv -o backup   (backup.entities.csv, backup.relations.csv)\n"
      "  relgraph export json --focus Naver --depth 2");
  commands->push_back({sub, [&globals, options] { return RunExport(globals, *options); }});
}

}  // namespace relgraph::cli
