"""The application layer under both faces, Textual-free.

`start` turns options (command line, setup screen, plain-line face) into a session or into what
the setup needs; `Table` applies the team's actions and autosaves when the model's revision
moves (`BackgroundSaver` writes off the caller's thread); `Exporter` owns the one outcome
write of a run. Faces call these; none holds a rule.
"""

from __future__ import annotations

from dialoogspel.table.autosave import Autosaver, BackgroundSaver, SaveResult
from dialoogspel.table.claim import StartLocked, claim_session
from dialoogspel.table.exporter import Exporter, ExportResult
from dialoogspel.table.options import (
    METHOD_THEMES,
    Launch,
    ResumeOffer,
    SetupDefaults,
    StartOptions,
    StartRefused,
)
from dialoogspel.table.start import (
    load_all_decks,
    load_named_decks,
    new_session,
    resume_session,
    start_session,
)
from dialoogspel.table.table import Table
from dialoogspel.table.terugblik import (
    NO_ANSWER,
    EarlierFile,
    EarlierFiles,
    Unreadable,
    chosen_paths,
    describe,
    list_earlier,
    terugblik_items,
)

__all__ = [
    "METHOD_THEMES",
    "NO_ANSWER",
    "Autosaver",
    "BackgroundSaver",
    "EarlierFile",
    "EarlierFiles",
    "ExportResult",
    "Exporter",
    "Launch",
    "ResumeOffer",
    "SaveResult",
    "SetupDefaults",
    "StartLocked",
    "StartOptions",
    "StartRefused",
    "Table",
    "Unreadable",
    "chosen_paths",
    "claim_session",
    "describe",
    "list_earlier",
    "load_all_decks",
    "load_named_decks",
    "new_session",
    "resume_session",
    "start_session",
    "terugblik_items",
]
