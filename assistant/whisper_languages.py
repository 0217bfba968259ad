"""faster-whisper's Whisper model, with the language of every segment it decodes.

With `multilingual=True` faster-whisper detects the language again for every 30-second window
and decodes that window in it, but its `Segment` does not say which language that was (1.2.1).
The window's language is on the tokenizer while the window's segments are produced, so a
subclass reads it there and hands on each segment as a `LanguageTaggedSegment`: no extra
encoder pass, and exactly the language the text was decoded in. Imported only when a model is
loaded, so the CLI does not pay for faster-whisper's import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from faster_whisper import WhisperModel
from faster_whisper.transcribe import Segment


@dataclass
class LanguageTaggedSegment(Segment):
    """A faster-whisper segment plus the language its window was decoded in."""

    language: str | None = None


class LanguageTaggingWhisperModel(WhisperModel):
    """A WhisperModel whose segments are `LanguageTaggedSegment`s."""

    def generate_segments(self, features: Any, tokenizer: Any, *args: Any,
                          **kwargs: Any) -> Iterator[Segment]:
        for segment in super().generate_segments(features, tokenizer, *args, **kwargs):
            values = {f.name: getattr(segment, f.name) for f in fields(Segment)}
            yield LanguageTaggedSegment(**values, language=tokenizer.language_code)
