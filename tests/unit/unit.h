/*
 * unit.h: what every unit test file includes: cmocka and the public
 * headers of palermo's library.  Each tests/unit/test_NAME.c becomes
 * build/test_NAME, linked with scratch.c, and is run by tests/run.
 */
#ifndef PALERMO_UNIT_H
#define PALERMO_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "intake/intake.h"
#include "report/report.h"
#include "sample/sample.h"

/* scratch.c: a directory of its own for each test that writes files. */
struct scratch {
	char	 dir[256];
};

/* cmocka setup and teardown: *state is a struct scratch whose directory
 * is new and empty; the teardown removes it and restores $TMPDIR. */
int	 scratch_setup(void **state);
int	 scratch_teardown(void **state);
#define SCRATCH_TEST(f) \
	cmocka_unit_test_setup_teardown(f, scratch_setup, scratch_teardown)
/* Remove a directory and everything under it. */
void	 remove_tree(const char *path);
/* Every name in a folder but . and .. (dot files too: a temporary file
 * left behind is one), sorted, one per line; the caller frees it. */
char	*dir_names(const char *path);
#endif
