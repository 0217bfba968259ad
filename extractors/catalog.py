"""Competitor catalogs: canonical name -> aliases, per tenant, from YAML.

The default catalog ships with the package (`default_competitors.yaml`): common CRM, sales and
support tools, Western and Chinese. An alias starting with "=" matches only with that exact
capitalization, for names that are also ordinary words. A name is either a list of aliases (a
competitor) or a mapping `{aliases: [...], kind: competitor|tool|both}`: a `tool` is an ecosystem
product customers connect to (never a competitor); for `both` the context of each mention decides.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.errors import ConfigError
from extractors.base import CompetitorCatalog

DEFAULT_CATALOG = Path(__file__).with_name("default_competitors.yaml")
KINDS = ("competitor", "tool", "both")


def load_catalog(path: Path | None = None) -> CompetitorCatalog:
    """The catalog in `path` (YAML mapping), or the default catalog when None."""
    source = Path(path) if path is not None else DEFAULT_CATALOG
    try:
        loaded = yaml.safe_load(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{source}: competitor catalog not found "
                          "(check TOUCHPOINT_COMPETITORS_FILE)") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML ({exc})") from exc
    if not isinstance(loaded, dict):
        raise ConfigError(f"{source}: expected a mapping of canonical name -> aliases")
    aliases: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for name, values in loaded.items():
        if isinstance(values, dict):
            kind = str(values.get("kind") or "competitor")
            if kind not in KINDS:
                raise ConfigError(f"{source}: {name!r} has kind {kind!r}; use one of "
                                  f"{', '.join(KINDS)}")
            if kind != "competitor":
                kinds[str(name)] = kind
            values = values.get("aliases")
        values = values if isinstance(values, list) else [values] if values else []
        listed = [str(v) for v in values]
        covered = {v.lstrip("=").casefold() for v in listed}
        exact_only = any(v.startswith("=") for v in listed)
        head = [] if str(name).casefold() in covered else [("=" if exact_only else "") + str(name)]
        aliases[str(name)] = list(dict.fromkeys([*head, *listed]))
    return CompetitorCatalog(aliases=aliases, kinds=kinds)
