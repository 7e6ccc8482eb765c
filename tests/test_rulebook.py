from __future__ import annotations

from pathlib import Path

import pytest

from recheck.errors import RuleError
from recheck.examples import check_example
from recheck.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
BOOK = load_rulebook(ROOT / "rules")
TOPIC = load_rulebook(ROOT / "tests" / "fixtures" / "lithium" / "rules")
ALL_RULES = (*BOOK.rules, *TOPIC.rules)
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.id}-{n}-{'flags' if example.flags else 'passes'}")
    for rule in ALL_RULES
    for n, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_every_rule_example_behaves_as_documented(rule, example):
    assert check_example(rule, example), f"{rule.path}: example does not hold"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_has_a_flagging_and_a_passing_example(rule):
    kinds = {example.flags for example in rule.examples}
    assert kinds == {True, False}, f"{rule.path}: needs examples that flag and that pass"
    assert rule.description, f"{rule.path}: needs a description"


GOOD = """id: T1
title: test rule
kind: interval
select: {entity: china, metric: mine_production}
tolerance: 5% relative
severity: high
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD + "colour: red\n",
            "rule T1: key 'colour': unknown key",
        ),
        (GOOD.replace("severity: high", "severity: urgent"), "rule T1: key 'severity'"),
        (
            GOOD.replace("kind: interval", "kind: vibes"),
            "rule T1: key 'kind': unknown kind 'vibes'",
        ),
        (GOOD.replace("5% relative", "5 furlongs_per_fortnight"), "key 'tolerance': unknown unit"),
        (GOOD.replace("5% relative", "5"), "key 'tolerance'"),
        (GOOD.replace("entity: china", "entity: atlantis"), "key 'select.entity': unknown entity"),
        (GOOD.replace("metric: mine_production", "metric: vibes"), "key 'select.metric'"),
        (GOOD.replace("title: test rule\n", ""), "rule T1: key 'title': required"),
        ("id: T1\ntitle: [unclosed\nkind: interval\n", "invalid YAML"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_rule_errors_name_file_rule_and_key(rules_dir, text, message):
    (rules_dir / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook(rules_dir)
    assert "bad.yaml" in str(info.value)
    assert message in str(info.value)


def test_duplicate_ids_are_an_error(rules_dir):
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    (rules_dir / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate id"):
        load_rulebook(rules_dir)


def test_an_empty_rules_folder_is_an_error(rules_dir):
    with pytest.raises(RuleError, match="no rule files"):
        load_rulebook(rules_dir)


def test_yaml_is_never_executed(rules_dir):
    (rules_dir / "evil.yaml").write_text(
        "!!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match="invalid YAML"):
        load_rulebook(rules_dir)
    assert not Path("pwned").exists()


def test_vocabulary_terms_may_not_be_claimed_twice(rules_dir):
    path = rules_dir / "vocabulary" / "entities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "aliases: {zh: [日本, 日方, 东京]", "aliases: {zh: [日本, 中国, 东京]"
        ),
        encoding="utf-8",
    )
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="term '中国' is already used"):
        load_rulebook(rules_dir)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (GOOD + "colour: red\n", "bad.yaml:7: rule T1: key 'colour'"),
        (GOOD.replace("severity: high", "severity: urgent"), "bad.yaml:6: rule T1: key 'severity'"),
        (
            GOOD.replace(
                "select: {entity: china, metric: mine_production}",
                "select:\n  entity: atlantis\n  metric: mine_production",
            ),
            "bad.yaml:5: rule T1: key 'select.entity'",
        ),
        (
            GOOD + "examples:\n  - flags: true\n    claims:\n      - {value: 1, unit: t}\n"
            "      - {value: 2, unit: bogons}\n",
            "bad.yaml:11: rule T1: key 'examples[0].claims[1].unit'",
        ),
    ],
)
def test_rule_errors_give_the_line_of_the_key(rules_dir, text, where):
    (rules_dir / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook(rules_dir)
    assert where in str(info.value)


def test_a_metric_variant_must_name_a_known_metric(rules_dir):
    path = rules_dir / "vocabulary" / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("magnet_exports: {zh:", "magnet_exportz: {zh:", 1), "utf-8")
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="key 'variants': unknown metric 'magnet_exportz'"):
        load_rulebook(rules_dir)


def test_a_currency_is_the_market_of_one_entity_only(rules_dir):
    path = rules_dir / "vocabulary" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    japan = text.replace("    name: Japan\n", "    name: Japan\n    currency: CNY\n")
    path.write_text(japan, encoding="utf-8")
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="currency CNY is already entity 'china'"):
        load_rulebook(rules_dir)


def test_an_entity_s_currency_must_be_one_recheck_knows(rules_dir):
    path = rules_dir / "vocabulary" / "entities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    currency: CNY\n", "    currency: XYZ\n"), encoding="utf-8")
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError, match="entity 'china': key 'currency': 'XYZ' is not a currency"):
        load_rulebook(rules_dir)
