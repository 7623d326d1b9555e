# palermo: a plain Makefile.
#   make                 build ./palermo
#   make run             set up, build, and create palermo.db with sample data
#   make check           build and run the whole test suite
#   make bench           run the benchmarks under bench/
#   make coverage        the suite built with gcov; coverage of src/ per folder
#   make mutate          the mutation catalogue (tests/mutations/)
#   make SANITIZE=address,undefined check
#   make valgrind        the suite under valgrind
#   make fuzz            fuzz the intake with libFuzzer (FUZZ_SECONDS=60)
#   make WERROR=1        warnings are errors (CI)

VERSION	 = 0.1.0
CC	?= cc
PKGS	 = sqlite3 jansson libsodium expat
# loaded when first needed (src/lib/dynlib.c), by the names of their files
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
# the library: every folder of src/ but the command line, which sits on
# top (docs/architecture.md); the unit tests and the fuzz driver link it
# without the command line
LIB_SRCS = $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c src/*/*/*.c)))
CLI_SRCS = $(sort $(wildcard src/cli/*.c))
LIB_OBJS = $(LIB_SRCS:src/%.c=$(B)/%.o) $(B)/embed.o
CLI_OBJS = $(CLI_SRCS:src/%.c=$(B)/%.o)
MIGRATIONS = $(sort $(wildcard src/store/*/migrations/*.sql))
EMBED	 = data/countries.csv data/country-aliases.csv data/origins.csv \
	   data/world-map.csv data/participants.csv $(MIGRATIONS)
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

palermo: $(LIB_OBJS) $(CLI_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# objects are rebuilt when the flags change (make SANITIZE=..., WERROR=1),
# and when a header they include changes (-MMD writes what they include)
FLAGS_NOW = $(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS)
$(B)/flags: FORCE
	@mkdir -p $(B)
	@echo '$(FLAGS_NOW)' | cmp -s - $@ || echo '$(FLAGS_NOW)' > $@

$(B)/%.o: src/%.c $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d)

$(B)/embed: tools/embed.c
	@mkdir -p $(B)
	$(CC) -O2 -o $@ $<

# migrations are named by their path below src/store, data files by theirs
$(B)/embed.c: $(B)/embed $(EMBED) $(ISO4217) Makefile
	$(B)/embed $@ $(foreach f,$(EMBED),$(patsubst src/store/%,%,$(f))=$(f)) \
	    iso_4217.json=$(ISO4217)

$(B)/embed.o: $(B)/embed.c $(B)/flags
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/test_%: tests/unit/test_%.c $(B)/unit_scratch.o $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-missing-prototypes -MMD -MP \
	    -o $@ $< $(B)/unit_scratch.o $(LIB_OBJS) $(LDFLAGS) $(LDLIBS) \
	    -lzip -lcmocka

$(B)/unit_scratch.o: tests/unit/scratch.c $(B)/flags
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

# the fuzz driver: built with gcc for make check (over the corpus), and
# with clang and libFuzzer for make fuzz
$(B)/fuzz_intake: tests/fuzz/fuzz_intake.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) -DFUZZ_STANDALONE $(CFLAGS) $(WARN) -MMD -MP -o $@ $< \
	    $(LIB_OBJS) $(LDFLAGS) $(LDLIBS)

-include $(TESTS:=.d) $(B)/unit_scratch.d $(B)/fuzz_intake.d

FUZZ_SECONDS ?= 60
fuzz: deps
	rm -rf $(B)/fuzz && mkdir -p $(B)/fuzz/corpus
	cp tests/fuzz/corpus/* $(B)/fuzz/corpus/
	$(MAKE) B=$(B)/fuzz CC=clang SANITIZE=fuzzer-no-link,address,undefined \
	    $(patsubst $(B)/%,$(B)/fuzz/%,$(LIB_OBJS))
	clang $(CPPFLAGS) -fsanitize=fuzzer,address,undefined -g -O1 \
	    -o $(B)/fuzz/fuzz_intake tests/fuzz/fuzz_intake.c \
	    $(patsubst $(B)/%,$(B)/fuzz/%,$(LIB_OBJS)) $(LDLIBS)
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

# coverage: the suite built with --coverage, then line and branch
# coverage of src/ per folder (scripts/coverage); the suite's status wins
coverage: deps
	$(MAKE) CFLAGS='-O0 -g --coverage -fprofile-update=atomic' LDFLAGS=--coverage tests
	find $(B) -name '*.gcda' -delete
	tests/run; status=$$?; scripts/coverage && exit $$status

# mutate: every patch of tests/mutations/ in turn on a scratch copy;
# each must be caught by the suite (scripts/mutate, docs/testing.md)
mutate: deps
	scripts/mutate

run: deps
	$(MAKE) palermo data
	@scripts/run-sample

bench: deps
	$(MAKE) palermo data
	bench/import
	bench/engine
	bench/stats
	bench/practices
	bench/fund

lint:
	@! grep -rnE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok)\s*\(' src tools tests/unit tests/fuzz --include='*.[ch]'

clean:
	rm -rf $(B) palermo tests/out

FORCE:

.PHONY: FORCE all data deps tests check coverage mutate valgrind run bench \
	fuzz lint clean
