"""Trigger patterns: the constructions that make a verb or verbal noun an event.

:data:`TRIGGER_PATTERNS` is tried in order for every reading of a trigger word (a verb
reading first where a verb can stand, a noun reading first after a preposition or a
governing word); the first pattern that answers makes the event's frame (a
:class:`~.reading.Frame`: who acted on whom, and the word whose particles say whether
it happened) or drops the reading with a reason (:class:`~.reading.Dropped`); ``None``
passes the reading on.  Each pattern carries the sentences it was written for.
"""
from __future__ import annotations

from ..rules import Registry
from ..text import lookup_forms
from .participants import Party
from .reading import GOVERNOR_REACH, Candidate, Dropped, Frame, SentenceReader, agrees

TRIGGER_PATTERNS = Registry("trigger pattern")
Result = Frame | Dropped | None

VIOLENT = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
LINKING_PREPOSITIONS = ("من", "في", "علي", "عن", "الي", "ب", "ل")
REQUEST_REACH = 12  # words between a demand (طالب، دعا إلى، هدد بـ) and the acts it demands
RELATIVE_REACH = 4  # words between an event noun and the verb of its relative clause (شنه، نفذها)
AGENT_MARKERS = frozenset({"by"})
OUTCOMES = frozenset({"مقتل", "قتل"})  # nouns of an attack's outcome
OUTCOME_REACH = 6  # words between أسفر عن / أدى إلى and the deaths it led to
SPEECH_REACH = 12  # words between هاجم and the words it attacks (أقوال، تصريحات)
NEEDS_REACH = 5  # words after a verb (and its subject) where its needed object may stand


# --- helpers the patterns share --------------------------------------------------------

def words_after(r: SentenceReader, c: Candidate, count: int) -> list[str]:
    """The first ``count`` words after the trigger."""
    s = r.s
    return [s.words[k] for k in range(c.end, min(s.n, c.end + count)) if s.is_word(k)]


def needs_met(r: SentenceReader, c: Candidate) -> bool:
    """One of the words the trigger needs follows it, or its subject, within a few words
    (قدمت السعودية مساعدات؛ ب* : طالبت الحكومة بتسليمه)."""
    s = r.s
    if c.suffix and not any(n.endswith("*") for n in c.row.needs):
        return False  # تقدمهم: the object is the pronoun
    start = c.end
    subject = r.subject_after(c.i) if c.tense != "noun" else None
    if subject is not None and subject.agent:
        start = subject.chain[-1].last
    for k in range(start, min(s.n, start + NEEDS_REACH)):
        if not s.is_word(k):
            if s.words[k] in (".", ";", ":", ","):
                return False
            continue
        forms = lookup_forms(s.words[k])
        for need in c.row.needs:
            if need.endswith("*"):
                stem = need[:-1]
                w = s.words[k]
                if (w.startswith(stem) or w[1:].startswith(stem) and w[0] in "وف") and len(w) > len(stem) + 2:
                    return True
            elif need in forms:
                return True
    return False


def governor_of(r: SentenceReader, c: Candidate) -> tuple[int, Party | None] | None:
    """(index, subject phrase between) of the support word that governs event noun ``c``:
    شنت طائرات التحالف أمس، سلسلة غارات؛ تمكنت من قتل؛ قامت بقصف؛ فرضت منذ الفجر قيودها؛
    إقدام المتمردين على خطفهن.  Between them may stand the support verb's subject, adverbs,
    a quantity and a prepositional phrase, but no other verb."""
    s = r.s
    lo = max(0, c.i - GOVERNOR_REACH)
    k = c.i - 1
    if k >= 0 and s.words[k] in LINKING_PREPOSITIONS:
        k -= 1
    between = None
    while k >= lo:
        if s.support(k):
            return k, between
        p = r.ending.get(k + 1)
        if p is not None and p.first <= k:
            head = r.chain(p)[0]
            if head.marker is None and head.agent and between is None:
                between = head
            k = head.first - 1
            continue
        if s.readings(k) or s.has_role(k, "barrier", "relative", "request") or s.words[k] in (".", ";", ":") \
                or r.speech_verb(k):
            return None
        k -= 1
    return None


