"""Speaker phrases: the noun phrase that says something, read from the sentence.

:data:`SPEAKER_PHRASES` holds the constructions in the order they are tried at a
token; the first that reads a phrase there wins.  They use the lexicon for
canonical names, roles and countries, but a speaker is found by the shape of
the phrase, whatever its words: a role with its complements and the name it
introduces, a name followed by its role, an institution's head noun with its
complements, an anonymous source with its description, a report and its owner,
a definite noun that refers back, a name met before.
"""
from __future__ import annotations

from dataclasses import replace

from ..mentions import Mention
from ..rules import Registry
from ..text import fold_key, lookup_forms
from .names import (accusative_noun, addressed_people, family_name, family_name_word, glued_noun, name_word,
                    pronoun_object, tafa33ul, titles_end)
from .parser import PhraseParser
from .sentence import Sentence, Token, unglued
from .speaker import Speaker, head_gender
from .words import bare

SPEAKER_PHRASES = Registry("speaker phrase")
Found = tuple[Speaker, int] | None
APPOSITION_WORDS = 12  # words of a description between commas after an unknown name
TITLE_REACH = 14  # words of an unknown description before the title that introduces a name
PUBLISHED_ON = ("نشر", "نشرته", "نشرها", "المنشور", "منشور")  # بيان نشر على موقع …: folded
REPORT_PREHEADS = ("احدث", "اخر", "نتايج")  # folded words before a report noun that leave the report speaking
ISSUED = "صدر"  # بيان صدر عن مكتب المحافظ: the verb that issued a report (not in the owner words: صدر is a name too)
OWNER_REACH = 4  # words between a report noun and the verb of its owner (استطلاع لإنتاج أوبك أجرته)
WHO_ASIDE_WORDS = 14  # words of a وهو / وهي aside on who the speaker is, closed by a comma
OPEN_ASIDE_WORDS = 8  # … of one the content opener ends, with no comma
DESCRIBING_CLAUSE_WORDS = 8  # words of a clause that describes an unnamed speaker (رجل كان يقف قرب السوق)
PARTITIVE_PRONOUNS = ("منهم", "منهن")  # folded: عدد منهم، كثير منهم — some of a group met before
SOME_OF_THEM = ("بعضهم", "بعضهن")  # folded: وقال بعضهم إن …
PARENTHESIS_WORDS = 5  # words of an aside in brackets after a name (46 عاما)
ASIDE_PREPOSITIONS = ("في", "خلال", "عبر")  # open an aside on where or how the words were said (في بيان، عبر الهاتف)


# --- the phrase rules, in the order they are tried ------------------------------

@SPEAKER_PHRASES.rule(
    ("وقال عدد من الشهود إن الانفجار وقع فجرا.", {"speaker": "anonymous"}),
    ("وقال أحد القادة الميدانيين في جبهة الجفينة، إنهم تمكنوا من التصدي للهجمات.",
     {"speaker": "أحد القادة الميدانيين في جبهة الجفينة"}),
    ("وتحدث أحد أعضاء الفريق حسن أبو السعود عن الأفكار الجديدة.", {"speaker": "حسن أبو السعود"}),
    ("فيما أشار كل من عايض عوضة ومحمد جبار وناصر الشهراني إلى أن الانقطاع المتكرر يجعلهم يدفعون رسوما.",
     {"speaker": "عايض عوضة ومحمد جبار وناصر الشهراني"}),
    ("أدانت 3 منظمات حقوقية دولية تجاهل الاتحاد الأوروبي لحالات الإعدام.", {"speaker": "anonymous"}),
    ('طالب عدد من المغردين في موقع التواصل الاجتماعي "تويتر" وزير العمل بالتحقيق في البرنامج.',
     {"speaker": "anonymous"}),
    ("وقال أحد سكان حي النزهة بجدة إن المياه انقطعت منذ يومين.", {"speaker": "أحد سكان حي النزهة"}),
    ("قال أحد الركاب إن الرحلة تأخرت. وقال آخر إن المقاعد كانت مزدحمة.", {"speaker": "anonymous", "content": "المقاعد"}),
    ("وقالت إحداهن: المكان لا يتسع للجميع.", {"speaker": "anonymous", "content": "المكان لا يتسع"}),
    ("وقالت إحدى مستخدمي فيسبوك: «التصميم غير مناسب».", {"speaker": "anonymous", "content": "التصميم غير مناسب"}),
    ("وأكد عدد كبير من المزارعين أن الموسم تأخر.", {"speaker": "anonymous", "content": "الموسم تأخر"}),
    ("وأكد عدد من المزارعين أهمية دعم الموسم.", {"speaker": "anonymous", "content": "أهمية دعم الموسم"}),
    ("ورأى 61 في المئة من سائقي الأجرة أن الطرق أصبحت أكثر ازدحاما.",
     {"speaker": "61 في المئة من سائقي الأجرة", "content": "الطرق أصبحت أكثر ازدحاما"}),
    ("وأفادت 38 % فقط من هذه المدارس أنها تملك مختبرا حديثا.",
     {"speaker": "38 % فقط من هذه المدارس", "content": "تملك مختبرا حديثا"}),
)
def counted_sources(p: PhraseParser, i: int, n: int) -> Found:
    """A number or quantity word before an anonymous source or a group (أحد المصادر، عدد من
    الشهود، أحد القادة الميدانيين في الجبهة), before the group a named person belongs to
    (أحد أعضاء اللجنة سامر أبو الخير), a share of a group (38 % من المدارس، 61 في المئة من
    السائقين), or كل من before several names; one more of those already
    heard, or one of them, right before the words (وقال آخر إن …، وقالت إحداهن: …; not وفي شأن
    آخر، طالبت …)."""
    s = p.s
    if s.is_(i, "someone") and i + 1 < n and (s.toks[i + 1].text in (":", '"') or s.is_(i + 1, "intro", "intro_say")):
        return _unnamed(p, i, i + 1, None)  # وقال آخر إن …
    if s.text_of(i) in SOME_OF_THEM and _words_said_follow(p, i + 1, n):
        return _unnamed(p, i, i + 1, "pl")  # وقال بعضهم إن …
    if s.text_of(i) == "كل" and s.text_of(i + 1) == "من":
        return _each_of(p, i, n)
    number = s.text_of(i).isdigit()
    collective = s.is_(i, "collective")
    if not ((s.is_(i, "quantity") or number or collective) and i + 1 < n):
        return None
    j = i + 1
    past = s.past_percent(j) if number else j
    share = past > j
    if share:
        j = past + (s.text_of(past) == "فقط")  # 53 % فقط من الشركات
        if not (s.text_of(j) == "من" and j + 1 < n):
            return None  # (وقال 40 في المئة إن …: a share of no one named)
    if s.is_(j, "quantity_adjective") and s.text_of(j + 1) == "من":
        j += 1  # عدد كبير من الطلاب
    if not number and s.text_of(j) in PARTITIVE_PRONOUNS and _words_said_follow(p, j + 1, n):
        return _unnamed(p, i, j + 1, "pl")  # وقال عدد منهم إن …: some of a group met before
    if s.text_of(j) == "من" and j + 1 < n:
        j += 1
    if share and s.is_(j, "demonstrative"):
        j += 1  # 64 % من هذه المؤسسات
    if collective and s.head_kind(s.toks[j]) != "group":
        return None  # فريق الباحثين، not فريق الاتحاد (a club's team)
    counted = s.at(j, "role", lambda m: m.value["kind"] == "anonymous")
    if counted is not None:
        return p.anonymous(counted, j, n)
    if number:  # 3 منظمات حقوقية دولية، 5 مسؤولين: a counted group of people or bodies
        head_end = p.construct_end(j, n) if share else j + 1
        if s.head_kind(s.toks[j]) is None and not (share and head_end > j):
            return None  # (a share of any definite noun: 38 % من هذه المدارس، من سائقي الأجرة)
        group, k = p.group(i, head_end, n, "pl")
        return (group, k) if p.clause_subject or content_follows(p, k, n) or (p.verb_object and k < n and s.toks[k].text.isalpha()) \
            else None
    one = {"احد": "m", "احدي": "f"}.get(s.toks[i].text, "pl")
    with_pronoun = one != "pl" and s.toks[j].text.endswith(("ه", "ها", "هم")) and len(s.toks[j].text) > 4 \
        and not s.written_ending(s.toks[j], "ة")  # أحد أبنائه، إحدى قريباتها: made definite by its pronoun
    in_construct = not s.definite(s.toks[j]) and (s.head_kind(s.toks[j]) == "group" and p._construct(j, n) or (
        _group_in_construct(s, s.toks[j]) and j + 2 < n and s.toks[j + 1].text.isalpha()
        and not s.is_(j + 1, "any") and content_follows(p, j + 2, n)))  # إحدى مستخدمي فيسبوك: …
    if not (s.definite(s.toks[j]) or with_pronoun or in_construct) and not (j + 1 < n and s.definite(s.toks[j + 1])):
        return None
    # عدد من زوار مركز المعارض: a group in construct, up to its definite word
    group, k = p.group(i, p.construct_end(j + 1, n) if in_construct else j + 1, n, one)
    if one == "pl":  # عدد من المغردين في موقع «تويتر»: a group, whose members are not named
        return _speaking(p, group, k, n)
    named = p.person_name(k, n, introduced=True) if s.starts_name(k) or not (
        in_construct or (s.common_noun(s.toks[k]) and not s.definite(s.toks[k]))) else None
    #   (رفع أحد المحامين قضية جديدة: the object, a common noun, is no name)
    if named is None:  # (أحد سكان حي الربوة بتيماء: a place after the group, not a name)
        for split in range(j + 1, k):  # أحد أعضاء الفريق حسن …: the group ends where the name starts
            named = p.person_name(split, n, introduced=True)
            if named is not None and s.starts_name(split):
                k = split
                break
            named = None
    if named is not None:
        sp, end = named
        sp.role_ar = sp.role_ar or p.doc.surface(s.toks[i].start, s.toks[k - 1].end)
        return sp, end
    return _speaking(p, group, k, n)


def _words_said_follow(p: PhraseParser, j: int, n: int) -> bool:
    """Whether the words said open at token ``j``, not a preposition the verb takes (ووجه بعضهم
    إلى مكتب القبول: some of them were sent, the object)."""
    return content_follows(p, j, n) and p.s.text_of(j) not in ("الي", "علي", "عن")


def _unnamed(p: PhraseParser, i: int, end: int, gender: str | None) -> Found:
    """An unnamed source that only points back at people heard before (آخر، إحداهن، بعضهم، عدد
    منهم): the words from token ``i`` to ``end``."""
    fs, fe = p.s.toks[i].start, p.s.toks[end - 1].end
    surface = p.doc.surface(fs, fe)
    return Speaker(surface, surface, "anonymous", (fs, fe), gender=gender), end


def _group_in_construct(s: Sentence, tok: Token) -> bool:
    """A group's head noun, or its plural in ين in construct, the ن dropped, after أحد / إحدى
    (إحدى مستخدمي فيسبوك، أحد موظفي الشركة)."""
    word = tok.text
    return s.head_kind(tok) == "group" or (word.endswith("ي") and len(word) > 4
                                           and s.doc.words.speaker_heads.get(bare(word) + "ن") == "group")


