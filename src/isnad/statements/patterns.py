"""Statement patterns: the constructions that make a reporting cue a statement.

:data:`STATEMENT_PATTERNS` is tried in order for every live cue of a sentence;
the first pattern that answers makes the statement (a :class:`Draft`) or
drops the cue with a reason (:class:`Dropped`); ``None`` passes the cue on.
Each pattern carries the sentences it was written for as fixtures.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..mentions import Mention
from ..rules import Registry
from .draft import Draft, Dropped
from .names import accusative_noun, glued_noun, lone_name_word, name_word, names_someone, pronoun_object
from .parser import PhraseParser
from .phrases import description_between_commas
from .reading import CLAUSE_LINKS, CLAUSE_PUNCT, CONDITIONS, COORDINATORS, DURING, IN_STATEMENT, KANA_GENDER, QAD
from .sentence import Sentence, Token, unglued
from .speaker import SCRIPTURE, Speaker, gender_agrees, unresolved
from .words import bare

if TYPE_CHECKING:
    from .discourse import Discourse
    from .reading import SentenceReader

VERB_KINDS = ("verb_past", "verb_present", "participle")
OBJECT_PREPOSITIONS = ("علي", "الي", "من", "عن")
CLAUSE_STARTS = (",", ";", ":", "-", '"')  # marks after which a clause's first verb may stand
COORDINATED_CLAUSE_SPAN = 20  # words back from a verb to the clause it is coordinated with
PURPOSE_SUBJECT_SPAN = 8  # words from the start of a sentence to its إذ
PARTICIPLE_OPENER_REACH = 3  # words between a participle and its إن / أن / colon
SUBJECT_REACH = 5  # first words of a sentence where a participle's subject may start
CONTRAST_SUBJECT_WORDS = 6  # words of a subject between لكن and its verb
ANTECEDENT_WORDS = 6  # words of the phrase a relative pronoun refers back to
RELATIVE_GENDER = {"الذي": "m", "التي": "f", "الذين": "pl"}
PRONOUN_GENDER = {"هو": "m", "هي": "f", "هم": "pl", "هن": "pl"}  # وهي تقول إن …: who the pronoun stands for
CALL_TO_CALLER = 6  # words from a call to the من that names its caller (اتصالا هاتفيا البارحة الأولى، من)
OCCASION_REACH = 30  # words back from a verb with خلاله to the call or meeting it refers to
VOICE_REACH = 4  # words between a body and the على لسان that names who spoke for it
TOPIC_WORDS = 10  # words of the topic a speaker turns to before the verb (وعن موعد الافتتاح، قال)
VOICE_NAME_WORDS = 4  # words of office and title before the name after على لسان
DATELINE_WORDS = 8  # words of a dateline before its colon (مانيلا - «الشرق الأوسط»:)
QUOTED_SOURCE_TOKENS = 5  # words and the dots of initials between the quotes of a quoted source (بحسب "بي.دبليو.سي")
NAME_QUOTE_WORDS = 6  # words a quoted name may hold, with its marks
DESCRIBING_CLAUSE_SPAN = 25  # words of a relative clause that may describe an according-to source
PERSON_ASIDES = ("وهو", "وهي")  # an aside that describes the person named before it (…، وهو مستشار سابق، …)
THEN_THAT = ("فان", "فانه", "فانها")  # folded فإن, فإنه, فإنها: the words after an according-to phrase
CLAIM_AFTER_RELAY_WORDS = 3  # words after a mid-sentence according-to phrase that carry on its claim
SAYING_ASIDE = 6  # words of an aside (وأضاف، في تصريح صحفي، أن) before the opener of a verb of saying

STATEMENT_PATTERNS = Registry("statement pattern")
INTRODUCING_SENTENCE = 400  # characters of the sentence before that may introduce a speaker
SLOT_WORDS = 10  # words a subject slot no rule reads may hold before its إن / أن / colon
OBJECT_BEFORE_PREPOSITION = 6  # words of an object between a verb and the إلى it needs (وعزا ذلك إلى)
SAID_WHERE_WORDS = 8  # words from where or to whom the words were said to the إن / أن / colon (في حديث لـ«الوطن»:)
THAT_BEFORE = ("ذلك", "هذا", "بذلك", "بهذا")  # أوضح ذلك X، صرح بذلك X: what the sentence before told
SHORT_ADVERBIAL_WORDS = 5  # الذي أعلن في ختام أعمال المنتدى أن: where or when, before the words
AS = ("كما", "وكما")  # كما يقول X: as X says
WHERE_SAID_WORDS = 8  # the longest «في صحيفة …» after an as-said speaker
AS_SAID_ENDS = (".", ",", ")", ";", "!", "?")  # the marks that close an as-said phrase
ACCUSED_CLAUSE_WORDS = 3  # words of a relative clause between the accused and the ب of the charge
RELAY_WORDS_GAP = 6  # words between a relaying outlet with no source and the أن of what it carried
OWN_WORDS_GAP = 4  # words between a named speaker and the إن / أن of its words (في بيان له)
WEAK_SUBJECT_RULES = ("subject_slot", "unknown_subject", "noun_phrase")  # phrase rules that read any words
WORDS_CAME = ("جاء", "ورد", "صدر")  # ما جاء / ورد على لسان …: words referred to
Result = Draft | Dropped | None


# --- helpers the patterns share ----------------------------------------------------

def speaker_of(r: SentenceReader, cue: Mention, ci: int, subject: Speaker | None,
               carry_over: bool) -> tuple[Speaker, int, bool] | None:
    """(speaker, index where the attribution goes on, whether the sentence names it) for
    the verb cue at token ``ci``; None when the subject is not understood."""
    row = cue.value
    j = r.skip_dashed_aside(r.s.index_after(cue.end))
    if r.doc.text[cue.start:cue.key_start] == "ل":  # ووزارة الداخلية إذ تعلن ذلك لتؤكد للعموم …
        purpose = purpose_subject(r, ci)  # (not وجاء فوز الفريق ليؤكد عقدة المدرب: no one speaks)
        return (purpose, j, True) if purpose is not None else None
    if j < r.n and r.toks[j].text in DURING[2:] and _occasion_before(r, ci):
        subject = _speaker_of_occasion(r, ci)  # أجرى الملك اتصالا هاتفيا بالرئيس … أكدا خلاله: the one who
        if subject is not None:  # made the call (تلقى … اتصالا من الرئيس … جدد خلاله: the caller)
            return subject, j + 1, True
    informs = r.doc.words.lemma_is(row, "informs")
    k = r.skip_addressee(r.skip_words(j), informs=informs)
    if row["object"] != "yes":
        k = r.skip_demonstrative_object(k)  # أوضح ذلك اليوم مدير … أن (not وأعلن ذلك الرئيس: ذلك is all it announced)
    res = explicit_subject(r, cue, ci, j, k)
    if res is None and informs:
        res = _subject_past_informed_name(r, cue, ci, j, k)
    if res is not None:
        voice = _voice_of(r, res[1])
        if voice is not None:
            return voice[0], voice[1], True
        return res[0], res[1], True
    speaker = r.before_cue(ci) or described_noun(r, cue, ci) or issuer_of_report(r, cue, ci)
    if speaker is not None:
        return speaker, j, True
    if r.lead_source is not None and r.lead_source[0] == ci and gender_agrees(row["gender"], r.lead_source[1]):
        r.parser.last_rule = "leading_relay"
        return r.lead_source[1], j, True
    if r.doc.words.lemma_is(row, "named_subject"):
        return None  # استطلاع أجرته «سي إن إن»، حيث أظهر أن …: not the spokesman named before
    giver = _giver_of_speech(r, ci) if j < r.n and r.toks[j].text in DURING[:2] else None
    if giver is not None:
        return giver, j + 1, True  # بكلمة لمديرة المدرسة سارة السالم، أوضحت فيها …
    noun = ci - 1 - (ci > 2 and r.toks[ci - 1].text == ",")  # (… كلمة، أكد فيها)
    if j < r.n and r.toks[j].text in DURING[:2] and noun > 0 and r.toks[noun].text.isalpha() \
            and ((not r.s.definite(r.toks[noun]) and not r.s.is_(noun, "any")) or _occasion_before(r, ci)):
        subject = _speaker_of_occasion(r, ci)  # ألقى الوزير كلمة أكد فيها أن …: the speech's giver (كلمة
        if subject is not None:  #               من وكيل المحافظة أكد فيها: the one it is from)
            return subject, j + 1, True
    said_by = pronoun_subject(r, cue, ci, k) if carry_over else None
    if said_by is not None:
        return said_by, j, True
    if row["kind"] == "verb_present" and not (j < r.n and r.toks[j].text in ('"', ":")) \
            and not _topic_then_colon(r, j) \
            and not (subject is not None and (_after_purpose(r) or _present_goes_on_present(r, cue))) \
            and not _present_goes_on(r, cue, j, subject):
        return None  # يُزعم، يقال: a present form needs its subject, unless a quotation follows (، تقول "…")
    if subject is not None:
        return subject, j, False
    unsaid = " " in cue.key or r.subjectless(k) or (j < r.n and r.toks[j].text in (",", ":")) \
        or (_verb_opens_clause(r, ci) and (_ba_object_follows(r, cue, k) or _object_noun_follows(r, cue, k)
                                            or _feminine_object_follows(r, cue, k)
                                            or _people_then_content(r, cue, k)
                                            or _object_then_needed_preposition(r, cue, k)
                                            or _accused_follows(r, cue, k)))
    if unsaid and not r.subordinate(ci):
        asked = contacted_party(r, ci, row["gender"])
        if asked is not None:
            return asked, j, True
    if carry_over and ci > 2 and (unsaid or row["object"] == "yes") and not r.subordinate(ci) \
            and (r.toks[ci - 1].text in (",", ";", "فيما") or r.s.is_(ci - 1, "contrast")
                 or r.doc.text[cue.start:cue.key_start] in ("و", "ف")):  # …، وقال / فكتب: the clause's subject
        subject = r.earlier_speaker(row["gender"]) or (None if _in_relative_clause(r, ci) else (
            clause_subject(r, ci, row["gender"]) or coordinated_clause_subject(r, ci, row["gender"])))
        # وعزا فراتسشر … إلى …، وقال: Fratzscher; استعدت القوات الأمنية …، ودعت الأهالي إلى: the forces
        if subject is not None:
            return subject, j, True
    if carry_over and unsaid and ci > 2 and r.toks[ci - 1].text.lstrip("و") in ("حيث", "اذ"):
        subject = main_clause_subject(r, ci - 1, row["gender"])  # ووافقه الرأي إبراهيم الصيادي حيث قال:
        if subject is not None:
            return subject, j, True
    when = _time_clause_start(r, ci) if carry_over and unsaid else None
    if when is not None:
        subject = main_verb_subject(r, when, row["gender"])  # أغضب مدرب المنتخب الجماهير عندما أكد أن …
        if subject is not None:
            return subject, j, True
    if ci > 1 and r.toks[ci - 1].text in RELATIVE_GENDER and _opens_right_after(r, j, r.doc.words.lemma_is(row, "saying")):
        subject = antecedent(r, ci - 1, row["gender"])  # تصريحات مورينيو الذي قال "…"
        if subject is not None:
            return subject, j, True
    if r.subordinate(ci) or r.subject_before(ci) or not unsaid:
        return None  # وتابع، إذا كان …: a comma right after the verb leaves its subject unsaid
    if not carry_over:
        return None
    speaker = r.d.carry_over(row["gender"])
    if speaker is not None:
        r.parser.last_rule = "carried_subject"
        return narrated_subject(r, speaker, row["gender"]) or speaker, j, False
    speaker = introduced_person(r, row["gender"]) or introduced_subject(r, row["gender"])
    if speaker is not None:
        return speaker, j, False
    r.parser.last_rule = "unresolved"  # وأضاف with no earlier speaker it agrees with: kept, not guessed
    return unresolved((cue.start, cue.start), row["gender"] if row["gender"] in ("m", "f", "pl") else None), j, False


def pronoun_subject(r: SentenceReader, cue: Mention, ci: int, k: int) -> Speaker | None:
    """Who a personal pronoun that opens the verb's clause stands for (وهي تقول إن …، فهو يرى أن
    …): a speaker of its gender in this sentence, the subject of its first clause, the last
    speaker of that gender, else the person or body the sentence before introduced; the verb
    agrees with the pronoun and no subject follows it (not وهو يرى صغر أعمارهم)."""
    if ci == 0 or not (ci == 1 or r.toks[ci - 2].text in CLAUSE_PUNCT):
        return None
    word = r.toks[ci - 1].text
    gender = PRONOUN_GENDER.get(word[1:] if len(word) == 3 and word[0] in "وف" else word)
    if gender is None or cue.value["gender"] != gender or not r.subjectless(k):
        return None
    speaker = r.earlier_speaker(gender)
    if speaker is None:
        first_clause = clause_subject(r, ci - 1, gender)  # (its own rule names how it was found)
        if first_clause is not None:
            return first_clause
        speaker = r.d.carry_over(gender)
    if speaker is not None:
        r.parser.last_rule = "pronoun_subject"
        return speaker
    return introduced_person(r, gender) or introduced_subject(r, gender)


def described_noun(r: SentenceReader, cue: Mention, ci: int) -> Speaker | None:
    """The indefinite noun right before a verb that describes it, the verb's subject (هناك أنباء
    تحدثت عن …؛ أوردت مواقع تقارير تفيد بأن …؛ نقل عن شهود قالوا إن …): an unnamed source of
    one or two words with no article and no preposition glued to it (not بشخص يزعم …), which the
    verb, not glued to و or ف, agrees with; not an office, which may be an adjective (عوامل رئيسة
    تدعو إلى …)."""
    if ci < 2 or r.doc.text[cue.start:cue.key_start]:
        return None
    s, toks = r.s, r.toks
    if cue.value["stance"] == "accuse" and ci + 1 < r.n and toks[ci + 1].text[0] == "ب":
        return None  # شخص اتُّهم باختراق …: accused, no accuser
    for k in (ci - 1, ci - 2):
        if not toks[k].text.isalpha() or s.definite(toks[k]) or s.conjunction(toks[k]) or glued_noun(s, toks[k]) \
                or s.is_(k, "preposition", "intro", "subordinator", "skip", "auxiliary", "clause_opener", "quantity") \
                or s.at(k, "cue") is not None:
            return None
        found = r.parser.parse(k, ci, allow_name=False)
        if found is not None and found[1] == ci and found[0].kind == "anonymous" \
                and gender_agrees(cue.value["gender"], found[0]):
            r.parser.last_rule = "described_noun"
            return found[0]
    return None


def issuer_of_report(r: SentenceReader, cue: Mention, ci: int) -> Speaker | None:
    """The body that issued the statement or report named right before a verb that tells what it
    says, the verb agreeing with the noun (ونشرت الوزارة بيانا أكد أن …؛ وأصدرت الشركة تقريرا قال
    إن …): the subject of the clause that issued it."""
    if ci < 3 or r.doc.text[cue.start:cue.key_start]:
        return None
    k = ci - 1
    while k > ci - 4 and r.s.is_(k, "skip", "demonstrative"):
        k -= 1  # تقريرا هذا الشهر قال إن …
    noun = r.s.at(k, "cue", lambda m: m.value["kind"] == "noun" and not m.prefix_len)
    if noun is None or r.s.definite(r.toks[k]) or r.s.is_(k - 1, "preposition", "adverbial_prep"):
        return None  # (في تصريحات يرجح أن …: where it was said)
    feminine = r.s.written_ending(r.toks[k], "ة") or r.toks[k].text.endswith("ات")
    if cue.value["gender"] != ("f" if feminine else "m"):
        return None  # (تصريحات عبر فيها: the words are not what speaks)
    found = main_clause_subject(r, k, "-")
    if found is not None:
        r.parser.last_rule = "issuer_of_report"
    return found


def _topic_then_colon(r: SentenceReader, j: int) -> bool:
    """Whether what a present verb is about, then a colon and a quotation, follow it (ويقول عن
    تجربته: «…»): the words quoted, whoever the verb's subject is."""
    toks = r.toks
    return j + 3 < r.n and toks[j].text == "عن" and toks[j + 1].text.isalpha() and toks[j + 2].text == ":" \
        and toks[j + 3].text == '"'


def _voice_of(r: SentenceReader, k: int) -> tuple[Speaker, int] | None:
    """The person a body speaks through, named after على لسان a few words past the body (حذرت
    مديرية الدفاع المدني بالباحة على لسان متحدثها العقيد جمعان الغامدي من …): the speaker, with
    the index past the name; None when no على لسان follows."""
    toks = r.toks
    for z in range(k, min(r.n - 2, k + VOICE_REACH)):
        if toks[z].text == "علي" and toks[z + 1].text == "لسان":
            res = r.parser.parse(z + 2, r.n)
            if res is None or res[0].kind not in ("person", "official"):
                res = r.person_in_topic(z + 2, r.n, VOICE_NAME_WORDS)  # متحدثها العقيد جمعان …
            if res is not None:
                r.parser.last_rule = "voice_of_the_body"
            return res
        if not toks[z].text.isalpha() or r.s.is_(z, "intro", "intro_say") or r.s.at(z, "cue") is not None:
            return None
    return None


def _occasion_before(r: SentenceReader, ci: int) -> bool:
    """Whether a call, meeting or speech (``occasion`` in speech_words.tsv) is named earlier in the
    sentence, before the verb at ``ci`` that says what was said during it (… اتصالا هاتفيا … جدد خلاله)."""
    return any(r.s.is_(z, "occasion") for z in range(max(0, ci - OCCASION_REACH), ci))


def _speaker_of_occasion(r: SentenceReader, ci: int) -> Speaker | None:
    """Who speaks during the call, speech or cable a verb with فيه / خلاله refers back to: its
    caller or the one it is from, else the subject of the clause that made it."""
    return caller(r, ci) or main_clause_subject(r, ci - 1, "-")


def caller(r: SentenceReader, ci: int) -> Speaker | None:
    """The caller named after من in a call received (تلقى خادم الحرمين الشريفين اتصالا هاتفيا اليوم من
    الرئيس فرانسوا هولاند …) or the speaker of a speech «from» someone (كلمة مختصرة من وكيل المحافظة
    أكد فيها): who speaks during it; None when no one is named so."""
    toks = r.toks
    received = any(t.text.removeprefix("و") == "تلقي" for t in toks[:min(ci, 3)])
    reach = CALL_TO_CALLER if received else 2  # (تلا ذلك كلمة مختصرة من وكيل المحافظة أكد فيها)
    for z in range(1, ci):
        if toks[z].text == "من" and any(r.s.is_(y, "occasion") for y in range(max(0, z - reach), z)):
            res = r.parser.parse(z + 1, ci) or r.person_in_topic(z + 1, ci, CALL_TO_CALLER)  # من فخامة الرئيس …
            return res[0] if res is not None else None
    return None


