"""Person mentions clustered into the people of a document.

Full names first, longest first: a name the knowledge base knows joins its KB person; else the
earliest cluster it reaches ``PERSON_THRESHOLD`` against (وانج يي after وانغ يي), else the one
cluster it is with a nasab left out (ماجد الحقيل = ماجد بن عبدالله الحقيل), else a cluster of its
own. Then one-token names (وانغ، لوكاشينكو): the one full name of the document whose first or
last token they are, else the one KB person with that token, else one cluster per spelling.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from arextract.link.kb_linking import KBLinker
from arextract.link.names import (
    FAMILY_LINK,
    LINEAGE,
    PERSON_THRESHOLD,
    PersonNameIndex,
    extends_lineage,
    name_key,
    name_similarity,
    name_tokens,
    name_words,
    without_nasab,
)
from arextract.link.state import DocumentState, Mention
from arextract.schema import Entity, EntityType, Token

# Link confidences (a mention keeps the lower of its NER confidence and its link's).
FUZZY_LINK = 0.9  # times the similarity, for a KB person matched by similarity, not by name
SHORT_FORM_LINK = 0.85  # a one-token short form resolved to the one matching full name
KB_SHORT_FORM_LINK = 0.6  # a one-token name resolved to the one KB person carrying that token


def with_lineage(entities: list[Entity], tokens: list[Token], text: str) -> list[Entity]:
    """Extend a person's name over the lineage that follows it: "محمد بن سلمان" + "بن
    عبدالعزيز آل سعود" is one name, so the title after it is read as his."""
    starts = {token.start: index for index, token in enumerate(tokens)}
    ends = {token.end: index for index, token in enumerate(tokens)}
    taken = sorted((e.start, e.end) for e in entities)
    taken_starts = [start for start, _ in taken]
    widest = max((end - start for start, end in taken), default=0)

    def overlaps_other(start: int, end: int, own: tuple[int, int]) -> bool:
        # only spans starting less than `widest` before `start` can reach it: O(log n) a step
        low = bisect_right(taken_starts, start - widest)
        high = bisect_left(taken_starts, end)
        return any(s < end and start < t for s, t in taken[low:high] if (s, t) != own)

    out = []
    for entity in entities:
        last = ends.get(entity.end)
        if entity.type is EntityType.PERSON and last is not None:
            end = entity.end
            while (
                last + 2 < len(tokens)
                and tokens[last + 1].norm in LINEAGE
                and tokens[last + 2].norm.isalpha()
            ):
                following = tokens[last + 2]
                if overlaps_other(following.start, following.end, (entity.start, entity.end)):
                    break
                last, end = last + 2, following.end
            if end != entity.end and entity.start in starts:
                entity = entity.model_copy(update={"end": end, "text": text[entity.start : end]})
        out.append(entity)
    return out


def _family_only(name: str) -> bool:
    """Whether a person is named by the family alone (``وأوضح آل الشيخ``، ``آل عطيان``): a short
    name of the one whose full name ends so (عبدالعزيز بن عبدالله آل الشيخ), never another
    person named الشيخ or عطيان."""
    tokens = name_tokens(name)
    return len(tokens) == 2 and tokens[0] == FAMILY_LINK


