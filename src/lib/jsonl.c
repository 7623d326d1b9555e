/*
 * jsonl.c: a file of JSON lines, one object a line, read line by line
 * for whoever parses the objects: case files, statistics and the plan's
 * actions alike.  A byte order mark at the start is dropped, blank lines
 * are skipped; a line over 1 MiB stops the reading, a line that is not
 * UTF-8 is listed and the reading goes on.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "lib/lib.h"

#define LINE_MAX_BYTES	(1024 * 1024)

int
jsonl_read(FILE *fp, jsonl_fn fn, void *arg, struct errlist *el,
    void (*progress)(uint64_t bytes, void *))
{
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	unsigned long	 no = 0;
	uint64_t	 bytes = 0;
	int		 rc = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		no++;
		bytes += (uint64_t)n;
		if (no == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;		/* a byte order mark */
		}
		if (n > LINE_MAX_BYTES) {
			errlist_add(el, no, 0, NULL, "line longer than 1 MiB");
			rc = -1;
			break;
		}
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		if (!utf8_valid(line, (size_t)n)) {
			errlist_add(el, no, 0, NULL, "invalid UTF-8 or a NUL "
			    "byte");
			continue;
		}
		if (fn(line, (size_t)n, no, arg) == -1) {
			rc = -1;
			break;
		}
		if (progress != NULL && (no & 4095) == 0)
			progress(bytes, arg);
	}
	if (ferror(fp)) {
		errlist_add(el, 0, 0, NULL, "read error");
		rc = -1;
	}
	free(line);
	return rc;
}
