/*
 * cli.c: palermo's command line.  Commands are dispatched from one table,
 * git style: "palermo <command> [options]".  Messages go to stderr, data to
 * stdout; the exit status says how it went (see enum exit_status).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define DB_OPTS \
	"  --db PATH         the database (default: $PALERMO_DB, else " \
	"./palermo.db)\n"

const struct command commands[] = {
	{ "init", cmd_init, "create the database, or bring it up to date",
	    "palermo init [--db PATH]\n\n"
	    "Creates the database when it is missing and applies every schema\n"
	    "migration it lacks, in one transaction; loads the reference data\n"
	    "(countries, M49 regions, codes).\n\n" DB_OPTS },
	{ "import", cmd_import, "import a file of records",
	    "palermo import cases|stats|population FILE --source NAME "
	    "[--format F]\n"
	    "                [--replace] [--db PATH]\n\n"
	    "Reads FILE (- for standard input), validates every value and\n"
	    "stores the whole file as one submission, or nothing.  Problems are\n"
	    "listed as file:line:column: field: message (at most 50); in an\n"
	    "xlsx file as file: sheet!L2043.\n\n"
	    "  cases             de-identified victim case records\n"
	    "  stats             official national statistics: the UNODC data\n"
	    "                    portal's export (CSV or xlsx), palermo's CSV "
	    "or JSON\n"
	    "  population        CSV: iso3, year, sex, age_group, population\n"
	    "  --source NAME     the organisation that submits the file "
	    "(required)\n"
	    "  --format F        cases: palermo, json, ctdc-kanon, "
	    "ctdc-synthetic,\n"
	    "                    htcds; stats: unodc, palermo, json; detected "
	    "when absent\n"
	    "  --replace         replace an earlier submission of the same file\n"
	    "                    (same SHA-256, else same file name) from this "
	    "source\n" DB_OPTS },
	{ "export", cmd_export, "write the stored records out",
	    "palermo export cases|stats [--format F] [--out FILE] [--db PATH]\n\n"
	    "Writes every stored case, or every official statistic, in a format\n"
	    "palermo reads.\n\n"
	    "  --format F        cases: palermo (default), json, ctdc-kanon,\n"
	    "                    ctdc-synthetic or htcds; stats: palermo "
	    "(default),\n"
	    "                    unodc (the portal's 13 columns) or json\n"
	    "  --out FILE        write to FILE instead of standard output\n"
	    DB_OPTS },
	{ "sample", cmd_sample, "write generated sample data",
	    "palermo sample cases [--count N] [--seed S] [--format F] "
	    "[--out FILE]\n"
	    "                     [--db PATH]\n"
	    "palermo sample coordination [--seed S] [--db PATH]\n"
	    "palermo sample fund [--count N] [--seed S] [--db PATH]\n\n"
	    "Writes N generated, realistic but not real, victim cases; the same\n"
	    "seed gives the same file.  coordination fills the database with\n"
	    "generated instrument actions, plan actions, ICAT co-chairs and\n"
	    "meetings, mechanisms, practices and World Day themes, each\n"
	    "labelled as a sample.  fund writes a history of the Trust Fund\n"
	    "from 2010 to last year, about N journal entries (default 1000),\n"
	    "through the same checks as what people record.\n\n"
	    "  --count N         how many cases (default 1000)\n"
	    "  --seed S          the seed, a whole number (default 1)\n"
	    "  --format F        any import format (default palermo)\n"
	    "  --out FILE        write to FILE instead of standard output\n"
	    "  --db PATH         cases: accepted as on every command, unused;\n"
	    "                    coordination: the database to fill\n" },
	{ "stats", cmd_stats, "count cases by any fields",
	    "palermo stats --by FIELD[,FIELD...] [--where FIELD=VALUE]...\n"
	    "              [--format text|csv|json] [filters] [--out FILE] "
	    "[--db PATH]\n"
	    "palermo stats --all [--format csv|json] [filters] [--out FILE] "
	    "[--db PATH]\n"
	    "palermo stats --fields\n\n"
	    "Counts the stored cases by every combination of up to four fields\n"
	    "(not recorded is a value of its own), with the percentage of all\n"
	    "cases counted.  --all writes every figure of the Global Report.\n\n"
	    "  --by FIELDS       the fields to count by, comma-separated\n"
	    "  --where F=V       count only cases whose field F has value V "
	    "(repeatable)\n"
	    "  --fields          list the fields and their values\n"
	    "  --all             every figure of the Global Report\n"
	    "  --format F        text (default), csv or json\n"
	    "  --out FILE        write to FILE instead of standard output\n"
	    "  filters: --from YEAR --to YEAR --country C --region R "
	    "--source NAME\n" DB_OPTS },
	{ "report", cmd_report, "write a report",
	    "palermo report global --out DIR [--from YEAR] [--to YEAR]\n"
	    "              [--country C] [--region R] [--source NAME]... "
	    "[--db PATH]\n"
	    "palermo report country ISO3 --out DIR [--db PATH]\n"
	    "palermo report appraisal --year YEAR --out DIR [--db PATH]\n"
	    "palermo report sg --year YEAR --out DIR [--db PATH]\n"
	    "palermo report fund --year YEAR --out DIR [--db PATH]\n\n"
	    "Writes the Global Report on patterns, forms and flows (from case\n"
	    "records and, in sections of their own, official statistics), or a\n"
	    "country profile from official statistics (every indicator over\n"
	    "time, flows in and out, SDG 16.2.2, data gaps), to DIR:\n"
	    "index.html (one self-contained page, for screen and print),\n"
	    "tables/*.csv and tables.xlsx (every figure) and figures.json (the\n"
	    "figures with what they came from).  Sums of counts published as\n"
	    "<5 are ranges, such as 212-224.  The filters apply to case "
	    "records.\n"
	    "The appraisal of the Global Plan of Action (2017 and every four\n"
	    "years after) gives the achievements, gaps and challenges of the\n"
	    "period since the previous one.  The Secretary-General's report\n"
	    "on a year: ratification and criminalisation, the plan's\n"
	    "implementation, the Trust Fund, the latest figures, ICAT, and the\n"
	    "World Day.  The Trust Fund's report on a year: contributions by\n"
	    "donor and kind, grant cycles and grants by country and window,\n"
	    "and financial performance, in US dollars.\n\n"
	    "  --out DIR         where to write (created when missing)\n"
	    "  --from, --to      the years of registration to include\n"
	    "  --country C       cases exploited in, or citizens of, country C\n"
	    "  --region R        the same for a UN M49 region, sub-region or\n"
	    "                    intermediate region (name or code)\n"
	    "  --source NAME     only this source's submissions (repeatable)\n"
	    DB_OPTS },
	{ "check", cmd_check, "list inconsistencies in official statistics",
	    "palermo check stats [--country C] [--year Y] [--db PATH]\n\n"
	    "Lists every inconsistency in the stored statistics: parts that add\n"
	    "up to more than their total, sex or age splits that disagree with\n"
	    "the total, parts without a total, a total of <5 with larger parts,\n"
	    "a total given twice, and sudden tenfold breaks in a series.  Exits\n"
	    "1 when it found any.\n\n"
	    "  --country C       only this reporting country\n"
	    "  --year Y          only this year\n" DB_OPTS },
	{ "map", cmd_map, "add readings of free-text origins",
	    "palermo map origins FILE [--db PATH]\n\n"
	    "Adds the readings in FILE (CSV: text,kind,code) to those palermo\n"
	    "ships, for imports of statistics from now on.  kind is country\n"
	    "(code: ISO 3166-1), region (code: UN M49), nationals, abroad,\n"
	    "foreign, unknown or other.  All or nothing.\n\n" DB_OPTS },
	{ "instruments", cmd_instruments, "legal instruments and who is party",
	    "palermo instruments [list]\n"
	    "palermo instruments status [--instrument X] [--as-of DATE] "
	    "[--csv]\n"
	    "palermo instruments gaps [--instrument X] [--as-of DATE] [--csv]\n"
	    "palermo instruments import FILE --source NAME\n"
	    "palermo instruments set COUNTRY INSTRUMENT ACTION DATE "
	    "[--source NAME]\n"
	    "palermo instruments unset COUNTRY INSTRUMENT ACTION\n"
	    "palermo instruments add CODE NAME [--unts VOLUME:NUMBER]\n\n"
	    "The instruments resolution 68/192 names (untoc, tip-protocol,\n"
	    "crc-opsc, slavery-1956) and any added, and the actions of states\n"
	    "on them: signature, ratification, accession, acceptance, approval,\n"
	    "succession.  status counts parties (from a ratification or its\n"
	    "like), signatories that are not parties, and neither, on a date\n"
	    "(default today), or lists every country for one instrument; gaps\n"
	    "lists the states not yet party, by instrument and region.  import\n"
	    "reads CSV (country,instrument,action,date), all or nothing.\n\n"
	    DB_OPTS },
	{ "criminalisation", cmd_criminalisation, "how laws criminalise each "
	    "form",
	    "palermo criminalisation [--country C] [--db PATH]\n"
	    "palermo criminalisation set COUNTRY FORM full|partial|none\n"
	    "                        [--law TEXT] [--date YYYY-MM-DD] "
	    "[--db PATH]\n\n"
	    "How each state's law criminalises each form of trafficking (FORM:\n"
	    "sexual, labour, other, marriage, military, organ_removal, slavery,\n"
	    "criminality, begging): set records it; without it, palermo counts\n"
	    "the states by form and status, or lists one country's.\n\n"
	    DB_OPTS },
	{ "fund", cmd_fund, "the Trust Fund for victims: its ledger",
	    "palermo fund donor NAME --kind K [--country C]\n"
	    "palermo fund pledge --donor NAME --amount A [--currency C] "
	    "[--rate R]\n"
	    "             --date D [--from D] [--to D] [--memo T]\n"
	    "palermo fund contribute --donor NAME --amount A [--currency C] "
	    "[--rate R]\n"
	    "             --date D [--pledge N] [--memo T]\n"
	    "palermo fund grant --cycle N --window W --grantee ORG --country C\n"
	    "             --amount A --start D --end D --date D [--memo T]\n"
	    "palermo fund disburse|refund GRANT --amount A --date D [--memo T]\n"
	    "palermo fund support --amount A --date D [--memo T]\n"
	    "palermo fund reverse ENTRY --date D --memo REASON\n"
	    "palermo fund victims GRANT N --date D\n"
	    "palermo fund import FILE\n"
	    "palermo fund balance [--as-of D]\n"
	    "palermo fund donors [--year Y]\n"
	    "palermo fund grants [--cycle N] [--country C]\n"
	    "palermo fund pledges [--outstanding]\n"
	    "palermo fund journal [--from D] [--to D]\n\n"
	    "The UN Voluntary Trust Fund for Victims of Trafficking as a\n"
	    "double-entry ledger in the currencies' minor units.  Each record\n"
	    "is one balanced entry; an entry is never changed, only reversed\n"
	    "by another that names it.  Refused, with nothing written: paying\n"
	    "out more cash than there is or more than a grant has left, a grant\n"
	    "without a country, a date in the future, an unknown currency, an\n"
	    "amount with more decimals than its currency has.  K is state,\n"
	    "intergovernmental, private_sector, individual or campaign; W is\n"
	    "emergency (up to a year) or medium_term (up to two years).  Other\n"
	    "currencies than US dollars need --rate, dollars per unit on the\n"
	    "day.  Grants and what is paid under them are in US dollars.\n"
	    "import reads CSV whose columns are these options' names and op\n"
	    "(the action), all or nothing; a row's ref names what it makes for\n"
	    "the rows below.  Recording prints the number of what it made.\n\n"
	    DB_OPTS },
	{ "plan", cmd_plan, "the Global Plan of Action and its actions",
	    "palermo plan objectives\n"
	    "palermo plan objective a|b|c|d|e|f TEXT\n"
	    "palermo plan [list] [--actor-kind K] [--actor A] [--pillar P]\n"
	    "             [--objective O] [--status S] [--overdue]\n"
	    "palermo plan add --actor-kind K --actor A --title T --pillars P[;P]\n"
	    "             [--objectives a;c] [--description T] [--start D] "
	    "[--due D]\n"
	    "             [--status S] [--horizon YEAR] [--source NAME]\n"
	    "palermo plan edit ID [the options of add]\n"
	    "palermo plan note ID DATE TEXT\n"
	    "palermo plan indicator ID NAME [--target N] [--actual N]\n"
	    "palermo plan evidence ID LINK\n"
	    "palermo plan export [--format csv|json] [--out FILE]\n"
	    "palermo plan import FILE --source NAME\n\n"
	    "The UN Global Plan of Action: its objectives (a) to (f) and four\n"
	    "pillars (prevention, protection, prosecution, partnership), and\n"
	    "the actions of states, UN entities, other organisations, civil\n"
	    "society and the private sector (K: state, un_entity, "
	    "organisation,\n"
	    "civil_society, private_sector; for a state A is a country), with\n"
	    "status (planned, under_way, done, dropped), dated progress notes,\n"
	    "indicators and evidence.  --overdue: due before today and neither\n"
	    "done nor dropped.  import reads the CSV of export, or its JSON\n"
	    "(one object per line, with notes, indicators and evidence), all\n"
	    "or nothing.  --horizon marks an action of ICAT's roadmap.\n\n"
	    DB_OPTS },
	{ "icat", cmd_icat, "ICAT: members, co-chairs, meetings, roadmap",
	    "palermo icat [members] [--db PATH]\n"
	    "palermo icat member NAME\n"
	    "palermo icat cochairs\n"
	    "palermo icat cochair YEAR MEMBER\n"
	    "palermo icat meetings [--year YEAR]\n"
	    "palermo icat meeting DATE TITLE [--place PLACE]\n"
	    "palermo icat attend MEETING --member M | --organisation O | "
	    "--state C\n"
	    "palermo icat roadmap [--horizon YEAR]\n\n"
	    "The Inter-Agency Coordination Group against Trafficking in\n"
	    "Persons: its members (UNODC as coordinator, and the entities the\n"
	    "resolution names; member adds one), co-chairs by year, meetings\n"
	    "(meeting prints the new id) with the members, invited\n"
	    "organisations and states that attended, and the roadmap: the\n"
	    "plan's actions with a horizon year, and for each year how many\n"
	    "are done of those not dropped.\n\n" DB_OPTS },
	{ "mechanisms", cmd_mechanisms, "national coordination mechanisms",
	    "palermo mechanisms [list] [--country C] [--db PATH]\n"
	    "palermo mechanisms add --country C --name NAME --kind KIND\n"
	    "                   [--mandate TEXT] [--office TEXT] [--db PATH]\n"
	    "palermo mechanisms meeting DATE [--place P] [--topics T]\n"
	    "palermo mechanisms join MEETING MECHANISM\n"
	    "palermo mechanisms meetings\n\n"
	    "The register of national coordination mechanisms and rapporteurs:\n"
	    "offices, never private persons.  KIND is coordination, rapporteur\n"
	    "or equivalent.  meeting records a meeting of mechanisms (and\n"
	    "prints its id), join who took part, meetings lists them.\n\n"
	    DB_OPTS },
	{ "practices", cmd_practices, "practices the mechanisms share",
	    "palermo practices search QUERY [--country C] [--pillar P] "
	    "[--tag T]\n"
	    "                  [--limit N] [--db PATH]\n"
	    "palermo practices [list] [--country C] [--pillar P] [--tag T]\n"
	    "palermo practices add --country C --pillar P --title T --summary S\n"
	    "                  --date YYYY-MM-DD [--text T] [--tags a,b] "
	    "[--source NAME]\n"
	    "palermo practices import FILE --source NAME\n\n"
	    "search finds practices in full text (title, summary, text, tags),\n"
	    "best match first (at most 20, or --limit), with the matching\n"
	    "passage marked [like this]; every word must match, \"a phrase\"\n"
	    "in quotes as a whole.  P is prevention, protection, prosecution or\n"
	    "partnership.  import reads CSV (country, pillar, title, tags,\n"
	    "summary, text, date), all or nothing.\n\n" DB_OPTS },
	{ "worldday", cmd_worldday, "the World Day against Trafficking, 30 July",
	    "palermo worldday [YEAR] [--db PATH]\n"
	    "palermo worldday theme YEAR THEME [--db PATH]\n"
	    "palermo worldday event YEAR TITLE --organiser NAME [--country C]\n"
	    "                 [--date YYYY-MM-DD] [--db PATH]\n\n"
	    "Says what is recorded for the World Day of YEAR (default this\n"
	    "year), observed from 2014 on, and before 30 July how many days\n"
	    "remain; records a year's theme or an event.\n\n"
	    "  --organiser NAME  who organises the event (required)\n"
	    "  --country C       where it takes place\n"
	    "  --date D          its date, in YEAR\n" DB_OPTS },
	{ "countries", cmd_countries, "look up countries and their M49 regions",
	    "palermo countries [QUERY] [--csv] [--db PATH]\n\n"
	    "Lists the countries whose code or name matches QUERY (all when "
	    "absent),\n"
	    "with their UN M49 region, sub-region and intermediate region.\n\n"
	    "  --csv             write CSV instead of aligned text\n"
	    "  --db PATH         accepted as on every command; the countries are "
	    "compiled in\n" },
	{ "submissions", cmd_submissions, "list or remove submissions",
	    "palermo submissions [--db PATH]\n"
	    "palermo submissions rm ID [--db PATH]\n\n"
	    "Lists every submission with its provenance, or removes one with all\n"
	    "of its records.\n\n" DB_OPTS },
	{ "help", cmd_help, "show the commands, or explain one",
	    "palermo help [COMMAND]\n" },
	{ "version", cmd_version, "print palermo's version",
	    "palermo version\n" },
	{ NULL, NULL, NULL, NULL },
};

const struct command *
command_lookup(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

const char *
db_path(const char *option)
{
	const char	*s;

	if (option != NULL)
		return option;
	if ((s = getenv("PALERMO_DB")) != NULL && *s)
		return s;
	return "./palermo.db";
}

int
usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = command_lookup(cmd);
	va_list	 ap;

	fprintf(stderr, "%s %s: ", progname, cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c != NULL)
		fprintf(stderr, "usage: %.*s\n", (int)strcspn(c->usage, "\n"),
		    c->usage);
	return EXIT_USAGE;
}

int
option_error(const char *cmd, int ch, char **argv)
{
	if (ch == ':')
		return usage_error(cmd, "option '%s' needs a value",
		    argv[optind - 1]);
	return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int
db_option_parse(const char *cmd, int argc, char **argv, const char **db)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	int	 ch;

	*db = NULL;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch != 'd') {
			option_error(cmd, ch, argv);
			return -1;
		}
		*db = optarg;
	}
	*db = db_path(*db);
	return optind;
}

int
usage_show(const char *cmd)
{
	const struct command *c = command_lookup(cmd);

	if (c == NULL)
		return EXIT_USAGE;
	printf("usage: %s", c->usage);
	return EXIT_DONE;
}

/* The one file a command writes with --out, put in place when closed. */
static struct file_out	 out_file;

