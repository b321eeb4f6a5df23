"""Schema of sync: peers, bundles, acknowledgements (issue 4): migration 0003."""

from __future__ import annotations
