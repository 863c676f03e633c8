import os
import stat

import pytest

from experiences.anonymise import Anonymiser, load_key, scrub
from experiences.records import RawReport


@pytest.mark.parametrize("text, expected", [
    ("ask u/some_user or /u/Other-One", "ask u/[USER] or u/[USER]"),
    ("mail joe.doe+md@example.com now", "mail [EMAIL] now"),
    ("see https://example.org/x?y=1 and www.example.com/a", "see [URL] and [URL]"),
    ("reddit.com/user/bob wrote", "[URL] wrote"),
    ("call +1 415 555 0172", "call [PHONE]"),
    ("or (212) 555-0199.", "or [PHONE]."),
    ("uk 07700 900123", "uk [PHONE]"),
    ("+44 20 7946 0958", "[PHONE]"),
    ("555-867-5309", "[PHONE]"),
])
def test_personal_data_is_replaced(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "took 0.1g on 2023-01-15", "100 200 mg", "1 on 2 off", "10ug x3", "1/10 tab", "2,5 ug", "1000 2000 3000 ug",
    "u/[USER] already scrubbed",
])
def test_doses_dates_and_counts_survive(text):
    assert scrub(text) == text


def test_own_author_name_is_replaced_in_text():
    assert scrub("jdoe42 here, JDoe42 again; not jdoe420", "jdoe42") == "[USER] here, [USER] again; not jdoe420"


def test_pseudonyms_are_keyed_stable_and_case_insensitive():
    one, other = Anonymiser(b"k" * 32), Anonymiser(b"j" * 32)
    assert one.pseudonym("Alice") == one.pseudonym("alice") != other.pseudonym("alice")
    assert len(one.pseudonym("alice")) == 32 and one.pseudonym(None) is None


def test_short_key_is_refused():
    with pytest.raises(ValueError, match="too short"):
        Anonymiser(b"short")


def test_report_carries_no_raw_author():
    raw = RawReport("t3_x", "submission", "hi alice_md", "mail a@example.com", "alice_md", 1.0, "md", None, "f", 1)
    report = Anonymiser(b"k" * 32).anonymise(raw)
    assert "alice_md" not in repr(report) and "a@example.com" not in repr(report)
    assert report.title == "hi [USER]"


def test_generated_key_is_private_and_reused(settings, monkeypatch, capsys):
    monkeypatch.delenv("EXPERIENCES_PSEUDONYM_KEY")
    from experiences.settings import Settings
    fresh = Settings.from_env()
    key = load_key(fresh)
    assert stat.S_IMODE(os.stat(fresh.key_path).st_mode) == 0o600
    assert "generated a new pseudonym key" in capsys.readouterr().err
    assert load_key(fresh) == key
    assert key.decode() not in capsys.readouterr().err


def test_key_from_environment_wins(settings):
    assert load_key(settings) == b"test-key-0123456789abcdef"
    assert not settings.key_path.exists()