def support_tense(r: SentenceReader, g: int) -> tuple[str, str, str | None]:
    """(tense, proclitics, agreement) of the support word at ``g``."""
    readings = [rd for rd in r.s.readings(g) if rd.row.cls == "support"]
    verb = next((rd for rd in readings if rd.form.tense != "noun"), None)
    rd = verb or readings[0]
    return rd.form.tense, rd.prefix, rd.form.agreement


def verb_subject(r: SentenceReader, c: Candidate, v: int, agreement: str | None,
                 prefix: str) -> tuple[list[Party], bool]:
    """(subject chain, carried) of the verb at token ``v``: the phrase right before it (SVO),
    the subject of the verb it is joined to by و, the phrase right after it (VSO: not a
    counted phrase after a plural verb, قتلوا 50 شخصا), an earlier subject of the sentence,
    or a dropped subject carried over."""
    before = r.subject_before(v)
    if before is not None and before.agent and not prefix.startswith(("و", "ف")):
        return r.chain(before), False
    kana = r.kana_subject(v)
    if kana is not None and kana.agent:
        return r.chain(kana), False  # وكانت نيجيريا، إبان رئاسة …، أوقفت
    joined = prefix.startswith(("و", "ف")) and r.frames and r.frames[-1].actors \
        and agrees(agreement, r.frames[-1].actors[0])
    after = r.subject_after(v)
    counted = after is not None and (r.s.is_number(after.first) or r.s.has_role(after.first, "quantity"))
    if after is not None and after.agent and not (counted and agreement in ("pl", "du")) and not (
            joined and after.kind in ("people", "people_of", "target", "area")):
        return r.chain(after), False
    if joined:
        return r.frames[-1].actors, False
    if before is not None and before.agent:
        return r.chain(before), False
    if after is None and r.unknown_subject(v) or r.relative_to_nothing(v):
        return [], False  # ودمر الانفجار أربع سيارات، العلاقات التي تراجعت: the subject is no actor
    earlier = r.topic_before(v, agreement)
    if earlier is not None:
        return r.chain(earlier), False
    carried = r.carried(c, agreement, armed=c.row.armed)
    return ([carried], True) if carried is not None else ([], False)


def recipients_of(r: SentenceReader, c: Candidate, start: int, exclude: list[Party]) -> list[Party]:
    """The recipient of a trigger from token ``start``: the phrase its markers introduce, or
    its direct object."""
    hi = r.clause_end(c.end)
    markers = frozenset(c.row.recipient - {"obj"})
    found = None
    if "obj" in c.row.recipient:
        found = r.object_after(start, hi, exclude)
        if found is not None and found.marker is not None:
            found = None
    if found is None and markers:
        found = r.marked_after(start, hi, markers | ({"to"} if "obj" in c.row.recipient else set()), exclude)
    if found is None and "obj" in c.row.recipient:
        found = r.speaker_of_what(start)
    if found is None and c.row.event_type in ("REJECT", "SUPPORT", "ACCUSE"):
        found = r.marked_after(start, min(hi, start + 5), frozenset({"with"}), exclude)  # رفض الاتفاق مع إيران
    if found is None:
        return []
    if found.marker == "between" and found.conjuncts:
        return found.chain
    return r.chain(found)


def make(r: SentenceReader, c: Candidate, actors: list[Party], recipients: list[Party], anchor: int,
         anchor_tense: str, anchor_prefix: str = "", carried: bool = False, **kw) -> Frame:
    """The frame of a reading: a host's guest is the actor (استقبل: the visitor visits), and
    the first of the sides after بين acts when nothing else does."""
    if c.row.subject == "recipient" and c.tense != "noun":
        actors, recipients = recipients, actors
    if not actors and recipients and recipients[0].marker == "between" and len(recipients) > 1:
        actors, recipients = recipients[:1], recipients[1:]
    return Frame(c, actors, recipients, anchor, anchor_tense, anchor_prefix, carried=carried, **kw)


