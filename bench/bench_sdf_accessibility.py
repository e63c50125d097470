#!/usr/bin/env python3
"""Benchmark: SDF accessibility (travel costs from every settlement to every centre) on a large region.

    .venv/bin/python bench/bench_sdf_accessibility.py [edges settlements centres]   (default 500000 5000 250)

Ours: one Dijkstra call per chunk of centres (habitat_planning_plugin.core.sdf.accessibility.cost_matrix),
then nearest centre per level, Hansen and Huff. Beside it: one shortest-path search per settlement (what QGIS's
shortest-path tools do, one start point at a time), timed on 20 settlements and extrapolated to all of them.
"""

import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_city import make_city  # noqa: E402
from habitat_planning_plugin.core.network import build_graph, multi_source_distances, snap_to_edges  # noqa: E402
from habitat_planning_plugin.core.sdf.accessibility import (  # noqa: E402
    cost_matrix,
    hansen,
    huff,
    minutes_per_metre,
    nearest_by_level,
)


def main(argv) -> int:
    edges, settlements, centres = (int(v) for v in (argv[1:4] if len(argv) >= 4 else (500_000, 5_000, 250)))
    city = make_city(edges)
    rng = np.random.default_rng(5)
    speeds = rng.choice([30.0, 50.0, 80.0], size=len(city.lines))
    xy = city.population_xy[rng.choice(len(city.population_xy), settlements, replace=False)]
    centre_rows = np.arange(centres)

    started = time.perf_counter()
    graph = build_graph(city.lines, cost_per_metre=minutes_per_metre(speeds))
    costs, snap = cost_matrix(graph, xy, centre_rows, minutes_per_metre(5.0))
    nearest_by_level(costs, rng.integers(1, 3, centres), [1, 2])
    hansen(costs, np.ones(centres), centre_rows)
    huff(costs, np.ones(centres))
    ours = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024

    # One search per settlement: from the settlement to all centres (a full single-source search each).
    sample = 20
    started = time.perf_counter()
    one = snap_to_edges(graph, xy[:sample])
    for i in range(sample):
        multi_source_distances(graph, [graph.edge_u[one.edge[i]], graph.edge_v[one.edge[i]]], [0.0, 0.0])
    per_settlement = (time.perf_counter() - started) / sample * settlements

    print(
        f"SDF accessibility: {graph.n_edges:,} road segments, {settlements:,} settlements, {centres} centres, 2 cores"
    )
    print(f"{'method':52s} {'seconds':>9s} {'peak GB':>8s}")
    print(f"{'ours: one Dijkstra per chunk of centres (full matrix)':52s} {ours:9.1f} {peak:8.2f}")
    print(f"{'one search per settlement (20 timed, extrapolated)':52s} {per_settlement:9.1f} {'':>8s}")
    print(f"target: under 60 s -> {'met' if ours < 60 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
