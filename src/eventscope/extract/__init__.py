"""Extractors: pure functions (or callables configured once) of (doc, article, prior) -> records."""
