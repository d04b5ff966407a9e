# The quick start. `make demo` builds the demo help center into _site/ and `make test` runs every test;
# both first install the Debian packages this machine lacks (Scripts/setup/install-packages.sh).
# With the packages present, `swift run helpcenter …` and `swift test` work as usual.

SWIFT ?= swift
# Extra arguments for the demo build, e.g. `make demo ARGS="--site-url https://example.com"`.
ARGS ?=

.PHONY: demo serve test swift-test browser-test packages test-packages help

## demo: build the built-in demo help center into _site/ (installs cmark-gfm's libraries if missing)
demo: packages
	$(SWIFT) run helpcenter build $(ARGS)
	@echo "Preview it with live reload: make serve  (or serve the built folder: swift run helpcenter serve --site _site)"

## serve: build the demo and preview it on http://127.0.0.1:8000/ with live reload
serve: packages
	$(SWIFT) run helpcenter serve $(ARGS)

## test: every test: the Swift suite, then the site check and the browser tests in headless Chromium
test: test-packages swift-test browser-test

swift-test:
	$(SWIFT) test

browser-test:
	python3 Scripts/check-site/check-site.py
	python3 Scripts/browser-tests/search_test.py
	python3 Scripts/browser-tests/live_reload_test.py
	python3 Scripts/browser-tests/site_test.py
	python3 Scripts/browser-tests/hostile_test.py

packages:
	@Scripts/setup/install-packages.sh demo

test-packages:
	@Scripts/setup/install-packages.sh test

## help: list these targets
help:
	@sed -n 's/^## //p' Makefile
