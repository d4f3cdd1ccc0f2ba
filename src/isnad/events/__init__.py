"""PLOVER events with CAMEO codes, read natively from Arabic verbs and verbal nouns (step 7).

For each article the reader finds the sentences (title included) that hold a trigger
word — a verb or verbal noun of ``event_triggers.tsv`` in any of its inflected forms
(:mod:`.tables`) — and reads each of them (:mod:`.reading`): the sentence is cut into
participant phrases (:mod:`.participants`: names the lexicon knows, and any phrase
headed by قوات، مسلحين، وزارة، حزب، متظاهرين … with the country its words give), and
every trigger is given to the trigger patterns (:mod:`.triggers`), which find its actor
and recipient from the sentence's structure (subject after or before the verb, object,
على / ضد / مع / إلى phrases, the genitive of a noun, the subject of a support verb in
شنت الطائرات غارات).  A participant that names no country takes the country of its
sentence's place or of the article's scene (:mod:`.scene`).  :mod:`.status` says how
the article holds the event and merges repeated mentions.

    extract_events(page, article, statements, lexicon)  -> events.jsonl rows
    explain(text, lexicon)                              -> events and what each pattern did
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property

from ..dates import date_mentions
from ..events_plover import QUAD_CODE
from ..ids import event_id
from ..lexicon import Lexicon, default_lexicon
from ..mentions import article_scan
from ..model import Article, Page
from ..rules import Trace
from ..text import fold_key, lookup_forms, sentences
from .participants import Party
from .reading import GOVERNOR_REACH, Dropped, Frame, Memory, SentenceReader
from ..statements.words import words as statement_words
from .scene import scene_country
from .sentence import EventSentence
from .status import CONTEXT, Statements, claimed, merge, modality, status_of
from .tables import NO_TRIGGERS, EventTables, event_tables, need_of, whole_word
from .triggers import RELATIVE_REACH, TRIGGER_PATTERNS

__all__ = ["extract_events", "explain", "TRIGGER_PATTERNS"]

IMPLICIT_RECIPIENT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "REQUEST", "AID", "ACCUSE", "SANCTION", "RETREAT"})
OFFICIAL = frozenset({"official", "person", "state", "country", "government", "organization", "body", "igo", "group",
                      "force", "armed", "people_of"})
ABROAD = frozenset({"REQUEST", "AID", "SANCTION"})  # acts that go to another country of the scene
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "PROTEST"})
KILLING = frozenset({"قتل", "مقتل", "اغتال", "اغتيال", "اعدم", "اعدام", "ذبح", "فجر", "تفجير"})
EXPLOSIVE = frozenset({"explosives", "suicide-attack"})
MODE_PRIORITY = ("suicide-attack", "aerial", "explosives", "heavy-weapons", "firearms", "crowd-control")
TITLE_WEIGHT = 2
MIN_OFFTOPIC = 3  # words of sport and medicine (weighted like the scene's) that make an article no political news
ARMED_WINDOW = 300  # characters before a sentence where the fighting it continues may be told
WINDOW = 120  # characters of a long sentence read on each side of its triggers
GOVERNOR_WINDOW = 120  # characters before a noun where its support verb may stand (GOVERNOR_REACH words)
RELATIVE_WINDOW = 50  # characters after a noun where the verb of its relative clause may stand
PASSIVES = ("تم", "يتم", "جري", "يجري")
COUNTERPART_MARKS = (" مع ", " بين ", " الي ", " لل", " بال", " وبين ")
NEEDS_WINDOW = 90  # characters after a verb where the object it needs may stand (after its subject)
CLAUSE_END = re.compile("[.;:,]")  # the punctuation that ends the search for a needed object (triggers.needs_met)
NOUN_NEEDS_WINDOW = 45  # a noun's object stands right after it (تعاون مع، فرض عقوبات)
TANWEEN = frozenset("\u064b\u064c\u064d")
VOWELS = re.compile("[\u064b\u064c\u064d\u064f]")  # tanween and the damma: the marks tanween() and passive_vowel() read
SAID_REACH = 8  # words between a reporting verb and the أن / إلى that opens what it reports
PLACE_REACH = 3  # words between في and the place it names (في جبال شمال العراق)


class ArticleEvents:
    """What the reader knows of one article: its text, lexicon, statements and scene."""

    def __init__(self, page: Page, article: Article, statements: list[dict], lexicon: Lexicon,
                 segments: list[tuple[int, int]], title: tuple[int, int] | None):
        """``segments`` and ``title``: the article's body pieces and headline in folded offsets."""
        self.page = page
        self.article = article
        self.lexicon = lexicon
        self.tables: EventTables = event_tables(lexicon)
        self.folded = page.folded
        self.text = self.folded.text
        self.published = article.published if article.published and len(article.published) == 10 else None
        self.statements = Statements(statements)
        self.spans = ([(*title, TITLE_WEIGHT)] if title else []) + [(fs, fe, 1) for fs, fe in segments]
        self.scan = article_scan(page, lexicon, segments[0][0], segments[-1][1]) if segments else None
        self.vowelled = VOWELS.search(page.text, *article.span) is not None  # most news pages write no vowels
        self.first_names = statement_words(lexicon).of("first_name")
        self._speakers: dict[str, Party | None] = {}
        self.dates: dict[tuple[int, int], tuple] = {}  # the date read for each event span (see _date)
        self._heads: dict[str, Party] = {}

    def types_in(self, statement_id: str) -> set[str]:
        """The event types whose triggers a statement's content names (for denials)."""
        statement = next((st for st in self.statements.all if st["id"] == statement_id), None)
        if statement is None or not statement.get("content_span"):
            return set()
        fs, fe = (self.folded.to_folded(x) for x in statement["content_span"])
        found = set()
        for start, _ in _scan(self.tables, self.text, fs, fe)[0]:
            end = start
            while end < fe and self.text[end].isalpha():
                end += 1
            found |= {r.row.event_type for r in self.tables.readings(self.text[start:end]) if r.row.cls != "support"}
        return found

    def names_in(self, statement_id: str, parties: list[dict]) -> bool:
        """Whether a statement's content names one of ``parties`` (by its Arabic words)."""
        statement = next((st for st in self.statements.all if st["id"] == statement_id), None)
        if statement is None or not statement.get("content"):
            return False
        content = fold_key(statement["content"])
        return any(p["name_ar"] and not p.get("implicit") and fold_key(p["name_ar"]) in content for p in parties)

    def remember_heads(self, s: EventSentence, parties: list[Party]) -> None:
        """Keep, for each head word, the last phrase with a country that it headed."""
        for p in parties:
            if p.country and p.kind in ("force", "armed", "state", "body", "group") and p.last > p.first:
                self._heads[_head_word(s.words[p.first])] = p

    def head_country(self, p: Party) -> str | None:
        """The country of the last phrase headed by the same word as the bare ``p`` (المقاتلات →
        مقاتلات التحالف)."""
        prev = self._heads.get(_head_word(fold_key(p.name_ar)))
        return prev.country if prev is not None and prev is not p else None

    def tanween(self, fs: int, fe: int) -> bool:
        """Whether the word at folded ``[fs, fe)`` is written with tanween (هجومًا، تعهدٌ):
        a noun, whatever verb its letters also spell."""
        if not self.vowelled:
            return False
        s, e = self.folded.span_to_original(fs, fe)
        return not TANWEEN.isdisjoint(self.page.text[s:e])

    def passive_vowel(self, fs: int, fe: int) -> bool:
        """Whether the word at folded ``[fs, fe)`` is written with the damma of the passive on
        its first letter (خُطفوا، قُتل).  The folded text drops vowels: the page keeps them."""
        if not self.vowelled:
            return False
        s, e = self.folded.span_to_original(fs, fe)
        word = self.page.text[s:e]
        return len(word) > 2 and word[1] == "\u064f"

    @cached_property
    def _scene(self) -> tuple[list[str], dict[str, tuple[int, int]]]:
        return scene_country(self.lexicon, self.text, self.spans)

    @property
    def scenes(self) -> list[str]:
        """The countries of the article's scene, the most named first (:mod:`.scene`)."""
        return self._scene[0]

    @property
    def scene(self) -> str | None:
        return self._scene[0][0] if self._scene[0] else None

    @property
    def scene_spans(self) -> dict[str, tuple[int, int]]:
        return self._scene[1]

    def surface(self, fs: int, fe: int) -> str:
        s, e = self.folded.span_to_original(fs, fe)
        return self.page.text[s:e]

    def original(self, fs: int, fe: int) -> list[int]:
        return list(self.folded.span_to_original(fs, fe))

    def speaker_party(self, s: EventSentence, pos: int) -> Party | None:
        """The speaker of the statement whose content holds folded ``pos``, as a participant."""
        statement = self.statements.container(self.folded.to_original(pos))
        if statement is None:
            return None
        if statement["id"] not in self._speakers:
            sp = statement.get("speaker") or {}
            span = statement.get("speaker_span") or [0, 0]
            fs, fe = self.folded.to_folded(span[0]), self.folded.to_folded(span[1])
            kind = sp.get("kind") or "person"
            party = None
            if kind in ("person", "official", "organization", "country") and sp.get("name_ar"):
                party = Party(0, 0, sp.get("name") or sp["name_ar"], sp["name_ar"], kind, (fs, fe),
                              entity_id=sp.get("entity_id"), country=sp.get("country"),
                              gender="f" if kind in ("organization", "country") else None)
            self._speakers[statement["id"]] = party
        return self._speakers[statement["id"]]


