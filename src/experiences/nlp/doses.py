"""Component `experiences_doses`: amounts of psilocybin material or LSD, normalised.

Two compiled regular expressions scan the raw text (token patterns are far slower): one for amounts
that start with a digit or a decimal point, one for amounts anchored on a word ("a tenth of a
gram", "one and a half grams", "point one", "two caps"). Only the candidates they find are looked
at in Python: their close context is checked (stock, solvents, concentrations, conversions, tab
strengths, the verb that governs the amount) and each is attributed to the substance, supplement
or medicine named next to it.

Notations: 0.1g, .1 g, 0,1 g, 100mg, 10ug/µg/mcg/mics, 25+ ug, 25 plus ug; ranges (0.1-0.2g, 10~20 ug,
~8ug to ~20ug, between 0.1 and 0.2 g, 2g's to 4g's, 0.5/1g with a decimal); lists sharing a unit ("50, 75 and 150 mg"); fractions
(1/10 tab, 1/12th of a blotter, a tenth of a gram, one-sixteenth of a tab, a gram and a half);
"point one five"; capsule counts; volumes; and unitless amounts where the text makes them a dose
("dosage: .06-.09", "on Sunday I ate .15", ".3 of cubes", "I took 1.5" right after a verb of taking): grams of
mushroom, or for LSD a fraction
of a tab (below 1) or ug, and only after a dosing word when the text is about LSD.

Units (the rules and their reasons; the vocabulary lives in resources/doses.json):
- mg of mushroom become g. A sub-milligram "mg" amount of mushroom (".5mg") is a slip for grams,
  as no scale weighs half a milligram of mushroom; 1-10 whole mg of "mushroom" are a medicine's
  amount ("4mg", "2.5mg"), not a dose.
- mg of LSD below 1 mg convert literally, as the extraction contract says (0.01 mg -> 10 ug, so
  ".3mg" is 300 ug); a whole-milligram amount right next to an LSD name ("LSD: 15 mg") is a slip
  for ug, as 15 mg of LSD is no dose anyone takes. Grams of LSD are mushroom grams.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from types import SimpleNamespace

from spacy.language import Language
from spacy.tokens import Doc

from . import rules
from .mentions import DoseMention, SubstanceMention
from .scan import Batched, DocText, Scanner, casefree, get, put, shared
from .substances import SUPPLEMENT, medicine_mentions
from .text import phrase_regex, sentence_span

NUMBER = r"(?:\d+(?:[.,]\d+)?|[.,]\d+)"
POINT_WORDS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9}
DEFAULT_SUBSTANCE = {"g": "psilocybin", "mg": "psilocybin", "ug": "lsd", "tab": "lsd",
                     "capsule": "psilocybin", "ml": "lsd"}
PSYCHEDELICS = ("psilocybin", "lsd")
NOT_ORDINAL = ("half", "quarter", "whole")  # the other fraction words are ordinals too ("a third tab")
# Words that may stand between "of a" and a unit ("1/15 of a whole tab").
UNIT_ADJECTIVES = (r"(?:full|whole|single|normal|standard|regular|typical|small|large|big|average|entire"
                   r"|gel|paper|liquid)")
DETERMINER = r"(?:a|an|one|the|my|your|his|her|their|each)"
# The strength of a tab between a fraction and the tab ("half a 100ug tab"): the fraction is of the tab.
STRENGTH = r"(?:\d+(?:[.,]\d+)?\s*(?:ug|µg|μg|mcg|mics?|micrograms?))"
APPROX = r"(?:(?:~|±|about|around|approx\.?|approximately|roughly|maybe|like|only|just)\s*)?"
# Countable nouns: ".5 shrooms" is half a mushroom, not 0.5 g.
COUNTABLE = r"(?:mushrooms?|shrooms?|truffles?|caps?|cubes?)\b"
SIZE_WORDS = r"(?:small|smaller|tiny|little|medium|large|larger|big|bigger|huge|whole|single|full|ones?)"
TIME_WORDS = (r"(?:hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?|times?|minutes?|mins?|seconds?|secs?"
              r"|am|pm|x|percent|%|people|persons?|doses|pieces?|mushrooms?|shrooms?|caps?|stems?)")


# The IGNORECASE regexes of the checks around an amount (only tested, or read for their spans).
_FOLDED_CHECKS = ("stock", "stock_before", "stock_after", "per", "per_before", "equals_after", "equals_before",
                  "ratio_before",
                  "solvent_after", "in_before", "volume_in", "strength_after", "strength_before", "part_of_before",
                  "tabs_of_before", "tab_named_before", "share_before", "each_after", "quantifier_before", "verbs", "between_before",
                  "cue_before", "label_before")


@Language.factory("experiences_doses")
def make_dose_finder(nlp: Language, name: str) -> "DoseFinder":
    return DoseFinder()


class DoseFinder(Batched):
    def __init__(self):
        self.rules = r = rules.load("doses.json")
        self.unit_of = {word.lower(): unit for unit, words in r.units.items() for word in words}
        unit = phrase_regex(self.unit_of)
        fraction = phrase_regex(r.fractions)
        count = phrase_regex(r.number_words)
        point = "|".join(POINT_WORDS)
        psilocybin = phrase_regex(next(s for s in rules.load("substances.json").substances
                                       if s.id == "psilocybin").terms)
        lsd = phrase_regex(next(s for s in rules.load("substances.json").substances if s.id == "lsd").terms)
        plural = r"(?:['’]?s\b)?"  # "2g's", "4gs"
        end = r"(?![\w/µμ])"
        # "1/10 tab", "1/15 of a whole tab", "1/6th of a Blue Lotus tab" (a name or two after "of a")
        of_a = (rf"(?:of\s+(?:{DETERMINER}\s+)?(?:(?!{unit}\b)[^\W\d][\w'-]*\s+){{0,2}}"
                rf"|(?:{DETERMINER}\s+)?(?:{UNIT_ADJECTIVES}\s+)?)")
        bare = r"(?:0[.,]\d{1,3}|\.\d{1,3})"
        # A unitless amount ends there: no unit, time word, size or count word ("2 small ones"), digits,
        # or a hyphenated word ("1-day") may follow.
        bare_end = (rf"(?![\w/%]|[.,]\d|\s*(?:-|–|~|to)?\s*[.,]?\d"
                    rf"|\s*(?:{unit}|{TIME_WORDS}|{SIZE_WORDS}|{COUNTABLE})\b|\s*/|-[a-z])")
        cues = phrase_regex(r.dose_verbs + r.bare_cues)
        # Two scans, each cheap where nothing can match: amounts that start with a digit or a decimal point,
        # and amounts anchored on a word (a fraction word, "and a half", "point", a capsule word); a
        # count word before those ("a tenth", "two caps") is looked up behind the match.
        self.numeric = re.compile(
            r"(?=[\d.,])(?:"
            # ranges: 0.1-0.2g, 100 to 200mg, ~8ug to ~20ug, .1 and .2 g (after "between"), 2g's to 4g's
            rf"(?<![\w.,/])(?P<low>{NUMBER})\s*(?:(?P<lunit>{unit}){plural}\s*)?"
            rf"(?P<sep>-|–|—|~|to|and)\s*{APPROX}(?P<high>{NUMBER})\s*(?P<runit>{unit}){plural}{end}"
            # a decimal range written with a slash: 0.5/1g, 0.05/0.1g (a fraction has whole numbers: 1/10 tab)
            rf"|(?<![\w.,/])(?P<slow>\d*[.,]\d+|\d+(?=\s*/\s*\d*[.,]\d))\s*/\s*(?P<shigh>{NUMBER})\s*(?P<sunit>{unit}){plural}{end}"
            # numeric fractions: 1/10 tab, 1/12th of a blotter, 1/15 of a whole tab
            rf"|(?<![\w.,/])(?P<num>\d+)\s*/\s*(?P<den>\d+)(?:st|nd|rd|th)?s?\s*{of_a}(?P<funit>{unit}){end}"
            # an amount with its unit: 0.1g, 100 mg, 20+ ug, .3 of a gram
            rf"|(?<![\w.,/])(?P<value>{NUMBER})(?:\s*(?:\+/?-|±)|\+|\s+plus\b)?\s*(?:(?:full|whole)\s+)?"
            rf"(?P<of>of\s+(?:a|an|the)\s+)?(?P<unit>{unit}){plural}{end}"
            # a unitless amount after a label: "dosage: .06-.09", "LSD dose: 9"
            rf"|(?:(?<=:)|(?<=:\s))(?P<llow>{NUMBER})(?:\s*(?:-|–|~|to)\s*(?P<lhigh>{NUMBER}))?{bare_end}"
            # a unitless fraction, a dose only after a dosing word ("took 1/9") or right before an LSD name ("1/4 LSD")
            rf"|(?<![\w.,/])(?P<bnum>\d)\s*/\s*(?P<bden>\d{{1,2}})(?:st|nd|rd|th)?{bare_end}"
            rf"(?P<bname>(?=\s+(?:of\s+)?(?:{lsd})\b))?"
            # a unitless decimal right before a mushroom name: "a .6 golden teacher cap", ".3 of cubes"
            rf"|(?<![\w.,/])(?P<plow>{bare})\s+(?=of\s+(?:{DETERMINER}\s+)?(?:dried\s+)?(?:{psilocybin})\b"
            rf"|(?!{COUNTABLE})(?:{psilocybin})\b)"
            # a decimal of a gram or more, a dose only right after a verb of taking: "I usually take 1.1"
            rf"|(?<![\w.,/$€£=<>±+*-])(?P<glow>[1-{r.max_bare_grams}][.,]\d{{1,2}}){bare_end}"
            rf"(?!\s*(?:{phrase_regex(r.other_measures)})\b)"
            # any other leading-zero or leading-dot decimal ("on Sunday I ate .15", "doing .4-.6"): grams,
            # where the text is about mushrooms; not a price, a score, a version or a measure of something else
            rf"|(?<![\w.,/$€£=<>±+*-])(?P<nlow>{bare})(?:\s*(?P<nsep>-|–|~|to|and)\s*{APPROX}(?P<nhigh>{bare}))?"
            rf"{bare_end}(?!\s*(?:{phrase_regex(r.other_measures)})\b)"
            r")",
            re.IGNORECASE,
        )
        self.words = re.compile(
            r"\b(?:"
            # word fractions: a tenth of a gram, quarter tab, one-twentieth of a blotter, half my 100ug tab
            rf"(?P<frac>{fraction})s?\s+(?P<of>of\s+)?(?:{DETERMINER}\s+)?(?:{STRENGTH}\s+)?(?:{UNIT_ADJECTIVES}\s+)?"
            rf"(?P<wunit>{unit}){plural}{end}"
            # one and a half grams, a gram and a half
            r"|(?P<half>and\s+a\s+half|&\s*a\s*half)\b"
            rf"|point\s+(?P<point>(?:{point})(?:\s+(?:{point}))?)\b"
            rf"|(?P<capunit>caps?|capsules?|pills?){end}"
            # a whole count of grams or tabs in words: "she ate a gram", "one whole tab"
            r"|(?P<cunit>grams?|tabs?|blotters?)\b"  # not "hits": of a vial, a joint, a vape
            r")",
            re.IGNORECASE,
        )
        # Every alternative of `numeric` starts with a digit, or with "." or "," before a digit, that does not
        # follow [\w.,/] (the label alternative follows ":" or ": "): the scan tries only those positions.
        self.numeric_scan = Scanner(self.numeric, finder=re.compile(r"[\d.,](?<![\w.,/](?s:.))(?:(?<=\d)|(?=\d))"))
        self.words_scan = Scanner(self.words, min_length=1)  # tried only where its first words start (scan.py)
        # The same without its ranges, to reread the first amount of a false range.
        self.single = re.compile(self.numeric.pattern.replace("(?P<sep>-|–|—|~|to|and)", "(?P<sep>(?!))")
                                 .replace("(?P<nsep>-|–|~|to|and)", "(?P<nsep>(?!))"), re.IGNORECASE)
        self.prepared_after = re.compile(
            r"\s*,?\s+(?:and|then|to)\s+(?:\w+\s+)?(?:cut|put|dissolve|split|divide|chop|drop|soak|mix|dilute|make)",
            re.IGNORECASE)
        self.word_count_before = re.compile(rf"\b(?P<count>{count})\s+(?:(?:full|whole|single)\s+)?$", re.IGNORECASE)
        self.count_before = re.compile(rf"\b(?P<count>{count}|\d+)[\s-]+$", re.IGNORECASE)
        self.half_before = re.compile(rf"\b(?P<count>{count}|\d+)\s+(?:(?P<unit>{unit}){plural}\s+)?$", re.IGNORECASE)
        self.half_after = re.compile(rf"\s+(?P<unit>{unit}){plural}{end}", re.IGNORECASE)
        self.listed_before = re.compile(rf"(?<![\w.,/])(?:{NUMBER}\s*(?:,\s*(?:and|or)?|and|or|/)\s*)+$",
                                        re.IGNORECASE)
        self.between_before = re.compile(r"\bbetween\s+$", re.IGNORECASE)
        # "30ug instead of 15": the number replaced, with no unit or other measure of its own
        self.instead_after = re.compile(
            rf"\s+(?:instead\s+of|rather\s+than)\s+(?:~\s*|about\s+|around\s+)?(?P<number>{NUMBER})"
            rf"(?![\w/%µμ]|[.,]\d|\s*(?:{unit}|{TIME_WORDS})\b)", re.IGNORECASE)
        self.change_before = re.compile(rf"\b(?:{phrase_regex(r.change_words)})\b[^.;:,!?]{{0,30}}\bfrom\s+$",
                                        re.IGNORECASE)
        self.cue_before = re.compile(rf"\b(?:{cues})\s*:?\s*{APPROX}$", re.IGNORECASE)
        weights = phrase_regex(list(r.units["g"]) + list(r.units["mg"]))
        capsules = phrase_regex(r.units['capsule'])
        self.capsule_content = re.compile(
            rf"(?<![\w.,/]){NUMBER}\s*(?:{weights})\s+(?:[\w'-]+\s+){{0,4}}?(?:{capsules})\b"
            # "capsules that are 60 mg each"
            rf"|\b(?:{capsules})\s+(?:that|which)\s+(?:are|is|contain|contains|have|has|hold|holds)\s+{APPROX}"
            rf"{NUMBER}\s*(?:{weights})\b", re.IGNORECASE)
        self.part_before = re.compile(
            rf"(?<![\w.,/])(?:(?P<num>\d)\s*/\s*(?P<den>\d{{1,2}})(?:st|nd|rd|th)?|\b(?:an?\s+|one\s+)?(?P<frac>{fraction}))"
            rf"\s+of\s+(?:a|an|one|1|my|the)\s+$", re.IGNORECASE)
        self.capsule_after = re.compile(
            rf"\s*(?:[\w'-]+\s+){{0,2}}?(?:{phrase_regex(r.units['capsule'])})\b", re.IGNORECASE)
        self.possession_before = re.compile(rf"\b(?:{phrase_regex(r.possession_before)})\s+{APPROX}$", re.IGNORECASE)
        self.take_before = re.compile(rf"\b(?:{phrase_regex(r.dose_verbs)})\s+{APPROX}$", re.IGNORECASE)
        self.label_before = re.compile(r"\b(?:dose|dosage|amount)\s*:\s*$", re.IGNORECASE)
        # (not "in order to": "I dose 0.2g in order to focus")
        self.stock = re.compile(rf"\b(?:{phrase_regex(r.stock_words)})\b(?<!\bin order)", re.IGNORECASE)
        self.stock_before = re.compile(rf"\b(?:{phrase_regex(r.stock_before)})\s*$", re.IGNORECASE)
        # "a chocolate bar which contains 2.5 grams", "a bag which has 7g": what the stock holds
        self.stock_holds = re.compile(
            rf"\b(?:{phrase_regex(r.stock_words)})\s+(?:that|which)\s+(?:\w+\s+)?(?:use|uses|contain|contains|has|have"
            rf"|had|hold|holds|weigh|weighs|is|are|was|were)\s+{APPROX}$", re.IGNORECASE)
        self.stock_after = re.compile(rf"\s*(?:{phrase_regex(r.stock_after)})\b", re.IGNORECASE)
        self.verbs = re.compile(rf"\b(?:(?P<stock>{phrase_regex(r.stock_verbs)})"
                                rf"|(?P<loose>{phrase_regex(r.loose_stock_verbs)})"
                                rf"|(?P<solution>{phrase_regex(r.solution_verbs)})"
                                rf"|(?P<dose>{phrase_regex(r.dose_verbs)}))\b", re.IGNORECASE)
        self.per = re.compile(rf"\s*(?:of\s+[\w-]+\s+)?(?:for\s+)?(?:/|per|a|an|each|every)\s*(?:{NUMBER}\s*)?"
                              rf"(?:{phrase_regex(r.per_units)})\b", re.IGNORECASE)
        # "3ug per 1ml", "10ug/1ml"; but "80 / 120mg" offers two amounts
        self.per_before = re.compile(r"\b(?:per|every|each)\s+$|(?<![\d\s])\s?/\s*$", re.IGNORECASE)
        self.equals_after = re.compile(r"\s*(?:=|equals\b|is\s+equal\s+to\b)", re.IGNORECASE)
        self.equals_before = re.compile(r"(?:=|\bequals|\bequal\s+to)\s*$", re.IGNORECASE)
        # "1 ml = 10 ug": one unit of a thing in another, a concentration even after "take"
        self.ratio_before = re.compile(
            r"(?<![\d.,])1\s*[a-zµμ]{0,12}\s*(?:=|equals|is\s+equal\s+to|equal\s+to)\s*~?\s*$", re.IGNORECASE)
        solvent = phrase_regex(r.solvent_words)
        self.solvent_after = re.compile(
            rf"\s*(?:of\s+)?(?:[\w%]+\s+)?(?:{solvent})\b"
            rf"|\s+in\s+(?:{solvent}|{NUMBER}\s*(?:{phrase_regex(r.units['ml'])})\b)", re.IGNORECASE)
        self.solvent_in = re.compile(rf"\b(?:{solvent})\b", re.IGNORECASE)
        self.volume_in = re.compile(rf"{NUMBER}\s*(?:{phrase_regex(r.units['ml'])})\b", re.IGNORECASE)
        self.in_before = re.compile(r"\bin\s+(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)
        # "each ml contains 10ug", "every 1ml syringe pull would be 10ug": what a share of a solution holds
        self.share_before = re.compile(
            rf"\b(?:each|every|per)\s+(?:{NUMBER}\s*)?(?:{phrase_regex(r.units['ml'])}|drops?|droppers?(?:ful)?|squirts?)\b"
            r"[^.;,!?]{0,25}?\b(?:contains?|has|have|holds?|is|are|be|=|equals?|gives?)\s+"
            r"(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*)?$", re.IGNORECASE)
        tab_words = phrase_regex(w for w in r.units["tab"] if " " not in w)
        self.strength_after = re.compile(
            rf"\s*(?:(?!(?:of|from|per|a|an|the|in|and|or|to|each|every|with)\b)[\w'-]+\s+){{0,3}}(?:{tab_words})\b",
            re.IGNORECASE)
        self.strength_before = re.compile(rf"\b(?:of|with|from|{DETERMINER})\s+$", re.IGNORECASE)
        self.part_of_before = re.compile(
            rf"(?:\b(?:{fraction})s?|\b(?:piece|part|bit|portion|fraction|slice|cut)s?|\d+\s*/\s*\d+(?:st|nd|rd|th)?)"
            rf"\s+(?:of\s+)?(?:(?:{DETERMINER}|this|that|these|those)\s+)?$", re.IGNORECASE)
        # "3 tabs of 120ug", "the blotters are about 100ug", "blotters they are supposed to be around 150ug"
        self.tabs_of_before = re.compile(
            rf"\b(?:{tab_words})\s+(?:(?:they|that|which|i\s+have|i\s+got)\s+)?(?:of|at|are|is|were|was)\s+"
            rf"(?:(?:supposed(?:ly)?|meant|said|claimed|labell?ed)\s+(?:to\s+be\s+|as\s+)?)?"
            rf"(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*)?$", re.IGNORECASE)
        # "one gel tab 220 ug", "1P-LSD blotter 150ug": the strength written right after the tab it names (not
        # "half a tab 50ug" or "a tenth of a tab 10ug", a part of the tab and its equivalent)
        self.tab_named_before = re.compile(
            rf"(?<!\bhalf\s)(?<!\bquarter\s)(?<!\bof\s)(?<!\d\s)(?<!\d)"
            rf"\b(?:a|an|one|the|my|this|that|single|lsd|1p-lsd|1p|1cp-lsd|gel|paper)\s+(?:(?:gel|paper|lsd|1p-lsd|1p)\s+)?"
            rf"(?:{tab_words})\s*[:(-]?\s*$", re.IGNORECASE)
        self.each_after = re.compile(
            rf"\s*(?:each(?!\s+(?:{TIME_WORDS}|day|morning|night|evening|time|dose|dosing)\b)"
            rf"|per\s+(?:{tab_words}|square|pellet|micropellet|gel))\b", re.IGNORECASE)
        # "gummies that are 250mg each", "truffles, which weigh 2 grams each": the weight of each piece one holds
        self.each_piece_after = re.compile(r"\s*each\b(?!\s+(?:day|morning|night|evening|time|dose|dosing)\b)",
                                           re.IGNORECASE)
        self.pieces = re.compile(r"\b(?:gumm(?:y|ies)|truffles?|chocolates?|squares)\b", re.IGNORECASE)
        self.piece_weighs = re.compile(r"(?:\b(?:are|is|were|weigh|weighs|weighing)|['’]re)\s+(?:about\s+|around\s+|~\s*)?$",
                                       re.IGNORECASE)
        self.quantifier_before = re.compile(r"\b(?:no|any|every|each|per|a|size|sized)\s+$", re.IGNORECASE)
        self.clause_break = re.compile(r"[,;]")
        self.hit_verb = re.compile(r"\s+(?:me|you|him|her|us|them|hard|harder|different|differently|home)\b",
                                   re.IGNORECASE)
        # The checks around an amount run case-sensitively on the folded text (see scan.casefree): faster, and
        # true exactly where the IGNORECASE regexes are true on the text (only tested, or read for their spans).
        checks = {name: casefree(getattr(self, name)) for name in _FOLDED_CHECKS}
        self.on_folded = None not in checks.values()
        self.checks = SimpleNamespace(**{name: check if self.on_folded else getattr(self, name)
                                         for name, check in checks.items()})

    def __call__(self, doc: Doc) -> Doc:
        doc_text = shared(doc)
        text = doc_text.text
        folded = doc_text.folded
        starts = doc_text.starts
        mentions = get(doc, "substances")
        candidates = self._numeric_candidates(doc_text) + self._word_candidates(doc_text, starts)
        candidates.sort(key=lambda c: (c[0], -c[1]))
        found: list[DoseMention] = []
        covered = 0
        for start, end, amount in candidates:
            if start < covered:
                continue  # inside an amount already read ("3 caps" by both scans)
            covered = end
            dose = self._attribute(text, folded, starts, start, end, *amount, mentions)
            if dose is not None:
                found.append(dose)
        found = _drop_counted_contents(found, text, starts)
        found = doc_text.outside_links(found)  # "[5ug + workout](https://...)"
        if any(d.unit == "capsule" for d in found) and self.capsule_content.search(text):
            # "550mg capsules ... took one capsule": the count of a capsule whose content the post states is no
            # amount of its own (the stated content is the dose)
            found = [d for d in found if d.unit != "capsule"]
        put(doc, "doses", found)
        return doc

    def _numeric_candidates(self, doc_text: DocText) -> list:
        text = doc_text.text
        candidates = []
        pos = 0
        while (m := self.numeric_scan.search(doc_text, pos)) is not None:
            pos = m.end()
            amount = self._numeric_amount(m, text, doc_text.folded)
            if amount == "pair":
                unit = self.unit_of[_norm(m["funit"])]
                for name in ("num", "den"):
                    value = float(m[name])
                    candidates.append((m.start(name), m.end() if name == "den" else m.end(name),
                                       (value, value, unit, None)))
                continue
            if amount == "change":  # the first amount, with its own unit or the second's; then read on from the second
                value = _number(m["low"])
                if value:
                    candidates.append((m.start("low"), m.end("lunit") if m["lunit"] else m.end("low"),
                                       (value, value, self.unit_of[_norm(m["lunit"] or m["runit"])], None)))
                pos = m.start("high")
                continue
            if amount == "retry":
                # Not one range ("4g to .6mg-.65mg", "at 0.04 and 0.065"): read its first amount alone.
                first = self.single.match(text, m.start())
                if first is not None and first.end() <= m.start("high" if m["low"] else "nhigh"):
                    amount = self._numeric_amount(first, text, doc_text.folded)
                    if amount not in (None, "retry"):
                        candidates.append((first.start(), first.end(), amount))
                pos = m.start("high" if m["low"] else "nhigh")
                continue
            if amount is not None and m["value"] is not None and amount[2] in ("g", "mg"):
                amount, start = self._part_of_capsule(text, m.start(), m.end(), amount)
                if start != m.start():
                    candidates.append((start, m.end(), amount))
                    continue
            if amount is not None:
                candidates.append((m.start(), m.end(), amount))
                if m["value"] is not None:
                    candidates.extend(self._listed_before(text, m.start(), amount))
                    candidates.extend(self._instead_after(text, m.end(), amount))
        return candidates

    def _part_of_capsule(self, text: str, start: int, end: int, amount: tuple) -> tuple[tuple, int]:
        """A fraction of a capsule whose content is stated is that part of the content: "1/3 of one 100mg
        capsule" is 33 mg. (A tab's strength stays no dose: a fraction of a tab is a tab amount.)"""
        part = self.part_before.search(text, max(0, start - 30), start)
        if part is None or not self.capsule_after.match(text, end):
            return amount, start
        if part["frac"]:
            share = self.rules.fractions[part["frac"].lower()]
        elif int(part["den"]) and int(part["num"]) < int(part["den"]):
            share = int(part["num"]) / int(part["den"])
        else:
            return amount, start
        low, high, unit, kind = amount
        return (low * share, high * share, unit, kind), part.start()

    def _listed_before(self, text: str, start: int, amount: tuple) -> list:
        """Bare numbers listed before an amount share its unit: "50, 75 and 150 mg", "4 or 6 ug"."""
        listed = self.listed_before.search(text, max(0, start - 40), start)
        if listed is None:
            return []
        value, unit = amount[0], amount[2]
        found = []
        for number in re.finditer(NUMBER, listed.group()):
            low = _number(number.group())
            if low and value / 10 <= low <= value * 10:  # of one magnitude: "age 30, 80kg, 0.2g" is no list
                found.append((listed.start() + number.start(), listed.start() + number.end(),
                              (low, low, unit, None)))
        return found

    def _instead_after(self, text: str, end: int, amount: tuple) -> list:
        """A bare number that an amount replaces shares its unit: "took 30ug instead of 15"."""
        other = self.instead_after.match(text, end)
        if other is None:
            return []
        value, unit = amount[0], amount[2]
        low = _number(other["number"])
        if not low or not value / 10 <= low <= value * 10:
            return []
        return [(other.start("number"), other.end("number"), (low, low, unit, None))]

    def _word_candidates(self, doc_text: DocText, starts: list[int]) -> list:
        text = doc_text.text
        candidates = []
        for m in self.words_scan.finditer(doc_text):
            start, end = m.span()
            lookback = max(0, start - 20)
            if m["frac"]:
                if m["frac"].lower() not in NOT_ORDINAL and not m["of"]:
                    continue  # "a third capsule" is the third one; "a third of a capsule" is a fraction
                count = self.count_before.search(text, lookback, start)
                times = 1
                if count and not count["count"].isdigit():  # "two tenths"; a digit before is no count of it
                    times, start = self.rules.number_words.get(count["count"].lower(), 1), count.start()
                low = times * self.rules.fractions[m["frac"].lower()]
                amount = (low, low, self.unit_of[_norm(m["wunit"])], None)
            elif m["half"]:
                whole = self.half_before.search(text, lookback, start)
                after = self.half_after.match(text, end) if whole is not None and not whole["unit"] else None
                if whole is None or (not whole["unit"] and after is None):
                    continue
                raw = whole["count"].lower()
                low = (float(raw) if raw.isdigit() else self.rules.number_words.get(raw, 1)) + 0.5
                unit = whole["unit"] or after["unit"]
                start, end = whole.start(), (after.end() if after is not None else end)
                amount = (low, low, self.unit_of[_norm(unit)], None)
            elif m["point"]:
                digits = "".join(str(POINT_WORDS[w.lower()]) for w in m["point"].split())
                low = float("0." + digits)
                amount = (low, low, "g", None)
            elif m["cunit"]:
                count = self.word_count_before.search(text, lookback, start)
                if count is None:
                    continue
                raw = count["count"].lower()
                low = self.rules.number_words.get(raw)
                sentence_start = sentence_span(starts, text, count.start())[0]
                if not low or (raw in ("a", "an", "another") and
                               self._governing_verb(doc_text.folded if self.on_folded else text, sentence_start,
                                                    count.start(), folded=True) != "dose"):
                    continue  # "a gram" counts only when taken: "she ate a gram", not "I still own a gram"
                if self.prepared_after.match(text, end):
                    continue  # "take a blotter and dissolve it": preparing, not taking
                start = count.start()
                amount = (low, low, self.unit_of[m["cunit"].lower()], None)
            else:
                count = self.count_before.search(text, lookback, start)
                if count is None:
                    continue
                raw = count["count"].lower()
                if raw in ("a", "an", "another") or (raw.isdigit() and len(raw) > 1):
                    continue
                low = float(raw) if raw.isdigit() else self.rules.number_words.get(raw)
                if not low:
                    continue
                start = count.start()
                amount = (low, low, "capsule", None)
            candidates.append((start, end, amount))
        return candidates

    def _numeric_amount(self, m: re.Match, text: str, folded: str | None = None):
        """(low, high, unit, kind) from a numeric match, None, or "retry" for a false range; kind is
        None for an amount with its unit, else how a unitless amount was found. `folded`: the folded text, for
        the checks before the amount (see __init__)."""
        c = self.checks
        before = folded if self.on_folded and folded is not None else text
        if before is text:
            c = self
        g = m.groupdict()
        kind = None
        unit_word = g["runit"] or g["unit"]
        if unit_word and unit_word.lower() in ("micro", "micros") and _MICRO_DOSE.match(text, m.end()):
            return None  # "20 micro dose caps", "2 micro doses": a count of doses, not micrograms
        if g["runit"]:
            low, high, unit = _number(g["low"]), _number(g["high"]), self.unit_of[_norm(g["runit"])]
            if low is None or high is None:
                return None
            if g["sep"].lower() == "and" and \
                    not c.between_before.search(before, max(0, m.start() - 10), m.start()):
                return "retry"  # "and" joins two amounts, unless after "between"
            if g["sep"].lower() == "to" and self.change_before.search(text, max(0, m.start() - 60), m.start()):
                return "change"  # "upped my dose from 0.1 to 0.2g": two amounts, one after the other
            if g["lunit"]:
                lunit = self.unit_of[_norm(g["lunit"])]
                if lunit != unit:
                    scale = {("mg", "g"): 0.001, ("g", "mg"): 1000}.get((lunit, unit))
                    if scale is None:
                        return "retry"
                    low *= scale
            if low >= high:
                return "retry" if g["lunit"] else None
        elif g["funit"]:
            denominator = int(g["den"])
            if denominator == 0 or int(g["num"]) > 9 or denominator > 100:
                return "pair"  # "80 / 120mg": two amounts, not a fraction
            low = high = int(g["num"]) / denominator
            unit = self.unit_of[_norm(g["funit"])]
        elif g["unit"]:
            low = high = _number(g["value"])
            unit = self.unit_of[_norm(g["unit"])]
            if low is None or (g["of"] and low >= 1):  # "10 of the tabs" counts tabs, it is no amount
                return None
            if unit == "tab" and g["unit"].lower().startswith("hit") and self.hit_verb.match(text, m.end()):
                return None  # "this 0.3 hits you hard": the verb, not a unit
            if unit == "capsule" and low < 1:
                unit = "g"  # "one 0.3 capsule": the content in grams, not a count
        elif g["sunit"]:
            low, high, unit = _number(g["slow"]), _number(g["shigh"]), self.unit_of[_norm(g["sunit"])]
            if low is None or high is None or low >= high:
                return None
        elif g["glow"]:
            if not self.take_before.search(text, max(0, m.start() - 40), m.start()):
                return None  # "version 1.5", "rated it 2.5": only "took 1.5" is a dose
            low = high = _number(g["glow"])
            unit, kind = "decimal", "taken"
        elif g["llow"]:
            colon = text.rfind(":", max(0, m.start() - 2), m.start())
            if not c.label_before.search(before, max(0, colon - 10), colon + 1):
                return None  # "Week 2: 3"
            low, high = _number(g["llow"]), _number(g["lhigh"]) if g["lhigh"] else None
            unit, kind = "number", "label"
        elif g["bnum"]:
            denominator = int(g["bden"])
            if denominator == 0 or int(g["bnum"]) >= denominator or \
                    not (g["bname"] is not None or c.cue_before.search(before, max(0, m.start() - 40), m.start())):
                return None  # "2/3 days", "on 4/7": only "took 1/9" or "1/4 LSD" is a dose
            low = high = int(g["bnum"]) / denominator
            unit, kind = "fraction", "fraction"
        else:
            if g["nsep"] and g["nsep"].lower() == "and" and \
                    not c.between_before.search(before, max(0, m.start() - 10), m.start()):
                return "retry"
            low = _number(g["plow"] or g["nlow"])
            high = _number(g["nhigh"]) if g["nhigh"] else None
            cued = bool(g["plow"]) or bool(c.cue_before.search(before, max(0, m.start() - 40), m.start()))
            unit, kind = "decimal", ("cued" if cued else "loose")
        if kind is not None:
            if low is None:
                return None
            high = low if high is None else high
            if low > high:
                return None
        if low < 0 or high <= 0 or (low == 0 and low == high):
            return None
        return low, high, unit, kind

    def _excluded(self, text: str, folded: str, sentence_start: int, sentence_end: int, start: int, end: int,
                  low: float, high: float, unit: str) -> bool:
        """Stock, solvent volumes, concentrations, conversions and tab strengths: amounts that are not doses."""
        c = self.checks  # run on the folded text when they can (see __init__): the same answers, faster
        text = folded if self.on_folded else text
        before = text[max(sentence_start, start - 12):start]
        near_before = max(sentence_start, start - 25)
        after_end = min(sentence_end, end + 40)
        # "ordered 0.25g capsules", "a jar of .2g caps": the stated content of a capsule is a dose (the
        # purchase or the jar is the stock, not the amount in each capsule)
        content = unit in ("g", "mg") and self.capsule_after.match(text, end) is not None
        stock_before = c.stock.search(before)
        if (c.stock.search(text, end, min(sentence_end, end + 15)) and not _OF_MATERIAL.match(text, end)) \
                or (stock_before and not content and not _NEW_CLAUSE.search(before, stock_before.end())):
            return True  # "a 3.5g bag", "a 4 g bar"; but "I have a vial, so 1ml" starts a clause of its own
        if not content and self.stock_holds.search(text, max(sentence_start, start - 45), start):
            return True  # "a chocolate bar which contains 2.5 grams of cubes"
        verb = self._governing_verb(text, sentence_start, start, folded=True, loose="got" if content else "stock")
        if content:  # "ordered 0.25g capsules" is a dose; "got some 250mg capsules" stays what someone holds
            verb = "stock" if verb == "got" else None if verb == "stock" else verb
        if (c.stock_before.search(before) and verb != "dose") or c.stock_after.match(text, end, after_end):
            return True  # "down to my last 0.3g" (but "took my last 0.3g"), "0.4g left"
        if unit in ("g", "mg") and not content and self.each_piece_after.match(text, end, after_end) \
                and self.piece_weighs.search(text, max(0, start - 20), start) \
                and self.pieces.search(text, max(0, start - 80), start):
            return True  # "the gummies are 250mg each": the weight of a piece in stock
        if c.per.match(text, end, after_end) or c.per_before.search(text, near_before, start):
            return True  # "5ug per ml", "8g per litre", "50ug per 50ml", "3ug per 1ml": a concentration
        equals_after = c.equals_after.match(text, end, after_end)
        if (equals_after or c.equals_before.search(text, near_before, start)) and (
                verb != "dose" or (low == high == 1 and equals_after)
                or c.ratio_before.search(text, max(sentence_start, start - 16), start)):
            return True  # "2 ml = 15 ug": a conversion, unless someone took it ("took 3ml = 6ug"); "1 ml = 10 ug"
        if unit in ("ml", "ug", "mg", "tab") and ((c.solvent_after.match(text, end, after_end) and not (
                unit == "ml" and verb == "dose" and _OF.match(text, end))) or (
                unit == "ml" and c.in_before.search(text, max(sentence_start, start - 12), start))):
            return True  # "60ml of distilled water", "120ug in 60ml", "put 500mcg in vodka"; not "I take 3ml of the water"
        if verb == "stock" or (verb == "solution" and unit in ("ug", "tab", "ml", "capsule")):
            return True  # "I bought 12g", "we harvested 35 grams", "ordered five 120ug blotters"
        if unit == "ug":
            # The strength of a tab, not a dose: "1/12 of 150 ug", "half my 120ug tab", "3 tabs of 120ug",
            # "these are 120ug each", and "125ug blotters" unless someone took it
            if c.part_of_before.search(text, near_before, start) or c.each_after.match(text, end, after_end):
                return True
            if c.tabs_of_before.search(text, max(sentence_start, start - 50), start):
                return True
            if c.tab_named_before.search(text, max(sentence_start, start - 30), start):
                return True
            if c.share_before.search(text, max(sentence_start, start - 50), start):
                return True  # "each ml contains 10ug": a concentration
            if c.strength_after.match(text, end, after_end) and (
                    verb != "dose" or c.strength_before.search(text, near_before, start)):
                return True
        if _DIVIDED.match(text, end, after_end):
            return True  # "120ug / 8 makes 15ug": the whole being divided, not the dose
        if unit == "capsule" and _TOTAL.match(text, end, after_end):
            return True  # "8 capsules in total so far": a count over weeks, not one dose
        if unit == "capsule" and c.quantifier_before.search(text, max(sentence_start, start - 8), start):
            return True  # "no one pill", "per capsule", "size 2 capsules"
        return False

    def _governing_verb(self, text: str, sentence_start: int, start: int, folded: bool = False,
                        loose: str = "stock") -> str | None:
        """"stock", "solution" or "dose": the kind of the nearest verb before the amount in its clause, if any.
        `folded`: text is the folded text (when self.on_folded); `loose`: the kind a loose stock verb ("got") gives."""
        verbs = self.checks.verbs if folded else self.verbs
        lo = max(sentence_start, start - 45)
        breaks = [b.end() for b in self.clause_break.finditer(text, lo, start)]
        if breaks and _APPOSITION.fullmatch(text, breaks[-1], start):
            breaks.pop()  # "bought some shrooms, about 3 grams": the amount restates the clause before
        if breaks:
            lo = breaks[-1]
        last = None
        for last in verbs.finditer(text, lo, start):
            pass
        if last is None:
            return None
        if last["loose"]:  # "got 3.5g", "got about 7 grams"; but "get results from 50ug" or "get me 5ug"
            return loose if _OBJECT_GAP.fullmatch(text, last.end(), start) else None
        return "stock" if last["stock"] else "solution" if last["solution"] else "dose"

    def _attribute(self, text, folded, starts, start, end, low, high, unit, kind, mentions) -> DoseMention | None:
        sentence_start, sentence_end = sentence_span(starts, text, start)
        if self._excluded(text, folded, sentence_start, sentence_end, start, end, low, high, unit):
            return None
        window = self.rules.window_chars
        lo, hi = max(sentence_start, start - window), min(sentence_end, end + window)
        medicines = [x for x in medicine_mentions(text, lo, hi, folded)
                     if not any(m.start < x.end and x.start < m.end for m in mentions)]
        if medicines:  # a medicine no lexicon lists, named by its word ending ("olanzapine 10mg")
            mentions = sorted(mentions + medicines, key=lambda x: x.start)
        substance, tight = _nearest(text, mentions, start, end, lo, hi, folded)
        if substance in (SUPPLEMENT, "other"):
            return None
        if kind is not None:
            return self._bare(mentions, start, end, low, high, kind, substance)
        if substance is None and _OF_MATERIAL.match(folded if self.on_folded else text, end):
            substance = "psilocybin"  # ".5 mg of chocolate": a mushroom chocolate, whatever medicine was named before
        if substance is None and unit in ("mg", "ml"):
            previous = _previous_mention(mentions, start, max(0, start - self.rules.previous_chars))
            if previous == SUPPLEMENT or (previous == "other" and (
                    _previous_mention(mentions, start, sentence_start) == "other"
                    or not any(m.substance in PSYCHEDELICS for m in mentions))):
                return None  # "Coming off paroxetine slowly. Now at 20mg."; but in a mushroom post, "I've had other
                #              drugs, weed mostly. I started with 100mg" is the mushroom's amount
        if substance is None:
            named = {m.substance for m in mentions}
            if unit not in ("ug", "tab") and not named & set(PSYCHEDELICS) and \
                    any(m.substance == "other" and m.start < start for m in mentions):
                return None  # a post only about another drug so far: its amounts are that drug's (a drug
                #              named only later, "I take .8g ... and I smoke weed", is not the topic)
            substance = DEFAULT_SUBSTANCE[unit]
        if unit == "g" and substance == "lsd":
            substance = "psilocybin"  # grams of LSD are never a dose
        if unit == "mg":
            if substance == "lsd" and high < 1:
                low, high, unit = low * 1000, high * 1000, "ug"  # 0.01 mg of LSD is 10 ug
            elif substance == "lsd" and tight:
                unit = "ug"  # "LSD: 15 mg": a slip for ug
            elif high < 1:
                substance, unit = "psilocybin", "g"  # ".4mg" of mushroom: a slip for grams
            elif high < self.rules.min_mushroom_mg:
                return None  # "4mg", "2.5mg": a medicine's amount, no scale weighs mushroom so finely
            else:
                substance, low, high, unit = "psilocybin", low / 1000, high / 1000, "g"
        elif unit in ("ug", "tab"):
            substance = "lsd"
        if unit == "g" and low >= self.rules.min_possessed_grams and \
                self.possession_before.search(text, max(sentence_start, start - 40), start):
            return None  # "I have 7 grams of golden teacher": what someone holds, not a dose
        if unit == "ug" and high < 1:
            return None  # "1/10th micro amount": no dose is a fraction of a microgram
        if high > self.rules.max_amounts.get(unit, float("inf")):
            return None  # "35 grams", "150ml": stock or solvent, whatever the verb
        if unit == "tab" and low >= 1 and self.volume_in.search(text, sentence_start, sentence_end):
            return None  # "one tab in 30ml of water", "a 150ml solution with two tabs": a solution being made
        return DoseMention(substance, round(low, 6), round(high, 6), unit, start, end)

    def _bare(self, mentions, start, end, low, high, kind, substance) -> DoseMention | None:
        """A unitless amount: grams of mushroom, or for LSD a fraction of a tab (below 1) or ug."""
        if substance is None:
            substance = _topic(mentions, start)
        if kind in ("loose", "taken") and substance == "lsd":
            return None  # a bare ".5" about LSD could be ml, tabs or anything: only with a dosing word
        if substance is None:
            substance = "lsd" if kind == "fraction" else "psilocybin"
        if substance == "psilocybin":
            if kind == "fraction":
                return None  # "1/10" of a mushroom dose is no weight
            unit = "g"
            if kind == "label" and high >= 10:
                low, high = low / 1000, high / 1000  # "dose: 100": milligrams
        else:
            unit = "tab" if high < 1 else "ug"
        return DoseMention(substance, round(low, 6), round(high, 6), unit, start, end)


