# tianbiao: two commands for a newcomer — `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out
# The PDF corpora are printed under two font setups (tests/fontsetups.py): Noto CJK + DejaVu,
# and Liberation + WenQuanYi Zen Hei, as two schools' machines would print them.
# chromium: the web page's end-to-end test (tests/web/test_browser.py) and `make screenshots`
# drive Debian's browser through Playwright; Playwright never downloads a browser of its own.
# postgresql: the store's tests run on SQLite and on a throw-away PostgreSQL server that the
# test session starts from Debian's initdb/pg_ctl (tests/pgcluster.py), as user postgres.
APT_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
	fonts-noto-cjk fonts-dejavu-core fonts-liberation2 fonts-wqy-zenhei chromium postgresql
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: demo test serve lint forms bench system-packages clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# When run as root on Debian, install LibreOffice and CJK fonts if they are missing.
system-packages:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=""; for p in $(APT_PACKAGES); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "安装系统软件包：$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	fi

demo: $(STAMP) system-packages
	$(BIN)/python samples/demo.py --out $(OUT)

# The web page over the demo's store (make demo first, if it has not run): open the address
# it prints; Ctrl+C stops it.
serve: $(STAMP) system-packages
	@[ -f $(OUT)/tianbiao.db ] || $(BIN)/python samples/demo.py --out $(OUT)
	$(BIN)/python samples/serve_demo.py --out $(OUT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP) system-packages lint
	$(BIN)/python -m pytest -q

# Render the first page of every blank form to docs/forms/<id>.png (shown in the README).
forms: $(STAMP) system-packages
	$(BIN)/python docs/render_forms.py

# Print a demo summary of every form schools fill; its first pages go to docs/summaries/.
.PHONY: summaries
summaries: $(STAMP) system-packages
	$(BIN)/python docs/render_summaries.py

# Screenshot the web page on the demo's data in headless chromium to docs/web/ (shown in the
# README): a school's page after an upload with problems, at a phone's width, and the board.
.PHONY: screenshots
screenshots: $(STAMP) system-packages
	$(BIN)/python docs/render_web.py

bench: $(STAMP) system-packages
	$(BIN)/python bench/run.py

# Measure `forms infer` on every blank and return (a few minutes); rewrite docs/inference.md.
.PHONY: inference-report
inference-report: $(STAMP) system-packages
	$(BIN)/python bench/inference_report.py --write

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache .mypy_cache .ruff_cache
