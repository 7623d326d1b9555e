/*
 * cmd_plan.c: "palermo plan": the UN Global Plan of Action to Combat
 * Trafficking in Persons (resolution 68/192, op. 2).  It keeps the plan's
 * objectives (a) to (f) and its four pillars, and the actions carried out
 * under it, by states, UN entities, other organisations, civil society and
 * the private sector, with dated progress notes, indicators with target and
 * actual, and evidence; ICAT's roadmap is actions with a horizon year.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* The fields of an action, as CSV columns and JSON keys. */
enum { F_ACTOR_KIND, F_ACTOR, F_TITLE, F_DESCRIPTION, F_PILLARS,
    F_OBJECTIVES, F_START, F_DUE, F_STATUS, F_HORIZON, F__MAX };
static const char *const field_names[F__MAX] = {
	"actor_kind", "actor", "title", "description", "pillars",
	"objectives", "start", "due", "status", "horizon",
};

/* A ';'- or ','-separated list of pillar names as bits; -1 if bad. */
static int
pillars_of(const char *s)
{
	int	 bits = 0;

	while (*s) {
		size_t	 n = strcspn(s, ";,");
		char	*w = xstrndup(s, n);
		int	 k = code_find(CL_PILLAR, w);

		free(w);
		if (k == -1)
			return -1;
		bits |= 1 << k;
		s += n + (s[n] != '\0');
	}
	return bits;
}

/* Objectives "a;c" as bits; -1 if bad. */
static int
objectives_of(const char *s)
{
	int	 bits = 0;

	while (*s) {
		size_t	 n = strcspn(s, ";,");

		if (n != 1 || s[0] < 'a' || s[0] > 'f')
			return -1;
		bits |= 1 << (s[0] - 'a');
		s += n + (s[n] != '\0');
	}
	return bits;
}

static void
bits_put(struct buf *b, int bits, int pillars)
{
	int	 n = 0;

	for (int k = 0; k < (pillars ? PILLAR__MAX : 6); k++)
		if (bits & (1 << k)) {
			if (n++)
				buf_addc(b, ';');
			if (pillars)
				buf_adds(b, code_name(CL_PILLAR, k));
			else
				buf_addc(b, 'a' + k);
		}
}

/*
 * An action from its fields (NULL or "" when absent); 0, or -1 after the
 * problems were listed.  Strings point into f.
 */
static int
action_read(const char *const f[F__MAX], struct plan_action *a,
    struct errlist *el, unsigned long line, const int col[F__MAX])
{
	const struct country	*c;
	long long		 y;
	int			 bad = 0;

#define BAD(i, ...) do { errlist_add(el, line, (unsigned long)col[i], \
	field_names[i], __VA_ARGS__); bad = 1; } while (0)