def extract_events(page: Page, article: Article, statements: list[dict], lexicon: Lexicon | None = None,
                   trace: Trace | None = None) -> list[dict]:
    """PLOVER events of one article, in text order, repeated mentions merged."""
    lexicon = lexicon or default_lexicon()
    tables = event_tables(lexicon)
    text = page.folded.text
    segments = [(page.folded.to_folded(s), page.folded.to_folded(e)) for s, e in article.segments]
    lead = segments[0] if segments else None
    title = (page.folded.to_folded(article.title_span[0]), page.folded.to_folded(article.title_span[1])) \
        if article.title_span else None
    spans = ([title] if title else []) + segments
    scans = [_scan(tables, text, fs, fe) for fs, fe in spans]
    found = [positions for positions, _ in scans]
    if not any(found):
        return []
    weights = ([TITLE_WEIGHT] if title else []) + [1] * len(segments)
    if sum(n * weight for (_, n), weight in zip(scans, weights)) >= MIN_OFFTOPIC:
        return []  # an article about sport or medicine: no political events
    doc = ArticleEvents(page, article, statements, lexicon, segments, title)
    memory = Memory()
    raw: list[dict] = []
    for number, k, (ss, se), here in _sentences_to_read(tables, text, spans, found):
        s = EventSentence(doc, _window(text, ss, se, here[0], here[-1]), number)
        reader = SentenceReader(s, memory, trace)
        part = "title" if title and k == 0 else "lead" if lead and ss == lead[0] else "body"
        for frame in read_frames(reader):
            event = build_event(doc, reader, frame)
            if event is not None:
                event["_sentence"], event["_part"] = number, part
                raw.append(event)
        memory.remember(number, [a for f in reader.frames for a in f.actors]
                        + [p for p in reader.parties[:1] if p.marker is None])
        doc.remember_heads(s, reader.parties)
    events = merge(raw)
    for n, ev in enumerate(events):
        ordered = {"id": event_id(article.doc_id, article.article_index, n), "doc_id": article.doc_id,
                   "article_index": article.article_index}
        ordered.update(ev)
        events[n] = ordered
    return events


