"""System errors are told in Dutch."""

from __future__ import annotations

import errno

import pytest

from dialoogspel.oserrors import reason


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOENT, "bestaat niet"),
        (errno.ENOTDIR, "geen map"),
        (errno.EISDIR, "is een map"),
        (errno.EACCES, "geen toegang"),
        (errno.EROFS, "alleen-lezen"),
        (errno.ENOSPC, "vol"),
    ],
)
def test_common_errors_have_dutch_words(number: int, words: str) -> None:
    assert words in reason(OSError(number, "English text"))
    assert "English" not in reason(OSError(number, "English text"))


def test_unknown_errors_keep_the_system_text_marked_as_such() -> None:
    assert reason(OSError(12345, "Weird")) == "systeemmelding: Weird"
    assert reason(PermissionError("nope")) == "geen toegang"
