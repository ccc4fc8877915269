# ZSOG: `make run` serves the system at http://127.0.0.1:8080/,
# `make test` runs every suite on a stack of its own. See README.md.

CC      ?= cc
BUILD   ?= build
PORT    ?= 8080
DB_PORT ?= 3307
WORKERS ?= 4
VAR     ?= $(CURDIR)/var
PY      := /usr/bin/python3

DEPS    ?= scripts/deps

# The compiler and linker flags come from tools that `deps` installs
# (mariadb_config, xml2-config, pkg-config). They are asked once, when a
# recipe first needs them -- after `deps` has run, since every object waits
# for it -- and never when this file is read: on a fresh machine that would
# give empty flags for the whole run. Debian 12: ClearSilver ships no
# pkg-config file; libcmark (the help pages' Markdown) has one.
pkg_cflags = -I/usr/include/ClearSilver $(shell mariadb_config --cflags) \
	$(shell xml2-config --cflags) $(shell pkg-config --cflags xmlsec1-openssl) \
	$(shell pkg-config --cflags libcmark)
pkg_libs = -lfcgi $(shell mariadb_config --libs) -lneo_cs -lneo_utl -lz -lsodium \
	$(shell xml2-config --libs) -lcrypto -lqrencode \
	$(shell pkg-config --libs xmlsec1-openssl) $(shell pkg-config --libs libcmark) -lm
PKG_CFLAGS = $(eval PKG_CFLAGS := $(pkg_cflags))$(PKG_CFLAGS)
PKG_LIBS = $(eval PKG_LIBS := $(pkg_libs))$(PKG_LIBS)
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wformat=2
HARDEN  := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
CFLAGS  ?= -O2 -g
# The layers: programs (cgi-bin/, tools/) -> domain/ -> lib/. The platform
# is compiled seeing only its own headers, so it cannot include a domain
# header; the domain sees lib/ and itself; programs see both.
INC     = -Ilib -Idomain
ALL_CFLAGS = -std=gnu11 $(CFLAGS) $(WARN) $(HARDEN) $(INC) $(PKG_CFLAGS) -MMD -MP
LDFLAGS ?= -pie -Wl,-z,relro,-z,now

LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
DOMAIN_SRC := $(wildcard domain/*.c)
DOMAIN_OBJ := $(DOMAIN_SRC:%.c=$(BUILD)/%.o)
# Every program and test links both, domain first.
LIBS_A   := $(BUILD)/libzsog-domain.a $(BUILD)/libzsog.a
PROGRAMS := $(notdir $(patsubst %/,%,$(wildcard cgi-bin/*/)))
BINS     := $(PROGRAMS:%=$(BUILD)/zsog-%)
UNIT_SRC := $(wildcard tests/unit/test-*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS    := $(BUILD)/zsog-admin

.PHONY: all build deps run stop test test-unit test-http test-asan bench clean install seed status format format-check

all: build
build: $(BINS) $(TOOLS)

# Order-only: `deps` runs (once per make) before the first compile.
$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB_OBJ): INC = -Ilib

$(BUILD)/libzsog.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libzsog-domain.a: $(DOMAIN_OBJ)
	rm -f $@
	ar rcs $@ $^

