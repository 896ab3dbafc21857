"""Evaluation: scores against gold, apart from the runtime (nothing in the pipeline imports it).

* :mod:`~arextract.evaluation.ner`: the tagger on CoNLL gold, the pipeline's mentions on
  corrected annotations (exact spans, conlleval semantics);
* :mod:`~arextract.evaluation.ner_pipeline`: the whole pipeline's mentions on ANERcorp-style CoNLL
  gold, in article-sized chunks, beside the tagger alone;
* :mod:`~arextract.evaluation.relations`: relations, their dates and named entities against gold;
* :mod:`~arextract.evaluation.gold`: the gold JSON files (``tests/gold``, real-news gold);
* :mod:`~arextract.evaluation.annotations`: corrected Label Studio and brat exports as gold;
* :mod:`~arextract.evaluation.speed`: the tagger's speed.

The command is ``python -m arextract.evaluate`` (:mod:`arextract.evaluate`).
"""
