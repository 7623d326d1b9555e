/*
 * arena.c: memory that is freed all at once.  A report, a list read from
 * the store, or (later) everything one web request needs is allocated
 * from an arena and given back with one arena_release, so that no caller
 * frees piece by piece.
 *
 * The arena is a chain of blocks; an allocation is cut from the newest
 * block, or from a new one (a request larger than a block gets a block of
 * its own).  Memory comes zeroed, aligned for any type.
 */
#include <stdarg.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"

#define BLOCK_SIZE	(64 * 1024 - 64)

struct arena_block {
	struct arena_block	*next;
	size_t			 size, used;
	alignas(max_align_t) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

/* n rounded up to the alignment (at least one unit), with room for a
 * block's header: fatal when that overflows. */
static size_t
round_need(size_t n)
{
	size_t	 align = alignof(max_align_t);
	size_t	 need = (n + align - 1) / align * align;

	if (need < n || need > SIZE_MAX - sizeof(struct arena_block))
		die("allocation size overflow");
	return need ? need : align;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b = a->head;
	size_t			 need = round_need(n);

	if (b == NULL || b->size - b->used < need) {
		size_t	 size = need > BLOCK_SIZE ? need : BLOCK_SIZE;

		b = xcalloc(1, sizeof(*b) + size);
		b->size = size;
		/* a large block goes behind the head, so that what is left of
		 * the head stays in use */
		if (a->head != NULL && need > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
			b->used = need;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
	}
	b->used += need;
	return b->data + b->used - need;
}

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die("allocation size overflow");
	return arena_alloc(a, n * size);
}

/* An array that has a block of its own grows or shrinks in place; one cut
 * from a shared block stays where it is when it does not grow, and is
 * copied into a new one when it does, which is then its own once it is
 * larger than a block, so that growing a long list wastes little. */
void *
arena_grow(struct arena *a, void *old, size_t oldn, size_t newn, size_t size)
{
	struct arena_block	**pb, *b;
	size_t			 n, need;
	void			*p;

	if (size && newn > SIZE_MAX / size)
		die("allocation size overflow");
	n = newn * size;
	need = round_need(n);
	/* only an array larger than a block has a block of its own */
	for (pb = &a->head; old != NULL && oldn * size > BLOCK_SIZE &&
	    (b = *pb) != NULL; pb = &b->next) {
		if ((void *)b->data != old)
			continue;
		if (b->size <= BLOCK_SIZE)
			break;
		if (need > BLOCK_SIZE && need != b->size) {
			b = xrealloc(b, sizeof(*b) + need);
			b->size = b->used = need;
			*pb = b;
		}
		if (n > oldn * size)
			memset(b->data + oldn * size, 0, n - oldn * size);
		return b->data;
	}
	if (old != NULL && newn <= oldn)
		return old;
	p = arena_alloc(a, n);
	if (old != NULL && oldn)
		memcpy(p, old, oldn * size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("arena_printf: bad format");
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_release(struct arena *a)
{
	struct arena_block	*b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
