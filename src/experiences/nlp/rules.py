"""Strict loaders for the versioned rule files in resources/.

Each file is read into a frozen dataclass; an unknown or missing key is an error naming the file
and the key, so a typo in a rule file fails loudly instead of silently doing nothing.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, dataclass, fields
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


@dataclass(frozen=True)
class SubstanceRules:
    version: int
    substances: tuple[Substance, ...]
    not_substances: tuple[str, ...]

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
    stock_words: tuple[str, ...]
    window_chars: int

    @classmethod
    def from_json(cls, data: Any, where: str = "doses.json") -> "DoseRules":
        _check_version(data, where)
        rules = _build(cls, data, where)
        unknown = set(rules.units) - {"g", "mg", "ug", "tab", "capsule", "ml"}
        if unknown:
            raise RuleFileError(f"{where}: unknown unit(s) {sorted(unknown)}")
        return rules


@dataclass(frozen=True)
class SchedulePattern:
    id: str
    patterns: tuple[str, ...]
    needs_dosing_context: bool


@dataclass(frozen=True)
class ScheduleRules:
    version: int
    on_off: dict[str, str]
    schedules: tuple[SchedulePattern, ...]
    dosing_words: tuple[str, ...]

    @classmethod
    def from_json(cls, data: Any, where: str = "schedules.json") -> "ScheduleRules":
        _check_version(data, where)
        return _build(cls, data, where, {"schedules": SchedulePattern})


@dataclass(frozen=True)
class Effect:
    id: str
    kind: str
    category: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class EffectRules:
    version: int
    effects: tuple[Effect, ...]

    @classmethod
    def from_json(cls, data: Any, where: str = "effects.json") -> "EffectRules":
        _check_version(data, where)
        rules = _build(cls, data, where, {"effects": Effect})
        kinds = {e.kind for e in rules.effects} - {"side_effect", "benefit", "neutral"}
        if kinds:
            raise RuleFileError(f"{where}: unknown kind(s) {sorted(kinds)}")
        return rules

    def by_id(self) -> dict[str, Effect]:
        return {e.id: e for e in self.effects}


@dataclass(frozen=True)
class ContextRules:
    version: int
    negation: tuple[str, ...]
    hypothetical: tuple[str, ...]
    reason: tuple[str, ...]
    termination: tuple[str, ...]
    window_words: int

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
