"""Exact speed-ups for the regex scans of the components, and the per-document values they share.

Nothing here changes what a regex finds; it only skips work that provably cannot find anything. All of it is
read from the compiled patterns themselves (their parse trees), never written by hand, so the rule files can
change freely: a pattern that cannot be analysed is simply scanned as before.

- `Scanner` gives exactly what `pattern.finditer(string, pos, endpos)` / `pattern.search` give:
  - gates: strings every match contains (`required_strings`); where one is missing from the scanned range,
    nothing is scanned;
  - start strings (`start_strings`): one of them starts every match. The regex engine skips fast to a literal
    prefix, but not to a choice of words or past a leading lookaround: such a pattern is run through a "start
    finder" (`s(?<=(?=P).{len(s)})` for each start string s), which matches exactly where the pattern does,
    or is tried only where a start string occurs. finditer tries the positions from `pos` on in order, takes
    the first where the pattern matches (`pattern.match(string, p, endpos)` sees the same lookbehind and
    word boundaries as the scan) and goes on from the end of that match, so skipping positions where no match
    can start changes nothing (patterns that can match the empty string are never skipped).
- `casefree(pattern)`: an IGNORECASE pattern as a case-sensitive one over `fold(text)` (the text in lower case,
  with every character that matches an ASCII letter under IGNORECASE made that letter, same offsets): the
  regex engine is several times faster without IGNORECASE. It matches at exactly the same places with the
  same spans; where the groups' values are needed, the match is read again from the text.
- `Batched`: in `nlp.pipe`, each component runs over a batch of documents before the next component starts,
  instead of every document going through all five in turn: a component's regexes and matchers then stay in
  the CPU's caches (about 10% faster on the corpus; the same results, each document still on its own).
- `DocText` holds what several components read of one document: its text, lower case, folded form, sentence
  starts and which strings occur. `shared(doc)` makes it once per document (in doc.user_data).

tests/nlp/test_scan.py checks the facts these rest on for every Unicode character, and the scanners against
the plain regexes.
"""

from __future__ import annotations

import array
import re
import sys
from bisect import bisect_left
from functools import cache

from spacy.tokens import Doc
from spacy.util import minibatch

from .text import same_length_lower, sentence_starts, text_of

try:  # the parser behind re.compile (Python 3.11+); without it every pattern is scanned as before
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre_parser = _sre_constants = None

_SHARED_KEY = "experiences.nlp.DocText"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _ignorecase_letters() -> dict[str, str]:
    """Non-ASCII characters that the regex engine matches to an ASCII letter under IGNORECASE, each as it
    appears in same_length_lower(), mapped to that letter. Read from the engine itself, over all of Unicode."""
    table = {}
    for char in set(re.findall("[a-z]", _every_character(), re.IGNORECASE)) - set("abcdefghijklmnopqrstuvwxyz"
                                                                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
        letters = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(x, char, re.IGNORECASE)]
        lowered = same_length_lower(char)
        if len(letters) != 1 or len(lowered) != 1:
            raise RuntimeError(f"cannot fold {char!r}")  # never on CPython 3.11; fails loudly if it changes
        if lowered != letters[0]:
            if lowered.isascii():
                raise RuntimeError(f"cannot fold {char!r}")
            table[lowered] = letters[0]
    return table


def fold(text: str) -> str:
    """same_length_lower(text), with every character that matches an ASCII letter under IGNORECASE made
    that letter: where an IGNORECASE pattern matches text, its ASCII letters match fold(text) exactly."""
    lowered = same_length_lower(text)
    if not lowered.isascii():
        for char, letter in _ignorecase_letters().items():
            if char in lowered:
                lowered = lowered.replace(char, letter)
    return lowered


def _find_all(text: str, literal: str) -> list[int]:
    """Every start of literal in text, overlapping ones included."""
    found = []
    find = text.find
    index = find(literal)
    while index >= 0:
        found.append(index)
        index = find(literal, index + 1)
    return found