def _giver_of_speech(r: SentenceReader, ci: int) -> Speaker | None:
    """The one a speech is for or given by, named right after it (بدأ الحفل بكلمة لمديرة المدرسة
    سارة السالم، أوضحت فيها …؛ بكلمة ألقاها المدير سالم الحربي، شكر فيها …), for the verb with
    فيها at ``ci``; None when no one is named so."""
    toks, s = r.toks, r.s
    for z in range(max(1, ci - OCCASION_REACH), ci - 1):
        if not (s.is_(z - 1, "occasion") or s.is_word(unglued(toks[z - 1]), "occasion")):
            continue
        if s.is_(z, "gives_speech"):
            res = r.parser.parse(z + 1, ci)  # كلمة ألقاها المدير
        elif toks[z].text.startswith("ل"):
            res = r.parser.parse(z, ci)  # كلمة لمديرة المدرسة، لرئيس النادي
        else:
            continue
        return res[0] if res is not None and res[0].kind in ("person", "official") else None
    return None


def _subject_past_informed_name(r: SentenceReader, cue: Mention, ci: int, j: int, k: int) -> tuple[Speaker, int] | None:
    """After a verb of informing, the speaker past a quoted name the lexicon does not know as an
    outlet, when the name itself is no speaker: the outlet informed (أبلغ «الاقتصادية» مصرفيون أن …)."""
    if k >= r.n or r.toks[k].text != '"':
        return None
    past = r.quoted_name_end(k)
    return explicit_subject(r, cue, ci, j, r.skip_words(past)) if past is not None else None


def _object_noun_follows(r: SentenceReader, cue: Mention, k: int) -> bool:
    """The verb's object right after it, so its subject is unsaid: a noun that speech verbs take
    as their object (``object_noun``: وأكد ضرورة استمرار التوعية، وشدد أهمية …) or a noun with its
    pronoun (وأبدى سعادته بالمعرض)."""
    return cue.value["object"] == "yes" and k < r.n and (r.s.is_(k, "object_noun") or pronoun_object(r.s, r.toks[k]))


def _feminine_object_follows(r: SentenceReader, cue: Mention, k: int) -> bool:
    """Whether a feminine noun right after a masculine verb that takes an object is that object,
    for a feminine subject would make the verb feminine (واتهم الحكومة بالتقصير، وانتقد وزارة
    الصحة، كما اتهم جهات مسؤولة بالفساد): a noun written with ة or a plural in ات, not a name
    (أسامة), a role (الداعية) or a plural of men in ة (سادة، قضاة). Only for a verb joined by و / ف
    that opens a clause of its own, right before the noun; not بين, «between»."""
    ci = r.s.index_after(cue.start)
    if cue.value["object"] != "yes" or cue.value["gender"] != "m" or k >= r.n or k != r.s.index_after(cue.end) \
            or r.doc.text[cue.start:cue.key_start] not in ("و", "ف") or _in_relative_clause(r, ci) \
            or r.doc.words.lemma_is(cue.value, "also_preposition"):
        return False
    s, tok = r.s, r.toks[k]
    noun = bare(tok.text)
    if (len(noun) == 4 and noun[1] == "ا") or noun.endswith("اه"):
        return False  # سادة، قادة، دعاة: men, who take a masculine verb
    return tok.text.isalpha() and (s.written_ending(tok, "ة") or (tok.text.endswith("ات") and len(tok.text) > 4)) \
        and not s.is_word(tok, "any_first_name") and s.head_kind(tok) != "group" \
        and s.at(k, "role", lambda m: m.value["kind"] in ("official", "title", "anonymous")) is None \
        and s.at(k, "actor", lambda m: r.doc.lexicon.actors[m.value].kind == "person") is None and not s.starts_name(k) \
        and not r.parser.met_after_first_name(tok) and not (k + 1 < r.n and r.s.prep_then_intro(k + 1))
    #   (وأشار بدلة إلى أن: a family name met before, the subject)


def _object_then_needed_preposition(r: SentenceReader, cue: Mention, k: int) -> bool:
    """Whether the verb's object stands at token ``k``, then the إلى it needs a few words on
    (وأرجع ذلك إلى …، وعزت التراجع في المبيعات إلى …), or what a verb that calls on someone
    calls them to (كما دعا إدارة النادي إلى …، وحث أنصاره على …، ونصح أتباعه بالتهدئة): its
    subject is unsaid and the content starts with the object; not when a name, a mark or an
    opener comes first."""
    calls = r.doc.words.lemma_is(cue.value, "calls_on") and k < r.n and _called_on(r, cue, r.toks[k])
    if cue.value["object"] != "yes" or not (calls or r.doc.words.needs_of(cue.value) == (("الي",),)):
        return False
    for z in range(k + 1, min(r.n, k + OBJECT_BEFORE_PREPOSITION + 1)):
        if r.toks[z].text == "الي" or (calls and (r.toks[z].text == "علي" or _ba_noun(r, z))):
            return True
        if not r.toks[z].text.isalpha() or r.s.is_(z, "intro") or r.s.starts_name(z):
            return False
    return False


def _called_on(r: SentenceReader, cue: Mention, tok: Token) -> bool:
    """Whether the word right after a verb that calls on someone is the one called on, not its
    subject: it has its pronoun (ونصح أتباعه)، the verb is plural (وطالبوا المجتمع الدولي) or
    masculine before a feminine noun (كما دعا إدارة النادي); not دعا طبيب أسنان إلى …: its subject."""
    gender = cue.value["gender"]
    return pronoun_object(r.s, tok) or gender == "pl" or (
        gender == "m" and r.s.written_ending(tok, "ة") and not r.s.first_name(tok))


def _oblique_plural(r: SentenceReader, k: int) -> bool:
    """A definite plural of people in ين at token ``k`` (الموظفين، المواطنين، الراغبين): the
    accusative or genitive, so an object of the verb before it, not its subject (المواطنون)."""
    if k >= r.n:
        return False
    tok = r.toks[k]
    if not (r.s.definite(tok) and tok.text.endswith("ين")) or r.s.at(k, "actor") is not None:
        return False
    return r.s.head_kind(tok) == "group" or len(tok.text.lstrip("وف")) >= 8


def _people_then_content(r: SentenceReader, cue: Mention, k: int) -> bool:
    """The people a verb addresses right after it, then what it asks of them (ودعت الراغبين إلى
    تقديم الطلبات، وحثت المواطنين على …): its subject is unsaid."""
    if cue.value["object"] != "yes" or k + 1 >= r.n or not r.s.definite(r.toks[k]) \
            or not (_oblique_plural(r, k) or r.s.head_kind(r.toks[k]) == "group"):
        return False
    after = r.toks[k + 1]
    return after.text in ("الي", "علي") or r.s.is_(k + 1, "intro") or (after.text[0] == "ب" and glued_noun(r.s, after))


def _verb_opens_clause(r: SentenceReader, ci: int) -> bool:
    """Whether the verb at ``ci``, with the قد before it, opens its sentence or a clause (وأشاد …؛
    وقد وجّه …؛ …، كما أكد …)."""
    k = ci
    while k > 0 and r.toks[k - 1].text in QAD:
        k -= 1
    return r.opens_clause(k) or r.clause_start(ci)


def _ba_object_follows(r: SentenceReader, cue: Mention, k: int) -> bool:
    """The noun behind a بـ right after a cue that needs it or may take a plain object, so the
    subject of a verb that opens its clause is unsaid (وأشاد بجهود الفرق، ووجّه بتشكيل لجنة، وطالب
    بضرورة …; not مع وجود تعهد بعدم …); not a verb whose بـ follows its object (اتهم X بـ) or marks
    the passive."""
    row = cue.value
    takes_ba = ("ب",) in r.doc.words.needs_of(row) or (row["object"] == "yes" and row["stance"] != "accuse")
    return k < r.n and takes_ba \
        and r.toks[k].text[0] == "ب" and glued_noun(r.s, r.toks[k]) and not r.s.is_(k, "noun_context") \
        and not r.doc.words.lemma_is(cue.value, "passive_with_ba")


def _opens_right_after(r: SentenceReader, j: int, saying: bool) -> bool:
    """Whether the content opens right after the verb (إن، أن، a colon; a quotation after a verb
    of saying), past a participle of saying (الذي قال مؤكدا: …): a verb of a relative clause that
    reports speech, not a passive (الذي أُعلن تعيينه، الذي أُعلن «أميرا للمؤمنين»)."""
    toks = r.toks
    j += j < r.n and r.s.at(j, "cue", lambda m: m.value["kind"] == "participle") is not None
    j = _past_short_adverbial(r, r.s.past_time_words(j))  # الذي أعلن في ختام المنتدى أن
    return j < r.n and (toks[j].text == ":" or (saying and toks[j].text == '"') or r.s.is_(j, "intro", "intro_say")
                        or r.s.prep_then_intro(j))  # الذي أشار إلى أن


def _past_short_adverbial(r: SentenceReader, j: int) -> int:
    """Past a short phrase behind في / خلال that ends at an إن / أن (في ختام أعمال المنتدى أن), else
    ``j``."""
    if not (j < r.n and r.s.is_(j, "adverbial_prep")):
        return j
    for z in range(j + 1, min(r.n, j + SHORT_ADVERBIAL_WORDS + 1)):
        if r.s.is_(z, "intro"):
            return z
        if not r.toks[z].text.isalpha() or r.s.at(z, "cue", lambda m: m.value["kind"] != "noun") is not None:
            return j  # (في بيان أن: the statement it was said in)
    return j


def antecedent(r: SentenceReader, rel: int, gender: str) -> Speaker | None:
    """The speaker phrase that ends right before the relative pronoun at token ``rel`` and agrees
    with it and with the verb (نقلت الشبكة تصريحات مورينيو الذي قال «…»؛ المتابع «فايز البلوي» الذي
    قال مؤكدا: …): the longest one, not a phrase only a weak rule reads."""
    found = None
    end = rel - (rel > 1 and r.toks[rel - 1].text == ",")  # سعيد القرني، الذي أكد: past the comma
    for k in range(end - 1, max(-1, end - 1 - ANTECEDENT_WORDS), -1):
        if not r.toks[k].text.isalpha() and r.toks[k].text != '"':
            break
        if r.behind_preposition(k):
            continue  # الوفد برئاسة السفير الأمريكي الذي أكد: the ambassador, not the presidency
        res = r.parser.parse(k, end, allow_name=False)
        if res is not None and res[1] == end and r.parser.last_rule not in WEAK_SUBJECT_RULES:
            found = res[0]
        elif found is None:
            res = r.parser.person_name(k, end, introduced=True)  # جوزيه مورينيو الذي، «فايز البلوي» الذي
            named = res is not None and res[1] == end and (res[0].entity_id or " " in res[0].name_ar
                                                           or res[0].name_ar in r.d.names)
            found = res[0] if named else None
    relative_gender = RELATIVE_GENDER[r.toks[rel].text]
    if found is None or not (gender_agrees(gender, found) and gender_agrees(relative_gender, found)):
        return None
    r.parser.last_rule = "antecedent"
    return found


def introduced_person(r: SentenceReader, gender: str) -> Speaker | None:
    """The one person of the verb's gender named in the sentence before, outside any statement,
    for a verb whose subject is unsaid and which no earlier speaker agrees with (… خلال زيارة قامت
    بها أورسولا فون ديرليان وزيرة الدفاع الألمانية. وقالت إثر لقائها …)."""
    no = r.d.sentence_no
    if gender not in ("m", "f") or no == 0:
        return None
    found = r.d.persons_in.get(no - 1)
    if found is None:
        told = r.d.sentence_spans[no - 1]
        found = r.d.persons_in[no - 1] = [] if told[1] - told[0] > INTRODUCING_SENTENCE else \
            _persons_named(Sentence(r.doc, told), r.d)  # a long sentence names too many to choose from
    agreeing = [sp for sp in found if sp.gender == gender]
    if len(agreeing) != 1 or any(sp.gender is None for sp in found):
        return None  # no one, or more than one person it may be
    r.parser.last_rule = "introduced_person"
    return agreeing[0]


def introduced_subject(r: SentenceReader, gender: str) -> Speaker | None:
    """The body or person that is the subject of the verb opening the sentence before, outside any
    statement, for a verb whose subject is unsaid and which no earlier speaker agrees with (أطلقت
    هيئة الاتصالات وتقنية المعلومات تطبيقا …. وقالت في تغريدات لها: إنه …؛ ذهبت هيلاري
    كلينتون إلى أبعد من بوش. وقالت إن …)."""
    found = _subject_before(r, gender)
    if found is not None:
        r.parser.last_rule = "introduced_subject"
    return found


def narrated_subject(r: SentenceReader, carried: Speaker, gender: str) -> Speaker | None:
    """The subject of the narration between the last statement and a verb whose subject is unsaid,
    when it is someone else: the sentence before told what another did, and the verb goes on
    with them (قال المدرب إن … . وزار رئيس النادي الفريق في معسكره. وأضاف أن …: the chairman)."""
    if r.d.sentence_no - 1 in r.d.spoken_in:
        return None  # the sentence before holds a statement: the carry-over stands
    subject = _subject_before(r, gender)
    if subject is None or subject.kind not in ("person", "official") or subject.name == carried.name:
        return None
    r.parser.last_rule = "introduced_subject"
    return subject


def _subject_before(r: SentenceReader, gender: str) -> Speaker | None:
    """The subject of the verb opening the sentence before (read once a sentence), when a verb of
    ``gender`` agrees with it."""
    no = r.d.sentence_no
    if gender not in ("m", "f") or no == 0:
        return None
    if no - 1 not in r.d.subject_in:
        r.d.subject_in[no - 1] = _opening_subject(Sentence(r.doc, r.d.sentence_spans[no - 1]), r.d)
    found = r.d.subject_in[no - 1]
    return found if found is not None and gender_agrees(gender, found) else None


def _opening_subject(before: Sentence, d: Discourse) -> Speaker | None:
    """The body or person right after the verb that opens ``before``, or after its كان (وكان
    الوزير افتتح اللقاء …), else None."""
    if before.n < 3 or not before.toks[0].text.isalpha():
        return None
    first = before.toks[0]
    kana = before.n >= 4 and KANA_GENDER.get(first.text.lstrip("وف")) is not None and before.toks[1].text.isalpha()
    if not kana and (before.definite(first) or before.is_word(first, "any") or any(
            m.category != "cue" or m.value["kind"] not in VERB_KINDS[:2] for m in before.doc.by_start.get(first.start, ()))):
        return None  # not a verb first (ذهبت …: a verb the lexicon knows as a cue elsewhere)
    parser = PhraseParser(before, d)
    res = parser.parse(1, before.n)
    if kana and res is not None and (parser.last_rule in WEAK_SUBJECT_RULES or (
            res[0].kind == "person" and " " not in (res[0].name_ar or "").strip() and res[0].name_ar not in d.names)):
        return None  # (not وكان الفريق واصل تمارينه: the verb read as the name of a general)
    if res is None and not kana and before.starts_name(1):
        res = parser.person_name(1, before.n, introduced=True)  # ذهبت هيلاري كلينتون إلى أبعد من بوش
    return res[0] if res is not None and res[0].kind in ("organization", "outlet", "person", "official") else None


def _persons_named(before: Sentence, d: Discourse) -> list[Speaker]:
    """The persons a sentence names where a name starts, or an unknown name with its office
    after it (a gender the name list does not give is the office's)."""
    parser = PhraseParser(before, d)
    found: list[Speaker] = []
    i = 0
    while i < before.n:
        opens = before.starts_name(i) or before.at(i, "actor") is not None \
            or before.at(i, "role", lambda m: m.value["kind"] in ("official", "title")) is not None
        if not (opens or (before.toks[i].text.isalpha() and not before.known(before.toks[i]) and any(
                _office_at(before, k) for k in range(i + 1, min(before.n, i + 5))))):
            i += 1  # a name starts here, or an unknown one with its office a few words on
            continue
        res = parser.parse(i, before.n)
        if res is None or res[0].kind != "person":
            i += 1
            continue
        sp, end = res
        k = before.index_after(sp.span[1])
        k += k < before.n and before.toks[k].text == ","
        role = _office_at(before, k)
        if not opens and role is None:
            i += 1  # عندما أطلقت هيلاري: a verb, not a name; an unknown name needs its role after it
            continue
        if sp.gender is None and role is not None and role.value["gender"] in ("m", "f"):
            sp = replace(sp, gender=role.value["gender"])  # أورسولا فون ديرليان وزيرة الدفاع الألمانية
        found.append(sp)
        i = end
    return found


def _office_at(s: Sentence, k: int) -> Mention | None:
    """An office named at token ``k`` (وزيرة الدفاع), not one behind a preposition."""
    return s.at(k, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len)


def _person_subject(r: SentenceReader, k: int, ci: int) -> tuple[Speaker, int] | None:
    """A person or an official named at token ``k`` (قدم أحمد عيد الحربي رئيس الاتحاد … شكره
    …، وقال:؛ ولم يستطع مدير الموقع نعيم البكر أن يجزم …، لكنه قال)."""
    s = r.s
    if s.first_name(r.toks[k - 1]) or s.starts_name(k - 1):
        return None  # عبدالعزيز السلمي- سبق- جدة: a name, not a verb and its subject
    found = r.parser.parse(k, ci)
    if found is not None and found[0].kind in ("person", "official"):
        return found
    for z in range(k + 1, min(ci, k + 4)):  # وجذبت صانعة الدمى زهراء الميلاد بأعمالها …: what she is, her name
        if not r.toks[z - 1].text.isalpha() or s.is_(z - 1, "any"):
            return None
        if s.starts_name(z) and s.definite(r.toks[z - 1]):
            return r.parser.person_name(z, ci, introduced=True)
    return None


def _may_be_a_verb(r: SentenceReader, v: int) -> bool:
    """Whether the word at ``v``, with or without و, may be the verb that opens a clause: no
    article, no function word, no first name (not والعمل، وعبداللطيف)."""
    tok = r.toks[v]
    if not tok.text.isalpha() or r.s.definite(tok) or r.s.is_(v, "any"):
        return False
    word = unglued(tok) if tok.text[0] in "وف" and len(tok.text) > 3 else tok
    return not (word.text.startswith("ال") or r.s.first_name(word))


def _body_subject(r: SentenceReader, k: int, ci: int) -> tuple[Speaker, int] | None:
    """A body named at token ``k`` by its head noun, by the lexicon or by a noun that names one
    (وقد أحكمت الشرطة المحلية الطوق على الحي …)."""
    found = r.parser.noun_phrase(k, ci) if r.s.head_kind(r.toks[k]) else None
    if found is None and (r.s.at(k, "actor") or r.s.at(k, "backref")) is not None:
        found = r.parser.parse(k, ci, allow_name=False)
    if found is not None and found[0].kind in ("organization", "country", "outlet"):
        return found
    return None


