// The analysis commands' answers as JSON (communities, brokers, core, components), shared by
// the CLI's `--format json` and any other door onto the same questions (e.g. a web API), so
// the two cannot drift. Each reads the graph through a GraphReader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/context.h"
#include "cli/output.h"

namespace relgraph::cli {

struct CommunitiesQuestion {
  std::string method = "leiden";        // leiden | louvain
  double resolution = 1.0;
  uint64_t seed = 0;
  std::vector<std::string> relations;  // --relation (empty: all)
};

// {"method","resolution","seed","modularity","communities":[{"id","size","label","members":[{"id","name"}]}]},
// communities largest first (ties by smallest member id), ids 1, 2, ...; members by id; label
// names the three members of highest degree. Throws Error(kUsage) on a bad method or resolution.
Json CommunitiesJson(const GraphReader& reader, const CommunitiesQuestion& question);

}  // namespace relgraph::cli
