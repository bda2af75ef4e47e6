"""The outcome file of format 2: its front matter, its body and the escaping of typed text."""

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
from dialoogspel.outcome import escape, front_matter, record_of, render
from dialoogspel.textsafe import clean_text
from tests.outcome_sessions import DAY, deck, played, setup

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)

FRAGMENTS = [
    "# ", "## x", "- ", "* ", "+ ", "1. ", "2) ", "> ", "---", "===", "***", "___", "    code",
    "[x](http://e.nl)", "[x](javascript:alert(1))", "<script>", "[/]", "[bold]x[/bold]",
    "[@click=app.quit]x[/]", "\x1b]0;x\x07",
    "![i](u.png)", "[a]: /u", "[^1]", "[ ]", "[x]", "<b>", "</div>", "<!--",
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
        session.add_agreement(
            Agreement(kind, t("what"), t("who"), DAY, key, vermoeden=t("note"), bron=t("source"))
        )
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
    assert yaml.safe_load(tokens[0].content) == front_matter(record_of(session, DAY))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Klas 3B (BOL) - niveau 2, 50% verzuim!", "Klas 3B (BOL) - niveau 2, 50% verzuim!"),
        ("# kop", "\\# kop"),
        ("Klas 3B #2 en #3", "Klas 3B #2 en #3"),
        ("eindigt op #", "eindigt op \\#"),
        ("< 5 studenten, > 3 weken", "< 5 studenten, > 3 weken"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("[/] [bold]x[/bold]", "\\[/\\] \\[bold\\]x\\[/bold\\]"),
        ("slb'er — mentor", "slb'er — mentor"),
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
        ("regel 1\nregel 2\r\n\tklaar ", "regel 1 regel 2 klaar"),
    ],
)
def test_escape_only_what_matters(text: str, escaped: str) -> None:
    assert escape(text) == escaped
    (paragraph,) = [t for t in MD.parse(f"- {escaped}") if t.type == "inline"]
    assert _rendered_text(paragraph) == clean_text(text), "reads back as typed"


def _body(text: str) -> list[str]:
    return text.split("\n---\n", 1)[1].splitlines()


def test_front_matter_has_the_keys_of_the_spec_in_order() -> None:
    text = render(played(Mode.PIONNEN), DAY)
    meta = yaml.safe_load(text.split("---\n")[1])
    assert list(meta) == [
        "formaat", "spel", "sessie", "datum", "casus", "niveau", "thema", "stapels", "modus",
        "verdekt", "deelnemers", "bord", "afspraken",
    ]  # fmt: skip
    assert (meta["formaat"], meta["datum"], meta["thema"], meta["stapels"]) == (
        2, DAY, ["Uitval"], ["uitval"],
    )  # fmt: skip
    assert meta["deelnemers"] == [
        {"naam": "Anna", "rol": "docent", "pion": "A"},
        {"naam": "Ahmed", "rol": "docent", "pion": "H"},
    ]
    first, second, parked, unseen = meta["bord"]
    assert first == {
        "kaart": "uitval/U01", "vak": 1, "hoe": "besproken", "twijfel": False,
        "pionnen": [{"rol": "docent", "vak": 1}, {"rol": "docent", "vak": 3}], "notities": 1,
    }  # fmt: skip
    assert (second["vak"], second["hoe"], second["notities"]) == (2, "eens", 0)
    assert (parked["vak"], parked["hoe"], parked["pionnen"]) == (None, "geparkeerd", [])
    assert (unseen["vak"], unseen["hoe"]) == (None, "open")
    assert "minuten" not in first, "no clock yet: the key is left out, as the SPEC says"
    assert meta["afspraken"] == [
        {"nr": 1, "soort": "uitzoeken", "wie": "Anna", "wat": "verzuim per week opvragen",
         "voor": date(2026, 12, 1), "kaart": "uitval/U01", "vermoeden": None, "bron": None,
         "klaar": False},
        {"nr": 2, "soort": "aan de slag", "wie": "Team", "wat": "mentorgesprek", "voor": None,
         "kaart": None, "vermoeden": None, "bron": None, "klaar": False},
    ]  # fmt: skip