def contacted_party(r: SentenceReader, ci: int, gender: str) -> Speaker | None:
    """The one asked or reached at the start of the sentence, who answers with the verb at
    ``ci`` whose subject is unsaid (وبسؤال مدير التعليم بالمنطقة، أوضح أن …؛ وبالتواصل مع
    الناشط الحقوقي علي آل حطاب، أفاد أن …؛ وعند سؤال المتحدث عن …، قال إن …)."""
    s = r.s
    k = 0
    if r.toks[0].text in ("عند", "وعند", "لدي", "ولدي") and r.n > 1 and r.toks[1].text == "سوال":
        k = 1
    if not s.is_(k, "contact") or (k == 0 and r.toks[0].text == "سوال"):
        return None
    k += 1
    k += k < ci and r.toks[k].text == "هاتفي"  # وباتصال هاتفي مع
    k += k < ci and r.toks[k].text == "مع"
    found = r.parser.parse(k, ci) if k < ci else None
    if found is None or found[0].kind in ("outlet", "agency", "anonymous", "unresolved") \
            or not gender_agrees(gender, found[0]):
        return None
    if any(s.at(z, "cue") is not None for z in range(found[1], ci)):
        return None  # another verb answers first
    r.parser.last_rule = "contacted_party"
    return found[0]


def clause_subject(r: SentenceReader, ci: int, gender: str) -> Speaker | None:
    """The subject of the sentence's first clause, for a verb coordinated with it whose
    subject is unsaid (استعدت القوات الأمنية العراقية لاقتحام …، ودعت الأهالي إلى …): a noun
    phrase right after the first verb of the sentence (a cue too, past its demonstrative object:
    أكد ذلك مدير الإدارة …، وقال), when the verb agrees with it."""
    s = r.s
    for k in range(1, min(ci, 8)):
        before = r.toks[k - 1]
        if not before.text.isalpha() or s.definite(before) or (s.is_(k - 1, "any") and s.at(k - 1, "cue") is None) \
                or (k > 1 and r.toks[k - 2].text not in CLAUSE_STARTS and not s.is_(k - 2, "skip")
                    and not (k == 2 and r.toks[0].text.lstrip("و") in ("لم", "لن", "لا", "قد"))):
            continue  # the verb opens the clause (في غضون ذلك، استعدت …؛ من جانبه قدم …؛ ولم يستطع …؛ وقد بسطت …),
            #           not وحول استمرار مشاكل …
        k = r.skip_demonstrative_object(k)  # أكد ذلك مدير الإدارة …، وقال: the director
        people = gender == "pl" and s.definite(r.toks[k]) and r.toks[k].text.endswith("ون") \
            and s.head_kind(r.toks[k]) is None  # فوجئ المصلون بوجوده، واعتبروا: a plural of people in ون
        group = gender == "pl" and s.head_kind(r.toks[k]) == "group" or people  # تفاعل مغردون مع …، طالبوا
        found = (r.parser.group(k, k + 1, k + 1 if people else ci, "pl") if group else None) \
            or _person_subject(r, k, ci) \
            or (r.parser.noun_phrase(k, ci) if s.head_kind(r.toks[k]) else None) \
            or (r.parser.parse(k, ci, allow_name=False)
                if s.at(k, "backref") or s.at(k, "role") or s.country_named(k) else None)
        #   (وبسطت المقاومة الشعبية سيطرتها …، وأكدت أنه …: a body the lexicon names; وتستضيف اليونان
        #   آلاف المهاجرين، وقالت إن …: a country)
        if found is not None:
            if gender_agrees(gender, found[0]) and (found[0].kind != "anonymous" or group):
                r.parser.last_rule = "clause_subject"
                return found[0]
            return None
    return None


def _present_goes_on(r: SentenceReader, cue: Mention, j: int, subject: Speaker | None) -> bool:
    """Whether a present verb of saying glued to و goes on with what its speaker says, its words
    right after أن / إن (ويشير الحكيم إلى أنه …، ويبين أن …), and that speaker is there: ``subject``
    (the clause it is coordinated with) or one met before that agrees; not an impersonal «it is
    said» (يذكر أن، يعتقد أن are not of this class)."""
    return r.doc.text[cue.start:cue.key_start] == "و" and r.doc.words.lemma_is(cue.value, "goes_on") \
        and j < r.n and r.s.is_(j, "intro") and cue.key != "تبين" \
        and (subject is not None or r.d.carry_over(cue.value["gender"]) is not None)  # وتبيّن أن: «it turned out»


def _after_purpose(r: SentenceReader) -> bool:
    """Whether the statement being read opened with a present verb glued to لـ (لتؤكد), which
    a present verb with و may go on from (… لتؤكد للعموم …، وتحذر في الوقت نفسه …)."""
    if r.active is None:
        return False
    cue = r.active.cue
    return cue.value["kind"] == "verb_present" and r.doc.text[cue.start:cue.key_start] == "ل"


def purpose_subject(r: SentenceReader, ci: int) -> Speaker | None:
    """The subject that opens the sentence before إذ, for a present verb glued to لـ that tells
    what it speaks for (ووزارة الداخلية إذ تعلن ذلك لتؤكد للعموم حرص الحكومة …)."""
    idh = next((q for q in range(1, min(ci, PURPOSE_SUBJECT_SPAN)) if r.toks[q].text == "اذ"), None)
    if idh is None:
        return None
    found = r.parser.parse(0, idh)
    if found is None or found[1] != idh or found[0].kind not in ("person", "official", "organization", "country"):
        return None
    r.parser.last_rule = "purpose_subject"
    return found[0]


def _in_relative_clause(r: SentenceReader, ci: int) -> bool:
    """Whether the verb at ``ci`` stands in a relative clause opened since the last clause mark
    (… أقوال كيري، التي انتقد فيها إسرائيل وحذرها من …): its subject is not the main clause's."""
    for z in range(ci - 1, -1, -1):
        if r.toks[z].text in CLAUSE_STARTS:
            return False
        if r.s.relative_pronoun(z):
            return True
    return False


def coordinated_clause_subject(r: SentenceReader, ci: int, gender: str) -> Speaker | None:
    """The person or body that is the subject of the clause just before a verb coordinated with
    it, whose own subject is unsaid (…، كما تفاعل سامي الراشد عضو مجلس النادي مع الحادثة ووعد بتكريم
    …؛ …، وقد أحكمت الشرطة المحلية الطوق على الحي …، وأكدت أنه …): the phrase right after
    the verb that opens that clause, when the verb agrees with it; past a comma, only when no
    other speaker met before agrees with the verb."""
    for c in range(ci - 2, max(-2, ci - COORDINATED_CLAUSE_SPAN), -1):
        if c >= 0 and r.toks[c].text not in CLAUSE_STARTS:
            continue  # (c = -1: the clause that opens the sentence; …، وأكدت: not the comma before the verb)
        v = c + 1 + (c + 1 < ci and r.toks[c + 1].text in COORDINATORS + CLAUSE_LINKS)  # …، كما تفاعل
        v += v < ci and r.toks[v].text in ("قد", "وقد")  # …، وقد أحكمت الشرطة المحلية الطوق …، وأكدت
        if v + 1 >= ci or not _may_be_a_verb(r, v):
            return None  # (…، والعمل معًا على …؛ …، وعبدالرحمن العلي، رد: a noun, not a verb)
        found = _person_subject(r, v + 1, ci) or _body_subject(r, v + 1, ci)
        if found is None or not gender_agrees(gender, found[0]):
            return None
        if r.toks[ci - 1].text in CLAUSE_STARTS:  # a whole clause back: its noun may be the object
            met = r.d.carry_over(gender)  # (وانتقد الكاتب زملاءه …، كما هاجم رئيس التحرير وسخر من …، وقال: the writer
            if met is not None and met.name != found[0].name:  # the article is about, not رئيس التحرير)
                return None
        r.parser.last_rule = "clause_subject"
        return found[0]
    return None


def explicit_subject(r: SentenceReader, cue: Mention, ci: int, j: int, k: int) -> tuple[Speaker, int] | None:
    """The speaker phrase after the verb (from token ``k``), or before it when قد precedes the
    verb (وكان مكتب رعاية الشباب قد أعلن); not the accused of اتهم X بـ, nor one unknown word in
    a subordinate clause (وحين رفضت أحس أن)."""
    described = r.kana_subject_phrase(ci) or r.subject_after_amma(cue, ci)  # وكانت سوزان ماكدانيال،
    if described is not None:  # العضو في اللجنة، صرحت; أما رعد جاسم …، فقال
        return described, j
    if ci > 0 and (r.toks[ci - 1].text == "قد" or r.subject_before(ci)):
        first = r.before_cue(ci) or r.subject_after_kana(ci)  # وكانت حركة طالبان حذرت داعش
        if first is not None:
            return first, j
        if ci < 2 or not r.s.is_(ci - 2, "auxiliary"):
            return None  # وكانت قد توقعت الرئاسة …: nothing between كان and the verb, the subject follows
    if _oblique_plural(r, k) and cue.value["object"] == "yes":
        return None  # وحث الموظفين على …، ودعت المواطنين إلى …: a plural in ين is the object, never the subject
    r.parser.verb_gender = cue.value["gender"] if cue.value["gender"] in ("m", "f", "pl") else None
    r.parser.verb_object = cue.value["object"] == "yes"
    r.parser.verb_needs = tuple(" ".join(w) for w in r.doc.words.needs_of(cue.value))
    r.parser.verb_saying = r.doc.words.lemma_is(cue.value, "saying")
    r.parser.verb_calls_on = r.doc.words.lemma_is(cue.value, "calls_on")
    res = r.parser.parse(k, r.n) if k < r.n else None
    r.parser.verb_gender, r.parser.verb_object, r.parser.verb_needs = None, False, ()
    r.parser.verb_saying = r.parser.verb_calls_on = False
    if res is None:
        return _quoted_subject(r, cue, k) or slot_filler(r, cue, k)
    if cue.value["stance"] == "accuse" and ("ب",) not in r.doc.words.needs_of(cue.value) and _accused_then_ba(r, res[1]):
        return None  # اتهم X بـ: X is the accused (ندد بـ: what follows ب is the content; أدانت
        #              السعودية بأشد العبارات: an adverb)
    if r.subordinate(ci) and res[0].entity_id is None and res[0].kind == "person" and res[1] - k == 1 \
            and res[0].span[0] == r.toks[k].start:
        return None  # (عندما أعلن ليفي أنه …: the family name of one named before speaks)
    if res[0].span[0] == r.toks[k].start and not _verb_agrees(cue.value["gender"], res[0]):
        return None  # التي انتقد فيها إسرائيل: a feminine noun after a masculine verb is its object
    if _first_name_and_a_noun(r, res[0], cue.value["gender"]):
        return None  # وأكدت فتح تحقيق بهذا الشأن: a man's name read into the object of a feminine verb
    return res


def _quoted_subject(r: SentenceReader, cue: Mention, k: int) -> tuple[Speaker, int] | None:
    """A body named only by words in quotes right after the verb, followed, past a description
    between commas, by its words, by where they were said or by what it announced (وقال «مرصد
    أسعار الغذاء» في تقريره إن …؛ وأعلنت «رابطة الصيادين»، الناشطة في الجنوب، عن …): the
    subject, or the body met before whose name holds them; a person when the words name one."""
    found = _quoted_body(r, k, min(r.n, k + 7)) if k < r.n else None
    after = found[1] if found is not None else r.n
    if after < r.n and r.toks[after].text == ",":
        after = description_between_commas(r.parser, after, r.n) or after  # «…»، المسجلة في بورصة لندن، عن …
    if after >= r.n or not ((r.toks[after].text in ("عن", "الي", "علي") and cue.value["object"] == "yes")
                            or _opens_slot_content(r, cue, after) or _slot_opener(r, cue, after)):
        return None
    r.parser.last_rule = "quoted_name"
    if names_someone(r.s, k + 1, after - 1):
        return replace(found[0], kind="person"), after  # وقال «سامر الحداد» عن …
    return r.d.body_named(found[0].name_ar) or found[0], after


def _accused_follows(r: SentenceReader, cue: Mention, k: int) -> bool:
    """Whether the unnamed group at token ``k`` after a verb of accusing is the accused, its charge
    behind ب after it (كما اتهم جهات رسمية لم يسمها بالتقصير): the verb's subject is unsaid."""
    if cue.value["stance"] != "accuse" or ("ب",) in r.doc.words.needs_of(cue.value) or k >= r.n:
        return False
    found = r.parser.group(k, k + 1, r.n, "pl") if r.s.head_kind(r.toks[k]) == "group" else r.parser.parse(k, r.n)
    return found is not None and found[0].kind == "anonymous" and _accused_then_ba(r, found[1])


def _accused_then_ba(r: SentenceReader, j: int) -> bool:
    """Whether what one is accused of, behind ب, follows the phrase that ends at token ``j``,
    right there or past a short relative clause (كما اتهم جهات رسمية لم يسمها بالتقصير): that
    phrase is the accused, not the accuser; not an adverb (أدانت السعودية بأشد العبارات)."""
    for z in range(j, min(r.n, j + ACCUSED_CLAUSE_WORDS + 1)):
        tok = r.toks[z]
        if tok.text[0] == "ب" and tok.text.isalpha() and (_ba_noun(r, z) or r.s.is_(z, "intro") or (
                z == j and not r.s.is_(z, "ba_adverb") and not name_word(r.s, tok, first=True))):
            return True  # (not اتهم … بنيامين نتانياهو: a name)
        if z == j and not (tok.text == "لم" or r.s.relative_pronoun(z)):
            return False  # (جهات رسمية لم يسمها، المسؤولين الذين …: a short clause, then the charge)
        if not tok.text.isalpha() or r.s.is_(z, "intro"):
            return False
    return False


def slot_filler(r: SentenceReader, cue: Mention, k: int) -> tuple[Speaker, int] | None:
    """Whatever words fill the subject slot between a verb and its إن / أن / colon, when no
    speaker rule knows them (وقال الدكتور منصور السيد رئيس مركز الخليج للبحوث الاقتصادية إن …،
    وأضاف الجار الله أن …، وأكد الأب أنه …), up to where or to whom the words were said (وقال
    المزارع في حديث لـ«الوطن»: …): a person when a name or title is among them (a name before a
    comma keeps the rest as its description), else an unnamed source described by them."""
    s, toks = r.s, r.toks
    if " " in cue.key or (k >= 2 and toks[k - 1].text == "," and toks[k - 2].end == cue.end):
        return None  # جاء في …: where the words stand, read by its own pattern; أبسط مما يرى،
        #              نتيجة …: a comma after the verb leaves its subject unsaid
    slot = _slot_opener(r, cue, k)
    if slot is None:
        return None
    end, opener = _before_time_words(r, k, slot[0]), slot[1]
    comma = next((z for z in range(k, end) if toks[z].text == ","), end)
    aside = comma < end - 2 and toks[comma + 1].text in PERSON_ASIDES  # فين ويبر، وهو مستشار سابق، إن
    if not _plain_slot(r, cue, k, comma if aside else end, opener):
        return None
    named = comma > k and (names_someone(s, k, comma) or (aside and not s.definite(toks[k])))
    if comma < end and (not named or toks[end - 1].text == "," and comma < end - 1 and not aside):
        return None  # a comma first, two clauses, or words before a comma that name no one
    fs, fe = toks[k].start, toks[comma - 1].end
    surface = r.doc.surface(fs, fe)  # وقال أرماندو أوشوا، المختص المالي إن …: the name before the comma
    described = r.doc.surface(toks[comma + 1 + aside].start, toks[end - 1].end).strip(" ،,") if comma < end - 1 else None
    gender = cue.value["gender"] if cue.value["gender"] in ("m", "f", "pl") else None
    r.parser.last_rule = "slot_filler"
    return Speaker(surface, surface, "person" if named else "anonymous", (fs, fe), gender=gender,
                   role_ar=described or None), opener


def _before_time_words(r: SentenceReader, k: int, end: int) -> int:
    """Where a subject slot ends before the time words that close it (أعلن النادي بطل الدوري
    اليوم الاثنين أن …: the speaker ends before اليوم)."""
    while end - 1 > k and r.s.is_(end - 1, "skip"):
        end -= 1
    return end


def _slot_opener(r: SentenceReader, cue: Mention, k: int) -> tuple[int, int] | None:
    """(where the subject slot of words and commas from token ``k`` ends, the index of the
    إن / أن / colon (or إلى before أن) that opens the content) within SLOT_WORDS, or of the
    noun behind the بـ a verb needs (أفتى عالم بجواز الصلاة …); the slot may end at where or
    to whom the words were said, with the opener a few words on (وقال صياد من القرية
    لوكالة الصحافة الفرنسية إن …); None when something else comes first."""
    s, toks = r.s, r.toks
    saying = r.doc.words.lemma_is(cue.value, "saying")
    for z in range(k, min(r.n, k + SLOT_WORDS + 1)):
        if _opens_slot_content(r, cue, z) or (saying and z > k and s.is_(z, "speech_opener")
                                              and _name_like_slot(r, k, z)):
            return (z, z) if z > k else None  # (وقال الربيّع يجب أن …: bare words after the name)
        if z > k and toks[z - 1].text != "," and _said_where(r, z):
            opener = next((o for o in range(z + 2, min(r.n, z + SAID_WHERE_WORDS))
                           if _opens_slot_content(r, cue, o)), None)
            return (z, opener) if opener is not None else None
        if not (toks[z].text.isalpha() or toks[z].text == ",") or s.is_(z, "intro_prep"):
            return None
    return None


def _name_like_slot(r: SentenceReader, k: int, z: int) -> bool:
    """Whether the tokens from ``k`` to ``z`` could name someone: definite words or name words,
    none glued to و / ل (not قال كذا ونحن لا …، يقول النقاد لأنني …)."""
    s = r.s
    return all(s.definite(tok) or (name_word(s, tok, first=False) and tok.text[0] not in "ول")
               for tok in r.toks[k:z])


def _opens_slot_content(r: SentenceReader, cue: Mention, z: int) -> bool:
    """Whether token ``z`` opens the content after a subject slot: إن / أن, a colon, إلى أن, or
    the noun behind the بـ the verb needs."""
    s = r.s
    return s.is_(z, "intro") or r.toks[z].text == ":" or s.prep_then_intro(z) or _needed_ba_noun(r, cue, z)


def _said_where(r: SentenceReader, z: int) -> bool:
    """Whether token ``z`` starts where or to whom words were said: في / خلال / عبر before a
    statement noun (في حديث، خلال مؤتمر صحفي) or لـ before an outlet, an agency or a quotation
    (لوكالة الصحافة الفرنسية، لـ«الوطن»)."""
    toks, s = r.toks, r.s
    if z + 1 >= r.n:
        return False
    if toks[z].text in IN_STATEMENT:
        return s.at(z + 1, "cue", lambda m: m.value["kind"] == "noun") is not None \
            or s.is_(z + 1, "occasion", "source_noun")
    if toks[z].text == "ل":
        return toks[z + 1].text == '"'
    return r.outlet_behind_la(z) is not None


def _needed_ba_noun(r: SentenceReader, cue: Mention, z: int) -> bool:
    """Whether token ``z`` is a noun behind the بـ the verb ``cue`` needs, which opens its content
    (أفتى عالم بجواز الصلاة …، أشاد بجهود …)."""
    return ("ب",) in r.doc.words.needs_of(cue.value) and _ba_noun(r, z)


