"""Outcome files read back (terugblik, overview): format 2 from the front matter, with the
boxes ticked in the body; format 1 (no `formaat` key) from the body. Damage raises
`OutcomeFormatError` with a Dutch reason, never anything else."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from dialoogspel.model import AgreementKind
from dialoogspel.outcome import fastyaml
from dialoogspel.outcome.body import BodyAgreement, read_agreements, read_date
from dialoogspel.outcome.check import OutcomeFormatError, record_from
from dialoogspel.outcome.record import FORMAAT, Afspraak, OutcomeRecord
from dialoogspel.textsafe import clean_text


class OutcomeAgreement(NamedTuple):
    """An agreement as read back from an outcome file."""

    kind: AgreementKind
    what: str
    who: str
    role: str | None
    """The owner's role when the owner was a participant."""
    deadline: date | None
    card_id: str | None
    """Format 2: `<deck>/<id>`; format 1: the card as the body showed it (id or deck:id)."""
    done: bool
    """Ticked off (in the body, or `klaar` when the body no longer lists it)."""
    nr: int | None = None
    vermoeden: str | None = None
    bron: str | None = None


class OutcomeData(NamedTuple):
    """What a later session needs from an earlier outcome file."""

    front_matter: dict[str, Any]
    """The YAML head as loaded (dates are dates); empty when the file has none."""
    agreements: tuple[OutcomeAgreement, ...]
    """All agreements, in file order."""
    formaat: int = 1
    """2 for files with the data in the front matter, 1 for the older prose files."""
    record: OutcomeRecord | None = None
    """Format 2: the front matter as a record (placements, pawns by role, agreements)."""

    @property
    def open_agreements(self) -> tuple[OutcomeAgreement, ...]:
        """The agreements nobody ticked off yet (for terugblik)."""
        return tuple(a for a in self.agreements if not a.done)


def _split(text: str) -> tuple[str | None, str]:
    """The front matter text (None when there is none) and the body."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise OutcomeFormatError("Het kopje bovenaan (tussen ---) is niet afgesloten.")
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :])


def _load(head: str) -> dict[str, Any]:
    fast = fastyaml.load(head)  # the writer's own shape, ~10 times faster than PyYAML
    if fast is not None:
        return fast
    import yaml  # only reading needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loaded = yaml.load(head, Loader=loader)
    except yaml.YAMLError as error:
        problem = str(error).splitlines()[0] if str(error) else "onleesbaar"
        raise OutcomeFormatError(f"Het kopje bovenaan is geen geldige YAML ({problem}).") from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        raise OutcomeFormatError("Het kopje bovenaan heeft een waarde die niet klopt.") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise OutcomeFormatError("Het kopje bovenaan bevat geen gegevens van een dialoogspel.")
    return loaded


def read_front_matter(text: str) -> dict[str, Any]:
    """Only the front matter of an outcome file (fast: the body is not parsed)."""
    head, _ = _split(text)
    return _load(head) if head is not None else {}


def read_outcome(text: str) -> OutcomeData:
    """Read an outcome file of format 1 or 2."""
    head_text, body = _split(text)
    head = _load(head_text) if head_text is not None else {}
    version = head.get("formaat", 1)
    if version == 1 or version is None:
        return OutcomeData(head, tuple(_format1(item) for item in read_agreements(body)))
    if not isinstance(version, int) or isinstance(version, bool):
        raise OutcomeFormatError(f"'formaat: {version}' is geen nummer.")
    if version > FORMAAT:
        raise OutcomeFormatError(
            f"Dit bestand heeft formaat {version}: gemaakt met een nieuwere versie van"
            " dialoogspel. Werk het spel bij."
        )
    record = record_from(head)
    agreements = _ticked(record, read_agreements(body))
    return OutcomeData(head, agreements, version, record)


# -- format 1: the body ------------------------------------------------------------------------


def _format1(item: BodyAgreement) -> OutcomeAgreement:
    what, *tail = item.parts
    deadline, card, extra = None, None, []
    for part in tail:
        word, _, rest = part.partition(" ")
        when = read_date(rest) if word in ("vóór", "voor") and deadline is None else None
        if when is not None:
            deadline = when
        elif word == "kaart" and rest and card is None:
            card = rest
        else:
            extra.append(part)  # a dash the team typed in an editor: keep it in the text
    what = " — ".join([what, *extra])
    return OutcomeAgreement(item.kind, what, item.who, item.role, deadline, card, item.done)


# -- format 2: the front matter ----------------------------------------------------------------


def _ticked(record: OutcomeRecord, items: list[BodyAgreement]) -> tuple[OutcomeAgreement, ...]:
    """The record's agreements, `done` from the body's box when the body still lists them."""
    kinds = [AgreementKind(a.soort) for a in record.afspraken]
    used: set[int] = set()
    matches: list[int | None] = []
    for agreement, kind in zip(record.afspraken, kinds, strict=True):
        match = _same_text(agreement, kind, items, used)
        matches.append(match)
        if match is not None:
            used.add(match)
    places: dict[AgreementKind, int] = {}
    roles = {p.naam.casefold(): p.rol for p in record.deelnemers}
    result = []
    for agreement, kind, match in zip(record.afspraken, kinds, matches, strict=True):
        place = places[kind] = places.get(kind, -1) + 1
        if match is None:  # the text was edited in the body: the item at its place, if free
            same_kind = [i for i, item in enumerate(items) if item.kind is kind]
            free = place < len(same_kind) and same_kind[place] not in used
            match = same_kind[place] if free else None
        result.append(
            OutcomeAgreement(
                kind=kind,
                what=agreement.wat,
                who=agreement.wie,
                role=roles.get(" ".join(agreement.wie.split()).casefold()),
                deadline=agreement.voor,
                card_id=agreement.kaart,
                done=items[match].done if match is not None else agreement.klaar,
                nr=agreement.nr,
                vermoeden=agreement.vermoeden,
                bron=agreement.bron,
            )
        )
    return tuple(result)


def _same_text(
    agreement: Afspraak, kind: AgreementKind, items: list[BodyAgreement], used: set[int]
) -> int | None:
    """The first unused body item with this agreement's kind, owner and text."""
    who, what = clean_text(agreement.wie), clean_text(agreement.wat) or "—"
    for index, item in enumerate(items):
        same_owner = index not in used and item.kind is kind and item.who == who
        if same_owner and (item.text == what or item.text.startswith(what + " — ")):
            return index
    return None
