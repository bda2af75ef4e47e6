"""YAML text -> a small tree of located nodes, built from parser events only.

No node is ever constructed from a tag and no value is ever resolved, so `no`, `1.10` and
`12:30` stay the text that was typed. Anchors, aliases and explicit tags are refused here, where
their position is known.

libyaml parses when available; the pure-Python parser is the reference. They word errors
differently, sometimes point one character apart, and now and then disagree on whether
something is valid at all (tabs, `?` inside [ ], tags, odd block headers). So: a text with a tab
or one of those rare constructs is read by PyYAML; a libyaml syntax error in a file of up to
RECHECK_LIMIT characters is re-read by PyYAML (above it libyaml decides alone, so a big deck is
read in linear time whatever it holds); and `syntax.syntax_problem` maps both parsers'
wordings to one Dutch message at one place. A file thus gets the same problems, at the same line
and column, with or without libyaml; the tests (with a fuzzer) hold us to that.
"""

from __future__ import annotations

import re

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from dialoogspel.decks.controls import Place, holds_refused, refused_problems
from dialoogspel.decks.problems import Problem
from dialoogspel.decks.syntax import MAX_DEPTH, TOO_DEEP, syntax_problem

PythonLoader: type = yaml.SafeLoader
"""The pure-Python parser: always there, slower, and the reference for error messages."""
FastLoader: type = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
"""libyaml when PyYAML was built with it."""

_STR_TAGS = ("!", "tag:yaml.org,2002:str")
RECHECK_LIMIT = 128 * 1024
"""Up to this many characters, a libyaml syntax error is re-read by the pure-Python parser, so
the reported problem is exactly the same with or without libyaml (a real deck is 10-60 kB and
is re-read in well under a second). Above it, waiting for the slow parser is not worth it: the
libyaml error is mapped to the same Dutch messages, which agree in nearly every case."""
_BLOCK_STYLES = ("|", ">")
_BLOCK_HEADER = re.compile(r"[|>][1-9+-]{0,2}(?: +#[^\r\n]*)? *(?:\r\n|\r|\n|\Z)")


class Scalar:
    """A piece of text as typed, with where it starts and where it ends."""

    __slots__ = ("column", "end_column", "end_index", "end_line", "line", "plain", "value")

    def __init__(self, value: str, plain: bool, start: yaml.Mark, end: yaml.Mark) -> None:
        self.value = value
        self.plain = plain
        """Unquoted and not a block scalar: the style where ` #` silently starts a comment."""
        self.line = start.line + 1
        self.column = start.column + 1
        self.end_line = end.line + 1
        self.end_column = end.column + 1
        self.end_index = end.index

    @property
    def empty(self) -> bool:
        """Nothing typed at all (`key:` with no value), as opposed to `""`."""
        return self.plain and not self.value


class Mapping:
    """Keys with values, in file order (duplicates kept so they can be reported)."""

    __slots__ = ("column", "flow", "items", "line", "pairs")

    def __init__(self, start: yaml.Mark) -> None:
        self.flow = False
        """Written as {...} rather than as indented lines."""
        self.items: list[Node] = []
        self.pairs: list[tuple[Node, Node]] = []
        self.line = start.line + 1
        self.column = start.column + 1


class Sequence:
    """A list of nodes."""

    __slots__ = ("column", "flow", "items", "line")

    def __init__(self, start: yaml.Mark) -> None:
        self.flow = False
        """Written as [...] rather than as lines starting with "- "."""
        self.items: list[Node] = []
        self.line = start.line + 1
        self.column = start.column + 1


class Refused:
    """Where an alias stood: already reported, checked no further."""

    __slots__ = ("column", "line")

    def __init__(self, start: yaml.Mark) -> None:
        self.line = start.line + 1
        self.column = start.column + 1


Node = Scalar | Mapping | Sequence | Refused


def read_tree(
    text: str, path: str, loader: type | None = None
) -> tuple[Node | None, list[Problem]]:
    """The document's root node (None for an empty file or a syntax error) and the problems.

    A syntax error ends reading: the result is then that single located problem.
    """
    loader = loader or FastLoader
    if loader is not PythonLoader and "\t" in text and len(text) <= RECHECK_LIMIT:
        loader = PythonLoader  # libyaml accepts some tabs that PyYAML refuses: one rule for all
    try:
        return _build(text, path, loader)
    except _AskPython:
        return read_tree(text, path, PythonLoader)
    except yaml.YAMLError as error:
        if loader is not PythonLoader and len(text) <= RECHECK_LIMIT:
            return read_tree(text, path, PythonLoader)
        return None, [syntax_problem(error, text, path)]


