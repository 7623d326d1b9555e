/*
 * registers.c: a register's file into the store, all or nothing: states'
 * actions on the instruments, the Global Plan of Action's actions (CSV,
 * or JSON with their notes, indicators and evidence), practices, the
 * Trust Fund's operations, the user's readings of free-text origins, and
 * the user's groupings of countries into regions.
 * Each row is checked by the register's own rules (rules/); any problem
 * rolls the whole file back, and every problem is listed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "intake/intake_int.h"

/* What every register's reading keeps: it is the first member of each. */
struct reg_common {
	struct store	*st;
	struct errlist	*el;
	const char	*source;
	unsigned long	 rows;
	int		 header;	/* the first record was read */
};

/* Whether r is the file's first record, its header (which may come
 * after blank lines), marking it read. */
static int
first_record(struct reg_common *c)
{
	int	 first = !c->header;

	c->header = 1;
	return first;
}

/* The columns of a register's header, matched without regard to case:
 * col[k] the index of names[k] or -1, each name whose bit is not in
 * optional required.  0, or -1 after adding a problem for each missing. */
static int
header_columns(struct reg_common *c, const struct csv_record *r,
    const char *const *names, int n, unsigned optional, int *col)
{
	struct buf	 all = BUF_INIT;

	for (int k = 0; k < n; k++)
		buf_addf(&all, "%s%s", k ? ", " : "", names[k]);
	for (int k = 0; k < n; k++) {
		col[k] = -1;
		for (size_t i = 0; i < r->count; i++)
			if (str_eqi(r->field[i], names[k]))
				col[k] = (int)i;
		if (col[k] == -1 && !(optional & 1u << k))
			errlist_add(c->el, r->line, 0, names[k], "column missing "
			    "from the header (expected %s)", all.s);
	}
	buf_release(&all);
	return c->el->count ? -1 : 0;
}

/* --- states' actions on the instruments ------------------------------ */

/*
 * Two layouts: palermo's (country,instrument,action,date, one action a
 * row), and a status list as the UN Treaty Collection publishes it, for
 * one instrument (--instrument): Participant, Signature, and
 * "Ratification, Accession(a), Acceptance(A), Approval(AA), Succession(d)",
 * dates as "12 Dec 2000" with the letter of the action after them.  Rows
 * are checked as they come and kept; the rule that needs every row (a
 * protocol's party must be party to its convention) is applied at the
 * end, before anything is written.
 */
struct actions_import {
	struct reg_common	 c;
	struct treaties		 g;
	const char		*instrument;	/* for a status list */
	int			 untc;
	int			 col[4];
	size_t			 from;		/* the file's first in g */
	unsigned long		*lines;		/* of each of the file's */
	int			*cols;
};

/* Keep the action read from line, for the end. */
static void
actions_keep(struct actions_import *im, const struct treaty_action *a,
    unsigned long line, int col)
{
	size_t	 k = im->g.na - im->from;

	treaties_note(&im->g, a);
	im->lines = xreallocarray(im->lines, k + 1, sizeof(*im->lines));
	im->cols = xreallocarray(im->cols, k + 1, sizeof(*im->cols));
	im->lines[k] = line;
	im->cols[k] = col;
	im->c.rows++;
}

/* "12 Dec 2000" into YYYY-MM-DD, its letter code (what follows) into
 * *code; 0 or -1. */
static int
untc_date(const char *s, char out[11], const char **code)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char		 mon[4], buf[32];
	const char	*m;
	int		 d, y, n = 0;

	if (sscanf(s, " %2d %3s %4d%n", &d, mon, &y, &n) != 3 ||
	    strlen(mon) != 3 || (m = strstr(months, mon)) == NULL ||
	    (m - months) % 3 != 0)
		return -1;
	snprintf(buf, sizeof(buf), "%04u-%02u-%02u", (unsigned)y % 10000,
	    (unsigned)((m - months) / 3 + 1), (unsigned)d % 100);
	memcpy(out, buf, 11);
	for (s += n; *s == ' '; s++)
		;
	*code = s;
	return date_valid(out) ? 0 : -1;
}

