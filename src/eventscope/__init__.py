"""eventscope: sourced event data from news text.

The Python API is the product; the CLI is a thin layer over it. See ``docs/api.md``.
"""
__version__ = "0.1.0"
