"""Bodies in a speaker phrase: an organisation or outlet named by its head noun.

:class:`BodyPhrases` is part of :class:`parser.PhraseParser`: وزارة الداخلية، شبكة
«إن.بي.سي نيوز»، صحيفة «الغارديان» البريطانية، كتلة «المستقبل» النيابية، and a body of
a known organisation (مكتب إحصاءات الاتحاد الأوروبي).
"""
from __future__ import annotations

from ..mentions import Mention
from .speaker import Speaker, head_gender

Found = tuple[Speaker, int] | None
OUTLET_PURPOSES = ("للانباء", "للاخبار")  # folded: what an agency's name says it is for (وكالة الأناضول للأنباء)


class BodyPhrases:
    """The bodies' side of :class:`parser.PhraseParser` (uses its ``s``, ``d`` and ``doc``)."""

    def organization(self, head: Mention, j: int, n: int, org: Speaker | None,
                     surface: str, country: str | None) -> Found:
        """An organisation or outlet named by a head noun (وزارة، شبكة، وكالة) and what follows it."""
        toks, s, doc = self.s.toks, self.s, self.doc
        after_head = s.index_after(head.end)
        if org is not None and after_head < n and org.span[0] > toks[after_head].start:
            return Speaker(surface, surface, head.value["kind"], (head.key_start, toks[j - 1].end), country,
                           gender=head_gender(head.key)), j  # مكتب إحصاءات الاتحاد الأوروبي: a body of it
        if org is not None:
            return org, j
        if head.value["kind"] == "organization" and j < n and toks[j].text == '"':
            actor = doc.at(toks[j + 1].start, "actor") if j + 1 < n else None
            if actor is not None:  # حركة «حماس»
                k = s.index_after(actor.end)
                return self.actor_speaker(actor), k + (k < n and toks[k].text == '"')
            named = self.quoted_organization(head.key_start, j, n)
            if named is not None:
                return named
        if head.value["kind"] == "outlet":
            k = j
            opening = toks[k].text if k < n else ""
            closing = '"' if opening == '"' else ")" if opening == "(" and j == after_head else None
            #   صحيفة «الرياض»، صحيفة (سبورت): its name quoted, or in brackets right after the head
            if closing:
                k += 1
            actor = doc.at(toks[k].start, "actor") if k < n else None
            if actor is not None and doc.lexicon.actors[actor.value].kind in ("outlet", "agency"):
                sp = self.actor_speaker(actor)
                k = s.index_after(actor.end)
                k += k < n and toks[k].text == closing
                return sp, self._outlet_adjectives(k, n)
            if closing:
                close = next((x for x in range(k, min(n, k + 8)) if toks[x].text == closing), None)
                if close is not None and close > k:
                    name = doc.surface(toks[k].start, toks[close - 1].end)
                    end = self._outlet_adjectives(close + 1, n)
                    return Speaker(name, name, "outlet", (toks[k].start, toks[close - 1].end),
                                   self._country_between(close + 1, end), gender="f"), end
            if j > after_head:  # وكالة الأنباء الرسمية
                return Speaker(surface, surface, "outlet", (head.key_start, toks[j - 1].end), country, gender="f"), j
            return None
        if j == after_head and not (" " in head.key and head.definite(doc.text)):
            return None  # a bare head (حكومة) names nothing; a definite one of two words does (الدفاع المدني)
        return Speaker(surface, surface, "organization", (head.key_start, toks[j - 1].end), country,
                       gender=head_gender(doc.text[head.key_start:head.end])), j

    def _outlet_adjectives(self, k: int, n: int) -> int:
        """Past the country adjectives after an outlet's name, what it is for and the adjectives
        after that (صحيفة «الغارديان» البريطانية، وكالة الأناضول للأنباء الحكومية)."""
        start = k
        while k < n:
            tok = self.s.toks[k]
            if self.s.at(k, "country", lambda m: m.value.kind == "adjective") is not None:
                k = self.s.index_after(self.s.at(k, "country").end)
            elif tok.text in OUTLET_PURPOSES or (k > start and self.s.definite(tok) and tok.text.endswith(("يه", "ي"))
                                                 and not self.doc.by_start.get(tok.start)):
                k += 1  # وكالة الأناضول للأنباء الحكومية
            else:
                return k
        return k

    def _country_between(self, j: int, k: int) -> str | None:
        for x in range(j, k):
            place = self.s.at(x, "country")
            if place is not None:
                return place.value.iso3
        return None

    def quoted_organization(self, fs: int, j: int, n: int) -> Found:
        """An organisation head at folded ``fs`` named by the quotation at token ``j``, with its
        adjectives (كتلة «المستقبل» النيابية)."""
        toks, s = self.s.toks, self.s
        close = s.closing_quote(j + 1, min(n, j + 6))
        if close is None or close == j + 1 or s.quote_ends_sentence(close):
            return None
        k, country = close + 1, None
        if k < n and s.definite(toks[k]):  # an adjective, not the object (دعا الاتحاد «أياتا» سلطات الطيران)
            k, _, country = self.complements(k, n, definite_head=True, name_may_follow=False)
        surface = self.doc.surface(fs, toks[k - 1].end)
        return Speaker(surface, surface, "organization", (fs, toks[k - 1].end), country,
                       gender=head_gender(self.doc.text[fs:toks[j - 1].end])), k