# --- the patterns, in the order they are tried -------------------------------------------

@TRIGGER_PATTERNS.rule(("وقصفت قوات الدعم السريع مواقع الجيش في الخرطوم.", None))
def inside_a_name(r: SentenceReader, c: Candidate) -> Result:
    """A trigger word inside a known name, office or group (قوات الدعم السريع، مجلس التعاون):
    no event."""
    if r.s.covered_by_name(c.i):
        return Dropped("inside a name", final=True)
    return None


@TRIGGER_PATTERNS.rule(("رفض المتحدث باسم الوزارة التعليق على التقرير.", None),
                       ("ودعت الحكومة إلى وقف إطلاق النار في المدينة.", {"event_type": "REQUEST"}))
def lexical_exception(r: SentenceReader, c: Candidate) -> Result:
    """The word after (رفض التعليق is a statement) or before (وقف إطلاق النار is a truce) that
    makes the trigger no event."""
    row = c.row
    if not (row.unless_after or row.unless_before):
        return None
    after = words_after(r, c, 2)
    subject = r.subject_after(c.i) if c.tense != "noun" and row.unless_after else None
    if subject is not None and subject.agent:  # رفض المتحدث باسم الكرملين التعليق
        after = [r.s.words[k] for k in range(subject.chain[-1].last, min(r.s.n, subject.chain[-1].last + 2))]
    if row.unless_after and after and (any(f in row.unless_after for f in lookup_forms(after[0]))
                                       or " ".join(after[:2]) in row.unless_after):
        return Dropped(f"{after[0]} after the trigger", final=True)
    if row.unless_before and c.i > 0 and any(f in row.unless_before for f in lookup_forms(r.s.words[c.i - 1])):
        return Dropped(f"{r.s.words[c.i - 1]} before the trigger", final=True)
    return None


@TRIGGER_PATTERNS.rule(("وقدمت الوزارة شرحا مفصلا للخطة الجديدة التي تتضمن مساعدات.", None),
                       ("وقدمت السعودية مساعدات إنسانية لليمن.", {"event_type": "AID", "actor": "SAU"}))
def needs_its_object(r: SentenceReader, c: Candidate) -> Result:
    """A verb that is an event only with its object (قدم مساعدات، فرض عقوبات، وقع اتفاقا)."""
    if c.row.needs and not needs_met(r, c):
        return Dropped("without the object it needs")
    return None


@TRIGGER_PATTERNS.rule(("وطالبت المنظمة بالإفراج عن المعتقلين.", {"event_type": "REQUEST"}),
                       ("واتهمت الحكومة المعارضة بقتل المتظاهرين.", {"event_type": "ACCUSE"}))
def demanded_or_alleged_act(r: SentenceReader, c: Candidate) -> Result:
    """The act a demand, an accusation, a warning or a refusal is about (طالب بالإفراج، دعا إلى
    وقف القصف، اتهم … بقتل، حذر من الهجوم): not coded as having happened."""
    if c.row.event_type in SPEECH_ACTS:
        return None
    s = r.s
    k = s.last_role("request", max(r.clause_start(c.i), c.i - REQUEST_REACH), c.i)
    return Dropped(f"the act {s.words[k]} is about") if k is not None else None


@TRIGGER_PATTERNS.rule(("ودمرت القوات مقر التنظيم، مما أسفر عن مقتل العشرات من مسلحيه.",
                        {"event_type": "ASSAULT", "trigger": "ودمرت"}),
                       ("مقتل خمسة أشخاص في تفجير نفذه انتحاري في سوق شعبية.",
                        {"event_type": "ASSAULT", "trigger": "تفجير", "actor": "انتحاري"}))
