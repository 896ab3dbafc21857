"""The organisations the grammar adds to one sentence: the institutions
(:mod:`~arextract.ner.grammar.institutions`: ``الهيئة العامة للسياحة والتراث الوطني``) and the
outlets (:mod:`~arextract.ner.grammar.outlets`: ``صحيفة الوئام``) it proposes, kept where they do
not fight what the tagger and the knowledge files found (policy in :func:`add_grammar_mentions`).
"""

from __future__ import annotations

from collections.abc import Callable

from arextract.ner.gazetteer import surface_offset
from arextract.ner.grammar.heads import head_reading, is_adjective, is_definite, is_head, is_word
from arextract.ner.grammar.institutions import EMIRATE_OFFICE, ORGAN_ADJECTIVES, OrganizationChains
from arextract.ner.grammar.mentions import MEDIA, PLACE_NAMED, PLACES, organization, with_end
from arextract.ner.grammar.months import without_month_names
from arextract.ner.grammar.outlets import byline_outlet, is_to, outlet_stem, outlet_tokens
from arextract.ner.grammar.words import (
    DEFINITE_STOPS,
    ORG_HEADS,
    OUTLET_NOUNS,
    PLACE_NOUNS,
    PLACE_ONLY,
    QUOTES,
    SITE_PREPOSITIONS,
    folded,
)
from arextract.schema import Entity, EntitySource, EntityType, Token
from arextract.text.clitics import clitic_readings
from arextract.text.normalize import display, fold
from arextract.text.spans import SpanSet

# Heads of a national broadcaster's name (الإذاعة الإيرانية): an outlet, cited, never a speaker.
_BROADCASTERS = folded("إذاعة تلفزيون")
# A news agency the text names by description ("وكالة أنباء النظام"، "وكالة الأنباء الرسمية"):
# an outlet too; other agencies speak for themselves (وكالة الطاقة الذرية).
_AGENCY = fold("وكالة")
_NEWS = folded("أنباء الأنباء")

# Dual heads naming two bodies at once (وزارتي الداخلية والعمل), with their singular, and the
# proclitics they take.
_DUALS = {fold("وزارتي"): "وزارة"}
_DUAL_HEAD_ENDINGS = tuple(_DUALS)
_DUAL_CLITICS = frozenset(["", "و", "ب", "ل", "وب", "ول"])

# Dual heads of bodies named after a person or a place (جامعتي أم القرى والملك عبدالعزيز): the
# two names are checked against the knowledge files, not read by the portfolio grammar.
_KNOWN_DUALS = {fold("جامعتي"): "جامعة", fold("جامعتا"): "جامعة"}
_DUAL_ENDINGS = tuple(_KNOWN_DUALS)

# Missions named after the body they represent (مندوبية الاتحاد الأوروبي، بعثة الأمم المتحدة).
_MISSION_HEADS = folded("مندوبية بعثة ممثلية")

# Heads that say what kind of body the name after them is (a company, a party), not an organ of
# another body (بعثة، مفوضية، قيادة، مجلس): in شركة سياك، حزب العمال the name is the word the
# tagger read as an organisation, the head a description of it. (A club keeps its head: نادي
# الزمالك is the name the relation stage reports, see institutions._CLUB.)
_KIND_HEADS = folded("شركة حزب منظمة تنظيم جبهة")

# Committees named with the council they belong to (لجنة الشؤون الخارجية بمجلس النواب).
_COMMITTEES = folded("لجنة")

# The nouns of a printed outlet (not قناة: قناة السويس is a waterway).
_PAPERS = folded("صحيفة جريدة مجلة")