#define GIVEN(i) (f[i] != NULL && *f[i] != '\0')
	a->country = NR;
	if (!GIVEN(F_ACTOR_KIND) || (a->actor_kind = code_find(CL_ACTOR_KIND,
	    f[F_ACTOR_KIND])) == -1)
		BAD(F_ACTOR_KIND, "'%s': expected state, un_entity, "
		    "organisation, civil_society or private_sector",
		    f[F_ACTOR_KIND] ? f[F_ACTOR_KIND] : "");
	a->actor = f[F_ACTOR];
	if (!GIVEN(F_ACTOR))
		BAD(F_ACTOR, "who carries out the action is needed");
	else if (a->actor_kind == ACTOR_STATE) {
		if (country_resolve(f[F_ACTOR], &c) != COUNTRY_FOUND)
			BAD(F_ACTOR, "unknown country '%s'", f[F_ACTOR]);
		else {
			a->country = c->numeric;
			a->actor = c->alpha3;
		}
	}
	a->title = f[F_TITLE];
	if (!GIVEN(F_TITLE))
		BAD(F_TITLE, "a title is needed");
	a->description = GIVEN(F_DESCRIPTION) ? f[F_DESCRIPTION] : "";
	if (!GIVEN(F_PILLARS) || (a->pillars = pillars_of(f[F_PILLARS])) <= 0)
		BAD(F_PILLARS, "'%s': expected one or more of prevention, "
		    "protection, prosecution, partnership",
		    f[F_PILLARS] ? f[F_PILLARS] : "");
	a->objectives = 0;
	if (GIVEN(F_OBJECTIVES) && (a->objectives =
	    objectives_of(f[F_OBJECTIVES])) == -1)
		BAD(F_OBJECTIVES, "'%s': expected objectives a to f, such as "
		    "a;c", f[F_OBJECTIVES]);
	a->start = GIVEN(F_START) ? f[F_START] : NULL;
	a->due = GIVEN(F_DUE) ? f[F_DUE] : NULL;
	if (a->start && !date_valid(a->start))
		BAD(F_START, "'%s' is not a date (YYYY-MM-DD)", a->start);
	if (a->due && !date_valid(a->due))
		BAD(F_DUE, "'%s' is not a date (YYYY-MM-DD)", a->due);
	if (a->start && a->due && date_valid(a->start) && date_valid(a->due) &&
	    strcmp(a->due, a->start) < 0)
		BAD(F_DUE, "due %s is before the start %s", a->due, a->start);
	a->status = AS_PLANNED;
	if (GIVEN(F_STATUS) && (a->status = code_find(CL_ACTION_STATUS,
	    f[F_STATUS])) == -1)
		BAD(F_STATUS, "'%s': expected planned, under_way, done or "
		    "dropped", f[F_STATUS]);
	a->horizon = NR;
	if (GIVEN(F_HORIZON)) {
		if (parse_int(f[F_HORIZON], 2013, 2200, &y) == -1)
			BAD(F_HORIZON, "'%s' is not a year from 2013",
			    f[F_HORIZON]);
		else
			a->horizon = (int)y;
	}
#undef BAD
#undef GIVEN
	return bad ? -1 : 0;
}

/* --- options ---------------------------------------------------------- */

struct plopts {
	const char	*db, *out, *format, *source, *target, *actual;
	const char	*f[F__MAX];	/* --actor-kind ... --horizon */
	int		 overdue;
	const char	*pillar, *objective;
};

static int
parse(int argc, char **argv, struct plopts *o, int *first)
{
	static const struct option opts[] = {
		{ "actor-kind", required_argument, NULL, 300 + F_ACTOR_KIND },
		{ "actor", required_argument, NULL, 300 + F_ACTOR },
		{ "title", required_argument, NULL, 300 + F_TITLE },
		{ "description", required_argument, NULL, 300 + F_DESCRIPTION },
		{ "pillars", required_argument, NULL, 300 + F_PILLARS },
		{ "objectives", required_argument, NULL, 300 + F_OBJECTIVES },
		{ "start", required_argument, NULL, 300 + F_START },
		{ "due", required_argument, NULL, 300 + F_DUE },
		{ "status", required_argument, NULL, 300 + F_STATUS },
		{ "horizon", required_argument, NULL, 300 + F_HORIZON },
		{ "db", required_argument, NULL, 'd' },
		{ "out", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "source", required_argument, NULL, 's' },
		{ "target", required_argument, NULL, 't' },
		{ "actual", required_argument, NULL, 'a' },
		{ "overdue", no_argument, NULL, 'v' },
		{ "pillar", required_argument, NULL, 'p' },
		{ "objective", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch;

	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch >= 300 && ch < 300 + F__MAX) {
			o->f[ch - 300] = optarg;
			continue;
		}
		switch (ch) {
		case 'd':
			o->db = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'f':
			o->format = optarg;
			break;
		case 's':
			o->source = optarg;
			break;
		case 't':
			o->target = optarg;
			break;
		case 'a':
			o->actual = optarg;
			break;
		case 'v':
			o->overdue = 1;
			break;
		case 'p':
			o->pillar = optarg;
			break;
		case 'j':
			o->objective = optarg;
			break;
		default:
			return option_error("plan", ch, argv);
		}
	}
	*first = optind;
	return EXIT_DONE;
}

/* --- listing and export ----------------------------------------------- */

struct lister {
	const struct plopts	*o;
	int			 pillar, objective, status, kind;
	char			 today[11];
	int			 n;
	int			 fmt;	/* 0 text, 1 csv, 2 json */
	struct buf		 b;
	json_t			*arr;
	/* items, for JSON export: read once, matched by action */
	struct plan_item	*items;
	char			**texts;
	size_t			 nitems;
};

