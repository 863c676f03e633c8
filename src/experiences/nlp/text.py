"""Small helpers over raw text shared by the components."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")


def sentence_starts(text: str) -> list[int]:
    """Start offsets of sentences: a cheap split on end punctuation and line breaks."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_span(starts: list[int], text: str, position: int) -> tuple[int, int]:
    index = bisect_right(starts, position) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return starts[index], end


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first, with flexible inner whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def text_of(doc: Doc) -> str:
    """The analysed string: kept by the tokenizer, since rebuilding doc.text is slow."""
    return doc._.text if doc._.text is not None else doc.text
