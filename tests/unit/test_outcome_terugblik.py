"""The terugblik in the new outcome: `terugblik:` in the front matter and `## Terugblik`."""

from __future__ import annotations

from datetime import date

import pytest

from dialoogspel.model import (
    AgreementKind,
    EarlierAgreement,
    Held,
    Mode,
    Session,
    Status,
    open_items,
)
from dialoogspel.outcome import read_outcome, render
from tests.outcome_sessions import played

DAY = date(2026, 12, 4)
HOSTILE = ("[/]", "[bold]x[/bold]", "[@click=app.quit]x[/]", "\x1b]0;x\x07")


def looked_back(note: str = "Maandag is het ergst.") -> Session:
    session = played(Mode.SAMEN)
    session.terugblik = open_items(
        "2026-11-01_uitval_klas-3b.md",
        "41c2aa0e91b3",
        [
            EarlierAgreement(1, AgreementKind.UITZOEKEN, "Anna", "verzuim opvragen",
                             date(2026, 11, 20), vermoeden="vooral maandag"),
            EarlierAgreement(2, AgreementKind.AAN_DE_SLAG, "Team", "mentor bellen"),
            EarlierAgreement(3, AgreementKind.AAN_DE_SLAG, "Bram", "rooster maken"),
        ],
    )  # fmt: skip
    session.answer_terugblik(0, Status.LOOPT_NOG)
    session.note_terugblik(0, note)
    session.vermoeden_terugblik(0, Held.DEELS)
    session.carry_over(0, date(2027, 1, 15))
    session.answer_terugblik(1, Status.KLAAR)
    return session


def test_the_front_matter_holds_each_answered_item() -> None:
    data = read_outcome(render(looked_back(), DAY))
    assert data.front_matter["terugblik"] == [
        {
            "bestand": "2026-11-01_uitval_klas-3b.md",
            "sessie": "41c2aa0e91b3",
            "nr": 1,
            "wat": "verzuim opvragen",
            "status": "loopt nog",
            "notitie": "Maandag is het ergst.",
        },
        {
            "bestand": "2026-11-01_uitval_klas-3b.md",
            "sessie": "41c2aa0e91b3",
            "nr": 2,
            "wat": "mentor bellen",
            "status": "klaar",
            "notitie": None,
        },
    ]
    assert data.record is not None and len(data.record.terugblik) == 2
    carried = data.agreements[-1]
    assert (carried.who, carried.what, carried.deadline) == ("Anna", "verzuim opvragen",
                                                             date(2027, 1, 15))  # fmt: skip


def test_the_body_shows_the_terugblik_before_the_agreements() -> None:
    text = render(looked_back(), DAY)
    body = text.split("\n---\n", 1)[1]
    section = body[body.index("## Terugblik") : body.index("## Afspraken")]
    assert section.splitlines()[2:] == [
        "### 2026-11-01_uitval_klas-3b.md",
        "",
        "- **Anna**: verzuim opvragen — vóór vrijdag 20 november 2026 — loopt nog",
        "  - notitie: Maandag is het ergst.",
        "  - vermoeden: vooral maandag — klopte: deels",
        "  - meegenomen naar de afspraken van nu",
        "- **Team**: mentor bellen — klaar",
        "- **Bram**: rooster maken — nog geen antwoord",
        "",
    ]


def test_no_terugblik_means_no_key_and_no_section() -> None:
    text = render(played(Mode.SAMEN), DAY)
    assert "terugblik" not in text.split("\n---\n", 1)[0] and "## Terugblik" not in text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_notes_cannot_break_the_file(hostile: str) -> None:
    text = render(looked_back(note=f"# kop {hostile}\n- [x] nep"), DAY)
    data = read_outcome(text)
    assert data.front_matter["terugblik"][0]["notitie"] == f"# kop {hostile}\n- [x] nep"
    assert "\x1b" not in text and "\x07" not in text
    assert [a.done for a in data.agreements] == [False, False, False]
    assert text.count("\n## ") == 3  # Terugblik, Afspraken, Bord
