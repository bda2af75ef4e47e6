"""When to ask "aanpassen of toch opslaan?" before the outcome goes to the output folder.

SPEC section 6: typed text that looks like a BSN, a student number, an e-mail address or a
phone number is asked about before every write to the output folder (never before the local
autosave). A team is asked once per finding: "toch opslaan" is kept in the session (so resume
keeps it too), and only a new finding asks again. Where nobody can answer (the end of piped
input, Ctrl+C at a question), the outcome stays on this computer and the team is told how to
write it anyway. The faces only ask; these rules live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dialoogspel.model import Session
from dialoogspel.outcome.privacy import PrivacyFinding, new_findings
from dialoogspel.textsafe import visible

WRITE_ANYWAY_OPTION = "--toch-opslaan"
"""The export option that writes despite findings (where no one can be asked)."""

PRIVACY_TITLE = "Staan hier gegevens van een student?"
"""The question's title, in both faces."""

PRIVACY_INTRO = (
    "De uitkomst gaat naar een gedeelde map. Er mogen geen gegevens van studenten in staan."
)
"""Why the question is asked."""


def privacy_question(session: Session) -> list[PrivacyFinding]:
    """The findings to ask about before the next write to the output folder: new ones only."""
    return new_findings(session, session.privacy_allowed)


def allow_findings(session: Session, findings: Sequence[PrivacyFinding]) -> None:
    """The team said "toch opslaan": these findings are not asked about again."""
    session.allow_privacy(finding.key for finding in findings)


def _folder_argument(folder: Path) -> str:
    """The folder as a command-line argument people can copy (quoted when it has spaces)."""
    text = visible(str(folder))
    return f'"{text}"' if any(ch.isspace() for ch in text) else text


def export_anyway_command(session: Session, folder: Path) -> str:
    """The command that writes this session's outcome to the folder despite the findings."""
    return f"dialoogspel export {session.id} --uit {_folder_argument(folder)} {WRITE_ANYWAY_OPTION}"


def held_back_lines(
    session: Session, folder: Path, findings: Sequence[PrivacyFinding], local: str
) -> list[str]:
    """Dutch lines for the terminal: the outcome did not go to the folder, why, and what now."""
    return [
        f"De uitkomst is niet naar de map {visible(str(folder))} geschreven. Er staat iets in"
        " dat op gegevens van een student lijkt:",
        *(f"- {finding.message}" for finding in findings),
        *([local] if local else []),
        f"Tekst aanpassen: dialoogspel resume {session.id}",
        f"Toch naar de map schrijven: {export_anyway_command(session, folder)}",
    ]
