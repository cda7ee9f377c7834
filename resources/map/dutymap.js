/*
 * Street Duty Room map page: draws the situation that Python pushes as JSON.
 *
 *   DutyMap.attach(map)        called once by the folium frame
 *   DutyMap.load(payload)      first full situation; fits the street; sets
 *                              window.dutyMapReady = true once drawn
 *   DutyMap.apply(delta)       later changes (see map_payload.diff_payload)
 *   DutyMap.reload(payload)    everything again, keeping view and toggles
 *   DutyMap.state()            what is drawn, for tests and diagnosis
 *   DutyMap.dump()             every datum the page holds (the privacy test reads it)
 *   DutyMap.follow(spec)       pan/zoom to an incident, point out the nearest ready
 *                              station, and go back to the overview after a while
 *   DutyMap.overview()         back to the whole street, highlight cleared
 *   DutyMap.setView(lat, lon, z)  look somewhere (tests, the operator's tools)
 *   DutyMap.notifyPainted(t)   report token t once the next frame has been painted
 *
 * load/apply/reload take an object or a JSON string and return a JSON string
 * {"ok": true|false, ...}. Nothing here knows a registry layer by name: each
 * layer says how it is drawn ("render") and brings its own legend rows, and
 * every text from the data is written as text, never parsed as HTML.
 *
 * Messages to Python (clicks, the ready and paint notices) go through the
 * console as one line: BRIDGE + JSON (see map_panel.py for why not QWebChannel).
 */
