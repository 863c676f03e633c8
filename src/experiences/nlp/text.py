"""Small helpers over raw text shared by the components."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc

# Sentence ends: end punctuation before a space or the end, and line breaks. This is `[.!?]+(?=\s|$)|\n+` with
# its first character taken out of the alternation, so that the regex engine can skip ahead to the next
# [.!?\n]: at each position the same alternatives are tried in the same order, and match the same text.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*(?=\s|$)|(?<=\n)\n*)")
_TEXT_KEY = ("._.", "text", None, None)  # where doc._.text keeps its value (the Underscore key of a Doc)


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


def same_length_lower(text: str) -> str:
    """text in lower case with the same length (so the offsets stay valid): a character whose lower case is
    longer, like "İ", is kept as it is."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low) == 1 else char for char, low in ((c, c.lower()) for c in text))


def text_of(doc: Doc) -> str:
    """The analysed string: kept by the tokenizer as doc._.text, since rebuilding doc.text is slow.

    Read straight from doc.user_data, where doc._.text keeps it: the Underscore machinery costs more
    than the lookup itself."""
    text = doc.user_data.get(_TEXT_KEY)
    return text if text is not None else doc.text
