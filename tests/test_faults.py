"""Faults: no input stops a run, no failure mixes outputs, every id is unique and stable.

Each test builds the bad input or the failure it names and checks what the
README promises: the page becomes an error (or warning) row and the rest
completes; a run that cannot finish exits with status 2, one ``isnad:`` line
and no traceback, and leaves the previous output and a resumable state; ids
do not depend on the order or the company of pages.  Slow cases (large
pages, zip bombs, a full disk) are in ``bench/fault_bench.py``.
"""
import errno
import json
import os
import pickle
import shutil
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from isnad import pages, pipeline, read, store, workers
from isnad.cli import EXIT_FAILURE, EXIT_OK, EXIT_PAGE_ERRORS, main
from isnad.corpus.claims import ClaimGraph, IdfTable, StatementRef
from isnad.model import Page, PageError
from isnad.options import RunOptions
from isnad.workers import WorkerDied, WorkerPool

import numpy as np

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PAGE = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_text(encoding="utf-8")
SENTENCE = "قال المتحدث باسم الكرملين دميتري بيسكوف إن التقرير لا يتوافق مع الواقع."


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines() if line.strip()]


def isnad(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "isnad", *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def one_isnad_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1 and lines[0].startswith("isnad: "), stderr
    return lines[0]


# --- bad records and files ------------------------------------------------------------

def test_a_lone_surrogate_is_replaced_with_a_warning_row_and_the_run_completes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(
        '{"id": "s", "text": "' + SENTENCE + ' \\ud800 \\udfff"}\n' + json.dumps({"id": "ok", "text": SENTENCE}) + "\n",
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == EXIT_OK
    (warning,) = rows(out / "warnings.jsonl")
    assert warning["doc_id"] == "a.jsonl#s" and "2 lone surrogate" in warning["warning"]
    docs = {d["doc_id"]: d["text"] for d in rows(out / "documents.jsonl")}
    assert docs["a.jsonl#s"] == SENTENCE + " \ufffd \ufffd"
    assert len(rows(out / "statements.jsonl")) >= 2


def test_a_file_name_that_is_not_utf8_is_kept_escaped_and_losslessly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw_name = "خبر\\".encode("cp1256") + b".txt"  # a windows-1256 Arabic name, with a backslash
    with open(os.path.join(os.fsencode(folder), raw_name), "w", encoding="utf-8") as f:
        f.write(PAGE)
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--workers", "1"]) == EXIT_OK
    (doc,) = rows(out / "documents.jsonl")
    assert doc["doc_id"] == "\\xce\\xc8\\xd1\\\\.txt"
    escaped = doc["source"].rsplit("/", 1)[1]
    assert escaped.encode("ascii").decode("unicode_escape").encode("latin-1") == raw_name
    assert rows(out / "statements.jsonl")


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_json_nested_too_deeply_is_an_error_row(tmp_path, suffix):
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = json.dumps({"id": "good", "text": SENTENCE}, ensure_ascii=False)
    (tmp_path / "in").mkdir()
    body = f"{good}\n{deep}\n" if suffix == ".jsonl" else f"[{good}, {deep}]"
    (tmp_path / "in" / f"deep{suffix}").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == EXIT_PAGE_ERRORS
    (error,) = rows(out / "errors.jsonl")
    assert "nested too deeply" in error["error"]
    assert [d["doc_id"] for d in rows(out / "documents.jsonl")] == [f"deep{suffix}#good"]


def test_a_fifo_is_an_error_row_and_never_a_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "named.jsonl")
    result = isnad("run", str(folder), str(tmp_path / "named.jsonl"), "--out", str(tmp_path / "out"), timeout=60)
    assert result.returncode == EXIT_PAGE_ERRORS, result.stderr
    errors = {e["doc_id"]: e["error"] for e in rows(tmp_path / "out" / "errors.jsonl")}
    assert set(errors) == {"in/pipe.txt", "named.jsonl"}
    assert all("not a regular file (a FIFO)" in e for e in errors.values())


def test_an_unreadable_subfolder_is_an_error_row(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "locked" / "hidden.txt").write_text(PAGE, encoding="utf-8")
    os.chmod(folder / "locked", 0)
    if os.geteuid() == 0:  # root reads any folder: refuse as the kernel does for other users
        real = os.scandir

        def scandir(path):
            if not os.stat(path).st_mode & stat.S_IRUSR:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(read.os, "scandir", scandir)
    try:
        out = tmp_path / "out"
        assert main(["run", str(folder), "--out", str(out), "--workers", "1"]) == EXIT_PAGE_ERRORS
    finally:
        os.chmod(folder / "locked", 0o755)
    (error,) = rows(out / "errors.jsonl")
    assert error["doc_id"] == "locked" and "cannot list folder: Permission denied" in error["error"]
    assert [d["doc_id"] for d in rows(out / "documents.jsonl")] == ["page.txt"]


def test_whatever_a_page_step_raises_becomes_its_error_row(monkeypatch):
    items = [(str(i), p) for i, p in enumerate(read.read_inputs([str(EXAMPLES)]))]
    broken = items[1][1].doc_id

    def segment(page: Page, lexicon) -> None:
        if page.doc_id == broken:
            raise RecursionError("maximum recursion depth exceeded")
        pages.segment_step(page, lexicon)

    monkeypatch.setattr(pages, "PAGE_STEPS", (segment, *pages.PAGE_STEPS[1:]))
    results = pages.process_pages(items)
    (error,) = [r for r in results if r.error]
    row = json.loads(error.lines["errors"][0])
    assert row["doc_id"] == broken and row["stage"] == "segment" and "RecursionError" in row["error"]
    assert sum(1 for r in results if not r.error) == len(items) - 1


def test_a_row_that_cannot_be_written_is_its_pages_error_row(monkeypatch):
    items = [(str(i), p) for i, p in enumerate(read.read_inputs([str(EXAMPLES)]))]

    def events(page: Page, lexicon) -> None:
        pages.events_step(page, lexicon)
        if page.doc_id == items[0][1].doc_id:
            page.events.append({"id": "x", "doc_id": page.doc_id, "article_index": 0, "event_type": "CONSULT",
                                "trigger": "\udc80"})  # UTF-8 cannot hold it

    monkeypatch.setattr(pages, "PAGE_STEPS", (*pages.PAGE_STEPS[:2], events))
    results = pages.process_pages(items)
    assert [r.error for r in results] == [True] + [False] * (len(items) - 1)
    row = json.loads(results[0].lines["errors"][0])
    assert row["stage"] == "write" and "UnicodeEncodeError" in row["error"]


# --- size limits on the bytes read ----------------------------------------------------

def test_limits_apply_to_the_bytes_read_in_every_container(tmp_path):
    limit = 64 * 1024
    big = "x" * (2 * limit)
    good = json.dumps({"id": "good", "text": SENTENCE}, ensure_ascii=False)
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "a.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.txt", big)
        z.writestr("lines.jsonl", f'{{"text": "{big}"}}\n{good}\n')
        z.writestr("array.json", f'[{good}, {{"text": "{big}"}}]')
    (folder / "b.jsonl").write_text(f"{good}\n{big}\n{good.replace('good', 'after')}\n", encoding="utf-8")
    (folder / "c.txt").write_text(big, encoding="utf-8")
    got = list(read.read_inputs([str(folder)], RunOptions(max_page_bytes=limit)))
    errors = {p.doc_id: p.error for p in got if isinstance(p, PageError)}
    assert [p.doc_id for p in got if isinstance(p, Page)] == [
        "a.zip!array.json#good", "a.zip!lines.jsonl#good", "b.jsonl#good", "b.jsonl#after"]
    assert set(errors) == {"a.zip!array.json", "a.zip!big.txt", "a.zip!lines.jsonl#1", "b.jsonl#2", "c.txt"}
    assert all("too large" in e or "larger than" in e for e in errors.values()), errors


