"""Scale inputs and runs: WARC, Parquet, resuming a killed run."""
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import duckdb
import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from isnad.cli import EXIT_OK, EXIT_PAGE_ERRORS, main
from isnad.model import Page, PageError, Skipped
from isnad.read import read_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED_002 = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_text(encoding="utf-8")


def html_of(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (
        "<html><head><meta charset='utf-8'><title>الكرملين ينفي تقريرا</title></head><body>"
        "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/w'>العالم</a></li></ul></nav>"
        f"<article>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def warc_response(uri: str, content_type: str, body: bytes) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.response, record_urn=uuid.uuid4().urn[4:].encode())
    record.headers.append("WARC-Target-URI", uri)
    record.headers.append("Content-Type", "application/http; msgtype=response")
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    record.set_bytes_content(head.encode() + body)
    return record


@pytest.fixture
def warc_file(tmp_path):
    path = tmp_path / "crawl.warc"
    html = html_of(SEED_002)
    with path.open("wb") as f:
        warc_response("http://example.org/kremlin", "text/html; charset=utf-8", html.encode()).write(f)
        warc_response("http://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)).write(f)
        warc_response("http://example.org/old", "text/html; charset=windows-1256", html.encode("cp1256")).write(f)
    return path


def test_warc_html_responses_are_pages_and_other_records_are_skipped(warc_file):
    got = list(read_inputs([str(warc_file)]))
    assert [type(p) for p in got] == [Page, Skipped, Page]
    assert got[0].source == "http://example.org/kremlin"
    assert got[2].encoding == "windows-1256"
    assert "لا يتوافق مع الواقع" in got[0].text and got[0].text == got[2].text
    assert "جميع الحقوق محفوظة" not in got[0].text


def test_warc_pages_are_dated_by_their_text_before_their_crawl_time(tmp_path):
    path = tmp_path / "dated.warc"
    plain = "\n".join(line for line in SEED_002.splitlines() if "تاريخ النشر" not in line)
    with path.open("wb") as f:
        for uri, text in (("http://example.org/kremlin", SEED_002), ("http://example.org/plain", plain)):
            record = warc_response(uri, "text/html; charset=utf-8", html_of(text).encode())
            record.headers["WARC-Date"] = "2024-01-27T09:30:00Z"
            record.write(f)
    out = tmp_path / "out"
    assert main(["run", str(path), "--out", str(out), "--workers", "1", "--no-corpus"]) == EXIT_OK
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    first = {r["source"]: r for r in rows if r["article_index"] == 0}
    kremlin, plain_row = first["http://example.org/kremlin"], first["http://example.org/plain"]
    assert (kremlin["published"], kremlin["published_source"]) == ("2024-01-26", "text")
    assert (plain_row["published"], plain_row["published_source"]) == ("2024-01-27", "crawl")
    assert kremlin["outlet"] == plain_row["outlet"] == "example.org"


def test_a_broken_warc_record_is_an_error_row_after_the_good_ones(warc_file, tmp_path):
    data = warc_file.read_bytes()
    truncated = tmp_path / "cut.warc"
    truncated.write_bytes(data[:-40])
    got = list(read_inputs([str(truncated)]))
    assert isinstance(got[0], Page) and isinstance(got[1], Skipped)
    assert isinstance(got[2], PageError) and "truncated" in got[2].error
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(os.urandom(300))
    (error,) = read_inputs([str(garbage)])
    assert isinstance(error, PageError) and "WARC" in error.error


def test_parquet_inputs_and_outputs(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "\n".join(json.dumps({"id": f"p{i}", "url": f"http://example.org/{i}", "content": SEED_002}, ensure_ascii=False)
                  for i in range(3)) + "\n" + json.dumps({"id": "bad", "content": ""}) + "\n",
        encoding="utf-8",
    )
    parquet = tmp_path / "pages.parquet"
    duckdb.execute(f"COPY (SELECT * FROM read_json('{rows}')) TO '{parquet}' (FORMAT parquet)")
    out = tmp_path / "out"
    assert main(["run", str(parquet), "--out", str(out), "--format", "parquet,jsonl"]) == EXIT_PAGE_ERRORS
    assert not (out / "isnad.duckdb").exists()
    docs = duckdb.execute(f"SELECT doc_id FROM read_parquet('{out / 'documents.parquet'}') ORDER BY doc_id").fetchall()
    assert [d for (d,) in docs] == ["pages.parquet#p0", "pages.parquet#p1", "pages.parquet#p2"]
    errors = duckdb.execute(f"SELECT doc_id, error FROM read_parquet('{out / 'errors.parquet'}')").fetchall()
    assert errors == [("pages.parquet#bad", "record field 'content' is empty")]
    n_parquet = duckdb.execute(f"SELECT count(*) FROM read_parquet('{out / 'articles.parquet'}')").fetchone()[0]
    n_jsonl = len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines())
    assert n_parquet == n_jsonl >= 3


def test_parquet_records_of_media_cloud_with_timestamps_are_dated(tmp_path):
    body = "\n".join(line for line in SEED_002.splitlines() if "تاريخ النشر" not in line)
    parquet = tmp_path / "stories.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE s (stories_id BIGINT, publish_date TIMESTAMP, media_name VARCHAR, url VARCHAR, "
                "text VARCHAR)")
    con.execute("INSERT INTO s VALUES (7, TIMESTAMP '2024-01-26 08:15:00', 'Kuwait News', "
                "'https://example.org/a', ?)", [body])
    con.execute(f"COPY s TO '{parquet}' (FORMAT parquet)")
    con.close()
    [page] = read_inputs([str(parquet)])
    assert page.doc_id == "stories.parquet#7" and page.source == "https://example.org/a"
    out = tmp_path / "out"
    assert main(["run", str(parquet), "--out", str(out), "--workers", "1", "--no-corpus"]) == EXIT_OK
    [article] = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                 if json.loads(line)["article_index"] == 0]
    assert (article["published"], article["published_source"], article["outlet"]) == (
        "2024-01-26", "metadata", "Kuwait News")


def make_corpus(path: Path, pages: int) -> None:
    """Many distinct pages: the example pages with numbered variations."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as f:
        for i in range(pages):
            text = texts[i % len(texts)].replace("الخميس", f"الخميس {i}", 1)
            f.write(json.dumps({"id": f"page-{i:05d}", "content": text}, ensure_ascii=False) + "\n")


def test_a_killed_run_resumes_and_ends_with_the_uninterrupted_output(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, 2500)
    command = [sys.executable, "-m", "isnad", "run", str(corpus), "--workers", "2", "--checkpoint-seconds", "0.1"]
    whole = tmp_path / "whole"
    subprocess.run(command + ["--out", str(whole)], check=True, capture_output=True, timeout=600)

    resumed = tmp_path / "resumed"
    process = subprocess.Popen(command + ["--out", str(resumed)], stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        checkpoints = list(resumed.glob(".staging-*/checkpoints.jsonl"))
        if checkpoints and len(checkpoints[0].read_bytes().splitlines()) >= 3:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-write
    process.wait()
    assert not (resumed / "articles.jsonl").exists()

    again = subprocess.run(command + ["--out", str(resumed)], capture_output=True, timeout=600, text=True)
    assert again.returncode == EXIT_OK, again.stderr
    assert "from an interrupted run" in again.stderr
    for name in ("documents", "articles", "statements", "events", "errors", "stories", "claims"):
        assert (resumed / f"{name}.jsonl").read_bytes() == (whole / f"{name}.jsonl").read_bytes(), name
    assert not list(resumed.glob(".staging-*"))
