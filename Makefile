# The two commands of the README are `make demo` and `make test`; both bootstrap first.
PLUGIN   := habitat_planning_plugin
VENV     := .venv
PY       := $(VENV)/bin/python
BUILD    := build
PLUGINS  := $(BUILD)/plugins
TARGET   := $(PLUGINS)/$(PLUGIN)
VERSION  := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP      := dist/$(PLUGIN)-$(VERSION).zip
# Resources the installed plugin uses (sample data included: workshop mode and the demo need it).
RESOURCE_DIRS := icons styles models sample_data frameworks questionnaires

.PHONY: test-core bootstrap build qm ts check-translations lint format package demo test sample-data clean

bootstrap:
	@bash scripts/bootstrap.sh

ts:
	python3 scripts/translations.py update

qm:
	@python3 scripts/translations.py compile

check-translations:
	python3 scripts/translations.py check

# Lint, format and import order (ruff, pyproject.toml), types of the core (mypy), Qt 6 / QGIS 4 incompatibilities.
lint: bootstrap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m mypy
	$(PY) scripts/check_qt6.py

# Rewrites the code in the project's format and fixes what ruff can (imports sorted, unused ones removed).
format: bootstrap
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Assemble the self-contained plugin folder QGIS loads: package + metadata + licence + .qm + resources.
build: qm
	@rm -rf $(TARGET) && mkdir -p $(TARGET)/i18n $(TARGET)/resources
	@cp -r $(PLUGIN)/. $(TARGET)/
	@find $(TARGET) -name __pycache__ -type d -prune -exec rm -rf {} +
	@cp metadata.txt LICENSE $(TARGET)/
	@cp $(BUILD)/i18n/*.qm $(TARGET)/i18n/
	@for d in $(RESOURCE_DIRS); do [ -d resources/$$d ] && cp -r resources/$$d $(TARGET)/resources/ || true; done
	@echo "built $(TARGET)"

package: build
	@mkdir -p dist && rm -f $(ZIP)
	@cd $(PLUGINS) && zip -q -r -X ../../$(ZIP) $(PLUGIN)
	@echo "packaged $(ZIP)"

sample-data: bootstrap
	$(PY) scripts/make_sample_city.py
	$(PY) scripts/make_sample_builtup.py

demo: bootstrap build
	QT_QPA_PLATFORM=offscreen $(PY) scripts/demo.py

# docs/algorithms.md and docs/algorithms_zh_CN.md, from the algorithms' own definitions (the .qm of the build give the
# Chinese). check-docs (part of make test) fails while the committed files differ from what the algorithms say.
.PHONY: docs check-docs
docs: bootstrap build
	QT_QPA_PLATFORM=offscreen $(PY) scripts/make_algorithm_docs.py --output-dir docs

check-docs: build
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	QT_QPA_PLATFORM=offscreen $(PY) scripts/make_algorithm_docs.py --output-dir "$$tmp" >/dev/null || exit 1; \
	status=0; for f in algorithms.md algorithms_zh_CN.md; do \
	  diff -u "docs/$$f" "$$tmp/$$f" || { echo "docs/$$f is out of date: run make docs" >&2; status=1; }; \
	done; exit $$status

# Tests run under a real X display (Xvfb): the dialogs are shown, filled, run and photographed
# (build/screenshots/, not committed).
test: bootstrap
	@$(MAKE) --no-print-directory check-translations lint package check-docs test-core
	xvfb-run -a -s "-screen 0 1280x1024x24" env QT_QPA_PLATFORM=xcb $(PY) -m pytest

# The QGIS-free core on its own, in seconds: plain pytest, no pytest-qgis, any import of qgis refused.
test-core: bootstrap
	HABITAT_CORE_LANE=1 $(PY) -m pytest test/core -p no:pytest_qgis -o addopts="-ra" --confcutdir=test/core -q

clean:
	rm -rf $(BUILD) dist output .pytest_cache .qgis-settings