def test_front_matter_is_one_line_per_card_and_per_agreement() -> None:
    head = render(played(Mode.PIONNEN), DAY).split("---\n")[1].splitlines()
    assert head[head.index("bord:") + 1].startswith("  - {kaart: uitval/U01, vak: 1, hoe: ")
    assert sum(line.startswith("  - {kaart: ") for line in head) == 4
    assert sum(line.startswith("  - {nr: ") for line in head) == 2


def test_samen_vragen_and_hidden_cards_get_their_hoe() -> None:
    samen = yaml.safe_load(render(played(Mode.SAMEN), DAY).split("---\n")[1])
    assert [c["hoe"] for c in samen["bord"]] == ["samen", "samen", "geparkeerd", "open"]
    vragen = yaml.safe_load(render(played(Mode.VRAGEN), DAY).split("---\n")[1])
    assert [c["hoe"] for c in vragen["bord"]] == ["gezien", "gezien", "open", "open"]
    assert [c["notities"] for c in vragen["bord"]] == [1, 1, 0, 0]
    hidden = Session(setup(hidden_voting=True), session_id="verdekt00000")
    hidden.place(Quadrant.BELANGRIJK_URGENT)  # Anna chose; Ahmed did not yet
    hidden.toggle_park()
    text = render(hidden, DAY)
    card = yaml.safe_load(text.split("---\n")[1])["bord"][0]
    assert (card["pionnen"], card["hoe"]) == ([], "geparkeerd"), "hidden votes stay hidden"
    assert "— 1 van 2 pionnen gekozen (verdekt); geparkeerd" in text
    assert "→ 1" not in text.split("## Bord")[1].replace("1 = Belangrijk", "")


def test_the_pionnen_body_reads_well_when_pasted() -> None:
    lines = _body(render(played(Mode.PIONNEN), DAY))
    assert lines[0] == "# Dialoogspel — Uitval — Klas 3B Verzorgende IG"
    assert "Niveau: klas · modus: pionnen · zondag 22 november 2026" in lines
    assert "Deelnemers: Anna (docent), Ahmed (docent)" in lines
    assert [line for line in lines if line.startswith("#")] == [
        "# Dialoogspel — Uitval — Klas 3B Verzorgende IG",
        "## Afspraken", "### Uitzoeken", "### Aan de slag",
        "## Bord", "### Belangrijk & urgent", "### Belangrijk, maar niet urgent",
        "### Niet belangrijk, wel urgent", "### Niet belangrijk, niet urgent",
        "### Geparkeerd", "### Niet besproken",
    ]  # fmt: skip
    assert (
        "- [ ] **Anna** (docent): verzuim per week opvragen — vóór dinsdag 1 december 2026"
        " — kaart U01"
    ) in lines
    assert "- [ ] **Team**: mentorgesprek" in lines
    question = "Welke studenten missen les in week"
    assert (
        f"- **U01** — {question} 1? — Anna (docent) → 1, Ahmed (docent) → 3; besproken → 1"
    ) in lines
    assert "  - databronnen: Verzuimregistratie (per week); JOB-monitor" in lines
    assert "  - notitie: We zagen vooral verzuim op maandag." in lines
    assert f"- **U02** — {question} 2? — Anna (docent) → 2, Ahmed (docent) → 2; eens" in lines
    assert f"- **U03** — {question} 3? — geparkeerd" in lines
    assert lines[-1] == "U04 (1 kaart)"
    assert lines.count("Geen kaarten.") == 2
    assert not any("\\" in line for line in lines), "no escapes in ordinary text"


def test_databronnen_are_in_every_mode() -> None:
    for mode in Mode:
        text = render(played(mode), DAY)
        assert "  - databronnen: Verzuimregistratie (per week); JOB-monitor" in text, mode


