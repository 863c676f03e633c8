"""The exact speed-ups of scan.py: the same matches as the plain regexes, on every kind of text."""

import json
import random
import re

import pytest

from experiences.nlp import scan
from experiences.nlp.context import SENTENCE_END as CONTEXT_SENTENCE_END
from experiences.nlp.text import _SENTENCE_END, same_length_lower, sentence_starts
from experiences.settings import SAMPLE_DIR

# Characters that change under lower-casing or IGNORECASE in unusual ways, and the punctuation the rules use.
ODD = "ſKİıµμΜΣσςẞßÅ’–—~±€£"


def _sample_texts() -> list[str]:
    texts = []
    for line in (SAMPLE_DIR / "reddit_sample.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            texts.append(f"{row.get('title') or ''}\n\n{row.get('selftext') or row.get('body') or ''}")
    return texts


def _variants(texts: list[str]) -> list[str]:
    rng = random.Random(7)
    out = []
    for text in texts:
        out += [text, text.upper(), text.title(), text.replace("s", "ſ").replace("k", "K").replace("µ", "Μ")]
        chars = list(text)
        for _ in range(len(chars) // 40):
            chars[rng.randrange(len(chars))] = rng.choice(ODD)
        out.append("".join(chars))
    return out


@pytest.fixture(scope="module")
def texts():
    return _variants(_sample_texts()[:80])


def _spans(matches):
    return [(m.span(), m.groupdict(), m.group()) for m in matches]


def test_every_character_keeps_its_class_when_folded():
    every = scan._every_character()
    for category in (r"\w", r"\d", r"\s", r"[.!?\n]", r"[\"')\]]"):
        pattern = re.compile(category)
        assert [m.start() for m in pattern.finditer(every)] == \
            [m.start() for m in pattern.finditer(same_length_lower(every))], category
    lowered = same_length_lower(every)
    assert len(lowered) == len(every)
    # a character folds to an ASCII letter exactly when it matches that letter under IGNORECASE
    folded = scan.fold(every)
    assert len(folded) == len(every)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = {m.start() for m in re.finditer(letter, every, re.IGNORECASE)}
        assert matched == {i for i, c in enumerate(folded) if c == letter}, letter
    # and to another ASCII character only when it is that character
    assert all(c == f or not f.isascii() or f.isalpha() for c, f in zip(every, folded))


def test_fold_of_a_text_is_the_fold_of_its_characters():
    for text in ("ΣΑΣ σας Straße İstanbul ſtop KELVIN", ODD * 3, "plain ascii TEXT"):
        folded = scan.fold(text)
        assert len(folded) == len(text)
        for char, low in zip(text, folded):
            assert low == scan.fold(char) or {low, scan.fold(char)} <= {"σ", "ς"}


def test_sentence_regexes_are_the_plain_ones():
    plain = re.compile(r"[.!?]+(?=\s|$)|\n+")
    plain_context = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n+")
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(".!?\n \"')]a") for _ in range(rng.randint(0, 10)))
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert _spans(_SENTENCE_END.finditer(text, start, end)) == _spans(plain.finditer(text, start, end))
                assert _spans(CONTEXT_SENTENCE_END.finditer(text, start, end)) == \
                    _spans(plain_context.finditer(text, start, end))


def test_sentence_starts_are_the_same_in_lower_case(texts):
    for text in texts:
        assert sentence_starts(text) == sentence_starts(same_length_lower(text))


def _component_regexes():
    from experiences.nlp import shared_nlp
    nlp = shared_nlp()
    doses = nlp.get_pipe("experiences_doses")
    schedules = nlp.get_pipe("experiences_schedules")
    found = [(scanner.original or scanner.pattern, scanner, "text")
             for scanner in (doses.numeric_scan, doses.words_scan)]
    for _kind, _context, anchor, pattern in schedules.patterns:
        for scanner in (anchor, pattern):
            if scanner is not None:
                found.append((scanner.pattern, scanner, "lower"))
    return found


def test_scanners_find_what_the_regexes_find(texts):
    for pattern, scanner, target in _component_regexes():
        for text in texts:
            doc_text = scan.DocText(text)
            string = doc_text.string(target)
            assert _spans(scanner.finditer(doc_text)) == _spans(pattern.finditer(string)), pattern.pattern
            for start in range(0, len(string), 97):  # windows, as the anchored schedule patterns use
                end = min(len(string), start + 170)
                assert _spans(scanner.finditer(doc_text, start, end)) == _spans(pattern.finditer(string, start, end))


def test_scanner_search_is_regex_search(texts):
    from experiences.nlp import shared_nlp
    doses = shared_nlp().get_pipe("experiences_doses")
    for text in texts[:60]:
        doc_text = scan.DocText(text)
        for pos in range(0, len(text), 13):
            expected = doses.numeric.search(text, pos)
            found = doses.numeric_scan.search(doc_text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (expected and (expected.span(), expected.groupdict()))


@pytest.mark.parametrize("source", [
    r"\b(?P<x>took|[A-C]x)\s*'s\b",
    r"\d+\s*(?:µg|Mg|mcg)(?![\w/µμ])",
    r"(?:^|\s)[^a-z\s]+ (?=K)",
    r"\bstra(?:ss|ß)e\b|ſt|İ",
    r"[σΣ]+|[-–—]\s*[a-z]{2,}?(?:ine|ol)\b",
])
def test_casefree_matches_where_ignorecase_matches(source):
    pattern = re.compile(source, re.IGNORECASE)
    folded = scan.casefree(pattern)
    assert folded is not None and not folded.flags & re.IGNORECASE
    rng = random.Random(source)
    alphabet = "abcKkSsTtxX '-–µμΜ0123456789gG" + ODD + "tooKTOOK'S"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in folded.finditer(scan.fold(text))], text


def test_start_strings_and_required_strings():
    pattern = re.compile(r"(?:a\s+|one\s+)?day\s+on\b")
    assert scan.start_strings(pattern) == ("a", "day", "one")
    assert scan.required_strings(pattern) == (("day",),)
    assert scan.start_strings(re.compile(r"\d+ mg")) == (scan.DIGIT,)
    assert scan.start_strings(re.compile(r".x")) is None
    assert scan.start_strings(re.compile(r"x?")) is None  # may match the empty string


def test_shared_state_is_made_once_per_doc():
    from experiences.nlp import shared_nlp
    nlp = shared_nlp()
    doc = nlp("Took 0.1g of cubes every 3 days. Felt calm.")
    state = scan.shared(doc)
    assert scan.shared(doc) is state and state.text == doc._.text
    assert state.lower == same_length_lower(doc._.text) and state.starts == sentence_starts(doc._.text)
    # a doc made by another tokenizer still works (its text is rebuilt)
    other = nlp.get_pipe("experiences_schedules")(nlp.tokenizer.tokenizer("twice a day"))
    assert [m.schedule for m in other._.schedules] == [m.schedule for m in nlp("twice a day")._.schedules]


def test_the_pipeline_gives_the_same_records_with_or_without_shared_state():
    from experiences.extract import record_from_doc
    from experiences.nlp import build_nlp
    nlp = build_nlp()
    for text in _sample_texts()[:40]:
        doc = nlp(text)
        fresh = nlp.tokenizer.tokenizer(text)  # no doc._.text: every component rebuilds what it reads
        for _name, component in nlp.pipeline:
            fresh = component(fresh)
        assert record_from_doc("x", doc) == record_from_doc("x", fresh)


def test_batched_pipe_gives_what_one_document_at_a_time_gives(nlp):
    """nlp.pipe runs each component over a batch (scan.Batched); a last, partial batch is not lost and every
    record is what the document alone gives."""
    from experiences.extract import record_from_doc

    texts = _sample_texts()
    assert len(texts) > 7
    alone = [record_from_doc(str(n), nlp(text)) for n, text in enumerate(texts)]
    piped = [record_from_doc(str(n), doc) for n, doc in enumerate(nlp.pipe(texts, batch_size=7))]
    assert piped == alone
    assert all(isinstance(component, scan.Batched) for _name, component in nlp.pipeline)
