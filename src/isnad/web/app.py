"""The web view: Starlette routes, one HTML page and one JSON endpoint each.

``/X`` renders the page, ``/api/X`` returns the same data as JSON and
``/export/LIST.csv`` / ``.jsonl`` streams every row of a list (see
docs/web.md).  Every list takes the same facets (``data.Filters``), read from
the URL.  Templates are Jinja2 with autoescape; every query goes through
``RunData`` (parameterised SQL, read-only attachment), reopened by
``LiveRun`` when a new run replaces the database.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .data import (LISTS, SORTS, STANCES, Filters, LiveRun, RunData, attribution_chain,
                   clamp_limit, clamp_offset, spans_of)
from .render import (Mark, TimelineItem, chart_rows, chart_svg, highlight, mark_hits, series_colours,
                     stance_colour, timeline_svg, url_part)

LOG = logging.getLogger(__name__)
HERE = Path(__file__).parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
HTML_MAX_LIMIT = 200  # rows on one HTML page; the API goes to data.MAX_LIMIT
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
     b"base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
SORT_LABELS = {"newest": "newest first", "oldest": "oldest first", "relevance": "most relevant",
               "count": "most statements"}


class SecurityHeaders:
    """Adds CSP (no scripts at all), nosniff and friends to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["u"] = url_part
    env.filters["colour"] = stance_colour
    env.filters["hits"] = lambda text, query: mark_hits(text, query.hits(text)) if query else (text or "")
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.globals["stances"] = STANCES
    env.globals["sort_labels"] = SORT_LABELS
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


# --- helpers shared by the views ------------------------------------------------

def _filters(request: Request) -> Filters:
    return Filters.from_params(request.query_params)


def _bounds(request: Request, most: int | None = None) -> tuple[int, int]:
    p = request.query_params
    limit = clamp_limit(p.get("limit")) if most is None else clamp_limit(p.get("limit"), most=most)
    return limit, clamp_offset(p.get("offset"))


def _paging(request: Request, result: dict, path: str | None = None) -> dict:
    """Previous/next links that keep the other query parameters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
    path = path or ""
    links = {}
    if result["offset"] > 0:
        links["prev"] = path + "?" + urlencode([*params, ("offset", max(0, result["offset"] - result["limit"]))])
    if result["offset"] + result["limit"] < result["total"]:
        links["next"] = path + "?" + urlencode([*params, ("offset", result["offset"] + result["limit"])])
    return links


def _found(value: dict | None, what: str) -> dict:
    """``value``, or a 404 when the run has no such ``what``."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def _list_view(kind: str) -> Callable:
    def view(data: RunData, request: Request) -> dict:
        f = _filters(request)
        limit, offset = _bounds(request, HTML_MAX_LIMIT if not request.url.path.startswith("/api") else None)
        result = data.page(kind, f, limit, offset)
        result["filters"] = f.as_dict()
        if request.url.path.startswith("/api"):
            result["next"] = _paging(request, result, request.url.path).get("next")
        return result
    return view


def view_front(data: RunData, request: Request) -> dict:
    return data.front(_filters(request))


def view_stories(data: RunData, request: Request) -> dict:
    result = _list_view("stories")(data, request)
    result["overview"] = data.overview()
    return result


def view_story(data: RunData, request: Request) -> dict:
    return _found(data.story(request.path_params["story_id"]), "story")


def view_claim(data: RunData, request: Request) -> dict:
    return _found(data.claim(request.path_params["claim_id"]), "claim")


def view_speaker(data: RunData, request: Request) -> dict:
    api = request.url.path.startswith("/api")
    limit, offset = _bounds(request, None if api else HTML_MAX_LIMIT)
    speaker = _found(data.speaker(request.path_params["key"], _filters(request), limit, offset), "speaker")
    if api:
        speaker["statements"]["next"] = _paging(request, speaker["statements"], request.url.path).get("next")
    return speaker


def view_article(data: RunData, request: Request) -> dict:
    return _found(data.article(request.path_params["doc_id"], request.path_params["index"]), "article")


def view_statement(data: RunData, request: Request) -> dict:
    return _found(data.statement(request.path_params["statement_id"]), "statement")


def view_run(data: RunData, request: Request) -> dict:
    info = data.run_info()
    info["errors"] = _list_view("errors")(data, request)
    return info


