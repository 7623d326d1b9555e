// check-report.mjs: open a report's HTML page in a real browser and check
// that it renders: no console errors or page errors, no failed requests,
// at least one SVG chart, every SVG with a non-zero size, and a full-page
// screenshot saved for people to look at.
//
//   node tests/browser/check-report.mjs INDEX_HTML SCREENSHOT_PNG [SELECTOR PNG]
//
// With SELECTOR and PNG, the element SELECTOR (a section of maps, say) is
// also shot on its own into PNG.  Every world map on the page (the SVG
// elements of class chart-choropleth and chart-flowmap) must draw its
// countries, each outline and dot with a title naming it.
//
// Prints one line per check, "ok <check>" or "FAIL <check>: reason", and
// exits 1 if any check failed (2 on a usage error).  It drives Debian's
// /usr/bin/chromium through playwright-core: no browser is downloaded.
// The page must be self-contained, so any request that is not for a file:
// or data: URL is refused, and counts as a failed request.

import { access, constants, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 60_000;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const argv = process.argv.slice(2);
if (argv.length !== 2 && argv.length !== 4) {
  console.error('usage: node tests/browser/check-report.mjs INDEX_HTML SCREENSHOT_PNG [SELECTOR PNG]');
  process.exit(2);
}
const [indexPath, shotPath] = [argv[0], argv[1]].map((p) => resolve(p));
const [partSelector, partPath] = argv.length === 4 ? [argv[2], resolve(argv[3])] : [null, null];

// What the check needs, said plainly when it is missing.
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('FAIL tools: playwright-core is not installed: run scripts/install-deps');
  process.exit(1);
}
try {
  await access(CHROMIUM, constants.X_OK);
} catch {
  console.log(`FAIL tools: ${CHROMIUM} is missing: run scripts/install-deps (Debian package chromium)`);
  process.exit(1);
}

// The checks, in the order they are printed.
const results = [];
function record(name, reason) {
  results.push({ name, reason });
}

// Bring every promise below to an end within the time allowed.
function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function check(browser) {
  const consoleErrors = [];
  const failedRequests = [];
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      consoleErrors.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) {
      failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
    }
  });

  await page.goto(pathToFileURL(indexPath).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => true));

  const boxes = await page.$$eval('svg', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        width: r.width,
        height: r.height,
        label: el.getAttribute('aria-label') || el.id || '',
      };
    }),
  );
  // the maps: their countries drawn, each named in its title
  const maps = await page.$$eval('svg.chart-choropleth, svg.chart-flowmap', (els) =>
    els.map((el) => {
      const shapes = [...el.querySelectorAll('path, circle')].filter((s) => !s.closest('marker, defs')
        && !s.closest('g[font-size]'));
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('aria-labelledby') || '',
        shapes: shapes.length,
        untitled: shapes.filter((s) => !(s.querySelector('title')?.textContent ?? '').trim()).length,
        width: r.width,
        height: r.height,
        disclaimer: el.textContent.includes('do not imply official endorsement or acceptance by the United Nations'),
      };
    }),
  );
  let shotError = null;
  try {
    await page.screenshot({ path: shotPath, fullPage: true });
  } catch (err) {
    shotError = String(err.message ?? err).split('\n')[0];
  }
  const shot = await stat(shotPath).catch(() => null);
  let partError = null;
  if (partSelector) {
    try {
      const el = await page.$(partSelector);
      if (!el) throw new Error(`no element ${partSelector}`);
      await el.screenshot({ path: partPath });
    } catch (err) {
      partError = String(err.message ?? err).split('\n')[0];
    }
  }
  const part = partSelector ? await stat(partPath).catch(() => null) : null;

  record('no console errors', consoleErrors.length ? consoleErrors.join('; ') : null);
  record('no failed requests', failedRequests.length ? failedRequests.join('; ') : null);
  record('charts present', boxes.length ? null : 'no <svg> element in the page');
  boxes.forEach((b, i) => {
    const name = b.label ? ` "${b.label}"` : '';
    record(
      `chart ${i + 1} sized`,
      b.width > 0 && b.height > 0 ? null : `svg${name} is ${b.width}x${b.height}`,
    );
  });
  maps.forEach((m, i) => {
    const name = `map ${i + 1}${m.id ? ` (${m.id.split(' ')[0]})` : ''}`;
    record(`${name} drawn`, m.width > 0 && m.height > 0 && m.shapes > 150 ? null
      : `${m.shapes} shapes at ${m.width}x${m.height}`);
    record(`${name}: every country titled`, m.untitled === 0 ? null : `${m.untitled} of ${m.shapes} without a title`);
    record(`${name}: the disclaimer`, m.disclaimer ? null : 'no disclaimer');
  });
  if (partSelector) {
    record('maps present', maps.length ? null : 'no map in the page');
    record('part screenshot saved', part && part.size > 0 && !partError ? null
      : partError ?? `${partPath} was not written`);
  }
  record(
    'screenshot saved',
    shot && shot.size > 0 && !shotError ? null : shotError ?? `${shotPath} was not written`,
  );
}

let browser = null;
let status = 0;
try {
  await withDeadline(
    (async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        timeout: TIMEOUT_MS,
      });
      await check(browser);
    })(),
    TIMEOUT_MS,
    indexPath,
  );
} catch (err) {
  record('page checked', String(err.message ?? err).split('\n')[0]);
} finally {
  if (browser) {
    await withDeadline(browser.close(), 10_000, 'closing the browser').catch((err) => {
      record('browser closed', err.message);
    });
  }
}

for (const { name, reason } of results) {
  if (reason === null) {
    console.log(`ok ${name}`);
  } else {
    console.log(`FAIL ${name}: ${reason}`);
    status = 1;
  }
}
// a browser that would not close must not keep node running
process.exit(status);
