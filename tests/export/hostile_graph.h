// A graph whose every string tries to break a DOT, SVG or GraphML writer, shared by the export
// tests, and the text a reader should see for each name, written out independently of the
// writers (tests must not reuse the code they check).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace relgraph::testing {

// NFD spelling of 네이버 (conjoining jamo); the writers must keep it as it is.
inline const std::string kNaverNfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";

struct HostileName {
  std::string id;
  std::string name;
  std::string shown;  // what a drawing shows: line breaks as LF, tab as space, controls gone
};

inline const std::vector<HostileName>& HostileNames() {
  static const std::vector<HostileName> names = {
      {"quote", "Say \"hi\"", "Say \"hi\""},
      {"trailing_backslash", "Trailing backslash \\", "Trailing backslash \\"},
      {"injection", "x\"]; evil [label=\"pwned\" URL=\"javascript:alert(1)\"]; n0 -> n1; \"",
       "x\"]; evil [label=\"pwned\" URL=\"javascript:alert(1)\"]; n0 -> n1; \""},
      {"markup", "<b>bold</b> & <script>alert(1)</script>", "<b>bold</b> & <script>alert(1)</script>"},
      {"newlines", "Line one\nLine two\r\nLine three", "Line one\nLine two\nLine three"},
      {"tab", "Tab\there", "Tab here"},
      {"kw_node", "node", "node"},
      {"kw_graph", "graph", "graph"},
      {"kw_strict", "strict", "strict"},
      {"kw_subgraph", "subgraph", "subgraph"},
      {"kw_edge", "edge", "edge"},
      {"hangul_nfc", "네이버", "네이버"},
      {"hangul_nfd", kNaverNfd, kNaverNfd},
      {"hanja", "北京智源人工智能研究院", "北京智源人工智能研究院"},
      {"emoji", "\xF0\x9F\xA4\x96 Robot \xF0\x9F\x98\x80", "\xF0\x9F\xA4\x96 Robot \xF0\x9F\x98\x80"},
      {"escstring", "\\N \\G \\E \\T \\H \\L \\l \\r \\n end", "\\N \\G \\E \\T \\H \\L \\l \\r \\n end"},
      {"entities", "AT&T &amp; &#x41; &lt;x&gt; &nbsp;", "AT&T &amp; &#x41; &lt;x&gt; &nbsp;"},
      {"controls", std::string("Bell\x07 DEL\x7F NUL") + '\0' + "!", "Bell DEL NUL!"},
      {"bad_utf8", "bad \xFF\xC3 utf8", "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8"},
      {"\"]; id", "Hostile id", "Hostile id"},
  };
  return names;
}

// The hostile names as entities (kind "company", no aliases, so a label is the name alone),
// plus Naver with a Hangul alias (label: name and alias), a kind and a relation type with
// hostile names, and relations chaining them: one per consecutive pair, a parallel relation,
// a symmetric one, a self-loop, and evidence sentences and document titles that try to break
// out of tooltips.
inline Graph HostileGraph() {
  Schema schema({{"company", ""}, {"kind\"\\", ""}}, {{"invests_in", false, "invests in", ""},
                                                      {"partners_with", true, "partners with", ""},
                                                      {"odd\"type\\", false, "verb \\N \"x\" <i>", ""}});
  Graph graph(schema);
  for (const HostileName& name : HostileNames()) {
    Entity entity;
    entity.id = name.id;
    entity.name = name.name;
    entity.kind = name.id == "markup" ? "kind\"\\" : "company";
    graph.AddEntity(entity);
  }
  Entity naver;
  naver.id = "naver";
  naver.name = "Naver";
  naver.kind = "company";
  naver.country = "KR";
  naver.aliases = {"NAVER Corp.", "네이버"};
  graph.AddEntity(naver);

  Document document;
  document.id = "doc\"]; n0 -> n1 [";
  document.title = "Title \\ with \"quotes\" and\nnewline";
  graph.PutDocument(document);

  const auto& entities = graph.entities();
  const char* types[] = {"invests_in", "partners_with", "odd\"type\\"};
  for (size_t i = 0; i + 1 < entities.size(); ++i) {
    Relation relation;
    relation.source = entities[i].id;
    relation.target = entities[i + 1].id;
    relation.type = types[i % 3];
    relation.weight = 1.0 + static_cast<double>(i % 4);
    relation.date = "2023-0" + std::to_string(1 + i % 9);
    Evidence evidence;
    evidence.document = document.id;
    evidence.sentence = "Evidence " + std::to_string(i) +
                        ": \"]; n0 -> n9 [label=\"x\" \\ \\N \\E \\T \\H <script>javascript:alert(1)</script>\nline";
    evidence.date = relation.date;
    relation.evidence.push_back(evidence);
    graph.AddRelation(relation);
  }
  Relation parallel;
  parallel.source = entities[0].id;
  parallel.target = entities[1].id;
  parallel.type = "odd\"type\\";
  graph.AddRelation(parallel);
  Relation loop;
  loop.source = "naver";
  loop.target = "naver";
  loop.type = "invests_in";
  graph.AddRelation(loop);
  return graph;
}

}  // namespace relgraph::testing
