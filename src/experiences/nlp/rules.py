"""Strict loaders for the versioned rule files in resources/.

Each file is read into a frozen dataclass; an unknown or missing key is an error naming the file
and the key, so a typo in a rule file fails loudly instead of silently doing nothing.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, fields, replace
from functools import cache
from importlib import resources
from typing import Any

SUPPORTED_VERSION = 1


class RuleFileError(ValueError):
    pass


def _strict(cls, data: dict, where: str):
    if not isinstance(data, dict):
        raise RuleFileError(f"{where}: expected an object, got {type(data).__name__}")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    missing = sorted(n for n in names if n not in data and _required(cls, n))
    if unknown:
        raise RuleFileError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(names)}")
    if missing:
        raise RuleFileError(f"{where}: missing key(s) {missing}")
    return data


def _required(cls, name: str) -> bool:
    field = next(f for f in fields(cls) if f.name == name)
    return field.default is MISSING and field.default_factory is MISSING


def _build(cls, data: Any, where: str, nested: dict | None = None):
    """A strict instance of cls: unknown or missing keys rejected, lists frozen into tuples, and the
    items of the keys in `nested` built strictly as that key's class."""
    _strict(cls, data, where)
    values = {}
    for key, value in data.items():
        if nested and key in nested:
            value = tuple(_build(nested[key], item, f"{where}: {key}[{i}]") for i, item in enumerate(value))
        elif isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
        values[key] = value
    return cls(**values)


def _check_version(data: Any, where: str) -> None:
    if not isinstance(data, dict) or data.get("version") != SUPPORTED_VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        raise RuleFileError(f"{where}: version {found!r} is not supported (expected {SUPPORTED_VERSION})")


@dataclass(frozen=True)
class Substance:
    id: str
    terms: tuple[str, ...]  # matched case-insensitively
    exact_terms: tuple[str, ...] = ()  # matched case-sensitively ("PE", "GT" are words in lower case)
    # regular expressions for whole words, in lower case (run over the folded text, so matched case-insensitively):
    # the many misspellings of one name ("psylosibin", "psilicybin") that no list of terms can hold
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubstanceRules:
    version: int
    substances: tuple[Substance, ...]
    not_substances: tuple[str, ...]
    # word endings of medicine names (INN stems: -oxetine, -azepam, -apine, ...), so that an
    # unlisted medicine ("olanzapine 10mg") is still a medicine
    medicine_suffixes: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Any, where: str = "substances.json") -> "SubstanceRules":
        _check_version(data, where)
        return _build(cls, data, where, {"substances": Substance})


@dataclass(frozen=True)
class DoseRules:
    version: int
    units: dict[str, tuple[str, ...]]
    fractions: dict[str, float]
    number_words: dict[str, float]
    stock_words: tuple[str, ...]  # stock or packaging right before or after an amount ("a 3.5g bag")
    stock_before: tuple[str, ...]  # only right before an amount ("my last 0.3g")
    stock_after: tuple[str, ...]  # only right after an amount ("0.4g left")
    stock_verbs: tuple[str, ...]  # an amount whose nearest verb is one of these is stock ("I bought 12g")
    loose_stock_verbs: tuple[str, ...]  # stock only with the amount as their object ("got 3.5g", not "get results
    #                                     from 50ug")
    change_words: tuple[str, ...]  # "upped my dose from 0.1 to 0.2g": after these, "from X to Y" is two amounts
    solution_verbs: tuple[str, ...]  # the same for ug, tabs, ml and capsules only ("dissolved 120ug in 60ml")
    dose_verbs: tuple[str, ...]  # verbs of taking: they win over a farther stock verb, and cue unitless amounts
    bare_cues: tuple[str, ...]  # other words after which a unitless amount is a dose ("dosage: .06", "at .07")
    other_measures: tuple[str, ...]  # words after a unitless decimal that make it no dose (".4 ppm", ".5 miles")
    solvent_words: tuple[str, ...]  # a volume of these is a solvent, not a dose ("60ml of distilled water")
    per_units: tuple[str, ...]  # an amount "per" one of these is a concentration ("5ug per ml")
    max_amounts: dict[str, float]  # per canonical unit: larger amounts are stock or solvent, not doses
    min_mushroom_mg: float  # whole-mg amounts of mushroom below this are medicines ("4mg"), not doses
    max_bare_grams: int  # a unitless decimal from 1 up to this (1-9) after a verb of taking is grams ("took 1.5")
    window_chars: int
    previous_chars: int  # an unattributed amount this close after a supplement or other drug is its amount
    # an amount right after these ("I have 7 grams") is stock the speaker holds, when it is at least
    # min_possessed_grams of mushroom ("I have 0.15g capsules" names the dose)
    possession_before: tuple[str, ...] = ()
    min_possessed_grams: float = 1

    @classmethod
    def from_json(cls, data: Any, where: str = "doses.json") -> "DoseRules":
        _check_version(data, where)
        rules = _build(cls, data, where)
        unknown = (set(rules.units) | set(rules.max_amounts)) - {"g", "mg", "ug", "tab", "capsule", "ml"}
        if unknown:
            raise RuleFileError(f"{where}: unknown unit(s) {sorted(unknown)}")
        return rules