_OF = re.compile(r"\s*of\s", re.IGNORECASE)
_DIVIDED = re.compile(rf"\s*(?:/|÷|divided\s+by)\s*\d+(?![\d.,]|\s*(?:{TIME_WORDS}|d|wk|tabs?|ml|mg|g|grams?|ug|µg|μg|mcg|mics?)\b)",
                      re.IGNORECASE)
_TOTAL = re.compile(r"\s*(?:in\s+)?total\b", re.IGNORECASE)
_MICRO_DOSE = re.compile(r"[\s-]*dos(?:e|es|ed|ing)\b", re.IGNORECASE)
# Between an amount and the substance named after it: filler words, or two words of any kind
# ("0.2 g home grown cubensis").
_AFTER_GAP = re.compile(r"[\s(]*(?:(?:of|dried|dry|fresh|ground|powdered|weight|my|the|some|worth|a|an|being|caps?|"
                        r"capsules?|pills?|doses?|microdoses?)[\s(]+)*(?:[a-z'-]+\s+){0,2}[\s(]*", re.IGNORECASE)
_BEFORE_GAP = re.compile(r"[^\d;]*")
# An amount of a stock word that is also a material: ".5 mg of chocolate" is a dose, "a 3.5g chocolate bar" stock;
# and an amount of the mushroom emoji ("300mg of 🍄"), which names no substance in words but shows what was taken.
_OF_MATERIAL = re.compile(r"\s*(?:of\s+(?:(?:mushroom|shroom|psilocybin|magic)\s+)?chocolates?\b|(?:of\s*)?🍄)",
                          re.IGNORECASE)