def test_undiscussed_cards_are_one_line_of_ids_with_a_count() -> None:
    session = Session(setup(Mode.SAMEN, decks=(deck(cards=30),)), session_id="dertig000000")
    session.place(Quadrant.BELANGRIJK_URGENT)
    lines = _body(render(session, DAY))
    ids = ", ".join(f"U{n:02d}" for n in range(2, 31))
    assert lines[lines.index("### Niet besproken") + 2] == f"{ids} (29 kaarten)"
    assert "U02" not in "".join(lines[: lines.index("### Niet besproken")])


def test_a_started_card_that_is_not_placed_keeps_its_pawns_and_notes() -> None:
    session = Session(setup(), session_id="begonnen0000")
    session.place(Quadrant.BELANGRIJK_URGENT)
    session.add_note("Bram twijfelt nog.")
    lines = _body(render(session, DAY))
    rest = lines[lines.index("### Niet besproken") :]
    assert rest[2].endswith("— Anna (docent) → 1; nog niet gelegd")
    assert "  - notitie: Bram twijfelt nog." in rest
    assert rest[-1] == "U02, U03, U04 (3 kaarten)"


def test_vragen_mode_lists_discussed_questions_with_sources_and_the_rest_apart() -> None:
    text = render(played(Mode.VRAGEN), DAY)
    assert "## Bord" not in text
    section = text.split("## Besproken vragen\n", 1)[1]
    discussed, rest = section.split("### Geparkeerd\n")
    assert "- **U01** — Welke studenten missen les in week 1?\n  - databronnen: " in discussed
    assert "  - notitie: Navragen bij de verzuimcoördinator." in discussed
    assert rest.rstrip().endswith("### Niet besproken\n\nU03, U04 (2 kaarten)")


def test_vermoeden_and_bron_stand_under_their_agreement() -> None:
    session = Session(setup(), session_id="vermoeden000")
    session.add_agreement(
        Agreement(AgreementKind.UITZOEKEN, "verzuim opvragen", "Anna", None, None,
                  vermoeden="vooral op maandag", bron="Verzuimregistratie")
    )  # fmt: skip
    lines = _body(render(session, DAY))
    at = lines.index("- [ ] **Anna** (docent): verzuim opvragen")
    assert lines[at + 1 : at + 3] == [
        "  - vermoeden: vooral op maandag",
        "  - bron: Verzuimregistratie",
    ]


def test_card_ids_shared_by_two_decks_are_shown_with_their_deck() -> None:
    decks = (deck("uitval", "Uitval", cards=2), deck("verzuim", "Verzuim", cards=2))
    session = Session(setup(Mode.SAMEN, decks=decks), session_id="twodecks0000")
    session.add_agreement(Agreement(AgreementKind.UITZOEKEN, "x", "Anna", None, "verzuim:U01"))
    text = render(session, DAY)
    assert "# Dialoogspel — Uitval, Verzuim — Klas 3B Verzorgende IG" in text
    assert "— kaart verzuim:U01" in text and "kaart: verzuim/U01" in text
    assert "uitval:U01, uitval:U02, verzuim:U01, verzuim:U02 (4 kaarten)" in text


def test_no_agreements_and_an_empty_casus_still_read_well() -> None:
    session = Session(setup(Mode.SAMEN, casus="  "), session_id="leeg00000000")
    text = render(session, DAY)
    assert _body(text)[0] == "# Dialoogspel — Uitval"
    assert text.count("Geen afspraken.") == 2


def test_outcome_package_stays_pure() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dialoogspel.outcome, dialoogspel.outcome.privacy;"
        " print(sorted({'textual','click'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


@settings(max_examples=100, deadline=None)
@given(mode=st.sampled_from(Mode), texts=st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile)))
def test_the_fast_front_matter_writer_matches_the_generic_one(
    mode: Mode, texts: dict[str, str]
) -> None:
    from dialoogspel.outcome import yamltext

    record = record_of(_session(mode, texts), DAY)
    assert yamltext.record_lines(record) == yamltext.dump(front_matter(record))