def _speaking(p: PhraseParser, group: Speaker, k: int, n: int) -> Found:
    """The group, when what follows it (token ``k``) opens the content or an object (إلى، على، عن،
    the preposition the verb needs: شكك بعض المحللين في …، or a noun after a verb that takes an
    object: أبدى عدد من الزوار سعادتهم بـ …، قدّر عدد من الخبراء حجم الفوائض …)."""
    word = p.s.text_of(k)
    return (group, k) if p.clause_subject or content_follows(p, k, n) or word in ("الي", "علي", "عن") or word in p.verb_needs \
        or (p.verb_object and k < n and (pronoun_object(p.s, p.s.toks[k]) or (
            p.s.toks[k].text.isalpha() and not p.s.stop(p.s.toks[k]) and not p.s.definite(p.s.toks[k])))) else None
    #   (قدّر عدد من الخبراء حجم …, not أعلن بعض المقاتلين الولاء: a definite word may still describe them)


def _with_article(text: str, m: Mention) -> int:
    """Where a mention starts with its article but without و / ف (والوزير → الوزير)."""
    prefix = text[m.start:m.key_start]
    return m.key_start - 2 if prefix.lstrip("وف").endswith("ال") else m.key_start


def _each_of(p: PhraseParser, i: int, n: int) -> Found:
    """``كل من`` and the names it joins (فيما أشار كل من عايض عوضة ومحمد جبار وناصر
    الشهراني إلى …): the people together, up to where the content opens."""
    s, toks = p.s, p.s.toks
    j = i + 2
    while j < n and j - i < 14 and toks[j].text.isalpha() and not s.is_(j, "intro", "skip") \
            and toks[j].text not in ("الي", "علي", "عن") and s.at(j, "cue") is None:
        j += 1
    names = toks[i + 2:j]
    if len(names) < 2 or not any(t.text.startswith("و") for t in names[1:]) \
            or not (content_follows(p, j, n) or s.text_of(j) in ("الي", "علي", "عن")):
        return None
    fs, fe = names[0].start, names[-1].end
    surface = p.doc.surface(fs, fe)
    return Speaker(surface, surface, "person", (fs, fe), gender="pl"), j


def _role_at(p: PhraseParser, i: int) -> Mention | None:
    """The role phrase at token ``i``, unless it is a definite source or body without its own
    ال (المسؤول، الوزارة after a proclitic: a back-reference, not a new source)."""
    role = p.s.at(i, "role")
    if role is not None and role.definite(p.doc.text) and not role.key.startswith("ال") \
            and role.value["kind"] in ("anonymous", "organization", "outlet"):
        return None
    return role


@SPEAKER_PHRASES.rule(("وقال الكرملين إن التقرير غير صحيح.", {"speaker": "الكرملين"}))
def known_actor(p: PhraseParser, i: int, n: int) -> Found:
    """A lexicon actor, with the role that may follow it in apposition (يوري أوشاكوف، كبير
    مستشاري الكرملين،)."""
    actor = p.s.at(i, "actor")
    if actor is None:
        return None
    role = _role_at(p, i)
    if role is not None and actor.end < role.end:
        return None
    sp = p.actor_speaker(actor)
    j = p.s.index_after(actor.end)
    if sp.kind in ("outlet", "organization"):
        j = p._outlet_adjectives(j, n)  # صحيفة الإندبندنت البريطانية
    return sp, p.apposition(sp, j, n)


@SPEAKER_PHRASES.rule(
    ("وقال معالي وزير الصحة إن الحملة بدأت.", {"speaker": "official"}),
    ("وأكد صاحب المعالي الوزير أن المشروع يسير وفق الخطة.", {"speaker": "الوزير"}),
)
def honorific_then_office(p: PhraseParser, i: int, n: int) -> Found:
    """An honorific before an office (معالي وزير الخارجية، سمو أمير المنطقة): the office speaks."""
    role = _role_at(p, i)
    if role is None or role.value["kind"] != "title" or role.prefix_len:
        return None
    after = p.s.index_after(role.end)
    if after < n and p.s.at(after, "role", lambda m: m.value["kind"] == "official"):
        return p.read(after, n, p.allow_name)
    return None


@SPEAKER_PHRASES.rule(
    ("وأوضح مدير إدارة التعليم في المحافظة خالد العتيبي أن الدراسة ستبدأ.", {"speaker": "خالد العتيبي"}),
    ("وقال المدرب يورغن كلينزمان: «سنتعلم من أخطائنا».", {"speaker": "يورغن كلينزمان"}),
    ("ونقلت وكالة الأنباء السعودية عن مصدر مسؤول قوله إن المملكة ترحب بالاتفاق.", {"speaker": "anonymous"}),
    ("كشف الرئيس التنفيذي للمهرجان عبدالعزيز المهوس أبرز ملامح الخطة.",
     {"speaker": "عبدالعزيز المهوس", "content": "أبرز ملامح الخطة"}),
    ("وقال الزعيم المتقدم في السن إن الخطة جاهزة.", {"speaker": "official"}),
    ("وقال الاتحاد الدولي لكرة القدم إن المباراة ستقام في موعدها.", {"speaker": "الاتحاد الدولي لكرة القدم"}),
    ("وكان الملا منصور وجه في يونيو تحذيرا إلى زعيم التنظيم من أي محاولة للتمدد.", {"speaker": "منصور", "cue": "وجه"}),
    ("ووجه الرئيس دعوة إلى المعارضة للحوار.", {"speaker": "official", "cue": "وجه"}),
    ("وأكد قائد ميداني موال للرئيس عبد ربه منصور هادي أن القوات تقدمت نحو المدينة.", {"speaker": "official"}),
    ("وقال الشيخ رياض الصالح إن الخطبة تناولت الأمانة.", {"speaker": "رياض الصالح"}),
    ("من جانبه، أكد أمين منطقة تبوك أن المشاريع تسير وفق الخطة.", {"speaker": "أمين منطقة تبوك"}),
    ("وأعرب والد الطالب عن الشكر لمدير المدرسة خالد السالم على اهتمامه.", {"speaker": "والد الطالب"}),
    ("وقال مسؤول العلاقات العامة في الشركة فهد السالم إن الأرباح ارتفعت.", {"speaker": "فهد السالم"}),
    ("وقال م. عبدالله الزهراني إن المشروع سينتهي قريبا.", {"speaker": "عبدالله الزهراني"}),
    ("وقال المدير التنفيذي لمؤسسة عبد اللطيف جميل د. سعد الحربي إن الأرباح ارتفعت.", {"speaker": "سعد الحربي"}),
    ("وقالت جريدة «ماركا» الإسبانية إن الصفقة ستحسم هذا الأسبوع.", {"speaker": "ماركا"}),
    ("وقال النائب عن محافظة البصرة علي الموسوي إن الكهرباء مقطوعة منذ يومين.", {"speaker": "علي الموسوي"}),
    ("كشف رئيس مجلس إدارة شركة «النخبة» المهندس خالد العمري أن الاستثمار في الطاقة ضروري.", {"speaker": "خالد العمري"}),
    ("وأكد رئيس النادي المهندس فهد الخليفة سعادته بالفوز.", {"speaker": "فهد الخليفة", "content": "سعادته بالفوز"}),
    ("وقال مدير المستشفى خالد الضحية إن الحالات مستقرة.", {"speaker": "خالد الضحية"}),
    ("وهدد الفنان سامر حلمي بمقاضاة الصحيفة.", {"speaker": "سامر حلمي", "content": "بمقاضاة الصحيفة"}),
    ("وشكر الشيخ الحربي اللواء العتيبي على حسن الاستقبال.", {"speaker": "الحربي", "content": "اللواء العتيبي على"}),
    ("وشكر الدكتور الحربي العقيد العتيبي على حسن الاستقبال.", {"speaker": "الحربي", "content": "العقيد العتيبي على"}),
    ("وذكرت صحيفة (الأنباء) أن المشروع تأخر.", {"speaker": "الأنباء", "content": "المشروع تأخر"}),
    ("وقال المستشار الخاص للرئيس دوبريه إن المحادثات مستمرة.", {"speaker": "المستشار الخاص للرئيس"}),
    ("وقالت هيئة المساحة وحماية الأراضي إن الخرائط جاهزة.", {"speaker": "هيئة المساحة وحماية الأراضي"}),
    ("وأكد الرئيس العام للمسابقات الوطنية أن الجوائز سترتفع.", {"speaker": "الرئيس العام للمسابقات الوطنية"}),
)
def role_phrase(p: PhraseParser, i: int, n: int) -> Found:
    """A role, source, body or outlet head with its complements, and the name it introduces
    (المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا / العقيد الحارثي / مصادر مطلعة /
    وزارة الداخلية / صحيفة «الغارديان» البريطانية)."""
    role = _role_at(p, i)
    if role is None:
        return None
    s, doc = p.s, p.doc
    toks = s.toks
    row = role.value
    kind = row["kind"]
    if kind == "anonymous":
        return p.anonymous(role, i, n)
    after_head = s.index_after(role.end)
    closed_head = role.definite(doc.text) and (" " not in role.key or role.key.rsplit(" ", 1)[1].startswith("ال"))
    place = after_head - 1
    if " " in role.key and s.is_(place, "place_head") and after_head < n:
        after_head = p.place_after_head(place, n)  # أمير منطقة نجران، أمين محافظة جدة: the place, not a name
        closed_head = after_head > place + 1
    if kind == "title":
        j, org, country = after_head, None, None  # د. الغامدي: the name follows the title
    else:
        j, org, country = p.complements(after_head, n, closed_head,  # المستشار X، not المتحدث باسم X
                                        organization=kind in ("organization", "outlet"))
    fs, fe = _with_article(doc.text, role), toks[j - 1].end if j > place + 1 else role.end
    surface = doc.surface(fs, fe)
    if kind in ("organization", "outlet"):
        found = p.organization(role, j, n, org, surface, country)
        if found is not None and found[0].head is None and found[0].entity_id is None:
            found[0].head = fold_key(role.key.split()[0]).removeprefix("ال")
        return found
    gender = row["gender"] if row["gender"] in ("m", "f", "pl") else None
    if kind == "title":
        return _titled(p, role, row, j, n, gender)
    if row["name"] == "yes":
        held = p.holder(j, n, introduced=closed_head and j == after_head)
        if held is not None:
            sp, k, role_end = held
            sp = p.named(sp, row, doc.surface(fs, toks[role_end - 1].end), org, country, gender)
            return sp, p.apposition(sp, k, n)  # …، أمير منطقة عسير،
    met = p.d.names.get(role.key) if j == after_head else None
    if met is not None:
        return met, j  # ولفت الشيخ إلى … after سعيد الشيخ: his family name, not the office
    if role.definite(doc.text) or (" " in role.key and role.key.rsplit(" ", 1)[1].startswith("ال")):
        # المتحدث باسم الكرملين، وزير الخارجية الأمريكي (definite by its complement): one office
        described = org is None and j > after_head  # المتحدث الرسمي للهلال الأحمر: only that one
        prev = p.d.person_with_role(row["role"] or None, org.name if org else None, country,
                                    fold_key(surface) if described else None)
        if prev is not None:
            return prev, j
        holder = p.d.role_holder(doc.text[fs:fe])
        if holder is not None and holder in doc.lexicon.actors:  # المتحدث باسم الكرملين → the spokesman that day
            a = doc.lexicon.actors[holder]
            return Speaker(a.name_en, surface, "person", (fs, fe), a.country or country, row["role"] or None,
                           holder, a.gender or gender, org.name if org else None, role_ar=surface), j
    return Speaker(surface, surface, "official", (fs, fe), country, row["role"] or None, None, gender,
                   org.name if org else None, role_ar=surface), j


