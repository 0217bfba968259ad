"""Eval smoke in `make test`: the rules extractor on the dev split must not regress.

Thresholds sit below the measured dev scores (README, Evals) with a margin for tuning noise; a
drop below them is a regression worth a failing build. The test split is for reporting only.
"""

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app

DEV = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "dev.jsonl"
THRESHOLDS = {"competitors.f1": 0.80, "next_steps.f1": 0.45, "next_steps.owner_accuracy": 0.70,
              "next_steps.due_accuracy": 0.70, "sentiment.accuracy": 0.40, "grounding_rate": 1.0}


def test_rules_extractor_meets_the_dev_thresholds(tmp_path: Path):
    args = ["eval", "--dataset", str(DEV), "--extractor", "rules", "--report", str(tmp_path)]
    for name, minimum in THRESHOLDS.items():
        args += ["--min", f"{name}={minimum}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.html").stat().st_size > 0
