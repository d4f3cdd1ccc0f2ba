"""The Python API: ``isnad.extract`` gives a page's rows as ``isnad run`` writes
them; ``isnad.load`` opens a run's tables in DuckDB, pandas and Arrow."""
import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

import isnad
from isnad.cli import EXIT_OK, main
from isnad.lexicon import Lexicon
from isnad.read import ReadError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SENTENCE = "وقال كوامي مينساه المتحدث باسم الحزب إن الانتخابات ستجرى في موعدها."


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def page_run(tmp_path_factory) -> Path:
    """The per-page tables of the example pages, as ``isnad run`` writes them."""
    out = tmp_path_factory.mktemp("pages")
    assert main(["run", str(EXAMPLES), "--out", str(out), "--no-corpus", "--format", "jsonl,duckdb"]) == EXIT_OK
    return out


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_extract_gives_the_rows_the_run_writes_for_the_page(page_run, path):
    found = isnad.extract(path.read_text(encoding="utf-8"), doc_id=path.name, source=str(path))
    for table in ("articles", "statements", "events"):
        written = [r for r in rows(page_run / f"{table}.jsonl") if r["doc_id"] == path.name]
        assert [r.to_dict() for r in getattr(found, table)] == written, table
    assert found.statements and found.articles


def test_records_read_as_attributes_and_spans_point_into_the_text():
    found = isnad.extract((EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_text(encoding="utf-8"))
    denial = next(s for s in found.statements if s.stance == "deny")
    assert denial.speaker.name == "Kremlin" and denial.speaker.kind == denial.to_dict()["speaker"]["kind"]
    start, end = denial.content_span
    assert found.text[start:end] == denial.content
    assert json.loads(json.dumps(found.to_dict(), ensure_ascii=False))["statements"][0]["id"] == found.statements[0].id
    with pytest.raises(AttributeError):
        denial.stance = "assert"
    with pytest.raises(AttributeError, match="no field"):
        denial.no_such_field


def test_extract_takes_the_record_fields_and_html():
    text = (EXAMPLES / "000_0ce1e2632adafb82.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    html = f"<html><head><title>RT</title></head><body><article>{body}</article></body></html>"
    found = isnad.extract(html, published=datetime.date(2024, 1, 26), outlet="RT Arabic",
                          url="https://arabic.rt.com/world/1", title="عنوان")
    (first, *_) = found.articles
    assert (first.published, first.published_source) == ("2024-01-26", "metadata")
    assert first.outlet_source == "metadata" and first.source == "https://arabic.rt.com/world/1"
    assert found.doc_id == "https://arabic.rt.com/world/1" and "<p>" not in found.text
    plain = isnad.extract(text)
    assert [s.content for s in found.statements] == [s.content for s in plain.statements]


def test_a_lexicon_of_ones_own_names_the_speaker(tmp_path):
    assert isnad.extract(SENTENCE).statements[0].speaker.name != "Kwame Mensah"
    packaged = (ROOT / "src" / "isnad" / "data" / "actors.tsv").read_text(encoding="utf-8")
    (tmp_path / "actors.tsv").write_text(packaged.rstrip("\n") + "\nkwame-mensah\tperson\tKwame Mensah\tGHA\t\tm\t"
                                         "كوامي مينساه\n", encoding="utf-8")
    (statement,) = isnad.extract(SENTENCE, lexicon=Lexicon.at(str(tmp_path))).statements
    assert (statement.speaker.name, statement.speaker.country) == ("Kwame Mensah", "GHA")


def test_a_page_without_article_has_a_warning_and_an_empty_text_is_an_error():
    found = isnad.extract("الرئيسية | سياسة | اقتصاد | رياضة | اتصل بنا\nجميع الحقوق محفوظة © 2023\n")
    assert not found.articles and [w.stage for w in found.warnings] == ["segment"]
    with pytest.raises(ReadError):
        isnad.extract("  \n")


def test_load_gives_the_tables_to_duckdb_pandas_and_arrow(page_run):
    run = isnad.load(page_run)
    statements = rows(page_run / "statements.jsonl")
    assert run.tables[:4] == ["documents", "articles", "statements", "events"]
    assert run.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 7  # left unfinished
    frame = run.df("statements")
    assert list(frame["id"]) == [s["id"] for s in statements]
    assert run.arrow("events").num_rows == len(rows(page_run / "events.jsonl"))
    assert run.manifest["counts"]["statements"] == len(statements)
    with pytest.raises(ValueError, match="no table"):
        run.df("statements; DROP TABLE articles")
    run.close()


@pytest.mark.parametrize("formats", ["jsonl", "parquet"])
def test_load_reads_a_run_written_without_its_database(tmp_path, page_run, formats):
    out = tmp_path / formats
    assert main(["run", str(EXAMPLES), "--out", str(out), "--no-corpus", "--format", formats]) == EXIT_OK
    with isnad.load(out) as run:
        assert run.con.execute("SELECT typeof(published) FROM articles LIMIT 1").fetchone()[0] == "DATE"
        assert list(run.df("statements")["id"]) == [s["id"] for s in rows(page_run / "statements.jsonl")]
        assert run.con.execute("SELECT count(*) FROM stories").fetchone()[0] == 0


def test_load_of_a_folder_without_a_run_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no isnad run"):
        isnad.load(tmp_path)


def test_importing_isnad_loads_nothing_heavy_and_the_version_answers():
    code = ("import sys, isnad, isnad.cli; heavy = {'duckdb', 'numpy', 'isnad.api', 'isnad.pipeline', 'trafilatura'}; "
            "print(sorted(heavy & set(sys.modules)))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"
    version = subprocess.run([sys.executable, "-m", "isnad", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip() == f"isnad {isnad.__version__}"
