"""Persons' names in running text: where an unknown name starts and ends.

The lexicon knows some people; most speakers of real news it does not.  A
name is read from the shape of the words around it: a listed first name
(خالد، سعيد), words no lexicon gives another meaning (غروشكو، ييلدين), family
names with the article (العتيبي، الشيخ after a first name), name links (بن،
آل، عبد، أبو), and a clear end (a mark, إن / أن, a role, a preposition).
"""
from __future__ import annotations

from .sentence import Sentence, Token, unglued

FILIATION = ("بن", "بنت")
NAME_WORDS = 5  # words of a name after its first
MAX_INITIALS = 3  # Latin initials before a name (تي كي راجان)
ADVERBS_AFTER_ADJECTIVE = ("حديثا", "سابقا", "مؤخرا", "حاليا")  # المنتقل حديثا، المعروف سابقا: no family name


def tafa33ul(tok: Token) -> bool:
    """A definite verbal noun of the form تفعّل with a weak last letter (التخلي، التحدي، التفشي،
    التصدي): an object, never a family name or a body."""
    w = tok.text
    return len(w) == 6 and w.startswith("الت") and w.endswith("ي")


def family_name(s: Sentence, tok: Token) -> bool:
    """A definite nisba that ends a name (العتيبي، الحربي), not a country adjective, a noun
    written with ى (المستوى) or a noun that only looks like one (الرأي، الوعي)."""
    if tafa33ul(tok):
        return False  # التخلي، التحدي، التصدي: the verbal noun تفعّل, not a nisba
    return (s.definite(tok) and tok.text.endswith("ي") and not tok.text.startswith("لل")
            and s.doc.at(tok.start, "country") is None and (s.doc.at(tok.start, "actor") is None or s.family_alias(tok))
            and s.head_kind(tok) is None and not s.written_ending(tok, "ى") and not s.is_word(tok, "not_name"))


def name_word(s: Sentence, tok: Token, first: bool) -> bool:
    """A word that may stand in a person's name: not a function word, role, cue or place;
    not glued to و / ل or an article after ب / ف / ك (وحماية، لمديرية، بالمنطقة), nor, when
    ``first`` in a name nothing introduced, to ب / ف / ك, unless it is a first name."""
    w = tok.text
    if len(w) < 2 or not w.isalpha():
        return False
    if s.first_name(tok) and not s.is_word(tok, "any"):
        return True  # تركي العسيري: a first name, not the adjective
    if s.known(tok) and (first or not (s.clause_verb_only(tok) or s.family_alias(tok))):
        return False  # (وقال مدير البرامج عبدالله طلب: a family name, the verb طلب only where a clause begins;
        #              حسن الشيباني: another man's name, not the listed one known as الشيباني)
    if accusative_noun(s, tok) or s.is_word(tok, "speech_opener"):
        return False  # (وقال المدير يجب أن …: the words open)
    if w.startswith(("بال", "فال", "كال", "وال", "لل")) or (w[0] in "ول" and _proclitic_word(s, tok)):
        return False  # وحماية، لمديرية، بالمنطقة: a proclitic, not a name (لوري، والاش are names)
    if w[0] in "بفكلو" and "stop" in s.classes_of.get(w[1:], ()):
        return False  # بكل، لذلك، فهذا: a function word behind its proclitic
    if addressed_people(s, tok):
        return False
    return not (first and w[0] in "بفك")


def abstract_noun(s: Sentence, tok: Token) -> bool:
    """A noun in ـيّة that no list of first names holds (جاهزية، أهمية، إمكانية): an abstract
    noun, not the first word of a name (رقية، فوزية are listed)."""
    return len(tok.text) > 4 and tok.text.endswith("يه") and s.written_ending(tok, "ة") and not s.first_name(tok)


def lone_name_word(s: Sentence, tok: Token) -> bool:
    """One word no list knows that may stand alone as a person's name (…، كما يقول فيلدمان.؛ قال
    لي أدول: …): no article, common noun, known word or noun behind a proclitic."""
    return name_word(s, tok, first=False) and not glued_noun(s, tok) and not s.definite(tok) \
        and not s.common_noun(tok) and not s.known(tok)