define program_rule
$(BUILD)/zsog-$(1): $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi-bin/$(1)/*.c)) $(LIBS_A)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$^ $$(PKG_LIBS)
endef
$(foreach p,$(PROGRAMS),$(eval $(call program_rule,$(p))))

$(BUILD)/zsog-admin: $(BUILD)/tools/zsog-admin.o $(LIBS_A)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIBS_A)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $(TEST_LDFLAGS) -o $@ $(filter %.o,$^) $(filter %.a,$^) $(PKG_LIBS) -lcmocka

# The platform's tests share one fake request and its kinds of session
# (tests/unit/fake-req.h); objects link before the libraries.
$(BUILD)/tests/test-route $(BUILD)/tests/test-session $(BUILD)/tests/test-csrf: $(BUILD)/tests/unit/fake-req.o
# The tests of the change counters share a Paths.Run of their own
# (tests/unit/run-dir.h).
$(BUILD)/tests/test-epoch $(BUILD)/tests/test-pagecache $(BUILD)/tests/test-kept: $(BUILD)/tests/unit/run-dir.o

# test-db-tx runs lib/db.c against a fake client library: the calls db.c
# makes to these go to the test's __wrap_ functions (not in LDFLAGS, which
# test-asan sets on the command line).
DB_FAKE_CALLS := mysql_init mysql_options mysql_real_connect mysql_close \
	mysql_errno mysql_error mysql_real_query mysql_commit mysql_rollback \
	mysql_stmt_init mysql_stmt_prepare mysql_stmt_close \
	mysql_stmt_param_count mysql_stmt_execute mysql_stmt_errno \
	mysql_stmt_error mysql_stmt_affected_rows mysql_stmt_field_count \
	mysql_stmt_result_metadata mysql_free_result mysql_stmt_bind_result \
	mysql_stmt_fetch mysql_stmt_free_result
# test-audit sees what audit_log would write (tests/unit/test-audit.c).
$(BUILD)/tests/test-audit: TEST_LDFLAGS = -Wl$(comma)--wrap=db_exec
$(BUILD)/tests/test-db-tx: TEST_LDFLAGS = $(addprefix -Wl$(comma)--wrap=,$(DB_FAKE_CALLS))
comma := ,
# test-kept opens and closes transactions by hand: db_in_transaction() is
# the test's.
$(BUILD)/tests/test-kept: TEST_LDFLAGS = -Wl,--wrap=db_in_transaction

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

deps:
	@$(DEPS)

# What the build is given, once the packages are there (the fresh-machine
# test reads it).
.PHONY: flags
flags: | deps
	@echo "cflags: $(PKG_CFLAGS)"
	@echo "libs: $(PKG_LIBS)"

# Foreground: Ctrl-C (or `make stop` from another shell) stops everything.
run: deps build
	@scripts/stack start $(VAR) --port $(PORT) --db-port $(DB_PORT) --workers $(WORKERS)
	@scripts/seed $(VAR)
	@echo "ZSOG is at http://127.0.0.1:$(PORT)/  (demo logins: README.md; Ctrl-C stops)"
	@trap 'scripts/stack stop $(VAR); exit 0' INT TERM; \
	 while scripts/stack status $(VAR) | grep -q 'nginx: running'; do sleep 1; done; \
	 scripts/stack stop $(VAR)

stop:
	@scripts/stack stop $(VAR)

status:
	@scripts/stack status $(VAR)

seed:
	@scripts/seed $(VAR)

test: deps build $(UNIT_BIN)
	@scripts/test all

# The C style (.clang-format: Linux kernel / cgit). `make format` rewrites
# the sources; tests/build/test-format.sh (in make test) fails on a file
# that differs, naming it.
FORMAT_SRC = $(shell git ls-files 'lib/*.[ch]' 'domain/*.[ch]' 'cgi-bin/*.[ch]' 'tools/*.[ch]' 'tests/unit/*.[ch]' 'tests/fuzz/*.[ch]')

format: | deps
	clang-format -i $(FORMAT_SRC)

format-check: | deps
	@tests/build/test-format.sh

test-unit: build $(UNIT_BIN)
	@scripts/test unit

test-http: deps build
	@scripts/test http

# The cluster (issue 17): link cut, down while cut, Galera kill, replica,
# on a whole `scripts/cluster` of its own (tests/cluster/, docs/scale.md);
# ZSOG_CUT_SECONDS (60) sets the length of the cut. About 5 minutes.
.PHONY: test-cluster bench-cluster
test-cluster: deps build
	@scripts/test cluster

# `make run` (and `make test` with FRESH_ARGS=--test) on a truly fresh
# Debian 12 made with debootstrap, in a chroot: root, the Debian mirror and
# 10-30 minutes; not part of make test (docs/testing.md, "A fresh machine").
.PHONY: fresh-machine
fresh-machine:
	@scripts/fresh-machine $(FRESH_ARGS)

# Replication lag node -> centre under ingest load, the node's events/s
# beside a one-machine stack, the catch-up rate after a cut
# (docs/performance.md, "Cluster").
bench-cluster: deps build
	@scripts/bench-cluster --record

# Every suite again with AddressSanitizer and LeakSanitizer in the core,
# the programs and the unit tests.
# Warnings stay visible but not fatal there: GCC's analysis of instrumented
# code warns where `make build` (which keeps -Werror) does not.
test-asan: deps
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" WARN="$(WARN) -Wno-error" \
		build build-asan-units
	ZSOG_BUILD=$(CURDIR)/build-asan scripts/test asan

build-asan-units: $(UNIT_BIN)

# The layers (issue 17, docs/architecture.md "The layers of the cluster"): a 3-node Galera
# centre, two crossing nodes, a regional replica and their programs under
# var/cluster; `make cluster-stop` stops exactly those processes.
# test-cluster (above): the cluster's own tests (tests/cluster/).
CLUSTER_DIR ?= $(CURDIR)/var/cluster
.PHONY: cluster cluster-stop cluster-status test-cluster
cluster: deps build
	@scripts/cluster start $(CLUSTER_DIR)

cluster-stop:
	@scripts/cluster stop $(CLUSTER_DIR)

cluster-status:
	@scripts/cluster status $(CLUSTER_DIR)


# wrk against a stack of its own; BENCH_WORKERS="2 4 8" compares counts.
bench: deps build
	@scripts/bench $(if $(BENCH_WORKERS),--workers "$(BENCH_WORKERS)")

install: build
	scripts/install "$(DESTDIR)" "$(or $(PREFIX),/usr/local)"

clean:
	rm -rf build build-asan

# Lane devices (issue 5): a simulator posting signed events to a running
# stack (make run), the ingestion benchmark on a stack of its own, and 60 s
# of libFuzzer on the event parser (clang installed here, not for make test).
.PHONY: demo-lanes bench-ingest fuzz
demo-lanes:
	@scripts/demo-lanes --port $(PORT) --images $(VAR)/images

bench-ingest: deps build
	@scripts/bench-ingest --record

# e-Booking TRUCK (issue 4): the capacity race and the calendar against the
# static file, on a stack of its own with a year of generated bookings.
.PHONY: bench-ebt
bench-ebt: deps build
	@scripts/bench-ebt --record

# Risk profiles (issue 14): a backtest over a million generated events.
.PHONY: bench-risk
bench-risk: deps build
	@scripts/bench-risk --record

# Reports (issue 15): a year of data at two crossings (100k, then 10M
# events) and wrk on the traffic reports and the dashboard against the
# static file; about half an hour on 2 cores (docs/performance.md).
.PHONY: bench-reports
bench-reports: deps build
	@scripts/bench-reports

.PHONY: bench-fleet
# The fleet (issue 16): 2,000 vehicles with five years of trips and
# refuellings, the dashboard and a unit's yearly report against the static
# file (docs/performance.md).
bench-fleet: deps build
	@scripts/bench-fleet

# The customer's inbox (issue 18): 100,000 items of one company over five
# years, its first page, a filtered and an old page against the static file
# (docs/performance.md).
.PHONY: bench-inbox
bench-inbox: deps build
	@scripts/bench-inbox

FUZZ_SRC := tests/fuzz/fuzz-events.c cgi-bin/ingest/event.c lib/xmlsafe.c lib/valid.c lib/util.c lib/log.c domain/watch_keys.c
FUZZ_RULE_SRC := tests/fuzz/fuzz-risk-rule.c domain/risk_rule.c domain/risk_rule_fields.c
FUZZ_TIME ?= 60
# Each target runs FUZZ_TIME seconds: the event parser, then the risk-rule
# language (issue 14), each on a corpus copy grown in build/.
fuzz: | deps
	@$(DEPS) clang libclang-rt-14-dev
	@mkdir -p $(BUILD)/fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu11 -Ilib -Idomain -Icgi-bin/ingest \
		$(PKG_CFLAGS) $(FUZZ_SRC) -o $(BUILD)/fuzz/fuzz-events \
		$(PKG_LIBS)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu11 -Idomain \
		$(FUZZ_RULE_SRC) -o $(BUILD)/fuzz/fuzz-risk-rule
	cp -r tests/fuzz/corpus/. $(BUILD)/fuzz/corpus/ 2>/dev/null || cp -r tests/fuzz/corpus $(BUILD)/fuzz/corpus
	cp -r tests/fuzz/corpus-risk-rule/. $(BUILD)/fuzz/corpus-risk-rule/ 2>/dev/null || cp -r tests/fuzz/corpus-risk-rule $(BUILD)/fuzz/corpus-risk-rule
	$(BUILD)/fuzz/fuzz-events -max_total_time=$(FUZZ_TIME) -max_len=65536 $(BUILD)/fuzz/corpus
	$(BUILD)/fuzz/fuzz-risk-rule -max_total_time=$(FUZZ_TIME) -max_len=4200 \
		-dict=tests/fuzz/risk-rule.dict $(BUILD)/fuzz/corpus-risk-rule
