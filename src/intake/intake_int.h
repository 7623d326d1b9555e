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

/*
 * editions.c: a file of statistics against the values stored and against
 * itself (see there).  Start before the file is read (it reads the store),
 * add each value as it is read (0, or -1 after adding a problem when
 * strict and the key is given again), and finish once the file is read
 * and its values written, in the same transaction: 0 when the file's
 * values supersede those of the submissions named (or of none), 1 when
 * they overlap another's (said, and nothing should be kept), -1 on a
 * store error (said).  replaced is the submission the file replaces (0:
 * none), whose values do not count.
 */
struct editions {
	struct keymap	 keys;		/* a: first line in the file, b: its
					 * values there */
	struct keymap	 parts;		/* palermo's: key and part, a: line */
	struct buf	 key;
	struct stored	*v;		/* the values stored before */
	size_t		 nv, cap;
	uint64_t	 repeated_keys, repeated_values;
	const char	*line_word;	/* "line", or "row" of a sheet */
};

int	 editions_start(struct editions *, struct store *);
int	 editions_add(struct editions *, const struct stat_rec *,
	    unsigned long line, int strict, struct errlist *);
int	 editions_finish(struct editions *, struct store *,
	    const struct intake_request *, const char *file,
	    int64_t submission, int64_t replaced, struct intake_result *);
void	 editions_release(struct editions *);

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
