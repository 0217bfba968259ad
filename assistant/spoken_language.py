"""Which language is spoken where in a recording: Whisper's language ID per utterance.

A call switches language (a Chinese customer, an English-speaking rep). faster-whisper's
`multilingual` option detects the language once per 30-second window, so a switch inside a
window is missed: measured on an English-then-Mandarin recording whose switch fell 16 s into the
first window, the whole window was decoded as English and the Mandarin half came out as nothing.
So the recording is cut at pauses into utterances (Silero VAD, the model faster-whisper ships),
Whisper identifies each utterance's language, and runs of one language are then decoded with
that language forced. Each language ID is one encoder pass, the price of the feature (see
`benchmarks/transcription_languages.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

SAMPLE_RATE = 16_000
LANGUAGE_PAUSE_MS = 300  # a pause this long may separate two languages (speaker turns are longer)
MAX_UTTERANCE_S = 15.0  # longer speech is identified in pieces, split at its quietest points
MIN_LANGUAGE_ID_S = 1.0  # shorter utterances ("OK", "对") take their neighbour's language


@dataclass(frozen=True)
class LanguageRun:
    """audio[start:end] (samples) is spoken in `language` (None: no utterance long enough)."""

    start: int
    end: int
    language: str | None


def likeliest_language(model: Any, audio: np.ndarray, languages: tuple[str, ...] | None) -> str:
    """The language Whisper finds likeliest for this audio, among `languages` when given.

    Whisper base tells languages apart less well than it transcribes them: it heard
    synthesized Mandarin as Thai, so a team that speaks only some languages can say which."""
    top, _, probabilities = model.detect_language(audio)
    if not languages:
        return str(top)
    allowed = [(p, code) for code, p in probabilities if code in languages]
    return max(allowed)[1] if allowed else languages[0]


def language_runs(model: Any, audio: np.ndarray, *, languages: tuple[str, ...] | None
                  ) -> list[LanguageRun]:
    """The recording cut into runs of one language each, covering all of it in order."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    utterances = get_speech_timestamps(audio, VadOptions(
        min_silence_duration_ms=LANGUAGE_PAUSE_MS, max_speech_duration_s=MAX_UTTERANCE_S,
        speech_pad_ms=100))
    labelled: list[tuple[int, str | None]] = []
    for utterance in utterances:
        start, end = int(utterance["start"]), int(utterance["end"])
        long_enough = end - start >= MIN_LANGUAGE_ID_S * SAMPLE_RATE
        labelled.append((start, likeliest_language(model, audio[start:end], languages)
                         if long_enough else None))
    known = [language for _, language in labelled if language]
    if not known:
        return [LanguageRun(0, len(audio), None)]
    runs: list[LanguageRun] = []
    current = known[0]  # short utterances before the first identified one take its language
    for start, language in labelled:
        current = language or current
        if runs and runs[-1].language == current:
            continue
        if runs:
            runs[-1] = LanguageRun(runs[-1].start, start, runs[-1].language)
        runs.append(LanguageRun(0 if not runs else start, len(audio), current))
    return runs
