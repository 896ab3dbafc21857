"""Typed relations from rules that are data (``arextract/data/relations.toml``).

``engine`` is the stage (:class:`RelationExtractor`); ``rules`` validates rule files and
``lexicons`` folds their word lists; ``view`` indexes a document's sentences and mentions;
``triggers`` finds trigger words; ``slots`` (with ``search``, ``candidates`` and
``referents``) fills a rule's arguments; ``title_grammar`` and ``roles`` read titles into
ROLE relations; ``dating`` and ``modality`` date and qualify a relation; ``assemble`` builds,
dedupes and numbers them. ``events`` names events and initiatives; ``scoring`` scores against
gold.
"""

from arextract.relations.engine import RelationExtractor
from arextract.relations.rules import Lexicons, Rule, RuleSet, Slot, load_rule_file, load_rules

__all__ = ["Lexicons", "RelationExtractor", "Rule", "RuleSet", "Slot", "load_rule_file", "load_rules"]
