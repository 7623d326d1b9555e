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

/* --- options ---------------------------------------------------------- */

struct plopts {
	const char	*db, *out, *format, *source, *target, *actual;
	const char	*f[PLF__MAX];	/* --actor-kind ... --horizon */
	int		 overdue;
	const char	*pillar, *objective;
};

static int
parse(int argc, char **argv, struct plopts *o, int *first)
{
	static const struct option opts[] = {
		{ "actor-kind", required_argument, NULL, 300 + PLF_ACTOR_KIND },
		{ "actor", required_argument, NULL, 300 + PLF_ACTOR },
		{ "title", required_argument, NULL, 300 + PLF_TITLE },
		{ "description", required_argument, NULL, 300 + PLF_DESCRIPTION },
		{ "pillars", required_argument, NULL, 300 + PLF_PILLARS },
		{ "objectives", required_argument, NULL, 300 + PLF_OBJECTIVES },
		{ "start", required_argument, NULL, 300 + PLF_START },
		{ "due", required_argument, NULL, 300 + PLF_DUE },
		{ "status", required_argument, NULL, 300 + PLF_STATUS },
		{ "horizon", required_argument, NULL, 300 + PLF_HORIZON },
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
		if (ch >= 300 && ch < 300 + PLF__MAX) {
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
	int			 fmt;	/* 0 text, 1 csv, 2 json */
	struct buf		 b;
	json_t			*arr;
	/* items, for JSON export, matched by action */
	struct plan_item	*items;
	size_t			 nitems;
};

static void
list_action(struct lister *l, const struct plan_action *a)
{
	const char	*o = l->o->f[PLF_ACTOR];

	if ((l->kind != NR && a->actor_kind != l->kind) ||
	    (o && !str_eqi(o, a->actor)) ||
	    (l->pillar != NR && !(a->pillars & (1 << l->pillar))) ||
	    (l->objective != NR && !(a->objectives & (1 << l->objective))) ||
	    (l->status != NR && a->status != l->status) ||
	    (l->o->overdue && !plan_overdue(a, l->today)))
		return;
	if (l->fmt == 0) {
		buf_addf(&l->b, "%lld  %-10s  %-14s  %-12s  due %-10s  %s%s\n",
		    (long long)a->id, code_name(CL_ACTION_STATUS, a->status),
		    code_name(CL_ACTOR_KIND, a->actor_kind), a->actor,
		    a->due ? a->due : "-", a->title,
		    plan_overdue(a, l->today) ? "  (overdue)" : "");
	} else if (l->fmt == 1) {
		const char	*v[PLF__MAX];
		struct plan_text t;

		plan_action_fields(a, v, &t);
		buf_addf(&l->b, "%lld", (long long)a->id);
		for (int i = 0; i < PLF__MAX; i++) {
			buf_addc(&l->b, ',');
			if (v[i] != NULL)
				csv_put(&l->b, v[i], strlen(v[i]));
		}
		buf_addc(&l->b, '\n');
		plan_text_release(&t);
	} else {
		json_t		*j = json_object(), *notes = json_array(),
				*inds = json_array(), *ev = json_array();
		const char	*v[PLF__MAX];
		struct plan_text t;

		plan_action_fields(a, v, &t);
		json_object_set_new(j, "id", json_integer(a->id));
		json_object_set_new(j, "actor_kind", json_string(
		    v[PLF_ACTOR_KIND]));
		json_object_set_new(j, "actor", json_string(a->actor));
		json_object_set_new(j, "title", json_string(a->title));
		json_object_set_new(j, "description",
		    json_string(a->description));
		json_object_set_new(j, "pillars", json_string(v[PLF_PILLARS]));
		json_object_set_new(j, "objectives",
		    json_string(v[PLF_OBJECTIVES]));
		json_object_set_new(j, "start", a->start ?
		    json_string(a->start) : json_null());
		json_object_set_new(j, "due", a->due ? json_string(a->due) :
		    json_null());
		json_object_set_new(j, "status", json_string(v[PLF_STATUS]));
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
		plan_text_release(&t);
	}
}

static int
do_list(struct store *st, const struct plopts *o, int export)
{
	struct lister	 l;
	struct arena	 a = { NULL };
	struct plan_action *v;
	size_t		 n;
	FILE		*fp;
	int		 ret = EXIT_STORE;

	memset(&l, 0, sizeof(l));
	l.o = o;
	l.kind = l.pillar = l.objective = l.status = NR;
	if (today_iso(l.today) == -1)
		return EXIT_USAGE;
	if (o->f[PLF_ACTOR_KIND] && (l.kind = code_find(CL_ACTOR_KIND,
	    o->f[PLF_ACTOR_KIND])) == -1)
		return usage_error("plan", "unknown actor kind '%s'",
		    o->f[PLF_ACTOR_KIND]);
	if (o->pillar && (l.pillar = code_find(CL_PILLAR, o->pillar)) == -1)
		return usage_error("plan", "unknown pillar '%s'", o->pillar);
	if (o->objective) {
		if (strlen(o->objective) != 1 || *o->objective < 'a' ||
		    *o->objective > 'f')
			return usage_error("plan", "objectives are a to f");
		l.objective = *o->objective - 'a';
	}
	if (o->f[PLF_STATUS] && (l.status = code_find(CL_ACTION_STATUS,
	    o->f[PLF_STATUS])) == -1)
		return usage_error("plan", "unknown status '%s'",
		    o->f[PLF_STATUS]);
	l.fmt = !export ? 0 : o->format == NULL || strcmp(o->format, "csv") ==
	    0 ? 1 : strcmp(o->format, "json") == 0 ? 2 : -1;
	if (l.fmt == -1)
		return usage_error("plan", "export writes csv or json");
	buf_init(&l.b, 0);
	if (l.fmt == 1) {
		buf_adds(&l.b, "id");
		for (int i = 0; i < PLF__MAX; i++)
			buf_addf(&l.b, ",%s", plan_field_names[i]);
		buf_addc(&l.b, '\n');
	}
	l.arr = json_array();
	if ((fp = out_open(o->out)) == NULL)
		goto out;
	if ((l.fmt == 2 && st->ops->plan_item_list(st, &a, &l.items,
	    &l.nitems) == -1) || st->ops->plan_action_list(st, &a, &v, &n) ==
	    -1) {
		out_close(fp, o->out);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		list_action(&l, &v[i]);
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
	arena_release(&a);
	buf_release(&l.b);
	return ret;
}

/* --- import: CSV, or JSON one object per line -------------------------- */

struct pimport {
	struct store	*st;
	struct errlist	*el;
	const char	*source;
	int		 col[PLF__MAX];
	unsigned long	 rows;
};

static int
import_row(const struct csv_record *r, void *arg)
{
	struct pimport		*im = arg;
	struct plan_action	 a;
	const char		*f[PLF__MAX];
	int			 col[PLF__MAX];

	if (r->line == 1) {
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
				errlist_add(im->el, r->line, i + 1, r->field[i],
				    "not a column of plan actions");
		}
		return im->el->count ? -1 : 0;
	}
	im->rows++;
	for (int k = 0; k < PLF__MAX; k++) {
		f[k] = im->col[k] >= 0 ? r->field[im->col[k]] : NULL;
		col[k] = im->col[k] + 1;
	}
	memset(&a, 0, sizeof(a));
	a.source = im->source;
	if (plan_action_read(f, &a, im->el, r->line, col) == -1 || im->el->count)
		return 0;
	return im->st->ops->plan_action_put(im->st, &a);
}

/* A JSON action with its notes, indicators and evidence. */
static int
import_json(struct pimport *im, const char *text, size_t len,
    unsigned long line)
{
	static const int	 col[PLF__MAX];
	struct plan_action	 a;
	json_error_t		 jerr;
	json_t			*o, *v;
	const char		*f[PLF__MAX];
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
	for (int k = 0; k < PLF__MAX; k++) {
		v = json_object_get(o, plan_field_names[k]);
		f[k] = json_is_string(v) ? json_string_value(v) : NULL;
		if (k == PLF_HORIZON && json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(v));
			f[k] = num;
		}
	}
	memset(&a, 0, sizeof(a));
	a.source = im->source;
	if (plan_action_read(f, &a, im->el, line, col) == -1 || im->el->count)
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
		struct arena	 a = { NULL };
		struct plan_objective *ob;
		size_t		 n;

		printf("objectives:\n");
		if (st->ops->plan_objective_list(st, &a, &ob, &n) == 0) {
			for (size_t i = 0; i < n; i++)
				printf("(%s)  %s\n", ob[i].code, ob[i].summary);
			printf("pillars:\n");
			for (int k = 0; k < PILLAR__MAX; k++)
				printf("  %-12s  %s\n", code_name(CL_PILLAR, k),
				    code_lists[CL_PILLAR].codes[k].label);
			ret = out_close(stdout, NULL);
		}
		arena_release(&a);
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
		struct plan_action	 a, *acts;
		struct plan_text	 t;
		struct errlist		 el;
		struct arena		 ar = { NULL };
		static const int	 col[PLF__MAX];
		const char		*f[PLF__MAX], *was[PLF__MAX];
		size_t			 n, k = 0;

		memset(&a, 0, sizeof(a));
		memset(&t, 0, sizeof(t));
		errlist_init(&el, what);
		memcpy(f, o.f, sizeof(f));
		if (id) {
			if (st->ops->plan_action_list(st, &ar, &acts, &n) == -1)
				goto done;
			while (k < n && acts[k].id != id)
				k++;
			if (k == n) {
				error("no action %lld", id);
				ret = EXIT_REJECTED;
				goto done;
			}
			/* what is not given stays as it was */
			plan_action_fields(&acts[k], was, &t);
			for (int i = 0; i < PLF__MAX; i++)
				if (f[i] == NULL)
					f[i] = was[i];
		}
		a.source = o.source ? o.source : operator_name();
		if (plan_action_read(f, &a, &el, 0, col) == -1) {
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
		plan_text_release(&t);
		arena_release(&ar);
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
