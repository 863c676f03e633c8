"""Component `experiences_effects`: the 25 effect ids from their wordings (a phrase matcher)."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import rules
from .mentions import EffectMention


@Language.factory("experiences_effects")
def make_effect_finder(nlp: Language, name: str) -> "EffectFinder":
    return EffectFinder(nlp)


class EffectFinder:
    def __init__(self, nlp: Language):
        self.effects = rules.load("effects.json").by_id()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for effect in self.effects.values():
            self.matcher.add(effect.id, list(nlp.tokenizer.pipe(effect.terms)))

    def __call__(self, doc: Doc) -> Doc:
        spans = sorted(filter_spans(self.matcher(doc, as_spans=True)), key=lambda s: s.start)
        found = []
        for span in spans:
            effect = self.effects[span.label_]
            # Status starts as present; the context component decides negation and hypotheticals.
            found.append(EffectMention(effect.id, effect.kind, effect.category, "present",
                                       span.start_char, span.end_char))
        doc._.effects = found
        return doc
