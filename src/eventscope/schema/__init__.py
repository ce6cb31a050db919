"""The JSON Schema of ``eventscope extract`` output, shipped with the package."""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def article_result_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("article_result.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_article_result(data: Any) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` breaks the output contract."""
    import jsonschema

    jsonschema.validate(data, article_result_schema(), cls=jsonschema.Draft202012Validator)
