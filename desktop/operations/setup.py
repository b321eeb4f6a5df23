"""Setting up a workstation: the store and, at once, its signing and encryption keys,
so that the identity card can be exported the day the laptop is set up. An officer's
workstation seals them under the passphrase given at set-up (issue 7)."""

from __future__ import annotations

from pathlib import Path

from desktop.storage.store import Store
from desktop.sync import keys
from desktop.sync.identity import keys_of


def create_workstation(data_dir: Path, identity: dict, *, demo: bool = False,
                       passphrase: str | None = None) -> Store:
    store = Store.create(data_dir, identity, demo=demo)
    if passphrase:
        keys.create(data_dir, store.workstation["id"], passphrase)
    else:
        keys_of(store)
    return store