def explain(text: str, lexicon: Lexicon | None = None, published: str | None = None,
            statements: list[dict] | None = None) -> tuple[list[dict], Trace]:
    """The events of ``text`` read as one article (one segment a line), and the trace of what
    each trigger pattern made or dropped."""
    from ..statements import extract_statements

    lexicon = lexicon or default_lexicon()
    segments, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            segments.append((pos, pos + len(line)))
        pos += len(line) + 1
    page = Page("explain", "explain", text)
    article = Article("explain", "explain", 0, segments, published=published)
    if statements is None:
        statements = extract_statements(page, article, lexicon)
    trace = Trace()
    return extract_events(page, article, statements, lexicon, trace), trace


def _scan(tables: EventTables, text: str, lo: int, hi: int) -> tuple[list[tuple[int, str]], int]:
    """One pass over ``text[lo:hi]``: (folded offset, what it needs) of the words that may be
    triggers — ``""`` nothing more, ``armed`` a sentence about fighting (تراجع، سيطر),
    ``governor`` a support or passive verb a few words before it (تم أسر، أطلق سراح) — and the
    number of words of sport and medicine."""
    out: list[tuple[int, str]] = []
    offtopic = 0
    end = lo
    # the automaton copies the string it is given: a slice, not the page with bounds
    for last, (size, trigger, offtopic_word) in tables.automaton.iter(text[lo:hi]):
        last += lo
        if offtopic_word and whole_word(text, lo, hi, last, size):
            offtopic += 1
        if not trigger or last < end:
            continue  # a word of sport only, or another form inside the word just read
        start = last - size + 1  # the form is all letters: only proclitics may stand before it
        while start > lo and text[start - 1].isalpha():
            start -= 1
        end = last + 1
        while end < hi and text[end].isalpha():
            end += 1
        word = text[start:end]
        found = tables.triggers(word)
        if found is NO_TRIGGERS:
            continue  # عبدالعزيز، وزارة: a form inside a word that is no trigger
        if found.phrase and _phrase_follows(tables, text, end, hi, word):
            out.append((start, ""))
        elif found.need is not None:
            out.append((start, found.need))
        elif found.rows:
            rows = [row for row, two in found.rows if _may_have_object(row, text, end, hi)
                    and (not two or _may_have_counterpart(tables, text, start, end, hi))]
            if rows:
                out.append((start, need_of(rows)))
    return out, offtopic


