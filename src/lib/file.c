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
 * "-" is the standard output, /dev/fd/N (and /dev/stdout, /dev/stderr)
 * the descriptor it names; a device or a pipe (/dev/null, a FIFO), even
 * behind a link, is written in place, since there is no file to replace.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
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

/* Open the folder name inside dir, made first when make is set, never
 * through a link. */
static int
subdir(int dir, const char *name, const char *path, int make)
{
	int	 fd;

	if (make && mkdirat(dir, name, 0777) == -1 && errno != EEXIST)
		return error("%s: %s", path, strerror(errno));
	if ((fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return dir_error(dir, name, path);
	return fd;
}

/*
 * Split path into the folder that holds it (opened as the path says) and
 * its last part.  "out/" and "out/." name out itself, so that the test
 * for a link falls on out and not on what it points at.  *dir is the
 * folder, *name the last part (in b); 0 or -1 (said).
 */
static int
split(const char *path, struct buf *b, int *dir, const char **name)
{
	char	*slash;

	buf_adds(b, path);
	for (;;) {
		if (b->len > 1 && b->s[b->len - 1] == '/')
			b->s[--b->len] = '\0';
		else if (b->len > 2 && strcmp(b->s + b->len - 2, "/.") == 0)
			b->s[b->len -= 2] = '\0';
		else
			break;
	}
	if ((slash = strrchr(b->s, '/')) == NULL) {
		*name = b->s;
		*dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	} else {
		*name = slash[1] != '\0' ? slash + 1 : ".";	/* "/" */
		*slash = '\0';
		*dir = open(slash == b->s ? "/" : b->s, O_RDONLY |
		    O_DIRECTORY | O_CLOEXEC);
		*slash = '/';
	}
	if (*dir == -1)
		return error("%s: %s", path, strerror(errno));
	if (strcmp(*name, "..") == 0) {
		close(*dir);
		*dir = -1;
		return error("%s: name the folder itself, not '..'", path);
	}
	return 0;
}

int
dir_open(const char *path, int make)
{
	struct buf	 b = BUF_INIT;
	const char	*name;
	int		 dir, fd = -1;

	if (*path == '\0')
		return error("no folder given");
	if (split(path, &b, &dir, &name) == 0) {
		fd = subdir(dir, name, path, make);
		close(dir);
	}
	buf_release(&b);
	return fd;
}

int
dir_openat(int dir, const char *name, const char *path)
{
	return subdir(dir, name, path, 1);
}

int
fd_write(int fd, const char *path, const void *p, size_t len)
{
	const char	*data = p;
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

/* Sync fd to disk and close it; 0 or -1 (said). */
static int
sync_close(int fd, const char *path)
{
	if (fsync(fd) == -1) {
		error("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (close(fd) == -1)
		return error("%s: %s", path, strerror(errno));
	return 0;
}

/* Put the new file tmp in place of name; 0 or -1 (said). */
static int
tmp_rename(int dir, const char *tmp, const char *name, const char *path)
{
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
	if (sync_close(fd, path) == 0)
		ret = tmp_rename(dir, tmp.s, name, path);
out:
	if (ret == -1 && tmp.len)
		unlinkat(dir, tmp.s, 0);
	buf_release(&tmp);
	return ret;
}

/* The descriptor a path names, or -1: /dev/stdout and the like, and
 * /dev/fd/N (a shell's >(...)), which are not files to replace. */
static int
fd_named(const char *path)
{
	static const char *const prefixes[] = { "/dev/fd/", "/proc/self/fd/" };
	long long n;

	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0)
		return STDOUT_FILENO;
	if (strcmp(path, "/dev/stderr") == 0)
		return STDERR_FILENO;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(path, prefixes[i], strlen(prefixes[i])) == 0 &&
		    parse_int(path + strlen(prefixes[i]), 0, INT_MAX, &n) == 0)
			return (int)n;
	return -1;
}

/*
 * Where path goes: *dir the folder that holds it and *name its last
 * part (in b), or *dir -1 and *fd a descriptor to write in place: the
 * standard output, a descriptor the path names, or what is not a file
 * (a device, a pipe), even behind a link.  A link to a file, or to
 * nothing, is replaced.  0 or -1 (said).
 */
static int
place(const char *path, struct buf *b, int *dir, const char **name, int *fd)
{
	struct stat	 st;
	int		 n;

	*dir = *fd = -1;
	if ((n = fd_named(path)) != -1) {
		if (n != STDOUT_FILENO && (*fd = dup(n)) == -1)
			return error("%s: %s", path, strerror(errno));
		if (n == STDOUT_FILENO)
			*fd = n;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return error("%s: %s", path, strerror(EISDIR));
		if ((*fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
			return error("%s: %s", path, strerror(errno));
		return 0;
	}
	if (*path == '\0' || path[strlen(path) - 1] == '/')
		return error("%s: %s", *path ? path : "\"\"",
		    strerror(EISDIR));
	return split(path, b, dir, name);
}

int
file_put(const char *path, const void *data, size_t len)
{
	struct buf	 b = BUF_INIT;
	const char	*name;
	int		 dir, fd, ret = -1;

	if (place(path, &b, &dir, &name, &fd) == -1)
		goto out;
	if (fd != -1) {
		ret = fd_write(fd, path, data, len);
		if (fd != STDOUT_FILENO && close(fd) == -1 && ret == 0)
			ret = error("%s: %s", path, strerror(errno));
		goto out;
	}
	ret = file_putat(dir, name, data, len, path);
	close(dir);
out:
	buf_release(&b);
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
	struct buf	 b = BUF_INIT;
	const char	*name;
	int		 fd;

	memset(o, 0, sizeof(*o));
	o->dir = -1;
	o->path = path;
	buf_init(&o->tmp, 0);
	if (path == NULL || place(path, &b, &o->dir, &name, &fd) == 0) {
		if (path == NULL || fd == STDOUT_FILENO)
			o->fp = stdout;
		else if (fd == -1) {
			o->name = xstrdup(name);
			fd = tmp_create(o->dir, name, &o->tmp, path);
		}
		if (o->fp == NULL && fd != -1 &&
		    (o->fp = fdopen(fd, "w")) == NULL) {
			error("%s: %s", path, strerror(errno));
			close(fd);
		}
	}
	buf_release(&b);
	if (o->fp == NULL)
		file_out_close(o, 0);
	return o->fp;
}

int
file_out_close(struct file_out *o, int ok)
{
	const char	*path = o->path ? o->path : "standard output";
	int		 ret = ok ? 0 : -1;

	if (o->fp != NULL) {
		if (fflush(o->fp) != 0 || ferror(o->fp)) {
			if (ret == 0)
				error("%s: write error: %s", path,
				    strerror(errno));
			ret = -1;
		}
		if (o->tmp.len && ret == 0 && fsync(fileno(o->fp)) == -1)
			ret = error("%s: %s", path, strerror(errno));
		if (o->fp != stdout && fclose(o->fp) != 0 && ret == 0)
			ret = error("%s: write error: %s", path,
			    strerror(errno));
		if (o->tmp.len && ret == 0)
			ret = tmp_rename(o->dir, o->tmp.s, o->name, path);
	}
	if (ret == -1 && o->tmp.len)
		unlinkat(o->dir, o->tmp.s, 0);
	if (o->dir != -1)
		close(o->dir);
	buf_release(&o->tmp);
	free(o->name);
	memset(o, 0, sizeof(*o));
	o->dir = -1;
	buf_init(&o->tmp, 0);
	return ret;
}
