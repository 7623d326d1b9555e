// bench/engine-duckdb-load.mjs DB DIR: a DuckDB database of the cases,
// countries and submissions the sqlite3 shell exported to DIR as CSV.
import { DuckDBInstance } from '@duckdb/node-api';

const [db, dir] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db, { threads: '2' });
const con = await instance.connect();
for (const t of ['cases', 'countries', 'submissions']) {
  await con.run(`CREATE OR REPLACE TABLE ${t} AS SELECT * FROM read_csv('${dir}/${t}.csv', header = true)`);
}
await con.run('CHECKPOINT');