class DocText:
    """The analysed text of one document and what is computed from it once for all components."""

    __slots__ = ("text", "_lower", "_folded", "_starts", "_links", "_found", "present")

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        self._folded: str | None = None
        self._starts: list[int] | None = None
        self._links: list[tuple[int, int]] | None = None
        self._found: dict[tuple, list[int]] = {}  # occurrences of strings, candidate starts
        self.present: dict[str, dict[str, bool]] = {"text": {}, "lower": {}, "folded": {}}

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = same_length_lower(self.text)
        return self._lower

    @property
    def folded(self) -> str:
        if self._folded is None:
            lower = self.lower
            self._folded = lower if lower.isascii() else fold(self.text)
        return self._folded

    @property
    def other_digits(self) -> bool:
        """Whether the text has a digit other than 0-9 (which \\d also matches)."""
        key = ("other digits",)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = not self.text.isascii() and any(
                char.isdecimal() for char in _NON_ASCII.findall(self.text))
        return found

    @property
    def starts(self) -> list[int]:
        """sentence_starts(text), which is also sentence_starts(lower): lower-casing changes no end
        punctuation, line break or space (tests/nlp/test_scan.py checks every character)."""
        if self._starts is None:
            self._starts = sentence_starts(self.text)
        return self._starts

    @property
    def links(self) -> list[tuple[int, int]]:
        """The (start, end) of each markdown link's text ("[Microdosing gave me headaches](https://...)"): the
        title of somebody else's post or page, not the author's own words."""
        if self._links is None:
            self._links = ([(m.start(1), m.end(1)) for m in _LINK.finditer(self.text)]
                           if "](" in self.text else [])
        return self._links

    def in_link(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.links)

    def outside_links(self, mentions: list) -> list:
        """The mentions (with .start and .end) that are not in a markdown link's text: such a text is the
        title of somebody else's post, so what it names is not what the author took or followed."""
        if not self.links:
            return mentions
        return [m for m in mentions if not self.in_link(m.start, m.end)]

    def string(self, target: str) -> str:
        return self.text if target == "text" else self.lower if target == "lower" else self.folded

    def contains(self, target: str, string: str) -> bool:
        """Whether string (DIGIT: a digit) occurs in the text, its lower case or its folded form (target);
        the answers are kept in present[target]."""
        text = self.string(target)
        return _DIGIT_FINDER.search(text) is not None if string == DIGIT else string in text

    def occurrences(self, target: str, literal: str) -> list[int]:
        """Where literal (or DIGIT: any digit) occurs in the text, its lower case or its folded form (target)."""
        key = (target, literal)
        found = self._found.get(key)
        if found is None:
            if literal == DIGIT:
                found = [m.start() for m in _DIGIT_FINDER.finditer(self.string(target))]
            else:
                found = _find_all(self.string(target), literal)
            self._found[key] = found
        return found


class Batched:
    """A component's `pipe`, which `nlp.pipe` calls: the whole batch through this component, then the next."""

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, batch_size):
            yield from [self(doc) for doc in batch]


def shared(doc: Doc) -> DocText:
    """The DocText of doc, made on first use and kept in doc.user_data."""
    text = text_of(doc)
    state = doc.user_data.get(_SHARED_KEY)
    if state is None or (state.text is not text and state.text != text):
        state = doc.user_data[_SHARED_KEY] = DocText(text)
    return state


def get(doc: Doc, name: str):
    """doc._.<name> for an extension with a plain default of None, without the Underscore machinery."""
    return doc.user_data.get(("._.", name, None, None))


def put(doc: Doc, name: str, value) -> None:
    """doc._.<name> = value for an extension with a plain default, without the Underscore machinery."""
    doc.user_data[("._.", name, None, None)] = value


# --- candidate starts from the parse tree -------------------------------------------------------------

class _Unbounded(Exception):
    pass