static int
keep_item(const struct plan_item *it, void *arg)
{
	struct lister	*l = arg;

	l->items = xreallocarray(l->items, l->nitems + 1, sizeof(*l->items));
	l->texts = xreallocarray(l->texts, (l->nitems + 1) * 2,
	    sizeof(*l->texts));
	l->items[l->nitems] = *it;
	l->texts[2 * l->nitems] = xstrdup(it->text);
	l->texts[2 * l->nitems + 1] = it->date ? xstrdup(it->date) : NULL;
	l->items[l->nitems].text = l->texts[2 * l->nitems];
	l->items[l->nitems].date = l->texts[2 * l->nitems + 1];
	l->nitems++;
	return 0;
}

static int
overdue(const struct plan_action *a, const char *today)
{
	return a->due && strcmp(a->due, today) < 0 && a->status != AS_DONE &&
	    a->status != AS_DROPPED;
}

static int
list_action(const struct plan_action *a, void *arg)
{
	struct lister	*l = arg;
	const char	*o = l->o->f[F_ACTOR];

	if ((l->kind != NR && a->actor_kind != l->kind) ||
	    (o && !str_eqi(o, a->actor)) ||
	    (l->pillar != NR && !(a->pillars & (1 << l->pillar))) ||
	    (l->objective != NR && !(a->objectives & (1 << l->objective))) ||
	    (l->status != NR && a->status != l->status) ||
	    (l->o->overdue && !overdue(a, l->today)))
		return 0;
	l->n++;
	if (l->fmt == 0) {
		buf_addf(&l->b, "%lld  %-10s  %-14s  %-12s  due %-10s  %s%s\n",
		    (long long)a->id, code_name(CL_ACTION_STATUS, a->status),
		    code_name(CL_ACTOR_KIND, a->actor_kind), a->actor,
		    a->due ? a->due : "-", a->title,
		    overdue(a, l->today) ? "  (overdue)" : "");
	} else if (l->fmt == 1) {
		const char	*v[F__MAX];
		struct buf	 pb = BUF_INIT, ob = BUF_INIT;
		char		 h[16] = "";

		bits_put(&pb, a->pillars, 1);
		bits_put(&ob, a->objectives, 0);
		if (a->horizon != NR)
			snprintf(h, sizeof(h), "%d", a->horizon);
		v[F_ACTOR_KIND] = code_name(CL_ACTOR_KIND, a->actor_kind);
		v[F_ACTOR] = a->actor;
		v[F_TITLE] = a->title;
		v[F_DESCRIPTION] = a->description;
		v[F_PILLARS] = pb.s;
		v[F_OBJECTIVES] = ob.s;
		v[F_START] = a->start ? a->start : "";
		v[F_DUE] = a->due ? a->due : "";
		v[F_STATUS] = code_name(CL_ACTION_STATUS, a->status);
		v[F_HORIZON] = h;
		buf_addf(&l->b, "%lld", (long long)a->id);
		for (int i = 0; i < F__MAX; i++) {
			buf_addc(&l->b, ',');
			csv_put(&l->b, v[i], strlen(v[i]));
		}
		buf_addc(&l->b, '\n');
		buf_release(&pb);
		buf_release(&ob);
	} else {
		json_t		*j = json_object(), *notes = json_array(),
				*inds = json_array(), *ev = json_array();
		struct buf	 pb = BUF_INIT, ob = BUF_INIT;

		bits_put(&pb, a->pillars, 1);
		bits_put(&ob, a->objectives, 0);
		json_object_set_new(j, "id", json_integer(a->id));
		json_object_set_new(j, "actor_kind", json_string(code_name(
		    CL_ACTOR_KIND, a->actor_kind)));
		json_object_set_new(j, "actor", json_string(a->actor));
		json_object_set_new(j, "title", json_string(a->title));
		json_object_set_new(j, "description",
		    json_string(a->description));
		json_object_set_new(j, "pillars", json_string(pb.s));
		json_object_set_new(j, "objectives", json_string(ob.s));
		json_object_set_new(j, "start", a->start ?
		    json_string(a->start) : json_null());
		json_object_set_new(j, "due", a->due ? json_string(a->due) :
		    json_null());
		json_object_set_new(j, "status", json_string(code_name(
		    CL_ACTION_STATUS, a->status)));
		json_object_set_new(j, "horizon", a->horizon != NR ?
		    json_integer(a->horizon) : json_null());
		for (size_t i = 0; i < l->nitems; i++) {
			const struct plan_item *it = &l->items[i];

			if (it->action != a->id)
				continue;
			if (it->kind == PC_NOTE)
				json_array_append_new(notes, json_pack("{s:s,"
				    "s:s}", "date", it->date, "note", it->text));
			else if (it->kind == PC_INDICATOR)
				json_array_append_new(inds, json_pack("{s:s,"
				    "s:o,s:o}", "name", it->text, "target",
				    it->target == NR ? json_null() :
				    json_integer(it->target), "actual",
				    it->actual == NR ? json_null() :
				    json_integer(it->actual)));
			else
				json_array_append_new(ev,
				    json_string(it->text));
		}
		json_object_set_new(j, "notes", notes);
		json_object_set_new(j, "indicators", inds);
		json_object_set_new(j, "evidence", ev);
		json_array_append_new(l->arr, j);
		buf_release(&pb);
		buf_release(&ob);
	}
	return 0;
}

