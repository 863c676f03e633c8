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


def _check_version(data: dict, where: str) -> None:
    if data.get("version") != SUPPORTED_VERSION:
        raise RuleFileError(f"{where}: version {data.get('version')!r} is not supported (expected {SUPPORTED_VERSION})")


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
        _strict(cls, data, where)
        _check_version(data, where)
        items = tuple(Substance(**_strict(Substance, s, f"{where}: substances[{i}]") 
                                | {"terms": tuple(s["terms"]), "exact_terms": tuple(s.get("exact_terms", ()))})
                      for i, s in enumerate(data["substances"]))
        return cls(data["version"], items, tuple(data["not_substances"]))


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
        _strict(cls, data, where)
        _check_version(data, where)
        allowed_units = {"g", "mg", "ug", "tab", "capsule", "ml"}
        if set(data["units"]) - allowed_units:
            raise RuleFileError(f"{where}: unknown unit(s) {sorted(set(data['units']) - allowed_units)}")
        return cls(data["version"], {k: tuple(v) for k, v in data["units"].items()}, dict(data["fractions"]),
                   dict(data["number_words"]), tuple(data["stock_words"]), int(data["window_chars"]))


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
        _strict(cls, data, where)
        _check_version(data, where)
        items = tuple(SchedulePattern(**_strict(SchedulePattern, s, f"{where}: schedules[{i}]")
                                      | {"patterns": tuple(s["patterns"])})
                      for i, s in enumerate(data["schedules"]))
        return cls(data["version"], dict(data["on_off"]), items, tuple(data["dosing_words"]))


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
        _strict(cls, data, where)
        _check_version(data, where)
        items = tuple(Effect(**_strict(Effect, e, f"{where}: effects[{i}]") | {"terms": tuple(e["terms"])})
                      for i, e in enumerate(data["effects"]))
        kinds = {e.kind for e in items} - {"side_effect", "benefit", "neutral"}
        if kinds:
            raise RuleFileError(f"{where}: unknown kind(s) {sorted(kinds)}")
        return cls(data["version"], items)

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
        _strict(cls, data, where)
        _check_version(data, where)
        return cls(data["version"], tuple(data["negation"]), tuple(data["hypothetical"]), tuple(data["reason"]),
                   tuple(data["termination"]), int(data["window_words"]))


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
