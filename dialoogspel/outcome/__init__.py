"""The outcome file (SPEC section 6): Session → record (the front-matter data) → Markdown, and
files read back into records (terugblik, overview). Pure text in, text out; no textual.

- `record`: `OutcomeRecord`, the front matter as data (keys exactly as in the SPEC)
- `render`: the Markdown file (`yamltext` writes the front matter, `markdown` escapes)
- `read`, `body`, `check`, `fastyaml`: files of format 1 and 2 read back, damage as
  `OutcomeFormatError`
- `privacy`: what looks like a BSN, student number, e-mail address or phone number
- `uitkomst.schema.json`: the JSON Schema of the front matter
"""

from __future__ import annotations

from dialoogspel.outcome.check import OutcomeFormatError, record_from
from dialoogspel.outcome.markdown import SEPARATOR, escape
from dialoogspel.outcome.privacy import PrivacyFinding, privacy_findings
from dialoogspel.outcome.read import (
    OutcomeAgreement,
    OutcomeData,
    read_front_matter,
    read_outcome,
)
from dialoogspel.outcome.record import FORMAAT, OutcomeRecord, front_matter, record_of
from dialoogspel.outcome.render import card_label, card_labels, render

SCHEMA_NAME = "uitkomst.schema.json"
"""The JSON Schema of the front matter, shipped next to this file."""


def schema_text() -> str:
    """The JSON Schema of the front matter (for tools and tests)."""
    from importlib.resources import files

    return files(__package__).joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


__all__ = [
    "FORMAAT",
    "SCHEMA_NAME",
    "SEPARATOR",
    "OutcomeAgreement",
    "OutcomeData",
    "OutcomeFormatError",
    "OutcomeRecord",
    "PrivacyFinding",
    "card_label",
    "card_labels",
    "escape",
    "front_matter",
    "privacy_findings",
    "read_front_matter",
    "read_outcome",
    "record_from",
    "record_of",
    "render",
    "schema_text",
]
