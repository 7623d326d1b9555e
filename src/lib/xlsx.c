/*
 * xlsx.c: a streaming reader of .xlsx worksheets over libzip and expat.
 *
 * An .xlsx file is a zip archive of XML parts.  The reader finds the sheet
 * through xl/workbook.xml and its relationships, loads the shared strings
 * into one buffer, and streams the worksheet part through expat a chunk at
 * a time, handing each <row> on as a struct csv_record, as csv.c does for
 * a CSV line.  Memory does not grow with the sheet.
 *
 * This file opens the archive, reads the workbook and the shared strings,
 * and holds the small helpers the reader's files share; xlsx_sheet.c turns
 * sheet XML into rows, and xlsx_par.c reads the sheet's part, on several
 * threads when it is large.  What they share is declared in xlsx_int.h.
 */
#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "lib/lib.h"
#include "lib/xlsx_int.h"

#define SST_MAX		(512 * 1024 * 1024)	/* all shared strings */
#define SHEETS_MAX	65536

/* The name of the sheet read last; el->sheet points here. */
static char sheet_name[XLSX_SHEET_NAME_MAX];

/* ---------------------------------------------------------------------- */
/* Small helpers. */

/* The local names of the elements of enum tag. */
static const char *const tag_names[TAG__MAX] = {
	[TAG_SHEETDATA] = "sheetData",
	[TAG_ROW] = "row",
	[TAG_C] = "c",
	[TAG_V] = "v",
	[TAG_IS] = "is",
	[TAG_SI] = "si",
	[TAG_T] = "t",
	[TAG_RPH] = "rPh",
	[TAG_SST] = "sst",
	[TAG_SHEET] = "sheet",
	[TAG_RELATIONSHIP] = "Relationship",
};

/*
 * The one-letter names among them, for the cells' many elements.  A name
 * with a prefix ("x:row") is looked up by its local part.
 */
static const unsigned char tag_letters[128] = {
	['c'] = TAG_C,
	['v'] = TAG_V,
	['t'] = TAG_T,
};

enum tag
tag_find(const char *name)
{
	const char	*colon;
	unsigned char	 c = (unsigned char)name[0];

	if (c != '\0' && name[1] == '\0')
		return c < 128 ? tag_letters[c] : TAG_OTHER;
	for (int i = 1; i < TAG__MAX; i++)
		if (c == (unsigned char)tag_names[i][0] &&
		    strcmp(name, tag_names[i]) == 0)
			return i;
	if ((colon = strchr(name, ':')) != NULL)
		return tag_find(colon + 1);
	return TAG_OTHER;
}

/* The value of an unprefixed attribute, or NULL. */
const char *
attr_find(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(atts[0], name) == 0)
			return atts[1];
	return NULL;
}

/* How many bytes of s, at most max, end at a character boundary. */
int
utf8_clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

/*
 * Append s with the escapes of OOXML strings undone: "_x000D_" is a
 * carriage return and "_x005F_" an underscore.  An escape that would give
 * a NUL or half of a surrogate pair stays as written, so that the text
 * remains valid UTF-8.
 */
static int
hex4(const char *s)
{
	int	 v = 0;

	for (int i = 0; i < 4; i++) {
		int	 c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + c - '0';
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + c - 'a' + 10;
		else
			return -1;
	}
	return v;
}

/* The code of an escape "_xHHHH_" at s (n bytes left), or -1. */
static int
xescape(const char *s, size_t n)
{
	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	return hex4(s + 2);
}

static void
utf8_put(struct buf *b, unsigned long u)
{
	char	 t[4];
	size_t	 n;

	if (u < 0x80) {
		t[0] = (char)u;
		n = 1;
	} else if (u < 0x800) {
		t[0] = (char)(0xc0 | u >> 6);
		t[1] = (char)(0x80 | (u & 0x3f));
		n = 2;
	} else if (u < 0x10000) {
		t[0] = (char)(0xe0 | u >> 12);
		t[1] = (char)(0x80 | (u >> 6 & 0x3f));
		t[2] = (char)(0x80 | (u & 0x3f));
		n = 3;
	} else {
		t[0] = (char)(0xf0 | u >> 18);
		t[1] = (char)(0x80 | (u >> 12 & 0x3f));
		t[2] = (char)(0x80 | (u >> 6 & 0x3f));
		t[3] = (char)(0x80 | (u & 0x3f));
		n = 4;
	}
	buf_add(b, t, n);
}