def addressed_people(s: Sentence, tok: Token) -> bool:
    """A noun with its pronoun behind لـ, the people the words were said to (قال لمتابعيه،
    لأنصاره، لجمهوره): never part of a name (لطيفة: a name in ة)."""
    w = tok.text
    return w[0] == "ل" and len(w) > 5 and w.endswith(("ه", "ها", "هم")) and not s.written_ending(tok, "ة") \
        and not s.first_name(tok)


def _father_name(s: Sentence, tok: Token) -> bool:
    """A word after بن / بنت that names the father even when the lexicon knows it as a role or
    a noun (عبدالله بن مساعد، فهد بن سلطان)."""
    return tok.text.isalpha() and len(tok.text) > 2 and not s.definite(tok) and not s.stop(tok) \
        and not s.is_word(tok, "any") and s.doc.at(tok.start, "cue") is None


def accusative_noun(s: Sentence, tok: Token) -> bool:
    """A common noun with the accusative ending ا (جون بيركو غضبا، أكد تأكيدا), or any word written
    with its tanween (يقول متحسرًا): no name word."""
    w = tok.text
    if not (w.endswith("ا") and len(w) > 3 and not w.startswith("ال")):
        return False  # not المحنا: the article takes no tanween
    if s.common_noun(Token(w[:-1], tok.start, tok.end - 1)):
        return True
    doc = s.doc
    alif = doc.folded.to_original(tok.end - 1)
    return "\u064b" in doc.original[alif - 1:alif + 2:2]  # متحسرًا، متحسراً


def _proclitic_word(s: Sentence, tok: Token) -> bool:
    """Whether a word starting with و / ل is a known word behind that letter (وحماية، لمديرية)
    rather than a name that starts with it (لوري، والاش، ويليام، ويب)."""
    rest = unglued(tok)
    return len(rest.text) < 2 or bool(s.classes_of.get(rest.text)) or s.common_noun(rest) or s.known(rest) \
        or s.first_name(rest) or rest.text.startswith("ال")  # ولم، وقد: function words; ويب، وانغ: names


def glued_noun(s: Sentence, tok: Token) -> bool:
    """A common noun behind ب / ف / ك (بعودة، فخطة، كبديل), not a name that starts with the
    letter (كلينزمان، فيرفاكس)."""
    rest = unglued(tok)
    return tok.text[0] in "بفك" and len(rest.text) >= 3 and (s.common_noun(rest) or s.known(rest))


def _ba_verbal_noun(s: Sentence, tok: Token) -> bool:
    """A verbal noun behind ب, no name: a hamza after the ب (بإلغاء، بأهمية) or a word in م / ت
    written with ة (بمقاضاة، بتسوية), not a first name (بثينة), a place (بريدة) or a family name
    in با (باسلمة)."""
    w, doc = tok.text, s.doc
    if w[0] != "ب" or len(w) < 5 or s.first_name(tok):
        return False
    second = doc.original[doc.folded.to_original(tok.start + 1)]
    return second in "أإ" or (w[1] in "مت" and s.written_ending(tok, "ة") and not s.known(tok))


def family_name_word(s: Sentence, tok: Token) -> bool:
    """A definite word that may be a family name: unknown, not a plural nisba (العسكريين) nor a
    plural of a common noun (اللاعبين), not a noun with the feminine ة (فيصل بن خالد الجاهزية
    التامة: the object, not his name), nor the head noun of a body or group (الوفد، الشركة)."""
    w = tok.text
    return (w.startswith("ال") and not s.hamza_start(tok) and not w.endswith(("يين", "يون"))
            and not s.written_ending(tok, "ة") and name_word(s, tok, first=False) and not _plural_of_noun(s, tok)
            and s.head_kind(tok) is None)  # not استقبل الأمير فيصل بن سلمان الوفد: a body or group, the object


