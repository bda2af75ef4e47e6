"""The overview across teams (SPEC section 9): outcome files read in one pass, counted per theme
and card, written as a terminal table, CSV or HTML. Pure: no textual."""

from __future__ import annotations

from dialoogspel.overview.collect import Filters, Found, Scan, parse_day, scan
from dialoogspel.overview.tally import CardTally, Overview, tally

__all__ = ["CardTally", "Filters", "Found", "Overview", "Scan", "parse_day", "scan", "tally"]
