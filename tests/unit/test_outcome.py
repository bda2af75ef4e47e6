"""The outcome Markdown: its structure, its escaping and reading it back."""

from __future__ import annotations

from datetime import date
from itertools import groupby

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

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
)
from dialoogspel.outcome import (
    OutcomeAgreement,
    OutcomeFormatError,
    clean_text,
    escape,
    front_matter,
    read_outcome,
    render,
    unescape,
)
from tests.outcome_sessions import DAY, deck, played, setup

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)

FRAGMENTS = [
    "# ", "## x", "- ", "* ", "+ ", "1. ", "2) ", "> ", "---", "===", "***", "___", "    code",
    "[x](http://e.nl)", "![i](u.png)", "[a]: /u", "[^1]", "[ ]", "[x]", "<b>", "</div>", "<!--",
    "<http://x.nl>", "`", "```", "~~~", "~~s~~", "|a|b|", "|-|-|", "\\", "\\\\", "&amp;", "&#35;",
    "&mdash;", "—", " — ", "**", "__", "_", "*", "\n", "\r\n", "\r", "\t", "\x00", "\u2028", "\x85",
    " ", "(", ")", "):", ":", "kaart U01", "vóór 2026-01-01", "A→1", "no", "1.10", "'", '"',
    "😀", "ë", "e\u0301", "\u00a0", "\ufeff",
]  # fmt: skip
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=8).map(
    "".join
)


def _session(mode: Mode, texts: dict[str, str], plain: bool = False) -> Session:
    """The same played session, with every user-typed field taken from `texts` (or plain)."""

    def t(name: str) -> str:
        if plain:  # same emptiness, harmless text
            return "x" if clean_text(texts[name]) else ""
        return texts[name]

    cards = tuple(
        Card(
            id=f"{t('card_id')}{n}",
            question=t("question"),
            data_sources=(DataSource(t("source"), t("explanation")), DataSource(t("source"))),
        )
        for n in range(1, 5)
    )
    people = ((t("name1"), t("role1")), (t("name2"), t("role2")))
    the_setup = SessionSetup(
        casus=t("casus"),
        niveau=t("niveau"),
        decks=(Deck(name="d", theme=t("theme"), colour="red", cards=cards),),
        mode=mode,
        participants=assign_letters(people),
    )
    session = Session(the_setup, session_id="hostile00000")
    if mode is Mode.PIONNEN:
        session.place(Quadrant.BELANGRIJK_URGENT)
        session.place(Quadrant.NIET_BELANGRIJK_URGENT)
        session.place(Quadrant.BELANGRIJK_URGENT)
    elif mode in (Mode.SAMEN, Mode.GEMENGD):
        session.place(Quadrant.BELANGRIJK_URGENT)
    session.states[session.current.key].notes.append(t("note"))  # raw, as a loaded file could hold
    session.advance()
    session.toggle_park()
    key = session.cards[0].key
    for kind in AgreementKind:
        session.add_agreement(Agreement(kind, t("what"), t("who"), DAY, key))
    return session


def _shape(tokens: list[Token]) -> list[tuple[object, ...]]:
    """The parsed structure: block tokens, and per inline the kinds of its children (runs of
    text merged), so text may differ but headings, lists, emphasis and links may not."""
    shape: list[tuple[object, ...]] = []
    for token in tokens:
        if token.type == "inline":
            kinds = (kind for kind, _ in groupby(c.type for c in token.children or []))
            shape.append(("inline", *kinds))
        elif token.type != "front_matter":
            shape.append((token.type, token.tag, token.level, token.nesting))
    return shape


def _headings(tokens: list[Token]) -> list[str]:
    """The text of every h2 and h3 (the fixed section names)."""
    return [_rendered_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.tag in ("h2", "h3")]


def _rendered_text(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type == "text")


FIELDS = ("casus", "niveau", "theme", "name1", "role1", "name2", "role2", "note", "what", "who",
          "card_id", "question", "source", "explanation")  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(mode=st.sampled_from(Mode), texts=st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile)))
def test_hostile_text_never_changes_the_structure(mode: Mode, texts: dict[str, str]) -> None:
    session = _session(mode, texts)
    text = render(session, DAY)
    tokens = MD.parse(text)
    plain = MD.parse(render(_session(mode, texts, plain=True), DAY))

    assert _shape(tokens) == _shape(plain)
    forbidden = {"html_inline", "html_block", "link_open", "image", "code_inline", "s_open"}
    assert not forbidden & {c.type for t in tokens for c in [t, *(t.children or [])]}
    assert _headings(tokens) == _headings(plain)
    # every piece of user text reads back exactly as typed (line breaks folded)
    inlines = [_rendered_text(t) for t in tokens if t.type == "inline"]
    title = ["Dialoogspel", clean_text(texts["theme"]), clean_text(texts["casus"])]
    assert inlines[0] == " — ".join(part for part in title if part)
    note = clean_text(texts["note"])
    notes = [text for text in inlines if text.startswith("notitie:")]
    assert notes == ([f"notitie: {note}"] if note else [])
    assert yaml.safe_load(tokens[0].content) == front_matter(session, DAY)


