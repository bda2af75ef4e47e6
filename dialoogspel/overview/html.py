"""The overview as one self-contained HTML page: no scripts, nothing loaded from outside, charts
as inline SVG with the number in every cell, printable in black and white."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as _escape

from dialoogspel.overview.tally import Overview
from dialoogspel.textsafe import visible

_STYLE = (
    "body{font-family:sans-serif;color:#000;background:#fff;max-width:60em}"
    "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #000;padding:2px 6px}"
    "td.n{text-align:right}svg text{font-family:sans-serif;font-size:13px}"
    "section{break-inside:avoid}@media print{body{font-size:10pt}}"
)
_CELL, _ROW = 56, 22
CARD_COLUMNS = (
    "kaart", "vraag", "vak 1", "vak 2", "vak 3", "vak 4", "geparkeerd", "niet besproken",
    "besproken zonder vak", "pionnen verschilden",
)  # fmt: skip
SPOTS = ("weet niet", "vak 1", "vak 2", "vak 3", "vak 4")
"""The columns of the role chart: pawn on "weet ik niet" (0), then quadrant 1–4."""


def escape(text: str) -> str:
    """Deck or typed text for HTML: control characters shown, markup escaped."""
    return _escape(visible(text))


def _short(text: str, size: int) -> str:
    text = visible(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def _grid(labels: Sequence[str], columns: Sequence[str], rows: Sequence[Sequence[int]]) -> str:
    """A heatmap: grey from white (0) to dark (the most), the number written in every cell."""
    top = max((n for row in rows for n in row), default=0) or 1
    left = 230
    out = [
        f'<svg role="img" '
        f'width="{left + len(columns) * _CELL + 2}" height="{_ROW * (len(rows) + 1) + 2}">'
    ]
    for q, name in enumerate(columns):
        out.append(
            f'<text x="{left + q * _CELL + _CELL // 2}" y="15" text-anchor="middle">'
            f"{escape(name)}</text>"
        )
    for number, (label, row) in enumerate(zip(labels, rows, strict=True), start=1):
        y = number * _ROW
        out.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{_escape(_short(label, 30))}'
            "</text>"
        )
        for q, count in enumerate(row):
            grey = 255 - int(190 * count / top)
            ink = "#fff" if grey < 140 else "#000"
            x = left + q * _CELL
            out.append(
                f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_ROW}" '
                f'fill="rgb({grey},{grey},{grey})" stroke="#000"/>'
                f'<text x="{x + _CELL // 2}" y="{y + 15}" text-anchor="middle" '
                f'fill="{ink}">{count}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def _bars(rows: list[tuple[str, int]]) -> str:
    """Bars with a dashed outline (no colour needed), the number after each bar."""
    top = max((n for _, n in rows), default=0) or 1
    out = [f'<svg role="img" width="600" height="{_ROW * len(rows) + 4}">']
    for i, (label, count) in enumerate(rows):
        y, width = i * _ROW, int(300 * count / top)
        out.append(
            f'<text x="224" y="{y + 15}" text-anchor="end">{_escape(_short(label, 34))}</text>'
            f'<rect x="230" y="{y + 3}" width="{width}" height="16" fill="#ccc" stroke="#000"/>'
            f'<text x="{236 + width}" y="{y + 15}">{count}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _cards_table(overview: Overview, theme: str) -> str:
    head = "".join(f"<th>{escape(name)}</th>" for name in CARD_COLUMNS)
    rows = []
    for card in overview.cards_of(theme):
        numbers = (*card.vakken, card.geparkeerd, card.niet_besproken, card.gezien, card.verschil)
        cells = "".join(f'<td class="n">{n}</td>' for n in numbers)
        rows.append(f"<tr><td>{escape(card.kaart)}</td><td>{escape(card.vraag)}</td>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _theme(overview: Overview, theme: str) -> str:
    cards = overview.cards_of(theme)
    parts = [
        f"<section><h2>{escape(theme)}</h2><p>Hoe vaak lag elke kaart in elk vak?</p>",
        _grid([c.kaart for c in cards], SPOTS[1:], [c.vakken for c in cards]),
        _cards_table(overview, theme),
        "</section>",
    ]
    roles = overview.roles_of(theme)
    if roles:
        parts += [
            f"<section><h3>Waar de pionnen per rol stonden: {escape(theme)}</h3>",
            "<p>Alle kaarten van dit thema samen. Alleen rollen, geen namen.</p>",
            _grid(list(roles), SPOTS, [[spots[v] for v in range(5)] for spots in roles.values()]),
            "</section>",
        ]
    return "".join(parts)


def to_html(overview: Overview) -> str:
    """One self-contained page: no scripts, nothing from outside; charts as inline SVG."""
    body = [
        "<h1>Overzicht over teams</h1>"
        f"<p>{overview.sessies} spellen gelezen. Vak 1 = belangrijk en urgent, vak 2 = belangrijk,"
        " maar niet urgent, vak 3 = niet belangrijk, wel urgent, vak 4 = niet belangrijk, niet"
        " urgent. Een donker vak: daar lag de kaart vaak.</p>"
    ]
    body += [_theme(overview, theme) for theme in overview.themes()]
    contested = overview.contested()
    body.append("<section><h2>Kaarten waarover de pionnen het vaakst verschilden</h2>")
    body.append(
        _bars([(f"{c.kaart} ({c.thema})", c.verschil) for c in contested])
        if contested
        else "<p>Geen.</p>"
    )
    body.append("</section>")
    totals = {"klaar": 0, "open, op tijd": 0, "open, te laat": 0, "vervallen": 0}
    rows = []
    for (theme, kind), row in sorted(overview.afspraken.items()):
        totals["klaar"] += row.klaar
        totals["open, te laat"] += row.te_laat
        totals["open, op tijd"] += row.open - row.te_laat
        totals["vervallen"] += row.vervallen
        numbers = (row.gemaakt, row.klaar, row.open, row.te_laat, row.vervallen)
        cells = "".join(f'<td class="n">{n}</td>' for n in numbers)
        rows.append(f"<tr><td>{escape(theme)}</td><td>{escape(kind)}</td>{cells}</tr>")
    body.append("<section><h2>Afspraken</h2>" + _bars(list(totals.items())))
    body.append(
        "<table><tr><th>thema</th><th>soort</th><th>gemaakt</th><th>klaar</th><th>open</th>"
        f"<th>te laat</th><th>vervallen</th></tr>{''.join(rows)}</table></section>"
    )
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Overzicht over teams'
        f"</title><style>{_STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )
