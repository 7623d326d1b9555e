/*
 * buf.c: the growable string buffer (lib.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"

char buf_empty[1];

void
buf_init(struct buf *b, size_t max)
{
	b->s = buf_empty;
	b->len = b->cap = 0;
	b->max = max;
	b->overflow = 0;
}

void
buf_release(struct buf *b)
{
	if (b->cap)
		free(b->s);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->overflow = 0;
	if (b->cap)
		b->s[0] = '\0';
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

/* Make room for n more bytes and the terminator; 0, or -1 past the cap. */
static int
buf_grow(struct buf *b, size_t n)
{
	size_t	 want, cap;

	if (b->overflow)
		return -1;
	if (n > SIZE_MAX / 2 - b->len)
		die("buffer size overflow");
	want = b->len + n + 1;
	if (b->max && want > b->max + 1) {
		b->overflow = 1;
		return -1;
	}
	if (want <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap *= 2;
	if (b->cap == 0) {
		b->s = xmalloc(cap);
		b->s[0] = '\0';
	} else
		b->s = xrealloc(b->s, cap);
	b->cap = cap;
	return 0;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n) == -1)
		return;
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		die("buf_vaddf: bad format");
	if (buf_grow(b, (size_t)n) == -1)
		return;
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *
buf_detach(struct buf *b)
{
	char	*s;

	s = b->cap ? b->s : xstrdup("");
	buf_init(b, b->max);
	return s;
}