/* A participant's name as the status list gives it, its footnote numbers
 * ("Australia 2, 3") dropped when the name is not known with them. */
static enum participant_result
untc_participant(const char *name, int *numeric)
{
	enum participant_result r = participant_resolve(name, numeric);
	char		*s;
	size_t		 n;

	if (r != PARTICIPANT_UNKNOWN)
		return r;
	s = xstrdup(name);
	for (n = strlen(s); n > 0 && strchr("0123456789, ", s[n - 1]); n--)
		s[n - 1] = '\0';
	r = participant_resolve(s, numeric);
	free(s);
	return r;
}

static void
untc_cell(struct actions_import *im, const struct csv_record *r, int k,
    int numeric, const struct instrument *in)
{
	static const struct { const char *code; int action; } codes[] = {
		{ "", TA_RATIFICATION }, { "a", TA_ACCESSION },
		{ "A", TA_ACCEPTANCE }, { "AA", TA_APPROVAL },
		{ "d", TA_SUCCESSION },
	};
	const char	*v = r->field[im->col[k]], *code, *what;
	struct treaty_action a;
	char		 date[11];
	size_t		 c;

	while (*v == ' ')
		v++;
	if (*v == '\0')
		return;
	what = k == 1 ? "signature" : "ratification";
	if (untc_date(v, date, &code) == -1) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[k] + 1,
		    what, "'%s' is not a date as the status list writes it "
		    "(12 Dec 2000, then its letter)", v);
		return;
	}
	memset(&a, 0, sizeof(a));
	a.instrument = in->id;
	a.country = numeric;
	a.date = date;
	a.source = im->c.source;
	if (k == 1)
		/* a succession to a signature is a signature */
		a.action = TA_SIGNATURE;
	else {
		for (c = 0; c < sizeof(codes) / sizeof(codes[0]); c++)
			if (strcmp(code, codes[c].code) == 0)
				break;
		if (c == sizeof(codes) / sizeof(codes[0])) {
			errlist_add(im->c.el, r->line, (unsigned long)im->col[k]
			    + 1, what, "unknown letter '%s' after the date; "
			    "expected none (ratification), a (accession), A "
			    "(acceptance), AA (approval) or d (succession)",
			    code);
			return;
		}
		a.action = codes[c].action;
	}
	if (!date_valid_past(date)) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[k] + 1,
		    what, "%s is after today", date);
		return;
	}
	actions_keep(im, &a, r->line, im->col[0]);
}

static int
untc_row(struct actions_import *im, const struct csv_record *r)
{
	const struct instrument *in = treaties_find(&im->g, im->instrument);
	const char	*name = r->field[im->col[0]];
	int		 numeric;

	if (*name == '\0')
		return 0;
	switch (untc_participant(name, &numeric)) {
	case PARTICIPANT_FOUND:
		break;
	case PARTICIPANT_TERRITORY:
		errlist_add(im->c.el, r->line, (unsigned long)im->col[0] + 1,
		    "participant", "%s is a territory, not a State or "
		    "organisation that can take part in a treaty",
		    participant_name(numeric));
		return 0;
	default:
		errlist_add(im->c.el, r->line, (unsigned long)im->col[0] + 1,
		    "participant", "unknown participant '%s'", name);
		return 0;
	}
	if (participant_find(numeric, NULL)->kind == PK_ORGANISATION &&
	    !in->organisations) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[0] + 1,
		    "participant", "%s is not open to organisations such as %s",
		    in->code, participant_name(numeric));
		return 0;
	}
	untc_cell(im, r, 1, numeric, in);
	untc_cell(im, r, 2, numeric, in);
	return 0;
}

/* The header of a status list: which columns say what; 0, or -1 after
 * saying what is missing. */
