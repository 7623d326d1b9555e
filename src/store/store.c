/*
 * store.c: which backend holds the data.  A database is named by where;
 * today every where is a path, and a path is an SQLite database, the
 * embedded default.  A second backend adds its scheme here ("name://")
 * and its own folder.
 */
#include "store/store.h"

extern const struct store_ops store_sqlite_ops;

int
store_open(struct store **out, const char *where, enum store_open_mode mode)
{
	return store_sqlite_ops.open(out, where, mode);
}
