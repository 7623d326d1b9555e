/*
 * errlist.c: the problems found in one input file.  Intake reports every
 * problem, not only the first, so that a focal point can fix a file in one
 * round; the listing is capped so that a file of garbage stays readable.
 */
#include <stdarg.h>

#include "palermo.h"

void
errlist_init(struct errlist *el, const char *file)
{
	el->file = file;
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
	if (line)
		buf_addf(&el->text, ":%lu", line);
	if (line && col)
		buf_addf(&el->text, ":%lu", col);
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