static int
untc_header(struct actions_import *im, const struct csv_record *r)
{
	static const char *const starts[3] = { "participant", "signature",
	    "ratification" };

	for (int k = 0; k < 3; k++) {
		im->col[k] = -1;
		for (size_t i = 0; i < r->count && im->col[k] == -1; i++)
			if (strncasecmp(r->field[i], starts[k],
			    strlen(starts[k])) == 0 || (k == 2 &&
			    strncasecmp(r->field[i], "accession", 9) == 0))
				im->col[k] = (int)i;
		if (im->col[k] == -1)
			errlist_add(im->c.el, r->line, 0, starts[k], "a status "
			    "list needs the columns Participant, Signature and "
			    "Ratification (with Accession(a) and the rest)");
	}
	if (im->c.el->count)
		return -1;
	if (im->instrument == NULL)
		errlist_add(im->c.el, r->line, 0, "participant", "a status "
		    "list is of one instrument: say which with --instrument");
	else if (treaties_find(&im->g, im->instrument) == NULL)
		errlist_add(im->c.el, r->line, 0, "participant", "unknown "
		    "instrument '%s' (see 'palermo instruments')",
		    im->instrument);
	return im->c.el->count ? -1 : 0;
}

static int
actions_row(const struct csv_record *r, void *arg)
{
	static const char *const names[4] = { "country", "instrument",
	    "action", "date" };
	struct actions_import		*im = arg;
	struct treaty_action	 a;
	const char		*f[4];

	if (first_record(&im->c)) {
		im->from = im->g.na;
		im->untc = r->count > 0 && strncasecmp(r->field[0],
		    "participant", 11) == 0;
		if (im->untc)
			return untc_header(im, r);
		return header_columns(&im->c, r, names, 4, 0, im->col);
	}
	if (im->untc)
		return untc_row(im, r);
	for (int k = 0; k < 4; k++)
		f[k] = r->field[im->col[k]];
	memset(&a, 0, sizeof(a));
	a.source = im->c.source;
	if (treaty_action_read(&im->g, f, &a, im->c.el, r->line, im->col) ==
	    0)
		actions_keep(im, &a, r->line, im->col[0]);
	return 0;
}

/* The file read whole: every action admitted by the register with the
 * file's, then written. */
static int
actions_finish(void *state)
{
	struct actions_import *im = state;

	for (size_t i = im->from; i < im->g.na; i++)
		treaty_action_admit(&im->g, &im->g.a[i], im->c.el,
		    im->lines[i - im->from], im->cols[i - im->from]);
	if (im->c.el->count)
		return 0;
	for (size_t i = im->from; i < im->g.na; i++)
		if (im->c.st->ops->action_put(im->c.st, &im->g.a[i]) == -1)
			return -1;
	return 0;
}

/* --- the Global Plan of Action's actions ---------------------------- */

struct plan_import {
	struct reg_common c;
	int		 col[PLF__MAX];
};

static int
plan_row(const struct csv_record *r, void *arg)
{
	struct plan_import		*im = arg;
	struct plan_action	 a;
	const char		*f[PLF__MAX];
	int			 col[PLF__MAX];

	if (first_record(&im->c)) {
		for (int k = 0; k < PLF__MAX; k++) {
			im->col[k] = -1;
			for (size_t i = 0; i < r->count; i++)
				if (str_eqi(r->field[i], plan_field_names[k]))
					im->col[k] = (int)i;
		}
		for (size_t i = 0; i < r->count; i++) {
			int	 known = str_eqi(r->field[i], "id");

			for (int k = 0; k < PLF__MAX; k++)
				known |= str_eqi(r->field[i], plan_field_names[k]);
			if (!known)
				errlist_add(im->c.el, r->line, i + 1, r->field[i],
				    "not a column of plan actions");
		}
		return im->c.el->count ? -1 : 0;
	}
	im->c.rows++;
	for (int k = 0; k < PLF__MAX; k++) {
		f[k] = im->col[k] >= 0 ? r->field[im->col[k]] : NULL;
		col[k] = im->col[k] + 1;
	}
	memset(&a, 0, sizeof(a));
	a.source = im->c.source;
	if (plan_action_read(f, &a, im->c.el, r->line, col) == -1 || im->c.el->count)
		return 0;
	return im->c.st->ops->plan_action_put(im->c.st, &a);
}

