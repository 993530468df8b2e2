// Graphviz DOT writer: a drawing of the graph styled from the data (kind -> shape and fill,
// relation type -> colour and line style), safe for any name.
//
// Safety rests on three rules: every id in the output is generated here (n0, legend_kind_2,
// cluster_3); every piece of user text (names, aliases, kinds, relation types, evidence) is
// inside a quoted string built by Quote(); and no user text goes into an HTML-like label,
// URL/href, id or class attribute, where other parsers would read it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>

#include "export/export.h"
#include "export/text_internal.h"

namespace relgraph::exporter {
namespace {

using internal::AppendUtf8;
using internal::IsControl;
using internal::NextCodePoint;

// How Graphviz (2.42/2.43, the Debian 12 library we link) reads a quoted attribute value:
// - every value: the DOT lexer turns \" into " and keeps every other backslash;
// - labels: HTML entities are decoded (&amp; -> &), then the escString rules apply:
//   \\ -> \, \n \l \r line breaks, \N \G \E \H \T \L the object's names;
// - tooltips (lib/common/emit.c preprocessTooltip): entities decoded, then interpretCRNL drops
//   the backslash of every escape (\n -> newline, \\ -> \), then the object substitution runs
//   on the result (\\ -> \, \N -> the node name).
// So a literal backslash is two backslashes in a label and four in a tooltip; anything less
// lets user text reach the substitutions, and a trailing single backslash would escape the
// closing quote and turn the following text into DOT code.
enum class Context { kLabel, kTooltip };

std::string Quote(std::string_view text, Context context) {
  std::string out = "\"";
  const char* backslash = context == Context::kLabel ? "\\\\" : "\\\\\\\\";
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    switch (c) {
      case '\\':
        out += backslash;
        break;
      case '"':
        out += "\\\"";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\r':
        if (pos < text.size() && text[pos] == '\n') ++pos;  // CRLF is one line break
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        if (!IsControl(c)) AppendUtf8(&out, c);
    }
  }
  out += '"';
  return out;
}

std::string Label(std::string_view text) { return Quote(text, Context::kLabel); }
std::string Tooltip(std::string_view text) { return Quote(text, Context::kTooltip); }

// Numbers in attributes are locale-independent and short ("1.25", "2").
std::string Number(double value) {
  if (!std::isfinite(value)) return "0";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text.empty() ? "0" : text;
}

enum class Script { kHangul, kHan, kKana };

bool HasScript(std::string_view text, Script script) {
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    switch (script) {
      case Script::kHangul:
        if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) return true;
        break;
      case Script::kHan:
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
            (c >= 0x20000 && c <= 0x3134F)) {
          return true;
        }
        break;
      case Script::kKana:
        if (c >= 0x3040 && c <= 0x30FF) return true;
        break;
    }
  }
  return false;
}

// The entity's name in the script its readers most likely know it by, for a second label line:
// Hanzi for Chinese entities, kana for Japanese ones, Hangul for Korean ones and for everyone
// else (relgraph's readers are mostly Korean). Empty when the name is already in such a script
// or no alias is.
std::string NativeName(const Entity& entity) {
  for (Script script : {Script::kHangul, Script::kHan, Script::kKana}) {
    if (HasScript(entity.name, script)) return "";
  }
  static const std::set<std::string> kHanCountries = {"CN", "TW", "HK", "MO", "SG"};
  std::vector<Script> preference = {Script::kHangul, Script::kHan};
  if (kHanCountries.count(entity.country)) preference = {Script::kHan, Script::kHangul};
  if (entity.country == "JP") preference = {Script::kKana, Script::kHan, Script::kHangul};
  for (Script script : preference) {
    for (const std::string& alias : entity.aliases) {
      // A Hanzi alias for a Chinese entity should not be a Korean spelling with a Han letter in it.
      if (HasScript(alias, script) && (script != Script::kHan || !HasScript(alias, Script::kHangul))) return alias;
    }
  }
  return "";
}

struct KindStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

// By the kind's position in the schema (company, university, research_institute, government,
// investor, person, product, consortium, organization for the shipped vocabulary); kinds a
// user adds reuse the palette in turn.
constexpr KindStyle kKindStyles[] = {
    {"box", "rounded,filled", "#dbe9f6", "#3a6ea5"},   {"ellipse", "filled", "#e2f0d9", "#4f7f3a"},
    {"hexagon", "filled", "#fff2cc", "#b8860b"},       {"house", "filled", "#f8d7d7", "#a33a3a"},
    {"parallelogram", "filled", "#ead1dc", "#7a3e65"}, {"octagon", "filled", "#fde9d9", "#c0504d"},
    {"note", "filled", "#e8e3f3", "#5e4b8b"},          {"box3d", "filled", "#d9f2f2", "#2a7f7f"},
    {"box", "filled", "#eeeeee", "#666666"},
};