def _sentences_to_read(tables: EventTables, text: str, spans: list[tuple[int, int]],
                       found: list[list[tuple[int, str]]]) -> Iterator[tuple[int, int, tuple[int, int], list[int]]]:
    """(number, span index, span, trigger positions worth reading) of each sentence to read.
    ``found`` holds the trigger positions of each span; sentences are numbered from the first
    span that holds one (only the distance between two sentences counts) to the last."""
    held = [k for k, positions in enumerate(found) if positions]
    number = 0
    for k in range(held[0], held[-1] + 1):
        fs, fe = spans[k]
        positions = found[k]
        starts = [p for p, _ in positions]
        for ss, se in sentences(text, fs, fe):
            number += 1
            here = [p for p, need in positions[bisect_left(starts, ss):bisect_left(starts, se)]
                    if _worth_reading(tables, text, ss, se, p, need)]
            if here:
                yield number, k, (ss, se), here


def _window(text: str, ss: int, se: int, first: int, last: int) -> tuple[int, int]:
    """The part of a long sentence read around its triggers: :data:`WINDOW` characters on each
    side, cut at spaces."""
    start = ss if first - ss <= WINDOW else text.find(" ", first - WINDOW, first) + 1 or ss
    if se - last <= WINDOW:
        return start, se
    cut = text.rfind(" ", last, last + WINDOW)
    return start, cut if cut > last else se


def _worth_reading(tables: EventTables, text: str, ss: int, se: int, pos: int, need: str) -> bool:
    """Whether the trigger at ``pos`` can make an event in the sentence ``[ss, se)``: one that
    needs an armed actor only in a sentence about fighting, a noun that needs a governing
    verb only after one."""
    if need == "armed":  # in this sentence or the one before (ودمرت مخازن … after قصفت المقاتلات)
        return next(tables.armed_words.iter(text[max(0, ss - ARMED_WINDOW):se]), None) is not None
    if need == "governor":  # شنت طائرات التحالف غارات، تم أسر، الحصار الذي يفرضه الجيش
        before = text[max(ss, pos - GOVERNOR_WINDOW):pos].split()[-GOVERNOR_REACH:]
        after = text[pos:min(se, pos + RELATIVE_WINDOW)].split()[1:1 + RELATIVE_REACH]
        return any(tables.triggers(w).support or w.lstrip("وف") in PASSIVES
                   for w in before) or any(r.form.tense != "noun" and r.suffix in ("ه", "ها", "هم")
                                           for w in after for r in tables.readings(w))
    return True


def _phrase_follows(tables: EventTables, text: str, end: int, hi: int, word: str) -> bool:
    """Whether the words after ``word`` complete one of the two-word triggers it begins."""
    after = text[end:min(hi, end + 40)].split()
    return bool(after) and any(rest and rest[0] in lookup_forms(after[0]) or rest and after[0] == "ال" + rest[0]
                               for rest, _, _ in tables.phrases.entries(word))


def _may_have_counterpart(tables: EventTables, text: str, start: int, end: int, hi: int) -> bool:
    """A quick test for a meeting noun: a word that may introduce the other side (مع، بين، إلى،
    ل / ب glued to a name) follows in the next words, or a verb governs it whose subject may
    hold both sides (ترامب وبوتين يعتزمان اللقاء)."""
    window = text[end:min(hi, end + NEEDS_WINDOW)]
    if any(m in window for m in COUNTERPART_MARKS):
        return True
    before = text[max(0, start - GOVERNOR_WINDOW):start].split()[-3:]
    return any(tables.triggers(w).support for w in before)


