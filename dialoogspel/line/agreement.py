"""The agreement form as questions, one line each: soort, wie, wat, vóór (and the card).

Used by `a` on a card (the card is the current one) and by the afspraken list (new or changed).
A wrong answer is explained in one Dutch line and the same question comes again; end of input
gives None, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dialoogspel.line.console import Console
from dialoogspel.model import (
    Agreement,
    AgreementKind,
    DeadlineError,
    Session,
    describe_deadline,
    parse_deadline,
)
from dialoogspel.present.board import (
    DEADLINE_PAST,
    KIND_EXPLANATIONS,
    NO_DEADLINE,
    WHAT_MISSING,
    WHO_MISSING,
)

KIND_KEYS: dict[str, AgreementKind] = {
    "1": AgreementKind.UITZOEKEN,
    "2": AgreementKind.AAN_DE_SLAG,
    "uitzoeken": AgreementKind.UITZOEKEN,
    "aan de slag": AgreementKind.AAN_DE_SLAG,
}
"""What the team may type for soort (SPEC 3.3: 1 uitzoeken, 2 aan de slag)."""
VERMOEDEN_QUESTION = "Wat denkt het team dat eruit komt (vermoeden)?"
BRON_QUESTION = "Welke databron gaat het vertellen (bron)?"
NO_CARD = "-"
"""Typed at the card question when changing: the agreement is about no card."""


class _Ended(Exception):
    """The input ended in the middle of the form."""


def _answer(console: Console, question: str) -> str:
    answer = console.ask(question)
    if answer is None:
        raise _Ended
    return answer.strip()


def ask_agreement(
    console: Console,
    session: Session,
    today: Callable[[], date],
    *,
    card_key: str | None = None,
    existing: Agreement | None = None,
    ask_card: bool = False,
) -> Agreement | None:
    """Ask each field in turn (changing: an empty line keeps it); None at end of input."""
    try:
        return _form(console, session, today, card_key, existing, ask_card)
    except _Ended:
        return None


def _form(
    console: Console,
    session: Session,
    today: Callable[[], date],
    card_key: str | None,
    existing: Agreement | None,
    ask_card: bool,
) -> Agreement:
    if existing is not None:
        card_key = existing.card_key
    kind = _kind(console, session, card_key, existing)
    who = _text(console, _who_question(session, existing), WHO_MISSING, existing, "who")
    person = session.match_participant(who)
    what = _text(console, "Wat gaat er gebeuren?", WHAT_MISSING, existing, "what")
    deadline = _deadline(console, today, existing)
    vermoeden = bron = None
    if kind is AgreementKind.UITZOEKEN:
        vermoeden = _optional(console, VERMOEDEN_QUESTION, existing, "vermoeden")
        bron = _optional(console, BRON_QUESTION, existing, "bron")
    if ask_card:
        card_key = _card(console, session, card_key, existing is not None)
    return Agreement(
        kind=kind,
        what=what,
        who=person.name if person else who,
        deadline=deadline,
        card_key=card_key,
        vermoeden=vermoeden,
        bron=bron,
    )


def _optional(
    console: Console, question: str, existing: Agreement | None, field: str
) -> str | None:
    """vermoeden or bron: empty = none; changing: an empty line keeps it, - removes it."""
    old = getattr(existing, field) if existing else None
    if old:
        question += f" Nu: {old}. Een lege regel houdt dat; {NO_CARD} haalt het weg."
    else:
        question += " Een lege regel: geen."
    typed = _answer(console, question)
    if not typed:
        return str(old) if old else None
    return None if typed == NO_CARD and old else typed


def _kind(
    console: Console, session: Session, card_key: str | None, existing: Agreement | None
) -> AgreementKind:
    suggested = existing.kind if existing else session.default_agreement_kind(card_key)
    console.say(
        f"1. {KIND_EXPLANATIONS[AgreementKind.UITZOEKEN]}.",  # "1 =" is read "1 gelijkteken"
        f"2. {KIND_EXPLANATIONS[AgreementKind.AAN_DE_SLAG]}.",
    )
    question = f"Soort: typ 1 of 2. Een lege regel: {suggested.label.lower()}."
    while True:
        typed = _answer(console, question).casefold()
        if not typed:
            return suggested
        if typed in KIND_KEYS:
            return KIND_KEYS[typed]
        question = "Typ 1 (uitzoeken) of 2 (aan de slag)."


def _who_question(session: Session, existing: Agreement | None) -> str:
    names = [p.name for p in session.participants]
    question = "Wie doet het?"
    if names:
        question += f" {', '.join(names)} of een andere naam."
    return question


def _text(
    console: Console, question: str, missing: str, existing: Agreement | None, field: str
) -> str:
    old = getattr(existing, field) if existing else ""
    if old:
        question += f" Nu: {old}. Een lege regel houdt dat."
    while True:
        typed = _answer(console, question)
        if typed:
            return typed
        if old:
            return str(old)
        question = missing


def _deadline(
    console: Console, today: Callable[[], date], existing: Agreement | None
) -> date | None:
    question = "Vóór welke datum? Bijvoorbeeld 1-12. Een lege regel: geen datum."
    old = existing.deadline if existing else None
    if old is not None:
        question = (
            f"Vóór welke datum? Nu: {describe_deadline(old)}. Een lege regel houdt die;"
            f" {NO_CARD} haalt de datum weg."
        )
    while True:
        typed = _answer(console, question)
        if old is not None and not typed:
            return old
        if old is not None and typed == NO_CARD:
            console.say(NO_DEADLINE)
            return None
        try:
            deadline = parse_deadline(typed, today())
        except DeadlineError as error:
            question = str(error)
            continue
        if deadline is None:
            console.say(NO_DEADLINE)
        else:
            past = f" {DEADLINE_PAST}" if deadline < today() else ""
            console.say(f"Dat is {describe_deadline(deadline)}.{past}")
        return deadline


def _card(console: Console, session: Session, card_key: str | None, changing: bool) -> str | None:
    if changing and card_key:
        question = (
            f"Over welke kaart? Nu: {session.card_label(card_key)}. Een lege regel houdt die;"
            f" {NO_CARD}: geen kaart."
        )
    else:
        question = "Over welke kaart? Typ de code, bijvoorbeeld U03. Een lege regel: geen kaart."
    labels = {session.card_label(c.key).casefold(): c.key for c in session.cards}
    while True:
        typed = _answer(console, question)
        if not typed:
            return card_key if changing else None
        if typed == NO_CARD:
            return None
        if typed.casefold() in labels:
            return labels[typed.casefold()]
        example = session.card_label(session.cards[0].key)
        question = f"Die kaart ken ik niet. Typ een code zoals {example}, of laat leeg."
