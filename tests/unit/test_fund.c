/*
 * test_fund.c: the Trust Fund's ledger (fund.h).  The amounts and rates
 * of fund.c on their edge cases, then a property test: thousands of random
 * operations, sound and unsound, through fund_apply, the function every
 * way of recording goes through.  After each step an independent reading
 * of the database (its own SQLite connection, plain SQL over the journal's
 * lines) checks that every entry balances, that no account the rules keep
 * non-negative went negative, that a refused operation wrote nothing and
 * an accepted one wrote one entry; now and then, and at the end, that the
 * fund's report states the totals that SQL sums over the journal.
 */
#include "unit.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <unistd.h>


#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
test_money(void **state)
{
	const struct currency *usd = currency_find("USD");
	const struct currency *jpy = currency_find("JPY");
	const struct currency *kwd = currency_find("KWD");
	struct buf	 why = BUF_INIT;
	int64_t		 v;
	char		 out[32];

	(void)state;
	assert_non_null(usd);
	assert_int_equal(usd->exp, 2);
	assert_int_equal(jpy->exp, 0);
	assert_int_equal(kwd->exp, 3);
	assert_null(currency_find("XAU"));	/* a metal, not money */
	assert_null(currency_find("ZZZ"));
	assert_int_equal(money_parse("1234.5", 2, &v, &why), 0);
	assert_int_equal(v, 123450);
	assert_int_equal(money_parse("1234", 0, &v, &why), 0);
	assert_int_equal(v, 1234);
	assert_int_equal(money_parse("0.001", 3, &v, &why), 0);
	assert_int_equal(v, 1);
	assert_int_equal(money_parse("92233720368547758.07", 2, &v, &why), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(money_parse("92233720368547758.08", 2, &v, &why), -1);
	assert_int_equal(money_parse("9223372036854775808", 0, &v, &why), -1);
	assert_int_equal(money_parse("1.5", 0, &v, &why), -1);
	assert_int_equal(money_parse("1.0001", 3, &v, &why), -1);
	assert_int_equal(money_parse("10.005", 2, &v, &why), -1);
	assert_int_equal(money_parse("0.00", 2, &v, &why), -1);
	assert_int_equal(money_parse("-5", 2, &v, &why), -1);
	assert_int_equal(money_parse("1,000", 2, &v, &why), -1);
	assert_int_equal(money_parse("1.", 2, &v, &why), -1);
	assert_int_equal(money_parse(".5", 2, &v, &why), -1);
	money_format(123450, 2, out);
	assert_string_equal(out, "1234.50");
	money_format(-1, 3, out);
	assert_string_equal(out, "-0.001");
	money_format(INT64_MAX, 2, out);
	assert_string_equal(out, "92233720368547758.07");
	money_format(INT64_MIN + 1, 0, out);
	assert_string_equal(out, "-9223372036854775807");
	buf_release(&why);
}

/* cents of amount (minor units, exp decimals) at rate text */
static int64_t
cents(int64_t amount, int exp, const char *rate)
{
	struct rate	 r;
	struct buf	 why = BUF_INIT;
	int64_t		 c = 0;

	assert_int_equal(rate_parse(rate, &r, &why), 0);
	assert_int_equal(usd_cents(amount, exp, &r, &c), 0);
	buf_release(&why);
	return c;
}

static void
test_conversion(void **state)
{
	struct rate	 r;
	struct buf	 why = BUF_INIT;
	int64_t		 c;

	(void)state;
	/* half a cent rounds away from zero, both ways */
	assert_int_equal(cents(1, 2, "0.5"), 1);		/* 0.005 */
	assert_int_equal(cents(-1, 2, "0.5"), -1);
	assert_int_equal(cents(1, 2, "0.4999"), 0);
	assert_int_equal(cents(3, 0, "0.0050"), 2);	/* 0.015 */
	assert_int_equal(cents(1, 3, "5"), 1);		/* 0.005 */
	assert_int_equal(cents(1, 3, "4.999999999"), 0);
	assert_int_equal(cents(100000, 2, "1.0845"), 108450);
	assert_int_equal(cents(1500000, 0, "0.0067"), 1005000);
	assert_int_equal(cents(1, 4, "1"), 0);		/* CLF: 0.0001 */
	assert_int_equal(cents(50, 4, "1"), 1);		/* 0.005 */
	/* exact at the edge of int64 through 128-bit arithmetic */
	assert_int_equal(cents(INT64_MAX, 2, "1"), INT64_MAX);
	assert_int_equal(cents(INT64_MAX, 3, "0.5"), 461168601842738790);
	assert_int_equal(rate_parse("1.2", &r, &why), 0);
	assert_int_equal(usd_cents(INT64_MAX, 2, &r, &c), -1);
	/* beyond 128 bits: 2^62 yen at a rate of nearly a billion */
	assert_int_equal(rate_parse("737869762.948382065", &r, &why), 0);
	assert_int_equal(usd_cents(INT64_C(4611686018427387904), 0, &r, &c),
	    -1);
	assert_int_equal(rate_parse("0", &r, &why), -1);
	assert_int_equal(rate_parse("0.0000000001", &r, &why), -1);
	assert_int_equal(rate_parse("abc", &r, &why), -1);
	buf_release(&why);
}

/* --- the property test -------------------------------------------------- */

/* Remove a database and the log and index SQLite keeps beside it. */
static void
db_remove(const char *path)
{
	char	 p[64];

	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

struct world {
	struct store	*st;
	sqlite3		*db;		/* the independent reading */
	struct rng	 r;
	int		 ndonors;
	int64_t		 accepted, refused;
};

static int64_t
sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 v = 0;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* What the database holds, to tell whether a step wrote anything. */
static void
fingerprint(sqlite3 *db, int64_t f[8])
{
	static const char *const q[8] = {
		"SELECT count(*) FROM fund_entries",
		"SELECT count(*) FROM fund_lines",
		"SELECT count(*) FROM fund_donors",
		"SELECT count(*) FROM fund_pledges",
		"SELECT count(*) FROM fund_grants",
		"SELECT count(*) FROM fund_victims",
		"SELECT coalesce(sum(abs(usd) % 1000003), 0) FROM fund_lines",
		"SELECT coalesce(sum(abs(amount) % 1000003), 0) FROM fund_balances",
	};

	for (int i = 0; i < 8; i++)
		f[i] = sql_int(db, q[i]);
}

static void
check_ledger(sqlite3 *db)
{
	/* every entry balances, in its currency and in cents */
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT entry_id "
	    "FROM fund_lines GROUP BY entry_id HAVING sum(amount) != 0 OR "
	    "sum(usd) != 0)"), 0);
	/* every entry has lines */
	assert_int_equal(sql_int(db, "SELECT count(*) FROM fund_entries e "
	    "WHERE NOT EXISTS (SELECT 1 FROM fund_lines l WHERE l.entry_id = "
	    "e.id)"), 0);
	/* the accounts the rules keep on their side of zero */
	assert_true(sql_int(db, "SELECT coalesce(sum(usd), 0) FROM fund_lines "
	    "WHERE account = 'cash'") >= 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT ref FROM "
	    "fund_lines WHERE account = 'pledges_receivable' GROUP BY ref "
	    "HAVING sum(amount) < 0)"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT ref FROM "
	    "fund_lines WHERE account = 'grants_undisbursed' GROUP BY ref "
	    "HAVING sum(amount) > 0)"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT ref FROM "
	    "fund_lines WHERE account = 'grant_expenditure' GROUP BY ref "
	    "HAVING sum(amount) < 0)"), 0);
	/* the kept balances are the sums of the lines */
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT account, "
	    "ref, sum(amount) AS a, sum(usd) AS u FROM fund_lines GROUP BY 1, "
	    "2) s LEFT JOIN fund_balances b USING (account, ref) WHERE "
	    "b.amount IS NOT s.a OR b.usd IS NOT s.u"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT account, "
	    "sum(usd) AS u FROM fund_lines GROUP BY 1) s LEFT JOIN "
	    "fund_totals t USING (account) WHERE t.usd IS NOT s.u"), 0);
	/* cash on every day, not only at the end, and the kept days */
	assert_true(sql_int(db, "SELECT coalesce(min(run), 0) FROM (SELECT "
	    "sum(u) OVER (ORDER BY date) AS run FROM (SELECT e.date, "
	    "sum(l.usd) AS u FROM fund_lines l JOIN fund_entries e ON e.id = "
	    "l.entry_id WHERE l.account = 'cash' GROUP BY e.date))") >= 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM (SELECT e.date, "
	    "sum(l.usd) AS u FROM fund_lines l JOIN fund_entries e ON e.id = "
	    "l.entry_id WHERE l.account = 'cash' GROUP BY e.date) s LEFT JOIN "
	    "fund_cash_days d USING (date) WHERE d.usd IS NOT s.u"), 0);
}