def outcome_of_an_event(r: SentenceReader, c: Candidate) -> Result:
    """Deaths that are the outcome of an event the sentence tells (أسفر عن مقتل، أدى إلى مقتل؛
    مقتل خمسة في تفجير): the event is coded, not its outcome again."""
    s = r.s
    if c.row.lemma not in OUTCOMES or c.tense == "present":
        return None
    for k in range(max(r.clause_start(c.i), c.i - OUTCOME_REACH), c.i):
        if s.has_role(k, "result"):
            return Dropped(f"the outcome of {s.words[k]}")
    for k in range(c.end, min(s.n, c.end + 5)):
        if s.words[k] in (".", ";", ","):
            break
        if any(rd.form.tense == "noun" and rd.row.event_type == "ASSAULT" and rd.row.lemma not in OUTCOMES
               for rd in s.readings(k)) or s.trigger_phrase(k):
            return Dropped(f"the outcome of {s.words[k]}")
    return None


@TRIGGER_PATTERNS.rule(
    ("كما شنت طائرات التحالف سلسلة غارات جوية على مواقع المسلحين.", {"event_type": "ASSAULT", "mode": "aerial",
                                                                      "actor": "طائرات التحالف"}),
    ("وألقت الشرطة التركية القبض على ثلاثة أشخاص في إسطنبول.", {"event_type": "COERCE", "actor": "TUR"}),
    ("وتمكنت القوات العراقية من استعادة مناطق واسعة في الأنبار.", {"event_type": "ASSAULT", "actor": "IRQ"}),
    ("واستعدت القوات العراقية لاقتحام المدينة من ثلاثة محاور.", {"event_type": "MOBILIZE", "actor": "IRQ"}),
)
def support_verb_and_noun(r: SentenceReader, c: Candidate) -> Result:
    """An event noun governed by a support verb or noun (شن غارات، ألقى القبض، تمكن من
    استعادة، قام بقصف، إقدام المتمردين على خطفهن): the actor is the governor's subject.  What
    forces prepare for (استعدت القوات لاقتحام المدينة) is left to the mobilisation."""
    if c.tense != "noun":
        return None
    found = governor_of(r, c)
    if found is None:
        return None
    g, between = found
    if any(rd.row.event_type == "MOBILIZE" for rd in r.s.readings(g)):
        return Dropped("what forces prepare for (استعدت القوات لاقتحام): the mobilisation is the event")
    tense, prefix, agreement = support_tense(r, g)
    carried = False
    if between is not None:
        actors = r.chain(between)
    elif tense == "noun":
        genitive = r.party_at(g + 1)
        actors = r.chain(genitive) if genitive is not None and genitive.first < c.i and genitive.agent else []
    else:
        actors, carried = verb_subject(r, c, g, agreement, prefix)
    recipients = [p for p in recipients_of(r, c, c.end, actors) if p not in actors]
    if not recipients and c.row.genitive in ("recipient", "either"):
        genitive = r.genitive(c)
        if genitive is not None and genitive not in actors:
            recipients = r.chain(genitive)
    return make(r, c, actors, recipients, g, tense, prefix, carried)


@TRIGGER_PATTERNS.rule(
    ("وأحبطت القوات هجوما شنه مسلحون على المدينة.", {"event_type": "ASSAULT", "actor": "مسلحون"}),
    ("وقتل جندي بقذيفة هاون أطلقتها الميليشيات.", {"event_type": "ASSAULT", "actor": "الميليشيات"}),
)
def relative_agent(r: SentenceReader, c: Candidate) -> Result:
    """An event noun whose relative clause names its agent (هجوم شنه مسلحون، غارة نفذها
    التحالف، قذيفة هاون أطلقتها الميليشيات، الهجمات التي تنفذها الحركة)."""
    if c.tense != "noun":
        return None
    found = relative_clause_agent(r, c.end)
    if found is None:
        return None
    k, agent, reading = found
    recipients = [p for p in recipients_of(r, c, agent.last, r.chain(agent))]
    return make(r, c, r.chain(agent), recipients, k, reading.form.tense, reading.prefix)


