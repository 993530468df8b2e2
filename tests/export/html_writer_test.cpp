// The HTML view's page: JSON embedded in <script> cannot end the element or open a comment,
// reads back as the same document, and the page asks for nothing remote.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export.h"
#include "importers/importers.h"

namespace relgraph::exporter {
namespace {

using nlohmann::json;

TEST(ScriptJson, EscapesWhatCouldEndTheScriptElement) {
  // Expected by hand: each of < > & and U+2028 / U+2029 (E2 80 A8 / E2 80 A9) as \uXXXX.
  std::string in = "{\"a\":\"</script><!--x-->&amp;\xE2\x80\xA8|\xE2\x80\xA9\"}";
  std::string expected = "{\"a\":\"\\u003c/script\\u003e\\u003c!--x--\\u003e\\u0026amp;\\u2028|\\u2029\"}";
  EXPECT_EQ(ScriptJson(in), expected);
  EXPECT_EQ(json::parse(ScriptJson(in)), json::parse(in));
  // Other non-ASCII text (Hangul, Hanzi, other E2 80 xx punctuation) is kept as it is.
  std::string text = "{\"n\":\"네이버 北京 \xE2\x80\x94 \xE2\x80\xA6\"}";
  EXPECT_EQ(ScriptJson(text), text);
  EXPECT_EQ(ScriptJson(""), "");
}

TEST(HtmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\" title='y'>&</a>"), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

Graph HostileGraph() {
  Graph graph(importers::DefaultSchema());
  Entity a;
  a.id = "a";
  a.name = "</script><script>window.__pwned=1</script>";
  a.kind = "company";
  a.aliases = {"<!--", "<img src=x onerror=window.__pwned=1>"};
  graph.AddEntity(a);
  Entity b;
  b.id = "b</SCRIPT >";
  b.name = "네이버 \xE2\x80\xA8 ]]>";
  b.kind = "company";
  graph.AddEntity(b);
  Relation r;
  r.source = "a";
  r.target = "b</SCRIPT >";
  r.type = "invests_in";
  Evidence e;
  e.document = "javascript:window.__pwned=1";
  e.sentence = "<b onmouseover=x>&</b>";
  r.evidence.push_back(e);
  graph.AddRelation(r);
  return graph;
}

// The text of the element <script ... id="ID"> up to its end tag.
std::string ScriptText(const std::string& page, const std::string& id) {
  std::string open = "<script type=\"application/json\" id=\"" + id + "\">";
  size_t start = page.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  return page.substr(start, page.find("</script>", start) - start);
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(WriteHtml, EmbedsTheJsonExportSoNoNameCanBreakOut) {
  Graph graph = HostileGraph();
  HtmlOptions options;
  options.title = "<title> & </script>";
  options.highlight = {"a"};
  std::ostringstream page_out, json_out;
  WriteHtml(graph, options, page_out);
  WriteJson(graph, json_out);
  std::string page = page_out.str();
  // Two JSON elements and five scripts (layout-base, cose-base, cytoscape, fcose, app): exactly
  // seven end tags, in any case, and no comment opener or CDATA end anywhere.
  std::string lower = page;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(Count(lower, "</script"), 7u);
  EXPECT_EQ(Count(page, "<!--"), 0u);
  EXPECT_EQ(Count(page, "]]>"), 0u);
  EXPECT_EQ(Count(page, "\xE2\x80\xA8"), 0u);
  // The data element holds the `export json` document.
  std::string data = ScriptText(page, "relgraph-data");
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(json::parse(data), json::parse(json_out.str()));
  json config = json::parse(ScriptText(page, "relgraph-config"));
  EXPECT_EQ(config["mode"], "file");
  EXPECT_EQ(config["highlight"], json::array({"a"}));
  EXPECT_EQ(config["title"], "<title> & </script>");
  // The title is escaped as text.
  EXPECT_NE(page.find("<title>&lt;title&gt; &amp; &lt;/script&gt; — relgraph</title>"), std::string::npos);
}

TEST(WriteHtml, PolicyForbidsRemoteLoadsAndTheFileLoadsNothing) {
  std::ostringstream out;
  WriteHtml(Graph(importers::DefaultSchema()), {}, out);
  std::string page = out.str();
  size_t meta = page.find("http-equiv=\"Content-Security-Policy\" content=\"");
  ASSERT_NE(meta, std::string::npos);
  std::string policy = page.substr(meta + 46, page.find('"', meta + 46) - meta - 46);
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("connect-src 'none'"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("http"), std::string::npos) << policy;
  // Scripts run only by hash: five of them, no 'unsafe-inline' for scripts.
  std::string scripts = policy.substr(policy.find("script-src"), policy.find(';', policy.find("script-src")) - policy.find("script-src"));
  EXPECT_EQ(Count(scripts, "'sha256-"), 5u) << scripts;
  EXPECT_EQ(scripts.find("unsafe"), std::string::npos) << scripts;
  EXPECT_EQ(policy, ContentSecurityPolicy(false));
  // No element of the page points anywhere: no src= or href= attributes at all.
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);

  HtmlOptions served;
  served.served = true;
  std::ostringstream served_out;
  WriteHtml(Graph(importers::DefaultSchema()), served, served_out);
  EXPECT_NE(served_out.str().find("connect-src 'self'"), std::string::npos);
  EXPECT_NE(served_out.str().find("\"mode\":\"serve\""), std::string::npos);
}

TEST(WriteHtml, ScoresGoToTheConfigByEntityId) {
  Graph graph = HostileGraph();
  HtmlOptions options;
  options.node_scores = {0.25, 0.75};
  options.score_name = "pagerank";
  std::ostringstream out;
  WriteHtml(graph, options, out);
  json config = json::parse(ScriptText(out.str(), "relgraph-config"));
  EXPECT_EQ(config["scores"]["a"], 0.25);
  EXPECT_EQ(config["scores"]["b</SCRIPT >"], 0.75);
  EXPECT_EQ(config["score_name"], "pagerank");
}

}  // namespace
}  // namespace relgraph::exporter