def test_standard_input_is_read_up_to_the_limit(tmp_path):
    result = isnad("run", "-", "--out", str(tmp_path / "out"), "--max-page-mb", "0.01", input="x" * 20_000)
    assert result.returncode == EXIT_PAGE_ERRORS, result.stderr
    (error,) = rows(tmp_path / "out" / "errors.jsonl")
    assert error["doc_id"] == "stdin" and "too large" in error["error"]


def test_the_size_limit_reaches_the_workers_without_a_module_setting(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE * 40, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--max-page-mb", "0.05"]) == EXIT_PAGE_ERRORS
    assert not hasattr(read, "MAX_PAGE_BYTES")
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--max-page-mb", "1"]) == EXIT_OK


def test_the_engines_share_the_page_steps_without_an_import_circle():
    code = "import sys, isnad.ray_engine; assert 'isnad.pipeline' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


# --- exit status and resumable state ---------------------------------------------------

def test_a_failing_database_exits_2_with_one_line_and_the_rerun_resumes(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"

    def failing(self, staging):
        raise duckdb.IOException("IO Error: No space left on device")

    monkeypatch.setattr(store.TableBuild, "load_page_tables", failing)
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_FAILURE
    line = one_isnad_line(capsys.readouterr().err)
    assert "database could not be written" in line and "resumes" in line
    assert not (out / "current").exists()
    monkeypatch.undo()
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_OK
    assert "5 from an interrupted run" in capsys.readouterr().err


def test_a_failing_corpus_child_exits_2_with_its_reason(tmp_path, monkeypatch, capsys):
    def failing(writer, advance):
        raise MemoryError("no memory left for the corpus step")

    monkeypatch.setattr(pipeline, "link_corpus", failing)
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--workers", "1"]) == EXIT_FAILURE
    line = one_isnad_line(capsys.readouterr().err)
    assert "corpus step failed: MemoryError: no memory left" in line


def test_a_full_disk_exits_2_with_one_line(tmp_path, monkeypatch, capsys):
    def full(self, key, lines):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store.RunWriter, "write_page", full)
    assert main(["run", str(EXAMPLES), "--out", str(tmp_path), "--workers", "2"]) == EXIT_FAILURE
    assert "No space left on device" in one_isnad_line(capsys.readouterr().err)


def many_pages(folder: Path, n: int) -> Path:
    folder.mkdir()
    sources = sorted(EXAMPLES.glob("*.txt"))
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(f"{i}\n" + sources[i % len(sources)].read_text(encoding="utf-8"),
                                             encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("signum, workers", [(signal.SIGINT, []), (signal.SIGTERM, []),
                                             (signal.SIGINT, ["--workers", "1"])])
def test_a_signal_exits_2_with_one_line_and_the_rerun_gives_the_uninterrupted_output(tmp_path, signum, workers):
    folder = many_pages(tmp_path / "in", 600)  # enough pages that the run is still going when it is signalled
    out, clean = tmp_path / "out", tmp_path / "clean"
    command = [sys.executable, "-m", "isnad", "run", str(folder), "--out", str(out), "--checkpoint-seconds", "0",
               *workers]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size for p in out.glob(f".staging-*/{store.CHECKPOINT_FILE}")) \
            and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.01)
    assert child.poll() is None, "the run ended before its first checkpoint was seen: nothing to interrupt"
    os.killpg(child.pid, signum)  # as a terminal or a service manager does: the whole group
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == EXIT_FAILURE, stderr
    line = one_isnad_line(stderr)
    assert signal.Signals(signum).name in line and "resumes" in line
    resumed = isnad("run", str(folder), "--out", str(out), "--checkpoint-seconds", "0")
    assert resumed.returncode == EXIT_OK and "from an interrupted run" in resumed.stderr
    assert isnad("run", str(folder), "--out", str(clean)).returncode == EXIT_OK
    for name in ("documents", "articles", "statements", "events", "claims", "stories"):
        assert (out / f"{name}.jsonl").read_bytes() == (clean / f"{name}.jsonl").read_bytes(), name


