"""The table `dialoogspel resume` prints of the saved sessions, and the cut of long texts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dialoogspel.oserrors import shown
from dialoogspel.textsafe import clean_text

if TYPE_CHECKING:
    from dialoogspel.sessions import SessionSummary


def cut(text: str, width: int) -> str:
    """Text on one line, cut to width with an ellipsis."""
    text = shown(clean_text(text))
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


TABLE_WIDTH = 79
"""`dialoogspel resume` fits an 80-column terminal (79: some consoles wrap at the last column)."""


def format_session_table(summaries: Iterable[SessionSummary]) -> list[str]:
    """Dutch lines for `dialoogspel resume`: ID, date, casus, themes, mode, progress.

    Newest last, right above the hint that follows the table; the casus gets what is left of
    79 columns, so no line wraps in an 80-column terminal.
    """
    ordered = sorted(summaries, key=lambda s: (s.saved, s.created.isoformat(), s.id))
    rows = [
        [
            s.id,
            s.saved.strftime("%d-%m-%Y"),
            s.casus,
            cut(", ".join(s.themes), 16),
            s.mode.value,
            s.progress + (" klaar" if s.finished else ""),
        ]
        for s in ordered
    ]
    if not rows:
        return ["Er zijn nog geen opgeslagen spellen."]
    header = ["ID", "datum", "casus", "thema's", "modus", "kaarten"]
    fixed = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    gaps = 2 * (len(header) - 1)
    casus_width = max(len(header[2]), TABLE_WIDTH - gaps - sum(fixed) + fixed[2])
    for row in rows:
        row[2] = cut(row[2], casus_width)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [header, *rows]]  # fmt: skip
