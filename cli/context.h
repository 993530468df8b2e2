// What every subcommand shares: the global options, the output format, the graph to answer
// from, and the table of subcommands that main() runs.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "query/view.h"

namespace CLI {
class App;
}

namespace relgraph::cli {

enum class Format { kTable, kJson, kCsv };

struct GlobalOptions {
  std::string db;                // --db; empty: $RELGRAPH_DB, else ./relgraph.db
  std::string format = "table";  // --format
  std::string snapshot;          // --snapshot: answer from a saved snapshot
  std::string as_of;             // --as-of: only relations dated on or before
  bool quiet = false;            // --quiet: no progress on stderr

  std::string DbPath() const;
  Format OutputFormat() const;
};

// A subcommand: its CLI11 node and what to run when it was chosen. Run returns the exit code
// and throws relgraph::Error on failure (main maps it to a message and exit code).
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// Each Add*Command adds subcommands to app. The options object outlives the parse.
void AddImportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);
void AddReadCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);
void AddQueryCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);
void AddSnapshotCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);
void AddExportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);

// The graph read commands answer from. A missing store gives an empty graph and a note on
// stderr (a typo in --db should not pass silently).
Graph LoadGraphForReading(const GlobalOptions& globals);

// Parses "--direction" and "--relation" values; throws Error(kUsage) on unknown words and
// Error(kInput) on unknown relation types (listing the known ones). Relation values may be
// comma-separated; the result is the view's type mask (all types when none are given).
query::Direction ParseDirection(const std::string& text);
uint64_t ParseRelationMask(const std::vector<std::string>& values, const query::GraphView& view);

// Resolves a NAME argument to an entity index (see EntityLookup::Resolve).
EntityIndex ResolveEntity(const Graph& graph, const std::string& name);

// "Microsoft invests in OpenAI" for a relation of the graph.
std::string RelationSentence(const Graph& graph, const Relation& relation);

}  // namespace relgraph::cli