DIGIT = "\0digit"  # a candidate "string" standing for any character that \\d matches
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:https?://|/r/|/u/)")
_DIGIT_FINDER = re.compile(r"\d")


def _literal_char(code: int, ignorecase: bool) -> str | None:
    char = chr(code)
    if not ignorecase:
        return char
    if not char.isascii():
        return None  # its folded form is not known for sure: the candidate string stops before it
    return char.lower()


def _class_chars(items, ignorecase: bool, limit: int = 12) -> list[str] | None:
    """The characters of a small character class without categories or negation, else None."""
    C = _sre_constants
    chars = []
    for op, av in items:
        if op is C.LITERAL:
            chars.append(av)
        elif op is C.RANGE and av[1] - av[0] < limit:
            chars.extend(range(av[0], av[1] + 1))
        else:
            return None
    if len(chars) > limit:
        return None
    result = [_literal_char(code, ignorecase) for code in chars]
    return None if None in result else sorted(set(result))


def _tail(tail: str) -> str:
    return "" if tail == DIGIT else tail  # a literal string stops before a digit


def _firsts(items: tuple, k: int, limit: int) -> set[str]:
    """Strings of up to k characters one of which starts every match of the sequence `items` (each item an
    (op, argument, ignorecase) triple) followed by anything; "" when nothing can be said, DIGIT for a match
    that may start with a digit."""
    if k == 0 or not items:
        return {""}
    C = _sre_constants
    op, av, ignorecase = items[0]
    rest = items[1:]
    if op is C.LITERAL:
        char = _literal_char(av, ignorecase)
        if char is None:
            return {""}
        return {char + _tail(tail) for tail in _firsts(rest, k - 1, limit)}
    if op is C.IN:
        if len(av) == 1 and av[0][0] is C.CATEGORY and av[0][1] in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
            return {DIGIT}
        chars = _class_chars(av, ignorecase)
        if chars is None:
            return {""}
        tails = {_tail(tail) for tail in _firsts(rest, k - 1, limit)}
        result = {char + tail for char in chars for tail in tails}
    elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: a superset of the matches without it
        return _firsts(rest, k, limit)
    elif op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        inner = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _firsts(tuple((o, a, inner) for o, a in sub.data) + rest, k, limit)
    elif op is C.ATOMIC_GROUP:  # matches a subset of what the group alone matches
        return _firsts(tuple((o, a, ignorecase) for o, a in av.data) + rest, k, limit)
    elif op is C.BRANCH:
        result = set()
        for branch in av[1]:
            result |= _firsts(tuple((o, a, ignorecase) for o, a in branch.data) + rest, k, limit)
            if len(result) > limit:
                raise _Unbounded
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        if sub.getwidth()[0] == 0:
            return {""}
        once = tuple((o, a, ignorecase) for o, a in sub.data)
        if high is not C.MAXREPEAT and high <= 1:
            more = rest
        else:
            more = ((op, (max(low - 1, 0), high if high is C.MAXREPEAT else high - 1, sub), ignorecase),) + rest
        result = _firsts(once + more, k, limit)
        if low == 0:
            result = result | _firsts(rest, k, limit)
    else:  # any character, a negated literal, a back reference, ...
        return {""}
    if len(result) > limit:
        raise _Unbounded
    return result


