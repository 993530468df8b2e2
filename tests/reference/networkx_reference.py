#!/usr/bin/env python3
"""Independent answers for relgraph's query tests, computed by NetworkX.

Makes a random typed graph from a seed and prints, as one JSON document, the graph itself and
NetworkX's answers on it: degree, in/out-degree, betweenness (raw and normalized), closeness,
harmonic centrality and PageRank on the connection graph, in both direction modes and with a
relation filter; hop counts (also walking against the arrows, direction "in"), weighted costs and the costs of the k shortest simple paths for
sample pairs. relgraph's tests build the same graph and compare (tests/query/networkx_test.cpp).

The connection graph follows the command-line contract: one arc u->v when at least one selected
relation goes from u to v, both arcs for a symmetric relation; undirected for direction "both";
self-loops left out; a hop costs the least 1/weight among its relations.
"""
import argparse
import itertools
import json
import random

import networkx as nx

TYPES = ["invests_in", "backs", "partners_with", "competes_with", "develops"]
SYMMETRIC = {"partners_with", "competes_with"}


def make_relations(seed, nodes, relations):
    rng = random.Random(seed)
    ids = [f"e{i}" for i in range(nodes)]
    out = []
    for _ in range(relations):
        u, v = rng.choice(ids[:-1]), rng.choice(ids[:-1])  # the last node stays isolated
        out.append([u, v, rng.choice(TYPES), rng.choice([0.5, 1.0, 2.0, 3.0, 0.25])])
    # A few parallel relations and a self-loop, the cases that trip implementations up.
    u, v = ids[0], ids[1]
    out.append([u, v, "backs", 4.0])
    out.append([u, v, "invests_in", 0.5])
    out.append([ids[2], ids[2], "backs", 1.0])
    # Keep one copy of each (source, type, target) fact, as relgraph does (symmetric: unordered).
    seen, unique = set(), []
    for s, t, kind, w in out:
        key = (kind, *sorted((s, t))) if kind in SYMMETRIC else (kind, s, t)
        if key in seen:
            continue
        seen.add(key)
        unique.append([s, t, kind, w])
    return ids, unique


def connection_graph(ids, relations, types, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(ids)
    for s, t, kind, w in relations:
        if types is not None and kind not in types or s == t:
            continue
        arcs = [(s, t)]
        if directed and kind in SYMMETRIC:
            arcs.append((t, s))
        for a, b in arcs:
            cost = 1.0 / w
            if g.has_edge(a, b):
                cost = min(cost, g[a][b]["cost"])
            g.add_edge(a, b, cost=cost)
    return g


def pagerank(g):
    d = g if g.is_directed() else g.to_directed()
    # NetworkX's pure-Python power iteration (no SciPy needed), run to full convergence.
    from networkx.algorithms.link_analysis import pagerank_alg
    return pagerank_alg._pagerank_python(d, alpha=0.85, tol=1e-14, max_iter=100000, weight=None)


def case(ids, relations, types, direction, pairs):
    g = connection_graph(ids, relations, types, directed=(direction != "both"))
    if direction == "in":
        # Walking against the arrows: the reverse of the "out" graph. Paths only.
        g = g.reverse(copy=True)
        return {"direction": direction, "types": types, "paths": path_answers(g, pairs)}
    n = g.number_of_nodes()
    u = g.to_undirected(as_view=True) if g.is_directed() else g
    result = {
        "direction": direction,
        "types": types,
        "degree": {x: len(set(u[x])) for x in g},
        "degree_normalized": {x: len(set(u[x])) / (n - 1) for x in g},
        "betweenness": nx.betweenness_centrality(g, normalized=False),
        "betweenness_normalized": nx.betweenness_centrality(g, normalized=True),
        "closeness": nx.closeness_centrality(g),
        "harmonic": nx.harmonic_centrality(g),
        "pagerank": pagerank(g),
        "paths": path_answers(g, pairs),
    }
    if g.is_directed():
        result["in_degree"] = dict(g.in_degree())
        result["out_degree"] = dict(g.out_degree())
    return result


def path_answers(g, pairs):
    answers = []
    for s, t in pairs:
        item = {"from": s, "to": t}
        try:
            item["hops"] = nx.shortest_path_length(g, s, t)
            item["cost"] = nx.dijkstra_path_length(g, s, t, weight="cost")
            item["k_hops"] = [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(g, s, t), 4)]
            item["k_costs"] = [
                sum(g[a][b]["cost"] for a, b in zip(p, p[1:]))
                for p in itertools.islice(nx.shortest_simple_paths(g, s, t, weight="cost"), 4)
            ]
        except nx.NetworkXNoPath:
            item["hops"] = None
        answers.append(item)
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--nodes", type=int, default=40)
    parser.add_argument("--relations", type=int, default=90)
    args = parser.parse_args()
    ids, relations = make_relations(args.seed, args.nodes, args.relations)
    rng = random.Random(args.seed + 1000)
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(12)] + [(ids[0], ids[-1])]
    pairs = [(s, t) for s, t in pairs if s != t]
    cases = [
        case(ids, relations, None, "out", pairs),
        case(ids, relations, None, "both", pairs),
        case(ids, relations, ["invests_in", "partners_with"], "out", pairs),
        case(ids, relations, ["backs", "competes_with"], "both", pairs),
        case(ids, relations, None, "in", pairs),
        case(ids, relations, ["invests_in", "competes_with"], "in", pairs),
    ]
    print(json.dumps({"seed": args.seed, "nodes": ids, "relations": relations,
                      "symmetric": sorted(SYMMETRIC), "cases": cases}))


if __name__ == "__main__":
    main()
