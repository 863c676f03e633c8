import json

import pytest

from experiences.nlp import rules


@pytest.mark.parametrize("name", sorted(rules.RULE_FILES))
def test_every_rule_file_loads(name):
    assert rules.load(name).version == rules.SUPPORTED_VERSION


@pytest.mark.parametrize("name", sorted(rules.RULE_FILES))
def test_unknown_top_level_key_is_rejected(name):
    data = _raw(name) | {"typo_key": 1}
    with pytest.raises(rules.RuleFileError, match="unknown key"):
        rules.RULE_FILES[name].from_json(data, name)


def test_unknown_nested_key_is_rejected():
    data = _raw("effects.json")
    data["effects"][0]["synonyms"] = []
    with pytest.raises(rules.RuleFileError, match=r"effects\[0\]: unknown key"):
        rules.EffectRules.from_json(data)


def test_missing_key_and_wrong_version_are_rejected():
    data = _raw("context.json")
    with pytest.raises(rules.RuleFileError, match="missing key"):
        rules.ContextRules.from_json({k: v for k, v in data.items() if k != "negation"})
    with pytest.raises(rules.RuleFileError, match="version 2"):
        rules.ContextRules.from_json(data | {"version": 2})


def test_unknown_unit_is_rejected():
    data = _raw("doses.json")
    data["units"]["oz"] = ["oz"]
    with pytest.raises(rules.RuleFileError, match="unknown unit"):
        rules.DoseRules.from_json(data)


def _raw(name: str) -> dict:
    from importlib import resources
    return json.loads(resources.files("experiences.nlp").joinpath("resources").joinpath(name).read_text())


@pytest.mark.parametrize("name, key", [("effects.json", "complement_after"), ("context.json", "post_history"),
                                       ("context.json", "list_header_hypothetical"),
                                       ("context.json", "list_first_person")])
def test_optional_lists_load_and_may_be_left_out(name, key):
    data = _raw(name)
    assert getattr(rules.RULE_FILES[name].from_json(data, name), key)
    assert getattr(rules.RULE_FILES[name].from_json({k: v for k, v in data.items() if k != key}, name), key) == ()
