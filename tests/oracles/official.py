#!/usr/bin/env python3
"""tests/oracles/official.py: the official-statistics tables of palermo's
reports computed straight from the UNODC data portal's CSV, for the suite
to compare with what palermo writes.  It knows nothing of palermo but its
documented rules (docs/formats.md): "<5" is 1 to 4; a split by sex is
complete with women and men, by age with children and adults; values of
unknown sex and unknown age may or may not be among a split's parts; a
total that a complete split's parts exceed is replaced by what the
complete splits allow together (their common range, else the range
spanning them).

    official.py TABLE CSV [options]     prints TABLE, a row a line, its
                                        cells joined by '|', as the sqlite3
                                        shell prints palermo's CSV of it
options:
    --readings FILE   line,kind,code: how each origin of CSV (by its line)
                      is read; without it an origin is read as an alpha-3
                      code or a country's name, 'Nationals' as nationals
    --population FILE iso3,year,sex,age_group,population (totals only)
    --scheme FILE     country,region: the regions of a scheme, else M49's
    --scheme-name N   the scheme's name (for notes)
    --from Y --to Y   the years asked for
    --country ISO3    values of that reporting country or citizenship
    --window Y0 Y1    the years of a table of a period (default: computed)
"""
import argparse
import collections
import csv
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DASH = "\u2013"
IND = ["Detected trafficking victims", "Persons brought into formal contact",
       "Persons prosecuted", "Persons convicted", "Offences of trafficking in persons"]
M49 = [("002", "Africa"), ("019", "Americas"), ("142", "Asia"), ("150", "Europe"),
       ("009", "Oceania")]
FORMS = ["Sexual exploitation", "Forced labour", "Other forms of exploitation"]


def rng(lo, hi):
    return str(lo) if lo == hi else "%d%s%d" % (lo, DASH, hi)