def _may_have_object(row, text: str, end: int, hi: int) -> bool:
    """A quick test: the object a trigger needs (قدم مساعدات، فرض عقوبات) occurs in the next
    words before a punctuation mark ends the clause (the trigger patterns check where)."""
    if not row.needs:
        return True
    limit = min(hi, end + (NEEDS_WINDOW if row.cls == "verb" else NOUN_NEEDS_WINDOW))
    stop = CLAUSE_END.search(text, end, limit)
    window = text[end:stop.start() if stop else limit]
    return any(n.endswith("*") or n in window for n in row.needs)


def read_frames(reader: SentenceReader) -> list[Frame]:
    """Each trigger word of the sentence, left to right, given to the patterns."""
    s = reader.s
    for options in reader.candidates():
        final = False
        for cand in options:
            if final:
                break
            made = None
            for pattern in TRIGGER_PATTERNS:
                result = pattern.func(reader, cand)
                if result is None:
                    continue
                if isinstance(result, Dropped):
                    if reader.trace is not None:
                        reader.trace.dropped(pattern.name, s.surface(cand.i, cand.end),
                                             tuple(s.doc.original(*s.folded_span(cand.i, cand.end))),
                                             result.reason)
                    final = result.final
                    break
                result.rule = pattern.name
                made = result
                break
            if made is not None:
                reader.frames.append(made)
                break
    return reader.frames


# --- records -----------------------------------------------------------------------------

