/*
 * intake_int.h: what the files of the intake pipeline share, and only
 * they: the hash of a submitted file (hash.c) and the thread that writes
 * its records to the store while the file is read (pipe.c).
 */
#ifndef PALERMO_INTAKE_INT_H
#define PALERMO_INTAKE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "intake/intake.h"

/* hash.c: SHA-256 of what is read through a stream. */
struct hash;
/* Start a hash; NULL after an error (said: its library is missing). */
struct hash *hash_new(void);
/* A stream that reads in and hashes what it reads; NULL if none can be
 * made.  Close it before in. */
FILE	*hash_reader(struct hash *, FILE *in);
/* Hash the whole file at path too (for the xlsx read by name); 0 or -1
 * (said). */
int	 hash_file(struct hash *, const char *path);
/* The digest as 64 lower-case hex digits and a NUL. */
void	 hash_hex(struct hash *, char out[65]);
void	 hash_free(struct hash *);

/*
 * pipe.c: the records go to the store on a second thread: the reading
 * thread parses and validates while the writing thread inserts, each with
 * a core of its own.  Records travel in batches; their strings are copied
 * into the batch.  Only the writing thread touches the store while the
 * pipe runs.
 */
enum { Q_CASE, Q_STAT, Q_POP };

struct qrec {
	int		 kind;
	unsigned long	 line;
	union {
		struct case_rec	 c;
		struct stat_rec	 s;
		struct pop_rec	 p;
	} u;
	size_t		 str[3];	/* offsets of a value's strings + 1 */
};

struct qbatch {
	struct qrec	*r;
	size_t		 n;
	struct buf	 strings;
};

struct pipe {
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct qbatch	 b[2];
	int		 fill;		/* the batch being filled */
	int		 ready;		/* handed to the writer, or -1 */
	int		 stop, started;
	atomic_int	 failed;	/* read by the reader without the lock */
	struct store	*st;
	int64_t		 submission;
};

/* Whether a file's name says it is JSON lines (.json, .jsonl, .ndjson). */
int	 json_named(const char *name);

void	 pipe_start(struct pipe *, struct store *, int64_t submission);
/* The next free record of the batch being filled. */
struct qrec *pipe_next(struct pipe *);
/* Keep a statistic's strings with the record just taken. */
void	 pipe_keep_strings(struct pipe *, struct qrec *,
	    const struct stat_rec *);
/* Write what is left and stop the writer; 0, or -1 if a write failed. */
int	 pipe_stop(struct pipe *);

#endif
