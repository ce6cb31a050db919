"""Loading the spaCy pipeline: once per process, named by a setting."""
from eventscope.nlp.model import load_model, model_info

__all__ = ["load_model", "model_info"]