class PersonClusterer:
    """Clusters the person mentions of one document into targets and adds their mentions."""

    def __init__(self, kb: KBLinker, state: DocumentState) -> None:
        self.kb = kb
        self.state = state
        self._first_seen: dict[str, int] = {}  # person cluster -> start of its first full name

    def __call__(self, persons: list[Entity]) -> list[str]:
        """Cluster ``persons``; returns the full-name clusters' target keys in creation order."""
        # one pass that partitions: "e not in short" compared whole entities, field by field,
        # quadratic in a long text's persons
        full: list[Entity] = []
        short: list[Entity] = []
        for entity in persons:
            (short if len(name_tokens(entity.text)) < 2 or _family_only(entity.text) else full).append(entity)
        clusters = self._cluster_full_names(full)
        self._attach_short_names(short, clusters)
        return clusters

    def _cluster_full_names(self, full: list[Entity]) -> list[str]:
        targets = self.state.targets
        clusters: dict[str, int] = {}  # person target keys -> creation order
        names: PersonNameIndex[str] = PersonNameIndex()  # the clusters' names
        for entity in sorted(full, key=lambda e: -len(e.text)):
            entry, score = self.kb.person_entry(entity)
            if entry is not None:
                key = self.state.target_for_entry(entry)
                confidence = 1.0 if score >= 1.0 else FUZZY_LINK * score
            else:
                similar, score = self._similar_cluster(entity.text, clusters, names)
                confidence = 1.0 if similar is None else FUZZY_LINK * score
                if similar is None:
                    similar = self._nasab_cluster(entity.text, clusters) or self._lineage_cluster(
                        entity.text, clusters
                    )
                    if similar is not None:
                        confidence = SHORT_FORM_LINK
                key = similar or self.state.add_unknown_person(entity)
            target = targets[key]
            self._first_seen[key] = min(self._first_seen.get(key, entity.start), entity.start)
            target.full_names.append(entity.text)
            names.add(key, entity.text)
            if key not in clusters:
                clusters[key] = len(clusters)
                for name in target.kb_names:
                    names.add(key, name)
            self.state.mentions.append(self._person_mention(entity, key, confidence))
        return list(clusters)

    def _attach_short_names(self, short: list[Entity], clusters: list[str]) -> None:
        short_index, families = self._short_index(clusters)
        known = self._known_short_names(short, short_index)
        lone: dict[str, str] = {}  # skeleton -> cluster of short names matching no full name
        resolved: dict[str, str] = {}  # skeleton -> the full-name cluster it last stood for
        for entity in sorted(short, key=lambda e: e.start):
            tokens = name_tokens(entity.text)
            token_key = tokens[-1] if tokens else ""
            family_only = _family_only(entity.text)
            owners = set() if family_only else short_index.get(token_key, set())
            if family_only or self.state.norm_at(self.state.token_at(entity.start) - 1) == FAMILY_LINK:
                owners = owners | families.get(token_key, set())
            confidence = SHORT_FORM_LINK
            found: str | None = None
            if len(owners) == 1:
                found = next(iter(owners))
            elif owners:
                found = self._owner_in_focus(entity, owners, resolved.get(token_key))
            elif not family_only:
                exact = self.kb.unique_person(token_key, entity.text)
                if exact is not None and self.kb.ends_alike(exact, entity.text):
                    found, confidence = self.state.target_for_entry(exact), 1.0
                else:
                    kb_entry = self.kb.short_form_person(token_key, entity.text)
                    if kb_entry is not None:
                        found, confidence = self.state.target_for_entry(kb_entry), KB_SHORT_FORM_LINK
            if found is None and token_key in known:
                found, confidence = known[token_key], KB_SHORT_FORM_LINK  # جون ... كيري
            if found is None:  # the same unknown short name twice is one person
                found = lone.get(token_key) or self.state.add_unknown_person(entity)
                lone[token_key] = found
                confidence = 1.0 if not owners else 0.5
            if found in owners:
                resolved[token_key] = found
            self.state.mentions.append(self._person_mention(entity, found, confidence))

    def _owner_in_focus(self, entity: Entity, owners: set[str], last: str | None) -> str | None:
        """Of several people a short name fits, the one whose full name alone came before it
        (باراك أوباما ... أوباما ... his sister أوما أوباما ... أوباما), else the one the same
        short name last stood for; None when still ambiguous."""
        before = [key for key in owners if self._first_seen.get(key, entity.start) < entity.start]
        if len(before) == 1:
            return before[0]
        return last if last in before else None

    def _known_short_names(self, short: list[Entity], index: dict[str, set[str]]) -> dict[str, str]:
        """The other word of each KB person a short name of the document links to on its own
        (كيري -> جون كيري): a lone جون elsewhere in the document is the same person."""
        known: dict[str, str] = {}
        for entity in short:
            tokens = name_tokens(entity.text)
            if not tokens or index.get(tokens[0]):
                continue
            entry = self.kb.short_form_person(tokens[0], entity.text)
            if entry is None or not self.kb.ends_alike(entry, entity.text):
                continue
            target = self.state.target_for_entry(entry)
            for name in entry.names:
                words = name_tokens(name)
                if len(words) == 2 and tokens[0] in words:
                    other = words[0] if words[1] == tokens[0] else words[1]
                    known.setdefault(other, target)
        return known

    def _similar_cluster(
        self, name: str, clusters: dict[str, int], index: PersonNameIndex[str]
    ) -> tuple[str | None, float]:
        """The earliest cluster most similar to ``name`` at ``PERSON_THRESHOLD`` or above; only
        the clusters ``index`` finds can reach it (O(candidates), not O(clusters))."""
        best: str | None = None
        best_score = 0.0
        for key in sorted(index.candidates(name), key=clusters.__getitem__):
            target = self.state.targets[key]
            names = [*target.full_names, *target.kb_names]
            score = max((name_similarity(name, other) for other in names), default=0.0)
            if score > best_score:
                best, best_score = key, score
        return (best, best_score) if best_score >= PERSON_THRESHOLD else (None, best_score)

    def _nasab_cluster(self, name: str, clusters: dict[str, int]) -> str | None:
        """The one cluster whose name is ``name`` with a nasab inside: ماجد الحقيل is ماجد بن
        عبدالله الحقيل, عبدالله المعلمي is عبدالله بن يحيى المعلمي (given name and family name
        agree, only the ``بن X`` links are left out). None when the name has a nasab itself, has
        no family name, or two clusters fit (محمد آل سعود)."""
        words = name_words(name)
        if len(words) != 2 or any(w in LINEAGE for w in words):
            return None
        key = name_key(name)
        first, last = key.split(" ")[0], key.split(" ")[-1]
        found: set[str] = set()
        for cluster in clusters:
            target = self.state.targets[cluster]
            for other in (*target.full_names, *target.kb_names):
                if without_nasab(other) == key or _middle_dropped(other, first, last):
                    found.add(cluster)
                    break
        return found.pop() if len(found) == 1 else None

    def _lineage_cluster(self, name: str, clusters: dict[str, int]) -> str | None:
        """The one cluster named with ``name``'s lineage carried further (or shorter): after
        سعود بن عبدالله بن محمد, سعود بن عبدالله is he (one forebear is enough within an article)."""
        found = {
            cluster
            for cluster in clusters
            for other in (*self.state.targets[cluster].full_names, *self.state.targets[cluster].kb_names)
            if extends_lineage(other, name, min_fathers=1) or extends_lineage(name, other)
        }
        return found.pop() if len(found) == 1 else None

    def _short_index(self, clusters: list[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """First and last name tokens of the full names in the document -> person clusters; and
        apart, family names after آل. These stand for the person only when آل is written before
        them (الشيخ آل عطيان): the prince بدر بن محمد آل سعود is never "سعود" alone, a given
        name (المقدم سعود ...), nor is حمد بن خليفة آل ثاني "ثاني"."""
        index: dict[str, set[str]] = {}
        families: dict[str, set[str]] = {}
        for key in clusters:
            for name in self.state.targets[key].full_names:
                tokens = name_tokens(name)
                index.setdefault(tokens[0], set()).add(key)
                family = len(tokens) >= 2 and tokens[-2] == FAMILY_LINK
                (families if family else index).setdefault(tokens[-1], set()).add(key)
        return index, families

    def _person_mention(self, entity: Entity, key: str, confidence: float) -> Mention:
        return Mention(
            entity.start,
            entity.end,
            entity.text,
            EntityType.PERSON,
            entity.subtype or self.state.targets[key].subtype,
            entity.source,
            min(entity.confidence, confidence),
            key,
        )


def _middle_dropped(name: str, first: str, last: str) -> bool:
    """Whether ``name`` is a given name, a father's name (or two) and a family name that a later
    mention shortens to ``first last`` (موفق منصور جمال -> موفق جمال), with no lineage links."""
    words = name_words(name)
    if not 3 <= len(words) <= 4 or any(w in LINEAGE for w in words):
        return False
    tokens = name_key(name).split(" ")
    return len(tokens) == len(words) and tokens[0] == first and tokens[-1] == last
