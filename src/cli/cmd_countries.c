/*
 * cmd_countries.c: "palermo countries": look up a country by any code or
 * name palermo accepts, or list those whose names match, with their UN
 * M49 grouping.
 */
#include <string.h>

#include "cli/cli.h"

struct countries_opts {
	int	 csv;
};

static void
print_country(const struct country *c, int csv, struct buf *b)
{
	const char *f[] = { c->alpha2, c->alpha3, NULL, c->name,
	    c->region_name, c->subregion_name, c->intermediate_name };
	char	 num[4];

	snprintf(num, sizeof(num), "%03d", c->numeric);
	f[2] = num;
	buf_reset(b);
	if (csv) {
		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			if (i)
				buf_addc(b, ',');
			csv_put(b, f[i], strlen(f[i]));
		}
	} else
		buf_addf(b, "%s  %s  %s  %-40s  %s / %s%s%s", f[0], f[1], f[2],
		    f[3], *f[4] ? f[4] : "-", *f[5] ? f[5] : "-",
		    *f[6] ? " / " : "", f[6]);
	puts(b->s);
}

static int
countries_run(struct cli *cl, void *opts, int argc, char **argv)
{
	const struct countries_opts *o = opts;
	const struct country	*one;
	struct buf		 b = BUF_INIT;
	const char		*q = argc ? argv[0] : NULL;
	int			 n = 0;

	(void)cl;	/* --db is accepted; the countries are compiled in */
	if (argc > 1)
		return usage_error("countries", "give at most one QUERY");
	if (o->csv)
		puts("alpha2,alpha3,numeric,name,region,subregion,"
		    "intermediate");
	if (q != NULL) {
		switch (country_resolve(q, &one)) {
		case COUNTRY_FOUND:
			print_country(one, o->csv, &b);
			buf_release(&b);
			return out_close(stdout, NULL, 1);
		case COUNTRY_UNKNOWN:
			error("'%s' means \"unknown\" in the data formats, not "
			    "a country", q);
			return EXIT_REJECTED;
		case COUNTRY_INVALID:
			break;
		}
	}
	for (int i = 0; i < country_count(); i++)
		if (q == NULL || country_matches(country_at(i), q)) {
			print_country(country_at(i), o->csv, &b);
			n++;
		}
	buf_release(&b);
	if (n == 0) {
		error("no country matches '%s'", q);
		return EXIT_REJECTED;
	}
	return out_close(stdout, NULL, 1);
}

static const struct opt countries_opts[] = {
	OPT_FLAG("csv", struct countries_opts, csv),
	OPT_END,
};

const struct command cmd_countries = {
	"countries", "look up countries and their M49 regions",
	"palermo countries [QUERY] [--csv] [--db PATH]\n\n"
	"Lists the countries whose code or name matches QUERY (all when "
	"absent),\n"
	"with their UN M49 region, sub-region and intermediate region.\n\n"
	"  --csv             write CSV instead of aligned text\n"
	"  --db PATH         accepted as on every command; the countries are "
	"compiled in\n",
	countries_opts, sizeof(struct countries_opts), 0, countries_run,
};
