#!/usr/bin/python3
"""Database-level benchmark: the relgraph CLI next to the Kùzu embedded graph database.

Both import the same gen_graph CSV (header source,target,relation,weight) and answer the
same 100 fixed pairs (<csv>.queries.json, field "pairs", as ../shared/bench/kuzu_peer.mjs
uses them) in the same run. Prints one table with relgraph's figure, Kùzu's figure and
the ratio relgraph / Kùzu per task (< 1: relgraph faster or smaller).

    /usr/bin/python3 bench/db_bench.py --csv /tmp/graphs/S.csv --relgraph build/relgraph
    /usr/bin/python3 bench/db_bench.py --csv /tmp/graphs/M.csv --relgraph build/relgraph \\
        --kuzu-json results/kuzu_M.json        # Kùzu's figures from an earlier run
    /usr/bin/python3 bench/db_bench.py --csv /tmp/graphs/S.csv --skip-kuzu --tasks open,first_path

Tasks (--tasks, comma-separated; default all but dijkstra_pairs):
  import           `relgraph --db NEW import CSV --create-missing --quiet` into a fresh store
                   file each run; seconds, store size on disk, peak RSS
  open             `relgraph --db DB info --format json` in a fresh process
  first_path       `relgraph --db DB path A B --format json` for the first pair, fresh process
  bfs_pairs_dir    the 100 pairs, one `path A B --direction out` process each, then all of them
                   in one `path --pairs FILE` process
  bfs_pairs_undir  the same with --direction both
  dijkstra_pairs   the same with --weighted --direction out (opt-in; relgraph's hop cost is
                   1/weight, Kùzu's is weight, so only the times are comparable)

Every relgraph figure is whole processes: what a CLI user pays per question (process
start, store open, graph load, the query). Kùzu's are in-process (kuzu_peer.mjs: one Node
process per task, prepared queries on one open connection). import/open/first_path repeat
--repeat times while a run takes less than --cheap seconds (median reported); the pair
tasks run each pair once, i.e. 100 processes, and report their total and the per-pair
median. Hop counts are checked against the peers.py reference JSON (found the way
kuzu_peer.mjs finds it) and against Kùzu's. Peak RSS is each child's, from wait4.
Python 3 standard library only; Kùzu needs node and `sh ../shared/bench/install_kuzu.sh`.
"""
import argparse
import collections
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALL_TASKS = ["import", "open", "first_path", "bfs_pairs_dir", "bfs_pairs_undir", "dijkstra_pairs"]
DEFAULT_TASKS = ["import", "open", "first_path", "bfs_pairs_dir", "bfs_pairs_undir"]
KUZU_TASKS = {"import", "open", "bfs_pairs_dir", "bfs_pairs_undir", "dijkstra_pairs"}
PAIR_TASKS = {"bfs_pairs_dir": ["--direction", "out"], "bfs_pairs_undir": ["--direction", "both"],
              "dijkstra_pairs": ["--direction", "out", "--weighted"]}