@settings(max_examples=150, deadline=None)
@given(
    what=hostile,
    who=st.one_of(hostile, st.just("Anna"), st.just("  ahmed ")),
    deadline=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2099, 12, 31))),
    with_card=st.booleans(),
    casus=hostile,
)
def test_agreements_and_front_matter_read_back_exactly(
    what: str, who: str, deadline: date | None, with_card: bool, casus: str
) -> None:
    session = Session(setup(casus=casus, niveau=casus), session_id="roundtrip000")
    key = session.cards[2].key if with_card else None
    for kind in (AgreementKind.AAN_DE_SLAG, AgreementKind.UITZOEKEN):
        session.add_agreement(Agreement(kind, what, who, deadline, key))

    data = read_outcome(render(session, DAY))

    assert data.front_matter == front_matter(session, DAY)
    person = [p for p in session.participants if p.name.casefold() == who.strip().casefold()]
    expected = OutcomeAgreement(
        kind=AgreementKind.UITZOEKEN,
        what=clean_text(what),
        who=clean_text(who),
        role=person[0].role if person else None,
        deadline=deadline,
        card_id="U03" if with_card else None,
        done=False,
    )
    aan_de_slag = OutcomeAgreement(**{**expected.__dict__, "kind": AgreementKind.AAN_DE_SLAG})
    assert data.agreements == (expected, aan_de_slag)  # file order: Uitzoeken first


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Klas 3B (BOL) - niveau 2, 50% verzuim!", "Klas 3B (BOL) - niveau 2, 50% verzuim!"),
        ("# kop", "\\# kop"),
        ("- lijst", "\\- lijst"),
        ("1. eerste", "1\\. eerste"),
        ("2026) jaar", "2026\\) jaar"),
        ("> citaat", "\\> citaat"),
        ("snake_case_naam", "snake_case_naam"),
        ("_nadruk_", "\\_nadruk\\_"),
        ("*vet* [link](x) <b> `code` a|b ~", "\\*vet\\* \\[link\\](x) \\<b> \\`code\\` a\\|b \\~"),
        ("C:\\map\\bestand", "C:\\map\\bestand"),
        ("eind\\", "eind\\\\"),
        ("\\*", "\\\\\\*"),
        ("&amp; en & los", "\\&amp; en & los"),
        ("a — b", "a &mdash; b"),
        ("regel 1\nregel 2\r\n\tklaar ", "regel 1 regel 2 klaar"),
    ],
)
def test_escape_only_what_matters(text: str, escaped: str) -> None:
    assert escape(text) == escaped
    assert unescape(escaped) == clean_text(text)


def test_pionnen_outcome_has_the_documented_structure() -> None:
    text = render(played(Mode.PIONNEN), DAY)
    head, body = text.split("\n---\n", 1)
    assert head.startswith("---\n")
    meta = yaml.safe_load(head[4:])
    assert list(meta) == [
        "spel", "datum", "casus", "niveau", "thema", "modus", "deelnemers", "verdekt", "sessie",
    ]  # fmt: skip
    assert meta["datum"] == DAY and meta["thema"] == ["Uitval"]
    assert meta["deelnemers"] == [
        {"naam": "Anna", "rol": "docent"},
        {"naam": "Ahmed", "rol": "docent"},
    ]
    assert body.startswith("# Dialoogspel — Uitval — Klas 3B Verzorgende IG\n")
    assert "Pionnen: A = Anna (docent), H = Ahmed (docent)" in body
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == [
        "# Dialoogspel — Uitval — Klas 3B Verzorgende IG",
        "## Afspraken",
        "### Uitzoeken",
        "### Aan de slag",
        "## Bord",
        "### Belangrijk & urgent",
        "### Belangrijk, maar niet urgent",
        "### Niet belangrijk, wel urgent",
        "### Niet belangrijk, niet urgent",
        "### Geparkeerd / niet besproken",
    ]
    lines = body.splitlines()
    assert (
        "- [ ] **Anna** (docent): verzuim per week opvragen — vóór 2026-12-01 — kaart U01" in lines
    )
    assert "- [ ] **Team**: mentorgesprek" in lines
    question = "Welke studenten missen les in week"
    assert f"- **U01** — {question} 1? — pionnen: A→1, H→3; besproken → 1" in lines
    assert "  - notitie: We zagen vooral verzuim op maandag." in lines
    assert f"- **U02** — {question} 2? — pionnen: A→2, H→2; eens" in lines
    assert f"- **U03** — {question} 3? — geparkeerd" in lines
    assert f"- **U04** — {question} 4? — niet besproken" in lines
    assert lines.count("_Geen kaarten._") == 2


