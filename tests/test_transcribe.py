"""Transcription with the bundled model on speech synthesized at test time with espeak-ng."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import BadInputError, ConfigError, TooLargeError
from assistant.ingest.common import ParseOptions
from assistant.transcribe import TranscribeOptions, audio_to_touchpoint, is_repetitive, transcribe

pytestmark = pytest.mark.slow
ENGLISH = "We use HubSpot today, but the price is too high. I will send the revised quote by Friday."
MANDARIN = "我们现在用的是纷享销客，价格太贵了。我下周三之前把报价发给您。"
# measured here: English WER 0.05-0.15 with espeak; Mandarin CER about 0.5 (see README)
MAX_ENGLISH_WER = 0.35
MAX_MANDARIN_CER = 0.75


@pytest.fixture(scope="module")
def espeak() -> str:
    path = shutil.which("espeak-ng")
    if path is None or shutil.which("sox") is None:
        if os.environ.get("TOUCHPOINT_REQUIRE_SERVICES") == "1":
            pytest.fail("espeak-ng and sox are required (make test installs them)")
        pytest.skip("espeak-ng / sox not installed; run `make test` to install them")
    return path


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


def options(model_dir: Path, **overrides) -> TranscribeOptions:
    return TranscribeOptions(data_dir=model_dir, **overrides)


def speak(text: str, path: Path, voice: str = "en-us") -> Path:
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(path)], check=True)
    return path


def read_pcm(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def write_wav(path: Path, samples: np.ndarray, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(samples.astype(np.int16).tobytes())
    return path


def test_english_speech_is_transcribed_under_the_wer_threshold(espeak, model_dir, tmp_path):
    import jiwer

    result = transcribe(speak(ENGLISH, tmp_path / "en.wav"), options(model_dir, language="en"))
    text = " ".join(s.text for s in result.segments)
    wer = jiwer.wer(jiwer.RemovePunctuation()(ENGLISH.lower()), jiwer.RemovePunctuation()(text.lower()))
    assert wer <= MAX_ENGLISH_WER, (wer, text)
    assert result.language == "en" and result.channels == 1
    assert result.segments[0].start_s < result.segments[-1].end_s <= result.duration_s + 0.5


def test_mandarin_comes_out_in_simplified_characters(espeak, model_dir, tmp_path):
    import jiwer
    from pypinyin import Style, lazy_pinyin

    pinyin = " ".join(lazy_pinyin(MANDARIN, style=Style.TONE3, neutral_tone_with_five=True,
                                  errors="ignore"))
    path = speak(pinyin, tmp_path / "zh.wav", voice="cmn-latn-pinyin")
    result = transcribe(path, options(model_dir, language="zh"))
    text = "".join(s.text for s in result.segments)
    strip = lambda s: "".join(ch for ch in s if "\u4e00" <= ch <= "\u9fff")  # noqa: E731
    cer = jiwer.cer(strip(MANDARIN), strip(text))
    assert cer <= MAX_MANDARIN_CER, (cer, text)
    from opencc import OpenCC

    assert OpenCC("t2s").convert(text) == text  # already simplified


def test_stereo_call_gets_roles_by_channel_in_time_order(espeak, model_dir, tmp_path):
    rep = read_pcm(speak("Hello, this is Alice from Brightlane.", tmp_path / "a.wav"))
    customer = read_pcm(speak("We are looking at other vendors right now.", tmp_path / "b.wav"))
    gap = np.zeros(8000, dtype=np.int16)
    left = np.concatenate([rep, gap, np.zeros_like(customer)])
    right = np.concatenate([np.zeros_like(rep), gap, customer])
    path = write_wav(tmp_path / "call.wav", np.stack([left, right], axis=1).reshape(-1), channels=2)
    tp = audio_to_touchpoint(path, ParseOptions(tenant_id="t", rep_names=("Alice Chen",),
                                                occurred_at=datetime(2026, 3, 2, tzinfo=UTC)),
                             options(model_dir, language="en"))
    assert [s.role for s in tp.segments] == ["rep", "customer"]
    assert tp.segments[0].speaker == "Alice Chen"
    assert "right now" in tp.segments[1].text.lower()
    assert tp.segments[0].start_s < tp.segments[1].start_s
    for seg in tp.segments:
        assert tp.text[seg.start:seg.end] == seg.text


def test_silence_gives_an_empty_transcript(model_dir, tmp_path):
    path = write_wav(tmp_path / "silence.wav", np.zeros(16000 * 60, dtype=np.int16))
    tp = audio_to_touchpoint(path, ParseOptions(occurred_at=datetime(2026, 3, 2, tzinfo=UTC)),
                             options(model_dir))
    assert tp.segments == [] and tp.text == "" and tp.metadata["empty_transcript"] is True


BAD = [
    ("zero length", "empty.wav", b"", BadInputError, "empty"),
    ("text renamed .wav", "notes.wav", b"Rep: hello\nCustomer: hi\n" * 20, BadInputError,
     "not a readable audio file"),
    ("corrupt header", "broken.mp3", b"ID3" + bytes(range(256)) * 40, BadInputError, "audio"),
]


@pytest.mark.parametrize(("name", "content", "error", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_bad_audio_gets_a_clear_error_naming_the_file(model_dir, tmp_path, name, content, error,
                                                      message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        transcribe(path, options(model_dir))
    assert message in str(info.value) and name in str(info.value)


def test_limits_are_checked_before_decoding(model_dir, tmp_path):
    path = write_wav(tmp_path / "long.wav", np.zeros(16000 * 30, dtype=np.int16))
    with pytest.raises(TooLargeError, match="TOUCHPOINT_MAX_AUDIO_SECONDS"):
        transcribe(path, options(model_dir, max_seconds=10))
    with pytest.raises(TooLargeError, match="over the limit"):
        transcribe(path, options(model_dir, max_bytes=1000))


def test_diarization_is_refused_honestly(model_dir, tmp_path):
    path = write_wav(tmp_path / "x.wav", np.zeros(1600, dtype=np.int16))
    with pytest.raises(ConfigError, match="stereo"):
        transcribe(path, options(model_dir, diarize=True))


@pytest.mark.parametrize(("text", "expected"), [
    ("thank you thank you thank you thank you thank you thank you", True),
    ("好的好的好的好的好的好的好的好的好的好的", True),
    ("We use HubSpot today, but the price is too high for us.", False),
    ("我们现在用的是纷享销客，价格太贵了。", False),
], ids=["english loop", "chinese loop", "english sentence", "chinese sentence"])
def test_repetition_loops_are_detected(text, expected):
    assert is_repetitive(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("臭臭臭臭臭", "臭"),
    ("thank you thank you thank you thank you", "thank you"),
    ("好的，好的，好的，好的", "好的"),
    ("We use HubSpot today.", "We use HubSpot today."),
], ids=["chinese char", "english phrase", "chinese with commas", "untouched"])
def test_loops_that_survive_redecoding_are_collapsed(text, expected):
    from assistant.transcribe import collapse_repeats

    assert collapse_repeats(text) == expected


# --- bytes in, recording time, languages that change ---------------------------------------

BILINGUAL_EN = ("Thanks for taking the call today. We use HubSpot for our sales team, but the "
                "price is too high for a company of our size. If you can send a revised quote by "
                "Friday, I will review it with our finance director next Tuesday.")
BILINGUAL_ZH = "我们现在用的是纷享销客，价格太贵了。我下周三之前把报价发给您。请您和财务总监一起看一下。"
# The switch comes 16 s in, inside Whisper's first 30 s window: faster-whisper's own per-window
# detection (multilingual=True) decoded that window as English and dropped the Mandarin half.
# Measured with per-utterance identification limited to en+zh (bundled base, int8, beam 5):
# English WER 0.045 and Mandarin CER 0.575-0.70 over eight runs (the fallback temperatures
# sample, and two threads do not add up in the same order every run); without the en+zh limit
# Whisper base identified the synthesized Mandarin as Thai. A half in the wrong language has CER 1.
MAX_BILINGUAL_ENGLISH_WER = 0.35
MAX_BILINGUAL_MANDARIN_CER = 0.9


def m4a(samples: np.ndarray, creation_time: str | None) -> bytes:
    """AAC in an .m4a container, as a phone's recorder writes it, built in memory with PyAV."""
    import io

    import av

    buffer = io.BytesIO()
    container = av.open(buffer, "w", format="ipod")
    if creation_time:
        container.metadata["creation_time"] = creation_time
    stream = container.add_stream("aac", rate=16000, layout="mono")
    frame = av.AudioFrame.from_ndarray(samples.astype(np.int16).reshape(1, -1), format="s16",
                                       layout="mono")
    frame.sample_rate = 16000
    resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono",
                                  rate=16000)
    for chunk in resampler.resample(frame):
        for packet in stream.encode(chunk):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)
    container.close()
    return buffer.getvalue()


