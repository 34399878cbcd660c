"""Turn questions into cited answers."""