def build_event(doc: ArticleEvents, reader: SentenceReader, frame: Frame) -> dict | None:
    """The ``events.jsonl`` row of a frame, or None when its participants do not make an event
    (no actor, no counterpart where two sides are needed, no armed actor where one is)."""
    s = reader.s
    c = frame.cand
    row = c.row
    actors = [p for p in frame.actors if p.agent]
    recipients = [p.owner if p.kind in ("target", "area") and p.owner is not None else p for p in frame.recipients]
    lo = reader.clause_start(c.i)
    hi = reader.clause_end(c.end)
    if row.armed and not any(p.armed for p in actors) and not (
            not actors and any(p.armed for p in recipients)):
        _drop(reader, frame, "no armed actor")
        return None
    if not actors and not (frame.event_type == "ASSAULT" and (frame.passive or c.tense == "noun" and recipients)):
        _drop(reader, frame, "no actor")
        return None
    if frame.event_type == "ASSAULT" and not _violent(reader, frame, actors, frame.recipients, lo, hi):
        _drop(reader, frame, "no arms, victims or armed actor: a war of words")
        return None
    if frame.event_type == "REQUEST" and _call_to_arms(reader, c.end, hi):
        frame.event_type, frame.mode, frame.cameo = "MOBILIZE", "militia", "154"
    if frame.event_type == "COERCE" and frame.mode == "seize" and (
            any(p.kind == "area" for p in frame.recipients) or _instruments(reader, lo, hi) & EXPLOSIVE):
        frame.event_type, frame.mode, frame.cameo = "ASSAULT", None, "192"  # taking territory, or with a bomb
    if row.parties == 2 and not recipients and len(actors) < 2:
        _drop(reader, frame, "no counterpart")
        return None
    if frame.event_type == "CONSULT" and not any(p.kind in OFFICIAL or p.sector == "ELI" for p in actors + recipients):
        _drop(reader, frame, "no official on either side")  # شخص واحد سافر إلى روسيا: a trip, not a visit
        return None
    location = _location(reader, lo, hi, frame)
    place_country = location["country"] if location else None
    trigger_span = doc.original(*s.folded_span(c.i, c.end))
    statement = doc.statements.container(trigger_span[0])
    own = (statement.get("speaker") or {}).get("country") if statement is not None else None
    actor_records = [_entity(doc, p, place_country, own) for p in actors]
    recipient_records = [r for r in (_entity(doc, p, place_country, own) for p in recipients)
                         if not any(_same(r, a) for a in actor_records)]
    if not recipient_records and frame.event_type in IMPLICIT_RECIPIENT:
        recipient_records = _implicit_recipients(doc, reader, location, lo, hi,
                                                 {a["country"] for a in actor_records}
                                                 if frame.event_type in ABROAD else set())
    if frame.mode == "visit" and recipient_records and {r["country"] for r in recipient_records} <= {
            a["country"] for a in actor_records}:
        _drop(reader, frame, "a visit at home")
        return None
    if row.parties == 2 and not recipient_records and len({a["name_ar"] for a in actor_records}) < 2:
        _drop(reader, frame, "no counterpart")
        return None
    mode, cameo = _mode(reader, frame, actors, lo, hi)
    if frame.event_type == "CONSULT":
        mode, cameo, actor_records, recipient_records = _consult_mode(
            mode, cameo, actor_records, recipient_records, location)
    first, last = min([c.i, lo] + [p.first for p in actors + recipients if p.first >= lo]), \
        max([c.end, hi])
    span = doc.original(*s.folded_span(first, last))
    if statement is not None and frame.event_type in VERBAL and \
            _opens_content(doc, statement, s.starts[c.i], s.starts[lo]):
        statement = None  # أعلنت الوزارة رفضها: the announcement is the rejection itself
    denied_by = [d for d in doc.statements.denials(statement) if d == statement["id"]
                 or frame.event_type in doc.types_in(d) and doc.names_in(d, actor_records + recipient_records)] \
        if statement is not None else []
    mood = modality(s, frame, lo)
    if mood == "unclaimed":
        _drop(reader, frame, "an attack nobody claimed: told where it is told")  # لم تعلن أي جماعة مسؤوليتها عن
        return None
    attributed = statement is None and (claimed(s) or (frame.event_type not in VERBAL and _said(reader, c.i)))
    status = status_of(mood, statement, denied_by, attributed)
    date, date_precision, date_span = _date(doc, span)
    if reader.trace is not None:
        reader.trace.made(frame.rule, s.surface(c.i, c.end), tuple(trigger_span),
                          f"{frame.event_type} {status}")
    return {
        "event_type": frame.event_type, "mode": mode, "cameo": cameo,
        "actor": actor_records[0] if actor_records else None,
        "recipient": recipient_records[0] if recipient_records else None,
        "actors": actor_records, "recipients": recipient_records,
        "date": date, "date_precision": date_precision, "date_span": date_span, "location": location,
        "status": status, "reported_by": statement["id"] if statement is not None else None,
        "denied_by": denied_by, "context": [CONTEXT[mood]] if mood in CONTEXT else [],
        "quad_class": QUAD_CODE[frame.event_type],
        "trigger": doc.page.text[trigger_span[0]:trigger_span[1]], "trigger_span": trigger_span,
        "span": span, "rule": frame.rule, "lemma": row.lemma,
    }


def _violent(reader: SentenceReader, frame: Frame, actors: list[Party], recipients: list[Party],
             lo: int, hi: int) -> bool:
    """An attack shows arms, victims or an armed attacker; else it is a war of words
    (الهجوم على الكونغرس)."""
    if frame.mode in ("targeted", "abduct", "destroy") or frame.cand.row.lemma in KILLING or frame.passive:
        return True
    if any(p.armed for p in actors) or _instruments(reader, lo, hi):
        return True
    return any(p.kind in ("people", "people_of", "area", "target", "force", "armed", "group")
               or p.armed for p in recipients)


def _call_to_arms(reader: SentenceReader, start: int, hi: int) -> bool:
    """A call whose object is taking up arms (دعت العشائر إلى الثورة ضد التنظيم)."""
    s = reader.s
    return any(s.has_role(k, "mobilize") for k in range(start, min(hi, start + 8)))


def _instruments(reader: SentenceReader, lo: int, hi: int) -> set[str]:
    """The kinds of arms that tokens ``[lo, hi)`` of the sentence name (طائرات: aerial)."""
    s = reader.s
    names = s.role_names
    return {s.role(k, "instrument")[1] for k in range(max(lo, 0), min(hi, s.n)) if "instrument" in names[k]}


