// Fast reader for bare edge-list CSV files (`source,target,relation,weight`) straight into the
// arrays a Csr is built from: no Entity/Relation objects, no normalisation. Used by the
// benchmark worker and anything that needs a large graph in memory quickly (>= 200 MB/s).
#pragma once

#include <string>
#include <vector>

#include "query/csr.h"

namespace relgraph::query {

struct EdgeListCsv {
  NameTable names;               // node names, byte-exact, in order of first appearance
  EdgeArrays edges;              // one entry per record, in file order
  std::vector<std::string> type_names;  // type code -> relation string, in order of first appearance
};

// Reads `path`: a header line (skipped, whatever it says), then one record per edge with at
// least 4 fields: source, target, relation, weight (further fields are ignored). RFC 4180:
// fields may be quoted with `"`, inside quotes `,` and line breaks are data and `""` is one
// `"`; records end with LF or CRLF; empty lines are skipped. Names are kept byte for byte.
// The weight must be a finite decimal > 0 (kept as a double).
// Throws Error(kNotFound) when the file cannot be opened, Error(kInput) with "path:line:" for a
// record with fewer than 4 fields, an unterminated quote, text after a closing quote, a bad
// weight, or more than 64 distinct relation strings.
// Memory: maps the file while parsing and unmaps it before returning. O(file size).
EdgeListCsv ReadEdgeListCsv(const std::string& path);

// Same, from bytes in memory (`path` is used in messages only).
EdgeListCsv ParseEdgeListCsv(const std::string& path, std::string_view text);

// A loaded edge list ready for the engine (query/engine.h): names, type names and the CSR.
struct EdgeListGraph {
  NameTable names;
  std::vector<std::string> type_names;
  Csr csr;
  size_t MemoryBytes() const;  // names + CSR (what the graph keeps)
};

// ReadEdgeListCsv + Csr::Build, releasing the parse arrays before it returns. Same errors.
EdgeListGraph LoadEdgeListGraph(const std::string& path);

}  // namespace relgraph::query
