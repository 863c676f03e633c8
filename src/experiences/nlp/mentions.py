"""What the components find: plain values with character offsets into the analysed text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SubstanceMention:
    substance: str  # psilocybin | lsd | other | supplement
    start: int
    end: int


@dataclass(frozen=True)
class DoseMention:
    substance: str
    low: float
    high: float
    unit: str
    start: int
    end: int


@dataclass(frozen=True)
class ScheduleMention:
    schedule: str
    start: int
    end: int
    days_on: int | None = None
    days_off: int | None = None


@dataclass(frozen=True)
class EffectMention:
    effect: str
    kind: str
    category: str
    status: str  # present | negated | hypothetical
    start: int
    end: int
