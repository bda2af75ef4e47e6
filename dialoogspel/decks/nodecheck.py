"""Checks on one node of a parsed deck file that any key may need: known keys, text values,
one-line values, lists. Each problem lands where the node is (FILE:LINE:COLUMN)."""

from __future__ import annotations

import re

from dialoogspel.decks.problems import Problem, closest, quoted_list
from dialoogspel.decks.yamltree import Mapping, Node, Refused, Scalar, Sequence
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
EMPTY_SOURCE = "Lege databron: schrijf de naam van de bron, of haal het streepje weg."
EMPTY = {
    "thema": "Het thema is leeg. Schrijf de naam van het thema achter 'thema:'.",
    "kleur": 'De kleur is leeg. Schrijf bijvoorbeeld: kleur: "#e0a526"',
    "vraag": "De vraag is leeg. Schrijf de vraag achter 'vraag:'.",
    "naam": "De naam van de databron is leeg. Schrijf de naam achter 'naam:'.",
}


class NodeChecker:
    """Collects the problems of one file; the deck format's own rules are in DeckChecker."""

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
            self.error(key_node, EMPTY[key])
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