static int
do_list(struct store *st, const struct plopts *o, int export)
{
	struct lister	 l;
	char		 now[21];
	FILE		*fp;
	int		 ret = EXIT_STORE;

	memset(&l, 0, sizeof(l));
	l.o = o;
	l.kind = l.pillar = l.objective = l.status = NR;
	time_iso(now);
	memcpy(l.today, now, 10);
	if (o->f[F_ACTOR_KIND] && (l.kind = code_find(CL_ACTOR_KIND,
	    o->f[F_ACTOR_KIND])) == -1)
		return usage_error("plan", "unknown actor kind '%s'",
		    o->f[F_ACTOR_KIND]);
	if (o->pillar && (l.pillar = code_find(CL_PILLAR, o->pillar)) == -1)
		return usage_error("plan", "unknown pillar '%s'", o->pillar);
	if (o->objective) {
		if (strlen(o->objective) != 1 || *o->objective < 'a' ||
		    *o->objective > 'f')
			return usage_error("plan", "objectives are a to f");
		l.objective = *o->objective - 'a';
	}
	if (o->f[F_STATUS] && (l.status = code_find(CL_ACTION_STATUS,
	    o->f[F_STATUS])) == -1)
		return usage_error("plan", "unknown status '%s'",
		    o->f[F_STATUS]);
	l.fmt = !export ? 0 : o->format == NULL || strcmp(o->format, "csv") ==
	    0 ? 1 : strcmp(o->format, "json") == 0 ? 2 : -1;
	if (l.fmt == -1)
		return usage_error("plan", "export writes csv or json");
	buf_init(&l.b, 0);
	if (l.fmt == 1) {
		buf_adds(&l.b, "id");
		for (int i = 0; i < F__MAX; i++)
			buf_addf(&l.b, ",%s", field_names[i]);
		buf_addc(&l.b, '\n');
	}
	l.arr = json_array();
	if ((fp = out_open(o->out)) == NULL)
		goto out;
	if ((l.fmt == 2 && st->ops->plan_item_each(st, keep_item, &l) == -1) ||
	    st->ops->plan_action_each(st, list_action, &l) == -1) {
		out_close(fp, o->out);
		goto out;
	}
	if (l.fmt == 2) {
		for (size_t i = 0; i < json_array_size(l.arr); i++) {
			char *s = json_dumps(json_array_get(l.arr, i),
			    JSON_COMPACT | JSON_PRESERVE_ORDER);

			if (s == NULL)
				die("json_dumps failed");
			buf_addf(&l.b, "%s\n", s);
			free(s);
		}
	}
	fputs(l.b.s, fp);
	ret = out_close(fp, o->out);
out:
	json_decref(l.arr);
	for (size_t i = 0; i < 2 * l.nitems; i++)
		free(l.texts[i]);
	free(l.texts);
	free(l.items);
	buf_release(&l.b);
	return ret;
}

/* --- import: CSV, or JSON one object per line -------------------------- */

