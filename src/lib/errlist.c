/*
 * errlist.c: the problems found in one input file.  Intake reports every
 * problem, not only the first, so that a focal point can fix a file in one
 * round; the listing is capped so that a file of garbage stays readable.
 */
#include <stdarg.h>

#include "lib/lib.h"

void
errlist_init(struct errlist *el, const char *file)
{
	el->file = file;
	el->sheet = NULL;
	el->count = 0;
	buf_init(&el->text, 0);
}

void
errlist_release(struct errlist *el)
{
	buf_release(&el->text);
}

void
errlist_add(struct errlist *el, unsigned long line, unsigned long col,
    const char *field, const char *fmt, ...)
{
	va_list	 ap;

	if (el->count++ >= ERRLIST_SHOW)
		return;
	buf_adds(&el->text, el->file);
	if (el->sheet != NULL && line) {
		char		 letters[8];
		int		 n = 0;
		unsigned long	 c = col;

		/* 1 is A, 26 Z, 27 AA: spreadsheet column names */
		while (c > 0 && n < (int)sizeof(letters)) {
			letters[n++] = (char)('A' + (c - 1) % 26);
			c = (c - 1) / 26;
		}
		buf_addf(&el->text, ": %s!", el->sheet);
		while (n > 0)
			buf_addc(&el->text, letters[--n]);
		buf_addf(&el->text, "%lu", line);
	} else {
		if (line)
			buf_addf(&el->text, ":%lu", line);
		if (line && col)
			buf_addf(&el->text, ":%lu", col);
	}
	buf_adds(&el->text, ": ");
	if (field)
		buf_addf(&el->text, "%s: ", field);
	va_start(ap, fmt);
	buf_vaddf(&el->text, fmt, ap);
	va_end(ap);
	buf_addc(&el->text, '\n');
}

void
errlist_print(const struct errlist *el, FILE *fp)
{
	fputs(el->text.s, fp);
	if (el->count > ERRLIST_SHOW)
		fprintf(fp, "%s: ... and %lu more problems\n", el->file,
		    el->count - ERRLIST_SHOW);
}
