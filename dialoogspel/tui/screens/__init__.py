"""The screens of the game: setup, play, board overview, help and small modals."""