struct pimport {
	struct store	*st;
	struct errlist	*el;
	const char	*source;
	int		 col[F__MAX];
	unsigned long	 rows;
};

static int
import_row(const struct csv_record *r, void *arg)
{
	struct pimport		*im = arg;
	struct plan_action	 a;
	const char		*f[F__MAX];
	int			 col[F__MAX];

	if (r->line == 1) {
		for (int k = 0; k < F__MAX; k++) {
			im->col[k] = -1;
			for (size_t i = 0; i < r->count; i++)
				if (str_eqi(r->field[i], field_names[k]))
					im->col[k] = (int)i;
		}
		for (size_t i = 0; i < r->count; i++) {
			int	 known = str_eqi(r->field[i], "id");

			for (int k = 0; k < F__MAX; k++)
				known |= str_eqi(r->field[i], field_names[k]);
			if (!known)
				errlist_add(im->el, r->line, i + 1, r->field[i],
				    "not a column of plan actions");
		}
		return im->el->count ? -1 : 0;
	}
	im->rows++;
	for (int k = 0; k < F__MAX; k++) {
		f[k] = im->col[k] >= 0 ? r->field[im->col[k]] : NULL;
		col[k] = im->col[k] + 1;
	}
	memset(&a, 0, sizeof(a));
	a.source = im->source;
	if (action_read(f, &a, im->el, r->line, col) == -1 || im->el->count)
		return 0;
	return im->st->ops->plan_action_put(im->st, &a);
}

/* A JSON action with its notes, indicators and evidence. */
static int
import_json(struct pimport *im, const char *text, size_t len,
    unsigned long line)
{
	static const int	 col[F__MAX];
	struct plan_action	 a;
	json_error_t		 jerr;
	json_t			*o, *v;
	const char		*f[F__MAX];
	char			 num[16];
	size_t			 i;
	int			 rc = 0;

	if ((o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) ==
	    NULL || !json_is_object(o)) {
		errlist_add(im->el, line, 0, NULL, "expected one JSON object "
		    "per line%s%s", o ? "" : ": ", o ? "" : jerr.text);
		json_decref(o);
		return 0;
	}
	im->rows++;
	for (int k = 0; k < F__MAX; k++) {
		v = json_object_get(o, field_names[k]);
		f[k] = json_is_string(v) ? json_string_value(v) : NULL;
		if (k == F_HORIZON && json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(v));
			f[k] = num;
		}
	}
	memset(&a, 0, sizeof(a));
	a.source = im->source;
	if (action_read(f, &a, im->el, line, col) == -1 || im->el->count)
		goto out;
	if (im->st->ops->plan_action_put(im->st, &a) == -1) {
		rc = -1;
		goto out;
	}
	json_array_foreach(json_object_get(o, "notes"), i, v) {
		struct plan_item it = { a.id, PC_NOTE, json_string_value(
		    json_object_get(v, "note")), json_string_value(
		    json_object_get(v, "date")), NR, NR };

		if (it.text == NULL || it.date == NULL || !date_valid(it.date)) {
			errlist_add(im->el, line, 0, "notes", "a note needs a "
			    "date (YYYY-MM-DD) and a note");
			goto out;
		}
		if ((rc = im->st->ops->plan_item_put(im->st, &it)) == -1)
			goto out;
	}
	json_array_foreach(json_object_get(o, "indicators"), i, v) {
		json_t	*t = json_object_get(v, "target"), *u =
			    json_object_get(v, "actual");
		struct plan_item it = { a.id, PC_INDICATOR, json_string_value(
		    json_object_get(v, "name")), NULL, json_is_integer(t) ?
		    json_integer_value(t) : NR, json_is_integer(u) ?
		    json_integer_value(u) : NR };

		if (it.text == NULL) {
			errlist_add(im->el, line, 0, "indicators", "an "
			    "indicator needs a name");
			goto out;
		}
		if ((rc = im->st->ops->plan_item_put(im->st, &it)) == -1)
			goto out;
	}
	json_array_foreach(json_object_get(o, "evidence"), i, v) {
		struct plan_item it = { a.id, PC_EVIDENCE, json_string_value(v),
		    NULL, NR, NR };

		if (it.text == NULL) {
			errlist_add(im->el, line, 0, "evidence", "evidence is "
			    "a link, as a string");
			goto out;
		}
		if ((rc = im->st->ops->plan_item_put(im->st, &it)) == -1)
			goto out;
	}
