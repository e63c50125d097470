"""Well-known binary (WKB) geometries decoded with numpy: street lines all at once, polygon rings one by one.

Pure numpy (no QGIS, no GDAL, no shapely), shared by the QGIS reader (qgis_io) and the headless one (headless_io),
so that both turn the same WKB into the same coordinates in the same order. ISO (1002, 2002, 3002) and
"2.5D" (0x80000000) flags are both understood; Z and M are dropped.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, Callable, Iterable, List, Optional, Tuple, cast

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike, NDArray

LINESTRING_2D_LE = b"\x01\x02\x00\x00\x00"

_LINESTRING, _POLYGON, _MULTILINESTRING, _MULTIPOLYGON, _COLLECTION = 2, 3, 5, 6, 7


def _header(data: bytes, offset: int) -> Tuple[str, int, bool, bool]:
    """(byte order, base type, has_z, has_m) of the geometry starting at ``offset``."""
    endian = "<" if data[offset] == 1 else ">"
    (kind,) = struct.unpack_from(endian + "I", data, offset + 1)
    code = kind & 0x0FFFFFFF
    has_z = bool(kind & 0x80000000) or code // 1000 in (1, 3)
    has_m = bool(kind & 0x40000000) or code // 1000 in (2, 3)
    return endian, code % 1000, has_z, has_m


def wkb_line_parts(data: bytes) -> Optional[List[NDArray[np.float64]]]:
    """The (k, 2) coordinate arrays of a (Multi)LineString WKB; None for other types (curves, points, ...)."""
    parts: List[NDArray[np.float64]] = []

    def parse(offset: int) -> Optional[int]:
        endian, base, has_z, has_m = _header(data, offset)
        (count,) = struct.unpack_from(endian + "I", data, offset + 5)
        if base == _LINESTRING:
            dims = 2 + has_z + has_m
            coords = np.frombuffer(data, dtype=endian + "f8", count=count * dims, offset=offset + 9)
            parts.append(coords.reshape(count, dims)[:, :2])
            return offset + 9 + 8 * dims * count
        if base == _MULTILINESTRING:
            offset += 9
            for _ in range(count):
                parsed = parse(offset)
                if parsed is None:
                    return None
                offset = parsed
            return offset
        return None

    try:
        return parts if parse(0) is not None else None
    except (struct.error, ValueError, IndexError, RecursionError):  # truncated or absurdly nested WKB
        return None


def _lengths(wkbs: List[Optional[bytes]]) -> NDArray[np.int64]:
    """Byte length of every WKB, -1 for None."""
    if wkbs.count(None) == 0:
        return np.fromiter(map(len, cast(List[bytes], wkbs)), dtype=np.int64, count=len(wkbs))
    return np.fromiter((-1 if data is None else len(data) for data in wkbs), dtype=np.int64, count=len(wkbs))


def line_parts(
    wkbs: Iterable[Optional[bytes]],
    linearise: Optional[Callable[[bytes], Optional[bytes]]] = None,
) -> Tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64], int]:
    """Street lines from a sequence of WKB (bytes, or None for a feature without geometry), in feature order.

    Returns (coords (n, 2) float64, counts per line part, owner: the feature index of every part, skipped).
    Multi-part lines are split into parts; parts with fewer than 2 vertices are dropped, and a feature left with
    no part (or without geometry, or of a type that is not a line) is counted in ``skipped``.
    The usual 2D little-endian LineStrings are decoded all at once and come first, the other features' parts
    after them (the order of qgis_io.read_lines). ``linearise(wkb) -> wkb or None`` may turn curves into lines.
    """
    wkbs = list(wkbs)
    lengths = _lengths(wkbs)
    present = lengths >= 0
    skipped = int((~present).sum())
    sizes = np.where(present, lengths, 0)
    raw = np.frombuffer(b"".join(data for data in wkbs if data is not None), dtype=np.uint8)
    starts = np.cumsum(sizes) - sizes
    # A plain record: 01 02 00 00 00, then its point count, then 16 bytes per point.
    plain = present & (sizes >= 9) & ((sizes - 9) % 16 == 0)
    candidates = np.flatnonzero(plain)
    for position, byte in enumerate(LINESTRING_2D_LE):
        plain[candidates] &= raw[starts[candidates] + position] == byte
        candidates = np.flatnonzero(plain)

    plain_index = np.flatnonzero(plain)
    # Keep the coordinate bytes of plain records only: +1 where a record's points start, -1 where it ends
    # (each set of positions is unique, so plain fancy indexing adds them up), then a running sum.
    edges = np.zeros(len(raw) + 1, dtype=np.int32)
    edges[starts[plain_index] + 9] += 1
    edges[starts[plain_index] + sizes[plain_index]] -= 1
    keep = np.cumsum(edges[:-1], dtype=np.int32) > 0
    coords = raw[keep].view("<f8").astype(np.float64, copy=False).reshape(-1, 2)
    counts = (sizes[plain_index] - 9) // 16
    owner = plain_index
    usable = counts >= 2
    skipped += int((~usable).sum())
    if not usable.all():
        coords = coords[np.repeat(usable, counts)]
        counts, owner = counts[usable], owner[usable]

    other_parts: List[NDArray[np.float64]] = []
    other_owner: List[int] = []
    for index in np.flatnonzero(present & ~plain):
        data = wkbs[index]
        found = wkb_line_parts(data)
        if found is None and linearise is not None:
            linear = linearise(data)
            found = wkb_line_parts(linear) if linear is not None else None
        found = [part for part in found or () if len(part) >= 2]
        if not found:
            skipped += 1
            continue
        other_parts.extend(found)
        other_owner.extend([index] * len(found))
    if other_parts:
        coords = np.concatenate([coords] + [np.asarray(part, dtype=np.float64) for part in other_parts])
        counts = np.concatenate([counts, np.array([len(part) for part in other_parts], dtype=np.int64)])
        owner = np.concatenate([owner, np.array(other_owner, dtype=np.int64)])
    return np.ascontiguousarray(coords, dtype=np.float64), counts.astype(np.int64), owner.astype(np.int64), skipped


def polygon_rings(data: Optional[bytes]) -> Optional[List[List[NDArray[np.float64]]]]:
    """The polygons of a (Multi)Polygon WKB (or of a collection holding polygons) as lists of rings, each ring a
    (k, 2) float64 array, exactly as stored (unclosed or short rings included); None for other types and for
    WKB that cannot be decoded."""
    polygons: List[List[NDArray[np.float64]]] = []

    def parse(offset: int) -> Optional[int]:
        assert data is not None
        endian, base, has_z, has_m = _header(data, offset)
        (count,) = struct.unpack_from(endian + "I", data, offset + 5)
        offset += 9
        if base == _POLYGON:
            dims = 2 + has_z + has_m
            rings = []
            for _ in range(count):
                (points,) = struct.unpack_from(endian + "I", data, offset)
                values = np.frombuffer(data, dtype=endian + "f8", count=points * dims, offset=offset + 4)
                rings.append(values.reshape(points, dims)[:, :2].astype(np.float64))
                offset += 4 + 8 * dims * points
            polygons.append(rings)
            return offset
        if base in (_MULTIPOLYGON, _COLLECTION):
            for _ in range(count):
                parsed = parse(offset)
                if parsed is None:
                    return None
                offset = parsed
            return offset
        return None

    if data is None:
        return None
    try:
        return polygons if parse(0) is not None else None
    except (struct.error, ValueError, IndexError, RecursionError):  # truncated or absurdly nested WKB
        return None


def closed_ring(ring: ArrayLike, pad: bool = True) -> NDArray[np.float64]:
    """The ring closed (QGIS closes open rings when it reads them) and, with ``pad``, padded with its first point
    to the 4 points GEOS needs (as QGIS's makeValid does with the broken rings of cut OSM extracts); a ring that
    collapses has no area and is dropped by the repair."""
    ring = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
    if len(ring) == 0:
        return ring
    if not np.array_equal(ring[0], ring[-1]):
        ring = np.vstack([ring, ring[:1]])
    if pad and len(ring) < 4:
        ring = np.vstack([ring] + [ring[:1]] * (4 - len(ring)))
    return ring
