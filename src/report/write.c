/*
 * write.c: a report's outputs, into one folder: index.html (the page),
 * tables/ (a CSV file per table), tables.xlsx (a workbook) and
 * figures.json.  Each file is put whole or not at all, and nothing is
 * written through a symbolic link (lib/file.c): a link planted in the
 * folder is replaced, a linked tables/ folder is refused before anything
 * is written.
 */
#include <string.h>
#include <unistd.h>

#include "report/report.h"

/* A table id is a file stem, [a-z0-9_]+, so it names no other path. */
static int
id_valid(const char *id)
{
	if (id == NULL || *id == '\0')
		return 0;
	return strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789_") ==
	    strlen(id);
}

/* Put what b holds at name in the folder fd, which is dir. */
static int
put(int fd, const char *dir, const char *name, const struct buf *b)
{
	struct buf	 path = BUF_INIT;
	int		 rc;

	buf_addf(&path, "%s/%s", dir, name);
	rc = file_putat(fd, strrchr(path.s, '/') + 1, b->s, b->len, path.s);
	buf_release(&path);
	return rc;
}

int
report_write(const struct report *r, const char *dir)
{
	struct buf	 b = BUF_INIT, path = BUF_INIT, tables = BUF_INIT;
	int		 fd, tfd = -1, ret = -1;

	/* every name and total first, so that a bad one writes nothing */
	if (report_check(r) == -1)
		return -1;
	for (int i = 0; i < r->ntables; i++)
		if (!id_valid(r->tables[i]->id))
			return error("table %d: id \"%s\" is not a file name",
			    i + 1, r->tables[i]->id != NULL ?
			    r->tables[i]->id : "");
	if ((fd = dir_open(dir, 1)) == -1)
		return -1;
	buf_addf(&tables, "%s/tables", dir);
	if ((tfd = dir_openat(fd, "tables", tables.s)) == -1)
		goto out;
	report_html(r, &b);
	if (put(fd, dir, "index.html", &b) == -1)
		goto out;
	for (int i = 0; i < r->ntables; i++) {
		buf_reset(&b);
		report_csv(r->tables[i], &b);
		buf_reset(&path);
		buf_addf(&path, "%s.csv", r->tables[i]->id);
		if (put(tfd, tables.s, path.s, &b) == -1)
			goto out;
	}
	buf_reset(&b);
	buf_reset(&path);
	buf_addf(&path, "%s/tables.xlsx", dir);
	if (report_xlsx(r, path.s, &b) == -1 ||
	    put(fd, dir, "tables.xlsx", &b) == -1)
		goto out;
	buf_reset(&b);
	buf_reset(&path);
	buf_addf(&path, "%s/figures.json", dir);
	if (report_json(r, path.s, &b) == -1 ||
	    put(fd, dir, "figures.json", &b) == -1)
		goto out;
	ret = 0;
out:
	if (tfd != -1)
		close(tfd);
	close(fd);
	buf_release(&b);
	buf_release(&path);
	buf_release(&tables);
	return ret;
}
