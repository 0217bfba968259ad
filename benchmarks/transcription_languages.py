"""What per-window language detection costs: real-time factor with `multilingual` on and off.

Synthesizes, with espeak-ng, an English-only script and a bilingual one (English, then Mandarin
spoken from tone-numbered pinyin by the `cmn-latn-pinyin` voice), then transcribes each with the
bundled base model (int8, beam 5, 2 threads) in three ways: detect once (`multilingual` off, the
anchor: what transcription did before), language identified per utterance, and per utterance
limited to English and Chinese. Prints each run's RTF (processing seconds / audio seconds), the ratio to
the anchor, and which languages the segments came out in. The model is loaded before timing.
Usage: python benchmarks/transcription_languages.py [repeats]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ENGLISH = ("Thanks for taking the call today. We use HubSpot for our sales team, but the price is "
           "too high for a company of our size. If you can send a revised quote by Friday, I will "
           "review it with our finance director next Tuesday.")
MANDARIN = "我们现在用的是纷享销客，价格太贵了。我下周三之前把报价发给您。请您和财务总监一起看一下。"


def speak(text: str, voice: str, folder: Path, name: str) -> np.ndarray:
    raw, path = folder / f"{name}.raw.wav", folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(path)], check=True)
    import wave

    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def wav_bytes(samples: np.ndarray) -> bytes:
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(samples.astype(np.int16).tobytes())
    return buffer.getvalue()


def main() -> None:
    from pypinyin import Style, lazy_pinyin

    from assistant.transcribe import TranscribeOptions, load_model, transcribe_content

    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        english = speak(ENGLISH, "en-us", folder, "en")
        pinyin = " ".join(lazy_pinyin(MANDARIN, style=Style.TONE3, neutral_tone_with_five=True,
                                      errors="ignore"))
        mandarin = speak(pinyin, "cmn-latn-pinyin", folder, "zh")
        gap = np.zeros(8000, dtype=np.int16)
        recordings = {"english only": wav_bytes(english),
                      "english then mandarin": wav_bytes(np.concatenate([english, gap, mandarin]))}
        modes = {"detect once (anchor)": {"multilingual": False},
                 "per utterance": {"multilingual": True},
                 "per utterance, en+zh": {"multilingual": True, "languages": ("en", "zh")}}
        load_model(TranscribeOptions(data_dir=folder))
        print(f"{'recording':24} {'mode':22} {'audio s':>7} {'RTF':>6} {'ratio':>6} languages")
        for name, content in recordings.items():
            anchor = None
            for mode, overrides in modes.items():
                options = TranscribeOptions(data_dir=folder, **overrides)  # type: ignore[arg-type]
                best = float("inf")
                for _ in range(repeats):
                    started = time.perf_counter()
                    result = transcribe_content(content, uri=name, options=options)
                    best = min(best, time.perf_counter() - started)
                rtf = best / result.duration_s
                anchor = anchor or rtf
                spoken = "+".join(result.metadata["segment_languages"])
                print(f"{name:24} {mode:22} {result.duration_s:>7.1f} {rtf:>6.3f} "
                      f"{rtf / anchor:>6.2f} {spoken} ({result.language})")


if __name__ == "__main__":
    main()
