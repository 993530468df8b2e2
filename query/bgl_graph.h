// Boost.Graph's concepts over a SimpleGraph (query/structure.h), without a copy: the graph
// is read through graph_traits, the free functions below and property maps over our own
// arrays. Private to query/: included only by the .cpp files that run BGL algorithms, so the
// heavy Boost headers stay out of every other translation unit.
//
// Models VertexListGraph (vertices, num_vertices), IncidenceGraph (out_edges, out_degree,
// source, target), AdjacencyGraph (adjacent_vertices) and, for undirected graphs only,
// BidirectionalGraph (in_edges: an undirected edge is an out-arc at both ends, so the in-arcs of
// u are its out-arcs reversed). A SimpleGraph stores an undirected graph as a symmetric digraph,
// both arcs of every edge, which is the form biconnected_components and core_numbers read
// through IncidenceGraph; graph_traits therefore say directed_tag for both kinds.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <cassert>
#include <cstdint>
#include <utility>

#include "query/structure.h"

namespace relgraph::query::bgl {

struct Edge {
  uint32_t source = 0, target = 0;
  friend bool operator==(const Edge& a, const Edge& b) { return a.source == b.source && a.target == b.target; }
  friend bool operator!=(const Edge& a, const Edge& b) { return !(a == b); }
};

// Walks a node's neighbour array, giving (node, neighbour) for out-edges or (neighbour, node)
// for in-edges.
class EdgeIterator : public boost::iterator_facade<EdgeIterator, Edge, std::random_access_iterator_tag, Edge> {
 public:
  EdgeIterator() = default;
  EdgeIterator(uint32_t node, const uint32_t* position, bool reversed) : node_(node), position_(position), reversed_(reversed) {}

 private:
  friend class boost::iterator_core_access;
  Edge dereference() const { return reversed_ ? Edge{*position_, node_} : Edge{node_, *position_}; }
  bool equal(const EdgeIterator& other) const { return position_ == other.position_; }
  void increment() { ++position_; }
  void decrement() { --position_; }
  void advance(std::ptrdiff_t n) { position_ += n; }
  std::ptrdiff_t distance_to(const EdgeIterator& other) const { return other.position_ - position_; }

  uint32_t node_ = 0;
  const uint32_t* position_ = nullptr;
  bool reversed_ = false;
};

struct TraversalCategory : virtual boost::vertex_list_graph_tag, virtual boost::adjacency_graph_tag,
                           virtual boost::bidirectional_graph_tag {};

struct GraphTraits {
  using vertex_descriptor = uint32_t;
  using edge_descriptor = Edge;
  using directed_category = boost::directed_tag;
  using edge_parallel_category = boost::disallow_parallel_edge_tag;
  using traversal_category = TraversalCategory;
  using vertex_iterator = boost::counting_iterator<uint32_t>;
  using out_edge_iterator = EdgeIterator;
  using in_edge_iterator = EdgeIterator;
  using adjacency_iterator = const uint32_t*;
  using vertices_size_type = uint32_t;
  using edges_size_type = uint64_t;
  using degree_size_type = uint32_t;
  static vertex_descriptor null_vertex() { return UINT32_MAX; }
};

struct IndexMapTraits {
  using type = boost::typed_identity_property_map<uint32_t>;
  using const_type = type;
};

}  // namespace relgraph::query::bgl

namespace boost {

// Algorithms taking `const Graph&` ask for the traits of the const type too.
template <>
struct graph_traits<relgraph::query::SimpleGraph> : relgraph::query::bgl::GraphTraits {};
template <>
struct graph_traits<const relgraph::query::SimpleGraph> : relgraph::query::bgl::GraphTraits {};

// vertex_index is the node number itself.
template <>
struct property_map<relgraph::query::SimpleGraph, vertex_index_t> : relgraph::query::bgl::IndexMapTraits {};
template <>
struct property_map<const relgraph::query::SimpleGraph, vertex_index_t> : relgraph::query::bgl::IndexMapTraits {};

}  // namespace boost

namespace relgraph::query {

// Found by argument-dependent lookup from inside BGL's algorithms.
inline std::pair<boost::counting_iterator<uint32_t>, boost::counting_iterator<uint32_t>> vertices(const SimpleGraph& graph) {
  return {boost::counting_iterator<uint32_t>(0), boost::counting_iterator<uint32_t>(graph.node_count())};
}
inline uint32_t num_vertices(const SimpleGraph& graph) { return graph.node_count(); }
inline std::pair<bgl::EdgeIterator, bgl::EdgeIterator> out_edges(uint32_t node, const SimpleGraph& graph) {
  return {bgl::EdgeIterator(node, graph.begin(node), false), bgl::EdgeIterator(node, graph.end(node), false)};
}
inline std::pair<bgl::EdgeIterator, bgl::EdgeIterator> in_edges(uint32_t node, const SimpleGraph& graph) {
  assert(!graph.directed);  // a directed SimpleGraph keeps no in-arcs
  return {bgl::EdgeIterator(node, graph.begin(node), true), bgl::EdgeIterator(node, graph.end(node), true)};
}
inline uint32_t out_degree(uint32_t node, const SimpleGraph& graph) { return graph.degree(node); }
inline uint32_t in_degree(uint32_t node, const SimpleGraph& graph) { return graph.degree(node); }
inline uint32_t degree(uint32_t node, const SimpleGraph& graph) { return graph.degree(node); }
inline uint32_t source(const bgl::Edge& edge, const SimpleGraph&) { return edge.source; }
inline uint32_t target(const bgl::Edge& edge, const SimpleGraph&) { return edge.target; }
inline std::pair<const uint32_t*, const uint32_t*> adjacent_vertices(uint32_t node, const SimpleGraph& graph) {
  return {graph.begin(node), graph.end(node)};
}
inline boost::typed_identity_property_map<uint32_t> get(boost::vertex_index_t, const SimpleGraph&) { return {}; }

}  // namespace relgraph::query