void
xstr_add(struct buf *b, const char *s, size_t n)
{
	const char	*e = s + n, *q;
	int		 u, lo;

	while (s < e) {
		if ((q = memchr(s, '_', (size_t)(e - s))) == NULL) {
			buf_add(b, s, (size_t)(e - s));
			return;
		}
		buf_add(b, s, (size_t)(q - s));
		s = q;
		u = xescape(s, (size_t)(e - s));
		if (u >= 0xd800 && u <= 0xdbff &&
		    (lo = xescape(s + 7, (size_t)(e - s - 7))) >= 0xdc00 &&
		    lo <= 0xdfff) {
			utf8_put(b, 0x10000 + ((unsigned long)(u - 0xd800) << 10) +
			    (unsigned long)(lo - 0xdc00));
			s += 14;
		} else if (u > 0 && (u < 0xd800 || u > 0xdfff)) {
			utf8_put(b, (unsigned long)u);
			s += 7;
		} else {
			buf_addc(b, '_');
			s++;
		}
	}
}

/* A whole decimal number in [lo, hi] with optional spaces around; 0/-1. */
int
parse_index(const char *s, size_t n, size_t lo, size_t hi, size_t *out)
{
	const char	*e = s + n;
	size_t		 v = 0;
	int		 any = 0;

	while (s < e && *s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	for (; s < e; s++, any = 1) {
		if (*s < '0' || *s > '9' || v > hi)
			return -1;
		v = v * 10 + (size_t)(*s - '0');
	}
	if (!any || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Reading the parts. */

void
zip_fail(struct xlsx *x, const char *part, const char *what)
{
	errlist_add(x->el, 0, 0, NULL, "%s: corrupt or truncated zip entry: %s",
	    part, what);
}

static void
xml_fail(struct xlsx *x, XML_Parser p, const char *part)
{
	unsigned long	 line = XML_GetCurrentLineNumber(p);
	unsigned long	 col = XML_GetCurrentColumnNumber(p);

	/* P0 did not see what the workers read: count it back in */
	if (x->jumped && part == x->part) {
		if (line > x->jump.line)
			line = line - x->jump.line + x->resume.line;
		else {
			col = col >= x->jump.col ? col - x->jump.col +
			    x->resume.col : col;
			line = x->resume.line;
		}
	}
	errlist_add(x->el, 0, 0, NULL, "%s:%lu:%lu: malformed XML: %s", part,
	    line, col + 1, XML_ErrorString(XML_GetErrorCode(p)));
}

/* After XML_Parse failed: report it unless a handler stopped on purpose. */
int
parse_fail(struct xlsx *x, XML_Parser p, const char *part)
{
	if (XML_GetErrorCode(p) != XML_ERROR_ABORTED)
		xml_fail(x, p, part);
	return -1;
}

zip_file_t *
part_open(struct xlsx *x, const char *part)
{
	zip_int64_t	 idx;
	zip_file_t	*f;

	if ((idx = zl.zip_name_locate(x->zip, part, ZIP_FL_NOCASE)) < 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no part %s",
		    part);
		return NULL;
	}
	if ((f = zl.zip_fopen_index(x->zip, (zip_uint64_t)idx, 0)) == NULL)
		zip_fail(x, part, zl.zip_strerror(x->zip));
	return f;
}

/* Parse a whole part with p; 0, or -1 after reporting. */
static int
part_parse(struct xlsx *x, const char *part, XML_Parser p)
{
	zip_file_t	*f;
	zip_int64_t	 n;
	void		*b;
	int		 rc = -1;

	if ((f = part_open(x, part)) == NULL)
		return -1;
	do {
		if ((b = XML_GetBuffer(p, CHUNK)) == NULL)
			die("out of memory");
		if ((n = zl.zip_fread(f, b, CHUNK)) < 0) {
			zip_fail(x, part, zl.zip_file_strerror(f));
			goto out;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			parse_fail(x, p, part);
			goto out;
		}
	} while (n > 0);
	rc = 0;
out:
	zl.zip_fclose(f);
	return rc;
}

/* The workbook: the sheets' names and relationship ids. */
struct wbp {
	struct xlsx	*x;
	XML_Parser	 p;
	int		 failed;
};

static void XMLCALL
workbook_start(void *u, const char *name, const char **atts)
{
	struct wbp	*w = u;
	struct xlsx	*x = w->x;
	const char	*sname = NULL, *rid = NULL, *colon;

	if (w->failed || tag_find(name) != TAG_SHEET)
		return;
	/* r:id, whatever the prefix of the relationships' namespace */
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(atts[0], "name") == 0)
			sname = atts[1];
		else if ((colon = strchr(atts[0], ':')) != NULL &&
		    strcmp(colon + 1, "id") == 0)
			rid = atts[1];
	if (sname == NULL || rid == NULL) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: a sheet in "
		    "xl/workbook.xml without %s", sname ? "r:id" : "a name");
		goto fail;
	}
	if (strlen(sname) > TEXT_MAX || strlen(rid) > TEXT_MAX ||
	    x->nsheets == SHEETS_MAX) {
		errlist_add(x->el, 0, 0, NULL, "xl/workbook.xml: too many "
		    "sheets, or names too long");
		goto fail;
	}
	x->names = xreallocarray(x->names, x->nsheets + 1, sizeof(*x->names));
	x->rids = xreallocarray(x->rids, x->nsheets + 1, sizeof(*x->rids));
	x->names[x->nsheets] = xstrdup(sname);
	x->rids[x->nsheets] = xstrdup(rid);
	x->nsheets++;
	return;
