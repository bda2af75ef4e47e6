"""The afspraken screen: the board in words and the agreements (outcome file: see the mixin)."""

from __future__ import annotations

from collections.abc import Callable

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
from dialoogspel.tui.screens.afsprakenexport import AfsprakenExport
from dialoogspel.tui.screens.agreement import AgreementScreen
from dialoogspel.tui.screens.agreementlist import (
    AGREEMENT_ID,
    SUGGESTION_ID,
    AgreementList,
    agreement_line,
)
from dialoogspel.tui.screens.ask import ConfirmScreen
from dialoogspel.tui.screens.board import BoardScreen
from dialoogspel.tui.widgets.boardtext import board_in_words
from dialoogspel.tui.widgets.footer import KeepFooter
from dialoogspel.tui.widgets.topbar import TopBar

AFSPRAKEN_HELP = (
    "Maak afspraken: wie zoekt uit wat nog onbekend is (uitzoeken), en wie pakt de urgente"
    " punten aan (aan de slag). Kaarten in Belangrijk & urgent zonder afspraak staan als"
    " voorstel in de lijst.\nctrl+s schrijft de uitkomst als Markdown-bestand weg; het scherm"
    " laat zien waar het staat. Een volgende keer wordt hetzelfde bestand bijgewerkt, zolang"
    " niemand het veranderde. Staat er iets in dat op gegevens van een student lijkt (BSN,"
    " studentnummer, e-mail, telefoon), dan vraagt het spel eerst: aanpassen of toch opslaan."
    " Geeft de map geen antwoord? Druk m en kies een andere map."
)


def _count(number: int) -> str:
    return f"{number} afspraak" if number == 1 else f"{number} afspraken"


class AfsprakenScreen(AfsprakenExport, Screen[None]):
    """Agreements change through the model; the outcome file is `AfsprakenExport`'s."""

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
        yield KeepFooter()

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

    def choose_agreement(self, position: int) -> None:
        """Move the highlight to an agreement (the privacy check's "aanpassen")."""
        self.query_one(AgreementList).show(f"{AGREEMENT_ID}{position}")

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
