"""run_line: from a launch to the goodbye; the end of the input stops like q."""

from __future__ import annotations

import io
from pathlib import Path

from dialoogspel.line.run import NO_GAME, run_line
from dialoogspel.model import Mode, Quadrant
from dialoogspel.sessions import SessionStore
from dialoogspel.table import Launch, ResumeOffer, SetupDefaults
from tests.factories import make_deck, make_session
from tests.line.helpers import TODAY


def run(lines: list[str], launch: Launch, home: Path, stdout: io.TextIOBase | None = None):
    out = stdout if stdout is not None else io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    code = run_line(launch, SessionStore(home), stdin, out, today=lambda: TODAY)  # type: ignore[arg-type]
    return code, out


def test_the_end_of_input_writes_the_outcome_and_says_goodbye(tmp_path: Path) -> None:
    session = make_session(Mode.SAMEN)
    launch = Launch(session=session, output_dir=tmp_path)
    code, out = run(["1", "", "n", "graag verder"], launch, tmp_path / "home")
    said = out.getvalue()
    [written] = tmp_path.glob("*.md")
    assert code == 0
    assert f"De uitkomst staat in {written}." in said
    assert said.rstrip().endswith(f"Verder spelen: dialoogspel resume {session.id}")
    assert "graag verder" in written.read_text(encoding="utf-8")
    assert SessionStore(tmp_path / "home").load(session.id).states[session.cards[0].key].final


def test_the_input_read_back_makes_a_transcript(tmp_path: Path) -> None:
    launch = Launch(session=make_session(Mode.SAMEN), output_dir=tmp_path)
    _, out = run(["2"], launch, tmp_path / "home")
    assert "\n> 2\nDe kaart ligt in 2 Belangrijk, maar niet urgent." in out.getvalue()


def test_setup_first_when_the_command_line_was_not_complete(tmp_path: Path) -> None:
    launch = Launch(decks=[make_deck()], defaults=SetupDefaults(), output_dir=tmp_path)
    lines = ["Klas 3B", "", "", "3", "Anna", "", "1", "q"]
    code, out = run(lines, launch, tmp_path / "home")
    assert code == 0
    [saved] = SessionStore(tmp_path / "home").list_sessions()
    assert saved.casus == "Klas 3B"
    assert "De kaart ligt in 1 Belangrijk & urgent." in out.getvalue()
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_input_that_ends_during_setup_starts_nothing(tmp_path: Path) -> None:
    launch = Launch(decks=[make_deck()], defaults=SetupDefaults(), output_dir=tmp_path)
    code, out = run(["Klas 3B"], launch, tmp_path / "home")
    assert code == 0 and out.getvalue().rstrip().endswith(NO_GAME)
    assert SessionStore(tmp_path / "home").list_sessions() == []


def test_a_windows_code_page_replaces_what_it_cannot_write(tmp_path: Path) -> None:
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="cp437", errors="strict", newline="\n")
    launch = Launch(session=make_session(Mode.PIONNEN), output_dir=tmp_path)
    lines = ["n", "日本 — zo ☃ \x1b[31m", "k", "1", "2", "3", ""]
    code, _ = run(lines, launch, tmp_path / "home", stdout)
    stdout.flush()
    text = raw.getvalue().decode("cp437")
    assert code == 0
    assert "Notitie: ?? - zo ? \\x1b[31m" in text
    assert "De pionnen staan verschillend. Praat erover en kies samen 1, 2, 3 of 4." in text
    assert b"\x1b" not in raw.getvalue()


def test_a_failed_autosave_is_told_once_and_no_resume_is_promised(tmp_path: Path) -> None:
    home = tmp_path / "een-bestand"
    home.write_text("geen map")
    launch = Launch(session=make_session(Mode.SAMEN), output_dir=tmp_path)
    code, out = run(["1", "2"], launch, home)
    said = out.getvalue()
    assert code == 1
    assert said.count("Het spel gaat door; bij de volgende stap proberen we het opnieuw.") == 1
    assert "Let op: het spel is niet bewaard." in said
    assert "Alles is bewaard" not in said


class Interrupted(io.StringIO):
    """Standard input where the person presses ctrl+C after the given lines."""

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_stops_like_q_and_writes_the_outcome(tmp_path: Path) -> None:
    out = io.StringIO()
    launch = Launch(session=make_session(Mode.SAMEN), output_dir=tmp_path)
    code = run_line(launch, SessionStore(tmp_path / "home"), Interrupted("3\n"), out)
    assert code == 0
    assert len(list(tmp_path.glob("*.md"))) == 1
    assert "Alles is bewaard." in out.getvalue()


def test_the_offered_unfinished_session_is_resumed_after_j(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "home")
    earlier = make_session(Mode.SAMEN)
    earlier.place(Quadrant(4))
    store.save(earlier)
    launch = Launch(
        decks=[make_deck()],
        resume_offer=ResumeOffer(earlier.id, "Klas 3B, uitval"),
        output_dir=tmp_path,
    )
    code, out = run(["j", "", "2", "q"], launch, tmp_path / "home")
    said = out.getvalue()
    assert code == 0
    assert "Verder met het vorige spel: Klas 3B, uitval? Typ j voor ja" in said
    assert "Kaart 2 van 3, 1 klaar." in said
    resumed = store.load(earlier.id)
    assert [resumed.states[c.key].final for c in resumed.cards[:2]] == [Quadrant(4), Quadrant(2)]


def test_ascii_writes_dashes_and_arrows_plainly(tmp_path: Path) -> None:
    launch = Launch(session=make_session(Mode.PIONNEN), output_dir=tmp_path, ascii=True)
    _, out = run(["n", "eerst — dan → later", "k"], launch, tmp_path / "home")
    said = out.getvalue()
    assert "Notitie: eerst - dan -> later\n" in said
    assert "—" not in said and "→" not in said
