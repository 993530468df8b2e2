"""Reads a GraphML file with NetworkX's read_graphml and igraph's Graph.Read_GraphML and prints
what each library saw as one JSON document, for tests/export/graphml_readers_test.cpp:

  {"networkx": {"directed": bool, "nodes": [...], "edges": [...]},
   "igraph": {...same...} or {"skipped": "why"}}

nodes: [{"id", "name", "kind"}] sorted by id; edges: [{"source", "target", "relation", "weight",
"date", "symmetric"}] with entity ids as ends, sorted. Any error a library raises goes to stderr
and the exit status is 1. Usage: graphml_readers.py FILE.
"""
import json
import sys
import warnings


def edge_key(edge):
    return (edge["source"], edge["target"], edge["relation"], edge["weight"], edge["date"], edge["symmetric"])


def read_networkx(path):
    import networkx as nx

    graph = nx.read_graphml(path)
    nodes = [{"id": data["id"], "name": data["name"], "kind": data["kind"]} for _, data in graph.nodes(data=True)]
    ids = {node: data["id"] for node, data in graph.nodes(data=True)}
    edges = []
    for source, target, data in graph.edges(data=True):
        edges.append({
            "source": ids[source],
            "target": ids[target],
            "relation": data["relation"],
            "weight": data["weight"],
            "date": data.get("date", ""),  # an empty <data> element has no text: NetworkX leaves it out
            "symmetric": data["symmetric"],
        })
    return {
        "directed": graph.is_directed(),
        "nodes": sorted(nodes, key=lambda node: node["id"]),
        "edges": sorted(edges, key=edge_key),
    }


def read_igraph(path):
    try:
        import igraph
    except ImportError as error:
        return {"skipped": "python3-igraph is not installed (%s)" % error}
    with warnings.catch_warnings():
        # igraph warns that our data key "id" takes the place of the GraphML node ids; that is
        # what we want (the entity id), not an error.
        warnings.simplefilter("ignore")
        graph = igraph.Graph.Read_GraphML(path)
    nodes = [{"id": vertex["id"], "name": vertex["name"], "kind": vertex["kind"]} for vertex in graph.vs]
    edges = []
    for edge in graph.es:
        edges.append({
            "source": graph.vs[edge.source]["id"],
            "target": graph.vs[edge.target]["id"],
            "relation": edge["relation"],
            "weight": edge["weight"],
            "date": edge["date"],
            "symmetric": bool(edge["symmetric"]),
        })
    return {
        "directed": graph.is_directed(),
        "nodes": sorted(nodes, key=lambda node: node["id"]),
        "edges": sorted(edges, key=edge_key),
    }


def main():
    path = sys.argv[1]
    print(json.dumps({"networkx": read_networkx(path), "igraph": read_igraph(path)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
