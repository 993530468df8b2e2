// The answers of the read-only questions, each written by one function in the format of
// globals.format. The command line calls them with std::cout; `relgraph serve` calls the same
// functions with --format json and a string stream, so each API body is byte for byte what the
// CLI prints (one printer, two doors). They throw relgraph::Error as the commands do.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "cli/context.h"

namespace relgraph::cli {

struct EntityOptions {
  std::string name;
};

struct SearchOptions {
  std::string text;
  size_t limit = 50;
};

struct NeighborsOptions {
  std::string name;
  int depth = 1;
  std::string direction = "both";
  std::vector<std::string> relations;
  // Most neighbours to list, nearest first (0: all). A cut answer says so: JSON gets
  // "truncated": {"total": N, "shown": limit}.
  size_t limit = 0;
};

struct PathOptions {
  std::string from, to;
  std::string pairs;  // --pairs FILE: many questions, one open store
  int k = 1;
  std::vector<std::string> relations;
  std::string direction = "both";
  bool weighted = false;
  int max_hops = 0;
  bool disjoint = false;  // --disjoint: a largest set of vertex-disjoint paths
};

struct CommonOptions {
  std::string a, b;
  std::vector<std::string> relations;
  std::string direction = "both";
};

struct CentralityOptions {
  std::string measure;
  int top = -1;  // -1: all for json/csv, 25 for the table
  std::vector<std::string> relations;
  std::string direction = "out";
  bool normalized = false;
  uint32_t sample = 0;
  uint64_t seed = 0;
};

struct DiffOptions {
  std::string from, to;
  std::string rank_changes;
  int top = 10;
};

int RunInfo(const GlobalOptions& globals, std::ostream& os);
int RunEntity(const GlobalOptions& globals, const EntityOptions& options, std::ostream& os);
int RunSearch(const GlobalOptions& globals, const SearchOptions& options, std::ostream& os);
int RunNeighbors(const GlobalOptions& globals, const NeighborsOptions& options, std::ostream& os);
int RunPath(const GlobalOptions& globals, const PathOptions& options, std::ostream& os);
int RunCommon(const GlobalOptions& globals, const CommonOptions& options, std::ostream& os);
int RunCentrality(const GlobalOptions& globals, const CentralityOptions& options, std::ostream& os);
int RunSnapshotList(const GlobalOptions& globals, std::ostream& os);
int RunDiff(const GlobalOptions& globals, const DiffOptions& options, std::ostream& os);

}  // namespace relgraph::cli
