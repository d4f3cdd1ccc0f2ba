"""Persons in a speaker phrase: a name and the role that introduces or follows it.

:class:`PersonPhrases` is part of :class:`parser.PhraseParser`: the name a role or
title introduces (المتحدثة باسم الخارجية، ماريا زاخاروفا؛ العقيد الحارثي), a name
followed by its role (كوامي مينساه المتحدث باسم الحزب), a family name met before
(الشليل after سعد الشليل).
"""
from __future__ import annotations

from dataclasses import replace

from ..text import fold_key
from .names import (FILIATION, abstract_noun, clear_end, family_name, name_ends, name_span, name_word, plain_first_name,
                    titles_end, written_ali)
from .sentence import Token
from .speaker import Speaker
from .words import bare

ROLE_SCAN = 14  # words a role phrase's complements may run before its holder's name
EARLIER_MENTIONS = 8  # earlier places of a word looked at for the person it named there
Found = tuple[Speaker, int] | None


class PersonPhrases:
    """The persons' side of :class:`parser.PhraseParser` (uses its ``s``, ``d`` and ``doc``)."""

    def person_name(self, k: int, n: int, introduced: bool = False, alone: bool = False) -> Found:
        """A person's name at token ``k`` that ends where a name may end: a known person, or an
        unknown name (see :func:`names.name_span`); a quoted name keeps its quotes."""
        toks, s = self.s.toks, self.s
        quoted = k < n and toks[k].text == '"'
        k += quoted
        if k >= n:
            return None
        actor = s.at(k, "actor")
        if actor is not None:
            sp = self.actor_speaker(actor)
            if sp.kind != "person":
                return None
            j = s.index_after(actor.end)
        elif self.needed_object(toks[k]):
            return None  # ووجه الأمير بفتح تحقيق: what the verb needs, not a name
        else:
            j = name_span(s, k, n, introduced, alone)
            if j is None and quoted and introduced and k + 1 < n and toks[k + 1].text == '"' \
                    and toks[k].text.isalpha() and not s.known(toks[k]):
                j = k + 1  # نقلت الوكالة عن «فالون»: one unknown word in quotes, whatever letter it begins with
            cut = None if j is None else next((z for z in range(k + 1, j) if self.needed_object(toks[z])), None)
            j = cut or j  # ورفع الأمير بندر بن عبدالله أسمى آيات الشكر: the thanks it raises end the name
            end = None if j is None else j + (quoted and j < n and toks[j].text == '"')
            if end is None or not (cut or name_ends(s, end, n)):
                return None
            if not (s.starts_name(k) or written_ali(s, k, n) or toks[k + 1 if k + 1 < n else k].text in FILIATION) \
                    and not clear_end(s, end, n) or (j == k + 1 and not clear_end(s, end, n)):
                return None  # تشكيل الحكومة، أكد المحافظ حرص ومتابعة: nouns, not names
            if j == k + 1 and not s.starts_name(k) and toks[k].text.endswith("ا") \
                    and not (j < n and (toks[j].text == ":" or s.is_(j, "intro", "intro_say"))):
                return None  # أبدى رئيس اللجنة تفهما: an accusative noun (وقال اللاعب كوستا إن: a name)
            if j > k + 1 and not s.starts_name(k) and (s.common_noun(toks[k]) or abstract_noun(s, toks[k])) \
                    and s.definite(toks[k + 1]) \
                    and not ((introduced or s.is_word(toks[k], "word_first_name")) and family_name(s, toks[k + 1])) \
                    and not (alone and s.at(k - 1, "role", lambda m: m.value["kind"] == "title") is not None):
                return None  # وأرجع الخبير ارتفاع الأسعار إلى: a noun in construct, the object (المواطن
                #              منيع الحارثي: a name; after a title, الدكتور رياض المصطفى: always a name)
            if alone and j < n and s.is_word(toks[j], "same"):
                return None  # النائب المعارض نفسه: an adjective, then "the same"
            fs, fe = toks[k].start, toks[j - 1].end
            sp = self.d.names.get(" ".join(self.doc.text[fs:fe].split()))
            if sp is None:
                surface = self.doc.surface(fs, fe)
                sp = self._listed_by_family(k, j, surface) \
                    or Speaker(surface, surface, "person", (fs, fe), gender=self._name_gender(toks[k]))
        closed = quoted and j < n and toks[j].text == '"'
        if quoted and not closed or closed and s.quote_ends_sentence(j):
            return None  # قال الوزير "نعم سنفعل".، وقالت الباحثة، "بدأنا نؤمن أن …": the words said,
            #   not a quoted name (a quoted name closes right after it)
        return sp, j + closed

    def _listed_by_family(self, k: int, j: int, surface: str) -> Speaker | None:
        """The listed person whose family name alone ends the name at tokens ``k``..``j`` and
        whose first name it begins with, however spelled (فدريكا موغيريني، خالد سالم بحاح);
        None for another man of that family (حسن الشيباني، سالم بن هلال البوسعيدي)."""
        family = self.s.at(j - 1, "actor")
        if family is None or j - 1 == k or not self.s.family_alias(self.s.toks[j - 1]):
            return None
        actor = self.doc.lexicon.actors[family.value]
        first = _skeleton(self.s.toks[k].text)
        if not any(len(alias.split()) > 1 and _skeleton(fold_key(alias.split()[0])) == first for alias in actor.aliases_ar):
            return None
        sp = self.actor_speaker(family)
        return replace(sp, name_ar=surface, span=(self.s.toks[k].start, family.end))

    def _name_gender(self, tok: Token) -> str | None:
        """m / f from a listed first name, else unknown."""
        return self.doc.words.first_name_gender.get(tok.text)

    def holder(self, j: int, n: int, introduced: bool) -> tuple[Speaker, int, int] | None:
        """The person a role phrase names after its complements (token ``j``): right there, after
        a comma or titles, or a few words on (مدير العلاقات العامة والإعلام بجمعية البر، وليد …).
        An unknown name may stand where the role words can end (``introduced`` at ``j``, after a
        comma or a definite word). Returns (speaker, next index, end of the role words)."""
        toks, s = self.s.toks, self.s
        p, inner_named = j, False
        while p < min(n, j + ROLE_SCAN):
            skipped = self._inside_role(p, n)
            if skipped > p:
                p = skipped
                continue
            tok = toks[p]
            if self.needed_object(tok):
                return None  # وأهاب رئيس اللجنة بكافة الزملاء …: what the verb asks, no name after it
            if s.is_word(tok, "allegiance"):
                return None  # قائد ميداني موال للرئيس عبد ربه منصور هادي: the name of the side he takes
            k = p + 1 if tok.text in (",", ";") else p
            titled = titles_end(s, k, n) if k < n else None
            if titled is not None:
                named = self.person_name(titled, n, introduced=True, alone=True)
            else:
                before = toks[p - 1].text
                opened = (introduced and p == j) or k > p or s.definite(toks[p - 1]) or inner_named \
                    or (before[0] == "ل" and len(before) > 3) \
                    or (p > 1 and self._body_name_after_head(p - 1, n, then_name=False)
                        and self._two_word_name_at(p, n))
                #       الرئيس المدير العام لسوناطراك توفيق حكار، مؤسس موقع ويكيليكس جوليان أسانج، حاكم
                #       ولاية كاليفورنيا جيري براون
                office = k == p and k < n and s.at(k, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len)
                named = self.person_name(k, n, opened, introduced and p == j) if k < n and not office else None
                #       … أخصائي طب وجراحة العيون رئيس لجنة …: another office on the chain (رئيس is
                #       also a listed first name), no name
            after_title = titles_end(s, named[1], n) if named is not None and titled is None and named[1] < n \
                and not (introduced and p == j and s.at(p - 1, "role", lambda m: m.value["kind"] == "title")) else None
            #   (شكر الشيخ الحربي اللواء العتيبي: a title and a family name, then the one thanked)
            if after_title is not None and after_title < n:
                named = self.person_name(after_title, n, introduced=True, alone=True) or named
                #   المدير التنفيذي لمؤسسة عبد اللطيف جميل د. سعد الحربي: the body's eponym, then the title and
                #   name of the one who heads it (not رئيس النادي سعد الحربي الفريق: the team he visited)
            if named is not None and titled is None and not introduced and p == j and named[1] < n \
                    and self._office_in_complement(p - 1):
                p, inner_named = named[1], True  # مستشار الرئيس بوتين يوري أوشاكوف، السكرتير الخاص للرئيس
                continue  #     هادي: the name of the office in the complement, not of the one who speaks
            if named is not None and named[1] < n and toks[named[1]].text in ("التابع", "التابعه"):
                p = named[1] + 1  # غرفة عمليات عمر المختار التابعة للجيش الليبي عبدالكريم صبرا: the body's
                continue  #       eponym, then what it belongs to, then the holder
            if named is not None:
                sp, e = named
                if e < n and toks[e].text in (",", ";"):
                    e += 1
                return sp, e, p
            if titled is None and k == p and s.definite(tok) and plain_first_name(s, p + 1, n):
                p += 1  # الناشط الحقوقي حسن الشيباني: an adjective of the role, then the name
                continue
            if titled is not None or tok.text in (",", ";") or not self._role_word(tok) \
                    or (tok.text in ("الي", "علي", "عن") and not self._member_for(p)
                        and (self.verb_object or not (p + 1 < n and s.definite(toks[p + 1])))):
                return None  # ولفت الشيخ إلى زيادة …، وأعرب والد الشهيد عن الشكر …: what the verb points to or
                #              takes, no role words
            p += 1
        return None

    def _office_in_complement(self, k: int) -> bool:
        """Whether the office at token ``k`` is a complement of the role before it, behind لـ or in
        construct with an office or a body's head (السكرتير الخاص للرئيس، مستشار الرئيس، مدير مكتب
        الرئيس): a name right after it is that office's holder; not an office in apposition (مدير
        الإدارة القانونية بالوزارة المستشار …، أمير المنطقة الأمير …: the same person)."""
        s = self.s
        office = s.at(k, "role", lambda m: m.value["kind"] == "official") if k > 0 else None
        if office is None or s.at(k, "role", lambda m: m.value["kind"] == "title") is not None:
            return False  # (… بمنطقة الجوف الأستاذ …: a title before the name)
        whole = s.at(k - 1, "role", lambda m: m.end >= office.end)
        if whole is not None:
            return False  # نائب الرئيس خالد بحاح: one listed office, not the president's deputy
        before = s.toks[k - 1]
        glued = self.doc.text[office.start:office.key_start].lstrip("وف").startswith("ل")
        return glued or (not s.definite(before) and before.text[0] != "و" and (s.head_kind(before) is not None or s.at(
            k - 1, "role", lambda m: m.value["kind"] == "official") is not None))

    def _member_for(self, p: int) -> bool:
        """An عن at token ``p`` after a word of ``represents``: what a member or envoy stands for
        (النائب عن محافظة البصرة، ممثل عن الوزارة), part of the role words."""
        return p > 0 and self.s.toks[p].text == "عن" \
            and bare(self.s.toks[p - 1].text) in self.doc.words.of("represents")

    def _two_word_name_at(self, p: int, n: int) -> bool:
        """Whether a name of two words or more, or a first name, starts at token ``p``: after a body
        or place named by one word, one more word is rather the rest of its name (رئيس حكومة ولاية
        شلزفيغ هولشتاين، كان …) than a person's (مؤسس موقع ويكيليكس جوليان أسانج)."""
        s = self.s
        return s.first_name(s.toks[p]) or (p + 1 < n and name_word(s, s.toks[p + 1], first=False)
                                           and not s.definite(s.toks[p + 1]))

    def _inside_role(self, p: int, n: int) -> int:
        """Past words at token ``p`` that belong to the role's organisation, not to its holder:
        a bracketed short name (حركة المقاومة الإسلامية (حماس)), a quoted one before a title or
        a first name (رئيس مجلس إدارة شركة «النخبة» المهندس …، مدير المدينة الرياضية «الملعب»
        خالد …) or an institution's royal eponym (مركز الملك سلمان بن عبدالعزيز
        للإغاثة); else ``p``."""
        toks, s = self.s.toks, self.s
        if toks[p].text in ("(", '"'):
            closing = ")" if toks[p].text == "(" else '"'
            close = next((c for c in range(p + 1, min(n, p + 5)) if toks[c].text == closing), None)
            if close is not None and closing == '"' and not (
                    close + 1 < n and (titles_end(s, close + 1, n) is not None or s.first_name(toks[close + 1]))):
                return p  # رئيس الفرع «سالم الكعبي» من …: the holder's own name in quotes
            return close + 1 if close is not None else p
        if self._eponym(p) and p + 1 < n and name_word(s, toks[p + 1], first=False):
            p += 2
            while p + 1 < n and toks[p].text in FILIATION:
                p += 2
        return p

    def _role_word(self, tok: Token) -> bool:
        """A word that may continue a role phrase before its holder's name (بجمعية، والإعلام)."""
        s = self.s
        return tok.text.isalpha() and not (self.doc.at(tok.start, "cue") is not None or any(
            s.is_word(tok, c) for c in ("intro", "intro_say", "skip", "negation", "subordinator", "contrast")))

    def _eponym(self, p: int) -> bool:
        """A royal title after an institution noun: the name belongs to the institution
        (مستشفى الملك فهد، مركز الملك سلمان للإغاثة)."""
        toks, s = self.s.toks, self.s
        if p == 0 or not s.is_word(toks[p], "eponym"):
            return False
        before = toks[p - 1]
        return before.text.isalpha() and not s.definite(before) and self.doc.at(before.start, "role") is None

    def name_then_role(self, i: int, n: int) -> Found:
        """An unknown name followed by its role (بيتر سوذرلاند، مبعوث الأمين العام / كوامي مينساه
        المتحدث باسم الحزب / إلسا جونزاليز رئيسة اتحاد الصحفيين)."""
        toks, s = self.s.toks, self.s
        named = self.person_name(i, n, introduced=True)
        if named is None or named[1] - i < 2:
            return None  # نجل الرئيس: one word before a role is a noun, not a name
        j = named[1]
        if not (j < n and toks[j].text in (",", ";") or s.starts_name(i)
                or not any(s.definite(t) for t in toks[i:j])):
            return None  # يؤكد حرص الزعيمين الكبيرين الرئيس …: a noun phrase before a role
        j += j < n and toks[j].text in (",", ";")
        if j < n and s.at(j, "role", lambda m: m.value["kind"] == "official" and not m.prefix_len):
            return named
        return None

    def _unknown_word(self, word: str) -> bool:
        """A word no list knows, not a definite one: a foreign first name (مانيش جوبتا)."""
        return word.isalpha() and len(word) > 2 and not word.startswith(("ال", "و")) \
            and word not in self.doc.words.classes_of

    def _earlier_mentions(self, tok: Token):
        """The (start, end) of ``tok``'s word where it stood earlier in the article, as a whole
        word after a space, the nearest first and at most EARLIER_MENTIONS of them."""
        text, w = self.doc.text, tok.text
        end = tok.start
        for _ in range(EARLIER_MENTIONS):
            pos = text.rfind(" " + w, self.doc.start, end)
            if pos < 0:
                return
            after = pos + 1 + len(w)
            if after >= len(text) or not text[after].isalpha():
                yield pos, after
            end = pos

    def met_after_first_name(self, tok: Token) -> bool:
        """Whether ``tok`` (الشليل، جوبتا) stood earlier in the article right after a first name,
        a name link or a word no list knows (… سعد الشليل، مانيش جوبتا): the family name of a
        person met before."""
        doc = self.doc
        for pos, _ in self._earlier_mentions(tok):
            before = doc.text[max(doc.start, pos - 30):pos].split()
            if before and (
                    before[-1] in doc.words.of("first_name") or before[-1] in doc.words.of("name_link")
                    or (len(before) > 1 and before[-2] in doc.words.of("name_link"))
                    or self._unknown_word(before[-1])):
                return True
        return False

    def full_name_met(self, tok: Token) -> tuple[int, int] | None:
        """The span of the first name and ``tok`` where the article named that person before
        (التقى الوزير سامي فيلدمان … وانتقد فيلدمان: سامي فيلدمان), when ``tok`` is a foreign family
        name, without the article, and every earlier mention of it after a first name has the same
        one; else None."""
        if self.s.definite(tok) or self.s.common_noun(tok) or tok.text.endswith(("ون", "ين")):
            return None  # الدخيل: an Arab family name, which a relative may share; بدلة، الباحثون: a
            #   word or a plural, whatever stood before it
        text = self.doc.text
        found, firsts = None, set()
        for pos, after in self._earlier_mentions(tok):
            first = text.rfind(" ", self.doc.start, pos)
            if text[first + 1:pos] in self.doc.words.of("first_name"):
                firsts.add(text[first + 1:pos])
                found = found or (first + 1, after)
        return found if len(firsts) == 1 else None


def _skeleton(word: str) -> str:
    """A folded name word without its long vowels, to match spellings of one foreign name
    (فدريكا and فيديريكا، بترو and بيترو، فرنسوا and فرانسوا)."""
    return "".join(c for c in word if c not in "اوي")
