"""``python -m arextract graph OUTDIR -o FILE``: GraphML and GEXF that networkx reads back."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import arextract
from arextract.cli import main as cli_main
from arextract.pipeline import Pipeline
from arextract.schema import Document

nx = pytest.importorskip("networkx")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    """A batch output folder over seeds/: documents.jsonl, one Document per line."""
    out = tmp_path_factory.mktemp("graph_out")
    nlp = Pipeline()
    docs = [
        nlp(p.read_text(encoding="utf-8")).model_copy(update={"source": str(p)})
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    (out / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
    return out, docs


def _relation_counts(g: object, attribute: str) -> Counter[str]:
    return Counter(data[attribute] for _, _, data in g.edges(data=True))  # type: ignore[attr-defined]


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(
    seeds_out: tuple[Path, list[Document]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, docs = seeds_out
    target = tmp_path / "seeds.graphml"
    assert cli_main(["graph", str(out), "-o", str(target)]) == 0
    expected = arextract.graph(docs)
    back = nx.read_graphml(target, force_multigraph=True)
    assert back.is_directed() and back.is_multigraph()
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )
    assert expected.number_of_edges() > 20  # the seeds give a real graph, not an empty file
    assert set(back.nodes) == set(expected.nodes)
    assert _relation_counts(back, "type") == _relation_counts(expected, "type")
    assert f"{expected.number_of_nodes()} nodes" in capsys.readouterr().out
    china = back.nodes["الصين"]
    assert (china["type"], china["kb_id"], china["name_en"]) == ("COUNTRY", "CN", "China")
    assert china["documents"] == 5
    # The dated phone call between Xi Jinping and Lukashenko, with its roles split into scalars.
    call = [data for u, v, data in back.edges(data=True) if data["type"] == "PHONE_CALL"]
    assert len(call) == 1 and call[0]["date"] == "2021-01-26"
    assert (call[0]["source_role"], call[0]["target_role"], call[0]["symmetric"]) == (
        "participant",
        "participant",
        True,
    )
    # Undated edges have no date attribute at all (not an empty string).
    assert any("date" not in data for _, _, data in back.edges(data=True))


def test_gexf_reads_back_with_the_same_counts(seeds_out: tuple[Path, list[Document]], tmp_path: Path) -> None:
    out, docs = seeds_out
    target = tmp_path / "calls.gexf"
    assert cli_main(["graph", str(out), "-o", str(target), "--types", "MEETING,PHONE_CALL,VISIT"]) == 0
    expected = arextract.graph(docs, relation_types=["MEETING", "PHONE_CALL", "VISIT"])
    back = nx.read_gexf(target)
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )
    # GEXF keeps `type` for the edge kind: the relation type is `relation_type` (and the label).
    assert _relation_counts(back, "relation_type") == _relation_counts(expected, "type")
    assert set(_relation_counts(back, "label")) == {"MEETING", "PHONE_CALL", "VISIT"}


def test_bad_suffix_and_missing_output_are_usage_errors(
    seeds_out: tuple[Path, list[Document]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = seeds_out
    with pytest.raises(SystemExit) as stop:
        cli_main(["graph", str(out), "-o", str(tmp_path / "g.png")])
    assert stop.value.code == 2 and ".graphml or .gexf" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli_main(["graph", str(tmp_path / "nothing"), "-o", str(tmp_path / "g.graphml")])
    assert stop.value.code == 2 and "documents.jsonl" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.graphml"))


def test_english_names_reach_the_html_and_the_frames(seeds_out: tuple[Path, list[Document]]) -> None:
    """name_en comes from the knowledge files: shown next to the canonical name where known."""
    _, docs = seeds_out
    doc = docs[3]  # 003: known people, countries, initiatives, and an event no file knows
    html = arextract.to_html(doc)
    assert "شي جين بينغ (Xi Jinping)" in html and "الصين (China)" in html
    event = next(e for e in doc.entities if e.type.value == "EVENT")
    assert event.name_en is None and f"{event.canonical} · EVENT" in html
    pytest.importorskip("pandas")
    frame = arextract.entities_frame(doc)
    assert dict(zip(frame["canonical"], frame["name_en"], strict=True))["مبادرة الحزام والطريق"] == (
        "Belt and Road Initiative"
    )