def _titled(p: PhraseParser, role: Mention, row: dict, j: int, n: int, gender: str | None) -> Found:
    """The person a title names right after it, past more titles (الشيخ الدكتور سعد، د.
    الغامدي); alone, the person met before whose family name the title is (ولفت الشيخ إلى …
    after سعيد الشيخ); else nothing (a title names no one by itself)."""
    s = p.s
    j += j < n and s.toks[j].text == "/"  # السيد/ يوسف مبيضين
    k = titles_end(s, j, n) or j
    named = p.person_name(k, n, introduced=True, alone=True) if k < n else None
    if named is not None:
        sp, end = named
        if end < n and s.toks[end].text in (",", ";"):
            end += 1
        sp = p.named(sp, row, None, None, None, gender)
        return sp, p.apposition(sp, end, n)
    met = p.d.names.get(role.key) if k == j else None
    return (met, j) if met is not None else None


@SPEAKER_PHRASES.rule(
    ("وقال البرتغالي روي فيتوريا، مدرب الفريق، إن اللاعبين جاهزون.", {"speaker": "روي فيتوريا"}),
    ("أكد البرتغالي جورجي جيسوس، مدرب فريق الهلال، أن فريقه لن يفرط في أي نقطة.", {"speaker": "جورجي جيسوس"}),
)
def nationality_then_name(p: PhraseParser, i: int, n: int) -> Found:
    """A definite nationality before a name (البرتغالي روي فيتوريا): the name, with its country."""
    nationality = p.s.at(i, "country", lambda m: m.value.kind == "adjective" and not m.prefix_len)
    if nationality is None or not nationality.definite(p.doc.text):
        return None
    named = p.person_name(p.s.index_after(nationality.end), n, introduced=True)
    if named is None:
        return None
    sp, j = named
    sp.country = sp.country or nationality.value.iso3
    return sp, p.apposition(sp, j, n)


def _purpose_or_seat(p: PhraseParser, j: int, n: int) -> bool:
    """Whether what the body is for (لـ) or where it sits (في + a place) follows a body noun and
    its country (الشركة السعودية للكهرباء، السفارة الأمريكية في القاهرة); not a second body, the
    verb's object (اتهمت المعارضة الفرنسية حزب الوسط الحاكم …)."""
    toks = p.s.toks
    return j < n and (toks[j].text[0] == "ل" or (toks[j].text == "في" and p.s.at(j + 1, "country") is not None))


@SPEAKER_PHRASES.rule(
    ("وقال مصدر أمني عراقي إن الهجوم وقع فجرا. وأكد المصدر نفسه أن قوات الأمن طوقت المكان.",
     {"speaker": "anonymous", "content": "قوات الأمن طوقت"}),
    ("وأعلنت الهيئة الوطنية لإدارة الكوارث أن الفيضانات مستمرة.", {"speaker": "الهيئة الوطنية لإدارة الكوارث"}),
    ("وأكدت اللجنة العليا للانتخابات أن التصويت سيبدأ غدا.", {"speaker": "اللجنة العليا للانتخابات"}),
    ("وكشفت الهيئة العامة للغذاء والدواء أنها رفضت فسح الشحنة.", {"speaker": "الهيئة العامة للغذاء والدواء"}),
    ("وأعلنت الهيئة العامة للمساحة وحماية الأراضي أن الخرائط جاهزة.", {"speaker": "الهيئة العامة للمساحة وحماية الأراضي"}),
    ("وأوضحت الشركة الوطنية للمياه أن الانقطاع انتهى.", {"speaker": "الشركة الوطنية للمياه"}),
    ("وقالت السفارة الفرنسية في الرياض إن التأشيرات ستصدر.", {"speaker": "السفارة الفرنسية في الرياض"}),
    ("واتهمت المعارضة الفرنسية حزب الوسط الحاكم بالمراوغة.", {"speaker": "المعارضة الفرنسية", "content": "حزب الوسط"}),
    ("وأعلنت الجمارك أن الشحنة ضبطت في الميناء.", {"speaker": "الجمارك"}),
    ("وقال المكتب الإعلامي للأمم المتحدة إن المساعدات وصلت.", {"speaker": "المكتب الإعلامي للأمم المتحدة"}),
)
def back_reference(p: PhraseParser, i: int, n: int) -> Found:
    """A definite noun that names an earlier speaker (``backrefs.tsv``: المسؤول الأمريكي،
    الوزارة، الشبكة، المصادر، التقرير); an organisation noun with its own description is a new
    organisation (المكتب الإعلامي للرئيس)."""
    s, doc = p.s, p.doc
    m = s.at(i, "backref")
    if m is None:
        return None
    toks = s.toks
    row = m.value
    j = s.index_after(m.end)
    country = None
    place = s.at(j, "country", lambda c: c.value.kind == "adjective") if j < n else None
    if place is not None:  # المسؤول الأمريكي
        country = place.value.iso3
        j = s.index_after(place.end)
    kind = row["kind"]
    if kind == "report":
        if _owner_named(p, j, n):
            return None  # وأشار التقرير الذي أصدرته شركة …: its own owner, read by report_and_owner
        return (p.d.report_owner, j) if p.d.report_owner else None
    if p.verb_object and not m.key.startswith("ال") and any(
            toks[z].text[0] == "ب" and glued_noun(s, toks[z]) for z in range(j, min(n, j + 2))):
        return None  # وأبدى سعادته بتفاعل الزوار: his happiness, the object (وأكد سعادته أن: His Excellency)
    if kind == "organization" and (_purpose_or_seat(p, j, n) if place is not None else p.adjective_of(m, j, n)):
        k, org, named_country = p.complements(j, n, definite_head=True, name_may_follow=False, organization=True)
        country = country or named_country
        if k > j:  # المكتب الإعلامي للرئيس المكلف: a new organisation, described; المكتب الإعلامي
            #          للأمم المتحدة: a body of the one named; الشركة السعودية للكهرباء
            surface = doc.surface(m.key_start, toks[k - 1].end)
            return Speaker(surface, surface, "organization", (m.key_start, toks[k - 1].end), country,
                           gender=row["gender"] or None, organization=org.name if org else None,
                           head=m.key.removeprefix("ال")), k
    if kind == "outlet":
        if p.d.last_outlet is None:
            surface = doc.surface(m.key_start, toks[j - 1].end)
            return Speaker(surface, surface, "outlet", (m.key_start, toks[j - 1].end), country,
                           gender=row["gender"] or None), j
        return p.d.last_outlet, j
    if kind == "person" and m.key.startswith("ال"):  # not سموه، معاليه: a title with its pronoun
        k = j
        while k < n and k - j < 2 and s.definite(toks[k]) and not s.is_(k, "any"):
            k += 1  # المتحدث العسكري أندريه ليسينكو: adjectives of the role before the name
        named = p.person_name(k, n, introduced=True)
        if named is None and k > j:
            k = j
            named = p.person_name(k, n, introduced=True)
        if named is not None:  # المتحدث كيريلو بودانوف: a new person, not the last one
            sp, end = named
            sp.role_ar = sp.role_ar or doc.surface(m.key_start, toks[k - 1].end)
            sp.country = sp.country or country
            return sp, p.apposition(sp, end, n)
    prev = p.d.referent(kind, m.key, country)
    if prev is not None:
        return prev, j  # الوزارة → the last ministry, النادي → the last club
    if kind == "anonymous":
        return p.group(i, j, n, row["gender"] if row["gender"] in ("m", "f", "pl") else "pl")  # المصادر
        #   الرسمية داخل النادي: sources no one met before, with their description
    surface = doc.surface(m.key_start, toks[j - 1].end)
    if kind == "organization":
        return Speaker(surface, surface, "organization", (m.key_start, toks[j - 1].end), country,
                       gender=row["gender"] or None, head=m.key.removeprefix("ال")), j
    gender = row["gender"] if row["gender"] in ("m", "f", "pl") else None
    return Speaker(surface, surface, "official" if kind == "person" else "anonymous",
                   (m.key_start, toks[j - 1].end), country, None, None, gender), j


@SPEAKER_PHRASES.rule(
    ("وقالت موسكو إن العقوبات لن تغير موقفها.", {"speaker": "موسكو"}),
    ("أعلن العراق اليوم أن صادراته النفطية ارتفعت.", {"speaker": "العراق"}),
)
def country_or_capital(p: PhraseParser, i: int, n: int) -> Found:
    """A country or its capital as the speaker (وقالت موسكو، أكدت السعودية)."""
    place = p.s.country_named(i)
    if place is None:
        return None
    c = p.doc.lexicon.countries[place.value.iso3]
    surface = p.doc.surface(place.key_start, place.end)
    gender = "m" if place.key in p.doc.words.of("masculine_country") else "f"  # أعلن العراق، قالت مصر
    return Speaker(c.name_en, surface, "country", (place.key_start, place.end), c.iso3, gender=gender), \
        p.s.index_after(place.end)