def _implicit_recipients(doc: ArticleEvents, reader: SentenceReader, location: dict | None,
                         lo: int, hi: int, actor_countries: set[str | None]) -> list[dict]:
    """The recipient of an attack, arrest, demand or aid that names none: the country where
    it happened (the places of the clause, في الكاميرون وتشاد), else the scene's, but not one
    of ``actor_countries`` (a demand or aid goes to another country of the scene)."""
    if location is not None and location["country"]:
        located = [p for p in reader.parties if lo <= p.first < hi and p.kind in ("place", "country")
                   and p.marker in ("in", "with")]
        places = [q for p in located for q in p.chain]
        countries = list(dict.fromkeys(p.country or p.place_country for p in places if p.country or p.place_country))
        spans = {p.country or p.place_country: p for p in places}
        return [{"name": doc.tables.country_names.get(iso, iso),
                 "name_ar": spans[iso].name_ar if iso in spans else location["name_ar"], "entity_id": None,
                 "kind": "place", "country": iso, "sector": None,
                 "span": doc.original(*spans[iso].span) if iso in spans else location["span"], "implicit": "location"}
                for iso in countries or [location["country"]]]
    scene = next((c for c in doc.scenes if c not in actor_countries), None) or doc.scene
    if scene is None:
        return []
    span = doc.original(*doc.scene_spans[scene]) if scene in doc.scene_spans else None
    return [{"name": doc.tables.country_names.get(scene, scene), "name_ar": doc.page.text[span[0]:span[1]] if span else "",
             "entity_id": None, "kind": "place", "country": scene, "sector": None, "span": span, "implicit": "scene"}]


def _opens_content(doc: ArticleEvents, statement: dict, trigger: int, clause: int) -> bool:
    """Whether the trigger is the first word of the statement's content, its cue's object
    (أعلنت رفضها، أكد دعمه) rather than something the statement reports."""
    start = statement["content_span"][0]
    return doc.folded.to_folded(start) >= clause and not doc.text[doc.folded.to_folded(start):trigger].strip(' ,"')


def _said(reader: SentenceReader, i: int) -> bool:
    """A reporting verb earlier in the sentence opens what holds the word (وأشارت المقاومة إلى
    مقتل …، وذكر المركز أن أفرادها قصفوا …)."""
    s = reader.s
    return any(any(s.has_role(j, "barrier") or s.words[j] in ("الي", "ب") or s.words[j] == ":"
                   for j in range(k + 1, min(i, k + SAID_REACH))) for k in reader.speech_verbs if k < i)


def _drop(reader: SentenceReader, frame: Frame, reason: str) -> None:
    if reader.trace is not None:
        s, c = reader.s, frame.cand
        reader.trace.dropped(frame.rule, s.surface(c.i, c.end),
                             tuple(s.doc.original(*s.folded_span(c.i, c.end))), reason)


def _entity(doc: ArticleEvents, p: Party, place_country: str | None, own: str | None = None) -> dict:
    """The record of a participant.  One that names no country takes, in this order: the
    speaker's when it is a bare state noun in the speaker's own words (الحكومة ستواصل …), the
    country of the last phrase with the same head (المقاتلات after مقاتلات التحالف), its
    place's, or the scene's; an international organisation or transnational group takes none."""
    country = p.country
    if country is None and p.kind not in ("igo", "group", "person") and not (p.kind == "place" and not p.place_country):
        bare = " " not in p.name_ar.strip() and fold_key(p.name_ar).startswith("ال")
        ours = " " not in p.name_ar.strip() and fold_key(p.name_ar).endswith("نا")  # قواتنا: the speaker's
        if own and (bare and p.kind == "state" or ours):
            country = own
        else:
            country = (doc.head_country(p) if bare else None) or p.place_country or place_country or doc.scene
    elif country is None and p.kind == "person" and p.entity_id is None:
        country = place_country or doc.scene  # a person the lexicon does not know, in the scene's news
    sector = "ELI" if p.former and p.sector in (None, "GOV", "MIL") else p.sector
    return {"name": p.name or p.name_ar, "name_ar": p.name_ar, "entity_id": p.entity_id, "kind": p.kind,
            "country": country, "sector": sector, "span": doc.original(*p.span)}


def _head_word(word: str) -> str:
    """A head word without و / ف, ب / ل and the article (والمقاتلات → مقاتلات)."""
    return lookup_forms(word.split()[0])[-1] if word.strip() else ""


def _same(a: dict, b: dict) -> bool:
    if a["entity_id"] or b["entity_id"]:
        return a["entity_id"] == b["entity_id"]
    return a["name_ar"] == b["name_ar"]


