"""The afspraken in the plain-line face: list, add, change, remove, and write the outcome."""

from __future__ import annotations

from pathlib import Path

from dialoogspel.line.agreement import ask_agreement
from dialoogspel.line.console import Console
from dialoogspel.line.privacy import NOT_WRITTEN, ask_before_writing
from dialoogspel.line.words import board_lines
from dialoogspel.model import AgreementKind
from dialoogspel.present import agreement_line
from dialoogspel.table import Table
from dialoogspel.textsafe import visible

WRITE_WAIT_SECONDS = 5.0
"""How long to wait for the outcome folder before offering another one."""
AFSPRAKEN_HELP: tuple[tuple[str, str], ...] = (
    ("a", "nieuwe afspraak"),
    ("w en een nummer", "wijzig die afspraak, bijvoorbeeld w 2"),
    ("x en een nummer", "wis die afspraak, bijvoorbeeld x 2"),
    ("l", "lees de afspraken nog eens voor"),
    ("o", "schrijf de uitkomst nu weg"),
    ("m", "kies een andere map voor de uitkomst en schrijf hem daar"),
    ("b", "het bord in woorden"),
    ("k", "het spel is klaar (nog eens k: toch niet klaar)"),
    ("een lege regel", "terug naar de kaarten"),
    ("q", "stop; de uitkomst wordt opgeslagen"),
    ("? (vraagteken)", "deze lijst"),
)
"""The keys of the afspraken list, as `?` lists them."""
KEYS_LINE = (
    "a: nieuw · w 2: wijzig · x 2: wis · o: opslaan · ? (vraagteken): alle toetsen"
    " · lege regel: terug."
)


def _count(number: int) -> str:
    return f"{number} afspraak" if number == 1 else f"{number} afspraken"