class SignalAtWrite:
    """A checkpoint file whose first write a signal's handler interrupts, as it may: before the
    bytes go out, or right after."""

    def __init__(self, f, after: bool):
        self.f, self.after, self.raised = f, after, False

    def write(self, data):
        if self.raised or self.after:
            self.f.write(data)
        if not self.raised:
            self.raised = True
            raise KeyboardInterrupt

    def __getattr__(self, name):
        return getattr(self.f, name)


@pytest.mark.parametrize("after", [False, True])
def test_a_signal_inside_a_checkpoint_loses_no_page_and_repeats_none(tmp_path, after):
    writer = store.RunWriter(tmp_path, "k", checkpoint_every=3600)
    writer.write_page("a.txt", {"documents": [b'{"doc_id": "a"}']})
    writer.checkpoint()
    writer.write_page("b.txt", {"documents": [b'{"doc_id": "b"}']})
    writer._checkpoints = SignalAtWrite(writer._checkpoints, after)
    with pytest.raises(KeyboardInterrupt):
        writer.checkpoint()
    writer.close()  # as a stopped run does: the last checkpoint, then the files closed
    resumed = store.RunWriter(tmp_path, "k")
    assert resumed.done == {"a.txt": 1, "b.txt": 1}  # each written page recorded once: none read again
    resumed.close()
    assert (resumed.staging / "documents.jsonl").read_bytes().splitlines() == [b'{"doc_id": "a"}', b'{"doc_id": "b"}']


def killed_worker(batch, options):
    """A worker that the system kills (as the out-of-memory killer does) on
    one page, once the run has a checkpoint to resume from."""
    if any(page.doc_id == "0040.txt" for _, page in batch):
        deadline = time.monotonic() + 60
        out = Path(os.environ["ISNAD_TEST_OUT"])
        while not any(p.stat().st_size for p in out.glob(f".staging-*/{store.CHECKPOINT_FILE}")) \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGKILL)
    return pages.process_pages(batch, options)


def test_a_killed_worker_exits_2_with_one_line_and_the_rerun_gives_the_uninterrupted_output(tmp_path, monkeypatch,
                                                                                             capsys):
    folder = many_pages(tmp_path / "in", 80)
    out, clean = tmp_path / "out", tmp_path / "clean"
    monkeypatch.setattr(pipeline, "process_pages", killed_worker)
    monkeypatch.setenv("ISNAD_TEST_OUT", str(out))
    command = ["run", str(folder), "--out", str(out), "--workers", "2", "--checkpoint-seconds", "0"]
    assert main(command) == EXIT_FAILURE
    assert "worker process died" in one_isnad_line(capsys.readouterr().err)
    assert not (out / "documents.jsonl").exists()
    monkeypatch.undo()
    assert main(command) == EXIT_OK, capsys.readouterr().err
    assert "from an interrupted run" in capsys.readouterr().err
    assert main(["run", str(folder), "--out", str(clean), "--workers", "2"]) == EXIT_OK
    for name in ("documents", "statements"):
        assert (out / f"{name}.jsonl").read_bytes() == (clean / f"{name}.jsonl").read_bytes(), name


# --- the worker pool ----------------------------------------------------------------------

def tens(batch):
    """Each number times ten; the first batch is the slowest, so the batches end out of order."""
    time.sleep(0.5 if 0 in batch else 0)
    return [n * 10 for n in batch]


def test_the_pool_gives_results_in_input_order_whatever_order_the_batches_end_in():
    with WorkerPool(3, tens) as pool:
        assert list(pool.map_in_order([[0, 1], [2, 3], [4, 5], [6, 7], [8]], ahead=4)) == list(range(0, 90, 10))


def fails_on_three(batch):
    if 3 in batch:
        raise ValueError("cannot take 3")
    return batch