FILE *
out_open(const char *path)
{
	if (path == NULL || strcmp(path, "-") == 0)
		return stdout;
	return file_out_open(&out_file, path);
}

int
out_close(FILE *fp, const char *path)
{
	int	 bad;

	if (fp != stdout)
		return file_out_close(&out_file, 1) == 0 ? EXIT_DONE :
		    EXIT_STORE;
	bad = fflush(fp) != 0 || ferror(fp);
	if (bad) {
		error("%s: write error: %s", path ? path : "standard output",
		    strerror(errno));
		return EXIT_STORE;
	}
	return EXIT_DONE;
}

int
cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc > 2)
		return usage_error("help", "too many arguments");
	if (argc == 2) {
		if ((c = command_lookup(argv[1])) == NULL)
			return usage_error("help", "no command '%s'", argv[1]);
		return usage_show(c->name);
	}
	printf("usage: palermo <command> [options]\n\n"
	    "palermo keeps and checks data on trafficking in persons.\n\n"
	    "Commands:\n");
	for (c = commands; c->name; c++)
		printf("  %-12s  %s\n", c->name, c->summary);
	printf("\n'palermo help COMMAND' or 'palermo COMMAND --help' explains "
	    "one;\n'man palermo' has the whole manual.\n");
	return EXIT_DONE;
}