struct RelationStyle {
  const char* color;
  const char* style;
};

// By the relation type's position in the schema (invests_in, acquires, backs, partners_with,
// competes_with, develops, founded, member_of, part_of, works_at, supplies).
constexpr RelationStyle kRelationStyles[] = {
    {"#1f77b4", "solid"},  {"#d62728", "bold"},   {"#2ca02c", "solid"}, {"#9467bd", "dashed"},
    {"#e377c2", "dotted"}, {"#8c564b", "solid"},  {"#ff7f0e", "solid"}, {"#7f7f7f", "dashed"},
    {"#17becf", "dashed"}, {"#bcbd22", "dotted"}, {"#393b79", "solid"},
};

class DotWriter {
 public:
  DotWriter(const Graph& graph, const DotOptions& options, std::ostream& out)
      : graph_(graph), options_(options), out_(out) {
    const Schema& schema = graph.schema();
    for (size_t i = 0; i < schema.kinds().size(); ++i) kind_position_[schema.kinds()[i].name] = i;
    for (size_t i = 0; i < schema.relation_types().size(); ++i) {
      relation_position_[schema.relation_types()[i].name] = i;
    }
    if (!options.node_scores.empty()) {
      auto [low, high] = std::minmax_element(options.node_scores.begin(), options.node_scores.end());
      score_low_ = *low;
      score_high_ = *high;
    }
  }

  void Write() {
    const auto& entities = graph_.entities();
    out_ << "// relgraph: " << entities.size() << " entities, " << graph_.relations().size()
         << " relations. Node ids n<i> are ours; names are in the quoted labels.\n";
    out_ << "digraph \"relgraph\" {\n";
    const std::string font = Label(options_.font);
    out_ << "  graph [charset=\"UTF-8\", fontname=" << font
         << ", rankdir=\"LR\", nodesep=\"0.25\", ranksep=\"0.8\", overlap=\"false\", splines=\"true\", "
            "outputorder=\"edgesfirst\", bgcolor=\"white\", pad=\"0.3\"";
    if (!options_.layout.empty()) out_ << ", layout=" << Label(options_.layout);
    if (!options_.title.empty()) out_ << ", label=" << Label(options_.title) << ", labelloc=\"t\", fontsize=\"18\"";
    out_ << "];\n";
    out_ << "  node [fontname=" << font << ", fontsize=\"11\", margin=\"0.12,0.05\"];\n";
    out_ << "  edge [fontname=" << font << ", fontsize=\"8\", arrowsize=\"0.7\"];\n";

    WriteNodes();
    for (RelationIndex index = 0; index < graph_.relations().size(); ++index) WriteEdge(index);
    if (options_.legend) WriteLegend();
    out_ << "}\n";
  }

 private:
  const KindStyle& StyleOfKind(const std::string& kind) const {
    auto it = kind_position_.find(kind);
    size_t position = it == kind_position_.end() ? std::size(kKindStyles) - 1 : it->second;
    return kKindStyles[position % std::size(kKindStyles)];
  }
  const RelationStyle& StyleOfRelation(const std::string& type) const {
    auto it = relation_position_.find(type);
    size_t position = it == relation_position_.end() ? 0 : it->second;
    return kRelationStyles[position % std::size(kRelationStyles)];
  }
  bool Symmetric(const std::string& type) const {
    const RelationType* relation_type = graph_.schema().FindRelation(type);
    return relation_type != nullptr && relation_type->symmetric;
  }
  std::string Verb(const std::string& type) const {
    const RelationType* relation_type = graph_.schema().FindRelation(type);
    return relation_type != nullptr && !relation_type->verb.empty() ? relation_type->verb : type;
  }
  const std::string& NameOf(const std::string& id) const {
    auto index = graph_.FindEntity(id);
    return index ? graph_.entities()[*index].name : id;
  }

  // Groups for --cluster-by, keyed by country or kind, in key order; entities without a
  // country stay outside every cluster.
  std::map<std::string, std::vector<EntityIndex>> Clusters() const {
    std::map<std::string, std::vector<EntityIndex>> clusters;
    if (options_.cluster_by == ClusterBy::kNone || options_.cluster_by == ClusterBy::kCommunity) return clusters;
    const auto& entities = graph_.entities();
    for (EntityIndex index = 0; index < entities.size(); ++index) {
      const std::string& key =
          options_.cluster_by == ClusterBy::kCountry ? entities[index].country : entities[index].kind;
      if (!key.empty()) clusters[key].push_back(index);
    }
    return clusters;
  }

  // Pale fills, one per community (cycled), distinct from the kind colours' saturation.
  static constexpr const char* kCommunityFills[] = {"#e6f0fa", "#fdeee0", "#e8f5e4", "#f9e5e5", "#efe9f6",
                                                   "#f3ebe6", "#fbeaf5", "#eeeeee", "#f5f6e0", "#e3f5f7"};

