#!/usr/bin/env python3
"""Independent answers for relgraph's structure and community tests, by NetworkX and igraph.

Makes a random typed graph from a seed (groups of entities densely related inside, sparsely
across, a few isolated entities, parallel relations and a self-loop) and prints, as one JSON
document, the graph and, for each relation filter: NetworkX's articulation points (with the
pieces and cut-off of each, found by removing it), core numbers, connected components, strongly
connected components of the directed connection graph, node_disjoint_paths counts for sample
pairs, modularity of fixed sample partitions at two resolutions, and the best modularity of
igraph's community_leiden(objective_function="modularity") over seeds 0..9.
relgraph's tests build the same graph and compare (tests/query/structure_test.cpp).

The connection graph follows the command-line contract: undirected, one edge per related pair,
self-loops left out; the directed one has an arc u->v when a selected relation goes from u to v
(both arcs for a symmetric relation).
"""
import argparse
import json
import random

import igraph
import networkx as nx

TYPES = ["invests_in", "backs", "partners_with", "competes_with", "develops"]
SYMMETRIC = {"partners_with", "competes_with"}


def make_relations(seed, nodes, groups):
    rng = random.Random(seed)
    ids = [f"n{i:03d}" for i in range(nodes)]
    active = ids[:-3]  # the last three stay isolated
    group_of = {node: rng.randrange(groups) for node in active}
    out = []
    for i, u in enumerate(active):
        for v in active[i + 1:]:
            p = 0.25 if group_of[u] == group_of[v] else 0.012
            if rng.random() < p:
                s, t = (u, v) if rng.random() < 0.5 else (v, u)
                out.append([s, t, rng.choice(TYPES)])
    # Pendant chains make articulation points; parallel relations and a self-loop trip
    # implementations up.
    for k in range(4):
        out.append([active[k * 7], active[-1 - k], "backs"])
    out.append([ids[0], ids[1], "backs"])
    out.append([ids[1], ids[0], "invests_in"])
    out.append([ids[0], ids[1], "partners_with"])
    out.append([ids[2], ids[2], "backs"])
    seen, unique = set(), []
    for s, t, kind in out:
        key = (kind, *sorted((s, t))) if kind in SYMMETRIC else (kind, s, t)
        if key not in seen:
            seen.add(key)
            unique.append([s, t, kind])
    return ids, unique


def graphs(ids, relations, types):
    undirected, directed = nx.Graph(), nx.DiGraph()
    undirected.add_nodes_from(ids)
    directed.add_nodes_from(ids)
    for s, t, kind in relations:
        if (types is not None and kind not in types) or s == t:
            continue
        undirected.add_edge(s, t)
        directed.add_edge(s, t)
        if kind in SYMMETRIC:
            directed.add_edge(t, s)
    return undirected, directed


def brokers(g):
    out = {}
    for node in nx.articulation_points(g):
        component = nx.node_connected_component(g, node) - {node}
        pieces = [len(c) for c in nx.connected_components(g.subgraph(component))]
        out[node] = [len(pieces), sum(pieces) - max(pieces)]
    return out


def leiden_best(g, ids, resolution):
    index = {node: i for i, node in enumerate(ids)}
    ig = igraph.Graph(n=len(ids), edges=[(index[u], index[v]) for u, v in g.edges()])
    best = None
    for seed in range(10):
        random.seed(seed)
        igraph.set_random_number_generator(random)
        partition = ig.community_leiden(objective_function="modularity", resolution_parameter=resolution)
        communities = [{ids[i] for i in members} for members in partition]
        quality = nx.community.modularity(g, communities, resolution=resolution)
        best = quality if best is None else max(best, quality)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, required=True)
    args = parser.parse_args()
    rng = random.Random(1000 + args.seed)
    ids, relations = make_relations(args.seed, nodes=70 + 10 * args.seed, groups=4 + args.seed % 3)
    cases = []
    for types in [None, ["invests_in", "backs", "partners_with"]]:
        g, d = graphs(ids, relations, types)
        components = sorted(sorted(c) for c in nx.connected_components(g))
        strong = sorted(sorted(c) for c in nx.strongly_connected_components(d))
        pairs = []
        big = max(nx.connected_components(g), key=len)
        members = sorted(big)
        for _ in range(6):
            s, t = rng.sample(members, 2)
            pairs.append({"from": s, "to": t, "count": len(list(nx.node_disjoint_paths(g, s, t)))})
        partitions = []
        for _ in range(3):
            labels = {node: rng.randrange(5) for node in ids}
            partition = [[n for n in ids if labels[n] == k] for k in range(5)]
            partition = [p for p in partition if p]
            partitions.append({
                "labels": [labels[n] for n in ids],
                "modularity": nx.community.modularity(g, partition, resolution=1.0),
                "modularity_1_5": nx.community.modularity(g, partition, resolution=1.5),
            })
        cases.append({
            "types": types,
            "brokers": brokers(g),
            "core": nx.core_number(g),
            "components": components,
            "strong_components": strong,
            "disjoint": pairs,
            "partitions": partitions,
            "leiden_best": leiden_best(g, ids, 1.0),
            "leiden_best_1_5": leiden_best(g, ids, 1.5),
        })
    print(json.dumps({"nodes": ids, "relations": relations, "cases": cases}))


if __name__ == "__main__":
    main()
