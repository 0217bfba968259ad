"""The extractor protocol and its registry.

Built-in extractors register exactly as third-party ones do: through the entry-point group
`touchpoint.extractors` (see pyproject.toml). Tests may `clear_registry()` and `register()` their
own classes.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, ClassVar

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.models import Insights, Touchpoint

ENTRY_POINT_GROUP = "touchpoint.extractors"


@dataclass(frozen=True)
class CompetitorCatalog:
    """Canonical competitor name -> aliases (any script); per tenant.

    `kinds` says what a name is: `competitor` (the default for names it does not list), `tool`
    (an ecosystem tool customers connect to, never a competitor) or `both` (context decides).
    """

    aliases: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def kind(self, name: str) -> str:
        return self.kinds.get(name, "competitor")

    def canonical_names(self) -> list[str]:
        return sorted(self.aliases)


@dataclass(frozen=True)
class ExtractionContext:
    """What an extractor may know besides the touchpoint itself."""

    tenant_id: str = "default"
    catalog: CompetitorCatalog = field(default_factory=CompetitorCatalog)
    options: dict[str, Any] = field(default_factory=dict)


class Extractor(abc.ABC):
    """Turns one touchpoint into Insights whose every item carries grounded evidence."""

    name: ClassVar[str]
    version: ClassVar[str] = "0"
    needs_network: ClassVar[bool] = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Extractor:
        """Build the extractor from the entry point's settings; override to read options."""
        return cls()

    @abc.abstractmethod
    def extract(self, touchpoint: Touchpoint, context: ExtractionContext) -> Insights:
        """Return insights for `touchpoint`; raise a TouchpointError subclass on failure."""


_registry: dict[str, type[Extractor]] = {}
_loaded_entry_points = False


def register(cls: type[Extractor]) -> type[Extractor]:
    _registry[cls.name] = cls
    return cls


def clear_registry() -> None:
    global _loaded_entry_points
    _registry.clear()
    _loaded_entry_points = True  # a cleared registry stays empty until register() is called


def _load_entry_points() -> None:
    global _loaded_entry_points
    if _loaded_entry_points:
        return
    _loaded_entry_points = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in _registry:
            _registry[ep.name] = ep.load()


def available() -> list[str]:
    _load_entry_points()
    return sorted(_registry)


def get_extractor_class(name: str) -> type[Extractor]:
    _load_entry_points()
    try:
        return _registry[name]
    except KeyError:
        raise ConfigError(
            f"no extractor named {name!r}; available: {', '.join(available()) or 'none'}"
        ) from None
