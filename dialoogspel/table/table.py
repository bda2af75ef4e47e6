"""The table the team plays at: applies actions to the session, autosaves when the model's
revision moved, and writes the outcome through the run's one Exporter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dialoogspel.locks import SessionLock
from dialoogspel.model import OutcomeRef, RuleError, Session
from dialoogspel.storage import StorageError
from dialoogspel.table.autosave import Autosaver, Saver, SaveResult
from dialoogspel.table.exporter import Exporter, ExportResult

if TYPE_CHECKING:
    from dialoogspel.outcome.privacy import PrivacyFinding

__all__ = ["STOP_WAIT_SECONDS", "TAKEN_OVER", "Saver", "Table"]

TAKEN_OVER = (
    "Een ander venster heeft dit spel overgenomen. Wat je hier nog doet, wordt niet bewaard."
    " Stop hier met q en speel verder in dat andere venster."
)

STOP_WAIT_SECONDS = 3.0
"""How long stopping waits for a share that does not answer before keeping the local copy."""


class Table:
    """One session in play, for either face."""

    def __init__(
        self,
        session: Session,
        saver: Autosaver | Saver | None,
        exporter: Exporter,
        today: Callable[[], date] = date.today,
        lock: SessionLock | None = None,
    ) -> None:
        self.session = session
        """The game being played."""
        self.saver = saver if saver is None or isinstance(saver, Autosaver) else Autosaver(saver)
        """Saves after every change (maybe in a writer thread); None keeps the session in
        memory only (tests)."""
        self.exporter = exporter
        """The run's one outcome writer."""
        self.today = today
        """Today's date for outcome files and deadlines (tests fix it)."""
        self.lock = lock
        """This window's hold on the session; None in tests and when no lock could be made."""
        self.save_problem = ""
        """The last autosave failure in Dutch; empty when the last save worked."""
        self.on_problem: Callable[[str], None] | None = None
        """Told about a new autosave failure (once per kind of problem), so the face can warn."""
        self.saved_revision: int | None = None
        """The revision last handed to the saver (None after a failure: save again)."""
        self.exported_revision = session.revision
        """The revision the outcome file on the share shows (a new session has nothing to
        write yet; a resumed one was written when it was last played)."""

    # -- actions ------------------------------------------------------------------------------

    def act(self, change: Callable[[], object]) -> str | None:
        """Run a model call; its Dutch refusal, or None when it was done (and saved if changed)."""
        try:
            change()
        except RuleError as refusal:
            return str(refusal)
        self.save_if_changed()
        return None

    def save_if_changed(self) -> None:
        """Autosave when the revision moved since the last save."""
        if self.session.revision != self.saved_revision:
            self.save()

    def save(self) -> str:
        """Save now; the Dutch problem of the last finished save (also in `save_problem`).

        A writer thread may still be busy with this save: its outcome comes in through
        `check_saves` (the face calls it when the writer says it is done) or `flush_saves`.
        """
        if self.saver is None:
            return ""
        revision = self.session.revision
        try:
            if self.taken_over:
                raise StorageError(TAKEN_OVER)  # never overwrite the other window's work
            self.saver.submit(self.session, self._still_ours if self.lock is not None else None)
        except (OSError, StorageError) as error:
            self._saved(SaveResult(revision, str(error)))
        else:
            self.saved_revision = revision
        self.check_saves()
        return self.save_problem

    def _still_ours(self) -> None:
        """Just before a write takes the file's name: stop if another window took over."""
        if self.taken_over:
            raise StorageError(TAKEN_OVER)

    def check_saves(self) -> None:
        """Take in how the last finished save went (call on the face's own thread)."""
        result = self.saver.take() if self.saver is not None else None
        if result is not None:
            self._saved(result)

    def flush_saves(self, timeout: float = STOP_WAIT_SECONDS) -> str:
        """Wait until every step handed to the saver is on disk; the Dutch problem, if any."""
        if self.saver is not None and not self.saver.flush(timeout):
            problem = (
                f"Na {timeout:g} seconden was het spel nog niet opgeslagen: de bewaarmap"
                " geeft geen antwoord."
            )
            self._saved(SaveResult(self.session.revision, problem))
        self.check_saves()
        return self.save_problem

    def _saved(self, result: SaveResult) -> None:
        """Remember how a save went; warn once per kind of problem; retry after a failure."""
        if not result.problem:
            self.save_problem = ""
            return
        if result.problem != self.save_problem and self.on_problem is not None:
            self.on_problem(result.problem)
        self.save_problem = result.problem
        self.saved_revision = None  # save again at the next step, or when stopping

    def finish(self, done: bool = True) -> str | None:
        """The team says the session is done (or not after all): the start screen stops
        offering it. Only the team decides this; writing an outcome never does."""
        return self.act(lambda: self.session.finish(done))

    @property
    def taken_over(self) -> bool:
        """Another window took this session's lock: this one must not write any more."""
        return self.lock is not None and not self.lock.held()

    # -- the outcome --------------------------------------------------------------------------

    def privacy_question(self) -> list[PrivacyFinding]:
        """New findings (BSN, student number, e-mail, phone number) to ask "aanpassen of toch
        opslaan?" about before writing to the output folder; empty: write without asking."""
        from dialoogspel.table.privacy import privacy_question  # not needed to start play

        return privacy_question(self.session)

    def write_anyway(self, findings: Sequence[PrivacyFinding]) -> None:
        """The team said "toch opslaan": kept in the session, so these are not asked again."""
        from dialoogspel.table.privacy import allow_findings

        self.act(lambda: allow_findings(self.session, findings))

    @property
    def outcome_is_current(self) -> bool:
        """The outcome file shows everything the team did."""
        return self.session.revision == self.exported_revision

    def export(self, folder: Path | None = None) -> bool:
        """Start writing the outcome (to another folder when given); False while one is busy."""
        return self.exporter.start(self.session, self.today(), folder)

    def record_export(self, outcome: ExportResult) -> None:
        """A write finished (call on the face's own thread): remember where it went, and save."""
        saved = outcome.saved
        unchanged = self.session.revision == outcome.revision
        written = OutcomeRef(*saved.written.record) if saved.written is not None else None
        local = OutcomeRef(*saved.local.record) if saved.local is not None else None
        self.session.record_outcome(written, local)
        if written is not None:
            self.session.set_output_dir(str(Path(written.path).parent))
            if unchanged:
                self.exported_revision = self.session.revision
        self.save_if_changed()

    def stop(self, wait: float = STOP_WAIT_SECONDS) -> list[str]:
        """The team stops: write the outcome if it changed, waiting a few seconds at most.

        Returns the Dutch lines to say on the terminal after the face has closed.
        """
        lines: list[str] = []
        if self.taken_over:
            self.lock = None  # not ours to release
            return [
                "Let op: een ander venster had dit spel overgenomen. Wat hier daarna gebeurde,"
                " is niet bewaard. Speel verder in dat andere venster."
            ]
        held_back = self.privacy_question() if not self.outcome_is_current else []
        if held_back:
            lines += self._keep_local(held_back)
        elif not self.outcome_is_current:
            outcome = self.exporter.write_now(self.session, self.today(), wait)
            if outcome is None:
                self.exporter.abandon()
                lines.append(
                    f"De map {self.exporter.folder} geeft geen antwoord. De uitkomst is niet"
                    f" geschreven. Schrijf hem later met: dialoogspel export {self.session.id}"
                    " --uit MAP"
                )
            else:
                self.record_export(outcome)
                lines.append(outcome.message)
        self.save_if_changed()
        self.flush_saves()
        if self.save_problem:
            lines.append(f"Let op: het spel is niet bewaard. {self.save_problem}")
        else:
            lines.append(f"Alles is bewaard. Verder spelen: dialoogspel resume {self.session.id}")
        self.release()
        return lines

    def _keep_local(self, findings: Sequence[PrivacyFinding]) -> list[str]:
        """Nobody said "toch opslaan" for these findings: the outcome stays on this computer."""
        from dialoogspel.table.privacy import held_back_lines

        kept = self.exporter.keep_local(self.session, self.today())
        self.record_export(kept)
        folder = Path(self.exporter.folder)
        return held_back_lines(self.session, folder, findings, kept.message)

    def release(self) -> None:
        """Let go of the session's lock, so another window may open it."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
