"""Arabic text primitives, each written once: normalisation and folding with an offset map
(:mod:`.normalize`), the clitic inventory (:mod:`.clitics`), sentences and tokens
(:mod:`.segment`) and span helpers (:mod:`.spans`)."""
