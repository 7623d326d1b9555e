/*
 * pipe.c: the thread that writes a submission's records to the store
 * while the reading thread parses and validates the file (intake_int.h).
 * Two batches take turns: one filled by the reader, one written.
 */
#include <stdlib.h>
#include <string.h>

#include "intake/intake_int.h"

#define BATCH	2048

static size_t
keep_str(struct qbatch *b, const char *s)
{
	size_t	 off;

	if (s == NULL)
		return 0;
	off = b->strings.len;
	buf_add(&b->strings, s, strlen(s) + 1);
	return off + 1;
}

static int
batch_write(struct pipe *p, struct qbatch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct qrec	*q = &b->r[i];
		int		 rc = 0;

		switch (q->kind) {
		case Q_CASE:
			rc = p->st->ops->case_add(p->st, p->submission, q->line,
			    &q->u.c);
			break;
		case Q_STAT:
			q->u.s.country_text = q->str[0] ?
			    b->strings.s + q->str[0] - 1 : NULL;
			q->u.s.origin_text = q->str[1] ?
			    b->strings.s + q->str[1] - 1 : NULL;
			q->u.s.note = q->str[2] ? b->strings.s + q->str[2] - 1 :
			    NULL;
			rc = p->st->ops->stat_add(p->st, p->submission, q->line,
			    &q->u.s);
			break;
		case Q_POP:
			rc = p->st->ops->pop_add(p->st, p->submission, q->line,
			    &q->u.p);
			break;
		}
		if (rc == -1)
			return -1;
	}
	return 0;
}

static void *
pipe_main(void *arg)
{
	struct pipe	*p = arg;
	int		 i;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->ready == -1 && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->ready == -1)
			break;
		i = p->ready;
		pthread_mutex_unlock(&p->mu);
		if (!p->failed && batch_write(p, &p->b[i]) == -1)
			p->failed = 1;
		pthread_mutex_lock(&p->mu);
		p->ready = -1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

void
pipe_start(struct pipe *p, struct store *st, int64_t submission)
{
	memset(p, 0, sizeof(*p));
	p->st = st;
	p->submission = submission;
	p->ready = -1;
	for (int i = 0; i < 2; i++) {
		p->b[i].r = xreallocarray(NULL, BATCH, sizeof(*p->b[i].r));
		buf_init(&p->b[i].strings, 0);
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pthread_create(&p->th, NULL, pipe_main, p) != 0)
		die("cannot start a thread");
	p->started = 1;
}

/* Hand the batch being filled to the writer; wait for it to be free. */
static void
pipe_flush(struct pipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->ready != -1)
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->b[p->fill].n) {
		p->ready = p->fill;
		p->fill ^= 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	p->b[p->fill].n = 0;
	buf_reset(&p->b[p->fill].strings);
}

struct qrec *
pipe_next(struct pipe *p)
{
	if (p->b[p->fill].n == BATCH)
		pipe_flush(p);
	return &p->b[p->fill].r[p->b[p->fill].n++];
}

int
pipe_stop(struct pipe *p)
{
	if (!p->started)
		return 0;
	pipe_flush(p);
	pthread_mutex_lock(&p->mu);
	while (p->ready != -1)
		pthread_cond_wait(&p->cv, &p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->th, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	for (int i = 0; i < 2; i++) {
		free(p->b[i].r);
		buf_release(&p->b[i].strings);
	}
	p->started = 0;
	return p->failed ? -1 : 0;
}


void
pipe_keep_strings(struct pipe *p, struct qrec *q, const struct stat_rec *s)
{
	struct qbatch	*b = &p->b[p->fill];

	q->str[0] = keep_str(b, s->country_text);
	q->str[1] = keep_str(b, s->origin_text);
	q->str[2] = keep_str(b, s->note);
}