# A conjunction that starts a new clause between a stock word and the amount after it ("a 20 ml vial, so 1ml").
_NEW_CLAUSE = re.compile(r"\b(?:so|then|but|and\s+then)\b", re.IGNORECASE)
# After a comma, only an approximation before the amount: it restates what the clause before names.
_APPOSITION = re.compile(r"\s*(?:(?:about|around|approx\.?|approximately|roughly|maybe|like|probably|just|only|"
                         r"almost|nearly|over|under|exactly|~)\s*)*")
# Between a loose stock verb and the amount it holds as its object: words, no preposition ("got about 3.5g",
# "got me 7 grams"; not "getting great results from 50ug", "get more productive on my 25ug doses", nor past a
# conjunction that starts another verb: "got the gloves out and cut 1/10 of a tab"; "got 7 grams and a 3.5g
# bar" holds both).
_OBJECT_GAP = re.compile(r"\s+(?:(?!(?:from|on|at|with|for|into|to|off|by|in)\b)"
                         r"(?!(?:and|then|but|so|or)\s+(?!(?:a|an|the|some|another|my|\d)\b))[\w'-]+\s+)*")
_ADJACENT = re.compile(r"[\s(:,~-]*(?:(?:about|around|approx\.?|roughly|maybe|probably|like|say|dose|dosage|amount)"
                       r"[\s(:,~-]+)*[\s(:~-]*", re.IGNORECASE)
