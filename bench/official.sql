-- bench/official.sql: the official figures of the Global Report, as the
-- sqlite3 shell computes them from palermo's database, for bench/stats
-- to time against 'palermo report global': the totals with the rule for a
-- total that a complete split contradicts (docs/formats.md), the world
-- and regional trends over whoever reported and over a constant panel,
-- women, men, girls and boys by year, region and form, figures by region
-- and sub-region, forms by region, SDG 16.2.2 by region, flows by year,
-- class, region and pair, the maps' figures and the replaced totals.
-- Codes are palermo's (docs/formats.md); regions are UN M49's.  The
-- trends cover the last ten years, a period the last three.

CREATE TEMP TABLE v AS SELECT * FROM stats WHERE superseded_by IS NULL
    AND country IS NOT NULL;
CREATE TEMP TABLE win AS SELECT max(year) - 9 AS t0, max(year) - 2 AS p0,
    max(year) AS y1 FROM v;
CREATE TEMP TABLE k AS SELECT numeric AS c, region, subregion FROM countries;

-- every country, indicator and year: the total and its splits
CREATE TEMP TABLE g AS SELECT country AS c, indicator AS i, year AS y,
    sum(CASE WHEN sex = 0 AND age = 0 AND form = 0 AND origin_dim = 0 THEN 1 END) AS nt,
    sum(CASE WHEN sex = 0 AND age = 0 AND form = 0 AND origin_dim = 0 THEN low END) AS tlo,
    sum(CASE WHEN sex = 0 AND age = 0 AND form = 0 AND origin_dim = 0 THEN high END) AS thi,
    sum(CASE WHEN sex > 0 AND age = 0 AND form = 0 AND origin_dim = 0 THEN low END) AS slo,
    sum(CASE WHEN sex > 0 AND age = 0 AND form = 0 AND origin_dim = 0 THEN high END) AS shi,
    max(sex = 1 AND age = 0 AND form = 0 AND origin_dim = 0) AS hf,
    max(sex = 2 AND age = 0 AND form = 0 AND origin_dim = 0) AS hm,
    max(sex = 4 AND age = 0 AND form = 0 AND origin_dim = 0) AS hsu,
    sum(CASE WHEN age > 0 AND sex = 0 AND form = 0 AND origin_dim = 0 THEN low END) AS alo,
    sum(CASE WHEN age > 0 AND sex = 0 AND form = 0 AND origin_dim = 0 THEN high END) AS ahi,
    max(age = 1 AND sex = 0 AND form = 0 AND origin_dim = 0) AS hc,
    max(age = 2 AND sex = 0 AND form = 0 AND origin_dim = 0) AS ha,
    max(age = 3 AND sex = 0 AND form = 0 AND origin_dim = 0) AS hau,
    coalesce(sum(CASE WHEN sex = 4 AND age = 3 AND form = 0 AND origin_dim = 0 THEN high END), 0) AS uhi
    FROM v GROUP BY country, indicator, year;
CREATE TEMP TABLE r AS SELECT c, i, y, tlo, thi,
    CASE WHEN hf AND hm THEN slo END AS s1,
    CASE WHEN hf AND hm THEN shi + CASE WHEN hsu THEN 0 ELSE uhi END END AS s2,
    CASE WHEN hc AND ha THEN alo END AS a1,
    CASE WHEN hc AND ha THEN ahi + CASE WHEN hau THEN 0 ELSE uhi END END AS a2
    FROM g WHERE nt > 0;
CREATE TEMP TABLE t AS SELECT c, i, y, tlo, thi,
    (coalesce(s1 > thi, 0) OR coalesce(a1 > thi, 0)) AS bad,
    CASE WHEN NOT (coalesce(s1 > thi, 0) OR coalesce(a1 > thi, 0)) THEN tlo
	WHEN s1 IS NULL THEN a1 WHEN a1 IS NULL THEN s1
	WHEN max(s1, a1) <= min(s2, a2) THEN max(s1, a1) ELSE min(s1, a1) END AS lo,
    CASE WHEN NOT (coalesce(s1 > thi, 0) OR coalesce(a1 > thi, 0)) THEN thi
	WHEN s1 IS NULL THEN a2 WHEN a1 IS NULL THEN s2
	WHEN max(s1, a1) <= min(s2, a2) THEN min(s2, a2) ELSE max(s2, a2) END AS hi
    FROM r;