/* A JSON action with its notes, indicators and evidence. */
static int
plan_json(struct plan_import *im, const char *text, size_t len,
    unsigned long line)
{
	static const int	 col[PLF__MAX];
	struct plan_action	 a;
	json_error_t		 jerr;
	json_t			*o, *v;
	const char		*f[PLF__MAX], *key, *why;
	char			 num[16];
	size_t			 i;
	int			 rc = 0;

	if ((o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL || !json_is_object(o)) {
		errlist_add(im->c.el, line, 0, NULL, "expected one JSON object "
		    "per line%s%s", o ? "" : ": ", o ? "" : jerr.text);
		json_decref(o);
		return 0;
	}
	im->c.rows++;
	/* as in CSV, a key that is not the export's is refused */
	json_object_foreach(o, key, v) {
		int	 lists = strcmp(key, "notes") == 0 ||
			    strcmp(key, "indicators") == 0 ||
			    strcmp(key, "evidence") == 0;

		if (lists && !json_is_array(v))
			errlist_add(im->c.el, line, 0, key, "expected a list");
		else if (!lists && strcmp(key, "id") != 0 &&
		    name_find(plan_field_names, PLF__MAX, key) == -1)
			errlist_add(im->c.el, line, 0, key, "not a key of plan "
			    "actions");
	}
	for (int k = 0; k < PLF__MAX; k++) {
		v = json_object_get(o, plan_field_names[k]);
		f[k] = json_is_string(v) ? json_string_value(v) : NULL;
		if (k == PLF_HORIZON && json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(v));
			f[k] = num;
		} else if (v != NULL && !json_is_null(v) && f[k] == NULL)
			errlist_add(im->c.el, line, 0, plan_field_names[k],
			    "expected text");
	}
	memset(&a, 0, sizeof(a));
	a.source = im->c.source;
	if (plan_action_read(f, &a, im->c.el, line, col) == -1 || im->c.el->count)
		goto out;
	if (im->c.st->ops->plan_action_put(im->c.st, &a) == -1) {
		rc = -1;
		goto out;
	}
	json_array_foreach(json_object_get(o, "notes"), i, v) {
		struct plan_item it = { a.id, PC_NOTE, json_string_value(
		    json_object_get(v, "note")), json_string_value(
		    json_object_get(v, "date")), NR, NR };

		if ((why = plan_item_problem(&it)) != NULL) {
			errlist_add(im->c.el, line, 0, "notes", "%s", why);
			goto out;
		}
		if ((rc = im->c.st->ops->plan_item_put(im->c.st, &it)) == -1)
			goto out;
	}
	json_array_foreach(json_object_get(o, "indicators"), i, v) {
		json_t	*t = json_object_get(v, "target"), *u =
			    json_object_get(v, "actual");
		struct plan_item it = { a.id, PC_INDICATOR, json_string_value(
		    json_object_get(v, "name")), NULL, json_is_integer(t) ?
		    json_integer_value(t) : NR, json_is_integer(u) ?
		    json_integer_value(u) : NR };

		if ((why = plan_item_problem(&it)) != NULL) {
			errlist_add(im->c.el, line, 0, "indicators", "%s", why);
			goto out;
		}
		if ((rc = im->c.st->ops->plan_item_put(im->c.st, &it)) == -1)
			goto out;
	}
	json_array_foreach(json_object_get(o, "evidence"), i, v) {
		struct plan_item it = { a.id, PC_EVIDENCE, json_string_value(v),
		    NULL, NR, NR };

		if ((why = plan_item_problem(&it)) != NULL) {
			errlist_add(im->c.el, line, 0, "evidence", "%s", why);
			goto out;
		}
		if ((rc = im->c.st->ops->plan_item_put(im->c.st, &it)) == -1)
			goto out;
	}
out:
	json_decref(o);
	return rc;
}


