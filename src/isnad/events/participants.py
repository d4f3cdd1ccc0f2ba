"""Participants: the noun phrases of a sentence that can act or be acted upon.

A sentence is cut once into phrases (:func:`phrases_of`), left to right; each phrase is
read from its head, whatever its words:
- a name the lexicon knows (actors.tsv: persons, organisations; places_events.tsv: armed
  groups such as الحوثيين), with its country;
- a country or its capital (واشنطن), or a people (الأمريكيون، حوثيا);
- a head noun of ``event_heads.tsv`` (قوات، مسلحين، وزارة، حزب، متظاهرين، مواقع) or a role of
  ``role_heads.tsv`` (وزير، المتحدث باسم), with its complements: genitives, adjectives,
  known names, places, ``التابعة لـ`` / ``الموالية لـ`` / ``بقيادة`` and a quoted name.
The country of a phrase is the first one its words give (a nisba, a country, a known
name, a place); a head with none takes the country of the scene later
(:mod:`isnad.events.scene`).  A phrase that names a target (مواقع للحوثيين، تعزيزات تابعة
لميليشيات الحوثي) keeps the owner it names.  The marker before a phrase (على، ضد، مع، إلى،
من قبل, or ب / ل glued to its first word) says how it takes part.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .sentence import EventSentence

AGENT_KINDS = ("state", "force", "armed", "people", "igo", "body", "person", "official", "organization",
               "government", "country", "group", "people_of")
NAMING = ("actor", "role", "country")  # the lexicon mentions a phrase may begin with
COMPLEMENT_WORDS = 10  # words a phrase's complements may run
NAME_WORDS = 4  # unknown words after a role that may be its holder's name
STOP_ROLES = ("barrier", "relative", "modality", "adverb", "passive", "claim", "request")  # roles no phrase runs over


@dataclass(slots=True)
class Party:
    """A participant phrase: tokens ``first..last-1`` of its sentence."""

    first: int
    last: int
    name: str
    name_ar: str
    kind: str  # person | official | organization | government | country | group | people_of | state |
    #            force | armed | people | igo | body | target | place
    span: tuple[int, int]  # folded offsets
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None  # m | f | pl
    armed: bool = False
    marker: str | None = None  # on | against | with | to | from | about | between | by | in | ...
    owner: "Party | None" = None  # the owner a target phrase names (مواقع للحوثيين)
    place_country: str | None = None  # the country of a place complement (القرويين في النيجر)
    conjuncts: list["Party"] = field(default_factory=list)  # phrases coordinated after it (و …)
    coordinated: bool = False  # opened by و: a conjunct of the phrase before
    former: bool = False
    country_from_scene: bool = False

    @property
    def agent(self) -> bool:
        """Whether the phrase names someone who can act (not a place or a thing)."""
        return self.kind in AGENT_KINDS

    @property
    def chain(self) -> list["Party"]:
        return [self] + self.conjuncts


def marker_of_prefix(prefix: str) -> str | None:
    """with for ب, to for ل / لل glued before a word (after و or ف)."""
    p = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
    if p.startswith("ب"):
        return "with"
    if p.startswith("ل"):
        return "to"
    return None


class PhraseReader:
    """Reads the participant phrases of one sentence."""

    def __init__(self, s: EventSentence):
        self.s = s
        self.lexicon = s.doc.lexicon

    # -- the phrases of the sentence ---------------------------------------------------
    def phrases(self) -> list[Party]:
        """Every participant phrase, left to right, conjuncts attached to the first."""
        s = self.s
        out: list[Party] = []
        named = {i for i, ms in s.mentions.items() if any(m.category in NAMING for m in ms)}
        nominal, numbers, names = s.nominal, s.numbers, s.role_names
        may_start = [i for i in range(s.n) if nominal[i] or numbers[i] or i in named or "quantity" in names[i]]
        free = 0  # the first token no phrase covers
        for i in may_start:
            if i < free:
                continue
            party = self.read(i)
            if party is None:
                continue
            party.marker = self.marker_before(party)
            if out and self.coordinated(out[-1], party):
                party.coordinated = True
                first = next(p for p in reversed(out) if not p.coordinated)
                first.conjuncts.append(party)
            out.append(party)
            free = party.last
        return out

    def coordinated(self, prev: Party, party: Party) -> bool:
        """A phrase glued to و right after another one (الحوثيين وقوات صالح): a conjunct."""
        s = self.s
        return (self._conjoined(party.first) and party.first in (prev.last, prev.last + 1)
                and (party.first == prev.last or s.words[prev.last] == ",") and party.marker is None
                and not s.readings(party.first))

    def marker_before(self, party: Party) -> str | None:
        """The marker word right before the phrase (skipping a quantity), or ب / ل glued to it."""
        s = self.s
        k = party.first - 1
        while k >= 0 and (s.has_role(k, "quantity") or s.is_number(k)):
            k -= 1
        for size in (2, 1):  # من قبل before قبل
            j = k - size + 1
            if j < 0 or "marker" not in s.role_names[j]:
                continue
            for found, role, value in s.roles(j):
                if role == "marker" and found == size:
                    return value
        return party.marker

    # -- one phrase ----------------------------------------------------------------------
    def read(self, i: int) -> Party | None:
        """The phrase at token ``i`` (after a quantity: عشرات المسلحين، ثلاثة من مقاتلي)."""
        s = self.s
        h = self._past_quantity(i)
        if h >= s.n:
            return None
        if s.eventive(h) and not self._whole_head(h):
            return None  # المساعدة، الاجتماع: an event word, not a participant
        party = (self._actor(h) or self._place(h) or self._head(h) or self._role(h))
        if party is None:
            return None
        if h > i:
            party.first = i
            party.span = (s.starts[i], party.span[1])
            party.name_ar = s.surface(i, party.last)
        return party

    def _past_quantity(self, i: int) -> int:
        """Index past a number or quantity (نحو 50، أكثر من، عشرات من، أحد) before a noun."""
        s = self.s
        if not (s.numbers[i] or "quantity" in s.role_names[i]):
            return i
        k = i
        seen = False
        while k < s.n and (s.is_number(k) or s.has_role(k, "quantity")
                           or (seen and s.words[k] in ("من", "علي", "الاقل", "الأقل"))):
            seen = True
            k += 1
        return k if seen else i

    def _new(self, first: int, last: int, name: str, kind: str, prefix: str = "", extended: bool = False,
             **kw) -> Party:
        """The phrase of tokens ``first..last-1`` without its proclitics; one whose complements
        are read next (``extended``) gets its Arabic text from :meth:`_complements`."""
        s = self.s
        start = s.starts[first] + _clitic_chars(prefix)
        end = s.ends[last - 1]
        party = Party(first, last, name, "" if extended else s.doc.surface(start, end), kind, (start, end), **kw)
        party.marker = marker_of_prefix(prefix)
        return party

    def _actor(self, i: int) -> Party | None:
        """A name of the lexicon (actors.tsv), with its complements when it heads a phrase."""
        s = self.s
        m = s.mention(i, "actor")
        if m is None:
            return None
        actor = self.lexicon.actors[m.value]
        if actor.kind == "person" and "ال" in s.text[m.start:m.key_start]:
            return None  # الكاميرون is a country, not Cameron: a name takes no article
        end = s.end_of(m)
        kind = {"government": "government", "outlet": "body", "agency": "body"}.get(actor.kind, actor.kind)
        party = self._new(i, end, actor.name_en, kind, s.text[m.start:m.key_start],
                          extended=kind != "person", entity_id=actor.entity_id, country=actor.country,
                          gender=actor.gender if actor.kind == "person" else "f",
                          armed=actor.kind == "organization" and (self._armed_group(m.key) or self._armed_head(m.key)))
        if kind == "person":
            party.sector = self._role_sector(actor.entity_id)
        else:
            head = s.tables.heads.match(m.key.split(), 0)
            party.sector = head[0][1].sector if head else None  # الجيش الإسرائيلي: MIL
            self._complements(party, end)
        return party

    def _armed_head(self, key: str) -> bool:
        """A name headed by a noun of armed forces (الجيش الإسرائيلي، قوات الدعم السريع)."""
        found = self.s.tables.heads.match(key.split(), 0)
        return any(h.kind in ("force", "armed") for _, h, _ in found)

    def _armed_group(self, key: str) -> bool:
        found = self.s.tables.places.match(key.split(), 0)
        return any(p.kind == "group" for _, places, _ in found for p in places)

    def _role_sector(self, entity_id: str) -> str | None:
        role = self.lexicon.role_on(entity_id, self.s.doc.published)
        if role is None:
            return None
        if role.country is None:
            return "IGO"
        return "MIL" if any(w in role.role_en for w in ("Defen", "Army", "Military", "Commander", "Staff")) else "GOV"

    def _place(self, i: int) -> Party | None:
        """A country, capital, people, armed group or city (a city is a place, not an actor)."""
        s = self.s
        found = s.place(i)
        if found is None:
            return None
        size, place, prefix = found
        if s.has_role(i, "adverb"):
            return None  # باكرا is "early", not ب + a town
        end = i + size
        if place.kind == "group":
            head = s.head(i)  # مقاتلات التحالف: feminine; الحوثيون: plural; a bare name: either
            gender = head[1].gender if head else "pl" if s.words[i].endswith(("ين", "ون")) else None
            party = self._new(i, end, place.name_en or s.surface(i, end), "group", prefix, extended=True,
                              country=place.iso3
                              if place.iso3 != "IMG" else None, armed=True, gender=gender, sector="REB")
            self._complements(party, end)
            return party
        if place.kind in ("country", "capital"):
            return self._new(i, end, s.tables.country_names.get(place.iso3, place.name_en or ""), "country",
                             prefix, country=place.iso3, gender="f", sector="GOV")
        if place.kind == "demonym":
            w = s.words[i]
            if i > 0 and _definite(s.words[i - 1]) and s.is_word(i - 1) and not (
                    s.nominal[i - 1] or s.readings(i - 1) or s.roles(i - 1) or (i - 1) in s.mentions):
                return None  # السياح الروس: the nationality of a noun no table knows, not a people
            person = w.endswith("ي") and not _definite(w) and i > 0 and bool(s.readings(i - 1))  # قتل فلسطيني
            if not (w.endswith(("يين", "يون", "يا", "يان", "يتان")) or not w.endswith(("ي", "يه", "يات")) or person):
                return None  # an adjective left alone (الأمريكي، روسية): it describes, it does not act
            return self._new(i, end, s.surface(i, end), "people_of", prefix, country=place.iso3, gender="pl",
                             armed=place.name_en == "Houthis")
        party = self._new(i, end, s.surface(i, end), "place", prefix, country=place.iso3)
        party.place_country = place.iso3
        return party

    def _head(self, i: int) -> Party | None:
        """A head noun of event_heads.tsv and its complements."""
        s = self.s
        found = s.head(i)
        if found is None or s.readings(i) and not _plural_head(found[1].kind):
            return None
        size, head, prefix = found
        party = self._new(i, i + size, "", head.kind, prefix, extended=True, sector=head.sector, gender=head.gender,
                          armed=head.kind in ("force", "armed"))
        self._complements(party, i + size)
        party.name = party.name_ar if party.entity_id is None else party.name
        return party

    def _role(self, i: int) -> Party | None:
        """An office of role_heads.tsv (وزير الخارجية الأميركي، المتحدث باسم الحكومة) and
        its holder's name when it follows."""
        s = self.s
        m = s.mention(i, "role")
        if m is None or m.value["kind"] not in ("official", "organization", "title", "anonymous"):
            return None
        end = s.end_of(m)
        party = self._new(i, end, "", "state" if m.value["kind"] == "organization" else "official",
                          s.text[m.start:m.key_start], extended=True,
                          sector="GOV" if m.value["kind"] != "anonymous" else None,
                          gender=m.value["gender"] if m.value["gender"] in ("m", "f", "pl") else "m")
        self._complements(party, end, names=m.value["name"] == "yes" or m.value["kind"] == "title")
        holder = next((self._actor(k) for k in range(i + 1, party.last) if s.mention(k, "actor") is not None
                       and self.lexicon.actors[s.mention(k, "actor").value].kind == "person"), None)
        if holder is not None:  # الرئيس الأميركي باراك أوباما: the office's holder is known
            party.entity_id, party.name = holder.entity_id, holder.name
            party.country = party.country or holder.country
        if party.entity_id is None:
            party.name = party.name_ar
        return party

    # -- complements ---------------------------------------------------------------------
    def _complements(self, party: Party, k: int, names: bool = False) -> None:
        """Extend ``party`` over the words that complete it from token ``k`` and take the
        country, owner and name they give.  An indefinite head takes a genitive (قوات
        الجيش، طائرات التحالف، مقاتلي ميليشيا الحوثي); any head takes adjectives (القوات
        الأمنية العراقية، مسلحون حوثيون), a link with its complement (الموالية لـ، التابعة
        لـ، بقيادة)، من of a part (قوات من جيش الاحتلال), في with a place, a quoted name and,
        after an office, its holder's name; a target takes its owner with لـ (مواقع للحوثيين)."""
        s = self.s
        definite = _definite(s.words[k - 1]) or party.kind in ("person", "country", "group", "organization")
        open_ = not definite
        count = 0
        named = 0
        plain_adjectives = 0
        while k < s.n and count < COMPLEMENT_WORDS:
            w = s.words[k]
            if w in ('"', "("):
                close = next((c for c in range(k + 1, min(s.n, k + 6)) if s.words[c] in ('"', ")")), None)
                if close is None or close == k + 1:
                    break
                inner = self._actor(k + 1) or self._place(k + 1)
                if inner is not None and inner.kind in ("organization", "group") and party.kind != "target":
                    self._take_name(party, inner)
                k = close + 1
                count += 1
                continue
            if not s.alpha[k] or w[0] == "و" and self._conjoined(k) or self._stops(k):
                break
            roles = s.role_names[k]
            if "link" in roles:
                k += s.role(k, "link")[0]
                count += 1
                open_ = True
                continue
            if "former" in roles:
                party.former = True
                k += 1
                count += 1
                continue
            if "marker" in roles:
                if w == "في" and k + 1 < s.n and party.kind in ("official", "people", "state", "body") \
                        and party.country is None:
                    place = s.place(k + 1)
                    if place is not None and place[1].kind in ("country", "capital"):
                        party.country = place[1].iso3  # مصادر سياسية في إسرائيل
                        k += 1 + place[0]
                        count += 2
                        continue
                    inner = self._head(k + 1) if s.head(k + 1) is not None else None
                    if inner is not None and inner.kind in ("state", "body") and inner.country:
                        party.country = inner.country  # عضو في البرلمان الأردني
                        k = inner.last
                        count += 2
                        continue
                if w == "من" and k + 1 < s.n and party.kind in ("force", "armed", "people", "state") \
                        and count == 0 and (s.head(k + 1) or s.mention(k + 1, "actor") or s.place(k + 1)):
                    k += 1  # قوات من جيش الاحتلال، ثلاثة من مقاتلي
                    open_ = True
                    continue
                break
            taken = self._named_complement(party, k, open_)
            if taken is not None:
                k, open_ = taken
                count += 1
                continue
            if self._adjective(k, definite):
                k += 1
                count += 1
                open_ = False  # no genitive after an adjective: طائرات حربية | مواقع …
                if s.has_role(k - 1, "armed"):
                    party.armed = True
                continue
            if definite and not open_ and (s.has_role(k, "adjective") or _definite(w) and not w.startswith(
                    ("لل", "بال", "كال")) and w.endswith("ه") and party.gender == "f" and not s.roles(k)) \
                    and not s.readings(k) and plain_adjectives < 2:
                k += 1  # an adjective the tables do not know: المنطقة العسكرية الثالثة
                count += 1
                plain_adjectives += 1
                continue
            if s.readings(k) and not s.head(k):
                break
            if open_ and _definite(w) and not w.startswith("لل") and not s.roles(k):
                k += 1  # a genitive the tables do not know: طائرات التحالف، جيش الاحتلال
                count += 1
                open_ = False
                continue
            if open_ and w in s.doc.first_names:
                k += 1  # قوات صالح، جيوش علي صالح: a person's name in construct
                count += 1
                open_ = False
                continue
            if open_ and k + 1 < s.n and _definite(s.words[k + 1]) and not w.startswith(("ب", "ل")) \
                    and not s.roles(k) and not s.readings(k + 1) and count < 3:
                k += 1  # a noun in construct: قذيفة هاون، شبكة أطباء السودان
                count += 1
                continue
            title = s.mention(k, "role")
            if names and title is not None and title.value["kind"] == "title":
                k = s.end_of(title)  # مفتي مصر الدكتور شوقي علام: a title before the holder's name
                count += 1
                continue
            if names and named < NAME_WORDS and not _definite(w) and not s.roles(k) and len(w) > 1 \
                    and s.head(k) is None and s.place(k) is None:
                k += 1  # the holder's name after an office: وزير الخارجية الأميركي جون كيري
                count += 1
                named += 1
                continue
            break
        party.last = max(party.last, k)
        party.span = (party.span[0], s.ends[party.last - 1])
        party.name_ar = s.doc.surface(party.span[0], party.span[1])

    def _stops(self, k: int) -> bool:
        """A word no phrase runs over: a clause opener, a particle, a reporting cue, a verb."""
        s = self.s
        names = s.role_names[k]
        if not names.isdisjoint(STOP_ROLES) and names.isdisjoint(("former", "link")):
            return True
        if s.mention(k, "cue") is not None and not s.head(k):
            return True
        readings = s.readings(k)
        return bool(readings) and all(r.form.tense != "noun" for r in readings)

    def _named_complement(self, party: Party, k: int, open_: bool) -> tuple[int, bool] | None:
        """A known name, place, country or head noun at ``k`` that completes the phrase:
        (next index, whether the phrase is still open), or None."""
        s = self.s
        glued = marker_of_prefix(s.words[k][:2]) == "to" or s.words[k].startswith("لل")
        owner_slot = glued and party.kind in ("target", "area", "official", "state")  # مواقع للحوثيين،
        #                                     السكرتير الصحفي للبيت الأبيض: whose it is
        actor = s.mention(k, "actor")
        if actor is not None and (open_ or owner_slot):
            inner = self._actor(k)
            self._take(party, inner, s.text[actor.start:actor.key_start])
            return inner.last, False
        place = s.place(k)
        if place is not None:
            size, p, prefix = place
            if p.kind == "demonym" and not (owner_slot and _plural_people(s.words[k])):
                if party.country is None and p.iso3:
                    party.country = p.iso3  # an adjective: القوات العراقية، مسلحون حوثيون
                return k + size, False
            if not (open_ or owner_slot):
                return None
            if p.kind in ("group", "demonym"):
                inner = self._place(k)
                if inner is not None:  # (المتحدث الشرعي للفلسطينيين: a people a party speaks for, no party of its own)
                    self._take(party, inner, prefix)
            elif p.kind in ("country", "capital"):
                party.country = party.country or p.iso3
            elif p.iso3:
                party.place_country = party.place_country or p.iso3
            return k + size, False
        country = s.mention(k, "country")
        if country is not None and (open_ or country.value.kind == "adjective"):
            party.country = party.country or country.value.iso3
            return s.end_of(country), False
        role = s.mention(k, "role")
        if role is not None and open_ and role.value["kind"] in ("official", "organization") and not glued:
            return s.end_of(role), not _definite(s.words[k])  # مساعد وزير الخارجية، نائب رئيس الوزراء
        head = s.head(k)
        if head is not None and (open_ or owner_slot):
            size, h, prefix = head
            if party.kind in ("target", "area") and h.kind not in ("target", "area"):
                inner = self._head(k)
                if inner is not None:
                    self._take(party, inner, prefix)
                    return inner.last, False
            if party.kind in ("armed", "force") and h.kind in ("armed", "force"):
                party.armed = True
            return k + size, not _definite(s.words[k])
        return None

    def _adjective(self, k: int, definite: bool) -> bool:
        """A nisba or participle that describes the phrase and agrees with it in definiteness
        (القوات الشعبية، الجماعة المتمردة؛ غارات جوية، مسلحون حوثيون)."""
        s = self.s
        w = s.words[k]
        names = s.role_names[k]
        if "armed" in names:
            return True
        if (names and "instrument" not in names) or s.head(k) or _definite(w) != definite:
            return False
        base = w[2:] if w.startswith("ال") else w
        if len(base) < 4:
            return False
        return base.endswith(("يه", "يون", "يين", "يات", "يتين", "يتان")) or (
            base.endswith("ي") and len(base) >= 4) or (base.startswith("م") and len(base) >= 5 and definite)

    def _take(self, party: Party, inner: Party, prefix: str) -> None:
        """A name inside a phrase: the owner of a target, the country of an actor, or the
        name of a head noun it stands right after (جماعة الحوثي، تنظيم داعش)."""
        if party.kind in ("target", "area"):
            party.owner = party.owner or inner
            return
        if inner.country and party.country is None:
            party.country = inner.country
        if inner.entity_id and party.entity_id is None and not marker_of_prefix(prefix) and inner.kind != "person":
            self._take_name(party, inner)
        if inner.armed:
            party.armed = party.armed or party.kind in ("armed", "force", "body")

    def _take_name(self, party: Party, inner: Party) -> None:
        party.entity_id = inner.entity_id
        party.name = inner.name
        party.country = party.country or inner.country
        party.armed = party.armed or inner.armed

    def _whole_head(self, k: int) -> bool:
        """Whether word ``k`` is a head noun as written, its و a root letter (وزارة، وحدات)."""
        head = self.s.head(k)
        return head is not None and head[2] == ""

    def _conjoined(self, k: int) -> bool:
        """Word ``k`` begins with the و of a conjunct (وقوات، وهاجمت), not with a root و that
        the lexicon knows as written (وزارة، وزير، وحدات)."""
        s = self.s
        if not s.words[k].startswith("و"):
            return False
        if self._whole_head(k):
            return False
        for m in s.mentions.get(k, ()):
            if m.key_start == s.starts[k] and m.category in ("actor", "role", "country"):
                return False
        place = s.place(k)
        return not (place is not None and place[2] == "")


def _definite(word: str) -> bool:
    """A word with the article (after و / ف / ب / ك, or لل)."""
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    return w.startswith(("ال", "لل")) or (w[:1] in ("ب", "ك") and w[1:3] == "ال")


def _plural_people(word: str) -> bool:
    """A nisba used as a noun for people (الحوثيين، للحوثيين، الأمريكيون)."""
    return word.endswith(("يين", "يون"))


def _plural_head(kind: str) -> bool:
    """Heads that a trigger form may hide (قوات is also read as a verb nowhere, but مقاتلين…)."""
    return kind in ("force", "armed", "people", "state", "target")


def _clitic_chars(prefix: str) -> int:
    """Letters of و ف ب ل ك glued before a name, left out of its span (the article stays)."""
    if prefix.endswith(("ال", "لل")):
        return len(prefix) - 2
    return len(prefix)