# Where a schedule phrase must find a dosing cue (see schedules.py): nowhere, near it in its sentence
# (or in a neighbouring sentence when its own has no cue), or in its own clause.
SCHEDULE_CONTEXTS = ("none", "sentence", "clause")


@dataclass(frozen=True)
class SchedulePattern:
    id: str
    patterns: tuple[str, ...]
    context: str
    anchor: str = ""  # a regex every match contains: the patterns only run near its hits (for speed)
    needs_dose: bool = False  # the match must hold, or be right followed by, an amount the dose finder kept
    #                            ("0.1g a day", "your daily 500mg"; not "2.5mg a day" of a medicine)


# How the named groups of a counted pattern become a schedule (see schedules.py).
COUNTED_KINDS = ("on_off", "every_n_days", "every_n_weeks", "per_week", "per_day",
                 "weekday_list", "weekday_range", "weekday_single")


@dataclass(frozen=True)
class CountedPattern:
    kind: str
    patterns: tuple[str, ...]  # may use the placeholders {n} {ord} {mult} {day} {fullday}
    context: str
    anchor: str = ""


@dataclass(frozen=True)
class ScheduleRules:
    version: int
    cardinals: dict[str, int]  # number words: "four" -> 4
    ordinals: dict[str, int]  # "third" -> 3 ("3rd" is read from its digits)
    multiplicatives: dict[str, int]  # "twice" -> 2
    weekdays: tuple[tuple[str, ...], ...]  # Monday first: full name, then abbreviations
    on_off: dict[str, str]  # "days_on/days_off" -> schedule id; other pairs are custom
    every_n_days: dict[str, str]  # interval in days -> schedule id; longer intervals are custom
    days_per_week: dict[str, str]  # dosing days a week -> schedule id; other counts are custom
    counted: tuple[CountedPattern, ...]
    schedules: tuple[SchedulePattern, ...]
    dosing_words: tuple[str, ...]  # a nearest cue among these makes a phrase a dosing schedule
    not_dosing_words: tuple[str, ...]  # ... and among these (exercise, medicines, alcohol) does not
    supplement_words: tuple[str, ...]  # like not_dosing_words, but only for loose ("clause") phrases:
    # a Stamets stack names lion's mane next to its schedule
    weak_dosing_words: tuple[str, ...]  # cues only when no word of the two lists is near ("capsules")
    clause_breaks: tuple[str, ...]  # words that end a clause, besides punctuation
    window_chars: int  # how far from a phrase a cue word in its sentence is looked for
    anchor_window_chars: int  # how far from an anchor hit its patterns are looked for
    soft_not_dosing_words: tuple[str, ...] = ()  # like not_dosing_words ("feel"), but a dosing word anywhere near
    # wins over them in a "sentence" context ("I dose ... after feeling nothing, settled on every three days")

    @classmethod
    def from_json(cls, data: Any, where: str = "schedules.json") -> "ScheduleRules":
        _check_version(data, where)
        rules = _build(cls, data, where, {"schedules": SchedulePattern, "counted": CountedPattern})
        kinds = {c.kind for c in rules.counted} - set(COUNTED_KINDS)
        if kinds:
            raise RuleFileError(f"{where}: unknown counted kind(s) {sorted(kinds)}")
        contexts = {e.context for e in rules.counted + rules.schedules} - set(SCHEDULE_CONTEXTS)
        if contexts:
            raise RuleFileError(f"{where}: unknown context(s) {sorted(contexts)}")
        if len(rules.weekdays) != 7:
            raise RuleFileError(f"{where}: weekdays must list the 7 days, Monday first")
        return replace(rules, weekdays=tuple(tuple(day) for day in rules.weekdays))