def _plural_of_noun(s: Sentence, tok: Token) -> bool:
    """A plural in ون / ين of a common noun (اللاعبين، المواطنون): people, not a family name
    (وحث المدرب عبد الوهاب ناصر اللاعبين على …)."""
    w = tok.text
    stem = w[2:-2]  # not المرهون: a noun in ة takes no ون
    return w.endswith(("ين", "ون")) and len(w) > 6 and not stem.endswith("ه") \
        and s.common_noun(Token(stem, tok.start + 2, tok.end - 2))


def nisba_family_name(s: Sentence, j: int, n: int) -> bool:
    """A masculine country adjective (اللواء منصور التركي، أن؛ الدكتور حافظ مغربي إلى), a definite
    role adjective in ي (الدكتور نبيل العربي الأمين العام) or a country's name before the content
    (فهد السويد أن) right after a first name and before the end of the name: a family name."""
    tok = s.toks[j]
    if not s.first_name(s.toks[j - 1]):
        return False
    if s.is_word(tok, "role_adjective") and tok.text.startswith("ال") and tok.text.endswith("ي"):
        return True  # no adjective follows a person's first name (وزير التخطيط أشرف العربي وصول …)
    place = s.at(j, "country", lambda m: m.value.kind == "adjective" and not m.prefix_len)
    if place is not None:
        return place.value.number_gender == "m.sg" and clear_end(s, j + 1, n)
        #   (with or without the article: الدكتور حافظ مغربي إلى أن; an adjective cannot follow a name)
    country = s.at(j, "country", lambda m: m.value.kind == "name" and not m.prefix_len)
    return country is not None and tok.text.startswith("ال") and j + 1 < n and s.opens_content(s.toks[j + 1])
    #   وأكد فهد السويد أن: a family name that is also a country's, right before the content


def title_family_name(s: Sentence, j: int, n: int) -> bool:
    """A definite royal or role word right before a comma, a colon, إن or an aside (وهو …)
    after a name word (جعفر السلطان، أن؛ سعيد الشيخ وهو …): a family name, since a role would go on."""
    tok = s.toks[j]
    after = s.toks[j + 1] if j + 1 < n else None
    return (tok.text.startswith("ال") and s.at(j, "role") is not None and after is not None
            and (after.text in (",", ":", ";", "وهو", "وهي") or s.is_word(after, "intro")))


def name_ends(s: Sentence, j: int, n: int) -> bool:
    """Whether a name may end before token ``j``: the end, a mark, a function word, a role,
    a cue, a preposition, a definite word, a word glued to و / ل / ب (وقال خالد الفريدة إن،
    … للصحفيين، دعا جان قهوجي العسكريين), any word but a first name or a link after a family
    name (كشف عبدالعزيز المهوس أبرز ملامح الخطة، أكد جلال الشحماني انبثاق لجنة: the object)
    or an accusative noun (جون بيركو غضبا)."""
    if j >= n:
        return True
    tok = s.toks[j]
    w = tok.text
    return (not w.isalpha() or s.stop(tok) or s.known(tok) or s.definite(tok)
            or (w[0] in "ولب" and not s.first_name(tok))
            or (s.definite(s.toks[j - 1]) and not s.first_name(tok) and not s.is_word(tok, "name_link"))
            or accusative_noun(s, tok) or pronoun_object(s, tok) or verbal_noun_naming(s, j, n))


def verbal_noun_naming(s: Sentence, j: int, n: int) -> bool:
    """Whether token ``j`` is an indefinite common noun, no first name, right before a first name:
    the verb's object and the person it names, after a speaker's name (أعلن ذبيح الله مجاهد
    اختيار منصور زعيما)."""
    tok = s.toks[j]
    return s.common_noun(tok) and not s.first_name(tok) and not s.definite(tok) \
        and j + 1 < n and s.first_name(s.toks[j + 1]) and not s.common_noun(s.toks[j + 1])


