"""From raw bytes to text the YAML parser can read: size, encoding, invisible characters, tabs.

Every check here points at a line and column, in the same way the YAML parser counts them
(CR LF, CR and LF each end a line; columns count characters).
"""

from __future__ import annotations

import bisect
import re

from dialoogspel.decks.problems import Problem

MAX_BYTES = 1024 * 1024
"""Larger files are refused before parsing: a deck of 5,000 cards stays well below this."""

_UTF8_BOM = b"\xef\xbb\xbf"
_REPLACEMENT = "\ufffd"
_NOT_YAML_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
"""Characters YAML refuses (as PyYAML's reader), plus NEL/LS/PS: invisible line breaks that
would make our line numbers disagree with what an editor shows. Written as the short list of
refused characters rather than the long list of allowed ones: compiling that took ~6 ms of
every start."""
_INDENT_TAB = re.compile(r"(?<![^\r\n]) *\t")
"""A tab in the run of whitespace that starts a line."""
_MAX_TAB_REPORTS = 10
_COLON_NO_SPACE = re.compile(r":(?=[^ \t\r\n])")
ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Spaces that look like a space but are not one to YAML: no-break space and friends."""
_INDENT_ODD_SPACE = re.compile(f"(?<![^\\r\\n]) *[{ODD_SPACES}]")
"""An odd space in the run of spaces that starts a line (YAML reads it as text, not indent)."""
LOOKALIKE_COLONS = "\uff1a\ufe55\ufe13\u2236\ua789\u02f8"
"""Fullwidth, small and presentation-form colons, ratio and modifier letter colons."""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, column) of a character index, counting line breaks as YAML does."""
    prefix = text[:index]
    line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
    line_start = max(prefix.rfind("\n"), prefix.rfind("\r")) + 1
    return line, index - line_start + 1


class LineIndex:
    """Many (line, column) look-ups in one text at the cost of one pass: `position` for each
    of thousands of problems would read the text again every time."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        """Where each line starts (CR LF, CR and LF each end a line, as YAML counts)."""

    def position(self, index: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character index."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def _size(n: int) -> str:
    """A byte count the Dutch way: "1 MB", "1,5 MB" or "900 kB"."""
    if n >= 1024 * 1024:
        megabytes = f"{n / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")
        return f"{megabytes} MB"
    return f"{max(1, round(n / 1024))} kB"


def too_big(size: int, path: str) -> Problem:
    """The problem for a file above MAX_BYTES, saying its size and the limit."""
    message = (
        f"Het bestand is te groot ({_size(size)}). Een stapel mag hoogstens {_size(MAX_BYTES)} "
        "zijn. Kies het goede bestand, of verdeel de kaarten over meer stapels."
    )
    return Problem(path, 1, 1, message)


def prepare(data: bytes | str, path: str) -> tuple[str | None, list[Problem]]:
    """The text to parse (None when parsing makes no sense) and the problems found on the way.

    Problems that leave the text readable (a bad byte, a control character) are reported and
    the spot replaced by U+FFFD, so the rest of the file is still checked in the same run.
    """
    if len(data) > MAX_BYTES:
        return None, [too_big(len(data), path)]
    if isinstance(data, bytes):
        text, problems = _decode(data, path)
        if text is None:
            return None, problems
    else:
        text, problems = data.removeprefix("\ufeff"), []
    text, more = _invisible_characters(text, path)
    problems += more
    if text is None:
        return None, problems
    indents = _indent_tabs(text, path) + _indent_odd_spaces(text, path)
    if indents:
        indents.sort(key=lambda p: (p.line, p.column))
        return None, problems + indents
    return text, problems


def _decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (with or without BOM) to text; a clear word about UTF-16, binary and ANSI files."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data):
        message = (
            "Dit bestand is opgeslagen als UTF-16 (in Kladblok heet dat 'Unicode'). "
            "Sla het bestand op als UTF-8 en probeer het opnieuw."
        )
        return None, [Problem(path, 1, 1, message)]
    data = data.removeprefix(_UTF8_BOM)
    nul = data.find(b"\x00")
    if nul >= 0:
        prefix = data[:nul].decode("utf-8", "replace")
        line, column = position(prefix, len(prefix))
        message = (
            "Dit is geen tekstbestand: er staan binaire gegevens in (een NUL-teken). "
            "Kies het .yaml-bestand dat je in een teksteditor hebt gemaakt."
        )
        return None, [Problem(path, line, column, message)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", "replace")
        bad_spots = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
        prefix = data[: error.start].decode("utf-8")
        line, column = position(prefix, len(prefix))
        return text, [Problem(path, line, column, _encoding_message(data[error.start], bad_spots))]


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: text with a NUL byte after (or before) nearly every character."""
    head = data[:256]
    if len(head) < 8 or 0 not in head:
        return False
    for zeros, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            return True
    return False


def _encoding_message(byte: int, bad_spots: int) -> str:
    """Why a byte is not UTF-8, with the character it probably was in Windows-1252."""
    guess = bytes([byte]).decode("cp1252", "replace")
    readable = guess.isprintable() and guess != _REPLACEMENT
    shown = f", in Windows-1252 een '{guess}'" if readable else ""
    message = (
        "Dit bestand is niet opgeslagen als UTF-8. Het teken hier "
        f"(byte 0x{byte:02X}{shown}) kan het spel niet lezen. Sla het bestand op als UTF-8 "
        "(in Kladblok: Opslaan als, Codering: UTF-8)."
    )
    if bad_spots > 1:
        message += f" Dit komt {bad_spots} keer voor in het bestand."
    return message


