"""Batch processing: many inputs, in parallel, resumable, safe on messy input.

The flow of a batch run (``python -m arextract INPUT... -o OUTDIR``, :func:`.run.run_batch`)::

    inputs ─► files (files, folders, globs) ─► inputs (.txt/.jsonl/.csv; decoded, hashed) ─► chunks
           ─► engines (in-process | a pool of worker processes | dask.distributed) ─► job
           ─► results, in input order ─► outputs.OutputStore (parts committed by atomic rename)
           ─► documents.jsonl, entities.csv, relations.csv, errors.jsonl, summary.json
              (+ parquet, sqlite)

One module per job:

* :mod:`.files`: which files are inputs (regular files only; symlinks leaving a folder are not
  followed; sources always printable; an input that is one of the outputs is refused).
* :mod:`.encodings`: bytes to text (UTF-8, BOM-marked Unicode, Arabic legacy encodings).
* :mod:`.inputs`: one :class:`~.inputs.Item` per text, read lazily, errors kept in their place.
* :mod:`.job`: one chunk in a worker: the pipeline loaded once per process, a time limit per
  document (a stalled document becomes an error record), a result per text.
* :mod:`.engines`: in-process, process pool or Dask; results in submission order from a bounded
  window (the outputs never depend on the engine or the number of workers); pool workers exit
  when the main process dies.
* :mod:`.outputs`: the :class:`~.outputs.OutputStore`, parts committed atomically and assembled
  at the end, so an output file is absent, the previous complete one, or the new complete one.
* :mod:`.resume`: what a resumed run keeps, skips (same text hash) and processes again.
* :mod:`.folder`: the output folder's file names, its lock (one run per folder) and atomic writes.
* :mod:`.tables`: the rows of entities.csv and relations.csv, with cells a spreadsheet cannot run.
* :mod:`.parquet`, :mod:`.sqlite`: the other output formats; :mod:`.documents` reads
  documents.jsonl back.
* :mod:`.extract_many`: the same machinery as a Python iterator of Documents
  (``arextract.extract_many``).

**Memory is bounded**: inputs are read one file or record at a time, at most a window of chunks
is in flight, documents are streamed to disk; only the entity table and the content hashes stay
in memory.
"""
