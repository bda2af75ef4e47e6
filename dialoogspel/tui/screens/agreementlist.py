"""The list on the afspraken screen: per kind its agreements, then the urgent cards without one.

Linear in cards and agreements: every line is laid out once (a `Content` keeps its wrapped
height per width) and kept while the agreement or card it shows is unchanged, so a change
lays out only the lines that changed and redraws only what is on screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.visual import Padding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from dialoogspel.model import Agreement, AgreementKind, Session, SessionCard, describe_deadline
from dialoogspel.textsafe import visible
from dialoogspel.tui.glyphs import Glyphs

AGREEMENT_ID = "afspraak:"
"""Option id prefix of an agreement in the list; the rest is its position in the session."""
SUGGESTION_ID = "kaart:"
"""Option id prefix of a suggestion; the rest is the card key."""
INDENT = "  "
"""Agreements and suggestions stand under their heading."""


class Indented(Padding):
    """A line under a heading; wrapped lines hang under its first word."""

    def __init__(self, content: Content) -> None:
        super().__init__(content, Spacing(0, 0, 0, len(INDENT)))
        self.content = content
        """The line itself."""
        self._heights: dict[int, int] = {}

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Lines at this width, laid out once per width (the list asks at two widths)."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().get_height(rules, width)
        return height

    def __str__(self) -> str:
        return self.content.plain


def agreement_line(session: Session, agreement: Agreement, glyphs: Glyphs) -> Content:
    """One agreement as a line: who, what, by when, which card (typed text stays plain text)."""
    parts: list[str | tuple[str, str]] = [(visible(agreement.who), "bold"), ": "]
    parts.append(visible(agreement.what))
    if agreement.deadline:
        parts.append(f" {glyphs.dash} vóór {describe_deadline(agreement.deadline)}")
    if agreement.card_key:
        parts.append(f" {glyphs.dash} kaart {visible(session.card_label(agreement.card_key))}")
    return Content.assemble(*parts)


def suggestion_line(session: Session, card: SessionCard) -> Content:
    """An urgent card without an agreement: "Nog geen afspraak: U03 Welke …"."""
    label = visible(session.card_label(card.key))
    return Content.assemble(
        ("Nog geen afspraak: ", "bold"),
        (f"{label} {visible(card.card.question)}", "italic"),
    )


class AgreementList(OptionList, inherit_bindings=False):
    """The agreements and suggestions; enter is left to the screen, so the Footer shows it."""

    BINDINGS = [b for b in OptionList.BINDINGS if getattr(b, "key", "") != "enter"]

    def __init__(self, session: Session, glyphs: Glyphs, *, id: str) -> None:
        super().__init__(id=id, markup=False)
        self.session = session
        """The game (read only here)."""
        self.glyphs = glyphs
        """The characters to draw with."""
        self.suggestions: tuple[SessionCard, ...] = ()
        """The urgent cards without an agreement, as last shown."""
        self._agreement_lines: dict[Agreement, Indented] = {}
        self._suggestion_lines: dict[str, Indented] = {}

    def on_resize(self) -> None:
        # A smaller terminal must not hide the chosen line.
        self.call_after_refresh(self.scroll_to_highlight)

    @property
    def chosen(self) -> str | None:
        """The id of the highlighted option: an agreement or a suggestion."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def show(self, highlight: str | None = None) -> None:
        """Show the session's agreements; keep the highlight (or move it to `highlight`).

        Lines whose agreement or card did not change keep their laid-out text; only a new or
        changed line is laid out again.
        """
        old_position = self.highlighted
        if highlight is None:
            highlight = self.chosen
        self.suggestions = self.session.suggested_cards()
        options = self._options_now()
        self.set_options(options)
        positions = {option.id: i for i, option in enumerate(options) if option.id is not None}
        if highlight is not None and highlight in positions:
            self.highlighted = positions[highlight]
            return
        # The line that was there is gone: take the next one that can be chosen, else the last.
        start = old_position or 0
        later = next((i for i in range(start, len(options)) if not options[i].disabled), None)
        if later is None:
            later = next(
                (i for i in reversed(range(len(options))) if not options[i].disabled), None
            )
        self.highlighted = later

    def _options_now(self) -> list[Option]:
        """Per kind a heading and its agreements, then a line per urgent card without one."""
        agreements = self.session.agreements
        kept = self._agreement_lines
        self._agreement_lines = {}
        by_kind: dict[AgreementKind, list[Option]] = {kind: [] for kind in AgreementKind}
        for position, agreement in enumerate(agreements):
            line = kept.get(agreement) or self._agreement_lines.get(agreement)
            if line is None:
                line = Indented(agreement_line(self.session, agreement, self.glyphs))
            self._agreement_lines[agreement] = line
            by_kind[agreement.kind].append(Option(line, f"{AGREEMENT_ID}{position}"))
        options: list[Option] = []
        for kind in AgreementKind:
            mine = by_kind[kind]
            options.append(
                Option(Content.styled(f"{kind.label} ({len(mine)})", "bold"), disabled=True)
            )
            options += mine or [
                Option(Content.styled(f"{INDENT}nog geen", "italic"), disabled=True)
            ]
        lines = self._suggestion_lines
        for card in self.suggestions:
            line = lines.get(card.key)
            if line is None:
                line = lines[card.key] = Indented(suggestion_line(self.session, card))
            options.append(Option(line, f"{SUGGESTION_ID}{card.key}"))
        return options