def _invisible_characters(text: str, path: str) -> tuple[str | None, list[Problem]]:
    """Report control characters and invisible line breaks, and blank them out for parsing."""
    first = _NOT_YAML_TEXT.search(text)
    if first is None:
        return text, []
    line, column = position(text, first.start())
    char = first.group()
    if char == "\x00":
        message = (
            "Dit is geen tekstbestand: er staan binaire gegevens in (een NUL-teken). "
            "Kies het .yaml-bestand dat je in een teksteditor hebt gemaakt."
        )
        return None, [Problem(path, line, column, message)]
    count = len(_NOT_YAML_TEXT.findall(text))
    if char in "\x85\u2028\u2029":
        what = f"een onzichtbaar regeleinde (U+{ord(char):04X})"
    elif "\ud800" <= char <= "\udfff":
        what = f"een ongeldig teken (U+{ord(char):04X})"
    else:
        what = f"een onzichtbaar stuurteken (U+{ord(char):04X})"
    message = (
        f"Hier staat {what}. Haal het weg: het komt vaak mee bij kopiëren uit een ander "
        "programma. Typ de tekst eventueel opnieuw."
    )
    if count > 1:
        message += f" Zulke tekens staan {count} keer in het bestand."
    return _NOT_YAML_TEXT.sub(_REPLACEMENT, text), [Problem(path, line, column, message)]


def missing_spaces(text: str, path: str, keys: tuple[str, ...]) -> list[Problem]:
    """Lines like `vraag:Wat?` or `-vraag: Wat?`: without the space YAML reads one long text.

    Only for the deck's own keys at the start of a line, so no text is ever mistaken for one.
    Fast on big files: it looks for the rare character pairs first (`:x`, `-vraag:`) and only
    then at the start of their line.
    """
    names = "|".join(re.escape(key) for key in keys)
    key_at_line_start = re.compile(rf" *(?:- *|-)?({names})")
    found: dict[int, str] = {}
    lookalike = re.compile(rf"(?<![^\r\n]) *(?:- *)?({names}) *([{LOOKALIKE_COLONS}])")
    for match in lookalike.finditer(text):
        found[match.start(2)] = (
            f"Hier staat een dubbele punt die op ':' lijkt, maar het niet is "
            f"(U+{ord(match.group(2)):04X}). YAML kent alleen de gewone dubbele punt. Typ hem "
            f"opnieuw: {match.group(1)}: ..."
        )
    for match in re.finditer(rf"-({names}):", text):
        start = _line_start(text, match.start())
        if start is not None and not text[start : match.start()].strip(" "):
            found[match.start()] = f"Na het streepje hoort een spatie: - {match.group(1)}: ..."
    for match in _COLON_NO_SPACE.finditer(text):
        start = _line_start(text, match.start())
        key = None if start is None else key_at_line_start.fullmatch(text, start, match.start())
        if key is not None:
            message = f"Na de dubbele punt hoort een spatie: {key.group(1)}: ..."
            found.setdefault(match.end(), message)
    if not found:
        return []
    lines = LineIndex(text)
    return [
        Problem(path, *lines.position(index), message) for index, message in sorted(found.items())
    ]


def _line_start(text: str, index: int, window: int = 200) -> int | None:
    """Where the line holding `index` starts; None when that is more than `window` back."""
    low = max(0, index - window)
    start = max(text.rfind("\n", low, index), text.rfind("\r", low, index)) + 1
    return start if start > 0 or low == 0 else None


def _indent_odd_spaces(text: str, path: str) -> list[Problem]:
    """Every line whose indentation holds a no-break space (or another odd space)."""
    matches = list(_INDENT_ODD_SPACE.finditer(text))
    if not matches:
        return []
    lines = LineIndex(text)
    problems: list[Problem] = []
    for match in matches[:_MAX_TAB_REPORTS]:
        char = match.group()[-1]
        message = (
            f"Hier staat een harde spatie (U+{ord(char):04X}) om in te springen. Die ziet eruit "
            "als een spatie, maar YAML leest hem als tekst. Vervang hem door een gewone spatie."
        )
        problems.append(Problem(path, *lines.position(match.end() - 1), message))
    if len(matches) > _MAX_TAB_REPORTS:
        rest = len(matches) - _MAX_TAB_REPORTS
        message = (
            f"Nog {rest} regels springen in met een harde spatie. Vervang ze door gewone spaties."
        )
        problems.append(
            Problem(path, *lines.position(matches[_MAX_TAB_REPORTS].end() - 1), message)
        )
    return problems


def _indent_tabs(text: str, path: str) -> list[Problem]:
    """Every line whose indentation contains a tab (YAML forbids tabs for indenting)."""
    if "\t" not in text:
        return []
    problems: list[Problem] = []
    matches = list(_INDENT_TAB.finditer(text))
    for match in matches[:_MAX_TAB_REPORTS]:
        line, column = position(text, match.end() - 1)
        message = (
            "Hier staat een tab om in te springen. YAML staat geen tabs toe: gebruik spaties "
            "(zet je editor op 'spaties in plaats van tabs')."
        )
        problems.append(Problem(path, line, column, message))
    if len(matches) > _MAX_TAB_REPORTS:
        line, column = position(text, matches[_MAX_TAB_REPORTS].end() - 1)
        rest = len(matches) - _MAX_TAB_REPORTS
        message = f"Nog {rest} regels springen in met een tab. Vervang alle tabs door spaties."
        problems.append(Problem(path, line, column, message))
    return problems
