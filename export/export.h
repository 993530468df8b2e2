// Writers that turn a graph into files other tools and relgraph itself can read: the import
// JSON format and the import CSV formats (export followed by import gives the same graph),
// GraphML for Gephi, yEd and Cytoscape, Graphviz DOT, and SVG/PNG drawings rendered in-process
// by Graphviz's library. No Graphviz header leaks out of this module.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace relgraph::exporter {

// {"documents":[...],"entities":[...],"relations":[...]} in the import JSON format, evidence
// and properties included, entities by id and relations by key.
void WriteJson(const Graph& graph, std::ostream& out);

// Writes PREFIX.entities.csv and PREFIX.relations.csv in the import CSV formats (UTF-8, LF,
// RFC 4180 quoting). A relation with several evidence records becomes one row per record,
// which the importer folds back into one relation. Throws Error(kStorage) when a file cannot
// be written; each file is written to a temporary name and renamed, so it is whole or absent.
// Returns the two paths written.
std::pair<std::string, std::string> WriteCsv(const Graph& graph, const std::string& prefix);

// One CSV field, quoted when it holds a comma, quote, line break or leading/trailing space, and
// guarded against spreadsheet formula injection: a field starting with = + - @ tab or CR (or an
// apostrophe followed by one of those or by another apostrophe) gets a leading apostrophe,
// which relgraph's CSV importer removes.
std::string CsvField(std::string_view text);

// Shortest text that reads back as the same double.
std::string FormatNumber(double value);

// ---- GraphML ----

// The graph as GraphML 1.0 (UTF-8) that NetworkX's read_graphml, igraph's Read_GraphML and
// Gephi read: typed <key> declarations, one <graph edgedefault="directed">, nodes n0, n1, ...
// with data id, name, kind (always), label, country, aliases (a JSON array as text) and
// description (when not empty); one edge e0, e1, ... per relation, from its source to its
// target, with data relation, weight (double), date (empty when undated) and symmetric
// (boolean: the type holds both ways) always, and label (the verb), evidence (JSON array of
// sentences) and sources (JSON array of document URLs or titles). No edge has a `directed`
// attribute. Text is XML-escaped (tab, LF and CR as character references, so they survive
// parsing); characters XML 1.0 forbids (most C0 controls) are left out and invalid UTF-8
// becomes U+FFFD, so any graph gives a well-formed file.
void WriteGraphml(const Graph& graph, std::ostream& out);

// Text as XML character data or attribute value: & < > " ' escaped, CR, LF and tab as
// character references, characters XML 1.0 forbids removed, invalid UTF-8 as U+FFFD.
std::string XmlEscape(std::string_view text);

// ---- Neo4j ----

struct Neo4jFiles {
  std::string entities, relations, script;  // the three paths written
};

// Writes DIRECTORY/entities.csv, DIRECTORY/relations.csv and DIRECTORY/import.sh for Neo4j's
// bulk importer (`neo4j-admin database import full`, Neo4j 5), creating DIRECTORY if needed.
// - entities.csv: `id:ID` (our id; ids are strings), `name`, `kind`, `:LABEL` (Entity and the
//   kind), `aliases:string[]`, `country`, `description`, then one column per property key.
// - relations.csv: `:START_ID`, `:END_ID`, `:TYPE` (our type, as written), `weight:double`,
//   `date`, `symmetric:boolean` (a symmetric relation is one relationship, source -> target as
//   stored), `evidence` (a JSON array of the evidence records, with document titles and URLs),
//   then one column per property key.
// - Property columns are typed `NAME:long`, `:double`, `:boolean` when every value of that key
//   is one (a JSON integer, number, boolean), else `NAME:string` (strings as they are, other
//   JSON values as JSON text). A key that clashes with a column above is written
//   `property_NAME`; ':' in a key becomes '_'.
// - Arrays (aliases, labels) are joined by ';', or by '|' when an alias holds ';' (import.sh
//   then passes --array-delimiter). An absent value is an empty unquoted field, an empty
//   string "" (quoted). Text is RFC 4180 with line breaks kept (import.sh passes
//   --multiline-fields=true) and no spreadsheet formula guard: Neo4j gets the text exactly.
// Each file is written to a temporary name and renamed. Throws Error(kStorage) when the folder
// cannot be created or a file cannot be written.
Neo4jFiles WriteNeo4j(const Graph& graph, const std::string& directory);

// ---- Graphviz DOT ----

// The font named in every diagram; it has Hangul, Hanja/Hanzi, kana and Latin (Debian
// package fonts-noto-cjk). Graphviz falls back through fontconfig when it is missing.
inline constexpr const char* kDiagramFont = "Noto Sans CJK KR";

enum class ClusterBy { kNone, kCountry, kKind, kCommunity };