def _ba_noun(r: SentenceReader, z: int) -> bool:
    """Whether token ``z`` is a noun behind بـ (بجواز، بإلغاء); not an adverb (بشدة) nor بسبب."""
    tok = r.toks[z]
    return tok.text[0] == "ب" and glued_noun(r.s, tok) and not r.s.is_(z, "ba_adverb", "noun_context")


def _plain_slot(r: SentenceReader, cue: Mention, k: int, end: int, opener: int) -> bool:
    """Whether the words from ``k`` to ``end`` (an opener at ``opener``) may be a subject: no
    function word, cue, adverb in ا or noun behind بـ (التأكيد على، مستهجنا، علاقة البلدين
    بالجوار); not a word glued to لـ / بـ / و first, an adjective, the verb's object (وأكد ضرورة
    أن، وأبدى سعادته بأن، الخطوات التالية: …) or what a verb like وصف describes before بأن (وصف
    المعركة بأنها)."""
    s, toks = r.s, r.toks
    first = toks[k]
    words = [(z, t) for z, t in enumerate(toks[k:end], start=k) if t.text != ","]
    if (first.text[0] in "لبو" and not s.first_name(first)) or pronoun_object(s, first) \
            or s.is_(k, "role_adjective") or _oblique_plural(r, k) or s.is_(end - 1, "following") \
            or (toks[opener].text.startswith("ب") and r.doc.words.lemma_is(cue.value, "passive_with_ba")):
        return False
    if any(s.at(z, "cue") is not None or (s.is_(z, "any") and not s.is_(z, "name_link"))
           or accusative_noun(s, t) or glued_noun(s, t) for z, t in words):
        return False
    lone = words[0][1] if len(words) == 1 else None
    return not (lone is not None and (cue.value["object"] == "yes" or not s.definite(lone))
                and s.common_noun(lone) and not s.first_name(lone))  # وأكد ضرورة أن، وأوضح بيانه أن


def _first_name_and_a_noun(r: SentenceReader, sp: Speaker, verb_gender: str) -> bool:
    """Whether an unknown two-word name is a first name of the other gender than the verb's and
    a common noun (فتح تحقيق after أكدت): the verb's object, not its subject (وقالت صبري إن: a name)."""
    if sp.kind != "person" or sp.entity_id is not None or verb_gender not in ("m", "f"):
        return False
    toks = r.toks[r.s.index_after(sp.span[0]):r.s.index_after(sp.span[1])]
    first = r.doc.words.first_name_gender.get(toks[0].text) if toks else None
    return len(toks) == 2 and first in ("m", "f") and first != verb_gender and r.s.common_noun(toks[1]) \
        and not r.s.definite(toks[1])


def _verb_agrees(verb_gender: str, speaker: Speaker) -> bool:
    """Whether a verb before its subject agrees with a country or a body named there: a
    masculine verb takes no feminine one (قال … إسرائيل is its object). Persons' genders come
    from name lists and are not trusted for this."""
    if speaker.gender not in ("m", "f") or speaker.kind not in ("country", "organization"):
        return True
    return not (verb_gender == "m" and speaker.gender == "f")


def object_opening(r: SentenceReader, cue: Mention, zs: int, subject_known: bool) -> int | None:
    """Where a plain-object content starts (رفضت الوزارة التعليق، وشدد على ضرورة …، رفض
    التعليق …), or None when the verb takes no object here."""
    row = cue.value
    if subject_known and row["stance"] == "reject":
        start = r.object_start(zs)
        if start < r.n and r.toks[start].text in r.doc.words.declined_objects:
            return start
    if row["object"] != "yes":
        return None
    named = _needed_object(r, cue, zs)
    if named is not None:  # قدم رئيس الاتحاد باسمه ونيابة عن الأعضاء شكره لـ …: the thanks it offers
        return r.object_start(zs) if subject_known and row["stance"] == "accuse" else named
        #      (حمّلت الرئاسة سلطات الاحتلال مسؤولية …: the one held responsible, then the responsibility)
    if subject_known:
        return r.object_start(zs)
    if zs < r.n and (r.toks[zs].text in OBJECT_PREPOSITIONS or _glued_object(r, r.toks[zs])
                     or _object_noun_follows(r, cue, zs) or _people_then_content(r, cue, zs)
                     or _object_then_needed_preposition(r, cue, zs) or _feminine_object_follows(r, cue, zs)):
        return zs  # وشدد على ضرورة …، وأشاد بجهود الفرق، ودعا لاستمرار الجهود، وأكد ضرورة …، ودعت
        #            الراغبين إلى …، واتهم الحكومة بالتقصير: the subject unsaid
    if " " in cue.key:  # رفض التعليق / تهرب من …: the cue names what is declined
        return r.s.index_after(cue.key_start + cue.key.index(" ") + 1)
    return None


def _glued_object(r: SentenceReader, tok: Token) -> bool:
    """A noun behind بـ or لـ (بجهود، لاستمرار), the object of a verb whose subject is unsaid."""
    if tok.text[0] == "ب":
        return glued_noun(r.s, tok)
    return tok.text[0] == "ل" and len(tok.text) > 3 and r.s.common_noun(unglued(tok))


def _needed_object(r: SentenceReader, cue: Mention, zs: int) -> int | None:
    """The index of the object word a cue needs (``needs`` of a whole word, not a preposition:
    قدم … شكره), from ``zs`` on within its clause, or None."""
    words = {w[0] for w in r.doc.words.needs_of(cue.value) if len(w) == 1 and len(w[0]) > 3}  # not على، إلى
    if not words:
        return None
    for z in range(zs, min(r.n, zs + 24)):
        if r.toks[z].text in words:
            return z
        if r.toks[z].text in (".", ":", ";"):
            break
    return None


def verb_statement(r: SentenceReader, cue: Mention, ci: int, subject: Speaker | None,
                   carry_over: bool = True) -> Draft | None:
    """A statement for a finite verb cue; without a speaker phrase the subject is
    ``subject`` (the clause this one is coordinated with) or, with ``carry_over``,
    the last speaker whose gender agrees."""
    row = cue.value
    found = speaker_of(r, cue, ci, subject, carry_over)
    if found is None:
        return None
    speaker, zs, explicit = found
    if explicit and r.doc.words.lemma_is(row, "also_preposition") and zs < r.n and r.s.conjunction(r.toks[zs]) \
            and r.toks[zs].start - speaker.span[1] <= 1:
        return None  # مواجهات بين الشبان الفلسطينيين وقوات الاحتلال: "between", no one speaks
    if explicit and speaker.kind == "person" and speaker.gender != "pl" and row["gender"] in ("m", "f") \
            and row["kind"] in VERB_KINDS[:2]:
        speaker.gender = row["gender"]  # وقالت صبري: a verb agrees with the person it names (صبري is also a man's name)
    opened_far = zs < r.n and r.toks[zs].text == "," and r.intro(zs + 1)
    if not explicit and zs < r.n and r.toks[zs].text == "," and r.doc.words.lemma_is(row, "saying") \
            and (not opened_far or (opened_far[1] - zs > SAYING_ASIDE and r.toks[zs + 1].text not in IN_STATEMENT)):
        #   (وقال، في تغريدات له، بموقع تويتر، اليوم: …: where it was said, however long)
        span = r.content_span(zs + 1)  # وتابع، إذا كان العملاء …: the words follow the comma
        return r.draft(speaker, cue, span, zs + 1) if span else None
    zs_object = _past_relative_clause_to_object(r, cue, r.object_start(zs)) if explicit else r.object_start(zs)
    if zs_object < r.n and (
            (((r.toks[zs_object].text in OBJECT_PREPOSITIONS and row["object"] == "yes")
              or _needed_ba_noun(r, cue, zs_object)) and not r.s.is_(zs_object + 1, "intro"))
            or (row["object"] == "yes" and explicit and pronoun_object(r.s, r.toks[zs_object]))):
        span = r.content_span(zs_object)  # وتساءلت الصحيفة عن الهدف …، أبدى العريني سعادته بـ …، أفتى
        #                                   عالم بجواز …: the object is the content
        return r.draft(speaker, cue, span, zs_object) if span else None
    if explicit and zs + 1 < r.n and r.s.is_(zs, "speech_object") and (
            r.toks[zs + 1].text in ("عن", "حول", "علي") or glued_noun(r.s, r.toks[zs + 1])):
        span = r.content_span(zs + 1)  # واختتم الربيعي حديثه عن الانتهاء من …، وختم كلمته بشكر …
        return r.draft(speaker, cue, span, zs + 1) if span else None
    manner = r.live_cue(zs) if zs + 1 < r.n else None
    if manner is not None and manner.value["kind"] == "participle" and (
            r.toks[zs + 1].text == ":" or r.s.is_(zs + 1, "intro", "intro_say")):
        zs += 1  # الذي قال مؤكدا: «…»: how it was said, then the words
    if zs < r.n and r.s.is_(zs, "speech_opener") and r.doc.words.lemma_is(row, "saying"):
        opened = (zs, zs)  # ويقول بن يحيى قد يكون السبب …، وأضاف لقد انتخبنا …، وأضاف تم الانتهاء من …
        #                    بعد أن …: the words follow bare, not from a later أن
    else:
        opened = r.intro(zs, far_saying=row["object"] != "yes")
    needed = _needed_noun(r, cue, zs, opened[1]) if opened is not None else None
    if needed is not None:
        opened = (needed, needed)  # تقدم … بأحر التعازي …، سائلا المولى أن يرحمه: what it offers, not أن
    if opened is not None and row["object"] == "yes" and (_ba_object_at(r, zs_object, opened[1]) or (
            zs_object == opened[1] - 1 and r.s.is_(zs_object, "object_noun"))
            or _object_then_needed_preposition(r, cue, zs_object)):
        opened = (zs_object, opened[1])  # طالبت اللجنة، بتوجيه المختصين …، بأن …: what it asks for first;
        #   استبعد الشيشكلي، إمكانية أن …: the noun the clause completes; وعزا ذلك إلى …، وإلى أن …
    told = _object_before_ba_an(r, zs_object, opened[1]) if opened is not None and row["object"] == "yes" else None
    if told is None and opened is not None and explicit and r.doc.words.lemma_is(row, "calls_on"):
        told = _called_on_before_opener(r, zs_object, opened[1])
    if told is not None:
        opened = (told, opened[1])  # وتحذر كل من يقدم على ذلك بأن العقاب …: the people warned, then what
    if opened is not None and r.zone_source is not None:
        r.d.remember(speaker)  # وقالت الصحيفة: the relaying outlet may be referred back to
        speaker = replace(r.zone_source, via=[speaker.name] + [v for v in speaker.via if v != speaker.name])
    if opened is None and explicit:
        quoted = r.quote_before(ci)
        if quoted is not None:
            return r.draft(speaker, cue, quoted, zs)
    if opened is None:
        start = object_opening(r, cue, zs, explicit or speaker is subject)
        if start is None:
            return None
        opened = (start, start)
    span = r.content_span(opened[0])
    if span is None:
        return None
    return r.draft(speaker, cue, span, opened[1])


def _past_relative_clause_to_object(r: SentenceReader, cue: Mention, k: int) -> int:
    """Where the object of a verb that takes one behind a preposition starts when a relative clause
    with no comma describes its subject first: at the first preposition the verb takes after the
    clause's own verb, one its ``needs`` names (وعبر الوزير الذي زار المدينة أمس عن أمله …؛ ونوهت
    اللجنة التي يرأسها نائب الرئيس على …); else ``k``."""
    if k >= r.n or not r.s.relative_pronoun(k) or cue.value["object"] != "yes":
        return k
    takes = {alt[0] for alt in r.doc.words.needs_of(cue.value) if len(alt) == 1 and alt[0] in OBJECT_PREPOSITIONS}
    return next((z for z in range(k + 2, min(r.n, k + DESCRIBING_CLAUSE_SPAN))
                 if r.toks[z].text in takes and not r.s.prep_then_intro(z)), k)


def _needed_noun(r: SentenceReader, cue: Mention, k: int, end: int) -> int | None:
    """The index of the noun a cue needs (its thanks, condolences: تقدم بالشكر، قدم شكره) between
    ``k`` and an opener at ``end``, for a cue that needs nothing but such nouns: the content
    starts there, not at a later أن; else None (وجّه انتقادات … واتهمها بـ: its words follow)."""
    needs = r.doc.words.needs_of(cue.value)
    if not needs or any(len(alt[0]) <= 3 for alt in needs):
        return None
    nouns = {alt[0] for alt in needs}
    return next((z for z in range(k, end) if r.toks[z].text in nouns), None)


def _ba_object_at(r: SentenceReader, k: int, intro: int) -> bool:
    """Whether a verbal noun behind بـ, the object of the verb, stands at ``k`` right after a
    comma that closes the subject, before the opener at ``intro`` (طالبت اللجنة الوطنية, بتوجيه
    المختصين …, بأن تكون …); not an adverb (بشدة، بقوة)."""
    toks = r.toks
    return 0 < k < intro and toks[k - 1].text == "," and toks[k].text[0] == "ب" and glued_noun(r.s, toks[k]) \
        and not r.s.is_(k, "ba_adverb")


def _object_before_ba_an(r: SentenceReader, k: int, intro: int) -> int | None:
    """Where the verb's object starts when the words from ``k`` to a بأن at ``intro`` are the
    people it tells (ووجّه الوزير المختصين للتنسيق بأن …، وتحذر في الوقت نفسه كل من يقدم على ذلك
    بأن …): a plain word, no preposition, time word or the people spoken to, past «في الوقت نفسه»."""
    if not (k < intro and r.toks[intro].text[0] == "ب") or any(t.text == "," for t in r.toks[k:intro]):
        return None
    if r.toks[k].text == "في" and k + 2 < intro and r.toks[k + 1].text.startswith("ال") and r.s.is_(k + 2, "same"):
        k += 3  # في الوقت نفسه، في السياق ذاته: at the same time
    while k < intro and r.s.is_(k, "ba_adverb"):
        k += 1  # نفى … بقوة الاتهامات بأن …: an adverb before the object
    return k if _plain_object_at(r, k, intro) else None


def _plain_object_at(r: SentenceReader, k: int, intro: int) -> bool:
    """Whether a plain word, no preposition, adverb, time word or the people spoken to, stands at
    ``k`` before the opener at ``intro``: the verb's object."""
    tok = r.toks[k]
    return k < intro and tok.text.isalpha() and tok.text[0] not in "بلو" and not tok.text.endswith("ا") \
        and not r.s.is_(k, "preposition", "adverbial_prep", "skip", "addressee", "intro_prep")


def _called_on_before_opener(r: SentenceReader, k: int, intro: int) -> int | None:
    """Where the content of a verb that calls on someone starts when the one called on stands
    between its named subject and a later opener, with what it is called to first, behind إلى /
    على or up to a comma (دعت المنظمة الحكومات إلى خفض الضرائب، الأمر الذي من شأنه أن …؛ ناشد
    السكان البلدية سرعة إصلاح الإنارة، حيث إن …): at the one called on; not at a name or an
    office the subject goes on with (دعا رئيس المجلس سالم العلي إلى أن …)."""
    s, toks = r.s, r.toks
    if not _plain_object_at(r, k, intro) or len(toks[k].text) < 3 or s.is_(k, "intro", "intro_say", "subordinator") \
            or s.is_(k - 1, "preposition", "adverbial_prep") or s.at(k, "cue") is not None \
            or s.at(k, "role") is not None or s.starts_name(k) or s.first_name(toks[k]):
        return None  # (في تسجيل صوتي له: where it was said; د. سالم العلي: a name)
    return k if any((toks[z].text in ("الي", "علي") and not s.prep_then_intro(z))
                    or (toks[z].text == "," and z + 1 < intro) for z in range(k + 1, intro)) else None


def _points_on(r: SentenceReader, cue: Mention) -> bool:
    """A participle in the accusative (ا، ين), without و, right before the إلى / على it takes or
    a noun behind بـ, its comma left out (… احتلت الصدارة في حجم مبيعاتها لافتا إلى تنوع وظائفها؛
    خرج المتظاهرون مطالبين بمحاكمة …): a clause of its own all the same (not إجراءات مشددة على …،
    متابعة على، الحكومة مطالبة بالإسراع، شخصين متهمين بسلب: an adjective, a noun)."""
    k = r.s.index_after(cue.end)
    if cue.prefix_len or not cue.key.endswith(("ا", "ين")) or k >= r.n:
        return False
    described = r.toks[k - 2] if k >= 2 else None  # the word before the participle
    if cue.key.endswith("ين") and described is not None and described.text.endswith("ين") \
            and not r.s.definite(described):
        return False  # شخصين متهمين بسلب …: an adjective of the noun before it, not a clause
    return r.toks[k].text in ("الي", "علي") or _ba_noun(r, k)


def _subject_after_participle(r: SentenceReader, cue: Mention) -> tuple[Speaker, int] | None:
    """(speaker, content start) when a participle names its speaker right after it, before the
    words (مبينا مدير الإدارة العقيد سالم العلي، أن الخطة …); not a phrase any words make."""
    k = r.s.index_after(cue.end)
    if r.doc.words.lemma_is(cue.value, "calls_on") or r.skip_inline_subject(k) > k:
        return None  # مطالبا الحكومة بأن …: the one called on; متمنيا معاليه أن …: a title with its pronoun
    res = r.parser.parse(k, r.n) if k < r.n and r.toks[k].text.isalpha() else None
    if res is None or r.parser.last_rule in WEAK_SUBJECT_RULES or not gender_agrees(cue.value["gender"], res[0]):
        return None
    z = res[1] + (res[1] < r.n and r.toks[res[1]].text == ",")
    return (res[0], z + 1) if z < r.n and r.s.is_(z, "intro") else None


def participle_opening(r: SentenceReader, cue: Mention) -> int | None:
    """Where the content of a participle starts: after its إن / أن / colon within a few
    words or at its quotation (مؤكدا "…"); None when it takes a plain object (مشيدا بتعاون …)."""
    k = r.s.index_after(cue.end)
    for z in range(k, min(r.n, k + PARTICIPLE_OPENER_REACH)):
        tok = r.toks[z]
        if tok.text in ('"', ":") or r.s.is_word(tok, "intro"):
            return r.after_opener(z + 1) if tok.text == ":" else (z if tok.text == '"' else z + 1)
    if k + 1 < r.n and r.toks[k].text in ("في", "خلال", "عبر") and r.s.at(k + 1, "cue", lambda m: m.value["kind"] == "noun"):
        for z in range(k + 2, min(r.n, k + 8)):  # موضحة في بيان صحفي أن …
            if r.s.is_(z, "intro"):
                return z + 1
            if not r.toks[z].text.isalpha():
                break
    return None


