"""The text behind `dialoogspel new-deck NAME [--van DECK]`, and safe deck names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dialoogspel.decks.folders import builtin_decks_dir
from dialoogspel.decks.ids import id_prefix
from dialoogspel.decks.text import MAX_BYTES
from dialoogspel.fileio import read_limited
from dialoogspel.oserrors import FileTooBigError
from dialoogspel.oserrors import reason as os_reason
from dialoogspel.textsafe import visible

_SAFE_NAME = re.compile(r"[^\W_][\w-]*")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])", re.IGNORECASE)
MAX_NAME_LENGTH = 60
_MODELINE = re.compile(r"[ \t]*#[ \t]*yaml-language-server:")
_FIRST_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|)")
"""The first line and its line break, counted as YAML does (CR LF, CR or LF)."""


class DeckNameError(ValueError):
    """A deck name that is not safe as a file name; the message is Dutch."""


class DeckCopyError(ValueError):
    """A deck file that cannot be copied (unreadable, too big, not UTF-8); the message is Dutch."""


def deck_file_name(name: str) -> str:
    """The file name for a new deck (`NAME.yaml`; `.yml` kept when typed), or DeckNameError."""
    name = name.strip()
    suffix = ".yaml"
    for typed in (".yaml", ".yml"):
        if name.lower().endswith(typed):
            name, suffix = name[: -len(typed)], typed
    if not _SAFE_NAME.fullmatch(name) or len(name) > MAX_NAME_LENGTH:
        raise DeckNameError(
            "Gebruik voor de naam alleen letters, cijfers, '-' en '_', zonder spaties of '/', "
            f"en hoogstens {MAX_NAME_LENGTH} tekens. Bijvoorbeeld: mijn-thema"
        )
    if _WINDOWS_RESERVED.fullmatch(name):
        raise DeckNameError(
            f"'{name}' kan op Windows geen bestandsnaam zijn. Kies een andere naam."
        )
    return name + suffix


def schema_path() -> Path:
    """The JSON Schema for deck files: next to the built-in decks, so their `$schema` line is short.

    The built-in decks say `$schema=deck.schema.json`, which an editor reads from the deck's own
    folder: `decks/` in the source tree, `dialoogspel/builtin_decks/` in an installed package.
    """
    return builtin_decks_dir() / "deck.schema.json"


def schema_reference() -> str:
    """The schema as an absolute path for the modeline; a file:// URI when the path has spaces.

    yaml-language-server reads `$schema=` up to the first whitespace, so a path with a space
    (C:/Users/Jan de Vries/...) must be written as a URI with %20.
    """
    path = schema_path()
    text = path.as_posix()
    return path.as_uri() if any(ch.isspace() for ch in text) else text


def schema_line() -> str:
    """The first line of a new deck: the editor's pointer to the schema, by absolute path."""
    return f"# yaml-language-server: $schema={schema_reference()}"


def with_schema_line(text: str) -> str:
    """A copy of a deck's text whose first line points at the schema by absolute path.

    A first line that already is a `yaml-language-server` line (such as the built-in decks'
    `$schema=deck.schema.json`, which only works next to the schema) is replaced; otherwise
    the line is added on top. The rest stays as it was, line endings included.
    """
    text = text.removeprefix("\ufeff")
    first = _FIRST_LINE.match(text)
    assert first is not None  # the pattern matches any text
    newline = first.group(2) or "\n"
    if _MODELINE.match(first.group(1)):
        return schema_line() + newline + text[first.end() :]
    return schema_line() + newline + text


