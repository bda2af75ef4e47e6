"""Values read back from saved data: each of the right type, or TypeError/ValueError, so damage
is refused when a session is loaded instead of being carried into play."""

from __future__ import annotations

import math
from typing import Any


def text(value: Any) -> str:
    """A string from saved data, or TypeError (so damage is refused, not carried into play)."""
    if not isinstance(value, str):
        raise TypeError(f"tekst verwacht, niet {type(value).__name__}")
    return value


def texts(value: Any) -> list[str]:
    """A list of strings from saved data."""
    if not isinstance(value, list):
        raise TypeError(f"lijst verwacht, niet {type(value).__name__}")
    return [text(item) for item in value]


def flag(value: Any) -> bool:
    """A true/false from saved data."""
    if not isinstance(value, bool):
        raise TypeError(f"waar/onwaar verwacht, niet {type(value).__name__}")
    return value


def seconds(value: Any) -> float:
    """A number of seconds from saved data: finite and not negative."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"getal verwacht, niet {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"onmogelijke tijd {value!r}")
    return float(value)


def maybe_seconds(value: Any) -> float | None:
    """Seconds, or None."""
    return None if value is None else seconds(value)


def minutes(value: Any) -> int | None:
    """Planned minutes: a whole number, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"geheel getal verwacht, niet {type(value).__name__}")
    return value
