"""Bad input at scale: whatever the bytes, the run completes and no page is lost."""
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isnad.pipeline import run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = (EXAMPLES / "002_cbf1d5649d9a84fe.txt").read_text(encoding="utf-8")
SEED_BYTES = SEED.encode("utf-8")


def page_bytes():
    """Page files: random bytes, cut UTF-8, windows-1256, giant lines, deep HTML."""
    cut = st.integers(1, len(SEED_BYTES) - 1).map(lambda n: SEED_BYTES[:n])
    spliced = st.tuples(st.integers(0, len(SEED_BYTES)), st.binary(min_size=1, max_size=64)).map(
        lambda t: SEED_BYTES[: t[0]] + t[1] + SEED_BYTES[t[0]:]
    )
    cp1256 = st.just(SEED.encode("cp1256", errors="replace"))
    giant_line = st.integers(10_000, 300_000).map(lambda n: ("قال " + "كلمة " * n).encode("utf-8"))
    deep_html = st.integers(50, 3000).map(
        lambda depth: ("<html><body>" + "<div>" * depth + f"<p>{SEED}</p>" + "</div>" * depth + "</body></html>").encode()
    )
    arabic_text = st.text(alphabet=st.sampled_from("قال إن أن «» “” .،؟\n ابتثجحخدذرزسشصضطظعغفقكلمنهوي١٢٣"), max_size=2000).map(
        lambda s: s.encode("utf-8")
    )
    return st.one_of(st.binary(max_size=4096), cut, spliced, cp1256, giant_line, deep_html, arabic_text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pages=st.lists(st.tuples(st.sampled_from([".txt", ".html"]), page_bytes()), min_size=1, max_size=6))
def test_every_page_is_either_processed_or_an_error_row(tmp_path_factory, pages):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, (suffix, data) in enumerate(pages):
        (folder / f"page{i:02d}{suffix}").write_bytes(data)
    (folder / "zz_good.txt").write_bytes(SEED_BYTES)
    out = folder / "out"
    summary = run([str(folder)], out, workers=1)
    documents = [json.loads(l) for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    seen = [d["doc_id"] for d in documents] + [e["doc_id"] for e in errors]
    assert sorted(seen) == sorted([f"page{i:02d}{s}" for i, (s, _) in enumerate(pages)] + ["zz_good.txt"])
    assert "zz_good.txt" in {d["doc_id"] for d in documents}
    assert all(e["error"] for e in errors)
    assert summary.pages == len(pages) + 1


def test_a_jsonl_file_with_broken_lines_loses_no_good_line(tmp_path):
    lines = []
    for i in range(50):
        if i % 7 == 3:
            lines.append('{"id": "x' + str(i) + '", "text": "مقطوع')  # cut mid-record
        elif i % 11 == 5:
            lines.append(json.dumps({"id": f"x{i}", "text": "قال " * 50_000}, ensure_ascii=False))
        else:
            lines.append(json.dumps({"id": f"x{i}", "text": SEED}, ensure_ascii=False))
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    summary = run([str(path)], tmp_path / "out", workers=2)
    assert summary.pages == 50
    assert summary.errors == sum(1 for i in range(50) if i % 7 == 3)
