"""Component `experiences_context`: ConText-style status of each effect mention.

A trigger governs the words after it up to a termination term or the end of its sentence, and only
within a few words: "no headaches, but some nausea" negates the headache, not the nausea. The
reason someone doses ("for my anxiety") is not an effect, so such mentions are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .mentions import EffectMention
from .text import phrase_regex, sentence_span, sentence_starts

WORD = re.compile(r"[\w'’]+")


@Language.factory("experiences_context")
def make_context(nlp: Language, name: str) -> "Context":
    return Context()


class Context:
    def __init__(self):
        self.rules = rules.load("context.json")
        flags = re.IGNORECASE
        self.negation = re.compile(rf"\b(?:{phrase_regex(self.rules.negation)})\b", flags)
        self.hypothetical = re.compile(rf"\b(?:{phrase_regex(self.rules.hypothetical)})\b", flags)
        self.reason = re.compile(rf"\b(?:{phrase_regex(self.rules.reason)})\s*$", flags)
        self.termination = re.compile(rf"\b(?:{phrase_regex(self.rules.termination)})\b|[,;:(]\s*(?:but|and)\b", flags)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = sentence_starts(text)
        statuses = []
        for mention in doc._.effects:
            status = self._status(text, starts, mention)
            if status is not None:
                statuses.append(replace(mention, status=status))
        doc._.effects = statuses
        return doc

    def _status(self, text: str, starts: list[int], mention: EffectMention) -> str | None:
        sentence_start, sentence_end = sentence_span(starts, text, mention.start)
        clause_start = sentence_start
        for term in self.termination.finditer(text, sentence_start, mention.start):
            clause_start = term.end()
        before = text[clause_start:mention.start]
        words = list(WORD.finditer(before))
        window = before[words[-self.rules.window_words].start():] if len(words) > self.rules.window_words else before
        if self.reason.search(before):
            return None
        if self.negation.search(window):
            return "negated"
        if self.hypothetical.search(before) or "?" in text[mention.end:sentence_end + 1]:
            return "hypothetical"
        return "present"
