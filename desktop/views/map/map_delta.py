"""Deltas between two map payloads: what the page must change, in small batches.

Pure functions on the JSON that map_payload builds; re-exported from there.
"""

from __future__ import annotations

import copy
from typing import Any

JsonDict = dict[str, Any]


def diff_payload(old: JsonDict, new: JsonDict) -> JsonDict:
    """What the page must change to go from ``old`` to ``new``; ``{}`` when nothing.

    A layer whose own settings (name, style, legend, …) changed is sent whole
    (``put_layers``); otherwise only its added, changed and removed features,
    and its new ``rank`` when layers before it came or went (``ranks``).
    A change outside the layers (language, palette, bounds) reloads everything.
    """
    if _top(old) != _top(new):
        return {"reload": new}
    old_layers = {layer["key"]: layer for layer in old["layers"]}
    new_keys = {layer["key"] for layer in new["layers"]}
    delta: JsonDict = {}
    removed = [key for key in old_layers if key not in new_keys]
    put_layers: list[JsonDict] = []
    feature_changes: list[JsonDict] = []
    ranks: dict[str, int] = {}
    for layer in new["layers"]:
        before = old_layers.get(layer["key"])
        if before is layer:  # built from the same parts (map_payload.LayerCache): unchanged
            continue
        if before is None or _meta(before) != _meta(layer):
            put_layers.append(layer)
            continue
        if before["rank"] != layer["rank"]:
            ranks[layer["key"]] = layer["rank"]
        change = _feature_change(layer["key"], before["features"], layer["features"])
        if change:
            feature_changes.append(change)
    if old.get("focus") != new.get("focus"):
        delta["focus"] = new.get("focus")
    if removed:
        delta["remove_layers"] = removed
    if put_layers:
        delta["put_layers"] = put_layers
    if feature_changes:
        delta["features"] = feature_changes
    if ranks:
        delta["ranks"] = ranks
    return delta


def _top(payload: JsonDict) -> JsonDict:
    # The focus (the district streets to fit) moves with incidents: a delta, not a reload.
    return {k: v for k, v in payload.items() if k not in ("layers", "focus")}


def _meta(layer: JsonDict) -> JsonDict:
    return {k: v for k, v in layer.items() if k not in ("features", "rank")}


def _feature_change(key: str, old: list[JsonDict], new: list[JsonDict]) -> JsonDict | None:
    before = {f["id"]: f for f in old}
    after_ids = {f["id"] for f in new}
    put = [f for f in new if before.get(f["id"]) != f]
    remove = [fid for fid in before if fid not in after_ids]
    if not put and not remove:
        return None
    return {"layer": key, "put": put, "remove": remove}


def split_delta(delta: JsonDict, max_features: int = 2000) -> list[JsonDict]:
    """The delta cut into pieces of at most ``max_features`` features, applied in order.

    A big new layer goes first with its first features; the rest follow as
    feature puts, so no single page call carries an unbounded batch.
    """
    if not delta or "reload" in delta:
        return [delta] if delta else []
    pieces: list[JsonDict] = []
    current: JsonDict = {}
    room = max_features

    def flush() -> None:
        nonlocal current, room
        if current:
            pieces.append(current)
        current, room = {}, max_features

    for key in ("remove_layers", "ranks"):
        if delta.get(key):
            current[key] = copy.copy(delta[key])
    if "focus" in delta:
        current["focus"] = delta["focus"]
    queue: list[JsonDict] = []
    for layer in delta.get("put_layers", ()):
        if room <= 0:
            flush()
        head, tail = layer["features"][:room], layer["features"][room:]
        current.setdefault("put_layers", []).append({**layer, "features": head})
        room -= len(head)
        if tail:
            queue.append({"layer": layer["key"], "put": tail, "remove": []})
    queue.extend(delta.get("features", ()))
    for change in queue:
        if change["remove"]:
            current.setdefault("features", []).append(
                {"layer": change["layer"], "put": [], "remove": change["remove"]}
            )
        put = list(change["put"])
        while put:
            if room <= 0:
                flush()
            batch, put = put[:room], put[room:]
            current.setdefault("features", []).append(
                {"layer": change["layer"], "put": batch, "remove": []}
            )
            room -= len(batch)
    flush()
    return pieces