# Relation types data/schema.json declares symmetric: relgraph walks them both ways even with
# --direction out, while Kùzu and igraph follow the CSV's arrow. Used only to explain
# directed hop counts that differ.
SYMMETRIC = {"partners_with", "competes_with"}
QUERY_SEED = 12345  # peers.py's and kuzu_peer.mjs's default --seed


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(argv, stdout_path=None):
    """Runs one child; returns (seconds, peak RSS in KB, exit code, stdout, stderr tail).

    Output goes to files rather than pipes so that os.wait4 can reap the child itself and hand
    back that child's own rusage (getrusage(RUSAGE_CHILDREN) would be the maximum over all)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode("utf-8", "replace")
        tail = " | ".join(err.read().decode("utf-8", "replace").strip().splitlines()[-3:])
    return seconds, usage.ru_maxrss, proc.returncode, text, tail


def store_bytes(db):
    # SQLite may leave a WAL, shared-memory or rollback journal next to the store.
    return sum(os.path.getsize(db + s) for s in ("", "-wal", "-shm", "-journal") if os.path.exists(db + s))


def remove_store(db):
    for s in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + s):
            os.remove(db + s)


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# ------------------------------------------------------------------ inputs
def load_queries(csv_path, shared):
    qpath = csv_path + ".queries.json"
    size = os.path.getsize(csv_path)
    q = None
    if os.path.exists(qpath):
        with open(qpath) as f:
            q = json.load(f)
    if not q or q.get("csv_bytes") != size or q.get("seed") != QUERY_SEED:
        # The same generator as peers.py and kuzu_peer.mjs, so all three ask the same pairs.
        log(f"writing {qpath} with peers.make_queries")
        sys.path.insert(0, shared)
        import peers  # noqa: E402  (shared/bench, stdlib only)
        _, q = peers.make_queries(csv_path, QUERY_SEED)
    return qpath, q


def load_meta(csv_path):
    try:
        with open(csv_path + ".meta.json") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def load_reference(csv_path, shared, meta):
    """The peers.py JSON kuzu_peer.mjs would use: <stem>.peers.json next to the CSV, else
    results/<stem>.json in shared/bench when its graph sha256 matches."""
    stem = os.path.basename(csv_path)[:-4] if csv_path.endswith(".csv") else os.path.basename(csv_path)
    for cand in (os.path.join(os.path.dirname(csv_path), stem + ".peers.json"),
                 os.path.join(shared, "results", stem + ".json")):
        if not os.path.exists(cand):
            continue
        with open(cand) as f:
            j = json.load(f)
        sha = (j.get("graph_meta") or {}).get("sha256")
        if meta and meta.get("sha256") and sha and sha != meta["sha256"]:
            continue
        if (j.get("args") or {}).get("seed", QUERY_SEED) != QUERY_SEED:
            continue
        return cand, j
    return None, None


def reference_hops(ref, task):
    """First peer in the reference with a result for the task, as kuzu_peer.mjs's refCheck."""
    for peer, d in (ref or {}).get("peers", {}).items():
        r = (d.get("results") or {}).get(task)
        if r and r.get("times") and r.get("check") and "hops" in r["check"]:
            return peer, r["check"]["hops"]
    return None, None


# ------------------------------------------------------------------ relgraph
def relgraph_import(binary, csv_path, db):
    remove_store(db)
    sec, rss, rc, _, err = run([binary, "--db", db, "import", csv_path, "--create-missing", "--quiet"])
    return {"seconds": sec, "peak_rss_kb": rss, "rc": rc, "stderr": err, "store_bytes": store_bytes(db)}


def repeated(fn, repeat, cheap):
    """Runs fn until `repeat` runs or one run reaches `cheap` seconds (kuzu_peer.mjs's rule)."""
    runs = []
    for _ in range(repeat):
        r = fn()
        runs.append(r)
        if r["rc"] != 0 or r["seconds"] >= cheap:
            break
    return runs


