"""The JSON Schema of the outcome's front matter: valid, shipped inside the package, strict."""

from __future__ import annotations

import json

import jsonschema
import pytest

from dialoogspel.model import Mode
from dialoogspel.outcome import render, schema_text
from tests.outcome_schema import SCHEMA, schema_errors
from tests.outcome_sessions import DAY, played


def test_the_schema_is_valid_2020_12_and_read_from_the_package() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert json.loads(schema_text())["title"].startswith("Dialoogspel")


def test_the_keys_of_the_spec_are_required() -> None:
    assert SCHEMA["required"] == [
        "formaat", "spel", "sessie", "datum", "casus", "niveau", "thema", "stapels", "modus",
        "verdekt", "deelnemers", "bord", "afspraken",
    ]  # fmt: skip
    card = SCHEMA["properties"]["bord"]["items"]
    assert list(card["properties"]) == [
        "kaart", "vak", "hoe", "twijfel", "pionnen", "notities", "minuten",
    ]  # fmt: skip
    agreement = SCHEMA["properties"]["afspraken"]["items"]
    assert agreement["required"] == [
        "nr", "soort", "wie", "wat", "voor", "kaart", "vermoeden", "bron", "klaar",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("formaat: 2", "formaat: 1"),
        ("modus: pionnen", "modus: dammen"),
        ("vak: 1,", "vak: 5,"),
        ("hoe: eens", "hoe: misschien"),
        ("kaart: uitval/U01, vak", "kaart: U01, vak"),
        ("voor: 2026-12-01", "voor: 1 december"),
        ("klaar: false}", "klaar: false, extra: 1}"),
        ("datum: 2026-11-22", "datum: gisteren"),
    ],
)
def test_the_schema_refuses_what_the_spec_does_not_allow(old: str, new: str) -> None:
    head = render(played(Mode.PIONNEN), DAY).split("\n---\n", 1)[0]
    assert schema_errors(head) == []
    assert schema_errors(head.replace(old, new, 1)) != []
