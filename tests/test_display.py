"""Showing Documents (arextract.viz): HTML, DataFrames, the relation graph and the plots."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arextract
from arextract import ArextractError, Document
from arextract.batch.job import Result
from arextract.batch.outputs import OutputStore
from arextract.batch.tables import relation_rows
from arextract.schema import Argument, Entity, Interval, Relation, TextSpan, Time
from arextract.viz import frames, html, plots
from arextract.viz.graph import graph

VOID = {"br", "meta", "img", "hr", "input", "link"}


class _Collector(HTMLParser):
    """The text of an HTML fragment, checking that its tags are balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.chunks: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.depths: list[int] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))
            self.depths.append(sum(1 for t in self.stack if t == "mark"))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def parse(fragment: str) -> _Collector:
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    assert collector.stack == []
    return collector


def mention(
    doc_text: str,
    eid: str,
    kind: str,
    surface: str,
    canonical: str | None = None,
    occurrence: int = 0,
    kb_id: str | None = None,
) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = doc_text.index(surface, start + 1)
    return Entity(
        id=eid,
        type=kind,
        text=surface,
        start=start,
        end=start + len(surface),  # type: ignore[arg-type]
        canonical=canonical or surface,
        kb_id=kb_id,
        source="gazetteer",
    )


TEXT = (
    "التقى وزير الخارجية الصيني وانغ يي في اجتماع منظمة شنغهاي للتعاون نظيره الروسي، "
    "واتفق البلدين على التعاون <script>alert('x')</script> & \"غدا\"."
)


@pytest.fixture(scope="module")
def crafted() -> Document:
    """Nested (EVENT ⊃ ORGANIZATION), shared (البلدين -> two countries) and partial overlaps."""
    text = TEXT
    entities = [
        mention(text, "e1", "COUNTRY", "الصيني", "الصين", kb_id="CN"),
        mention(text, "e2", "PERSON", "وانغ يي", "وانغ يي"),
        mention(text, "e3", "EVENT", "اجتماع منظمة شنغهاي للتعاون"),
        mention(text, "e4", "ORGANIZATION", "منظمة شنغهاي للتعاون", kb_id="SCO"),
        mention(text, "e5", "PERSON", "نظيره الروسي", "سيرغي لافروف"),
        mention(text, "e6", "COUNTRY", "الروسي", "روسيا", kb_id="RU"),
        mention(text, "e7", "COUNTRY", "البلدين", "الصين", kb_id="CN"),
        mention(text, "e8", "COUNTRY", "البلدين", "روسيا", kb_id="RU"),
        # partial overlap: "على التعاون" and "التعاون <script>"
        mention(text, "e9", "MISC", "على التعاون"),
        mention(text, "e10", "MISC", "التعاون <script>", '<b>"x"</b>'),
    ]
    at = text.index("التقى")
    trigger = TextSpan(text="التقى", start=at, end=at + 5)
    evidence = TextSpan(text=text[at:80], start=at, end=80)
    when = text.index("غدا")
    relations = [
        Relation(
            id="r1",
            type="MEETING",
            trigger=trigger,
            evidence=evidence,
            arguments=[
                Argument(role="participant", entity_id="e2", text="وانغ يي"),
                Argument(role="participant", entity_id="e5", text="نظيره الروسي"),
                Argument(role="participant", entity_id="e4", text="منظمة شنغهاي للتعاون"),
            ],
            date=Time(id="t1", text="غدا", start=when, end=when + 3, value="2020-09-13", granularity="day"),
        ),
        Relation(
            id="r2",
            type="ROLE",
            trigger=trigger,
            evidence=evidence,
            arguments=[
                Argument(role="person", entity_id="e2", text="وانغ يي"),
                Argument(role="affiliation", entity_id="e1", text="الصيني"),
            ],
        ),
    ]
    times = [Time(id="t1", text="غدا", start=when, end=when + 3, value="2020-09-13", granularity="day")]
    return Document(
        text=text, entities=entities, relations=relations, times=times, doc_date=date(2020, 9, 12)
    )


@pytest.fixture(scope="module")
def seed_docs(seed_texts: dict[str, str]) -> list[Document]:
    return [arextract.extract(text) for text in seed_texts.values()]


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def test_text_is_escaped_and_kept_exactly_once(crafted: Document) -> None:
    page = html.document_html(crafted)
    assert "<script>" not in page
    assert "&lt;script&gt;</mark>alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;" in page
    assert "<b>" not in page.replace("<b>التقى</b>", "")  # only the trigger is bold in the table
    text_div = page.split('<div class="arx-text"', 1)[1]
    text_div = "<div" + text_div.split("</div>", 1)[0] + "</div>"
    assert "".join(parse(text_div).chunks) == crafted.text