def run_relgraph(args, tasks, q, work):
    db = os.path.join(work, "relgraph.db")
    res = {}
    if "import" in tasks:
        log("  [relgraph] import ...")
        runs = repeated(lambda: relgraph_import(args.relgraph, args.csv, db), args.repeat, args.cheap)
        res["import"] = {"runs": runs, "times": [r["seconds"] for r in runs if r["rc"] == 0]}
    imported = "import" in res and res["import"]["runs"][-1]["rc"] == 0
    if any(t != "import" for t in tasks) and not imported:
        # The other tasks need a store; build one untimed when import was not asked for (or failed).
        log("  [relgraph] import (setup, untimed) ...")
        r = relgraph_import(args.relgraph, args.csv, db)
        if r["rc"] != 0:
            raise SystemExit(f"relgraph import failed (rc {r['rc']}): {r['stderr']}")
    if "open" in tasks:
        log("  [relgraph] open ...")

        def info():
            sec, rss, rc, out, err = run([args.relgraph, "--db", db, "info", "--format", "json"])
            r = {"seconds": sec, "peak_rss_kb": rss, "rc": rc, "stderr": err}
            if rc == 0:
                j = json.loads(out)
                r["entities"], r["relations"] = j.get("entities"), j.get("relations")
            return r
        runs = repeated(info, args.repeat, args.cheap)
        res["open"] = {"runs": runs, "times": [r["seconds"] for r in runs if r["rc"] == 0]}
    if "first_path" in tasks:
        log("  [relgraph] first_path ...")
        a, b = q["pairs"][0]

        def first():
            sec, rss, rc, out, err = run([args.relgraph, "--db", db, "path", a, b, "--format", "json"])
            r = {"seconds": sec, "peak_rss_kb": rss, "rc": rc, "stderr": err}
            if rc == 0:
                paths = json.loads(out).get("paths") or []
                r["hops"] = paths[0]["hops"] if paths else -1
            return r
        runs = repeated(first, args.repeat, args.cheap)
        res["first_path"] = {"runs": runs, "times": [r["seconds"] for r in runs if r["rc"] == 0],
                             "pair": [a, b]}
    for task in (t for t in tasks if t in PAIR_TASKS):
        pairs = q["pairs"][:args.pairs]
        times, rss, hops, costs, errors = [], [], [], [], []
        for i, (a, b) in enumerate(pairs):
            if i % 20 == 0:
                log(f"  [relgraph] {task} {i}/{len(pairs)} ...")
            sec, kb, rc, out, err = run([args.relgraph, "--db", db, "path", a, b, *PAIR_TASKS[task],
                                         "--format", "json"])
            if rc != 0:
                errors.append(f"pair #{i} {a}->{b}: rc {rc}: {err}")
                hops.append(None)
                costs.append(None)
                continue
            times.append(sec)
            rss.append(kb)
            paths = json.loads(out).get("paths") or []
            hops.append(paths[0]["hops"] if paths else -1)
            costs.append(paths[0]["cost"] if paths else -1)
        res[task] = {"pair_times": times, "total": sum(times), "pairs": len(pairs), "hops": hops,
                     "costs": costs, "peak_rss_kb": max(rss, default=0), "errors": errors}
        # The same pairs in one process (path --pairs): one open, one image decode.
        pairs_csv = os.path.join(work, "pairs.csv")
        with open(pairs_csv, "w", encoding="utf-8") as f:
            f.write("from,to\n" + "".join(f"{a},{b}\n" for a, b in pairs))

        def batch():
            sec, kb, rc, out, err = run([args.relgraph, "--db", db, "path", "--pairs", pairs_csv, *PAIR_TASKS[task],
                                         "--format", "json"])
            r = {"seconds": sec, "peak_rss_kb": kb, "rc": rc, "stderr": err}
            if rc == 0:
                answers = json.loads(out)["pairs"]
                r["hops"] = [(a["paths"][0]["hops"] if a["paths"] else -1) for a in answers]
            return r
        runs = repeated(batch, args.repeat, args.cheap)
        good = [r for r in runs if r["rc"] == 0]
        res[task]["batch"] = {"times": [r["seconds"] for r in good], "peak_rss_kb": max((r["peak_rss_kb"] for r in good), default=0),
                              "same_hops": bool(good) and good[-1]["hops"] == hops,
                              "error": "" if good else runs[-1]["stderr"]}
    return res


# ------------------------------------------------------------------ Kùzu
def run_kuzu(args, tasks):
    ktasks = [t for t in tasks if t in KUZU_TASKS]
    if not ktasks:
        return None, None
    kuzu_dir = args.kuzu_dir
    if not os.path.isdir(os.path.join(kuzu_dir, "node_modules", "kuzu")):
        raise SystemExit(f"no Kùzu in {kuzu_dir}: run `sh {args.shared}/install_kuzu.sh {kuzu_dir}` "
                         "or pass --skip-kuzu / --kuzu-json FILE")
    stem = os.path.splitext(os.path.basename(args.csv))[0]
    out = args.kuzu_out or os.path.join(tempfile.gettempdir(), f"db_bench_kuzu_{stem}_{os.getpid()}.json")
    argv = ["node", os.path.join(args.shared, "kuzu_peer.mjs"), "--csv", args.csv, "--json", out,
            "--tasks", ",".join(ktasks), "--kuzu-dir", kuzu_dir, "--repeat", str(args.repeat),
            "--cheap", str(args.cheap)]
    log("  [kuzu] " + " ".join(argv))
    # Its own table and progress go to stderr: stdout is this script's table.
    rc = subprocess.call(argv, stdin=subprocess.DEVNULL, stdout=sys.stderr)
    if rc != 0 or not os.path.exists(out):
        raise SystemExit(f"kuzu_peer.mjs failed (rc {rc}); rerun with --skip-kuzu to time relgraph alone")
    with open(out) as f:
        return out, json.load(f)