def propose_organizations(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """Organisation mentions of one sentence by the head grammar and the outlet patterns."""
    if not any(any(is_head(t.norm)[:2]) or outlet_stem(t.norm) or is_to(t.norm) for t in tokens):
        return []
    chains = OrganizationChains(tokens, entities)
    out: list[Entity] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if not is_word(token) and token.norm != "ل":
            i += 1
            continue
        headed = _headed_outlet(text, tokens, i, entities) if outlet_stem(token.norm) else None
        if headed is not None:
            out.append(headed[0])
            i = headed[1] + 1
            continue
        outlet = outlet_tokens(tokens, i) if is_to(token.norm) or outlet_stem(token.norm) else None
        if outlet is not None:
            first, last = outlet
            out.append(organization(text, tokens[first].start, tokens[last].end, MEDIA))
            i = last + 1
            continue
        chain = chains.chain(i) if any(is_head(token.norm)[:2]) else None
        if chain is not None:
            first, last = chain
            if first < 0:
                token = tokens[-first - 1]
            start = token.start + surface_offset(token.text, is_head(token.norm)[2])
            head = head_reading(token.norm)[0].removeprefix("ال")
            broadcaster = head in _BROADCASTERS or (
                head == _AGENCY and i + 1 < n and tokens[i + 1].norm in _NEWS
            )
            stem = head_reading(token.norm)[0]
            # إمارة منطقة الرياض: named by the region the relations take
            subtype = MEDIA if broadcaster else PLACE_NAMED if head in EMIRATE_OFFICE else None
            entity = organization(text, start, tokens[last].end, subtype)
            if stem.startswith("ال") and not entity.canonical.startswith("ال"):
                # للجنة: the head's own lam is the written one; the name is اللجنة ... للشركة:
                # the article's lam is written; the name is الشركة ...
                article = "ا" if stem[1:] == fold(entity.text).split()[0] else "ال"
                entity = entity.model_copy(update={"canonical": article + entity.canonical})
            out.append(entity)
            i = last + 1
            continue
        i += 1
    return out


def _headed_outlet(
    text: str, tokens: list[Token], i: int, entities: list[Entity]
) -> tuple[Entity, int] | None:
    """A paper named after a place (``صحيفة مكة``، ``لصحيفة المدينة``): the name alone is the
    place found there, so the outlet's name keeps its noun (a paper of a name of its own is
    named without it: صحيفة هآرتس is هآرتس). (The outlet, its last token), or None."""
    stem = outlet_stem(tokens[i].norm)
    if stem not in _PAPERS or i + 1 >= len(tokens):
        return None
    after = tokens[i + 1]
    inner = next((e for e in entities if e.start == after.start), None)
    if inner is None or inner.type not in (*PLACES, EntityType.COUNTRY):
        return None
    last = next((k for k in range(i + 1, min(len(tokens), i + 4)) if tokens[k].end == inner.end), None)
    if last is None:
        return None
    start = tokens[i].start + surface_offset(tokens[i].text, len(tokens[i].norm) - len(stem))
    return organization(text, start, inner.end, MEDIA), last


def add_grammar_mentions(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """The sentence's entities plus the grammar's organisations, by this policy:

    * a proposal equal to an ORGANIZATION already found adds nothing; equal to another type, an
      outlet in quotes or after صحيفة becomes the organisation (لـ«الشرق الأوسط» is the paper);
    * a proposal that strictly contains mentions replaces them when they are organisations,
      places or a namesake inside the chain (the chain already refused persons and countries
      in the genitive);
    * a proposal crossing a mention's boundary, or inside a longer mention, is dropped, and so
      is one going on past a known organisation it starts with by a word under و or ل
      (``منظمة التحرير الفلسطينية والحكومة ...``).
    """
    entities = without_month_names(tokens, entities)
    proposals = propose_organizations(text, tokens, entities) + dual_bodies(text, tokens, entities)
    byline = byline_outlet(text, tokens, entities)
    if byline is not None:
        proposals.append(byline)
    if not proposals:
        return entities
    kept = list(entities)
    for proposal in proposals:
        overlapping = [e for e in kept if e.start < proposal.end and proposal.start < e.end]
        if _describes_a_name(text, proposal, overlapping, kept):
            continue  # شركة السيارات الصينية + سياك: a description in apposition to the name
        if any(e.start == proposal.start and e.end == proposal.end for e in overlapping):
            same = next(e for e in overlapping if e.start == proposal.start and e.end == proposal.end)
            if same.type is EntityType.ORGANIZATION and proposal.subtype == MEDIA and not same.subtype:
                kept[kept.index(same)] = same.model_copy(update={"subtype": MEDIA})
            elif (
                same.type is not EntityType.ORGANIZATION
                and same.source != EntitySource.MODEL
                and _quoted(text, same)
                and not _named_with_noun(text, same)
            ):
                kept[kept.index(same)] = same.model_copy(
                    update={"type": EntityType.ORGANIZATION, "kb_id": None, "subtype": MEDIA}
                )
            continue
        if any(e.start < proposal.start or e.end > proposal.end for e in overlapping):
            continue
        if len(overlapping) == 1 and _kind_of(text, proposal, overlapping[0]):
            # شركة + سياك: the tagger's name stays the mention, the headed form one of its names
            inner = overlapping[0]
            if proposal.canonical not in inner.aliases:
                kept[kept.index(inner)] = inner.model_copy(
                    update={"aliases": [*inner.aliases, proposal.canonical]}
                )
            continue
        if any(e.type in (EntityType.INITIATIVE, EntityType.EVENT) for e in overlapping):
            continue
        if (
            not _mission(proposal)
            and not _organ(proposal)
            and any(
                e.type is EntityType.ORGANIZATION
                and e.source != EntitySource.MODEL
                and e.start != proposal.start
                and not _named_after(text, proposal, e)
                for e in overlapping
            )
        ):
            continue  # a known organisation inside: the chain ran past its name
        if any(_runs_on(text, proposal, e) for e in overlapping):
            continue  # منظمة التحرير الفلسطينية + والحكومة الإسرائيلية: a known name, then a new phrase
        for e in overlapping:
            if not _site_of(text, proposal, e):
                kept.remove(e)
        kept.append(proposal)
    kept.sort(key=lambda e: e.start)
    return with_councils(text, kept)


def with_councils(text: str, entities: list[Entity]) -> list[Entity]:
    """A committee and the council it belongs to, written with ب (``لجنة الشؤون الخارجية بمجلس
    النواب``، ``لجنة الدفاع بالبرلمان الباكستاني``): the committee's name takes the council in,
    and the council stays a mention of its own."""
    bodies = [e for e in entities if e.type is EntityType.ORGANIZATION and e.subtype != MEDIA]
    out = list(entities)
    for committee in bodies:
        words = fold(committee.canonical).split()
        if len(words) < 2 or words[0].removeprefix("ال") not in _COMMITTEES:
            continue
        council = next(
            (e for e in bodies if e.start == committee.end + 2 and text[committee.end : e.start] == " ب"),
            None,
        )
        if council is not None:
            canonical = committee.canonical + " " + display(text[committee.end : council.end])
            out[out.index(committee)] = with_end(text, committee, council.end).model_copy(
                update={"canonical": canonical, "kb_id": None}
            )
    return out


def dual_bodies(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """The two ministries of a dual head (``وزارتي الداخلية والعمل``، ``بوزارتي التعليم والخدمة
    المدنية``): each portfolio is a mention named with the singular head (وزارة الداخلية، وزارة
    العمل). Exactly two portfolios, each a definite word and its definite adjectives."""
    out: list[Entity] = []
    taken: SpanSet | None = None  # built at the first dual head: most sentences have none
    for i, token in enumerate(tokens[:-3]):
        if not token.norm.endswith(_DUAL_HEAD_ENDINGS):
            continue  # (a clitic reading only strips a prefix: the stem ends the word)
        head = next(
            (
                _DUALS[r.stem]
                for r in clitic_readings(token.norm)
                if r.stem in _DUALS and r.proclitic in _DUAL_CLITICS
            ),
            None,
        )
        if head is None:
            continue
        first = _portfolio(tokens, i + 1, conjoined=False)
        second = _portfolio(tokens, first[1] + 1, conjoined=True) if first else None
        if first is None or second is None or _portfolio(tokens, second[1] + 1, conjoined=True):
            continue
        if taken is None:
            taken = SpanSet((e.start, e.end) for e in entities)
        for j, last in (first, second):
            start = tokens[j].start + (1 if j > i + 1 else 0)  # والعمل: the portfolio after و
            if taken.overlaps(start, tokens[last].end):
                break
            entity = organization(text, start, tokens[last].end)
            out.append(entity.model_copy(update={"canonical": head + " " + display(entity.text)}))
    return out


def known_dual_bodies(
    text: str, tokens: list[Token], entities: list[Entity], is_known: Callable[[tuple[str, ...]], bool]
) -> list[Entity]:
    """The two bodies of a dual head named after a person or a place (``جامعتي أم القرى والملك
    عبدالعزيز``): X و Y after the head, each a known organisation with the singular head
    (``is_known``: جامعة أم القرى، جامعة الملك عبدالعزيز), the first of three words at most,
    the second of four. The bodies replace the mentions inside them (the tagger's أم القرى)."""
    out = entities
    for i, token in enumerate(tokens[:-3]):
        if not token.norm.endswith(_DUAL_ENDINGS):
            continue  # (a clitic reading only strips a prefix: the stem ends the word)
        head = next(
            (_KNOWN_DUALS[r.stem] for r in clitic_readings(token.norm) if r.stem in _KNOWN_DUALS), None
        )
        pair = _known_pair(tokens, i, fold(head), is_known) if head is not None else None
        if head is None or pair is None:
            continue
        bodies = [
            organization(text, start, end).model_copy(
                update={"canonical": f"{head} {display(text[start:end])}"}
            )
            for start, end in pair
        ]
        kept = [e for e in out if not any(e.start < b.end and b.start < e.end for b in bodies)]
        out = sorted(kept + bodies, key=lambda e: e.start)
    return out


def _known_pair(
    tokens: list[Token], i: int, head: str, is_known: Callable[[tuple[str, ...]], bool]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (start, end) of the two names after the dual head at ``i``, or None."""
    for k in range(i + 2, min(len(tokens), i + 5)):
        if tokens[k].norm[:1] != "و" or not is_known((head, *(t.norm for t in tokens[i + 1 : k]))):
            continue
        for last in range(k, min(len(tokens), k + 4)):
            words = (tokens[k].norm[1:], *(t.norm for t in tokens[k + 1 : last + 1]))
            if is_known((head, *words)):
                return (tokens[i + 1].start, tokens[k - 1].end), (tokens[k].start + 1, tokens[last].end)
    return None


def _portfolio(tokens: list[Token], j: int, conjoined: bool) -> tuple[int, int] | None:
    """(first, last) token of a portfolio at ``j``: a definite word (after و when ``conjoined``)
    and the definite adjectives after it (not a dual or plural nisba: الأمريكيتين)."""
    if j >= len(tokens) or not _portfolio_word(tokens[j].norm[1:] if conjoined else tokens[j].norm):
        return None
    if conjoined and tokens[j].norm[:1] != "و":
        return None
    last = j
    while last + 1 < len(tokens) and _portfolio_word(tokens[last + 1].norm):
        last += 1
    return j, last


def _portfolio_word(norm: str) -> bool:
    return (
        norm.startswith("ال")
        and len(norm) > 4
        and norm not in DEFINITE_STOPS
        and not norm.endswith(("يتين", "يين", "تين"))
    )


def _runs_on(text: str, proposal: Entity, entity: Entity) -> bool:
    """Whether a proposal goes on past a known organisation (a knowledge-file name, not the
    tagger's guess, which the grammar may extend) at its start with a word under و or ل
    (والحكومة، للفترة) or a definite noun: that word opens a new phrase, it continues no known name (a longer
    known name would have been found as one)."""
    if entity.type is not EntityType.ORGANIZATION or entity.source == EntitySource.MODEL:
        return False
    if entity.start != proposal.start:
        return False
    if entity.end >= proposal.end:
        return False
    following = fold(text[entity.end : proposal.end]).split()
    # (or with a definite noun, the verb's object: "وتبنى تنظيم داعش التفجير"; an adjective
    # goes on the name: وزارة الخارجية الأمريكية)
    noun = bool(following) and is_definite(following[0]) and not is_adjective(following[0])
    return bool(following) and (following[0][:1] in ("و", "ل") or noun)


def _describes_a_name(text: str, proposal: Entity, inside: list[Entity], entities: list[Entity]) -> bool:
    """Whether ``proposal`` is a description (a head and definite common words, a nationality
    among them at most) written right next to an organisation's name, with nothing between
    (``شركة السيارات الصينية سياك``، ``وكالة الأنباء الرسمية سونا``، ``فولكسفاغن شركة السيارات
    الألمانية``): two nouns side by side are in apposition, the name is the organisation and
    the phrase describes it."""
    if any(e.subtype != "nisba" for e in inside):
        return False
    words = fold(proposal.text).split()[1:]
    # (والتكنولوجيا: a coordinated common noun is still a description)
    if not words or not all(word.removeprefix("و").startswith("ال") for word in words):
        return False  # مركز الأمير سلطان للعلوم والتقنية «سايتك»: a name beside its acronym
    return any(
        e.type is EntityType.ORGANIZATION
        and (_apposed(text[proposal.end : e.start]) or _apposed(text[e.end : proposal.start]))
        for e in entities
    )


def _apposed(between: str) -> bool:
    """Whether two nouns with ``between`` them stand side by side: a space, and quotes around a
    name (شركة الأدوية الأمريكية "إيلي ليلي")."""
    return between.startswith(" ") and not between.strip(" " + "".join(QUOTES))


def _kind_of(text: str, proposal: Entity, entity: Entity) -> bool:
    """Whether ``proposal`` is a kind head (:data:`_KIND_HEADS`) and then exactly the tagger's
    organisation ``entity`` (شركة + بي ام دبليو، بنادي + الغرافة): the head describes the name."""
    if entity.type is not EntityType.ORGANIZATION or entity.source != EntitySource.MODEL:
        return False
    if entity.end != proposal.end or entity.start <= proposal.start:
        return False
    head = fold(text[proposal.start : entity.start]).split()
    if len(head) != 1 or head[0] not in _KIND_HEADS:
        return False
    # شركة جبل عمر للتطوير، شركة بنده للتجزئة: a brand and its ل- complement make the head part of
    # the company's full name
    return not any(word[:1] == "ل" for word in fold(entity.text).split()[1:])


def _mission(proposal: Entity) -> bool:
    """مندوبية الاتحاد الأوروبي: a mission is named after the known body it represents."""
    words = fold(proposal.canonical).split()
    return bool(words) and words[0].removeprefix("ال") in _MISSION_HEADS


def _named_after(text: str, proposal: Entity, entity: Entity) -> bool:
    """مركز أرامكو لريادة الأعمال: a head, a known organisation as its genitive, then a ل-
    phrase naming what the new body does; the head and the phrase make it a body of its own
    (``رئاسة مجلس الوزراء`` alone, ending with the known name, is still the known body)."""
    head = fold(text[proposal.start : entity.start]).split()
    following = fold(text[entity.end : proposal.end]).split()
    return len(head) == 1 and bool(following) and following[0][:1] == "ل"


def _organ(proposal: Entity) -> bool:
    """الأمانة العامة لجامعة الدول العربية: an organ is named after the known body it serves."""
    words = fold(proposal.canonical).split()
    return len(words) > 2 and words[1] in ORGAN_ADJECTIVES and words[2][:1] == "ل"


def _site_of(text: str, proposal: Entity, entity: Entity) -> bool:
    """The place closing a sited name (السفارة السعودية في لبنان) or a regional service (تعليم
    محافظة صبيا) stays a mention of its own."""
    if entity.end != proposal.end or entity.type not in (*PLACES, EntityType.COUNTRY):
        return False
    words = fold(proposal.canonical).split()
    if words and (words[0] in PLACE_ONLY or words[0] in EMIRATE_OFFICE):
        return True  # تعليم محافظة صبيا، إمارة المنطقة الشرقية
    if text[entity.start - 1 : entity.start] == "ب" and text[entity.start - 2 : entity.start - 1] == " ":
        return True  # الغرفة التجارية الصناعية بجدة
    before = fold(text[max(proposal.start, entity.start - 14) : entity.start]).split()
    if len(before) >= 2 and (before[-1] in PLACE_NOUNS or before[-1][1:] in PLACE_NOUNS):
        return True  # أمانة منطقة المدينة المنورة، في محافظة جدة، بمحافظة جدة: a place noun first
    return bool(before) and before[-1] in SITE_PREPOSITIONS


def _named_with_noun(text: str, entity: Entity) -> bool:
    """Whether the knowledge files name ``entity`` with the outlet noun written before it
    (``قناة السويس`` is the waterway, the place the canal's name was narrowed to is no channel)."""
    before = fold(text[max(0, entity.start - 8) : entity.start]).split()
    words = fold(entity.canonical).split()
    return bool(before) and len(words) > 1 and words[0] == outlet_stem(before[-1])


def _quoted(text: str, entity: Entity) -> bool:
    before = text[max(0, entity.start - 2) : entity.start]
    return any(c in QUOTES for c in before) or fold(
        text[max(0, entity.start - 7) : entity.start]
    ).strip().endswith(tuple(OUTLET_NOUNS))


def without_coordinated_bodies(text: str, tokens: list[Token], entities: list[Entity]) -> list[Entity]:
    """A tagger's organisation running over ``و`` + an indefinite head into a second one (``الشركة
    السعودية للكهرباء وشركة تقنية للطاقة``، ``هيئة الطيران المدني ووزارة النقل``) is two: a name
    in the construct state never continues with a conjoined head noun."""
    if not any(e.type is EntityType.ORGANIZATION and e.source == EntitySource.MODEL for e in entities):
        return entities
    out: list[Entity] = []
    for entity in entities:
        if entity.type is not EntityType.ORGANIZATION or entity.source != EntitySource.MODEL:
            out.append(entity)
            continue
        inside = [t for t in tokens if entity.start <= t.start and t.end <= entity.end]
        cut = next(
            (
                k
                for k in range(2, len(inside) - 1)
                if inside[k].norm[:1] == "و"
                and head_reading(inside[k].norm) == (inside[k].norm[1:], 1)
                and inside[k].norm[1:] in ORG_HEADS
            ),
            None,
        )
        if cut is None:
            out.append(entity)
            continue
        first_end, second_start = inside[cut - 1].end, inside[cut].start + 1
        out.append(
            entity.model_copy(
                update={
                    "end": first_end,
                    "text": text[entity.start : first_end],
                    "canonical": display(text[entity.start : first_end]),
                }
            )
        )
        out.append(
            entity.model_copy(
                update={
                    "start": second_start,
                    "text": text[second_start : entity.end],
                    "canonical": display(text[second_start : entity.end]),
                }
            )
        )
    return out