def relative_clause_agent(r: SentenceReader, start: int):
    """(verb index, its subject, its reading) of a relative clause right after a noun whose
    verb carries the pronoun of that noun (شنه مسلحون، نفذها التحالف، التي تنفذها الحركة)."""
    s = r.s
    for k in range(start, min(s.n, start + RELATIVE_REACH)):
        readings = [rd for rd in s.readings(k) if rd.form.tense != "noun" and rd.suffix in ("ه", "ها", "هم")]
        if readings:
            agent = r.subject_after(k)
            if agent is None or not agent.agent:
                return None
            return k, agent, readings[0]
        if not s.is_word(k) or s.readings(k) or (r.party_at(k) and not s.has_role(k, "instrument")):
            if not s.has_role(k, "relative"):
                return None
    return None


@TRIGGER_PATTERNS.rule(
    ("كما تم أسر ثلاثة من مقاتلي الميليشيات.", {"event_type": "ASSAULT", "recipient": "مقاتلي الميليشيات"}),
    ("وتم اعتقال مواطن فرنسي من قبل الشرطة التركية.", {"event_type": "COERCE", "actor": "TUR", "recipient": "FRA"}),
)
def passive_with_tamma(r: SentenceReader, c: Candidate) -> Result:
    """A verbal noun after تم / جرى (تم أسر ثلاثة، جرى اعتقال): the genitive is acted upon, the
    agent follows من قبل / على يد or is the actor met before."""
    s = r.s
    if c.tense != "noun" or c.i == 0 or not s.has_role(c.i - 1, "passive"):
        return None
    genitive = r.genitive(c) or r.marked_after(c.end, r.clause_end(c.end), frozenset({"about", "on"}), [])
    recipients = r.chain(genitive) if genitive is not None else []
    agent = r.marked_after(c.end, r.clause_end(c.end), AGENT_MARKERS, recipients)
    carried = False
    if agent is not None:
        actors = r.chain(agent)
    else:
        found = r.carried(c, None, armed=c.row.armed)
        actors, carried = ([found], True) if found is not None and found not in recipients else ([], False)
    passive = s.words[c.i - 1]
    tense = "present" if passive.lstrip("وف").startswith("ي") else "past"
    frame = make(r, c, actors, recipients, c.i - 1, tense, passive[:len(passive) - 2] if tense == "past" else "",
                 carried)
    frame.passive = True
    return frame


@TRIGGER_PATTERNS.rule(("واعتقلت الشرطة رجلا قال إن الأسر تعاني من الفقر.", None))
def needs_a_governor(r: SentenceReader, c: Candidate) -> Result:
    """A noun that is an event only when something governs it (أسر is "families" alone,
    اتفاق a document, سراح nothing without أطلق)."""
    if c.tense == "noun" and not c.row.alone:
        return Dropped("no support verb or governing word")
    return None


@TRIGGER_PATTERNS.rule(
    ("هاجم الوزير الإسرائيلي تصريحات وزير الخارجية الأميركي.", {"event_type": "ACCUSE", "actor": "ISR"}),
)
def verbal_attack(r: SentenceReader, c: Candidate) -> Result:
    """هاجم of a person or an office, or with words as its object (هاجم الوزير أقوال كيري):
    a verbal attack, ACCUSE disapprove, not an assault."""
    if c.row.lemma != "هاجم" or c.tense == "noun":
        return None
    actors, carried = verb_subject(r, c, c.i, c.form.agreement, c.prefix)
    start = max([p.last for p in actors if p.first > c.i] or [c.end])
    s = r.s
    hi = r.clause_end(c.end)
    k = start
    while k < hi and k - start < SPEECH_REACH and not s.has_role(k, "speech"):
        k += 1
    speech = k < hi and s.has_role(k, "speech")
    if not speech and not any(p.kind in ("person", "official") for p in actors):
        return None
    owner = r.party_at(k + 1) if speech else None  # هاجم الوزير … أقوال وزير الخارجية: whose words
    recipients = r.chain(owner) if owner is not None else [p for p in recipients_of(r, c, start, actors)]
    owners = [p.owner or p for p in recipients]
    return make(r, c, actors, owners, c.i, c.tense, c.prefix, carried,
                event_type="ACCUSE", mode="disapprove", cameo="111")