# ------------------------------------------------------------------ checks
def symmetric_hops(csv_path, pairs):
    """Fewest hops following arrows, but symmetric relation types both ways (relgraph's rule).
    Plain BFS over the CSV, only for the pairs that differ, to say why they differ."""
    adj = collections.defaultdict(list)
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            adj[row[0]].append(row[1])
            if row[2] in SYMMETRIC:
                adj[row[1]].append(row[0])
    out = []
    for a, b in pairs:
        dist, frontier, found = {a: 0}, [a], -1
        while frontier and found < 0:
            nxt = []
            for u in frontier:
                for v in adj[u]:
                    if v not in dist:
                        dist[v] = dist[u] + 1
                        if v == b:
                            found = dist[v]
                        nxt.append(v)
            frontier = nxt
        out.append(found)
    return out


def compare_hops(ours, theirs):
    bad = [i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y]
    return bad


def hop_checks(task, r, ref_peer, ref_hops, kuzu_hops, csv_path, pairs):
    ours = r["hops"]
    n = len(ours)
    lines = []
    sources = [(who, hops) for who, hops in ((ref_peer, ref_hops), ("Kùzu", kuzu_hops)) if hops]
    if len(sources) == 2 and sources[0][1][:n] == sources[1][1][:n]:
        # The usual case: Kùzu agrees with the reference, so one comparison says it all.
        sources = [(f"{ref_peer} and Kùzu", ref_hops)]
    for who, hops in sources:
        bad = compare_hops(ours, hops[:n])
        if not bad:
            lines.append(f"{n}/{n} hop counts = {who}")
            continue
        msg = f"{n - len(bad)}/{n} hop counts = {who}; differ: " + ", ".join(
            f"#{i} {ours[i]} vs {hops[i]}" for i in bad[:4]) + (" ..." if len(bad) > 4 else "")
        if task == "bfs_pairs_dir":
            # relgraph walks symmetric relations both ways even when following arrows.
            sym = symmetric_hops(csv_path, [pairs[i] for i in bad])
            same = sum(1 for i, h in zip(bad, sym) if h == ours[i])
            msg += (f"; {same}/{len(bad)} of them = a directed BFS walking "
                    f"{'/'.join(sorted(SYMMETRIC))} both ways")
        lines.append(msg)
    return "; ".join(lines) if lines else "no reference hop counts"


# ------------------------------------------------------------------ report
def fmt_s(x):
    if x is None or x != x:
        return "-"
    return f"{x:.3f}" if x >= 0.1 else f"{x * 1000:.2f}ms"


def fmt_mb(kb):
    return f"{kb / 1024:.0f}MB" if kb else "-"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b and a == a and b == b else "-"