@SPEAKER_PHRASES.rule(
    ("وأفاد تقرير لوكالة بلومبرج بأن المحادثات متوقفة.", {"speaker": "بلومبرج"}),
    ("حذرت دراسة علمية حديثة من فقدان الإرث النثري للشاعر.", {"speaker": "دراسة علمية حديثة", "cue": "حذرت"}),
    ("وأفاد تقرير أمس بأن الأسعار ارتفعت.", {"speaker": "تقرير"}),
    ("وأضاف بيان نشر على موقع شركة أرامكو أن الإنتاج ارتفع.", {"speaker": "شركة أرامكو"}),
    ("وكانت دراسة عن تطبيقات الجوال في المملكة قد أشارت إلى أن السعودية تحتل المرتبة الثالثة.",
     {"speaker": "دراسة عن تطبيقات الجوال في المملكة"}),
    ("وذكر بيان وزعه المكتب الإعلامي للجامعة أن الاجتماع تأجل.", {"speaker": "المكتب الإعلامي للجامعة"}),
    ("أوضح تقرير حديث أن أسعار المساكن تراجعت.", {"speaker": "تقرير حديث"}),
    ("وذكر تقرير حديث لوزارة الصحة أن عدد الإصابات ارتفع.", {"speaker": "organization"}),
    ("وأظهرت نتائج دراسة حديثة أن النوم المبكر يحسن الذاكرة.", {"speaker": "دراسة حديثة", "content": "النوم المبكر"}),
    ("وأفاد تقرير صدر حديثا بأن عدد السكان يرتفع.", {"speaker": "تقرير", "content": "عدد السكان يرتفع"}),
    ("وأعلن بيان صدر عن مكتب المحافظ أمس أن الطريق سيفتح.", {"speaker": "مكتب المحافظ", "content": "الطريق سيفتح"}),
    ("وقال مركز الدراسات في تقرير إن البطالة تراجعت. وأشار التقرير الذي أصدرته شركة الأبحاث «نخبة المال» إلى أن"
     " الأسعار سترتفع.", {"speaker": "نخبة المال", "content": "الأسعار سترتفع"}),
)
def report_and_owner(p: PhraseParser, i: int, n: int) -> Found:
    """A report noun and its owner: تقرير بلومبرج، تقريرا لوكالة بلومبرج، استطلاع أجرته شبكة …؛
    a definite report (التقرير) speaks for the owner of the last one; a report with no owner
    speaks for itself (حذرت دراسة علمية حديثة، وكشفت الدراسة)."""
    s, doc = p.s, p.doc
    noun = s.at(i, "cue", lambda m: m.value["kind"] == "noun")
    if noun is None and s.text_of(i) in REPORT_PREHEADS and i + 1 < n:
        noun = s.at(i + 1, "cue", lambda m: m.value["kind"] == "noun")  # أفاد أحدث تقرير عقاري لمصرف …،
        #                                                              أظهرت نتائج دراسة علمية أن …
    if noun is None:
        return None
    toks = s.toks
    j = s.index_after(noun.end)
    k = j
    any_name = False  # بيان نشر على موقع X، بيان نشرته X: X may be any name
    owner_at = _owner_named(p, k, n)
    if owner_at is not None:
        k = owner_at  # استطلاع رأي أجرته …، الإحصائية التي أصدرتها …، تقرير البنك السنوي الذي أصدره …
    if k < n and _issues(p, k):
        k += 1
        if k < n and toks[k].text in ("عن", "من"):
            k += 1  # البيانات الصادرة عن / من هيئة …
        any_name = True  # بيان نشرته شركة أرامكو: the one who issued it, whatever its name
    elif j + 1 < n and toks[j].text == "من" and (s.head_kind(toks[j + 1]) == "organization"
                                                 or s.at(j + 1, "actor") is not None):
        k, any_name = j + 1, True  # أظهرت بيانات من مصلحة الإحصاءات العامة أن: whose data
    elif j + 2 < n and toks[j].text in PUBLISHED_ON and toks[j + 1].text in ("علي", "في") \
            and bare(toks[j + 2].text) in ("موقع", "حساب", "صفحه"):
        k, any_name = j + 3, True  # بيان نشر على موقع الشركة: the site's owner
    else:
        k = j
    owner = p.parse(k, n, allow_name=any_name) if k < n else None
    if owner is None and (k == j or any_name):
        owner = _quoted_owner(p, k, n)  # أظهرت بيانات «مرصد الأسعار» أن، تقرير نشرته «الاقتصادية» أن
    if owner is None and k == j and k < n:
        past = p.indefinite_adjectives(noun, k, n)
        if k < past < n and s.toks[past].text.startswith("ل"):
            owner = p.parse(past, n)  # تقرير حديث لوزارة الصحة: the adjectives, then whose it is
        owner = owner or _owner_after_lam(p, past, n)  # وقال بيان لسامير إن، تقرير عقاري لمصرف أبوظبي الإسلامي
    if owner is not None and owner[0].kind in ("outlet", "organization", "person", "official", "country") \
            and not owner[0].report:
        p.d.report_owner = owner[0]
        return replace(owner[0], report=True, via=list(owner[0].via)), owner[1]
    head = bare(noun.key)
    if noun.definite(doc.text):
        if p.d.report_owner is not None:
            return p.d.report_owner, j
        itself = p.d.referent("organization", head, None)
        if itself is not None:
            return itself, j  # الدراسة: the study met before, speaking for itself
    k, _, country = p.complements(_report_topic(p, p.indefinite_adjectives(noun, j, n), n), n,
                                  definite_head=noun.definite(doc.text), name_may_follow=False)
    if k == j and not noun.definite(doc.text) and (noun.key.endswith("ا") or not _bare_report_speaks(p, j, n)):
        return None  # a bare تقرير names nothing, unless the content or the clause's end follows it
        #   (تقريرا, the object of نشر, never)
    fs, fe = noun.key_start, toks[k - 1].end if k > j else noun.end
    surface = doc.surface(fs, fe)  # حذرت دراسة علمية حديثة: the study itself speaks, an unnamed source
    k = _past_issued(p, k, n) if k == j else k
    return Speaker(surface, surface, "anonymous", (fs, fe), country, role=noun.value.get("label") or None,
                   gender=head_gender(noun.key), head=head), k  # named in English by its kind: study, report


def _issues(p: PhraseParser, k: int) -> bool:
    """Whether token ``k`` is a verb or participle by which a report is issued (أجرته،
    الصادر، صدر)."""
    return p.s.is_word(p.s.toks[k], "owner") or p.s.toks[k].text == ISSUED


def _owner_named(p: PhraseParser, k: int, n: int) -> int | None:
    """The index of the verb or participle that names a report's owner within a few words of
    token ``k`` (أجرته، التي أصدرتها، الصادر عن), or None."""
    toks = p.s.toks
    at = next((z for z in range(k, min(n, k + OWNER_REACH)) if _issues(p, z)), None)
    return at if at is not None and all(t.text.isalpha() for t in toks[k:at]) else None


def _past_issued(p: PhraseParser, j: int, n: int) -> int:
    """Past the verb that issued a report and its time, when no owner follows (وأفاد تقرير صدر
    حديثا بأن …)."""
    return p.s.past_time_words(j + 1) if j < n and _issues(p, j) else j


def _bare_report_speaks(p: PhraseParser, j: int, n: int) -> bool:
    """Whether a report noun with nothing after it speaks: the content follows (وأفاد تقرير أمس
    بأن …) or the clause ends (…، حسبما ذكر تقرير أمس (السبت).)."""
    s = p.s
    j = _past_issued(p, j, n)
    k = s.past_time_words(j)
    return content_follows(p, j, n) or k >= n or s.toks[k].text in (",", ";", ".") \
        or (p.verb_object and k < n and s.toks[k].text[0] == "ب")


@SPEAKER_PHRASES.rule(
    ("وقال ألكسندر غروشكو إن موسكو لن تقبل.", {"speaker": "ألكسندر غروشكو"}),
    ("وقال كوامي مينساه المتحدث باسم الحزب إن الانتخابات ستجرى في موعدها.", {"speaker": "كوامي مينساه"}),
    ("وقال غروشكو إن موسكو لن تقبل. وأضاف غروشكو أن الحوار ممكن.", {"speaker": "غروشكو", "content": "الحوار"}),
    ("وأكد طلال آل الشيخ أن الاختيار مستحق. وتمنى آل الشيخ أن ينجح السليم.",
     {"speaker": "طلال آل الشيخ", "content": "ينجح السليم"}),
    ("وأكدت فديريكا موغريني، الممثلة العليا للأمن والسياسة الخارجية في الاتحاد الأوروبي، أن الدعم حيوي.",
     {"speaker": "فديريكا موغريني", "content": "الدعم حيوي"}),
    ("وقال خالد العمري صاحب محل للعطور بالسوق إن الإقبال ضعيف.", {"speaker": "خالد العمري"}),
    ("وقالت يوتا كرامر المسؤولة عن الإعلام في المتحف: «افتتحنا القاعة الجديدة».", {"speaker": "يوتا كرامر"}),
    ("وقال تي كي راجان إن الحريق بدأ ليلا.", {"speaker": "تي كي راجان"}),
    ("وقال ماركو غولدمان، كبير الاقتصاديين في بنك الخليج، إن الركود قادم.",
     {"speaker": "ماركو غولدمان", "content": "الركود قادم"}),
)
def person_name(p: PhraseParser, i: int, n: int) -> Found:
    """A name already met in the article (غروشكو), or a new name that starts with a first name
    or stands before its role (كوامي مينساه المتحدث باسم الحزب)."""
    if not p.allow_name:
        return None
    tok = p.s.toks[i]
    if p.s.is_word(tok, "name_link") and i + 1 < n:
        known = p.d.names.get(f"{tok.text} {p.s.toks[i + 1].text}")  # آل الشيخ، بن سعيد: met before
        if known is not None:
            return known, p.apposition(known, i + 2, n) if known.role is None else i + 2
    for form in lookup_forms(tok.text):
        known = p.d.names.get(form)
        if known is not None:
            return known, p.apposition(known, i + 1, n) if known.role is None else i + 1
    named = p.person_name(i, n) or p.name_then_role(i, n) or _first_name_of_known(p, i, n)
    if named is not None:
        sp, j = named
        j = p.apposition(sp, j, n)
        aside = description_between_commas(p, j, n) if sp.entity_id else None
        return sp, aside if aside is not None and content_follows(p, aside, n) else j
    return None


def _first_name_of_known(p: PhraseParser, i: int, n: int) -> Found:
    """An unknown first word before a person the lexicon knows by family name (فديريكا
    موغريني: the first name spelt otherwise than the lexicon's): that person, from the first word."""
    s = p.s
    if i + 1 >= n or not name_word(s, s.toks[i], first=False) or s.common_noun(s.toks[i]):
        return None
    actor = s.at(i + 1, "actor", lambda m: not m.prefix_len and p.doc.lexicon.actors[m.value].kind == "person")
    if actor is None:
        return None
    sp = p.actor_speaker(actor)
    sp.span = (s.toks[i].start, sp.span[1])
    sp.name_ar = p.doc.surface(*sp.span)
    return sp, s.index_after(actor.end)