# --- extra context for the HTML pages -----------------------------------------------

def _chart_link(base: dict[str, str], by: str) -> Callable:
    """Where a chart segment leads: the statements of its period and series."""
    def link(start: date | None, end: date | None, key: str) -> str | None:
        if start is None:
            return None
        params = [*base.items(), ("from", start.isoformat()), ("to", end.isoformat())]
        if by in ("stance", "outlet"):
            params.append((by, key))
        return "/search?" + urlencode(params)
    return link


def _charts(charts: dict, base: dict[str, str], prefix: str) -> list[dict]:
    """Each chart as SVG, legend and table rows."""
    captions = {"statements_by_stance": "Statements over time, by stance",
                "statements_by_outlet": "Statements over time, by outlet",
                "events_by_type": "Events over time, by PLOVER type"}
    out = []
    for name, chart in charts.items():
        by = name.rsplit("_by_", 1)[1]
        colours = series_colours(chart["series"], stances=by == "stance")
        link = _chart_link(base, by) if name.startswith("statements") else None
        caption = captions.get(name, name) + " (earliest at the right)"
        out.append({
            "id": f"{prefix}-{name}", "caption": caption, "unit": chart["unit"], "total": chart["total"],
            "svg": chart_svg(chart, caption, colours, link, chart_id=f"{prefix}-{name}"),
            "legend": [(k, colours[k]) for k in chart["series"]], "rows": chart_rows(chart),
            "series": chart["series"], "dated": bool(chart["periods"]),
        })
    return out


def _filter_base(f: Filters) -> dict[str, str]:
    """The filters as single URL parameters a chart link keeps (dates aside)."""
    return {k: v for k, v in f.params(date_from=None, date_to=None, sort="newest")}


def html_front(front: dict, request: Request) -> dict:
    return {"charts": _charts(front["charts"], _filter_base(_filters(request)), "front")}


def html_story(story: dict, request: Request) -> dict:
    items = [
        TimelineItem(
            date=s["eff_date"], kind="statement", stance=s["stance"],
            who=s["speaker_name"] or s["speaker_name_ar"] or "?", what=s["stance"] or "?",
            text=s["content"] or "", href=f"/statement/{url_part(s['id'])}",
            title=f"{s['eff_date'] or 'undated'} · {s['speaker_name'] or s['speaker_name_ar'] or ''} · "
                  f"{s['stance'] or ''}: {s['content'] or ''}",
        )
        for s in story["statements"]
    ] + [
        TimelineItem(
            date=e["eff_date"], kind="event", stance=None,
            who=f"{e['event_type'] or 'event'}: {e['actor'] or '?'}", what=e["mode"] or "",
            text=" → ".join(x for x in (e["actor"], e["recipient"]) if x),
            href=f"/article/{url_part(e['doc_id'])}/{e['article_index']}#ev-{url_part(e['id'])}",
            title=f"{e['eff_date'] or 'undated'} · {e['event_type'] or ''} ({e['mode'] or ''})",
        )
        for e in story["events"]
    ]
    return {"timeline": timeline_svg(items),
            "charts": _charts(story["charts"], {"story": story["story_id"]}, "story")}


def html_claim(claim: dict, request: Request) -> dict:
    return {"charts": _charts(claim["charts"], {"claim": claim["claim_id"]}, "claim")}


def html_speaker(speaker: dict, request: Request) -> dict:
    f = _filters(request)
    return {"paging_statements": _paging(request, speaker["statements"]),
            "charts": _charts(speaker["charts"], {**_filter_base(f), "speaker": speaker["speaker_key"]}, "speaker")}


