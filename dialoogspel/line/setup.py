"""Setup in the plain-line face: casus, niveau, thema's, modus and deelnemers, one question each.

Choices are numbered; what the command line already gave is the answer to an empty line. The
rules that refuse a setup are the model's, so the sentences are the screen face's too.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialoogspel.line.console import Console
from dialoogspel.model import NIVEAUS, CardChoice, Deck, Mode, RuleError, Session, parse_player
from dialoogspel.present import REMINDER
from dialoogspel.present.decknames import deck_labels
from dialoogspel.table import SetupDefaults, new_session

MODES: tuple[Mode, ...] = (Mode.VRAGEN, Mode.PIONNEN, Mode.SAMEN, Mode.GEMENGD)
"""The modes in the order they are offered (as on the setup screen)."""
OTHER = "anders"


class SetupEnded(Exception):
    """The input ended before the setup was done."""


class LineSetup:
    """Asks the setup questions and builds the session through the table's `new_session`."""

    def __init__(self, console: Console, decks: Sequence[Deck], defaults: SetupDefaults) -> None:
        self.console = console
        """Where lines come from and go to."""
        self.decks = tuple(decks)
        """The decks the team can choose from, in list order."""
        self.defaults = defaults
        """Choices from the command line: the answer to an empty line."""

    def _ask(self, question: str) -> str:
        answer = self.console.ask(question)
        if answer is None:
            raise SetupEnded
        return answer.strip()

    def run(self) -> Session | None:
        """The questions in order until the rules accept the setup; None at end of input."""
        self.console.say("Nieuw spel.", REMINDER)
        try:
            casus = self.casus()
            while True:
                niveau = self.niveau()
                decks = self.themes(niveau)
                mode = self.mode()
                hidden = self.hidden_voting(mode)
                people = self.people(mode, hidden)
                try:
                    return new_session(
                        casus=casus,
                        niveau=niveau,
                        decks=decks,
                        mode=mode,
                        people=people,
                        hidden_voting=hidden,
                        choice=CardChoice(
                            core_only=self.defaults.core_only,
                            card_ids=tuple(self.defaults.cards),
                        ),
                        minutes=self.defaults.minutes,
                    )
                except RuleError as refusal:
                    self.console.say(str(refusal), "Kies het niveau en de thema's opnieuw.")
        except SetupEnded:
            return None

    def casus(self) -> str:
        """Casus: free text, required."""
        given = self.defaults.casus.strip()
        question = "Casus: waar gaat het gesprek over? Bijvoorbeeld: klas 3B, veel verzuim."
        if given:
            question += f" Een lege regel: {given}."
        while True:
            typed = self._ask(question)
            if typed or given:
                return typed or given
            question = "Vul de casus in: waar gaat het gesprek over?"

    def niveau(self) -> str:
        """Niveau: a number from the list, or the team's own words."""
        given = self.defaults.niveau.strip() or "opleiding"
        choices = [*NIVEAUS, OTHER]
        self.console.say("Niveau:", *(f"{n}. {name}" for n, name in enumerate(choices, 1)))
        question = f"Typ een nummer of een eigen niveau. Een lege regel: {given}."
        typed = self._ask(question)
        if not typed:
            return given
        if typed.isdigit() and 1 <= int(typed) <= len(NIVEAUS):
            return NIVEAUS[int(typed) - 1]
        if typed.casefold() in (str(len(choices)), OTHER):
            typed = ""
            while not typed:
                typed = self._ask("Welk niveau? Bijvoorbeeld: afdeling zorg.")
        return typed

    def themes(self, niveau: str) -> list[Deck]:
        """Thema's: numbers in the order of play, e.g. "1 3"."""
        self.console.say("Thema's:")
        labels = deck_labels(self.decks)
        for number, deck in enumerate(self.decks, 1):
            count = len(deck.cards_for(niveau))
            cards = f"{count} kaart{'' if count == 1 else 'en'}" if count else "geen kaarten"
            about = f" {deck.description}" if deck.description else ""
            self.console.say(f"{number}. {labels[number - 1]}, {cards} bij dit niveau.{about}")
        wanted = [name.casefold() for name in self.defaults.deck_names]
        given = [d for name in wanted for d in self.decks if d.name.casefold() == name]
        given = given or list(self.decks[:1])
        names = ", ".join(deck.theme for deck in given)
        question = (
            "Typ de nummers in de volgorde van het spel, bijvoorbeeld 1 3."
            f" Een lege regel: {names}."
        )
        while True:
            typed = self._ask(question).replace(",", " ").split()
            if not typed:
                return given
            if all(t.isdigit() and 1 <= int(t) <= len(self.decks) for t in typed):
                chosen = [self.decks[int(t) - 1] for t in dict.fromkeys(typed)]
                return chosen
            question = f"Typ nummers van 1 tot en met {len(self.decks)}, met een spatie ertussen."

    def mode(self) -> Mode:
        """Modus: a number from the list, each with its explanation."""
        given = self.defaults.mode or Mode.PIONNEN
        self.console.say("Modus:", *(f"{n}. {m.explanation}" for n, m in enumerate(MODES, 1)))
        question = f"Typ 1, 2, 3 of 4. Een lege regel: {given.value}."
        while True:
            typed = self._ask(question).casefold()
            if not typed:
                return given
            if typed in ("1", "2", "3", "4"):
                return MODES[int(typed) - 1]
            named = [m for m in MODES if m.value == typed]
            if named:
                return named[0]
            question = "Typ 1 (vragen), 2 (pionnen), 3 (samen) of 4 (gemengd)."

    def hidden_voting(self, mode: Mode) -> bool:
        """Verdekt stemmen: only asked where pawns vote."""
        if not mode.rules.votes_pawns:
            return False
        given = self.defaults.hidden_voting
        question = (
            "Verdekt stemmen? Dan blijven de pionnen bedekt tot iedereen gekozen heeft."
            f" Typ j of n. Een lege regel: {'ja' if given else 'nee'}."
        )
        typed = self._ask(question).casefold()
        return given if not typed else typed in ("j", "ja")

    def people(self, mode: Mode, hidden: bool) -> list[tuple[str, str]]:
        """Deelnemers: one per line, "Naam:rol"; an empty line ends once the rules allow it."""
        people = list(self.defaults.participants)
        if people:
            names = ", ".join(f"{name} ({role})" for name, role in people)
            self.console.say(f"Deelnemers: {names}.")
        self.console.say(
            "Typ de deelnemers, één per regel, zo: Anna:slb'er. Zonder rol wordt het docent.",
            "Een lege regel: klaar.",
        )
        while True:
            typed = self._ask("")
            if typed:
                try:
                    name, role = parse_player(typed)
                except ValueError as error:
                    self.console.say(str(error).replace("--speler ", ""))
                    continue
                people.append((name, role))
                self.console.say(f"Erbij: {name} ({role}).")
                continue
            try:
                mode.rules.check_setup(len(people), hidden)
            except RuleError as refusal:
                self.console.say(str(refusal))
                continue
            return people