/* The cents of a money cell of the report, by the label in column 0. */
static int64_t
report_money(const struct report *r, const char *table, const char *label)
{
	int	 col = strcmp(table, "fund_donor_kinds") == 0 ? 2 : 1;

	for (int i = 0; i < r->ntables; i++) {
		const struct table *t = r->tables[i];

		if (strcmp(t->id, table) != 0)
			continue;
		for (int k = 0; k < t->nrows; k++)
			if (strcmp(t->cells[k * t->ncols].text, label) == 0) {
				assert_int_equal(t->cells[k * t->ncols +
				    col].kind, CELL_MONEY);
				return t->cells[k * t->ncols + col].n;
			}
	}
	fail_msg("no %s in %s", label, table);
	return 0;
}

static int64_t
sum_usd(sqlite3 *db, const char *account, const char *where)
{
	char	 sql[512];

	snprintf(sql, sizeof(sql), "SELECT coalesce(sum(l.usd), 0) FROM "
	    "fund_lines l JOIN fund_entries e ON e.id = l.entry_id WHERE "
	    "l.account = '%s' AND %s", account, where);
	return sql_int(db, sql);
}

static void
check_report(struct world *w, int year)
{
	struct report	*r = fund_report(w->st, year);
	char		 in[128], before[64], upto[64];
	int64_t		 donors;

	assert_non_null(r);
	snprintf(in, sizeof(in), "e.date BETWEEN '%d-01-01' AND '%d-12-31'",
	    year, year);
	snprintf(before, sizeof(before), "e.date < '%d-01-01'", year);
	snprintf(upto, sizeof(upto), "e.date <= '%d-12-31'", year);
	assert_int_equal(report_money(r, "fund_performance",
	    "Fund balance on 1 January"), sum_usd(w->db, "cash", before));
	assert_int_equal(report_money(r, "fund_performance",
	    "Contributions received"), -sum_usd(w->db, "contributions", in));
	assert_int_equal(report_money(r, "fund_performance",
	    "Grants paid out, net of refunds"), sum_usd(w->db,
	    "grant_expenditure", in));
	assert_int_equal(report_money(r, "fund_performance",
	    "Programme support costs"), sum_usd(w->db, "support_costs", in));
	assert_int_equal(report_money(r, "fund_performance",
	    "Fund balance on 31 December"), sum_usd(w->db, "cash", upto));
	assert_int_equal(report_money(r, "fund_performance",
	    "Grants approved, not yet disbursed, on 31 December"),
	    -sum_usd(w->db, "grants_undisbursed", upto));
	assert_int_equal(report_money(r, "fund_performance",
	    "Pledges outstanding on 31 December (at the pledges' rates)"),
	    sum_usd(w->db, "pledges_receivable", upto));
	/* the kinds of donor add up to the contributions of the year */
	donors = 0;
	for (int k = 0; k < DK__MAX; k++)
		donors += report_money(r, "fund_donor_kinds",
		    donor_kind_labels[k]);
	assert_int_equal(donors, -sum_usd(w->db, "contributions", in));
	report_free(r);
}