def clear_end(s: Sentence, j: int, n: int) -> bool:
    """Where a name with no first name must end: a mark, a content opener, a cue, an
    adverbial, a relative pronoun, a role (not a title or a royal title: they come before a
    name, unless the name of another follows them: شكر الشيخ الحربي اللواء العتيبي), a word
    glued to ل (… الصبيحي، إن / لـ«عكاظ») or a noun behind ب (ألكسيس تسيبراس بدعم …)."""
    if j >= n:
        return True
    tok = s.toks[j]
    return (not tok.text.isalpha() or tok.text[0] == "ل" or s.at(j, "cue", lambda m: not m.prefix_len) is not None
            or (tok.text[0] == "ب" and (glued_noun(s, tok) or _ba_verbal_noun(s, tok))) or pronoun_object(s, tok)
            or _titled_name_at(s, j, n)
            or s.is_(j, "intro", "intro_say", "skip", "adverbial_prep", "negation", "subordinator")
            or (s.at(j, "role", lambda m: m.value["kind"] == "official") is not None
                and not s.is_word(tok, "eponym")))


def _name_goes_on(s: Sentence, k: int, j: int, n: int) -> bool:
    """Whether token ``j`` after the unknown word at ``k`` continues a name or clearly ends it
    (… إن، … سعادته، … أبو كلل، … الناصر، وزير النقل باسلمه،), rather than a title, a quoted name
    or a person's name; a comma does not end a person's name after an organisation's head
    (لشركة فايزر،: its name)."""
    if j >= n or s.toks[j].text == '"':
        return False
    tok = s.toks[j]
    if tok.text == ",":
        return not s.at(k - 1, "role", lambda m: m.value["kind"] in ("organization", "outlet"))
    if s.at(j, "role") is not None:
        return False  # بعدن العميد: a title or an office, a name follows it
    if clear_end(s, j, n):
        return True
    return s.is_(j, "name_link") or (family_name_word(s, tok) if s.definite(tok) else name_word(s, tok, first=False))


def _unknown_name_word(s: Sentence, tok: Token) -> bool:
    """An indefinite word no lexicon knows that may stand in a name (بيسيرو; not بالقول، أمام، nor
    a word joined by و: شكرها وتقديرها)."""
    return not s.definite(tok) and tok.text[0] != "و" and name_word(s, tok, first=False) \
        and not s.common_noun(tok) and not s.known(tok)


def plain_first_name(s: Sentence, k: int, n: int) -> bool:
    """Whether a first name that is no other word starts at token ``k`` (محمد، علي written with
    ي), not one that is also a noun or a role (قائد، سعيد)."""
    return (s.starts_name(k) and not s.common_noun(s.toks[k]) and not s.known(s.toks[k])) or written_ali(s, k, n)


def written_ali(s: Sentence, k: int, n: int) -> bool:
    """علي written with ي (the preposition على folds to the same word, but is written with ى)
    before بن, آل, a family name or an unknown name word: the first name Ali (وقال علي بقشان، وقال
    علي الشهري، وقال علي بن محمد، وقال علي آل مانع), not على أهمية."""
    tok = s.toks[k]
    if tok.text != "علي" or k + 1 >= n or not s.written_ending(tok, "ي"):
        return False
    after = s.toks[k + 1]
    if after.text == "ال":
        return k + 2 < n and family_after_al(s, k + 2)  # وأوضح علي آل حطاب: آل and its family
    if s.definite(after):  # (علي الصادق المتحدث باسم …: a family name that is also a word, before a role)
        office_follows = s.at(k + 2, "role", lambda m: m.value["kind"] == "official") is not None
        return family_name(s, after) or (family_name_word(s, after) and (not s.common_noun(after) or office_follows))
    return after.text in FILIATION or (name_word(s, after, first=False)
                                       and (not s.common_noun(after) or s.first_name(after)))  # علي عبدالله


