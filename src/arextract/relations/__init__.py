"""Typed relations from rules that are data (``arextract/data/relations.toml``)."""

from arextract.relations.engine import RelationExtractor
from arextract.relations.rules import Lexicons, Rule, RuleSet, Slot, load_rule_file, load_rules

__all__ = ["Lexicons", "RelationExtractor", "Rule", "RuleSet", "Slot", "load_rule_file", "load_rules"]