def sentence_subject(r: SentenceReader, ci: int, gender: str) -> Speaker | None:
    """The subject a participle at token ``ci`` hangs on: a speaker phrase among the first
    words of the sentence, not inside a prepositional phrase (وثمن مدير عام …، مشيرا; not وفي
    العراق، خرج مئات المتظاهرين …), or the
    noun phrase right after the sentence's first verb (واصلت المقاومة الشعبية …، مؤكدة)
    when the participle agrees with it."""
    s = r.s
    at = first = _dateline_end(r, ci)
    reach = at + SUBJECT_REACH
    while at < min(ci, reach):
        past = r.skip_addressee(at) if at > 0 else at
        if past > at:  # أوضح ذلك لـ«عكاظ» المتحدث …، لافتا: past the outlet told
            reach, at = reach + past - at, past
            continue
        k, at = at, at + 1
        ms = r.doc.by_start.get(r.toks[k].start, ())
        if _inside_a_phrase(r, k) or s.in_quote(r.toks[k].start):
            continue  # واصلت المقاومة الشعبية وقوات الجيش: inside the subject, not its start (ويتابع: «أحد
            #           التجار قال …»، مشيرا: the words quoted, not the clause's subject)
        if not (ms or k > 0) or (k > 0 and (s.is_(k - 1, "noun_context", "preposition")
                                            or s.is_word(unglued(r.toks[k - 1]), "preposition"))) \
                or any(r.doc.text[m.start:m.key_start].lstrip("وف").startswith(("ب", "ل", "ك")) for m in ms):
            continue
        with r.parser.as_clause_subject(k == first + 1):  # right after the verb that opens the sentence
            res = r.parser.parse(k, ci, allow_name=k > 0)  # وقدم صبري الكثيري، …، مشيرا
        if res is not None:
            return res[0]
    for k in (0, 1):
        res = r.parser.noun_phrase(k, ci)
        if res is not None and gender_agrees(gender, res[0]):
            r.parser.last_rule = "noun_phrase"
            return res[0]
    return None


def _dateline_colon(r: SentenceReader, end: int) -> int | None:
    """The index of the colon, among the sentence's first words and before token ``end``, that
    closes a dateline or a byline: dashes before it (مانيلا - «الشرق الأوسط»:، ماجد الرفاعي- سبق-
    متابعة:); None when the first colon has none."""
    toks = r.toks
    colon = next((k for k in range(min(end, DATELINE_WORDS, r.n)) if toks[k].text == ":"), None)
    return colon if colon is not None and any(toks[z].text == "-" for z in range(colon)) else None


def _dateline_end(r: SentenceReader, ci: int) -> int:
    """The index past a dateline that opens the sentence, a place and an outlet or byline
    before a colon (مانيلا - «الشرق الأوسط»: أيد رئيس الفلبين …): no subject stands in it; else 0."""
    colon = _dateline_colon(r, ci)
    return colon + 1 if colon is not None and not any(r.s.at(z, "cue") for z in range(colon)) else 0


def _in_byline(r: SentenceReader, ci: int) -> bool:
    """Whether the word at ``ci`` ends a byline, no reporting verb before it (ماجد الرفاعي- سبق-
    متابعة:)."""
    return _dateline_colon(r, ci + 2) == ci + 1 and not any(r.s.at(z, "cue") for z in range(ci))


def _inside_a_phrase(r: SentenceReader, k: int) -> bool:
    """Whether token ``k`` goes on the phrase of the word before it: after a definite word
    (not a not_name word) or a conjunction (المقاومة الشعبية وقوات الجيش)."""
    s = r.s
    return k > 0 and ((s.definite(r.toks[k - 1]) and not s.is_(k - 1, "not_name"))
                      or (k > 1 and s.conjunction(r.toks[k - 1])))


def outlet_before(r: SentenceReader, ci: int) -> Speaker | None:
    """The outlet or agency the sentence names before a relay verb whose subject is dropped
    (تقرير نشرته وكالة بلومبرغ، نقلت فيه عن …), else None."""
    for k in range(ci - 1, -1, -1):
        ms = r.doc.by_start.get(r.toks[k].start, ())
        if any(m.category == "actor" and r.doc.lexicon.actors[m.value].kind in ("outlet", "agency") for m in ms) \
                or any(m.category == "role" and m.value["kind"] == "outlet" for m in ms):
            found = r.parser.parse(k, ci, allow_name=False)
            if found is not None and found[0].kind == "outlet":
                return found[0]
    return None


def _time_clause_start(r: SentenceReader, ci: int) -> int | None:
    """Where a clause of time opens right before the verb at ``ci`` (عندما، حين، بعدما، بعد أن، قبل
    أن), past the sentence's first word; its unsaid subject is the main clause's (أغضب مدرب المنتخب
    الجماهير، عندما أكد أن …). None when no such clause opens there."""
    if ci > 2 and r.s.is_(ci - 1, "time_clause"):
        return ci - 1
    if ci > 3 and r.toks[ci - 1].text == "ان" and r.s.is_(ci - 2, "time_conjunction"):
        return ci - 2
    return None


def main_verb_subject(r: SentenceReader, end: int, gender: str) -> Speaker | None:
    """The subject of the clause a clause of time before ``end`` hangs on (فقد أغضب مدرب المنتخب
    الجماهير، عندما أكد أن …؛ أدهش الجمهور أمس المدرب سالم حين قال): the clause's speaker
    phrase, unless a noun it is the complement of (no article) comes first (وكانت جماهير النادي
    قد هاجمت الحارس بعد أن أعلن …: not النادي) or no word names it."""
    if r.toks[end - 1].text == ",":
        end -= 1  # (…، فقد أغضب مدرب المنتخب الجماهير، عندما: the clause before the comma)
    r.parser.verb_object = True  # the main verb's object may follow its subject (أغضب المدرب الجماهير)
    found = _main_clause_phrase(r, end, gender)
    r.parser.verb_object = False
    if found is None:
        return None
    speaker, k = found
    if r.parser.last_rule in WEAK_SUBJECT_RULES:
        return None  # words no rule knows as a speaker (في النهاية أقول: …، حين قال)
    if k > 1 and r.s.common_noun(r.toks[k - 1]) and not r.s.definite(r.toks[k - 1]) \
            and r.s.at(k - 1, "cue") is None and not _opens_the_clause(r, k - 1):
        return None  # (تصريحات المدرب …، عندما قال: the words are his; أغضب اللاعب الدولي سالم …)
    return speaker


def _opens_the_clause(r: SentenceReader, z: int) -> bool:
    """Whether token ``z`` opens its sentence or clause, past قد / لقد (the verb's place in فقد أغضب
    مدرب المنتخب …), not past a form of كان (وكانت جماهير النادي: a noun)."""
    toks, s = r.toks, r.s
    if z == 0 or toks[z - 1].text in (",", ";"):
        return True
    auxiliary = s.is_(z - 1, "auxiliary") or s.is_word(unglued(toks[z - 1]), "auxiliary")
    return auxiliary and not unglued(toks[z - 1]).text.startswith("كان")


def main_clause_subject(r: SentenceReader, end: int, gender: str) -> Speaker | None:
    """The first speaker phrase, within a few words of the sentence's start, of the clause a
    حيث / إذ clause hangs on (ووافقه الرأي إبراهيم الصيادي، عضو المجلس، حيث قال: …), when the
    verb agrees with it."""
    found = _main_clause_phrase(r, end, gender)
    return found[0] if found is not None else None


def _main_clause_phrase(r: SentenceReader, end: int, gender: str) -> tuple[Speaker, int] | None:
    """(the speaker, the index its phrase starts at) for :func:`main_clause_subject`."""
    clause = next((z + 1 for z in range(end - 1, 0, -1) if r.toks[z].text in (",", ";")), 0)
    for opening in dict.fromkeys((0, clause)):  # the sentence's first words, then its last clause's
        for k in range(opening + 1, min(end, opening + 6)):  # (…، وعلى الجانب الآخر تحدث رئيس النادي
            if r.s.is_(k - 1, "noun_context") or not r.toks[k].text.isalpha():  # ناصر الهويدي … إذ أكد)
                continue
            if r.s.is_(k - 1, "topic") or (r.s.is_(k - 1, "demonstrative") and r.s.is_(k - 2, "topic")):
                continue  # وحول هذا المركز تحدث …، حيث قال: the topic, not the subject
            if not r.s.known(r.toks[k]) and not r.s.definite(r.toks[k]) and not r.s.starts_name(k) \
                    and (r.s.at(k + 1, "role") or r.s.at(k + 1, "actor")) is not None:
                continue  # أجرى خادم الحرمين الشريفين …: the verb before its subject, no name
            quoted = _quoted_body(r, k - 1, end) if gender != "pl" else None
            found = quoted or r.parser.parse(k, end)
            if found is not None and found[0].kind in ("person", "official", "organization", "outlet") \
                    and gender_agrees(gender, found[0]):
                if quoted is not None:
                    r.parser.last_rule = "quoted_name"
                return found[0], k
    return None


def _quoted_body(r: SentenceReader, q: int, end: int) -> tuple[Speaker, int] | None:
    """A body named only by words in quotes at token ``q``, two to four name words (وتنشط «كتائب
    الفجر الجديد» في المنطقة الجبلية، حيث أعلنت …)."""
    toks = r.toks
    if q < 0 or toks[q].text != '"':
        return None
    close = r.s.closing_quote(q + 3, min(end, q + 6))
    if close is None or not all(name_word(r.s, t, first=False) or r.s.common_noun(t) for t in toks[q + 1:close]):
        return None
    fs, fe = toks[q + 1].start, toks[close - 1].end
    surface = r.doc.surface(fs, fe)
    return Speaker(surface, surface, "organization", (fs, fe)), close + 1


PRONOUN_SOURCE_GENDER = {"عنه": "m", "عنها": "f", "عنهم": "pl"}
RELAY_SOURCE_WORDS = {"من": "من", "إلى": "الي"}  # a relay's ``needs`` -> the folded word before its source


def _pronoun_source(r: SentenceReader, cue: Mention, k: int, relay_by: Speaker) -> Result:
    """A relay whose source is a pronoun (ونقل التلفزيون عنه قوله إن …): the last person it
    agrees with speaks, the relaying outlet goes to ``via``; None when no one agrees."""
    gender = PRONOUN_SOURCE_GENDER.get(r.s.text_of(k))
    told = r.d.carry_over(gender, ("person", "official")) if gender else None
    if told is None:
        return None
    r.parser.last_rule = "carried_subject"
    return _words_after_pronoun(r, cue, replace(told, via=[relay_by.name] + [v for v in told.via if v != relay_by.name]), k)


def _words_after_pronoun(r: SentenceReader, cue: Mention, speaker: Speaker, k: int) -> Draft | None:
    """The statement of ``speaker`` whose words open after the pronoun at token ``k`` that names
    them as the source (… عنه قوله إن …), else None."""
    opened = r.intro(r.skip_words(k + 1, classes=("skip", "source_noun")))
    span = r.content_span(opened[0]) if opened else None
    return r.draft(speaker, cue, span, opened[1]) if span else None


def relay_source(r: SentenceReader, k: int, word: str = "عن") -> int:
    """The index of عن (``word``) that names the source a few words on (نقلت صحيفة حرييت وغيرها
    من وسائل الإعلام عن أردوغان), else ``k``."""
    if k > 0 and r.toks[k - 1].text == word:
        return k - 1  # ونقلت تقارير صحفية عن ناطق …: the phrase before read the عن into its description
    z, stop = k, min(r.n, k + 10)
    while z < stop:
        tok = r.toks[z]
        if tok.text == word:
            return z
        if tok.text == '"':
            z = (r.s.closing_quote(z + 1, z + QUOTED_SOURCE_TOKENS + 2) or z) + 1
            continue  # ونقلت شبكة «إيه بي إن» الإخبارية عن …: past the quoted name, whatever its words
        if tok.text not in '(),' and (not tok.text.isalpha() or r.s.is_word(tok, "intro")
                                       or r.s.at(z, "cue", lambda m: m.value["kind"] != "noun")):
            break  # (ونقلت الوكالة (واس)، من جهتها، عن …؛ ونقلت المديرية في بيان صحفي عن …: past an aside)
        z += 1
    return k


def _quoted_source(r: SentenceReader, j: int) -> tuple[Speaker, int] | None:
    """A source named in quotation marks at token ``j`` (بحسب "الفرنسية"، وفقا لـ«العربية نت»):
    the speaker the lexicon knows by those words, else an outlet by its quoted name."""
    toks = r.toks
    if toks[j].text != '"':
        return None
    close = r.s.closing_quote(j + 2, j + QUOTED_SOURCE_TOKENS + 2)
    if close is None or not all(t.text.isalpha() or (t.text == "." and toks[z - 1].text.isalpha()
                                                     and toks[z + 1].text.isalpha())
                                for z, t in enumerate(toks[j + 1:close], j + 1)):
        return None  # (بحسب "بي.دبليو.سي": initials with their dots)
    known = r.parser.parse(j + 1, close)
    if known is not None and known[1] == close and known[0].kind in ("outlet", "agency", "organization", "person"):
        return known[0], close + 1
    fs, fe = toks[j + 1].start, toks[close - 1].end
    surface = r.doc.surface(fs, fe)
    r.parser.last_rule = "quoted_source"
    return Speaker(surface, surface, "outlet", (fs, fe)), close + 1


def _past_quoted_addressee(r: SentenceReader, j: int) -> int:
    """Past a quoted name that a speaker phrase follows (أفاد به «الشرق الأوسط» مصدر في المقاومة:
    the outlet told, then the one who told it), else ``j``."""
    toks = r.toks
    if j >= r.n or toks[j].text != '"':
        return j
    close = r.s.closing_quote(j + 2, j + NAME_QUOTE_WORDS)
    return close + 1 if close is not None and close + 1 < r.n and toks[close + 1].text.isalpha() \
        and not r.s.is_(close + 1, "intro", "intro_say") else j


def relay_source_phrase(r: SentenceReader, j: int, leading: bool = False) -> tuple[Speaker, int] | None:
    """Whom ``بحسب`` / ``وفقا لـ`` names at token ``j``: a speaker phrase, the owner of what it
    said or counted (وفق حديث حامد البلوي، وفق بيانات إدارة معلومات الطاقة), a body the
    lexicon does not know, named by a body's head noun (بحسب الشرطة المحلية), or an unnamed group
    (بحسب متعاملين في القطاع); not a thing (بحسب المعلومات التي …، وفقا للقانون الدولي)."""
    s, n = r.s, r.n
    noun_at = j
    if j < n and (s.is_(j, "source_noun") or (  # وفقا لإحصاءات حكومة الإقليم: whose figures
            r.toks[j].text[0] == "ل" and s.is_word(unglued(r.toks[j]), "source_noun") and s.at(j, "cue") is None)):
        j += 1 + (j + 1 < n and r.toks[j + 1].text == "ل")
    if j >= n:
        return None
    quoted = _quoted_source(r, j)
    if quoted is not None:
        return quoted
    res = r.parser.parse(j, n) or (r.parser.parse(noun_at, n) if noun_at < j else None)  # حسبما ذكر تقرير أمس
    if res is not None and s.is_(res[1] - 1, "following"):
        return None  # وفقا للتنظيم التالي: a list that follows, not a source
    if res is not None:
        return res
    res = r.parser.noun_phrase(j, n)
    r.parser.last_rule = "noun_phrase"
    if res is not None and (s.head_kind(r.toks[j]) is None or (
            res[1] < n and s.relative_pronoun(res[1]))):
        return None  # بحسب المعلومات التي تم التوصل إليها، وفقا للقانون الدولي: a thing, not a source
    if res is None and (r.toks[j].text.endswith(("ون", "ين")) or s.head_kind(r.toks[j]) == "group") \
            and r.toks[j].text.isalpha() \
            and not r.toks[j].text.startswith(("ال", "لل")) and not s.is_(j, "any") and s.at(j, "cue") is None:
        res = r.parser.group(j, j + 1, n, "pl")
        r.parser.last_rule = "unnamed_group"
    end = s.past_time_words(res[1]) if res is not None else n  # …، حسبما ذكر تقرير أمس (السبت).
    if res is not None and not leading and end < n and r.toks[end].text not in (",", ";", ".") \
            and not s.is_(end, "intro"):
        return None  # وفق الرؤية الفنية للجهاز الفني تم …: a plan, not a source that closes the clause
    return res


# --- the patterns, in the order they are tried --------------------------------------

