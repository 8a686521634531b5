# Two commands do everything on a fresh machine:
#   make serve   install, ingest the corpus, start the API + web page on http://127.0.0.1:8000/
#   make test    install (with test tools and Chromium), run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
export OMP_NUM_THREADS ?= 2

.PHONY: install serve test chromium eval bench

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

serve: install
	$(VENV)/bin/ems serve

# The browser test needs Debian's Chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) \
	  || echo "Chromium non installé : le test navigateur sera ignoré."; }

test: install chromium
	$(PY) -m pytest -q

eval: install
	$(VENV)/bin/ems eval ../shared/eval/dev.jsonl --min 0.9

bench: install
	$(PY) bench/ingest.py && $(PY) bench/answers.py && $(PY) bench/load.py
