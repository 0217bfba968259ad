"""Prompt files: loading by name and version, hashing, and self-consistent few-shot examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from extractors.grounding import locate
from extractors.llm.schema import LLMInsights
from prompts.loader import load_prompt, parse_prompt, prompt_versions

MINIMAL = "id: greet\nversion: {v}\nsystem: Be brief.\nuser: 'Say hi to $name'\n"


def write_prompt(root: Path, version: int, body: str | None = None) -> Path:
    folder = root / "greet"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"v{version}.yaml"
    path.write_text(body if body is not None else MINIMAL.format(v=version), encoding="utf-8")
    return path


def test_the_extraction_prompt_loads_with_id_version_and_a_stable_hash() -> None:
    prompt = load_prompt("extract_insights")
    assert (prompt.id, prompt.version) == ("extract_insights", 1)
    assert prompt.hash == load_prompt("extract_insights", 1).hash
    assert "$transcript" in prompt.user and "<transcript>" in prompt.user
    assert "$error" in prompt.repair


def test_the_examples_cover_english_and_chinese() -> None:
    languages = {e.language for e in load_prompt("extract_insights").examples}
    assert {"en", "zh"} <= languages


@pytest.mark.parametrize("index", [0, 1], ids=["english example", "chinese example"])
def test_every_example_answer_is_valid_and_quotes_its_own_text_exactly(index: int) -> None:
    example = load_prompt("extract_insights").examples[index]
    parsed = LLMInsights.model_validate(example.answer)
    quotes = [q for e in (parsed.competitors + parsed.next_steps + parsed.pain_points
                          + parsed.objections + parsed.buying_signals + parsed.questions)
              for q in [e.quote]]
    quotes += parsed.sentiment.quotes if parsed.sentiment else []
    quotes += parsed.summary.quotes if parsed.summary else []
    assert quotes
    for quote in quotes:
        span = locate(quote, example.text)
        assert span is not None and span.status == "exact", quote


def test_example_names_are_fictional_and_absent_from_the_test_fixtures() -> None:
    from llm_fixtures import EN_TURNS, ZH_TURNS

    fixture_text = " ".join(t for _, _, t in EN_TURNS + ZH_TURNS)
    for name in ("Marlowe Vance", "Odile Brannigan", "Quillon CRM", "欧阳星澜", "司徒墨白"):
        assert name not in fixture_text
        assert any(name in e.text for e in load_prompt("extract_insights").examples)


def test_the_newest_version_is_loaded_unless_one_is_named(tmp_path: Path) -> None:
    write_prompt(tmp_path, 1)
    write_prompt(tmp_path, 2)
    assert prompt_versions("greet", root=tmp_path) == [1, 2]
    assert load_prompt("greet", root=tmp_path).version == 2
    assert load_prompt("greet", 1, root=tmp_path).version == 1


def test_editing_a_prompt_changes_its_hash(tmp_path: Path) -> None:
    path = write_prompt(tmp_path, 1)
    before = parse_prompt(path).hash
    path.write_text(MINIMAL.format(v=1).replace("Be brief.", "Be very brief."), encoding="utf-8")
    assert parse_prompt(path).hash != before


def test_a_dollar_placeholder_is_filled_and_braces_need_no_escaping(tmp_path: Path) -> None:
    prompt = parse_prompt(write_prompt(tmp_path, 1))
    assert prompt.render_user(name="{Ada}") == "Say hi to {Ada}"
    with pytest.raises(ConfigError, match=r"needs a value for \$name"):
        prompt.render_user()


@pytest.mark.parametrize(("body", "message"), [
    ("id: greet\nversion: 1\n", "missing system, user"),
    ("- just a list\n", "must be a mapping"),
    ("id: [unclosed\n", "not valid YAML"),
    (MINIMAL.format(v=1) + "examples:\n  - text: hi\n", "example 0 needs `text` and `answer`"),
], ids=["missing keys", "not a mapping", "broken yaml", "example without answer"])
def test_a_broken_prompt_file_is_a_config_error_naming_the_file(
    tmp_path: Path, body: str, message: str,
) -> None:
    path = write_prompt(tmp_path, 1, body)
    with pytest.raises(ConfigError, match=message) as raised:
        parse_prompt(path)
    assert str(path) in str(raised.value)


def test_an_unknown_prompt_or_version_says_what_exists(tmp_path: Path) -> None:
    write_prompt(tmp_path, 1)
    with pytest.raises(ConfigError, match="no prompt named 'nope'"):
        load_prompt("nope", root=tmp_path)
    with pytest.raises(ConfigError, match=r"available: \[1\]"):
        load_prompt("greet", 3, root=tmp_path)
