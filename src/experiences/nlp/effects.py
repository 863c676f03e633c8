"""Component `experiences_effects`: the 25 effect ids from their wordings.

One PhraseMatcher (on NORM, so "didn't", "didn’t" and "didnt" match alike) finds every wording of
effects.json; overlapping matches keep the longest. Then cheap checks on the few words around each match:

- terms name the effect on their own ("headache", "slept better");
- weak terms are common words that count only after a state cue ("felt so calm", not "stay calm");
  feel terms only after a feeling verb ("felt good", not "good question");
- negated terms count only when negated ("didn't notice anything" -> no_effect);
- conditions ("anxiety", "depression") are no effect alone (usually the reason for dosing), but their
  relief is a benefit: "less anxiety", "my depression lifted" -> anxiety_reduction, mood_improvement;
- a reversal turns a side effect into its opposite benefit ("no longer tired" -> energy_increase) and a
  loss turns a benefit into its opposite side effect ("lack of focus" -> brain_fog); an effect with no
  opposite is then negated ("relief from headaches");
- not_effects are longer wordings that contain a term but name no effect ("social media");
- a weak or feel term followed by a clause is an attitude to it, not a felt state ("glad it works for you");
- a word after the mention ("... was gone") never reaches over a wording of the opposite sign ("felt amazing,
  my depression was gone"), though it may be one itself ("my anxiety is better"), and a condition of two effects
  ("social anxiety") turns into both.

The span of a mention covers its reversal or negation words, so the context component sees only what
governs the whole phrase. Status (negated / hypothetical) and reasons are the context component's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from . import rules
from .mentions import EffectMention
from .scan import Batched, put, shared

BLOCK, TERM, LEVEL, WEAK, FEEL, NEGATED, CONDITION = range(7)  # in order of precedence
_WORD = r"[\w'’-]+"
_LIST_ITEM = rf"{_WORD}\s*(?:,|/|&|\band\b|\bor\b)\s*"  # "energized, " in "felt energized, confident"
_STOPS = (". ", "! ", "? ", "\n")  # sentence ends (a bare "." would cut "0.1g")
_BEFORE_CHARS = 90  # how far back the word checks look (within the sentence)
_AFTER_CHARS = 70


def lower_text(doc: Doc) -> str:
    """The analysed text in lower case, with the same offsets (a character whose lower case is longer,
    like "İ", is kept as it is): computed once per document and shared by the components."""
    return shared(doc).lower


def alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one regex alternation, written as a trie ("not(?:\\s+(?:once|really))?") so that
    the engine dispatches on the next character instead of trying every phrase in turn, and longer phrases
    win. A space matches any whitespace; an apostrophe matches ' or ’ or none ("didn't", "didn’t", "didnt")."""
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # end of a phrase
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " else "['’]?" if char == "'" else re.escape(char)
        branches.append(piece + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@Language.factory("experiences_effects")
def make_effect_finder(nlp: Language, name: str) -> "EffectFinder":
    return EffectFinder(nlp)


class EffectFinder(Batched):
    def __init__(self, nlp: Language):
        lexicon = rules.load("effects.json")
        negation = rules.load("context.json").negation
        self.effects = lexicon.by_id()
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.labels: dict[int, tuple[int, str | None]] = {}

        def add(key: str, mode: int, effect_id: str | None, phrases: tuple[str, ...]) -> None:
            if phrases:
                self.matcher.add(key, list(nlp.tokenizer.pipe(phrases)))
                self.labels[nlp.vocab.strings[key]] = (mode, effect_id)

        for effect in lexicon.effects:
            add(effect.id, TERM, effect.id, effect.terms)
            add(f"{effect.id}#weak", WEAK, effect.id, effect.weak_terms)
            add(f"{effect.id}#feel", FEEL, effect.id, effect.feel_terms)
            add(f"{effect.id}#negated", NEGATED, effect.id, effect.negated_terms)
            add(f"{effect.id}#condition", CONDITION, effect.id, effect.conditions)
            add(f"{effect.id}#level", LEVEL, effect.id, effect.levels)
        add("#not_effect", BLOCK, None, lexicon.not_effects)

        flags = 0  # patterns and rule phrases are lower case, and run on lower_text(): faster than IGNORECASE
        gap = rf"(?:{alternation(lexicon.gap_words)})"  # "less of my anxiety"
        aux = rf"(?:{alternation(lexicon.aux_words)}|\d+)"  # "anxiety is 90 percent gone"
        # a filler may be joined to the word by a hyphen: "felt super-calm"
        tail = rf"(?:\s*(?:{alternation(lexicon.fillers)})\b|\s*{_LIST_ITEM}){{0,6}}(?:\s*|-)$"
        self.cue = re.compile(rf"\b(?:{alternation(lexicon.cues)}){tail}", flags)
        self.feel_cue = re.compile(rf"\b(?:{alternation(lexicon.feel_cues)}){tail}", flags)
        self.post_cue = re.compile(rf"\s*(?:{alternation(lexicon.post_cues)})\b", flags)
        self.negated_before = re.compile(
            rf"\b(?:{alternation(negation)})(?:\s+(?:{alternation(lexicon.negation_gap_words)})\b)*\s*$", flags)
        between_before = rf"(?:\s*(?:{gap}\b|{_LIST_ITEM})){{0,{lexicon.reversal_window_words}}}\s*$"
        self.reversal_before = re.compile(rf"\b(?:{alternation(lexicon.reversal_before)}){between_before}", flags)
        # a loss reaches only the benefit right after it: "less anxious, better mood" loses nothing
        self.loss_before = re.compile(rf"\b(?:{alternation(lexicon.loss_before)})(?:\s+{gap}\b)*\s*$", flags)
        # "<condition> (and depression) (has) (almost completely) <lifted>": one more listed item, then only
        # auxiliaries and adverbs, so that "wellness, focus, and decreased anxiety" reverses nothing.
        between_after = (rf"(?:\s*(?:,|/|&|\band\b|\bor\b)\s*(?!and\b|or\b)[\w'’-]+(?:\s+(?!and\b|or\b)[\w'’-]+)?)?"
                         rf"(?:\s+(?:(?:in|of|from|with|at)\s+(?:my|the|his|her|their|our)|at)\s+[\w'’-]+)?"
                         rf"(?:\s+{aux}){{0,{lexicon.reversal_window_words}}}\s*[\s-]")
        # "my irritability had gone way up" is no relief: a reversing word followed by "up" is a rise
        self.reversal_after = re.compile(
            rf"{between_after}(?P<word>{alternation(lexicon.reversal_after)})\b(?!\s+(?:way\s+|right\s+)?up\b)", flags)
        self.loss_after = re.compile(rf"{between_after}(?P<word>{alternation(lexicon.loss_after)})\b", flags)
        self.worsening_before = re.compile(rf"\b(?:{alternation(lexicon.worsening_before)})(?:\s+{gap}\b)*\s*$", flags)
        self.worsening_after = re.compile(rf"{between_after}(?P<word>{alternation(lexicon.worsening_after)})\b", flags)
        self.rise_before = re.compile(rf"\b(?:{alternation(lexicon.rise_before)})(?:\s+{gap}\b)*\s*$", flags)
        self.rise_after = re.compile(rf"{between_after}(?P<word>{alternation(lexicon.rise_after)})\b", flags)
        self.fall_after = re.compile(rf"{between_after}(?P<word>{alternation(lexicon.fall_after + lexicon.loss_after)})\b",
                                     flags)
        # "not anxious anymore", "I don't get headaches any more": the negation and the word after reverse together
        self.negation_near = re.compile(rf"\b(?:{alternation(negation)})(?:\s+[\w'’]+){{0,4}}?\s*$", flags)
        self.negated_after = re.compile(rf"(?:\s+[\w'’]+){{0,2}}?\s+(?:{alternation(lexicon.negated_after)})\b", flags)
        self.coordination = re.compile(r"[\s\"”’)]*(?:,|/|&|\band\b|\bor\b|\bbut\b|,\s*(?:and|but)\b)[\s\"“‘(]*")
        # "didn't feel anything, except a bit calmer" reports a felt effect: no "no effect" there
        exceptions = (rf"(?![^\S\n]*[,;:(-]?\s*(?:{alternation(lexicon.negated_exceptions)})\b)"
                      if lexicon.negated_exceptions else "")
        self.negated_end = re.compile(
            rf"{exceptions}[^\S\n]*(?:$|\n|[^\w\s]|(?:{alternation(lexicon.negated_end_words)}|\d)\b)", flags)
        self.clause_break = re.compile(r"\b(?:but|however|though|although|except)\b", flags)
        # "glad it works for you", "nervous I was ripped off": an attitude to a proposition, not a felt state
        self.complement = (re.compile(rf"[^\S\n]+(?:that\s+)?(?:{alternation(lexicon.complement_after)})(?![\w'’])"
                                      r"(?!\s+(?:think|guess|suppose|mean)\b)", flags)
                           if lexicon.complement_after else None)

    def __call__(self, doc: Doc) -> Doc:
        text = lower_text(doc)
        found = []
        last_end = -1
        matches = self._longest(doc)
        signs = [self._sign(candidates[0]) for _start, _end, candidates in matches]
        in_list = self._lists(text, matches)
        for index, (start, end, candidates) in enumerate(matches):
            # A weak word coordinated with an effect just found needs no cue of its own: "energetic and calm";
            # nor does one in a list of three or more wordings: "Happy, balanced, peaceful."
            listed = in_list[index] or (last_end >= 0 and self.coordination.fullmatch(text, last_end, start) is not None)
            # A word after the mention ("... was gone") cannot reach over a wording of the opposite sign:
            # in "felt amazing, my depression was gone" it is the depression that is gone, not the feeling.
            limit = None
            if signs[index]:
                for later in range(index + 1, len(matches)):
                    if matches[later][0] >= end + _AFTER_CHARS:
                        break
                    if signs[later] * signs[index] < 0:
                        limit = matches[later][0]
                        break
            conditions = set()
            for mode, effect_id in candidates:  # the same wording may be a term of one kind and weak of another
                if conditions and mode != CONDITION:
                    break
                mention = self._mention(text, mode, effect_id, start, end, listed, limit)
                if mention is not None:
                    found.append(mention)
                    last_end = end
                    if mode != CONDITION:
                        break
                    # a condition of two effects ("social anxiety") turns into both: "my social anxiety faded"
                    conditions.add(mention.effect)
        put(doc, "effects", found)
        return doc

    def _lists(self, text: str, matches: list) -> list[bool]:
        """For each match, whether it is one of a run of three or more wordings joined by commas or "and", one of
        them a word of feeling (an adjective: "happy, balanced, peaceful"), so that a list of nouns, often a list of
        goals ("motivation, creativity and focus are my priorities"), is not taken for felt states."""
        marks = [False] * len(matches)
        run_start = 0
        for index in range(1, len(matches) + 1):
            if index < len(matches) and self.coordination.fullmatch(text, matches[index - 1][1], matches[index][0]):
                continue
            if index - run_start >= 3 and any(mode == FEEL for _start, _end, candidates in matches[run_start:index]
                                              for mode, _effect in candidates):
                marks[run_start:index] = [True] * (index - run_start)
            run_start = index
        return marks

    def _longest(self, doc: Doc) -> list[tuple[int, int, list[tuple[int, str | None]]]]:
        """Non-overlapping matches, longest first (then leftmost), in text order, as character spans with
        their readings (mode, effect id) in order of precedence; not_effects are left out."""
        spans: dict[tuple[int, int], list[tuple[int, str | None]]] = {}
        for match_id, start, end in self.matcher(doc):
            spans.setdefault((start, end), []).append(self.labels[match_id])
        taken = bytearray(len(doc))  # 1 for tokens already covered by a longer match
        kept = []
        for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            candidates = sorted(spans[start, end])
            if candidates[0][0] != BLOCK:
                kept.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), candidates))
        kept.sort()
        return kept

    def _sign(self, reading: tuple[int, str | None]) -> int:
        """+1 for a good thing (a benefit's wording), -1 for a bad one (a side effect's wording or a condition),
        0 for a measure ("mood") or a neutral wording: what an after-word like "gone" or "improved" turns."""
        mode, effect_id = reading
        if mode == CONDITION:
            return -1
        if mode in (TERM, WEAK, FEEL):
            kind = self.effects[effect_id].kind
            return 1 if kind == "benefit" else -1 if kind == "side_effect" else 0
        return 0

    def _mention(self, text: str, mode: int, effect_id: str, start: int, end: int,
                 listed: bool = False, limit: int | None = None) -> EffectMention | None:
        before = _before(text, start)
        effect = self.effects[effect_id]
        if mode == NEGATED:
            negation = self.negated_before.search(before)
            # "didn't feel much" is no effect, "didn't feel much empathy" is about empathy.
            if negation is None or not self.negated_end.match(text, end):
                return None
            return self._make(effect_id, "present", start - len(before) + negation.start(), end)
        if mode in (CONDITION, LEVEL):
            if mode == CONDITION:  # relief of a condition is the benefit, its worsening the side effect
                better = self._turn(text, before, start, end, self.reversal_before, self.reversal_after, True, limit)
                worse = self._turn(text, before, start, end, self.worsening_before, self.worsening_after, limit=limit)
            else:  # a rise of a level is the benefit, its fall the side effect
                better = self._turn(text, before, start, end, self.rise_before, self.rise_after, limit=limit)
                worse = self._turn(text, before, start, end, self.loss_before, self.fall_after, limit=limit)
            if better:
                return self._make(effect_id, "present", *better)
            if worse and effect.opposite is not None:
                return self._make(effect.opposite, "present", *worse)
            return None
        if effect.kind == "side_effect":
            turned = self._turn(text, before, start, end, self.reversal_before, self.reversal_after, True, limit)
        elif effect.kind == "benefit":
            turned = self._turn(text, before, start, end, self.loss_before, self.loss_after, limit=limit)
        else:
            turned = None
        if turned is None:
            if mode == WEAK and not (listed or self.cue.search(before) or self.post_cue.match(text, end, end + 30)):
                return None
            if mode == FEEL and not (listed or self.feel_cue.search(before)):
                return None
            if mode in (WEAK, FEEL) and self.complement is not None and self.complement.match(text, end, end + 40):
                return None
            return self._make(effect_id, "present", start, end)
        if effect.opposite is None:
            return self._make(effect_id, "negated", *turned)
        return self._make(effect.opposite, "present", *turned)

    def _turn(self, text: str, before: str, start: int, end: int, pre: re.Pattern, post: re.Pattern,
              negated_reversal: bool = False, limit: int | None = None):
        """The widened span if a reversal (pre or post) governs the mention, or (if negated_reversal) a
        negation before it with a reversing word after ("not ... anymore"), else None."""
        span = self._reversal(text, before, start, end, pre, post, limit)
        if span is None and negated_reversal:
            negation = self.negation_near.search(before)
            if negation is not None:
                hit = self.negated_after.match(_after(text, end))
                if hit is not None:
                    span = start - len(before) + negation.start(), end + hit.end()
        return span

    def _reversal(self, text: str, before: str, start: int, end: int, pre: re.Pattern, post: re.Pattern,
                  limit: int | None = None):
        """The widened span if a reversal governs the mention, else None; an after-word only up to limit."""
        hit = pre.search(before)
        if hit is not None:
            return start - len(before) + hit.start(), end
        after = _after(text, end)
        hit = post.match(after)
        if (hit is not None and not self.clause_break.search(after, 0, hit.end())
                and (limit is None or end + hit.start("word") <= limit)):
            return start, end + hit.end()
        return None

    def _make(self, effect_id: str, status: str, start: int, end: int) -> EffectMention:
        effect = self.effects[effect_id]
        return EffectMention(effect.id, effect.kind, effect.category, status, start, end)


def _before(text: str, start: int) -> str:
    """Up to _BEFORE_CHARS of text before start, not reaching back over a sentence end."""
    window = text[max(0, start - _BEFORE_CHARS):start]
    cut = max(window.rfind(c) for c in _STOPS)
    return window[cut + 1:] if cut >= 0 else window


def _after(text: str, end: int) -> str:
    window = text[end:end + _AFTER_CHARS]
    cuts = [i for i in (window.find(c) for c in _STOPS) if i >= 0]
    return window[:min(cuts)] if cuts else window
