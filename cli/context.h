// What every subcommand shares: the global options, the output format, the graph to answer
// from, and the table of subcommands that main() runs.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string_view>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/topology.h"
#include "query/csr.h"

namespace relgraph::store {
class Store;
}

namespace relgraph::importers {
struct MergeLookups;
}

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
void AddAnalysisCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);
void AddServeCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands);

// The graph read commands answer from. A missing store gives an empty graph and a note on
// stderr (a typo in --db should not pass silently).
Graph LoadGraphForReading(const GlobalOptions& globals);

// The part of the store's working graph that a merge with these lookups reads: every entity a
// reference names, the relations among them with their evidence, and the documents (see
// importers::MergeLookups). Index lookups only, so a small import into a large store does not
// load the whole graph.
Graph LoadForMerge(const store::Store& store, const importers::MergeLookups& lookups);

// The graph a question is asked of, read in parts: searches walk view(), the whole graph's
// structure, and only the entities an answer prints are loaded, with Details(). From a store,
// the structure is its graph image and names resolve through its index, so a graph of
// millions of relations answers in a fraction of a second. Reads --as-of a date (which filter
// relations by their evidence) and reads without a store load the whole graph instead; the
// answers are the same either way. Nodes are entity indices of the whole graph (ids ascending).
class GraphReader {
 public:
  explicit GraphReader(const GlobalOptions& globals);
  ~GraphReader();
  GraphReader(const GraphReader&) = delete;
  GraphReader& operator=(const GraphReader&) = delete;

  const Schema& schema() const;
  // Built on first use: counting and name searches do without it. From a store, read off its
  // graph image in one pass (no sorting).
  const query::Csr& view() const;
  uint32_t node_count() const { return static_cast<uint32_t>(id_offsets_.size() - 1); }
  std::string_view Id(uint32_t node) const {
    return std::string_view(id_bytes_.data() + id_offsets_[node], id_offsets_[node + 1] - id_offsets_[node]);
  }
  // The node of the entity with this exact id (binary search over the ascending ids).
  std::optional<uint32_t> FindNode(std::string_view id) const;

  // The node `name` names, by EntityLookup::Resolve's rules and with its messages.
  uint32_t Resolve(const std::string& name) const;
  // The entities at these nodes (duplicates ignored) and, unless entities_only, every relation
  // among them with evidence and the documents it cites; entities ascending by id.
  Graph Details(const std::vector<uint32_t>& nodes, bool entities_only = false) const;
  // The index in `details` (a result of Details) of the entity at `node`.
  EntityIndex Local(const Graph& details, uint32_t node) const;
  // Every entity, without relations (for name searches).
  Graph Entities() const;
  // What the graph read holds, counted without loading it.
  struct Counts {
    size_t evidence = 0;
    size_t documents = 0;
    std::map<std::string, size_t> entities_by_kind;  // kinds without entities are left out
  };
  Counts Count() const;

 private:
  GlobalOptions globals_;
  std::unique_ptr<store::Store> store_;  // reading in parts, inside one read transaction
  std::unique_ptr<Graph> whole_;         // reading the whole graph
  // node -> entity id, ascending: the id of node i is id_bytes_[id_offsets_[i], id_offsets_[i + 1])
  // (one arena, as the graph image keeps them: no string per entity to build on a cold read).
  RawVector<uint32_t> id_offsets_{0};
  RawVector<char> id_bytes_;
  // The structure until view() builds the Csr from it (then released): the image's grouped
  // arrays when reading in parts, the whole graph's topology otherwise (ids moved out of both).
  mutable GroupedTopology grouped_;
  mutable Topology topology_;
  mutable std::unique_ptr<query::Csr> view_;
};

// Parses "--direction" and "--relation" values; throws Error(kUsage) on unknown words and
// Error(kInput) on unknown relation types (listing the known ones). Relation values may be
// comma-separated; the result is the view's type mask (all types when none are given).
query::Direction ParseDirection(const std::string& text);
uint64_t ParseRelationMask(const std::vector<std::string>& values, const Schema& schema);

// "Microsoft invests in OpenAI" for a relation of the graph.
std::string RelationSentence(const Graph& graph, const Relation& relation);

}  // namespace relgraph::cli
