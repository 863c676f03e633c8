"""Component `experiences_context`: ConText-style status of each effect mention.

Each trigger governs only its own clause: the words between the sentence boundaries around the effect,
cut at termination terms ("but", "however", "now", ...) and at clause breaks (", I", "; ", "and I felt").
Within that clause, in this order:

- reason for dosing ("for my anxiety", "to treat", "struggling with"), right before the effect: no effect,
  the mention is dropped; so is a state before dosing ("used to", "before microdosing", "always been",
  reaching over clause breaks up to a termination word) or one with another cause ("withdrawal", "coffee"; for a
  side effect anywhere before it in the sentence, or in the sentence before when this one opens with a pronoun,
  "SSRIs do the opposite. They kept me numb", unless a dose or a dosing word stands between them); so is
  a side effect named as a lasting state ("anxious as usual", "depressed for a good while", "tired for years"),
  and one of life_state_effects that persists ("still anxious") or has a cause of its own ("sad because she
  left", but not "anxious because of the dose");
- negation triggers ("no", "didn't", "without") reach at most window_words words forward, and on along a
  list of effects of the same kind ("no headaches, nausea or dizziness"), but not past an effect of another
  kind joined by "and" ("no headaches and great mood"); post-negation
  triggers ("headaches: none", "... was not an issue") reach back from just after the effect;
- hypothetical triggers ("if", "worried about", "some people", "hoping", "may cause") reach over the clause
  before the effect (the word opening the clause among them: ", if I get headaches"); so do questions: a
  clause that ends its sentence with "?" (unless it keeps the order of a statement, "and now I enjoy being
  alive?"), a sentence opening like one ("Anyone else ..."), and examples in brackets right after a question
  ("Does it help? (e.g. with focus)").

A line that introduces a list (it ends with a colon, or list items follow it: lines opening with "-", "*", "•",
"1." or "1)") passes the status of its last clause to the items of the list: "You may feel:" or "Some people
notice" makes them hypothetical, "I did not have any of these:" negated, and "Day 3:" leaves them as they are;
so does a long line without a colon (a paragraph before a list), and an item in the first person keeps its own
status. The list ends at a line that is no item (after a header with a colon, a line without a marker right
under it is an item too, unless it speaks in the first person: "You may feel:\ncalm, focused").

More anxiety, low mood, tiredness or numbness is often a state of the author's life ("I am a stressed out mother",
"panic attacks at work", "exhausted when I get home"): a side effect listed in attribution_effects counts only
with a dose or a word of dosing ("took", "after", "microdosing", "dose day", "the following days") near it;
otherwise the mention is dropped. This is checked last, once lists and impersonal posts have had their say.

An effect in the text of a markdown link ("[Microdosing gave me headaches](https://...)") is the title of
somebody else's post: hypothetical.

A long post seldom in the first person singular (a guide, an article, a study abstract) speaks of people in
general: its effects are hypothetical, except in the sentences where the author speaks of themself.

Pseudo-triggers ("no doubt", "not only", "never felt better", "as if") look like triggers but are none, and
a trigger word inside another effect ("a lack of worry and contentment") governs nothing beyond it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .effects import alternation, lower_text
from .mentions import EffectMention
from .scan import Batched, get, put, shared

WORD = re.compile(r"[\w'’]+")
# Sentence ends: end punctuation before a space or the end, and line breaks (a bare "." would cut "0.1g"). An
# ellipsis ("I was outgoing... and happy") goes on with the sentence; it only breaks a clause.
# (`[.!?]+["')\]]*(?=\s|$)|\n+` with its first character taken out of the alternation, so that the regex
# engine skips ahead to the next [.!?\n]: at each position the same alternatives are tried in the same order.)
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"')\]*_]*(?=\s|$)|(?<=\n)\n*)")
HISTORY_CHARS = 150  # how far back a history trigger reaches ("used to ...")
REACH_CHARS = 250  # how far a sentence is read on either side of an effect
AFTER_CHARS = 120  # how far a clause is read after an effect
REASON_CHARS = 80  # how far back a reason trigger is looked for ("to help with my ...")
_LIST_ITEM = r"[\w'’-]+\s*(?:,|/|&|\band\b|\bor\b)\s*"
LIST_MARKER = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S")  # a list item line opens so
HAS_LIST = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S|:[ \t*_]*\n", re.MULTILINE)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:(?:and|or|nor)\s+)?|/|&|(?:and|or|nor)\s+)\s*(?:(?:any|no)\s+)?")
_DISJUNCTION = re.compile(r"\s*(?:,\s*)?(?:or|nor|/)\s*(?:(?:any|no)\s+)?")  # "no energy or creativity"
_LIST_OPENING = re.compile(r"\b(?:such as|like|including|e\.g\.|for example|a difference in|any difference in|as much|as many)\b")
# "What I noticed was a mood lift": a pseudo-cleft opens a statement, not a question
WHAT_STATEMENT = re.compile(r"[^\w]*what\s+(?:i|we|i've|ive)\s+(?:[\w'’]+\s+){0,2}?(?:was|is|were|are|has been)\b")
_SEPARATOR = re.compile(r"[,;/&]|\b(?:and|or|nor)\b")
PRONOUN_START = re.compile(r"\W*(?:it|they|these|those|this|that|which)\b")
# "depressed for 15 years", "tired for the past few years": a lasting state, counted in years (a stretch in weeks
# or months may be the time since dosing began)
YEARS_LONG = (r"for\s+(?:(?:the\s+)?(?:past|last)\s+)?(?:\d+|a\s+few|few|several|many|so\s+many|two|three|four|five|"
              r"six|seven|eight|nine|ten|fifteen|twenty)\s*\+?\s*(?:years|yrs|decades)")
EXAMPLES = re.compile(r"[ \t]*\((?:e\.?g\.?|for example|for instance|such as|like)\s")  # "(e.g. ..." after a sentence
AFTER_QUESTION_EXAMPLES = re.compile(r"\?[\s\"')\]]*\((?:e\.g\.|eg\.)\s*$")  # "... this? (e.g." cut as a sentence
PLAIN_ITEM_WORDS = 12  # a line without a marker under a header with a colon is an item up to so many words


@Language.factory("experiences_context")
def make_context(nlp: Language, name: str) -> "Context":
    return Context()


class Context(Batched):
    def __init__(self):
        self.rules = r = rules.load("context.json")
        flags = 0  # patterns and rule phrases are lower case, and run on lower_text()
        self.negation = re.compile(rf"\b(?:{alternation(r.negation)})(?![\w'’])", flags)
        self.pseudo = re.compile(rf"\b(?:{alternation(r.pseudo)})(?![\w'’])", flags)
        self.hypothetical = re.compile(rf"(?<![\w'’])(?:{alternation(r.hypothetical)})(?![\w'’])", flags)
        between = rf"(?:\s*(?:(?:{alternation(r.reason_gap_words)})\b|{_LIST_ITEM})){{0,4}}\s*$"
        self.reason = re.compile(rf"\b(?:{alternation(r.reason)}){between}", flags)
        self.history = re.compile(rf"\b(?:{alternation(r.history)})\b", flags)
        self.other_cause = re.compile(rf"\b(?:{alternation(r.other_cause)})\b", flags)
        self.termination_words = frozenset(" ".join(t.lower().split()) for t in r.termination)
        after = rf"(?:[^\w.!?\n]+[\w'’]+){{0,{r.post_window_words}}}?[^\w.!?\n]*"
        self.post_negation = re.compile(rf"{after}\b(?:{alternation(r.post_negation)})(?![\w'’])", flags)
        self.post_other_cause = re.compile(rf"{after}\b(?:{alternation(r.other_cause)})\b", flags)
        self.post_history = (re.compile(rf"{after}\b(?:{alternation(r.post_history)}|{YEARS_LONG})\b", flags)
                             if r.post_history else None)
        self.post_hypothetical = re.compile(rf"{after}\b(?:{alternation(r.post_hypothetical)})(?![\w'’])", flags)
        self.question_start = re.compile(rf"[^\w]*(?:{alternation(r.question_starts)})\b", flags)
        self.statement_start = re.compile(
            rf"\W*(?:(?:and|but|so|now|then|yet)\s+)*(?:{alternation(r.statement_openers)})\b", flags)
        # Clause breaks: termination words, and punctuation or "and"/"so" before a clause opener (", but",
        # ", I", "; ", " - ", "...", "and I felt", "so am I"), or a closing parenthesis.
        punctuation = (rf"[,;:(]\s*(?:{alternation(r.clause_openers)})\b|;|\)|\s[-–—]+\s|\.\.+|"
                       rf"\bso\s+(?:{alternation(r.so_openers)})\b|(?:\band|&)\s+(?:{alternation(r.and_openers)})\b")
        self.termination = re.compile(rf"\b(?:{alternation(r.termination)})\b|{punctuation}", flags)
        self.list_header = (re.compile(rf"\b(?:{alternation(r.list_header_hypothetical)})\b", flags)
                            if r.list_header_hypothetical else None)
        self.first_person = (re.compile(rf"(?<![\w'’])(?:{alternation(r.list_first_person)})(?![\w'’])", flags)
                             if r.list_first_person else None)
        self.attribution = (re.compile(rf"(?<![\w'’])(?:{alternation(r.attribution_words)})(?![\w'’])", flags)
                            if r.attribution_effects else None)
        self.dosing = (re.compile(rf"(?<![\w'’])(?:{alternation(r.dosing_words)})(?![\w'’])", flags)
                       if r.dosing_words else None)
        self.persisting = (re.compile(rf"\b(?:{alternation(r.persisting_before)})(?:\s+[\w'’]+){{0,2}}\s+$", flags)
                           if r.persisting_before and r.life_state_effects else None)
        self.explained = (re.compile(rf"{after}\b(?:{alternation(r.explained_after)})(?![\w'’])", flags)
                          if r.explained_after and r.life_state_effects else None)
        self.singular = (re.compile(rf"(?<![\w'’])(?:{alternation(r.first_person_singular)})(?![\w'’])", flags)
                         if r.first_person_singular and r.impersonal_min_words else None)

    def __call__(self, doc: Doc) -> Doc:
        effects = get(doc, "effects")
        if not effects:
            return doc
        text = lower_text(doc)
        kept = []
        # A word that is part of another effect ("a lack of worry") is no trigger of hypotheticals; nor of
        # negation when that effect is a benefit (a relief or reversal: "no longer tired", "lack of worry").
        spans = [(m.start, m.end) for m in effects]
        benefit_spans = [(m.start, m.end) for m in effects if m.kind == "benefit" and m.status == "present"]
        sentence_start = sentence_end = -1
        lists = self._lists(text, spans)  # (start, end, status) of list items under a header, in text order
        list_starts = [start for start, _, _ in lists]
        impersonal = None  # whether the post is about people in general: computed when first needed
        doses = [(d.start, d.end) for d in get(doc, "doses") or ()]
        doc_text = shared(doc)
        previous = None  # the mention before, with its status
        last_end: dict[str, int] = {}  # the end of the last mention of each kind
        for mention in effects:  # in text order
            # Only the text around the effect is read (sentences and clauses longer than REACH_CHARS are cut),
            # so a long post costs no more than a short one.
            if mention.start >= sentence_end or mention.end > sentence_end:
                sentence_start, sentence_end = _sentence(text, mention.start, mention.end)
            breaks = _Breaks(self.termination.finditer(text, max(sentence_start, mention.start - REACH_CHARS),
                                                       mention.start))
            strong_breaks = breaks.strong(self.termination_words)
            after = self.termination.search(text, mention.end, min(sentence_end, mention.end + AFTER_CHARS))
            clause_end = after.start() if after else sentence_end
            # a negation does not reach past an effect of another kind ("no headaches and great mood"), unless
            # the two are one list ("I had no energy or creativity")
            barrier = max((end for kind, end in last_end.items() if kind != mention.kind), default=-1)
            if barrier >= 0 and _DISJUNCTION.fullmatch(text, barrier, mention.start):
                barrier = -1
            last_end[mention.kind] = mention.end
            status = self._status(text, sentence_start, sentence_end, clause_end, mention, spans, benefit_spans,
                                  breaks, strong_breaks, barrier, doses)
            if (status == "present" and mention.status == "present" and previous is not None
                    and previous[1] == "negated" and previous[0].kind == mention.kind
                    and _COORDINATION.fullmatch(text, previous[0].end, mention.start)):
                status = "negated"  # "no headaches, nausea or dizziness": the negation reaches the whole list
            previous = (mention, status)
            if status == "present" and mention.effect in self.rules.life_state_effects and self._life_state(
                    text, sentence_start, sentence_end, mention):
                status = None  # "I'm still anxious", "sad because I had hoped for more": the condition, not an effect
            if status is not None and lists:
                index = bisect_right(list_starts, mention.start) - 1
                if index >= 0 and mention.end <= lists[index][1] and not self._first_person_line(text, mention):
                    header_status = lists[index][2]
                    if header_status == "hypothetical" or status == "present":
                        status = header_status
            if status == "present" and doc_text.links and doc_text.in_link(mention.start, mention.end):
                status = "hypothetical"  # "[Microdosing gave me headaches](https://...)": somebody else's post
            if (status == "present" and self.singular is not None
                    and self.singular.search(text, sentence_start, sentence_end) is None):
                if impersonal is None:
                    impersonal = self._impersonal(text)
                if impersonal:
                    status = "hypothetical"  # a guide's "users report more energy", not the author's own
            # (checked last: a list header or an impersonal post may have made the mention hypothetical)
            if (status == "present" and mention.effect in self.rules.attribution_effects
                    and not self._attributed(text, mention, doses)):
                status = None  # "I am a stressed out mother": a state of life, not an effect of dosing
            if status is not None:
                kept.append(replace(mention, status=status) if status != mention.status else mention)
        put(doc, "effects", kept)
        return doc

    def _status(self, text: str, sentence_start: int, sentence_end: int, clause_end: int, mention: EffectMention,
                spans: list[tuple[int, int]], benefit_spans: list[tuple[int, int]], breaks: "_Breaks",
                strong_breaks: "_Breaks", barrier: int = -1, doses: list[tuple[int, int]] = ()) -> str | None:
        clause_start = breaks.last_end(sentence_start, mention.start)
        before = text[clause_start:mention.start]
        after = text[mention.end:clause_end]
        # the reason for dosing sits right before the effect, even across a termination ("due to")
        if (self.reason.search(text, max(sentence_start, mention.start - REASON_CHARS), mention.start)
                or self.other_cause.search(before) or self.post_other_cause.match(after)):
            return None
        # a side effect after another cause in its sentence ("all the meds are sedatives, and I'm drowsy") comes
        # from that cause, unless a word of dosing stands between them ("coffee, then the dose: anxious")
        if mention.kind == "side_effect":
            cause = None
            for cause in self.other_cause.finditer(text, sentence_start, mention.start):
                pass
            if cause is not None and not self._dosed_between(text, cause.end(), mention.start, doses):
                return None
            # "SSRIs do the opposite. They kept me numb.": a sentence opening with a pronoun goes on about the
            # cause named in the sentence before
            if cause is None and PRONOUN_START.match(text, sentence_start):
                for cause in self.other_cause.finditer(text, max(0, sentence_start - REASON_CHARS), sentence_start):
                    pass
                if cause is not None and not self._dosed_between(text, cause.end(), mention.start, doses):
                    return None
        # A state before dosing ("I used to zone out, could not concentrate and felt tired") reaches over
        # clause breaks, up to a termination word ("used to be anxious, but now calm") or HISTORY_CHARS back.
        history_start = strong_breaks.last_end(max(sentence_start, mention.start - HISTORY_CHARS), mention.start)
        history = self.history.search(text, history_start, mention.end)  # "always felt" may reach into "felt sad"
        if history is not None and history.start() < mention.start:
            # "it used to make me feel focused" is an effect of dosing in the past, not a state before it
            pseudo = [(m.start(), m.end()) for m in self.pseudo.finditer(text, history_start, mention.start)]
            if not any(s <= history.start() < e for s, e in pseudo):
                return None
        # (read past the clause end: "for a good while" ends in a termination word)
        if (mention.kind == "side_effect" and self.post_history is not None
                and self.post_history.match(text, mention.end, min(sentence_end, mention.end + AFTER_CHARS))):
            return None
        status = mention.status
        if status == "present" and (self._negated(text, max(clause_start, barrier), mention, benefit_spans)
                                    or self.post_negation.match(after)):
            status = "negated"
        # the word that opens the clause may be a trigger itself (", if I get headaches", ", should I ...")
        opener_start = breaks.last_start(sentence_start, mention.start)
        if (self._hypothetical_before(text, opener_start, mention, spans) or self.post_hypothetical.match(after)
                or self._question(text, sentence_start, sentence_end, clause_start, clause_end)):
            return "hypothetical"
        return status

    def _dosed_between(self, text: str, start: int, end: int, doses: list[tuple[int, int]]) -> bool:
        """Whether a dose or a dosing word (dosing_words) stands in text[start:end]."""
        return _dose_or_word(text, start, end, doses, self.dosing)

    def _attributed(self, text: str, mention: EffectMention, doses: list[tuple[int, int]]) -> bool:
        """Whether a dose or a word of dosing is near the mention (attribution_chars before, a third after)."""
        start = max(0, mention.start - self.rules.attribution_chars)
        end = min(len(text), mention.end + self.rules.attribution_chars // 3)
        return _dose_or_word(text, start, end, doses, self.attribution)

    def _life_state(self, text: str, sentence_start: int, sentence_end: int, mention: EffectMention) -> bool:
        """Whether the mention is a persisting condition ("still anxious") or has a cause of its own ("sad
        because ..."), unless a dose or a word of dosing gives that cause ("because of the dose")."""
        if self.persisting is not None and self.persisting.search(
                text, max(sentence_start, mention.start - 40), mention.start):
            return True
        if self.explained is None:
            return False
        end = min(sentence_end, mention.end + AFTER_CHARS)
        cause = self.explained.match(text, mention.end, end)
        return cause is not None and (self.attribution is None or self.attribution.search(
            text, cause.end(), min(end, cause.end() + 40)) is None)

    def _impersonal(self, text: str) -> bool:
        """Whether the post is written about people in general (a guide, an article): long, and seldom in the
        first person singular."""
        r = self.rules
        if len(text) < 4 * r.impersonal_min_words:  # words average over 4 characters
            return False
        words = len(text.split())
        if words < r.impersonal_min_words:
            return False
        most = r.impersonal_first_person_per_100 * words / 100
        found = 0
        for _ in self.singular.finditer(text):  # most posts are personal: stop as soon as that is clear
            found += 1
            if found >= most:
                return False
        return True

    def _lists(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The stretches of list items whose header gives them a status: (start, end, status), in order."""
        if HAS_LIST.search(text) is None:
            return []
        lines, start = [], 0  # (start, end) of each line
        for end in (*(m.start() for m in re.finditer("\n", text)), len(text)):
            lines.append((start, end))
            start = end + 1
        scopes = []
        i = 0
        while i < len(lines):
            start, end = lines[i]
            header = text[start:end].strip()
            if not header or LIST_MARKER.match(text, start, end):
                i += 1
                continue
            colon = header.rstrip(" *_").endswith(":")
            if not colon and len(header.split()) > PLAIN_ITEM_WORDS:
                i += 1  # a paragraph before a list is no header of it
                continue
            first = i + 1
            while first < len(lines) and not text[slice(*lines[first])].strip():
                first += 1
            k, items_end, plain_ok = first, None, colon
            while k < len(lines):
                s, e = lines[k]
                line = text[s:e]
                if LIST_MARKER.match(text, s, e):
                    items_end, plain_ok = e, False
                elif not line.strip():
                    plain_ok = False  # after a blank line, only a marked item goes on with the list
                elif (plain_ok and len(line.split()) <= PLAIN_ITEM_WORDS
                      and (self.first_person is None or self.first_person.search(line) is None)):
                    items_end = e  # "You may feel:\ncalm, focused"
                else:
                    break
                k += 1
            if items_end is None:
                i += 1
                continue
            status = self._header_status(text, start, end, spans, colon)
            if status is not None:
                scopes.append((lines[first][0], items_end, status))
            i = k
        return scopes

    def _first_person_line(self, text: str, mention: EffectMention) -> bool:
        """Whether the list item of the mention speaks in the first person ("- 3 days on, I felt calm")."""
        end = text.find("\n", mention.end)
        return self.first_person is not None and self.first_person.search(
            text, text.rfind("\n", 0, mention.start) + 1, len(text) if end < 0 else end) is not None

    def _header_status(self, text: str, start: int, end: int, spans: list[tuple[int, int]],
                       colon: bool) -> str | None:
        """The status a line introducing a list gives its items: that of its last clause, or None."""
        for match in SENTENCE_END.finditer(text, start, end):
            if text[match.end():end].strip(" *_:"):
                start = match.end()
        for match in self.termination.finditer(text, start, end):
            if text[match.end():end].strip(" *_:"):
                start = match.end()

        def unmasked(pattern: re.Pattern) -> bool:
            triggers = [t for t in pattern.finditer(text, start, end) if not any(s <= t.start() < e for s, e in spans)]
            if not triggers:
                return False
            pseudo = [(m.start(), m.end()) for m in self.pseudo.finditer(text, start, end)]
            return any(not any(s <= t.start() < e for s, e in pseudo) for t in triggers)

        if unmasked(self.hypothetical) or (self.list_header is not None and unmasked(self.list_header)):
            return "hypothetical"
        if colon and unmasked(self.negation):  # "I did not have any of these:"
            return "negated"
        return None

    def _negated(self, text: str, clause_start: int, mention: EffectMention, spans: list[tuple[int, int]]) -> bool:
        window_start = max(clause_start, mention.start - 20 * self.rules.window_words)
        # "without many of the effects such as more focus, energy", "I don't see a difference in my mood or
        # focus", "did not feel nearly as much of the empathy": the negation reaches over "such as", "a difference
        # in" or "as much" into what follows, so the window
        # counts its words from there
        end = mention.start
        opening = None
        for opening in _LIST_OPENING.finditer(text, window_start, mention.start):
            pass
        if opening is not None:
            end = opening.start()
        words = list(WORD.finditer(text, window_start, end))
        if len(words) > self.rules.window_words:
            window_start = words[-self.rules.window_words].start()
        triggers = [t for t in self.negation.finditer(text, window_start, mention.start)
                    if not any(s <= t.start() < e for s, e in spans)]
        if triggers and self.negation.match(text, mention.start):
            # a wording with its own negation in a list of such ("no energy, no motivation", "couldn't eat,
            # couldn't sleep"): each item carries its own, an earlier one does not reach over the separator
            triggers = [t for t in triggers if _SEPARATOR.search(text, t.end(), mention.start) is None]
        return self._unmasked(triggers, text, clause_start, mention)

    def _hypothetical_before(self, text: str, clause_start: int, mention: EffectMention,
                             spans: list[tuple[int, int]]) -> bool:
        triggers = [t for t in self.hypothetical.finditer(text, clause_start, mention.start)
                    if not any(s <= t.start() < e for s, e in spans)]
        return self._unmasked(triggers, text, clause_start, mention)

    def _unmasked(self, triggers: list[re.Match], text: str, clause_start: int, mention: EffectMention) -> bool:
        """Whether some trigger is not part of a pseudo-trigger ("no doubt", "never felt better", "as if")."""
        if not triggers:
            return False
        pseudo = [(m.start(), m.end()) for m in self.pseudo.finditer(text, clause_start, mention.end)]
        return any(not any(s <= t.start() < e for s, e in pseudo) for t in triggers)

    def _question(self, text: str, sentence_start: int, sentence_end: int, clause_start: int, clause_end: int) -> bool:
        sentence = text[sentence_start:sentence_end].rstrip()
        if sentence.endswith("?") or sentence.rstrip("\"')]").endswith("?"):
            # "... and now I enjoy being alive?" keeps the order of a statement: disbelief, not a question
            return clause_end >= sentence_end and not self.statement_start.match(text, clause_start)
        if ((EXAMPLES.match(text, sentence_start) and text[max(0, sentence_start - 3):sentence_start].rstrip().endswith("?"))
                or AFTER_QUESTION_EXAMPLES.search(text, max(0, sentence_start - 30), sentence_start)):
            return True  # "Anyone else get this? (e.g. headaches, irritability)": the examples of a question
        return (clause_start == sentence_start and self.question_start.match(text, sentence_start) is not None
                and WHAT_STATEMENT.match(text, sentence_start) is None)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], looked for within REACH_CHARS on either side."""
    sentence_start = max(0, start - REACH_CHARS)
    for match in SENTENCE_END.finditer(text, sentence_start, start):
        if not match.group().startswith(".."):  # an ellipsis goes on with the sentence
            sentence_start = match.end()
    sentence_end = min(len(text), end + REACH_CHARS)
    for match in SENTENCE_END.finditer(text, end, sentence_end):
        if not match.group().startswith(".."):
            sentence_end = match.end()
            break
    return sentence_start, sentence_end


def _dose_or_word(text: str, start: int, end: int, doses: list[tuple[int, int]], words: re.Pattern | None) -> bool:
    """Whether a dose found by the dose finder, or a match of `words`, stands in text[start:end]."""
    return (any(start <= d_start and d_end <= end for d_start, d_end in doses)
            or (words is not None and words.search(text, start, end) is not None))


class _Breaks:
    """The clause breaks around an effect (non-overlapping, in order)."""

    def __init__(self, matches):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        for match in matches:
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.texts.append(match.group())

    def strong(self, words: frozenset[str]) -> "_Breaks":
        """Only the breaks made by a termination word ("but", ", but", "and now"), not by punctuation alone."""
        strong = _Breaks(())
        for start, end, text in zip(self.starts, self.ends, self.texts):
            tokens = text.lower().replace(",", " ").split()
            if any(" ".join(tokens[i:]) in words for i in range(len(tokens))):
                strong.starts.append(start)
                strong.ends.append(end)
        return strong

    def last_start(self, lo: int, position: int) -> int:
        """The start of the last break ending in [lo, position), or lo."""
        index = bisect_right(self.ends, position) - 1
        return self.starts[index] if index >= 0 and self.starts[index] >= lo else lo

    def last_end(self, lo: int, position: int) -> int:
        """The end of the last break in [lo, position), or lo."""
        index = bisect_right(self.ends, position) - 1
        return self.ends[index] if index >= 0 and self.starts[index] >= lo else lo

