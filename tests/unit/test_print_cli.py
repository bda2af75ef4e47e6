"""`dialoogspel print`: which decks, where the file goes (never over another), Dutch messages."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner, Result

import dialoogspel.decks as deck_files
from dialoogspel.cli import main
from dialoogspel.decks import LoadResult
from dialoogspel.model import DataSource
from dialoogspel.printcli import DEFAULT_NAME, card_places

DECK = """\
thema: Eigen thema
kleur: "#123456"
kaarten:
  - id: E01
    vraag: Wat zien we?
    databronnen: [Verzuimregistratie]

  - id: E02
    vraag: Wat doen we?
"""


@pytest.fixture(autouse=True)
def in_empty_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("DIALOOGSPEL_DECKS", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["print", *args], prog_name="dialoogspel")


def own_deck(folder: Path, text: str = DECK, name: str = "eigen.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_without_decks_every_builtin_deck_is_printed_to_the_default_name(tmp_path: Path) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    printed = (tmp_path / DEFAULT_NAME).read_text(encoding="utf-8")
    assert "Klaar: 107 kaarten uit 6 stapels, 34 bladzijden A4." in result.output
    assert f"Opgeslagen in: {tmp_path / DEFAULT_NAME}" in result.output
    themes = [theme for theme in ("Uitval", "Verzuim", "Motivatie", "Welzijn") if theme in printed]
    assert themes == ["Uitval", "Verzuim", "Motivatie", "Welzijn"]
    positions = [printed.index(f"<span>{t}</span>") for t in ("Uitval", "Verzuim", "Motivatie")]
    assert positions == sorted(positions)  # the method's three themes first


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / DEFAULT_NAME).write_text("van mij", encoding="utf-8")
    own = tmp_path / "kaarten.html"
    own.write_text("ook van mij", encoding="utf-8")
    assert run("--deck", "uitval").exit_code == 0
    assert run("--deck", "uitval", "--uit", "kaarten.html").exit_code == 0
    result = run("--deck", "uitval", "--uit", "kaarten.html")
    assert (tmp_path / DEFAULT_NAME).read_text(encoding="utf-8") == "van mij"
    assert own.read_text(encoding="utf-8") == "ook van mij"
    assert (tmp_path / "dialoogspel-kaarten-2.html").is_file()
    assert (tmp_path / "kaarten-2.html").is_file()
    assert f"Opgeslagen in: {tmp_path / 'kaarten-3.html'}" in result.output


def test_uit_without_html_gets_it_and_may_name_another_folder(tmp_path: Path) -> None:
    (tmp_path / "print").mkdir()
    result = run("--deck", "verzuim", "--uit", str(Path("print") / "verzuim"), "--dubbelzijdig")
    assert result.exit_code == 0, result.output
    printed = (tmp_path / "print" / "verzuim.html").read_text(encoding="utf-8")
    assert 'aria-label="achterkanten"' in printed and "Klaar: 18 kaarten uit 1 stapels" in (
        result.output
    )


def test_a_missing_folder_is_told_in_dutch(tmp_path: Path) -> None:
    result = run("--deck", "uitval", "--uit", str(tmp_path / "weg" / "k.html"))
    assert result.exit_code == 1
    assert "k.html kan niet gemaakt worden:" in result.output
    assert "Traceback" not in result.output


def test_decks_by_path_and_from_a_decks_folder(tmp_path: Path) -> None:
    path = own_deck(tmp_path / "mijn")
    by_path = run("--deck", str(path), "--uit", "a.html")
    by_name = run("--decks", str(tmp_path / "mijn"), "--deck", "eigen", "--uit", "b.html")
    for result in (by_path, by_name):
        assert result.exit_code == 0, result.output
        assert "Klaar: 2 kaarten uit 1 stapels" in result.output
    assert "Eigen thema" in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_deck_errors_are_located_and_nothing_is_written(tmp_path: Path) -> None:
    broken = own_deck(tmp_path, DECK.replace("vraag: Wat doen we?", "vrag: Wat doen we?"))
    result = run("--deck", str(broken), "--deck", "bestaat-niet")
    assert result.exit_code == 1
    assert f"{broken}:9:5: Onbekende sleutel 'vrag'." in result.output
    assert "bestaat-niet: " in result.output
    assert "Er is niets geprint." in result.output
    assert not list(tmp_path.glob("*.html"))


def test_an_overflowing_card_is_named_at_its_line(tmp_path: Path) -> None:
    long = "lange uitleg " * 150
    path = own_deck(
        tmp_path, DECK + f"    databronnen:\n      - naam: Bron\n        toelichting: {long}\n"
    )
    result = CliRunner().invoke(main, ["print", "--deck", str(path)], prog_name="dialoogspel")
    assert result.exit_code == 0
    assert f"{path}:8:5: waarschuwing: kaart E02: de tekst op de achterkant past niet" in (
        result.output
    )
    assert (tmp_path / DEFAULT_NAME).is_file()


def test_card_places_are_the_lines_of_the_cards(tmp_path: Path) -> None:
    assert card_places(own_deck(tmp_path)) == ((4, 5), (8, 5))
    assert card_places(tmp_path / "weg.yaml") == ()
    assert card_places(own_deck(tmp_path, "- lijst\n", "lijst.yaml")) == ()


class KernCard(NamedTuple):
    """A card as it will look once decks have `kern: ja` (issue 10)."""

    id: str
    question: str
    data_sources: tuple[DataSource, ...] = ()
    niveaus: tuple[str, ...] = ()
    kern: bool = False


@pytest.fixture
def core_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decks load with E01 of eigen.yaml marked as core, until the real key exists."""
    real = deck_files.load_deck

    def with_core(path: object) -> LoadResult:
        result = real(path)  # type: ignore[arg-type]
        if result.deck is None or result.deck.name != "eigen":
            return result
        cards = tuple(KernCard(*c[:4], kern=c.id == "E01") for c in result.deck.cards)
        deck = result.deck.__class__(**{**result.deck.__dict__, "cards": cards})
        return LoadResult(deck, result.problems)

    monkeypatch.setattr(deck_files, "load_deck", with_core)


@pytest.mark.usefixtures("core_cards")
def test_kern_prints_only_core_cards(tmp_path: Path) -> None:
    path = own_deck(tmp_path)
    result = run("--deck", str(path), "--deck", "uitval", "--kern")
    assert result.exit_code == 0, result.output
    assert "uitval.yaml: geen kernkaarten (kern: ja) in deze stapel." in result.output
    assert "Klaar: 1 kaarten uit 1 stapels" in result.output
    printed = (tmp_path / DEFAULT_NAME).read_text(encoding="utf-8")
    assert "Wat zien we?" in printed and "Wat doen we?" not in printed


def test_kern_without_core_cards_says_so() -> None:
    result = run("--deck", "uitval", "--kern")
    assert result.exit_code == 1
    assert "Geen enkele kaart is een kernkaart." in result.output


def test_help_is_dutch() -> None:
    result = run("--help")
    assert result.exit_code == 0
    shown = " ".join(result.output.split())
    for text in ("--deck NAAM|PAD", "--kern", "--uit BESTAND", "--dubbelzijdig", "schaal 100 %"):
        assert text in shown
    assert "Show this message" not in result.output