static const char *
pick(struct world *w, const char *const *from, size_t n)
{
	return from[rng_below(&w->r, (uint32_t)n)];
}

/* One random operation, more often sound than not; returns its kind. */
static enum fund_op
random_op(struct world *w, const char *f[FF__MAX], char bufs[8][64])
{
	static const char *const currencies[] = { "USD", "USD", "USD", "EUR",
	    "EUR", "JPY", "KWD", "CLF", "XAU", "ZZZ", "" };
	static const char *const dates[] = { "2020-03-01", "2021-07-15",
	    "2022-01-31", "2023-06-30", "2023-12-31", "2024-01-01",
	    "2024-06-30", "2024-07-01", "2024-02-30", "" };
	static const char *const kinds[] = { "state", "intergovernmental",
	    "private_sector", "individual", "campaign", "person" };
	static const char *const windows[] = { "emergency", "medium_term",
	    "long" };
	static const char *const odd[] = { "0", "-5", "1.2345", "abc",
	    "92233720368547758.07", "9223372036854775.807",
	    "99999999999999999999", "" };
	enum fund_op	 op = (enum fund_op)rng_below(&w->r, FO__MAX);
	int		 sound = rng_below(&w->r, 4) != 0;
	int64_t		 entries = sql_int(w->db, "SELECT count(*) FROM "
	    "fund_entries");

	memset(f, 0, sizeof(*f) * FF__MAX);
	f[FF_DATE] = sound ? dates[rng_below(&w->r, 7)] : pick(w, dates,
	    NELEM(dates));
	snprintf(bufs[0], 64, "Donor %u", rng_below(&w->r,
	    (uint32_t)w->ndonors + (sound ? 0 : 3)) + 1);
	f[FF_DONOR] = bufs[0];
	f[FF_CURRENCY] = sound ? pick(w, currencies, 7) : pick(w, currencies,
	    NELEM(currencies));
	if (strcmp(f[FF_CURRENCY], "USD") != 0 || !sound)
		f[FF_RATE] = rng_below(&w->r, 2) ? "1.0845" : rng_below(&w->r,
		    2) ? "0.0067" : sound ? "3.2551" : "0";
	if (sound)
		snprintf(bufs[1], 64, "%u.%03u", rng_below(&w->r, 50000),
		    rng_below(&w->r, 1000));
	else
		snprintf(bufs[1], 64, "%s", pick(w, odd, NELEM(odd)));
	/* cut the decimals to the currency's, mostly */
	if (sound) {
		const struct currency *c = currency_find(f[FF_CURRENCY]);
		char	*dot = strchr(bufs[1], '.');

		if (c != NULL && dot != NULL)
			dot[c->exp ? c->exp + 1 : 0] = '\0';
	}
	f[FF_AMOUNT] = bufs[1];
	snprintf(bufs[2], 64, "%u", rng_below(&w->r, (uint32_t)(entries / 3 +
	    3)) + (sound ? 1 : 0));
	f[FF_PLEDGE] = f[FF_GRANT] = f[FF_ENTRY] = bufs[2];
	if (op == FO_CONTRIBUTE && rng_below(&w->r, 2))
		f[FF_PLEDGE] = NULL;
	f[FF_KIND] = sound ? pick(w, kinds, 5) : pick(w, kinds, NELEM(kinds));
	f[FF_COUNTRY] = sound || rng_below(&w->r, 2) ? "MDA" : NULL;
	snprintf(bufs[3], 64, "%u", rng_below(&w->r, 9) + (sound ? 1 : 0));
	f[FF_CYCLE] = bufs[3];
	f[FF_WINDOW] = sound ? pick(w, windows, 2) : pick(w, windows,
	    NELEM(windows));
	f[FF_GRANTEE] = "An organisation";
	f[FF_START] = "2024-01-01";
	f[FF_END] = rng_below(&w->r, 3) ? "2024-12-31" : sound ?
	    "2025-06-30" : "2026-06-30";
	f[FF_MEMO] = rng_below(&w->r, 5) ? "a memo" : NULL;
	snprintf(bufs[4], 64, "%u", rng_below(&w->r, 300));
	f[FF_VICTIMS] = bufs[4];
	if (op == FO_DONOR) {
		snprintf(bufs[0], 64, "Donor %d", w->ndonors + (sound ? 1 :
		    0));
		f[FF_DONOR] = bufs[0];
	}
	return op;
}

