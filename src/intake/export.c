/*
 * export.c: what is stored, written back out in a format palermo reads:
 * every case, or every official statistic, through the same writers as
 * the formats' readers (cases.c, stats.c), so that an export imports
 * again as it was.
 */
#include <stdio.h>

#include "intake/intake.h"

/* The output, written a chunk at a time. */
struct out {
	FILE		*fp;
	int		 format;
	struct buf	 b;
	int		 bad;		/* a write failed */
};

static int
out_flush(struct out *o, size_t at_least)
{
	if (o->b.len >= at_least && o->b.len) {
		if (fwrite(o->b.s, 1, o->b.len, o->fp) != o->b.len) {
			o->bad = 1;
			return -1;
		}
		buf_reset(&o->b);
	}
	return 0;
}

static int
put_case(const struct case_rec *c, int64_t submission, void *arg)
{
	struct out	*o = arg;

	(void)submission;
	case_write(o->format, c, &o->b);
	return out_flush(o, 64 * 1024);
}

static int
put_stat(const struct stat_rec *r, void *arg)
{
	struct out	*o = arg;

	stat_write(o->format, r, &o->b);
	return out_flush(o, 64 * 1024);
}

int
export_cases(struct store *st, enum format_id format, FILE *fp)
{
	struct out	 o = { fp, format, BUF_INIT, 0 };
	int		 rc;

	case_write_header(format, &o.b);
	rc = st->ops->case_each(st, 0, INT64_MAX, put_case, &o);
	if (rc == 0)
		rc = out_flush(&o, 0);
	buf_release(&o.b);
	return rc;
}

int
export_stats(struct store *st, enum stat_format format, FILE *fp)
{
	struct out	 o = { fp, format, BUF_INIT, 0 };
	int		 rc;

	stat_write_header(format, &o.b);
	rc = st->ops->stat_each(st, put_stat, &o);
	if (rc == 0)
		rc = out_flush(&o, 0);
	buf_release(&o.b);
	return rc;
}