# Between a supplement or medicine and its amount: a few filler words, no conjunction ("raised my SSRI to
# 30mg", "my xanax at 4mg"), so that "100mg niacin and 0.1g caps" keeps the 0.1g.
_SUPPLEMENT_GAP = re.compile(
    r"[\s(:,~-]*(?:(?!(?:and|with|plus|or|then|but|also|while|before|after|vs)\b)[a-z']+[\s(:,~-]+){0,4}",
    re.IGNORECASE)


# The same on the folded text (see scan.casefree): faster, and true exactly where those are true on the text.
_GAPS_FOLDED = [casefree(gap) for gap in (_AFTER_GAP, _SUPPLEMENT_GAP, _ADJACENT)]
if None in _GAPS_FOLDED:  # pragma: no cover - only if the regexes change so that this cannot be shown
    _GAPS_FOLDED = None


def _nearest(text: str, mentions: list[SubstanceMention], start: int, end: int, lo: int, hi: int,
             folded: str | None = None) -> tuple[str | None, bool]:
    """The substance named right after the amount ("100mg of shrooms", "10ug LSD"), else the closest
    one before it with no other amount in between ("LSD, about 10ug"); and whether it is adjacent.
    `folded`: the folded text, where the gaps are read faster."""
    after_gap, supplement_gap, adjacent = _AFTER_GAP, _SUPPLEMENT_GAP, _ADJACENT
    gaps_text = text
    if folded is not None and _GAPS_FOLDED is not None:
        (after_gap, supplement_gap, adjacent), gaps_text = _GAPS_FOLDED, folded
    index = bisect_left([m.start for m in mentions], end)
    if index < len(mentions) and mentions[index].start < hi and after_gap.fullmatch(gaps_text, end,
                                                                                      mentions[index].start):
        return mentions[index].substance, True
    if index > 0:
        before = mentions[index - 1]
        if lo <= before.end <= start:
            if before.substance not in PSYCHEDELICS:
                if supplement_gap.fullmatch(gaps_text, before.end, start):
                    return before.substance, False
            elif adjacent.fullmatch(gaps_text, before.end, start):
                return before.substance, True
            elif _BEFORE_GAP.fullmatch(text, before.end, start):
                return before.substance, False
    return None, False