class LineAfspraken:
    """The agreements of the session, numbered as they are read out."""

    def __init__(self, console: Console, table: Table) -> None:
        self.console = console
        """Where lines come from and go to."""
        self.table = table
        """The session in play; changes and writes go through it."""
        self.session = table.session
        """The game (read only here)."""

    def run(self) -> bool:
        """Until an empty line (True: back to the cards) or q / end of input (False: stop)."""
        self.show()
        while True:
            typed = self.console.ask()
            if typed is None:
                return False
            key, _, rest = typed.strip().casefold().partition(" ")
            if not key:
                return True
            if key == "q":
                return False
            if key[0] in "wx" and key[1:].isdigit():  # "w2" as well as "w 2"
                key, rest = key[0], key[1:]
            self.handle(key, rest.strip())

    def handle(self, key: str, rest: str) -> None:
        """One line typed in the list."""
        if key == "a":
            self.add()
        elif key in ("w", "x"):
            position = self.position(rest)
            if position is not None:
                (self.change if key == "w" else self.remove)(position)
        elif key == "l":
            self.show()
        elif key == "o":
            self.write(None)
        elif key == "m":
            self.choose_folder()
        elif key == "b":
            self.console.say(*board_lines(self.session))
        elif key == "k":
            self.finish()
        elif key == "?":
            self.console.say(*(f"{k}: {what}" for k, what in AFSPRAKEN_HELP))
        else:
            self.console.say(f"'{key[:40]}' ken ik niet hier. {KEYS_LINE}")

    def finish(self) -> None:
        """k: the team says the session is done, or (again) not after all."""
        done = not self.session.finished
        self.table.finish(done)
        if done:
            self.console.say("Het spel is klaar. Het beginscherm biedt het niet meer aan.")
        else:
            self.console.say("Het spel is toch niet klaar.")

    # -- the list -----------------------------------------------------------------------------

    def order(self) -> list[int]:
        """Positions in the session's list, in the order they are read out (per kind)."""
        agreements = self.session.agreements
        return [i for kind in AgreementKind for i, a in enumerate(agreements) if a.kind is kind]

    def show(self) -> None:
        """Every agreement numbered per kind, the cards that still need one, and where it goes."""
        session = self.session
        self.console.say(f"Afspraken: {_count(len(session.agreements))}.")
        number = 0
        for kind in AgreementKind:
            mine = [a for a in session.agreements if a.kind is kind]
            self.console.say(f"{kind.label}: {len(mine) or 'nog geen'}.")
            for agreement in mine:
                number += 1
                self.console.say(f"  {number}. {agreement_line(session, agreement, dash='-')}")
        for card in session.suggested_cards():
            label = session.card_label(card.key)
            self.console.say(f"Nog geen afspraak bij kaart {label}: {card.card.question}")
        self.console.say(self.export_line(), KEYS_LINE)

    def export_line(self) -> str:
        """Where the outcome goes, or where it went."""
        folder = visible(str(self.table.exporter.folder))
        last = self.table.exporter.last
        if last is not None and last.path is not None:
            line = f"Opgeslagen als: {visible(str(last.path))}."
            if not self.table.outcome_is_current:
                line += " Daarna is er iets veranderd: o schrijft het opnieuw."
            return line
        if self.session.exported:
            return f"Eerder opgeslagen als: {visible(self.session.exported[-1])}. o: opnieuw."
        return f"o: de uitkomst opslaan in {folder}."

    def position(self, typed: str) -> int | None:
        """The session position of the agreement with that number, or None (said why)."""
        order = self.order()
        if not order:
            self.console.say("Er zijn nog geen afspraken. a: nieuwe afspraak.")
            return None
        if not typed.isdigit() or not 1 <= int(typed) <= len(order):
            self.console.say(f"Typ een nummer van 1 tot en met {len(order)}, bijvoorbeeld w 1.")
            return None
        return order[int(typed) - 1]

    # -- changes ------------------------------------------------------------------------------

    def add(self) -> None:
        """a: a new agreement; the card is asked last (empty: none)."""
        self.console.say("Nieuwe afspraak.")
        made = ask_agreement(self.console, self.session, self.table.today, ask_card=True)
        if made is None:
            return
        refusal = self.table.act(lambda: self.session.add_agreement(made))
        self.console.say(refusal or f"Afspraak gemaakt: {agreement_line(self.session, made, '-')}")

    def change(self, position: int) -> None:
        """w N: every field asked again; an empty line keeps it."""
        old = self.session.agreements[position]
        self.console.say(f"Afspraak wijzigen: {agreement_line(self.session, old, '-')}")
        made = ask_agreement(
            self.console, self.session, self.table.today, existing=old, ask_card=True
        )
        if made is None:
            return
        refusal = self.table.act(lambda: self.session.replace_agreement(position, made))
        self.console.say(refusal or f"Gewijzigd: {agreement_line(self.session, made, '-')}")

    def remove(self, position: int) -> None:
        """x N: wipe it once the team says j."""
        agreement = self.session.agreements[position]
        line = agreement_line(self.session, agreement, "-")
        answer = self.console.ask(f"Deze afspraak wissen? {line}. Typ j voor ja.")
        if answer is None or answer.strip().casefold() not in ("j", "ja"):
            self.console.say("Niet gewist.")
            return
        refusal = self.table.act(lambda: self.session.remove_agreement(position))
        self.console.say(refusal or f"Afspraak gewist: {agreement.who}: {agreement.what}")

    # -- the outcome --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """m: another folder, then write there."""
        typed = self.console.ask("In welke map moet de uitkomst? Een lege regel: geen andere map.")
        if typed is None or not typed.strip():
            self.console.say("De map blijft hetzelfde.")
            return
        self.write(Path(typed.strip()).expanduser())

    def write(self, folder: Path | None) -> None:
        """o: write the outcome now and say where it went (wait a few seconds at most); the
        privacy check asks first when typed text looks like personal data."""
        if not ask_before_writing(self.console, self.table, stopping=False):
            self.console.say(NOT_WRITTEN)
            return
        exporter = self.table.exporter
        if exporter.busy and exporter.wait(WRITE_WAIT_SECONDS) is None:
            exporter.abandon()
        if not self.table.export(folder):
            self.console.say("Even wachten: de uitkomst wordt nog opgeslagen.")
            return
        self.console.say(f"Bezig met opslaan in {visible(str(exporter.folder))}.")
        result = exporter.wait(WRITE_WAIT_SECONDS)
        if result is None:
            exporter.abandon()
            self.console.say(
                f"De map {visible(str(exporter.folder))} geeft geen antwoord."
                " m: een andere map kiezen."
            )
            return
        self.table.record_export(result)
        self.console.say(result.message)
        if result.path is None:
            self.console.say("m: een andere map kiezen · o: nog eens proberen.")
