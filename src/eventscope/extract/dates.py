"""dates.v1 (stub)."""
def extract_dates(doc, article, prior):
    return ()
