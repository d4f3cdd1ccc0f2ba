"""How the article holds an event, and which mentions are one event.

- ``future`` / ``hypothetical`` / ``negated`` from the particles and verbs in front of
  the trigger or of the verb that governs it (سـ، سوف، من المقرر، يعتزم؛ قد + present،
  إذا، لو، يمكن؛ لم، لن، عدم) and the words right after it (الاجتماع المقبل);
- ``reported`` when the trigger stands inside a statement's content (``reported_by`` its
  id) or the sentence attributes it (بحسب، وفقا لـ، تقارير تفيد);
- ``denied`` when that statement, or one that answers it, denies it;
- else ``asserted``.
Mentions of one event (the headline and the lead) share type, participants, status and
trigger lemma, and are merged (:func:`merge`).
"""
from __future__ import annotations

from bisect import bisect_right

from .reading import Frame
from .sentence import EventSentence
from ..text import fold_key
from .tables import FUTURE_PROCLITICS

MODALITY_REACH = 3  # words before the trigger (or its governor) where a particle counts
CONTEXT = {"future": "future", "hypothetical": "hypothetical", "negated": "negation"}
_STRENGTH = {None: 0, "future": 1, "hypothetical": 2, "negated": 3}
TOLLS = frozenset({"قتل", "مقتل"})  # the lemmas of a death toll
TOLL_REACH = 3  # sentences between an attack and its toll


def modality(s: EventSentence, frame: Frame, clause_start: int) -> str:
    """future | hypothetical | negated | actual, or unclaimed: an attack nobody claimed (لم
    تعلن أي جهة مسؤوليتها عن الهجوم), which the article tells elsewhere."""
    c = frame.cand
    anchor = frame.anchor
    if frame.anchor_tense == "present" and frame.anchor_prefix.lstrip("وف")[:1] == "س" or \
            frame.anchor_prefix in FUTURE_PROCLITICS:
        return "future"
    if anchor != c.i and s.role(anchor, "modality"):
        return s.role(anchor, "modality")[1]  # يعتزمان اللقاء: the support verb's own mood
    found = None
    reach = MODALITY_REACH if frame.anchor_tense != "noun" else 1  # عدم اعتقال، لم يعتقل، لن يتم اعتقال
    if frame.anchor_tense == "noun" and anchor > 1 and s.is_word(anchor - 1) and not s.roles(anchor - 1) \
            and s.role(anchor - 2, "modality"):
        reach = 2  # قد تشمل فرض عقوبات: the verb whose object the noun is
    for k in range(anchor - 1, max(clause_start, anchor - reach) - 1, -1):
        role = s.role(k, "modality")
        if role is None:
            if s.readings(k) and not s.support(k) or s.has_role(k, "marker"):
                break
            continue
        value = role[1]
        if s.words[k].lstrip("وف") == "قد" and not _present(s, k + 1):
            continue  # قد before a past verb: it did happen
        found = value
        break
    if found is None:
        opener = clause_start - 1  # من المقرر أن يلتقي، يعتزم أن يزور: the mood of what أن opens
        if opener > 0 and s.has_role(opener, "barrier"):
            for k in range(max(0, opener - 3), opener):
                role = s.role(k, "modality")
                if role is not None and k + role[0] == opener:
                    found = role[1]
    if found is None and any(_future(s, k) for k in range(clause_start, anchor)):
        found = "future"
    if found == "negated" and any(s.has_role(k, "responsibility") for k in range(anchor, c.i)):
        return "unclaimed"  # لم تعلن أي جماعة مسؤوليتها عن الهجمات: the attacks happened, nobody claimed them
    for k in range(c.end, min(s.n, c.end + MODALITY_REACH)):
        role = s.role(k, "modality_after")
        if role is not None:
            found = _stronger(found, role[1])
    return found or "actual"


def _future(s: EventSentence, k: int) -> bool:
    """A word of the future at token ``k``: من المقرر أن …، يعتزم …، or a present with سـ
    (سيسافر إلى واشنطن ليبحث …)."""
    if "modality" in s.role_names[k] and s.role(k, "modality")[1] == "future":
        return True
    readings = s.readings(k)
    return bool(readings) and any(r.prefix.lstrip("وف").startswith("س") and r.form.tense == "present"
                                  for r in readings)