def test_what_the_work_raises_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="cannot take 3"), WorkerPool(2, fails_on_three) as pool:
        list(pool.map_in_order([[1], [2], [3], [4]], ahead=4))


def dies_half_way(results, outcome):
    """A worker killed while its results are half written (as a signal to the
    whole process group may do): the length of a long message, a few of its bytes."""
    os.write(results.fileno(), struct.pack("!i", 1 << 20) + pickle.PROTO + bytes([pickle.HIGHEST_PROTOCOL]))
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.skipif(not workers.fork_is_safe(), reason="the replaced sending reaches the workers only by forking")
def test_a_worker_that_dies_half_way_through_its_results_is_seen_at_once_not_waited_on(monkeypatch):
    monkeypatch.setattr(workers, "send_outcome", dies_half_way)
    raised = []

    def consume():
        try:
            with WorkerPool(2, tens) as pool:
                list(pool.map_in_order([[1], [2], [3]], ahead=4))
        except WorkerDied as e:
            raised.append(e)

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    consumer.join(60)
    assert not consumer.is_alive(), "the pool waits for the rest of a message whose sender is dead"
    assert raised


# --- publishing --------------------------------------------------------------------------

def test_publishing_switches_one_link_and_removes_formats_not_written(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(EXAMPLES), "--out", str(out), "--format", "parquet,jsonl,duckdb"]) == EXIT_OK
    first = store.published_dir(out)
    assert (out / "articles.parquet").exists() and os.readlink(out / "articles.jsonl") == "current/articles.jsonl"
    assert main(["run", str(EXAMPLES), "--out", str(out), "--format", "jsonl"]) == EXIT_OK
    second = store.published_dir(out)
    assert second != first and not first.exists()
    assert not (out / "articles.parquet").exists() and not (out / "isnad.duckdb").exists()
    assert sorted(p.name for p in second.iterdir()) == sorted([*(f"{t}.jsonl" for t in store.TABLES), store.MANIFEST_FILE])
    assert json.loads((out / store.MANIFEST_FILE).read_text(encoding="utf-8"))["settings"]["formats"] == ["jsonl"]
    assert (out / "statements.jsonl").read_bytes() == (second / "statements.jsonl").read_bytes()


def test_a_publish_killed_before_the_switch_leaves_the_old_output_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1"]) == EXIT_OK
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    real = store._replace_with_link

    def killed(path, target):
        if path.name == store.CURRENT:
            raise KeyboardInterrupt  # the kill lands between the version folder and the switch
        real(path, target)

    monkeypatch.setattr(store, "_replace_with_link", killed)
    (tmp_path / "one").mkdir()
    shutil.copy(EXAMPLES / "002_cbf1d5649d9a84fe.txt", tmp_path / "one")
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(tmp_path / "one")], out, workers=1)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    monkeypatch.undo()
    assert main(["run", str(tmp_path / "one"), "--out", str(out), "--workers", "1"]) == EXIT_OK
    assert len(rows(out / "documents.jsonl")) == 1 and len(list((out / store.VERSIONS).iterdir())) == 1


def test_serve_and_export_read_the_published_version(tmp_path):
    from isnad.web.data import RunData

    out = tmp_path / "out"
    assert main(["run", str(EXAMPLES), "--out", str(out), "--workers", "1", "--published", "2024-01-26"]) == EXIT_OK
    data = RunData(out)
    try:
        assert data.overview()
    finally:
        data.close()
    assert main(["export", str(out), "-o", str(tmp_path / "plover.jsonl")]) == EXIT_OK
    assert len(rows(tmp_path / "plover.jsonl")) == len(rows(out / "events.jsonl")) > 0


def test_one_lock_per_output_folder_whatever_the_arguments(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); "
        "print('locked', flush=True); time.sleep(60)"), str(out / store.LOCK_FILE)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["run", str(EXAMPLES), "--out", str(out), "--format", "jsonl", "--no-corpus"]) == EXIT_FAILURE
        assert "another run is writing" in one_isnad_line(capsys.readouterr().err)
    finally:
        holder.kill()
        holder.wait()
    assert main(["run", str(EXAMPLES), "--out", str(out), "--format", "jsonl", "--no-corpus"]) == EXIT_OK


