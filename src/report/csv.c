/*
 * csv.c: a report's tables as CSV, for spreadsheets and other programs:
 * a header row, then the rows, each line ended by LF, every text quoted
 * when it needs to be.  The figures are the cells the page shows (see
 * report.h): counts are whole numbers, a percentage is written as the
 * page rounds it, a range as "212–224", money in US dollars with two
 * decimals, a year as a number, a rate per 100,000 as "0.41".
 */
#include <inttypes.h>
#include <string.h>

#include "report/report.h"

void
report_csv(const struct table *t, struct buf *b)
{
	const struct cell	*c;
	char			 pct[32];

	for (int j = 0; j < t->ncols; j++) {
		if (j > 0)
			buf_addc(b, ',');
		csv_put(b, t->cols[j], strlen(t->cols[j]));
	}
	buf_addc(b, '\n');
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->ncols; j++) {
			c = &t->cells[(size_t)i * (size_t)t->ncols + (size_t)j];
			if (j > 0)
				buf_addc(b, ',');
			switch (c->kind) {
			case CELL_TEXT:
				csv_put(b, cell_str(c), strlen(cell_str(c)));
				break;
			case CELL_INT:
				buf_addf(b, "%" PRId64, c->n);
				break;
			case CELL_PCT:
				pct_format(c->n, c->d, pct);
				buf_adds(b, pct);
				break;
			case CELL_RANGE:
				buf_addf(b, "%" PRId64 "\xe2\x80\x93%" PRId64,
				    c->n, c->d);
				break;
			case CELL_MONEY: {
				char	 m[40];

				money_format(c->n, 2, m);
				buf_adds(b, m);
				break;
			}
			case CELL_YEAR:
				buf_addf(b, "%" PRId64, c->n);
				break;
			case CELL_RATE: {
				char	 r[64];

				rate_format(c->n, c->e, c->d, r);
				buf_adds(b, r);
				break;
			}
			case CELL_EMPTY:
				break;
			}
		}
		buf_addc(b, '\n');
	}
}

void
report_csv_all(const struct report *r, struct buf *b)
{
	for (int i = 0; i < r->ntables; i++) {
		const struct table *t = r->tables[i];

		buf_addf(b, "%s# %s: %s\n", i ? "\n" : "", t->id, t->title);
		report_csv(t, b);
	}
}