@STATEMENT_PATTERNS.rule(
    ("وفيما يلي نص البيان: قال الله تعالى: «إنما جزاء الذين يحاربون الله ورسوله».", None),
    ("وقال رسول الله صلى الله عليه وسلم: «المسلم أخو المسلم».", None),
    ("والله سبحانه وتعالى يقول: {وقضى ربك ألا تعبدوا إلا إياه}.", None),
    ("عن ابن عمر رضي الله عنهما قال: «فرض رسول الله زكاة الفطر صاعا من تمر».", None),
    ("وقال عبد الله الزهراني إن المشروع اكتمل.", None),
    ("ومن هنا راعى القرآن هذه القضية، حيث قال جلّ وعزّ: «فلا تميلوا كل الميل».", None),
    ("قال عز وجل: «وتعاونوا على البر والتقوى».", None),
)
def religious_quotation(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A verse or a saying quoted (قال الله تعالى، قال رسول الله، والله سبحانه وتعالى يقول،
    عن ابن عمر رضي الله عنهما قال، a verse in braces {…}): scripture a statement cites, not
    news speech; nothing is made of it."""
    k = r.s.index_after(cue.end)
    first = r.toks[k].text if k < r.n else ""
    second = r.toks[k + 1].text if k + 1 < r.n else ""
    quoted_verse = "{" in r.doc.text[cue.end:r.toks[min(k + 2, r.n - 1)].end]
    narrated = any(r.toks[z].text == "رضي" and r.toks[z + 1].text == "الله" for z in range(max(0, ci - 5), ci - 1))
    if r.s.is_(k, "scripture_speaker") or (first, second) in (("رسول", "الله"), ("عز", "وجل")) \
            or r.s.is_(ci - 1, "scripture_speaker") \
            or quoted_verse or narrated:
        span = (r.toks[k].start, r.toks[min(k + 1, r.n - 1)].end)
        r.d.remember(Speaker(SCRIPTURE, r.doc.surface(*span), SCRIPTURE, span, gender="m"))  # قيل: ثم أي؟ قال: …
        return Dropped("a religious quotation: scripture cited, not news speech")
    return None


@STATEMENT_PATTERNS.rule(
    ("وقال الوزير إن الحكومة ستدعم القطاع. وأُعلن أمس عن تشكيل لجنة للتحقيق.", None),
    ("وأفيد بأن الاجتماع سيعقد غدا.", None),
)
def passive_report(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A passive (أُعلن، أفيد، قيل، يذكر أن): no one is named as the speaker, and none is carried
    over from an earlier sentence."""
    return Dropped("a passive: the text names no speaker") if r.passive(cue) else None


@STATEMENT_PATTERNS.rule(
    ("وقال مسؤول مصرفي إن القروض محدودة، مشيرا إلى أن نسبة التعثر متدنية.",
     {"speaker": "anonymous", "cue": "مشيرا", "content": "نسبة التعثر متدنية"}),
    ("ونفى المتحدث باسم الجيش ما تردد عن انسحاب القوات، مؤكدا أن هذه الأنباء عارية عن الصحة.",
     {"cue": "مؤكدا", "stance": "deny", "content": "هذه الأنباء عارية"}),
    ('وأكد الأحمدي أن "عملية تمشيط واسعة تجري، لافتا إلى أن المتمردين ما زالوا ينتشرون.',
     {"speaker": "الأحمدي", "cue": "لافتا", "content": "المتمردين ما زالوا"}),
    ("وطالب خبراء عقاريون الوزارة بالتحرك، وقال الاقتصادي سعد الحربي إن الأزمة تحتاج إلى حلول، مطالبين الوزير بالإسراع.",
     {"speaker": "خبراء عقاريون", "cue": "مطالبين"}),
    ("وقال الوزير إن الوضع مستقر، مؤكدين أن العملية نجحت.", {"speaker": "unresolved", "cue": "مؤكدين"}),
    ("وقالت مصادر طبية إن عشرة أشخاص أصيبوا، مرجحة ارتفاع العدد خلال الساعات المقبلة.",
     {"speaker": "anonymous", "cue": "مرجحة", "content": "ارتفاع العدد"}),
    ("أعلن وزير الخارجية خالد العلي ونظيره الكويتي محمد الصباح أن المباحثات إيجابية، مؤكدين حرصهما على التعاون.",
     {"speaker": "خالد العلي", "cue": "مؤكدين", "content": "حرصهما على التعاون"}),
)
def participle_of_the_statement(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A participle inside a statement's content (…، مشيرا إلى أن …، مضيفا أن …): a new
    statement of the same speaker, or of the last one its number and gender agree with
    (a plural مطالبين after a single speaker); the first one ends before it."""
    if cue.value["kind"] != "participle" or not r.inside_active(cue):
        return None
    if r.s.is_(ci, "intro_say"):
        return Dropped("how the statement it stands in was said (واختتم كلمته بقوله: …)")
    active = r.active
    opened = participle_opening(r, cue)
    if opened is None and (r.toks[ci - 1].text not in (",", ";") or r.doc.text[cue.start:cue.key_start] == "و") \
            and not _points_on(r, cue):
        return Dropped("a participle of the content (الحكومة مطالبة بالإسراع، ودعم مستمر ومتابعة حثيثة), "
                       "no new clause")
    start = opened if opened is not None else r.s.index_after(cue.end)
    span = r.content_span(start)
    if span is None:
        return Dropped("participle without content")
    r.truncate(active, ci)
    r.parser.last_rule = "same_as_statement"
    speaker, gender = active.speaker, cue.value["gender"]
    if not (gender_agrees(gender, speaker) or (gender == "m" and speaker.gender == "pl")
            or (speaker.kind == "organization" and gender == "f")
            or (gender == "pl" and (active.cue.value["gender"] == "pl" or _named_with_another(r, speaker)))):
        # أكدا خلاله …، مؤكدين: the same; أعلن خالد العلي ونظيره محمد الصباح أن …، مؤكدين: the first named
        # (نشر تنظيم «جبهة النصرة» شريطا يؤكد فيه …، متهمة إياهم: a body agrees by its name too)
        speaker = r.d.carry_over(gender)  # …، وقال الاقتصادي …، مطالبين: the experts, not the economist
        r.parser.last_rule = "carried_subject"
        if speaker is None:
            speaker = unresolved((cue.start, cue.start), gender if gender in ("m", "f", "pl") else None)
            r.parser.last_rule = "unresolved"
    return r.draft(speaker, cue, span, start)


def _named_with_another(r: SentenceReader, speaker: Speaker) -> bool:
    """Whether ``speaker`` is named in this sentence with another joined by و (خالد العلي ونظيره
    الكويتي محمد الصباح أن …؛ الوزير خالد العلي ووزير المالية …): two speak."""
    if not r.s.span[0] <= speaker.span[1] < r.s.span[1]:
        return False
    k = r.s.index_after(speaker.span[1])
    if k >= r.n or not r.toks[k].text.startswith("و") or len(r.toks[k].text) < 3:
        return False
    partner = unglued(r.toks[k])
    return r.s.is_word(partner, "counterpart") or r.s.first_name(partner) \
        or r.s.at(k, "role", lambda m: m.value["kind"] == "official" and m.prefix_len == 1) is not None


@STATEMENT_PATTERNS.rule(
    ("كما تناول المسؤول الأمريكي الملف، موضحا أن النقاش كان موجها نحو وقف القتال.",
     {"speaker": "official", "cue": "موضحا", "content": "النقاش كان موجها"}),
    ("واصلت المقاومة الشعبية تقدمها في المدينة، مؤكدة سيطرتها على الجزء الأكبر من الحي.",
     {"speaker": "المقاومة الشعبية", "cue": "مؤكدة", "content": "سيطرتها على الجزء"}),
    ("فقد استشاط رئيس مجلس العموم جون بيركو غضبا من وزير المالية جورج أوزبورن، فصرخ فيه قائلا «اقعد يا رجل».",
     {"speaker": "جون بيركو", "cue": "قائلا"}),
    ("وزار الوزير المستشفى، مطالبا الحكومة بتوفير الأدوية.", {"content": "الحكومة بتوفير"}),
    ("ويسعى الوزير إلى طمأنة المستثمرين بقوله: «الاقتصاد قوي».", {"speaker": "الوزير", "cue": "بقوله", "content": "الاقتصاد قوي"}),
    ("وتجمع عشرات الطلاب أمام الوزارة مطالبين بتأجيل الامتحانات.",
     {"speaker": "عشرات الطلاب", "cue": "مطالبين", "content": "بتأجيل الامتحانات"}),
    ("وخرج المحامي من المحكمة مطالبا بإلغاء القرار.", {"speaker": "المحامي", "cue": "مطالبا", "content": "بإلغاء القرار"}),
    ("وتحدث عن الخطة. مبينا مدير الإدارة العقيد سالم العلي، أن الخطة جاهزة.",
     {"speaker": "سالم العلي", "cue": "مبينا", "content": "الخطة جاهزة"}),
)
def participle_of_the_subject(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A participle that opens a statement outside any other (كما تناول المسؤول …، موضحا أن …):
    its speaker is the first speaker phrase of the sentence, else the last speaker whose
    gender agrees."""
    if cue.value["kind"] != "participle":
        return None
    if _in_byline(r, ci):
        return Dropped("a word of the byline (ماجد الرفاعي- سبق- متابعة: أعلن …)")
    named = _subject_after_participle(r, cue)
    if named is not None:
        speaker, opened = named
        span = r.content_span(opened)
        return r.draft(speaker, cue, span, opened) if span else None
    opened = participle_opening(r, cue)
    if opened is None:
        if ci > 0 and r.toks[ci - 1].text not in (",", ";") and not _points_on(r, cue):
            return Dropped("participle without إن / أن / a quotation, in no clause of its own")
        opened = r.skip_inline_subject(r.s.index_after(cue.end))  # …، مشيدا سموه بتعاون …
    speaker = sentence_subject(r, ci, cue.value["gender"]) if ci > 0 else None
    if speaker is None:
        speaker = r.d.carry_over(cue.value["gender"])
        r.parser.last_rule = "carried_subject"
    span = r.content_span(opened)
    if speaker is None or span is None:
        return Dropped("participle with no subject that agrees")
    if speaker.kind == "person" and speaker.gender is None and cue.value["gender"] in ("m", "f"):
        speaker = replace(speaker, gender=cue.value["gender"])  # ورد جيب بوش … بقوله: a man, for the verbs after
    return r.draft(speaker, cue, span, opened)


def _verbal_noun_in_construct(r: SentenceReader, cue: Mention, ci: int) -> bool:
    """Whether the relay verb at ``ci``, with no و or ف, stands after a noun or after تم / يتم:
    the verbal noun «carrying» (خطة نقل الملفات، حقوق نقل تلفزيوني، وسيتم نقل اللوحة)."""
    if ci == 0 or r.doc.text[cue.start:cue.key_start]:
        return False
    before = unglued(r.toks[ci - 1]) if r.toks[ci - 1].text[0] == "و" else r.toks[ci - 1]
    return before.text.lstrip("س") in ("تم", "يتم") or (
        before.text.isalpha() and r.s.common_noun(before) and not r.s.is_word(before, "any"))


@STATEMENT_PATTERNS.rule(
    ("ارتفعت أسعار النفط بنسبة اثنين في المئة، بحسب وكالة بلومبرج.", {"speaker": "بلومبرج", "cue": "بحسب"}),
    ("ووقع الانفجار بعد مرور أقل من 12 ساعة على مقتل 34 شخصا، بحسب الشرطة المحلية.", {"speaker": "الشرطة المحلية"}),
    ("وبحسب متعاملين في القطاع شهدت الأسواق عزوفا من قبل المشترين.", {"speaker": "anonymous"}),
    ("وبحسب المعلومات التي تم التوصل إليها، فإن الاجتماع شهد نقاشا.", None),
    ("واحتلت إسرائيل القدس الشرقية في خطوة لم يعترف بها المجتمع الدولي وفقا للقانون الدولي.", None),
    ("وتم الاتفاق على عدة نقاط وفقا للتنظيم التالي: أولا إقرار العقوبات.", None),
    ("والمغرب خامس أكبر مستهلك للنفط في أفريقيا وفق بيانات إدارة معلومات الطاقة الأمريكية.",
     {"speaker": "إدارة معلومات الطاقة"}),
    ("ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله إن المملكة ترحب بالاتفاق.",
     {"speaker": "anonymous", "content": "المملكة ترحب"}),
    ("وعلمت الصحيفة من مصادر مطلعة أن الاجتماع تأجل.", {"speaker": "anonymous", "content": "الاجتماع تأجل"}),
    ('ونقل زوار رئيس مجلس النواب نبيه بري عنه قوله إن "الوقت ليس لصالح أحد".',
     {"speaker": "نبيه بري", "content": "الوقت ليس لصالح"}),
    ("وتأتي الزيارة بعد تقرير نشرته وكالة بلومبرغ، نقلت فيه عن دبلوماسيين مطلعين أن المفتشين عثروا على جزيئات.",
     {"speaker": "anonymous", "content": "المفتشين عثروا"}),
    ("ووفقا لصحيفة «لوس أنجلس تايمز» نقلا عن مكتب الطبيب الشرعي فإن الرجل غرق.",
     {"speaker": "مكتب الطبيب الشرعي", "content": "الرجل غرق"}),
    ("ووفقا لإحصاءات وزارة الصحة، فإن عدد الإصابات تراجع.", {"speaker": "وزارة الصحة"}),
    ("وبحسب قول الباحثين، فإن النتائج أولية.", {"speaker": "anonymous"}),
    ("وانتقل اللاعب إلى الدوري الإيطالي وفقا لما ورد في تقارير صحفية محلية.", {"speaker": "anonymous"}),
    ("ويسجل الجهاز الخطوات والسعرات، حسب وصف جون سيلس الذي صمم النظارة.", {"speaker": "جون سيلس"}),
    ('ونقل موقع هيئة الإذاعة البريطانية "بي بي سي" عن "فالون" الذي يزور العراق، أن الطائرات ساعدت القوات.', {"speaker": "فالون"}),
    ('وبحسب "بي.دبليو.سي"، فإن الطلب على العقارات سيتراجع.', {"speaker": "بي.دبليو.سي", "content": "الطلب على العقارات"}),
    ("وشملت التعيينات التي أعلنت أمس، وفقا لمصادر مطلعة، تكليف سعد الغامدي مديرا للإدارة.",
     {"speaker": "anonymous", "content": "تكليف سعد الغامدي"}),
    ("أما سبب التأخير الطويل بحسب الشركة المشغلة فيعود إلى نقص قطع الغيار.",
     {"speaker": "الشركة المشغلة", "content": "فيعود إلى نقص"}),
    ("وتداولت المواقع ما ورد على لسان رئيس البلدية الذي قال: «الحديقة ستفتح قريبا».", None),
    ("واشترى النادي حقوق نقل تلفزيوني أن تبقى حصرية لثلاثة مواسم.", None),
    ("ونقلت تقارير صحفية عن ناطق باسم الدفاع المدني قوله إن الحريق أخمد.",
     {"speaker": "ناطق باسم الدفاع المدني", "content": "الحريق أخمد"}),
    ("ونقلت الوكالة الرسمية، من جهتها، عن مصدر أمني أن الطريق أعيد فتحه.",
     {"speaker": "anonymous", "content": "الطريق أعيد فتحه"}),
)
def relay(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """``نقلت X عن Y أن …``، ``وفقا لـ X، فإن …``، ``…، بحسب X``: the source speaks, the outlet
    that carried the words goes to ``via``."""
    if cue.value["kind"] != "relay":
        return None
    toks, s, d = r.toks, r.s, r.d
    row = cue.value
    j = s.index_after(cue.end)
    if row["gender"] != "-":  # نقلت / نقل: a verb
        j = r.skip_words(j)
        res = r.parser.parse(j, r.n) if j < r.n and toks[j].text != "عن" else None
        if res is None and j + 1 < r.n and toks[j].text.isalpha():
            told = r.parser.parse(j + 1, r.n)  # نقل زوار رئيس المجلس نبيه بري عنه قوله: he speaks
            if told is not None and told[1] < r.n and toks[told[1]].text in PRONOUN_SOURCE_GENDER:
                return _words_after_pronoun(r, cue, told[0], told[1]) or Dropped("relay without content")
        if res is None and not (j < r.n and toks[j].text == "عن"):
            return Dropped("relay verb without a subject")  # a subject not understood
        relay_by, k = res if res else (d.carry_over(row["gender"], ("outlet", "organization"))
                                       or outlet_before(r, ci), j)
        k = r.skip_words(k)
        quoted = _pronoun_source(r, cue, k, relay_by) if res is not None else None
        if quoted is not None:
            return quoted  # ونقل التلفزيون عنه قوله إن …: the one named before speaks
        if res is not None:
            d.remember(relay_by)  # ونقلت أيضا عن …: the relaying outlet may be carried over
        source_word = RELAY_SOURCE_WORDS.get(row["needs"], "عن")  # علمت الصحيفة من مصادر / نقلت X عن Y /
        #   نسبت الوكالة إلى X قوله
        k = relay_source(r, k, source_word)
        if relay_by is None and not (k < r.n and toks[k].text == source_word):
            return Dropped("relay verb without a subject")
        speaker = relay_by
        if k < r.n and toks[k].text == source_word:
            source = r.parser.parse(k + 1, r.n) or r.parser.person_name(k + 1, r.n, introduced=True)
            if source is None:  # (نقلت الوكالة عن «فالون» الذي يزور العراق: a name the relay introduces)
                return Dropped("relay without a source")
            speaker, k = source  # تقرير …، نقلت فيه عن دبلوماسيين: the source, whoever relayed it
            if relay_by is not None:
                speaker = replace(speaker, via=[relay_by.name] + [v for v in relay_by.via if v != relay_by.name])
        opened = r.intro(k)
        if opened is None:
            return None
        if speaker is relay_by and (opened[0] > k + RELAY_WORDS_GAP or _verbal_noun_in_construct(r, cue, ci)):
            return Dropped("a carrying over, not a relay: no source and no words after it")  # وسيتم نقل
            #   اللوحة إلى …، خطة نقل الملفات، والمبعوث ينقل المقترحات إلى مجلس الأمن
        span = r.content_span(opened[0])
        return r.draft(speaker, cue, span, opened[1]) if span else None
    if cue.key.endswith("ما") and j < r.n and toks[j].text[0].isalpha():
        j = s.past_time_words(j + 1)  # بحسب ما ذكرت X، حسبما نقلته X، حسبما أعلن أمس X
        if j < r.n and toks[j].text in ("به", "بها", "اليه", "اليها"):
            j = _past_quoted_addressee(r, s.past_time_words(j + 1))  # بحسب ما أفاد به «الشرق الأوسط» مصدر …
        elif j < r.n and toks[j].text == "في":
            j += 1  # وفقا لما ورد في تقارير صحفية، حسبما جاء في بيان الوزارة: where it was said
    if ci > 1 and toks[ci - 2].text == "ما" and toks[ci - 1].text in WORDS_CAME:
        return Dropped("words referred to, not the source of the sentence")  # وتداولت المواقع ما ورد
        #   على لسان رئيس البلدية الذي قال: …: what came from him is the object
    if j < r.n and toks[j].text == "ل":
        j += 1
    if j + 1 < r.n and toks[j].text[0] == "ل" and s.is_word(unglued(toks[j]), "quantity"):
        j += 1  # وطبقا لبعض المصادر: the sources, past «some»
    leading = all(t.text in (",", ";", "-") for t in toks[:ci]) or (  # وبحسب رويترز، …: the clause opens
        toks[ci - 1].text == "," and r.doc.text[cue.start:cue.key_start] == "و")  # with it (…، وحسب الهيئة، تم)
    res = relay_source_phrase(r, j, leading=leading)
    if res is None:
        return Dropped("according to whom is not understood")
    speaker, k = res
    if k + 1 < r.n and toks[k].text == "عن":  # بحسب ما نقلته X عن Y
        source = r.parser.parse(k + 1, r.n)
        if source is not None:
            speaker, k = replace(source[0], via=[speaker.name] + list(speaker.via)), source[1]
    after = r.skip_words(k)
    if not leading and after < r.n and toks[after].text in THEN_THAT and r.active is None:
        span = r.content_span(after + 1)  # …، وبحسب المتحدث الرسمي … فإن الفرق باشرت: what follows فإن
        return r.draft(speaker, cue, span, after + 1) if span else None
    if leading:
        chained = r.live_cue(k) if k < r.n else None
        if chained is not None and chained.value["kind"] == "relay" and chained.key.endswith(" عن"):
            source = r.parser.parse(s.index_after(chained.end), r.n)  # وفقا لصحيفة X نقلا عن Y فإن
            if source is not None:
                speaker, k = replace(source[0], via=[speaker.name] + list(speaker.via)), source[1]
        k = r.skip_words(_past_describing_clause(r, k), classes=("intro",))
        verb_at = k + (k < r.n and toks[k].text in ("فقد", "فلقد"))  # وبحسب "الألمانية"، فقد ذكرت شركة …
        if verb_at < r.n and r.live_cue(verb_at) is not None and r.live_cue(verb_at).value["kind"] in VERB_KINDS:
            r.lead_via.append(speaker.name)  # وبحسب رويترز، قال مكتب … إن: the source of what follows
            r.lead_source = (verb_at, speaker)  # وبحسب مصادر عسكرية، أكدت أن …: or its speaker, when the verb has none
            return Dropped("a leading relay of the statement that follows")
        span = r.content_span(k)
        return r.draft(speaker, cue, span, k) if span else None
    if r.active is not None:
        if speaker.kind == "outlet" and speaker.name not in r.active.via:
            r.active.via.insert(0, speaker.name)
        if r.inside_active(cue) and r.toks[ci - 1].text in (",", ";") \
                and (speaker.entity_id or speaker.kind in ("outlet", "person", "official", "anonymous")):
            r.truncate(r.active, ci)  # …، حسبما أفادت وكالة رويترز: not part of what was said
        return Dropped("the relay of the statement before it")
    return _claim_around(r, speaker, cue, ci - 1, _claim_goes_on(r, ci, k), least=2)


def _past_describing_clause(r: SentenceReader, k: int) -> int:
    """Past a relative clause that describes a leading according-to source, up to the comma or
    colon after which فإن or the quoted words open (وبحسب المصدر الذي فضّل ألا يسمى، فإن …؛
    ووفقا للوكالة التي نقلت عن موظفين في الميناء، فإن …); else ``k``."""
    if not r.s.relative_pronoun(k):
        return k
    toks = r.toks
    end = next((z for z in range(k + 1, min(r.n, k + DESCRIBING_CLAUSE_SPAN)) if toks[z].text in (",", ":", ";")), None)
    if end is None or end + 1 >= r.n:
        return k
    opens = toks[end].text == ":" or r.s.is_(end + 1, "intro") or toks[end + 1].text in THEN_THAT
    return end + 1 if opens else k


def _claim_around(r: SentenceReader, speaker: Speaker, cue: Mention, before: int, goes_on: bool,
                  least: int = 1) -> Draft | None:
    """The statement of an attribution that follows its claim (…، بحسب الشركة؛ …، كما يقول فلان):
    the words from the sentence's start to token ``before`` (past its marks), or to the sentence's
    end when ``goes_on``; None when fewer than ``least`` + 1 tokens stand before it."""
    end = before
    while end > 0 and r.toks[end].text in (",", ";", "-"):
        end -= 1
    if end < least:
        return None
    claim_end = r.s.span[1] if goes_on else r.toks[end].end
    draft = r.draft(speaker, cue, (r.toks[0].start, claim_end), 0)
    draft.attribution_start = cue.start
    return draft


def _claim_goes_on(r: SentenceReader, ci: int, k: int) -> bool:
    """Whether the claim goes on after an according-to phrase from token ``ci`` to ``k`` in the
    middle of its sentence: the phrase stands between two parts of one clause (أما سبب التأخير
    بحسب الشركة فيعود إلى …) or between commas (وشملت التعيينات، وفقا لمصادر مطلعة، تكليف …), and
    what follows is no detail of the phrase (…، حسبما ذكر النادي الخميس؛ …، حسب فلان، مدير
    المعهد), no new clause (…، وفق ما أفاد شهود، فيما تواصل …) and holds no cue."""
    toks = r.toks
    bracketed = toks[ci - 1].text == "," and k < r.n and toks[k].text == ","
    if toks[ci - 1].text == "," and not bracketed:
        return False
    k += bracketed
    if k >= r.n or not toks[k].text.isalpha() or toks[k].text[0] == "و" \
            or r.s.is_(k, "skip", "preposition", "adverbial_prep", "clause_opener", "contrast", "subordinator") \
            or r.s.at(k, "role") is not None:
        return False
    return sum(t.text.isalpha() for t in toks[k:]) >= CLAIM_AFTER_RELAY_WORDS \
        and not any(cue.start >= toks[k].start for cue in r.cues)


@STATEMENT_PATTERNS.rule(
    ("وقال المتحدث باسم الخارجية إن المحادثات مستمرة، وأكد أن واشنطن ستعمل على تطوير ضمانات.",
     {"cue": "أكد", "content": "واشنطن ستعمل"}),
    ("وقالت رنا ريري إن الفعاليات عكست اهتمامات الزوار وشددت على أن الناس بحاجة إلى الضحك.",
     {"cue": "شددت", "speaker": "رنا ريري", "content": "الناس بحاجة"}),
    ("وقال الرئيس السوري بشار الأسد إنه يؤيد أي حوار سياسي، ولكنه أشار إلى أن الحديث عن حل سياسي أجوف.",
     {"cue": "أشار", "content": "الحديث عن حل سياسي"}),
    ("وفيما أشارت مصادر عسكرية إلى أن المعارك أسفرت عن سقوط قتلى، قال القائد العسكري عبدالله صبيحي إن رجاله دخلوا.",
     {"cue": "قال", "speaker": "عبدالله صبيحي", "content": "رجاله دخلوا"}),
    ("وتحدثت مصادر عن استهداف معسكر الحفا، في حين أشار سكان آخرون إلى تعرض منطقة النهدين للقصف.",
     {"cue": "أشار", "speaker": "سكان آخرون"}),
    ("وأكدت الحكومة أن الوضع مستقر، في حين قالت المعارضة إن الاحتجاجات ستستمر.",
     {"cue": "قالت", "speaker": "المعارضة", "content": "الاحتجاجات ستستمر"}),
    ("وأعلن رئيس الحزب دولت بهتشلي شرطا جديدا للمشاركة في الحكومة، إذ قال إن موافقة الحزب الحاكم لا تكفي.",
     {"cue": "قال", "content": "موافقة الحزب الحاكم"}),
)
def coordinated_clause(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A verb that opens a coordinated clause inside a statement (، وأوضح …، كما أكد …، لكنه
    أشار …, or وشددت على أن … with no subject of its own, agreeing with the speaker): a new
    statement, of its own subject or else of the same speaker; the first one ends before it."""
    if not r.inside_active(cue):
        return None
    same = _same_subject_verb(r, cue, ci)
    if not (r.clause_start(ci) or same or _new_subject_after_comma(r, cue, ci)):
        return None
    speaker = r.active.speaker
    draft = verb_statement(r, cue, ci, speaker)
    k = r.skip_words(r.s.index_after(cue.end))
    if draft is not None and same and draft.speaker is not speaker and _people_acted_on(r, k, draft.speaker_rule):
        span = r.content_span(k)  # وشكر اللاعبين على …: the players are thanked
        r.parser.last_rule = "same_as_statement"
        draft = r.draft(speaker, cue, span, k) if span else None
    if draft is not None:
        r.truncate(r.active, ci)
    return draft


def _new_subject_after_comma(r: SentenceReader, cue: Mention, ci: int) -> bool:
    """A verb right after a comma with its own subject (وفيما أشارت مصادر إلى أن …، قال القائد
    العسكري إن …): the main clause after a subordinate one, a statement of its own."""
    if ci == 0 or r.toks[ci - 1].text not in (",", ";") or cue.value["kind"] not in ("verb_past", "verb_present"):
        return False
    j = r.s.index_after(cue.end)
    k = r.skip_addressee(r.skip_words(j))
    return explicit_subject(r, cue, ci, j, k) is not None


def _same_subject_verb(r: SentenceReader, cue: Mention, ci: int) -> bool:
    """A past verb glued to و, with no subject after it, that agrees with the speaker of the
    statement being read (وقالت … إن … وشددت على أن …): a second verb of the same subject."""
    row = cue.value
    if row["kind"] != ("verb_present" if _after_purpose(r) or _present_goes_on_present(r, cue) else "verb_past") \
            or not r.doc.text[cue.start:cue.key_start].startswith("و"):
        return False  # (… لتؤكد للعموم …، وتحذر في الوقت نفسه: a present verb after one of purpose)
    j = r.s.index_after(cue.end)
    k = r.skip_words(j)
    if r.subjectless(k):
        return gender_agrees(row["gender"], r.active.speaker)
    if row["object"] != "yes":
        return False
    found = explicit_subject(r, cue, ci, j, k)  # ووصف الوضع بأنه …، وشكر اللاعبين على …: its object
    return (found is None or found[0] is r.active.speaker or _people_acted_on(r, k, r.parser.last_rule)) \
        and gender_agrees(row["gender"], r.active.speaker)


def _present_goes_on_present(r: SentenceReader, cue: Mention) -> bool:
    """Whether a present verb goes on from the present verb of the statement being read, of its
    person and number or agreeing with its speaker (يرى المزارعون أن الدعم غير كاف ويطالبون بـ …):
    the same subject."""
    if r.active is None:
        return False
    active, gender = r.active.cue.value, cue.value["gender"]
    return active["kind"] == "verb_present" and cue.value["kind"] == "verb_present" and gender in ("m", "f", "pl") \
        and (active["gender"] == gender or (r.active.speaker.gender is not None and gender_agrees(gender, r.active.speaker)))


def _people_acted_on(r: SentenceReader, k: int, rule: str | None) -> bool:
    """A plural in ين right after a verb that a rule reading any words took for its subject:
    the people the verb acts on, its object (وشكر اللاعبين على …)."""
    return rule in WEAK_SUBJECT_RULES and k < r.n and r.toks[k].text.endswith("ين")


@STATEMENT_PATTERNS.rule(
    ("ونفى الكرملين تقريرا لوكالة بلومبرج أفاد بأن بوتين مستعد للتفاوض.",
     {"speaker": "بلومبرج", "cue": "أفاد"}),
    ("ووجه الوزير تحذيرا أكد فيه أن الشركات المخالفة ستعاقب.",
     {"speaker": "الوزير", "cue": "أكد", "content": "الشركات المخالفة ستعاقب"}),
    ("وأصدر الجيش بيانا قال فيه إن قواته صدت الهجوم.", {"speaker": "الجيش", "cue": "قال", "content": "قواته صدت"}),
    ("وأوضح مدير المعرض أن الإقبال كبير، وعن موعد الافتتاح، قال: إن الافتتاح سيكون الأحد.",
     {"speaker": "مدير المعرض", "cue": "قال", "content": "الافتتاح سيكون الأحد"}),
)
def report_in_the_content(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A cue inside another statement's content is kept only for a report or an outlet (the
    Kremlin denies *a Bloomberg report that said …*); other nested speech is the speaker's."""
    if not r.inside_active(cue):
        return None
    if _says_in_it(r, ci):
        return _words_of_the_noun(r, cue, ci)
    if _after_the_quotation(r, cue, ci):
        before, active = r.active.content, r.active
        active.content = (before[0], r.toks[ci - 1].end)  # the quotation was the whole content
        draft = verb_statement(r, cue, ci, None, carry_over=False)
        if draft is not None and draft.speaker.kind != "unresolved":
            return draft
        active.content = before
    topic = _topic_then_saying(r, cue, ci)
    if topic is not None and gender_agrees(cue.value["gender"], r.active.speaker):
        active = r.active
        draft = verb_statement(r, cue, ci, active.speaker, carry_over=False)
        if draft is not None:
            r.truncate(active, topic)  # …، وعن موعد الافتتاح، قال: إن …: his words on the next topic
            draft.speaker_rule = "same_as_statement"
            return draft
    if _saying_after_an_object(r, cue, ci):
        active = r.active
        draft = verb_statement(r, cue, ci, active.speaker, carry_over=False)
        if draft is not None:
            r.truncate(active, ci)  # حث أنصاره على التصدي للحكومة، قال إن …: his next words
            return draft
    contrast = _contrast_with_a_pronoun(r, ci)
    if contrast is not None and not r.s.in_quote(cue.start):
        active, (start, gender) = r.active, contrast
        draft = verb_statement(r, cue, ci, active.speaker if gender_agrees(gender, active.speaker) else None,
                               carry_over=False)
        if draft is not None:
            r.truncate(active, start)  # نفى أن ذلك يمثل له شيئا إلا أنه قال إن …: his next words
            return draft
    named = _contrast_with_a_subject(r, ci) if cue.value["kind"] == "verb_past" else None
    if named is not None and not r.s.in_quote(cue.start):  # (not …، لكن الباحثة ترى أسلوبه …: a view)
        start, subject = named
        draft = verb_statement(r, cue, ci, subject, carry_over=False)
        if draft is not None:
            r.truncate(r.active, start)  # أفادت مصادر كردية بأن …؛ لكن الجيش نفى …: another speaker answers
            return draft
    draft = verb_statement(r, cue, ci, None, carry_over=False)
    if draft is not None and _speaker_of_its_own(r, cue, draft):
        r.truncate(r.active, ci)  # واقترح الاتحاد تأجيل البطولة … وقال الشيخ طلال الفهد إن …
        return draft  # (not وتمنى … الشفاء لهم وأكد حرص الوزارة: the object, read as a subject)
    if draft is not None and (draft.speaker.report or draft.speaker.kind == "outlet"):
        draft.nested = True
        return draft
    return Dropped("speech reported inside another statement")


PRONOUN_GENDERS = {"ه": "m", "ها": "f", "هم": "pl"}


def _contrast_with_a_pronoun(r: SentenceReader, ci: int) -> tuple[int, str] | None:
    """(where the clause begins, the pronoun's gender) when a contrasting clause whose subject is
    a pronoun stands right before the verb at ``ci`` (… إلا أنه قال، غير أنها أكدت، لكنهم
    طالبوا), else None."""
    if ci < 1:
        return None
    w = r.toks[ci - 1].text
    for head in ("لكن", "ولكن"):
        if w.startswith(head) and w[len(head):] in PRONOUN_GENDERS:
            return ci - 1, PRONOUN_GENDERS[w[len(head):]]
    if ci >= 2 and w.startswith("ان") and w[2:] in PRONOUN_GENDERS and r.s.opens_contrast(ci - 2):
        return ci - 2, PRONOUN_GENDERS[w[2:]]
    return None


def _contrast_with_a_subject(r: SentenceReader, ci: int) -> tuple[int, Speaker] | None:
    """(where the clause begins, its subject) when a clause opened by لكن after a comma or a
    semicolon, or by إلا أن / غير أن / بيد أن, names its subject right before the verb at ``ci``
    (…؛ لكن الجيش نفى، …، لكن وزارة الخارجية أكدت، ولم تعلن الإدارة قيمة العقد إلا أن مصادر
    مطلعة أشارت), else None."""
    toks = r.toks
    for k in range(ci - 2, max(0, ci - CONTRAST_SUBJECT_WORDS - 2), -1):
        but_that = toks[k].text == "ان" and r.s.opens_contrast(k - 1)
        if (toks[k].text in ("لكن", "ولكن") and toks[k - 1].text in (",", ";")) or but_that:
            res = r.parser.parse(k + 1, ci, allow_name=False)
            if res is not None and res[1] == ci and res[0].kind != "unresolved" \
                    and r.parser.last_rule not in WEAK_SUBJECT_RULES:
                return k - 1, res[0]
            return None
        if not toks[k].text.isalpha() and toks[k].text != '"':
            return None
    return None


def _speaker_of_its_own(r: SentenceReader, cue: Mention, draft: Draft) -> bool:
    """Whether a verb with و, outside any quotation, inside the active statement's content, has
    a speaker of its own that begins a new statement: a named one, another than the active
    statement's, after a content that is the verb's object or right before its own إن / أن."""
    if r.doc.text[cue.start:cue.key_start] != "و" or r.s.in_quote(cue.start) \
            or draft.speaker.kind not in ("person", "official", "organization", "country", "outlet") \
            or draft.speaker.name == r.active.speaker.name:
        return False
    return (_in_an_object(r, cue) and draft.speaker_rule not in WEAK_SUBJECT_RULES) or _own_words_follow(r, draft)


def _own_words_follow(r: SentenceReader, draft: Draft) -> bool:
    """Whether the words of ``draft`` open with إن / أن / a colon at most a few words past its
    named speaker (… أمام السيارات وتعهدت وزارة النقل في بيان بأن …): a new statement, not
    one more thing the first speaker said."""
    after = r.s.index_after(draft.speaker.span[1])
    first = r.s.index_after(draft.content[0])
    return 0 < first <= after + OWN_WORDS_GAP and (r.toks[first - 1].text == ":"
                                                  or r.s.is_(first - 1, "intro", "intro_say"))


def _topic_then_saying(r: SentenceReader, cue: Mention, ci: int) -> int | None:
    """The index of «و + a topic» (وعن، وحول، وبشأن) that a verb with its subject unsaid follows
    right before its words, after a comma inside a statement's content: the speaker turns to a
    new topic (وأوضح المدير أن العمل جيد، وعن موعد الافتتاح، قال: إن …); None otherwise."""
    if cue.prefix_len or cue.value["kind"] != "verb_past" or ci + 1 >= r.n \
            or not (r.toks[ci + 1].text == ":" or r.s.is_(ci + 1, "intro", "intro_say")):
        return None
    for z in range(ci - 1, max(0, ci - TOPIC_WORDS), -1):
        if r.s.is_(z, "topic") and r.toks[z - 1].text == "," and z < ci - 1:
            return z  # (وعن رحيله عن النادي، قال: the topic that opens after the comma)
        tok = r.toks[z]
        if not (tok.text.isalpha() or tok.text == '"' or (tok.text == "," and z == ci - 1)) \
                or r.s.is_(z, "intro", "intro_say") or r.s.at(z, "cue") is not None:
            return None
    return None


def _saying_after_an_object(r: SentenceReader, cue: Mention, ci: int) -> bool:
    """A saying verb after a comma, its subject unsaid before إن / أن / a colon, inside a content
    that is the object of the verb before it: the same speaker's next words (وحث أنصاره على
    التصدي للحكومة، قال إن الحل السياسي ممكن)."""
    return r.toks[ci - 1].text == "," and not cue.prefix_len and cue.value["kind"] == "verb_past" \
        and r.doc.words.lemma_is(cue.value, "saying") and _in_an_object(r, cue) \
        and ci + 1 < r.n and (r.toks[ci + 1].text == ":" or r.s.is_(ci + 1, "intro", "intro_say"))


def _in_an_object(r: SentenceReader, cue: Mention) -> bool:
    """Whether ``cue`` stands outside any quotation inside the active statement's content, and
    that content is the object of its verb (no إن / أن / colon opened it)."""
    first = r.s.index_after(r.active.content[0])
    return not r.s.in_quote(cue.start) and first > 0 and r.toks[first - 1].text not in (":", '"') \
        and not r.s.is_(first - 1, "intro", "intro_say") and r.toks[first].text != '"'


def _after_the_quotation(r: SentenceReader, cue: Mention, ci: int) -> bool:
    """A verb with و right after the closing mark of the quotation the statement's content
    opened with: a new statement begins (وأضاف أن "…" وقال نائب رئيس قسم الهندسة جاي باريخ …)."""
    s = r.s
    first = s.index_after(r.active.content[0])
    return ci >= 2 and r.toks[ci - 1].text == '"' and first < r.n and r.toks[first].text == '"' \
        and r.doc.text[cue.start:cue.key_start] == "و" and not s.in_quote(cue.start)


def _says_in_it(r: SentenceReader, ci: int) -> bool:
    """A cue followed by فيه / فيها right after the first word of the statement's content: the
    words of that speech noun follow (ووجه الوزير تحذيرا أكد فيه أن …، أصدرت بيانا قالت فيه)."""
    first = r.s.index_after(r.active.content[0])
    return ci - first in (1, 2) and r.s.text_of(ci + 1) in ("فيه", "فيها")


def _words_of_the_noun(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """The statement the noun's words make, of the same speaker, in place of the one whose
    content the noun opened."""
    draft = verb_statement(r, cue, ci, r.active.speaker, carry_over=False)
    if draft is None:
        return Dropped("speech reported inside another statement")
    r.drafts.remove(r.active)
    if r.trace is not None:
        r.trace.dropped("report_in_the_content", r.cue_text(r.active.cue),
                        r.doc.folded.span_to_original(r.active.cue.key_start, r.active.cue.end),
                        "the words of its speech noun follow (… أكد فيه): that statement takes its place")
    return draft


@STATEMENT_PATTERNS.rule(
    ("وسينتهي الحال بالطفل في السجن، كما يقول الباحث سامي فيلدمان.",
     {"speaker": "سامي فيلدمان", "content": "وسينتهي الحال بالطفل في السجن"}),
    ("واتفق المشاركون، كما أعلن رئيس القمة، على التنسيق الوثيق بين البلدين.",
     {"speaker": "رئيس القمة", "content": "على التنسيق الوثيق"}),
    ("ويتباطأ نمو الصادرات (أقل من 2 في المئة خلال العام كما يقول البنك الدولي).",
     {"speaker": "البنك الدولي", "content": "أقل من 2 في المئة"}),
    ("وقالت الشركة إن الأرباح تراجعت، كما قالت إن المبيعات ارتفعت.", None),
    ("وأتى التكريم بتوجيه من الرئيس، كما شكرت الهيئة مالك الوحدات.", None),
)
def as_said(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """«كما يقول X»: X says what the clause around it tells (…، كما يقول الباحث فلان. / اتفق
    المشاركون، كما أعلن الرئيس، على …), when no words of its own follow X (not «كما قالت إن …»:
    it also said)."""
    if cue.value["kind"] not in VERB_KINDS[:2] or cue.prefix_len or ci < 3 or r.toks[ci - 1].text not in AS \
            or not r.doc.words.lemma_is(cue.value, "as_said"):
        return None  # (…، كما شكرت مالك الوحدات: it also thanked)
    found = speaker_of(r, cue, ci, None, carry_over=True) or _one_word_name(r, r.s.index_after(cue.end))
    if found is None:
        return None
    speaker, k, explicit = found
    k = r.s.past_time_words(k)
    if k < r.n and r.toks[k].text.isalpha() and r.s.is_(k, "preposition", "adverbial_prep") and explicit:
        k = _past_where_said(r, k)  # كما يقول فلان في صحيفة «…»: where he says it
    closed = k >= r.n or r.toks[k].text in AS_SAID_ENDS or r.toks[k - 1].text == ","
    opened = r.intro(k) if closed else None
    if not closed or (opened is not None and opened[1] == k):
        return None  # كما قالت إن …، كما أكدت تنظيم وقفات: it also said
    if not explicit and k < r.n and r.toks[k].text != ".":
        return None  # (…، كما تقول، …: who says it is not said)
    k -= k < r.n and r.toks[k].text not in AS_SAID_ENDS  # (the comma the speaker phrase took)
    goes_on = r.toks[ci - 2].text == "," and k < r.n and r.toks[k].text == "," and _clause_goes_on(r, k + 1)
    return _claim_around(r, speaker, cue, ci - 2, goes_on)  # اتفق المشاركون، كما أعلن الرئيس، على …


def _one_word_name(r: SentenceReader, k: int) -> tuple[Speaker, int, bool] | None:
    """One word no list knows right before the end of an as-said phrase: a person's name
    (…، كما يقول ستراند.)."""
    if k + 1 >= r.n or r.toks[k + 1].text not in AS_SAID_ENDS or not lone_name_word(r.s, r.toks[k]):
        return None
    span = (r.toks[k].start, r.toks[k].end)
    surface = r.doc.surface(*span)
    r.parser.last_rule = "as_said_name"
    return Speaker(surface, surface, "person", span), k + 1, True


def _past_where_said(r: SentenceReader, k: int) -> int:
    """Past a phrase behind في / خلال up to the next mark (في صحيفة محلية، في مقابلة مع
    الإذاعة), when it holds no opener of words."""
    z = k + 1
    while z < r.n and z - k <= WHERE_SAID_WORDS and r.toks[z].text not in (".", ",", ")", ";") \
            and not r.s.is_(z, "intro", "intro_say"):
        z += 1
    return z if z < r.n and not r.s.is_(z, "intro", "intro_say") else k


def _clause_goes_on(r: SentenceReader, k: int) -> bool:
    """Whether the clause an as-said phrase interrupts goes on at token ``k``: no new clause (و،
    a subordinator), no cue of its own."""
    return k < r.n and r.toks[k].text.isalpha() and r.toks[k].text[0] != "و" \
        and not r.s.is_(k, "skip", "clause_opener", "contrast", "subordinator") \
        and all(r.live_cue(z) is None for z in range(k, r.n))


@STATEMENT_PATTERNS.rule(
    ("وأحبط الجمرك تهريب كميات كبيرة من الخمور. أوضح ذلك مدير عام الجمرك عبدالرحمن المحنا.",
     {"speaker": "عبدالرحمن المحنا", "content": "وأحبط الجمرك تهريب"}),
    ("أوضح ذلك التقرير أن الأسعار سترتفع.", None),
    ("وامتد الحريق إلى إحدى الغرف داخل المبنى. صرح بذلك المتحدث باسم الدفاع المدني في المحافظة.",
     {"speaker": "المتحدث باسم الدفاع المدني", "content": "وامتد الحريق"}),
)
def said_that_before(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """«أوضح ذلك X»، «صرح بذلك X»: X said what the sentence before tells (… ولم تنجح محاولة
    التهريب. أوضح ذلك مدير عام الجمرك …), when no content of its own follows (not أوضح ذلك التقرير
    أن …)."""
    if cue.value["kind"] != "verb_past" or r.d.sentence_no == 0 or (cue.prefix_len and ci > 0):
        return None  # (وصرح بذلك X: the sentence opens with it)
    k = r.s.index_after(cue.end)
    if k >= r.n or r.toks[k].text not in THAT_BEFORE:
        return None
    found = r.parser.parse(r.s.past_time_words(k + 1), r.n)
    if found is None:
        return None
    after = found[1] + (found[1] < r.n and r.toks[found[1]].text == ",")
    if r.intro(found[1]) is not None and not r.s.is_(after, "subordinator"):
        return None  # (…، الذي بين أن …: the words of a relative clause, not of أوضح ذلك)
    told = r.d.sentence_spans[r.d.sentence_no - 1]
    draft = r.draft(found[0], cue, told, found[1])
    draft.sentence = (told[0], r.s.span[1])  # the words and their attribution
    return draft


@STATEMENT_PATTERNS.rule(
    ("وقال وزير الخارجية السعودي عادل الجبير للصحفيين إن المملكة تدعم الحل السياسي.",
     {"speaker": "عادل الجبير", "content": "المملكة تدعم"}),
    ("وزير المالية محمد الجدعان، من جانبه، أوضح أن العجز سيتراجع.", {"speaker": "محمد الجدعان"}),
    ("وقد يقول قائل إن هذه المقاربة غير مناسبة.", None),
    ("وكانت حركة طالبان حذرت مؤخرا داعش من التوسع في منطقتها.", {"speaker": "حركة طالبان"}),
    ("ووافقه الرأي إبراهيم الصيادي عضو مجلس المنطقة السابق حيث قال: الأسعار ارتفعت كثيرا.",
     {"speaker": "إبراهيم الصيادي", "content": "الأسعار ارتفعت"}),
    ("وألقى وزير الخارجية كلمة أكد فيها أن المملكة ماضية في الإصلاح.",
     {"speaker": "وزير الخارجية", "content": "المملكة ماضية"}),
    ("وكانت قد توقعت الرئاسة العامة للأرصاد هطول أمطار رعدية.", {"speaker": "الرئاسة العامة للأرصاد"}),
    ("ويقول البائع ماهر بن يحيى قد يكون السبب تقديم الناس الأولويات.",
     {"speaker": "ماهر بن يحيى", "content": "قد يكون السبب"}),
    ("في غضون ذلك، استعدت القوات الأمنية العراقية لاقتحام الرمادي، ودعت الأهالي إلى الخروج من المنطقة.",
     {"speaker": "القوات الأمنية العراقية", "cue": "دعت"}),
    ("وقال الوزير بعد أن التقى نظيره الروسي إن العلاقات بين البلدين جيدة.",
     {"speaker": "الوزير", "content": "العلاقات بين البلدين"}),
    ("ثم ألقى مدير الجامعة كلمة، أكد فيها أن العمل مستمر.", {"speaker": "مدير الجامعة"}),
    ("كما أن عددا من المستخدمين عبروا عن غضبهم من القرار.", {"speaker": "anonymous"}),
    ("وبحسب مصادر أمنية، أكدت أن الهجوم استهدف نقطة تفتيش.", {"speaker": "anonymous"}),
    ("وقد بسطت القوات الحكومية سيطرتها على المدينة، وأكدت أنها طهرتها من المسلحين.", {"speaker": "القوات الحكومية"}),
    ("واستقبل الأمير الوفد برئاسة السفير الأمريكي الذي أكد أن العلاقات متينة.", {"speaker": "السفير الأمريكي"}),
    ("وكان أول المعلقين المغرد سعد الحربي الذي قال موضحا: «القرار تأخر كثيرا».", {"speaker": "سعد الحربي", "content": "القرار تأخر"}),
    ("واشتكى عدد من سكان الحي من تكرار انقطاع المياه.", {"speaker": "anonymous", "content": "تكرار انقطاع المياه"}),
    ("وقال المهندس سعيد الغامدي إن العمل مستمر. واختتم الغامدي حديثه عن مواعيد تشغيل المحطة الجديدة.", {"speaker": "سعيد الغامدي", "content": "مواعيد تشغيل المحطة"}),
    ("وقد ثمن رئيس الجمعية زيارة الوفد للمرضى.", {"speaker": "رئيس الجمعية"}),
    ("وطلب المدرب من لاعبيه التركيز في المباراة المقبلة.", {"speaker": "المدرب", "content": "لاعبيه التركيز"}),
    ("وقدم المواطن طلب الحصول على الأرض من البلدية.", None),
    ("وقال المدير إن العمل مستمر. وحث الموظفين على الالتزام بالمواعيد.", {"speaker": "المدير", "content": "الموظفين على الالتزام"}),
    ("وأعلنت الكلية عن وظائف شاغرة. ودعت الراغبين إلى تقديم طلباتهم إلكترونيا.", {"speaker": "الكلية", "content": "الراغبين إلى تقديم"}),
    ("وقال الرئيس إن العلاقات جيدة. وأضاف لقد انتخبنا الشعب لنغير الوضع.", {"speaker": "الرئيس", "content": "لقد انتخبنا الشعب"}),
    ("أما الدكتور جون سميث مدير المعهد في جامعة لندن أكد أن البرنامج ناجح.", {"speaker": "جون سميث"}),
    ("وقال لي الوزير إن العمل مستمر.", {"speaker": "الوزير"}),
    ("قال المدرب خالد العمري إن الفريق جاهز. وزار رئيس النادي سعد الحربي الفريق في معسكره. وأضاف أن الدعم مستمر.", {"speaker": "سعد الحربي", "content": "الدعم مستمر"}),
    ("وقال الدكتور منصور السيد رئيس مركز الخليج للبحوث الاقتصادية إن النمو سيتباطأ.", {"speaker": "منصور السيد", "content": "النمو سيتباطأ"}),
    ("وأضاف الجار الله أن المعرض يفتح أبوابه مساء.", {"speaker": "الجار الله"}),
    ('وقال الوزير إن العمل مستمر. وشرح المهندس سعيد الغامدي: "الخطة تسير وفق الجدول".', {"speaker": "سعيد الغامدي", "content": "الخطة تسير"}),
    ("وقال أرماندو أوشوا، المختص المالي إن العملة ستنهار.", {"speaker": "أرماندو أوشوا", "content": "العملة ستنهار"}),
    ("وأكدت المملكة أن الحل في اليمن سياسي.", {"speaker": "country"}),
    ("وأبان مدير المستشفى محمد العتيبي أنه تم تشغيل القسم الجديد.", {"speaker": "محمد العتيبي", "content": "تشغيل القسم الجديد"}),
    ("وقال رئيس البلدية خالد الحربي إن المشروع بدأ. وطالب بضرورة الإسراع في تسليم الأراضي.", {"speaker": "خالد الحربي", "content": "بضرورة الإسراع"}),
    ("أفتى عالم دين بجواز الصلاة في الطائرة.", {"speaker": "anonymous", "content": "بجواز الصلاة"}),
    ("ويعترف المدرب خالد العمري بأن الفريق لم يكن في أفضل حالاته.", {"speaker": "خالد العمري", "content": "لم يكن في أفضل", "stance": "confirm"}),
    ("ويشرح الباحث سعد القحطاني أن الدراسة شملت ألف طالب.", {"speaker": "سعد القحطاني", "content": "الدراسة شملت"}),
    ('وقال المزارع في حديث لـ"الوطن" إن المحصول تضرر من الصقيع.', {"speaker": "المزارع", "content": "المحصول تضرر"}),
    ("وقال مدير المشروع إن العمل يسير. وأضاف تم الانتهاء من المرحلة الأولى بعد أن بدأ العمل في مايو.", {"speaker": "مدير المشروع", "content": "تم الانتهاء من المرحلة"}),
    ("وسأله صحفي عن الإصابة، فرد عليه العمري بقوله: إن اللاعب سيعود قريبا.", {"speaker": "العمري", "content": "اللاعب سيعود"}),
    ("امتدح المدرب سالم الدوسري أداء اللاعبين في الشوط الثاني.", {"speaker": "سالم الدوسري", "content": "أداء اللاعبين"}),
    ("وقال المدير إن المبيعات تراجعت. وعزا ذلك إلى ارتفاع الأسعار، وإلى أن الطلب ضعيف.",
     {"speaker": "المدير", "content": "ذلك إلى ارتفاع الأسعار"}),
    ("وقالت الشركة إن أرباحها ارتفعت. وأرجعت الارتفاع في الأرباح إلى زيادة المبيعات.",
     {"speaker": "الشركة", "content": "الارتفاع في الأرباح إلى"}),
    ("وكان الحارس الإيطالي ماركو بيرتي أعلن اعتزاله بعد مسيرة طويلة.", {"speaker": "ماركو بيرتي", "content": "اعتزاله"}),
    ("وكان فرانك بولان مدرب سان جيرمان قد أعلن أنه سيبقى.", {"speaker": "person", "content": "سيبقى"}),
    ("أكد ذلك مدير الإدارة خالد العمري في تصريح صحفي، وقال إن العمل مستمر.",
     {"speaker": "خالد العمري", "cue": "قال", "content": "العمل مستمر"}),
    ("وكان المجلس قد أصدر في الشهر الماضي فتوى أكدت أن الصيام واجب.", {"speaker": "المجلس", "content": "فتوى أكدت"}),
    ("علمت الصحيفة أن الجهات المختصة وجهت بإيقاف المشروع مؤقتا.",
     {"speaker": "anonymous", "cue": "وجهت", "content": "بإيقاف المشروع"}),
    ("أعلن أياكس أمستردام بطل الدوري الهولندي لكرة القدم اليوم الأحد أن مدربه سيغادر.",
     {"speaker": "أياكس أمستردام", "content": "مدربه سيغادر"}),
    ("والحل أبسط مما يرى، نتيجة بحث الفريق القادر على أن يجد طريقا.", None),
    ("والتقى الوفد مدير المصنع سعيد القرني، الذي أكد أن الإنتاج سيتضاعف.", {"speaker": "سعيد القرني", "content": "الإنتاج سيتضاعف"}),
    ("وزار الوفد مدير المصنع سعيد القرني الذي أشار إلى أن الإنتاج سيتضاعف.", {"speaker": "سعيد القرني", "content": "الإنتاج سيتضاعف"}),
    ("وقالت الوزارة في بيان إن الاشتباكات وقعت في المنطقة. وأضاف أن القوات قتلت أربعة مسلحين.",
     {"speaker": "الوزارة", "cue": "أضاف", "content": "القوات قتلت"}),
    ("وقالت الوزارة إن الاشتباكات وقعت في المنطقة. وأضاف أن القوات قتلت أربعة مسلحين.",
     {"speaker": "unresolved", "cue": "أضاف", "content": "القوات قتلت"}),
    ("دان الأمين العام للجامعة العربية بشدة الهجوم على المدنيين.",
     {"speaker": "الأمين العام للجامعة العربية", "cue": "دان", "content": "الهجوم على المدنيين"}),
    ("وأوضح دان بينس أن الطائرة سقطت.", {"speaker": "دان بينس", "cue": "أوضح"}),
    ("أوضح ذلك اليوم مدير فرع الوزارة في المنطقة سعد الحربي، مبينا أن الموقع سيطلق قريبا.",
     {"speaker": "سعد الحربي", "cue": "أوضح", "content": "الموقع سيطلق"}),
    ("ودعت منظمة الصحة العالمية الحكومات في المنطقة إلى خفض الضرائب على الدواء، الأمر الذي من شأنه أن يخفف الأعباء.",
     {"cue": "دعت", "content": "الحكومات في المنطقة إلى خفض"}),
    ("وناشد سكان الحي البلدية سرعة إصلاح الإنارة، حيث إن الحوادث تكررت.",
     {"cue": "ناشد", "content": "البلدية سرعة إصلاح"}),
    ("وقال الوزير إن الأسعار مستقرة. وقال بهذا الخصوص إن الطلب على الوقود تراجع.",
     {"speaker": "الوزير", "content": "الطلب على الوقود تراجع"}),
    ("وقال المدرب إن الفريق جاهز. كما دعا إدارة النادي إلى تجديد عقود اللاعبين.",
     {"cue": "دعا", "speaker": "المدرب", "content": "إدارة النادي إلى تجديد"}),
    ("وقال المدرب إن الفريق جاهز. وأوضحت الشركة، التي لم تذكر قيمة العقد، أن اللاعب سينضم غدا.",
     {"cue": "أوضحت", "speaker": "الشركة", "content": "اللاعب سينضم"}),
    ("وبدأ الحفل بكلمة لمديرة المدرسة سارة السالم، أوضحت فيها أن البرنامج مهم.",
     {"cue": "أوضحت", "speaker": "سارة السالم", "content": "البرنامج مهم"}),
    ("وانطلق الحفل بكلمة ألقاها المدير سالم الحربي، أوضح فيها أن التجمع كبير.",
     {"cue": "أوضح", "speaker": "سالم الحربي", "content": "التجمع كبير"}),
    ("وقال النائب إن الميزانية تأخرت. واتهم الحكومة بالتقصير في صرف المخصصات.",
     {"cue": "اتهم", "speaker": "النائب", "content": "الحكومة بالتقصير"}),
    ("وقال رئيس البلدية إن الحدائق جاهزة. واقترح عربات متنقلة لبيع المشروبات.",
     {"cue": "اقترح", "speaker": "رئيس البلدية", "content": "عربات متنقلة"}),
)
def reporting_verb(r: SentenceReader, cue: Mention, ci: int) -> Result:
    """A reporting verb with its subject after it (قال X إن …) or before it (X، من جانبه، أوضح
    أن …; وكان X قد أعلن …), or a dropped subject (وأضاف أن …) given to the last speaker it
    agrees with; no one for a hypothetical speaker (وقد يقول قائل إن …)."""
    if cue.value["kind"] not in ("verb_past", "verb_present") and cue.value["kind"] != "noun":
        return None
    if r.s.is_(r.s.index_after(cue.end), "hypothetical_speaker"):
        return Dropped("a hypothetical speaker: no one said it")
    if ci > 0 and r.toks[ci - 1].text in CONDITIONS:
        return Dropped("a condition: no one said it (حتى إذا لم يستجب الملاك …)")
    return verb_statement(r, cue, ci, None)