@TRIGGER_PATTERNS.rule(
    ("وقتل 12 من القرويين برصاص مسلحين في النيجر.", {"event_type": "ASSAULT", "recipient": "NER"}),
)
def passive_verb(r: SentenceReader, c: Candidate) -> Result:
    """A past verb of killing or seizing with the victims right after it and no agent before
    (قتل 12 من القرويين، اعتقل خمسة أشخاص برصاص …): a passive; the agent follows برصاص،
    بنيران، على يد، من قبل or a relative clause (بقذيفة أطلقتها الميليشيات)."""
    s = r.s
    if c.tense != "past" or c.row.event_type not in ("ASSAULT", "COERCE"):
        return None
    voweled = r.doc.passive_vowel(s.starts[c.i] + len(c.prefix), s.ends[c.i])
    before = r.subject_before(c.i)
    if before is not None and c.row.lemma in OUTCOMES and (s.is_number(before.first) or before.kind == "people"):
        frame = make(r, c, [], r.chain(before), c.i, c.tense, c.prefix)  # 50 شخصا قتلوا
        frame.passive = True
        return frame
    k = c.end
    counted = s.is_number(k) or s.has_role(k, "quantity")
    victim = r.party_at(k)
    by_agent = victim is not None and victim.marker is None and r.marked_after(
        victim.last, r.clause_end(c.end), AGENT_MARKERS, []) is not None  # قتل فلسطيني برصاص الجيش، على أيدي
    if not voweled and (c.form.agreement != "m" or before is not None or not (counted or by_agent)):
        return None  # قتل 12 شخصا: a passive; قتلت 10 منهم: she killed (a dropped subject)
    recipients = r.chain(victim) if victim is not None and not victim.marker else []
    hi = r.clause_end(c.end)
    agent = r.marked_after(c.end, hi, AGENT_MARKERS, recipients)
    actors = r.chain(agent) if agent is not None else instrument_agent(r, c, k, hi)
    frame = make(r, c, actors, recipients, c.i, c.tense, c.prefix)
    frame.passive = True
    return frame


def instrument_agent(r: SentenceReader, c: Candidate, k: int, hi: int) -> list[Party]:
    """The agent named by the relative clause of an instrument after a passive (قتل جندي
    بقذيفة هاون أطلقتها الميليشيات)."""
    s = r.s
    for j in range(k, hi):
        if s.words[j].startswith("ب") and (s.has_role(j, "instrument") or any(
                rd.form.tense == "noun" for rd in s.readings(j))):
            found = relative_clause_agent(r, j + 1)
            return r.chain(found[1]) if found is not None else []
    return []


@TRIGGER_PATTERNS.rule(("واعتقلت الشرطة رجلا بعدما اتهم بالتخابر مع جهة أجنبية.", {"event_type": "COERCE"}),
                       ("وكان الصحفي قد اتهم بالتجسس لصالح جهة أجنبية.", None))
def accused_of(r: SentenceReader, c: Candidate) -> Result:
    """A verb of speech followed by بـ and no subject (اتهم بالتخابر، طولب بالرحيل): a
    passive, whose accuser is not said."""
    s = r.s
    if c.tense != "noun" and c.row.event_type in SPEECH_ACTS and c.end < s.n and s.words[c.end].startswith("ب") \
            and r.party_at(c.end) is None:
        return Dropped("a passive: he was accused of, asked to")
    return None


@TRIGGER_PATTERNS.rule(("وتنتشر في المنطقة قوة الاتحاد الأفريقي التي تقاتل المتمردين.", None))
def describing_clause(r: SentenceReader, c: Candidate) -> Result:
    """A present verb right after a relative pronoun describes its noun (القوة التي تقاتل
    المتمردين، المسلحين الذين يسيطرون عليها): background, not news; a past verb (التي قصفت)
    or كان with a present (التي كانت تخوض) tells what happened."""
    s = r.s
    if c.tense == "present" and c.i > 0 and s.has_role(c.i - 1, "relative") and not c.prefix:
        return Dropped("a relative clause that describes")
    return None