out:
	json_decref(o);
	return rc;
}

static int
json_line(void *arg, const char *text, size_t len, unsigned long line)
{
	return import_json(arg, text, len, line);
}

static int
do_import(struct store *st, const char *path, const char *source)
{
	struct pimport	 im;
	struct errlist	 el;

	memset(&im, 0, sizeof(im));
	im.st = st;
	im.el = &el;
	im.source = source;
	return register_import(st, path, import_row, json_line, &im, &el,
	    &im.rows, "actions");
}

/* --- the command ------------------------------------------------------ */

static int
print_objective(const char *code, const char *summary, void *arg)
{
	(void)arg;
	printf("(%s)  %s\n", code, summary);
	return 0;
}

/* Find an action by id, copying it with its strings into *a. */
struct finder {
	int64_t			 id;
	struct plan_action	*a;
	char			*s[8];
	int			 found;
};

static int
find_action(const struct plan_action *a, void *arg)
{
	struct finder	*fd = arg;

	if (a->id != fd->id)
		return 0;
	*fd->a = *a;
	fd->a->actor = fd->s[0] = xstrdup(a->actor);
	fd->a->title = fd->s[1] = xstrdup(a->title);
	fd->a->description = fd->s[2] = xstrdup(a->description);
	fd->a->start = fd->s[3] = a->start ? xstrdup(a->start) : NULL;
	fd->a->due = fd->s[4] = a->due ? xstrdup(a->due) : NULL;
	fd->a->source = fd->s[5] = xstrdup(a->source);
	fd->found = 1;
	return 0;
}