def build_table(args, tasks, ours, kuzu, checks):
    kres = ((kuzu or {}).get("peers", {}).get("kuzu", {}) or {}).get("results", {})
    rows = []

    def krow(task):
        r = kres.get(task) or {}
        t = r.get("times") or []
        return (median(t) if t else None), (f"x{len(t)}" if t else ""), r.get("peak_rss_kb")

    for task in tasks:
        r = ours.get(task)
        km, kn, krss = krow(task) if task in KUZU_TASKS else (None, "", None)
        if task in ("import", "open", "first_path"):
            good = [x for x in r["runs"] if x["rc"] == 0]
            if not good:
                rows.append([task, "FAIL", "", "", fmt_s(km), kn, fmt_mb(krss), "-", r["runs"][-1]["stderr"]])
                continue
            m = median(r["times"])
            rss = max(x["peak_rss_kb"] for x in good)
            rows.append([task, fmt_s(m), f"x{len(good)}", fmt_mb(rss), fmt_s(km), kn, fmt_mb(krss),
                         ratio(m, km), checks.get(task, "")])
            if task == "import":
                sb = good[-1]["store_bytes"]
                kb = ((kres.get("import") or {}).get("extra") or {}).get("db_bytes")
                rows.append(["  store on disk", f"{sb / 1048576:.1f}MB", "", "",
                             f"{kb / 1048576:.1f}MB" if kb else "-", "", "", ratio(sb, kb),
                             f"CSV {os.path.getsize(args.csv) / 1048576:.1f} MB"])
        else:
            n = r["pairs"]
            ok = len(r["pair_times"])
            # Kùzu's figure is one in-process pass over all 100 pairs; ours, scaled to 100
            # when --pairs asked for fewer, is the sum of one process per pair.
            total100 = r["total"] * 100 / ok if ok else None
            rows.append([f"{task}", fmt_s(r["total"]), (f"{ok} proc" if ok == n else f"{ok}/{n} proc"), fmt_mb(r["peak_rss_kb"]),
                         fmt_s(km), kn, fmt_mb(krss), ratio(total100, km),
                         checks.get(task, "") + ("; FAILED: " + r["errors"][0] if r["errors"] else "")])
            b = r.get("batch") or {}
            if b.get("times"):
                bm = median(b["times"])
                rows.append(["  one process (--pairs)", fmt_s(bm), f"x{len(b['times'])}", fmt_mb(b["peak_rss_kb"]),
                             fmt_s(km), kn, fmt_mb(krss), ratio(bm * 100 / n, km),
                             "hops as one process per pair" if b["same_hops"] else "HOPS DIFFER from one process per pair"])
            elif b:
                rows.append(["  one process (--pairs)", "FAIL", "", "", "", "", "", "-", b.get("error", "")])
            per = median(r["pair_times"])
            kper = km / 100 if km else None
            rows.append(["  per pair", fmt_s(per) + " med", "", "", (fmt_s(kper) + " mean") if kper else "-",
                         "", "", ratio(per, kper), ""])
    head = ["task", "relgraph", "runs", "RSS", "Kùzu", "runs", "RSS", "ratio", "check (relgraph)"]
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head) - 1)]
    lines = []
    for row in [head] + rows:
        cells = [str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(row[:-1])]
        lines.append("  ".join(cells) + "  " + str(row[-1]))
        if row is head:
            lines.append("-" * (sum(widths) + 2 * len(widths) + 16))
    return "\n".join(lines)


