/*
 * file.c: the one way palermo writes a file.
 *
 * A file is written whole or not at all: under a new name beside its
 * place (created with O_EXCL, so that nothing there is taken over), synced
 * to disk, then renamed over its place, so that a reader never meets half
 * a file.  Nothing is written through a symbolic link: the new file is
 * made in a folder opened without following links, and renaming it over a
 * link replaces the link, never what it points at.  Folders are opened the
 * same way, so that a link planted where palermo writes a folder of
 * outputs ("tables" pointing at /etc) is refused, not followed.
 *
 * "-" is the standard output; a device or a pipe (/dev/null, a FIFO) is
 * written in place, since there is no file to replace.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"

/* Names of new files are tried with a counter, so that each is new. */
#define TRIES	100

/* Say why path (name in dir) could not be opened as a folder. */
static int
dir_error(int dir, const char *name, const char *path)
{
	struct stat	 st;
	int		 e = errno;

	if (e == ELOOP || (e == ENOTDIR && fstatat(dir, name, &st,
	    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)))
		return error("%s: a symbolic link; palermo writes only into "
		    "real folders, never through a link", path);
	return error("%s: %s", path, strerror(e));
}

int
dir_open(const char *path, int make)
{
	int	 fd;

	if (*path == '\0')
		return error("no folder given");
	if (make && mkdir(path, 0777) == -1 && errno != EEXIST)
		return error("%s: %s", path, strerror(errno));
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return dir_error(AT_FDCWD, path, path);
	return fd;
}