def test_a_recording_is_transcribed_from_bytes_with_no_file_on_disk(espeak, model_dir, tmp_path):
    from assistant.transcribe import transcribe_audio

    path = speak("Hello, this is Alice from Brightlane.", tmp_path / "hello.wav")
    content = path.read_bytes()
    path.unlink()
    [tp] = transcribe_audio(content, uri="upload://call-7.wav",
                            parse_options=ParseOptions(tenant_id="t", occurred_at=datetime(
                                2026, 3, 2, 10, tzinfo=UTC)),
                            options=options(model_dir, language="en"))
    assert "alice" in tp.text.lower()
    assert (tp.source.uri, tp.source.media_type) == ("upload://call-7.wav", "audio/wav")
    assert tp.occurred_at == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert tp.occurred_at_source == "explicit"


def test_the_recording_time_in_the_container_is_used_else_the_options_else_an_error(model_dir):
    from assistant.transcribe import transcribe_audio

    silence = np.zeros(16000, dtype=np.int16)
    fallback = ParseOptions(occurred_at=datetime(2026, 1, 1, tzinfo=UTC))
    [tagged] = transcribe_audio(m4a(silence, "2026-03-02T10:00:00.000000Z"), uri="memo.m4a",
                                parse_options=fallback, options=options(model_dir))
    assert tagged.occurred_at == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert tagged.occurred_at_source == "explicit"  # the recording says when it was made
    assert tagged.source.media_type == "audio/mp4"
    [untagged] = transcribe_audio(m4a(silence, None), uri="memo.m4a", parse_options=fallback,
                                  options=options(model_dir))
    assert untagged.occurred_at == datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(BadInputError, match=r"memo\.m4a: the source does not say when"):
        transcribe_audio(m4a(silence, None), uri="memo.m4a", parse_options=ParseOptions(),
                         options=options(model_dir))


