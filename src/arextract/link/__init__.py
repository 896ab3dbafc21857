"""Entity linking and coreference: one canonical entity per real-world person, country,
organisation and initiative.

:class:`Linker` is a pipeline stage that runs after NER. It

* links person mentions to the knowledge base by :func:`name_similarity` over transliteration
  skeletons (:func:`name_key`), so وانغ يي / وانج يي and شي جين بينغ / شى جين بينج are one
  person, while وانغ يي / وانغ وين تاو stay two (:mod:`.names`, :mod:`.kb_linking`);
* clusters the person mentions of a document: spelling variants merge, and a one-token short
  form (وانغ، شي، لوكاشينكو) joins the one full name in the document whose first or last token
  it is (it is left alone when two full names share that token) (:mod:`.persons`);
* finds what NER missed of those people: knowledge-base names in another spelling
  (``source="link"``) and later short forms of a full name already seen (``source="link"``)
  (:mod:`.missed_persons`);
* links model mentions of places, organisations and initiatives to the knowledge base by folded
  name (with clitic readings) or nisba (:mod:`.kb_linking`), and gives persons the country named
  before them (:mod:`.countries`);
* adds coreference mentions (``source="coref"``, :mod:`arextract.coref`): الجانب القازاقي ->
  Kazakhstan; البلدين / الجانبين -> the two countries in focus (two mentions with the same span);
  نظيره البيلاروسي -> the Belarusian person of the document; بلاده -> the country of the latest
  person subject; المملكة -> the kingdom of the story.

Every mention leaves with ``canonical``, ``aliases`` (its entity's surface forms in the document,
then the knowledge-base names), ``kb_id`` when known and a ``confidence`` that is the lower of
the NER confidence and the link's (so linking twice changes nothing) (:mod:`.output`). Phrase
lists live in ``data/link.toml`` (:mod:`.lexicons`); the steps share one
:class:`~arextract.link.state.DocumentState` per document.

:func:`entity_table` merges the entities of many documents into one row per real-world entity
(:mod:`.table`).
"""

from arextract.link.linker import Linker
from arextract.link.names import (
    PERSON_THRESHOLD,
    PersonNameIndex,
    name_key,
    name_similarity,
    name_tokens,
)
from arextract.link.table import MAX_ALIASES, EntityRow, EntityTable, entity_table

__all__ = [
    "MAX_ALIASES",
    "PERSON_THRESHOLD",
    "EntityRow",
    "EntityTable",
    "Linker",
    "PersonNameIndex",
    "entity_table",
    "name_key",
    "name_similarity",
    "name_tokens",
]
