#!/usr/bin/env node
// Generate the world map palermo draws its maps on: data/world-map.csv.
//
// Inputs (npm, pinned in package.json and package-lock.json):
//   world-atlas 2.0.2        Natural Earth's countries at 1:110m and 1:50m,
//                            as TopoJSON, keyed by ISO 3166-1 numeric codes
//   topojson-client 3.1.0    TopoJSON to GeoJSON
//   d3-geo 3.1.1             the Equal Earth projection (equal-area) and
//                            SVG paths
// Output: data/world-map.csv, one row per country or area:
//   numeric  ISO 3166-1 numeric, three digits (palermo's 900 for Kosovo)
//   name     Natural Earth's short name, for the generator's own messages
//   cx, cy   where a flow from or to it starts or ends: the centroid of
//            its largest polygon, in the map's units
//   d        its outline as an SVG path in the map's units, or empty for
//            an area too small for the 1:110m map, which palermo draws as
//            a dot at (cx, cy), from the 1:50m map
// and a first row "000,size" whose cx and cy are the map's width (960) and
// height.
//
// Projected here, at build time, so that palermo needs nothing at run time
// but its compiled-in table.  Antarctica is left out.  Northern Cyprus
// and Somaliland are drawn as parts of Cyprus and Somalia, as the United
// Nations' maps draw them.  Deterministic: same inputs, same bytes.
//   node scripts/gen-map.mjs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath, geoArea } from 'd3-geo';

const TOP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// PALERMO_MAP_OUT writes elsewhere, so that the suite can check that the
// committed file is what its inputs give
const OUT = process.env.PALERMO_MAP_OUT || path.join(TOP, 'data', 'world-map.csv');
const WIDTH = 960;
const PINNED = { 'world-atlas': '2.0.2', 'topojson-client': '3.1.0', 'd3-geo': '3.1.1' };
// Natural Earth's areas without an ISO code, as palermo places them
const BY_NAME = { Kosovo: '900', 'N. Cyprus': '196', Somaliland: '706' };
const LEFT_OUT = new Set(['010']);	// Antarctica

function die(msg) {
  process.stderr.write(`gen-map: ${msg}\n`);
  process.exit(1);
}

for (const [name, version] of Object.entries(PINNED)) {
  const pkg = JSON.parse(fs.readFileSync(
    path.join(TOP, 'node_modules', name, 'package.json'), 'utf8'));
  if (pkg.version !== version) die(`${name} ${pkg.version} installed, ${version} expected`);
}

function countries(file) {
  const topo = JSON.parse(fs.readFileSync(
    path.join(TOP, 'node_modules', 'world-atlas', file), 'utf8'));
  const out = [];
  for (const f of feature(topo, topo.objects.countries).features) {
    const code = f.id !== undefined ? f.id : BY_NAME[f.properties.name];
    if (code === undefined) continue;	// no country palermo knows
    if (!/^[0-9]{3}$/.test(code)) die(`${file}: bad id ${code}`);
    if (!LEFT_OUT.has(code)) out.push({ code, name: f.properties.name, f });
  }
  return out;
}

const fine = countries('countries-110m.json');
const dots = countries('countries-50m.json');
const projection = geoEqualEarth().fitWidth(WIDTH, {
  type: 'FeatureCollection', features: fine.map((c) => c.f),
});
const draw = geoPath(projection).digits(1);

// The centroid of a feature's largest polygon, in map units.
function anchor(f) {
  const g = f.geometry;
  let best = g;
  if (g.type === 'MultiPolygon') {
    let area = -1;
    for (const p of g.coordinates) {
      const a = geoArea({ type: 'Polygon', coordinates: p });
      if (a > area) { area = a; best = { type: 'Polygon', coordinates: p }; }
    }
  }
  return draw.centroid(best).map((v) => v.toFixed(1));
}

// Relative path commands, which make the table a third smaller: each
// ring starts where it is (M), and goes on by steps (l, then pairs).
function relative(d) {
  let out = '', x = 0, y = 0, line = false;
  for (const m of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (m[1] === 'Z') { out += 'z'; line = false; continue; }
    const [px, py] = m[2].split(',').map(Number);
    if (m[1] === 'M') {
      out += `M${px},${py}`;
      line = false;
    } else {
      out += `${line ? ' ' : 'l'}${+(px - x).toFixed(1)},${+(py - y).toFixed(1)}`;
      line = true;
    }
    x = px; y = py;
  }
  return out;
}

const rows = new Map();
for (const c of fine) {
  const d = relative(draw(c.f));
  const prev = rows.get(c.code);
  if (prev) prev.d += d;	// a second feature of the same country
  else rows.set(c.code, { code: c.code, name: c.name, at: anchor(c.f), d });
}
for (const c of dots) {
  if (!rows.has(c.code)) rows.set(c.code, { code: c.code, name: c.name, at: anchor(c.f), d: '' });
}

const height = Math.ceil(draw.bounds({
  type: 'FeatureCollection', features: fine.map((c) => c.f),
})[1][1]);
const lines = ['numeric,name,cx,cy,d', `000,size,${WIDTH},${height},`];
const csv = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
for (const r of [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
  lines.push([r.code, csv(r.name), r.at[0], r.at[1], csv(r.d)].join(','));
}
const text = lines.join('\n') + '\n';
let old = null;
try { old = fs.readFileSync(OUT, 'utf8'); } catch { /* new */ }
if (old !== text) {
  fs.writeFileSync(OUT + '.tmp', text);
  fs.renameSync(OUT + '.tmp', OUT);
}
process.stdout.write(`gen-map: ${path.relative(TOP, OUT)}: ${rows.size} countries and areas, ` +
  `${fine.length} shapes, ${text.length} bytes${old === text ? ' (unchanged)' : ''}\n`);
