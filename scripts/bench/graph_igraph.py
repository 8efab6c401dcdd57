#!/usr/bin/env python3
"""The igraph side of the graph benchmark (apps/api/src/bench/graph.bench.ts).

Usage: graph_igraph.py EDGES.csv directed|undirected STEP[,STEP...]
Steps: build (read the CSV, build the graph and its undirected view), pagerank, louvain,
degrees, betweenness. Prints one JSON object: seconds per step, modularity, ru_maxrss in KiB.
Needs Debian's python3-igraph.
"""
import csv
import json
import resource
import sys
import time

import igraph


def main() -> None:
    path, kind, steps = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    directed = kind == "directed"
    seconds = {}
    result = {"seconds": seconds}

    start = time.perf_counter()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        if header != ["source", "target"]:
            raise SystemExit(f"line 1: expected the header source,target, found {header}")
        graph = igraph.Graph.TupleList(rows, directed=directed)
    # Louvain needs the undirected view; we build ours with the graph, so igraph does too.
    undirected = graph.as_undirected(mode="collapse") if directed else graph
    seconds["build"] = time.perf_counter() - start

    for step in steps:
        start = time.perf_counter()
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

    result["maxRssKiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    main()
