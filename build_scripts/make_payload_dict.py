"""Make the zstd dictionary of the log's compressed payloads, version 2
(resources/compression/payloads-2.zstd-dict), as it was made: run once, never again for version 2.

    python build_scripts/make_payload_dict.py [OUT]

The samples are synthetic: the payloads of a township store of 3,000 cases of the whole
county made by the demo's generator with seed 2026 (the benchmark's stores use seed 8, so
the figures measured on them are not measured on the dictionary's own samples), and the
payloads of version 1's dictionary (one of each kind of step, twelve applications), so
that the steps the generator does not make are in it too. A payload once compressed with
a version needs that version byte for byte to be read again: a better dictionary is a new
version, made by a copy of this script, and the old one stays."""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEED, CASES, SIZE = 2026, 3000, 40_000
TOWNSHIP = {"role": "township", "county": "新邵县", "county_code": "430522",
            "township": "酿溪镇", "township_code": "430522101000", "officer": "民政办"}


def samples() -> list[bytes]:
    from desktop.demo.scale import fill_store
    from desktop.operations.setup import create_workstation
    from desktop.storage.packing import MIN_PACKED
    from desktop.storage.payload_words import WORDS

    with tempfile.TemporaryDirectory() as folder:
        store = create_workstation(Path(folder), TOWNSHIP, demo=True)
        fill_store(store, SEED, CASES, date(2026, 6, 1), workers=1)
        out = [row[0].encode("utf-8") for row in store.db.execute(
            "SELECT payload FROM events ORDER BY rowid")]
        store.close()
    text, decoder, at, kinds = WORDS[1].decode("utf-8"), json.JSONDecoder(), 0, []
    while at < len(text):
        _, end = decoder.raw_decode(text, at)
        kinds.append(text[at:end].encode("utf-8"))
        at = end
    return [s for s in out + kinds * 20 if len(s) >= MIN_PACKED]


def main(argv: list[str]) -> int:
    import zstandard

    from desktop.paths import resource_path
    from desktop.storage.packing import DICTIONARY

    out = Path(argv[0]) if argv else resource_path(*DICTIONARY)
    words = zstandard.train_dictionary(SIZE, samples(), level=3, threads=1).as_bytes()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(words)
    print(f"{out}: {len(words):,} bytes, sha256 {hashlib.sha256(words).hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
