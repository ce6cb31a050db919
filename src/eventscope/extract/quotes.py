"""quotes.v1 (stub)."""
def extract_quotes(doc, article, prior):
    return ()
