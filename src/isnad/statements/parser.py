"""The noun phrase grammar the speaker rules share: one sentence's phrases.

:class:`PhraseParser` reads a speaker phrase at a token by trying the rules of
:data:`phrases.SPEAKER_PHRASES` in order; the pieces they share live here (the
complements of a head, a role in apposition, an unnamed source's description,
a definite noun phrase), with the persons' pieces in :mod:`.persons` and the
bodies' in :mod:`.bodies`.
"""
from __future__ import annotations

from contextlib import contextmanager

from ..mentions import Mention
from .bodies import BodyPhrases
from .discourse import Discourse
from .names import FILIATION, family_name, glued_noun, name_word
from .persons import PersonPhrases
from .sentence import Sentence, Token, unglued
from .speaker import Speaker, head_gender
from .words import bare

CONSTRUCT_REACH = 4  # nouns of a construct chain up to its first definite word
APPOSITION_TAIL = 6  # words of a role's complement between its chain's end and the closing comma
SEVERAL = ("عده", "عديده", "متعدده", "كثيره", "كثيرون", "كثيرين")  # folded: مصادر عدة، شهود كثيرون
PREPOSITIONS = frozenset({"في", "من", "لدي", "علي", "داخل", "عن"})
KIND_OF_ACTOR = {"person": "person", "organization": "organization", "government": "organization",
                 "outlet": "outlet", "agency": "outlet", "country": "country"}
Found = tuple[Speaker, int] | None


