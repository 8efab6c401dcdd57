#!/usr/bin/env python3
"""The igraph side of the graph benchmark (apps/api/src/bench/graph.bench.ts).

Usage: graph_igraph.py EDGES.csv directed|undirected STEP[,STEP...]
Steps: build (read the CSV, build the graph and its undirected view), pagerank, louvain,
degrees, betweenness. Prints one JSON object: wall and CPU seconds per step, modularity,
ru_maxrss in KiB. Needs Debian's python3-igraph.

igraph draws its random numbers from Python's `random`; it is seeded so that runs compare like
with like (igraph's Louvain time varies several-fold from one seed to another).
"""
import csv
import json
import random
import resource
import sys
import time

import igraph


def main() -> None:
    path, kind, steps = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    directed = kind == "directed"
    random.seed(1)
    igraph.set_random_number_generator(random)
    seconds = {}
    cpu_seconds = {}
    result = {"seconds": seconds, "cpuSeconds": cpu_seconds}

    start, cpu_start = time.perf_counter(), time.process_time()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        if header != ["source", "target"]:
            raise SystemExit(f"line 1: expected the header source,target, found {header}")
        graph = igraph.Graph.TupleList(rows, directed=directed)
    # Louvain needs the undirected view; we build ours with the graph, so igraph does too.
    undirected = graph.as_undirected(mode="collapse") if directed else graph
    seconds["build"] = time.perf_counter() - start
    cpu_seconds["build"] = time.process_time() - cpu_start

    for step in steps:
        start, cpu_start = time.perf_counter(), time.process_time()
        if step == "build":
            continue
        if step == "pagerank":
            graph.pagerank(damping=0.85)
        elif step == "louvain":
            membership = undirected.community_multilevel().membership
            result["modularity"] = undirected.modularity(membership)
        elif step == "degrees":
            graph.indegree()
            graph.outdegree()
        elif step == "betweenness":
            graph.betweenness(directed=directed)
        else:
            raise SystemExit(f"unknown step {step}")
        seconds[step] = time.perf_counter() - start
        cpu_seconds[step] = time.process_time() - cpu_start

    result["maxRssKiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    main()
