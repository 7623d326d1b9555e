/*
 * keymap.c: a map from byte strings to two numbers each, for finding the
 * same key among many records once (a value given twice in a file, a
 * value already stored).  It is an open-addressing hash table over an
 * array of entries kept in the order they were added; keys are copied
 * into the map's arena.  The hash is SipHash (libsodium's shorthash) under
 * a key drawn at random for each map, so that a file made to collide
 * cannot slow the table down: the order of entries never depends on it.
 */
#include <assert.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"

static uint64_t
key_hash(const struct keymap *m, const void *key, size_t len)
{
	unsigned char	 h[crypto_shorthash_BYTES];
	uint64_t	 v;

	crypto_shorthash(h, key, len, m->seed);
	memcpy(&v, h, sizeof(v));
	return v;
}

void
keymap_init(struct keymap *m)
{
	memset(m, 0, sizeof(*m));
	if (sodium_init() < 0)
		die("libsodium cannot start");
	randombytes_buf(m->seed, sizeof(m->seed));
}

void
keymap_release(struct keymap *m)
{
	free(m->slot);
	free(m->e);
	arena_release(&m->arena);
	memset(m, 0, sizeof(*m));
}

/* Where key is in the slots, or the empty slot where it would go. */
static size_t
slot_of(const struct keymap *m, const void *key, size_t len, uint64_t h)
{
	size_t	 mask = m->cap - 1, i = (size_t)h & mask;

	for (;;) {
		uint32_t	 s = m->slot[i];
		const struct keymap_entry *e;

		if (s == 0)
			return i;
		e = &m->e[s - 1];
		if (e->hash == h && e->len == len && memcmp(e->key, key, len)
		    == 0)
			return i;
		i = (i + 1) & mask;
	}
}

static void
grow(struct keymap *m)
{
	size_t	 cap = m->cap ? m->cap * 2 : 1024;

	if (cap > UINT32_MAX)
		die("too many keys");
	free(m->slot);
	m->slot = xcalloc(cap, sizeof(*m->slot));
	m->cap = cap;
	for (size_t i = 0; i < m->n; i++) {
		size_t	 s = slot_of(m, m->e[i].key, m->e[i].len, m->e[i].hash);

		m->slot[s] = (uint32_t)(i + 1);
	}
}

long
keymap_find(const struct keymap *m, const void *key, size_t len)
{
	size_t	 s;

	if (m->n == 0)
		return -1;
	s = slot_of(m, key, len, key_hash(m, key, len));
	return m->slot[s] ? (long)m->slot[s] - 1 : -1;
}

size_t
keymap_put(struct keymap *m, const void *key, size_t len, int *added)
{
	uint64_t	 h = key_hash(m, key, len);
	size_t		 s;
	char		*copy;

	/* at most half full, so that a probe ends soon */
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	s = slot_of(m, key, len, h);
	if (m->slot[s]) {
		*added = 0;
		return m->slot[s] - 1;
	}
	if (m->n == m->ecap) {
		m->ecap = m->ecap ? m->ecap * 2 : 64;
		m->e = xreallocarray(m->e, m->ecap, sizeof(*m->e));
	}
	copy = arena_alloc(&m->arena, len + 1);
	memcpy(copy, key, len);
	m->e[m->n].key = copy;
	m->e[m->n].len = len;
	m->e[m->n].hash = h;
	m->e[m->n].a = m->e[m->n].b = 0;
	m->slot[s] = (uint32_t)(m->n + 1);
	*added = 1;
	assert(m->n < UINT32_MAX);
	return m->n++;
}
