"""Quiz wording every door shares (briefing quizzes and onboarding modules): the option letters, the question
line and the verdict, from the text catalogue. Doors only draw it (Telegram escapes and adds buttons)."""

from __future__ import annotations

from typing import Protocol

from core.catalogue import PLAIN, Language, Markup, text

QUIZ_LETTERS = "ABCDEF"


class QuizItem(Protocol):
    """What quiz wording reads of a question (workflows.briefings.QuizQuestion, shared by briefings and
    onboarding)."""

    answer: int

    def text(self, language: str) -> str: ...

    def choices(self, language: str) -> list[str]: ...


def quiz_question_line(question_text: str, n: int, total: int, language: Language) -> str:
    """ "Question 2/3: ..." for question n (0-based) of `total`; the caller escapes `question_text` if it must."""
    return text("quiz_question", language, n=n + 1, total=total, question=question_text)


def quiz_verdict(question: QuizItem, option: int, language: Language, *, reveal: bool, markup: Markup = PLAIN) -> str:
    """Right or wrong; `reveal` names the right letter (briefings do, onboarding does not: the rep retries)."""
    if option == question.answer:
        return text("quiz_right", language, markup=markup)
    if reveal:
        return text("quiz_wrong_answer", language, markup=markup, letter=QUIZ_LETTERS[question.answer])
    return text("quiz_wrong", language, markup=markup)