def _present(s: EventSentence, k: int) -> bool:
    """A verb in the present at token ``k`` (قد تشمل: may; قد تم، قد قصفت: did)."""
    if k >= s.n:
        return False
    readings = s.readings(k)
    if readings:
        return any(r.form.tense == "present" for r in readings)
    return s.words[k][:1] in ("ي", "ن") and not s.has_role(k, "passive")


def _stronger(a: str | None, b: str) -> str:
    return b if _STRENGTH[b] > _STRENGTH[a] else a


def claimed(s: EventSentence) -> bool:
    """The sentence attributes what it says (بحسب الهلال الأحمر، وفقا لمصادر، تقارير تفيد)."""
    return "claim" in s.role_set


class Statements:
    """The article's statements by where their content lies in the page."""

    def __init__(self, statements: list[dict]):
        self.all = statements
        self.with_content = sorted((st for st in statements if st.get("content_span")),
                                   key=lambda st: st["content_span"][0])
        self.starts = [st["content_span"][0] for st in self.with_content]

    def container(self, pos: int) -> dict | None:
        """The innermost statement whose content holds page offset ``pos``."""
        k = bisect_right(self.starts, pos)
        inside = [st for st in self.with_content[:k] if st["content_span"][0] <= pos < st["content_span"][1]]
        return min(inside, key=lambda st: st["content_span"][1] - st["content_span"][0]) if inside else None

    def denials(self, statement: dict) -> list[str]:
        """Ids of the statements that deny ``statement``'s content: itself, or an answer to it."""
        out = [statement["id"]] if "deny" in stance_of(statement) else []
        out += [st["id"] for st in self.all
                if st.get("responds_to") == statement.get("id") and "deny" in stance_of(st)]
        return out


def stance_of(statement: dict) -> set[str]:
    stance = statement.get("stance")
    return {stance} if isinstance(stance, str) else set(stance or ())


def status_of(mood: str, statement: dict | None, denied_by: list[str], attributed: bool) -> str:
    if denied_by:
        return "denied"
    if mood != "actual":
        return mood
    return "reported" if statement is not None or attributed else "asserted"


def _party_key(e: dict) -> tuple:
    if e.get("implicit"):
        return (e["country"],)
    return (e["entity_id"],) if e["entity_id"] else (e["country"], e["name_ar"])


def merge_key(ev: dict) -> tuple:
    """Mentions of one event share type, participants (CONSULT sides unordered), status and
    the trigger's lemma; within one statement, what the speaker says of the same sides with
    the same type of act is one reported event (المقاومة سيطرت على … واستعادت …)."""
    if ev["event_type"] == "CONSULT":  # a meeting is one event however often it is named or told
        sides = frozenset(e["country"] or e["name_ar"] for e in ev["actors"] + ev["recipients"] if not e.get("implicit"))
        return ("CONSULT", sides, "reported" if ev["status"] == "future" else ev["status"])  # a planned
        #   meeting and a source's word on it are one meeting
    if ev["reported_by"]:
        actors = frozenset(a["country"] or a["name_ar"] for a in ev["actors"])
        recipients = frozenset(r["country"] for r in ev["recipients"])
        return (ev["event_type"], actors, recipients, ev["status"], ev["reported_by"])
    actors = frozenset(_party_key(a) for a in ev["actors"])
    recipients = frozenset(_party_key(r) for r in ev["recipients"])
    return (ev["event_type"], actors, recipients, ev["status"], ev["lemma"])


def merge(events: list[dict]) -> list[dict]:
    """One record per event; later mentions add their spans (``mention_spans``).

    Besides the same key (:func:`merge_key`), two mentions are one event when one sentence
    tells it in several clauses (50 شخصا قتلوا بعد تفجيرين استهدفا مصلين: same type, same
    recipients' countries, actors' countries equal or unsaid), when the body tells again what
    the headline said (same type and countries), when an act of the same type on the same
    named target, or the same act by the same actors, is told again, or when a toll follows its attack."""
    out: list[dict] = []
    index: dict[tuple, dict] = {}
    for ev in events:
        first = index.get(merge_key(ev)) or _same_sentence(out, ev) or _headline(out, ev) \
            or _same_target(out, ev) or _same_act(out, ev) or _toll(out, ev)
        if first is not None:
            _absorb(first, ev)
            continue
        ev["mentions"] = 1
        ev["mention_spans"] = [ev["trigger_span"]]
        index[merge_key(ev)] = ev
        out.append(ev)
    for ev in out:
        ev.pop("_sentence", None)
        ev.pop("_part", None)
    return out