struct DotOptions {
  std::string title;                 // drawn above the graph; empty: none
  std::string layout;                // written as the graph's layout attribute when set
  std::string font = kDiagramFont;
  bool legend = true;                // a "Legend" cluster of the kinds and relation types shown
  // A second label line with the entity's name in Hangul, Hanzi or kana from its aliases (see
  // WriteDot), so Korean and Chinese readers find names they know.
  bool native_names = true;
  ClusterBy cluster_by = ClusterBy::kNone;
  // Node size: one score per entity index of the graph (empty: every node the same size).
  // Nodes and their labels grow with the score; score_name ("pagerank") goes into tooltips.
  std::vector<double> node_scores;
  std::string score_name;
  std::vector<std::string> highlight;  // ids of entities drawn with a heavy border
  // With ClusterBy::kCommunity: each entity's community (by entity index; -1 or missing: none)
  // and each community's box label. Boxes are filled with a pale colour per community.
  std::vector<int> community;
  std::vector<std::string> community_labels;
  // Brokers (articulation points), by entity index (0: not one): drawn with a double border
  // and "broker: cuts off N" in the tooltip.
  std::vector<uint32_t> broker_cut_off;
  std::vector<bool> broker;
};

// Writes the graph as Graphviz DOT that Graphviz accepts whatever the names hold.
// - Node ids are ours (n0, n1, ... by entity index); user text only ever appears inside quoted
//   strings (labels, tooltips, cluster labels), escaped by DotString / the tooltip rules, and
//   never in an id, an HTML-like label, a URL/href or a class attribute.
// - One DOT edge per relation, labelled with the relation's verb, coloured and styled by
//   relation type, its tooltip the relation as a sentence with its first evidence; symmetric
//   relations have no arrowhead (dir="none").
// - Nodes are shaped and filled by entity kind; the label is the name and, with native_names,
//   a second line with an alias in Hanzi (Chinese entities), kana (Japanese) or Hangul (all
//   others) unless the name has such letters already; the tooltip lists kind, country, id, aliases.
// - The legend, when on, adds nodes (no edges) with ids legend_* and class "legend" in
//   cluster_legend.
// Output is deterministic (same graph and options, same bytes).
void WriteDot(const Graph& graph, const DotOptions& options, std::ostream& out);

// The quoted DOT string that Graphviz displays as `text` in a label: backslash doubled first
// (so a trailing backslash cannot eat the closing quote and \N, \G, \l... show literally),
// then \" for quotes, &amp; for & (Graphviz decodes HTML entities in labels), line breaks (LF,
// CR, CRLF) as \n, tab as a space, other control characters dropped, invalid UTF-8 as U+FFFD.
std::string DotString(std::string_view text);


// ---- HTML (the interactive view of export html and serve) ----

struct HtmlOptions {
  std::string title;                   // the page's title and heading
  std::vector<std::string> highlight;  // ids drawn with a heavy border (the focus, path ends)
  bool path = false;                   // the graph is the paths between the two highlighted ids
  // Node size: one score per entity of the graph, in its order (empty: every node one size).
  std::vector<double> node_scores;
  std::string score_name;
  // Served (relgraph serve): the page starts empty and fetches from the server's /api/...;
  // its Content-Security-Policy then allows requests to its own origin only.
  bool served = false;
};

// One self-contained HTML page: our app (export/html/app.*) and the drawing library
// (cytoscape.js with the fcose layout) inlined, no remote loads (a Content-Security-Policy
// forbids them). The graph goes in as the `WriteJson` document inside
// <script type="application/json" id="relgraph-data">, the options in id="relgraph-config",
// both escaped by ScriptJson; the app renders every string from them as text, never as markup.
void WriteHtml(const Graph& graph, const HtmlOptions& options, std::ostream& out);

// The page's Content-Security-Policy: nothing remote; only the page's own scripts run, named by
// their SHA-256 (no other inline script or event handler attribute); requests only to its own
// origin when served, none for a file. `serve` sends it as a header too.
std::string ContentSecurityPolicy(bool served);

// JSON text made safe inside an HTML <script> element: < > & and U+2028/U+2029 become \u003c,
// \u003e, \u0026, \u2028, \u2029, so no `</script>`, `<!--` or `]]>` can appear and the text
// parses back (JSON.parse) to the same value. Only valid inside JSON strings, which is the only
// place these characters occur in JSON text.
std::string ScriptJson(std::string_view json);

// Text for HTML character data or a quoted attribute: & < > " ' as references.
std::string HtmlEscape(std::string_view text);

// ---- Rendering (Graphviz's libgvc, in this process; no `dot` binary needed) ----

enum class ImageFormat { kSvg, kPng };

// Layout engines RenderDot accepts: dot, neato, fdp, sfdp, circo, twopi.
const std::vector<std::string>& LayoutEngines();

// Lays out DOT text with the named engine and renders it; returns the image bytes. Throws
// Error(kUsage) for a layout not in LayoutEngines(), Error(kInput) when Graphviz cannot read
// or lay out the text (with Graphviz's message), and Error(kInput) naming the Debian packages
// (graphviz, libgraphviz-dev) when the engine or the renderer plugin cannot be loaded or
// relgraph was built without Graphviz. Graphviz keeps global state: not thread-safe.
std::string RenderDot(std::string_view dot, ImageFormat format, const std::string& layout);

// Writes content to path through a temporary file in the same folder and a rename, so the file
// is whole or untouched. Throws Error(kStorage) naming the path and the system's reason.
void WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace relgraph::exporter