def _location(reader: SentenceReader, lo: int, hi: int, frame: Frame) -> dict | None:
    """The first place of the clause introduced by في / ب (or a place complement)."""
    doc, s = reader.doc, reader.s
    for p in reader.parties_from(lo):
        if p.first >= hi or p in frame.actors or p in frame.recipients:
            continue
        if p.kind not in ("place", "country"):
            continue
        near_fi = any(s.words[k] in ("في", "وفي") for k in range(max(lo, p.first - PLACE_REACH), p.first))
        if p.marker in ("in", "with", "to") or near_fi:  # في جبال شمال العراق: a few words after في
            if p.kind == "country" and p.marker == "to" and frame.mode != "visit":
                continue
            return {"name": p.name if p.kind == "country" else p.name_ar, "name_ar": p.name_ar,
                    "country": p.country or p.place_country, "span": doc.original(*p.span)}
    return None


def _mode(reader: SentenceReader, frame: Frame, actors: list[Party], lo: int, hi: int) -> tuple[str | None, str]:
    """The mode of an attack from its instruments and actors (طائرات → aerial, قذائف →
    heavy-weapons), of aid from its kind (إنسانية → humanitarian), of a mobilisation from
    who mobilises (militia for a group that is not a state's)."""
    s = reader.s
    mode, cameo = frame.mode, frame.cameo
    if frame.event_type == "ASSAULT" and mode not in ("targeted", "abduct", "destroy"):
        found = _instruments(reader, lo, hi).union(*(_instruments(reader, p.first, p.last) for p in actors))
        for candidate in MODE_PRIORITY:
            if candidate in found:
                return candidate, {"aerial": "195", "heavy-weapons": "194", "suicide-attack": "1831",
                                   "explosives": "183"}.get(candidate, cameo)
    if frame.event_type == "AID" and mode is None:
        for k in range(lo, hi):
            role = s.role(k, "aidmode")
            if role is not None:
                return role[1], {"military": "072", "humanitarian": "073", "economic": "071"}.get(role[1], cameo)
    if frame.event_type == "MOBILIZE" and mode == "troops" and actors and not any(
            p.kind == "force" for p in actors):
        return "militia", cameo
    return mode, cameo


def _consult_mode(mode, cameo, actors, recipients, location):
    """Visit when the meeting is in the recipient's country (the visitor is the actor),
    hosting turned round into a visit, third-party when in neither side's country,
    multilateral when three or more countries meet."""
    countries = {e["country"] for e in actors + recipients if e["country"]}
    if mode is None and len(countries) >= 3:
        return "multilateral", "040", actors, recipients
    if mode is not None or location is None or not location["country"]:
        return mode, cameo, actors, recipients
    if not recipients:
        if location["country"] not in countries and len(actors) > 1:
            return "third-party", "044", actors, recipients
        return mode, cameo, actors, recipients
    actor_c = {e["country"] for e in actors}
    recipient_c = {e["country"] for e in recipients}
    where = location["country"]
    if where in recipient_c and where not in actor_c:
        return "visit", "042", actors, recipients
    if where in actor_c and where not in recipient_c:
        return "visit", "042", recipients, actors
    if where not in actor_c | recipient_c:
        return "third-party", "044", actors, recipients
    return mode, cameo, actors, recipients


def _date(doc: ArticleEvents, span: list[int]) -> tuple[str | None, str | None, list[int] | None]:
    """The date expression of the event's clause, else the publication date (span None): ISO
    value, precision (day, month, year) and span.  A relative day (أمس) is resolved only
    against a publication date known to the day.  Read once a span (the frames of one clause
    often share it)."""
    key = (span[0], span[1])
    if key not in doc.dates:
        doc.dates[key] = _read_date(doc, span)
    value, precision, found = doc.dates[key]
    return value, precision, list(found) if found else None


def _read_date(doc: ArticleEvents, span: list[int]) -> tuple[str | None, str | None, tuple[int, int] | None]:
    article = doc.article
    text = doc.page.text[span[0]:span[1]]
    if any(map(str.isdigit, text)) or any(w in text for w in ("أمس", "امس", "اليوم", "الماضي", "غد")):
        base = article.published if article.published_precision in ("day", None) else None
        found = [d for d in date_mentions(text, base) if d.value and d.grain == "day"]
        if found:
            return found[0].value, found[0].precision, (found[0].start + span[0], found[0].end + span[0])
    return article.published, article.published_precision, None