/* --- practices ------------------------------------------------------ */

struct practices_import {
	struct reg_common c;
	int		 col[7];
};

static int
practices_row(const struct csv_record *r, void *arg)
{
	static const char *const names[7] = { "country", "pillar", "title",
	    "tags", "summary", "text", "date" };
	struct practices_import	*im = arg;
	struct practice	 p;
	int		 col[3];

	if (first_record(&im->c))
		return header_columns(&im->c, r, names, 7, 1u << 3 | 1u << 5,
		    im->col);
	im->c.rows++;
	memset(&p, 0, sizeof(p));
	p.title = r->field[im->col[2]];
	p.summary = r->field[im->col[4]];
	p.tags = im->col[3] >= 0 ? r->field[im->col[3]] : "";
	p.body = im->col[5] >= 0 ? r->field[im->col[5]] : "";
	p.source = im->c.source;
	col[0] = im->col[0] + 1;
	col[1] = im->col[1] + 1;
	col[2] = im->col[6] + 1;
	if (practice_read(&p, r->field[im->col[0]], r->field[im->col[1]],
	    r->field[im->col[6]], im->c.el, r->line, col) == -1 || im->c.el->count)
		return 0;
	return im->c.st->ops->practice_add(im->c.st, &p);
}

/* --- the Trust Fund's operations ----------------------------------- */

/* Fund operations: each CSV row is an operation, its columns the fields. */
struct fund_import {
	struct reg_common c;
	int		 col[FF__MAX];		/* 1-based; 0 when absent */
	struct ref {
		char	*name;
		int64_t	 id;		/* the donor, pledge, grant or entry */
		int64_t	 entry;		/* the entry it posted, 0 if none */
	}		*refs;
	size_t		 nrefs;
};

static int
fund_row(const struct csv_record *r, void *arg)
{
	struct fund_import	*im = arg;
	const char	*f[FF__MAX] = { NULL };
	char		 ids[3][24];
	int64_t		 id, entry;
	int		 op = -1, rc;

	if (first_record(&im->c)) {
		for (size_t i = 0; i < r->count; i++) {
			int	 k;

			for (k = 0; k < FF__MAX; k++)
				if (str_eqi(r->field[i], fund_field_names[k]))
					break;
			if (k == FF__MAX)
				errlist_add(im->c.el, 1, i + 1, r->field[i],
				    "not a column of fund import");
			else
				im->col[k] = (int)i + 1;
		}
		if (im->col[FF_OP] == 0)
			errlist_add(im->c.el, r->line, 0, "op", "the op column is "
			    "missing");
		return im->c.el->count ? -1 : 0;
	}
	im->c.rows++;
	for (int k = 0; k < FF__MAX; k++)
		if (im->col[k] && (size_t)im->col[k] <= r->count)
			f[k] = r->field[im->col[k] - 1];
	if ((op = name_find(fund_op_names, FO__MAX, f[FF_OP])) == -1) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[FF_OP],
		    "op", "'%s' is not an operation (donor, pledge, contribute, "
		    "grant, disburse, refund, support, reverse, victims)",
		    f[FF_OP] ? f[FF_OP] : "");
		return 0;
	}
	/* a pledge, grant or entry named by the ref of a row above */
	for (int k = 0; k < 3; k++) {
		enum fund_field	 fl = k == 0 ? FF_PLEDGE : k == 1 ? FF_GRANT :
		    FF_ENTRY;
		size_t		 i;

		if (f[fl] == NULL || *f[fl] == '\0' ||
		    strspn(f[fl], "0123456789") == strlen(f[fl]))
			continue;
		for (i = 0; i < im->nrefs; i++)
			if (strcmp(im->refs[i].name, f[fl]) == 0)
				break;
		if (i == im->nrefs) {
			errlist_add(im->c.el, r->line, (unsigned long)im->col[fl],
			    fund_field_names[fl], "'%s' is neither a number nor "
			    "the ref of a row above", f[fl]);
			return 0;
		}
		/* a ref names what its row made; in the entry column, the
		 * entry the row posted */
		snprintf(ids[k], sizeof(ids[k]), "%lld", (long long)(fl ==
		    FF_ENTRY ? im->refs[i].entry : im->refs[i].id));
		f[fl] = ids[k];
	}
	if ((rc = fund_apply(im->c.st, op, f, im->c.el, r->line, im->col, &id,
	    &entry)) == -1)
		return -1;
	if (rc == 0 && f[FF_REF] && *f[FF_REF]) {
		im->refs = xreallocarray(im->refs, im->nrefs + 1,
		    sizeof(*im->refs));
		im->refs[im->nrefs].name = xstrdup(f[FF_REF]);
		im->refs[im->nrefs].entry = entry;
		im->refs[im->nrefs++].id = id;
	}
	return 0;
}

