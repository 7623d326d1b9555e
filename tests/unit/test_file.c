/*
 * test_file.c: lib/file.c, the one writer of files.  A file is put whole
 * and atomically, replacing what was there and leaving no temporary file;
 * a symbolic link where a file goes is replaced, never written through;
 * a link where a folder is opened is refused ("out/" and "out/." too); a
 * device, a pipe, /dev/fd/N and a link to a FIFO are written in place and
 * "-" is the standard output; a stream that the caller abandons leaves
 * the old file as it was, and one that cannot be written fails.
 */
#include "unit.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/* The file at path, which must hold exactly want. */
static void
holds(const char *path, const char *want)
{
	struct buf	 b = BUF_INIT;

	assert_int_equal(file_get(path, &b), 0);
	assert_string_equal(b.s, want);
	buf_release(&b);
}

static void
make_file(const char *path, const char *text)
{
	FILE	*fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* A file is made, then replaced whole; nothing else is left. */
static void
test_put(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 p = BUF_INIT;
	struct stat	 st;
	char		*list;

	buf_addf(&p, "%s/a.txt", sc->dir);
	assert_int_equal(file_put(p.s, "first\n", 6), 0);
	holds(p.s, "first\n");
	assert_int_equal(file_put(p.s, "second, longer\n", 15), 0);
	holds(p.s, "second, longer\n");
	assert_int_equal(file_put(p.s, "", 0), 0);
	assert_int_equal(stat(p.s, &st), 0);
	assert_int_equal(st.st_size, 0);
	list = dir_names(sc->dir);
	assert_string_equal(list, "a.txt\n");
	free(list);
	buf_release(&p);
}

/* Where nothing can go: no parent, a folder in the way, no name. */
static void
test_put_fails(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 p = BUF_INIT;
	char		*list;

	buf_addf(&p, "%s/none/a.txt", sc->dir);
	assert_int_equal(file_put(p.s, "x", 1), -1);
	buf_reset(&p);
	buf_addf(&p, "%s/sub", sc->dir);
	assert_int_equal(mkdir(p.s, 0777), 0);
	assert_int_equal(file_put(p.s, "x", 1), -1);
	buf_adds(&p, "/");
	assert_int_equal(file_put(p.s, "x", 1), -1);
	list = dir_names(sc->dir);
	assert_string_equal(list, "sub\n");
	free(list);
	list = dir_names(p.s);
	assert_string_equal(list, "");
	free(list);
	buf_release(&p);
}

/*
 * A symbolic link where the file goes is replaced by the file; what it
 * pointed at is left as it was.  A dangling link is replaced too.
 */
static void
test_put_link(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 target = BUF_INIT, link = BUF_INIT;
	struct stat	 st;

	buf_addf(&target, "%s/target", sc->dir);
	buf_addf(&link, "%s/link", sc->dir);
	make_file(target.s, "precious\n");
	assert_int_equal(symlink(target.s, link.s), 0);
	assert_int_equal(file_put(link.s, "report\n", 7), 0);
	holds(target.s, "precious\n");
	assert_int_equal(lstat(link.s, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	holds(link.s, "report\n");

	assert_int_equal(unlink(link.s), 0);
	assert_int_equal(symlink("nowhere", link.s), 0);
	assert_int_equal(file_put(link.s, "report\n", 7), 0);
	assert_int_equal(lstat(link.s, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	buf_reset(&target);
	buf_addf(&target, "%s/nowhere", sc->dir);
	assert_int_equal(lstat(target.s, &st), -1);
	buf_release(&target);
	buf_release(&link);
}

/* A device is written to in place; "-" is the standard output. */
static void
test_put_special(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 out = BUF_INIT;
	struct stat	 st;
	int		 saved, fd;

	assert_int_equal(file_put("/dev/null", "x", 1), 0);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));

	buf_addf(&out, "%s/stdout", sc->dir);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true(saved != -1);
	fd = open(out.s, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd != -1);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	assert_int_equal(file_put("-", "to stdout\n", 10), 0);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	holds(out.s, "to stdout\n");
	buf_release(&out);
}

/*
 * /dev/fd/N is the descriptor N, written in place and left open; a link
 * to what is not a file (here a FIFO) is written through and kept, as
 * there is no file to put in its place.
 */
static void
test_put_descriptors(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 p = BUF_INIT, fifo = BUF_INIT;
	struct stat	 st;
	char		 got[32];
	int		 fds[2], rd;

	assert_int_equal(pipe(fds), 0);
	buf_addf(&p, "/dev/fd/%d", fds[1]);
	assert_int_equal(file_put(p.s, "piped\n", 6), 0);
	assert_int_equal(fcntl(fds[1], F_GETFD), 0);	/* still open */
	close(fds[1]);
	assert_int_equal(read(fds[0], got, sizeof(got)), 6);
	assert_memory_equal(got, "piped\n", 6);
	close(fds[0]);

	buf_addf(&fifo, "%s/fifo", sc->dir);
	assert_int_equal(mkfifo(fifo.s, 0600), 0);
	rd = open(fifo.s, O_RDWR);	/* a reader, so that writing never waits */
	assert_true(rd != -1);
	buf_reset(&p);
	buf_addf(&p, "%s/to-fifo", sc->dir);
	assert_int_equal(symlink(fifo.s, p.s), 0);
	assert_int_equal(file_put(p.s, "through\n", 8), 0);
	assert_int_equal(read(rd, got, sizeof(got)), 8);
	assert_memory_equal(got, "through\n", 8);
	assert_int_equal(lstat(p.s, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	close(rd);
	buf_release(&p);
	buf_release(&fifo);
}

/*
 * Folders: made when asked, refused when they are links, and the files
 * put in them land there, not through a link inside.
 */
static void
test_dirs(void **state)
{
	struct scratch	*sc = *state;
	struct buf	 p = BUF_INIT, q = BUF_INIT;
	char		*list;
	int		 fd, sub;

	buf_addf(&p, "%s/out", sc->dir);
	assert_int_equal(dir_open(p.s, 0), -1);
	assert_true((fd = dir_open(p.s, 1)) != -1);
	buf_addf(&q, "%s/tables", p.s);
	assert_true((sub = dir_openat(fd, "tables", q.s)) != -1);
	buf_reset(&q);
	buf_addf(&q, "%s/tables/t.csv", p.s);
	assert_int_equal(file_putat(sub, "t.csv", "a,b\n", 4, q.s), 0);
	holds(q.s, "a,b\n");
	close(sub);

	/* a link in place of a folder is not opened */
	buf_reset(&q);
	buf_addf(&q, "%s/elsewhere", sc->dir);
	assert_int_equal(mkdir(q.s, 0777), 0);
	assert_int_equal(symlinkat(q.s, fd, "linked"), 0);
	assert_int_equal(dir_openat(fd, "linked", "out/linked"), -1);
	buf_reset(&p);
	buf_addf(&p, "%s/out/linked", sc->dir);
	assert_int_equal(dir_open(p.s, 1), -1);
	assert_int_equal(dir_open(p.s, 0), -1);
	list = dir_names(q.s);
	assert_string_equal(list, "");
	free(list);
	close(fd);
	assert_int_equal(dir_open("", 1), -1);

	/* "linked/" and "linked/." are the link, not what it points at */
	buf_reset(&p);
	buf_addf(&p, "%s/out/linked/", sc->dir);
	assert_int_equal(dir_open(p.s, 1), -1);
	buf_adds(&p, "./");
	assert_int_equal(dir_open(p.s, 1), -1);
	buf_reset(&p);
	buf_addf(&p, "%s/out/linked/..", sc->dir);
	assert_int_equal(dir_open(p.s, 1), -1);
	list = dir_names(q.s);
	assert_string_equal(list, "");
	free(list);
	/* a real folder named so is opened */
	buf_reset(&p);
	buf_addf(&p, "%s/out/tables/./", sc->dir);
	assert_true((fd = dir_open(p.s, 0)) != -1);
	close(fd);
	buf_release(&p);
	buf_release(&q);
}

/*
 * A stream: the old file stays whole until the stream is closed with ok,
 * and stays as it was when the caller gives up.
 */
static void
test_stream(void **state)
{
	struct scratch	*sc = *state;
	struct file_out	 o;
	struct buf	 p = BUF_INIT, target = BUF_INIT;
	struct stat	 st;
	FILE		*fp;
	char		*list;

	buf_addf(&p, "%s/export.csv", sc->dir);
	make_file(p.s, "old\n");
	fp = file_out_open(&o, p.s);
	assert_non_null(fp);
	for (int i = 0; i < 10000; i++)
		fprintf(fp, "line %d\n", i);
	holds(p.s, "old\n");
	assert_int_equal(file_out_close(&o, 0), -1);
	holds(p.s, "old\n");
	list = dir_names(sc->dir);
	assert_string_equal(list, "export.csv\n");
	free(list);

	fp = file_out_open(&o, p.s);
	assert_non_null(fp);
	fputs("new\n", fp);
	assert_int_equal(file_out_close(&o, 1), 0);
	holds(p.s, "new\n");
	list = dir_names(sc->dir);
	assert_string_equal(list, "export.csv\n");
	free(list);

	/* through a link: the link is replaced */
	buf_addf(&target, "%s/target", sc->dir);
	make_file(target.s, "precious\n");
	assert_int_equal(unlink(p.s), 0);
	assert_int_equal(symlink(target.s, p.s), 0);
	fp = file_out_open(&o, p.s);
	assert_non_null(fp);
	fputs("new\n", fp);
	assert_int_equal(file_out_close(&o, 1), 0);
	holds(target.s, "precious\n");
	assert_int_equal(lstat(p.s, &st), 0);
	assert_true(S_ISREG(st.st_mode));

	/* nowhere to go */
	buf_reset(&p);
	buf_addf(&p, "%s/none/x", sc->dir);
	assert_null(file_out_open(&o, p.s));
	assert_non_null(o.tmp.s);	/* a buffer is never NULL */

	/* a stream that cannot be written fails when closed */
	if (access("/dev/full", W_OK) == 0) {
		fp = file_out_open(&o, "/dev/full");
		assert_non_null(fp);
		for (int i = 0; i < 10000; i++)
			fprintf(fp, "line %d\n", i);
		assert_int_equal(file_out_close(&o, 1), -1);
	}

	/* the standard output is not closed */
	assert_true(file_out_open(&o, "-") == stdout);
	assert_int_equal(file_out_close(&o, 1), 0);
	assert_true(file_out_open(&o, NULL) == stdout);
	assert_int_equal(file_out_close(&o, 1), 0);
	assert_int_equal(fflush(stdout), 0);
	buf_release(&p);
	buf_release(&target);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		SCRATCH_TEST(test_put),
		SCRATCH_TEST(test_put_fails),
		SCRATCH_TEST(test_put_link),
		SCRATCH_TEST(test_put_special),
		SCRATCH_TEST(test_put_descriptors),
		SCRATCH_TEST(test_dirs),
		SCRATCH_TEST(test_stream),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
