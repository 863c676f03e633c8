"""The extraction pipeline: `spacy.blank("en")` plus our registered components.

Use `build_nlp()`; each component lives in its own module and reads its rules from resources/.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their factories with spaCy.
from . import context, doses, effects, schedules, substances  # noqa: F401
from .text import _TEXT_KEY

COMPONENTS = ("experiences_substances", "experiences_doses", "experiences_schedules",
              "experiences_effects", "experiences_context")

for _name in ("substances", "doses", "schedules", "effects", "text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class TextKeepingTokenizer:
    """The blank tokenizer, keeping the input string on the Doc (as doc._.text).

    Rebuilding `doc.text` walks every token in Python and cost about half of all extraction time;
    the components read the kept string instead (see text.text_of).
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[_TEXT_KEY] = text  # doc._.text = text, without the Underscore machinery
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def build_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


@cache
def shared_nlp() -> Language:
    """One pipeline per process: building it compiles every rule file."""
    return build_nlp()
