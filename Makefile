# palermo: a plain Makefile.
#   make                 build ./palermo
#   make run             set up, build, and create palermo.db with sample data
#   make check           build and run the whole test suite
#   make bench           run the benchmarks under bench/
#   make SANITIZE=address,undefined check
#   make valgrind        the suite under valgrind
#   make fuzz            fuzz the intake with libFuzzer (FUZZ_SECONDS=60)
#   make WERROR=1        warnings are errors (CI)

VERSION	 = 0.1.0
CC	?= cc
PKGS	 = sqlite3 jansson libsodium expat
# loaded when first needed (src/dynlib.c), by the names of their files
DYNLIBS	 = xlsxwriter libcrypto libzip
CFLAGS	?= -O2 -g
WARN	 = -std=c17 -Wall -Wextra -Wshadow -Wformat=2 -Wvla \
	   -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith \
	   -Wcast-qual -Wwrite-strings -Wundef -Wnull-dereference \
	   -Wimplicit-fallthrough -Wold-style-definition
ifneq ($(WERROR),)
WARN	+= -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS	+= -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS	+= -fsanitize=$(SANITIZE)
endif
# the file name (SONAME) of the installed lib$(1).so
LIBDIR	:= $(or $(shell pkg-config --variable=libdir libzip 2>/dev/null),/usr/lib)
soname	 = $(or $(shell objdump -p $(LIBDIR)/lib$(1).so 2>/dev/null | \
	   awk '$$1 == "SONAME" { print $$2 }'),lib$(1).so)
SONAMES	:= -DSO_XLSXWRITER='"$(call soname,xlsxwriter)"' \
	   -DSO_CRYPTO='"$(call soname,crypto)"' -DSO_ZIP='"$(call soname,zip)"'
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	    -DPALERMO_VERSION='"$(VERSION)"' -Isrc -Ibuild $(SONAMES)
LDLIBS	+= $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -ljansson -lsodium -lexpat) -lcsv -lm -pthread

B	 = build
SRCS	 = buf.c casedef.c cli.c dynlib.c fund.c fund_sum.c cmd_fund.c \
	   report_fund.c sample_fund.c store_sqlite_fund.c cmd_countries.c cmd_crim.c cmd_export.c cmd_icat.c cmd_import.c \
	   cmd_init.c cmd_instruments.c cmd_plan.c cmd_practices.c cmd_report.c cmd_statsio.c cmd_submissions.c cmd_worldday.c country.c csvin.c \
	   engine.c errlist.c format.c html.c report_coord.c report_global.c report_stats.c statfmt.c sample.c sample_coord.c store_sqlite.c store_sqlite_coord.c svg.c table.c tables.c \
	   util.c xlsx.c xlsx_par.c xlsx_sheet.c xmalloc.c xml.c
OBJS	 = $(SRCS:%.c=$(B)/%.o) $(B)/embed.o
EMBED	 = data/countries.csv data/country-aliases.csv data/origins.csv \
	   $(sort $(wildcard src/migrations/*.sql))
# ISO 4217 currencies, from Debian's iso-codes (scripts/install-deps)
ISO4217	 = /usr/share/iso-codes/json/iso_4217.json
TESTS	 = $(patsubst tests/unit/%.c,$(B)/%,$(wildcard tests/unit/test_*.c))

all: palermo

# the public data files (data/README.md), unpacked for the tests, the
# benchmarks and make run
GLOTIP	 = $(B)/data/glotip/unodc_glotip_data_export_2025-04-14
DATA	 = $(GLOTIP).csv $(GLOTIP).xlsx \
	   $(B)/data/ctdc/ctdc_global_dataset_k11_HEADER_AND_3_SAMPLE_ROWS.csv
$(B)/data/%.csv: data/%.csv.gz
	@mkdir -p $(@D)
	gzip -dc $< > $@.tmp && mv $@.tmp $@
$(B)/data/%: data/%
	@mkdir -p $(@D)
	cp $< $@
data: $(DATA)

palermo: $(OBJS) $(B)/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# objects are rebuilt when the flags change (make SANITIZE=..., WERROR=1)
FLAGS_NOW = $(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS)
$(B)/flags: FORCE | $(B)
	@echo '$(FLAGS_NOW)' | cmp -s - $@ || echo '$(FLAGS_NOW)' > $@

$(B)/%.o: src/%.c src/palermo.h src/buf.h src/store.h src/table.h \
    src/engine.h src/stats.h src/statfmt.h src/store_sqlite.h src/xlsx.h \
    src/fund.h $(B)/flags | $(B)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(B)/embed: tools/embed.c | $(B)
	$(CC) -O2 -o $@ $<

$(B)/embed.c: $(B)/embed $(EMBED) $(ISO4217) Makefile
	$(B)/embed $@ $(foreach f,$(EMBED),$(patsubst src/%,%,$(f))=$(f)) \
	    iso_4217.json=$(ISO4217)

$(B)/embed.o: $(B)/embed.c src/palermo.h $(B)/flags
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

$(B)/test_%: tests/unit/test_%.c tests/unit/unit.h $(OBJS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes -o $@ $< \
	    $(OBJS) $(LDFLAGS) $(LDLIBS) -lzip -lcmocka

# the fuzz driver: built with gcc for make check (over the corpus), and
# with clang and libFuzzer for make fuzz
$(B)/fuzz_intake: tests/fuzz/fuzz_intake.c $(OBJS)
	$(CC) $(CPPFLAGS) -DFUZZ_STANDALONE $(CFLAGS) $(WARN) -o $@ $< $(OBJS) \
	    $(LDFLAGS) $(LDLIBS)

FUZZ_SECONDS ?= 60
fuzz: deps
	rm -rf $(B)/fuzz && mkdir -p $(B)/fuzz/corpus
	cp tests/fuzz/corpus/* $(B)/fuzz/corpus/
	$(MAKE) B=$(B)/fuzz CC=clang SANITIZE=fuzzer-no-link,address,undefined \
	    $(B)/fuzz/embed.o $(patsubst $(B)/%,$(B)/fuzz/%,$(filter-out $(B)/embed.o,$(OBJS)))
	clang $(CPPFLAGS) -fsanitize=fuzzer,address,undefined -g -O1 \
	    -o $(B)/fuzz/fuzz_intake tests/fuzz/fuzz_intake.c \
	    $(B)/fuzz/*.o $(LDLIBS)
	$(B)/fuzz/fuzz_intake -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    $(B)/fuzz/corpus

deps:
	@scripts/install-deps

tests: palermo $(TESTS) $(B)/fuzz_intake data

check: deps
	$(MAKE) tests
	tests/run

valgrind: deps
	$(MAKE) tests
	PALERMO_VALGRIND=1 tests/run

run: deps
	$(MAKE) palermo data
	@scripts/run-sample

bench: deps
	$(MAKE) palermo data
	bench/import
	bench/report
	bench/stats
	bench/practices
	bench/fund

lint:
	@! grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok)\s*\(' src/*.c src/*.h tools/*.c tests/unit/*.c

clean:
	rm -rf $(B) palermo tests/out

FORCE:

.PHONY: FORCE all data deps tests check valgrind run bench fuzz lint clean
