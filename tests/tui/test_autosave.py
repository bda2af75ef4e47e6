"""Autosave in the screen face: written by the writer thread, a failure still said in Dutch at
once, and the Footer keeps its keys when a dialog closes without changing them."""

from __future__ import annotations

from pathlib import Path

from dialoogspel.model import Mode, Session, SessionSetup, assign_letters
from dialoogspel.sessions import SessionStore
from dialoogspel.table import BackgroundSaver, Launch
from dialoogspel.tui.app import DialoogspelApp
from dialoogspel.tui.widgets.footer import SteadyFooter
from tests.tui.test_play import DECK


def _session() -> Session:
    people = assign_letters([("Anna", "docent")])
    return Session(SessionSetup("Klas 3B", "klas", (DECK,), Mode.SAMEN, people))


async def test_every_key_is_saved_by_the_writer_thread(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "home")
    saver = BackgroundSaver(store)
    session = _session()
    app = DialoogspelApp(Launch(session=session, output_dir=tmp_path), saver=saver)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "n", *"eerst de cijfers", "enter")
        await pilot.pause()
        assert saver.flush(5)
        await pilot.pause()
        kept = store.load(session.id)
        assert kept.states[session.cards[0].key].notes == ["eerst de cijfers"]
        assert kept.states[session.cards[0].key].final is not None
        assert app.save_problem == ""


async def test_a_failing_write_is_said_in_dutch_without_waiting_for_the_next_key(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "sessies").write_text("geen map")  # no folder can be made here, not even by root
    saver = BackgroundSaver(SessionStore(home))
    app = DialoogspelApp(Launch(session=_session(), output_dir=tmp_path), saver=saver)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        assert saver.flush(5)
        for _ in range(5):  # the writer's message reaches the app's own thread
            await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith(f"Het spel kon niet worden opgeslagen in {home}") for m in messages)
        assert any("Het spel gaat door" in m for m in messages)
        assert app.save_problem.startswith("Het spel kon niet worden opgeslagen")


async def test_the_footer_keeps_its_keys_when_a_dialog_closes(tmp_path: Path) -> None:
    app = DialoogspelApp(Launch(session=_session(), output_dir=tmp_path), saver=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(SteadyFooter)
        keys = list(footer.children)
        assert keys, "the Footer shows the play screen's keys"
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert list(footer.children) == keys, "the same key widgets, not rebuilt"
        app.screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.children) == keys