def _ali_last(s: Sentence, k: int, n: int) -> bool:
    """علي written with ي right before the content, a comma or a parenthesis: the last word of a
    name (وقال محمد علي إن …، وقال أحمد علي (40 عاما) …), not the preposition على."""
    return s.toks[k].text == "علي" and s.written_ending(s.toks[k], "ي") and k + 1 < n \
        and (s.is_(k + 1, "intro") or s.toks[k + 1].text in ("(", ",", ":"))


def _introduced_family_in_ta(s: Sentence, k: int, j: int, n: int, introduced: bool) -> bool:
    """Whether the word in ة at ``j``, a common noun too, is the family name of the listed first
    name before it that a title or a role introduced, right before the content, a comma or the
    object with its pronoun (وأكد رئيس النادي المهندس فهد الخليفة سعادته …، أن …)."""
    after = s.toks[j + 1]
    return introduced and j == k + 1 and s.first_name(s.toks[k]) \
        and (after.text in (":", ",", '"') or s.is_(j + 1, "intro", "intro_say") or pronoun_object(s, after))


def _initials_end(s: Sentence, k: int, n: int) -> int | None:
    """The index of the name word after one to three Latin initials at token ``k`` (تي كي
    راجان، جيه بي سميث), else None."""
    j = k
    while j < n and j - k < MAX_INITIALS and s.is_(j, "initial"):
        j += 1
    if j == k or j >= n or s.definite(s.toks[j]) or s.is_(j, "initial") or s.is_word(s.toks[j], "any") \
            or s.first_name(s.toks[j]) or not name_word(s, s.toks[j], first=False):
        return None  # (not … سي مايكل براون: a first name begins the name)
    return j


