"""Keeping the officer's records safe: backups, restore, the start-up check, the lock
that keeps a second copy of the program off the same data directory (issue 7)."""
