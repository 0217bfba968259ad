"""Offline transcription of call recordings with faster-whisper, into timed, role-tagged segments.

Stereo recordings with one speaker per channel (how dialers record calls) are transcribed per
channel — left is the rep, right the customer, by default — and merged by time, which is speaker
attribution without any diarization model. Mono recordings get speaker "unknown": no offline
diarization model ships as a package we can depend on, so we do not pretend.

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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.audio import SAMPLE_RATE, channels_differ, decode_channels, probe
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.ingest.common import (
    ParseOptions,
    assemble_text,
    choose_occurred_at,
    make_source,
    read_source,
    touchpoint_id,
)
from assistant.models import Participant, Role, Segment, Touchpoint

COMPRESSION_RATIO_LIMIT = 2.4  # above this a segment is "too compressible": likely a loop
REPEATED_NGRAM_LIMIT = 4  # the same 3-gram this many times in one segment is a loop
# Fewer fallback temperatures than faster-whisper's six: each fallback re-decodes the window, and
# on poor audio (synthesized Mandarin) all six ran for every window, 5x slower for no gain.
TEMPERATURES = (0.0, 0.2, 0.4)
_RUN = re.compile(r"(.{1,12}?)(?:[,，\s]*\1){3,}")
Progress = Callable[[float, float], None]
_MEDIA_TYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "video/mp4",
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


@dataclass
class TranscriptSegment:
    start_s: float
    end_s: float
    text: str
    channel: int
    is_repetitive: bool = False


@dataclass
class Transcript:
    segments: list[TranscriptSegment]
    language: str
    duration_s: float
    channels: int
    metadata: dict[str, Any] = field(default_factory=dict)


def transcribe_options_from_settings(settings: Settings) -> TranscribeOptions:
    from extractors.catalog import load_catalog

    names = load_catalog(settings.competitors_file).canonical_names()
    return TranscribeOptions(
        model=settings.whisper_model, data_dir=settings.data_dir, device=settings.whisper_device,
        compute_type=settings.whisper_compute_type, threads=settings.whisper_threads,
        beam_size=settings.whisper_beam_size, vad_filter=settings.whisper_vad,
        language=settings.whisper_language, word_timestamps=settings.whisper_word_timestamps,
        initial_prompt="Competitors: " + ", ".join(names[:40]) + ".",
        max_bytes=settings.max_upload_bytes, max_seconds=settings.max_audio_seconds)


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
                _models[key] = WhisperModel(source, device=options.device,
                                            compute_type=options.compute_type,
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
    segments, info = model.transcribe(
        audio, language=language, beam_size=options.beam_size, vad_filter=options.vad_filter,
        word_timestamps=options.word_timestamps or words, initial_prompt=options.initial_prompt,
        condition_on_previous_text=condition, temperature=TEMPERATURES)
    return segments, info


def _transcribe_channel(model: Any, audio: np.ndarray, channel: int, options: TranscribeOptions,
                        on_progress: Callable[[float], None], *, words: bool
                        ) -> tuple[list[TranscriptSegment], str, int]:
    """One channel; with `words`, segment starts come from the first word (segment starts drift
    into preceding silence, which would misorder a two-channel merge)."""
    segments, info = _decode(model, audio, options, condition=True, language=options.language,
                             words=words)
    result: list[TranscriptSegment] = []
    redecoded = 0
    for seg in segments:
        text = seg.text.strip()
        flagged = is_repetitive(text)
        if flagged:
            window = audio[int(seg.start * SAMPLE_RATE) : int(seg.end * SAMPLE_RATE)]
            again, _ = _decode(model, window, options, condition=False, language=info.language)
            retry = " ".join(s.text.strip() for s in again).strip()
            redecoded += 1
            if retry and not is_repetitive(retry):
                text, flagged = retry, False
            else:  # still looping: keep one copy of the repeated run, flagged
                text = collapse_repeats(text)
        start = seg.words[0].start if words and seg.words else seg.start
        if text:
            result.append(TranscriptSegment(start, seg.end, text, channel, flagged))
        on_progress(seg.end)
    return result, info.language, redecoded


def collapse_repeats(text: str) -> str:
    """"臭臭臭臭" -> "臭", "thank you thank you thank you thank you" -> "thank you"."""
    return _RUN.sub(r"\1", text)


def to_simplified(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("t2s").convert(text)


def transcribe(path: Path, options: TranscribeOptions, *, progress: Progress | None = None
               ) -> Transcript:
    """Transcribe a recording; BadInputError/TooLargeError for unusable files, never a half result."""
    if options.diarize:
        raise ConfigError("diarization is not available offline in this version; record calls in "
                          "stereo (one speaker per channel) or leave diarize off")
    if path.is_file() and path.stat().st_size > options.max_bytes:
        read_source(path, ParseOptions(max_bytes=options.max_bytes))  # raises TooLargeError
    info = probe(path, max_seconds=options.max_seconds)
    tracks = decode_channels(path, split=options.split_stereo and info.channels == 2)
    if len(tracks) == 2 and not channels_differ(tracks[0], tracks[1]):
        tracks = [(tracks[0] + tracks[1]) / 2]
    duration = max(len(t) for t in tracks) / SAMPLE_RATE
    model = load_model(options)
    segments: list[TranscriptSegment] = []
    languages: list[str] = []
    redecoded = 0
    for channel, audio in enumerate(tracks):
        def on_progress(at: float, channel: int = channel) -> None:
            if progress:
                progress(channel * duration + at, duration * len(tracks))

        found, language, redone = _transcribe_channel(model, audio, channel, options, on_progress,
                                                      words=len(tracks) == 2)
        segments += found
        languages.append(language)
        redecoded += redone
    language = options.language or Counter(languages).most_common(1)[0][0]
    if language == "zh":
        for seg in segments:
            seg.text = to_simplified(seg.text)
    segments.sort(key=lambda s: (s.start_s, s.channel))
    if progress:
        progress(duration * len(tracks), duration * len(tracks))
    return Transcript(segments=segments, language=language, duration_s=duration,
                      channels=len(tracks), metadata={
                          "model": options.model or "bundled whisper-base",
                          "options": {k: v for k, v in asdict(options).items() if k != "data_dir"},
                          "repetition_flags": sum(s.is_repetitive for s in segments) + redecoded,
                          "redecoded_windows": redecoded})


def audio_to_touchpoint(path: Path, parse_options: ParseOptions,
                        transcribe_options: TranscribeOptions, *,
                        speakers: dict[str, str] | None = None,
                        progress: Progress | None = None) -> Touchpoint:
    """Transcribe and build a call touchpoint whose segments keep their audio times."""
    content = read_source(path, ParseOptions(max_bytes=transcribe_options.max_bytes))
    options = transcribe_options
    if parse_options.language in ("en", "zh") and options.language is None:
        from dataclasses import replace

        options = replace(options, language=parse_options.language)
    transcript = transcribe(path, options, progress=progress)
    names = speakers or {}
    if transcript.channels == 2:
        rep_name = names.get("left") or next(iter(parse_options.rep_names), None) or "Rep"
        labels = [(rep_name, options.channel_roles[0]),
                  (names.get("right") or "Customer", options.channel_roles[1])]
    else:
        labels = [(names.get("mono") or "Speaker", "unknown")]
    text, segments = assemble_text(Segment(
        speaker=labels[s.channel][0], role=labels[s.channel][1], start_s=round(s.start_s, 2),
        end_s=round(s.end_s, 2), text=s.text) for s in transcript.segments)
    if parse_options.occurred_at is None:
        from datetime import datetime

        occurred_at = datetime.fromtimestamp(path.stat().st_mtime, tz=parse_options.tz)
        transcript.metadata["occurred_at_source"] = "file modification time"
    else:
        occurred_at = parse_options.occurred_at
    source = make_source(path, content, _MEDIA_TYPES.get(path.suffix.lower(), "audio/*"))
    return Touchpoint(
        id=touchpoint_id(parse_options.tenant_id, source.sha256), tenant_id=parse_options.tenant_id,
        channel="call", direction="outbound" if segments and segments[0].role == "rep" else "inbound",
        occurred_at=occurred_at, language=transcript.language if transcript.language in ("en", "zh")
        else "other", source=source, segments=segments, text=text,
        participants=[Participant(name=name, role=role) for name, role in labels],
        metadata={"transcript": transcript.metadata, "duration_s": round(transcript.duration_s, 2),
                  "channels": transcript.channels, "empty_transcript": not segments})


def transcribe_audio(content: bytes, *, uri: str, parse_options: ParseOptions,
                     options: TranscribeOptions, progress: Progress | None = None
                     ) -> list[Touchpoint]:
    """A recording's bytes into one call touchpoint (dated like every other source)."""
    import tempfile

    suffix = Path(uri.split("#", 1)[0]).suffix
    with tempfile.TemporaryDirectory(prefix="touchpoint-audio-") as scratch:
        path = Path(scratch) / f"recording{suffix}"
        path.write_bytes(content)
        touchpoint = audio_to_touchpoint(path, parse_options, options, progress=progress)
    when, how = choose_occurred_at(None, parse_options, uri=uri)
    source = touchpoint.source.model_copy(update={"uri": uri})
    return [touchpoint.model_copy(update={"occurred_at": when, "occurred_at_source": how,
                                          "source": source})]