def test_samen_cards_say_they_were_placed_together() -> None:
    lines = render(played(Mode.SAMEN), DAY).splitlines()
    assert "- **U01** — Welke studenten missen les in week 1? — samen gelegd" in lines
    assert "Deelnemers: Anna (docent), Ahmed (docent)" in lines


def test_vragen_mode_lists_discussed_questions_with_sources_and_the_rest_apart() -> None:
    text = render(played(Mode.VRAGEN), DAY)
    assert "## Bord" not in text
    section = text.split("## Besproken vragen\n", 1)[1]
    discussed, rest = section.split("### Niet besproken\n")
    assert "- **U01** — Welke studenten missen les in week 1?\n  - databronnen:\n" in discussed
    assert "    - Verzuimregistratie — per week\n    - JOB-monitor\n" in discussed
    assert "  - notitie: Navragen bij de verzuimcoördinator." in discussed
    assert "**U03**" in rest and "**U04**" in rest and "**U01**" not in rest


def test_hidden_votes_of_an_unfinished_card_stay_hidden() -> None:
    session = Session(setup(hidden_voting=True), session_id="verdekt00000")
    session.place(Quadrant.BELANGRIJK_URGENT)  # Anna chose; Ahmed did not yet
    session.toggle_park()
    text = render(session, DAY)
    assert "pionnen: 1 van 2 gekozen (verdekt); geparkeerd" in text
    assert "A→1" not in text
    assert yaml.safe_load(text.split("---\n")[1])["verdekt"] is True


def test_card_ids_shared_by_two_decks_are_shown_with_their_deck() -> None:
    decks = (deck("uitval", "Uitval", cards=2), deck("verzuim", "Verzuim", cards=2))
    session = Session(setup(Mode.SAMEN, decks=decks), session_id="twodecks0000")
    session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "x", "Anna", None, "verzuim:U01"))
    text = render(session, DAY)
    assert "# Dialoogspel — Uitval, Verzuim — Klas 3B Verzorgende IG" in text
    assert "— kaart verzuim:U01" in text and "**uitval:U01**" in text


def test_no_agreements_and_an_empty_casus_still_read_well() -> None:
    session = Session(setup(Mode.SAMEN, casus="  "), session_id="leeg00000000")
    text = render(session, DAY)
    assert text.splitlines()[text.splitlines().index("---", 1) + 1] == "# Dialoogspel — Uitval"
    assert text.count("_Geen afspraken._") == 2


def test_read_outcome_tolerates_ticked_boxes_crlf_and_a_bom() -> None:
    text = render(played(Mode.PIONNEN), DAY).replace("- [ ] **Team**", "* [X] **Team**")
    data = read_outcome("\ufeff" + text.replace("\n", "\r\n"))
    assert [(a.who, a.done) for a in data.agreements] == [("Anna", False), ("Team", True)]
    assert [a.what for a in data.open_agreements] == ["verzuim per week opvragen"]
    assert data.agreements[0].role == "docent" and data.agreements[1].role is None
    assert data.front_matter["sessie"] == "a1b2c3d4e5f6"


def test_read_outcome_keeps_text_a_team_added_by_hand() -> None:
    text = (
        "## Afspraken\n### Aan de slag\n"
        "- [x] **Bram**: bellen — ook mailen — vóór 2026-02-30\n"
        "- [ ] iets zonder eigenaar\n"
        "## Bord\n- [ ] **Niet**: hier\n"
    )
    (only,) = read_outcome(text).agreements
    assert only.what == "bellen — ook mailen — vóór 2026-02-30"
    assert only.deadline is None and only.done and only.kind is AgreementKind.AAN_DE_SLAG


@pytest.mark.parametrize(
    "text", ["---\ncasus: x\n", "---\ncasus: [\n---\n", "---\n- een lijst\n---\n# x\n"]
)
def test_read_outcome_explains_a_broken_head_in_dutch(text: str) -> None:
    with pytest.raises(OutcomeFormatError, match="kopje bovenaan"):
        read_outcome(text)


def test_outcome_module_stays_pure() -> None:
    import subprocess
    import sys

    code = "import sys, dialoogspel.outcome; print(sorted({'textual','click'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