def name_span(s: Sentence, k: int, n: int, introduced: bool, alone: bool = False) -> int | None:
    """End index of an unknown person's name starting at token ``k``: a first name (any name
    word after a title or role) and up to four more words (بن، آل، عبد + a word; family names);
    a family name by itself when ``alone`` (right after a title or a definite role)."""
    toks = s.toks
    if alone and toks[k].text == "ال" and k + 1 < n and family_after_al(s, k + 1):
        return k + 2  # المهندس آل الشيخ: a family named after its title
    initials = _initials_end(s, k, n)
    if initials is not None:
        return name_span(s, initials, n, True) or initials + 1  # تي كي راجان: the initials, then the name
    if toks[k].text == "علي" and not s.written_ending(toks[k], "ي"):
        return None  # ديون الحرب على الحلفاء: the preposition على, written with ى, is never the name Ali
    if s.after_verb_particle(k):
        return None  # ولم يتطرق «فالون» إلى …: a verb after لم / لن, never a name
    linked = k + 1 < n and toks[k + 1].text in FILIATION  # فالح بن راجس
    ambiguous = s.is_word(toks[k], "any_first_name") and k + 1 < n and (
        (introduced and (alone or linked or family_name_word(s, toks[k + 1])))
        or s.first_name(toks[k + 1]) or written_ali(s, k, n)  # المهندس علي شنيمر، الشاعر علي البيضاني، وقال علي أحمد
        or (s.is_word(toks[k], "word_first_name") and (linked or family_name(s, toks[k + 1]))))  # سليم الحسني
    compound = (not s.first_name(toks[k]) and s.starts_name(k)) or s.din_compound(k)  # عبد الأمير، أبو بكر،
    #   نور الدين: one first name
    adjective = adjective_first_name(s, k, n)  # جورجي جيسوس
    if not (compound or ambiguous or adjective or name_word(s, toks[k], first=not introduced)):
        return None
    if s.written_ending(toks[k], "ة") and s.common_noun(toks[k]) and not s.first_name(toks[k]):
        return None  # ووجه الرئيس دعوة إلى …: the object, not a name
    if _noun_with_pronoun(s, toks[k]) and not (k + 1 < n and _unknown_name_word(s, toks[k + 1])
                                                and not s.starts_name(k + 1)):
        return None  # وختم الوزير حديثه بالقول: his speech, the object (not المدرب جوزيه بيسيرو)
    if toks[k].text == "باسم" and k + 1 < n and s.definite(toks[k + 1]):
        return None  # ناطقا باسم السكان: «in the name of», not the first name Bassem
    if k > 0 and toks[k - 1].text == "," and toks[k].text[0] == "و" and not s.first_name(toks[k]):
        return None  # …، وهاجم الإجراءات: a clause coordinated after the comma (وليد is a name)
    if not (introduced or linked or adjective or ambiguous or s.starts_name(k)):
        return None
    j = k + 2 if compound else k + 1
    if s.definite(toks[k]):  # العميد الصبيحي, not الزعيم المتقدم (في السن) nor الناشط الحقوقي حسن …: an adjective
        return j if alone and not (s.common_noun(toks[k]) and not family_name(s, toks[k])) \
            and not plain_first_name(s, j, n) \
            and not (s.common_noun(toks[k]) and j < n and toks[j].text.startswith("وال")) else None
        #   (الناشط الحقوقي والكاتب الصحفي حسن …: an adjective, then a second role)
    unknown = not (s.starts_name(k) or ambiguous or adjective)
    glued = unknown and toks[k].text[0] in "بفكل" and (
        s.known(toks[k]) or glued_noun(s, toks[k]) or s.starts_name(j) or not _name_goes_on(s, k, j, n))
    #       بمنطقة الحدود، بعدن العميد، بحائل محمد الطيار، لشركة فايزر،: a preposition and a noun or place,
    #       not بيسيرو إن، بليغ أبو كلل
    if glued and (j >= n or s.known(toks[j]) or not toks[j].text.isalpha() or len(toks[j].text) < 2):
        return None  # القائد العسكري بعدن العميد …، مدير الفرع بجدة لـ«عين اليوم»: a place after a preposition
    if unknown and toks[k].text[0] in "بفكل" and j < n and pronoun_object(s, toks[j]) \
            and s.common_noun(unglued(toks[k])):
        return None  # هدد الفتاة بنشر صورها: a verbal noun behind its preposition, then its object
    noun = unknown and toks[k].text.endswith("ه")  # أهمية المشروع: a noun in construct
    while j < n and j - k < NAME_WORDS:
        tok = toks[j]
        family = s.definite(toks[j - 1]) and not (compound and j == k + 2)  # after الغامدي only آل / بن or
        #   another family name; after عبد الوهاب (one first name) any name word
        links = j
        while links < n and s.is_word(toks[links], "name_link"):
            links += 1  # بن عبد الله، بن أبي طالب
        if (glued or noun) and s.definite(tok) and not s.known(tok):
            return None  # بمنطقة الحدود، أهمية المشروع: a noun in construct, not a name
        if s.written_ending(tok, "ة") and s.common_noun(tok) and not s.first_name(tok) \
                and not (s.definite(tok) and j + 1 < n and _introduced_family_in_ta(s, k, j, n, introduced)):
            break  # ووصف مسعود مغادرة حاجي: a feminine noun ends the name (the object)
        if j - k >= 2 and s.common_noun(tok) and not s.first_name(tok) and not s.definite(tok) \
                and j + 1 < n and s.definite(toks[j + 1]) and not s.is_word(toks[j + 1], "role_adjective"):
            break  # ووصف المواطن حسين هزازي مشاهد القصف: a noun in construct after the name, its object
        if j - k >= 2 and verbal_noun_naming(s, j, n):
            break  # أعلن المتحدث عطا الله مجيدي اختيار منصور رئيسا: a verbal noun and the one it names
        if j > k and ((glued_noun(s, tok) and not s.first_name(tok)) or _ba_verbal_noun(s, tok)):
            break  # وطالب الدكتور سعد مارق بضرورة …، وهدد الفنان أحمد حلمي بمقاضاة …: a noun behind ب
            #        ends the name (سامي فراس العتيبي: a listed first name goes on with it)
        if j > k and pronoun_object(s, tok):
            break  # وأبدى قاسم رضاه التام: his satisfaction, the object
        if j > k and not s.definite(tok) and s.head_kind(tok) is not None:
            break  # وحث المدافع برانيسلاف إيفانوفيتش جماهير فريقه: a group, the object
        if j - k >= 2 and s.definite(tok) and not family_name(s, tok) and j + 1 < n \
                and (accusative_noun(s, toks[j + 1]) or toks[j + 1].text in ADVERBS_AFTER_ADJECTIVE):
            break  # نايف هزازي المنتقل حديثا لنادي النصر: an adjective with its adverb, not a family name
        if tok.text[0] == "و" and j - k >= 2 and not s.first_name(tok):
            break  # حاورت الوزير بندر حجار وفتحت …: no word joined by و after a first and a family
            #        name (جاك ويلشير، عبدالعظيم وادي: a family name in و)
        if not s.definite(tok) and s.at(j, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len):
            break  # مارسيل فراتسشر رئيس المعهد: the role (رئيس is also a listed first name)
        if links > j and links < n and (name_word(s, toks[links], first=False) or family_after_al(s, links)
                                        or _father_name(s, toks[links])):
            j = links + 1
        elif name_word(s, tok, first=False) and not (family and not s.definite(tok)) \
                and not (s.definite(tok) and not family_name_word(s, tok)) \
                and not (family and s.common_noun(tok) and not tok.text.endswith("ي") and tok.text != "الله"
                         and toks[j - 1].text != "العبد"):
            j += 1  # not عايض الرحيلي المشروع: a common noun after the family name is the object
            #        (الجار الله، العبد القادر are family names)
        elif not family and (written_ali(s, j, n) or (j == k + 1 and _ali_last(s, j, n))):
            j += 1  # ماهر علي الزهراني، وقال محمد علي إن: the father's name Ali, written with ي
        elif nisba_family_name(s, j, n) or title_family_name(s, j, n):
            j += 1  # منصور التركي، جعفر السلطان،: a country adjective or a title as a family name
        elif s.definite(tok) and s.written_ending(tok, "ة") and not family and j + 1 < n \
                and (not s.common_noun(tok) and s.opens_content(toks[j + 1]) and name_word(s, tok, first=False)
                     or _introduced_family_in_ta(s, k, j, n, introduced)):
            j += 1  # وقال محمد الربيعة إن: a family name in ة that no lexicon knows, right before the content
        elif tok.text[0] == "ل" and len(tok.text) > 3 and j + 1 < n and not toks[j + 1].text.isalpha() \
                and not s.known(tok) and not family:
            j += 1  # ليلى لجرام: (a name may start with ل when a mark follows it)
        else:
            break
    return j