static void
step(struct world *w)
{
	const char	*f[FF__MAX];
	char		 bufs[8][64];
	struct errlist	 el;
	int64_t		 before[8], after[8], id;
	enum fund_op	 op = random_op(w, f, bufs);
	int		 rc;

	fingerprint(w->db, before);
	errlist_init(&el, "step");
	assert_int_equal(w->st->ops->begin(w->st), 0);
	rc = fund_apply(w->st, op, f, &el, 0, NULL, &id, NULL);
	assert_int_not_equal(rc, -1);
	if (rc == 0) {
		assert_int_equal(el.count, 0);
		assert_int_equal(w->st->ops->commit(w->st), 0);
		w->accepted++;
		if (op == FO_DONOR)
			w->ndonors++;
	} else {
		assert_true(el.count > 0);	/* a refusal says why */
		assert_int_equal(w->st->ops->rollback(w->st), 0);
		w->refused++;
	}
	errlist_release(&el);
	fingerprint(w->db, after);
	if (rc == 1)
		for (int i = 0; i < 8; i++)
			assert_true(after[i] == before[i]);
	else if (op != FO_DONOR && op != FO_VICTIMS)
		assert_true(after[0] == before[0] + 1);	/* one entry */
	else
		assert_true(after[0] == before[0]);
	check_ledger(w->db);
}

