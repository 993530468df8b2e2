#!/usr/bin/env python3
"""Communities, cores and components on a gen_graph CSV: relgraph against igraph and graph-tool,
in one run, with the ratio relgraph / best peer per task (< 1: relgraph faster).

relgraph is timed through relgraph-bench-worker (WORKER_PROTOCOL.md of ../shared/bench), whose
tasks `components`, `scc`, `core`, `communities` (Leiden) and `louvain` run the code path of
`relgraph components|core|communities`: components and cores straight on the CLI's Csr,
communities on query::ConnectionGraph built from it inside the timing (building the Csr itself
is left out, as loading is for every peer). Peers get
the same graph; their graph construction is untimed too:
- igraph: connected_components(mode="weak"|"strong") on the directed graph; coreness(),
  community_leiden(objective_function="modularity") (its default 2 iterations) and
  community_multilevel() on the undirected simple graph.
- graph-tool (when installed): label_components(directed=False|True), kcore_decomposition();
  it has no modularity Leiden or Louvain (its communities are stochastic block models).
Note: relgraph's strong components follow the contract (a symmetric relation, partners_with,
is walked both ways), so its `scc` counts differ from the peers' plain directed graph.

Usage: /usr/bin/python3 bench/structure_bench.py --csv /tmp/graphs/M.csv --worker build/bench/relgraph-bench-worker
Median of --repeat runs per task.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import tempfile
import time

TASKS = ["components", "scc", "core", "communities", "louvain"]


def relgraph_times(worker, csv_path, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".queries.txt", delete=False) as queries:
        path = queries.name
    try:
        out = subprocess.run([worker, csv_path, path, "load," + ",".join(TASKS), str(repeat), "1000.0", "20000", "20000", "600.0"],
                             check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout
    finally:
        os.unlink(path)
    times, checks = {}, {}
    for line in out.splitlines():
        event = json.loads(line)
        if event.get("event") == "result" and event["task"] in TASKS:
            times[event["task"]] = statistics.median(event["times"])
            checks[event["task"]] = event["check"]
    return times, checks


def median_time(fn, repeat):
    times, answer = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        answer = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), answer


def read_edges(csv_path):
    names, edges = {}, []
    with open(csv_path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            a = names.setdefault(row[0], len(names))
            b = names.setdefault(row[1], len(names))
            edges.append((a, b))
    return len(names), edges


def igraph_times(n, edges, repeat):
    import igraph
    directed = igraph.Graph(n=n, edges=edges, directed=True)
    undirected = directed.as_undirected(mode="collapse")
    undirected.simplify()
    out = {}
    out["components"] = median_time(lambda: len(directed.connected_components(mode="weak")), repeat)
    out["scc"] = median_time(lambda: len(directed.connected_components(mode="strong")), repeat)
    out["core"] = median_time(lambda: max(undirected.coreness()), repeat)
    out["communities"] = median_time(lambda: round(undirected.community_leiden(objective_function="modularity").modularity, 4), repeat)
    out["louvain"] = median_time(lambda: round(undirected.community_multilevel().modularity, 4), repeat)
    return out


def graphtool_times(n, edges, repeat):
    try:
        import graph_tool.all as gt
    except ImportError:
        return None
    graph = gt.Graph(directed=True)
    graph.add_vertex(n)
    graph.add_edge_list(edges)
    undirected = gt.Graph(graph, directed=False)
    gt.remove_parallel_edges(undirected)
    out = {}
    out["components"] = median_time(lambda: len(set(gt.label_components(graph, directed=False)[0].a)), repeat)
    out["scc"] = median_time(lambda: len(set(gt.label_components(graph, directed=True)[0].a)), repeat)
    out["core"] = median_time(lambda: int(gt.kcore_decomposition(undirected).a.max()), repeat)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--worker", default=os.environ.get("RELGRAPH_BENCH_WORKER", "build/bench/relgraph-bench-worker"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    n, edges = read_edges(args.csv)
    print(f"{args.csv}: {n} nodes, {len(edges)} edges; median of {args.repeat}", flush=True)
    ours, checks = relgraph_times(args.worker, args.csv, args.repeat)
    peers = {"igraph": igraph_times(n, edges, args.repeat)}
    graphtool = graphtool_times(n, edges, args.repeat)
    peers["graph-tool"] = graphtool
    print(f"{'task':12} {'relgraph s':>11} {'igraph s':>9} {'graph-tool s':>13} {'ratio':>6}  answers (relgraph | igraph)")
    results = {}
    for task in TASKS:
        peer_times = {name: figures[task][0] for name, figures in peers.items() if figures and task in figures}
        best = min(peer_times.values()) if peer_times else None
        ratio = ours[task] / best if best else None
        ig = peers["igraph"][task]
        gt_cell = f"{peer_times['graph-tool']:.3f}" if "graph-tool" in peer_times else "n/a"
        print(f"{task:12} {ours[task]:11.3f} {ig[0]:9.3f} {gt_cell:>13} {ratio:6.2f}  {json.dumps(checks[task])} | {ig[1]}")
        results[task] = {"relgraph": ours[task], "peers": peer_times, "ratio": ratio, "check": checks[task], "igraph_answer": ig[1]}
    if graphtool is None:
        print("graph-tool: not installed (python3-graph-tool); its cells are n/a")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"csv": args.csv, "nodes": n, "edges": len(edges), "tasks": results}, handle, indent=1)


if __name__ == "__main__":
    main()