fail:
	w->failed = 1;
	XML_StopParser(w->p, XML_FALSE);
}

/*
 * Resolve a relationship's target against xl/, the folder of the
 * workbook: "worksheets/sheet1.xml" is xl/worksheets/sheet1.xml and
 * "/xl/x.xml" is xl/x.xml; "." and ".." segments are followed.
 */
static char *
part_resolve(const char *target)
{
	struct buf	 b;
	const char	*p, *e;

	buf_init(&b, 0);
	if (target[0] == '/')
		target++;
	else
		buf_adds(&b, "xl/");
	for (p = target; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		if (e - p == 1 && p[0] == '.')
			continue;
		if (e - p == 2 && p[0] == '.' && p[1] == '.') {
			char	*slash;

			if (b.len > 0)
				b.s[--b.len] = '\0';
			slash = strrchr(b.s, '/');
			b.len = slash ? (size_t)(slash - b.s) + 1 : 0;
			b.s[b.len] = '\0';
			continue;
		}
		buf_add(&b, p, (size_t)(e - p));
		if (*e == '/')
			buf_addc(&b, '/');
	}
	return buf_detach(&b);
}

/* Whether a relationship type names this kind: ".../worksheet". */
static int
rel_is(const char *type, const char *kind)
{
	size_t	 n = strlen(type), k = strlen(kind);

	return n > k && type[n - k - 1] == '/' &&
	    strcmp(type + n - k, kind) == 0;
}

static void XMLCALL
rels_start(void *u, const char *name, const char **atts)
{
	struct wbp	*w = u;
	struct xlsx	*x = w->x;
	const char	*id, *type, *target, *mode;

	if (tag_find(name) != TAG_RELATIONSHIP)
		return;
	id = attr_find(atts, "Id");
	type = attr_find(atts, "Type");
	target = attr_find(atts, "Target");
	mode = attr_find(atts, "TargetMode");
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "Internal") != 0))
		return;
	if (x->part == NULL && strcmp(id, x->rid) == 0) {
		x->part = part_resolve(target);
		x->is_worksheet = rel_is(type, "worksheet");
	}
	if (x->sstpart == NULL && rel_is(type, "sharedStrings"))
		x->sstpart = part_resolve(target);
}