def rate(lo, hi, pop):
    a = (lo * 10000000 + pop // 2) // pop
    b = (hi * 10000000 + pop // 2) // pop
    f = lambda v: "%d.%02d" % (v // 100, v % 100)
    return f(a) if a == b else f(a) + DASH + f(b)


def years(y0, y1):
    return str(y0) if y0 == y1 else "%d%s%d" % (y0, DASH, y1)


class Data:
    def __init__(self, a):
        self.countries = {}     # alpha3 -> row
        self.by_name = {}
        for r in csv.DictReader(open(os.path.join(TOP, "data/countries.csv"), encoding="utf-8")):
            self.countries[r["alpha3"]] = r
            self.by_name[r["name"]] = r["alpha3"]
        self.order = sorted(self.countries, key=lambda k: self.countries[k]["alpha2"])
        readings = {}
        if a.readings:
            for r in csv.DictReader(open(a.readings, encoding="utf-8")):
                readings[int(r["line"])] = (r["kind"], r["code"])
        self.vals = []
        with open(a.csv, encoding="utf-8", newline="") as f:
            for line, r in enumerate(csv.DictReader(f), start=2):
                iso = r["Iso3_code"]
                if iso not in self.countries:
                    continue            # an area without a code
                y = int(r["Year"])
                if (a.from_ and y < a.from_) or (a.to and y > a.to):
                    continue
                v = r["txtVALUE"]
                lo, hi = (1, 4) if v == "<5" else (int(v.replace(",", "")),) * 2
                d, cat = r["Dimension"], r["Category"]
                origin = None
                if d in ("by citizenship", "by country of repatriation"):
                    if a.readings:
                        kind, code = readings[line]
                    elif cat in self.countries:
                        kind, code = "country", cat
                    elif cat in self.by_name:
                        kind, code = "country", self.by_name[cat]
                    else:
                        kind, code = ("nationals", "") if cat == "Nationals" else ("unmapped", "")
                    origin = code if kind == "country" and code in self.countries else \
                        iso if kind == "nationals" else None
                if a.country and iso != a.country and origin != a.country:
                    continue
                self.vals.append(dict(c=iso, ind=IND.index(r["Indicator"]), year=y, dim=d,
                                      cat=cat, sex=r["Sex"], age=r["Age"], lo=lo, hi=hi,
                                      origin=origin))
        self.pop = {}
        if a.population:
            for r in csv.DictReader(open(a.population, encoding="utf-8")):
                if r.get("sex", "total") in ("", "total") and r.get("age_group", "total") in ("", "total"):
                    self.pop[(r["iso3"], int(r["year"]))] = int(r["population"])
        if a.scheme:
            self.group = {}
            self.gnames = []
            for r in csv.DictReader(open(a.scheme, encoding="utf-8")):
                self.group[r["country"]] = r["region"]
            self.gnames = sorted(set(self.group.values()))
        else:
            self.group = {k: dict((c, n) for c, n in M49).get(v["region_code"])
                          for k, v in self.countries.items()}
            self.group = {k: v for k, v in self.group.items() if v}
            self.gnames = [n for _, n in M49]
        self.scheme = a.scheme_name or "UN M49"
        self.country = a.country
        self.totals()
        ys = [v["year"] for v in self.vals]
        self.y0, self.y1 = (min(ys), max(ys)) if ys else (0, 0)
        asked = a.from_ or a.to
        self.t1 = self.y1
        self.t0 = self.y0 if a.from_ else max(self.y0, self.y1 - 9)
        self.p0 = self.y0 if a.from_ else max(self.y0, self.y1 - 2)
        if a.window:
            self.p0, self.p1 = a.window
        else:
            self.p1 = self.y1
        self.asked = asked

    def totals(self):
        g = collections.defaultdict(lambda: dict(T=None, sex={}, age={}, u=None))
        for v in self.vals:
            if v["dim"] != "Total":
                continue
            e = g[(v["c"], v["ind"], v["year"])]
            s, a = v["sex"], v["age"]
            add = lambda old: (v["lo"], v["hi"]) if old is None else (old[0] + v["lo"], old[1] + v["hi"])
            if s == "Total" and a == "Total":
                e["T"] = add(e["T"])
            elif a == "Total":
                e["sex"][s] = add(e["sex"].get(s))
            elif s == "Total":
                e["age"][a] = add(e["age"].get(a))
            elif s == "Unknown" and a == "Unknown":
                e["u"] = add(e["u"])
        self.t = {}
        for k, e in g.items():
            t = dict(pub=e["T"], used=e["T"], splits={}, why=False)
            for name, parts, want, unk in (("sex", e["sex"], ("Female", "Male"), "Unknown"),
                                           ("age", e["age"], ("0 to 17 years", "18 years or over"), "Unknown")):
                if not parts:
                    continue
                lo = sum(p[0] for p in parts.values())
                hi = sum(p[1] for p in parts.values())
                if e["u"] and unk not in parts:
                    hi += e["u"][1]
                t["splits"][name] = (lo, hi, all(w in parts for w in want))
            if e["T"] is not None:
                comp = [(lo, hi) for lo, hi, c in t["splits"].values() if c]
                if any(lo > e["T"][1] for lo, _ in comp):
                    lo, hi = max(c[0] for c in comp), min(c[1] for c in comp)
                    if lo > hi:
                        lo, hi = min(c[0] for c in comp), max(c[1] for c in comp)
                    t["used"], t["why"] = (lo, hi), True
            self.t[k] = t

    def total(self, c, ind, y):
        t = self.t.get((c, ind, y))
        return t if t and t["pub"] is not None else None

    def flows(self):
        return [v for v in self.vals if v["ind"] == 0 and v["dim"] == "by citizenship"
                and v["sex"] == "Total" and v["age"] == "Total" and v["origin"]
                and v["lo"] >= 5]


def note(n):
    if n == 0:
        return ""
    return "%d total%s replaced by what %s complete splits allow" % (
        n, "" if n == 1 else "s", "its" if n == 1 else "their")


def out(rows):
    for r in rows:
        print("|".join("" if x is None else str(x) for x in r))


def trend(d, ind, members, name=None):
    rows = []
    panel = [c for c in members if all(d.total(c, ind, y) for y in range(d.t0, d.t1 + 1))]
    for y in range(d.t0, d.t1 + 1):
        rep = [d.total(c, ind, y) for c in members if d.total(c, ind, y)]
        pan = [d.total(c, ind, y) for c in panel]
        if not rep and name is None:
            continue
        row = [] if name is None else [name]
        row += [y, rng(sum(t["used"][0] for t in rep), sum(t["used"][1] for t in rep)) if rep else "",
                rng(sum(t["used"][0] for t in pan), sum(t["used"][1] for t in pan)) if panel else "",
                len(rep), len(panel), note(sum(t["why"] for t in rep))]
        rows.append(row)
    return rows


def profiles(d):
    cell = {("Female", "18 years or over"): 0, ("Male", "18 years or over"): 1,
            ("Female", "0 to 17 years"): 2, ("Male", "0 to 17 years"): 3}
    p = collections.defaultdict(lambda: [[0, 0] for _ in range(4)] + [set()])
    for v in d.vals:
        k = cell.get((v["sex"], v["age"]))
        if v["ind"] != 0 or k is None or v["dim"] not in ("Total", "by form of exploitation"):
            continue
        form = v["cat"] if v["dim"] != "Total" else "Total"
        e = p[(v["c"], form, v["year"])]
        e[k][0] += v["lo"]
        e[k][1] += v["hi"]
        e[4].add(k)
    return {k: e for k, e in p.items() if len(e[4]) == 4}


def profile_row(entries):
    return [rng(sum(e[k][0] for e in entries), sum(e[k][1] for e in entries)) for k in range(4)]


def table(d, name):
    members = [c for c in d.order]
    if name in ("official_trends", "official_convictions"):
        out(trend(d, 0 if name == "official_trends" else 3, members))
    elif name == "official_regional_trends":
        for g in d.gnames:
            out(trend(d, 0, [c for c in members if d.group.get(c) == g], g))
    elif name == "official_profile_by_year":
        p = profiles(d)
        for y in range(d.t0, d.t1 + 1):
            e = [v for (c, f, yy), v in p.items() if yy == y and f == "Total"]
            if e:
                out([[y] + profile_row(e) + [len(e)]])
    elif name == "official_profile_by_region":
        p = profiles(d)
        for g in d.gnames:
            e = [(c, v) for (c, f, y), v in p.items() if f == "Total" and d.p0 <= y <= d.p1
                 and d.group.get(c) == g]
            out([[g] + profile_row([v for _, v in e]) + [len(set(c for c, _ in e))]])
    elif name == "official_profile_by_form":
        p = profiles(d)
        for f in FORMS:
            e = [(c, v) for (c, ff, y), v in p.items() if ff == f and d.p0 <= y <= d.p1]
            out([[f] + profile_row([v for _, v in e]) + [len(set(c for c, _ in e))]])
    elif name in ("official_by_region", "official_by_subregion"):
        if name == "official_by_region":
            groups = [(g, [c for c in members if d.group.get(c) == g], None) for g in d.gnames]
        else:
            subs = sorted(set((v["region"], v["subregion"]) for v in d.countries.values() if v["subregion"]))
            groups = [(s, [c for c in members if d.countries[c]["subregion"] == s], r) for r, s in subs]
        for g, cs, parent in groups:
            t = [(c, i, d.total(c, i, y)) for c in cs for i in (0, 3) for y in range(d.p0, d.p1 + 1)
                 if d.total(c, i, y)]
            if parent is not None and not t:
                continue
            lo = [sum(x[2]["used"][0] for x in t if x[1] == i) for i in (0, 3)]
            hi = [sum(x[2]["used"][1] for x in t if x[1] == i) for i in (0, 3)]
            row = [g] + ([parent] if parent is not None else [])
            out([row + [rng(lo[0], hi[0]), rng(lo[1], hi[1]), len(set(x[0] for x in t)),
                        years(d.p0, d.p1), note(sum(x[2]["why"] for x in t))]])
    elif name == "official_forms_by_region":
        for g in d.gnames:
            s = [[0, 0] for _ in FORMS]
            for v in d.vals:
                if v["ind"] == 0 and v["dim"] == "by form of exploitation" and v["sex"] == "Total" \
                        and v["age"] == "Total" and d.p0 <= v["year"] <= d.p1 \
                        and d.group.get(v["c"]) == g:
                    s[FORMS.index(v["cat"])][0] += v["lo"]
                    s[FORMS.index(v["cat"])][1] += v["hi"]
            out([[g] + [rng(*x) for x in s] + [years(d.p0, d.p1)]])
    elif name == "official_sdg_16_2_2":
        for g in d.gnames:
            cs = [c for c in members if d.group.get(c) == g]
            for y in range(d.t0, d.t1 + 1):
                both = [(d.total(c, 0, y), d.pop[(c, y)]) for c in cs
                        if d.total(c, 0, y) and d.pop.get((c, y), 0) > 0]
                if not both:
                    continue
                lo = sum(t["used"][0] for t, _ in both)
                hi = sum(t["used"][1] for t, _ in both)
                pop = sum(p for _, p in both)
                shown = 2 * len(both) >= len(cs)
                n = [] if shown else ["not shown: %d of the region's %d countries and areas have both"
                                      % (len(both), len(cs))]
                if sum(t["why"] for t, _ in both):
                    n.append(note(sum(t["why"] for t, _ in both)))
                out([[g, y, rng(lo, hi), pop, rate(lo, hi, pop) if shown else "", len(both), len(cs),
                      "; ".join(n)]])
    elif name in ("official_flows_by_year", "official_flow_classes", "official_flows_by_region",
                  "official_top_flows", "official_map_flows"):
        def cls(a, b):
            ka, kb = d.countries[a], d.countries[b]
            if a == b:
                return 0
            if ka["subregion_code"] and ka["subregion_code"] == kb["subregion_code"]:
                return 1
            if ka["region_code"] and ka["region_code"] == kb["region_code"]:
                return 2
            return 3
        f = d.flows()
        names = ["Domestic", "Within the sub-region", "Within the region", "Across regions"]
        if name == "official_flows_by_year":
            for y in range(d.t0, d.t1 + 1):
                e = [v for v in f if v["year"] == y]
                if e:
                    out([[y] + [rng(sum(v["lo"] for v in e if cls(v["origin"], v["c"]) == k),
                                    sum(v["hi"] for v in e if cls(v["origin"], v["c"]) == k))
                                for k in range(4)]])
            return
        f = [v for v in f if d.p0 <= v["year"] <= d.p1]
        if name == "official_flow_classes":
            for k in range(4):
                e = [v for v in f if cls(v["origin"], v["c"]) == k]
                out([[names[k], rng(sum(v["lo"] for v in e), sum(v["hi"] for v in e)), len(e),
                      years(d.p0, d.p1)]])
        elif name == "official_flows_by_region":
            gs = d.gnames + ["Not grouped"]
            g = lambda c: d.group.get(c, "Not grouped")
            for a in gs:
                out([[a] + [sum(v["lo"] for v in f if g(v["origin"]) == a and g(v["c"]) == b) for b in gs]
                     + [years(d.p0, d.p1)]])
        else:
            pairs = collections.defaultdict(lambda: [0, 0])
            for v in f:
                pairs[(v["origin"], v["c"])][0] += v["lo"]
                pairs[(v["origin"], v["c"])][1] += v["hi"]
            idx = {c: i for i, c in enumerate(d.order)}
            top = sorted(pairs.items(), key=lambda kv: (-kv[1][1], idx[kv[0][0]], idx[kv[0][1]]))
            nm = lambda c: d.countries[c]["name"]
            if name == "official_top_flows":
                out([["%s \u2192 %s" % (nm(a), nm(b)), nm(a), nm(b), rng(*s), years(d.p0, d.p1)]
                     for (a, b), s in top[:20]])
            else:
                out([[a, b, nm(a), nm(b), rng(*s), years(d.p0, d.p1)] for (a, b), s in top])
    elif name in ("official_map_victims", "official_map_rates"):
        for c in members:
            t = [d.total(c, 0, y) for y in range(d.p0, d.p1 + 1) if d.total(c, 0, y)]
            if not t:
                continue
            why = note(sum(x["why"] for x in t))
            if name == "official_map_victims":
                out([[c, d.countries[c]["name"], rng(sum(x["used"][0] for x in t),
                     sum(x["used"][1] for x in t)), len(t), years(d.p0, d.p1), why]])
                continue
            b = [(d.total(c, 0, y), d.pop[(c, y)]) for y in range(d.p0, d.p1 + 1)
                 if d.total(c, 0, y) and d.pop.get((c, y), 0) > 0]
            if b:
                lo = sum(x["used"][0] for x, _ in b)
                hi = sum(x["used"][1] for x, _ in b)
                pop = sum(p for _, p in b)
                out([[c, d.countries[c]["name"], rng(lo, hi), pop, rate(lo, hi, pop), len(b), why]])
    elif name == "official_replaced":
        for (c, i, y) in sorted(d.t, key=lambda k: (d.order.index(k[0]), k[1], k[2])):
            t = d.t[(c, i, y)]
            if not t["why"]:
                continue
            s = [rng(x[0], x[1]) if x[2] else "" for x in (t["splits"].get("sex", (0, 0, 0)),
                                                            t["splits"].get("age", (0, 0, 0)))]
            out([[d.countries[c]["name"], IND[i], y, rng(*t["pub"])] + s + [rng(*t["used"])]])
    elif name in COUNTRY_TABLES:
        country_table(d, name)
    elif name == "totals_used":
        # every total as the sums use it: country|year|low|high, indicator 0
        for (c, i, y) in sorted(d.t, key=lambda k: (d.order.index(k[0]), k[2])):
            t = d.t[(c, i, y)]
            if i == 0 and t["pub"] is not None:
                out([[c, y, t["used"][0], t["used"][1]]])
    elif name == "unknowns":
        # values of unknown sex and age (no form, no origin): all of them,
        # low, high; then those of detected victims, low, high, countries
        u = [v for v in d.vals if v["dim"] == "Total" and v["sex"] == "Unknown" and v["age"] == "Unknown"]
        dv = [v for v in u if v["ind"] == 0]
        print("|".join(str(x) for x in (len(u), sum(v["lo"] for v in u), sum(v["hi"] for v in u), len(dv),
                                          sum(v["lo"] for v in dv), sum(v["hi"] for v in dv),
                                          len(set(v["c"] for v in dv)))))
    elif name == "count_replaced":
        print(sum(t["why"] for t in d.t.values()))
    else:
        sys.exit("official.py: no table %s" % name)


def sep(n):
    return "{:,}".format(n)


def srng(lo, hi):
    return sep(lo) if lo == hi else sep(lo) + DASH + sep(hi)


def why(d, c, i, y):
    t = d.t[(c, i, y)]
    pub = "<5" if t["pub"] == (1, 4) else srng(*t["pub"])
    s = "%s %d: published %s" % (IND[i], y, pub)
    for k in ("sex", "age"):
        x = t["splits"].get(k)
        if x and x[2]:
            s += "; the split by %s allows %s" % (k, srng(x[0], x[1]))
    return s + "; %s used in sums and rates" % srng(*t["used"])


COUNTRY_TABLES = ("indicators", "victims_by_sex_age", "victims_profile", "sdg_16_2_2",
                  "country_replaced", "map_origins")


def country_table(d, name):
    c = d.country
    if name == "indicators":
        for y in range(d.y0, d.y1 + 1):
            t = [d.total(c, i, y) for i in range(5)]
            if any(t):
                out([[y] + [rng(*x["pub"]) if x else "" for x in t] +
                     ["; ".join(why(d, c, i, y) for i in range(5) if t[i] and t[i]["why"])]])
    elif name == "victims_by_sex_age":
        cols = [("sex", "Female"), ("sex", "Male"), ("sex", "Other"), ("sex", "Unknown"),
                ("age", "0 to 17 years"), ("age", "18 years or over"), ("age", "Unknown")]
        for y in range(d.y0, d.y1 + 1):
            s = [[0, 0] for _ in cols]
            any_ = False
            for v in d.vals:
                if v["c"] != c or v["year"] != y or v["ind"] != 0 or v["dim"] != "Total":
                    continue
                for k, (dim, cat) in enumerate(cols):
                    ok = (dim == "sex" and v["sex"] == cat and v["age"] == "Total") or \
                         (dim == "age" and v["age"] == cat and v["sex"] == "Total") or \
                         (cat == "Unknown" and v["sex"] == "Unknown" and v["age"] == "Unknown")
                    if ok:
                        s[k][0] += v["lo"]
                        s[k][1] += v["hi"]
                        any_ = True
            if any_:
                out([[y] + [rng(*x) for x in s]])
    elif name == "victims_profile":
        p = profiles(d)
        for y in range(d.y0, d.y1 + 1):
            e = p.get((c, "Total", y))
            if e:
                out([[y] + profile_row([e]) + [1]])
    elif name == "sdg_16_2_2":
        for y in range(d.y0, d.y1 + 1):
            t = d.total(c, 0, y)
            pop = d.pop.get((c, y), 0)
            if not t or pop <= 0:
                continue
            out([[y, rng(*t["pub"]), pop, rate(t["used"][0], t["used"][1], pop)]])
    elif name == "country_replaced":
        for (cc, i, y) in sorted(d.t, key=lambda k: (k[1], k[2])):
            t = d.t[(cc, i, y)]
            if cc != c or not t["why"]:
                continue
            s = [rng(x[0], x[1]) if x[2] else "" for x in (t["splits"].get("sex", (0, 0, 0)),
                                                            t["splits"].get("age", (0, 0, 0)))]
            out([[d.countries[c]["name"], IND[i], y, rng(*t["pub"])] + s + [rng(*t["used"])]])
    elif name == "map_origins":
        sums = collections.defaultdict(lambda: [0, 0])
        for v in d.vals:
            if v["c"] == c and v["ind"] == 0 and v["dim"] == "by citizenship" and \
                    v["sex"] == "Total" and v["age"] == "Total" and v["origin"]:
                sums[v["origin"]][0] += v["lo"]
                sums[v["origin"]][1] += v["hi"]
        idx = {k: i for i, k in enumerate(d.order)}
        for o, (lo, hi) in sorted(sums.items(), key=lambda kv: (-kv[1][1], idx[kv[0]])):
            out([[o, d.countries[o]["name"], rng(lo, hi)]])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("table")
    p.add_argument("csv")
    p.add_argument("--readings")
    p.add_argument("--population")
    p.add_argument("--scheme")
    p.add_argument("--scheme-name")
    p.add_argument("--from", dest="from_", type=int)
    p.add_argument("--to", type=int)
    p.add_argument("--country")
    p.add_argument("--window", type=int, nargs=2)
    a = p.parse_args()
    table(Data(a), a.table)


main()
