// The interactive HTML view: one page that holds our app, the drawing library and the data.
// The page is assembled from the template export/html/app.html, whose markers
// <!--relgraph:NAME--> are replaced by escaped text; inserted text is never scanned again.
#include <nlohmann/json.hpp>

#include <sstream>
#include <vector>

#include "common/error.h"
#include "export/export.h"

namespace relgraph::exporter {

// Defined in the file generated from export/html/embed.cmake: the bytes of a file of the view
// (app.html, app.css, app.js, cytoscape.js, ...), empty for an unknown name.
std::string_view HtmlAsset(std::string_view name);

namespace {

std::string_view Asset(std::string_view name) {
  std::string_view text = HtmlAsset(name);
  if (text.empty()) throw Error(ErrorKind::kInternal, "the HTML view lacks its file " + std::string(name));
  return text;
}

// A library's or our script inside <script>...</script>. Our build inlines only files we
// checked, but a script holding `</script` would end the element early, so refuse it loudly.
std::string InlineScript(std::string_view name) {
  std::string_view text = Asset(name);
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower.find("</script") != std::string::npos || lower.find("<!--") != std::string::npos) {
    throw Error(ErrorKind::kInternal, "the HTML view's script " + std::string(name) + " holds </script or <!--");
  }
  return "<script>" + std::string(text) + "</script>\n";
}

const std::vector<std::string>& ScriptNames() {
  static const std::vector<std::string> names = {"layout-base.js", "cose-base.js", "cytoscape.js", "cytoscape-fcose.js",
                                                 "app.js"};
  return names;
}

}  // namespace

std::string ContentSecurityPolicy(bool served) {
  std::string hashes;
  for (const std::string& name : ScriptNames()) hashes += " 'sha256-" + std::string(Asset(name + ".sha256")) + "'";
  return "default-src 'none'; script-src" + hashes + "; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src " +
         (served ? "'self'" : "'none'") + "; base-uri 'none'; form-action 'none'";
}

std::string ScriptJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line and paragraph separators
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void WriteHtml(const Graph& graph, const HtmlOptions& options, std::ostream& out) {
  std::ostringstream data;
  WriteJson(graph, data);
  nlohmann::ordered_json config;
  config["mode"] = options.served ? "serve" : "file";
  config["title"] = options.title;
  config["highlight"] = options.highlight;
  config["path"] = options.path;
  if (!options.node_scores.empty()) {
    nlohmann::ordered_json scores = nlohmann::ordered_json::object();
    for (size_t i = 0; i < options.node_scores.size() && i < graph.entities().size(); ++i) {
      scores[graph.entities()[i].id] = options.node_scores[i];
    }
    config["scores"] = scores;
    config["score_name"] = options.score_name;
  }
  nlohmann::ordered_json kinds = nlohmann::ordered_json::array(), types = nlohmann::ordered_json::array();
  for (const EntityKind& kind : graph.schema().kinds()) kinds.push_back(kind.name);
  for (const RelationType& type : graph.schema().relation_types()) {
    types.push_back({{"name", type.name}, {"verb", type.verb}, {"symmetric", type.symmetric}});
  }
  config["kinds"] = kinds;
  config["relation_types"] = types;
  std::string config_text = config.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);

  // No remote loads: scripts and styles are inline, images only data: URIs (the library's
  // own), requests only to the serving origin (or none for a file). Only our five scripts run,
  // named by their SHA-256 (computed by the build): a script or event handler attribute that
  // found its way into the page would not.
  std::string scripts;
  for (const std::string& name : ScriptNames()) scripts += InlineScript(name);
  std::string csp = ContentSecurityPolicy(options.served);
  auto part = [&](std::string_view name) -> std::string {
    if (name == "csp") return csp;  // our constant, with no '"' or '<'; the attribute is double-quoted
    if (name == "title") return HtmlEscape(options.title.empty() ? "relgraph" : options.title + " — relgraph");
    if (name == "style") return std::string(Asset("app.css"));
    if (name == "data") return ScriptJson(data.str());
    if (name == "config") return ScriptJson(config_text);
    if (name == "scripts") return scripts;
    throw Error(ErrorKind::kInternal, "the HTML view's template names an unknown part " + std::string(name));
  };
  std::string_view page = Asset("app.html");
  const std::string_view open = "<!--relgraph:", close = "-->";
  size_t at = 0;
  while (true) {
    size_t marker = page.find(open, at);
    if (marker == std::string_view::npos) break;
    size_t end = page.find(close, marker);
    out << page.substr(at, marker - at);
    out << part(page.substr(marker + open.size(), end - marker - open.size()));
    at = end + close.size();
  }
  out << page.substr(at);
}

}  // namespace relgraph::exporter