/* Find the sheet's part, and the shared strings' part, if any. */
static int
workbook_read(struct xlsx *x, const char *sheet)
{
	struct wbp	 w;
	struct buf	 list;
	size_t		 i, n;
	int		 rc = -1;

	memset(&w, 0, sizeof(w));
	buf_init(&list, 0);
	w.x = x;
	if (zl.zip_name_locate(x->zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no workbook");
		goto out;
	}
	if ((w.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(w.p, &w);
	XML_SetStartElementHandler(w.p, workbook_start);
	if (part_parse(x, "xl/workbook.xml", w.p) == -1)
		goto out;
	if (x->nsheets == 0) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: the "
		    "workbook has no sheets");
		goto out;
	}
	for (i = 0; sheet != NULL && i < x->nsheets; i++)
		if (strcmp(x->names[i], sheet) == 0)
			break;
	/* Excel takes sheet names without regard to case */
	if (sheet != NULL && i == x->nsheets)
		for (i = 0; i < x->nsheets; i++)
			if (str_eqi(x->names[i], sheet))
				break;
	if (sheet == NULL)
		i = 0;
	if (i == x->nsheets) {
		for (size_t j = 0; j < x->nsheets && j < 20; j++)
			buf_addf(&list, "%s'%s'", j ? ", " : "", x->names[j]);
		if (x->nsheets > 20)
			buf_addf(&list, " and %zu more", x->nsheets - 20);
		errlist_add(x->el, 0, 0, NULL, "no sheet named '%s'; the "
		    "workbook has %s", sheet, list.s);
		goto out;
	}
	x->rid = x->rids[i];
	n = (size_t)utf8_clip(x->names[i], strlen(x->names[i]),
	    sizeof(sheet_name) - 1);
	memcpy(sheet_name, x->names[i], n);
	sheet_name[n] = '\0';

	XML_ParserFree(w.p);
	if ((w.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(w.p, &w);
	XML_SetStartElementHandler(w.p, rels_start);
	if (part_parse(x, "xl/_rels/workbook.xml.rels", w.p) == -1)
		goto out;
	if (x->part == NULL) {
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: no part for "
		    "sheet '%s' (relationship %s)", sheet_name, x->rid);
		goto out;
	}
	if (!x->is_worksheet) {
		errlist_add(x->el, 0, 0, NULL, "sheet '%s' is not a worksheet "
		    "(a chart or a dialog)", sheet_name);
		goto out;
	}
	rc = 0;
out:
	if (w.p != NULL)
		XML_ParserFree(w.p);
	buf_release(&list);
	return rc;
}

/* The shared strings, into x->sst. */
struct sstp {
	struct xlsx	*x;
	XML_Parser	 p;
	int		 in_si, in_rph, capture;
	struct buf	 cur;
};

static void XMLCALL
sst_start(void *u, const char *name, const char **atts)
{
	struct sstp	*s = u;
	struct xlsx	*x = s->x;
	const char	*count;
	size_t		 n;

	switch (tag_find(name)) {
	case TAG_SST:
		count = attr_find(atts, "uniqueCount");
		/* room for them all at once, within reason */
		if (count != NULL &&
		    parse_index(count, strlen(count), 0, 1 << 20, &n) == 0 &&
		    n + 2 > x->sstalloc) {
			x->sstalloc = n + 2;
			x->sstoff = xreallocarray(x->sstoff, x->sstalloc,
			    sizeof(*x->sstoff));
		}
		break;
	case TAG_SI:
		s->in_si = 1;
		s->in_rph = 0;
		buf_reset(&s->cur);
		break;
	case TAG_T:
		if (s->in_si && !s->in_rph)
			s->capture = 1;
		break;
	case TAG_RPH:
		if (s->in_si)
			s->in_rph = 1;
		break;
	default:
		break;
	}
}

static void XMLCALL
sst_end(void *u, const char *name)
{
	struct sstp	*s = u;
	struct xlsx	*x = s->x;

	switch (tag_find(name)) {
	case TAG_SI:
		if (!s->in_si)
			break;
		s->in_si = 0;
		if (s->cur.overflow) {
			errlist_add(x->el, 0, 0, NULL, "%s: shared string %zu "
			    "longer than %d bytes", x->sstpart, x->nsst,
			    TEXT_MAX);
			XML_StopParser(s->p, XML_FALSE);
			break;
		}
		if (x->nsst + 2 > x->sstalloc) {
			x->sstalloc = x->sstalloc ? x->sstalloc * 2 : 1024;
			x->sstoff = xreallocarray(x->sstoff, x->sstalloc,
			    sizeof(*x->sstoff));
		}
		xstr_add(&x->sst, s->cur.s, s->cur.len);
		buf_addc(&x->sst, '\0');
		if (x->sst.overflow) {
			errlist_add(x->el, 0, 0, NULL, "%s: shared strings "
			    "larger than %d bytes", x->sstpart, SST_MAX);
			XML_StopParser(s->p, XML_FALSE);
			break;
		}
		x->sstoff[++x->nsst] = x->sst.len;
		break;
	case TAG_T:
		s->capture = 0;
		break;
	case TAG_RPH:
		s->in_rph = 0;
		break;
	default:
		break;
	}
}

static void XMLCALL
sst_text(void *u, const char *str, int len)
{
	struct sstp	*s = u;

	if (s->capture)
		buf_add(&s->cur, str, (size_t)len);
}

static int
sst_read(struct xlsx *x)
{
	struct sstp	 s;
	int		 rc = -1;

	if (x->sstpart == NULL)
		x->sstpart = xstrdup("xl/sharedStrings.xml");
	if (zl.zip_name_locate(x->zip, x->sstpart, ZIP_FL_NOCASE) < 0)
		return 0;
	memset(&s, 0, sizeof(s));
	s.x = x;
	buf_init(&s.cur, TEXT_MAX);
	if ((s.p = XML_ParserCreate(NULL)) == NULL)
		die("out of memory");
	XML_SetUserData(s.p, &s);
	XML_SetElementHandler(s.p, sst_start, sst_end);
	XML_SetCharacterDataHandler(s.p, sst_text);
	x->sstalloc = 2;
	x->sstoff = xreallocarray(NULL, x->sstalloc, sizeof(*x->sstoff));
	x->sstoff[0] = 0;
	rc = part_parse(x, x->sstpart, s.p);
	XML_ParserFree(s.p);
	buf_release(&s.cur);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Opening the archive, and xlsx_read. */

struct zip_fns zl;
static const char *const zip_names[] = { ZIP_FUNCS(DYNLIB_NAME, zl) };
static void *const zip_addrs[] = { ZIP_FUNCS(DYNLIB_ADDR, zl) };
static struct dynlib zip_lib = { SO_ZIP, zip_names, zip_addrs,
    sizeof(zip_names) / sizeof(zip_names[0]), 0 };

/* Open the archive, telling a truncated zip from a file of another kind. */
static int
zip_start(struct xlsx *x)
{
	zip_error_t	 ze;
	FILE		*fp;
	char		 magic[4];
	int		 err, pk;

	if (dynlib_load(&zip_lib) == -1) {
		errlist_add(x->el, 0, 0, NULL, "xlsx cannot be read without "
		    "libzip");
		return -1;
	}
	if ((fp = fopen(x->path, "rb")) == NULL) {
		errlist_add(x->el, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	pk = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
	fclose(fp);
	if ((x->zip = zl.zip_open(x->path, ZIP_RDONLY, &err)) != NULL)
		return 0;
	zl.zip_error_init_with_code(&ze, err);
	if (err == ZIP_ER_NOZIP && !pk)
		errlist_add(x->el, 0, 0, NULL, "not an xlsx file: not a zip "
		    "archive");
	else if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS)
		errlist_add(x->el, 0, 0, NULL, "truncated or corrupt zip "
		    "archive: %s", zl.zip_error_strerror(&ze));
	else
		errlist_add(x->el, 0, 0, NULL, "cannot open: %s",
		    zl.zip_error_strerror(&ze));
	zl.zip_error_fini(&ze);
	return -1;
}

int
xlsx_read(const char *path, const char *sheet, csv_record_fn fn, void *arg,
    struct errlist *el, void (*progress)(uint64_t, void *))
{
	struct xlsx	 x;
	unsigned long	 count0 = el->count;
	long		 ncpu;
	int		 rc = -1;

	memset(&x, 0, sizeof(x));
	x.path = path;
	x.el = el;
	x.fn = fn;
	x.arg = arg;
	x.progress = progress;
	buf_init(&x.sst, SST_MAX);
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	x.nth = ncpu < 2 ? 0 : ncpu > WORKERS_MAX ? WORKERS_MAX : (int)ncpu;
	el->sheet = NULL;
	sheet_name[0] = '\0';
	if (zip_start(&x) == -1)
		goto out;
	if (workbook_read(&x, sheet) == -1)
		goto out;
	el->sheet = sheet_name;
	if (sst_read(&x) == -1)
		goto out;
	if (sheet_read(&x) == -1)
		goto out;
	rc = el->count > count0 ? -1 : 0;
out:
	if (x.zip != NULL)
		zl.zip_discard(x.zip);
	for (size_t i = 0; i < x.nsheets; i++) {
		free(x.names[i]);
		free(x.rids[i]);
	}
	free(x.names);
	free(x.rids);
	free(x.part);
	free(x.sstpart);
	buf_release(&x.sst);
	free(x.sstoff);
	free(x.field);
	free(x.flen);
	return rc;
}
