"""The rules of SPEC section 4 for one parsed file: keys, types, colours, cards and ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialoogspel.decks.colours import colour_problem
from dialoogspel.decks.ids import generated_id, id_prefix
from dialoogspel.decks.kern import kern_problem, kern_value
from dialoogspel.decks.problems import Problem, closest, did_you_mean, quoted_list
from dialoogspel.decks.yamltree import Mapping, Node, Refused, Scalar, Sequence
from dialoogspel.model import Card, DataSource, Deck
from dialoogspel.textsafe import visible

DECK_KEYS = ("thema", "kleur", "beschrijving", "kaarten")
CARD_KEYS = ("id", "vraag", "databronnen", "niveaus", "kern")
SOURCE_KEYS = ("naam", "toelichting")
ALL_KEYS = DECK_KEYS + CARD_KEYS + SOURCE_KEYS
KNOWN_NIVEAUS = ("klas", "opleiding", "team", "instelling")
"""The niveaus the setup screen offers; other words are allowed but a near miss gets a warning."""
MAX_ID_LENGTH = 40
MAX_GUESSES = 200
"""Unknown keys for which a file gets a "did you mean" guess; a file with more (no deck at all,
or a big data file) still gets every error, but difflib is not asked 100,000 times."""
_LINE_BREAK = re.compile(r"[\r\n]")

_MISSING = {
    "thema": "Hier ontbreekt 'thema:', de naam van het thema. Schrijf bijvoorbeeld: thema: Verzuim",
    "kleur": "Hier ontbreekt 'kleur:'. Voeg bijvoorbeeld toe: kleur: \"#e0a526\"",
    "kaarten": "Hier ontbreekt 'kaarten:', de lijst met kaarten.",
    "vraag": "Deze kaart heeft geen 'vraag:'. Elke kaart heeft een vraag nodig.",
    "naam": "Deze databron heeft geen 'naam:'. Schrijf de naam van de bron erbij.",
}
_EMPTY_SOURCE = "Lege databron: schrijf de naam van de bron, of haal het streepje weg."
_EMPTY = {
    "thema": "Het thema is leeg. Schrijf de naam van het thema achter 'thema:'.",
    "kleur": 'De kleur is leeg. Schrijf bijvoorbeeld: kleur: "#e0a526"',
    "vraag": "De vraag is leeg. Schrijf de vraag achter 'vraag:'.",
    "naam": "De naam van de databron is leeg. Schrijf de naam achter 'naam:'.",
}


class DeckChecker:
    """Walks the tree of one file, collecting problems while it builds the deck."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.source = text
        """The whole file's text, for what follows a value on its line."""
        self.problems: list[Problem] = []
        self.guesses = 0
        """How many unknown keys got a guess (see MAX_GUESSES)."""

    def error(self, node: Node, message: str) -> None:
        """An error at a node; deck text quoted in the message shows control characters escaped."""
        self.problems.append(Problem(self.path, node.line, node.column, visible(message)))

    def warn(self, node: Node, message: str) -> None:
        """A warning at a node: worth a look, but the deck still loads."""
        problem = Problem(self.path, node.line, node.column, visible(message), warning=True)
        self.problems.append(problem)

    def deck(self, root: Node, name: str) -> Deck | None:
        """The whole file: the top-level keys and every card."""
        if not isinstance(root, Mapping):
            if isinstance(root, Scalar) and root.empty:
                self.error(
                    root,
                    "Het bestand bevat geen stapel. Begin met 'thema:', 'kleur:' en 'kaarten:'.",
                )
            elif isinstance(root, Sequence):
                self.error(
                    root,
                    "Het bestand begint met een lijst ('-'). Een stapel begint met 'thema:', "
                    "'kleur:' en 'kaarten:'; de kaarten staan onder 'kaarten:'.",
                )
            elif isinstance(root, Scalar):
                self.error(
                    root,
                    "Dit is geen stapel: een stapel begint met 'thema:', 'kleur:' en 'kaarten:'.",
                )
            return None
        fields = self.fields(root, DECK_KEYS, required=("thema", "kleur", "kaarten"))
        theme = self.one_line(fields, "thema", self.text_field(fields, "thema", required=True))
        colour = self.colour(fields.get("kleur"))
        description = self.text_field(fields, "beschrijving") or ""
        cards = self.cards(fields.get("kaarten"), theme or name)
        if theme is None or colour is None or cards is None:
            return None
        return Deck(
            name=name,
            theme=theme,
            colour=colour,
            cards=cards,
            description=description,
            source=self.path,
        )

    def fields(
        self, mapping: Mapping, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, tuple[Scalar, Node]]:
        """The known keys of a mapping; unknown, duplicate and missing keys are reported."""
        found: dict[str, tuple[Scalar, Node]] = {}
        seen: dict[str, Scalar] = {}
        suggested: set[str] = set()
        for key, value in mapping.pairs:
            if not isinstance(key, Scalar):
                if not isinstance(key, Refused):
                    self.error(key, "Een sleutel moet een woord zijn, zoals 'vraag'.")
                continue
            if key.value in seen:
                first = seen[key.value].line
                self.error(
                    key,
                    f"De sleutel '{key.value}' staat twee keer in dit blok (ook op regel {first}). "
                    "Haal er één weg.",
                )
                continue
            seen[key.value] = key
            if key.value not in allowed:
                self.guesses += 1
                meant = closest(key.value, allowed) if self.guesses <= MAX_GUESSES else None
                hint = f" Bedoel je '{meant}'?" if meant else ""
                suggested.add(meant or "")
                self.error(
                    key,
                    f"Onbekende sleutel '{key.value}'.{hint} Hier mogen: {quoted_list(allowed)}.",
                )
                continue
            found[key.value] = (key, value)
        for name in required:
            if name not in found and name not in suggested:
                self.error(mapping, _MISSING[name])
        return found

    def text_field(
        self, fields: dict[str, tuple[Scalar, Node]], key: str, required: bool = False
    ) -> str | None:
        """A text value, stripped; None when absent, empty (and required) or not text."""
        if key not in fields:
            return None
        key_node, node = fields[key]
        value = self.text(node, key)
        if value is None:
            return None
        if not value and required:
            self.error(key_node, _EMPTY[key])
            return None
        return value

    def one_line(
        self, fields: dict[str, tuple[Scalar, Node]], key: str, value: str | None
    ) -> str | None:
        """The value when it fits on one line; a line break or tab (shown in titles) is an error."""
        if value is None or ("\n" not in value and "\t" not in value):
            return value
        self.error(
            fields[key][1],
            f"'{key}' moet op één regel passen, zonder tab. Schrijf bijvoorbeeld: {key}: Verzuim",
        )
        return None

    def text(self, node: Node, key: str) -> str | None:
        """The text of a scalar as typed (stripped); reports lists and blocks where text belongs."""
        if isinstance(node, Scalar):
            self.check_cut(node)
            return node.value.strip()
        if isinstance(node, Mapping):
            self.error(
                node,
                f"'{key}' moet een tekst zijn, maar hier staat een blok met sleutels. Staat er een "
                "dubbele punt in je tekst? Zet de hele tekst dan tussen aanhalingstekens.",
            )
        elif isinstance(node, Sequence):
            self.error(node, f"'{key}' moet één tekst zijn, geen lijst.")
        return None

    def check_cut(self, node: Scalar) -> None:
        """Warn when ` #` after an unquoted value made YAML drop the rest of the line.

        Only a single space before `#` counts: that is how `#` appears inside a sentence
        ("bij #1"), while a comment put after a value on purpose is usually set apart with two
        or more spaces (as in SPEC section 4), and warning about those would only be noise.
        """
        text, end = self.source, node.end_index
        if not node.plain or not text.startswith(" #", end) or text.startswith("  ", end - 1):
            return
        line_end = _LINE_BREAK.search(text, end + 1)
        cut = text[end + 1 : line_end.start() if line_end else len(text)].rstrip()
        if len(cut) > 30:
            cut = cut[:27] + "..."
        message = (
            f"De tekst na ' #' telt als commentaar en valt weg: '{cut}'. Hoort die tekst bij de "
            "waarde? Zet de hele waarde dan tussen aanhalingstekens."
        )
        self.problems.append(
            Problem(self.path, node.end_line, node.end_column + 1, message, warning=True)
        )

    def items(self, node: Node, key: str, example: str) -> list[Node] | None:
        """The items of a list value; an empty value counts as an empty list."""
        if isinstance(node, Sequence):
            return node.items
        if isinstance(node, Scalar) and node.empty:
            self.check_cut(node)
            return []
        if isinstance(node, Scalar):
            self.check_cut(node)
            self.error(node, f"'{key}' moet een lijst zijn. Schrijf bijvoorbeeld: {example}")
        elif isinstance(node, Mapping):
            self.error(
                node,
                f"'{key}' moet een lijst zijn. Begin elk onderdeel met '- ' (streepje en spatie).",
            )
        return None

    def colour(self, field: tuple[Scalar, Node] | None) -> str | None:
        """The `kleur` value; a hex code left without quotes gets its own explanation."""
        if field is None:
            return None
        key, node = field
        if isinstance(node, Scalar) and node.empty:
            rest = self.source[node.end_index :].lstrip(" ")
            if rest.startswith("#"):
                code = rest.split()[0]
                self.error(
                    key,
                    f'Zet de kleurcode tussen aanhalingstekens: kleur: "{code}". Zonder '
                    "aanhalingstekens leest YAML alles na # als commentaar.",
                )
            else:
                self.error(key, _EMPTY["kleur"])
            return None
        value = self.text(node, "kleur")
        if value is None:
            return None
        problem = colour_problem(value)
        if problem is not None:
            self.error(node, problem)
            return None
        return value

    def cards(self, field: tuple[Scalar, Node] | None, theme: str) -> tuple[Card, ...] | None:
        """All cards, with generated ids where none was typed; None when any card is wrong."""
        if field is None:
            return None
        key, node = field
        items = self.items(node, "kaarten", "- vraag: Wat zien we?")
        if items is None:
            return None
        if not items:
            where = node if isinstance(node, Sequence) else key
            self.error(
                where, "Er staan geen kaarten onder 'kaarten:'. Voeg minstens één kaart toe."
            )
            return None
        drafts = [self.card(item) for item in items]
        typed = self.typed_ids([d for d in drafts if d is not None])
        if any(d is None or not d.complete for d in drafts):
            return None
        taken = {card_id.casefold() for card_id in typed}
        prefix = id_prefix(theme)
        counters: dict[str, int] = {}
        cards = []
        for draft in drafts:
            assert draft is not None
            card_id = draft.id
            if card_id is None:
                card_id = generated_id(prefix, draft.question, taken, counters)
                taken.add(card_id.casefold())
            cards.append(Card(card_id, draft.question, draft.sources, draft.niveaus, draft.kern))
        return tuple(cards)

    def card(self, node: Node) -> _Draft | None:
        """One card as read (maybe incomplete, so its id still counts), or None if not a card."""
        if not isinstance(node, Mapping):
            if isinstance(node, Scalar) and node.empty:
                self.error(node, "Lege kaart: vul de kaart in, of haal het streepje weg.")
            elif isinstance(node, Scalar):
                self.check_cut(node)
                self.error(
                    node, "Deze kaart is alleen een tekst. Zet 'vraag: ' ervoor: - vraag: ..."
                )
            elif isinstance(node, Sequence):
                self.error(node, "Een kaart moet sleutels hebben, zoals 'vraag:'; geen lijst.")
            return None
        fields = self.fields(node, CARD_KEYS, required=("vraag",))
        question = self.text_field(fields, "vraag", required=True)
        id_node, card_id = self.card_id(fields.get("id"))
        sources = self.sources(fields.get("databronnen"))
        niveaus = self.niveaus(fields.get("niveaus"))
        kern = self.kern(fields.get("kern"))
        complete = None not in (question, sources, niveaus, kern) and card_id != ""
        return _Draft(
            card_id or None,
            id_node,
            question or "",
            sources or (),
            niveaus or (),
            bool(kern),
            complete,
        )

    def card_id(self, field: tuple[Scalar, Node] | None) -> tuple[Node | None, str | None]:
        """The typed id and its node; (None, None) when absent or empty, "" when wrong."""
        if field is None:
            return None, None
        _key, node = field
        value = self.text(node, "id")
        if value is None:
            return node, ""
        if not value:
            return None, None
        if "\n" in value or "\r" in value or "\t" in value:
            self.error(node, "Een id moet op één regel passen, zonder tab, zoals U01.")
            return node, ""
        if len(value) > MAX_ID_LENGTH:
            self.error(node, f"Dit id is te lang: hoogstens {MAX_ID_LENGTH} tekens, zoals U01.")
            return node, ""
        return node, value

    def typed_ids(self, drafts: list[_Draft]) -> list[str]:
        """The typed ids; a repeated one (ignoring case) is reported at its second place."""
        first: dict[str, Node] = {}
        for draft in drafts:
            if draft.id is None or draft.id_node is None:
                continue
            folded = draft.id.casefold()
            if folded in first:
                self.error(
                    draft.id_node,
                    f"Het id '{draft.id}' hoort al bij de kaart op regel {first[folded].line}. "
                    "Geef elke kaart een eigen id.",
                )
            else:
                first[folded] = draft.id_node
        return [d.id for d in drafts if d.id is not None]

    def sources(self, field: tuple[Scalar, Node] | None) -> tuple[DataSource, ...] | None:
        """The data sources: each a text, or a block with `naam` and optional `toelichting`."""
        if field is None:
            return ()
        items = self.items(field[1], "databronnen", "- Verzuimregistratie (op een nieuwe regel)")
        if items is None:
            return None
        sources: list[DataSource] = []
        for item in items:
            if isinstance(item, Scalar):
                value = self.text(item, "databron")
                if value:
                    sources.append(DataSource(value))
                else:
                    self.error(item, _EMPTY_SOURCE)
            elif isinstance(item, Mapping):
                fields = self.fields(item, SOURCE_KEYS, required=("naam",))
                name = self.text_field(fields, "naam", required=True)
                explanation = self.text_field(fields, "toelichting") or ""
                if name is not None:
                    sources.append(DataSource(name, explanation))
            elif isinstance(item, Sequence):
                self.error(
                    item, "Een databron is een tekst, of een blok met 'naam:' en 'toelichting:'."
                )
        return tuple(sources) if len(sources) == len(items) else None

    def kern(self, field: tuple[Scalar, Node] | None) -> bool | None:
        """The `kern` value: ja or nee, absent means nee; None (reported) for anything else."""
        if field is None:
            return False
        value = self.text(field[1], "kern")
        if value is None:
            return None
        kern = kern_value(value)
        if kern is None:
            self.error(field[1], kern_problem(value))
        return kern

    def niveaus(self, field: tuple[Scalar, Node] | None) -> tuple[str, ...] | None:
        """The niveaus a card fits; a single word is refused with the list form as the fix."""
        if field is None:
            return ()
        node = field[1]
        example = f"niveaus: [{node.value.strip()}]" if isinstance(node, Scalar) else ""
        items = self.items(node, "niveaus", example)
        if items is None:
            return None
        niveaus: list[str] = []
        for item in items:
            value = self.text(item, "niveau") if not isinstance(item, Refused) else None
            if value is None:
                continue
            if not value:
                self.error(item, "Leeg niveau: schrijf een niveau, zoals klas, of haal het weg.")
                continue
            niveaus.append(value)
            if value.casefold() not in KNOWN_NIVEAUS:
                hint = did_you_mean(value, KNOWN_NIVEAUS)
                if hint:
                    self.warn(
                        item,
                        f"Onbekend niveau '{value}'.{hint} Een eigen woord mag ook, maar dan "
                        "past de kaart alleen bij precies dat niveau.",
                    )
        return tuple(niveaus) if len(niveaus) == len(items) else None


@dataclass(frozen=True)
class _Draft:
    """A card as read from the file, before ids are generated."""

    id: str | None
    id_node: Node | None
    question: str
    sources: tuple[DataSource, ...]
    niveaus: tuple[str, ...]
    kern: bool
    complete: bool
    """False when the card has an error: no deck will be made, but its id is still checked."""
