"""``python -m arextract``: see :mod:`arextract.cli`."""

from arextract.cli import main

raise SystemExit(main())