(function () {
  'use strict';

  const WALL = new URLSearchParams(window.location.search).get('wall') === '1';
  const SCALE = WALL ? 1.6 : 1;
  if (WALL) { document.documentElement.classList.add('dm-wall'); }

  let map = null;
  let top = null;              // the last payload without its layers
  let entries = new Map();     // layer key -> {meta, group, items: Map(id -> [leaflet layers])}
  let layerControl = null;
  let legendControl = null;
  let autoFit = true;          // until someone moves the map by hand
  let baseLayers = [];         // tile layers of the base map (none by default)
  let baseKey = null;          // the tiles spec they were made from
  let attributionControl = null;
  let follow = null;           // {layers: [...], timer, station badge} while following
  let renderErrors = 0;
  let timings = {};            // ms per layer of the last load, for diagnosis
  let phases = {};             // when the last load was called, parsed, drawn, fitted

  const BRIDGE = '\u0001dutymap:';

  function tell(message) {
    console.info(BRIDGE + JSON.stringify(message));
  }

  // ------------------------------------------------------------ small helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach((k) => {
      if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    return node;
  }

  function tipElement(tip) {
    const box = el('div', 'dm-tip-body');
    box.appendChild(el('div', 'dm-tip-title', tip.title));
    (tip.rows || []).forEach((row) => {
      const line = el('div', 'dm-tip-row');
      line.appendChild(el('span', 'dm-tip-key', row[0]));
      line.appendChild(el('span', 'dm-tip-value', row[1]));
      box.appendChild(line);
    });
    return box;
  }

  /* One tooltip for every canvas-drawn feature, shown on hover from the feature's data:
     tens of thousands of per-feature tooltips (each with its listeners) cost more to
     create than the features themselves. */
  let hoverTip = null;
  let hoverKey = null;

  function hitId(event) {
    const hit = event.propagatedFrom || event.layer;
    if (!hit || !hit.options) { return undefined; }
    return hit.options.dmBatch ? hit.dmHitId : hit.options.dmId;
  }

  function showHoverTip(entry, id, latlng) {
    const f = id === undefined || id === null ? null : entry.data.get(id);
    if (!f || !f.tip) { hideHoverTip(); return; }
    if (!hoverTip) {
      hoverTip = L.tooltip({className: 'dm-tip', direction: 'top', offset: [0, -12 * SCALE]});
    }
    const key = entry.meta.key + '\u0000' + id;
    if (key !== hoverKey) {
      hoverKey = key;
      hoverTip.setContent(tipElement(f.tip));
    }
    hoverTip.setLatLng(latlng);
    if (!map.hasLayer(hoverTip)) { map.openTooltip(hoverTip); }
  }

  /* Clicks and hovers. Points and gaps are drawn on canvases of their own that let the mouse
     through (a canvas would otherwise hide everything under it from the mouse), so they are
     hit-tested here: points first (they are on top), then gaps (over their grids); DOM
     badges (stations, incidents) and the shapes Leaflet found come after. */
  function onPointer(kind, event, entry) {
    const original = event.originalEvent;
    if (original && original.dmSeen) { return; }  // a layer's handler had it already
    if (original) { original.dmSeen = true; }
    const dom = entry && (entry.meta.render === 'station' || entry.meta.render === 'incident');
    let hit = null;
    if (dom) {
      hit = {entry: entry, id: hitId(event)};
    } else {
      hit = topHit(event.layerPoint) || (entry ? {entry: entry, id: hitId(event)} : null);
    }
    if (kind === 'click') {
      if (hit && hit.id !== undefined && hit.id !== null) {
        tell({event: 'click', layer: hit.entry.meta.key, id: String(hit.id)});
      }
    } else if (!dom) {
      if (hit) { showHoverTip(hit.entry, hit.id, event.latlng); } else { hideHoverTip(); }
    }
  }

  function topHit(point) {
    if (!point) { return null; }
    const candidates = sortedEntries().reverse().filter((e) => e.batch && map.hasLayer(e.group)
      && (e.meta.render === 'point' || e.meta.render === 'gap'));
    const order = (e) => (e.meta.render === 'point' ? 0 : 1);
    candidates.sort((a, b) => order(a) - order(b));
    for (const candidate of candidates) {
      if (candidate.batch._containsPoint(point)) {
        return {entry: candidate, id: candidate.batch.dmHitId};
      }
    }
    return null;
  }

  function hideHoverTip() {
    hoverKey = null;
    if (hoverTip && map.hasLayer(hoverTip)) { map.closeTooltip(hoverTip); }
  }

  /* A DOM badge's tooltip, made from the feature's data when it opens (the data may be
     updated in place, see sameLook). */
  function bindTip(layer, f, options, key) {
    if (f.tip) {
      layer.bindTooltip(() => {
        const entry = key && entries.get(key);
        const current = (entry && entry.data.get(f.id)) || f;
        return tipElement(current.tip);
      }, Object.assign({className: 'dm-tip', sticky: true}, options || {}));
    }
  }


  function guard(work) {
    try {
      return JSON.stringify(Object.assign({ok: true}, work() || {}));
    } catch (error) {
      console.error('DutyMap: ' + (error && error.stack ? error.stack : error));
      return JSON.stringify({ok: false, error: String(error)});
    }
  }

  function parse(value) { return typeof value === 'string' ? JSON.parse(value) : value; }

  // ------------------------------------------------- canvas point shapes

  /* A circle marker that can also be a square, diamond or triangle, drawn on
     the canvas (no DOM element per point, so thousands stay fast). */
  const ShapeMarker = L.CircleMarker.extend({
    options: {shape: 'circle'},
    _updatePath: function () {
      if (this.options.shape === 'circle' || !this._renderer._dmShape) {
        L.CircleMarker.prototype._updatePath.call(this);
      } else {
        this._renderer._dmShape(this);
      }
    },
  });

  L.Canvas.include({
    _dmShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      const p = layer._point;
      const ctx = this._ctx;
      const r = Math.max(Math.round(layer._radius), 1);
      ctx.beginPath();
      if (layer.options.shape === 'square') {
        ctx.rect(p.x - r, p.y - r, 2 * r, 2 * r);
      } else if (layer.options.shape === 'diamond') {
        const d = r * 1.35;
        ctx.moveTo(p.x, p.y - d); ctx.lineTo(p.x + d, p.y);
        ctx.lineTo(p.x, p.y + d); ctx.lineTo(p.x - d, p.y); ctx.closePath();
      } else {  // triangle
        const d = r * 1.3;
        ctx.moveTo(p.x, p.y - d); ctx.lineTo(p.x + d, p.y + d * 0.75);
        ctx.lineTo(p.x - d, p.y + d * 0.75); ctx.closePath();
      }
      this._fillStroke(ctx, layer);
    },
  });

  const {hatch, projector, rawParts, rawPoints, finiteParts, PointBatch, ShapeBatch,
    CircleBatch} = window.DutyBatch;  // dutymap-batch.js

  function circleBatchFor(entry, level, colours) {
    entry.circles = entry.circles || {};
    if (!entry.circles[level]) {
      const batch = new CircleBatch({
        color: colours.ring, weight: 2 * SCALE, opacity: 0.9, fill: true,
        fillColor: colours.ring, fillOpacity: 0.06, dashArray: entry.meta.style.dash || null,
        dmKey: entry.meta.key, dmRole: 'circle',
      });
      entry.circles[level] = batch;
      entry.group.addLayer(batch);
      entry.newShapes = true;
    }
    return entry.circles[level];
  }

  // Renders drawn as one ShapeBatch per layer, and whether their parts are closed areas.
  const BATCHED = {street: true, grid: true, gap: true, community: true, line: false};

  // ------------------------------------------------------------ geometry

  function latLngsOf(g) {
    switch (g.type) {
      case 'Point': return [L.GeoJSON.coordsToLatLng(g.coordinates)];
      case 'MultiPoint': return L.GeoJSON.coordsToLatLngs(g.coordinates, 0);
      case 'LineString': return L.GeoJSON.coordsToLatLngs(g.coordinates, 0);
      case 'MultiLineString': return L.GeoJSON.coordsToLatLngs(g.coordinates, 1);
      case 'Polygon': return L.GeoJSON.coordsToLatLngs(g.coordinates, 1);
      case 'MultiPolygon': return L.GeoJSON.coordsToLatLngs(g.coordinates, 2);
      default: throw new Error('unsupported geometry ' + g.type);
    }
  }

  function pathOptions(style, key, extra) {
    return Object.assign({
      color: style.color,
      weight: (style.weight || 2) * SCALE,
      opacity: style.opacity === undefined ? 1 : style.opacity,
      fill: Boolean(style.fill),
      fillColor: style.hatch ? hatch(style.fill || style.color, SCALE)
        : (style.fill || style.color),
      fillOpacity: style.fill_opacity === undefined ? 0.2 : style.fill_opacity,
      dashArray: style.dash || null,
      dmKey: key,
    }, extra || {});
  }

  /* Shapes for any GeoJSON geometry, in the layer's style. */
  function shapes(g, style, key, extra) {
    if (g.type === 'GeometryCollection') {
      return g.geometries.reduce((all, part) => all.concat(shapes(part, style, key, extra)), []);
    }
    const options = pathOptions(style, key, extra);
    const lls = latLngsOf(g);
    if (g.type === 'Point' || g.type === 'MultiPoint') {
      const pointOptions = Object.assign({}, options, {
        fill: true, fillColor: style.fill || style.color,
        fillOpacity: style.fill_opacity === undefined ? 0.85 : style.fill_opacity,
        radius: (style.radius || 6) * SCALE, shape: style.shape || 'circle',
        color: '#0b121b', weight: 1.5 * SCALE,
      });
      return lls.map((ll) => new ShapeMarker(ll, pointOptions));
    }
    if (g.type === 'LineString' || g.type === 'MultiLineString') {
      return [L.polyline(lls, Object.assign({}, options, {fill: false}))];
    }
    return [L.polygon(lls, options)];
  }

  // ------------------------------------------------------------ badges

  /* A DOM badge (station readiness, incident severity): colour AND a glyph. */
  function badgeElement(spec, extraClass) {
    const badge = el('div', 'dm-badge dm-shape-' + (spec.shape || 'circle') +
      (extraClass ? ' ' + extraClass : ''));
    badge.style.background = spec.bg;
    badge.style.color = spec.fg;
    badge.appendChild(el('span', 'dm-glyph', spec.glyph || ''));
    return badge;
  }

  function markerIcon(content) {
    return L.divIcon({className: 'dm-anchor', html: content, iconSize: [0, 0]});
  }

  function labelMarker(latlng, text, className, key) {
    const node = el('div', 'dm-label ' + className, text);
    return L.marker(latlng, {icon: markerIcon(node), interactive: false, keyboard: false,
      pane: 'dm-labels', dmKey: key, dmRole: 'label'});
  }

  // ------------------------------------------------------------ renderers

  const RENDER = {
    street: (meta, f) => shapes(f.g, meta.style, meta.key, {interactive: false, fill: false}),

    community: (meta, f) => {
      const out = shapes(f.g, meta.style, meta.key, {interactive: false, fill: false});
      if (f.label && f.label_at) {
        out.push(labelMarker(f.label_at, f.label, 'dm-label-community', meta.key));
      }
      return out;
    },

    grid: (meta, f) => shapes(f.g, meta.style, meta.key),  // labels: see syncLabels

    gap: (meta, f) => registryShapes(meta, f),
    polygon: (meta, f) => registryShapes(meta, f),
    line: (meta, f) => registryShapes(meta, f),
    point: (meta, f) => registryShapes(meta, f),

    station: (meta, f) => {
      const colours = top.palette.readiness[f.level] || top.palette.readiness.red;
      const ll = [f.lat, f.lon];
      circleBatchFor(entries.get(meta.key), f.level, colours).setItem(f.id, f);
      const box = el('div', 'dm-station');
      box.appendChild(badgeElement(Object.assign({shape: meta.style.shape, glyph: f.glyph},
        colours)));
      box.appendChild(el('div', 'dm-name', f.label));
      const badge = L.marker(ll, {icon: markerIcon(box), keyboard: false, zIndexOffset: 500,
        dmKey: meta.key, dmRole: 'badge'});
      bindTip(badge, f, {sticky: false, direction: 'top', offset: [0, -18 * SCALE]}, meta.key);
      return [badge];
    },

    incident: (meta, f) => {
      const colours = top.palette.severity[String(f.severity)] || top.palette.severity['0'];
      const box = el('div', 'dm-incident' + (f.exercise ? ' dm-exercise' : '') +
        (f.recent ? ' dm-recent' : ''));
      box.appendChild(badgeElement(Object.assign({shape: 'pill', glyph: f.glyph}, colours),
        f.recent ? 'dm-pulse' : ''));
      if (f.exercise) { box.appendChild(el('div', 'dm-tag', top.text.exercise)); }
      const badge = L.marker([f.lat, f.lon], {icon: markerIcon(box), keyboard: false,
        zIndexOffset: 1000 + (5 - (f.severity || 5)) * 100, dmKey: meta.key, dmRole: 'badge'});
      bindTip(badge, f, {sticky: false, direction: 'top', offset: [0, -18 * SCALE]}, meta.key);
      return [badge];
    },
  };

  function registryShapes(meta, f) {
    return shapes(f.g, meta.style, meta.key);
  }

  function isPointGeometry(g) {
    return g && (g.type === 'Point' || g.type === 'MultiPoint');
  }

  function shapeBatchFor(entry) {
    if (!entry.batch) {
      const meta = entry.meta;
      const closed = BATCHED[meta.render];
      const interactive = meta.render !== 'street' && meta.render !== 'community';
      const options = pathOptions(meta.style, meta.key, {interactive: interactive,
        dmRole: 'shape', dmClosed: closed});
      if (meta.render === 'gap') {
        // A canvas of their own, under the other areas and lines: hatching is the costliest
        // fill to raster, and a change elsewhere then never redraws it (nor it the rest).
        options.pane = 'dm-gaps';
      }
      if (!closed || meta.render === 'street' || meta.render === 'community') {
        options.fill = false;
      }
      entry.batch = new ShapeBatch(options);
      entry.group.addLayer(entry.batch);
      entry.newShapes = true;
    }
    return entry.batch;
  }

  function batchFor(entry) {
    if (!entry.batch) {
      const style = entry.meta.style;
      entry.batch = new PointBatch({
        shape: style.shape || 'circle', radius: (style.radius || 6) * SCALE,
        fill: true, fillColor: style.fill || style.color,
        fillOpacity: style.fill_opacity === undefined ? 0.85 : style.fill_opacity,
        color: '#0b121b', weight: 1.5 * SCALE, opacity: 1,
        dmKey: entry.meta.key, dmRole: 'shape',
      });
      entry.group.addLayer(entry.batch);
      entry.newShapes = true;
    }
    return entry.batch;
  }

  /* Grid code labels are DOM elements: made only once the map is zoomed in far enough to
     show them (at district size there are thousands, all hidden in the overview). */
  function syncLabels(entry) {
    if (!entry.labels || !map.hasLayer(entry.group)) { return; }
    const min = (top && top.options.grid_label_min_zoom) || 15;
    if (map.getZoom() < min) { return; }
    const near = map.getBounds().pad(0.5);  // made as they come into view, then kept
    entry.labels.forEach((label, id) => {
      if (!label.marker && near.contains(label.at)) {
        label.marker = labelMarker(label.at, label.text, 'dm-label-grid', entry.meta.key);
        label.marker.options.dmId = id;
        entry.group.addLayer(label.marker);
      }
    });
  }

  // ------------------------------------------------------------ layers

  /* The models send only drawable features (desktop/models/drawable.py). Should one still
     fail here, it is left out silently (counted in state().render_errors) and the rest draw:
     nothing but clicks and ready/painted notices goes back to Python. */
  function addFeature(entry, f) {
    if (entry.meta.render === 'point' && isPointGeometry(f.g)) {
      try {
        const points = rawPoints(f.g);
        if (!finiteParts([points])) { throw new Error('coordinates are not finite'); }
        batchFor(entry).setItem(f.id, points);
      } catch {
        renderErrors += 1;
        return;
      }
      entry.items.set(f.id, []);
      entry.data.set(f.id, f);
      return;
    }
    if (entry.meta.render in BATCHED) {
      const parts = f.g ? rawParts(f.g, BATCHED[entry.meta.render]) : null;
      if (parts) {
        const drawn = [];
        try {
          if (!finiteParts(parts)) { throw new Error('coordinates are not finite'); }
          const batch = shapeBatchFor(entry);
          batch.setItem(f.id, parts);
          if (entry.meta.render === 'community' && f.label && f.label_at) {
            drawn.push(labelMarker(f.label_at, f.label, 'dm-label-community', entry.meta.key));
          }
        } catch {
          renderErrors += 1;
          return;
        }
        drawn.forEach((layer) => {
          layer.options.dmKey = entry.meta.key;
          layer.options.dmId = f.id;
          entry.group.addLayer(layer);
        });
        entry.items.set(f.id, drawn);
        entry.data.set(f.id, f);
        if (entry.meta.render === 'grid' && f.label) {
          entry.labels = entry.labels || new Map();
          entry.labels.set(f.id, {at: f.label_at || entry.batch.itemCenter(f.id), text: f.label,
            marker: null});
        }
        return;
      }
    }
    const render = RENDER[entry.meta.render] || registryShapes;
    let drawn;
    try {
      drawn = render(entry.meta, f);
    } catch {
      renderErrors += 1;
      return;
    }
    drawn.forEach((layer) => {
      layer.options.dmKey = entry.meta.key;
      layer.options.dmId = f.id;
      if (!layer.options.dmRole) { layer.options.dmRole = 'shape'; }
      entry.group.addLayer(layer);
    });
    entry.items.set(f.id, drawn);
    entry.data.set(f.id, f);
    if (entry.meta.render === 'grid' && f.label && drawn.length) {
      entry.labels = entry.labels || new Map();
      entry.labels.set(f.id, {at: f.label_at || drawn[0].getBounds().getCenter(),
        text: f.label, marker: null});
      entry.newShapes = true;
    } else if (drawn.length) {
      entry.newShapes = true;
    }
  }

  function removeFeature(entry, id) {
    const drawn = entry.items.get(id);
    if (drawn) {
      drawn.forEach((layer) => entry.group.removeLayer(layer));
      entry.items.delete(id);
    }
    if (entry.batch) { entry.batch.deleteItem(id); }
    if (entry.circles) { Object.values(entry.circles).forEach((c) => c.deleteItem(id)); }
    const label = entry.labels && entry.labels.get(id);
    if (label) {
      if (label.marker) { entry.group.removeLayer(label.marker); }
      entry.labels.delete(id);
    }
    entry.data.delete(id);
  }

  /* Whether two versions of a feature draw the same (tooltip words aside). */
  function sameLook(a, b) {
    const look = (f) => JSON.stringify(Object.assign({}, f, {tip: null, near: null}));
    return look(a) === look(b);
  }

  function flush(entry) {
    if (entry.batch) { entry.batch.flush(); }
    if (entry.circles) { Object.values(entry.circles).forEach((c) => c.flush()); }
    syncLabels(entry);
  }

  function overlayName(meta) {
    const wrap = el('span', 'dm-overlay');
    wrap.appendChild(el('span', 'dm-overlay-name', meta.name));
    if (meta.sensitive) { wrap.appendChild(el('span', 'dm-sensitive', top.text.sensitive)); }
    return wrap.outerHTML;  // built from text nodes, so the data is escaped
  }

  function putLayer(meta, visible, later) {
    const old = entries.get(meta.key);
    const wasShown = old ? map.hasLayer(old.group) : false;  // the operator's toggle stays
    if (old) { dropLayer(meta.key); }
    const group = L.featureGroup();  // child events reach the group: one click handler
    group.dmKey = meta.key;
    group.dmRank = meta.rank;
    const entry = {meta: meta, group: group, items: new Map(), data: new Map(), batch: null,
      labels: null, newShapes: false};
    group.on('click', (event) => onPointer('click', event, entry));
    group.on('mousemove', (event) => onPointer('move', event, entry));
    entries.set(meta.key, entry);
    if (!later) { (meta.features || []).forEach((f) => addFeature(entry, f)); }
    const show = old ? wasShown : (visible === undefined ? meta.visible : visible);
    if (show) { group.addTo(map); }
    if (!later) { flush(entry); }
    if (meta.render !== 'street') { layerControl.addOverlay(group, overlayName(meta)); }
    return entry;
  }

  function dropLayer(key) {
    const entry = entries.get(key);
    if (!entry) { return; }
    map.removeLayer(entry.group);
    layerControl.removeLayer(entry.group);
    entries.delete(key);
  }

  function sortedEntries() {
    return Array.from(entries.values()).sort((a, b) => a.meta.rank - b.meta.rank);
  }

  /* Canvas paths draw in insertion order: put them back in layer rank order, from the
     lowest-ranked layer that got new paths up (``fromRank``; all when undefined). Point
     batches sit on their own canvas and keep their place. */
  function restack(fromRank) {
    sortedEntries().forEach((entry) => {
      if (!map.hasLayer(entry.group)) { return; }
      if (fromRank !== undefined && entry.meta.rank < fromRank) { return; }
      entry.group.eachLayer((layer) => {
        if (layer instanceof L.Path && layer._renderer && !layer.options.dmBatch) {
          layer.bringToFront();
        }
      });
    });
  }

  // ------------------------------------------------------------ legend

  function swatchElement(s) {
    const size = 1.6;  // em
    if (s.kind === 'none') { return el('span', 'dm-swatch'); }
    if (s.kind === 'badge') {
      const holder = el('span', 'dm-swatch dm-swatch-badge' + (s.pulse ? ' dm-recent' : ''));
      holder.appendChild(badgeElement(s, s.pulse ? 'dm-pulse' : ''));
      if (s.exercise) { holder.firstChild.classList.add('dm-exercise-outline'); }
      return holder;
    }
    const svg = svgEl('svg', {viewBox: '0 0 32 20', width: size * 1.6 + 'em', height: size + 'em',
      class: 'dm-swatch'});
    const stroke = {stroke: s.color, 'stroke-width': Math.min(Math.max(s.weight || 2, 1.5), 6),
      'stroke-dasharray': s.dash || null};
    if (s.kind === 'line') {
      svg.appendChild(svgEl('line', Object.assign({x1: 2, y1: 10, x2: 30, y2: 10}, stroke)));
    } else if (s.kind === 'polygon') {
      let fill = s.fill || 'none';
      if (s.hatch && s.fill) {
        swatchPatterns += 1;
        const id = 'dm-hatch-' + swatchPatterns;
        const pattern = svgEl('pattern', {id: id, width: 6, height: 6,
          patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)'});
        pattern.appendChild(svgEl('line', {x1: 0, y1: 0, x2: 0, y2: 6, stroke: s.fill,
          'stroke-width': 3}));
        const defs = svgEl('defs', {});
        defs.appendChild(pattern);
        svg.appendChild(defs);
        fill = 'url(#' + id + ')';
      }
      svg.appendChild(svgEl('rect', Object.assign({x: 3, y: 3, width: 26, height: 14,
        fill: fill, 'fill-opacity': s.fill ? Math.max(s.fill_opacity || 0, 0.35) : 0},
      stroke)));
    } else {  // point
      const shape = {fill: s.fill || s.color, stroke: '#0b121b', 'stroke-width': 1.5};
      const pts = {square: '10,4 22,4 22,16 10,16', diamond: '16,2 24,10 16,18 8,10',
        triangle: '16,2 24,17 8,17'}[s.shape];
      svg.appendChild(pts ? svgEl('polygon', Object.assign({points: pts}, shape))
        : svgEl('circle', Object.assign({cx: 16, cy: 10, r: 7}, shape)));
    }
    return svg;
  }

  let swatchPatterns = 0;

  function legendRow(row) {
    const line = el('div', 'dm-legend-row');
    line.appendChild(swatchElement(row.swatch));
    line.appendChild(el('span', 'dm-legend-label', row.label));
    return line;
  }

  function renderLegend() {
    if (WALL) { renderStrip(); return; }
    const box = legendControl.getContainer();
    box.replaceChildren(el('div', 'dm-legend-title', top.text.legend));
    const shared = new Map();
    sortedEntries().reverse().forEach((entry) => {
      if (!map.hasLayer(entry.group)) { return; }
      entry.meta.legend.forEach((row) => {
        if (row.shared) {
          shared.set(row.label + JSON.stringify(row.swatch), row);
        } else {
          box.appendChild(legendRow(row));
        }
      });
    });
    if (shared.size) {
      box.appendChild(el('div', 'dm-legend-gap'));
      shared.forEach((row) => box.appendChild(legendRow(row)));
    }
  }

  const LegendControl = L.Control.extend({
    options: {position: 'bottomright'},
    onAdd: function () {
      const box = el('div', 'dm-legend leaflet-control');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    },
  });


  // ------------------------------------------------------------ wall legend strip

  /* On the wall the legend leaves the map: one line under it (a strip of the page, not a
     control over the map) listing the layers visible now, a page at a time when they do
     not fit in one line ("1/3"), turning every STRIP_PAGE_MS. */
  const STRIP_PAGE_MS = 8000;
  let strip = null;
  let stripPages = [];
  let stripPage = 0;
  let stripTimer = null;

  function stripRows() {
    const rows = [];
    const shared = new Map();
    sortedEntries().reverse().forEach((entry) => {
      if (!map.hasLayer(entry.group)) { return; }
      entry.meta.legend.forEach((row) => {
        if (row.swatch && row.swatch.kind === 'none') { return; }
        if (row.shared) { shared.set(row.label + JSON.stringify(row.swatch), row); } else {
          rows.push(row);
        }
      });
    });
    shared.forEach((row) => rows.push(row));
    return rows;
  }

  function renderStrip() {
    if (!strip) { return; }
    const rows = stripRows();
    strip.replaceChildren();
    const line = el('div', 'dm-strip-line');
    const mark = el('div', 'dm-strip-page', '');
    strip.appendChild(line);
    strip.appendChild(mark);
    mark.textContent = '9/9';
    const style = getComputedStyle(strip);
    const room = strip.clientWidth - mark.offsetWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight) - 4;  // beside the page mark
    stripPages = [];
    let page = [];
    rows.forEach((row) => {
      const node = legendRow(row);
      line.appendChild(node);
      if (line.scrollWidth > room && page.length) {
        stripPages.push(page);
        page = [];
        line.replaceChildren(node);
      }
      page.push(node);
    });
    if (page.length) { stripPages.push(page); }
    stripPage = Math.min(stripPage, Math.max(0, stripPages.length - 1));
    showStripPage();
    layoutStrip();
    clearInterval(stripTimer);
    stripTimer = stripPages.length > 1 ? setInterval(() => {
      stripPage = (stripPage + 1) % stripPages.length;
      showStripPage();
    }, STRIP_PAGE_MS) : null;
  }

  function showStripPage() {
    const line = strip.querySelector('.dm-strip-line');
    const mark = strip.querySelector('.dm-strip-page');
    line.replaceChildren(...(stripPages[stripPage] || []));
    mark.textContent = stripPages.length > 1 ? (stripPage + 1) + '/' + stripPages.length : '';
  }

  function layoutStrip() {
    const container = map.getContainer();
    const height = Math.max(0, window.innerHeight - strip.offsetHeight);
    if (container.style.height !== height + 'px') {
      container.style.height = height + 'px';
      map.invalidateSize({animate: false});
    }
  }

  // ------------------------------------------------------------ wall labels

  /* Labels placed without collisions, by priority: incident and station badges first
     (nudged off each other), station names beside their badge wherever there is room,
     then community names, then grid codes (hidden when there is no room). */
  const NAME_SPOTS = [[0, 1], [1, 0], [-1, 0], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]];
  let placing = 0;

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function moved(rect, dx, dy) {
    return {left: rect.left + dx, right: rect.right + dx, top: rect.top + dy,
      bottom: rect.bottom + dy, width: rect.width, height: rect.height};
  }

  function inside(rect, area) {
    return rect.left >= area.left && rect.right <= area.right && rect.top >= area.top
      && rect.bottom <= area.bottom;
  }

  function free(rect, placed, area) {
    return inside(rect, area) && !placed.some((other) => overlaps(rect, other.rect));
  }

  function labelNodes() {
    const of = (selector, kind) => Array.from(document.querySelectorAll(selector))
      .filter((node) => node.isConnected).map((node) => ({node: node, kind: kind}));
    const incidents = of('.dm-incident', 'incident');
    const stations = of('.dm-station', 'station');
    return {badges: incidents.concat(stations), communities: of('.dm-label-community',
      'community'), grids: of('.dm-label-grid', 'grid')};
  }

  function placeLabels() {
    if (!map) { return []; }
    const area = map.getContainer().getBoundingClientRect();
    const placed = [];
    // The map's own furniture (the scale bar, the attribution) is not drawn over either.
    document.querySelectorAll('.leaflet-control-scale, .dm-attribution').forEach((node) => {
      const r = node.getBoundingClientRect();
      if (r.width) { placed.push({kind: 'control', rect: r, node: node}); }
    });
    const nodes = labelNodes();
    const all = nodes.badges.concat(nodes.communities, nodes.grids);
    all.forEach((item) => {
      item.node.style.translate = '';
      item.node.style.visibility = '';
      const name = item.node.querySelector && item.node.querySelector('.dm-name');
      if (name) { name.style.translate = ''; }
    });
    const box = (node) => {
      const r = node.getBoundingClientRect();
      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
        height: r.height};
    };
    const placeBadge = (item) => {
      const badge = item.node.querySelector('.dm-badge') || item.node;
      const rect = box(badge);
      const step = Math.max(rect.width, rect.height);
      // The nearest free spot on a spiral out from where it belongs.
      let best = [0, 0];
      search: for (let k = 0; k <= 14; k += 0.5) {
        const turns = k ? Math.max(8, Math.round(k * 6)) : 1;
        for (let t = 0; t < turns; t += 1) {
          const angle = (2 * Math.PI * t) / turns;
          const dx = Math.cos(angle) * k * step * 0.6;
          const dy = Math.sin(angle) * k * step * 0.6;
          if (free(moved(rect, dx, dy), placed, area)) { best = [dx, dy]; break search; }
        }
      }
      if (best[0] || best[1]) { item.node.style.translate = best[0] + 'px ' + best[1] + 'px'; }
      item.badge = moved(rect, best[0], best[1]);
      placed.push({kind: item.kind + '-badge', rect: item.badge, node: item.node});
    };
    const placeName = (item) => {
      const name = item.node.querySelector('.dm-name');
      if (!name) { return; }
      const rect = box(name);  // below the badge, as laid out
      const badge = item.badge;
      const gap = 3;
      const spots = [];
      [0, 1, 2, 3, 4, 5, 6].forEach((ring) => NAME_SPOTS.forEach(([sx, sy]) => {
        const far = ring * rect.height;
        const left = sx > 0 ? badge.right + gap + far : sx < 0
          ? badge.left - gap - far - rect.width : (badge.left + badge.right - rect.width) / 2;
        const top = sy > 0 ? badge.bottom + gap + far : sy < 0
          ? badge.top - gap - far - rect.height : (badge.top + badge.bottom - rect.height) / 2;
        spots.push([left - rect.left, top - rect.top]);
      }));
      let best = spots[0];
      let bestHits = Infinity;
      for (const [dx, dy] of spots) {
        const there = moved(rect, dx, dy);
        if (free(there, placed, area)) { best = [dx, dy]; bestHits = 0; break; }
        // Overlapping another label is worse than running over the map's edge.
        const hits = 10 * placed.filter((other) => overlaps(there, other.rect)).length
          + (inside(there, area) ? 0 : 1);
        if (hits < bestHits) { best = [dx, dy]; bestHits = hits; }
      }
      name.style.translate = best[0] + 'px ' + best[1] + 'px';
      placed.push({kind: 'station', rect: moved(rect, best[0], best[1]), node: name});
    };
    // Stations and their names first (few, and their names need room), then the
    // incidents, nudged into what is left.
    nodes.badges.filter((item) => item.kind === 'station').forEach((item) => {
      placeBadge(item);
      placeName(item);
    });
    nodes.badges.filter((item) => item.kind !== 'station').forEach(placeBadge);
    nodes.communities.concat(nodes.grids).forEach((item) => {
      const rect = box(item.node);
      if (!rect.width) { return; }  // hidden at this zoom
      const shifts = item.kind === 'community' ? [[0, 0], [0, 1], [0, -1], [1, 0], [-1, 0]]
        : [[0, 0]];
      const spot = shifts.map(([sx, sy]) => [sx * rect.width * 0.6, sy * rect.height * 1.1])
        .find(([dx, dy]) => free(moved(rect, dx, dy), placed, area));
      if (!spot) { item.node.style.visibility = 'hidden'; return; }
      if (spot[0] || spot[1]) { item.node.style.translate = spot[0] + 'px ' + spot[1] + 'px'; }
      placed.push({kind: item.kind, rect: moved(rect, spot[0], spot[1]), node: item.node});
    });
    return placed;
  }

  function schedulePlacing() {
    if (!WALL || placing) { return; }
    placing = requestAnimationFrame(() => { placing = 0; placeLabels(); });
  }

  /* Every label on the map with its box (CSS px of the page) and whether it is shown. */
  function labelBoxes() {
    if (WALL) { placeLabels(); }
    const shown = (node) => getComputedStyle(node).visibility !== 'hidden'
      && node.getBoundingClientRect().width > 0;
    const boxes = [];
    const add = (kind, node, text) => {
      const r = node.getBoundingClientRect();
      boxes.push({kind: kind, text: text, x: r.left, y: r.top, w: r.width, h: r.height,
        shown: shown(node)});
    };
    document.querySelectorAll('.dm-incident').forEach((node) => {
      add('incident', node.querySelector('.dm-badge') || node, node.textContent);
    });
    document.querySelectorAll('.dm-station').forEach((node) => {
      add('station-badge', node.querySelector('.dm-badge') || node, '');
      const name = node.querySelector('.dm-name');
      if (name) { add('station', name, name.textContent); }
    });
    document.querySelectorAll('.dm-label-community').forEach((node) => {
      add('community', node, node.textContent);
    });
    document.querySelectorAll('.dm-label-grid').forEach((node) => {
      add('grid', node, node.textContent);
    });
    document.querySelectorAll('.dm-strip .dm-legend-label').forEach((node) => {
      add('legend', node, node.textContent);
    });
    return boxes;
  }

  /* Where the street is drawn, in CSS px of the page, and the map's own box. */
  function extent() {
    const c = map.getContainer().getBoundingClientRect();
    const b = top && (top.focus || top.bounds) ? L.latLngBounds(top.focus || top.bounds)
      : null;
    const out = {pane: {x: c.left, y: c.top, w: c.width, h: c.height}, street: null,
      strip: strip ? {w: strip.offsetWidth, h: strip.offsetHeight,
        pages: stripPages.length, entries: stripRows().length} : null};
    if (b) {
      const nw = map.latLngToContainerPoint(b.getNorthWest());
      const se = map.latLngToContainerPoint(b.getSouthEast());
      out.street = {x: nw.x, y: nw.y, w: se.x - nw.x, h: se.y - nw.y};
    }
    return out;
  }

  // ------------------------------------------------------------ view

  /* Padding that keeps what is fitted clear of the legend in the bottom-right corner:
     beside it when it is narrow, above it when it is wide (the wall legend runs in rows). */
  function legendPadding(extra) {
    if (WALL) {  // the legend is a strip outside the map; leave room for names at the edge
      const wall = map.getSize();
      const x = Math.round(wall.x * 0.09) + extra;
      const y = Math.round(wall.y * 0.06) + extra;
      return {paddingTopLeft: [x, y], paddingBottomRight: [x, y]};
    }
    const size = map.getSize();
    const box = legendControl.getContainer();
    let right = 24 + extra;
    let bottom = 24 + extra;
    if (box.offsetWidth && box.offsetWidth < size.x / 2) {
      right = box.offsetWidth + 36 + extra;
    } else if (box.offsetHeight) {
      bottom = Math.min(box.offsetHeight + 36 + extra, size.y * 0.6);
    }
    return {paddingTopLeft: [24 + extra, 24 + extra], paddingBottomRight: [right, bottom]};
  }

  function fit() {
    if (follow) { return; }  // the overview comes back when following ends
    const size = map.getSize();
    const target = top && (top.focus || top.bounds);  // focus: a district's busy streets
    if (target && size.x > 0 && size.y > 0) {
      map.fitBounds(target, Object.assign({animate: false}, legendPadding(0)));
    }
  }

  function markReady() {
    if (window.dutyMapReady) { return; }
    const done = () => {
      if (window.dutyMapReady) { return; }
      phases.ready = Math.round(performance.now());
      window.dutyMapReady = true;
      tell({event: 'ready'});  // the panel also polls the flag, in case this is missed
    };
    if (document.visibilityState === 'visible') {
      requestAnimationFrame(done);  // after Leaflet's own frame has painted the canvas
      setTimeout(done, 1000);       // frames can be throttled; never wait for ever
    } else {
      done();  // nothing paints while hidden; the drawing is complete
    }
  }

  function updateZoomClass() {
    const low = map.getZoom() < ((top && top.options.grid_label_min_zoom) || 15);
    map.getContainer().classList.toggle('dm-zoom-low', low);
  }

  // ------------------------------------------------------------ base map

  const AttributionControl = L.Control.extend({
    options: {position: 'bottomleft'},
    onAdd: function () {
      const box = el('div', 'dm-attribution leaflet-control');
      L.DomEvent.disableClickPropagation(box);
      return box;
    },
  });

  /* Tiles under the vector layers, made again only when their spec changes. */
  function setBaseMap(tiles) {
    const key = JSON.stringify(tiles || null);
    if (key === baseKey) { return; }
    baseKey = key;
    baseLayers.forEach((layer) => map.removeLayer(layer));
    baseLayers = [];
    const box = attributionControl.getContainer();
    box.textContent = tiles && tiles.attribution ? tiles.attribution : '';
    box.style.display = box.textContent ? '' : 'none';
    if (!tiles) { return; }
    (tiles.layers || []).forEach((spec) => {
      const layer = L.tileLayer(spec.url, {
        minZoom: spec.min_zoom || 0, maxNativeZoom: spec.max_native_zoom || 18,
        maxZoom: tiles.max_zoom || 19, attribution: '', crossOrigin: false,
        className: 'dm-tiles',
      });
      layer.addTo(map);
      baseLayers.push(layer);
    });
  }

  // ------------------------------------------------------------ follow

  function clearFollow() {
    if (!follow) { return; }
    clearTimeout(follow.timer);
    follow.layers.forEach((layer) => map.removeLayer(layer));
    document.querySelectorAll('.dm-highlight').forEach(
      (node) => node.classList.remove('dm-highlight'));
    follow = null;
  }

  function badgeNode(layerKey, id) {
    const entry = entries.get(layerKey);
    const drawn = entry && entry.items.get(id);
    const marker = drawn && drawn.find((layer) => layer.options.dmRole === 'badge');
    return marker && marker.getElement ? marker.getElement() : null;
  }

  /* spec: {layer, id, lat, lon, zoom, near: {layer, id, lat, lon, m, text, circle_m}|null,
     back_after_ms: 0 (stay) or the time until the overview returns}. */
  function followIncident(spec) {
    spec = parse(spec);
    clearFollow();
    follow = {layers: [], timer: null};
    const at = L.latLng(spec.lat, spec.lon);
    let view = L.latLngBounds([at, at]);
    const incidentNode = badgeNode(spec.layer, spec.id);
    if (incidentNode) { incidentNode.classList.add('dm-highlight'); }
    if (spec.near) {
      const station = L.latLng(spec.near.lat, spec.near.lon);
      view = view.extend(station);
      const line = L.polyline([at, station], {color: '#ffffff', weight: 4 * SCALE, opacity: 0.95,
        dashArray: '2,8', lineCap: 'round', interactive: false, dmKey: 'follow',
        dmRole: 'follow'}).addTo(map);
      const middle = L.latLng((spec.lat + spec.near.lat) / 2, (spec.lon + spec.near.lon) / 2);
      const label = L.marker(middle, {icon: markerIcon(el('div', 'dm-label dm-follow-label',
        spec.near.text)), interactive: false, keyboard: false, pane: 'dm-labels',
      dmKey: 'follow', dmRole: 'follow'}).addTo(map);
      follow.layers.push(line, label);
      if (spec.near.circle_m > 0) {  // the takeover: the station's circle, in metres
        const circle = L.circle(station, {radius: spec.near.circle_m, color: '#ffffff',
          weight: 4 * SCALE, opacity: 0.95, fill: true, fillColor: '#ffffff',
          fillOpacity: 0.08, interactive: false, dmKey: 'follow', dmRole: 'follow'})
          .addTo(map);
        follow.layers.push(circle);
        view = view.extend(circle.getBounds());
      }
      const stationNode = badgeNode(spec.near.layer, spec.near.id);
      if (stationNode) { stationNode.classList.add('dm-highlight'); }
    }
    const size = map.getSize();
    const extra = Math.round(Math.min(size.x, size.y) * 0.08);  // room for badges and label
    map.fitBounds(view, Object.assign({maxZoom: spec.zoom || 17, animate: !spec.instant},
      legendPadding(extra)));
    const zoom = map.getZoom();
    if (spec.back_after_ms > 0) {
      follow.timer = setTimeout(overview, spec.back_after_ms);
    }
    return {zoom: zoom};
  }

  function overview() {
    clearFollow();
    fit();
    return {};
  }

  // ------------------------------------------------------------ API

  function loadAll(payload, keepView) {
    const entered = performance.now();
    payload = parse(payload);
    const parsed = performance.now();
    const toggles = new Map();
    entries.forEach((entry, key) => toggles.set(key, map.hasLayer(entry.group)));
    Array.from(entries.keys()).forEach(dropLayer);
    top = Object.assign({}, payload, {layers: undefined});
    setBaseMap(payload.tiles);
    timings = {};
    // Layers, legend and view first, features after: so that every feature is projected
    // once, at the zoom it is shown at, not once more when the view is fitted.
    const sorted = payload.layers.slice().sort((a, b) => a.rank - b.rank);
    sorted.forEach((meta) => {
      putLayer(meta, keepView && toggles.has(meta.key) ? toggles.get(meta.key) : undefined,
        true);
    });
    renderLegend();
    if (!keepView) { fit(); }
    sorted.forEach((meta) => {
      const started = performance.now();
      const entry = entries.get(meta.key);
      (meta.features || []).forEach((f) => addFeature(entry, f));
      flush(entry);
      timings[meta.key] = Math.round(performance.now() - started);
    });
    const drawn = performance.now();
    updateZoomClass();
    if (WALL) { placeLabels(); }
    markReady();
    // Milliseconds since the page's navigation started, for the benchmark's breakdown.
    phases = {called: Math.round(entered), parsed: Math.round(parsed),
      layers: Math.round(drawn)};
    return {layers: entries.size};
  }

  function applyDelta(delta) {
    delta = parse(delta);
    if (delta.reload) { return loadAll(delta.reload, true); }
    if ('focus' in delta) {
      top.focus = delta.focus;
      if (autoFit) { fit(); }
    }
    let added = 0;
    let lowest;
    const touched = new Set();
    (delta.remove_layers || []).forEach(dropLayer);
    (delta.put_layers || []).forEach((meta) => {
      entries.forEach((entry) => { entry.newShapes = false; });
      const entry = putLayer(meta);
      added += (meta.features || []).length;
      if (entry.newShapes && (lowest === undefined || meta.rank < lowest)) { lowest = meta.rank; }
    });
    (delta.features || []).forEach((change) => {
      const entry = entries.get(change.layer);
      if (!entry) { throw new Error('no layer ' + change.layer); }
      entry.newShapes = false;
      (change.remove || []).forEach((id) => removeFeature(entry, id));
      (change.put || []).forEach((f) => {
        const old = entry.data.get(f.id);
        if (old && sameLook(old, f)) {  // only its words changed: keep what is drawn
          entry.data.set(f.id, f);
          return;
        }
        removeFeature(entry, f.id);
        addFeature(entry, f);
        added += 1;
      });
      touched.add(entry);
      if (entry.newShapes && (lowest === undefined || entry.meta.rank < lowest)) {
        lowest = entry.meta.rank;
      }
    });
    touched.forEach(flush);
    Object.entries(delta.ranks || {}).forEach(([key, rank]) => {
      const entry = entries.get(key);
      entry.meta.rank = rank;
      entry.group.dmRank = rank;
      if (entry.meta.render !== 'street') {
        layerControl.removeLayer(entry.group);
        layerControl.addOverlay(entry.group, overlayName(entry.meta));
      }
    });
    if (delta.ranks) {
      restack();
    } else if (lowest !== undefined) {
      restack(lowest + 1);  // the changed layer's new paths are last already; lift those above
    }
    if (delta.remove_layers || delta.put_layers || delta.ranks) { renderLegend(); }
    schedulePlacing();
    return {added: added};
  }

  function state() {
    const drawn = {};
    map.eachLayer((layer) => {
      const key = layer.options && layer.options.dmKey;
      if (!key) { return; }
      const counts = drawn[key] || (drawn[key] = {});
      const role = layer.options.dmRole || 'shape';
      counts[role] = (counts[role] || 0) + (layer.options.dmBatch ? layer.size() : 1);
    });
    const texts = (selector) => Array.from(document.querySelectorAll(selector))
      .map((node) => node.textContent);
    return {
      ready: window.dutyMapReady === true,
      wall: WALL,
      zoom: map.getZoom(),
      center: [map.getCenter().lat, map.getCenter().lng],
      following: Boolean(follow),
      highlighted: document.querySelectorAll('.dm-highlight').length,
      tiles: baseLayers.length,
      attribution: attributionControl.getContainer().textContent,
      render_errors: renderErrors,
      timings: timings,
      phases: phases,
      layers: sortedEntries().map((entry) => ({
        key: entry.meta.key,
        name: entry.meta.name,
        render: entry.meta.render,
        visible: map.hasLayer(entry.group),
        features: entry.items.size,
        drawn: drawn[entry.meta.key] || {},
      })),
      // the wall's strip shows its rows a page at a time: all of them, in page order
      legend: WALL && strip ? stripRows().map((row) => row.label)
        : texts('.dm-legend .dm-legend-label'),
      control: texts('.leaflet-control-layers-overlays .dm-overlay-name'),
    };
  }

  /* Everything the page was given and still holds, as data. */
  function dump() {
    return {
      top: top,
      layers: sortedEntries().map((entry) => Object.assign({}, entry.meta, {
        features: Array.from(entry.data.values()),
      })),
    };
  }

  function notifyPainted(token) {
    // Leaflet redraws its canvas in the next animation frame; our frame callback runs
    // after its own, and the timeout after that frame's paint.
    requestAnimationFrame(() => setTimeout(() => tell({event: 'painted', token: token,
      t: performance.now()}), 0));
    return {};
  }

  // ------------------------------------------------------------ responders (replay)
  /* Teams on their way: a dashed line from the station to the place and a dot where the
     team is; its own layer group over the points, apart from the labels' placing. */
  let responderLayer = null;

  function setResponders(list) {
    if (!responderLayer) {
      map.createPane('dm-responders').style.zIndex = 440;  // over points, under labels
      responderLayer = L.layerGroup().addTo(map);
    }
    responderLayer.clearLayers();
    list.forEach((r) => {
      const colour = r.estimated ? '#f0a020' : '#ff5a36';
      L.polyline([r.from, r.to], {pane: 'dm-responders', color: colour, weight: 2,
        dashArray: '6 5', interactive: false}).addTo(responderLayer);
      const dot = L.circleMarker(r.at, {pane: 'dm-responders', radius: 7, color: '#ffffff',
        weight: 2, fillColor: colour, fillOpacity: 1, className: 'dm-responder'});
      dot.bindTooltip(el('span', 'dm-responder-label', r.label),  // text, never HTML
        {permanent: true, direction: 'right', offset: [8, 0], pane: 'dm-responders'});
      dot.addTo(responderLayer);
    });
    return {responders: list.length};
  }

  window.dutyMapReady = false;
  window.DutyMap = {
    attach: function (leafletMap) {
      map = leafletMap;
      map.setMaxZoom(19);  // no tile layer sets it
      map.createPane('dm-gaps').style.zIndex = 390;  // under areas and lines (overlayPane)
      map.createPane('dm-points').style.zIndex = 420;  // above areas and lines
      map.createPane('dm-labels').style.zIndex = 450;
      layerControl = L.control.layers(null, null, {
        collapsed: true, position: 'topright', sortLayers: true,
        sortFunction: (a, b) => b.dmRank - a.dmRank,
      }).addTo(map);
      legendControl = new LegendControl();
      if (WALL) {  // no one at the wall clicks: no layer list, no zoom buttons
        map.options.zoomSnap = 0.05;  // the street fitted to the pane, not to a whole level
        layerControl.getContainer().style.display = 'none';
        if (map.zoomControl) { map.zoomControl.remove(); }
        strip = el('div', 'dm-legend dm-strip');
        document.body.appendChild(strip);
        layoutStrip();
        window.addEventListener('resize', () => { layoutStrip(); renderStrip(); });
        map.on('moveend zoomend', schedulePlacing);
      } else {
        legendControl.addTo(map);
      }
      if (map.attributionControl) { map.attributionControl.remove(); }
      attributionControl = new AttributionControl().addTo(map);
      attributionControl.getContainer().style.display = 'none';
      map.on('overlayadd overlayremove', () => {
        restack(); renderLegend(); entries.forEach(syncLabels);
      });
      map.on('zoomend', updateZoomClass);
      map.on('click', (event) => onPointer('click', event, null));
      map.on('mousemove', (event) => onPointer('move', event, null));
      map.on('mouseout', hideHoverTip);
      map.on('moveend', () => entries.forEach(syncLabels));
      map.on('resize', () => { if (autoFit) { fit(); } });
      const container = map.getContainer();
      ['mousedown', 'wheel', 'touchstart', 'keydown'].forEach((type) => {
        container.addEventListener(type, () => { autoFit = false; }, {passive: true});
      });
    },
    load: (payload) => guard(() => loadAll(payload, false)),
    reload: (payload) => guard(() => loadAll(payload, true)),
    apply: (delta) => guard(() => applyDelta(delta)),
    state: state,
    dump: dump,
    labelBoxes: labelBoxes,
    extent: extent,
    /* wall-check: draw only the text (areas, lines, points and badges off) while a picture
       is taken, so that the labels' ink is measured on a plain background. */
    inkProbe: (on) => guard(() => {
      document.documentElement.classList.toggle('dm-ink-probe', Boolean(on));
      return {};
    }),
    follow: (spec) => guard(() => followIncident(spec)),
    setView: (lat, lon, zoom) => guard(() => {
      autoFit = false;
      map.setView([lat, lon], zoom, {animate: false});
      return {zoom: map.getZoom()};
    }),
    overview: () => guard(overview),
    responders: (list) => guard(() => setResponders(parse(list))),
    notifyPainted: (token) => guard(() => notifyPainted(token)),
  };
}());
