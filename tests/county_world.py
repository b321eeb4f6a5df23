"""A county above the township of tests/sync_world.py: enrolled both ways, as officers
would do it, with a second township of its own for the cases of other townships."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.storage.store import Store
from tests.helpers import TODAY, make_store
from tests.sync_world import World, introduce

COUNTY = {"role": "county", "county": "新邵县", "county_code": "430522", "officer": "赵县局"}
OTHER_TOWNSHIP = {"township": "酿溪镇", "township_code": "430522102", "officer": "周乡镇"}


class CountyWorld(World):
    def __init__(self, tmp_path: Path):
        super().__init__(tmp_path)
        self.county = Store.create(self.tmp / "data-county", dict(COUNTY))
        introduce(self.township, self.county)
        self.other = make_store(self.tmp, "township", **OTHER_TOWNSHIP)
        introduce(self.other, self.county)

    def close(self) -> None:
        super().close()
        self.county.close()
        self.other.close()

    def up(self) -> None:
        """Villages to the township, the township to the county."""
        self.send(self.a, self.township)
        self.send(self.b, self.township)
        self.send(self.township, self.county)

    def down(self) -> None:
        """The county to the township, the township to its villages."""
        self.send(self.county, self.township)
        self.send(self.township, self.a)
        self.send(self.township, self.b)


@pytest.fixture
def world(tmp_path):
    """A county world per test (imported by the county's test modules as `world`)."""
    w = CountyWorld(tmp_path)
    yield w
    w.close()


__all__ = ["COUNTY", "TODAY", "CountyWorld", "world"]