@SPEAKER_PHRASES.rule(
    ("وقالت شرطة دبي إن التحقيق مستمر.", {"speaker": "شرطة دبي"}),
    ("وقالت شركة بيكر هيوز إن عدد المنصات ارتفع.", {"speaker": "شركة بيكر هيوز"}),
    ("وقال الأطباء إن حالته مستقرة.", {"speaker": "anonymous"}),
    ("وقال القحطاني إن الدوريات ضبطت المتهمين.", {"speaker": "القحطاني"}),
    ("ورحب الوزراء بعودة الحكومة إلى عدن.", {"speaker": "anonymous", "content": "بعودة الحكومة"}),
    ("أعلن الحراك الجنوبي إصابة أحد قادته. وقال الحراك في بيان إن حالته مستقرة.",
     {"speaker": "الحراك الجنوبي", "content": "حالته مستقرة"}),
    ("ويشير خبراء إلى أن الأسعار سترتفع.", {"speaker": "anonymous", "content": "الأسعار سترتفع"}),
    ("وقال بنك كوتسون أكبر بنك في البلاد إن أرباحه ارتفعت.", {"speaker": "بنك كوتسون", "content": "أرباحه ارتفعت"}),
    ("أعلن طيران البحر عن تخفيض الأسعار.", {"speaker": "طيران البحر", "content": "تخفيض الأسعار"}),
    ("وأبدى تشكيليون مستقلون قلقهم من إغلاق القاعات.", {"speaker": "anonymous", "content": "قلقهم من إغلاق"}),
    ("وطالب ناخبون بإعادة فرز الأصوات.", {"speaker": "anonymous", "content": "بإعادة فرز"}),
    ("وأبدت الجماهير النصراوية ارتياحا كبيرا للصفقات.", {"speaker": "الجماهير النصراوية", "content": "ارتياحا كبيرا"}),
    ("وأوضح القسم الإعلامي بالجامعة أن الرسالة المتداولة مزورة.", {"speaker": "القسم الإعلامي", "content": "الرسالة المتداولة"}),
    ("التقى الوزير سامي فيلدمان أمس. وانتقد فيلدمان سياسة الحكومة.",
     {"speaker": "سامي فيلدمان", "content": "سياسة الحكومة"}),
    ("وأعلن مستشفى الملك خالد التخصصي أن العيادات الجديدة افتتحت.",
     {"speaker": "مستشفى الملك خالد التخصصي", "content": "العيادات الجديدة"}),
    ("وأوضحت مدينة الأمير سلطان بن عبدالعزيز الطبية أن الأجهزة وصلت.",
     {"speaker": "مدينة الأمير سلطان بن عبدالعزيز الطبية", "content": "الأجهزة وصلت"}),
)
def unknown_subject(p: PhraseParser, i: int, n: int) -> Found:
    """A noun phrase the lexicon does not know, right after the verb and before the content:
    an institution (وقالت الشرطة إن، وأعلنت النيابة العامة أن), a group of people (وقال
    الأطباء إن) or a family name (وقال القحطاني إن، a name met earlier: وأكد الشليل أن)."""
    if not p.allow_name:
        return None
    s, doc = p.s, p.doc
    toks = s.toks
    tok = toks[i]
    if i + 1 < n and tok.text.isalpha() and not doc.by_start.get(tok.start) and not s.known(tok) \
            and (family_name(s, tok) or ((s.opens_content(toks[i + 1]) or (
                s.past_time_words(i + 1) > i + 1 and content_follows(p, i + 1, n)) or (
                (s.definite(tok) or (name_word(s, tok, first=False) and not glued_noun(s, tok))) and not s.common_noun(tok)
                and _object_follows(p, i + 1)))
                and p.met_after_first_name(tok) and s.head_kind(tok) is None)):  # (الوزراء: a group)
        end = i + 1
        if end < n and s.conjunction(toks[end]) and family_name(s, unglued(toks[end])):
            end += 1  # أبدى العريني والقصيمي سعادتهما: two speak together, the first named
        met = p.full_name_met(tok) if end == i + 1 else None
        span = met or (tok.start, toks[end - 1].end)  # وقال القحطاني إن، رفض الأنصاري التعليق; سامي
        surface = doc.surface(*span)  #                   فيلدمان, named before in full
        return Speaker(surface, surface, "person", span), end
    head = s.head_kind(tok) or ("group" if _sound_plural(p, tok) and not (i and toks[i - 1].text == '"') else None)
    #   (ويقول "هاملتون": one word in quotes is a name)
    if head is None and s.is_word(tok, "place_head") and not s.definite(tok) and p.eponym_at(i + 1, n):
        head = "organization"  # مدينة الملك عبدالله الطبية: a body named after a king, not a city
    if head == "organization" and i + 1 < n and toks[i + 1].text == '"':
        return p.quoted_organization(tok.start, i + 1, n)
    if head == "organization":
        j, org, country = p.complements(i + 1, n, definite_head=s.definite(tok), name_may_follow=False,
                                        organization=True)
        prev = p.d.referent("organization", tok.text, None) if j == i + 1 and s.definite(tok) else None
        if prev is not None:
            return prev, j  # وقال الحراك إن: the movement named before (الحراك الجنوبي)
        after = None  # where the words begin after a description of the body
        if j == i + 1:  # وقالت شرطة دبي إن، وقالت شركة بيكر هيوز إن: the body's name
            m = j
            while m < n and m - j < 3 and name_word(s, toks[m], first=False) and not glued_noun(s, toks[m]) \
                    and not s.definite(toks[m]) and not s.common_noun(toks[m]):
                m += 1
            if m == j and j + 1 < n and name_word(s, toks[j], first=False) and not s.definite(toks[j]) \
                    and toks[j + 1].text == "," and description_between_commas(p, j + 1, n) is not None:
                m += 1  # أعلن طيران وطن، الناقل الجديد، عن …: a name that is also a word, then what the body is
            if j < m < n and s.common_noun(toks[m]) and not s.definite(toks[m]):
                after = _description_end(p, m + 1, n, lambda z: s.is_(z, "intro"))
            if j < m < n and (s.opens_content(toks[m]) or after is not None):
                j = m  # (وقال بنك كوتسون أكبر بنك في البلاد إن: the name, then what the body is)
        fs, fe = tok.start, toks[j - 1].end
        surface = doc.surface(fs, fe)  # ولم ترد البعثة الإيرانية لدى المنظمات الدولية
        return Speaker(surface, surface, "organization", (fs, fe), country, gender=head_gender(tok.text),
                       head=bare(tok.text)), after or j
    if head == "group":
        if p.verb_gender == "f" and (tok.text.endswith(("ون", "ين")) or (s.definite(tok) and p.verb_object
                                                                       and not _object_after_group(p, i, n)
                                                                       and not _words_after_group(p, i, n)
                                                                       and not _preposition_after_group(p, i, n))) \
                and not tok.text.endswith(("تان", "ات")):  # بينت الجهات المعنية: a plural in ات speaks
            return None  # ودعت الأهالي إلى: the object of دعت (وأشادت جماهير النادي، وأكدت الباحثتان، وأبدت
            #   الجماهير النصراوية ارتياحا: a subject)
        sp, j = p.group(i, i + 1, n, "pl")  # الأطباء، خبراء اقتصاديون
        return (sp, j) if p.clause_subject or content_follows(p, j, n) or (p.verb_object and j < n and toks[j].text.isalpha()) \
            else None  # أدانت منظمات حقوقية دولية تجاهل …: the object follows its subject
    return None


def _words_after_group(p: PhraseParser, i: int, n: int) -> bool:
    """Whether the definite group at token ``i`` is followed by the words it says, after أن /
    إن / a colon, or after إلى أن (وأكدت الصحف أن …، وأشارت التقارير الصحفية إلى أن …): a
    feminine verb agrees with a plural of things, its subject."""
    s, toks = p.s, p.s.toks
    k = _past_group_adjectives(p, i, n)
    if k + 1 < n and toks[k].text in ("الي", "علي") and s.is_(k + 1, "intro"):
        k += 1
    return k < n and (toks[k].text == ":" or s.is_(k, "intro"))


def _preposition_after_group(p: PhraseParser, i: int, n: int) -> bool:
    """Whether the definite group at token ``i`` and its adjectives are followed by the
    preposition of a verb that calls on no one (وأشارت المصادر إلى وجود …، وأشادت الجماهير
    بأداء …): the group is the subject; after دعا / حث it is the one called on (ودعت الأهالي
    إلى …)."""
    if p.verb_calls_on:
        return False
    k = _past_group_adjectives(p, i, n)
    if k >= n:
        return False
    word = p.s.toks[k].text
    return word in ("الي", "علي", "عن") or word in p.verb_needs or (word[0] == "ب" and "ب" in p.verb_needs)


def _object_after_group(p: PhraseParser, i: int, n: int) -> bool:
    """Whether the definite group at token ``i`` and its adjectives are followed by the verb's
    object, an indefinite noun in the accusative (تفاؤلا) or a noun with its pronoun (رغبتها):
    the group is the subject (أبدت الجماهير النصراوية ارتياحا)."""
    s, toks = p.s, p.s.toks
    k = _past_group_adjectives(p, i, n)
    return k < n and (accusative_noun(s, toks[k]) or pronoun_object(s, toks[k]))


def _past_group_adjectives(p: PhraseParser, i: int, n: int) -> int:
    """The index past the definite group at token ``i`` and up to three adjectives of it."""
    s, toks = p.s, p.s.toks
    k = i + 1
    while k < n and k - i <= 3 and s.definite(toks[k]) and s.head_kind(toks[k]) is None:
        k += 1
    return k


def _sound_plural(p: PhraseParser, tok: Token) -> bool:
    """An indefinite plural in ون (مسرحيون، متطوعون، باحثون، تربويون): after a verb, its subject,
    for ون is nominative (the object would end in ين); not a present verb (يقولون، تؤكدون)."""
    s, w = p.s, tok.text
    return len(w) >= 6 and w.endswith("ون") and not w.endswith("سون") \
        and (w[0] == "م" or w.endswith("يون") or (len(w) == 6 and w[1] == "ا" and w[0] not in "يتو")) \
        and w.isalpha() and not s.definite(tok) and not s.known(tok) and not s.is_word(tok, "any") \
        and w not in p.d.names  # (a participle مـ، a nisba ـيون, a فاعلون; not a name met before, nor
    #   one in ـسون: جونسون)


def _object_follows(p: PhraseParser, k: int) -> bool:
    """Whether the word at token ``k`` is the object a verb that takes one has after its subject:
    a bare noun (وأكد الربيعة حرص البنك على …) or a noun with a pronoun (وأبدى المرزوق سعادته)."""
    tok = p.s.toks[k]
    return p.verb_object and tok.text.isalpha() and (pronoun_object(p.s, tok) or p.needed_object(tok) or (
        not p.s.definite(tok) and p.s.common_noun(tok) and not p.s.first_name(tok)))


def _report_topic(p: PhraseParser, k: int, n: int) -> int:
    """Past the topic of a report at token ``k`` (دراسة عن تطبيقات الجوال في المملكة، تقرير حول
    الأوضاع): up to the verb's particle, its preposition or a mark; else ``k``."""
    s, toks = p.s, p.s.toks
    if not (k < n and toks[k].text in ("عن", "حول")):
        return k
    z = k + 1
    while z < n and z - k <= 8 and toks[z].text.isalpha() and toks[z].text not in ("الي", "علي") \
            and s.at(z, "cue") is None and not any(s.is_word(toks[z], c) for c in ("intro", "auxiliary")):
        z += 1
    return z if z > k + 1 else k


def _quoted_owner(p: PhraseParser, j: int, n: int) -> Found:
    """A quoted name right after a report noun, before its content: the report's owner
    (بيانات «تومسون رويترز» أن، تقرير «الاقتصادية» أن), the lexicon's actor when it knows it."""
    end = p._quoted_name_after(j, n)
    if end == j or not content_follows(p, end, n):
        return None
    known = p.parse(j + 1, end - 1, allow_name=False)
    if known is not None and known[1] == end - 1:
        return known[0], end
    toks = p.s.toks
    fs, fe = toks[j + 1].start, toks[end - 2].end
    surface = p.doc.surface(fs, fe)
    return Speaker(surface, surface, "organization", (fs, fe)), end


def _owner_after_lam(p: PhraseParser, k: int, n: int) -> Found:
    """A name glued to لـ after a report (بيان لسامير، تقرير لشركة …): its owner, when it is no
    common word."""
    s, tok = p.s, p.s.toks[k]
    known = s.at(k, "actor")
    if known is not None and p.doc.text[tok.start:known.key_start] == "ل":
        return p.actor_speaker(known), s.index_after(known.end)  # وأظهر مسح لرويترز أن …
    if not (tok.text.startswith("ل") and not tok.text.startswith("لل") and len(tok.text) > 3
            and tok.text.isalpha() and not s.known(tok)):
        return None
    bare_name = unglued(tok)
    if s.common_noun(bare_name) or s.is_word(bare_name, "any"):
        return None
    surface = p.doc.surface(bare_name.start, bare_name.end)
    return Speaker(surface, surface, "organization", (bare_name.start, bare_name.end)), k + 1


