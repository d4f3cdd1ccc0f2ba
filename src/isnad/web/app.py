"""The web view: Starlette routes, one HTML page and one JSON endpoint each.

``/X`` renders the page, ``/api/X`` returns the same data as JSON (see
docs/web.md).  Templates are Jinja2 with autoescape; every query goes
through ``RunData`` (parameterised SQL, read-only attachment, bounded pages).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .data import STANCES, RunData, attribution_chain, clamp_limit, clamp_offset, spans_of
from .render import Mark, TimelineItem, highlight, stance_colour, timeline_svg, url_part

HERE = Path(__file__).parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
     b"base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


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
    env.globals["stances"] = STANCES
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


# --- views: data for a page (JSON) and extra context for its HTML ------------

def _paging(request: Request, result: dict) -> dict:
    """Previous/next links that keep the other query parameters."""
    params = dict(request.query_params)
    links = {}
    if result["offset"] > 0:
        links["prev"] = "?" + urlencode({**params, "offset": max(0, result["offset"] - result["limit"])})
    if result["offset"] + result["limit"] < result["total"]:
        links["next"] = "?" + urlencode({**params, "offset": result["offset"] + result["limit"]})
    return links


def _bounds(request: Request) -> tuple[int, int]:
    return clamp_limit(request.query_params.get("limit")), clamp_offset(request.query_params.get("offset"))


def _found(value: dict | None, what: str) -> dict:
    """``value``, or a 404 when the run has no such ``what``."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def view_stories(data: RunData, request: Request) -> dict:
    result = data.stories(*_bounds(request))
    result["overview"] = data.overview()
    return result


def view_story(data: RunData, request: Request) -> dict:
    return _found(data.story(request.path_params["story_id"]), "story")


def html_story(story: dict, request: Request) -> dict:
    items = [
        TimelineItem(
            date=s["eff_date"], kind="statement", stance=s["stance"],
            label=f"{s['speaker_name'] or s['speaker_name_ar'] or '?'} — {s['stance'] or '?'}",
            text=s["content"] or "", href=f"/statement/{url_part(s['id'])}",
            title=f"{s['eff_date'] or 'undated'} · {s['speaker_name'] or ''} · {s['stance'] or ''}: {s['content'] or ''}",
        )
        for s in story["statements"]
    ] + [
        TimelineItem(
            date=e["eff_date"], kind="event", stance=None,
            label=f"{e['event_type'] or 'event'}: {e['actor'] or '?'}",
            text=" → ".join(x for x in (e["actor"], e["recipient"]) if x),
            href=f"/article/{url_part(e['doc_id'])}/{e['article_index']}#ev-{url_part(e['id'])}",
            title=f"{e['eff_date'] or 'undated'} · {e['event_type'] or ''} ({e['mode'] or ''})",
        )
        for e in story["events"]
    ]
    return {"timeline": timeline_svg(items)}


def view_claims(data: RunData, request: Request) -> dict:
    return data.claims(*_bounds(request))


def view_claim(data: RunData, request: Request) -> dict:
    return _found(data.claim(request.path_params["claim_id"]), "claim")


def view_speakers(data: RunData, request: Request) -> dict:
    return data.speakers(*_bounds(request))


def view_speaker(data: RunData, request: Request) -> dict:
    stance = request.query_params.get("stance") or None
    return _found(data.speaker(request.path_params["key"], stance, *_bounds(request)), "speaker")


def html_speaker(speaker: dict, request: Request) -> dict:
    return {"paging_statements": _paging(request, speaker["statements"])}


def view_articles(data: RunData, request: Request) -> dict:
    return data.articles(*_bounds(request))


def view_article(data: RunData, request: Request) -> dict:
    return _found(data.article(request.path_params["doc_id"], request.path_params["index"]), "article")


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


def view_statement(data: RunData, request: Request) -> dict:
    return _found(data.statement(request.path_params["statement_id"]), "statement")


def view_search(data: RunData, request: Request) -> dict:
    p = request.query_params
    return data.search(
        q=p.get("q", ""), speaker=p.get("speaker", ""), country=p.get("country", ""), stance=p.get("stance", ""),
        date_from=p.get("from", ""), date_to=p.get("to", ""), limit=clamp_limit(p.get("limit")),
        offset=clamp_offset(p.get("offset")),
    )


# (path, template, view, extra HTML context)
PAGES: list[tuple[str, str, Callable, Callable | None]] = [
    ("/", "stories.html", view_stories, None),
    ("/stories", "stories.html", view_stories, None),
    ("/story/{story_id:path}", "story.html", view_story, html_story),
    ("/claims", "claims.html", view_claims, None),
    ("/claim/{claim_id:path}", "claim.html", view_claim, None),
    ("/speakers", "speakers.html", view_speakers, None),
    ("/speaker/{key:path}", "speaker.html", view_speaker, html_speaker),
    ("/articles", "articles.html", view_articles, None),
    ("/article/{doc_id:path}/{index:int}", "article.html", view_article, html_article),
    ("/statement/{statement_id:path}", "statement.html", view_statement, None),
    ("/search", "search.html", view_search, None),
]


def create_app(out_dir: Path, allowed_hosts: list[str] | None = None) -> Starlette:
    """The web view of the run in ``out_dir`` (its ``isnad.duckdb``)."""
    data = RunData(Path(out_dir))
    env = _environment()

    def html_endpoint(template: str, view: Callable, extra: Callable | None):
        def endpoint(request: Request) -> Response:
            started = time.perf_counter()
            page = view(data, request)
            context = {"data": page, "request": request, "paging": _paging(request, page) if "items" in page else {},
                       "countries": data.countries, "all_stances": data.stances, "chain": attribution_chain}
            if extra:
                context.update(extra(page, request))
            body = env.get_template(template).render(context)
            response = HTMLResponse(body)
            response.headers["server-timing"] = f"render;dur={(time.perf_counter() - started) * 1000:.1f}"
            return response
        return endpoint

    def api_endpoint(view: Callable):
        def endpoint(request: Request) -> Response:
            return JSONResponse(view(data, request))
        return endpoint

    def api_index(request: Request) -> Response:
        return JSONResponse({"endpoints": ["/api" + p for p, *_ in PAGES if p != "/"], "docs": "docs/web.md"})

    def error_page(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        body = env.get_template("error.html").render({"status": exc.status_code, "detail": exc.detail,
                                                      "request": request})
        return HTMLResponse(body, status_code=exc.status_code)

    routes = [Route("/api", api_index)]
    for path, template, view, extra in PAGES:
        routes.append(Route(path, html_endpoint(template, view, extra)))
        if path != "/":
            routes.append(Route("/api" + path, api_endpoint(view)))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS),
        ],
        exception_handlers={HTTPException: error_page},
    )
    app.state.data = data
    return app


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the run's web view until interrupted (local only by default)."""
    import uvicorn

    allowed = LOCAL_HOSTS if host in LOCAL_HOSTS else (["*"] if host in ("0.0.0.0", "::") else [*LOCAL_HOSTS, host])
    app = create_app(out_dir, allowed_hosts=allowed)
    print(f"isnad: serving {app.state.data.db_path} on http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
