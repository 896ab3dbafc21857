"""Coreference: phrases that refer to an entity without naming it.

The linker's phrases (:mod:`.phrases` runs them in one pass over a document's tokens):

* :mod:`.sides`: الجانب القازاقي -> Kazakhstan; الجانبين الصيني والقازاقي -> China and Kazakhstan;
* :mod:`.duals`: البلدين / الجانبين -> the two countries in focus;
* :mod:`.counterparts`: نظيره البيلاروسي -> the Belarusian person of the document;
* :mod:`.possessives`: بلاده -> the country of the latest person subject;
* :mod:`.kingdom`: المملكة on its own -> the kingdom the story is about.
"""
