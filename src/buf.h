/*
 * buf.h: palermo's one growable string buffer.
 *
 * Invariants: b->s is never NULL and is always NUL-terminated; b->len is the
 * length without the terminator.  A buffer may carry a size cap (b->max, 0
 * for none) for anything sized by input: an append that would pass the cap
 * appends nothing and sets b->overflow, which stays set until buf_reset, so
 * a caller may append many times and check once at the end.
 */
#ifndef PALERMO_BUF_H
#define PALERMO_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	size_t	 max;
	int	 overflow;
};

#define BUF_INIT { buf_empty, 0, 0, 0, 0 }
extern char buf_empty[];

/* Initialise an empty buffer that may grow to max bytes (0: no cap). */
void	buf_init(struct buf *, size_t max);
/* Free the memory and leave the buffer empty, ready for reuse. */
void	buf_release(struct buf *);
/* Empty the buffer and clear the overflow mark; keeps the memory. */
void	buf_reset(struct buf *);
void	buf_add(struct buf *, const void *, size_t);
void	buf_addc(struct buf *, int);
void	buf_adds(struct buf *, const char *);
void	buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vaddf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* Hand the string to the caller, who frees it; the buffer is left empty. */
char	*buf_detach(struct buf *);

#endif
