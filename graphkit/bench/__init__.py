"""Benchmarks, each timing graphkit against its competitor in the same run: `extract` (raw spaCy
`nlp.pipe`), `load` (one auto-commit MERGE per relationship), `view` (headless Chromium)."""
