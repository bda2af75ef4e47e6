"""The pure game: decks, cards, the board, participants, sessions and their rules.

Nothing here imports textual or click or touches files, so every rule is testable in milliseconds.
"""

from __future__ import annotations

from dialoogspel.model.agreements import (
    Agreement,
    AgreementKind,
    DeadlineError,
    describe_deadline,
    parse_deadline,
)
from dialoogspel.model.board import PASS, Pass, Quadrant, Vote
from dialoogspel.model.deck import Card, DataSource, Deck
from dialoogspel.model.pacing import Clock, Pace, TimeSpent
from dialoogspel.model.participants import (
    DEFAULT_ROLES,
    Participant,
    assign_letters,
    canonical_role,
    letter_taken_by,
    parse_player,
    role_colour,
)
from dialoogspel.model.rules import (
    MIN_PAWN_PLAYERS,
    Mode,
    ModeRules,
    Prompt,
    RuleError,
    Settlement,
    Step,
)
from dialoogspel.model.selection import CardChoice
from dialoogspel.model.serialize import (
    SessionFormatError,
    deck_from_dict,
    deck_to_dict,
    session_from_dict,
    session_to_dict,
)
from dialoogspel.model.session import (
    NIVEAUS,
    CardState,
    OutcomeRef,
    Session,
    SessionCard,
    SessionSetup,
    UndoStep,
)
from dialoogspel.model.terugblik import (
    HELD_ANSWERS,
    STATUSES,
    EarlierAgreement,
    Held,
    Status,
    TerugblikItem,
    held_for,
    open_items,
    status_for,
)

__all__ = [
    "DEFAULT_ROLES",
    "HELD_ANSWERS",
    "MIN_PAWN_PLAYERS",
    "NIVEAUS",
    "PASS",
    "STATUSES",
    "Agreement",
    "AgreementKind",
    "Card",
    "CardChoice",
    "CardState",
    "Clock",
    "DataSource",
    "DeadlineError",
    "Deck",
    "EarlierAgreement",
    "Held",
    "Mode",
    "ModeRules",
    "OutcomeRef",
    "Pace",
    "Participant",
    "Pass",
    "Prompt",
    "Quadrant",
    "RuleError",
    "Session",
    "SessionCard",
    "SessionFormatError",
    "SessionSetup",
    "Settlement",
    "Status",
    "Step",
    "TerugblikItem",
    "TimeSpent",
    "UndoStep",
    "Vote",
    "assign_letters",
    "canonical_role",
    "deck_from_dict",
    "deck_to_dict",
    "describe_deadline",
    "held_for",
    "letter_taken_by",
    "open_items",
    "parse_deadline",
    "parse_player",
    "role_colour",
    "session_from_dict",
    "session_to_dict",
    "status_for",
]