def start_strings(pattern: re.Pattern, longest: int = 6, limit: int = 40) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of pattern (none a prefix of another; DIGIT for any
    digit), or None when they cannot be read from it: too many, or a match may start with any character."""
    if _sre_parser is None:
        return None
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the pattern compiled, so this does not happen
        return None
    if parsed.getwidth()[0] == 0:
        return None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    items = tuple((op, av, ignorecase) for op, av in parsed.data)
    for k in range(longest, 0, -1):
        try:
            strings = _firsts(items, k, limit)
        except _Unbounded:
            continue
        if "" in strings:
            return None
        kept: list[str] = []
        for string in sorted(strings, key=lambda s: (s != DIGIT, len(s))):
            if string == DIGIT or not any(string.startswith(shorter) for shorter in kept if shorter != DIGIT):
                kept.append(string)
        return tuple(sorted(kept))
    return None


def _required(items: tuple) -> list[frozenset[str]]:
    """Clauses of literal strings read from the sequence `items` ((op, argument, ignorecase) triples): every
    match contains, for each clause, one of its strings."""
    C = _sre_constants
    clauses: list[frozenset[str]] = []
    run = ""
    for op, av, ignorecase in items:
        if op is C.LITERAL:
            char = _literal_char(av, ignorecase)
            if char is not None:
                run += char
                continue
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the characters around it are next to each other in the text
        if run:
            clauses.append(frozenset([run]))
            run = ""
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            inner = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            clauses += _required(tuple((o, a, inner) for o, a in sub.data))
        elif op is C.ATOMIC_GROUP:
            clauses += _required(tuple((o, a, ignorecase) for o, a in av.data))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            clauses += _required(tuple((o, a, ignorecase) for o, a in av[2].data))
        elif op is C.BRANCH:  # one of the branches matches: one string of its best clause is there
            best = [max(_required(tuple((o, a, ignorecase) for o, a in branch.data)),
                        key=lambda clause: min(map(len, clause)), default=None) for branch in av[1]]
            if None not in best:
                clauses.append(frozenset().union(*best))
    if run:
        clauses.append(frozenset([run]))
    return clauses


def required_strings(pattern: re.Pattern, shortest: int = 3, most: int = 3) -> tuple[tuple[str, ...], ...]:
    """Up to `most` clauses of literal strings, each of at least `shortest` characters: every match of pattern
    contains one string of each clause (for an IGNORECASE pattern, in the folded text). The longest first."""
    if _sre_parser is None:
        return ()
    parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    clauses = {tuple(sorted(clause)) for clause in _required(tuple((op, av, ignorecase) for op, av in parsed.data))
               if len(clause) <= 4 and min(map(len, clause)) >= shortest}
    return tuple(sorted(clauses, key=lambda clause: (-min(map(len, clause)), clause))[:most])


def _without_group_names(pattern: str) -> str | None:
    """pattern with its named groups made non-capturing ("(?P<n>" -> "(?:"), reading escapes and character
    classes so that only real group openings change; None when it has back references or cannot be read."""
    out = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            i += 1
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":  # a "]" first in a class is a literal
                out.append("]")
                i += 1
            continue
        elif pattern.startswith("(?P<", i):
            close = pattern.find(">", i)
            if close < 0:
                return None
            out.append("(?:")
            i = close + 1
            continue
        elif pattern.startswith("(?P=", i) or pattern.startswith("(?(", i):
            return None
        out.append(char)
        i += 1
    return "".join(out)


def _has_back_reference(parsed) -> bool:
    C = _sre_constants
    for op, av in parsed.data if hasattr(parsed, "data") else parsed:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return True
        children = []
        if op is C.SUBPATTERN:
            children = [av[3]]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            children = [av[2]]
        elif op in (C.ASSERT, C.ASSERT_NOT):
            children = [av[1]]
        elif op is C.BRANCH:
            children = av[1]
        elif op is C.ATOMIC_GROUP:
            children = [av]
        if any(_has_back_reference(child) for child in children):
            return True
    return False


def _start_finder(pattern: re.Pattern, strings: tuple[str, ...], most: int = 32) -> re.Pattern | None:
    """A regex that matches (one character or more) exactly where pattern matches, found by the regex
    engine's own fast search for literal prefixes: one branch per start string s, `s(?<=(?=P).{len(s)})`,
    where P is pattern without group names. The lookbehind steps back to the start of s and runs P there,
    with the same string, range and lookbehind as pattern.match at that position. Only for patterns
    without IGNORECASE (whose start strings are the literal text); DIGIT stands for the ASCII digits (the
    caller falls back to the plain scan on a text with other digits)."""
    if pattern.flags & re.IGNORECASE:
        return None
    expanded = [d for d in "0123456789"] if DIGIT in strings else []
    expanded += [s for s in strings if s != DIGIT and not (s[0].isdigit() and s[0].isascii() and DIGIT in strings)]
    if not expanded or len(expanded) > most:
        return None
    inner = _without_group_names(pattern.pattern)
    if inner is None or _has_back_reference(_sre_parser.parse(pattern.pattern, pattern.flags)):
        return None
    branches = [f"{re.escape(s)}(?<=(?={inner})(?s:.){{{len(s)}}})" for s in sorted(expanded)]
    try:
        finder = re.compile("|".join(branches), pattern.flags)
    except re.error:  # pragma: no cover - e.g. global inline flags inside the pattern
        return None
    unnamed = pattern.groups - len(pattern.groupindex)
    return finder if not finder.groupindex and finder.groups == len(branches) * unnamed else None


def _sre_prefix_length(pattern: re.Pattern) -> int:
    """How long a literal prefix the regex engine itself skips ahead to (0 when unknown): such a pattern
    is fast to scan as it is."""
    try:
        from re import _compiler
        prefix, _skip, _all = _compiler._get_literal_prefix(_sre_parser.parse(pattern.pattern, pattern.flags),
                                                            pattern.flags)
        return len(prefix)
    except Exception:  # pragma: no cover - only the choice of the faster way depends on it
        return 0


class Scanner:
    """pattern.finditer / pattern.search over one of a DocText's strings, made faster without changing what
    they return (see the module's docstring).

    `target` names the string the pattern runs on: "text" (the analysed text) or "lower" (its lower case). An
    IGNORECASE pattern on "text" runs as casefree(pattern) on the folded text. With `finder`, the pattern is
    tried only at the starts of the matches of that regex on the target, which the caller guarantees to
    include every start of a match.
    """

    def __init__(self, pattern: re.Pattern, target: str = "text", finder: re.Pattern | None = None,
                 min_length: int = 2, gates: int = 2):
        if target not in ("text", "lower"):
            raise ValueError(target)
        self.original = None  # the IGNORECASE pattern whose matches are returned, when it runs as casefree()
        if pattern.flags & re.IGNORECASE and target == "text":
            folded = casefree(pattern)
            if folded is not None:  # found on the folded text, then read again from the text (same spans)
                self.original, pattern, target = pattern, folded, "folded"
        self.pattern = pattern
        self.target = target
        self.finder = finder
        # the strings read from an IGNORECASE pattern are folded: they are looked for in the folded text, where
        # casefree(pattern) runs (the strings of both are the same; only the original has a source to read)
        analysed = self.original or pattern
        ignorecase = bool(analysed.flags & re.IGNORECASE)
        self.source = "folded" if ignorecase else target
        if ignorecase:
            _ignorecase_letters()  # read once, when the pipeline is built
        strings = clauses = None
        if not (ignorecase and target == "lower"):  # folding the lower case again is not proven to be the same
            strings = None if finder is not None else start_strings(analysed)
            clauses = list(required_strings(analysed))  # (the start strings are left to the scan: as fast)
        self.strings = strings
        # Gated by its `gates` most selective clauses (the answers are shared by all patterns of a document).
        clauses = sorted(set(clauses or ()), key=lambda c: (-min(len(s) for s in c), len(c), c))
        self.clauses = tuple(clauses[:gates])
        shortest = min((len(s) for s in strings if s != DIGIT), default=min_length) if strings else 0
        # where the regex engine can find the starts itself (see _start_finder), that is fastest
        self.start_finder = (None if finder is not None or strings is None or pattern.pattern is None
                             else _start_finder(pattern, strings))
        self.digit_starts = strings is not None and DIGIT in strings
        self.tried_at_starts = self.start_finder is None and (finder is not None or (
            strings is not None and shortest >= min_length and _sre_prefix_length(analysed) < 2))

    def possible(self, doc_text: DocText) -> bool:
        """Whether the pattern may match somewhere in the document (every clause has a string there)."""
        if not self.clauses:
            return True
        present = doc_text.present[self.source]
        for clause in self.clauses:
            for string in clause:
                found = present.get(string)
                if found is None:
                    found = present[string] = doc_text.contains(self.source, string)
                if found:
                    break
            else:
                return False
        return True

    def _possible_within(self, doc_text: DocText, pos: int, endpos: int) -> bool:
        string = doc_text.string(self.source)
        for clause in self.clauses:
            for s in clause:
                if (_DIGIT_FINDER.search(string, pos, endpos) is not None if s == DIGIT
                        else string.find(s, pos, endpos) >= 0):
                    break
            else:
                return False
        return True

    def _candidates(self, doc_text: DocText) -> list[int]:
        """Sorted positions where a match may start."""
        if self.finder is not None:
            key = ("finder", self.finder.pattern)
            found = doc_text._found.get(key)
            if found is None:
                found = doc_text._found[key] = [m.start() for m in self.finder.finditer(doc_text.string(self.target))]
            return found
        if len(self.strings) == 1:
            return doc_text.occurrences(self.source, self.strings[0])
        lists = [found for found in (doc_text.occurrences(self.source, s) for s in self.strings) if found]
        if len(lists) <= 1:
            return lists[0] if lists else []
        return sorted(set().union(*lists))

    def finditer(self, doc_text: DocText, pos: int = 0, endpos: int | None = None, gated: bool = False):
        """pattern.finditer(string, pos, endpos) over the target string; `gated`: possible() was checked."""
        if self.original is None:
            yield from self._finditer(doc_text, pos, endpos, gated)
            return
        text = doc_text.text
        if endpos is None or endpos > len(text):
            endpos = len(text)
        match = self.original.match
        for found in self._finditer(doc_text, pos, endpos, gated):
            # the same match, with the groups of the text rather than of its folded form
            again = match(text, found.start(), endpos)
            if again is None or again.end() != found.end():  # pragma: no cover - casefree() is exact
                raise AssertionError(f"casefree() disagrees with {self.original.pattern!r}")
            yield again

    def _finditer(self, doc_text: DocText, pos: int = 0, endpos: int | None = None, gated: bool = False):
        string = doc_text.string(self.target)
        if endpos is None or endpos > len(string):
            endpos = len(string)
        if self.clauses:
            if not gated and not self.possible(doc_text):
                return
            if (pos > 0 or endpos < len(string)) and not self._possible_within(doc_text, pos, endpos):
                return
        if self.start_finder is not None and not (self.digit_starts and doc_text.other_digits):
            search = self.start_finder.search
            match = self.pattern.match
            while (start := search(string, pos, endpos)) is not None:
                found = match(string, start.start(), endpos)
                if found is None:  # pragma: no cover - the finder ran the same match
                    raise AssertionError(f"start finder disagrees with {self.pattern.pattern!r}")
                yield found
                pos = found.end()
            return
        if not self.tried_at_starts:
            yield from self.pattern.finditer(string, pos, endpos)
            return
        starts = self._candidates(doc_text)
        match = self.pattern.match
        index = bisect_left(starts, pos)
        count = len(starts)
        while index < count:
            start = starts[index]
            if start >= endpos:
                return
            found = match(string, start, endpos)
            if found is None:
                index += 1
            else:
                yield found
                index = bisect_left(starts, found.end(), index + 1)

    def search(self, doc_text: DocText, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        for found in self.finditer(doc_text, pos, endpos):
            return found
        return None


# --- IGNORECASE patterns run as case-sensitive ones on the folded text ---------------------------------

@cache
def _every_character() -> str:
    codes = array.array("I", [*range(0, 0xD800), *range(0xE000, 0x110000)])
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


@cache
def _ignorecase_folds(char: str) -> tuple[int, ...]:
    """The folded forms (see fold) of the characters that match char under IGNORECASE (read from the regex
    engine over all of Unicode): a character folds to one of them exactly when it matches char."""
    matched = set(re.findall(re.escape(char), _every_character(), re.IGNORECASE))
    return tuple(sorted({ord(fold(c)) for c in matched}))


def casefree(pattern: re.Pattern) -> re.Pattern | None:
    """For an IGNORECASE pattern, the same pattern without IGNORECASE, each of its characters replaced by the
    folded forms of the characters that match it ("T" -> "t", "µ" -> [µμ]): it matches fold(s) exactly where
    pattern matches s (same spans, same groups), because fold() turns every character that matches an ASCII
    letter under IGNORECASE into that letter, lower-cases the others, and keeps what \\w, \\d and \\s match
    (tests/nlp/test_scan.py checks every character). None when that cannot be shown from the pattern: a range
    over letters other than a-z or A-Z, a back reference."""
    if _sre_parser is None or not pattern.flags & re.IGNORECASE:
        return None
    C = _sre_constants
    try:
        from re import _compiler
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover
        return None

    def literal(code: int) -> tuple[int, ...]:
        char = chr(code)
        if char.isascii():
            return (ord(char.lower()),)
        return _ignorecase_folds(char)  # "µ": the folded "µ" and "μ"

    def items(data) -> list | None:
        out = []
        for op, av in data:
            if op in (C.LITERAL, C.NOT_LITERAL):
                codes = literal(av)
                if len(codes) == 1:
                    out.append((op, codes[0]))
                else:
                    negate = [(C.NEGATE, None)] if op is C.NOT_LITERAL else []
                    out.append((C.IN, negate + [(C.LITERAL, code) for code in codes]))
            elif op is C.IN:
                members = []
                for member_op, member in av:
                    if member_op is C.LITERAL:
                        members += [(C.LITERAL, code) for code in literal(member)]
                    elif member_op is C.RANGE:
                        low, high = member
                        upper = ord("A") <= low <= high <= ord("Z")
                        if not (high < 0x80 and (upper or ord("a") <= low <= high <= ord("z") or not any(
                                chr(code).isalpha() for code in range(low, high + 1)))):
                            return None  # only ASCII ranges, over letters of one case or over no letter
                        if upper:
                            low, high = low + 32, high + 32
                        members.append((member_op, (low, high)))
                    elif member_op in (C.NEGATE, C.CATEGORY):
                        members.append((member_op, member))
                    else:
                        return None
                out.append((op, members))
            elif op in (C.AT, C.ANY):
                out.append((op, av))
            elif op is C.SUBPATTERN:
                group, add_flags, del_flags, sub = av
                if (add_flags | del_flags) & re.IGNORECASE:
                    return None
                inner = items(sub.data)
                if inner is None:
                    return None
                sub.data = inner
                out.append((op, av))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                inner = items(av[2].data)
                if inner is None:
                    return None
                av[2].data = inner
                out.append((op, av))
            elif op in (C.ASSERT, C.ASSERT_NOT):
                inner = items(av[1].data)
                if inner is None:
                    return None
                av[1].data = inner
                out.append((op, av))
            elif op is C.ATOMIC_GROUP:
                inner = items(av.data)
                if inner is None:
                    return None
                av.data = inner
                out.append((op, av))
            elif op is C.BRANCH:
                for branch in av[1]:
                    inner = items(branch.data)
                    if inner is None:
                        return None
                    branch.data = inner
                out.append((op, av))
            else:  # back references and anything else
                return None
        return out

    converted = items(parsed.data)
    if converted is None:
        return None
    parsed.data = converted
    parsed.state.flags &= ~re.IGNORECASE
    try:
        compiled = _compiler.compile(parsed, pattern.flags & ~re.IGNORECASE)
    except Exception:  # pragma: no cover
        return None
    if compiled.groupindex != pattern.groupindex or compiled.groups != pattern.groups:
        return None  # pragma: no cover
    return compiled