def test_text_block_is_right_to_left_arabic(crafted: Document) -> None:
    page = html.document_html(crafted)
    assert page == arextract.to_html(crafted)
    assert '<div class="arx-text" dir="rtl" lang="ar"' in page
    assert 'class="arx-legend"' in page
    for kind in ("PERSON", "COUNTRY", "EVENT", "ORGANIZATION", "MISC", "TIME"):
        assert f'data-type="{kind}"' in page


def test_overlapping_mentions_nest_or_merge(crafted: Document) -> None:
    text_html = html.text_html(crafted)
    collector = parse(text_html)
    marks = {
        mark["data-ids"]: (mark, depth) for mark, depth in zip(collector.marks, collector.depths, strict=True)
    }
    # EVENT contains ORGANIZATION: the organisation is nested inside the event's highlight
    assert marks["e3"][1] == 0 and marks["e4"][1] == 1
    assert "contains: منظمة شنغهاي للتعاون (ORGANIZATION)" in (marks["e3"][0]["title"] or "")
    # PERSON "نظيره الروسي" contains the nisba "الروسي"
    assert marks["e5"][1] == 0 and marks["e6"][1] == 1
    # one span, two countries: one highlight whose tooltip names both, with their kb_ids
    shared, depth = marks["e7 e8"]
    assert depth == 0
    assert "الصين · COUNTRY · kb_id CN" in (shared["title"] or "")
    assert "روسيا · COUNTRY · kb_id RU" in (shared["title"] or "")
    # partial overlap: one flat highlight over the union, listing both
    flat, depth = marks["e9 e10"]
    assert depth == 0 and (flat["title"] or "").startswith("overlapping mentions:")
    assert '<b>"x"</b>' in (flat["title"] or "")  # unescaped by the parser: it was escaped in the page
    assert "".join(collector.chunks) == crafted.text


def test_tooltips_carry_canonical_name_and_kb_id(crafted: Document) -> None:
    collector = parse(html.text_html(crafted))
    titles = {mark["data-ids"]: mark["title"] or "" for mark in collector.marks}
    assert titles["e1"].startswith("الصين · COUNTRY · kb_id CN")
    assert titles["e5"].startswith("سيرغي لافروف · PERSON · no kb_id")
    assert titles["t1"].startswith("غدا → 2020-09-13 (day)")


def test_relations_table(crafted: Document) -> None:
    page = arextract.to_html(crafted)
    table = page.split('<table class="arx-relations"', 1)[1]
    parse("<table" + table.split("</table>", 1)[0] + "</table>")
    assert table.count('<tr class="arx-rel"') == 2
    assert 'data-type="MEETING"' in table and 'data-type="ROLE"' in table
    assert "participant</span>: <bdi>نظيره الروسي</bdi> → <bdi>سيرغي لافروف</bdi>" in table
    assert "<code>2020-09-13</code>" in table
    assert "<b>التقى</b>" in table  # the trigger inside the evidence snippet


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ا", "ب", "ج", " ", "\n", "<b>", "</mark>", "<script>", "&amp;", '"', "'", "<", ">"]
        ),
        min_size=1,
        max_size=25,
    ).map("".join),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(["PERSON", "COUNTRY", "EVENT"])),
        max_size=8,
    ),
)
def test_any_spans_keep_the_text(text: str, spans: list[tuple[int, int, str]]) -> None:
    entities = [
        Entity(
            id=f"e{i}",
            type=kind,
            text=text[start : start + size],
            start=start,  # type: ignore[arg-type]
            end=start + size,
            canonical="x",
            source="gazetteer",
        )
        for i, (start, size, kind) in enumerate(spans)
        if start + size <= len(text)
    ]
    doc = Document(text=text, entities=entities)
    collector = parse(html.text_html(doc))
    assert "".join(collector.chunks) == text
    assert set(collector.tags) <= {"mark"}  # nothing from the text became a tag


def test_every_seed_mention_is_shown(seed_docs: list[Document]) -> None:
    for doc in seed_docs:
        page = arextract.to_html(doc)
        text_div = "<div" + page.split('<div class="arx-text"', 1)[1].split("</div>", 1)[0] + "</div>"
        collector = parse(text_div)
        assert "".join(collector.chunks) == doc.text
        shown = {eid for mark in collector.marks for eid in (mark["data-ids"] or "").split()}
        assert shown >= {entity.id for entity in doc.entities}


def test_render_writes_a_standalone_page(tmp_path, seed_docs: list[Document], crafted: Document) -> None:
    path = tmp_path / "page.html"
    returned = html.render([*seed_docs[:2], crafted], path, title="Seeds <1>")
    page = path.read_bytes().decode("utf-8")
    assert page == returned
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page and '<meta charset="utf-8">' in page
    assert "<title>Seeds &lt;1&gt;</title>" in page
    assert page.count('<div class="arx-doc"') == 3
    assert html.render(crafted) == html.page_html([crafted], title="arextract")


