"""The front matter of every outcome a test writes, checked against the shipped JSON Schema."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import yaml

from dialoogspel.outcome import schema_text

SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def as_json(value: Any) -> Any:
    """YAML data as JSON sees it: dates become YYYY-MM-DD text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def schema_errors(front_matter_text: str) -> list[str]:
    """Why a front matter (between its --- fences, or without them) breaks the schema."""
    inner = front_matter_text.strip().removeprefix("---").removesuffix("---")
    data = as_json(yaml.load(inner, Loader=yaml.CSafeLoader))
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def check_front_matter(front_matter_text: str) -> None:
    """AssertionError naming every schema problem of a front matter."""
    errors = schema_errors(front_matter_text)
    assert not errors, "\n".join(errors)