CREATE INDEX t_ciy ON t (c, i, y);

-- trends: all reporting, and the panel of those that reported every year
SELECT t.y, sum(t.lo), sum(t.hi), count(*), sum(t.bad) FROM t, win
    WHERE t.i IN (0, 3) AND t.y BETWEEN win.t0 AND win.y1 GROUP BY t.i, t.y;
CREATE TEMP TABLE panel AS SELECT t.i, t.c FROM t, win WHERE t.y BETWEEN
    win.t0 AND win.y1 GROUP BY t.i, t.c HAVING count(*) = 10;
SELECT t.i, t.y, sum(t.lo), sum(t.hi), count(*) FROM t JOIN panel p ON
    p.i = t.i AND p.c = t.c, win WHERE t.y BETWEEN win.t0 AND win.y1
    GROUP BY t.i, t.y;
SELECT k.region, t.y, sum(t.lo), sum(t.hi), count(*), count(p.c),
    sum(CASE WHEN p.c IS NOT NULL THEN t.lo END),
    sum(CASE WHEN p.c IS NOT NULL THEN t.hi END)
    FROM t JOIN k ON k.c = t.c LEFT JOIN (SELECT pc.c FROM panel pc JOIN k kk
    ON kk.c = pc.c WHERE pc.i = 0) p ON p.c = t.c, win WHERE t.i = 0 AND
    t.y BETWEEN win.t0 AND win.y1 GROUP BY k.region, t.y;

-- women, men, girls and boys, where all four are given
CREATE TEMP TABLE pf AS SELECT country AS c, form AS f, year AS y,
    sum(CASE WHEN sex = 1 AND age = 2 THEN low END) AS w1,
    sum(CASE WHEN sex = 1 AND age = 2 THEN high END) AS w2,
    sum(CASE WHEN sex = 2 AND age = 2 THEN low END) AS m1,
    sum(CASE WHEN sex = 2 AND age = 2 THEN high END) AS m2,
    sum(CASE WHEN sex = 1 AND age = 1 THEN low END) AS g1,
    sum(CASE WHEN sex = 1 AND age = 1 THEN high END) AS g2,
    sum(CASE WHEN sex = 2 AND age = 1 THEN low END) AS b1,
    sum(CASE WHEN sex = 2 AND age = 1 THEN high END) AS b2
    FROM v WHERE indicator = 0 AND origin_dim = 0 AND sex IN (1, 2) AND
    age IN (1, 2) GROUP BY country, form, year HAVING count(DISTINCT sex ||
    '/' || age) = 4;
SELECT y, sum(w1), sum(w2), sum(m1), sum(m2), sum(g1), sum(g2), sum(b1),
    sum(b2), count(*) FROM pf, win WHERE f = 0 AND y BETWEEN win.t0 AND
    win.y1 GROUP BY y;
SELECT k.region, sum(w1), sum(w2), sum(m1), sum(m2), sum(g1), sum(g2),
    sum(b1), sum(b2), count(DISTINCT pf.c) FROM pf JOIN k ON k.c = pf.c, win
    WHERE f = 0 AND y BETWEEN win.p0 AND win.y1 GROUP BY k.region;
SELECT f, sum(w1), sum(w2), sum(m1), sum(m2), sum(g1), sum(g2), sum(b1),
    sum(b2), count(DISTINCT c) FROM pf, win WHERE f > 0 AND y BETWEEN win.p0
    AND win.y1 GROUP BY f;

-- by region and sub-region, forms by region, SDG 16.2.2 by region
SELECT k.region, sum(CASE WHEN t.i = 0 THEN t.lo END), sum(CASE WHEN t.i = 0
    THEN t.hi END), sum(CASE WHEN t.i = 3 THEN t.lo END), sum(CASE WHEN t.i =
    3 THEN t.hi END), count(DISTINCT t.c), sum(t.bad) FROM t JOIN k ON
    k.c = t.c, win WHERE t.i IN (0, 3) AND t.y BETWEEN win.p0 AND win.y1
    GROUP BY k.region;
