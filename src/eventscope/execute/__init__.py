"""Running the pipeline: named, versioned stages over batches of articles."""
from eventscope.execute.pipeline import Pipeline, StageTimings
from eventscope.execute.stages import Stage

__all__ = ["Pipeline", "Stage", "StageTimings"]
