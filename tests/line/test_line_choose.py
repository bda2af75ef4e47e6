"""Which face starts: the order of precedence of SPEC 3.3."""

from __future__ import annotations

import pytest

from dialoogspel.line.choose import BOTH, LINE, SCREEN, choose_face

TTY = {"stdin_tty": True, "stdout_tty": True}
XTERM = {"TERM": "xterm-256color"}


def face(*, eenvoudig: bool = False, scherm: bool = False, env=XTERM, **ttys: bool) -> str:
    return choose_face(eenvoudig=eenvoudig, scherm=scherm, environ=env, **{**TTY, **ttys}).face


def test_a_real_terminal_gets_the_screen() -> None:
    assert face() == SCREEN


@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "dumb"},
        {"TERM": "unknown"},
        {"TERM": "xterm", "DIALOOGSPEL_EENVOUDIG": "1"},
        {"TERM": "xterm", "ACCESSIBLE": "1"},
        {"TERM": "xterm", "ACCESSIBLE": "ja"},
    ],
)
def test_the_environment_asks_for_the_line(env: dict[str, str]) -> None:
    assert face(env=env) == LINE


@pytest.mark.parametrize("value", ["", "0", "nee", "false"])
def test_a_switch_that_is_off_asks_for_nothing(value: str) -> None:
    assert face(env={**XTERM, "DIALOOGSPEL_EENVOUDIG": value, "ACCESSIBLE": value}) == SCREEN


def test_no_terminal_on_either_side_gets_the_line() -> None:
    assert face(stdin_tty=False) == LINE
    assert face(stdout_tty=False) == LINE


def test_eenvoudig_wins_over_a_terminal() -> None:
    assert face(eenvoudig=True) == LINE


def test_scherm_wins_over_the_environment_and_term() -> None:
    env = {"TERM": "dumb", "ACCESSIBLE": "1", "DIALOOGSPEL_EENVOUDIG": "1"}
    choice = choose_face(eenvoudig=False, scherm=True, environ=env, **TTY)
    assert choice.face == SCREEN and not choice.refusal
    assert "TERM=dumb" in choice.warning and "--eenvoudig" in choice.warning


def test_scherm_without_a_terminal_says_it_cannot_work() -> None:
    choice = choose_face(
        eenvoudig=False, scherm=True, environ=XTERM, stdin_tty=False, stdout_tty=True
    )
    assert choice.refusal.startswith("Het scherm werkt hier niet: de invoer is geen terminal.")


def test_both_switches_are_refused() -> None:
    choice = choose_face(eenvoudig=True, scherm=True, environ=XTERM, **TTY)
    assert choice.refusal == BOTH


def test_the_reason_names_the_rule_that_decided() -> None:
    env = {"TERM": "dumb", "ACCESSIBLE": "1"}
    assert choose_face(eenvoudig=False, scherm=False, environ=env, **TTY).reason == "ACCESSIBLE"
    reason = choose_face(
        eenvoudig=False, scherm=False, environ={"TERM": "dumb"}, stdin_tty=False, stdout_tty=True
    ).reason
    assert reason == "TERM=dumb"
