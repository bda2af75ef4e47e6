"""The Textual face of dialoogspel: renders the model and turns keys into model calls."""
