"""File primitives: bounded reads of regular files only, odd bytes, folders that may hang."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dialoogspel import timeouts
from dialoogspel.model import Mode
from dialoogspel.oserrors import FileTooBigError, NotRegularFileError, reason
from dialoogspel.storage import (
    create_folder,
    create_text_file,
    folder_status,
    read_limited,
    save_outcome,
    utf8_bytes,
)
from tests.outcome_sessions import DAY, played


def test_read_limited_reads_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10) == b"x" * 10
    with pytest.raises(FileTooBigError):
        read_limited(path, 9)
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 10)
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "weg", 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_read_limited_never_opens_a_fifo_or_device_for_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp")
    (tmp_path / "nul").symlink_to("/dev/zero")
    for name in ("pijp", "nul"):
        with pytest.raises(NotRegularFileError) as refused:
            read_limited(tmp_path / name, 100)
        assert reason(refused.value) == "dit is geen gewoon bestand"


def test_utf8_bytes_turns_lone_surrogates_into_replacement_characters() -> None:
    assert utf8_bytes("gewoon ë") == "gewoon ë".encode()
    assert utf8_bytes("Klas \udcff") == "Klas \ufffd".encode()
    assert utf8_bytes("\ud83d\ude00 los") == "\ufffd\ufffd los".encode()


def test_new_deck_with_odd_bytes_is_written(tmp_path: Path) -> None:
    create_text_file(tmp_path / "stapel.yaml", "thema: Uitval \udcff\n")
    assert (tmp_path / "stapel.yaml").read_text(encoding="utf-8") == "thema: Uitval \ufffd\n"
    with pytest.raises(FileExistsError):
        create_text_file(tmp_path / "stapel.yaml", "anders")


def test_save_outcome_with_odd_bytes_in_every_field(tmp_path: Path) -> None:
    session = played(Mode.PIONNEN, casus="Klas \udcff 3B")
    session.add_note("notitie \udc80 [bold]x[/bold]")
    result = save_outcome(session, tmp_path, DAY, home=tmp_path / "home")
    assert result.ok and result.path is not None
    text = result.path.read_text(encoding="utf-8")
    assert "Klas \ufffd 3B" in text and "\udcff" not in text


def test_folder_status_names_what_it_finds(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x")
    assert folder_status(tmp_path) == "ok"
    assert folder_status(tmp_path / "nieuw") == "missing"
    assert folder_status(tmp_path / "bestand") == "not_a_folder"
    assert folder_status(tmp_path / "bestand" / "sub") == "not_a_folder"


def test_folder_status_of_a_failing_share_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: object, *args: object, **kwargs: object) -> os.stat_result:
        raise OSError(errno.EHOSTDOWN, "Host is down")

    monkeypatch.setattr(timeouts.os, "stat", broken)
    assert folder_status(tmp_path / "share") == "unreachable"


def test_a_hung_share_gives_timeout_and_leaves_the_caller_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_stat = os.stat

    def hung(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)).name == "hangt":
            release.wait(30)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(timeouts.os, "stat", hung)
    try:
        assert folder_status(tmp_path / "hangt", timeout=0.05) == "timeout"
        assert create_folder(tmp_path / "hangt", timeout=0.05) == "timeout"
        assert folder_status(tmp_path, timeout=5) == "ok"
    finally:
        release.set()


def test_create_folder_makes_a_missing_folder(tmp_path: Path) -> None:
    assert create_folder(tmp_path / "a" / "b") == "ok" and (tmp_path / "a" / "b").is_dir()
    (tmp_path / "bestand").write_text("x")
    assert create_folder(tmp_path / "bestand" / "c") == "not_a_folder"


PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_the_storage_modules_import_neither_textual_nor_click() -> None:
    modules = ["fileio", "timeouts", "liveness", "locks", "outcomefile", "storage", "sessions"]
    names = [f"dialoogspel.{name}" for name in modules]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *names], capture_output=True, text=True, check=True
    )
    assert not set(json.loads(done.stdout.splitlines()[-1])) & {"textual", "rich", "click"}
