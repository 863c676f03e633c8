"""Component `experiences_schedules`: named and patterned dosing schedules, normalised to ids."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .mentions import ScheduleMention
from .text import phrase_regex, sentence_span, sentence_starts

COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNT = r"(?:[1-7]|one|two|three|four|five|six|seven)"
ON_OFF = re.compile(
    rf"\b(?P<on>{_COUNT})\s*(?:days?\s*)?on\s*[,/&-]?\s*(?:and\s+|then\s+)?(?P<off>{_COUNT})\s*(?:days?\s*)?off\b",
    re.IGNORECASE)


@Language.factory("experiences_schedules")
def make_schedule_finder(nlp: Language, name: str) -> "ScheduleFinder":
    return ScheduleFinder()


class ScheduleFinder:
    def __init__(self):
        self.rules = rules.load("schedules.json")
        self.patterns = [(entry.id, entry.needs_dosing_context,
                          re.compile(r"\b(?:" + "|".join(entry.patterns) + r")\b", re.IGNORECASE))
                         for entry in self.rules.schedules]
        self.dosing = re.compile(rf"\b(?:{phrase_regex(self.rules.dosing_words)})\b|\d\s*(?:mg|g|ug|mcg)\b",
                                 re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = sentence_starts(text)
        found = [self._on_off(m) for m in ON_OFF.finditer(text)]
        for schedule, needs_context, pattern in self.patterns:
            for match in pattern.finditer(text):
                if needs_context and not self._dosing_sentence(text, starts, match.start()):
                    continue
                found.append(ScheduleMention(schedule, match.start(), match.end()))
        doc._.schedules = _without_overlaps(found)
        return doc

    def _on_off(self, match: re.Match) -> ScheduleMention:
        on, off = _count(match.group("on")), _count(match.group("off"))
        schedule = self.rules.on_off.get(f"{on}/{off}")
        if schedule is None:
            return ScheduleMention("custom", match.start(), match.end(), on, off)
        return ScheduleMention(schedule, match.start(), match.end())

    def _dosing_sentence(self, text: str, starts: list[int], position: int) -> bool:
        start, end = sentence_span(starts, text, position)
        return self.dosing.search(text, start, end) is not None


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else COUNT_WORDS[raw.lower()]


def _without_overlaps(mentions: list[ScheduleMention]) -> list[ScheduleMention]:
    """Keep the longest of overlapping mentions, then return them in text order."""
    kept: list[ScheduleMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
