/*
 * Street Duty Room map page: canvas layers that draw a whole map layer as one path.
 *
 * Drawing thousands of features as separate Leaflet paths costs ~0.3 ms of raster each
 * on a machine without GPU; drawn as one path per layer (one fill, one stroke) the
 * whole district rasters in tens of milliseconds. Each batch is an L.Path to Leaflet's
 * canvas renderer (ordering, redraw bounds, events) and hit-tests its own items.
 *
 *   PointBatch   points of one registry layer (circle, square, diamond, triangle)
 *   ShapeBatch   areas (non-overlapping: even-odd fill) or lines of one layer
 *   CircleBatch  service circles in metres, for one station layer and readiness level
 *
 * Items are raw GeoJSON [lon, lat] pairs, projected without a LatLng per vertex.
 * Exposed as window.DutyBatch for dutymap.js, which loads after this file.
 */
(function () {
  'use strict';

  /* Diagonal hatching for coverage gaps: a pattern as the fill "colour" (canvas only). */
  const hatches = new Map();
  function hatch(colour, scale) {
    if (!hatches.has(colour)) {
      const size = Math.round(10 * scale);
      const tile = document.createElement('canvas');
      tile.width = size;
      tile.height = size;
      const ctx = tile.getContext('2d');
      ctx.strokeStyle = colour;
      ctx.lineWidth = Math.max(2, Math.round(2.5 * scale));
      ctx.beginPath();
      ctx.moveTo(-1, size + 1); ctx.lineTo(size + 1, -1);
      ctx.moveTo(-1, 1); ctx.lineTo(1, -1);
      ctx.moveTo(size - 1, size + 1); ctx.lineTo(size + 1, size - 1);
      ctx.stroke();
      hatches.set(colour, ctx.createPattern(tile, 'repeat'));
    }
    return hatches.get(colour);
  }

  /* All point features of one registry layer as ONE canvas path, on a canvas of their own
     ('dm-points' pane). Drawing thousands of points as separate paths costs ~0.3 ms of
     raster each on a machine without GPU; as one path per layer the whole district's
     points raster in tens of ms, and a change to them redraws only their canvas. Hit
     testing scans the projected points (the hit id is kept for the event handlers). */
  /* Layer-point projection of raw [lon, lat] pairs without a LatLng and a Point per vertex
     (Web Mercator, Leaflet's and folium's default; other CRSs take Leaflet's own way). */
  function projector(map) {
    const crs = map.options.crs;
    const origin = map.getPixelOrigin();
    if (crs !== L.CRS.EPSG3857) {
      return (lon, lat) => map.latLngToLayerPoint([lat, lon]);
    }
    const scale = crs.scale(map.getZoom());
    const max = L.Projection.SphericalMercator.MAX_LATITUDE;
    const d = Math.PI / 180;
    const out = {x: 0, y: 0};
    return (lon, lat) => {
      const sin = Math.sin(Math.max(Math.min(max, lat), -max) * d);
      const x = lon * d / (2 * Math.PI) + 0.5;
      const y = -Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI) + 0.5;
      out.x = scale * x - origin.x;
      out.y = scale * y - origin.y;
      return out;
    };
  }

  /* GeoJSON coordinates as parts of raw [lon, lat] pairs (rings or lines), or null. */
  function rawParts(g, closed) {
    if (closed && g.type === 'Polygon') { return g.coordinates; }
    if (closed && g.type === 'MultiPolygon') { return [].concat(...g.coordinates); }
    if (!closed && g.type === 'LineString') { return [g.coordinates]; }
    if (!closed && g.type === 'MultiLineString') { return g.coordinates; }
    return null;
  }

  function rawPoints(g) {
    return g.type === 'Point' ? [g.coordinates] : g.coordinates;
  }

  function finiteParts(parts) {
    return parts.every((part) => part.every((c) => isFinite(c[0]) && isFinite(c[1])));
  }

  const PointBatch = L.Path.extend({
    options: {pane: 'dm-points', fillRule: 'nonzero', dmBatch: true},

    initialize: function (options) {
      L.setOptions(this, options);
      this._items = new Map();   // feature id -> [[lon, lat], ...]
      this._xs = new Float64Array(0);
      this._ys = new Float64Array(0);
      this._ids = [];
      this._radius = this.options.radius;
      this._dirty = false;
      this.dmHitId = null;
    },

    setItem: function (id, latlngs) { this._items.set(id, latlngs); this._dirty = true; },
    deleteItem: function (id) { if (this._items.delete(id)) { this._dirty = true; } },
    size: function () { return this._items.size; },

    flush: function () {
      if (this._dirty && this._map) { this._renderer._updatePath(this); }
      this._dirty = false;
    },

    _project: function () {
      let n = 0;
      this._items.forEach((lls) => { n += lls.length; });
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      const ids = new Array(n);
      let i = 0;
      let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
      const project = projector(this._map);
      this._items.forEach((lls, id) => {
        lls.forEach((c) => {
          const p = project(c[0], c[1]);
          xs[i] = p.x; ys[i] = p.y; ids[i] = id; i += 1;
          if (p.x < minX) { minX = p.x; } if (p.x > maxX) { maxX = p.x; }
          if (p.y < minY) { minY = p.y; } if (p.y > maxY) { maxY = p.y; }
        });
      });
      this._xs = xs; this._ys = ys; this._ids = ids;
      const r = this._radius * 1.4 + this._clickTolerance();
      this._pxBounds = n ? L.bounds([minX - r, minY - r], [maxX + r, maxY + r]) : undefined;
    },

    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () { this._renderer._dmBatch(this); },
    _empty: function () {
      return !this._pxBounds || !this._renderer._bounds.intersects(this._pxBounds);
    },

    _containsPoint: function (p) {
      const r = this._radius * 1.2 + this._clickTolerance();
      for (let i = this._xs.length - 1; i >= 0; i -= 1) {  // the last drawn is on top
        const dx = this._xs[i] - p.x; const dy = this._ys[i] - p.y;
        if (dx * dx + dy * dy <= r * r) { this.dmHitId = this._ids[i]; return true; }
      }
      return false;
    },
  });

  L.Canvas.include({
    _dmBatch: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      const ctx = this._ctx;
      const b = this._bounds;
      const r = Math.max(Math.round(layer._radius), 1);
      const shape = layer.options.shape;
      const xs = layer._xs; const ys = layer._ys;
      const minX = b.min.x - 2 * r; const maxX = b.max.x + 2 * r;
      const minY = b.min.y - 2 * r; const maxY = b.max.y + 2 * r;
      ctx.beginPath();
      for (let i = 0; i < xs.length; i += 1) {
        const x = xs[i]; const y = ys[i];
        if (x < minX || x > maxX || y < minY || y > maxY) { continue; }
        if (shape === 'square') {
          ctx.rect(x - r, y - r, 2 * r, 2 * r);
        } else if (shape === 'diamond') {
          const d = r * 1.35;
          ctx.moveTo(x, y - d); ctx.lineTo(x + d, y); ctx.lineTo(x, y + d); ctx.lineTo(x - d, y);
          ctx.closePath();
        } else if (shape === 'triangle') {
          const d = r * 1.3;
          ctx.moveTo(x, y - d); ctx.lineTo(x + d, y + d * 0.75); ctx.lineTo(x - d, y + d * 0.75);
          ctx.closePath();
        } else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, Math.PI * 2, false);
        }
      }
      this._fillStroke(ctx, layer);
    },
  });

  /* The areas or lines of one layer (grids, gaps, communities, roads …) as ONE canvas path,
     for the same reason as PointBatch: one fill and one stroke instead of thousands.
     Only for layers whose areas do not overlap (filled with the even-odd rule). */
  const ShapeBatch = L.Path.extend({
    options: {fillRule: 'evenodd', dmBatch: true},

    initialize: function (options) {
      L.setOptions(this, options);
      this._items = new Map();  // feature id -> [[[lon, lat], ...], ...] (rings or lines)
      this._projected = [];     // [{id, parts: [Float64Array(x0, y0, x1, y1 …)], box}]
      this._dirty = false;
      this.dmHitId = null;
    },

    setItem: function (id, parts) { this._items.set(id, parts); this._dirty = true; },
    deleteItem: function (id) { if (this._items.delete(id)) { this._dirty = true; } },
    size: function () { return this._items.size; },
    itemCenter: function (id) {
      return L.latLngBounds(this._items.get(id)[0].map((c) => [c[1], c[0]])).getCenter();
    },

    flush: function () {
      if (this._dirty && this._map) { this._renderer._updatePath(this); }
      this._dirty = false;
    },

    _project: function () {
      const project = projector(this._map);
      const out = [];
      let all = null;
      this._items.forEach((parts, id) => {
        let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
        const projected = parts.map((part) => {
          const xy = new Float64Array(part.length * 2);
          part.forEach((c, i) => {
            const p = project(c[0], c[1]);
            xy[2 * i] = p.x; xy[2 * i + 1] = p.y;
            if (p.x < minX) { minX = p.x; } if (p.x > maxX) { maxX = p.x; }
            if (p.y < minY) { minY = p.y; } if (p.y > maxY) { maxY = p.y; }
          });
          return xy;
        });
        if (minX === Infinity) { return; }
        const box = L.bounds([minX, minY], [maxX, maxY]);
        out.push({id: id, parts: projected, box: box});
        all = all ? all.extend(box.min).extend(box.max) : L.bounds(box.min, box.max);
      });
      this._projected = out;
      const w = this._clickTolerance();
      this._pxBounds = all ? L.bounds(all.min.subtract([w, w]), all.max.add([w, w])) : undefined;
    },

    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () { this._renderer._dmShapes(this); },
    _empty: function () {
      return !this._pxBounds || !this._renderer._bounds.intersects(this._pxBounds);
    },

    _containsPoint: function (p) {
      const w = this._clickTolerance() + 2;
      const closed = this.options.dmClosed;
      for (let k = this._projected.length - 1; k >= 0; k -= 1) {
        const item = this._projected[k];
        const b = item.box;
        if (p.x < b.min.x - w || p.x > b.max.x + w || p.y < b.min.y - w || p.y > b.max.y + w) {
          continue;
        }
        if (closed ? insideRings(item.parts, p) : nearLines(item.parts, p, w)) {
          this.dmHitId = item.id;
          return true;
        }
      }
      return false;
    },
  });

  function insideRings(parts, p) {
    let inside = false;
    parts.forEach((xy) => {
      const n = xy.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
        const xi = xy[2 * i]; const yi = xy[2 * i + 1];
        const xj = xy[2 * j]; const yj = xy[2 * j + 1];
        if ((yi > p.y) !== (yj > p.y) && p.x < (xj - xi) * (p.y - yi) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    });
    return inside;
  }

  function nearLines(parts, p, w) {
    return parts.some((xy) => {
      for (let i = 2; i < xy.length; i += 2) {
        if (L.LineUtil.pointToSegmentDistance(p, L.point(xy[i - 2], xy[i - 1]),
          L.point(xy[i], xy[i + 1])) <= w) { return true; }
      }
      return false;
    });
  }

  L.Canvas.include({
    _dmShapes: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      const ctx = this._ctx;
      const b = this._bounds;
      const closed = layer.options.dmClosed;
      ctx.beginPath();
      layer._projected.forEach((item) => {
        if (!item.box.intersects(b)) { return; }
        item.parts.forEach((xy) => {
          ctx.moveTo(xy[0], xy[1]);
          for (let i = 2; i < xy.length; i += 2) { ctx.lineTo(xy[i], xy[i + 1]); }
          if (closed) { ctx.closePath(); }
        });
      });
      this._fillStroke(ctx, layer);
    },
  });

  /* Service circles of one station layer in one readiness level, as one canvas path (their
     fills merge instead of stacking). Radii are metres, turned into pixels per zoom. */
  const CircleBatch = L.Path.extend({
    options: {fillRule: 'nonzero', dmBatch: true, interactive: false},

    initialize: function (options) {
      L.setOptions(this, options);
      this._items = new Map();  // station id -> {lat, lon, radius_m}
      this._projected = [];
      this._dirty = false;
    },

    setItem: function (id, f) {
      this._items.set(id, {lat: f.lat, lon: f.lon, radius_m: f.radius_m});
      this._dirty = true;
    },
    deleteItem: function (id) { if (this._items.delete(id)) { this._dirty = true; } },
    size: function () { return this._items.size; },
    flush: function () {
      if (this._dirty && this._map) { this._renderer._updatePath(this); }
      this._dirty = false;
    },

    _project: function () {
      const project = projector(this._map);
      const perPixel = 40075016.686 / (256 * Math.pow(2, this._map.getZoom()));
      const out = [];
      let all = null;
      this._items.forEach((c) => {
        const p = project(c.lon, c.lat);
        const r = c.radius_m / (perPixel * Math.cos(c.lat * Math.PI / 180));
        const box = L.bounds([p.x - r, p.y - r], [p.x + r, p.y + r]);
        out.push({x: p.x, y: p.y, r: r, box: box});
        all = all ? all.extend(box.min).extend(box.max) : L.bounds(box.min, box.max);
      });
      this._projected = out;
      this._pxBounds = all || undefined;
    },

    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () { this._renderer._dmCircles(this); },
    _empty: function () {
      return !this._pxBounds || !this._renderer._bounds.intersects(this._pxBounds);
    },
    _containsPoint: function () { return false; },
  });

  L.Canvas.include({
    _dmCircles: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      const ctx = this._ctx;
      const b = this._bounds;
      ctx.beginPath();
      layer._projected.forEach((c) => {
        if (!c.box.intersects(b)) { return; }
        ctx.moveTo(c.x + c.r, c.y);
        ctx.arc(c.x, c.y, c.r, 0, Math.PI * 2, false);
      });
      this._fillStroke(ctx, layer);
    },
  });


  window.DutyBatch = {hatch, projector, rawParts, rawPoints, finiteParts, PointBatch,
    ShapeBatch, CircleBatch};
}());
