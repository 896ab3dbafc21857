"""Name grammars of Arabic news: the mentions the tagger and the knowledge files miss, and the
corrections of the tagger's person mentions. :mod:`arextract.ner.builtin` calls two functions
per sentence:

* :func:`refine_persons`: honorific chains and nasab names (``معالي الأستاذ عادل بن أحمد
  الجبير``), tagger mentions extended, cut or dropped;
* :func:`add_grammar_mentions`: institutions by their head noun (``وزارة الشؤون البلدية
  والقروية``) and news outlets (``صحيفة الوئام``), where they do not fight what was found.

Modules, from the words up:

* ``words``: the folded word lists several grammars share;
* ``mentions``: the mentions the grammar makes (source, confidence) and their boundaries moved;
* ``heads``, ``institutions``: organisations by head noun and their genitive chains;
* ``outlets``: news outlets (``صحيفة X``، ``لـ«X»``، ``سبق- الرياض:``);
* ``portfolios``: a minister's portfolio is no ministry (``وزيرة الخارجية الأمريكية``);
* ``months``: month names in dates that are no names (``5 آب 2015``);
* ``organizations``: the organisations proposed and the policy that adds them;
* ``names``: honorifics, given-name words and the nasab grammar (``بن``، ``ولد``، ``آل``);
* ``person_edges``: boundaries of the tagger's person mentions corrected;
* ``officials``: persons in protocol lists and appointments;
* ``speakers``: persons after a verb of saying and before their title (``أوضح راجح بادي الناطق``);
* ``places``: places named after a place noun (``منطقة العامرية``، ``مدن X وY``);
* ``persons``: :func:`refine_persons`, which runs all of the above on persons.
"""

from arextract.ner.grammar.organizations import add_grammar_mentions
from arextract.ner.grammar.persons import refine_persons
from arextract.ner.grammar.places import add_place_mentions

__all__ = ["add_grammar_mentions", "add_place_mentions", "refine_persons"]
