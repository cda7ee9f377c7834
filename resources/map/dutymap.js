/*
 * Street Duty Room map page: draws the situation that Python pushes as JSON.
 *
 *   DutyMap.attach(map)        called once by the folium frame
 *   DutyMap.load(payload)      first full situation; fits the street; sets
 *                              window.dutyMapReady = true once drawn
 *   DutyMap.apply(delta)       later changes (see map_payload.diff_payload)
 *   DutyMap.reload(payload)    everything again, keeping view and toggles
 *   DutyMap.state()            what is drawn, for tests and diagnosis
 *
 * load/apply/reload take an object or a JSON string and return a JSON string
 * {"ok": true|false, ...}. Nothing here knows a registry layer by name: each
 * layer says how it is drawn ("render") and brings its own legend rows, and
 * every text from the data is written as text, never parsed as HTML.
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

  function bindTip(layer, f, options) {
    if (f.tip) {
      layer.bindTooltip(() => tipElement(f.tip),
        Object.assign({className: 'dm-tip', sticky: true}, options || {}));
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
      fillColor: style.fill || style.color,
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

    grid: (meta, f) => {
      const out = shapes(f.g, meta.style, meta.key);
      out.forEach((shape) => bindTip(shape, f));
      if (f.label && out.length) {
        const at = f.label_at || out[0].getBounds().getCenter();
        out.push(labelMarker(at, f.label, 'dm-label-grid', meta.key));
      }
      return out;
    },

    polygon: (meta, f) => registryShapes(meta, f),
    line: (meta, f) => registryShapes(meta, f),
    point: (meta, f) => registryShapes(meta, f),

    station: (meta, f) => {
      const colours = top.palette.readiness[f.level] || top.palette.readiness.red;
      const ll = [f.lat, f.lon];
      const circle = L.circle(ll, {
        radius: f.radius_m, color: colours.ring, weight: 2 * SCALE, opacity: 0.9,
        fillColor: colours.ring, fillOpacity: 0.06, dashArray: meta.style.dash || null,
        interactive: false, dmKey: meta.key, dmRole: 'circle',
      });
      const box = el('div', 'dm-station');
      box.appendChild(badgeElement(Object.assign({shape: meta.style.shape, glyph: f.glyph},
        colours)));
      box.appendChild(el('div', 'dm-name', f.label));
      const badge = L.marker(ll, {icon: markerIcon(box), keyboard: false, zIndexOffset: 500,
        dmKey: meta.key, dmRole: 'badge'});
      bindTip(badge, f, {sticky: false, direction: 'top', offset: [0, -18 * SCALE]});
      return [circle, badge];
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
      bindTip(badge, f, {sticky: false, direction: 'top', offset: [0, -18 * SCALE]});
      return [badge];
    },
  };

  function registryShapes(meta, f) {
    const out = shapes(f.g, meta.style, meta.key);
    out.forEach((shape) => bindTip(shape, f));
    return out;
  }

  // ------------------------------------------------------------ layers

  function addFeature(entry, f) {
    const render = RENDER[entry.meta.render] || registryShapes;
    const drawn = render(entry.meta, f);
    drawn.forEach((layer) => {
      layer.options.dmKey = entry.meta.key;
      if (!layer.options.dmRole) { layer.options.dmRole = 'shape'; }
      entry.group.addLayer(layer);
    });
    entry.items.set(f.id, drawn);
  }

  function removeFeature(entry, id) {
    const drawn = entry.items.get(id);
    if (drawn) {
      drawn.forEach((layer) => entry.group.removeLayer(layer));
      entry.items.delete(id);
    }
  }

  function overlayName(meta) {
    const wrap = el('span', 'dm-overlay');
    wrap.appendChild(el('span', 'dm-overlay-name', meta.name));
    if (meta.sensitive) { wrap.appendChild(el('span', 'dm-sensitive', top.text.sensitive)); }
    return wrap.outerHTML;  // built from text nodes, so the data is escaped
  }

  function putLayer(meta, visible) {
    const old = entries.get(meta.key);
    const wasShown = old ? map.hasLayer(old.group) : false;  // the operator's toggle stays
    if (old) { dropLayer(meta.key); }
    const group = L.layerGroup();
    group.dmKey = meta.key;
    group.dmRank = meta.rank;
    const entry = {meta: meta, group: group, items: new Map()};
    entries.set(meta.key, entry);
    (meta.features || []).forEach((f) => addFeature(entry, f));
    const show = old ? wasShown : (visible === undefined ? meta.visible : visible);
    if (show) { group.addTo(map); }
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

  /* Canvas paths draw in insertion order: put them back in layer rank order. */
  function restack() {
    sortedEntries().forEach((entry) => {
      if (!map.hasLayer(entry.group)) { return; }
      entry.group.eachLayer((layer) => {
        if (layer instanceof L.Path && layer._renderer) { layer.bringToFront(); }
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
      svg.appendChild(svgEl('rect', Object.assign({x: 3, y: 3, width: 26, height: 14,
        fill: s.fill || 'none', 'fill-opacity': s.fill ? Math.max(s.fill_opacity || 0, 0.35) : 0},
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

  function legendRow(row) {
    const line = el('div', 'dm-legend-row');
    line.appendChild(swatchElement(row.swatch));
    line.appendChild(el('span', 'dm-legend-label', row.label));
    return line;
  }

  function renderLegend() {
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

  // ------------------------------------------------------------ view

  function fit() {
    const size = map.getSize();
    if (top && top.bounds && size.x > 0 && size.y > 0) {
      // Keep the street clear of the legend in the bottom-right corner: beside it
      // when it is narrow, above it when it is wide (the wall legend runs in columns).
      const box = legendControl.getContainer();
      let right = 24;
      let bottom = 24;
      if (box.offsetWidth && box.offsetWidth < size.x / 2) {
        right = box.offsetWidth + 36;
      } else if (box.offsetHeight) {
        bottom = Math.min(box.offsetHeight + 36, size.y * 0.6);
      }
      map.fitBounds(top.bounds, {paddingTopLeft: [24, 24], paddingBottomRight: [right, bottom],
        animate: false});
    }
  }

  function markReady() {
    if (window.dutyMapReady) { return; }
    const done = () => { window.dutyMapReady = true; };
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

  // ------------------------------------------------------------ API

  function loadAll(payload, keepView) {
    payload = parse(payload);
    const toggles = new Map();
    entries.forEach((entry, key) => toggles.set(key, map.hasLayer(entry.group)));
    Array.from(entries.keys()).forEach(dropLayer);
    top = Object.assign({}, payload, {layers: undefined});
    payload.layers.slice().sort((a, b) => a.rank - b.rank).forEach((meta) => {
      putLayer(meta, keepView && toggles.has(meta.key) ? toggles.get(meta.key) : undefined);
    });
    renderLegend();
    updateZoomClass();
    if (!keepView) { fit(); }
    markReady();
    return {layers: entries.size};
  }

  function applyDelta(delta) {
    delta = parse(delta);
    if (delta.reload) { return loadAll(delta.reload, true); }
    let added = 0;
    (delta.remove_layers || []).forEach(dropLayer);
    (delta.put_layers || []).forEach((meta) => {
      putLayer(meta);
      added += (meta.features || []).length;
    });
    (delta.features || []).forEach((change) => {
      const entry = entries.get(change.layer);
      if (!entry) { throw new Error('no layer ' + change.layer); }
      (change.remove || []).forEach((id) => removeFeature(entry, id));
      (change.put || []).forEach((f) => {
        removeFeature(entry, f.id);
        addFeature(entry, f);
        added += 1;
      });
    });
    Object.entries(delta.ranks || {}).forEach(([key, rank]) => {
      const entry = entries.get(key);
      entry.meta.rank = rank;
      entry.group.dmRank = rank;
      if (entry.meta.render !== 'street') {
        layerControl.removeLayer(entry.group);
        layerControl.addOverlay(entry.group, overlayName(entry.meta));
      }
    });
    if (added || delta.ranks) { restack(); }
    if (delta.remove_layers || delta.put_layers || delta.ranks) { renderLegend(); }
    return {added: added};
  }

  function state() {
    const drawn = {};
    map.eachLayer((layer) => {
      const key = layer.options && layer.options.dmKey;
      if (!key) { return; }
      const counts = drawn[key] || (drawn[key] = {});
      const role = layer.options.dmRole || 'shape';
      counts[role] = (counts[role] || 0) + 1;
    });
    const texts = (selector) => Array.from(document.querySelectorAll(selector))
      .map((node) => node.textContent);
    return {
      ready: window.dutyMapReady === true,
      wall: WALL,
      zoom: map.getZoom(),
      layers: sortedEntries().map((entry) => ({
        key: entry.meta.key,
        name: entry.meta.name,
        render: entry.meta.render,
        visible: map.hasLayer(entry.group),
        features: entry.items.size,
        drawn: drawn[entry.meta.key] || {},
      })),
      legend: texts('.dm-legend .dm-legend-label'),
      control: texts('.leaflet-control-layers-overlays .dm-overlay-name'),
    };
  }

  window.dutyMapReady = false;
  window.DutyMap = {
    attach: function (leafletMap) {
      map = leafletMap;
      map.setMaxZoom(19);  // no tile layer sets it
      ['dm-labels'].forEach((name) => { map.createPane(name).style.zIndex = 450; });
      layerControl = L.control.layers(null, null, {
        collapsed: true, position: 'topright', sortLayers: true,
        sortFunction: (a, b) => b.dmRank - a.dmRank,
      }).addTo(map);
      legendControl = new LegendControl().addTo(map);
      map.on('overlayadd overlayremove', () => { restack(); renderLegend(); });
      map.on('zoomend', updateZoomClass);
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
  };
}());