int
cmd_plan(int argc, char **argv)
{
	struct plopts	 o;
	struct store	*st;
	const char	*what;
	long long	 id = 0, v = 0, w = 0;
	int		 first = 0, ret;

	if ((ret = parse(argc, argv, &o, &first)) != EXIT_DONE)
		return ret;
	what = first < argc ? argv[first] : "list";
	argc -= first + (first < argc);
	argv += first + 1;
	if (strcmp(what, "objective") == 0 && (argc != 2 ||
	    strlen(argv[0]) != 1 || *argv[0] < 'a' || *argv[0] > 'f' ||
	    *argv[1] == '\0' || !utf8_valid(argv[1], strlen(argv[1]))))
		return usage_error("plan", "objective takes a letter, a to f, "
		    "and its wording");
	if ((strcmp(what, "edit") == 0 || strcmp(what, "note") == 0 ||
	    strcmp(what, "indicator") == 0 || strcmp(what, "evidence") == 0) &&
	    (argc < 1 || parse_int(argv[0], 1, INT64_MAX, &id) == -1))
		return usage_error("plan", "%s takes an action id", what);
	if (store_open(&st, db_path(o.db), STORE_EXISTING) == -1)
		return EXIT_STORE;
	ret = EXIT_STORE;
	if (strcmp(what, "objectives") == 0 && argc == 0) {
		printf("objectives:\n");
		if (st->ops->plan_objective_each(st, print_objective, NULL) ==
		    0) {
			printf("pillars:\n");
			for (int k = 0; k < PILLAR__MAX; k++)
				printf("  %-12s  %s\n", code_name(CL_PILLAR, k),
				    code_lists[CL_PILLAR].codes[k].label);
			ret = out_close(stdout, NULL);
		}
	} else if (strcmp(what, "objective") == 0) {
		int	 found;

		/* the six are reference data: one is missing only if the
		 * database was changed by hand */
		if (st->ops->plan_objective_set(st, argv[0], argv[1], &found) ==
		    -1)
			;
		else if (!found)
			error("%s: objective (%s) is missing", db_path(o.db),
			    argv[0]);
		else
			ret = EXIT_DONE;
	} else if ((strcmp(what, "list") == 0 || strcmp(what, "export") ==
	    0) && argc == 0)
		ret = do_list(st, &o, strcmp(what, "export") == 0);
	else if (strcmp(what, "import") == 0 && argc == 1)
		ret = o.source ? do_import(st, argv[0], o.source) :
		    usage_error("plan", "import needs --source NAME");
	else if ((strcmp(what, "add") == 0 && argc == 0) ||
	    (strcmp(what, "edit") == 0 && argc == 1)) {
		struct plan_action	 a;
		struct finder		 fd;
		struct errlist		 el;
		static const int	 col[F__MAX];
		const char		*f[F__MAX];
		char			 h[16];

		memset(&a, 0, sizeof(a));
		memset(&fd, 0, sizeof(fd));
		errlist_init(&el, what);
		memcpy(f, o.f, sizeof(f));
		if (id) {
			struct buf pb = BUF_INIT, ob = BUF_INIT;

			fd.id = id;
			fd.a = &a;
			if (st->ops->plan_action_each(st, find_action, &fd) ==
			    -1)
				goto done;
			if (!fd.found) {
				error("no action %lld", id);
				ret = EXIT_REJECTED;
				goto done;
			}
			/* what is not given stays as it was */
			bits_put(&pb, a.pillars, 1);
			bits_put(&ob, a.objectives, 0);
			fd.s[6] = buf_detach(&pb);
			fd.s[7] = buf_detach(&ob);
			snprintf(h, sizeof(h), "%d", a.horizon);
			if (!f[F_ACTOR_KIND])
				f[F_ACTOR_KIND] = code_name(CL_ACTOR_KIND,
				    a.actor_kind);
			if (!f[F_ACTOR])
				f[F_ACTOR] = a.actor;
			if (!f[F_TITLE])
				f[F_TITLE] = a.title;
			if (!f[F_DESCRIPTION])
				f[F_DESCRIPTION] = a.description;
			if (!f[F_PILLARS])
				f[F_PILLARS] = fd.s[6];
			if (!f[F_OBJECTIVES])
				f[F_OBJECTIVES] = fd.s[7];
			if (!f[F_START])
				f[F_START] = a.start;
			if (!f[F_DUE])
				f[F_DUE] = a.due;
			if (!f[F_STATUS])
				f[F_STATUS] = code_name(CL_ACTION_STATUS,
				    a.status);
			if (!f[F_HORIZON] && a.horizon != NR)
				f[F_HORIZON] = h;
		}
		a.source = o.source ? o.source : operator_name();
		if (action_read(f, &a, &el, 0, col) == -1) {
			errlist_print(&el, stderr);
			ret = EXIT_REJECTED;
		} else {
			a.id = (int64_t)id;
			if (st->ops->plan_action_put(st, &a) == 0) {
				if (!id)
					printf("%lld\n", (long long)a.id);
				ret = id ? EXIT_DONE : out_close(stdout, NULL);
			}
		}
done:
		for (int i = 0; i < 8; i++)
			free(fd.s[i]);
		errlist_release(&el);
	} else if (strcmp(what, "note") == 0 && argc == 3) {
		struct plan_item it = { id, PC_NOTE, argv[2], argv[1], NR, NR };

		if (!date_valid(argv[1]) || *argv[2] == '\0')
			ret = usage_error("plan", "note takes an id, a date "
			    "(YYYY-MM-DD) and a text");
		else if (st->ops->plan_item_put(st, &it) == 0)
			ret = EXIT_DONE;
	} else if (strcmp(what, "indicator") == 0 && argc == 2) {
		struct plan_item it = { id, PC_INDICATOR, argv[1], NULL, NR,
		    NR };

		if ((o.target && parse_int(o.target, 0, INT64_MAX, &v) == -1) ||
		    (o.actual && parse_int(o.actual, 0, INT64_MAX, &w) == -1))
			ret = usage_error("plan", "--target and --actual take "
			    "whole numbers");
		else {
			if (o.target)
				it.target = v;
			if (o.actual)
				it.actual = w;
			if (st->ops->plan_item_put(st, &it) == 0)
				ret = EXIT_DONE;
		}
	} else if (strcmp(what, "evidence") == 0 && argc == 2) {
		struct plan_item it = { id, PC_EVIDENCE, argv[1], NULL, NR, NR };

		if (st->ops->plan_item_put(st, &it) == 0)
			ret = EXIT_DONE;
	} else
		ret = usage_error("plan", "unknown action '%s' or wrong number "
		    "of arguments", what);
	st->ops->close(st);
	return ret;
}