/* --- the readings of origins -------------------------------------- */

struct origins_import {
	struct reg_common c;
};

static int
origins_row(const struct csv_record *r, void *arg)
{
	struct origins_import		*m = arg;
	const struct country	*c;
	long long		 v;
	int			 kind, code = NR;

	/* a header line is optional */
	if (first_record(&m->c) && r->count == 3 && str_eqi(r->field[0],
	    "text") && str_eqi(r->field[1], "kind"))
		return 0;
	if (r->count != 3) {
		errlist_add(m->c.el, r->line, 0, NULL, "expected text,kind,code");
		return 0;
	}
	if (r->len[0] == 0) {
		errlist_add(m->c.el, r->line, 1, "text", "empty text");
		return 0;
	}
	if ((kind = code_find(CL_ORIGIN_KIND, r->field[1])) == -1 ||
	    kind == OKIND_NONE || kind == OKIND_UNMAPPED) {
		errlist_add(m->c.el, r->line, 2, "kind", "unknown kind '%s'; "
		    "expected country, region, nationals, abroad, foreign, "
		    "unknown or other", r->field[1]);
		return 0;
	}
	if (kind == OKIND_COUNTRY) {
		if (country_resolve(r->field[2], &c) != COUNTRY_FOUND) {
			errlist_add(m->c.el, r->line, 3, "code", "unknown country "
			    "'%s'", r->field[2]);
			return 0;
		}
		code = c->numeric;
	} else if (kind == OKIND_REGION) {
		if (parse_int(r->field[2], 1, 999, &v) == -1 ||
		    region_name((int)v) == NULL) {
			errlist_add(m->c.el, r->line, 3, "code", "'%s' is not a "
			    "UN M49 region code", r->field[2]);
			return 0;
		}
		code = (int)v;
	}
	m->c.rows++;
	if (m->c.el->count)
		return 0;
	return m->c.st->ops->origin_put(m->c.st, r->field[0], kind, code);
}


/* --- a grouping of countries into regions --------------------------- */

struct regions_import {
	struct reg_common c;
	const char	*path;
	int64_t		 scheme;	/* 0 until the first row */
	int		 col[2];
	unsigned long	 line_of[256];	/* where each country was given */
	char		*names[GROUPING_MAX];
	int		 nnames;
};