def test_the_corpus_child_ends_when_the_main_process_dies(tmp_path):
    pid_file = tmp_path / "child.pid"
    code = (
        "import os, sys, time\n"
        "from isnad.pipeline import InChildProcess\n"
        "def task(ready):\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(120)\n"
        "step = InChildProcess(task)\n"
        "step.start()\n"
        "step.wait()\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(pid_file.read_text())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


# --- ids ------------------------------------------------------------------------------------

def test_pages_of_the_same_name_in_two_folders_have_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copy(EXAMPLES / "002_cbf1d5649d9a84fe.txt", tmp_path / "in" / folder / "page.txt")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == EXIT_OK
    assert [d["doc_id"] for d in rows(out / "documents.jsonl")] == ["a/page.txt", "b/page.txt"]
    ids = [s["id"] for s in rows(out / "statements.jsonl")]
    assert len(ids) == len(set(ids)) > 0
    events = [e["id"] for e in rows(out / "events.jsonl")]
    assert len(events) == len(set(events))


def test_the_same_archive_under_two_names_gives_unique_ids(tmp_path):
    records = [{"url": f"http://example.org/{p.stem}", "content": p.read_text(encoding="utf-8")}
               for p in sorted(EXAMPLES.glob("*.txt"))]
    (tmp_path / "in").mkdir()
    for name in ("day.zip", "copy.zip"):
        with zipfile.ZipFile(tmp_path / "in" / name, "w") as z:
            z.writestr("2015-08-01.json", json.dumps(records, ensure_ascii=False))
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == EXIT_OK
    for table, key in (("documents", "doc_id"), ("statements", "id"), ("events", "id"), ("claims", "claim_id")):
        ids = [r[key] for r in rows(out / f"{table}.jsonl")]
        assert len(ids) == len(set(ids)), table


def test_adding_a_record_at_the_start_changes_no_other_id(tmp_path):
    records = [{"url": f"http://example.org/{p.stem}", "content": p.read_text(encoding="utf-8")}
               for p in sorted(EXAMPLES.glob("*.txt"))]

    def ids(records: list[dict], name: str) -> dict:
        (tmp_path / name).mkdir()
        (tmp_path / name / "day.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        out = tmp_path / f"{name}-out"
        assert main(["run", str(tmp_path / name), "--out", str(out), "--workers", "1"]) == EXIT_OK
        return {(s["doc_id"], s["content_span"][0]): s["id"] for s in rows(out / "statements.jsonl")}

    before = ids(records[1:], "before")
    after = ids(records, "after")
    assert before and all(after[key] == sid for key, sid in before.items())


def test_a_statement_that_seeds_two_claims_gives_them_distinct_ids():
    def ref(sid: str, stance: str, terms: list[int], responds_to: str | None = None, **fields) -> StatementRef:
        return StatementRef(id=sid, article=("d", 0), stance=stance, speaker={"kind": "person", "name": sid},
                            date=None, responds_to=responds_to, terms=np.array(terms, np.uint32), **fields)

    # d1 denies a claim it names; d2 denies d1's own words: two claims seeded by d1
    d1 = ref("d:0:s0", "deny", [1, 2, 3], content="نفى التقرير", content_span=[0, 10],
             claim_text="التقرير", claim_terms=np.array([7, 8, 9], np.uint32))
    d2 = ref("d:0:s1", "deny", [4, 5, 6], responds_to="d:0:s0")
    graph = ClaimGraph()
    graph.add_article([d1, d2])
    claims = graph.resolve(IdfTable(np.zeros(0, np.uint32), np.zeros(0), 1))
    assert len(claims) == 2
    assert len({c.claim_id for c in claims}) == 2
