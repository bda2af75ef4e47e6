"""The options play and resume share: --uit, --ascii, the face options and --tijd's type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from dialoogspel.textsafe import visible

ASCII_OPTION = click.option(
    "--ascii",
    "ascii_mode",
    is_flag=True,
    help="Alleen eenvoudige tekens (voor een oude Windows-console). Ook: DIALOOGSPEL_ASCII=1."
    " In de oude Windows-console gaat dit vanzelf; DIALOOGSPEL_ASCII=0 zet het uit.",
)
FACE_OPTIONS = (
    click.option(
        "--eenvoudig",
        is_flag=True,
        help="Eenvoudige regels in plaats van het scherm: voor een schermlezer, een brailleregel"
        " of een script. Ook: DIALOOGSPEL_EENVOUDIG=1 of ACCESSIBLE=1.",
    ),
    click.option(
        "--scherm", is_flag=True, help="Altijd het scherm, ook als de terminal eenvoudig lijkt."
    ),
    click.option(
        "--kleuren",
        type=click.Choice(["standaard", "terminal"]),
        default="standaard",
        show_default=True,
        help="terminal: de eigen kleuren van de terminal (fijn bij een vergroter of hoog"
        " contrast).",
    ),
)


def face_options(command: Callable[..., None]) -> Callable[..., None]:
    """--eenvoudig, --scherm and --kleuren, for play and resume."""
    for option in reversed(FACE_OPTIONS):
        command = option(command)
    return command


UIT_OPTION = click.option(
    "--uit",
    "output_dir",
    type=click.Path(path_type=Path),  # no checks here: a hung share must not block the start
    default=None,
    metavar="MAP",
    help="Map waarin de uitkomst (Markdown) komt, bijvoorbeeld op de gedeelde schijf."
    " Standaard: de map waar je nu bent (bij resume: de map van dat spel).",
)


class Minutes(click.ParamType):
    """--tijd: a whole number of minutes, checked by the model's own rule, refused in Dutch."""

    name = "minuten"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        """The number of minutes, or a Dutch usage error."""
        from dialoogspel.model import RuleError
        from dialoogspel.model.pacing import check_minutes

        if isinstance(value, int):
            return value
        try:
            minutes = int(str(value).strip())
            check_minutes(minutes)
        except ValueError:
            self.fail(f"'{visible(str(value))}' is geen aantal minuten. Schrijf bijvoorbeeld 60.")
        except RuleError as refusal:
            self.fail(str(refusal))
        return minutes