@dataclass(frozen=True)
class Effect:
    id: str
    kind: str
    category: str
    terms: tuple[str, ...]  # wordings that name the effect on their own
    weak_terms: tuple[str, ...] = ()  # common words ("calm", "happy"): count only after a state cue ("felt", "so")
    feel_terms: tuple[str, ...] = ()  # count only after a feeling verb: "felt (so) good", "feeling off"
    negated_terms: tuple[str, ...] = ()  # count only when negated: "didn't notice anything" -> no_effect
    conditions: tuple[str, ...] = ()  # conditions whose relief is this benefit: "anxiety" + "lifted"
    levels: tuple[str, ...] = ()  # measures whose rise is this benefit, whose fall its opposite: "mood" + "lifted"
    opposite: str | None = None  # the id a reversal ("less", "no longer", "... went away") turns this into


@dataclass(frozen=True)
class EffectRules:
    version: int
    effects: tuple[Effect, ...]
    not_effects: tuple[str, ...] = ()  # longer wordings that contain a term but are no effect ("social media")
    cues: tuple[str, ...] = ()  # a weak term needs one of these before it ...
    feel_cues: tuple[str, ...] = ()  # a feel term needs one of these before it ...
    fillers: tuple[str, ...] = ()  # ... possibly followed by these words ("felt so very calm")
    post_cues: tuple[str, ...] = ()  # ... or one of these right after it ("a calm feeling")
    reversal_before: tuple[str, ...] = ()  # "less", "no longer", "relief from" + side effect or condition
    reversal_after: tuple[str, ...] = ()  # side effect or condition + "lifted", "went away", "is gone"
    loss_before: tuple[str, ...] = ()  # "less", "lack of" + benefit: "less focused" -> brain_fog
    loss_after: tuple[str, ...] = ()  # benefit + "dropped", "was gone": "my motivation was gone" -> fatigue
    worsening_before: tuple[str, ...] = ()  # "spike in", "gave me" + condition: its side effect ("anxiety_increase")
    worsening_after: tuple[str, ...] = ()  # condition + "ramped up", "came back": its side effect
    rise_before: tuple[str, ...] = ()  # "improved", "boost in" + level: "improved mood" -> mood_improvement
    rise_after: tuple[str, ...] = ()  # level + "went up", "was great": "my energy was through the roof"
    fall_after: tuple[str, ...] = ()  # level + "was low", "tanked" (with loss_after): its opposite
    negated_after: tuple[str, ...] = ()  # negation ... + these reverse like "no longer": "not anxious anymore"
    reversal_window_words: int = 4
    gap_words: tuple[str, ...] = ()  # may stand between a reversal word and the effect: "less of my anxiety"
    aux_words: tuple[str, ...] = ()  # may stand between the effect and an after-word: "anxiety is almost gone"
    negation_gap_words: tuple[str, ...] = ()  # between a negation and a negated term: "didn't really notice"
    negated_end_words: tuple[str, ...] = ()  # may follow a negated term: "didn't feel much at all"
    negated_exceptions: tuple[str, ...] = ()  # ... but these do not: "didn't feel anything, except calmer" is felt
    complement_after: tuple[str, ...] = ()  # after a weak or feel term, (that +) these make it an attitude to a
    # proposition, not a felt state: "glad it works", "nervous I was ripped off"

    @classmethod
    def from_json(cls, data: Any, where: str = "effects.json") -> "EffectRules":
        _check_version(data, where)
        rules = _build(cls, data, where, {"effects": Effect})
        kinds = {e.kind for e in rules.effects} - {"side_effect", "benefit", "neutral"}
        if kinds:
            raise RuleFileError(f"{where}: unknown kind(s) {sorted(kinds)}")
        ids = {e.id for e in rules.effects}
        unknown = sorted({e.opposite for e in rules.effects if e.opposite is not None} - ids)
        if unknown:
            raise RuleFileError(f"{where}: unknown opposite id(s) {unknown}")
        return rules

    def by_id(self) -> dict[str, Effect]:
        return {e.id: e for e in self.effects}