def test_the_top_level_helpers_are_the_views() -> None:
    views = {
        "render": html.render,
        "to_html": html.document_html,
        "entities_frame": frames.entities_frame,
        "relations_frame": frames.relations_frame,
        "to_frames": frames.to_frames,
        "graph": graph,
        "plot_graph": plots.plot_graph,
        "plot_timeline": plots.plot_timeline,
    }
    for name, view in views.items():
        assert getattr(arextract, name) is view, name
        assert name in arextract.__all__ and name in dir(arextract)
    with pytest.raises(AttributeError, match="no attribute 'no_such_helper'"):
        arextract.no_such_helper  # noqa: B018


def test_import_arextract_loads_neither_the_views_nor_the_batch_machinery() -> None:
    code = (
        "import sys, arextract\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'networkx', "
        "'matplotlib') or m.startswith(('arextract.viz', 'arextract.batch', 'arextract.spacy_bridge')))\n"
        "print(loaded())\n"
        "arextract.to_html, arextract.extract_many, arextract.to_spacy\n"
        "print(loaded())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()
    assert before == "[]"
    for module in ("arextract.viz.html", "arextract.batch.extract_many", "arextract.spacy_bridge"):
        assert repr(module) in after


def test_notebooks_show_a_document_as_its_html(crafted: Document) -> None:
    formatters = pytest.importorskip("IPython.core.formatters", reason="IPython comes with ipykernel")
    display = formatters.DisplayFormatter()
    arextract._show_documents_as_html(display)  # what `import arextract` does under IPython
    data, _ = display.format(crafted)
    assert data["text/html"] == html.document_html(crafted)


# --------------------------------------------------------------------------------------------
# DataFrames
# --------------------------------------------------------------------------------------------


def test_frames(crafted: Document, seed_docs: list[Document]) -> None:
    pytest.importorskip("pandas", reason="pandas is in the optional extra arextract[notebook]")
    entities = arextract.entities_frame(crafted)
    assert list(entities.columns) == frames.ENTITY_COLUMNS
    assert len(entities) == len(crafted.entities)
    assert entities.loc[entities.id == "e7", "canonical"].item() == "الصين"
    relations = arextract.relations_frame(crafted)
    assert list(relations.columns) == frames.RELATION_COLUMNS
    meeting = relations.iloc[0]
    assert meeting.type == "MEETING" and meeting.date == "2020-09-13"
    assert (
        meeting.arguments == "participant=وانغ يي; participant=سيرغي لافروف; participant=منظمة شنغهاي للتعاون"
    )
    all_entities, all_relations = frames.to_frames(seed_docs)
    assert list(all_entities.columns[:2]) == ["document", "source"]
    assert sorted(set(all_entities.document)) == list(range(len(seed_docs)))
    assert len(all_entities) == sum(len(doc.entities) for doc in seed_docs)
    assert len(all_relations) == sum(len(doc.relations) for doc in seed_docs)
    empty_entities, empty_relations = frames.to_frames([])
    assert empty_entities.empty and "document" in empty_relations.columns


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch, crafted: Document) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    for call in (
        lambda: frames.entities_frame(crafted),
        lambda: frames.relations_frame(crafted),
        lambda: frames.to_frames([crafted]),
    ):
        with pytest.raises(ArextractError, match=r'pip install "arextract\[notebook\]"') as info:
            call()
        assert isinstance(info.value, ImportError)


# --------------------------------------------------------------------------------------------
# Graph and plots
# --------------------------------------------------------------------------------------------


def test_graph_nodes_and_edges(crafted: Document) -> None:
    pytest.importorskip("networkx", reason="networkx is in the optional extra arextract[notebook]")
    g = graph(crafted)
    assert g.is_multigraph() and g.is_directed()
    assert g.nodes["الصين"] == {
        "type": "COUNTRY",
        "kb_id": "CN",
        "label": "الصين",
        "mentions": 2,
        "documents": 1,
    }
    meeting = [(u, v) for u, v, t in g.edges(data="type") if t == "MEETING"]
    assert len(meeting) == 3  # three participants: one edge per pair
    assert {frozenset(pair) for pair in meeting} == {
        frozenset({"وانغ يي", "سيرغي لافروف"}),
        frozenset({"وانغ يي", "منظمة شنغهاي للتعاون"}),
        frozenset({"سيرغي لافروف", "منظمة شنغهاي للتعاون"}),
    }
    _, _, attrs = next(iter(g.edges(data=True)))
    assert attrs["date"] == "2020-09-13" and attrs["symmetric"] is True
    roles = [(u, v) for u, v, t in g.edges(data="type") if t == "ROLE"]
    assert roles == [("وانغ يي", "الصين")]  # person -> affiliation
    only_roles = graph([crafted], relation_types=["ROLE"])
    assert only_roles.number_of_edges() == 1


