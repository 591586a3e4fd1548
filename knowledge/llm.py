"""Optional LLM answer mode: build the chat model from settings and the prompt that keeps it to the passages.

Provider packages are imported only when LLM mode is used, so the default extractive path never needs them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from langchain_core.exceptions import LangChainException
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from core.settings import Settings

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You answer sales representatives' questions using ONLY the numbered passages from company documents. "
    "Cite every statement with its passage number in square brackets, like [1] or [2]. "
    "If the passages do not contain the answer, say that the documents do not cover it. "
    "Do not use outside knowledge. Answer in {language}, in at most five sentences."
)


def model_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a failing model call can raise and the answerer may fall back from.

    Built lazily: openai and httpx are only importable where the LLM extras are installed.
    """
    errors: list[type[BaseException]] = [LangChainException, ValueError, TimeoutError, ConnectionError]
    try:
        import httpx

        errors.append(httpx.HTTPError)
    except ImportError:  # pragma: no cover - httpx ships with langchain
        pass
    try:
        import openai

        errors.append(openai.OpenAIError)
    except ImportError:  # pragma: no cover - optional extra
        pass
    try:
        import ollama

        errors.append(ollama.ResponseError)
    except ImportError:  # pragma: no cover - optional extra
        pass
    return tuple(errors)


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The configured chat model (OpenAI-compatible endpoint or Ollama); ImportError if not installed."""
    if settings.llm_provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url, temperature=0)
    from langchain_openai import ChatOpenAI

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=api_key,
        temperature=0,
        timeout=30,
        max_retries=1,
    )


def build_messages(question: str, passages: Sequence[tuple[int, str, str]], *, language: str) -> list[BaseMessage]:
    """System rules plus the question and the numbered passages as (number, heading, text)."""
    blocks = "\n\n".join(f"[{n}] {heading}\n{text}" for n, heading, text in passages)
    lang = "Chinese (简体中文)" if language == "zh" else "English"
    return [
        SystemMessage(content=SYSTEM_PROMPT.format(language=lang)),
        HumanMessage(content=f"Passages:\n\n{blocks}\n\nQuestion: {question}"),
    ]
