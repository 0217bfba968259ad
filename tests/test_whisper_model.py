"""The bundled model is assembled once, verified, and safely under concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from assistant.whisper_model import COMPLETE_MARKER, bundled_model_dir


def test_assembly_is_idempotent_and_complete(tmp_path: Path):
    first = bundled_model_dir(tmp_path)
    stamp = (first / "model.bin").stat().st_mtime_ns
    second = bundled_model_dir(tmp_path)
    assert first == second and (first / COMPLETE_MARKER).is_file()
    assert (second / "model.bin").stat().st_mtime_ns == stamp
    assert {p.name for p in first.iterdir()} >= {"model.bin", "config.json", "tokenizer.json",
                                                  "vocabulary.json"}
    assert not [p for p in tmp_path.joinpath("models").iterdir() if p.name.startswith(".assembling")]


def test_two_processes_starting_at_once_assemble_one_model(tmp_path: Path):
    with get_context("spawn").Pool(2) as pool:
        dirs = pool.map(bundled_model_dir, [tmp_path, tmp_path])
    assert dirs[0] == dirs[1]
    with ThreadPoolExecutor(2) as threads:
        assert len(set(threads.map(bundled_model_dir, [tmp_path, tmp_path]))) == 1
