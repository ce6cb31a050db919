"""events.v1 (stub)."""
class EventExtractor:
    def __init__(self, actors):
        self.actors = actors

    def __call__(self, doc, article, prior):
        return ()
