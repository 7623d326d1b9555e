/*
 * scratch.c: a fresh directory for each unit test that writes files, made
 * before it runs and removed with all in it after.  A test may point
 * $TMPDIR into its directory; the teardown puts $TMPDIR back as the first
 * setup found it.
 */
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <unistd.h>

static int	 saved;		/* tmpdir holds $TMPDIR as first found */
static char	*tmpdir;

int
scratch_setup(void **state)
{
	struct scratch	*sc = xcalloc(1, sizeof(*sc));

	if (!saved) {
		const char *t = getenv("TMPDIR");

		tmpdir = t != NULL && *t != '\0' ? xstrdup(t) : NULL;
		saved = 1;
	}
	snprintf(sc->dir, sizeof(sc->dir), "%s/palermo-unit-XXXXXX",
	    tmpdir != NULL ? tmpdir : "/tmp");
	if (mkdtemp(sc->dir) == NULL) {
		free(sc);
		return -1;
	}
	*state = sc;
	return 0;
}

char *
dir_names(const char *path)
{
	struct dirent	**v = NULL;
	struct buf	 b = BUF_INIT;
	int		 n = scandir(path, &v, NULL, alphasort);

	for (int i = 0; i < n; i++) {
		if (strcmp(v[i]->d_name, ".") != 0 &&
		    strcmp(v[i]->d_name, "..") != 0)
			buf_addf(&b, "%s\n", v[i]->d_name);
		free(v[i]);
	}
	free(v);
	return buf_detach(&b);
}

void
remove_tree(const char *path)
{
	DIR		*d;
	struct dirent	*e;
	struct buf	 b = BUF_INIT;

	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			buf_reset(&b);
			buf_addf(&b, "%s/%s", path, e->d_name);
			if (unlink(b.s) == -1 && (errno == EISDIR ||
			    errno == EPERM))
				remove_tree(b.s);
		}
		closedir(d);
	}
	rmdir(path);
	buf_release(&b);
}

int
scratch_teardown(void **state)
{
	struct scratch	*sc = *state;

	remove_tree(sc->dir);
	free(sc);
	if (tmpdir != NULL)
		setenv("TMPDIR", tmpdir, 1);
	else
		unsetenv("TMPDIR");
	return 0;
}
