"""The resource clients' rule dicts come out of the templates laid out as black lays them out
(generator/views/python/source.py: laid_out_assignment), so black has no split to search for:
black's output is the same bytes as from the rule on one line, and a laid-out rule is left
as it is. Checked on every rule of the real specs and of the corpus of odd specs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import black
import pytest
from helpers.paths import ROOT

from generator import formatting
from generator.ir import build_ir
from generator.load import load_specs
from generator.problems import SpecError
from generator.views.python import build_python_view
from generator.views.python.source import laid_out_assignment, python_literal

TARGET = "_CREATE_BODY_RULE: validation.Rule"


def rules(specs: Path) -> list[tuple[str, dict[str, Any]]]:
    api = build_python_view(build_ir(load_specs(specs, "specs")))
    found = []
    for resource in api.resources:
        for op in resource.operations:
            for name, rule in (
                (op.parameters_rule_name, op.parameters_rule),
                (op.body_rule_name, op.body_rule),
            ):
                if rule:
                    found.append((f"{name}: validation.Rule", rule))
    return found


def corpus_rules(tmp_path: Path) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for spec in sorted((ROOT / "tests" / "corpus").glob("*.yaml")):
        folder = tmp_path / spec.stem
        folder.mkdir()
        shutil.copy(spec, folder)
        try:
            found += rules(folder)
        except SpecError:
            continue  # a spec the generator refuses has no rules to lay out
    return found


def black_of(text: str) -> str:
    return black.format_str(text, mode=formatting.mode())


def assert_as_black_lays_it_out(target: str, rule: dict[str, Any]) -> bool:
    """Whether the rule was laid out (rather than left on one line for black)."""
    text = laid_out_assignment(target, rule) + "\n"
    flat = f"{target} = {python_literal(rule)}\n"
    assert black_of(text) == black_of(flat)
    if "\n" in text.rstrip("\n"):
        assert black_of(text) == text
        return True
    return False


def test_every_rule_of_the_specs_is_laid_out_as_black_does() -> None:
    found = rules(ROOT / "specs")
    assert found
    laid_out = [assert_as_black_lays_it_out(target, rule) for target, rule in found]
    assert sum(laid_out) >= len(found) // 2  # most are too long for one line


def test_every_rule_of_the_corpus_is_laid_out_as_black_does(tmp_path: Path) -> None:
    found = corpus_rules(tmp_path)
    assert len(found) > 10
    for target, rule in found:
        assert_as_black_lays_it_out(target, rule)


@pytest.mark.parametrize(
    "rule",
    [
        {"type": "string"},
        {"type": "object", "properties": {"a" * 90: {"type": "string", "minLength": 1}}},
        {"type": "object", "properties": {"only": {"enum": [f"value-{i}" for i in range(30)]}}},
        {"items": [{"type": "object", "properties": {f"p{i}": {} for i in range(20)}}]},
        {"enum": ["x" * 120, "y"]},
        {"enum": [[], {}, None, True, 1, 2.5, "z" * 95]},
    ],
    ids=["short", "long-key", "single-entries", "list-of-one", "long-string", "scalars"],
)
def test_shapes_are_laid_out_as_black_does(rule: dict[str, Any]) -> None:
    assert_as_black_lays_it_out(TARGET, rule)


@pytest.mark.parametrize(
    "odd",
    ['quote"d', "back\\slash", "café", "tab\there", 1e-07],
    ids=["quote", "backslash", "non-ascii", "control", "exponent"],
)
def test_values_black_may_rewrite_are_left_on_one_line(odd: object) -> None:
    rule = {"type": "string", "enum": [odd, *(f"value-{i}" for i in range(20))]}
    text = laid_out_assignment(TARGET, rule)
    assert text == f"{TARGET} = {python_literal(rule)}"
    assert_as_black_lays_it_out(TARGET, rule)
