"""How fast the web view answers: every list and search, on a run and on ten times it.

    python bench/web_bench.py RUN_DIR [--scale 10] [--repeat 5] [--json]

RUN_DIR is the output folder of ``isnad run`` (e.g. ``isnad run
../shared/corpus/bench --out /tmp/bench-run``).  Each page is requested
``--repeat`` times in this process through the ASGI app (server-side time:
routing, queries, rendering, no network) after a first request (timed
apart: a relevance sort counts its words' rows once); the median, the
slowest and the first are printed, with the time to open the run.

``--scale K`` (default 10) also builds a run K times as large from the same
rows, every id suffixed ``~1`` … ``~K-1`` (pages, statements, stories,
claims and every reference between them) and every statement's content
ending with its copy's number (so that the copies are distinct quotes, not
wire copies of one), so that the lists hold K times the rows while
speakers, outlets and dates stay those of the run, and measures it the same
way.  ``--scale 1`` measures RUN_DIR only.  The larger run is built
in a temporary folder (``--keep DIR`` keeps it there).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from starlette.testclient import TestClient

from isnad.store import DUCKDB_FILE, MANIFEST_FILE, TABLES, build_duckdb, dumps
from isnad.web import create_app

# fields holding ids, by table: each is suffixed in the copies
ID_FIELDS = {
    "documents": ("doc_id",),
    "articles": ("doc_id", "story_id", "copy_of"),
    "statements": ("id", "doc_id", "responds_to", "copy_of", "speaker_entity_id"),
    "events": ("id", "doc_id", "reported_by", "denied_by"),
    "stories": ("story_id", "articles"),
    "claims": ("claim_id", "asserted_by", "denied_by", "confirmed_by", "declined_by", "content_article",
               "articles", "status_history"),
    "duplicates": ("doc_id", "copy_of"),
    "entities": ("entity_id", "statements"),
    "errors": ("doc_id",),
}
NESTED_IDS = ("doc_id", "statement", "id")


def suffixed(value, suffix: str):
    """An id (or the ids inside a list or object) with ``suffix`` appended."""
    if isinstance(value, str):
        return value + suffix
    if isinstance(value, list):
        return [suffixed(v, suffix) for v in value]
    if isinstance(value, dict):
        return {k: suffixed(v, suffix) if k in NESTED_IDS else v for k, v in value.items()}
    return value


def scaled_run(run_dir: Path, out_dir: Path, times: int) -> Path:
    """A run of ``times`` copies of ``run_dir``'s rows with distinct ids (see the module docstring)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        source = run_dir / f"{table}.jsonl"
        with (out_dir / f"{table}.jsonl").open("w", encoding="utf-8") as out:
            for k in range(times):
                suffix = f"~{k}" if k else ""
                if not source.exists():
                    break
                with source.open(encoding="utf-8") as lines:
                    for line in lines:
                        row = json.loads(line)
                        for name in ID_FIELDS.get(table, ()):
                            if row.get(name) is not None and suffix:
                                row[name] = suffixed(row[name], suffix)
                        if table == "statements" and suffix and row.get("content"):
                            row["content"] += f" {k}"
                        out.write(dumps(row) + "\n")
    build_duckdb(out_dir, out_dir / DUCKDB_FILE)
    if (run_dir / MANIFEST_FILE).exists():
        (out_dir / MANIFEST_FILE).write_text((run_dir / MANIFEST_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    return out_dir


def pages(client: TestClient) -> dict[str, list[str]]:
    """The pages measured: every list and search (HTML and JSON, with facets,
    sorts, text queries and deep pages), and a story, claim and speaker page."""
    front = client.get("/api/front").json()
    outlet = (client.get("/api/articles?limit=1").json()["items"] or [{}])[0].get("outlet") or "none"
    story = (front["busiest_stories"]["items"] or [{"story_id": "none"}])[0]["story_id"]
    claim = (front["contested_claims"] or [{"claim_id": "none"}])[0]["claim_id"]
    speaker = (front["most_quoted"]["items"] or [{"speaker_key": "none"}])[0]["speaker_key"]
    q = {"q": "الأمم المتحدة"}
    lists = [
        "/", "/stories", "/claims", "/speakers", "/articles", "/search", "/run",
        "/search?" + urlencode(q), "/search?" + urlencode({**q, "sort": "relevance"}),
        "/search?" + urlencode({"q": '"وزير الخارجية"'}), "/search?" + urlencode({"q": "المحادثات السرية"}),
        "/search?" + urlencode({"stance": "deny", "sort": "oldest"}),
        "/search?" + urlencode({"outlet": outlet, "country": "SAU", "from": "2015-08-01", "to": "2015-08-04"}),
        "/search?" + urlencode({"status": "denied", "sort": "count"}),
        "/claims?" + urlencode({"status": "denied", "q": "وزير"}), "/claims?sort=relevance",
        "/stories?sort=count", "/stories?" + urlencode({"stance": "deny", "outlet": outlet}),
        "/speakers?sort=count", "/speakers?" + urlencode({"country": "USA", "stance": "deny"}),
        "/articles?" + urlencode({"outlet": outlet, "sort": "count"}), "/articles?" + urlencode({"q": "السعودية"}),
        "/api/front", "/api/search", "/api/search?" + urlencode({**q, "sort": "relevance"}),
        "/api/search?limit=1000", "/api/search?offset=5000", "/api/claims?limit=1000", "/api/stories?limit=1000",
        "/api/speakers?limit=1000", "/api/articles?limit=1000&offset=2000",
    ]
    details = [f"/story/{quote(story, safe='')}", f"/claim/{quote(claim, safe='')}",
               f"/speaker/{quote(speaker, safe='')}"]
    exports = ["/export/statements.csv", "/export/claims.jsonl", "/export/articles.csv"]
    return {"list": lists, "detail": details, "export": exports}


def measure(run_dir: Path, repeat: int) -> dict:
    started = time.perf_counter()
    app = create_app(run_dir)
    opened = time.perf_counter() - started
    out = {"run": str(run_dir), "open_seconds": round(opened, 2), "pages": []}
    with TestClient(app, base_url="http://127.0.0.1") as client:
        out["counts"] = client.get("/api/front").json()["overview"]["counts"]
        for kind, paths in pages(client).items():
            for path in paths:
                t = time.perf_counter()
                assert client.get(path).status_code == 200, path
                first = time.perf_counter() - t
                times = []
                for _ in range(repeat):
                    t = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - t)
                    assert response.status_code == 200, path
                out["pages"].append({"kind": kind, "path": path, "median_ms": round(statistics.median(times) * 1000, 1),
                                     "max_ms": round(max(times) * 1000, 1), "first_ms": round(first * 1000, 1),
                                     "bytes": len(response.content)})
    app.state.live.data.close()
    return out


def report(result: dict, limit_ms: float) -> None:
    c = result["counts"]
    print(f"\n{result['run']}: {c['articles']:,} articles, {c['statements']:,} statements, {c['claims']:,} claims, "
          f"{c['stories']:,} stories; opened in {result['open_seconds']} s")
    lists = [p for p in result["pages"] if p["kind"] == "list"]
    for p in result["pages"]:
        over = p["kind"] == "list" and max(p["median_ms"], p["first_ms"]) >= limit_ms
        print(f"  {p['kind']:6} {p['median_ms']:8.1f} ms median {p['max_ms']:8.1f} ms max {p['first_ms']:8.1f} ms first"
              f"  {p['path']}{f'  OVER {limit_ms:.0f} ms' if over else ''}")
    worst = max(lists, key=lambda p: p["median_ms"])
    first = max(lists, key=lambda p: p["first_ms"])
    print(f"  slowest list or search: {worst['median_ms']} ms median ({worst['path']}), {first['first_ms']} ms "
          f"on a first request ({first['path']}); median of the list medians "
          f"{statistics.median(p['median_ms'] for p in lists):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", type=Path, help="output folder of isnad run")
    parser.add_argument("--scale", type=int, default=10, help="also measure a run this many times as large")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page (the median is reported)")
    parser.add_argument("--keep", type=Path, help="build the larger run here and keep it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = [measure(args.run, args.repeat)]
    if args.scale > 1:
        with tempfile.TemporaryDirectory() as tmp:
            target = args.keep or Path(tmp) / f"x{args.scale}"
            if not (target / DUCKDB_FILE).exists():
                t = time.perf_counter()
                scaled_run(args.run, target, args.scale)
                print(f"built a run {args.scale} times as large in {time.perf_counter() - t:.0f} s: {target}",
                      file=sys.stderr)
            results.append(measure(target, args.repeat))
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return
    for result, limit in zip(results, (300, 1000)):
        report(result, limit)


if __name__ == "__main__":
    main()