def html_article(article: dict, request: Request) -> dict:
    text = article["page_text"]
    record = article["record"]
    if text is None:
        return {"text_html": None}
    segments = [tuple(s) for s in record.get("segments") or [] if isinstance(s, list) and len(s) == 2]
    span = record.get("span")
    if isinstance(span, list) and len(span) == 2:
        start, end = span
    elif segments:
        start, end = min(s for s, _ in segments), max(e for _, e in segments)
    else:
        start, end = 0, len(text)
    marks, kept = [], list(segments) or [(start, end)]
    for name, (s, e) in spans_of(record):
        marks.append(Mark(s, e, "meta", "#meta", name))
        kept.append((s, e))
    by_id = {st["id"]: st for st in article["statements"]}
    for rec in article["statement_records"]:
        sid = str(rec.get("id"))
        st = by_id.get(sid, {})
        who = st.get("speaker_name") or st.get("speaker_name_ar") or "?"
        stance = st.get("stance") or "?"
        href = f"#rec-{url_part(sid)}"
        cs = rec.get("content_span")
        if isinstance(cs, list) and len(cs) == 2:
            marks.append(Mark(cs[0], cs[1], f"st st-{stance}", href, f"{who} — {stance}", f"span-{url_part(sid)}"))
        for name, (s, e) in spans_of(rec):
            marks.append(Mark(s, e, f"sp-{name}", href, f"{name}: {who}"))
    for rec in article["event_records"]:
        span = rec.get("span")
        href, title = f"#ev-{url_part(rec.get('id'))}", f"event: {rec.get('event_type')}"
        if isinstance(span, list) and len(span) == 2:
            marks.append(Mark(span[0], span[1], "ev", href, title))
        for name, (s, e) in spans_of(rec):
            marks.append(Mark(s, e, f"ev ev-{name}", href, f"{title} ({name})"))
    return {"text_html": highlight(text, start, end, marks, kept)}


def html_run(info: dict, request: Request) -> dict:
    return {"paging_errors": _paging(request, info["errors"])}


# (path, template, view, extra HTML context, list it exports)
PAGES: list[tuple[str, str, Callable, Callable | None, str | None]] = [
    ("/", "front.html", view_front, html_front, None),
    ("/stories", "stories.html", view_stories, None, "stories"),
    ("/story/{story_id:path}", "story.html", view_story, html_story, None),
    ("/claims", "claims.html", _list_view("claims"), None, "claims"),
    ("/claim/{claim_id:path}", "claim.html", view_claim, html_claim, None),
    ("/speakers", "speakers.html", _list_view("speakers"), None, "speakers"),
    ("/speaker/{key:path}", "speaker.html", view_speaker, html_speaker, "statements"),
    ("/articles", "articles.html", _list_view("articles"), None, "articles"),
    ("/article/{doc_id:path}/{index:int}", "article.html", view_article, html_article, None),
    ("/statement/{statement_id:path}", "statement.html", view_statement, None, None),
    ("/search", "search.html", _list_view("statements"), None, "statements"),
    ("/run", "run.html", view_run, html_run, "errors"),
]


def _api_path(path: str) -> str:
    return "/api/front" if path == "/" else "/api" + path


# --- exports ------------------------------------------------------------------------

