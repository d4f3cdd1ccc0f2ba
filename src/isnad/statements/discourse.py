"""What one article has said so far: the speakers met, for the mentions that refer back.

A later mention of a speaker is resolved here, to the nearest earlier
speaker it agrees with:
- a dropped subject (وأضاف، وتابعت، فيما أكدوا) by the verb's gender and number,
  within a few sentences;
- a family name or a full name met before (غروشكو after ألكسندر غروشكو; آل الشيخ after
  طلال آل الشيخ);
- a role noun (الوزير، المتحدث، الباحثة) by the role and its country;
- an organisation noun (الوزارة، الشركة، الدراسة) by its head noun;
- an outlet noun (الصحيفة، الشبكة) to the last outlet; ``التقرير`` to the owner of
  the last report.
A mention nothing agrees with is left unresolved by the caller rather than
given to a speaker that does not fit.
"""
from __future__ import annotations

from ..text import fold_key
from .sentence import ArticleText
from .speaker import Speaker, gender_agrees
from .words import bare

REPORTING_BODIES = ("organization", "country", "outlet")  # speakers that issue statements
CARRY_OVER_SENTENCES = 3  # how far back a subject-less وأضاف may find its speaker


class Discourse:
    """The speakers of one article in reading order, and the names and outlets among them."""

    def __init__(self, doc: ArticleText):
        self.doc = doc
        self.speakers: list[Speaker] = []
        self.spoken_in: list[int] = []  # the sentence number of each entry of ``speakers``
        self.sentence_no = 0  # the sentence being read
        self.sentence_spans: list[tuple[int, int]] = []  # every sentence of the article, folded
        self.persons_in: dict[int, list[Speaker]] = {}  # sentence number -> the persons it names, once read
        self.subject_in: dict[int, Speaker | None] = {}  # sentence number -> the subject of its opening verb, once read
        self.names: dict[str, Speaker] = {}  # folded full names and family names of persons
        self.last_outlet: Speaker | None = None
        self.report_owner: Speaker | None = None

    def remember(self, sp: Speaker) -> None:
        """Record a speaker for dropped subjects, back-references and bare names."""
        self.speakers.append(sp)
        self.spoken_in.append(self.sentence_no)
        if sp.kind == "outlet":
            self.last_outlet = sp
        if sp.kind == "person" and sp.span[1] > sp.span[0]:
            parts = self.doc.text[sp.span[0]:sp.span[1]].replace('"', " ").split()
            if parts:
                self.names[" ".join(parts)] = sp
                self.names.setdefault(parts[-1], sp)
                links = self.doc.words.of("name_link")
                for k in range(1, len(parts) - 1):
                    if parts[k] in links:  # طلال آل الشيخ → آل الشيخ، عبدالعزيز بن سعيد → بن سعيد
                        self.names.setdefault(" ".join(parts[k:]), sp)
                if sp.name_ar and sp.entity_id is None:
                    own = sp.name_ar.split()
                    if own:
                        self.names.setdefault(fold_key(own[-1]), sp)

    def role_holder(self, phrase: str) -> str | None:
        """The one entity holding the role named by folded ``phrase`` on the publication day."""
        published = self.doc.published
        if published is None:
            return None
        holders = {r.entity_id for r in self.doc.words.roles_by_phrase.get(" ".join(phrase.split()), ())
                   if r.held_during(published, published)}
        return holders.pop() if len(holders) == 1 else None

    def carry_over(self, cue_gender: str, kinds: tuple[str, ...] | None = None) -> Speaker | None:
        """The last speaker a subject-less verb of ``cue_gender`` can refer to, met in this
        sentence or one of the few before it; failing one that agrees, a group after a
        masculine singular verb (وقال صيادون … وبيّن أن: news Arabic often writes it so), or a
        body that spoke in a statement, whose بيان goes on in the masculine (وقالت الوزارة في بيان
        إن …. وأضاف أن …)."""
        recent = [sp for sp, at in zip(reversed(self.speakers), reversed(self.spoken_in))
                  if self.sentence_no - at <= CARRY_OVER_SENTENCES and sp.kind != "unresolved"
                  and (kinds is None or sp.kind in kinds)]
        agreeing = next((sp for sp in recent if gender_agrees(cue_gender, sp)), None)
        if agreeing is None and cue_gender == "m" and recent and (
                recent[0].gender == "pl" or (recent[0] is self.report_owner and recent[0].kind in REPORTING_BODIES)):
            return recent[0]
        return agreeing

    def person_with_role(self, role: str | None, organization: str | None, country: str | None,
                         described: str | None) -> Speaker | None:
        """The last speaker who holds ``role`` (المتحدث باسم الوزارة → the spokesperson met
        before); ``described`` (the folded role phrase) must match when it says more, or begin
        the phrase met before (الملحق الثقافي after الملحق الثقافي في أستراليا)."""
        for prev in reversed(self.speakers):
            if prev.kind != "unresolved" and prev.role == role and (organization is None or prev.organization in (None, organization)) \
                    and (country is None or prev.country in (None, country)) \
                    and not (described is not None and not _begins(fold_key(prev.role_ar or ""), described)):
                return prev
        return None

    def body_named(self, words: str) -> Speaker | None:
        """The last organisation met whose name holds ``words`` (الهيئة العامة للغذاء والدواء
        for «الغذاء والدواء» in quotes), else None."""
        key = f" {_bare_words(words)} "
        return next((prev for prev in reversed(self.speakers)
                     if prev.kind == "organization" and key in f" {_bare_words(prev.name_ar or '')} "), None)

    def referent(self, kind: str, head: str, country: str | None) -> Speaker | None:
        """The last speaker a definite noun refers to: ``person`` (المسؤول، الوزير) a person or
        an official, ``anonymous`` (المصادر) an anonymous source, ``organization`` (الوزارة،
        النادي) the last organisation whose name begins with the same head noun (المقاومة is
        not المركز الإعلامي للمقاومة)."""
        wanted = {"person": ("person", "official"), "anonymous": ("anonymous",),
                  "organization": ("organization",)}[kind]
        for prev in reversed(self.speakers):
            if prev.kind in wanted and (country is None or prev.country in (None, country)) \
                    and (kind != "organization" or _first_word(prev.name_ar) == bare(head)
                         or (prev.head is not None and prev.head == bare(head))):
                return prev
        return None


def _bare_words(name: str) -> str:
    """A name folded, each word without its article (للغذاء والدواء → غذاء دواء)."""
    return " ".join(bare(w) for w in fold_key(name).split())


def _begins(phrase: str, words: str) -> bool:
    """Whether ``phrase`` is ``words`` or begins with them, word by word."""
    return phrase == words or phrase.startswith(words + " ")


def _first_word(name: str) -> str:
    """The first word of a name, folded and without its article (وزارة الخارجية → وزاره)."""
    words = fold_key(name).split()
    return bare(words[0]) if words else ""