int
cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return usage_error("version", "too many arguments");
	printf("palermo %s\n", PALERMO_VERSION);
	return EXIT_DONE;
}

int
register_import(struct store *st, const char *path, csv_record_fn fn,
    int (*json_line)(void *, const char *, size_t, unsigned long), void *arg,
    struct errlist *el, const unsigned long *rows, const char *noun)
{
	FILE	*fp;
	int	 rc = 0, ret = EXIT_STORE, c;

	errlist_init(el, path);
	if ((fp = fopen(path, "rb")) == NULL) {
		error("%s: %s", path, strerror(errno));
		errlist_release(el);
		return EXIT_REJECTED;
	}
	if (st->ops->begin(st) == -1)
		goto out;
	c = getc(fp);
	if (c != EOF)
		ungetc(c, fp);
	if (json_line != NULL && c == '{') {
		char		*line = NULL;
		size_t		 cap = 0;
		ssize_t		 n;
		unsigned long	 no = 0;

		while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
			no++;
			if (strspn(line, " \t\r\n") != (size_t)n)
				rc = json_line(arg, line, (size_t)n, no);
		}
		free(line);
	} else
		rc = csv_read(fp, path, fn, arg, el, NULL);
	if (el->count == 0 && *rows == 0)
		errlist_add(el, 0, 0, NULL, "no %s in the file", noun);
	if (el->count) {
		errlist_print(el, stderr);
		fprintf(stderr, "%s: %s: rejected; nothing was recorded\n",
		    progname, path);
		st->ops->rollback(st);
		ret = EXIT_REJECTED;
		goto out;
	}
	if (rc == -1 || st->ops->commit(st) == -1) {
		st->ops->rollback(st);
		goto out;
	}
	fprintf(stderr, "%s: recorded %lu %s from %s\n", progname, *rows,
	    noun, path);
	ret = EXIT_DONE;
out:
	errlist_release(el);
	fclose(fp);
	return ret;
}
