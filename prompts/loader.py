"""Load versioned prompt files by name; every result records the prompt's id and hash.

A prompt is a YAML file `prompts/<id>/v<version>.yaml` with `id`, `version`, `system`, `user`
(a `string.Template`, so braces in JSON examples and in transcripts need no escaping) and
`examples` (input text + expected JSON output, English and Chinese). The hash covers the whole
parsed file, so an eval run names exactly which wording produced it; editing a prompt means a
new hash, and the LLM cache never serves an answer produced by older wording.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import yaml

from assistant.errors import ConfigError

PROMPTS_DIR = Path(__file__).parent
_VERSION_FILE = re.compile(r"^v(\d+)\.ya?ml$")


@dataclass(frozen=True)
class FewShotExample:
    """One worked example: the source text and the JSON answer we want for it."""

    text: str
    answer: dict[str, Any]
    channel: str = "call"
    occurred_at: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Prompt:
    id: str
    version: int
    system: str
    user: str
    examples: tuple[FewShotExample, ...]
    hash: str
    repair: str = ""  # sent once, with $error, when an answer fails validation

    def render_user(self, **values: str) -> str:
        """The user message with its `$name` variables filled; a missing value is a ConfigError."""
        return self._render(self.user, values)

    def render_repair(self, error: str) -> str:
        """The re-ask message naming what was wrong with the last answer."""
        if not self.repair:
            raise ConfigError(f"prompt {self.id} v{self.version} has no `repair` template; add "
                              "one with an $error variable")
        return self._render(self.repair, {"error": error})

    def _render(self, template: str, values: dict[str, str]) -> str:
        try:
            return Template(template).substitute(values)
        except KeyError as exc:
            raise ConfigError(
                f"prompt {self.id} v{self.version} needs a value for ${exc.args[0]}; "
                "pass it to render_user or fix the prompt file"
            ) from None


def prompt_versions(prompt_id: str, *, root: Path = PROMPTS_DIR) -> list[int]:
    folder = root / prompt_id
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := _VERSION_FILE.match(p.name)))


def load_prompt(prompt_id: str, version: int | None = None, *, root: Path = PROMPTS_DIR) -> Prompt:
    """The prompt `prompt_id` at `version` (default: the highest version on disk)."""
    versions = prompt_versions(prompt_id, root=root)
    if not versions:
        raise ConfigError(f"no prompt named {prompt_id!r} under {root}; "
                          f"expected {root / prompt_id / 'v1.yaml'}")
    chosen = versions[-1] if version is None else version
    if chosen not in versions:
        raise ConfigError(f"prompt {prompt_id!r} has no version {chosen}; available: {versions}")
    path = next(root / prompt_id / f"v{chosen}{ext}" for ext in (".yaml", ".yml")
                if (root / prompt_id / f"v{chosen}{ext}").is_file())
    return parse_prompt(path)


def parse_prompt(path: Path) -> Prompt:
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc}); fix the prompt file") from exc
    if not isinstance(spec, dict):
        raise ConfigError(f"{path}: a prompt file must be a mapping with id, version, system, user")
    missing = [k for k in ("id", "version", "system", "user") if not spec.get(k)]
    if missing:
        raise ConfigError(f"{path}: missing {', '.join(missing)}; add them to the prompt file")
    examples = []
    for i, example in enumerate(spec.get("examples") or []):
        if not isinstance(example, dict) or "text" not in example or "answer" not in example:
            raise ConfigError(f"{path}: example {i} needs `text` and `answer`")
        examples.append(FewShotExample(
            text=str(example["text"]).strip(), answer=dict(example["answer"]),
            channel=str(example.get("channel", "call")),
            occurred_at=str(example.get("occurred_at", "")),
            language=str(example.get("language", "en"))))
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    return Prompt(
        id=str(spec["id"]),
        version=int(spec["version"]),
        system=str(spec["system"]).strip(),
        user=str(spec["user"]).strip(),
        examples=tuple(examples),
        hash=hashlib.sha256(canonical.encode()).hexdigest()[:16],
        repair=str(spec.get("repair") or "").strip(),
    )