@TRIGGER_PATTERNS.rule(
    ("وقصفت مقاتلات التحالف معسكرا للحوثيين في صنعاء.", {"event_type": "ASSAULT", "actor": "SAU",
                                                          "recipient": "YEM"}),
    ("اعتقلت الشرطة التركية مواطنا فرنسيا في إسطنبول.", {"event_type": "COERCE", "actor": "TUR",
                                                          "recipient": "FRA"}),
    ("والتقى وزير الخارجية السعودي نظيره الإيراني في مسقط.", {"event_type": "CONSULT", "actor": "SAU",
                                                               "recipient": "IRN"}),
    ("المقاومة تقطع طرق إمداد الحوثيين بين لحج وتعز.", {"event_type": "ASSAULT", "actor": "المقاومة"}),
)
def finite_verb(r: SentenceReader, c: Candidate) -> Result:
    """A verb with its subject (after it, before it, or dropped and carried over) and its
    object or the phrase its preposition introduces (قصفت الطائرات المواقع، تظاهر … ضد)."""
    if c.tense == "noun":
        return None
    actors, carried = verb_subject(r, c, c.i, c.form.agreement, c.prefix)
    start = max([p.last for p in actors if p.first > c.i] + [c.end])
    recipients = [p for p in recipients_of(r, c, start, actors) if p not in actors]
    return make(r, c, actors, recipients, c.i, c.tense, c.prefix, carried)


@TRIGGER_PATTERNS.rule(
    ("وأدت اشتباكات بين الجيش والمسلحين إلى مقتل خمسة.", {"event_type": "ASSAULT", "actor": "الجيش"}),
    ("وشهدت المدينة اعتقال صحفي فرنسي من قبل الشرطة التركية.", {"event_type": "COERCE", "actor": "TUR",
                                                                "recipient": "FRA"}),
    ("وبحث اجتماع وزير الخارجية الروسي مع نظيره التركي الأزمة.", {"event_type": "CONSULT", "actor": "RUS"}),
)
def verbal_noun(r: SentenceReader, c: Candidate) -> Result:
    """An event noun with its genitive (اجتماع الوزير، اعتقال مواطن), the pronoun glued to it
    (زيارته)، a country adjective (المساعدة الأميركية), the agent after من قبل / من, and the
    phrase its preposition introduces (مع، على، بين)."""
    if c.tense != "noun":
        return None
    row = c.row
    actors: list[Party] = []
    recipients: list[Party] = []
    carried = False
    genitive = r.genitive(c)
    if genitive is not None:
        if row.genitive == "actor" or (row.genitive == "either" and genitive.agent and not genitive.kind == "people"):
            actors = r.chain(genitive)
        elif row.genitive in ("recipient", "either"):
            recipients = r.chain(genitive)
    if not actors and c.suffix in ("ه", "ها", "هم", "هما") and row.genitive in ("actor", "either"):
        found = r.fronted_owner(c) or r.carried(c, {"ه": "m", "ها": "f", "هم": "pl"}.get(c.suffix))
        actors, carried = ([found], True) if found is not None else ([], False)
    if not actors:
        nisba = r.nisba_after(c)
        if nisba is not None:
            actors = [nisba]
    hi = r.clause_end(c.end)
    if not actors:
        agent = r.marked_after(c.end, hi, AGENT_MARKERS | ({"from"} if row.event_type in VIOLENT else set()),
                               recipients)
        if agent is not None and (agent.marker == "by" or agent.armed):
            actors = r.chain(agent)
    start = max([p.last for p in actors + recipients if p.first >= c.end] + [c.end])
    if not recipients:
        recipients = [p for p in recipients_of(r, c, start, actors) if p not in actors]
    if not actors and recipients and recipients[0].marker == "with" and (
            row.event_type in VIOLENT or row.event_type == "CONSULT"):
        found = r.carried(c, None, armed=row.event_type in VIOLENT)  # معارك مع مسلحي داعش، بعد الاجتماع مع لافروف
        if found is not None and found not in recipients:
            actors, carried = [found], True
    return make(r, c, actors, recipients, c.i, "noun", c.prefix, carried)
