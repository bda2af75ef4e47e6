"""The afspraken screen: the board in words, the agreements, and writing the outcome file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from dialoogspel.model import Agreement, AgreementKind
from dialoogspel.table import Table
from dialoogspel.textsafe import visible
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import AFSPRAKEN_KEYS, bindings
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.agreementlist import (
    AGREEMENT_ID,
    SUGGESTION_ID,
    AgreementList,
    agreement_line,
)
from dialoogspel.tui.screens.ask import ConfirmScreen, FolderScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.widgets.boardtext import board_in_words
from dialoogspel.tui.widgets.footer import SteadyFooter
from dialoogspel.tui.widgets.topbar import TopBar

AFSPRAKEN_HELP = (
    "Maak afspraken: wie zoekt uit wat nog onbekend is (uitzoeken), en wie pakt de urgente"
    " punten aan (aan de slag). Kaarten in Belangrijk & urgent zonder afspraak staan als"
    " voorstel in de lijst.\nctrl+s schrijft de uitkomst als Markdown-bestand weg; het scherm"
    " laat zien waar het staat. Een tweede keer maakt een nieuw bestand, er wordt niets"
    " overschreven. Geeft de map geen antwoord? Druk m en kies een andere map."
)


def _count(number: int) -> str:
    return f"{number} afspraak" if number == 1 else f"{number} afspraken"


class AfsprakenScreen(Screen[None]):
    """Agreements change through the model; the outcome is written off the UI thread."""

    CSS_PATH = "afspraken.tcss"

    KEYS = AFSPRAKEN_KEYS
    BINDINGS = bindings(AFSPRAKEN_KEYS)
    HELP_TITLE = "afspraken"
    HELP_INTRO = AFSPRAKEN_HELP

    def __init__(self, table: Table, glyphs: Glyphs) -> None:
        super().__init__()
        self.table = table
        """The session in play; changes go through it (it saves), and so does the export."""
        self.session = table.session
        """The game (read only here)."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self._drawn_revision = -1
        """The session revision the list shows."""

    def compose(self) -> ComposeResult:
        yield TopBar(self.glyphs)
        yield AgreementList(self.session, self.glyphs, id="agreements")
        with VerticalScroll(id="cards"):
            yield Static(id="cards-text")
        yield Static(id="export", markup=False)
        yield SteadyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#agreements").border_title = "Afspraken"
        self.query_one("#cards").border_title = "Kaarten"
        self.query_one("#cards-text", Static).update(board_in_words(self.session, self.glyphs))
        self.refresh_view()
        self.query_one(AgreementList).focus()

    def on_screen_resume(self) -> None:
        """Back from the form, a question, the board or help: draw only what changed."""
        if self.session.revision != self._drawn_revision:
            self.refresh_view()
        self.show_export()

    # -- rendering ----------------------------------------------------------------------------

    def refresh_view(self, highlight: str | None = None) -> None:
        """Draw the agreements from the model; keep (or move) the highlight in the list.

        The board in words is drawn once, when the screen opens: nothing on this screen
        changes a card, so an agreement never makes it draw all cards again.
        """
        session = self.session
        self._drawn_revision = session.revision
        themes = ", ".join(deck.theme for deck in session.setup.decks)
        self.query_one(TopBar).show(
            "Afspraken", themes, _count(len(session.agreements)), session.setup.casus
        )
        listing = self.query_one(AgreementList)
        listing.show(highlight)
        waiting = listing.suggestions
        listing.border_subtitle = Content(
            f"g: voorstel voor {visible(session.card_label(waiting[0].key))}" if waiting else ""
        )
        self.show_export()

    def show_export(self) -> None:
        """Where the outcome goes, whether a write is busy, and how the last one went."""
        exporter = self.table.exporter
        last = exporter.last
        failed = last is not None and last.path is None
        export = self.query_one("#export", Static)
        export.set_class(exporter.busy, "-busy")
        export.set_class(failed and not exporter.busy, "-failed")
        export.set_class(last is not None and not failed, "-done")
        if exporter.busy:
            export.update(
                f"Bezig met opslaan in {exporter.folder}{self.glyphs.ellipsis}"
                f"\nGeeft de map geen antwoord? m: een andere map kiezen."
            )
            return
        if last is not None and failed:
            text = Text(last.message, "bold")
            text.append(f"\nm: andere map kiezen {self.glyphs.dash} ctrl+s: nog eens proberen")
            export.update(text)
            return
        if last is not None and last.path is not None:
            text = Text("Opgeslagen als: ", "bold")
            text.append(str(last.path))
            if not self.table.outcome_is_current:
                text.append(
                    "\nDaarna is er iets veranderd: ctrl+s werkt het bestand bij"
                    " (stoppen met q doet dat ook)."
                )
            export.update(self._with_finished(text))
            return
        text = Text(f"ctrl+s: uitkomst opslaan in {exporter.folder}")
        if self.session.exported:
            text.append(f"\nEerder opgeslagen als: {self.session.exported[-1]}", "italic")
        export.update(self._with_finished(text))

    def _with_finished(self, text: Text) -> Text:
        """Add whether the team said the session is done (k)."""
        if self.session.finished:
            text.append("\nHet spel is klaar (k: toch niet klaar).", "bold")
        else:
            text.append("\nk: het spel is klaar")
        return text

    # -- agreements ---------------------------------------------------------------------------

    def _chosen(self) -> str | None:
        """The id of the highlighted option: an agreement or a suggestion."""
        return self.query_one(AgreementList).chosen

    def _open_form(
        self,
        on_done: Callable[[Agreement], None],
        *,
        agreement: Agreement | None = None,
        card_key: str | None = None,
        kind: AgreementKind | None = None,
    ) -> None:
        """The agreement form; `on_done` gets the agreement unless the team cancels."""

        def done(result: Agreement | None) -> None:
            if result is not None:
                on_done(result)

        form = AgreementScreen(
            self.session,
            self.glyphs,
            agreement=agreement,
            card_key=card_key,
            kind=kind,
            today=self.table.today,
        )
        self.app.push_screen(form, done)

    def _add(self, agreement: Agreement) -> None:
        self._act(
            lambda: self.session.add_agreement(agreement),
            f"{AGREEMENT_ID}{len(self.session.agreements)}",
        )

    def _act(self, change: Callable[[], object], highlight: str | None = None) -> None:
        """Change the session through the table (it saves), then redraw."""
        refusal = self.table.act(change)
        if refusal:
            self.notify(refusal, severity="warning", markup=False)
        self.refresh_view(highlight)

    def action_add(self) -> None:
        """a: a new agreement; the team picks the card in the form if there is one."""
        self._open_form(self._add)

    def action_suggest(self) -> None:
        """g: an agreement for the first card in Belangrijk & urgent that has none yet."""
        waiting = self.query_one(AgreementList).suggestions
        if not waiting:
            self.notify("Elke kaart in Belangrijk & urgent heeft al een afspraak.")
            return
        self._open_form(self._add, card_key=waiting[0].key, kind=AgreementKind.AAN_DE_SLAG)

    def action_edit(self) -> None:
        """enter: change the highlighted agreement, or make the highlighted suggestion."""
        chosen = self._chosen()
        if chosen is None:
            self.action_add()
        elif chosen.startswith(SUGGESTION_ID):
            key = chosen.removeprefix(SUGGESTION_ID)
            self._open_form(self._add, card_key=key, kind=AgreementKind.AAN_DE_SLAG)
        else:
            position = int(chosen.removeprefix(AGREEMENT_ID))

            def replace(agreement: Agreement) -> None:
                self._act(lambda: self.session.replace_agreement(position, agreement), chosen)

            self._open_form(replace, agreement=self.session.agreements[position])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a line is the same as enter."""
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        """delete/backspace: wipe the highlighted agreement once the team confirms with j."""
        chosen = self._chosen()
        if chosen is None or not chosen.startswith(AGREEMENT_ID):
            self.notify("Kies eerst een afspraak met de pijltjes.")
            return
        position = int(chosen.removeprefix(AGREEMENT_ID))
        agreement = self.session.agreements[position]

        def answer(yes: bool | None) -> None:
            if yes and self.session.agreements[position] == agreement:
                self._act(
                    lambda: self.session.remove_agreement(position), f"{AGREEMENT_ID}{position}"
                )
                self.notify(f"Afspraak gewist: {agreement.who}: {agreement.what}", markup=False)

        detail = agreement_line(self.session, agreement, self.glyphs).plain
        self.app.push_screen(ConfirmScreen("Deze afspraak wissen?", detail), answer)

    # -- leaving ------------------------------------------------------------------------------

    def action_back(self) -> None:
        """esc: back to the cards; a write in progress goes on and the app reports its result."""
        if self.table.exporter.busy:
            self.notify("Het opslaan gaat door. Je krijgt een melding als het klaar is.", timeout=6)
        self.dismiss(None)

    def action_board(self) -> None:
        """b: the board overview."""
        self.app.push_screen(BoardScreen(self.session, self.glyphs))

    # -- writing the outcome ------------------------------------------------------------------

    def action_save(self) -> None:
        """ctrl+s: write the outcome file to the folder, off the UI thread."""
        self.save_to(None)

    def action_finish(self) -> None:
        """k: the team says the session is done (or, pressed again, not after all)."""
        done = not self.session.finished
        self.table.finish(done)
        if done:
            self.notify(
                "Het spel is klaar. Het beginscherm biedt het niet meer aan."
                " Bij stoppen wordt de uitkomst bijgewerkt.",
                timeout=6,
            )
        self.show_export()

    def action_choose_folder(self) -> None:
        """m: another folder; a write that hangs is given up, so the team can go on at once."""
        if self.table.exporter.busy:
            self.table.exporter.abandon()
            self.notify("Het wachten op de map is gestopt. Kies een andere map.", timeout=6)
        self.ask_folder()

    def ask_folder(self) -> None:
        """Ask for another folder, then write there."""
        exporter = self.table.exporter
        last = exporter.last
        failure = last.message if last is not None and last.path is None else ""

        def chosen(folder: Path | None) -> None:
            if folder is not None:
                self.save_to(folder)

        self.app.push_screen(FolderScreen(exporter.folder, failure, Path.home()), chosen)

    def save_to(self, folder: Path | None) -> None:
        """Ask first when typed text looks like personal data (SPEC section 6), then write."""
        findings = self.table.privacy_findings()
        if not findings:
            self.write_to(folder)
            return
        from dialoogspel.tui.screens.privacy import PrivacyScreen

        def answered(write_anyway: bool | None) -> None:
            if write_anyway:
                self.write_to(folder)
            else:
                self.notify("Pas de tekst aan en druk daarna weer ctrl+s.", timeout=6)

        self.app.push_screen(PrivacyScreen(findings), answered)

    def write_to(self, folder: Path | None) -> None:
        """Start writing (to another folder when given); the app reports when it is done."""
        if not self.table.export(folder):
            self.notify(
                "Even wachten: de uitkomst wordt nog opgeslagen. Geen antwoord? m: andere map.",
                severity="warning",
            )
        self.show_export()
