"""RSS and Atom feeds: every item (entry) is a record of its own.

An item's record holds its content (``content:encoded``, Atom ``content``)
or else its summary (``description``, Atom ``summary``), under ``html``
when it is markup (read through the HTML path, as any page) and ``text``
otherwise; its ``link`` as ``url``, its ``guid`` or Atom ``id`` as ``id``,
its ``pubDate`` (or ``dc:date``, Atom ``published``, else ``updated``) as
``published``, its author, and the feed's title as ``outlet``::

    <rss><channel><title>الشرق الأوسط</title>
      <item><title>…</title><link>https://…</link><pubDate>Fri, 26 Jan 2024 10:00:00 +0300</pubDate>
        <description>&lt;p&gt;نفى الكرملين …&lt;/p&gt;</description></item>

The feed is parsed as a stream (``lxml.etree.iterparse``): each item is
dropped once its record is made, so memory holds one item at a time.
Entities are not expanded and nothing is fetched from the network.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FEED_SUFFIXES = {".rss", ".atom"}
MAYBE_FEED_SUFFIXES = {".xml"}  # a feed when its root element is one
SNIFF_BYTES = 4096

_ITEMS = {"item", f"{{{RSS1}}}item", f"{{{ATOM}}}entry"}
_CHANNELS = {"channel", f"{{{RSS1}}}channel", f"{{{ATOM}}}feed"}
# The first element of a feed after the XML prolog (declaration, comments, doctype).
_ROOT = re.compile(rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|rdf:RDF|feed)[\s>/]", re.S | re.I)
_MARKUP = re.compile(r"<[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")


def looks_like_feed(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an RSS (0.9x, 1.0, 2.0) or Atom feed."""
    return bool(_ROOT.match(head.lstrip(b"\xef\xbb\xbf")))


class FeedError(ValueError):
    """The feed cannot be parsed further; the message says where and why."""


def feed_records(stream: BinaryIO) -> Iterator[dict]:
    """The records of the feed's items, in order; raises :class:`FeedError`
    when the XML breaks (the items before it have been given)."""
    from lxml import etree

    outlet = None
    parser = etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    count = 0
    try:
        for _, element in parser:
            parent = element.getparent()
            if _local(element.tag) == "title" and parent is not None and parent.tag in _CHANNELS and outlet is None:
                outlet = _text(element)
            elif element.tag in _ITEMS:
                count += 1
                yield item_record(element, outlet)
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as e:
        raise FeedError(f"broken XML after {count} items: {e}") from None


def item_record(item, outlet: str | None) -> dict:
    """One item (``<item>`` or ``<entry>``) as a record (see the module's docstring)."""
    fields: dict[str, str] = {}
    types: dict[str, str | None] = {}  # Atom's type of the content and summary: text, html or xhtml
    for child in item:
        name = _field_name(child)
        if name and name not in fields:
            value = _link(child) if name == "url" else _body(child) if name in ("content", "summary") else _text(child)
            if value:
                fields[name], types[name] = value, child.get("type")
    about = item.get(f"{{{RDF}}}about")
    given = "content" if "content" in fields else "summary"
    body, kind = fields.get(given), types.get(given)
    record = {
        "id": fields.get("id") or about,
        "url": fields.get("url") or about,
        "title": fields.get("title"),
        "published": fields.get("published") or fields.get("updated"),
        "author": fields.get("author"),
        "outlet": outlet,
    }
    record = {k: v for k, v in record.items() if v}
    if body and (kind in ("html", "xhtml") or (kind is None and _MARKUP.search(body))):
        record["html"] = body if re.search(r"<body[\s>]", body, re.I) else f"<html><body>{body}</body></html>"
    elif body:
        record["text"] = body
    return record


def _field_name(element) -> str | None:
    """The record field an item's child element gives, or None."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    namespace, local = _namespace(tag), _local(tag)
    if namespace == CONTENT and local == "encoded":
        return "content"
    if namespace == DC:
        return {"date": "published", "creator": "author"}.get(local)
    if namespace not in ("", ATOM, RSS1):
        return None
    return {"title": "title", "link": "url", "guid": "id", "id": "id", "pubDate": "published",
            "published": "published", "updated": "updated", "author": "author", "content": "content",
            "description": "summary", "summary": "summary"}.get(local)


def _namespace(tag: str) -> str:
    return tag[1:tag.index("}")] if tag.startswith("{") else ""


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str | None:
    """The element's text (an Atom author: its name)."""
    name = element.find(f"{{{ATOM}}}name")
    text = name.text if name is not None else "".join(element.itertext())
    return text.strip() if text and text.strip() else None


def _link(element) -> str | None:
    """An RSS ``<link>`` is text; an Atom ``<link>`` is the ``href`` of the page (rel alternate)."""
    if element.get("href") is not None:
        return element.get("href").strip() if element.get("rel", "alternate") == "alternate" else None
    return _text(element)


def _body(element) -> str | None:
    """Content or summary as given: Atom ``type="xhtml"`` is markup inside the element."""
    from lxml import etree

    if element.get("type") == "xhtml":
        markup = "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in element)
        return re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", markup).strip() or None
    text = element.text
    return text.strip() if text and text.strip() else None