static void
test_property(void **state)
{
	char		 path[] = "/tmp/palermo-fund-XXXXXX";
	struct world	 w;
	const char	*env = getenv("FUND_STEPS");
	long long	 steps = 3000;
	int		 fd;

	(void)state;
	if (env != NULL)
		assert_int_equal(parse_int(env, 1, 10000000, &steps), 0);
	setenv("PALERMO_TODAY", "2024-06-30", 1);
	assert_true((fd = mkstemp(path)) != -1);
	close(fd);
	unlink(path);
	memset(&w, 0, sizeof(w));
	rng_seed(&w.r, 68192);
	assert_int_equal(store_open(&w.st, path, STORE_CREATE), 0);
	assert_int_equal(sqlite3_open_v2(path, &w.db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	/* the grant cycles the operations name, 1 to 9, with ceilings the
	 * amounts drawn stay below */
	for (int k = 1; k <= 9; k++) {
		char	 name[16];
		int	 n;

		snprintf(name, sizeof(name), "%d.1", k);
		assert_int_equal(fund_cycle_record(w.st, name, "100000000.00",
		    "900000000000.00", &n), 0);
		assert_int_equal(n, k);
	}
	for (long long i = 0; i < steps; i++) {
		step(&w);
		if (i % 500 == 499)
			check_report(&w, 2020 + (int)rng_below(&w.r, 5));
	}
	for (int y = 2020; y <= 2024; y++)
		check_report(&w, y);
	/* both kinds happened, and enough of each to mean something */
	assert_true(w.accepted > steps / 5);
	assert_true(w.refused > steps / 5);
	assert_true(sql_int(w.db, "SELECT count(*) FROM fund_entries WHERE "
	    "kind = 'disbursement'") > 0);
	assert_true(sql_int(w.db, "SELECT count(*) FROM fund_entries WHERE "
	    "kind = 'reversal'") > 0);
	sqlite3_close(w.db);
	w.st->ops->close(w.st);
	db_remove(path);
}

/* Posted history cannot be rewritten, even with SQL. */
static void
test_append_only(void **state)
{
	char		 path[] = "/tmp/palermo-fund-XXXXXX";
	struct store	*st;
	sqlite3		*db;
	struct errlist	 el;
	const char	*f[FF__MAX] = { NULL };
	int64_t		 id;
	int		 fd;

	(void)state;
	setenv("PALERMO_TODAY", "2024-06-30", 1);
	assert_true((fd = mkstemp(path)) != -1);
	close(fd);
	unlink(path);
	assert_int_equal(store_open(&st, path, STORE_CREATE), 0);
	errlist_init(&el, "t");
	f[FF_DONOR] = "A";
	f[FF_KIND] = "campaign";
	assert_int_equal(fund_apply(st, FO_DONOR, f, &el, 0, NULL, &id, NULL),
	    0);
	f[FF_AMOUNT] = "10.00";
	f[FF_DATE] = "2024-01-01";
	assert_int_equal(fund_apply(st, FO_CONTRIBUTE, f, &el, 0, NULL, &id,
	    NULL), 0);
	errlist_release(&el);
	st->ops->close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE fund_lines SET usd = 0",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM fund_entries",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE fund_entries SET date "
	    "= '2020-01-01'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sql_int(db, "SELECT sum(usd) FROM fund_lines WHERE "
	    "account = 'cash'"), 1000);
	sqlite3_close(db);
	db_remove(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_conversion),
		cmocka_unit_test(test_append_only),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests_name("fund", tests, NULL, NULL);
}
