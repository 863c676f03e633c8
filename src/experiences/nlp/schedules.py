"""Component `experiences_schedules`: named and patterned dosing schedules, normalised to ids.

Rules (resources/schedules.json) come in two sorts, all compiled regular expressions over the text:

- `schedules`: phrases that name one schedule id ("Stamets stack", "weekdays only", "before bed").
- `counted`: patterns with numbers or weekdays in named groups, turned into an id by their `kind`:
  `on_off` ("4 days on, 3 off"), `every_n_days` ("every 4th day"), `every_n_weeks`, `per_week`
  ("3 times a week"), `per_day` ("twice a day"), `weekday_list` ("Mon/Thu"), `weekday_range`
  ("Mon-Fri"), `weekday_single` ("every Sunday"). A count the tables do not name is `custom`, with
  `days_on`/`days_off` when the pattern states them (every 4th day = 1 on, 3 off).

A phrase whose `context` is "sentence" or "clause" counts only when it is about dosing: the cue
word nearest before it (else the first after it) must be a dosing word ("microdose", "take")
rather than a word of another routine ("work out", "vitamin d", "meds"); amounts ("0.1g") and weak
cues ("capsules") count only when no such word is there. "sentence" looks `window_chars` around
the phrase in its sentence, or, when the sentence has no cue at all, in the neighbouring
sentences; "clause" (for words as loose as "daily") looks only in the phrase's own clause.

Speed: patterns are written in lower case and run over the lower-cased text without a leading \b
(a match that starts inside a word is dropped in code), so that one starting with a literal lets
the regex engine skip ahead to it; a pattern that starts with a number or a choice of words has an
`anchor`, a regex every match contains, and runs only in windows around the anchor's hits.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .mentions import ScheduleMention
from .scan import Batched, DocText, Scanner, get, put, shared
from .text import phrase_regex, sentence_span

_SOFT = object()  # a verdict of soft words only (see ScheduleFinder._verdict)
_AMOUNT_GAP = 20  # characters between an amount and the schedule phrase it is given with
_ALTERNATIVES = re.compile(r"\s+or\s+")
# Counted kinds that read as a dosing regimen even with no cue around them ("spaced it out every other day").
_LENIENT_KINDS = ("every_n_days",)
# Schedules with days off: beside one, "0.1g a day" is the amount of a dosing day.
_WITH_DAYS_OFF = ("fadiman", "every_other_day", "stamets", "five_on_two_off")
# A supplement joined to what comes before it: "... with niacin and lion's mane"
_STACKED = re.compile(r"\b(?:with|plus)\s+(?:[\w'’-]+\s+){0,3}?(?:(?:and|&|\+)\s+)?$")
_RANGE_OF_DAYS = re.compile(r"-|–|\bto\b|\bthrough\b|\bthru\b|\btill\b|\buntil\b", re.IGNORECASE)


@Language.factory("experiences_schedules")
def make_schedule_finder(nlp: Language, name: str) -> "ScheduleFinder":
    return ScheduleFinder()


class ScheduleFinder(Batched):
    def __init__(self):
        self.rules = r = rules.load("schedules.json")
        self.numbers = {**r.cardinals, **r.ordinals, **r.multiplicatives}
        self.day_index = {name: i for i, names in enumerate(r.weekdays) for name in names}
        day_names = sorted(self.day_index, key=len, reverse=True)
        placeholders = {
            "{n}": rf"(?:\d{{1,2}}|{_words(r.cardinals)})",
            "{ord}": rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_words(r.ordinals)})",
            "{mult}": rf"(?:{_words(r.multiplicatives)})",
            "{day}": rf"\b(?:{'|'.join(day_names)})s?\b",
            "{fullday}": rf"(?:{'|'.join(names[0] for names in r.weekdays)})",
        }
        self.day_token = re.compile(placeholders["{day}"])
        patterns = [(c.kind, c.context, _anchor(c.anchor, placeholders), _compile(pattern, placeholders), False)
                    for c in r.counted for pattern in c.patterns]
        patterns += [(entry.id, entry.context, _anchor(entry.anchor, placeholders),
                      _compile(pattern, placeholders), entry.needs_dose)
                     for entry in r.schedules for pattern in entry.patterns]
        # Each pattern (and anchor) is tried only where a match can start (see scan.py): the same matches.
        scanners: dict[re.Pattern, Scanner] = {}
        for _kind, _context, anchor, pattern, _needs_dose in patterns:
            for regex in (anchor, pattern):
                if regex is not None and regex not in scanners:
                    scanners[regex] = Scanner(regex, "lower")
        self.patterns = [(kind, context, anchor and scanners[anchor], scanners[pattern])
                         for kind, context, anchor, pattern, _needs_dose in patterns]
        self.needs_dose = [needs_dose for *_rest, needs_dose in patterns]  # per pattern, in the same order
        self.cues = re.compile(
            rf"\b(?:(?P<dose>{phrase_regex(r.dosing_words)})|(?P<other>{phrase_regex(r.not_dosing_words)})"
            rf"|(?P<soft>{phrase_regex(r.soft_not_dosing_words)})"
            rf"|(?P<weak>{phrase_regex(r.weak_dosing_words)})|(?P<supplement>{phrase_regex(r.supplement_words)}))\b"
            r"|(?P<amount>\d\s*(?:mg|g|ug|µg|mcg|grams?|micrograms?|mics?)\b|(?<![\w.])\.\d+\b)")
        self.clause_break = re.compile(rf"[,;:()\[\]]|\s[-–—]+\s|\b(?:{phrase_regex(r.clause_breaks)})\b")

    def __call__(self, doc: Doc) -> Doc:
        doc_text = shared(doc)
        text = doc_text.lower  # patterns and cues are written in lower case
        starts = None
        found: list[ScheduleMention] = []
        windows: dict[Scanner, list[tuple[int, int]]] = {}
        doses = None
        per_dose_day: list[ScheduleMention] = []  # "0.1g a day": the amount of each dosing day
        for (kind, context, anchor, pattern), needs_dose in zip(self.patterns, self.needs_dose):
            if not pattern.possible(doc_text):
                continue  # the text lacks a word that every match contains: no match (see scan.py)
            if anchor is None:
                matches = pattern.finditer(doc_text, gated=True)
            else:
                spans = windows.get(anchor)
                if spans is None:
                    spans = windows[anchor] = self._windows(doc_text, anchor)
                if not spans:
                    continue
                matches = _matches(doc_text, pattern, spans)
            for match in matches:
                start = match.start()
                if start and (_inside_word(text, start) or _inside_number(text, start)):
                    continue  # "day on" in "today on", "2 a week" in "0.2 a week", "3 day breaks" in "2-3 day breaks"
                if needs_dose:  # "2.5mg a day" of a medicine: the amount must be one the dose finder kept
                    if doses is None:
                        doses = [(d.start, d.end) for d in get(doc, "doses") or ()]
                    if not any(start <= d_end and d_start <= match.end() + 2 for d_start, d_end in doses):
                        continue
                if context != "none":
                    starts = doc_text.starts  # the same for the text in lower case
                    if not self._dosing_context(context, text, starts, start, match.end(),
                                                lenient=kind in _LENIENT_KINDS):
                        continue
                mention = (self._counted(kind, match) if kind in rules.COUNTED_KINDS
                           else ScheduleMention(kind, start, match.end()))
                if needs_dose and kind == "daily":
                    per_dose_day.append(mention)
                if isinstance(mention, list):
                    found.extend(mention)  # "every 2 or 3 days": two named schedules offered
                elif mention is not None:
                    found.append(mention)
        if per_dose_day and any(m.schedule in _WITH_DAYS_OFF or m.days_off for m in found):
            # "4 on 3 off ... 0.1g a day": the amount on a dosing day, not daily dosing
            found = [m for m in found if m.schedule != "daily"
                     or not any(d.start <= m.start and m.end <= d.end for d in per_dose_day)]
        found = doc_text.outside_links(found)  # "[Fadiman protocol vs. Stamets](https://...)"
        put(doc, "schedules", _without_overlaps(found))
        return doc

    def _windows(self, doc_text: DocText, anchor: Scanner) -> list[tuple[int, int]]:
        """The stretches of text around the hits of an anchor, merged where they overlap."""
        text = doc_text.lower
        window = self.rules.anchor_window_chars
        merged: list[list[int]] = []
        for hit in anchor.finditer(doc_text):
            start, stop = max(0, hit.start() - window), min(len(text), hit.end() + window)
            if merged and start <= merged[-1][1]:
                merged[-1][1] = stop
            else:
                merged.append([start, stop])
        return [(start, stop) for start, stop in merged]

    # --- counted patterns -------------------------------------------------------------------

    def _counted(self, kind: str, match: re.Match) -> ScheduleMention | list[ScheduleMention] | None:
        groups = match.groupdict()
        start, end = match.start(), match.end()
        if kind in ("every_n_days", "per_week") and groups.get("n2") and _ALTERNATIVES.fullmatch(
                match.string, match.end("n"), match.start("n2")):
            # "every 2 or 3 days", "once or twice a week": two alternatives, each its own schedule (an unnamed
            # one custom: "2 or 3 times a week"); a range ("every 2-3 days", "3-4 days a week") stays one custom
            table = self.rules.every_n_days if kind == "every_n_days" else self.rules.days_per_week
            counts = [self._number(groups[g]) for g in ("n", "n2")]
            named = [table.get(str(n)) for n in counts]
            if any(named) and min(counts) >= 1:  # "2 or 3 times a week": twice_weekly, and a custom one
                return list(dict.fromkeys(
                    ScheduleMention(schedule, start, end) if schedule
                    else _custom(start, end, *((1, n - 1) if kind == "every_n_days" else (None, None)))
                    for schedule, n in zip(named, counts)))
        if kind == "on_off":
            on = self._number(groups["on"]) if groups.get("on") else 1  # "two days off between doses"
            off = self._number(groups["off"]) if groups.get("off") else 1  # "two weeks on, week off"
            if groups.get("months"):  # "2 months on, 1 month off": a cycle whose days are not stated
                return _custom(start, end, None, None) if on >= 1 and off >= 1 else None
            if groups.get("weeks"):  # "2 weeks on, 1 week off": a cycle of days
                return _custom(start, end, 7 * on, 7 * off) if on >= 1 and off >= 1 else None
            if on < 1 or off < 1:  # "3 days on 0 days off" is no cycle
                return None
            if groups.get("on2") or groups.get("off2"):  # "4-5 days on, 2 days off": state what is single
                return _custom(start, end, None if groups.get("on2") else on, None if groups.get("off2") else off)
            schedule = self.rules.on_off.get(f"{on}/{off}")
            return ScheduleMention(schedule, start, end) if schedule else _custom(start, end, on, off)
        if kind in ("every_n_days", "every_n_weeks"):
            n = int(groups["hours"]) // 24 if groups.get("hours") else self._number(groups["n"])
            if n < 1:
                return None
            if groups.get("n2"):  # every 3-4 days: one dosing day, a varying break
                return _custom(start, end, 1, None)
            if kind == "every_n_weeks":
                return ScheduleMention("weekly", start, end) if n == 1 else _custom(start, end, 1, 7 * n - 1)
            schedule = self.rules.every_n_days.get(str(n))
            return ScheduleMention(schedule, start, end) if schedule else _custom(start, end, 1, n - 1)
        if kind == "per_day":
            n = self._number(groups["n"])
            if n == 1 and not groups.get("n2"):
                return ScheduleMention("daily", start, end)
            return _custom(start, end, None, None) if n >= 1 else None
        if kind == "per_week":
            n = self._number(groups["n"])
            if groups.get("n2"):  # two to three times a week is not a fixed pattern of days
                return _custom(start, end, None, None)
            return self._days_a_week(n, start, end)
        days = [self._day(token.group()) for token in self.day_token.finditer(match.group())]
        if kind == "weekday_range":
            separator = _RANGE_OF_DAYS.search(match.group())
            if separator is None or len(days) != 2:
                return None
            return self._days_a_week((days[1] - days[0]) % 7 + 1, start, end)
        if kind == "weekday_single":
            return self._days_a_week(1, start, end)
        # weekday_list: the days must read as one week in order (Sat, Mon & Wed is; Tue, Fri, Mon, Thu,
        # a run of dosing dates, is not)
        if len(set(days)) != len(days) or sum(days[i] > days[(i + 1) % len(days)] for i in range(len(days))) > 1:
            return None
        if len(days) == 4 and all((days[i + 1] - days[i]) % 7 == 2 for i in range(3)):
            return ScheduleMention("every_other_day", start, end)  # Sun, Tue, Thu, Sat: a day on, a day off
        return self._days_a_week(len(days), start, end)

    def _days_a_week(self, n: int, start: int, end: int) -> ScheduleMention | None:
        if not 1 <= n <= 7:
            return None
        schedule = self.rules.days_per_week.get(str(n))
        return ScheduleMention(schedule, start, end) if schedule else _custom(start, end, None, None)

    def _number(self, raw: str) -> int:
        digits = re.match(r"\d+", raw)
        return int(digits.group()) if digits else self.numbers[raw.lower()]

    def _day(self, token: str) -> int:
        token = token.lower()
        return self.day_index[token] if token in self.day_index else self.day_index[token[:-1]]

    # --- dosing context ---------------------------------------------------------------------

    def _dosing_context(self, context: str, text: str, starts: list[int], start: int, end: int,
                        lenient: bool = False) -> bool:
        """`lenient`: a count of days so plain a regimen ("every other day") that it counts when neither its
        sentence nor the ones around it have any cue at all."""
        sentence_start, sentence_end = sentence_span(starts, text, start)
        if context == "clause":
            return self._clause_context(text, sentence_start, start, end, sentence_end)
        window = self.rules.window_chars
        left = max(sentence_start, start - window)
        last = None
        for last in self.cues.finditer(text, left, start):
            pass
        if last is not None and last.lastgroup == "supplement" and not text[last.end():start].strip(" ,:-") \
                and not self._stacked(text, sentence_start, last.start()):
            return False  # "the 1 g lion's mane 7 days a week": the routine of the supplement named right before
        verdict = self._verdict(text, left, start, end, min(sentence_end, end + window))
        if verdict is _SOFT:  # only "feel" near: a dosing word earlier in the sentence still makes it a regimen
            last = None
            for cue in self.cues.finditer(text, sentence_start, left):
                if cue.lastgroup in ("dose", "other"):
                    last = cue
            if last is None and lenient and sentence_start > 0:
                # "Now it's every other day and I feel calmer": a plain count of days after a
                # sentence about dosing
                previous_start, _ = sentence_span(starts, text, sentence_start - 1)
                return self._verdict(text, previous_start, sentence_start, sentence_start, sentence_start) is True
            return last is not None and last.lastgroup == "dose"
        if verdict is not None:
            return verdict
        if self._verdict(text, sentence_start, sentence_start, sentence_start, sentence_end) is not None:
            return False  # cues, but too far away
        if sentence_start > 0:  # a sentence without cues: the previous one decides, else the next one
            previous_start, _ = sentence_span(starts, text, sentence_start - 1)
            verdict = self._verdict(text, previous_start, sentence_start, sentence_start, sentence_start)
            if verdict is not None:
                return verdict is True
        if sentence_end < len(text):
            _, next_end = sentence_span(starts, text, sentence_end)
            verdict = self._verdict(text, sentence_end, sentence_end, sentence_end, next_end)
            if verdict is not None:
                return verdict is True
        return lenient  # no cue anywhere near: only a plain count of days speaks for itself

    def _stacked(self, text: str, sentence_start: int, supplement_start: int) -> bool:
        """Whether the supplement is stacked with a dose named before it: "10ug plus niacin and lion's mane,
        2x a week" is the dosing pattern, of the dose and its stack."""
        joined = _STACKED.search(text, max(sentence_start, supplement_start - 30), supplement_start)
        if joined is None:
            return False
        return any(cue.lastgroup == "dose" for cue in self.cues.finditer(text, sentence_start, joined.start()))

    def _clause_context(self, text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> bool:
        """For loose words ("daily", "at night"): a word of another routine anywhere before the phrase in
        its clause ("I take vitamin d daily") rules it out; else a dosing word before it rules it in;
        else the words after it decide the same way ("every morning ... I feel" stays in)."""
        next_cue = self.cues.search(text, end, sentence_end)
        if next_cue is not None and next_cue.start() <= end + 1 and next_cue.lastgroup in ("other", "soft", "supplement"):
            return False  # "daily quetiapine", "nightly melatonin": the routine of what it names
        breaks = [m.end() for m in self.clause_break.finditer(text, sentence_start, start)]
        after = self.clause_break.search(text, end, sentence_end)
        clause_start = breaks[-1] if breaks else sentence_start
        clause_end = after.start() if after else sentence_end
        if breaks and not text[clause_start:start].strip() and not text[end:clause_end].strip(" ?!."):
            clause_start = breaks[-2] if len(breaks) > 1 else sentence_start  # "consuming little but daily?"
        before = {cue.lastgroup for cue in self.cues.finditer(text, clause_start, start)}
        if before & {"other", "soft", "supplement"}:
            return False
        if "dose" in before:
            return True
        following = {cue.lastgroup for cue in self.cues.finditer(text, end, clause_end)}
        if following & {"other", "soft", "supplement"}:
            return False
        if "dose" in following:
            return True
        if before or following:  # only an amount or a weak cue: no other routine just before in the sentence
            left = max(sentence_start, start - self.rules.window_chars)
            words = [cue.lastgroup for cue in self.cues.finditer(text, left, start)
                     if cue.lastgroup not in ("weak", "amount")]
            return not words or words[-1] == "dose"
        return False

    def _verdict(self, text: str, left: int, start: int, end: int, right: int) -> bool | object | None:
        """Whether the cues in text[left:start] and text[end:right] make a phrase at start-end about
        dosing: the nearest word cue before it, else the first after it, decides; an amount or a
        weak cue ("capsules") only speaks when no word cue does. None when there is no cue at all, _SOFT when
        only a soft word ("feel") is there: not about dosing unless the caller finds a dosing word farther off."""
        weak = supplement = soft = False
        last = amount = None
        for cue in self.cues.finditer(text, left, start):
            if cue.lastgroup in ("dose", "other"):
                last = cue
            elif cue.lastgroup == "soft":  # "feel": another routine only when no other word speaks
                soft = True
            elif cue.lastgroup == "supplement":
                supplement = True
            else:
                weak = True
                amount = cue if cue.lastgroup == "amount" else amount
        if last is not None:
            return last.lastgroup == "dose"
        if amount is not None and not supplement and start - amount.end() <= _AMOUNT_GAP:
            return True  # "0.1g every third day", "66mg golden teacher every other day": the amount's pattern
        for cue in self.cues.finditer(text, end, right):
            if cue.lastgroup in ("dose", "other"):
                return cue.lastgroup == "dose"
            soft = soft or cue.lastgroup == "soft"
            weak = weak or cue.lastgroup not in ("supplement", "soft")
        if soft:
            return _SOFT
        return True if weak else None


def _words(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


def _compile(pattern: str, placeholders: dict[str, str]) -> re.Pattern:
    """A pattern over lower-cased text. No leading \\b (the caller checks that a match starts a word):
    a pattern that starts with a literal lets the regex engine skip ahead to it, which is most of the
    speed."""
    for name, value in placeholders.items():
        pattern = pattern.replace(name, value)
    return re.compile(rf"(?:{pattern})\b")


def _matches(doc_text: DocText, pattern: Scanner, windows: list[tuple[int, int]]):
    """The matches of pattern in the windows around its anchor's hits, without overlaps."""
    end = -1
    for start, stop in windows:
        for match in pattern.finditer(doc_text, start, stop, gated=True):
            if match.start() >= end:
                end = match.end()
                yield match


def _anchor(anchor: str, placeholders: dict[str, str]) -> re.Pattern | None:
    for name, value in placeholders.items():
        anchor = anchor.replace(name, value)
    return re.compile(anchor) if anchor else None




def _inside_number(text: str, start: int) -> bool:
    """A number that continues a decimal (0.2) or ends a range (2-3)."""
    if not text[start].isdigit():
        return False
    before = text[start - 1]
    return before in ".," or (before in "-–" and start >= 2 and text[start - 2].isdigit())


def _inside_word(text: str, start: int) -> bool:
    return (text[start].isalnum() or text[start] == "_") and (text[start - 1].isalnum() or text[start - 1] == "_")


def _custom(start: int, end: int, days_on: int | None, days_off: int | None) -> ScheduleMention:
    return ScheduleMention("custom", start, end, days_on, days_off)


def _without_overlaps(mentions: list[ScheduleMention]) -> list[ScheduleMention]:
    """Keep the longest of overlapping mentions (all of those with the very same span, as "Stamets or
    Fadiman" names two schedules), then return them in text order without repeats."""
    kept: list[ScheduleMention] = []
    for mention in sorted(set(mentions), key=lambda m: (m.start - m.end, m.start, m.schedule)):
        if all(mention.end <= k.start or mention.start >= k.end or (mention.start, mention.end) == (k.start, k.end)
               for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, m.schedule))
