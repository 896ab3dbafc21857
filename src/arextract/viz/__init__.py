"""Showing Documents: HTML for Jupyter and browsers, pandas DataFrames, a relation graph, plots.

One module per view; each takes one Document or many and imports its optional packages
(pandas, networkx, matplotlib: ``pip install "arextract[notebook]"``) only when called, so
``import arextract`` stays light. The top-level helpers (``arextract.render``, ``to_html``,
``entities_frame``, ``relations_frame``, ``to_frames``, ``graph``, ``plot_graph``,
``plot_timeline``) are these functions, loaded on first use.

* :mod:`.colors`: one colour (and Arabic name) per entity type and relation type.
* :mod:`.html`: the document as HTML (what Jupyter shows) and standalone pages.
* :mod:`.frames`: one row per mention / relation, as DataFrames.
* :mod:`.graph`: a networkx graph of canonical entities and relations.
* :mod:`.plots`: the graph and a timeline drawn with matplotlib, Arabic labels shaped.
* :mod:`.graph_export`: ``python -m arextract graph``, the graph as GraphML or GEXF.
* :mod:`.support`: what every view needs (documents as a list, time values, optional imports).
"""