def pronoun_object(s: Sentence, tok: Token) -> bool:
    """A noun with a pronoun suffix after a name, the verb's object (أبدى قاسم رضاه، قدم الوزير
    شكره): a common noun with ه / ها / هم, or a word in اه (رضاه، مسعاه)."""
    if _noun_with_pronoun(s, tok):
        return True
    stem = Token(tok.text[:-1], tok.start, tok.end - 1)  # رضاه: رضا، not مينساه
    return tok.text.endswith("اه") and len(tok.text) > 3 and (s.common_noun(stem) or s.is_word(stem, "any_first_name"))


def _noun_with_pronoun(s: Sentence, tok: Token) -> bool:
    """A common noun with a pronoun suffix, written with ه (حديثه، كلمته، تصريحاتها، سعادتهما، لاعبيه),
    or any plural in ات with one (مرئياته وملاحظاته)."""
    w = tok.text
    if not w.endswith(("ه", "ها", "هم", "هما", "هن")) or len(w) < 4:
        return False
    if s.first_name(tok) or (w.endswith("ه") and not s.written_ending(tok, "ه")):
        return False  # طه؛ a feminine noun in ة
    if w.endswith(("اته", "اتها", "اتهم")) and len(w) >= 6:
        return True  # مرئياته، تصريحاتها: a plural in ات with its pronoun
    for suffix in ("هما", "ها", "هم", "هن", "ه"):
        stem = w[:-len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3:
            nouns = (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)  # كلمته: كلمة
            if stem.endswith("ي") and len(stem) >= 4:
                nouns += (stem[:-1] + "ين", stem[:-1] + "ون")  # لاعبيه، موظفيها: a plural in ين / ون
            return any(s.common_noun(form_token) or s.is_word(form_token, "object_noun")  # تطلعه
                       for form_token in (Token(form, tok.start, tok.start + len(form)) for form in nouns))
    return False


def family_after_al(s: Sentence, k: int) -> bool:
    """Any word after آل is a family's name, even a title or a known word (طلال آل الشيخ)."""
    return k > 0 and s.toks[k - 1].text == "ال" and s.toks[k].text.isalpha() and not s.stop(s.toks[k])


def adjective_first_name(s: Sentence, k: int, n: int) -> bool:
    """A country adjective without the article that begins a name, before a word no lexicon
    knows (أكد البرتغالي جورجي جيسوس: Jorge, not "Georgian")."""
    toks = s.toks
    place = s.at(k, "country", lambda m: m.value.kind == "adjective" and not m.prefix_len)
    if place is None or s.definite(toks[k]) or k + 1 >= n:
        return False
    after = toks[k + 1]
    return (name_word(s, after, first=False) and not s.definite(after) and not s.common_noun(after)
            and not s.first_name(after) and s.doc.by_start.get(after.start) is None)


def _titled_name_at(s: Sentence, j: int, n: int) -> bool:
    """Whether a title and a name, a first name or a family name, stand at token ``j`` (اللواء
    الغامدي، الدكتور سعد): another person."""
    after = titles_end(s, j, n)
    return after is not None and after < n and s.at(after, "role") is None \
        and (s.first_name(s.toks[after]) or family_name(s, s.toks[after]))  # (not الملا رئيس البعثة)


def titles_end(s: Sentence, k: int, n: int) -> int | None:
    """Index after the titles at token ``k`` (الدكتور، معالي الشيخ، د.), or None."""
    j = k
    while j < n:
        title = s.at(j, "role", lambda m: m.value["kind"] == "title")
        if title is None or title.prefix_len:
            break
        after = s.index_after(title.end)
        if after < n and s.is_word(s.toks[after], "role_adjective") and s.toks[after].text.startswith("ال"):
            break  # مدير الفريق الأول: the team, not the rank الفريق
        j = after
        j += j < n and s.toks[j].text == "/"  # المهندس/ جديع القحطاني
    return j if j > k else None


def names_someone(s: Sentence, k: int, end: int) -> bool:
    """Whether the words from ``k`` to ``end`` name one person: a first name (not الدين of رجال
    الدين), a title or a family name among them, two words no list knows after a description, or
    a first word no list knows with no word with the article after it; not a plural or a word
    with a pronoun (صفحات موالية للنظام، إحداها)."""
    words = s.toks[k:end]
    if words[0].text.endswith(("ات", "ون", "ين", "ها", "هم")):
        return False
    if any((s.first_name(t) and not s.definite(t)) or title_then_name(s, z, end)
           or (z > k and family_name(s, t) and not s.definite(s.toks[z - 1]))  # (الفريق الطبي: an adjective)
           for z, t in zip(range(k, end), words)):
        return True
    if described_name(s, k, end):
        return True
    return not (s.common_noun(words[0]) or any(s.definite(t) for t in words))


def title_then_name(s: Sentence, z: int, end: int) -> bool:
    """Whether titles at token ``z`` are followed, before ``end``, by a word without the article
    (الدكتور منصور; not الفريق الطبي: the medical team)."""
    after = titles_end(s, z, s.n)
    return after is not None and after < end and not s.definite(s.toks[after])


def described_name(s: Sentence, k: int, end: int) -> bool:
    """Whether the words from ``k`` to ``end`` say what someone is, then end with two words no
    list knows and without the article: a name (الحارس الإيطالي ماركو بيرتي)."""
    words = s.toks[k:end]
    return len(words) >= 3 and s.definite(words[-3]) and all(_unknown_name_word(s, t) for t in words[-2:])