static int
regions_row(const struct csv_record *r, void *arg)
{
	static const char *const names[2] = { "country", "region" };
	struct regions_import	*im = arg;
	const struct country	*c;
	const char		*region, *base;
	int			 idx, k;

	if (first_record(&im->c))
		return header_columns(&im->c, r, names, 2, 0, im->col);
	im->c.rows++;
	if (country_resolve(r->field[im->col[0]], &c) != COUNTRY_FOUND) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[0] + 1,
		    "country", "unknown country '%s'", r->field[im->col[0]]);
		return 0;
	}
	region = r->field[im->col[1]];
	if (*region == '\0') {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[1] + 1,
		    "region", "empty region for %s", c->alpha3);
		return 0;
	}
	idx = country_index(c->numeric);
	if (im->line_of[idx]) {
		errlist_add(im->c.el, r->line, (unsigned long)im->col[0] + 1,
		    "country", "%s is given a region already at line %lu; a "
		    "country belongs to one region of a scheme", c->alpha3,
		    im->line_of[idx]);
		return 0;
	}
	im->line_of[idx] = r->line;
	for (k = 0; k < im->nnames && strcmp(im->names[k], region) != 0; k++)
		;
	if (k == im->nnames) {
		if (k == GROUPING_MAX) {
			errlist_add(im->c.el, r->line, (unsigned long)
			    im->col[1] + 1, "region", "more than %d regions in "
			    "one scheme", GROUPING_MAX);
			return 0;
		}
		im->names[im->nnames++] = xstrdup(region);
	}
	if (im->c.el->count)
		return 0;
	if (im->scheme == 0) {
		base = strrchr(im->path, '/');
		if (im->c.st->ops->scheme_put(im->c.st, im->c.source, base ?
		    base + 1 : im->path, &im->scheme) == -1)
			return -1;
	}
	return im->c.st->ops->scheme_member_add(im->c.st, im->scheme,
	    c->numeric, region);
}

static void
regions_release(void *state)
{
	struct regions_import *im = state;

	for (int k = 0; k < im->nnames; k++)
		free(im->names[k]);
}

/* --- the registers, and the reading they share ----------------------- */

static int
actions_init(void *state)
{
	struct actions_import *im = state;

	return treaties_load(im->c.st, &im->g);
}

static void
actions_release(void *state)
{
	struct actions_import *im = state;

	treaties_release(&im->g);
	free(im->lines);
	free(im->cols);
}

static int
plan_line(const char *text, size_t len, unsigned long line, void *state)
{
	return plan_json(state, text, len, line);
}

static void
fund_release(void *state)
{
	struct fund_import *im = state;

	for (size_t i = 0; i < im->nrefs; i++)
		free(im->refs[i].name);
	free(im->refs);
}

static const struct {
	const char	*noun;
	size_t		 size;		/* of its state, a struct reg_common
					 * first */
	int		(*init)(void *);	/* NULL: nothing to do */
	void		(*release)(void *);
	csv_record_fn	 row;
	/* one JSON object per line, for a file that starts with '{' */
	jsonl_fn	 json;
	/* after the last record, when there were no problems: 0 or -1 */
	int		(*finish)(void *);
} registers[REG__MAX] = {
	[REG_ACTIONS] = { "actions", sizeof(struct actions_import),
	    actions_init, actions_release, actions_row, NULL,
	    actions_finish },
	[REG_PLAN] = { "actions", sizeof(struct plan_import), NULL, NULL,
	    plan_row, plan_line, NULL },
	[REG_PRACTICES] = { "practices", sizeof(struct practices_import),
	    NULL, NULL, practices_row, NULL, NULL },
	[REG_FUND] = { "fund operations", sizeof(struct fund_import), NULL,
	    fund_release, fund_row, NULL, NULL },
	[REG_ORIGINS] = { "origin readings", sizeof(struct origins_import),
	    NULL, NULL, origins_row, NULL, NULL },
	[REG_REGIONS] = { "countries", sizeof(struct regions_import), NULL,
	    regions_release, regions_row, NULL, NULL },
};

