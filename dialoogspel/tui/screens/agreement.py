"""The agreement form: kind, what, who, by when and about which card; for adding and editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, RadioSet, Select, Static

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    DeadlineError,
    Session,
    describe_deadline,
    parse_deadline,
)
from dialoogspel.present.board import DEADLINE_PAST, NO_DEADLINE, WHAT_MISSING, WHO_MISSING
from dialoogspel.tui.glyphs import Glyphs
from dialoogspel.tui.keys import AGREEMENT_KEYS, bindings
from dialoogspel.tui.plainwidgets import plain_select_arrows
from dialoogspel.tui.screens.agreementfields import (
    UITZOEK_FIELDS,
    KindChoice,
    card_choice,
    default_kind,
)
from dialoogspel.tui.widgets.fieldlabel import FieldLabel


class AgreementScreen(ModalScreen[Agreement | None]):
    """Fill in one agreement; dismissed with the Agreement, or None when cancelled."""

    CSS_PATH = ["modal.tcss", "agreement.tcss"]

    KEYS = AGREEMENT_KEYS
    BINDINGS = bindings(AGREEMENT_KEYS)
    HELP_TITLE = "afspraak"
    HELP_INTRO = (
        "Vul in wat er gaat gebeuren, wie het doet en eventueel vóór wanneer.\n"
        "Tab gaat naar het volgende veld. Enter in Vóór of ctrl+s bewaart de afspraak."
    )

    def __init__(
        self,
        session: Session,
        glyphs: Glyphs,
        *,
        agreement: Agreement | None = None,
        card_key: str | None = None,
        kind: AgreementKind | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.session = session
        """Read only: the cards to link to and the people who can own the agreement."""
        self.agreement = agreement
        """The agreement being changed, or None for a new one."""
        self.card_key = agreement.card_key if agreement else card_key
        """The card chosen when the form opens."""
        self.kind = agreement.kind if agreement else kind or default_kind(session, self.card_key)
        """The kind chosen when the form opens."""
        self.today = today
        """Today's date, for reading "1-12" as the coming first of December."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.kind_touched = agreement is not None or kind is not None
        """The kind was chosen on purpose, so picking another card leaves it alone."""
        self.kind_shown = self.kind
        """The kind the form switched on itself (a change to another one is the team's choice)."""

    def compose(self) -> ComposeResult:
        names = [p.name for p in self.session.participants]
        existing = self.agreement
        with VerticalScroll(id="dialog"):
            yield Label("Afspraak wijzigen" if existing else "Nieuwe afspraak", classes="title")
            with Horizontal(classes="row"):
                yield FieldLabel("Kaart")
                yield Select(
                    [
                        (Text(card_choice(self.session, c.key, self.glyphs)), c.key)
                        for c in self.session.cards
                    ],
                    prompt="geen kaart",
                    value=self.card_key if self.card_key in self.session.states else Select.NULL,
                    compact=True,
                    id="card",
                )
            with Horizontal(classes="row"):
                yield FieldLabel("Soort")
                yield KindChoice(self.kind, self.glyphs.plain, id="kind")
            with Horizontal(classes="row"):
                yield FieldLabel("Wat")
                yield Input(
                    existing.what if existing else "",
                    placeholder="wat gaat er gebeuren?",
                    compact=True,
                    select_on_focus=False,  # editing: a typed key adds, never wipes the text
                    id="what",
                )
            with Horizontal(classes="row"):
                yield FieldLabel("Wie")
                yield Input(
                    existing.who if existing else "",
                    placeholder="wie doet het?",
                    suggester=SuggestFromList(names, case_sensitive=False),
                    compact=True,
                    select_on_focus=False,
                    id="who",
                )
            if names:
                yield Static(
                    f"{', '.join(names)} of een andere naam (enter vult de naam aan)",
                    classes="under",
                    markup=False,
                )
            with Horizontal(classes="row"):
                yield FieldLabel("Vóór")
                yield Input(
                    existing.deadline.strftime("%d-%m-%Y")
                    if existing and existing.deadline
                    else "",
                    placeholder="datum, bijv. 1-12 (mag leeg)",
                    compact=True,
                    select_on_focus=False,
                    id="deadline",
                )
            yield Static(id="understood", classes="under")
            for name, label, hint in UITZOEK_FIELDS:  # uitzoeken only, optional
                with Horizontal(classes="row uitzoek"):
                    yield FieldLabel(label)
                    old = getattr(existing, name) if existing else None
                    yield Input(old or "", placeholder=hint, compact=True, id=name)
            yield Static(id="problem")
            dash = self.glyphs.dash
            yield Label(
                f"tab: volgend veld {dash} enter in Vóór of ctrl+s: bewaren {dash} esc: annuleren",
                classes="hint",
            )

    def on_mount(self) -> None:
        if self.glyphs.plain:
            plain_select_arrows(self.query_one("#card", Select))
        self.query_one("#what", Input).focus()
        self.show_deadline()
        self.show_uitzoek_fields()

    def on_descendant_focus(self) -> None:
        """Mark the row that has focus: text went into the wrong field when only colour did."""
        focused = self.focused
        for label in self.query(FieldLabel):
            row = label.parent
            label.mark(focused is not None and row is not None and row in focused.ancestors)

    def show_uitzoek_fields(self) -> None:
        """Vermoeden and bron belong to uitzoek-afspraken only."""
        uitzoeken = (self.query_one(KindChoice).kind or self.kind) is AgreementKind.UITZOEKEN
        for row in self.query(".uitzoek"):
            row.display = uitzoeken

    # -- live feedback ------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#problem", Static).update("")
        if event.input.id == "deadline":
            self.show_deadline()

    def show_deadline(self) -> None:
        """Say under the date field what was understood, or why it is not a date."""
        understood = self.query_one("#understood", Static)
        text = self.query_one("#deadline", Input).value
        try:
            deadline = parse_deadline(text, self.today())
        except DeadlineError as error:
            understood.update(Text(str(error)))
            understood.set_class(True, "-wrong")
            return
        understood.set_class(False, "-wrong")
        if deadline is None:
            understood.update(Text(NO_DEADLINE, style="dim"))
            return
        line = Text(f"Dat is {describe_deadline(deadline)}.")
        if deadline < self.today():
            line.append(f" {DEADLINE_PAST}", style="bold")
        understood.update(line)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new agreement follows the card's quadrant for its kind until the kind is chosen."""
        if self.kind_touched or event.value is Select.NULL:
            return
        self.kind_shown = default_kind(self.session, str(event.value))
        self.query_one(KindChoice).choose(self.kind_shown)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if self.query_one(KindChoice).kind is not self.kind_shown:
            self.kind_touched = True
        self.show_uitzoek_fields()

    # -- saving -------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; in the last field (Vóór) it saves."""
        if event.input.id == "who":
            self._take_suggested_name()
        if event.input.id in ("deadline", "vermoeden", "bron"):
            self.action_save()
        else:
            self.focus_next()

    def _take_suggested_name(self) -> None:
        """Enter takes the name the field suggests (grey), as → does."""
        who = self.query_one("#who", Input)
        typed = who.value.strip().casefold()
        if not typed:
            return
        names = [p.name for p in self.session.participants]
        match = next((n for n in names if n.casefold().startswith(typed)), None)
        if match is not None:
            who.value = match

    def action_save(self) -> None:
        """ctrl+s (or enter in the last field): check the form and hand the agreement back."""
        what = self.query_one("#what", Input).value.strip()
        who = self.query_one("#who", Input).value.strip()
        if not what:
            self._refuse(WHAT_MISSING, "#what")
            return
        if not who:
            self._refuse(WHO_MISSING, "#who")
            return
        try:
            deadline = parse_deadline(self.query_one("#deadline", Input).value, self.today())
        except DeadlineError:
            self._refuse("Kijk de datum na, of maak het veld leeg.", "#deadline")
            return
        person = next(
            (p for p in self.session.participants if p.name.casefold() == who.casefold()), None
        )
        card = self.query_one("#card", Select).value
        kind = self.query_one(KindChoice).kind or self.kind
        vermoeden, bron = (
            (
                self.query_one(f"#{name}", Input).value.strip() or None
                for name, _, _ in UITZOEK_FIELDS
            )
            if kind is AgreementKind.UITZOEKEN
            else (None, None)
        )
        self.dismiss(
            Agreement(
                kind=kind,
                what=what,
                who=person.name if person else who,
                deadline=deadline,
                card_key=None if card is Select.NULL else str(card),
                vermoeden=vermoeden,
                bron=bron,
            )
        )

    def _refuse(self, problem: str, field: str) -> None:
        self.query_one("#problem", Static).update(problem)
        self.query_one(field, Input).focus()
        self.app.bell()

    def action_cancel(self) -> None:
        """esc: nothing changes."""
        self.dismiss(None)
