"""dialoogspel: a terminal dialogue game for education teams in Dutch mbo schools."""

__version__ = "0.1.0"