def test_graph_of_the_seeds(seed_docs: list[Document]) -> None:
    pytest.importorskip("networkx", reason="networkx is in the optional extra arextract[notebook]")
    g = graph(seed_docs)
    assert g.nodes["الصين"]["kb_id"] == "CN" and g.nodes["الصين"]["documents"] == len(seed_docs)
    met = {frozenset((u, v)) for u, v, t in g.edges(data="type") if t == "MEETING"}
    assert frozenset({"وانغ يي", "مختار تليوبردي"}) in met
    assert any(t == "PHONE_CALL" for _, _, t in g.edges(data="type"))


def test_one_person_spelt_two_ways_is_one_node_and_one_entities_row(tmp_path: Path) -> None:
    pytest.importorskip("networkx", reason="networkx is in the optional extra arextract[notebook]")
    text = "التقى وانغ يي نظيره الروسي في موسكو، وقال وانج يي إن البلدين اتفقا."
    entities = [
        mention(text, "e1", "PERSON", "وانغ يي"),
        mention(text, "e2", "PERSON", "نظيره الروسي", "سيرغي لافروف"),
        mention(text, "e3", "CITY", "موسكو", kb_id="MOW"),
        mention(text, "e4", "PERSON", "وانج يي"),
    ]
    at = text.index("التقى")
    span = TextSpan(text=text[at : at + 5], start=at, end=at + 5)
    meeting = Relation(
        id="r1",
        type="MEETING",
        trigger=span,
        evidence=span,
        arguments=[
            Argument(role="participant", entity_id="e4", text="وانج يي"),
            Argument(role="participant", entity_id="e2", text="نظيره الروسي"),
        ],
    )
    doc = Document(text=text, entities=entities, relations=[meeting], source="wang.txt")
    g = graph(doc)
    people = sorted(name for name, kind in g.nodes(data="type") if kind == "PERSON")
    assert people == ["سيرغي لافروف", "وانغ يي"]
    assert g.nodes["وانغ يي"]["mentions"] == 2
    assert [(u, v) for u, v, t in g.edges(data="type") if t == "MEETING"] == [("وانغ يي", "سيرغي لافروف")]
    # entities.csv, as a batch run writes it
    store = OutputStore(tmp_path / "out")
    store.add(Result("wang.txt", doc.model_dump_json(), list(relation_rows(doc)), doc.entities))
    store.finish({})
    with (tmp_path / "out" / "entities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["canonical"] for row in rows if row["type"] == "PERSON") == people
    assert sorted(row["canonical"] for row in rows) == sorted(g.nodes)


def test_dates_for_the_timeline() -> None:
    assert plots._as_date("2020-09-12") == date(2020, 9, 12)
    assert plots._as_date("2020-09") == date(2020, 9, 1)
    assert plots._as_date("2013") == date(2013, 1, 1)
    assert plots._as_date("2020-W37") == date(2020, 9, 7)
    assert plots._as_date(Interval(start=None, end="2021-03")) == date(2021, 3, 1)
    assert plots._as_date(None) is None and plots._as_date("soon") is None


def test_plots(crafted: Document, seed_docs: list[Document]) -> None:
    pytest.importorskip("networkx", reason="networkx is in the optional extra arextract[notebook]")
    matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is in the optional extra")
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    ax = plots.plot_graph(seed_docs, relation_types=["MEETING", "PHONE_CALL", "VISIT"], title="who met whom")
    labels = {text.get_text() for text in ax.texts}
    assert plots.shape_arabic("وانغ يي") in labels
    assert ax.get_legend() is not None
    timeline = plots.plot_timeline([crafted, *seed_docs])
    lanes = [tick.get_text() for tick in timeline.get_yticklabels()]
    assert "MEETING" in lanes and "STATEMENT" not in lanes
    assert timeline.collections  # the points
    empty = plots.plot_timeline(Document(text="لا شيء"))
    assert empty.texts[0].get_text() == "no dated relations"
    plt.close("all")


def test_arabic_labels_for_matplotlib() -> None:
    label = "وانغ يي"
    assert plots.shape_arabic(label, native=True) == label
    assert plots.shape_arabic("Wang Yi", native=False) == "Wang Yi"
    pytest.importorskip("arabic_reshaper", reason="arabic-reshaper is in the optional extra")
    pytest.importorskip("bidi", reason="python-bidi is in the optional extra")
    shaped = plots.shape_arabic(label, native=False)
    assert shaped != label and len(shaped) == len(label)
    assert all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in shaped)  # presentation forms
    assert shaped.split(" ")[0] != label.split(" ")[0]  # visual order: the last word comes first