SELECT k.subregion, sum(CASE WHEN t.i = 0 THEN t.lo END), sum(CASE WHEN t.i =
    0 THEN t.hi END), sum(CASE WHEN t.i = 3 THEN t.lo END), sum(CASE WHEN
    t.i = 3 THEN t.hi END), count(DISTINCT t.c), sum(t.bad) FROM t JOIN k ON
    k.c = t.c, win WHERE t.i IN (0, 3) AND t.y BETWEEN win.p0 AND win.y1
    GROUP BY k.subregion;
SELECT k.region, v.form, sum(v.low), sum(v.high) FROM v JOIN k ON
    k.c = v.country, win WHERE v.indicator = 0 AND v.form > 0 AND v.sex = 0 AND
    v.age = 0 AND v.origin_dim = 0 AND v.year BETWEEN win.p0 AND win.y1
    GROUP BY k.region, v.form;
SELECT k.region, t.y, sum(t.lo), sum(t.hi), sum(p.population), count(*),
    (SELECT count(*) FROM k k2 WHERE k2.region = k.region) FROM t JOIN k ON
    k.c = t.c JOIN population p ON p.country = t.c AND p.year = t.y AND
    p.sex = 0 AND p.age = 0 AND p.population > 0, win WHERE t.i = 0 AND
    t.y BETWEEN win.t0 AND win.y1 GROUP BY k.region, t.y;

-- flows: detected victims by citizenship, at least 5 in a year
CREATE TEMP TABLE fl AS SELECT v.year AS y, CASE v.origin_kind WHEN 1 THEN
    v.origin_code ELSE v.country END AS a, v.country AS b, v.low, v.high
    FROM v WHERE v.indicator = 0 AND v.origin_dim = 1 AND v.sex = 0 AND
    v.age = 0 AND v.form = 0 AND v.origin_kind IN (1, 3) AND v.low >= 5 AND
    (v.origin_kind = 3 OR v.origin_code IN (SELECT c FROM k));
CREATE TEMP TABLE flc AS SELECT fl.*, CASE WHEN a = b THEN 0 WHEN ka.subregion
    = kb.subregion THEN 1 WHEN ka.region = kb.region THEN 2 ELSE 3 END AS cls,
    ka.region AS ra, kb.region AS rb FROM fl JOIN k ka ON ka.c = fl.a JOIN k kb
    ON kb.c = fl.b;
SELECT y, cls, sum(low), sum(high) FROM flc, win WHERE y BETWEEN win.t0 AND
    win.y1 GROUP BY y, cls;
SELECT cls, sum(low), sum(high), count(*) FROM flc, win WHERE y BETWEEN
    win.p0 AND win.y1 GROUP BY cls;
SELECT ra, rb, sum(low) FROM flc, win WHERE y BETWEEN win.p0 AND win.y1
    GROUP BY ra, rb;
SELECT a, b, sum(low), sum(high) FROM flc, win WHERE y BETWEEN win.p0 AND
    win.y1 GROUP BY a, b ORDER BY sum(high) DESC;

-- the maps: victims and rates by country, and the replaced totals
SELECT t.c, sum(t.lo), sum(t.hi), count(*), sum(t.bad), sum(CASE WHEN
    p.population > 0 THEN t.lo END), sum(CASE WHEN p.population > 0 THEN t.hi
    END), sum(p.population) FROM t LEFT JOIN population p ON p.country = t.c
    AND p.year = t.y AND p.sex = 0 AND p.age = 0, win WHERE t.i = 0 AND t.y
    BETWEEN win.p0 AND win.y1 GROUP BY t.c;
SELECT t.c, t.i, t.y, t.tlo, t.thi, r.s1, r.s2, r.a1, r.a2, t.lo, t.hi FROM t
    JOIN r ON r.c = t.c AND r.i = t.i AND r.y = t.y WHERE t.bad ORDER BY t.c,
    t.i, t.y;
