/*
 * dynlib.c: libraries that only some commands need, loaded when first
 * used.  libxlsxwriter (writing xlsx), libzip (reading it) and libcrypto
 * (SHA-256 of imported files) pull in OpenSSL's libcrypto, whose loading
 * alone costs each palermo process more than a full-text search of
 * 100,000 practices.  Commands that need none of them (most of them)
 * no longer pay for it.
 *
 * Each library is described by a table of the functions palermo calls
 * (see xlsx_int.h, report/workbook.c, intake/hash.c): their names, and a
 * struct of pointers of the functions' own types that dynlib_load fills
 * in.  The names of the libraries' files are found by the Makefile, from
 * the libraries installed at build time.
 */
#include <dlfcn.h>
#include <string.h>

#include "lib/lib.h"

int
dynlib_load(struct dynlib *l)
{
	void	*h, *sym;

	if (l->loaded)
		return 0;
	if ((h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return error("cannot load %s, which this command needs: %s "
		    "(scripts/install-deps installs it)", l->soname,
		    dlerror());
	for (size_t i = 0; i < l->count; i++) {
		if ((sym = dlsym(h, l->names[i])) == NULL) {
			dlclose(h);
			return error("%s has no %s: not the version palermo "
			    "was built with", l->soname, l->names[i]);
		}
		/* POSIX: a function's address fits in a data pointer */
		memcpy(l->fns[i], &sym, sizeof(sym));
	}
	l->loaded = 1;
	return 0;
}
