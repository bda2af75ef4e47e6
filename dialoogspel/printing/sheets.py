"""The pages beside the cards: the rules, the board, the pawns and an empty afspraken form.

Their text is fixed Dutch (B1), written here; names of quadrants and roles come from the model,
so paper and screen say the same.
"""

from __future__ import annotations

import html

from dialoogspel.model import DEFAULT_ROLES, Quadrant, assign_letters, role_colour
from dialoogspel.printing.colour import text_colour_on

BLANK_PAWNS = 2
"""Pawns without a role, for a role the team adds itself."""
PAWN_SIZE = (60.0, 80.0)
"""Width and height (mm) of a pawn: a tent card of two halves of 40 mm."""
FORM_ROWS = 10
"""Empty rows on the afspraken form."""

RULES = """
<h1>Dialoogspel: de spelregels</h1>
<p>Jullie praten als team over studenten die misschien stoppen met hun opleiding. De kaarten
helpen daarbij. Op de voorkant staat een vraag. Op de achterkant staan databronnen: waar je
cijfers of verslagen vindt die helpen om de vraag te beantwoorden.</p>
<h2>Voor je begint</h2>
<ul>
<li>Kies de <strong>casus</strong>: waar gaat het over? Bijvoorbeeld: klas 3B.</li>
<li>Kies het <strong>niveau</strong>: klas, opleiding, team of instelling.</li>
<li>Kies één of meer <strong>thema's</strong>. Elk thema heeft een eigen stapel en kleur.</li>
<li>Noem geen namen van studenten. Ook niet in de notities.</li>
</ul>
<h2>Vier manieren van spelen</h2>
<ul>
<li><strong>Vragen</strong>: lees de vraag voor en praat erover. Kijk op de achterkant welke
databronnen helpen. Schrijf op wat jullie weten en wat nog niet. Je hebt geen bord nodig.</li>
<li><strong>Pionnen</strong>: lees de vraag voor. Iedereen zet zijn pion in een vak van het bord.
Staan alle pionnen in hetzelfde vak? Dan gaat de kaart daarheen. Staan ze verschillend? Dan
praten jullie erover en kiezen jullie samen één vak. Schrijf kort op waarom.</li>
<li><strong>Samen</strong>: lees de vraag voor en leg de kaart samen meteen in een vak.</li>
<li><strong>Gemengd</strong>: leg de kaart samen in een vak. Twijfelt iemand? Dan stemmen jullie
over deze kaart met de pionnen, net als bij pionnen.</li>
</ul>
<h2>Verdekt stemmen op papier</h2>
<p>Zo kiest iedereen zelf, zonder naar de anderen te kijken. Iedereen schrijft het nummer van
een vak (1, 2, 3 of 4) op een briefje en legt het omgekeerd neer. Weet je het niet? Schrijf dan
een vraagteken. Draai alle briefjes tegelijk om. Zet daarna de pionnen op het bord.
Verschillen de pionnen? Laat eerst de twee mensen praten die het verst uit elkaar staan.</p>
<h2>Het bord</h2>
<p>1 Belangrijk &amp; urgent, 2 Belangrijk, maar niet urgent, 3 Niet belangrijk, wel urgent,
4 Niet belangrijk, niet urgent.</p>
<h2>Afspraken</h2>
<p>Maak aan het eind afspraken en schrijf ze op het afsprakenformulier. Er zijn twee soorten:</p>
<ul>
<li><strong>Uitzoeken</strong>: iets weten jullie nog niet. Wie zoekt het uit, en in welke
databron?</li>
<li><strong>Aan de slag</strong>: iets is belangrijk en urgent. Wie doet wat?</li>
</ul>
<p>Elke afspraak heeft iemand die hem uitvoert (wie), wat die doet (wat), als het kan een datum
(vóór) en de kaart waar hij bij hoort (kaart). Kijk de volgende keer samen terug: wat is klaar,
wat loopt nog?</p>
"""
"""The rules page in B1 Dutch: the modes, hidden voting on paper and the afspraken."""


