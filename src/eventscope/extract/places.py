"""places.v1 (stub)."""
class PlaceExtractor:
    def __call__(self, doc, article, prior):
        return ()
