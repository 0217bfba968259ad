"""Decoding call recordings with PyAV: probe, limits, and one 16 kHz float track per channel.

PyAV (FFmpeg's libraries, shipped in its wheel) reads every container we accept — wav, mp3, m4a,
ogg/opus, flac, webm, mp4 — without an ffmpeg binary, and it reads them from memory (a BytesIO),
so a recording is never written to the worker's disk. Limits are checked from the container
before any decoding, so a four-hour file is refused in milliseconds. Decoding is streamed frame
by frame into per-channel int16 buffers (2 bytes a sample): an hour of stereo is ~230 MB.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from assistant.errors import BadInputError, TooLargeError

SAMPLE_RATE = 16_000
# container tags that say when a recording was made (phones write creation_time into m4a/mp4)
_DATE_TAGS = ("creation_time", "date", "ICRD")
EARLIEST_RECORDING_YEAR = 1990  # an unset mp4 time reads as 1904 or 1970: not a recording time


@dataclass(frozen=True)
class AudioInfo:
    duration_s: float
    channels: int
    sample_rate: int
    codec: str
    container: str
    recorded_at: datetime | None = None  # from the container's tags, only when it has an offset


def _open(content: bytes, uri: str):  # type: ignore[no-untyped-def]
    import av

    if not content:
        raise BadInputError(f"{uri}: the file is empty")
    try:
        return av.open(io.BytesIO(content))
    except (av.error.InvalidDataError, av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{uri}: not a readable audio file ({exc})") from None


def _recorded_at(tags: dict[str, str]) -> datetime | None:
    """The recording time a tag states with a zone (ISO 8601, "Z" included); a bare date or a
    local time without an offset is not a known instant, so it is left to the caller's policy."""
    for key in _DATE_TAGS:
        value = tags.get(key) or tags.get(key.lower())
        if not value:
            continue
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is not None and moment.year >= EARLIEST_RECORDING_YEAR:
            return moment
    return None


def probe(content: bytes, *, uri: str, max_seconds: float | None = None) -> AudioInfo:
    """Duration, layout and recording time from the container; TooLargeError past `max_seconds`."""
    container = _open(content, uri)
    try:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            raise BadInputError(f"{uri}: the file has no audio track")
        stream = streams[0]
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        else:
            duration = 0.0
        tags = {**dict(stream.metadata), **dict(container.metadata)}
        info = AudioInfo(duration_s=duration, channels=stream.channels or 1,
                         sample_rate=stream.rate or 0, codec=stream.codec_context.name,
                         container=container.format.name, recorded_at=_recorded_at(tags))
    finally:
        container.close()
    if max_seconds is not None and info.duration_s > max_seconds:
        raise TooLargeError(f"{uri}: {info.duration_s:,.0f} s of audio is over the limit of "
                            f"{max_seconds:,.0f} s (raise TOUCHPOINT_MAX_AUDIO_SECONDS)")
    return info


def decode_channels(content: bytes, *, uri: str, split: bool) -> list[np.ndarray]:
    """Float32 mono 16 kHz arrays: one per channel when `split`, else one downmix."""
    import av

    container = _open(content, uri)
    layout = "stereo" if split else "mono"
    resampler = av.AudioResampler(format="s16", layout=layout, rate=SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    try:
        stream = next(s for s in container.streams if s.type == "audio")
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1).copy())
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1).copy())
    except StopIteration:
        raise BadInputError(f"{uri}: the file has no audio track") from None
    except (av.error.FFmpegError, ValueError) as exc:
        raise BadInputError(f"{uri}: the audio is corrupt and cannot be decoded ({exc})") from None
    finally:
        container.close()
    if not chunks:
        raise BadInputError(f"{uri}: no audio samples could be decoded")
    interleaved = np.concatenate(chunks)
    if split:
        pairs = interleaved.reshape(-1, 2)
        return [pairs[:, 0].astype(np.float32) / 32768.0, pairs[:, 1].astype(np.float32) / 32768.0]
    return [interleaved.astype(np.float32) / 32768.0]


def channels_differ(left: np.ndarray, right: np.ndarray, *, threshold: float = 0.1) -> bool:
    """True when the two channels carry different speakers, not one voice copied to both."""
    if left.size == 0:
        return False
    difference = float(np.mean(np.abs(left - right)))
    level = float(np.mean(np.abs(left)) + np.mean(np.abs(right))) / 2 or 1e-9
    return difference / level > threshold
