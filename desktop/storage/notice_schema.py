"""Schema of notice batches and printed documents (issue 3): migration 0002."""

from __future__ import annotations
