# tarief - reële tarieven voor jeugdhulp en Wmo
#
#   make          build build/tarief and build/libtarief.a
#   make run      install missing packages, build, compute the example region
#   make check    build and run every test layer; ends with "N passed, N failed"
#   make bench    benchmark (see docs/prestaties.md)
#   make fuzz     run the libFuzzer harnesses for a bounded time
#   make install  PREFIX=/usr/local DESTDIR=   (README.md, "Installeren")
#   make uninstall  with the same PREFIX and DESTDIR
#
# BUILD=dir puts all build output in another directory (parallel work).
# V=1 shows the full commands.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
DATADIR  = $(PREFIX)/share/tarief
DOCDIR   = $(PREFIX)/share/doc/tarief
MANDIR   = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
BASHCOMPDIR  = $(PREFIX)/share/bash-completion/completions
VERSION := $(shell sed -n 's/^\#define TARIEF_VERSION "\(.*\)"/\1/p' include/tarief.h)

PKG_CFLAGS := $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN    = -Wall -Wextra -Wpedantic -Wshadow -Wno-format-truncation
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
             -Iinclude $(PKG_CFLAGS)
LIBS    = $(PKG_LIBS) -lcsv -lm

ifeq ($(V),1)
Q =
else
Q = @
endif

LIB_SRC = $(wildcard src/*.c)
CLI_SRC = $(wildcard src/cli/*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ = $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HDRS = $(wildcard include/*.h include/tarief/*.h src/*.h src/cli/*.h)

.PHONY: all run check check-fast bench fuzz install uninstall clean deps deps-test FORCE

all: $(BUILD)/tarief $(BUILD)/libtarief.a

$(BUILD)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Only datadir.c knows the compiled-in data directory, and it is rebuilt
# whenever PREFIX changes: the stamp is rewritten only when its text differs.
# It also records CC and CFLAGS (tests/layer-install.sh builds a copy of this
# build directory with the same compiler and flags).
STAMP_TEXT = printf '%s\n' '$(DATADIR)' '$(CC)' '$(CFLAGS)'
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(dir $@)
	@$(STAMP_TEXT) | cmp -s - $@ 2>/dev/null || $(STAMP_TEXT) > $@

$(BUILD)/obj/datadir.o: src/datadir.c $(HDRS) $(BUILD)/datadir.stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -DTARIEF_DATADIR='"$(DATADIR)"' -c -o $@ $<

$(BUILD)/tarief.pc: tarief.pc.in $(BUILD)/datadir.stamp
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS@|$(PKG_LIBS) -lcsv -lm|' tarief.pc.in > $@

$(BUILD)/libtarief.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/tarief: $(CLI_OBJ) $(BUILD)/libtarief.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libtarief.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtarief.a $(HDRS) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(BUILD)/libtarief.a $(LIBS) $(CMOCKA_LIBS)

# Install what a fresh Debian machine lacks (as root or via sudo).
deps:
	@sh tools/install-deps.sh

run: deps all
	$(BUILD)/tarief bereken productkaarten/voorbeeldregio --cao-map data/cao \
	    -o examples/tarieven-voorbeeldregio.xlsx --csv examples/tarieven-voorbeeldregio.csv

# What the test layers need besides the build (LibreOffice, valgrind, clang).
deps-test:
	@sh tools/install-deps.sh --test

# Every test layer; the last line is "N passed, N failed".
check: deps-test all $(UNIT_BIN) $(BUILD)/bench/bench $(BUILD)/bench/genregio
	@BUILD=$(BUILD) sh tests/run-all.sh

# What install puts where (README.md, "Installeren"); uninstall removes
# exactly these files, and the directories only when they are empty.
DATA_FILES = $(shell cd data && find cao index -type f ! -name '.*' | LC_ALL=C sort)
DATA_DIRS  = $(shell cd data && find cao index -depth -type d)
DOC_FILES  = README.md $(wildcard docs/*.md)
HDR_PUBLIC = $(notdir $(wildcard include/tarief/*.h))

install: all $(BUILD)/tarief.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
	    $(DESTDIR)$(INCLUDEDIR)/tarief $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)/docs \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BUILD)/tarief $(DESTDIR)$(BINDIR)/tarief
	install -m 644 $(BUILD)/libtarief.a $(DESTDIR)$(LIBDIR)/libtarief.a
	install -m 644 $(BUILD)/tarief.pc $(DESTDIR)$(PKGCONFIGDIR)/tarief.pc
	install -m 644 include/tarief.h $(DESTDIR)$(INCLUDEDIR)/tarief.h
	install -m 644 $(addprefix include/tarief/,$(HDR_PUBLIC)) $(DESTDIR)$(INCLUDEDIR)/tarief/
	for f in $(DATA_FILES); do install -D -m 644 data/$$f $(DESTDIR)$(DATADIR)/$$f || exit 1; done
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/README.md
	install -m 644 $(wildcard docs/*.md) $(DESTDIR)$(DOCDIR)/docs/
	install -m 644 man/tarief.1 $(DESTDIR)$(MANDIR)/man1/tarief.1
	install -m 644 contrib/bash-completion/tarief $(DESTDIR)$(BASHCOMPDIR)/tarief

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tarief $(DESTDIR)$(LIBDIR)/libtarief.a $(DESTDIR)$(PKGCONFIGDIR)/tarief.pc \
	    $(DESTDIR)$(INCLUDEDIR)/tarief.h $(addprefix $(DESTDIR)$(INCLUDEDIR)/tarief/,$(HDR_PUBLIC)) \
	    $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_FILES)) $(addprefix $(DESTDIR)$(DOCDIR)/,$(DOC_FILES)) \
	    $(DESTDIR)$(MANDIR)/man1/tarief.1 $(DESTDIR)$(BASHCOMPDIR)/tarief
	-rmdir $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_DIRS)) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(DOCDIR) $(DESTDIR)$(INCLUDEDIR)/tarief 2>/dev/null

# Only this build's directories: others (BUILD=build-x) are left alone.
clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz

# --- make bench (docs/prestaties.md) ------------------------------------------
# Generates synthetic regions (bench/genregio.c, never committed) and measures
# each size in a fresh process (bench/bench.c): table on stdout, numbers in
# $(BUILD)/bench/results.csv. LibreOffice only up to BENCH_LO_MAX products.
BENCH_SIZES  ?= 100 1000 10000 50000
BENCH_LO_MAX ?= 10000
BENCH_HERHAAL ?= 3
BENCH_CAO     = data/cao/ghz-2022-05-01
BENCH_CAO_NIEUW = data/cao/ghz-2023-12-01
bench_comma  := ,
# The baseline records the cells workbook.c hands to libxlsxwriter.
BENCH_WRAP    = $(addprefix -Wl$(bench_comma)--wrap=,workbook_add_worksheet workbook_add_format \
                workbook_close worksheet_write_string worksheet_write_blank worksheet_write_number \
                worksheet_write_formula_num worksheet_write_formula_str worksheet_set_row \
                worksheet_set_row_opt)

$(BUILD)/bench/genregio: bench/genregio.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $<

# Library objects one by one, not the archive: bench.c refers to
# tarief_workbook_write weakly, so it builds before src/workbook.c exists.
$(BUILD)/bench/bench: bench/bench.c bench/gemeen.c bench/opname.c bench/vergelijk.c bench/bench.h $(LIB_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -Ibench -o $@ bench/bench.c bench/gemeen.c bench/opname.c bench/vergelijk.c $(LIB_OBJ) $(BENCH_WRAP) $(LIBS)

# Experiment (docs/prestaties.md): the same workbook at another zlib level.
$(BUILD)/bench/zipniveau.so: bench/zipniveau.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) -shared -fPIC -O2 $(WARN) -o $@ $< -ldl

bench: $(BUILD)/bench/bench $(BUILD)/bench/genregio
	$(Q)for n in $(BENCH_SIZES); do \
	    $(BUILD)/bench/genregio -n $$n -o $(BUILD)/bench/regio-$$n --cao $(BENCH_CAO) || exit 1; \
	    $(BUILD)/bench/genregio -n $$n -o $(BUILD)/bench/volgend-$$n --cao $(BENCH_CAO) \
	        --volgend-jaar --cao-nieuw $(BENCH_CAO_NIEUW) || exit 1; \
	    $(BUILD)/bench/genregio -n $$n -o $(BUILD)/bench/aanbieder-$$n --cao $(BENCH_CAO) --aanbieder || exit 1; \
	done
	$(Q)$(BUILD)/bench/bench --dir $(BUILD)/bench --cao-map data/cao --lo-max $(BENCH_LO_MAX) \
	    --herhaal $(BENCH_HERHAAL) $(BENCH_SIZES)

# --- fuzzing and sanitizers (docs/foutmeldingen.md, rekenmethode §6) --------
# make fuzz FUZZ_SECONDS=60: build the libFuzzer harnesses of tests/fuzz/ with
# clang (-fsanitize=fuzzer,address,undefined) in $(BUILD)-fuzz and run each
# for FUZZ_SECONDS; fails on any crash, leak or undefined behaviour.
FUZZ_SECONDS ?= 60
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=$(BUILD)-fuzz sh tests/fuzz/run.sh

# The sanitizer and valgrind layers on their own (make check runs them too).
check-sanitize: all
	@BUILD=$(BUILD) sh tests/layer-sanitize.sh
check-valgrind: all
	@BUILD=$(BUILD) sh tests/layer-valgrind.sh
.PHONY: check-sanitize check-valgrind