def content_follows(p: PhraseParser, j: int, n: int) -> bool:
    """Whether the content opens at token ``j``, past asides: commas, time words (أمس،
    الثلاثاء), the people or outlet spoken to (للصحفيين، لـ«الاقتصادية») and the statement it
    was made in (في بيان، خلال مؤتمر صحفي) — so the words before ``j`` filled the subject slot."""
    s, toks = p.s, p.s.toks
    steps, start = 0, j
    while j < n and steps < 12:
        tok = toks[j]
        if tok.text in (":", '"') or s.is_(j, "intro", "intro_say") or s.prep_then_intro(j):
            return True  # (ويشير خبراء إلى أن …)
        if (p.verb_object and tok.text in ("الي", "علي", "عن")) or tok.text in p.verb_needs:
            return True  # وأشار سكان آخرون إلى …، وأعرب المفوض يوهانس هان، عن قلقه
        if tok.text[0] == "ب" and len(tok.text) > 3 and ("ب" in p.verb_needs or (p.verb_object and glued_noun(s, tok))):
            return True  # ورحب الوزراء بعودة الحكومة، وطالب المغردون بإيقاف البرنامج
        if p.verb_saying and s.is_(j, "speech_opener"):
            return True  # ويقول بن يحيى قد يكون …
        if steps and p.verb_object and toks[j - 1].text in (",", ")") and _object_follows(p, j) \
                and any(s.is_(z, "skip") for z in range(start, j)):
            return True  # وأعلن معرض الكتاب، أمس (الأحد)، تمديد فترة التسجيل: its object, past the time
        if s.relative_pronoun(j):
            k = j + 1  # وقالت رنا ريري التي كانت بين الحضور إن …: past the relative clause
            while k < n and k - j <= 40 and toks[k].text not in (",", ";", ":", '"') and not s.is_(k, "intro"):
                k += 1  # (وذكر غزال عبد الله الذي يسكن قرب المكان "…": a quotation opens the words)
            if k < n and toks[k].text == "," and (steps == 0 or (toks[j - 1].text == "," and p.verb_gender)):
                j, steps = k, steps + 1  # وقالت بيتاني جيبس التي قادت الدراسة، وهي باحثة …، "…"
                continue  # (وقال غروشكو، الذي التقى الوزير، إن: a verb's subject; not وحسب طرق عملهم، التي …)
            return k < n and (toks[k].text in (":", '"') or s.is_(k, "intro"))
        if tok.text in (",", ";", "-") or s.is_(j, "skip"):
            j += 1
        elif steps and toks[j - 1].text == "," and (end := _description_aside(p, j, n)) is not None:
            j = end  # وقال براكاش ميهتا، مختص استراتيجية الأسهم في مصرف …، إن: what he is, between commas
        elif p.verb_saying and (end := _description_before_words(p, j, n)) is not None:
            return True  # وقال كولتون ستيفنز مؤلف الدراسة إن …: what he is, then his words
        elif tok.text == "(" and (close := next((c for c in range(j + 2, min(n, j + PARENTHESIS_WORDS + 2))
                                                  if toks[c].text == ")"), None)) is not None:
            j = close + 1  # وقال سميث (46 عاما) في بيان: an aside in brackets, his age
        elif tok.text in ("وهو", "وهي", "هو", "هي") and j + 1 < n and (s.definite(toks[j + 1]) or s.common_noun(toks[j + 1])
                                                            or s.at(j + 1, "role") is not None):
            k = j + 1  # يرى الدكتور سعيد الشيخ وهو الاقتصادي السعودي البارز أن: an aside on who he is
            while k < n and k - j <= WHO_ASIDE_WORDS and toks[k].text.isalpha() and not s.is_(k, "intro", "intro_say"):
                k += 1
            closed = k - j <= WHO_ASIDE_WORDS and k < n and (toks[k].text in (",", ":") or s.is_(k, "intro"))
            #   (وهي أستاذة في علم النفس بجامعة أكسفورد، "…"؛ وهو مدير محفظة في بلاك روك: "…": up to its
            #   comma or the words it opens, whatever its words)
            if not closed and (k - j > OPEN_ASIDE_WORDS or any(s.at(z, "cue", lambda m: m.value["kind"] != "noun") for z in range(j + 1, k))):
                return False
            j = k
        elif tok.text == "ل" and j + 1 < n and toks[j + 1].text == '"':
            close = s.closing_quote(j + 2, min(n, j + 8))
            if close is None:
                return False
            j = close + 1
        elif tok.text.startswith("ل") and (spoken_to := s.at(j, "actor")) is not None:
            j = s.index_after(spoken_to.end)  # لوكالة الصحافة الفرنسية: the outlet spoken to
        elif tok.text.startswith("لل") or addressed_people(s, tok):
            j += 1  # للصحفيين، لمشاهديه: the people the words were said to
        elif tok.text.startswith("ل") and s.at(j, "role", lambda m: m.value["kind"] == "outlet") is not None:
            j += 1  # لوكالة «رويترز»، لصحيفة …: the outlet spoken to
            if j < n and toks[j].text == '"':
                close = s.closing_quote(j + 1, min(n, j + 8))
                j = close + 1 if close is not None else j
        elif s.is_(j, "adverbial_prep") or tok.text in ASIDE_PREPOSITIONS:
            k = j + 1  # في بيان نشره موقعها، في أكثر من مناسبة، خلال مؤتمر صحفي
            while k < n and k - j <= 6 and toks[k].text.isalpha() and not s.is_(k, "intro", "intro_say") \
                    and s.at(k, "cue", lambda m: m.value["kind"] != "noun" and (
                        not m.value["needs"] or toks[k].text in ASIDE_PREPOSITIONS)) is None:
                k += 1  # (a cue whose form has another meaning does not end it: في شكوى تقدموا بها)
            if k == j + 1 or k - j > 6:
                return False
            j = k
        else:
            return False
        steps += 1
    return False


def _description_before_words(p: PhraseParser, j: int, n: int) -> int | None:
    """The index of the إن / أن / colon / quotation that a few words describing a speaker lead
    to, after a verb of saying (وقال براكاش ميهتا كبير اقتصاديي الصندوق إن …، وقال خالد
    العلي مختص في مجال التأمين «…»)."""
    s, toks = p.s, p.s.toks
    if j >= n or s.in_quote(toks[j].start) or not _describes(p, j):
        return None  # وقالت "نيويورك تايمز" إن: inside a quoted name
    return _description_end(p, j + 1, n, lambda z: toks[z].text == ":" or s.is_(z, "intro") or (
        toks[z].text == '"' and toks[z - 1].text != "و"))  # (الشركة و«النخبة»: a name in quotes, not the words said)


def _description_aside(p: PhraseParser, j: int, n: int) -> int | None:
    """The index of the comma that closes an indefinite description between commas after a name
    (مختص استراتيجية الأسهم في مصرف باركليز، إن …), or None: the words said, or to whom, right
    after the comma (…، لـ«الشرق الأوسط»: …)."""
    s, toks = p.s, p.s.toks
    if not _describes(p, j):
        return None
    return _description_end(p, j + 1, n, lambda z: toks[z].text == "," and z + 1 < n and (
        toks[z + 1].text in (":", '"') or s.is_(z + 1, "intro")
        or (toks[z + 1].text.startswith("ل") and content_follows(p, z + 1, n))))


def _describes(p: PhraseParser, j: int) -> bool:
    """Whether token ``j`` may open a description of a speaker: an indefinite noun (مؤلف، مختص،
    ضابط); not a definite word, which may be the family name (خالد الصادق من القطيف), nor a
    verb (يقول رأيه في أن)."""
    s, tok = p.s, p.s.toks[j]
    return not s.definite(tok) and s.common_noun(tok) and s.at(j, "cue", lambda m: m.value["kind"] != "noun") is None


@SPEAKER_PHRASES.rule(
    ("وأوضح استشاري أمراض الدم الدكتور عبدالكريم سالم، أن مناعة الإنسان تتحكم في المرض.",
     {"speaker": "عبدالكريم سالم", "content": "مناعة الإنسان"}),
    ("وقال رئيس الوزراء إن الأسعار سترتفع.", None),
    ("وأشاد محاسب فرع الشركة بالمنطقة الشمالية سامر حمدان بالمعرض.", {"speaker": "سامر حمدان"}),
    ("نفى الكرملين تقريرا لوكالة بلومبرج أفاد بأن الرئيس فلاديمير بوتين مستعد للتفاوض.", None),
    ("وقالت إثر لقائها بالرئيس التونسي الباجي قائد السبسي إن الجيش سيزود نظيره بعتاد.", None),
    ("توقع المتخصص في التسويق الرياضي في لندن طلال المغربي، أن تشهد المباراة حضورا.",
     {"speaker": "طلال المغربي", "content": "تشهد المباراة"}),
    ("وأكد الأطباء في مستشفى الملك فهد العسكري أن حالته مستقرة.", None),
)
def description_then_title(p: PhraseParser, i: int, n: int) -> Found:
    """Words the lexicon does not know, then a title and a name (استشاري أمراض الدم الدكتور
    عبدالكريم سالم) or, after a definite word, a listed first name (محاسب فرع الشركة بالمنطقة
    الشمالية سامر حمدان): the person, the words before the name as the role."""
    s = p.s
    if not p.allow_name or not s.toks[i].text.isalpha() or s.stop(s.toks[i]) or s.is_(i, "preposition"):
        return None
    for k in range(i + 1, min(n, i + TITLE_REACH)):
        tok = s.toks[k]
        if not tok.text.isalpha() or s.stop(tok) or _role_behind_preposition(s, k):
            return None  # (في may stand in the description: المتخصص في التسويق الرياضي في لندن طلال المغربي)
        if s.is_word(tok, "eponym") and _named_after(s, k - 1):
            continue  # أحد سكان حي الملك فهد: a place named after a king, no title
        title_end = titles_end(s, k, n)
        if title_end is None and k > i + 1 and s.first_name(tok) and not s.definite(tok) \
                and not (s.is_word(s.toks[k - 1], "eponym") and _named_after(s, k - 2)) \
                and (s.definite(s.toks[k - 1]) or (k + 1 < n and _nisba(s, s.toks[k + 1]))):
            title_end = k  # سكرتير أمين أمانة المنطقة الشرقية فهد حمزة: a first name after the description
        if title_end is None:
            continue
        named = p.person_name(title_end, n, introduced=True, alone=title_end > k)
        if named is None:
            return None
        sp, j = named
        if j < n and s.toks[j].text in (",", ";"):
            j += 1
        if not content_follows(p, j, n):
            return None
        sp.role_ar = sp.role_ar or p.doc.surface(s.toks[i].start, s.toks[k - 1].end)
        return sp, j
    return None


