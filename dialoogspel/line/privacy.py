"""The privacy question in the plain-line face: numbered choices, one line each.

Which findings are asked about, and what "toch opslaan" keeps, is decided in `table.privacy`.
At the end of the input nobody can answer: nothing goes to the output folder, and the table's
stop says where the outcome is and how to write it anyway.
"""

from __future__ import annotations

from dialoogspel.line.console import Console
from dialoogspel.line.notes import NOTHING_CHANGED, edit_notes
from dialoogspel.outcome.privacy import PrivacyFinding
from dialoogspel.table import Table
from dialoogspel.table.privacy import PRIVACY_INTRO, PRIVACY_TITLE

WRITING = "1. aanpassen (eerst de tekst veranderen)  2. toch opslaan"
"""The choices before `o` or `m` writes."""
STOPPING = (
    "1. aanpassen (eerst de tekst veranderen)  2. toch opslaan en stoppen"
    "  3. stoppen zonder de map (alles blijft op deze computer bewaard)"
)
"""The choices when the team stops."""
ANSWERS = {
    "1": "aanpassen", "a": "aanpassen", "aanpassen": "aanpassen",
    "2": "opslaan", "o": "opslaan", "toch opslaan": "opslaan", "opslaan": "opslaan",
    "3": "stoppen", "s": "stoppen", "stoppen": "stoppen",
}  # fmt: skip
"""What a typed line chooses (numbers, the screen's letters, or the words)."""
NOT_WRITTEN = "De uitkomst is niet naar de map geschreven."
FIXED_ELSEWHERE = "Dat is in het spel niet meer te veranderen. Kies 2 of 3."


def ask_before_writing(console: Console, table: Table, *, stopping: bool) -> bool:
    """True when the outcome may go to the output folder: nothing new looks like personal
    data, or the team said "toch opslaan". False: not now (stop without the folder, or the
    input ended). "Aanpassen" opens the text, then the check runs again."""
    while True:
        findings = table.privacy_question()
        if not findings:
            return True
        try:
            answer = _ask(console, findings, stopping)
            if answer == "opslaan":
                table.write_anyway(findings)
                return True
            if answer != "aanpassen" or not _fix(console, table, findings[0], stopping):
                return False
        except KeyboardInterrupt:  # ctrl+C at the question: nothing goes to the folder
            console.say("")
            return False


def _ask(console: Console, findings: list[PrivacyFinding], stopping: bool) -> str | None:
    """The findings and the numbered choices; the choice, or None at the end of the input."""
    if console.ended:
        return None
    console.say(PRIVACY_TITLE, PRIVACY_INTRO, *(f"- {finding.message}" for finding in findings))
    choices = STOPPING if stopping else WRITING
    while True:
        typed = console.ask(choices)
        if typed is None:
            return None
        answer = ANSWERS.get(typed.strip().casefold())
        if answer is not None and (stopping or answer != "stoppen"):
            return answer
        console.say("Typ 1, 2 of 3." if stopping else "Typ 1 of 2.")


def _fix(console: Console, table: Table, finding: PrivacyFinding, stopping: bool) -> bool:
    """Open the text with the finding; False when the input ended (or it can't be changed
    and the team is not stopping: then nothing is written now)."""
    if finding.card_key is not None:

        def no_new_note() -> bool:
            console.say(NOTHING_CHANGED)
            return True

        return edit_notes(console, table, no_new_note, finding.card_key)
    if finding.agreement is not None:
        from dialoogspel.line.afspraken import LineAfspraken

        LineAfspraken(console, table).change(finding.agreement)
        return not console.ended
    console.say(finding.message, FIXED_ELSEWHERE if stopping else NOT_WRITTEN)
    return stopping
