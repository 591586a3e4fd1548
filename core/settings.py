"""The one settings object, built at the edge (CLI, bot) and passed in; nothing reads env vars elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as SALESCOACH_<FIELD> in the environment."""

    model_config = SettingsConfigDict(env_prefix="SALESCOACH_", env_file=None, extra="ignore")

    home: Path = Field(default=Path(".salescoach"), description="All state lives here.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite under home.")
    chroma_url: str | None = Field(default=None, description="Chroma server URL; default embedded client.")
    collection: str = "salescoach"

    # Retrieval
    embedding_model: str | None = Field(
        default=None,
        description="Embedding model: 'use-multilingual-v3' (default, bundled, multilingual), 'minilm' (the "
        "bundled English all-MiniLM-L6-v2), or any sentence-transformers model name or local path.",
    )
    embedding_batch_size: int = Field(
        default=16,
        ge=1,
        description="Passages per model call at ingest; on 2 CPU cores 16 ran 97 passages/s against 71 at 64.",
    )
    embedding_threads: int = Field(
        default=1,
        ge=1,
        description="Torch CPU threads for the embedding model; 1 keeps query latency steady on a shared machine.",
    )
    embedding_ingest_threads: int = Field(
        default=2, ge=1, description="Torch CPU threads when embedding document batches at ingest time."
    )
    embedding_bf16: bool = Field(
        default=True,
        description="Encode with a bfloat16 copy of the model where the CPU supports bf16 natively (about 2x "
        "faster on CPU; vectors match float32 to cosine >= 0.998).",
    )
    embedding_cjk_max_tokens: int | None = Field(
        default=128,
        ge=8,
        description="Token cap when embedding CJK-heavy passages (None: the model's own 256). The English MiniLM "
        "spends a token per Chinese character while Chinese retrieval leans on BM25, which sees the whole passage.",
    )
    calibration_path: Path | None = Field(
        default=None,
        description="Per-model calibration YAML (cosine scale, dense weights, fitted answerability model); default "
        "the bundled knowledge/calibration.yaml.",
    )
    max_file_mb: float = Field(
        default=50,
        gt=0,
        description="Largest file ingest reads (and largest unzipped content of a .docx); bigger ones are refused "
        "in one line, so one huge file cannot hold memory and the index for minutes.",
    )
    top_k: int = 5
    glossary_enabled: bool = Field(
        default=True,
        description="Expand searches with the bilingual glossary (a Chinese question finds an English sheet).",
    )
    dictionary_enabled: bool = Field(
        default=True,
        description="Translate question words with the CC-CEDICT dictionary (cut to the knowledge base's words) so an "
        "English question finds a Chinese passage and the reverse.",
    )
    glossary_path: Path | None = Field(
        default=None, description="A company glossary (YAML, en/zh concept groups); default the bundled one."
    )
    relevance_threshold: float = Field(
        default=0.32,
        description="Minimum calibrated relevance for an answer to count as grounded. Calibrated on the sample "
        "eval sets: 95% of answerable questions grounded, 84% of unanswerable ones refused.",
    )
    max_question_chars: int = 2000
    fallback_contact: str = "your manager or Sales Operations (sales-ops@example.com)"
    fallback_contact_zh: str = Field(
        default="你的经理或销售运营部（sales-ops@example.com）",
        description="The same pointer in Chinese, for answers to Chinese questions.",
    )

    # Optional LLM answer mode
    answer_mode: Literal["extractive", "llm"] = "extractive"
    llm_provider: Literal["openai", "ollama"] = "openai"
    llm_model: str = "gpt-4o-mini"
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None

    # Compliance
    compliance_rules_path: Path | None = Field(
        default=None, description="Compliance rule YAML; default the rule file shipped in knowledge/."
    )
    compliance_semantic: bool = Field(
        default=True,
        description="Add the semantic second opinion (nearest labelled drafts, the knowledge core's embedding "
        "model) to /check; false = rules only.",
    )
    max_check_chars: int = Field(
        default=20000,
        gt=0,
        description="Longest draft /check examines; longer ones are checked on their first this-many characters, "
        "with a warning, so one message cannot hold a worker for minutes.",
    )

    # Coaching
    gross_margin: float = Field(default=0.35, ge=0, le=1)
    customer_lifetime_years: float = Field(default=3.0, gt=0)

    # Telegram
    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "SALESCOACH_TELEGRAM_BOT_TOKEN")
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        validation_alias=AliasChoices("TELEGRAM_API_BASE_URL", "SALESCOACH_TELEGRAM_API_BASE_URL"),
    )
    invite_ttl_hours: int = 72
    rate_limit_per_minute: int = 20
    onboarding_nudge_hour: int = Field(default=9, ge=0, le=23)
    onboarding_file: Path | None = Field(
        default=None, description="Onboarding paths YAML; default home/onboarding.yaml, else the sample."
    )
    briefing_reminder_days: list[int] = Field(
        default=[2, 0], description="Remind non-acknowledged recipients this many days before the due date."
    )
    briefing_reminder_hour: int = Field(default=9, ge=0, le=23, description="UTC hour reminders go out.")
    web_base_url: str = Field(
        default="http://127.0.0.1:8000", description="The web console's address as users reach it (login links)."
    )

    @property
    def db_url(self) -> str:
        """The SQL store URL: the configured one, or SQLite under home."""
        return self.database_url or f"sqlite:///{(self.home / 'salescoach.db').resolve()}"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def lexical_path(self) -> Path:
        return self.home / "lexical"

    def ensure_home(self) -> None:
        """Create the state folder; called by the edges before they touch the store."""
        self.home.mkdir(parents=True, exist_ok=True)
