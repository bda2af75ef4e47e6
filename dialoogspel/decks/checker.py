"""The rules of SPEC section 4 for one parsed file: keys, types, colours, cards and ids.

Generic checks on a node (known keys, text, lists) are in `nodecheck.NodeChecker`."""

from __future__ import annotations

from dataclasses import dataclass

from dialoogspel.decks.colours import colour_problem
from dialoogspel.decks.ids import generated_id, id_prefix
from dialoogspel.decks.kern import kern_problem, kern_value
from dialoogspel.decks.nodecheck import (
    ALL_KEYS,
    CARD_KEYS,
    DECK_KEYS,
    EMPTY,
    EMPTY_SOURCE,
    KNOWN_NIVEAUS,
    MAX_GUESSES,
    MAX_ID_LENGTH,
    SOURCE_KEYS,
    NodeChecker,
)
from dialoogspel.decks.problems import did_you_mean
from dialoogspel.decks.yamltree import Mapping, Node, Refused, Scalar, Sequence
from dialoogspel.model import Card, DataSource, Deck

__all__ = ["ALL_KEYS", "CARD_KEYS", "DECK_KEYS", "MAX_GUESSES", "SOURCE_KEYS", "DeckChecker"]


class DeckChecker(NodeChecker):
    """Walks the tree of one file, collecting problems while it builds the deck."""

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
                self.error(key, EMPTY["kleur"])
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
                    self.error(item, EMPTY_SOURCE)
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
