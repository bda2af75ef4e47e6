"""Outcome export cost: render a 1,000-card session with notes and agreements to Markdown.

Times `outcome.render` (the pure part the team waits for on ctrl+s; format 2, front matter
included), checking that front matter against the shipped JSON Schema (jsonschema, a test
extra), reading the file back with `read_outcome`, the whole `save_outcome` (render + exclusive
write + fsync) into a temp folder, and reading back a folder of 1,000 ordinary outcome files
(18 cards each: what terugblik and overview read), whole and front matter only.
Also what ctrl+s costs the UI thread: the exporter renders the text there (it is needed anyway,
and it is the snapshot the writer thread gets), where it used to `copy.deepcopy` the session;
`session_to_dict` (autosave's first step) is shown for comparison.
Printed: median and p95 over N runs, in milliseconds. Target: render <= 50 ms.

    python benchmarks/export.py [--runs 30] [--cards 1000] [--files 1000]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dialoogspel.model import (
    Agreement,
    AgreementKind,
    Card,
    DataSource,
    Deck,
    Mode,
    Quadrant,
    Session,
    SessionSetup,
    assign_letters,
    session_to_dict,
)
from dialoogspel.outcome import (
    escape,
    read_front_matter,
    read_outcome,
    render,
    schema_text,
    yamltext,
)
from dialoogspel.storage import save_outcome, write_outcome

DAY = date(2026, 11, 22)


def played_session(cards: int) -> Session:
    """Pionnen over `cards` cards in two themes: every card placed (some contested), two notes
    per card with Markdown-looking text, an agreement every fourth card, some cards parked."""
    decks = tuple(
        Deck(
            name=name,
            theme=name.capitalize(),
            colour="#e0a526",
            cards=tuple(
                Card(
                    f"{name[0].upper()}{n:03d}",
                    f"Welke studenten (*niveau 2*) missen les na de stage in periode {n}?",
                    (DataSource("Verzuimregistratie", "per week"), DataSource("JOB-monitor")),
                )
                for n in range(cards // 2)
            ),
        )
        for name in ("uitval", "verzuim")
    )
    people = assign_letters(
        [("Anna", "docent"), ("Bram", "slb'er"), ("Chris", "teammanager"), ("Dewi", "docent")]
    )
    session = Session(SessionSetup("Klas 3B <Verzorgende> IG", "klas", decks, Mode.PIONNEN, people))
    for index in range(len(session.cards)):
        session.go_to(index)
        for person in people:
            session.place(Quadrant((index + ord(person.letter)) % 4 + 1))
        if session.needs_decision():
            session.place(Quadrant(index % 4 + 1))
        session.add_note(f"Notitie {index}: # niet_een_kop, [geen link](x) en 1. geen lijst.")
        session.add_note("Tweede notitie — met een gedachtestreepje & een <tag>.")
        if index % 4 == 0:
            key = session.current.key
            session.add_agreement(Agreement(AgreementKind.AAN_DE_SLAG, "bellen", "Anna", DAY, key))
        if index % 50 == 0:
            session.toggle_park()
    return session


def schema_check() -> Callable[[str], None]:
    """A function that raises unless a file's front matter matches the shipped schema."""
    import json

    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(
        json.loads(schema_text()), format_checker=jsonschema.FormatChecker()
    )

    def as_json(value: object) -> object:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: as_json(item) for key, item in value.items()}
        if isinstance(value, list):
            return [as_json(item) for item in value]
        return value

    def check(text: str) -> None:
        head = text.split("\n---\n", 1)[0].removeprefix("---\n")
        validator.validate(as_json(yaml.load(head, Loader=yaml.CSafeLoader)))

    return check


def outcome_folder(folder: Path, files: int) -> list[Path]:
    """`files` outcome files of an ordinary session (18 cards) in folder."""
    text = render(played_session(18), DAY)
    return [write_outcome(text, folder, f"uitkomst-{n}.md") for n in range(files)]


def read_all(paths: list[Path], whole: bool) -> None:
    """Read every file back, as terugblik and overview do."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        read_outcome(text) if whole else read_front_matter(text)


def cold(action: Callable[..., object], *args: object) -> object:
    """Run action with empty text caches, as the first export of a session would."""
    escape.cache_clear()
    yamltext.text.cache_clear()
    return action(*args)


def timed(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[0], statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--files", type=int, default=1000)
    options = parser.parse_args()

    session = played_session(options.cards)
    text = render(session, DAY)
    check = schema_check()
    check(text)
    runs, few = options.runs, max(options.runs // 10, 3)
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as many:
        paths = outcome_folder(Path(many), options.files)
        rows = [
            ("render (Markdown, formaat 2)", *timed(lambda: cold(render, session, DAY), runs)),
            ("schema-check front matter", *timed(lambda: check(text), runs)),
            ("read_outcome", *timed(lambda: read_outcome(text), runs)),
            (
                "save_outcome (render+schrijven)",
                *timed(lambda: cold(save_outcome, session, Path(folder), DAY), runs),
            ),
            (
                f"{options.files} bestanden: read_outcome",
                *timed(lambda: read_all(paths, True), few),
            ),
            (
                f"{options.files} bestanden: front matter",
                *timed(lambda: read_all(paths, False), few),
            ),
            (
                "UI-draad ctrl+s: render (nu)",
                *timed(lambda: cold(render, session, DAY), options.runs),
            ),
            ("UI-draad vroeger: deepcopy", *timed(lambda: copy.deepcopy(session), options.runs)),
            (
                "ter vergelijking: session_to_dict",
                *timed(lambda: session_to_dict(session), options.runs),
            ),
        ]
    notes = sum(len(state.notes) for state in session.states.values())
    print(
        f"export: {len(session.cards)} kaarten, {notes} notities, {len(session.agreements)} "
        f"afspraken, {len(text.encode()) / 1024:.0f} kB Markdown, {options.runs} runs"
    )
    print(f"{'stap':36} {'min ms':>8} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, fastest, median, p95 in rows:
        print(f"{label:36} {fastest:8.2f} {median:11.2f} {p95:8.2f}")


if __name__ == "__main__":
    main()
