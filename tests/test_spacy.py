"""arextract in spaCy: to_spacy(), the "arextract" component, displacy and DocBin, on the seeds."""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

import arextract
from arextract import MissingDependencyError
from arextract.pipeline import Pipeline
from arextract.schema import Document

spacy = pytest.importorskip("spacy")
from spacy import displacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from arextract.spacy_bridge import MENTIONS_KEY, TIMES_KEY, SpacyRelation, to_spacy  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    nlp = Pipeline()
    return {path.name[:3]: nlp(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


def _key(span: object) -> tuple[int, int, str, str, str]:
    return (span.start_char, span.end_char, span.label_, span.kb_id_, span.id_)  # type: ignore[attr-defined]


def _mention_key(entity: object) -> tuple[int, int, str, str, str]:
    e = entity
    return (e.start, e.end, e.type.value, e.kb_id or "", e.id)  # type: ignore[attr-defined]


def _relation_key(relation: SpacyRelation) -> tuple[object, ...]:
    arguments = [(role, span.text, span.kb_id_) for role, span in relation.arguments]
    return (relation.type, arguments, relation.date_value, relation.evidence.text)


def test_every_mention_is_a_span_and_ents_follow_the_overlap_rule(seed_docs: dict[str, Document]) -> None:
    for name, doc in seed_docs.items():
        sdoc = to_spacy(doc)
        assert sdoc.text == doc.text, name
        assert [_key(s) for s in sdoc.spans[MENTIONS_KEY]] == [_mention_key(e) for e in doc.entities]
        mentions = {e.id: e for e in doc.entities}
        ents = list(sdoc.ents)
        # ents are mentions, exactly: offsets, type, kb_id and id
        assert {_key(s) for s in ents} <= {_mention_key(e) for e in doc.entities}
        for left, right in pairwise(ents):
            assert left.end_char <= right.start_char
        # A mention left out of the ents lost to an overlapping mention at least as long that starts
        # no later when as long, or to the same span's earlier mention.
        chosen = {s.id_ for s in ents}
        for entity in doc.entities:
            if entity.id in chosen:
                continue
            winners = [
                mentions[s.id_] for s in ents if s.start_char < entity.end and entity.start < s.end_char
            ]
            assert winners, (name, entity.id)
            for winner in winners:
                length, other = entity.end - entity.start, winner.end - winner.start
                assert other > length or (other == length and winner.start <= entity.start), (name, entity.id)
    # Nothing overlaps in 001 except the shared spans; the nested names of 000, 002, 003 do.
    assert len(to_spacy(seed_docs["000"]).ents) < len(seed_docs["000"].entities)


def test_mentions_inside_words_split_the_token_at_the_clitic(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    sdoc = to_spacy(doc)
    word = next(t for t in doc.tokens if t.text == "وقازاقستان")  # one arextract token
    kazakhstan = next(e for e in sdoc.ents if e.start_char == word.start + 1)
    index = kazakhstan.start
    assert [sdoc[index - 1].text, sdoc[index].text] == ["و", "قازاقستان"]  # و + قازاقستان
    assert sdoc[index - 1].idx == word.start and not sdoc[index - 1].whitespace_
    assert "وقازاقستان" not in [t.text for t in sdoc]
    assert (kazakhstan.label_, kazakhstan.kb_id_, kazakhstan._.canonical) == ("COUNTRY", "KZ", "قازاقستان")
    # للصين: the article's lam stays with the mention (لصين), the preposition goes
    lam = next(e for e in doc.entities if e.text == "لصين")
    span = next(s for s in sdoc.spans[MENTIONS_KEY] if s.id_ == lam.id)
    assert (span.text, span.doc[span.start - 1].text, span._.canonical) == ("لصين", "ل", "الصين")
    # arextract's sentences and folded forms come along
    assert len(list(sdoc.sents)) == len(doc.sentences)
    assert sdoc[index].norm_ == "قازاقستان" and sdoc[index - 1].norm_ == "و"


def test_a_shared_span_keeps_both_countries_in_the_span_group(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    sdoc = to_spacy(doc)
    first = next(e for e in doc.entities if e.text == "البلدين")
    shared = [s for s in sdoc.spans[MENTIONS_KEY] if (s.start_char, s.end_char) == (first.start, first.end)]
    assert [(s.kb_id_, s._.canonical, s._.name_en) for s in shared] == [
        ("CN", "الصين", "China"), ("KZ", "قازاقستان", "Kazakhstan"),
    ]
    same_span = [e.id for e in doc.entities if (e.start, e.end) == (first.start, first.end)]
    assert [s._.entity_id for s in shared] == [s.id_ for s in shared] == same_span
    # Only one can be an entity: the first in document order (China's).
    as_ents = [e for e in sdoc.ents if e.start_char == first.start]
    assert [(e.id_, e.kb_id_) for e in as_ents] == [(first.id, "CN")]


def test_times_and_relations(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["001"]
    sdoc = to_spacy(doc)
    assert [(t.text, t._.time_value, t.label_) for t in sdoc.spans[TIMES_KEY]][:2] == [
        ("12 سبتمبر 2020", "2020-09-12", "TIME"), ("اليوم (السبت)", "2020-09-12", "TIME"),
    ]
    relations = sdoc._.relations
    assert [r.id for r in relations] == [r.id for r in doc.relations]
    meeting = next(r for r in relations if r.type == "MEETING")
    assert [(role, span.text, span._.canonical) for role, span in meeting.arguments] == [
        ("participant", "وانغ يي", "وانغ يي"), ("participant", "مختار تليوبردي", "مختار تليوبردي"),
    ]
    assert (meeting.date.text, meeting.date_value) == ("اليوم (السبت)", "2020-09-12")
    original = next(r for r in doc.relations if r.id == meeting.id)
    assert meeting.evidence.text == original.evidence.text and meeting.trigger.text == "اجتماعه مع"
    assert meeting.attributes == original.attributes
    # Every argument span is the mention the relation names.
    for relation, spacy_relation in zip(doc.relations, relations, strict=True):
        assert [(a.role, a.entity_id) for a in relation.arguments] == [
            (role, span.id_) for role, span in spacy_relation.arguments
        ]


def test_component_and_pipe_give_what_to_spacy_gives(seed_docs: dict[str, Document]) -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arextract")
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    expected = [[_key(e) for e in to_spacy(doc).ents] for doc in seed_docs.values()]
    assert [[_key(e) for e in nlp(text).ents] for text in texts[:1]] == expected[:1]
    piped = list(nlp.pipe(texts))
    assert [[_key(e) for e in sdoc.ents] for sdoc in piped] == expected
    assert [len(sdoc._.relations) for sdoc in piped] == [len(doc.relations) for doc in seed_docs.values()]
    # configuration reaches arextract's pipeline
    gazetteer = spacy.blank("ar")
    gazetteer.add_pipe("arextract", config={"backend": "gazetteer"})
    sdoc = gazetteer(texts[1])
    assert sdoc._.arextract["meta"]["backend"] == "gazetteer"
    assert any(e.kb_id_ == "KZ" for e in sdoc.ents)


def test_the_factory_is_found_in_a_fresh_interpreter() -> None:
    code = (
        "import spacy, arextract\n"
        "nlp = spacy.blank('ar'); nlp.add_pipe('arextract')\n"
        "doc = nlp('التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان.')\n"
        "print(sorted((e.label_, e.kb_id_) for e in doc.ents))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "('COUNTRY', 'EG')" in result.stdout and result.stdout.count("PERSON") >= 2


def test_displacy_shows_the_mentions(seed_docs: dict[str, Document]) -> None:
    sdoc = to_spacy(seed_docs["004"])
    html = displacy.render(sdoc, style="ent", page=False)
    for ent in sdoc.ents:
        assert ent.text in html
    # one highlight per entity, right to left (spaCy knows Arabic's direction), with the kb_id
    assert html.count("<mark") == len(sdoc.ents) and "direction: rtl" in html
    assert "PERSON" in html and "COUNTRY" in html and ">CN</a>" in html
    # the span style draws the overlapping mentions too
    spans_html = displacy.render(sdoc, style="span", options={"spans_key": MENTIONS_KEY}, page=False)
    assert spans_html.count("PERSON") >= sum(1 for e in seed_docs["004"].entities if e.type.value == "PERSON")


def test_docbin_round_trip_keeps_ents_spans_and_extensions(seed_docs: dict[str, Document]) -> None:
    originals = [to_spacy(doc) for doc in seed_docs.values()]
    data = DocBin(docs=originals, store_user_data=True).to_bytes()
    vocab = spacy.blank("ar").vocab
    restored = list(DocBin(store_user_data=True).from_bytes(data).get_docs(vocab))
    for before, after in zip(originals, restored, strict=True):
        assert after.text == before.text
        assert [_key(e) for e in after.ents] == [_key(e) for e in before.ents]
        for key in (MENTIONS_KEY, TIMES_KEY):
            assert [_key(s) for s in after.spans[key]] == [_key(s) for s in before.spans[key]]
        assert [s._.canonical for s in after.spans[MENTIONS_KEY]] == [
            s._.canonical for s in before.spans[MENTIONS_KEY]
        ]
        assert [_relation_key(r) for r in after._.relations] == [_relation_key(r) for r in before._.relations]


def test_without_spacy_a_clear_error_names_the_install_command(
    seed_docs: dict[str, Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # what an uninstalled package looks like
    with pytest.raises(MissingDependencyError, match=r'pip install "arextract\[spacy\]"'):
        arextract.to_spacy(seed_docs["001"])
