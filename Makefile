# tarief - reële tarieven voor jeugdhulp en Wmo
#
#   make          build build/tarief and build/libtarief.a
#   make run      install missing packages, build, compute the example region
#   make check    build and run every test layer; ends with "N passed, N failed"
#   make bench    benchmark (see docs/prestaties.md)
#   make fuzz     run the libFuzzer harnesses for a bounded time
#   make install  PREFIX=/usr/local DESTDIR=
#
# BUILD=dir puts all build output in another directory (parallel work).
# V=1 shows the full commands.

CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build
DATADIR  = $(PREFIX)/share/tarief

PKG_CFLAGS := $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN    = -Wall -Wextra -Wpedantic -Wshadow -Wno-format-truncation
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
             -Iinclude $(PKG_CFLAGS) -DTARIEF_DATADIR='"$(DATADIR)"'
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

.PHONY: all run check check-fast bench fuzz install clean deps deps-test

all: $(BUILD)/tarief $(BUILD)/libtarief.a

$(BUILD)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

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

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/tarief $(DESTDIR)$(DATADIR)
	install -m 755 $(BUILD)/tarief $(DESTDIR)$(PREFIX)/bin/tarief
	install -m 644 $(BUILD)/libtarief.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/tarief.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/tarief/*.h $(DESTDIR)$(PREFIX)/include/tarief/
	cp -r data/cao $(DESTDIR)$(DATADIR)/
	cp -r data/index $(DESTDIR)$(DATADIR)/

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
$(BUILD)/bench/bench: bench/bench.c bench/opname.c bench/vergelijk.c bench/bench.h $(LIB_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -Ibench -o $@ bench/bench.c bench/opname.c bench/vergelijk.c $(LIB_OBJ) $(BENCH_WRAP) $(LIBS)

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
