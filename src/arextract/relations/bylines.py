"""The byline that opens many stories: the reporters' names, the outlet and the city, set off
by dashes and a colon ("سامي العتيبي - سبق - الرياض:"، "خالد الحربي – ماجد الشهري: عين
اليوم"). The people named there wrote the story; they are no speaker, actor or party of what
it tells (GUIDELINES §5: a byline is never a speaker)."""

from __future__ import annotations

import regex

from arextract.ner.grammar.mentions import MEDIA
from arextract.schema import Document, EntityType

_OPENING = 120  # characters in which a byline ends
_MAX_WORDS = 4  # words of one byline part (a name, an outlet, a city)
_PART = regex.compile(r"\s*([^-–—:\n]{1,60}?)\s*([-–—:])")
_WORD = regex.compile(r"\w+")
# the desk a story comes from, in place of the city: "متابعات" (follow-ups), "وكالات" (agencies)
_DESKS = frozenset({"متابعات", "متابعة", "وكالات", "الوكالات"})
# a photo credit beside the byline or a picture: "(تصوير: X)"، "عدسة - X"; the photographer took
# the pictures and is no argument of the story
_CREDIT = regex.compile(r"(?:تصوير|عدسة|بعدسة)\s*[:\-–—]\s*[^()\[\]:\n\-–—،,.]{1,40}")


def outside_story(doc: Document) -> frozenset[str]:
    """The ids of the people who made the story, not told of in it: the reporters of its opening
    byline and the photographers it credits ("(تصوير: سالم العمري)")."""
    byline = byline_end(doc)
    credits = [(found.start(), found.end()) for found in _CREDIT.finditer(doc.text)]
    return frozenset(
        entity.id
        for entity in doc.entities
        if entity.type == EntityType.PERSON
        and (entity.end <= byline or any(start <= entity.start < end for start, end in credits))
    )


def byline_end(doc: Document) -> int:
    """Where the story's opening byline ends (0 if it opens with none): a run of short parts
    separated by dashes, opened by a person's name, that ends with a colon or with an
    outlet's or a city's name."""
    text = doc.text
    starts = {e.start: e for e in doc.entities if e.start < _OPENING}
    first = _PART.match(text, 0)
    if first is None or len(first.group(1).split()) > _MAX_WORDS:
        return 0
    opener = starts.get(first.start(1))
    if opener is None or opener.type != EntityType.PERSON or opener.end != first.end(1):
        return 0  # "الأمير X -رحمه الله-": a name in a sentence, not a byline
    position, parts = 0, 0
    while position < _OPENING:
        part = _PART.match(text, position)
        if part is not None and len(part.group(1).split()) <= _MAX_WORDS:
            parts += 1
            position = part.end()
            if part.group(2) == ":":
                return position
            continue
        # the last part: an outlet's or the city's name ends the byline ("فيصل الحربي- عين
        # اليوم  قال"، "خالد العمري – جدة كشف")
        start = len(text) - len(text[position:].lstrip())
        last = starts.get(start)
        if parts and last is not None and (last.subtype == MEDIA or last.type == EntityType.CITY):
            return last.end
        word = _WORD.match(text, start)
        if parts and word is not None and word.group() in _DESKS:
            return word.end()  # "حنان العلي – متابعات  طلب ..."
        return 0
    return 0
