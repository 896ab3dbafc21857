"""Training the NER tagger, apart from the runtime: nothing in the pipeline imports this package,
and :mod:`~arextract.training.neural` is the only module of arextract that imports torch.

* :mod:`~arextract.training.corpora`: the CoNLL corpora (ANERcorp, FANE), their label map;
* :mod:`~arextract.training.lexicons`: gazetteers from the training splits and the knowledge
  files, the LOC-type and subtype lexicons;
* :mod:`~arextract.training.dataset`: the training set, with jack-knifed gazetteer folds;
* :mod:`~arextract.training.crf` and :mod:`~arextract.training.neural`: the two models;
* :mod:`~arextract.training.ner`: the whole run, writing a model directory (``models/ner``).

The command is ``python -m arextract.train ner`` (:mod:`arextract.train`).
"""
