"""The Ray Data engine writes the same records as the local engine."""
import json
from pathlib import Path

import pytest

from isnad.cli import EXIT_PAGE_ERRORS, main

pytest.importorskip("ray", reason="the Ray engine is the optional extra isnad[ray]")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.slow
def test_ray_engine_gives_the_local_engines_records(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "pages.jsonl").write_text('{"id": "x", "text": "قال الرئيس إن الوضع جيد."}\n{oops\n', encoding="utf-8")
    (bad / "long.txt").write_text("قال الرئيس إن الوضع جيد. " * 3000, encoding="utf-8")  # over the limit below
    inputs = [str(EXAMPLES), str(bad), str(tmp_path / "missing")]
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    limit = ["--max-page-mb", "0.05"]  # the options must reach Ray's workers as they reach local ones
    assert main(["run", *inputs, "--out", str(local), "--workers", "2", *limit]) == EXIT_PAGE_ERRORS
    assert main(["run", *inputs, "--out", str(on_ray), "--engine", "ray", *limit]) == EXIT_PAGE_ERRORS
    assert "too large" in (on_ray / "errors.jsonl").read_text(encoding="utf-8")
    for name in ("documents", "articles", "statements", "events", "errors", "stories", "claims"):
        local_rows = (local / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ray_rows = (on_ray / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(local_rows) == len(ray_rows), name
        for a, b in zip(local_rows, ray_rows):
            assert json.loads(a) == json.loads(b), name
