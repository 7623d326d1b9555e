// bench/engine-duckdb.mjs DB SQL [THREADS]: DuckDB running the figures'
// queries (bench/figures.sql) over its own database file of the cases;
// prints the time of the queries alone, in seconds.  Run by bench/engine
// with @duckdb/node-api installed in a folder of its own.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [db, sqlFile, threads = '2'] = process.argv.slice(2);
const queries = readFileSync(sqlFile, 'utf8')
  .split('\n').filter((l) => !l.startsWith('--')).join('\n')
  .split(';').map((q) => q.trim()).filter((q) => q.length > 0);
const instance = await DuckDBInstance.create(db, { threads, access_mode: 'READ_ONLY' });
const con = await instance.connect();
const start = performance.now();
let rows = 0;
for (const q of queries) {
  const r = await con.runAndReadAll(q);
  rows += r.getRows().length;
}
const seconds = (performance.now() - start) / 1000;
console.log(`${seconds.toFixed(3)} ${rows}`);
