/*
 * test_arena.c: the arena of lib.h.  Allocations are zeroed, aligned and
 * never overlap; an array grown by arena_grow keeps its elements and comes
 * with the rest zero, whether it is small (copied; shrunk, left where it
 * is) or has a block of its own (grown and shrunk in place); a list grown
 * by doubling to millions of elements costs about its own size, not the
 * sum of every size it had.
 */
#include "unit.h"

#include <malloc.h>
#include <stdalign.h>

static void
test_alloc(void **state)
{
	struct arena	 a;
	unsigned char	*p[1000];

	(void)state;
	arena_init(&a);
	for (size_t i = 0; i < 1000; i++) {
		size_t	 n = i % 7 == 0 ? 70000 : i % 100 + 1;

		p[i] = arena_alloc(&a, n);
		assert_int_equal((uintptr_t)p[i] % alignof(max_align_t), 0);
		for (size_t j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i % 251) + 1, n);
	}
	/* nothing written later ran over what was written before */
	for (size_t i = 0; i < 1000; i++) {
		size_t	 n = i % 7 == 0 ? 70000 : i % 100 + 1;

		for (size_t j = 0; j < n; j++)
			assert_int_equal(p[i][j], (int)(i % 251) + 1);
	}
	assert_string_equal(arena_printf(&a, "%s %d", "cycle", 12), "cycle 12");
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_null(arena_strdup(&a, NULL));
	arena_release(&a);
	assert_null(a.head);
}

/* Two arrays grown one element at a time, in turn, so that neither is the
 * last thing allocated: both keep every element. */
static void
test_grow_interleaved(void **state)
{
	struct arena	 a = { NULL };
	int64_t		*x = NULL, *y = NULL;
	char		*s;

	(void)state;
	for (size_t n = 0; n < 20000; n++) {
		x = arena_grow(&a, x, n, n + 1, sizeof(*x));
		assert_int_equal(x[n], 0);
		x[n] = (int64_t)n * 3;
		s = arena_printf(&a, "%zu", n);	/* between the two */
		assert_non_null(s);
		y = arena_grow(&a, y, n, n + 1, sizeof(*y));
		assert_int_equal(y[n], 0);
		y[n] = -(int64_t)n;
	}
	for (size_t n = 0; n < 20000; n++) {
		if (x[n] != (int64_t)n * 3 || y[n] != -(int64_t)n)
			fail_msg("element %zu lost: %lld %lld", n,
			    (long long)x[n], (long long)y[n]);
	}
	arena_release(&a);
}

/* A small array shrunk, or grown by nothing, stays where it is, and what
 * was allocated after it is untouched. */
static void
test_shrink_small(void **state)
{
	struct arena	 a = { NULL };
	int		*v = arena_array(&a, 100, sizeof(*v)), *w, *after;

	(void)state;
	for (int i = 0; i < 100; i++)
		v[i] = i + 1;
	after = arena_array(&a, 100, sizeof(*after));
	assert_ptr_equal(arena_grow(&a, v, 100, 100, sizeof(*v)), v);
	w = arena_grow(&a, v, 100, 10, sizeof(*v));
	assert_ptr_equal(w, v);
	for (int i = 0; i < 10; i++)
		assert_int_equal(w[i], i + 1);
	for (int i = 0; i < 100; i++)
		assert_int_equal(after[i], 0);
	/* grown again from 10: a copy of the 10, the rest zero */
	w = arena_grow(&a, w, 10, 200, sizeof(*w));
	for (int i = 0; i < 200; i++)
		assert_int_equal(w[i], i < 10 ? i + 1 : 0);
	arena_release(&a);
}

/* Bytes the process holds from malloc, 0 where that cannot be told. */
static size_t
heap_in_use(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

static void
test_grow_large(void **state)
{
	struct arena	 a = { NULL };
	uint32_t	*v = NULL;
	size_t		 cap = 0, n = 3000000, before = heap_in_use(), used;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		if (i == cap) {
			size_t	 ncap = cap ? cap * 2 : 16;

			v = arena_grow(&a, v, cap, ncap, sizeof(*v));
			for (size_t j = cap; j < ncap; j++)
				if (v[j] != 0)
					fail_msg("element %zu of %zu is not zero",
					    j, ncap);
			cap = ncap;
		}
		v[i] = (uint32_t)(i * 2654435761u);
	}
	used = heap_in_use() - before;
	/* the capacity is 4,194,304 elements, 16 MiB; grown by copying, the
	 * arena would hold every size it had, 32 MiB in all */
	if (used != 0 && used > cap * sizeof(*v) + (1u << 20))
		fail_msg("the arena holds %zu bytes for %zu of capacity", used,
		    cap * sizeof(*v));

	/* trimmed to its length, then grown again: kept, and zero beyond */
	v = arena_grow(&a, v, n, n, sizeof(*v));
	v = arena_grow(&a, v, n, 1000000, sizeof(*v));
	v = arena_grow(&a, v, 1000000, 2000000, sizeof(*v));
	for (size_t i = 0; i < 2000000; i++) {
		uint32_t want = i < 1000000 ? (uint32_t)(i * 2654435761u) : 0;

		if (v[i] != want)
			fail_msg("element %zu: %u, want %u", i, v[i], want);
	}
	/* shrunk below a block, it stays where it is, still whole */
	v = arena_grow(&a, v, 2000000, 10, sizeof(*v));
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(v[i], (uint32_t)(i * 2654435761u));
	arena_release(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_grow_interleaved),
		cmocka_unit_test(test_shrink_small),
		cmocka_unit_test(test_grow_large),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