int
dir_openat(int dir, const char *name, const char *path)
{
	int	 fd;

	if (mkdirat(dir, name, 0777) == -1 && errno != EEXIST)
		return error("%s: %s", path, strerror(errno));
	if ((fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return dir_error(dir, name, path);
	return fd;
}

/* Write all of data to fd; 0, or -1 after error() naming path. */
static int
fd_write(int fd, const char *path, const char *data, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			return error("%s: %s", path, strerror(errno));
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Make a new file beside name in dir, named ".name.PID.N"; its name goes
 * into tmp.  Returns the descriptor, or -1 after error() naming path.
 */
static int
tmp_create(int dir, const char *name, struct buf *tmp, const char *path)
{
	int	 fd = -1;

	for (int i = 0; i < TRIES; i++) {
		buf_reset(tmp);
		buf_addf(tmp, ".%s.%ld.%d", name, (long)getpid(), i);
		fd = openat(dir, tmp->s, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd != -1 || errno != EEXIST)
			break;
	}
	if (fd == -1) {
		buf_reset(tmp);
		error("%s: %s", path, strerror(errno));
	}
	return fd;
}

/* Sync and close fd, then rename tmp over name; 0 or -1 (said). */
static int
tmp_finish(int dir, int fd, const char *tmp, const char *name,
    const char *path)
{
	if (fsync(fd) == -1) {
		error("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) == -1)
		return error("%s: %s", path, strerror(errno));
	if (renameat(dir, tmp, dir, name) == -1)
		return error("%s: %s", path, strerror(errno));
	return 0;
}

int
file_putat(int dir, const char *name, const void *data, size_t len,
    const char *path)
{
	struct buf	 tmp = BUF_INIT;
	int		 fd, ret = -1;

	if ((fd = tmp_create(dir, name, &tmp, path)) == -1)
		goto out;
	if (fd_write(fd, path, data, len) == -1) {
		close(fd);
		goto out;
	}
	ret = tmp_finish(dir, fd, tmp.s, name, path);
out:
	if (ret == -1 && tmp.len)
		unlinkat(dir, tmp.s, 0);
	buf_release(&tmp);
	return ret;
}

/*
 * Where path goes: *dir the folder that holds it and *name its last
 * part, or *dir -1 and *fd a descriptor to write in place (the standard
 * output, a device, a pipe).  name points into path or is "."; 0 or -1
 * (said).
 */
static int
place(const char *path, int *dir, const char **name, int *fd)
{
	struct buf	 parent = BUF_INIT;
	struct stat	 st;
	const char	*slash;

	*dir = *fd = -1;
	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) {
		*fd = STDOUT_FILENO;
		return 0;
	}
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISLNK(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return error("%s: %s", path, strerror(EISDIR));
		if ((*fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) ==
		    -1)
			return error("%s: %s", path, strerror(errno));
		return 0;
	}
	if ((slash = strrchr(path, '/')) == NULL) {
		buf_adds(&parent, ".");
		*name = path;
	} else {
		buf_add(&parent, path, slash == path ? 1 :
		    (size_t)(slash - path));
		*name = slash + 1;
	}
	if (**name == '\0') {
		buf_release(&parent);
		return error("%s: %s", path, strerror(EISDIR));
	}
	if ((*dir = open(parent.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		error("%s: %s", path, strerror(errno));
	buf_release(&parent);
	return *dir == -1 ? -1 : 0;
}

int
file_put(const char *path, const void *data, size_t len)
{
	const char	*name;
	int		 dir, fd, ret;

	if (place(path, &dir, &name, &fd) == -1)
		return -1;
	if (fd != -1) {
		ret = fd_write(fd, path, data, len);
		if (fd != STDOUT_FILENO && close(fd) == -1 && ret == 0)
			ret = error("%s: %s", path, strerror(errno));
		return ret;
	}
	ret = file_putat(dir, name, data, len, path);
	close(dir);
	return ret;
}

int
file_get(const char *path, struct buf *b)
{
	char	 chunk[16384];
	ssize_t	 n;
	int	 fd, ret = -1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error("%s: %s", path, strerror(errno));
	for (;;) {
		if ((n = read(fd, chunk, sizeof(chunk))) == -1) {
			if (errno == EINTR)
				continue;
			error("%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		buf_add(b, chunk, (size_t)n);
	}
	ret = 0;
out:
	close(fd);
	return ret;
}

FILE *
file_out_open(struct file_out *o, const char *path)
{
	const char	*name;
	int		 fd;

	memset(o, 0, sizeof(*o));
	o->dir = -1;
	o->path = path;
	buf_init(&o->tmp, 0);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return o->fp;
	}
	if (place(path, &o->dir, &name, &fd) == -1)
		return NULL;
	if (fd == STDOUT_FILENO) {
		o->fp = stdout;
		return o->fp;
	}
	if (fd == -1) {
		o->name = xstrdup(name);
		if ((fd = tmp_create(o->dir, name, &o->tmp, path)) == -1)
			goto fail;
	}
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		error("%s: %s", path, strerror(errno));
		close(fd);
		goto fail;
	}
	return o->fp;
fail:
	file_out_close(o, 0);
	return NULL;
}

int
file_out_close(struct file_out *o, int ok)
{
	const char	*path = o->path ? o->path : "standard output";
	int		 ret = ok ? 0 : -1;

	if (o->fp != NULL) {
		if (fflush(o->fp) != 0 || ferror(o->fp)) {
			if (ok)
				error("%s: write error: %s", path,
				    strerror(errno));
			ret = -1;
		}
		if (o->tmp.len && ret == 0) {
			/* sync, close, and put in place */
			if (tmp_finish(o->dir, dup(fileno(o->fp)), o->tmp.s,
			    o->name, path) == -1)
				ret = -1;
		}
		if (o->fp != stdout && fclose(o->fp) != 0 && ret == 0)
			ret = error("%s: write error: %s", path,
			    strerror(errno));
	}
	if (ret == -1 && o->tmp.len)
		unlinkat(o->dir, o->tmp.s, 0);
	if (o->dir != -1)
		close(o->dir);
	buf_release(&o->tmp);
	free(o->name);
	memset(o, 0, sizeof(*o));
	o->dir = -1;
	return ret;
}