def _named_after(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a body or place that a royal eponym after it names (مستشفى الملك فهد،
    حي الملك فهد; not شيخ مشايخ يافع السلطان فضل العفيفي, where السلطان is his title)."""
    return k >= 0 and (s.head_kind(s.toks[k]) == "organization" or s.is_(k, "place_head", "named_place"))


def _nisba(s: Sentence, tok: Token) -> bool:
    """A definite word in ي that may end a name, a country adjective too (المغربي، العتيبي)."""
    return s.definite(tok) and tok.text.endswith("ي") and not s.is_word(tok, "role_adjective")


def _role_behind_preposition(s: Sentence, k: int) -> bool:
    """Whether token ``k`` is a role glued to a preposition (بالرئيس، للوزير): the name after
    it is that preposition's object, not the subject."""
    return s.at(k, "role", lambda m: m.prefix_len and s.toks[k].text[0] in "بلك") is not None


@SPEAKER_PHRASES.rule(
    ("ويقول مبتكرو القفل إنه لم تعد هناك حاجة إلى الهاتف.", {"speaker": "مبتكرو القفل"}),
    ("وقال موظفو الشركة إن رواتبهم تأخرت.", {"speaker": "anonymous", "content": "رواتبهم تأخرت"}),
    ("وقال أبو مازن إن الحوار مستمر.", None),
    ("ويرى مديرو صناديق ومحللون أن تلك المكاسب تحققت نتيجة لمضاربات.", {"speaker": "anonymous"}),
    ("وأكد مقاتلو طالبان على موقعهم الإلكتروني أن حقاني كان مريضا.", {"speaker": "مقاتلو طالبان"}),
    ("حيث يتساءل معارضو الاتفاق عما إذا كان سيضمن ألا تنتج إيران سلاحا نوويا.",
     {"speaker": "معارضو الاتفاق", "content": "عما إذا كان"}),
)
def plural_in_construct(p: PhraseParser, i: int, n: int) -> Found:
    """A plural of people in construct, which drops its ن (مبتكرو القفل، موظفو الشركة،
    مواطنو المنطقة): a group, with its description, when the content follows."""
    s = p.s
    tok = s.toks[i]
    w = tok.text
    if len(w) < 5 or w[-1] != "و" or i + 1 >= n or not (
            s.definite(s.toks[i + 1]) or s.common_noun(s.toks[i + 1]) or s.at(i + 1, "actor") is not None) \
            or s.known(tok) or s.starts_name(i) or s.is_word(tok, "name_link") or s.definite(tok):
        return None  # (الفيديو: a definite noun is in no construct)
    group, k = p.group(i, p.construct_end(i + 1, n), n, "pl")  # معارضو اتفاق التجارة الحرة: its genitive
    return (group, k) if content_follows(p, k, n) or (p.verb_object and k < n and s.toks[k].text.isalpha()) \
        else None  # يتساءل معارضو الاتفاق عما إذا …: the object follows its subject


@SPEAKER_PHRASES.rule(
    ("وقال ياروسلاف تشيرنيخوفسكي إن الهجوم صُدّ.", {"speaker": "ياروسلاف تشيرنيخوفسكي"}),
    ("وقال شتاينتس، أمس، إن إسرائيل ستسمع مواقفها.", {"speaker": "شتاينتس"}),
    ("وقال المهاجم دياندري ييلدين: «إننا سنتعلم».", {"speaker": "دياندري ييلدين"}),
    ("توقعت مصممة الديكور السعودية أماني الصوفي تناميا في تجارة الأثاث.", {"speaker": "أماني الصوفي"}),
    ("وقال المدرب الألماني يورغن كلينزمان إن الفريق تعلم الكثير. وأضاف المهاجم الألماني الدولي السابق: «سنتعلم».",
     {"speaker": "يورغن كلينزمان", "content": "سنتعلم"}),
    ("وقال صيادون: إن الموسم جيد.", {"speaker": "anonymous"}),
    ("وقال شاهد لوكالة «رويترز» إن بقع الدماء كانت متناثرة.", {"speaker": "anonymous"}),
    ("وقال ضابط آخر بالشرطة إن أربعة أشخاص قتلوا.", {"speaker": "ضابط آخر بالشرطة"}),
    ("وقالت أماني الصوفي إن السوق كبير.", {"speaker": "أماني الصوفي"}),
    ("وأوضح الفيفا في أكثر من مناسبة أن موعد الجمعية العمومية سيكون في ديسمبر.", {"speaker": "الفيفا"}),
    ("واصلت الانتفاضة الشعبية تقدمها، مؤكدة سيطرتها على الحي. وقالت الانتفاضة في بيان إنها سيطرت على الحي.",
     {"speaker": "الانتفاضة الشعبية", "content": "سيطرت على الحي"}),
    ("وأكد الحرص على التعاون.", None),
    ("وأكد ضرورة أن يلتزم الجميع بالقرار.", None),
    ('وقالت كاثرين ويلسون بيرك، التي أشرفت على الدراسة، وهي باحثة في جامعة أكسفورد: "النتائج مشجعة".', {"speaker": "كاثرين ويلسون بيرك"}),
    ('وقال كولتون ميلر، وهو مدير محفظة استثمارية كبيرة في شركة بلاك روك للاستثمار: "الأسعار ستبقى منخفضة".',
     {"speaker": "كولتون ميلر", "content": "الأسعار ستبقى"}),
    ("ويقول براكاش ميهتا، مختص استراتيجية الأسهم في مصرف باركليز، إن الطلب سيتراجع.",
     {"speaker": "براكاش ميهتا", "content": "الطلب سيتراجع"}),
    ("وقال براكاش ميهتا، مختص استراتيجية الأسهم في مصرف باركليز، لـ«الشرق الأوسط»: «الطلب سيتراجع».",
     {"speaker": "براكاش ميهتا", "content": "الطلب سيتراجع"}),
    ("وقال ضابط أمني رفيع في مصرف أمريكي كبير إنه سيشعر بالنجاح.", {"speaker": "anonymous", "content": "سيشعر بالنجاح"}),
    ("وأعلن سوق الشارقة للكتاب، أمس (الأحد)، تمديد فترة التسجيل.",
     {"speaker": "سوق الشارقة للكتاب", "content": "تمديد فترة التسجيل"}),
    ("وقال رجل كان يقف قرب السوق إن الانفجار كان قويا.", {"speaker": "anonymous", "content": "الانفجار كان قويا"}),
    ("وقال تيخونوف، الذي التقى الوزير أمس، إن المفاوضات ستستمر.", {"speaker": "تيخونوف", "content": "المفاوضات ستستمر"}),
    ("وقالت يامبو، التي لم تذكر الثمن، إن الصفقة ستكتمل قريبا.", {"speaker": "يامبو", "content": "الصفقة ستكتمل"}),
    ("وقالت كارولينا، التي فازت بالسباق أمس، إنها ستعتزل.", {"speaker": "كارولينا", "content": "ستعتزل"}),
    ("أعلنت فولفو تراكس ثاني أكبر شركة للشاحنات في السويد أن مبيعاتها تراجعت.", {"speaker": "فولفو تراكس", "content": "مبيعاتها تراجعت"}),
    ("وأعلنت النقابات المستقلة تعليق إضرابها المفتوح.", None),
)
def subject_slot(p: PhraseParser, i: int, n: int) -> Found:
    """Whatever fills the subject slot between a reporting verb and its content (إن / أن / a
    colon / a quotation), when no other rule knows it: an unknown name (ياروسلاف
    تشيرنيخوفسكي، شتاينتس), a descriptor and a name (المهاجم دياندري ييلدين), an unnamed
    person or group described by a common noun (شاهد، ضابط آخر بالشرطة، صيادون، مختصون
    سعوديون). A noun the verb does not agree with is its object, not its subject (وأكد ضرورة أن)."""
    if not p.allow_name or p.s.after_verb_particle(i):
        return None
    s, doc = p.s, p.doc
    toks = s.toks
    j = i
    if j + 1 < n and s.common_noun(toks[j]) and not s.definite(toks[j]) and s.definite(toks[j + 1]) \
            and name_word(s, toks[j], first=False):
        if family_name(s, toks[j + 1]) and (content_follows(p, j + 2, n) or _object_after_name(p, j + 2, n)):
            return _person(p, j, j + 2)  # وقالت أماني الصوفي إن، واعتبر مرشد الشمري القرار …: a first name
            #   that is also a noun
        j += 1  # مصممة الديكور السعودية، بائع الأجهزة: a noun in construct before the name
    while j < n and j - i < 5 and (s.definite(toks[j]) or (j > i and _article_word(s, toks[j]))) \
            and s.at(j, "cue") is None and not s.conjunction(toks[j]) and (j > i or s.head_kind(toks[j]) is None):
        j += 1  # المهاجم، المدرب الألماني، ضابط الشرطة الرائد، المهاجم الدولي السابق: what the person is
    if j > i and not _article_word(s, toks[j - 1]):
        j = i  # a bare noun: no descriptor
    named_aside = j > i and j + 2 < n and toks[j].text == "," and name_word(s, toks[j + 1], first=False) \
        and not s.definite(toks[j + 1])
    j += named_aside  # وأوضح الصياد، سالم العبدلي، أن: the name between commas after what he is
    name_start = j
    if j < n and name_start == i and not s.definite(toks[j]) and s.common_noun(toks[j]) \
            and name_word(s, toks[j], first=False) and not s.starts_name(j + 1):
        return _described(p, i, n)  # (غزال عبد الله: a name, the father's after it)
    if name_start > i and (j >= n or not name_word(s, toks[j], first=False) or s.definite(toks[j])
                           or glued_noun(s, toks[j])):
        return _definite_subject(p, i, name_start, n)  # وطالب المغردون بإيقاف …: no name after them
    while j < n and j - name_start < 4 and (
            (name_word(s, toks[j], first=False) and not s.definite(toks[j])
             and not (j == name_start and glued_noun(s, toks[j]))  # الوزراء بعودة: not a name
             and (s.first_name(toks[j]) or not s.common_noun(toks[j]) or name_start > i
                  or j == name_start + 1 or s.starts_name(j + 1)))  # a common word may go on a one-word
            #   name, not a longer one, or begin one before a first name (غزال عبد الله)
            or s.is_word(toks[j], "name_link")):
        # فيرفاكس ميديا: a common word may go on a name begun, or begin one after its descriptor;
        j += 2 if j > name_start and toks[j].text in ("عبد", "ابو") and s.starts_name(j) else 1  # غزال عبد الله
    if j < n and j > name_start and (family_name(s, toks[j]) or (
            j == name_start + 1 and _family_after_one_name(p, name_start, n))):
        j += 1  # … العتيبي، زهير القفشات، عزام الدخيل أن
    if named_aside and not (j - name_start >= 2 and j < n and toks[j].text == "," and content_follows(p, j, n)):
        return None
    described = name_start > i and j - name_start >= 2 and not all(
        s.common_noun(t) and not s.first_name(t) and not s.definite(t) for t in toks[name_start:name_start + 2])
    #   توقعت مصممة الديكور أماني الصوفي تناميا (not وأكد الربيعة حرص بنك الرياض على …: two bare nouns in
    #   construct, the object)
    aside = description_between_commas(p, j, n) if j - name_start >= 2 or _office_after_comma(p, j, n) else None
    role_end = aside - 1 if aside is not None else None  # the comma that closes the description
    if aside is None and j - name_start >= 2 and not content_follows(p, j, n):
        aside = role_end = _description_before_opener(p, j, n)  # فيشر ستيفنز منتج ذي كوف:
    surnamed = j - name_start >= 2 and family_name(s, toks[j - 1]) and _object_after_name(p, j, n)
    relative_aside = j + 1 < n and toks[j].text == "," and s.relative_pronoun(j + 1)
    related = j - name_start >= 2 and relative_aside and not pronoun_object(s, toks[name_start])
    #   (بيتاني بارون جيبس، التي قادت الدراسة، …: a relative clause aside; not وضعها موريس لابوز، …)
    if j == name_start or not (content_follows(p, j, n) or ((described and p.verb_object) or surnamed) or related
                               or (aside is not None and content_follows(p, aside, n))):
        return None
    words = toks[name_start:j]
    if any(pronoun_object(s, w) for w in words[1:]):
        return _definite_subject(p, i, name_start, n) if name_start > i else None  # أعلنت الأحزاب
        #   الكردية توقف أنشطتها: a verbal noun and its possessed noun, the object after the subject
    if pronoun_object(s, words[0]) and (len(words) == 1 or words[1].text[0] == "و"):
        return None  # وقدم شكره للمتظاهرين، وأبدى مرئياته وملاحظاته: the object, the subject unsaid
        #   (جوزيه مورينيو is a name)
    if len(words) == 1 and (p.s.written_ending(words[0], "ة") or accusative_noun(s, words[0])
                            or words[0].text.endswith(("ها", "هما", "وا"))
                            or _noun_with_our(s, words[0], relative_aside or (j < n and s.relative_pronoun(j)))
                            or len(words[0].text) < 3
                            or (_verb_shaped(s, words[0]) and not relative_aside)):
        return None  # ضرورة أن، تفهما، زملائها: a noun; يمكن، تبقى، وضجوا، يتبين، ينبغي: a verb, not a name (زانداميلا
        #   is; so is ياندكس، التي …: a relative clause describes a noun)
    sp, end = _person(p, name_start, j)
    if name_start > i:
        sp.role_ar = sp.role_ar or doc.surface(toks[i].start, toks[name_start - 1].end)
    if aside is not None and not content_follows(p, j, n):
        first = j + (toks[j].text == ",")
        sp.role_ar = sp.role_ar or doc.surface(toks[first].start, toks[role_end - 1].end)
        end = aside  # فديريكا موغريني، الممثلة العليا للأمن والسياسة الخارجية في الاتحاد الأوروبي، أن
    return sp, end


def _noun_with_our(s: Sentence, tok: Token, described: bool) -> bool:
    """A word in نا that is a noun with "our" (زملاؤنا، بلادنا), not a name: a known word before
    نا, or any word in نا that no relative clause describes (سيرينا، التي …: a name)."""
    w = tok.text
    if not w.endswith("نا"):
        return False
    stem = Token(w[:-2], tok.start, tok.end - 2)
    return not described or len(w) < 5 or s.common_noun(stem) or s.known(stem) or bool(s.classes_of.get(stem.text))


def _verb_shaped(s: Sentence, tok: Token) -> bool:
    """A word shaped like a present verb and no listed first name: four letters after ي / ت / ن
    (يمكن، تبقى) or five after ي (يتبين، ينبغي)."""
    w = tok.text
    return not s.first_name(tok) and ((len(w) == 4 and w[0] in "يتن") or (len(w) == 5 and w[0] == "ي"))


def _family_after_one_name(p: PhraseParser, first: int, n: int) -> bool:
    """Whether the definite word after the one name word at ``first`` is its family name: after a
    first name, any (زهير القفشات); after an unknown word that is no common noun, one right before
    the content or an office (وأكد عزام الدخيل أن، وقال مشوح الحوشان وكيل الوزارة، إن)."""
    s, k = p.s, first + 1
    if not family_name_word(s, s.toks[k]):
        return False
    if s.starts_name(first):
        return True
    return not s.common_noun(s.toks[first]) and k + 1 < n and (
        s.toks[k + 1].text in (":", '"') or s.is_(k + 1, "intro", "intro_say")
        or s.at(k + 1, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len) is not None)


def _object_after_name(p: PhraseParser, j: int, n: int) -> bool:
    """Whether the object of a verb that takes one follows a name that ends with a family name
    at token ``j``: a definite noun or a noun with a pronoun (انتقد جيمس الحربي القرار، أبدى خالد
    العتيبي سعادته)."""
    return p.verb_object and j < n and (p.s.definite(p.s.toks[j]) or pronoun_object(p.s, p.s.toks[j]))


def _office_after_comma(p: PhraseParser, j: int, n: int) -> bool:
    """Whether an office follows the comma at token ``j`` (وصرح شومهري، مدير قسم الإغاثة …، بأنه):
    it makes a one-word name a person's."""
    return j + 1 < n and p.s.toks[j].text == "," and p.s.at(j + 1, "role", lambda m: m.value["kind"] == "official") is not None


def description_between_commas(p: PhraseParser, j: int, n: int) -> int | None:
    """The index after «، description ،» at token ``j``: a definite phrase the lexicon need not
    know, or a common noun or office in construct (، مسؤول العلاقات في المنظومة،), of at most
    APPOSITION_WORDS words, with no cue or content opener in it."""
    s, toks = p.s, p.s.toks
    if j + 2 >= n or toks[j].text != "," or not (s.definite(toks[j + 1]) or _office_after_comma(p, j, n) or (
            (s.common_noun(toks[j + 1]) or s.at(j + 1, "role") is not None) and s.definite(toks[j + 2]))):
        return None
    k = _description_end(p, j + 1, n, lambda z: toks[z].text == ",")
    return k + 1 if k is not None and k > j + 1 else None


def _description_before_opener(p: PhraseParser, j: int, n: int) -> int | None:
    """The index of the content opener after a short indefinite description that follows a
    name with no comma (فيشر ستيفنز منتج ذي كوف: …): a common noun or a role, then at most
    APPOSITION_WORDS words with no cue or function word in them (not … سكان العاصمة فهل
    سنجدها في …: a clause)."""
    s, toks = p.s, p.s.toks
    if j >= n or s.definite(toks[j]) or s.is_word(toks[j], "stop") \
            or not (s.common_noun(toks[j]) or s.at(j, "role") is not None):
        return None
    return _description_end(p, j + 1, n, lambda z: toks[z].text == ":" or s.is_(z, "intro", "intro_say") or (
        toks[z].text == "," and content_follows(p, z, n)), no_function_words=True)  # (عزام الدخيل وزير
    #   التعليم، على أهمية …: the preposition the verb needs after the comma)


def _description_end(p: PhraseParser, k: int, n: int, ends, no_function_words: bool = False) -> int | None:
    """The index, within APPOSITION_WORDS words of token ``k``, where ``ends`` says a description
    ends; None when a mark, a content opener, a cue (or, with ``no_function_words``, a function
    word) comes first."""
    s = p.s
    for z in range(k, min(n, k + APPOSITION_WORDS)):
        if ends(z):
            return z
        tok = s.toks[z]
        if not tok.text.isalpha() or s.stop(tok) or (no_function_words and s.is_word(tok, "stop") and not (
                tok.text == "في" and z + 1 < n and s.definite(s.toks[z + 1]))):  # ثالث أكبر مصرف في البلاد
            return None
    return None


def _person(p: PhraseParser, start: int, end: int) -> tuple[Speaker, int]:
    """The person named by tokens ``start:end`` (one met before keeps its record)."""
    toks, doc = p.s.toks, p.doc
    fs, fe = toks[start].start, toks[end - 1].end
    surface = doc.surface(fs, fe)
    return p.d.names.get(" ".join(doc.text[fs:fe].split())) or Speaker(
        surface, surface, "person", (fs, fe), gender=p._name_gender(toks[start])), end


def _article_word(s: Sentence, tok: Token) -> bool:
    """A word with the article, even one the stopword list holds (السابق، الجديد)."""
    return tok.text.startswith("ال") and len(tok.text) > 3 and tok.text.isalpha() and not s.hamza_start(tok)


def _definite_subject(p: PhraseParser, i: int, j: int, n: int) -> Found:
    """Definite words alone in the subject slot (وأوضح الفيفا أن، وقالت المقاومة في بيان إن،
    وقال القاضي إن): a body or an official the lexicon does not know, when the verb agrees
    with the first word and the content opens right after (إن / أن / a colon / a statement it
    was made in; a preposition only after a word that is no common noun: أشار الفيفا إلى)."""
    s, doc = p.s, p.doc
    toks = s.toks
    head = toks[i]
    feminine = s.written_ending(head, "ة")
    plural = head.text.endswith(("ون", "ين"))
    if p.verb_gender == "m" and feminine or p.verb_gender == "f" and not feminine \
            or not s.definite(head) or s.at(i, "country") is not None or tafa33ul(head):
        return None  # ودعت الراغبين إلى: people in ون / ين take a masculine verb; they are the object
        #   (وأرجع التفشي إلى …: a verbal noun, the object)
    known = p.d.referent("organization", head.text, None)
    if known is not None and j == i + 1:
        return known, j  # وأشارت المقاومة: the body met before (واصلت المقاومة الشعبية …)
    acronym = head.text[-1] in "او" and not head.text.endswith(("ون", "وا"))  # الفيفا، الناتو، اليونسكو
    if s.common_noun(head) and not (feminine or plural or acronym) and s.head_kind(head) is None \
            and content_follows(p, j, n) and p.verb_gender == "m":
        person = p.d.carry_over("m", ("person",))
        if person is not None:
            return person, j  # وأضاف المهاجم الألماني الدولي السابق: the man spoken of
    if s.common_noun(head) and s.head_kind(head) is None and not acronym and not plural:
        return None  # وتقول القضية إن، وأوضحت الإحصاءات: a common noun is no speaker by itself
        #   (a plural of people is a group: وطالب المغردون بإيقاف البرنامج)
    k = j
    while k < n and (toks[k].text in (",", ";") or s.is_(k, "skip")):
        k += 1
    if not (content_follows(p, j, n) or k < n and toks[k].text in ("الي", "علي", "عن")):
        return None
    fs, fe = head.start, toks[j - 1].end
    surface = doc.surface(fs, fe)
    kind = "anonymous" if plural else (  # وطالب المغردون، ويشير الصناعيون: people
        "official" if s.common_noun(head) and not (feminine or acronym) else "organization")
    gender = "pl" if plural else ("f" if feminine else "m")
    return Speaker(surface, surface, kind, (fs, fe), gender=gender, head=bare(head.text)), j


def _described(p: PhraseParser, i: int, n: int) -> Found:
    """An unnamed person or group named by a common noun and its description (شاهد، عامل
    إسعاف، ضابط آخر بالشرطة، صيادون، مختصون سعوديون في القطاع المصرفي), when the content
    follows it and the verb agrees with it."""
    tok = p.s.toks[i]
    plural = tok.text.endswith(("ون", "ين"))
    gender = "pl" if plural else ("f" if p.s.written_ending(tok, "ة") else "m")
    if p.verb_gender in ("m", "f") and not plural and gender != p.verb_gender:
        return None  # وأكد ضرورة أن: a feminine noun after a masculine verb is its object
    if p.verb_object and gender == "f":
        return None  # ورفضت محاولة مجموعة …: a feminine noun after a verb that takes one is its object
    sp, j = p.group(i, i + 1, n, gender)
    if content_follows(p, j, n):
        return sp, j
    described = _describing_clause(p, j, n) if p.s.is_(i, "person_noun") else None
    if described is None:
        return None
    sp.role_ar = p.doc.surface(p.s.toks[j].start, p.s.toks[described - 1].end)
    return sp, described


def _describing_clause(p: PhraseParser, j: int, n: int) -> int | None:
    """The index of the إن / أن / colon after a short clause that describes an unnamed person
    right after the noun for them, a verb first and no mark in it (وقال رجل كان يقف قرب السوق إن
    …، وقالت امرأة فقدت ابنها في الحادث إن …), else None."""
    s, toks = p.s, p.s.toks
    if j >= n or not toks[j].text.isalpha() or not (s.is_(j, "auxiliary") or not (
            s.common_noun(toks[j]) or s.definite(toks[j]) or s.first_name(toks[j]) or s.known(toks[j])
            or s.is_word(toks[j], "any"))):
        return None
    for z in range(j + 1, min(n, j + DESCRIBING_CLAUSE_WORDS + 1)):
        if toks[z].text == ":" or s.is_(z, "intro", "intro_say"):
            return z
        if not toks[z].text.isalpha() or s.at(z, "cue") is not None:
            return None
    return None
