"""Dutch for click: usage line, headings, the help option, and usage errors ("Fout: ...").

click writes its own texts in English. `DutchGroup` (the class of the `dialoogspel` group)
makes every command in it use Dutch headings and metavars, and turns usage errors (exit code 2)
into Dutch before click shows them. No monkeypatching: subclasses only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import click

_HEADINGS = {"Options": "Opties", "Commands": "Opdrachten", "Positional arguments": "Argumenten"}
_TEXTS = {
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
}
_METAVARS = {
    "DIRECTORY": "MAP",
    "FILE": "BESTAND",
    "PATH": "PAD",
    "TEXT": "TEKST",
    "INTEGER": "GETAL",
    "FLOAT": "GETAL",
}
_METAVAR = re.compile(r"\b(" + "|".join(_METAVARS) + r")\b")
_HELP_EXTRAS = {"[default: ": "[standaard: ", "[required]": "[verplicht]"}
_PATH_NAMES = {"File": "Het bestand", "Directory": "De map", "Path": "Het pad"}
_PATH_PROBLEMS = {
    "does not exist": "bestaat niet",
    "is a file": "is een bestand, geen map",
    "is a directory": "is een map, geen bestand",
    "is not readable": "kan niet gelezen worden",
    "is not writable": "is alleen-lezen",
}
_PATH_ERROR = re.compile(
    r"^(" + "|".join(_PATH_NAMES) + r") (.*) (" + "|".join(_PATH_PROBLEMS) + r")\.$", re.DOTALL
)
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments? \((.*)\)")
_NO_SUCH_COMMAND = re.compile(r"No such command '(.*)'")


class DutchFormatter(click.HelpFormatter):
    """Help text with Dutch headings and a Dutch usage prefix."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """`Gebruik: dialoogspel ...`."""
        super().write_usage(prog, _dutch_metavars(args), "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """Opties, Opdrachten, Argumenten."""
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(self, rows: Iterable[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        """Option rows, with click's own help texts (--help, --version) in Dutch."""
        dutch = [
            (_dutch_metavars(term), _dutch_help(_TEXTS.get(text, text))) for term, text in rows
        ]
        super().write_dl(dutch, *args, **kwargs)


def _dutch_help(text: str) -> str:
    """click's own additions to an option's help ("[default: .]") in Dutch."""
    for english, dutch in _HELP_EXTRAS.items():
        text = text.replace(english, dutch)
    return text


def _dutch_metavars(text: str) -> str:
    """click's type names in a usage line or option (`--decks DIRECTORY`) in Dutch."""
    return _METAVAR.sub(lambda found: _METAVARS[found.group(1)], text)


class DutchContext(click.Context):
    """A context that formats help with DutchFormatter."""

    formatter_class = DutchFormatter


class DutchUsageError(click.UsageError):
    """A usage error shown in Dutch: usage line, where to find help, and what went wrong."""

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(dutch_message(error), error.ctx)

    def show(self, file: Any = None) -> None:
        """Write the usage line, a help hint and `Fout: ...` to stderr."""
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), err=True, color=self.ctx.color)
            click.echo(f"Meer uitleg: {self.ctx.command_path} --help\n", err=True)
        click.echo(f"Fout: {self.format_message()}", err=True)


def dutch_message(error: click.UsageError) -> str:
    """What went wrong, in Dutch, for the usage errors people actually make."""
    hint = _parameter(error)
    if isinstance(error, click.MissingParameter):
        return f"{hint or 'Een waarde'} ontbreekt."
    if isinstance(error, click.NoSuchOption):
        maybe = f" Bedoel je {' of '.join(error.possibilities)}?" if error.possibilities else ""
        return f"Onbekende optie: {error.option_name}.{maybe}"
    if isinstance(error, click.BadOptionUsage) and "requires an argument" in error.message:
        return f"Na {error.option_name} hoort een waarde."
    if isinstance(error, click.BadParameter):
        param = error.param
        if param is not None and isinstance(param.type, click.Choice):
            choices = ", ".join(str(choice) for choice in param.type.choices)
            return f"Ongeldige waarde voor {hint}. Kies uit: {choices}."
        message = _dutch_path_problem(error.message)
        return f"Ongeldige waarde voor {hint}: {message}" if hint else message
    command = getattr(error, "command_name", None) or _match(_NO_SUCH_COMMAND, error.message)
    if command is not None:
        possibilities = getattr(error, "possibilities", None)
        maybe = f" Bedoel je {' of '.join(possibilities)}?" if possibilities else ""
        return f"Onbekende opdracht: {command}.{maybe} Zie: dialoogspel --help"
    extra = _match(_EXTRA_ARGUMENTS, error.message)
    if extra is not None:
        return f"Te veel argumenten: {extra}."
    if error.message == "Missing command.":
        return "Kies een opdracht. Zie: dialoogspel --help"
    return error.format_message()


def _dutch_path_problem(message: str) -> str:
    """click.Path's checks ("Directory 'x' is a file.") in Dutch; other messages as they are."""
    found = _PATH_ERROR.match(message)
    if found is None:
        return message
    name, path, problem = found.groups()
    return f"{_PATH_NAMES[name]} {path} {_PATH_PROBLEMS[problem]}."


def _parameter(error: click.UsageError) -> str:
    """How the failing parameter is named on the command line, e.g. 'BESTAND...' or '--modus'."""
    if not isinstance(error, click.BadParameter):
        return ""
    if error.param_hint is not None:
        names = (
            error.param_hint if isinstance(error.param_hint, str) else " / ".join(error.param_hint)
        )
    elif error.param is not None:
        names = error.param.get_error_hint(error.ctx) if error.ctx else str(error.param.name)
    else:
        return ""
    return names


def _match(pattern: re.Pattern[str], text: str) -> str | None:
    """The first group of a match, or None."""
    found = pattern.search(text)
    return found.group(1) if found else None


class DutchCommand(click.Command):
    """A command with Dutch help; its usage errors are translated by the group around it."""

    context_class = DutchContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class DutchGroup(click.Group):
    """The `dialoogspel` group: Dutch help for itself and every command added to it."""

    context_class = DutchContext
    command_class = DutchCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the group's own options; a usage error comes out in Dutch."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise _in_dutch(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; usage errors of the command (its arguments, options) in Dutch."""
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _in_dutch(error) from None


def _in_dutch(error: click.UsageError) -> click.UsageError:
    """The error as a DutchUsageError (once)."""
    return error if isinstance(error, DutchUsageError) else DutchUsageError(error)


def ask_yes(question: str) -> bool:
    """Ask a yes/no question on the terminal in Dutch; only j or ja answers yes."""
    answer = click.prompt(f"{question}? (j/n)", default="n", show_default=False, err=True)
    return str(answer).strip().lower() in ("j", "ja")
