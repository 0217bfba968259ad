"""Offline transcription of call recordings with faster-whisper, into timed, role-tagged segments.

A recording comes in as bytes (`transcribe_audio(content, uri=...)`), decoded from memory, never
from a path on the worker's disk; `audio_to_touchpoint(path)` is a thin wrapper for the CLI.

Stereo recordings with one speaker per channel (how dialers record calls) are transcribed per
channel — left is the rep, right the customer, by default — and merged by time, which is speaker
attribution without any diarization model. Mono recordings get speaker "unknown": no offline
diarization model ships as a package we can depend on, so we do not pretend.

Calls switch language (a Chinese customer and an English-speaking rep). Unless a language is
forced, `spoken_language` identifies the language of every utterance and each run of one
language is decoded in it; each segment records its language and the touchpoint's language is
then `mixed`.

faster-whisper can loop on a repeated phrase while reporting high confidence (SYSTRAN/
faster-whisper#506, #595): each segment is checked for repetition (gzip compression ratio and
repeated n-grams) and a flagged window is decoded again without conditioning on earlier text.
The flags are counted in the transcript's metadata.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from assistant.audio import SAMPLE_RATE, channels_differ, decode_channels, probe
from assistant.config import Settings
from assistant.errors import ConfigError, TooLargeError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    choose_occurred_at,
    make_source,
    read_source,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint
from assistant.spoken_language import LanguageRun, language_runs

COMPRESSION_RATIO_LIMIT = 2.4  # above this a segment is "too compressible": likely a loop
REPEATED_NGRAM_LIMIT = 4  # the same 3-gram this many times in one segment is a loop
# Fewer fallback temperatures than faster-whisper's six: each fallback re-decodes the window, and
# on poor audio (synthesized Mandarin) all six ran for every window, 5x slower for no gain.
TEMPERATURES = (0.0, 0.2, 0.4)
DECODE_SEED = 20260301
TOUCHPOINT_LANGUAGES = ("en", "zh", "mixed")  # any other single language is stored as "other"
_RUN = re.compile(r"(.{1,12}?)(?:[,，\s]*\1){3,}")
Progress = Callable[[float, float], None]
MEDIA_TYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "video/mp4",
               ".ogg": "audio/ogg", ".opus": "audio/ogg", ".flac": "audio/flac",
               ".webm": "audio/webm"}


@dataclass(frozen=True)
class TranscribeOptions:
    """How to transcribe; the defaults are the bundled model on two CPU threads."""

    model: str | None = None  # a CTranslate2 model dir or a size name; None = bundled base
    data_dir: Path = Path(".")
    device: str = "cpu"
    compute_type: str = "int8"
    threads: int = 2
    beam_size: int = 5
    vad_filter: bool = True
    language: str | None = None  # None detects; "zh" is needed for reliable Mandarin
    word_timestamps: bool = False
    initial_prompt: str | None = None  # product and competitor names, so they are spelled right
    max_bytes: int = 500 * 1024 * 1024
    max_seconds: float = 4 * 3600
    split_stereo: bool = True
    channel_roles: tuple[Role, Role] = ("rep", "customer")
    diarize: bool = False
    multilingual: bool = True  # without a forced language: identify it per utterance, not once
    # the languages calls may be in, e.g. ("en", "zh"): each utterance is given the likeliest of
    # these. None accepts whatever Whisper identifies.
    languages: tuple[str, ...] | None = None


@dataclass
class TranscriptSegment:
    start_s: float
    end_s: float
    text: str
    channel: int
    is_repetitive: bool = False
    language: str | None = None  # the language Whisper decoded this segment in


@dataclass
class Transcript:
    segments: list[TranscriptSegment]
    language: str  # one language code, or "mixed" when the segments differ
    duration_s: float
    channels: int
    metadata: dict[str, Any] = field(default_factory=dict)
    recorded_at: datetime | None = None  # from the container's tags, when it states one


def transcribe_options_from_settings(settings: Settings) -> TranscribeOptions:
    from extractors.catalog import load_catalog

    names = load_catalog(settings.competitors_file).canonical_names()
    return TranscribeOptions(
        model=settings.whisper_model, data_dir=settings.data_dir, device=settings.whisper_device,
        compute_type=settings.whisper_compute_type, threads=settings.whisper_threads,
        beam_size=settings.whisper_beam_size, vad_filter=settings.whisper_vad,
        language=settings.whisper_language, word_timestamps=settings.whisper_word_timestamps,
        initial_prompt="Competitors: " + ", ".join(names[:40]) + ".",
        max_bytes=settings.max_upload_bytes, max_seconds=settings.max_audio_seconds,
        multilingual=settings.whisper_multilingual,
        languages=tuple(settings.whisper_languages) or None)


_models: dict[tuple[str, str, str, int], Any] = {}
_models_lock = threading.Lock()


def load_model(options: TranscribeOptions) -> Any:
    """The WhisperModel for these options, loaded once per process, never from the network."""
    from faster_whisper import WhisperModel

    from assistant.whisper_model import bundled_model_dir

    source = options.model or str(bundled_model_dir(options.data_dir))
    key = (source, options.device, options.compute_type, options.threads)
    with _models_lock:
        if key not in _models:
            try:
                _models[key] = WhisperModel(
                    source, device=options.device, compute_type=options.compute_type,
                    cpu_threads=options.threads, local_files_only=True)
            except (RuntimeError, ValueError, OSError) as exc:
                raise ConfigError(f"cannot load the Whisper model {source!r} ({exc}); set "
                                  "TOUCHPOINT_WHISPER_MODEL to a CTranslate2 model directory") from exc
        return _models[key]


def is_repetitive(text: str) -> bool:
    """A decoding loop: text that compresses too well or repeats one 3-gram too often."""
    data = text.strip().encode("utf-8")
    if len(data) < 24:
        return False
    if len(data) / len(zlib.compress(data)) > COMPRESSION_RATIO_LIMIT:
        return True
    units = list(re.sub(r"\s+", "", text)) if re.search(r"[\u4e00-\u9fff]", text) else text.split()
    grams = Counter(tuple(units[i : i + 3]) for i in range(len(units) - 2))
    return bool(grams) and grams.most_common(1)[0][1] >= REPEATED_NGRAM_LIMIT


def _decode(model: Any, audio: np.ndarray, options: TranscribeOptions, *, condition: bool,
            language: str | None, words: bool = False) -> tuple[list[Any], Any]:
    import ctranslate2

    # the fallback temperatures sample; a fixed seed makes the same recording give the same text
    ctranslate2.set_random_seed(DECODE_SEED)
    segments, info = model.transcribe(
        audio, language=language, beam_size=options.beam_size, vad_filter=options.vad_filter,
        word_timestamps=options.word_timestamps or words, initial_prompt=options.initial_prompt,
        condition_on_previous_text=condition, temperature=TEMPERATURES)
    return segments, info


def _runs(model: Any, audio: np.ndarray, options: TranscribeOptions) -> list[LanguageRun]:
    if options.language is None and options.multilingual:
        return language_runs(model, audio, languages=options.languages)
    return [LanguageRun(0, len(audio), options.language)]


def _transcribe_channel(model: Any, audio: np.ndarray, channel: int, options: TranscribeOptions,
                        on_progress: Callable[[float], None], *, words: bool
                        ) -> tuple[list[TranscriptSegment], list[str], int]:
    """One channel, run by run of one language; with `words`, segment starts come from the
    first word (segment starts drift into preceding silence, which would misorder a
    two-channel merge)."""
    result: list[TranscriptSegment] = []
    detected: list[str] = []
    redecoded = 0
    for run in _runs(model, audio, options):
        piece = audio[run.start : run.end]
        offset = run.start / SAMPLE_RATE
        segments, info = _decode(model, piece, options, condition=True, language=run.language,
                                 words=words)
        language = run.language or info.language
        detected.append(language)
        for seg in segments:
            if seg.start >= len(piece) / SAMPLE_RATE:
                continue  # text "heard" after the audio ends is a hallucination
            text = seg.text.strip()
            flagged = is_repetitive(text)
            if flagged:
                window = piece[int(seg.start * SAMPLE_RATE) : int(seg.end * SAMPLE_RATE)]
                again, _ = _decode(model, window, options, condition=False, language=language)
                retry = " ".join(s.text.strip() for s in again).strip()
                redecoded += 1
                if retry and not is_repetitive(retry):
                    text, flagged = retry, False
                else:  # still looping: keep one copy of the repeated run, flagged
                    text = collapse_repeats(text)
            start = seg.words[0].start if words and seg.words else seg.start
            if text:
                result.append(TranscriptSegment(offset + start, offset + seg.end, text, channel,
                                                flagged, language))
            on_progress(offset + seg.end)
    return result, detected, redecoded


def collapse_repeats(text: str) -> str:
    """"臭臭臭臭" -> "臭", "thank you thank you thank you thank you" -> "thank you"."""
    return _RUN.sub(r"\1", text)


def to_simplified(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("t2s").convert(text)


def transcript_language(segments: list[TranscriptSegment], detected: list[str]) -> str:
    """The segments' one language, "mixed" when they differ, else the most detected channel's."""
    spoken = {seg.language for seg in segments if seg.language}
    if len(spoken) > 1:
        return "mixed"
    if spoken:
        return spoken.pop()
    return Counter(detected).most_common(1)[0][0]


def transcribe_content(content: bytes, *, uri: str, options: TranscribeOptions,
                       progress: Progress | None = None) -> Transcript:
    """Transcribe a recording's bytes; BadInputError/TooLargeError (naming `uri`) for unusable
    input, never a half result."""
    if options.diarize:
        raise ConfigError("diarization is not available offline in this version; record calls in "
                          "stereo (one speaker per channel) or leave diarize off")
    if len(content) > options.max_bytes:
        raise TooLargeError(f"{uri}: {len(content):,} bytes is over the limit of "
                            f"{options.max_bytes:,} bytes (raise TOUCHPOINT_MAX_UPLOAD_BYTES)")
    info = probe(content, uri=uri, max_seconds=options.max_seconds)
    tracks = decode_channels(content, uri=uri, split=options.split_stereo and info.channels == 2)
    if len(tracks) == 2 and not channels_differ(tracks[0], tracks[1]):
        tracks = [(tracks[0] + tracks[1]) / 2]
    duration = max(len(t) for t in tracks) / SAMPLE_RATE
    model = load_model(options)

    segments: list[TranscriptSegment] = []
    detected: list[str] = []
    redecoded = 0
    for channel, audio in enumerate(tracks):
        def on_progress(at: float, channel: int = channel) -> None:
            if progress:
                progress(channel * duration + at, duration * len(tracks))

        found, languages, redone = _transcribe_channel(model, audio, channel, options,
                                                       on_progress, words=len(tracks) == 2)
        segments += found
        detected += languages
        redecoded += redone
    language = options.language or transcript_language(segments, detected)
    for seg in segments:
        if seg.language == "zh":
            seg.text = to_simplified(seg.text)
    segments.sort(key=lambda s: (s.start_s, s.channel))
    if progress:
        progress(duration * len(tracks), duration * len(tracks))
    return Transcript(segments=segments, language=language, duration_s=duration,
                      channels=len(tracks), recorded_at=info.recorded_at, metadata={
                          "model": options.model or "bundled whisper-base",
                          "options": {k: v for k, v in asdict(options).items() if k != "data_dir"},
                          "segment_languages": sorted({s.language for s in segments
                                                       if s.language}),
                          "repetition_flags": sum(s.is_repetitive for s in segments) + redecoded,
                          "redecoded_windows": redecoded})


def transcribe(path: Path, options: TranscribeOptions, *, progress: Progress | None = None
               ) -> Transcript:
    """Transcribe a recording on disk (benchmarks, scripts): reads it, then `transcribe_content`."""
    content = read_source(path, ParseOptions(max_bytes=options.max_bytes))
    return transcribe_content(content, uri=str(path), options=options, progress=progress)


def _media_type(uri: str) -> str:
    suffix = uri.rsplit("/", 1)[-1].rpartition(".")[2].lower()
    return MEDIA_TYPES.get("." + suffix, "audio/*")


def transcribe_audio(content: bytes, *, uri: str, parse_options: ParseOptions,
                     options: TranscribeOptions, speakers: dict[str, str] | None = None,
                     progress: Progress | None = None) -> list[Touchpoint]:
    """A recording's bytes into one call touchpoint whose segments keep their audio times and
    languages.

    The time is the container's own recording time when it states one with a zone, else the
    pipeline's date policy (`choose_occurred_at`: the user's date, else the input layer's
    estimate); with none, BadInputError naming `uri`. `speakers` names the channels:
    {"left": ..., "right": ...} for stereo, {"mono": ...} otherwise.
    """
    if parse_options.language in ("en", "zh") and options.language is None:
        options = replace(options, language=parse_options.language)
    transcript = transcribe_content(content, uri=uri, options=options, progress=progress)
    occurred_at, occurred_at_source = choose_occurred_at(
        transcript.recorded_at, parse_options, uri=uri, hint="occurred_at in its .json sidecar")
    names = speakers or {}
    if transcript.channels == 2:
        rep_name = names.get("left") or next(iter(parse_options.rep_names), None) or "Rep"
        labels = [(rep_name, options.channel_roles[0]),
                  (names.get("right") or "Customer", options.channel_roles[1])]
    else:
        labels = [(names.get("mono") or "Speaker", "unknown")]
    text, segments = assemble_text(Segment(
        speaker=labels[s.channel][0], role=labels[s.channel][1], start_s=round(s.start_s, 2),
        end_s=round(s.end_s, 2), text=s.text, language=s.language) for s in transcript.segments)
    source = make_source(uri, content, _media_type(uri))
    return [Touchpoint(
        id=touchpoint_id(parse_options.tenant_id, source.sha256), tenant_id=parse_options.tenant_id,
        channel="call", direction="outbound" if segments and segments[0].role == "rep" else "inbound",
        occurred_at=occurred_at, occurred_at_source=occurred_at_source,
        language=transcript.language if transcript.language in TOUCHPOINT_LANGUAGES else "other",
        source=source, segments=segments, text=text,
        participants=[Participant(name=name, role=role) for name, role in labels],
        metadata={"transcript": transcript.metadata, "duration_s": round(transcript.duration_s, 2),
                  "channels": transcript.channels, "empty_transcript": not segments})]


def audio_to_touchpoint(path: Path, parse_options: ParseOptions,
                        transcribe_options: TranscribeOptions, *,
                        speakers: dict[str, str] | None = None,
                        progress: Progress | None = None) -> Touchpoint:
    """`transcribe_audio` for a file on disk, which without any date takes the file's
    modification time (until the pipeline passes its own date policy in `parse_options`)."""
    content = read_source(path, ParseOptions(max_bytes=transcribe_options.max_bytes))
    options = parse_options
    if options.fallback_occurred_at is None:
        options = replace(options, fallback_source="file_mtime", fallback_occurred_at=
                          datetime.fromtimestamp(path.stat().st_mtime, tz=parse_options.tz))
    [touchpoint] = transcribe_audio(content, uri=str(path), parse_options=options,
                                    options=transcribe_options, speakers=speakers,
                                    progress=progress)
    return touchpoint