def extra_sheets() -> list[str]:
    """The pages after the cards: rules, board, pawns, afspraken form."""
    return [rules_sheet(), board_sheet(), pawn_sheet(), form_sheet()]


def rules_sheet() -> str:
    """One A4 page with the rules."""
    return (
        '<section class="sheet" aria-label="spelregels">'
        f'<div class="page-text">{RULES}</div></section>'
    )


def board_sheet() -> str:
    """The board on one A4 landscape page: four numbered quadrants in reading order."""
    quadrants = "".join(
        f'<div class="quadrant q{q.value}"><div class="number">{q.value}</div>'
        f'<div class="label">{html.escape(q.label)}</div></div>'
        for q in Quadrant
    )
    return (
        '<section class="sheet liggend" aria-label="bord">'
        '<div class="board-title">Bord: leg elke kaart in een vak</div>'
        '<div class="axis top" style="left:22mm;width:131mm;text-align:center">urgent</div>'
        '<div class="axis top" style="left:156mm;width:131mm;text-align:center">niet urgent</div>'
        '<div class="axis side" style="top:80mm">belangrijk</div>'
        '<div class="axis side" style="top:172mm">niet belangrijk</div>'
        f'<div class="board">{quadrants}</div></section>'
    )


def pawn_sheet() -> str:
    """Tent-card pawns: one per default role with its letter and colour, and blank ones."""
    pawns = [
        (participant.letter, participant.role, role_colour(participant.role))
        for participant in assign_letters((role, role) for role in DEFAULT_ROLES)
    ]
    pawns += [("", "", "#ffffff")] * BLANK_PAWNS
    width, height = PAWN_SIZE
    gap = 6.0
    left = (210 - 3 * width - 2 * gap) / 2
    top = 20.0
    parts = [
        '<div class="note" style="top:8mm">Pionnen: knip ze uit en vouw ze over de stippellijn, '
        "zodat ze rechtop staan. Schrijf je naam op de lijn. De letter en de rol staan erop, "
        "dus je herkent een pion ook zonder kleur.</div>"
    ]
    for number, (letter, role, colour) in enumerate(pawns):
        x = left + (number % 3) * (width + gap)
        y = top + (number // 3) * (height + gap)
        half = _pawn_half(letter, role, colour)
        parts.append(
            f'<div class="pawn" style="left:{x:.2f}mm;top:{y:.2f}mm">'
            f'<div class="half top">{half}</div><div class="half bottom">{half}</div>'
            f'<div class="fold" style="left:0;top:40mm;width:60mm;border-left:0;'
            f'border-top:0.3mm dashed #555"></div></div>'
        )
    return f'<section class="sheet" aria-label="pionnen">{"".join(parts)}</section>'


def _pawn_half(letter: str, role: str, colour: str) -> str:
    """One side of a pawn: a disc with the letter in the role's colour, the role, a name line."""
    ink = text_colour_on(colour)
    shown_role = html.escape(role) if role else "rol: ............................"
    return (
        f'<div class="disc" style="background:{colour};color:{ink}">{html.escape(letter)}</div>'
        f'<div class="role">{shown_role}</div><div class="name-line">naam:</div>'
    )


def form_sheet() -> str:
    """An empty afspraken form on one A4 landscape page."""
    kind = '<span class="box"></span>uitzoeken<br><span class="box"></span>aan de slag'
    rows = "".join(
        f'<tr><td class="kind">{kind}</td><td></td><td></td><td></td><td></td></tr>'
        for _ in range(FORM_ROWS)
    )
    return (
        '<section class="sheet liggend" aria-label="afspraken"><div class="page-text">'
        "<h1>Afspraken</h1>"
        '<p class="fields">Casus: ..................................................'
        "&nbsp;&nbsp; Datum: ........................ &nbsp;&nbsp; Thema's: "
        "..................................................</p>"
        '<table class="form"><tr><th class="kind">Soort</th><th class="who">Wie</th>'
        '<th>Wat</th><th class="when">Vóór (datum)</th><th class="card-id">Kaart</th></tr>'
        f"{rows}</table></div></section>"
    )
