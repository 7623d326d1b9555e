/*
 * store.c: which backend holds the data.  A database is named by where:
 * a URI whose scheme a backend serves goes to that backend; anything else
 * is a path, and a path is an SQLite database, the embedded default.
 * Adding a backend is a line in the table below and its own folder.
 */
#include <string.h>

#include "store/store.h"

extern const struct store_ops store_sqlite_ops;

static const struct {
	const char		*scheme;	/* "name://" it serves */
	const struct store_ops	*ops;
} backends[] = {
	{ NULL, &store_sqlite_ops },		/* a path: the default */
};

int
store_open(struct store **out, const char *where, enum store_open_mode mode)
{
	const struct store_ops *ops = backends[0].ops;

	for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		size_t	 n = backends[i].scheme ? strlen(backends[i].scheme) :
			    0;

		if (n && strncmp(where, backends[i].scheme, n) == 0 &&
		    strncmp(where + n, "://", 3) == 0)
			ops = backends[i].ops;
	}
	return ops->open(out, where, mode);
}
