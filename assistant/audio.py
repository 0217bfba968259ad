"""Decoding call recordings with PyAV: probe, limits, and one 16 kHz float track per channel.

PyAV (FFmpeg's libraries, shipped in its wheel) reads every container we accept — wav, mp3, m4a,
ogg/opus, flac, webm, mp4 — without an ffmpeg binary. Limits are checked from the container
before any decoding, so a four-hour file is refused in milliseconds. Decoding is streamed frame
by frame into per-channel int16 buffers (2 bytes a sample): an hour of stereo is ~230 MB.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import BadInputError, TooLargeError

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class AudioInfo:
    duration_s: float
    channels: int
    sample_rate: int
    codec: str
    container: str


def _open(path: Path):  # type: ignore[no-untyped-def]
    import av

    if not path.is_file():
        raise BadInputError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise BadInputError(f"{path}: the file is empty")
    try:
        return av.open(str(path))
    except (av.error.InvalidDataError, av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise BadInputError(f"{path}: not a readable audio file ({exc})") from None


def probe(path: Path, *, max_seconds: float | None = None) -> AudioInfo:
    """Duration and layout from the container; TooLargeError past `max_seconds`."""
    container = _open(path)
    try:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            raise BadInputError(f"{path}: the file has no audio track")
        stream = streams[0]
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        else:
            duration = 0.0
        info = AudioInfo(duration_s=duration, channels=stream.channels or 1,
                         sample_rate=stream.rate or 0, codec=stream.codec_context.name,
                         container=container.format.name)
    finally:
        container.close()
    if max_seconds is not None and info.duration_s > max_seconds:
        raise TooLargeError(f"{path}: {info.duration_s:,.0f} s of audio is over the limit of "
                            f"{max_seconds:,.0f} s (raise TOUCHPOINT_MAX_AUDIO_SECONDS)")
    return info


def decode_channels(path: Path, *, split: bool) -> list[np.ndarray]:
    """Float32 mono 16 kHz arrays: one per channel when `split`, else one downmix."""
    import av

    container = _open(path)
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
        raise BadInputError(f"{path}: the file has no audio track") from None
    except (av.error.FFmpegError, ValueError) as exc:
        raise BadInputError(f"{path}: the audio is corrupt and cannot be decoded ({exc})") from None
    finally:
        container.close()
    if not chunks:
        raise BadInputError(f"{path}: no audio samples could be decoded")
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