def _countries(parties: list[dict]) -> frozenset:
    return frozenset(p["country"] for p in parties if p["country"])


def _same_sentence(out: list[dict], ev: dict) -> dict | None:
    for prev in reversed(out):
        if prev["_sentence"] != ev["_sentence"]:
            return None
        if prev["event_type"] == ev["event_type"] and prev["status"] == ev["status"] \
                and _countries(prev["recipients"]) == _countries(ev["recipients"]) \
                and (not ev["actors"] or not prev["actors"] or _countries(prev["actors"]) == _countries(ev["actors"])):
            return prev
    return None


def _same_target(out: list[dict], ev: dict) -> dict | None:
    """An earlier event of the same type, actors' countries and named target, whatever its verb
    (اقتحمت القوات المسجد الأقصى … قوات الاحتلال اقتحمت المسجد الأقصى; اقتحم مسلح بوابة فندق
    الجزيرة … الانفجار الذي استهدف فندق الجزيرة): one event told twice."""
    named = _target_words(ev)
    if not named:
        return None
    for prev in out:
        if prev["event_type"] == ev["event_type"] \
                and _countries(prev["actors"]) == _countries(ev["actors"]) and named & _target_words(prev) \
                and {prev["status"], ev["status"]} <= {"asserted", "reported"}:
            return prev
    return None


def _target_words(ev: dict) -> set[str]:
    """The content words that name an event's recipients (without the article)."""
    return {w[2:] if w.startswith("ال") else w for r in ev["recipients"] if not r.get("implicit")
            for w in fold_key(r["name_ar"]).split() if len(w) > 3}


def _same_act(out: list[dict], ev: dict) -> dict | None:
    """An earlier event by the same actors with the same verb and status, whose recipients
    include this one's (توصل لاتفاق مع نظيره الروسي … توصلنا لاتفاق): the same act told again."""
    if not ev["actors"]:
        return None
    keys = frozenset(_party_key(a) for a in ev["actors"])
    mine = _countries(ev["recipients"])
    for prev in out:
        if prev["lemma"] == ev["lemma"] and prev["event_type"] == ev["event_type"] \
                and _compatible(prev["status"], ev["status"]) and frozenset(_party_key(a) for a in prev["actors"]) == keys \
                and (mine <= _countries(prev["recipients"]) or _countries(prev["recipients"]) <= mine):
            return prev
    return None


def _toll(out: list[dict], ev: dict) -> dict | None:
    """A toll told without its attacker (أربعة أشخاص قتلوا، مقتل خمسة) after an attack on the
    same country a few sentences before: part of that attack."""
    if ev["event_type"] != "ASSAULT" or ev["actors"] or ev["lemma"] not in TOLLS:
        return None
    for prev in reversed(out):
        if ev["_sentence"] - prev["_sentence"] > TOLL_REACH:
            return None
        if prev["event_type"] == "ASSAULT" and _countries(prev["recipients"]) & _countries(ev["recipients"]):
            return prev
    return None


def _headline(out: list[dict], ev: dict) -> dict | None:
    """The title's event that a body event tells again (the first with the same type and
    countries)."""
    if ev["_part"] == "title":
        return None
    for prev in out:
        if prev["_part"] == "title" and prev["mentions"] == 1 and _compatible(prev["status"], ev["status"]) \
                and prev["event_type"] == ev["event_type"] and _countries(prev["actors"]) == _countries(ev["actors"]) \
                and _countries(prev["recipients"]) == _countries(ev["recipients"]):
            return prev
    return None


def _compatible(a: str, b: str) -> bool:
    """Statuses two mentions of one event may have: the same, or asserted and reported."""
    return a == b or {a, b} <= {"asserted", "reported"}


def _absorb(first: dict, ev: dict) -> None:
    """Add mention ``ev`` to event ``first``: its span, and the participants, mode and place
    ``first`` lacked."""
    first["mentions"] += 1
    first["mention_spans"].append(ev["trigger_span"])
    if first["_part"] == "title" and first["mentions"] == 2:  # the body's first mention tells it in full
        for field in ("status", "reported_by", "denied_by", "context", "date", "date_span"):
            first[field] = ev[field]
    if not first["actors"] and ev["actors"]:
        first["actors"], first["actor"] = ev["actors"], ev["actor"]
    if first["mode"] is None and ev["mode"] is not None:
        first["mode"], first["cameo"] = ev["mode"], ev["cameo"]
    if first["location"] is None:
        first["location"] = ev["location"]