@dataclass(frozen=True)
class ContextRules:
    version: int
    negation: tuple[str, ...]  # triggers before the effect, within window_words
    hypothetical: tuple[str, ...]  # triggers before the effect, within its clause
    reason: tuple[str, ...]  # right before the effect: the reason for dosing, not an effect
    termination: tuple[str, ...]  # end the scope of a trigger
    window_words: int
    pseudo: tuple[str, ...] = ()  # look like triggers but are none: "no doubt", "not only", "never felt better"
    post_negation: tuple[str, ...] = ()  # after the effect, within post_window_words: "... was gone"
    post_hypothetical: tuple[str, ...] = ()  # after the effect: "... is a common side effect"
    question_starts: tuple[str, ...] = ()  # a sentence starting so is a question even without "?"
    history: tuple[str, ...] = ()  # before the effect in its clause: a state before dosing ("used to")
    other_cause: tuple[str, ...] = ()  # before the effect in its clause: caused by something else ("coffee")
    post_window_words: int = 4
    clause_openers: tuple[str, ...] = ()  # after a comma they open a new clause: ", but", ", I", ", is that"
    and_openers: tuple[str, ...] = ()  # after "and" they open a new clause: "and I", "and felt"
    so_openers: tuple[str, ...] = ()  # after "so" they open a new clause: "so am I", "so I"
    reason_gap_words: tuple[str, ...] = ()  # between a reason trigger and the effect: "for my severe anxiety"
    statement_openers: tuple[str, ...] = ()  # a "question" opening so is a statement: "and now I enjoy life?"
    post_history: tuple[str, ...] = ()  # after a side effect in its clause: a lasting state, not an effect of
    # dosing ("anxious as usual", "depressed for a good while")
    list_header_hypothetical: tuple[str, ...] = ()  # in a line that introduces a list, besides the hypothetical
    # triggers, these make its items hypothetical: "common effects:", "watch out for:"
    list_first_person: tuple[str, ...] = ()  # a line without a list marker under a header with a colon is an
    # item only without these ("You may feel:\ncalm, focused" but not "I felt calm")
    # An impersonal post (a guide, an article, a study abstract): at least impersonal_min_words words, fewer
    # than impersonal_first_person_per_100 of them in first_person_singular. Its effects are said of people in
    # general (hypothetical), except in a sentence where the author speaks of themself. 0 words: no such check.
    first_person_singular: tuple[str, ...] = ()
    impersonal_min_words: int = 0
    impersonal_first_person_per_100: float = 0.0
    # Side effects that are often a state of the author's life rather than an effect of dosing ("I am a stressed
    # out mother"): such a mention counts only with a dose or a word of dosing (attribution_words) within
    # attribution_chars before it, or a third of that after it.
    attribution_effects: tuple[str, ...] = ()
    attribution_words: tuple[str, ...] = ()
    attribution_chars: int = 150
    # A side effect after another cause (other_cause) in its sentence comes from that cause, unless one of these
    # words or a dose stands between them ("I had coffee, then dosed, and felt jittery").
    dosing_words: tuple[str, ...] = ()
    # Side effects that are often the condition the author doses for ("still anxious", "sad because I had hoped
    # for more"): such a mention is no effect of dosing right after a persisting word (persisting_before, within
    # two words: "was still feeling anxious") or right before a cause of its own (explained_after, within
    # post_window_words, unless an attribution word follows it: "anxious because of the dose" stays).
    life_state_effects: tuple[str, ...] = ()
    persisting_before: tuple[str, ...] = ()
    explained_after: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Any, where: str = "context.json") -> "ContextRules":
        _check_version(data, where)
        return _build(cls, data, where)


RULE_FILES = {
    "substances.json": SubstanceRules,
    "doses.json": DoseRules,
    "schedules.json": ScheduleRules,
    "effects.json": EffectRules,
    "context.json": ContextRules,
}


@cache
def load(name: str):
    """Load one rule file from resources/ by name, e.g. load("effects.json")."""
    cls = RULE_FILES[name]
    text = resources.files("experiences.nlp").joinpath("resources").joinpath(name).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RuleFileError(f"{name}: not valid JSON: {error}") from None
    return cls.from_json(data, name)
