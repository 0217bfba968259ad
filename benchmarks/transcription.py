"""Transcription speed, memory and accuracy of the bundled Whisper base model on this machine.

Synthesizes an English script with espeak-ng (about 40 s), then for int8 and float32 and beam
sizes 1 and 5 prints the real-time factor (processing seconds / audio seconds), the peak RSS of
a fresh process doing the work, and the WER against the script. Each configuration runs in its
own process so peak memory is not polluted by the previous one.
Usage: python benchmarks/transcription.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = ("Thanks for taking the call today. We use HubSpot for our sales team, but the price is "
          "too high for a company of our size. Our agents spend hours every week copying data "
          "between systems. If you can send a revised quote by Friday, I will review it with our "
          "finance director next Tuesday. We also need single sign on before security approves "
          "anything. Could you share your security report and the migration guide?")


def run_one(audio: str, compute_type: str, beam: int, data_dir: str) -> None:
    import jiwer

    from assistant.transcribe import TranscribeOptions, load_model, transcribe

    options = TranscribeOptions(data_dir=Path(data_dir), compute_type=compute_type,
                                beam_size=beam, language="en", threads=2)
    load_model(options)
    started = time.perf_counter()
    result = transcribe(Path(audio), options)
    elapsed = time.perf_counter() - started
    text = " ".join(s.text for s in result.segments)
    clean = jiwer.RemovePunctuation()
    wer = jiwer.wer(clean(SCRIPT.lower()), clean(text.lower()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rtf": elapsed / result.duration_s, "peak_mb": peak_mb, "wer": wer,
                      "audio_s": result.duration_s,
                      "flags": result.metadata["repetition_flags"]}))


def main() -> None:
    if len(sys.argv) == 5:
        run_one(*sys.argv[1:3], int(sys.argv[3]), sys.argv[4])
        return
    with tempfile.TemporaryDirectory() as tmp:
        raw, audio = Path(tmp) / "raw.wav", Path(tmp) / "script.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), SCRIPT], check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(audio)], check=True)
        print(f"{'compute':8} {'beam':>4} {'audio s':>8} {'RTF':>6} {'peak MB':>8} {'WER':>6} flags")
        for compute_type in ("int8", "float32"):
            for beam in (1, 5):
                out = subprocess.run([sys.executable, __file__, str(audio), compute_type, str(beam),
                                      tmp], check=True, capture_output=True, text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"{compute_type:8} {beam:>4} {r['audio_s']:>8.1f} {r['rtf']:>6.3f} "
                      f"{r['peak_mb']:>8.0f} {r['wer']:>6.3f} {r['flags']}")


if __name__ == "__main__":
    main()
