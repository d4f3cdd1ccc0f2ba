"""Command-line habits of ``isnad run``: -q and -v, the default number of
workers, progress bars with totals, statements on standard output with
``--out -``, a warning row for a page without article, and Ctrl-C in the
middle of the database build."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from isnad import store
from isnad.cli import EXIT_FAILURE, EXIT_OK, main
from isnad.options import DEFAULT_FORMATS, cpu_count

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MENU = "الرئيسية | سياسة | اقتصاد | رياضة | اتصل بنا\nجميع الحقوق محفوظة © 2023\n"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def isnad(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "isnad", *args], capture_output=True, timeout=300, **kwargs)


def test_quiet_prints_nothing_and_verbose_tells_each_stage_and_error_row(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text((EXAMPLES / "000_0ce1e2632adafb82.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "q"), "-q"]) == 1
    assert capsys.readouterr().err == ""
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "v"), "-v"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "isnad.pipeline: empty.txt: read error: empty page" in err
    assert any(line.startswith("isnad.pipeline: pages done: ") for line in err)
    assert err[-1].startswith("isnad: 2 pages, ") and err[-1].endswith(str(tmp_path / "v"))


def test_workers_default_to_the_cpus_this_process_may_use(tmp_path):
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--no-corpus", "-q"]) == EXIT_OK
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert json.loads((tmp_path / "run.json").read_text())["settings"]["workers"] == cpu_count() == expected


def test_progress_bars_of_every_stage_have_totals(tmp_path, capsys):
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--progress"]) == EXIT_OK
    shown = capsys.readouterr().err.replace("\r", "\n")
    total = sum(p.stat().st_size for p in EXAMPLES.glob("*.txt"))
    assert "5 pages: 100%" in shown and f"/{total / 1000:.1f}kB of input" in shown
    assert "corpus step: 100%" in shown
    steps = store.database_steps(DEFAULT_FORMATS)
    assert "database: 100%" in shown and f"{steps}/{steps} tables" in shown


def test_out_dash_streams_the_statements_of_each_page(tmp_path):
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path / "pages"), "--no-corpus", "-q"]) == EXIT_OK
    streamed = isnad("run", str(EXAMPLES), "--out", "-", cwd=tmp_path)
    assert streamed.returncode == EXIT_OK, streamed.stderr
    assert streamed.stdout == (tmp_path / "pages" / "statements.jsonl").read_bytes()
    assert streamed.stderr.decode().strip().endswith("-> standard output")
    assert not (tmp_path / "-").exists()
    refused = isnad("run", str(EXAMPLES), "--out", "-", "--format", "parquet", cwd=tmp_path)
    assert refused.returncode == EXIT_FAILURE and b"--format does not apply" in refused.stderr


def test_a_page_without_article_gets_a_warning_row(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "menu.txt").write_text(MENU, encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == EXIT_OK
    (warning,) = rows(tmp_path / "out" / "warnings.jsonl")
    assert warning["doc_id"] == "menu.txt" and warning["stage"] == "segment" and "no article" in warning["warning"]
    assert "1 warnings" in capsys.readouterr().err


def test_ctrl_c_in_the_database_build_stops_with_one_line_and_the_rerun_completes(tmp_path):
    """DuckDB turns the signal into its own "Query interrupted" error: still one
    line, nothing published, and the same command resumes to the output of an
    uninterrupted run.  The database build is made slow by a long query in it."""
    started = tmp_path / "loading"
    slow = (
        "import sys, pathlib\n"
        "from isnad import store\n"
        "real = store.TableBuild.load_page_tables\n"
        "def slow(self, staging):\n"
        f"    pathlib.Path({str(started)!r}).touch()\n"
        "    self.con.execute('SELECT count(*) FROM range(1000000000000)').fetchall()\n"
        "    real(self, staging)\n"
        "store.TableBuild.load_page_tables = slow\n"
        "from isnad.__main__ import main\n"
        "sys.exit(main())\n"
    )
    out, clean = tmp_path / "out", tmp_path / "clean"
    child = subprocess.Popen([sys.executable, "-c", slow, "run", str(EXAMPLES), "--out", str(out)],
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # inside the query
    os.killpg(child.pid, signal.SIGINT)  # as a terminal does: the whole group
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == EXIT_FAILURE and "Traceback" not in stderr, stderr
    assert stderr.strip() == "isnad: stopped by SIGINT; nothing published; the same command resumes it"
    assert not (out / "current").exists()
    resumed = isnad("run", str(EXAMPLES), "--out", str(out), text=True)
    assert resumed.returncode == EXIT_OK and "(5 from an interrupted run)" in resumed.stderr
    assert main(["run", str(EXAMPLES), "--out", str(clean), "-q"]) == EXIT_OK
    for name in store.TABLES:
        assert (out / f"{name}.jsonl").read_bytes() == (clean / f"{name}.jsonl").read_bytes(), name
