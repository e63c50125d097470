"""Synthetic cities for the benchmarks: a jittered street lattice with gaps, square public spaces, a population grid.

``make_city(n_edges)`` returns plain arrays (no QGIS), so the same city feeds our core and, written to files,
QGIS's native algorithms. Deterministic for a given size and seed.
"""

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import box

SPACING = 100.0  # street lattice (m)
# On the central meridian of UTM zone 50 (EPSG:32650), where planar and ellipsoidal lengths agree to 0.04 %.
ORIGIN = (500_000.0, 3_500_000.0)


@dataclass
class City:
    lines: list  # (2, 2) arrays: one street segment per line, as a noded network comes from OSM tools
    spaces: list  # shapely squares
    population_xy: np.ndarray  # (n, 2) cell centres
    population: np.ndarray  # (n, 1) persons per cell
    entries_xy: np.ndarray  # vertices inside a space, one per space (for native's start points)
    size_m: float
    origin: tuple  # lower-left corner of the population grid


def make_city(n_edges: int, seed: int = 1) -> City:
    rng = np.random.default_rng(seed)
    keep = 0.9
    side = int(math.ceil(math.sqrt(n_edges / (2 * keep))))  # a side x side lattice has about 2 side^2 edges
    jitter = rng.uniform(-15, 15, size=(side + 1, side + 1, 2))
    jitter[::10, :, :] = 0.0
    jitter[:, ::10, :] = 0.0

    x0 = ORIGIN[0] - side * SPACING / 2.0

    def node(i, j):
        return (x0 + i * SPACING + jitter[i, j, 0], ORIGIN[1] + j * SPACING + jitter[i, j, 1])

    lines = []
    for i in range(side + 1):
        for j in range(side + 1):
            for di, dj in ((1, 0), (0, 1)):
                if i + di > side or j + dj > side:
                    continue
                arterial = (i % 10 == 0 and di == 0) or (j % 10 == 0 and dj == 0)
                if arterial or rng.uniform() < keep:
                    lines.append(np.array([node(i, j), node(i + di, j + dj)]))
    lines = lines[:n_edges]

    # One 60 m square public space per 200 edges, each around a lattice vertex (so every space has an entrance).
    n_spaces = max(1, n_edges // 200)
    cells = rng.choice((side - 1) * (side - 1), size=n_spaces, replace=False)
    spaces, entries = [], []
    for cell in cells:
        i, j = 1 + cell // (side - 1), 1 + cell % (side - 1)
        x, y = node(i, j)
        spaces.append(box(x - 30, y - 30, x + 30, y + 30))
        entries.append((x, y))

    # As many population cells as edges, on a regular grid over the city.
    size = side * SPACING
    per_side = int(math.ceil(math.sqrt(n_edges)))
    step = size / per_side
    centres = (np.arange(per_side) + 0.5) * step
    gx, gy = np.meshgrid(x0 + centres, ORIGIN[1] + centres)
    xy = np.c_[gx.ravel(), gy.ravel()][:n_edges]
    population = rng.gamma(2.0, 20.0, size=(len(xy), 1))
    return City(lines, spaces, xy, population, np.array(entries), size, (x0, ORIGIN[1]))