def _previous_mention(mentions: list[SubstanceMention], position: int, lo: int) -> str | None:
    """The substance or supplement named last before a position, if it ends after lo."""
    index = bisect_left([m.end for m in mentions], position + 1) - 1
    if index >= 0 and mentions[index].end >= lo:
        return mentions[index].substance
    return None


def _topic(mentions: list[SubstanceMention], position: int) -> str | None:
    """The psychedelic the text is about at a position: the last one named before it, else the first after."""
    previous = [m.substance for m in mentions if m.substance in PSYCHEDELICS and m.end <= position]
    if previous:
        return previous[-1]
    return next((m.substance for m in mentions if m.substance in PSYCHEDELICS), None)




def _drop_counted_contents(doses: list[DoseMention], text: str, starts: list[int]) -> list[DoseMention]:
    """A capsule count whose content is stated close by is the stated dose, not a count:
    "three caps weighing .15g in total" is 0.15 g, as is ".2 g of powder in one capsule"."""
    weights = [d for d in doses if d.unit == "g"]
    if not weights or all(d.unit != "capsule" for d in doses):
        return doses
    kept = []
    for dose in doses:
        if dose.unit == "capsule":
            sentence_end = sentence_span(starts, text, dose.start)[1]
            sentence_start = sentence_span(starts, text, dose.start)[0]
            if any(dose.end <= w.start <= min(sentence_end, dose.end + 40)
                   or max(sentence_start, dose.start - 40) <= w.end <= dose.start for w in weights):
                continue
        kept.append(dose)
    return kept


def _number(raw: str) -> float | None:
    # A comma followed by one to two digits, or after a zero, is a decimal comma ("0,1 g", "2,5 ug", "0,120g").
    if "," in raw:
        whole, _, fraction = raw.partition(",")
        if len(fraction) > 2 and whole not in ("", "0"):
            return None
        raw = f"{whole or '0'}.{fraction}"
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        raw = f"0.{raw[1:]}"  # "04g": the decimal point was dropped
    try:
        return float(raw)
    except ValueError:
        return None


def _norm(unit: str) -> str:
    return " ".join(unit.lower().split())
