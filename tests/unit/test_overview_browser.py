"""The overview HTML rendered by headless Chromium (skipped without it, unless CI is set)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dialoogspel.overview import scan, tally
from dialoogspel.overview.output import to_html
from tests.unit.test_overview_scan import write

SCREENSHOT_ENV = "OVERVIEW_SCREENSHOT"
"""Set to a path to keep the screenshot (to look at it)."""


def test_html_renders_in_chromium(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("niet geïnstalleerd: chromium (apt-get install chromium)")
        pytest.skip("niet geïnstalleerd: chromium")
    for n in range(3):
        write(tmp_path, f"t{n}.md", f"browser00000{n}", date(2026, 11, 2 + n))
    page = tmp_path / "overzicht.html"
    found = scan([tmp_path])
    html = to_html(tally(found.outcomes, date(2026, 12, 10), found.paths, found.every))
    assert "Waar de pionnen per rol stonden" in html and html.count("<svg") >= 4
    page.write_text(html, "utf-8")
    png = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path / "overzicht.png")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=900,1000",
         f"--screenshot={png}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 5000
