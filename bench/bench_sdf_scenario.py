#!/usr/bin/env python3
"""Benchmark: a what-if scenario (habitat:sdfscenario's core) against one run of the SDF chain, on a large region.

    .venv/bin/python bench/bench_sdf_scenario.py [edges settlements]   (default 500000 5000)

One run: the network built, the settlements joined to it, the scalogram and hierarchy, travel costs to every centre,
nearest centre per level, Hansen accessibility, the nearest provider of every function, the priorities — the
baseline half of the scenario. The scenario: both networks, both runs and the comparison, the scenario's costs to
centres taken from the baseline's through the new roads' attachment vertices (core/sdf/scenario.py). Beside it:
what a user would otherwise do, the whole chain run twice (once per network). Target (issue 15): the scenario under
2 x one run.
"""

import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_city import make_city  # noqa: E402
from habitat_planning_plugin.core.network import build_graph, snap_to_edges  # noqa: E402
from habitat_planning_plugin.core.sdf.accessibility import (  # noqa: E402
    accessibility_index,
    hansen,
    minutes_per_metre,
    nearest_by_level,
)
from habitat_planning_plugin.core.sdf.chain import ChainSettings, run_scenario  # noqa: E402
from habitat_planning_plugin.core.sdf.gaps import nearest_providers  # noqa: E402
from habitat_planning_plugin.core.sdf.priority import GROUPS, priority_components, priority_scores  # noqa: E402
from habitat_planning_plugin.core.sdf.scalogram import hierarchy, scalogram  # noqa: E402
from habitat_planning_plugin.core.sdf.scenario import (  # noqa: E402
    RoadNetwork,
    _unchanged_centres,
    network_costs,
    scenario_networks,
)

OFF_ROAD = float(minutes_per_metre(5.0))
MAX_OFF_ROAD = 5_000.0


def region(edges, settlements):
    city = make_city(edges)
    rng = np.random.default_rng(5)
    speeds = rng.choice([30.0, 50.0, 80.0], size=len(city.lines))
    xy = city.population_xy[rng.choice(len(city.population_xy), settlements, replace=False)]
    size = rng.lognormal(7, 1.2, settlements)  # people
    thresholds = np.geomspace(300, 200_000, 13)
    presence = (rng.uniform(size=(settlements, 13)) < 1 / (1 + (thresholds[None, :] / size[:, None]) ** 2)).astype(int)
    # A local project: one new 3 km road and a 2 km stretch of road upgraded (20 segments in a row), at 80 km/h.
    # A region-wide programme: five new 3 km roads and 20 segments upgraded here and there.
    vertices = np.unique(np.concatenate(city.lines[:: max(1, len(city.lines) // 20_000)]), axis=0)

    def new_road():
        a = vertices[rng.integers(len(vertices))]
        return np.array([a, vertices[np.argmin(np.abs(np.hypot(*(vertices - a).T) - 3_000))]])

    eastward = {tuple(line[0]): line for line in city.lines if line[1][0] - line[0][0] > 50}
    stretch, here = [], tuple(city.lines[len(city.lines) // 2][0])
    while len(stretch) < 20 and here in eastward:
        stretch.append(eastward[here].copy())
        here = tuple(eastward[here][1])
    local = [new_road()] + stretch
    wide = [new_road() for _ in range(5)] + [
        city.lines[i].copy() for i in rng.choice(len(city.lines), 20, replace=False)
    ]
    return city.lines, speeds, xy, size, presence, {"local project": local, "region-wide programme": wide}


def one_run(lines, speeds, xy, people, presence):
    """The chain on one network (the baseline half of a scenario)."""
    graph = build_graph(lines, cost_per_metre=minutes_per_metre(speeds))
    snap = snap_to_edges(graph, xy)
    network = RoadNetwork(graph, snap, snap.connector <= MAX_OFF_ROAD)
    result = scalogram(presence)
    levels, _ = hierarchy(result.centrality, "natural_breaks", 3)
    levels = levels + 1
    centres = np.flatnonzero(levels <= 2)
    costs = network_costs(network, xy, centres, OFF_ROAD)
    nearest = nearest_by_level(costs, levels[centres], [1, 2])
    access = accessibility_index(hansen(costs, people[centres], centres, include_own=True))
    nearest_providers(graph, snap, OFF_ROAD, presence)
    time_to_centre = np.where(np.isfinite(nearest[2][0]), nearest[2][0], np.nan)
    values = priority_components(None, time_to_centre, 60.0, result.centrality, access)
    priority_scores(values, GROUPS, {name: 1.0 for name in values}, 0.5)
    return len(centres)


def main(argv) -> int:
    edges, settlements = (int(v) for v in (argv[1:3] if len(argv) >= 3 else (500_000, 5_000)))
    lines, speeds, xy, people, presence, projects = region(edges, settlements)

    started = time.perf_counter()
    centres = one_run(lines, speeds, xy, people, presence)
    single = time.perf_counter() - started
    print(
        f"SDF scenario: {edges:,} road segments, {settlements:,} settlements, {centres} centres, 13 functions; 2 cores"
    )
    print(f"{'':44s}{'method':50s} {'seconds':>8s} {'x one run':>10s}")
    print(f"{'':44s}{'one run of the chain (baseline only)':50s} {single:8.1f} {1.0:10.2f}")
    met = True
    for name, new_lines in projects.items():
        new_speeds = np.full(len(new_lines), 80.0)
        started = time.perf_counter()
        networks = scenario_networks(
            lines, minutes_per_metre(speeds), new_lines, minutes_per_metre(new_speeds), xy, MAX_OFF_ROAD
        )
        comparison = run_scenario(
            networks, xy, presence, presence, [f"f{j}" for j in range(13)], ChainSettings(OFF_ROAD), population=people
        )
        scenario = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024

        # What a user would otherwise do: the chain twice, the second time on a road layer with the new roads added
        # (their ends lie on road vertices here, and an upgrade's faster copy wins over the road it doubles).
        started = time.perf_counter()
        one_run(lines, speeds, xy, people, presence)
        one_run(list(lines) + new_lines, np.concatenate([speeds, new_speeds]), xy, people, presence)
        twice = time.perf_counter() - started

        # How many of the scenario's centres kept their baseline costs without a search.
        centres_b = np.flatnonzero(comparison.baseline.levels <= 2)
        at_attachments = np.full((len(centres_b), len(networks.attachments)), np.inf)
        network_costs(
            networks.base, xy, centres_b, OFF_ROAD, vertices=networks.attachments, vertex_costs=at_attachments
        )
        kept = int(_unchanged_centres(networks, at_attachments).sum())
        before = np.nan_to_num(comparison.baseline.times[2], posinf=1e9)
        gained = int((before - np.nan_to_num(comparison.scenario.times[2], posinf=1e9) > 1e-6).sum())
        label = f"{name} ({kept}/{centres} centres kept)"
        print(f"{label:44s}{'ours: scenario, both runs + comparison':50s} {scenario:8.1f} {scenario / single:10.2f}")
        print(f"{'':44s}{'the chain run twice (a second road layer)':50s} {twice:8.1f} {twice / single:10.2f}")
        print(f"{'':44s}({gained:,} settlements gain time; peak {peak:.2f} GB)")
        met &= scenario < 2 * single
    print(f"target: scenario under 2 x one run -> {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