def _csv_cell(value) -> str | int | float:
    """A value as one CSV cell: lists joined by "; ", objects as JSON; text
    that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) or v is None for v in value):
        value = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """CSV text, a few hundred rows at a time: a header, then every row."""
    buffer = io.StringIO()
    writer = None
    for n, row in enumerate(rows):
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore", lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        if n % 500 == 499:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterator[dict]) -> Iterator[str]:
    batch = []
    for row in rows:
        batch.append(json.dumps(row, ensure_ascii=False) + "\n")
        if len(batch) == 500:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


# --- the app ------------------------------------------------------------------------

def create_app(out_dir: Path, allowed_hosts: list[str] | None = None) -> Starlette:
    """The web view of the run in ``out_dir`` (its ``isnad.duckdb``); a new
    run written there is picked up without a restart."""
    live = LiveRun(Path(out_dir))
    env = _environment()

    def context(request: Request, data: RunData, page: dict, export: str | None) -> dict:
        f = _filters(request)
        query_string = urlencode(f.params())
        return {
            "data": page, "request": request, "run": data, "filters": f, "query": f.text,
            "paging": _paging(request, page) if "items" in page else {},
            "export": export, "export_query": urlencode(_export_params(request, export)),
            "query_string": query_string, "chain": attribution_chain, "sorts": SORTS,
            "without": lambda name, value=None: _without(f, name, value),
            "with_sort": lambda sort: "?" + urlencode(f.params(sort=sort)),
            "api_url": _api_path(request.url.path) + ("?" + request.url.query if request.url.query else ""),
        }

    def html_endpoint(template: str, view: Callable, extra: Callable | None, export: str | None):
        def endpoint(request: Request) -> Response:
            started = time.perf_counter()
            data = live.current()
            page = view(data, request)
            ctx = context(request, data, page, export)
            if extra:
                ctx.update(extra(page, request))
            body = env.get_template(template).render(ctx)
            response = HTMLResponse(body)
            response.headers["server-timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
            return response
        return endpoint

    def api_endpoint(view: Callable):
        def endpoint(request: Request) -> Response:
            return JSONResponse(view(live.current(), request))
        return endpoint

    def export_endpoint(request: Request) -> Response:
        kind, fmt = request.path_params["kind"], request.path_params["format"]
        if kind not in LISTS or fmt not in EXPORT_FORMATS:
            raise HTTPException(404, f"no export {kind}.{fmt}: lists are {', '.join(LISTS)}; formats csv, jsonl")
        rows = live.current().stream(kind, _filters(request))
        lines = csv_lines(rows) if fmt == "csv" else jsonl_lines(rows)
        return StreamingResponse(lines, media_type=EXPORT_FORMATS[fmt], headers={
            "content-disposition": f'attachment; filename="isnad-{kind}.{fmt}"'})

    def api_index(request: Request) -> Response:
        endpoints = [_api_path(p) for p, *_ in PAGES]
        return JSONResponse({"endpoints": endpoints, "exports": [f"/export/{k}.{{csv,jsonl}}" for k in LISTS],
                             "docs": "docs/web.md"})

    def error_page(request: Request, exc: HTTPException) -> Response:
        headers = dict(exc.headers or {})
        if request.url.path.startswith(("/api", "/export")):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code,
                                headers=headers)
        body = env.get_template("error.html").render({"status": exc.status_code, "detail": exc.detail,
                                                      "request": request, "api_url": "/api"})
        return HTMLResponse(body, status_code=exc.status_code, headers=headers)

    routes = [Route("/api", api_index), Route("/export/{kind}.{format}", export_endpoint)]
    for path, template, view, extra, export in PAGES:
        routes.append(Route(path, html_endpoint(template, view, extra, export)))
        routes.append(Route(_api_path(path), api_endpoint(view)))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS),
        ],
        exception_handlers={HTTPException: error_page},
    )
    app.state.live = live
    return app


def _export_params(request: Request, export: str | None) -> list[tuple[str, str]]:
    """The URL parameters of the list a page shows, for its export links."""
    f = _filters(request)
    if export == "statements" and "key" in request.path_params:
        return f.params(speaker=(request.path_params["key"],))
    return f.params()


def _without(f: Filters, name: str, value: str | None = None) -> str:
    """The current URL's parameters without one filter (or one of its values)."""
    params = [(k, v) for k, v in f.params() if not (k == name and (value is None or v == value))]
    return "?" + urlencode(params)


def allowed_hosts_for(host: str, extra: list[str] | None = None) -> list[str]:
    """Host names the server answers to: local names, the address it binds
    (unless a wildcard) and the names given with ``--allowed-host``."""
    allowed = [*LOCAL_HOSTS]
    if host not in WILDCARD_HOSTS and host not in allowed:
        allowed.append(host)
    for name in extra or []:
        if name and name not in allowed:
            allowed.append(name)
    return allowed


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 8765, allowed_hosts: list[str] | None = None) -> None:
    """Serve the run's web view until interrupted (local only by default)."""
    import uvicorn

    allowed = allowed_hosts_for(host, allowed_hosts)
    app = create_app(out_dir, allowed_hosts=allowed)
    data = app.state.live.data
    if host not in LOCAL_HOSTS:
        print(f"isnad: warning: listening on {host}: anyone who can reach this machine on port {port} can read "
              f"the run; requests are answered only for the host names {', '.join(allowed)} "
              "(add the names your readers use with --allowed-host NAME)", file=sys.stderr)
    print(f"isnad: serving {data.db_path} on http://{'127.0.0.1' if host in WILDCARD_HOSTS else host}:{port}/ "
          "(read-only; a new run in that folder is picked up; Ctrl-C stops)", file=sys.stderr)
    logging.basicConfig(format="%(message)s")
    uvicorn.run(app, host=host, port=port, log_level="warning")