def notes(args, tasks, ours, kuzu, kuzu_path):
    kres = ((kuzu or {}).get("peers", {}).get("kuzu", {}) or {}).get("results", {})
    out = ["relgraph: every figure is whole CLI processes, as a CLI user pays them: process start, "
           "store open and graph load, then the question. Kùzu: in-process times from kuzu_peer.mjs "
           "(one Node process per task; pair tasks are prepared queries on one open connection, "
           "median of its runs), so the pair ratios compare a process per question with a query on "
           "an open database."]
    if "import" in tasks:
        out.append("import: relgraph = wall time of `relgraph import` (process start included); Kùzu = "
                   "schema + COPY nodes + COPY rels + close inside Node (module load and Node start "
                   "excluded). RSS = the importing process's peak.")
    if "open" in tasks:
        ko = kres.get("open") or {}
        extra = f"; Kùzu's whole process incl. Node start {ko['process_wall_s']:.3f}s (first run)" \
            if ko.get("process_wall_s") else ""
        out.append("open: relgraph = `info` process (start, open, load, count); Kùzu = import('kuzu') + "
                   "open + count(*) query, Node start excluded" + extra + ".")
    if "first_path" in tasks:
        out.append(f"first_path: one `path {' '.join(ours['first_path']['pair'])}` process (default "
                   "--direction both); Kùzu has no separate task for it (closest: open, then one pair).")
    if any(t in PAIR_TASKS for t in tasks):
        out.append("pair tasks: relgraph runs each pair once in its own process (total and median per "
                   "pair); ratio row = relgraph total / Kùzu median total for 100 pairs, per-pair row = "
                   "relgraph median / Kùzu mean (its total / 100)."
                   + (f" Only the first {args.pairs} pairs ran here; the ratio row scales "
                      "relgraph's total to 100." if args.pairs < 100 else ""))
    if "bfs_pairs_dir" in tasks:
        out.append("bfs_pairs_dir: relgraph's --direction out walks symmetric relation types "
                   f"({', '.join(sorted(SYMMETRIC))}) both ways; Kùzu and igraph follow the CSV's arrow "
                   "only, so directed hop counts may differ by design.")
    if "dijkstra_pairs" in tasks:
        out.append("dijkstra_pairs: COSTS DIFFER: relgraph --weighted costs 1/weight per hop, Kùzu "
                   "(WSHORTEST) and igraph cost = weight; times only, answers not compared.")
    if kuzu_path and args.kuzu_json:
        m = (kuzu or {}).get("machine") or {}
        out.append(f"Kùzu figures from an earlier run: {kuzu_path} (load then {m.get('loadavg_start')} -> "
                   f"{m.get('loadavg_end')}).")
    elif kuzu_path:
        out.append(f"Kùzu JSON of this run: {kuzu_path} (reuse with --kuzu-json).")
    info = (kuzu or {}).get("peers", {}).get("kuzu", {}).get("info") or {}
    if info:
        out.append(f"Kùzu: {info.get('version')}, node {info.get('node')}, threads={info.get('threads')}.")
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--csv", required=True, help="gen_graph CSV (source,target,relation,weight)")
    p.add_argument("--relgraph", default=os.path.join(ROOT, "build", "relgraph"), help="relgraph binary")
    p.add_argument("--repeat", type=int, default=3, help="runs of import/open/first_path (and Kùzu's)")
    p.add_argument("--cheap", type=float, default=20.0, help="repeat only while a run takes less (s)")
    p.add_argument("--tasks", default=",".join(DEFAULT_TASKS), help="comma-separated, of: " + ",".join(ALL_TASKS))
    p.add_argument("--pairs", type=int, default=100, help="only the first N pairs for relgraph (quick looks)")
    p.add_argument("--skip-kuzu", action="store_true", help="time relgraph alone")
    p.add_argument("--kuzu-json", help="Kùzu's figures from an earlier kuzu_peer.mjs --json run")
    p.add_argument("--kuzu-dir", default="/tmp/kuzu-peer", help="directory holding node_modules/kuzu")
    p.add_argument("--kuzu-out", help="where kuzu_peer.mjs writes its JSON (default: a file in $TMPDIR)")
    p.add_argument("--shared", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "bench")),
                   help="shared bench directory (kuzu_peer.mjs, peers.py, results/)")
    p.add_argument("--json", help="write all figures here")
    p.add_argument("--keep-db", action="store_true", help="keep relgraph's store (its path is printed)")
    args = p.parse_args()
    args.csv = os.path.abspath(args.csv)
    args.relgraph = os.path.abspath(args.relgraph)
    args.shared = os.path.abspath(args.shared)
    tasks = [t for t in args.tasks.split(",") if t]
    unknown = [t for t in tasks if t not in ALL_TASKS]
    if unknown:
        p.error(f"unknown task(s) {','.join(unknown)}; known: {','.join(ALL_TASKS)}")
    if not os.access(args.relgraph, os.X_OK):
        p.error(f"no relgraph binary at {args.relgraph} (--relgraph)")
    args.pairs = max(1, min(args.pairs, 100))

    load_start = os.getloadavg()
    t0 = time.perf_counter()
    meta = load_meta(args.csv)
    qpath, q = load_queries(args.csv, args.shared)
    ref_path, ref = load_reference(args.csv, args.shared, meta)
    version = run([args.relgraph, "--version"])[3].strip()
    log(f"graph {args.csv}: {q['nodes']} nodes, {q['edges']} edges; queries {qpath}; "
        f"load {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}")

    kuzu_path, kuzu = None, None
    if args.kuzu_json:
        kuzu_path = os.path.abspath(args.kuzu_json)
        with open(kuzu_path) as f:
            kuzu = json.load(f)
        ksha = (kuzu.get("graph_meta") or {}).get("sha256")
        if meta and ksha and ksha != meta.get("sha256"):
            raise SystemExit(f"{kuzu_path} was measured on another graph (sha256 {ksha[:12]}... vs "
                             f"{meta['sha256'][:12]}...)")
    elif not args.skip_kuzu:
        kuzu_path, kuzu = run_kuzu(args, tasks)

    work = tempfile.mkdtemp(prefix="db_bench_")
    try:
        ours = run_relgraph(args, tasks, q, work)
    finally:
        if not args.keep_db:
            shutil.rmtree(work, ignore_errors=True)
    load_end = os.getloadavg()

    kres = ((kuzu or {}).get("peers", {}).get("kuzu", {}) or {}).get("results", {})
    checks = {}
    if "open" in ours:
        r = next((x for x in (ours.get("open") or {}).get("runs", []) if x["rc"] == 0), None)
        if r:
            kc = (kres.get("import") or {}).get("check") or {}
            want = (kc.get("nodes", q["nodes"]), kc.get("edges", q["edges"]))
            got = (r["entities"], r["relations"])
            checks["open"] = (f"{got[0]} entities, {got[1]} relations = " + ("Kùzu's" if kc else "CSV's")
                              if got == want else f"DIFFERS: {got[0]} entities, {got[1]} relations vs {want}")
    if "first_path" in ours:
        rp, rh = reference_hops(ref, "bfs_pairs_undir")
        h = next((x["hops"] for x in ours["first_path"]["runs"] if x["rc"] == 0), None)
        if h is not None:
            checks["first_path"] = f"{h} hops" + (f" = {rp}" if rh and rh[0] == h else
                                                  f" vs {rp} {rh[0]}" if rh else "")
    for task in (t for t in tasks if t in ("bfs_pairs_dir", "bfs_pairs_undir")):
        rp, rh = reference_hops(ref, task)
        kh = ((kres.get(task) or {}).get("check") or {}).get("hops")
        checks[task] = hop_checks(task, ours[task], rp, rh, kh, args.csv, q["pairs"])
    if "dijkstra_pairs" in tasks:
        checks["dijkstra_pairs"] = "costs differ (1/weight vs weight): not compared"

    table = build_table(args, tasks, ours, kuzu, checks)
    note_lines = notes(args, tasks, ours, kuzu, kuzu_path)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               "?")
    print(f"# {os.path.basename(args.csv)}: {q['nodes']} nodes, {q['edges']} edges; {version} ({args.relgraph}) "
          + ("vs Kùzu; median s, ratio = relgraph / Kùzu (< 1: relgraph faster or smaller)" if kuzu
             else "alone (--skip-kuzu); median s"))
    print(table)
    for line in note_lines:
        print("  - " + line)
    print(f"  machine: {cpu} x{os.cpu_count()}; load average at start {load_start[0]:.2f} "
          f"{load_start[1]:.2f} {load_start[2]:.2f}, at end {load_end[0]:.2f} {load_end[1]:.2f} "
          f"{load_end[2]:.2f}; wall {time.perf_counter() - t0:.1f}s")
    print(f"  reference hop counts: {ref_path or 'none found (run peers.py on this CSV)'}")
    if args.keep_db:
        print(f"  relgraph store kept: {os.path.join(work, 'relgraph.db')}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"tool": "db_bench.py", "csv": args.csv, "graph_meta": meta, "queries_file": qpath,
                       "relgraph": {"binary": args.relgraph, "version": version, "results": ours},
                       "kuzu_json": kuzu_path, "kuzu": kuzu, "reference": ref_path, "checks": checks,
                       "machine": {"cpu": cpu, "nproc": os.cpu_count(), "loadavg_start": load_start,
                                   "loadavg_end": load_end},
                       "args": vars(args), "table": table, "notes": note_lines}, f, indent=1)
        print(f"results: {args.json}")


if __name__ == "__main__":
    main()