  void WriteNodes() {
    const auto& entities = graph_.entities();
    std::vector<bool> written(entities.size(), false);
    size_t cluster_number = 0;
    if (options_.cluster_by == ClusterBy::kCommunity) {
      std::map<int, std::vector<EntityIndex>> communities;
      for (EntityIndex index = 0; index < entities.size() && index < options_.community.size(); ++index) {
        if (options_.community[index] >= 0) communities[options_.community[index]].push_back(index);
      }
      for (const auto& [community, members] : communities) {
        size_t number = static_cast<size_t>(community);
        std::string label = number < options_.community_labels.size() ? options_.community_labels[number]
                                                                        : "community " + std::to_string(number + 1);
        out_ << "  subgraph \"cluster_" << cluster_number++ << "\" {\n";
        out_ << "    label=" << Label(label) << "; fontsize=\"14\"; style=\"rounded,filled\"; color=\"#999999\"; fillcolor=\""
             << kCommunityFills[number % std::size(kCommunityFills)] << "\";\n";
        for (EntityIndex index : members) {
          out_ << "  ";
          WriteNode(index);
          written[index] = true;
        }
        out_ << "  }\n";
      }
    }
    for (const auto& [key, members] : Clusters()) {
      out_ << "  subgraph \"cluster_" << cluster_number++ << "\" {\n";
      out_ << "    label=" << Label(key) << "; fontsize=\"14\"; style=\"rounded,dashed\"; color=\"#aaaaaa\";\n";
      for (EntityIndex index : members) {
        out_ << "  ";
        WriteNode(index);
        written[index] = true;
      }
      out_ << "  }\n";
    }
    for (EntityIndex index = 0; index < entities.size(); ++index) {
      if (!written[index]) WriteNode(index);
    }
  }

  void WriteNode(EntityIndex index) {
    const Entity& entity = graph_.entities()[index];
    const KindStyle& style = StyleOfKind(entity.kind);
    std::string tooltip =
        entity.name + "\n" + entity.kind + (entity.country.empty() ? "" : ", " + entity.country) + "\nid: " + entity.id;
    if (!entity.aliases.empty()) {
      tooltip += "\nalso: ";
      for (size_t i = 0; i < entity.aliases.size(); ++i) tooltip += (i ? ", " : "") + entity.aliases[i];
    }
    bool highlighted =
        std::find(options_.highlight.begin(), options_.highlight.end(), entity.id) != options_.highlight.end();
    std::string native = options_.native_names ? NativeName(entity) : "";
    out_ << "  n" << index << " [label=" << Label(native.empty() ? entity.name : entity.name + "\n" + native);
    out_ << ", shape=\"" << style.shape << "\", style=\"" << style.style << "\", fillcolor=\"" << style.fill
         << "\", color=\"" << style.border << "\"";
    if (highlighted) out_ << ", penwidth=\"3\"";
    if (index < options_.broker.size() && options_.broker[index]) {
      out_ << ", peripheries=\"2\"";
      tooltip += "\nbroker: removing it cuts off " + std::to_string(options_.broker_cut_off[index]) +
                 (options_.broker_cut_off[index] == 1 ? " entity" : " entities");
    }
    if (index < options_.node_scores.size()) {
      double score = options_.node_scores[index];
      // Area-like growth: the square root keeps a few hubs from dwarfing everything.
      double share = score_high_ > score_low_ && std::isfinite(score)
                         ? std::sqrt(std::clamp((score - score_low_) / (score_high_ - score_low_), 0.0, 1.0))
                         : 0.5;
      out_ << ", fontsize=\"" << Number(10 + 14 * share) << "\", width=\"" << Number(0.6 + 1.4 * share)
           << "\", height=\"" << Number(0.35 + 0.65 * share) << "\"";
      char text[32];
      auto [end, ec] = std::to_chars(text, text + sizeof text, score, std::chars_format::general, 4);
      tooltip += "\n" + options_.score_name + ": " + std::string(text, ec == std::errc() ? end : text);
    }
    out_ << ", tooltip=" << Tooltip(tooltip) << "];\n";
  }

