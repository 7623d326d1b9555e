/*
 * cmd_countries.c: "palermo countries": look up a country by any code or
 * name palermo accepts, or list them all, with their UN M49 grouping.
 */
#include <ctype.h>
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

/* Case-insensitive substring test, ASCII letters folded. */
static int
contains(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay; hay++) {
		size_t	 i;

		for (i = 0; i < n; i++)
			if (tolower((unsigned char)hay[i]) !=
			    tolower((unsigned char)needle[i]))
				break;
		if (i == n)
			return 1;
	}
	return n == 0;
}

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

int
cmd_countries(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "csv", no_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },	/* unused */
		{ NULL, 0, NULL, 0 },
	};
	const struct country	*one;
	struct buf		 b = BUF_INIT;
	const char		*q = NULL;
	int			 ch, csv = 0, n = 0;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'c':
			csv = 1;
			break;
		case 'd':
			break;	/* the tables are compiled in */
		default:
			return option_error("countries", ch, argv);
		}
	if (argc - optind > 1)
		return usage_error("countries", "give at most one QUERY");
	if (optind < argc)
		q = argv[optind];
	if (csv)
		puts("alpha2,alpha3,numeric,name,region,subregion,"
		    "intermediate");
	if (q != NULL) {
		switch (country_resolve(q, &one)) {
		case COUNTRY_FOUND:
			print_country(one, csv, &b);
			buf_release(&b);
			return out_close(stdout, NULL);
		case COUNTRY_UNKNOWN:
			error("'%s' means \"unknown\" in the data formats, not "
			    "a country", q);
			return EXIT_REJECTED;
		case COUNTRY_INVALID:
			break;
		}
	}
	for (int i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);

		if (q == NULL || contains(c->name, q) ||
		    contains(c->official_name, q) ||
		    contains(c->region_name, q) ||
		    contains(c->subregion_name, q) ||
		    contains(c->intermediate_name, q)) {
			print_country(c, csv, &b);
			n++;
		}
	}
	buf_release(&b);
	if (n == 0) {
		error("no country matches '%s'", q);
		return EXIT_REJECTED;
	}
	return out_close(stdout, NULL);
}