int
intake_register(struct store *st, enum register_kind kind, const char *path,
    const struct register_in *in, struct register_result *res)
{
	struct reg_common *c = xcalloc(1, registers[kind].size);
	FILE		*fp = NULL;
	int		 rc = 0, ret = -1, ch, in_tx = 0;

	memset(res, 0, sizeof(*res));
	errlist_init(&res->el, path);
	res->noun = registers[kind].noun;
	c->st = st;
	c->el = &res->el;
	c->source = in->source;
	if (kind == REG_ACTIONS)
		((struct actions_import *)c)->instrument = in->instrument;
	if (kind == REG_REGIONS)
		((struct regions_import *)c)->path = path;
	if ((fp = fopen(path, "rb")) == NULL) {
		error("%s: %s", path, strerror(errno));
		ret = 1;
		goto out;
	}
	if (registers[kind].init && registers[kind].init(c) == -1)
		goto out;
	if (st->ops->begin(st) == -1)
		goto out;
	in_tx = 1;
	if ((ch = getc(fp)) != EOF)
		ungetc(ch, fp);
	/* JSON: named so, or a file that starts with '{'; else CSV */
	if (registers[kind].json != NULL && (ch == '{' || json_named(path)))
		rc = jsonl_read(fp, registers[kind].json, c, &res->el, NULL);
	else
		rc = csv_read(fp, path, registers[kind].row, c, &res->el, NULL);
	if (rc == 0 && res->el.count == 0 && registers[kind].finish)
		rc = registers[kind].finish(c);
	res->rows = c->rows;
	if (res->el.count == 0 && c->rows == 0)
		errlist_add(&res->el, 0, 0, NULL, "no %s in the file",
		    res->noun);
	if (res->el.count) {
		ret = 1;
		goto out;
	}
	if (rc == -1 || st->ops->commit(st) == -1)
		goto out;
	in_tx = 0;
	ret = 0;
out:
	if (in_tx)
		st->ops->rollback(st);
	if (registers[kind].release)
		registers[kind].release(c);
	if (fp != NULL)
		fclose(fp);
	free(c);
	return ret;
}

/* --- contributions to the Secretary-General's report ----------------- */

int
intake_contribution(struct store *st, int year, const char *actor,
    const char *path, int64_t *id)
{
	struct contribution c;
	struct arena	 a = { NULL };
	struct buf	 text = BUF_INIT;
	struct hash	*h = NULL;
	const char	*member, *base = strrchr(path, '/');
	char		 sum[65], now[21];
	int		 numeric, found, ret = 1;

	memset(&c, 0, sizeof(c));
	c.year = year;
	c.country = NR;
	if (file_get(path, &text) == -1)
		goto out;		/* said */
	if (text.len == 0 || text.len > 1024 * 1024 ||
	    !utf8_valid(text.s, text.len) || strlen(text.s) != text.len) {
		error("%s: a contribution is UTF-8 text, not empty, up to 1 "
		    "MiB", path);
		goto out;
	}
	if (participant_resolve(actor, &numeric) == PARTICIPANT_FOUND) {
		c.actor_kind = participant_find(numeric, NULL)->kind ==
		    PK_ORGANISATION ? ACTOR_ORGANISATION : ACTOR_STATE;
		c.actor = participant_code(numeric);
		c.country = c.actor_kind == ACTOR_STATE ? numeric : NR;
	} else {
		if (icat_member_find(st, &a, actor, &member) == -1) {
			ret = -1;
			goto out;
		}
		c.actor_kind = member ? ACTOR_UN_ENTITY : ACTOR_ORGANISATION;
		c.actor = member ? member : actor;
	}
	if ((h = hash_new()) == NULL || hash_file(h, path) == -1) {
		ret = -1;
		goto out;
	}
	hash_hex(h, sum);
	time_iso(now);
	c.file_name = base ? base + 1 : path;
	c.sha256 = sum;
	c.text = text.s;
	c.operator = operator_name();
	c.created_at = now;
	if (st->ops->contribution_add(st, &c, &found) == -1) {
		ret = -1;
		goto out;
	}
	if (!found) {
		error("%s: this file is recorded already as a contribution for "
		    "%d", path, year);
		goto out;
	}
	*id = c.id;
	ret = 0;
out:
	if (h != NULL)
		hash_free(h);
	buf_release(&text);
	arena_release(&a);
	return ret;
}
