/*
 * fuzz_intake.c: a fuzz driver for palermo's case intake: the CSV reader,
 * format detection, every format's reader and the JSON reader, fed with
 * whatever bytes the fuzzer makes.  Any crash, leak or undefined behaviour
 * is a bug; rejecting the input is fine.
 *
 *   make fuzz           libFuzzer with clang, ASan and UBSan (FUZZ_SECONDS)
 *   build/fuzz_intake FILE...   the same checks over given files (make check
 *                       runs it over tests/fuzz/corpus/)
 */
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"


int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct state {
	struct case_reader	*reader;
	struct errlist		*el;
	int			 format;
};

static int
on_record(const struct csv_record *r, void *arg)
{
	struct state	*st = arg;
	struct case_rec	 c;

	if (st->reader == NULL) {
		if ((st->format = format_detect(r)) == -1)
			st->format = (int)(r->count % FORMAT__MAX);
		if (st->format == FORMAT_JSON)
			st->format = FORMAT_PALERMO;
		st->reader = case_reader_new(st->format, r, st->el);
		return st->reader ? 0 : -1;
	}
	case_reader_map(st->reader, r, &c);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errlist	 el;
	struct state	 st;
	struct case_rec	 c;
	FILE		*fp;
	const char	*p = (const char *)data, *e = p + size;

	memset(&st, 0, sizeof(st));
	errlist_init(&el, "fuzz");
	st.el = &el;
	if (size && (fp = fmemopen((void *)(uintptr_t)data, size, "r")) !=
	    NULL) {
		csv_read(fp, "fuzz", on_record, &st, &el, NULL);
		fclose(fp);
	}
	case_reader_free(st.reader);
	/* the same bytes as JSON lines */
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t	 n = nl ? (size_t)(nl - p) : (size_t)(e - p);

		case_json_map(p, n, 1, current_year(), &el, &c);
		p += n + 1;
	}
	errlist_release(&el);
	return 0;
}

#ifdef FUZZ_STANDALONE
int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE	*fp = fopen(argv[i], "rb");
		char	*buf;
		long	 n;

		if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 ||
		    (n = ftell(fp)) < 0) {
			fprintf(stderr, "fuzz_intake: cannot read %s\n", argv[i]);
			return 1;
		}
		rewind(fp);
		buf = xmalloc((size_t)n + 1);
		if (fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			fprintf(stderr, "fuzz_intake: cannot read %s\n", argv[i]);
			return 1;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, (size_t)n);
		free(buf);
	}
	printf("fuzz_intake: %d inputs, no crash\n", argc - 1);
	return 0;
}
#endif