class PhraseParser(PersonPhrases, BodyPhrases):
    """Reads speaker phrases over the tokens of one sentence (see :data:`phrases.SPEAKER_PHRASES`)."""

    def __init__(self, s: Sentence, d: Discourse):
        self.s = s
        self.d = d
        self.doc = s.doc
        self.allow_name = True
        self.last_rule: str | None = None  # the phrase rule that read the last phrase (for the trace)
        self.verb_gender: str | None = None  # m / f / pl of the verb whose subject is read, when known
        self.verb_object = False  # whether that verb takes a prepositional object (أشار إلى، تحدث عن)
        self.verb_needs: tuple[str, ...] = ()  # the prepositions that verb needs (رحب ب، عبّر عن), as written
        self.verb_saying = False  # whether that verb is قال / أضاف / تابع: its words may follow bare
        self.verb_calls_on = False  # whether that verb calls on someone (دعا، حث): its object comes first
        self.clause_subject = False  # whether the phrase is the subject of a clause's first verb, which
        #   need not be a cue (تناول عدد من المواقع خبر …، واصفة): no content need follow it

    @contextmanager
    def as_clause_subject(self, on: bool = True):
        """Read the phrases of the block as a clause's subject, which no content need follow
        (وكانت منظمات حقوقية دعت …، لكن 35 في المئة من الطلاب قالوا …)."""
        self.clause_subject = on
        try:
            yield
        finally:
            self.clause_subject = False

    def parse(self, i: int, n: int, allow_name: bool = True) -> Found:
        """Speaker phrase starting at token ``i`` (before token ``n``): (speaker, next index);
        an emphatic نفسه / ذاتها after it belongs to it (وأكد المصدر نفسه أن), and so does
        an organisation's quoted name."""
        res = self._phrase(i, n, allow_name)
        if res is None:
            return None
        sp, j = res
        if j < n and self.s.is_word(self.s.toks[j], "same"):
            return sp, j + 1
        if sp.kind in ("outlet", "organization"):
            j = self._quoted_name_after(j, n)  # وكالة الأنباء الإيطالية «أنسا»
            j = self._what_the_body_is(j, n)
        return sp, j

    def _phrase(self, i: int, n: int, allow_name: bool) -> Found:
        toks, s = self.s.toks, self.s
        if i < n and self.needed_object(toks[i]):
            return None  # وجّه بتشكيل لجنة: the verb's object right after it, its subject unsaid
        if i + 1 < n and s.is_(i, "demonstrative") and (s.definite(toks[i + 1]) or s.at(i + 1, "backref")):
            i += 1  # وأضافت هذه المصادر، وذكرت هذه التقارير: the sources met before
        if i < n and toks[i].text == '"':
            res = self.read(i + 1, n, allow_name)
            if res is not None and res[1] < n and toks[res[1]].text == '"':
                return res[0], res[1] + 1  # a quoted name: “والتز”، «بيكر هيوز»
            if res is None and allow_name:
                close = s.closing_quote(i + 2, min(n, i + 5))
                object_follows = close is not None and self.verb_object and not self.verb_saying and close + 1 < n \
                    and toks[close + 1].text.isalpha() and not s.stop(toks[close + 1])  # توقعت «الأرصاد» هطول
                if close is not None and not s.quote_ends_sentence(close) \
                        and all(name_word(s, t, first=False) for t in toks[i + 1:close]) \
                        and not (close > i + 2 and all(s.common_noun(t) for t in toks[i + 1:close])) \
                        and (close + 1 >= n or s.opens_content(toks[close + 1]) or s.is_(close + 1, "intro")
                             or object_follows):
                    fs, fe = toks[i + 1].start, toks[close - 1].end  # وأضاف "الفهيد"، أن / وأعلنت "بيكر هيوز" أن
                    surface = self.doc.surface(fs, fe)
                    self.last_rule = "quoted_name"
                    body = close > i + 2 or self.verb_gender == "f"  # توقعت «الأرصاد»: a body
                    return Speaker(surface, surface, "organization" if body else "person", (fs, fe)), close + 1
            return None  # وأضاف «أتمنى أن …»: the quotation opens the content
        return self.read(i, n, allow_name)

    def read(self, i: int, n: int, allow_name: bool = True) -> Found:
        """The first phrase rule that reads a phrase at token ``i``."""
        if i >= n:
            return None
        from .phrases import SPEAKER_PHRASES

        self.allow_name = allow_name
        for rule in SPEAKER_PHRASES:
            found = rule.func(self, i, n)
            if found is not None:
                self.last_rule = rule.name
                return found
        return None

    def _what_the_body_is(self, j: int, n: int) -> int:
        """Index past «، what the body is ،» after its name when the words follow it (أعلنت شركة
        الخليج، الناقل الوطني البحريني، عن إطلاق …), else ``j``."""
        from .phrases import content_follows, description_between_commas

        end = description_between_commas(self, j, n)
        if end is None or self.s.head_kind(self.s.toks[j + 1]) is not None \
                or self.doc.by_start.get(self.s.toks[j + 1].start):
            return j  # (دعت اللجنة، الحكومة، إلى …: a body named between commas is the one called on)
        return end if content_follows(self, end, n) else j

    def _quoted_name_after(self, j: int, n: int) -> int:
        """Index past a quoted or bracketed name right after an organisation, else ``j``: a
        lexicon actor («أنسا») or one or two words that are no function words (not «إن الوضع …»)."""
        toks, s = self.s.toks, self.s
        if not (j < n and toks[j].text in ('"', "(")):
            return j
        closing = '"' if toks[j].text == '"' else ")"  # جمعية التنمية الأسرية ( ألفة )
        for k in range(j + 2, min(j + 4, n)):
            if toks[k].text == closing:
                inner = toks[j + 1:k]
                actor = self.doc.at(inner[0].start, "actor")
                if (actor is not None and actor.end == inner[-1].end) or all(
                        t.text.isalpha() and not s.is_word(t, "any") for t in inner):
                    return k + 1
                return j
        return j

    def actor_speaker(self, m: Mention) -> Speaker:
        a = self.doc.lexicon.actors[m.value]
        kind = KIND_OF_ACTOR.get(a.kind, "organization")
        surface = self.doc.surface(m.key_start, m.end)
        if kind == "person":
            gender = a.gender
        elif kind == "organization":
            gender = head_gender(self.doc.text[m.key_start:m.end])
        elif kind == "outlet":
            gender = "f"  # نقلت رويترز، ذكرت بلومبرج: outlets take feminine verbs
        else:
            gender = None
        return Speaker(a.name_en, surface, kind, (m.key_start, m.end), a.country, None, a.entity_id, gender)

    def apposition(self, sp: Speaker, j: int, n: int) -> int:
        """Consume ``، ROLE ،`` (or ``؛ ROLE``) after a name and attach the role to ``sp``."""
        toks, s = self.s.toks, self.s
        comma = j < n and toks[j].text in (",", ";")
        if j + comma < n:
            role = s.at(j + comma, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len)
            if role is not None:
                k, org, country = self.complements(s.index_after(role.end), n)
                if comma:
                    k = self._apposition_close(k, n)
                sp.role = sp.role or role.value["role"] or None
                sp.role_ar = sp.role_ar or self.doc.surface(role.key_start, toks[k - 1].end)
                sp.country = sp.country or country
                if org is not None:
                    sp.organization = sp.organization or org.name
                if k < n and toks[k].text in (",", ";"):
                    k += 1
                return k
        return j

    def _apposition_close(self, k: int, n: int) -> int:
        """The comma that closes a role in apposition a few words past where its chain stopped,
        when the content opens right after it (جون سميث، المبعوث الخاص إلى البلاد، أن …): the
        words between are the role's complement; ``k`` when no such comma is near."""
        toks, s = self.s.toks, self.s
        for c in range(k, min(n, k + APPOSITION_TAIL)):
            if toks[c].text == ",":
                return c if c > k and c + 1 < n and s.is_(c + 1, "intro") else k
            if not toks[c].text.isalpha() or s.at(c, "cue") is not None:
                return k
        return k

    def complements(self, j: int, n: int, definite_head: bool = False, name_may_follow: bool = True,
                    organization: bool = False) -> tuple[int, Speaker | None, str | None]:
        """Complements of a role or organisation head: (next index, organisation met, country).
        A definite head (المستشار) takes adjectives and prepositional complements, not a genitive;
        when ``name_may_follow``, an unknown definite word right after it is a name (المستشار
        الفضالي), not an adjective."""
        toks, s, doc = self.s.toks, self.s, self.doc
        org = None
        country = None
        count = 0
        closed = definite_head  # a definite word ends a construct chain
        start = j
        while j < n and count < 8:
            tok = toks[j]
            if not tok.text[0].isalpha() or s.is_word(tok, "addressee"):
                break  # … للصحفيين: whom it was said to
            if self.needed_object(tok):
                break  # وتعهد رئيس الوزراء اليوناني بدعم …: the content, behind its preposition
            if self.verb_object and count and s.is_word(tok, "object_noun"):
                break  # نفت جامعة حائل صحة الخبر: what is denied, past the body's name
            if (count or organization) and s.is_word(tok, "allegiance") and j + 1 < n:
                j = self._side_taken_end(j + 1, n)
                break  # قائد عسكري يمني موال للرئيس عبد ربه منصور هادي: the side he takes, not his name
            place = doc.at(tok.start, "country")
            if place is not None and place.value.kind == "adjective" and not place.definite(doc.text) \
                    and (closed or s.definite(toks[j - 1])) and s.first_name(tok):
                break  # الكاتب تركي العسيري: an indefinite adjective cannot describe a definite noun
            if place is not None and place.value.kind in ("name", "capital") and not place.prefix_len \
                    and s.definite(toks[j - 1]) and not s.is_(j - 1, "preposition") and not s.written_ending(tok, "ة"):
                break  # وزار الوزير تركيا: a country after a definite word is the verb's object (هيئة السوق
                #        المالية السعودية: the adjective)
            if place is not None and (org is None or place.value.kind == "adjective"):
                country = country or place.value.iso3
                j = s.index_after(place.end)
                count += 1
                if org is not None:
                    break
                closed = closed or place.value.kind != "adjective"  # بورصة البحرين إدراج …: a country
                #   name is definite and ends the chain; the noun after it is the verb's object
                continue
            actor = doc.at(tok.start, "actor")
            if actor is not None:
                person = doc.lexicon.actors[actor.value].kind == "person"
                if person and organization and (s.at(j - 1, "role") or s.at(j - 2, "role")) is not None:
                    j = s.index_after(actor.end)  # قناة … الموالية للرئيس المخلوع علي عبدالله صالح
                    count += 1
                    continue
                if org is not None or person:
                    break  # a second organisation, or the holder's name
                org = self.actor_speaker(actor)
                j = s.index_after(actor.end)
                count += 1
                continue
            if count and self._adjective_of_chain(j, n):
                j += 1  # مدير مستشفى تيماء العام: the chain's adjective (not «العام الماضي»)
                count += 1
                continue
            if org is not None or s.stop(tok) or tok.text in doc.words.declined_objects:
                break  # … التعليق: what رفض refuses, not part of the name
            if self.verb_object and count and tok.text.startswith("ال") and s.head_kind(tok) == "group" \
                    and toks[j - 1].text.isalpha() and not s.is_(j - 1, "preposition", "adverbial_prep"):
                break  # حذرت وزارة العمل المواطنين من …: the people warned, the object (not لدى المنظمات)
            if self.verb_object and count and tok.text.startswith("ال") and toks[j - 1].text.startswith("ال") \
                    and not self._adjective_like(tok, toks[j - 1]) and doc.at(tok.start, "role") is None:
                break  # جددت وزارة الصحة التأكيد، توعدت وزارة التعليم المدارس: the object, past a closed chain
            if organization and definite_head and tok.text.startswith("ال") and self._feminine_chain(start, j) \
                    and not (self._adjective_like(tok, toks[j - 1]) or tok.text.endswith("ا") or s.first_name(tok)
                             or (j + 1 < n and family_name(s, toks[j + 1]))) \
                    and doc.at(tok.start, "role") is None:
                break  # وقد أحكمت الشرطة (المحلية) الطوق على …: a masculine noun cannot describe الشرطة,
                #        it is the object (الشرطة المحلية، المحكمة العليا: adjectives)
            if organization and count == 0 and self.eponym_at(j, n):
                j = self._eponym_end(j, n)  # مستشفى الملك فهد التخصصي، جامعة الأميرة نورة: named after
                closed = True               # a king or a princess, then its adjectives
                count += 1
                continue
            head = doc.at(tok.start, "role", lambda m: m.value["kind"] != "anonymous")
            if head is not None and head.value["kind"] == "title":
                break  # مدير المركز الدكتور …: the name follows
            if head is not None and closed and head.definite(doc.text) and not head.key.endswith(("ي", "يه")) and (
                    (doc.text[head.start:head.key_start] in ("", "ال") and head.value["kind"] == "organization")
                    or (doc.text[head.start] == "ب" and head.value["kind"] == "official")):
                break  # انتقد الوزير الشركة، اتصل الرئيس بالوزير: another definite phrase, not a complement
                #        (المكتب الإعلامي: a nisba describes it; الرئيس المدير العام: one compound office)
            if not organization and self._body_name_after_head(j, n):
                j += 1  # مؤسس موقع ويكيليكس جوليان أسانج: the body's one-word name, then the holder's
                closed = True
                count += 1
                continue
            if head is not None:
                j = s.index_after(head.end)  # an organisation, or a compound role (نائب وزير …)
                closed = head.definite(doc.text)
            elif tok.text == "باسم" or (s.definite(tok) and not (
                    definite_head and name_may_follow and count == 0 and tok.text.startswith("ال")
                    and not s.is_word(tok, "role_adjective"))):
                j += 1
            elif s.is_word(tok, "preposition") and j + 1 < n and s.definite(toks[j + 1]) \
                    and not (organization and tok.text == "علي") \
                    and not (self.verb_object and tok.text in ("من", "عن", "الي", "علي")):
                # أكدت الوزارة على …، حذرت المديرية من المخاطر: what the verb takes, not a complement
                j += 1
            elif not closed and self._construct(j, n):
                j += 1  # قائد شرطة محافظة الأنبار: nouns in construct up to a definite one
            elif (past_place := self._place_of_office(j, n, in_construct=not closed)) > j:
                j = past_place  # الدفاع المدني بمنطقة عسير، مدير التعليم بمحافظة جدة
                closed = True  # حاكم ولاية كاليفورنيا جيري براون: the holder's name may follow
            elif (joined := self._joined_name_part(j, n, count, organization)) > 0:
                j += joined  # الهيئة العامة للغذاء والدواء، هيئة الرقابة ومكافحة الفساد
            elif self._purpose(j) and self._construct(j, n) and (organization or (
                    s.definite(toks[j + 1]) and s.common_noun(unglued(tok)))):
                j += 1  # الهيئة الوطنية لإدارة الكوارث، الاتحاد الدولي لكرة القدم: what the body is for;
                #   المفوض الأوروبي لشؤون التوسيع: what the office is for
            else:
                break
            closed = closed or (head is None and s.definite(toks[j - 1])) or org is not None
            count += 1
        return j, org, country or (org.country if org else None)

    def _feminine_chain(self, start: int, j: int) -> bool:
        """Whether the head before ``start`` and every word up to ``j`` are definite words in ـة
        (الشرطة المحلية): a word after them describes them only if it agrees."""
        s = self.s
        return start > 0 and all(s.definite(s.toks[z]) and s.written_ending(s.toks[z], "ة") for z in range(start - 1, j))

    def eponym_at(self, j: int, n: int) -> bool:
        """Whether a royal or religious title at ``j`` and a name after it name a body after a person
        (مدينة الملك عبدالله، جامعة الأميرة نورة)."""
        s = self.s
        return j + 1 < n and s.is_word(s.toks[j], "eponym") and not s.definite(s.toks[j + 1]) \
            and name_word(s, s.toks[j + 1], first=False)

    def _eponym_end(self, j: int, n: int) -> int:
        """Past the title, the name and its بن / بنت links (الأمير سلطان بن عبدالعزيز)."""
        toks = self.s.toks
        j += 2
        while j + 1 < n and toks[j].text in FILIATION:
            j += 2
        return j

    def _side_taken_end(self, j: int, n: int) -> int:
        """Where the side an allegiance word names ends: its office or body chain and the name
        after it (موال للرئيس عبد ربه منصور هادي، المقربة من حزب الله)."""
        tok = self.s.toks[j]
        if tok.text[0] == "ل" and len(tok.text) > 3 and not self.doc.by_start.get(tok.start) \
                and not self.s.is_word(tok, "any"):
            k, _, _ = self.complements(j + 1, n, definite_head=tok.text.startswith("لل"))
            return self._quoted_name_after(k, n)  # تابعة للحركة، تابعة لمنظمات «الهيكل»: a body the
            #                                       lexicon does not know, behind لـ
        k, _, _ = self.complements(j, n)
        named = self.person_name(k, n, introduced=True) if k < n else None
        return named[1] if named is not None else k

    def _body_name_after_head(self, j: int, n: int, then_name: bool = True) -> bool:
        """Whether the word at ``j`` is the one-word name of the body or place whose indefinite
        head noun comes right before it in an office's chain (مؤسس موقع ويكيليكس جوليان أسانج،
        متحدث باسم مطار بلاكبوش إن، حاكم ولاية كاليفورنيا جيري براون): an unknown word, not a
        first name or a common noun, followed (when ``then_name``) by the content or by a first
        name or another unknown name word."""
        s = self.s
        toks = s.toks
        if j + 1 >= n or s.definite(toks[j - 1]) or not (
                s.at(j - 1, "role", lambda m: m.value["kind"] in ("organization", "outlet"))
                or s.head_kind(toks[j - 1]) == "organization" or s.is_word(toks[j - 1], "place_head")):
            return False
        tok, after = toks[j], toks[j + 1]
        if not tok.text.isalpha() or s.definite(tok) or s.first_name(tok) \
                or s.known(tok) or s.common_noun(tok) or self.doc.by_start.get(tok.start):
            return False
        if not then_name or s.opens_content(after) or after.text in (",", ":"):
            return True  # متحدث باسم مطار بلاكبوش إن
        return after.text.isalpha() and (s.first_name(after) or not (
            s.known(after) or s.common_noun(after) or s.definite(after) or s.stop(after)))

    def _adjective_like(self, tok: Token, before: Token) -> bool:
        """A definite word that may describe the noun chain before it: a role adjective, a word
        in ـة, a nisba or a dual (وزارة الصحة السعودية، هيئة السوق المالية، وزارة التعليم العالي،
        خادم الحرمين الشريفين), or an أفعل adjective (جمعية الهلال الأحمر، المجلس الأعلى) — but
        not a word in ـة after a masculine office's adjective (وأكد المبعوث الأممي الحاجة إلى …)."""
        w = tok.text
        masculine_before = self.s.is_word(before, "role_adjective") and not before.text.endswith("ه")
        return self.s.is_word(tok, "role_adjective") or (w.endswith("ه") and not masculine_before) \
            or w.endswith(("ي", "ين", "يون")) or (len(w) == 6 and w.startswith("الا"))

    def verb_needs_ba(self, tok: Token) -> bool:
        """Whether ``tok`` is a noun glued to the بـ the verb being read needs (رحب بعودة، تعهد
        بدعم، ندد بالهجوم): where its content starts, so no speaker phrase runs over it."""
        return "ب" in self.verb_needs and tok.text[0] == "ب" and glued_noun(self.s, tok)

    def needed_object(self, tok: Token) -> bool:
        """Whether ``tok`` is what the verb being read needs, a preposition's noun (وجّه بتشكيل) or a
        speech noun (وجّه أعضاء المجلس الدعوة …، يوجه نداء): the content, never the speaker."""
        word = tok.text.removeprefix("ال")
        return self.verb_needs_ba(tok) or (len(tok.text) > 3 and (word in self.verb_needs or tok.text in self.verb_needs))

    def _place_of_office(self, j: int, n: int, in_construct: bool = False) -> int:
        """Past the place or body an office belongs to, glued to بـ (بمنطقة عسير، بمحافظة جدة؛
        بجامعة الملك فيصل، بإمارة منطقة الباحة) or, ``in_construct`` after an indefinite office,
        its genitive (وكيل محافظة الأحساء، حاكم ولاية كاليفورنيا، مدير مطار الملك خالد): its
        head, and the place's first word or the body's construct up to its first definite word
        and an eponym's name; ``j`` when none starts there."""
        tok = self.s.toks[j]
        if j + 1 >= n:
            return j
        past = self._place_or_body(j, tok.text[1:], n) if tok.text[0] == "ب" else j
        if past == j and in_construct and not self.s.definite(tok):
            past = self._place_or_body(j, tok.text, n)  # بلدية كاليه: not ب + لدية
        return past

    def place_after_head(self, j: int, n: int) -> int:
        """Past the place named after the place head noun at token ``j`` that ends an office's name
        (أمير منطقة نجران، أمين محافظة جدة، أمير منطقة الحدود الشمالية)."""
        return self._place_or_body(j, self.s.toks[j].text, n)

    def _place_or_body(self, j: int, head: str, n: int) -> int:
        """Past a place or body whose head noun, written ``head`` without a glued بـ, is the word
        at ``j`` (see :meth:`_place_of_office`); ``j`` when it is neither."""
        s, doc = self.s, self.doc
        if head.startswith("ال"):
            return j  # بالجامعة: complete by itself
        if head in doc.words.of("place_head"):
            name = s.toks[j + 1]
            if not name.text.isalpha() or s.stop(name):
                return j
            place = doc.at(name.start, "country")
            if place is not None:
                return s.index_after(place.end)
            if self.eponym_at(j + 1, n):
                return self._eponym_end(j + 1, n)  # مدينة الملك عبدالعزيز، مدينة الملك فهد الرياضية: named
                #                                    after a king
            if s.definite(name):  # بمنطقة الحدود الشمالية، بالمنطقة الشرقية: a definite name and its adjectives
                k = j + 2
                while k < n and k - j < 4 and s.definite(s.toks[k]) and not s.stop(s.toks[k]):
                    k += 1
                return k
            return j if s.common_noun(name) else j + 2
        if doc.words.speaker_heads.get(bare(head)) != "organization":
            return j
        end = self.construct_end(j + 1, n)
        if end > j + 1 and self.eponym_at(end - 1, n):
            end = self._eponym_end(end - 1, n)  # بجامعة الملك فيصل، بجامعة الإمام محمد بن سعود
        if end == j + 1 and self._body_name_after_head(j + 1, n):
            end += 1  # متحدث باسم مطار بلاكبوش: the body's one-word name
        return end if end > j + 1 else j

    def _purpose(self, j: int) -> bool:
        """An indefinite noun glued to لـ after an organisation's head (لإدارة، لكرة، لحقوق):
        what the body is for, part of its name, unless it is an outlet spoken to (قالت
        الوزارة لوكالة الأنباء) or a function word."""
        s = self.s
        tok = s.toks[j]
        w = tok.text
        if len(w) <= 3 or w[0] != "ل" or w.startswith("لل") or s.is_word(tok, "any"):
            return False
        outlet = s.at(j, "role", lambda m: m.value["kind"] == "outlet") or s.at(
            j, "actor", lambda m: self.doc.lexicon.actors[m.value].kind in ("outlet", "agency"))
        return outlet is None

    def construct_end(self, j: int, n: int) -> int:
        """Past a noun phrase at ``j`` that ends with its first definite word (سوق الأسماك،
        القطاع); ``j`` when none starts there."""
        toks, s = self.s.toks, self.s
        for k in range(j, min(n, j + 3)):
            if not toks[k].text.isalpha() or s.opens_content(toks[k]):
                return j  # not … إن الطائرة: the content
            if s.definite(toks[k]):
                return k + 1
        return j

    def _adjective_of_chain(self, k: int, n: int) -> bool:
        """A definite role adjective at ``k`` that describes the noun chain before it (مستشفى
        تيماء العام، هيئة الإذاعة الرسمية), not a time phrase (العام الماضي)."""
        s = self.s
        return s.is_word(s.toks[k], "role_adjective") and s.toks[k].text.startswith("ال") \
            and not (k + 1 < n and s.is_word(s.toks[k + 1], "skip"))

    def _construct(self, j: int, n: int, head: bool = False) -> bool:
        """An indefinite noun at ``j`` in construct: a plain word, not a name, followed by a
        definite word, a place or other such nouns (شرطة محافظة الأنبار، شبكة أطباء السودان،
        شؤون أعضاء هيئة التدريس); with ``head``, the word at ``j`` is a speaker head, which may
        be a body's head noun too (رئاسة مجلس النواب)."""
        toks, s = self.s.toks, self.s
        for k in range(j, min(n, j + CONSTRUCT_REACH)):
            tok = toks[k]
            if (k > j or head) and s.at(k, "role", lambda m: m.value["kind"] == "organization") is not None \
                    and not s.definite(tok):
                continue  # شؤون أعضاء هيئة التدريس: a body's head noun inside the chain
            if k > j and self._adjective_of_chain(k, n):
                return True  # مستشفى تيماء العام
            if k > j and s.is_word(tok, "compass"):
                continue  # لعشائر جنوب العراق: a point of the compass before its place
            if not tok.text.isalpha() or s.first_name(tok) or s.known(tok) or glued_noun(s, tok):
                return k > j and (s.at(k, "country") is not None or s.at(k, "actor") is not None)
            if s.definite(tok):
                return k > j
        return False

    def named(self, sp: Speaker, row: dict, role_ar: str | None, org: Speaker | None, country: str | None,
              gender: str | None) -> Speaker:
        """``sp`` with the role, organisation, country and gender its role phrase gives."""
        sp.role = sp.role or row["role"] or None
        sp.role_ar = sp.role_ar or role_ar
        sp.country = sp.country or country
        if org is not None:
            sp.organization = sp.organization or org.name
        sp.gender = sp.gender or gender
        return sp

    def anonymous(self, head: Mention, i: int, n: int) -> tuple[Speaker, int]:
        """An anonymous source with its description (مصادر سياسية في إسرائيل، شخصين مقربين من
        الكرملين، مسؤول أمريكي طلب عدم نشر اسمه): kept with its description and country."""
        gender = head.value["gender"] if head.value["gender"] in ("m", "f", "pl") else None
        sp, j = self.group(i, self.s.index_after(head.end), n, gender)
        sp.role = head.value["role"] or sp.role
        if gender in ("m", "f") and j < n and self.s.first_name(self.s.toks[j]) and not self.s.common_noun(self.s.toks[j]) \
                and self.s.definite(self.s.toks[j - 1]):  # (not مسؤول تركي كبير، مسؤول التدريب بغرفة نجران …)
            named = self.person_name(j, n, introduced=True)  # مسؤول العلاقات الخارجية في حكومة الإقليم فلاح
            if named is not None:                            # مصطفى: the official, named after his description
                person, end = named
                person.role, person.role_ar = person.role or sp.role, person.role_ar or sp.name_ar
                return person, end
        glued = self.doc.text[head.start:head.key_start].lstrip("وف")
        if glued in ("ل", "ب"):  # وفقا لمصادر أمنية، بحسب مصادر: the source without its preposition
            fs = head.key_start
            sp.span = (fs, sp.span[1])
            sp.name = sp.name_ar = self.doc.surface(fs, sp.span[1])
        return sp, j

    def group(self, i: int, j: int, n: int, gender: str | None) -> tuple[Speaker, int]:
        """An unnamed source or group whose head ends before token ``j``, with the description
        that follows it (سياسية في إسرائيل، سعوديون في القطاع المصرفي) and its country."""
        toks, s, doc = self.s.toks, self.s, self.doc
        country = None
        count = 0
        while j < n and count < 8:
            tok = toks[j]
            if self.needed_object(tok):
                break  # ورحب الوزراء بعودة الحكومة، ووجه أعضاء المجلس الدعوة …: the object
            if s.is_word(tok, "allegiance") and j + 1 < n and toks[j + 1].text[0] == "ل":
                j = self._side_taken_end(j + 1, n)  # منظمات تابعة للحركة، مصادر موالية للحكومة (مقربة من
                break                               # الحزب: the preposition's complement, read below)
            if j == i + 1 and tok.text in SEVERAL and not s.definite(toks[i]):
                j += 1  # مصادر عدة، شهود كثيرون: how many, after an indefinite plural
                count += 1
                continue
            joined = unglued(tok)
            if s.conjunction(tok) and len(tok.text) > 3 and not s.definite(joined) and (
                    self._describes(joined) or s.head_kind(joined) == "group"):
                j += 1  # مصادر أمنية وعشائرية: adjectives joined by و; سكان وشهود: another group
                count += 1
                continue
            if not tok.text[0].isalpha() or len(tok.text) < 2 or s.conjunction(tok) \
                    or doc.at(tok.start, "cue") is not None \
                    or any(s.is_word(tok, c) for c in ("intro", "intro_say", "skip", "response", "negation")) \
                    or (s.is_word(tok, "stop") and tok.text not in PREPOSITIONS and not s.is_word(tok, "other")):
                break
            actor = doc.at(tok.start, "actor")
            place = doc.at(tok.start, "country")
            if tok.text.startswith("ل") and doc.at(tok.start, "role", lambda m: m.value["kind"] == "outlet"
                                                   and m.prefix_len == 1) is not None:
                break  # مصدر أمني لوكالة «شفق نيوز»: the outlet it spoke to
            if actor is not None:
                if actor.prefix_len and doc.text[actor.start] == "ل" and self.actor_speaker(actor).kind == "outlet":
                    break  # مسؤول لرويترز: told to an outlet
                country = country or doc.lexicon.actors[actor.value].country
                j = s.index_after(actor.end)
            elif place is not None:
                if place.value.kind != "adjective" and toks[j - 1].text not in PREPOSITIONS:
                    break  # أبلغ مسؤولون أولمبيون اليابان …: the addressee, not the description
                country = country or place.value.iso3
                j = s.index_after(place.end)
            elif tok.text in PREPOSITIONS:
                if ((tok.text in ("عن", "علي", "الي") or tok.text in self.verb_needs) and self.verb_object) \
                        or (tok.text == "من" and self.verb_object and j + 1 < n and self._bare_noun(toks[j + 1])) \
                        or j + 1 >= n or not (
                        s.definite(toks[j + 1]) or doc.by_start.get(toks[j + 1].start) or self._construct(j + 1, n)):
                    break  # في وقت سابق: not part of the description (في جبهة الجفينة is)
                named = doc.at(toks[j + 1].start, "actor") or doc.at(toks[j + 1].start, "country")
                quoted = self._quoted_name_after(j + 2, n) if s.head_kind(toks[j + 1]) == "organization" else j + 2
                j = quoted if quoted > j + 2 else (  # الباحثين في شركة "زيمبريوم"
                    j + 1 if named is not None else self.construct_end(j + 1, n))  # في سوق الأسماك
            elif j == i + 1 and s.head_kind(toks[i]) == "group" and not s.definite(toks[i]) \
                    and not toks[i].text.endswith(("ون", "ين")) and not s.definite(tok) and s.head_kind(tok) != "group" \
                    and self._construct(j, n, head=True):
                j += 1  # وناشد شيوخ قبائل مأرب …، وطالب أعضاء مجلس الشورى …: a group in construct
            elif toks[j - 1].text.startswith(("ال", "وال")) and not tok.text.startswith("ال") and not s.definite(tok) \
                    and s.common_noun(tok):
                break  # أكد عدد من المعلمين أهمية …: an indefinite noun never describes a definite one
            elif self.verb_object and j == i + 1 and s.definite(toks[i]) and not toks[i].text.endswith("ات") \
                    and s.definite(tok) and s.written_ending(tok, "ة") and s.at(j, "country") is None \
                    and not tok.text.endswith(("يه", "ية")):  # (الجماهير النصراوية: a nisba describes them)
                break  # وأبدى المصطافون البهجة والسرور: a noun in ة after a definite group of people, the
                #        object (المنظمات الحقوقية: an adjective of a plural in ات)
            elif self.verb_object and j == i + 1 and s.definite(toks[i]) and s.head_kind(toks[i]) == "group" \
                    and s.definite(tok) and s.common_noun(tok) and not self._describes_by_form(tok) \
                    and s.at(j, "country") is None and doc.by_start.get(tok.start) is None:
                break  # واستنكر الوزراء العنف …: a singular noun after a definite group of people, the object
            elif self.verb_object and s.definite(toks[i]) and s.definite(tok) and tok.text.endswith("ين") \
                    and not tok.text.endswith("يين") and not s.is_word(tok, "role_adjective"):
                break  # وينصح الخبراء المستخدمين بحذف …: the people advised, the object (الاقتصاديين
                #        describes them)
            elif self.verb_object and (s.definite(toks[i]) or (j == i + 2 and s.definite(toks[j - 1]))) \
                    and tok.text[0] == "ب" and glued_noun(s, tok):  # (وطالب ذوو الضحايا بمحاسبة …: after its genitive)
                break  # ويطالب الخبراء بضرورة …: the object, behind its preposition (موظف بشركة الخطوط:
                #        a description)
            elif self.verb_object and count == 0 and tok.text[0] == "ب" and glued_noun(s, tok) \
                    and s.head_kind(unglued(tok)) is None and not doc.by_start.get(tok.start):
                break  # وطالب ناخبون بإعادة الفرز: what they call for (موظف بشركة الخطوط: where he works)
            elif self.verb_object and toks[j - 1].text not in PREPOSITIONS and (
                    (count > 0 and (s.head_kind(tok) or doc.at(tok.start, "role") is not None))
                    or (s.definite(tok) and s.head_kind(tok) == "group" and not s.is_word(tok, "other"))
                    or (count == 0 and toks[i].text.endswith(("ون", "ين")) and not tok.text.startswith("ل") and (
                        s.head_kind(tok) == "organization"
                        or doc.at(tok.start, "role", lambda m: m.value["kind"] != "anonymous")))):
                break  # طالب خبراء عقاريون وزارة الإسكان، طالب مواطن الجهات المختصة، طالب مواطنون وزارة
                #        الإسكان (a plural in ون is in construct with nothing): the object
            elif self.verb_object and not self._describes(tok):
                break  # استبعدت مصادر دبلوماسية انهيار الاتفاق: the object, not the description
            elif count > 0 and not self._describes(tok):
                break  # بحسب متعاملين في القطاع شهدت الأسواق …: the clause, past the description
            else:
                j += 1
            count += 1
        start = i
        if i > 0 and s.is_word(toks[i - 1], "quantity"):
            start = i - 1
        fs, fe = toks[start].start, toks[j - 1].end
        if toks[start].text[:3] in ("وال", "فال"):
            fs += 1  # والمستخدمون: the group, without the و that joins its clause
        surface = doc.surface(fs, fe)
        head = bare(toks[i].text)
        label = doc.words.group_labels.get(head) or (  # خبراء عقاريون: experts; موظفو الشركة: employees
            doc.words.group_labels.get(head + "ن") if head.endswith("و") else None)
        return Speaker(surface, surface, "anonymous", (fs, fe), country, label, None, gender), j

    def adjective_of(self, head: Mention, j: int, n: int) -> bool:
        """Whether token ``j`` describes the definite ``head`` (الهيئة الوطنية، المكتب الإعلامي،
        اللجنة المنظمة للمهرجان) rather than being its object (ورفضت الوزارة التعليق): an
        adjective that agrees (ـة after ـة, a nisba after a masculine head) or a لـ complement."""
        if j >= n:
            return False
        w = self.s.toks[j].text
        if self.s.is_word(self.s.toks[j], "addressee"):
            return False  # وقالت الوزارة للصحفيين
        if w.startswith("لل") or self.s.is_word(self.s.toks[j], "role_adjective"):
            return True
        if not w.startswith("ال"):
            return False
        return w.endswith("ه") if head.key.endswith("ه") else w.endswith("ي")

    def _bare_noun(self, tok: Token) -> bool:
        """An indefinite common noun that names no body, group, office or place: after من, what a
        verb that takes an object is about (وحذر خبراء من ارتفاع الأسعار), not where a group is from
        (مسؤولون من وزارة الصحة)."""
        s = self.s
        return tok.text.isalpha() and not s.definite(tok) and s.common_noun(tok) and s.head_kind(tok) is None \
            and not self.doc.by_start.get(tok.start)

    def _joined_name_part(self, j: int, n: int, count: int, organization: bool) -> int:
        """How many tokens from ``j`` go on a body's name past و, after what the body is for or a
        definite word of its name: a definite word (الهيئة العامة للغذاء والدواء، هيئة الشباب
        والرياضة، مدينة الملك عبدالعزيز للعلوم والتقنية) or an indefinite noun in construct with one
        (الهيئة العامة للمساحة وحماية الأراضي، هيئة الرقابة ومكافحة الفساد); 0 otherwise (وزارة
        الصحة والشرطة: two bodies)."""
        s, toks = self.s, self.s.toks
        tok, rest, before = toks[j], unglued(toks[j]), toks[j - 1]
        if tok.text[0] != "و" or s.is_word(tok, "any") or self.doc.at(tok.start, "cue") is not None:
            return 0
        after_purpose = before.text.startswith("لل") and (count > 0 or organization)
        if tok.text.startswith("وال"):
            listed = before.text.startswith("وال") and count > 0  # للمواصفات والمقاييس والجودة
            in_name = organization and s.definite(before) and s.head_kind(rest) is None
            return 1 if after_purpose or listed or in_name else 0
        in_construct = s.conjunction(tok) and j + 1 < n and s.definite(toks[j + 1]) and not s.definite(rest) \
            and s.common_noun(rest) and s.head_kind(rest) is None
        return 2 if in_construct and ((after_purpose and count > 0) or (organization and s.definite(before))) else 0

    def _describes_by_form(self, tok: Token) -> bool:
        """A word whose ending may make it an adjective of a group of people: a nisba or a plural
        (الخليجيون، الأمريكية، المختصين، المعنيون)."""
        return tok.text.endswith(("ي", "يون", "يين", "يه", "ين", "ون")) or self.s.written_ending(tok, "ة")

    def _describes(self, tok: Token) -> bool:
        """A word that may describe an unnamed source after its head: an adjective (دبلوماسية،
        مطلعة، رفيع، أمنيون), a definite word of a phrase already begun, or a word of the
        usual asides (طلب عدم نشر اسمه، رفض الكشف عن هويته)."""
        s = self.s
        return s.definite(tok) or self._describes_by_form(tok) or s.is_word(tok, "other") or s.is_word(tok, "any")

    def indefinite_adjectives(self, head: Mention, j: int, n: int) -> int:
        """Past the adjectives that agree with an indefinite feminine head, are nisbas or say
        how recent a report is (دراسة علمية حديثة، تقرير أمريكي، تقرير حديث): the index after them."""
        s = self.s
        feminine = head.key.endswith(("ه", "ات"))  # a plural of things agrees in the feminine (دراسات مختلفة)
        k = j
        while k < n and k - j < 3:
            tok = s.toks[k]
            if not tok.text.isalpha() or s.definite(tok) or s.is_word(tok, "any") or s.at(k, "cue") is not None:
                break
            if not ((feminine and self.s.written_ending(tok, "ة")) or tok.text.endswith(("ي", "يه"))
                    or s.is_word(tok, "report_adjective")):
                break
            k += 1
        return k

    def _head_in_construct(self, i: int, n: int) -> bool:
        """A speaker head made definite by what follows it (سكان القرية، أهالي حي النسيم، مجلس
        إدارة النادي)."""
        return self.s.head_kind(self.s.toks[i]) is not None and self._construct(i, n, head=True)

    def noun_phrase(self, i: int, n: int) -> Found:
        """Any definite noun phrase at token ``i`` with its adjectives and complements, as an
        unnamed body (المقاومة الشعبية وقوات الجيش الموالية للشرعية، الدراسة، نقابة
        الصحفيين، أهالي حي النسيم): the subject of a clause whose verb is not a reporting cue, when a
        participle or a verb later in the sentence speaks for it."""
        s, doc = self.s, self.doc
        toks = s.toks
        definite = s.definite(toks[i])
        if i >= n or not (definite or self._head_in_construct(i, n)) or s.is_word(toks[i], "any") \
                or s.at(i, "cue", lambda m: m.value["kind"] != "noun") is not None:
            return None
        j, _, country = self.complements(i + 1, n, definite_head=definite, name_may_follow=False, organization=True)
        while j + 1 < n and toks[j].text.startswith("و") and len(toks[j].text) > 3 \
                and (s.definite(unglued(toks[j])) or s.head_kind(toks[j])):
            j, _, more = self.complements(j + 1, n, definite_head=True, name_may_follow=False, organization=True)
            country = country or more  # … وقوات الجيش الموالية للشرعية
        fs, fe = toks[i].start, toks[j - 1].end
        surface = doc.surface(fs, fe)
        head = toks[i]
        plural = (head.text.endswith(("ون", "ين")) and s.head_kind(head) != "organization") \
            or s.head_kind(head) == "group"  # أهالي، تجار: the heads of groups are plurals
        kind = "anonymous" if plural or s.head_kind(head) == "group" else "organization"
        feminine = self.s.written_ending(head, "ة") or head.text.endswith("ات")  # الوزارة، القوات
        gender = "pl" if plural else ("f" if feminine else "m")
        label = doc.words.group_labels.get(bare(head.text)) if kind == "anonymous" else None  # أهالي: residents
        return Speaker(surface, surface, kind, (fs, fe), country, label, gender=gender, head=bare(head.text)), j
