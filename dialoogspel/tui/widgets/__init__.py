"""Reusable widgets that render an injected model and report what happened with messages."""
