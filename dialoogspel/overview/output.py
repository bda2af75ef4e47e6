"""The overview as a terminal table (Rich), as CSV for Dutch Excel and as one HTML file."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from html import escape as _escape

from dialoogspel.overview.tally import Overview
from dialoogspel.textsafe import visible

CSV_COLUMNS = (
    "thema", "kaart", "sessies", "vak 1", "vak 2", "vak 3", "vak 4",
    "geparkeerd", "niet besproken", "pionnen verschilden", "rollen", "vraag",
)  # fmt: skip


def escape(text: str) -> str:
    """Deck or typed text for HTML: control characters shown, markup escaped."""
    return _escape(visible(text))


def _roles(counts: Mapping[str, Mapping[int, int]]) -> str:
    parts = []
    for role in sorted(counts):
        spots = ", ".join(
            f"vak {v}: {n}" if v else f"weet niet: {n}" for v, n in sorted(counts[role].items())
        )
        parts.append(f"{visible(role)} ({spots})")
    return "; ".join(parts)


def to_csv(overview: Overview, questions: dict[str, str] | None = None) -> bytes:
    """One row per card: UTF-8 with BOM, `;` between the fields."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for theme in overview.themes():
        for card in overview.cards_of(theme):
            writer.writerow(
                [visible(card.thema), visible(card.kaart), card.sessies, *card.vakken,
                 card.geparkeerd, card.niet_besproken, card.verschil, _roles(card.rollen),
                 visible((questions or {}).get(card.kaart, ""))]
            )  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table(overview: Overview, questions: dict[str, str] | None = None) -> object:
    """A Rich table per theme, numbers first; deck text is never markup."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[object] = []
    known = questions or {}
    for theme in overview.themes():
        grid = Table(title=Text(visible(theme)), title_justify="left")
        for name in ("1", "2", "3", "4", "park", "niet", "verschil"):
            grid.add_column(name, justify="right")
        grid.add_column("kaart", max_width=26, overflow="ellipsis", no_wrap=True)
        for card in overview.cards_of(theme):
            grid.add_row(
                *(str(n) for n in card.vakken), str(card.geparkeerd), str(card.niet_besproken),
                Text(str(card.verschil), style="bold" if card.verschil else ""),
                Text(visible(f"{card.kaart.partition('/')[2]} {known.get(card.kaart, '')}")),
            )  # fmt: skip
        parts.append(grid)
    agreements = Table(title="Afspraken", title_justify="left")
    for name in ("gemaakt", "klaar", "open", "te laat", "thema", "soort"):
        agreements.add_column(name, justify="right" if name not in ("thema", "soort") else "left")
    for (theme, kind), row in sorted(overview.afspraken.items()):
        agreements.add_row(
            str(row.gemaakt), str(row.klaar), str(row.open),
            Text(str(row.te_laat), style="red" if row.te_laat else ""),
            Text(visible(theme)), Text(visible(kind)),
        )  # fmt: skip
    parts.append(agreements)
    return Group(*parts)  # type: ignore[arg-type]


_STYLE = (
    "body{font-family:sans-serif;color:#000;background:#fff}"
    "table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 6px}"
    "@media print{body{font-size:10pt}}"
)
_CELL, _ROW = 44, 22


def _heatmap(overview: Overview, theme: str) -> str:
    cards = overview.cards_of(theme)
    top = max((max(c.vakken) for c in cards), default=0) or 1
    left, height = 220, _ROW * (len(cards) + 1)
    out = [f'<svg role="img" width="{left + 4 * _CELL}" height="{height}">']
    for q in range(4):
        out.append(
            f'<text x="{left + q * _CELL + _CELL // 2}" y="15" text-anchor="middle">'
            f"vak {q + 1}</text>"
        )
    for row, card in enumerate(cards, start=1):
        y = row * _ROW
        out.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{escape(card.kaart[:32])}</text>'
        )
        for q, count in enumerate(card.vakken):
            grey = 255 - int(200 * count / top)
            ink = "#fff" if grey < 128 else "#000"
            x = left + q * _CELL
            out.append(
                f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_ROW}" '
                f'fill="rgb({grey},{grey},{grey})" stroke="#000"/>'
            )
            out.append(
                f'<text x="{x + _CELL // 2}" y="{y + 15}" text-anchor="middle" '
                f'fill="{ink}">{count}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _bars(rows: list[tuple[str, int]]) -> str:
    top = max((n for _, n in rows), default=0) or 1
    out = [f'<svg role="img" width="560" height="{_ROW * len(rows) + 4}">']
    for i, (label, count) in enumerate(rows):
        y, width = i * _ROW, int(300 * count / top)
        out.append(f'<text x="214" y="{y + 15}" text-anchor="end">{escape(label[:34])}</text>')
        out.append(
            f'<rect x="220" y="{y + 3}" width="{width}" height="16" fill="#fff" '
            'stroke="#000" stroke-dasharray="4 2"/>'
        )
        out.append(f'<text x="{226 + width}" y="{y + 15}">{count}</text>')
    out.append("</svg>")
    return "".join(out)


def to_html(overview: Overview) -> str:
    """One self-contained page: no scripts, nothing from outside; charts as inline SVG."""
    body = [f"<h1>Overzicht over teams</h1><p>{overview.sessies} spellen gelezen.</p>"]
    for theme in overview.themes():
        body.append(f"<h2>{escape(theme)}</h2><p>Hoe vaak lag elke kaart in elk vak?</p>")
        body.append(_heatmap(overview, theme))
    body.append("<h2>Kaarten waarover de pionnen het vaakst verschilden</h2>")
    body.append(_bars([(f"{c.kaart}", c.verschil) for c in overview.contested()]) or "<p>Geen.</p>")
    totals = {"klaar": 0, "open, op tijd": 0, "te laat": 0}
    rows = []
    for (theme, kind), row in sorted(overview.afspraken.items()):
        totals["klaar"] += row.klaar
        totals["te laat"] += row.te_laat
        totals["open, op tijd"] += row.open - row.te_laat
        rows.append(
            f"<tr><td>{escape(theme)}</td><td>{escape(kind)}</td><td>{row.gemaakt}</td>"
            f"<td>{row.klaar}</td><td>{row.open}</td><td>{row.te_laat}</td></tr>"
        )
    body.append("<h2>Afspraken</h2>" + _bars(list(totals.items())))
    body.append(
        "<table><tr><th>thema</th><th>soort</th><th>gemaakt</th><th>klaar</th><th>open</th>"
        f"<th>te laat</th></tr>{''.join(rows)}</table>"
    )
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Overzicht over teams'
        f"</title><style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )
