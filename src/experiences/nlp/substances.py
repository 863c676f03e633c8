"""Component `experiences_substances`: names of psilocybin, LSD, other psychoactives, and the
supplements and medicines that must not be mistaken for them.

Names are listed terms (PhraseMatcher), plus per substance a few spelling patterns (compiled regexes over the
folded text) for misspellings no list can hold. Names inside a markdown link's text or a web address are
dropped: they are the title or address of somebody else's post, not what the author took."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import rules
from .mentions import SubstanceMention
from .scan import Batched, casefree, put, shared

SUPPLEMENT = "supplement"
_URL = re.compile(r"\bhttps?://[^\s)\]>]+")


@Language.factory("experiences_substances")
def make_substance_tagger(nlp: Language, name: str) -> "SubstanceTagger":
    return SubstanceTagger(nlp)


class SubstanceTagger(Batched):
    def __init__(self, nlp: Language):
        lexicon = rules.load("substances.json")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for substance in lexicon.substances:
            self.lower.add(substance.id, list(nlp.tokenizer.pipe(substance.terms)))
            if substance.exact_terms:
                self.exact.add(substance.id, list(nlp.tokenizer.pipe(substance.exact_terms)))
        self.lower.add(SUPPLEMENT, list(nlp.tokenizer.pipe(lexicon.not_substances)))
        # Spelling patterns, written in lower case and run over the folded text (see scan.fold) without a leading
        # \b, so that the regex engine can skip ahead to their first letters; a match inside a word is dropped.
        self.patterns = [(substance.id, re.compile(rf"(?:{'|'.join(substance.patterns)})\b"))
                         for substance in lexicon.substances if substance.patterns]

    def __call__(self, doc: Doc) -> Doc:
        matches = self.lower(doc, as_spans=True) + self.exact(doc, as_spans=True)
        if self.patterns:
            folded = shared(doc).folded
            for label, pattern in self.patterns:
                for m in pattern.finditer(folded):
                    if m.start() and (folded[m.start() - 1].isalnum() or folded[m.start() - 1] == "_"):
                        continue  # inside a word
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        matches.append(span)
        mentions = [SubstanceMention(span.label_, span.start_char, span.end_char)
                     for span in sorted(filter_spans(matches), key=lambda s: s.start)]
        if mentions:
            doc_text = shared(doc)
            mentions = doc_text.outside_links(mentions)  # "[Psilocybin for depression](https://...)"
            if "://" in doc_text.text:  # ".../comments/abc/lsd_and_sleep/": a web address names nothing taken
                urls = [m.span() for m in _URL.finditer(doc_text.text)]
                mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in urls)]
        put(doc, "substances", mentions)
        return doc


@cache
def _medicine_regex() -> re.Pattern | None:
    suffixes = rules.load("substances.json").medicine_suffixes
    if not suffixes:
        return None
    alternation = "|".join(sorted(map(re.escape, suffixes), key=len, reverse=True))
    return re.compile(rf"\b[a-z][a-z-]{{2,}}?(?:{alternation})\b", re.IGNORECASE)


@cache
def _medicine_folded() -> re.Pattern | None:
    """_medicine_regex() for the folded text (see scan.casefree), if it can be shown to be the same."""
    pattern = _medicine_regex()
    return None if pattern is None else casefree(pattern)


def medicine_mentions(text: str, start: int, end: int, folded: str | None = None) -> list[SubstanceMention]:
    """Medicines named by their INN word ending ("clozapine", "haloperidol") in text[start:end].

    Only the dose finder needs them, and only next to an amount: scanning these short windows is far
    cheaper than scanning every document for word endings. `folded`: the folded text (scan.fold), where a
    case-sensitive copy of the regex finds the same spans faster."""
    pattern = _medicine_regex()
    if pattern is None:
        return []
    if folded is not None and _medicine_folded() is not None:
        pattern, text = _medicine_folded(), folded
    return [SubstanceMention(SUPPLEMENT, m.start(), m.end()) for m in pattern.finditer(text, start, end)]
