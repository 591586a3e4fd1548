# Two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run test lint bench clean sample

setup: $(STAMP)

# torch goes first and pinned: the CPU build lies on local disk, anything else pulls gigabytes of CUDA.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Loads the bundled sample (knowledge base, roster, policy, KPIs) if not yet loaded, then starts
# the Telegram bot when TELEGRAM_BOT_TOKEN is set, the console chat otherwise (`make run AS=S003` chats as
# that rep, so authority questions get a yes or no for their role).
# AS is also make's built-in assembler variable (default "as"): only a value from the command line or the
# environment counts, or every `make run` would chat as a rep called "as".
ifeq ($(origin AS),default)
AS :=
endif
run: setup
	$(BIN)/salescoach sample --if-missing
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/salescoach bot; else $(BIN)/salescoach chat $(if $(AS),--as $(AS)); fi

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .salescoach