@pytest.fixture(scope="module")
def bilingual(espeak, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """An English half then a Mandarin half in one mono recording, and where the switch is."""
    from pypinyin import Style, lazy_pinyin

    folder = tmp_path_factory.mktemp("bilingual")
    english = read_pcm(speak(BILINGUAL_EN, folder / "en.wav"))
    pinyin = " ".join(lazy_pinyin(BILINGUAL_ZH, style=Style.TONE3, neutral_tone_with_five=True,
                                  errors="ignore"))
    mandarin = read_pcm(speak(pinyin, folder / "zh.wav", voice="cmn-latn-pinyin"))
    gap = np.zeros(8000, dtype=np.int16)
    path = write_wav(folder / "bilingual.wav", np.concatenate([english, gap, mandarin]))
    return path, (len(english) + len(gap)) / 16000


def test_a_recording_that_switches_language_keeps_each_half_in_its_language(bilingual, model_dir):
    import jiwer
    from opencc import OpenCC

    path, switch_s = bilingual
    tp = audio_to_touchpoint(path, ParseOptions(occurred_at=datetime(2026, 3, 2, tzinfo=UTC)),
                             options(model_dir, languages=("en", "zh")))
    english = [s for s in tp.segments if s.end_s is not None and s.end_s <= switch_s + 0.5]
    mandarin = [s for s in tp.segments if s.start_s is not None and s.start_s >= switch_s - 0.5]
    assert english and mandarin and len(english) + len(mandarin) == len(tp.segments), [
        (s.start_s, s.end_s, s.language, s.text) for s in tp.segments]
    assert {s.language for s in english} == {"en"}
    assert {s.language for s in mandarin} == {"zh"}
    assert tp.language == "mixed"
    clean = jiwer.RemovePunctuation()
    heard_en = " ".join(s.text for s in english)
    wer = jiwer.wer(clean(BILINGUAL_EN.lower()), clean(heard_en.lower()))
    assert wer <= MAX_BILINGUAL_ENGLISH_WER, (wer, heard_en)
    han = lambda s: "".join(ch for ch in s if "\u4e00" <= ch <= "\u9fff")  # noqa: E731
    heard_zh = "".join(s.text for s in mandarin)
    cer = jiwer.cer(han(BILINGUAL_ZH), han(heard_zh))
    assert cer <= MAX_BILINGUAL_MANDARIN_CER, (cer, heard_zh)
    assert OpenCC("t2s").convert(heard_zh) == heard_zh
    for seg in tp.segments:
        assert tp.text[seg.start:seg.end] == seg.text


def test_a_forced_language_still_decodes_everything_in_it(bilingual, model_dir):
    path, _ = bilingual
    tp = audio_to_touchpoint(path, ParseOptions(occurred_at=datetime(2026, 3, 2, tzinfo=UTC)),
                             options(model_dir, language="en"))
    assert tp.language == "en" and {s.language for s in tp.segments} == {"en"}


def test_the_same_recording_gives_the_same_transcript_every_time(bilingual, model_dir):
    """Synthesized Mandarin makes Whisper fall back to sampling temperatures; with the decoder's
    seed fixed, a re-transcription (a retried job, a re-ingest) reads exactly the same."""
    path, _ = bilingual
    runs = [[(s.start_s, s.end_s, s.language, s.text) for s in
             transcribe(path, options(model_dir, languages=("en", "zh"))).segments]
            for _ in range(2)]
    assert runs[0] == runs[1]
