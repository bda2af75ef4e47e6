"""A fast reader for front matter exactly as `yamltext` writes it; None for anything else.

PyYAML's constructor costs ~3 ms for an ordinary file (18 cards), which adds up when the
overview reads a folder of a thousand files. This reader accepts only the shapes the writer
makes (`key: value` lines, `key:` with `  - {…}` items, flow lists and mappings, plain text
that YAML reads as text, JSON-style quoted text, integers, dates, true/false/null) and gives
up on anything else, so a file someone edited is read by PyYAML as before.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from dialoogspel.outcome.yamltext import UNSAFE_IN_QUOTES, is_plain

_KEY_LINE = re.compile(r"([a-z]+):(?: (.*))?")
_INT = re.compile(r"0|-?[1-9][0-9]{0,17}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_RUN = re.compile(r"[^,\[\]{}\"]*")
_DECODER = json.JSONDecoder()
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]")
_WORDS = {"null": None, "true": True, "false": False}


class _GiveUp(Exception):
    """Not the writer's shape: let PyYAML read it."""


def _is_key(key: str) -> bool:
    """A key as the writer writes them: lower-case letters that YAML reads as text."""
    return key.isascii() and key.isalpha() and key.islower() and is_plain(key)


def _scalar(token: str) -> Any:
    if token in _WORDS:
        return _WORDS[token]
    if _INT.fullmatch(token):
        return int(token)
    if _DATE.fullmatch(token):
        try:
            return date.fromisoformat(token)
        except ValueError:
            raise _GiveUp from None
    if is_plain(token):
        return token
    raise _GiveUp


def _value(text: str, at: int) -> tuple[Any, int]:
    """The value starting at `at`, and where it ends."""
    char = text[at : at + 1]
    if char == "[":
        items: list[Any] = []
        at += 1
        if text.startswith("]", at):
            return items, at + 1
        while True:
            item, at = _value(text, at)
            items.append(item)
            if text.startswith(", ", at):
                at += 2
            elif text.startswith("]", at):
                return items, at + 1
            else:
                raise _GiveUp
    if char == "{":
        mapping: dict[str, Any] = {}
        at += 1
        while True:
            colon = text.find(": ", at)
            key = text[at:colon]
            if colon < 0 or not _is_key(key):
                raise _GiveUp
            mapping[key], at = _value(text, colon + 2)
            if text.startswith(", ", at):
                at += 2
            elif text.startswith("}", at):
                return mapping, at + 1
            else:
                raise _GiveUp
    if char == '"':
        try:
            value, end = _DECODER.raw_decode(text, at)
        except ValueError:
            raise _GiveUp from None
        raw = text[at:end]
        if _SURROGATE_ESCAPE.search(raw) or UNSAFE_IN_QUOTES.search(raw):
            raise _GiveUp  # surrogate escapes and raw C1 characters: YAML reads them otherwise
        return value, end
    match = _PLAIN_RUN.match(text, at)
    assert match is not None  # the pattern matches the empty string too
    return _scalar(match.group()), match.end()


def _whole(text: str) -> Any:
    value, end = _value(text, 0)
    if end != len(text):
        raise _GiveUp
    return value


def load(head: str) -> dict[str, Any] | None:
    """The front matter as PyYAML would load it, or None when it is not the writer's shape."""
    data: dict[str, Any] = {}
    lines = head.split("\n")
    try:
        number = 0
        while number < len(lines):
            match = _KEY_LINE.fullmatch(lines[number])
            if match is None:
                return None
            key, rest = match.groups()
            if not _is_key(key):
                return None
            number += 1
            if rest is not None:
                data[key] = _whole(rest)
                continue
            items = []
            while number < len(lines) and lines[number].startswith("  - "):
                items.append(_whole(lines[number][4:]))
                number += 1
            data[key] = items or None
    except (_GiveUp, RecursionError):
        return None
    return data
