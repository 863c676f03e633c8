"""Component `experiences_doses`: amounts of psilocybin material or LSD, normalised.

Compiled regular expressions over the raw text (token patterns are far slower), then attribution
to a substance from the nearest substance or supplement named in the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .mentions import DoseMention, SubstanceMention
from .substances import SUPPLEMENT
from .text import phrase_regex, sentence_span, sentence_starts

NUMBER = r"(?:\d+(?:[.,]\d+)?|[.,]\d+)"
POINT_WORDS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9}
DEFAULT_SUBSTANCE = {"g": "psilocybin", "mg": "psilocybin", "ug": "lsd", "tab": "lsd",
                     "capsule": "psilocybin", "ml": "lsd"}


@Language.factory("experiences_doses")
def make_dose_finder(nlp: Language, name: str) -> "DoseFinder":
    return DoseFinder()


class DoseFinder:
    def __init__(self):
        self.rules = rules.load("doses.json")
        self.unit_of = {word.lower(): unit for unit, words in self.rules.units.items() for word in words}
        unit = phrase_regex(self.unit_of)
        fraction = phrase_regex(self.rules.fractions)
        count = phrase_regex(self.rules.number_words)
        point = "|".join(POINT_WORDS)
        end = r"(?![\w/µμ])"
        self.pattern = re.compile(
            rf"(?<![\w.,/])(?P<low>{NUMBER})\s*(?:{unit})?\s*(?:-|–|—|~|to)\s*(?P<high>{NUMBER})\s*(?P<runit>{unit}){end}"
            rf"|(?<![\w.,/])(?P<num>\d+)\s*/\s*(?P<den>\d+)(?:th)?\s+(?:of\s+)?(?:(?:a|an|one|the|my)\s+)?(?P<funit>{unit}){end}"
            rf"|\b(?:(?P<count>{count})\s+)?(?P<frac>{fraction})s?\s+(?:of\s+)?(?:(?:a|an|one|the|my)\s+)?(?P<wunit>{unit}){end}"
            rf"|\bpoint\s+(?P<point>(?:{point})(?:\s+(?:{point}))?)\b"
            rf"|(?<![\w.,/])(?P<value>{NUMBER})\s*(?P<unit>{unit}){end}"
            rf"|\b(?P<capcount>{count}|\d)\s+(?P<capunit>caps?|capsules?|pills?){end}",
            re.IGNORECASE,
        )
        self.stock = re.compile(rf"\b(?:{phrase_regex(self.rules.stock_words)})\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = sentence_starts(text)
        found = []
        for match in self.pattern.finditer(text):
            amount = self._amount(match)
            if amount is None:
                continue
            low, high, unit = amount
            dose = self._attribute(text, starts, match.start(), match.end(), low, high, unit, doc._.substances)
            if dose is not None:
                found.append(dose)
        doc._.doses = found
        return doc

    def _amount(self, m: re.Match) -> tuple[float, float, str] | None:
        groups = m.groupdict()
        if groups["runit"]:
            low, high, unit = _number(groups["low"]), _number(groups["high"]), self.unit_of[_norm(groups["runit"])]
            if low is None or high is None or low >= high:
                return None
        elif groups["funit"]:
            denominator = int(groups["den"])
            if denominator == 0:
                return None
            low = high = int(groups["num"]) / denominator
            unit = self.unit_of[_norm(groups["funit"])]
        elif groups["wunit"]:
            times = self.rules.number_words.get((groups["count"] or "a").lower(), 1)
            low = high = times * self.rules.fractions[groups["frac"].lower()]
            unit = self.unit_of[_norm(groups["wunit"])]
        elif groups["point"]:
            digits = "".join(str(POINT_WORDS[w.lower()]) for w in groups["point"].split())
            low = high = float("0." + digits)
            unit = "g"
        elif groups["unit"]:
            low = high = _number(groups["value"])
            unit = self.unit_of[_norm(groups["unit"])]
            if low is None:
                return None
        else:
            raw = groups["capcount"].lower()
            low = high = float(raw) if raw.isdigit() else self.rules.number_words.get(raw)
            unit = "capsule"
            if low is None or raw in ("a", "an"):
                return None
        if low <= 0:
            return None
        return round(low, 6), round(high, 6), unit

    def _attribute(self, text, starts, start, end, low, high, unit, substances) -> DoseMention | None:
        sentence_start, sentence_end = sentence_span(starts, text, start)
        window = self.rules.window_chars
        if self.stock.search(text, end, min(sentence_end, end + 15)) or self.stock.search(
                text, max(sentence_start, start - 12), start):
            return None  # "a 3.5g bag", "a 4 g bar": stock, not a dose
        substance = _nearest(text, substances, start, end, max(sentence_start, start - window),
                             min(sentence_end, end + window))
        if substance in (SUPPLEMENT, "other"):
            return None
        if substance is None:
            substance = DEFAULT_SUBSTANCE[unit]
        if unit in ("g", "mg") and substance == "lsd" and not (unit == "mg" and high <= 1):
            substance = "psilocybin"  # grams, or whole milligrams, of LSD are never a microdose
        if unit == "mg":
            if substance == "lsd":
                low, high, unit = low * 1000, high * 1000, "ug"
            else:
                low, high, unit = low / 1000, high / 1000, "g"
        elif unit in ("ug", "tab"):
            substance = "lsd"
        return DoseMention(substance, round(low, 6), round(high, 6), unit, start, end)


_AFTER_GAP = re.compile(r"[\s(]*(?:(?:of|dried|fresh|ground|powdered|my|the|some|worth|a|an)\s+)*[\s(]*")
_BEFORE_GAP = re.compile(r"[^\d;]*")
_ADJACENT = re.compile(r"[\s(:~-]*(?:about|around|approx\.?|roughly)?[\s(:~-]*")


def _nearest(text: str, mentions: list[SubstanceMention], start: int, end: int, lo: int, hi: int) -> str | None:
    """The substance named right after the amount ("100mg of shrooms", "10ug LSD"), else the closest
    one before it with no other amount in between ("LSD, about 10ug")."""
    index = bisect_left([m.start for m in mentions], end)
    if index < len(mentions) and mentions[index].start < hi and _AFTER_GAP.fullmatch(text, end, mentions[index].start):
        return mentions[index].substance
    if index > 0:
        before = mentions[index - 1]
        gap = _BEFORE_GAP if before.substance in ("psilocybin", "lsd") else _ADJACENT
        if lo <= before.end <= start and gap.fullmatch(text, before.end, start):
            return before.substance
    return None


def _number(raw: str) -> float | None:
    # A comma followed by one to two digits is a decimal comma ("0,1 g", "2,5 ug").
    if "," in raw:
        whole, _, fraction = raw.partition(",")
        if len(fraction) > 2:
            return None
        raw = f"{whole or '0'}.{fraction}"
    try:
        return float(raw)
    except ValueError:
        return None


def _norm(unit: str) -> str:
    return " ".join(unit.lower().split())
