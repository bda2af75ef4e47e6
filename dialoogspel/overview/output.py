"""The overview as a terminal table (Rich) and as CSV for Dutch Excel (HTML: `html`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from dialoogspel.overview.html import to_html
from dialoogspel.overview.tally import Overview
from dialoogspel.textsafe import visible

CSV_COLUMNS = (
    "thema", "kaart", "sessies", "vak 1", "vak 2", "vak 3", "vak 4",
    "geparkeerd", "niet besproken", "besproken zonder vak", "pionnen verschilden", "rollen",
    "vraag",
)  # fmt: skip


def _roles(counts: Mapping[str, Mapping[int, int]]) -> str:
    parts = []
    for role in sorted(counts):
        spots = ", ".join(
            f"vak {v}: {n}" if v else f"weet niet: {n}" for v, n in sorted(counts[role].items())
        )
        parts.append(f"{visible(role)} ({spots})")
    return "; ".join(parts)


def to_csv(overview: Overview) -> bytes:
    """One row per card: UTF-8 with BOM, `;` between the fields."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for theme in overview.themes():
        for card in overview.cards_of(theme):
            writer.writerow(
                [visible(card.thema), visible(card.kaart), card.sessies, *card.vakken,
                 card.geparkeerd, card.niet_besproken, card.gezien, card.verschil,
                 _roles(card.rollen), visible(card.vraag)]
            )  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _role_table(overview: Overview, theme: str) -> list[object]:
    """Per role, where its pawns stood on the theme's cards: numbers first, then the role."""
    from rich.table import Table
    from rich.text import Text

    roles = overview.roles_of(theme)
    if not roles:
        return []
    grid = Table(title=Text(f"Pionnen per rol: {visible(theme)}"), title_justify="left")
    for name in ("weet niet", "1", "2", "3", "4"):
        grid.add_column(name, justify="right")
    grid.add_column("rol", max_width=40, overflow="ellipsis", no_wrap=True)
    for role, spots in roles.items():
        grid.add_row(*(str(spots[v]) for v in range(5)), Text(visible(role)))
    return [grid]


def table(overview: Overview) -> object:
    """A Rich table per theme, numbers first; deck text is never markup."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[object] = []
    for theme in overview.themes():
        grid = Table(title=Text(visible(theme)), title_justify="left")
        for name in ("1", "2", "3", "4", "park", "niet", "verschil"):
            grid.add_column(name, justify="right")
        grid.add_column("kaart", max_width=26, overflow="ellipsis", no_wrap=True)
        for card in overview.cards_of(theme):
            grid.add_row(
                *(str(n) for n in card.vakken), str(card.geparkeerd), str(card.niet_besproken),
                Text(str(card.verschil), style="bold" if card.verschil else ""),
                Text(visible(f"{card.kaart.partition('/')[2]} {card.vraag}")),
            )  # fmt: skip
        parts.append(grid)
        parts += _role_table(overview, theme)
    agreements = Table(title="Afspraken", title_justify="left")
    for name in ("gemaakt", "klaar", "open", "te laat", "vervallen", "thema", "soort"):
        agreements.add_column(name, justify="right" if name not in ("thema", "soort") else "left")
    for (theme, kind), row in sorted(overview.afspraken.items()):
        agreements.add_row(
            str(row.gemaakt), str(row.klaar), str(row.open),
            Text(str(row.te_laat), style="red" if row.te_laat else ""), str(row.vervallen),
            Text(visible(theme)), Text(visible(kind)),
        )  # fmt: skip
    parts.append(agreements)
    return Group(*parts)  # type: ignore[arg-type]


__all__ = ["CSV_COLUMNS", "table", "to_csv", "to_html"]