  void WriteEdge(RelationIndex index) {
    const Relation& relation = graph_.relations()[index];
    auto source = graph_.FindEntity(relation.source);
    auto target = graph_.FindEntity(relation.target);
    if (!source || !target) return;  // cannot happen: a Graph only holds relations between its entities
    const RelationStyle& style = StyleOfRelation(relation.type);
    std::string tooltip = NameOf(relation.source) + " " + Verb(relation.type) + " " + NameOf(relation.target) +
                          (relation.date.empty() ? "" : ", " + relation.date);
    if (!relation.evidence.empty()) {
      const Evidence& evidence = relation.evidence.front();
      const Document* document = graph_.FindDocument(evidence.document);
      std::string from = document == nullptr        ? evidence.document
                         : !document->title.empty() ? document->title
                                                    : document->url;
      if (!evidence.sentence.empty()) tooltip += "\n\u201C" + evidence.sentence + "\u201D";
      std::string where;
      if (!evidence.date.empty()) where = evidence.date;
      if (!from.empty()) where += (where.empty() ? "" : ", ") + from;
      if (!where.empty()) tooltip += "\n(" + where + ")";
      if (relation.evidence.size() > 1) tooltip += "\n+" + std::to_string(relation.evidence.size() - 1) + " more";
    }
    double penwidth = std::clamp(0.6 + 0.6 * relation.weight, 0.8, 4.0);
    out_ << "  n" << *source << " -> n" << *target << " [label=" << Label(Verb(relation.type)) << ", color=\""
         << style.color << "\", fontcolor=\"" << style.color << "\", style=\"" << style.style << "\", penwidth=\""
         << Number(penwidth) << "\"";
    if (Symmetric(relation.type)) out_ << ", dir=\"none\"";
    out_ << ", tooltip=" << Tooltip(tooltip) << "];\n";
  }

  // The kinds and relation types present, in schema order, drawn as they appear above.
  void WriteLegend() {
    std::set<std::string> kinds, types;
    for (const Entity& entity : graph_.entities()) kinds.insert(entity.kind);
    for (const Relation& relation : graph_.relations()) types.insert(relation.type);
    if (kinds.empty() && types.empty()) return;
    auto in_schema_order = [](const std::set<std::string>& present, const std::map<std::string, size_t>& position) {
      std::vector<std::string> ordered(present.begin(), present.end());
      std::stable_sort(ordered.begin(), ordered.end(), [&](const std::string& a, const std::string& b) {
        auto pa = position.find(a), pb = position.find(b);
        size_t ia = pa == position.end() ? SIZE_MAX : pa->second, ib = pb == position.end() ? SIZE_MAX : pb->second;
        return ia < ib;
      });
      return ordered;
    };
    out_ << "  subgraph \"cluster_legend\" {\n";
    out_ << "    label=\"Legend\"; class=\"legend\"; fontsize=\"12\"; style=\"rounded\"; color=\"#999999\";\n";
    // Small and tight: the legend shares the first rank with real nodes and should not
    // stretch the drawing.
    out_ << "    node [class=\"legend\", fontsize=\"9\", height=\"0.2\", width=\"0.3\", margin=\"0.06,0.02\"];\n";
    size_t number = 0;
    for (const std::string& kind : in_schema_order(kinds, kind_position_)) {
      const KindStyle& style = StyleOfKind(kind);
      out_ << "    legend_kind_" << number++ << " [label=" << Label(kind) << ", shape=\"" << style.shape
           << "\", style=\"" << style.style << "\", fillcolor=\"" << style.fill << "\", color=\"" << style.border
           << "\", tooltip=" << Tooltip("entity kind: " + kind) << "];\n";
    }
    // Relation types as text drawn in their colour with a line of their style, rather than as
    // sample edges: no edges beyond the relations themselves, and dot keeps the list in order.
    number = 0;
    for (const std::string& type : in_schema_order(types, relation_position_)) {
      const RelationStyle& style = StyleOfRelation(type);
      std::string_view stroke = style.style == std::string_view("dashed")   ? "\u254C\u254C\u254C"
                                : style.style == std::string_view("dotted") ? "\u2508\u2508\u2508"
                                : style.style == std::string_view("bold")   ? "\u2501\u2501\u2501"
                                                                            : "\u2500\u2500\u2500";
      std::string sample = std::string(stroke) + (Symmetric(type) ? "\u2500 " : "\u2192 ") + type;
      out_ << "    legend_relation_" << number++ << " [label=" << Label(sample) << ", shape=\"plaintext\", fontcolor=\""
           << style.color << "\", tooltip=" << Tooltip(type + ": " + Verb(type)) << "];\n";
    }
    if (!options_.node_scores.empty()) {
      out_ << "    legend_size [label=" << Label("node size: " + options_.score_name)
           << ", shape=\"plaintext\", tooltip=" << Tooltip("larger nodes score higher on " + options_.score_name)
           << "];\n";
    }
    out_ << "  }\n";
  }

  const Graph& graph_;
  const DotOptions& options_;
  std::ostream& out_;
  std::map<std::string, size_t> kind_position_, relation_position_;
  double score_low_ = 0, score_high_ = 0;
};

}  // namespace

std::string DotString(std::string_view text) { return Quote(text, Context::kLabel); }

void WriteDot(const Graph& graph, const DotOptions& options, std::ostream& out) {
  DotWriter(graph, options, out).Write();
}

}  // namespace relgraph::exporter