def copy_of_deck(path: Path) -> str:
    """The text for a copy of the deck file at `path` (see `with_schema_line`), or DeckCopyError."""
    shown = visible(str(path))
    try:
        data = read_limited(path, MAX_BYTES)
    except FileTooBigError:
        raise DeckCopyError(
            f"{shown} is te groot voor een stapel. Kies een ander bestand."
        ) from None
    except (OSError, ValueError) as error:
        reason = os_reason(error)
        raise DeckCopyError(f"{shown} kan niet gelezen worden ({reason}).") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckCopyError(
            f"{shown} is geen UTF-8-tekst en kan niet gekopieerd worden. "
            f"Kijk wat er mis is met: dialoogspel validate {shown}"
        ) from None
    return with_schema_line(text)


def starter_deck(name: str) -> str:
    """The text of a new deck: Dutch comments for every key and three example cards.

    `name` is the file stem; the theme is made from it ("mijn-thema" -> "Mijn thema").
    """
    stem = re.sub(r"\.ya?ml$", "", name, flags=re.IGNORECASE)
    words = " ".join(re.sub(r"[-_]+", " ", stem).split()) or "Mijn thema"
    theme = words[0].upper() + words[1:]
    prefix = id_prefix(theme)
    file_name = name if name.lower().endswith((".yaml", ".yml")) else f"{name}.yaml"
    return _TEMPLATE.format(
        schema=schema_reference(),
        theme=theme,
        theme_yaml=json.dumps(theme, ensure_ascii=False),
        prefix=prefix,
        file=file_name,
    )


_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# Kaartstapel "{theme}" voor het dialoogspel.
# Regels die met # beginnen zijn uitleg (commentaar). Het spel slaat ze over.
# Spring in met spaties, nooit met tabs. Gebruik steeds twee spaties per stap.
# Controleer je stapel met: dialoogspel validate {file}
# Schrijf nooit namen van studenten in een stapel.

# thema: de naam van het thema, zoals het spel die laat zien. Verplicht.
thema: {theme_yaml}

# kleur: de kleur van de kaarten. Verplicht. Een code zoals "#0072B2", altijd tussen
# aanhalingstekens (zonder aanhalingstekens leest YAML alles na # als commentaar).
# Of een Engelse kleurnaam, zoals orange, teal of purple.
kleur: "#0072B2"

# beschrijving: een korte zin over waar de stapel over gaat. Mag weg.
beschrijving: Vragen over dit thema.

# kaarten: de lijst met kaarten. Verplicht: minstens één kaart.
# Elke kaart begint met "- " (een streepje en een spatie). Een kaart heeft:
#   id           Een korte, vaste code, zoals {prefix}01. Elke code maar één keer.
#                Mag weg, maar afspraken in het verslag verwijzen ernaar.
#   vraag        De vraag op de voorkant. Verplicht. Zet de vraag tussen dubbele
#                aanhalingstekens, dan mogen er ook : en # in staan.
#   databronnen  De achterkant: waar vind je het antwoord? Een lijst. Elke bron is een
#                korte tekst, of een naam met een toelichting. Mag weg.
#   niveaus      Bij welke niveaus de kaart past: klas, opleiding, team, instelling.
#                Laat je dit weg, dan past de kaart bij elk niveau.
#   kern         ja of nee. Een kernkaart speel je ook in een korte sessie. Kies er
#                5 tot 8 per stapel, van signalen tot "wie doet wat". Mag weg (dan nee).
kaarten:
  - id: {prefix}01
    vraag: "Welke signalen zien we in de eerste weken van het schooljaar?"
    databronnen:
      - naam: Verzuimregistratie in het studentvolgsysteem
        toelichting: "aanwezigheid per les en per week"
      - Gespreksverslagen van de slb'er

  - id: {prefix}02
    vraag: "Wat doen we nu al, en wat werkt daarvan het best?"
    databronnen:
      - Afspraken uit het teamoverleg
    niveaus: [klas, opleiding]

  - id: {prefix}03
    vraag: "Wie pakt wat op, en wanneer kijken we of het helpt?"
    databronnen:
      - naam: Jaarplan van het team
        toelichting: "doelen en acties voor dit schooljaar"
    kern: ja
"""