class _AskPython(Exception):
    """libyaml met something where the two parsers may disagree; PyYAML decides.

    That is: `?` or `:` in a plain scalar inside [ ] or { }, an unusual block scalar header
    (`>#`), and any anchor, alias or tag (the parsers differ on which characters end them). All
    rare in decks, so speed is unaffected.
    """


def _build(text: str, path: str, loader: type) -> tuple[Node | None, list[Problem]]:
    """Walk the parser's events once and build the tree (iteratively: nesting depth is free)."""
    problems: list[Problem] = []
    stack: list[Mapping | Sequence] = []
    flow_depth = 0
    """How many of the open collections are flow style ([...] or {...})."""
    root: Node | None = None
    hidden: list[Place] = []
    """Keys and values holding a control or format character (see `controls`)."""
    documents = 0
    strict = loader is not PythonLoader and len(text) <= RECHECK_LIMIT
    """Hand rare constructs to PyYAML; above RECHECK_LIMIT libyaml decides (PyYAML takes ~7 s
    for 1 MB, so one anchor or tab in a big deck would make reading it slow)."""
    parser = loader(text)
    try:
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    if strict:
                        raise _AskPython
                    _check_properties(event, path, problems)
                if strict and (
                    (flow_depth and not event.style and ("?" in event.value or ":" in event.value))
                    or (event.style in _BLOCK_STYLES and not _plain_block_header(text, event))
                ):
                    raise _AskPython
                node: Node = Scalar(event.value, not event.style, event.start_mark, event.end_mark)
                if not event.value.isprintable() and holds_refused(event.value):
                    start = event.start_mark
                    hidden.append(
                        Place(
                            start.index,
                            event.end_mark.index,
                            start.line + 1,
                            start.column + 1,
                            event.style == '"',
                        )
                    )
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    if strict:
                        raise _AskPython
                    _check_properties(event, path, problems)
                node = (
                    Mapping(event.start_mark)
                    if kind is MappingStartEvent
                    else Sequence(event.start_mark)
                )
                node.flow = event.flow_style is True
                flow_depth += node.flow
                if len(stack) >= MAX_DEPTH:
                    return None, [Problem(path, node.line, node.column, TOO_DEEP)]
            elif kind is MappingEndEvent:
                mapping = stack.pop()
                assert isinstance(mapping, Mapping)
                flow_depth -= mapping.flow
                items = mapping.items
                mapping.pairs = list(zip(items[0::2], items[1::2], strict=True))
                continue
            elif kind is SequenceEndEvent:
                flow_depth -= stack.pop().flow
                continue
            elif kind is AliasEvent:
                if strict:
                    raise _AskPython
                mark = event.start_mark
                message = (
                    f"Hier staat een verwijzing ('*{event.anchor}'). Het spel staat verwijzingen "
                    "en ankers niet toe: schrijf de tekst voluit. Begint je tekst met '*'? "
                    "Zet hem dan tussen aanhalingstekens."
                )
                problems.append(Problem(path, mark.line + 1, mark.column + 1, message))
                node = Refused(mark)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    message = (
                        "Hier begint een tweede document ('---'). Zet één stapel in een bestand: "
                        "haal de '---' weg, of zet de tweede stapel in een eigen bestand."
                    )
                    problems.append(Problem(path, mark.line + 1, mark.column + 1, message))
                    break
                continue
            elif kind is StreamEndEvent or event is None:
                break
            else:
                continue
            if stack:
                stack[-1].items.append(node)
            else:
                root = node
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                stack.append(node)  # type: ignore[arg-type]
    finally:
        parser.dispose()
    return root, problems + refused_problems(text, path, hidden)


def _plain_block_header(text: str, event: ScalarEvent) -> bool:
    """Whether a block scalar's header (`|`, `>-`, `|2 # note`) is one both parsers read alike."""
    start = event.start_mark
    return start is not None and _BLOCK_HEADER.match(text, start.index) is not None


def _check_properties(event: yaml.NodeEvent, path: str, problems: list[Problem]) -> None:
    """Refuse an anchor (`&name`) or an explicit tag (`!!int`) on a node."""
    mark = event.start_mark
    assert mark is not None  # every event from a parser has its place
    if event.anchor is not None:
        message = (
            f"Hier staat een anker ('&{event.anchor}'). Het spel staat ankers en verwijzingen "
            "niet toe: schrijf de tekst voluit. Begint je tekst met '&'? Zet hem dan tussen "
            "aanhalingstekens."
        )
        problems.append(Problem(path, mark.line + 1, mark.column + 1, message))
    tag = getattr(event, "tag", None)
    if tag is not None and (tag not in _STR_TAGS or type(event) is not ScalarEvent):
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        message = (
            f"Het label '{shown}' is hier niet toegestaan. Haal het weg. Begint je tekst met "
            "'!'? Zet hem dan tussen aanhalingstekens."
        )
        problems.append(Problem(path, mark.line + 1, mark.column + 1, message))
