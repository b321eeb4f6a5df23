"""A training set: a township and three villages that know each other, for practising the
whole cycle with USB files before real data exists (issue 16).

Each workstation is set up the way `init` sets one up (its own keys, sealed under the
passphrase), the identity cards are exported to files and each side enrolls the other's
card after checking its fingerprint, and each village's cases are made by its own
operations. Nothing is simulated: a village's bundle is signed by that village, the
township's decisions are the township's, and they travel as they will in real use."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal, os_reason
from desktop.demo.village import load_village_cases
from desktop.operations.setup import create_workstation
from desktop.paths import store_path
from desktop.sync.identity import export_card, fingerprint, own_card, read_card
from desktop.sync.keys import check_new_passphrase
from desktop.sync.peers import enroll

# Documented in the README and printed by the command: a training laptop is shared by a
# class, and the trainer must be able to tell everyone the passphrase.
TRAINING_PASSPHRASE = "peixun2026"
PLACE = {"county": "新邵县", "county_code": "430522", "township": "陈家坊镇",
         "township_code": "430522101"}
TOWNSHIP = {"role": "township", **PLACE, "officer": "王审批"}
VILLAGES = (("石门村", "430522101201", "刘晓梅"), ("白水村", "430522101202", "陈白水"),
            ("龙山村", "430522101203", "李龙山"))
PHONES = {"village_committee_phone": "0739-3612345", "township_office_phone": "0739-3681234"}
CARDS = "cards"  # the identity cards, as handed over in person (filing verify needs one)
USB = "usb"  # stands in for the USB stick in the guide's commands


@dataclass(frozen=True)
class Station:
    folder: str  # under the training directory: township, village-1 …
    name: str
    officer: str
    cases: tuple[str, ...] = ()


def station_folders() -> list[str]:
    return ["township"] + [f"village-{i}" for i in range(1, len(VILLAGES) + 1)]


def build_training_set(root: Path, *, today: date, passphrase: str, seed: int = 1
                       ) -> list[Station]:
    """The four workstations in `root`, all or none: they are made in a scratch folder
    inside it and moved into place only once every one is complete."""
    root = Path(root)
    check_new_passphrase(passphrase)
    _check_target(root)
    scratch = root / ".training-set.part"
    try:
        shutil.rmtree(scratch, ignore_errors=True)  # what a run that died left behind
        scratch.mkdir(parents=True)
        stations = _make(scratch, today, passphrase, seed)
        (scratch / USB).mkdir()
        for name in station_folders() + [CARDS, USB]:
            os.replace(scratch / name, root / name)
    except OSError as exc:
        raise Refusal(f"无法在 {root} 建立培训用工作站:{os_reason(exc)}。"
                      f"请换一个可写、空间足够的文件夹。") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return stations


def _check_target(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise Refusal(f"{root} 是一个文件,不是文件夹。请给出一个新的文件夹来存放培训用工作站。")
    stations = [p for p in [root, *(root.iterdir() if root.is_dir() else ())]
                if store_path(p).exists()]
    if stations:
        raise Refusal(f"{root} 里已经有工作站({stations[0]}),培训数据不能放在这里。"
                      f"请换一个新的空文件夹。")
    clash = [n for n in station_folders() + [CARDS, USB] if (root / n).exists()]
    if clash:
        raise Refusal(f"{root} 里已经有 {'、'.join(clash)},培训数据会覆盖它们。请换一个新的空文件夹。")


def _make(scratch: Path, today: date, passphrase: str, seed: int) -> list[Station]:
    township = create_workstation(scratch / "township", TOWNSHIP, passphrase=passphrase)
    stores, stations = [township], [Station("township", "陈家坊镇民政办", TOWNSHIP["officer"])]
    try:
        for i, (village, code, officer) in enumerate(VILLAGES, start=1):
            identity = {"role": "village", **PLACE, "village": village, "village_code": code,
                        "officer": officer}
            store = create_workstation(scratch / f"village-{i}", identity, passphrase=passphrase)
            stores.append(store)
            store.set_settings(PHONES)
            cases = load_village_cases(store, today=today, seed=seed * 100 + i)
            stations.append(Station(f"village-{i}", village, officer, tuple(cases)))
        cards = _exchange_cards(stores, scratch / CARDS, stations)
        for village in stores[1:]:
            _enroll_after_checking(village, cards["township"], township)
            _enroll_after_checking(township, cards[village.path.parent.name], village)
    finally:
        for store in stores:
            store.close()
    return stations


def _exchange_cards(stores, folder: Path, stations: list[Station]) -> dict[str, Path]:
    """Each workstation's identity card written to a file, as it is carried to the other."""
    folder.mkdir()
    out = {}
    for store, station in zip(stores, stations, strict=True):
        out[station.folder] = folder / f"{station.folder}.json"
        export_card(store, out[station.folder])
    return out


def _enroll_after_checking(me, card_file: Path, owner) -> None:
    """`me` enrolls the card from the file once its fingerprint matches the one its owner's
    screen (or printed identity sheet) shows: what the two officers compare in person."""
    shown = fingerprint(own_card(owner))
    enroll(me, read_card(card_file), confirmed_fingerprint=shown)


def guide(root: Path, stations: list[Station], passphrase_from_env: bool) -> str:
    """What the trainer does next, command by command."""
    cli = "relief-desk"
    secret = ("口令:环境变量 RELIEF_DESK_PASSPHRASE 中的口令" if passphrase_from_env
              else f"口令(四台相同):{TRAINING_PASSPHRASE}")
    lines = [f"已在 {root} 建立培训用工作站(乡镇 1 个、村 3 个,已互相登记身份):"]
    for s in stations:
        extra = f",{len(s.cases)} 件案件" if s.cases else ""
        lines.append(f"  {root / s.folder}  {s.name}(经办人 {s.officer}{extra})")
    v1, town, usb = root / "village-1", root / "township", root / USB
    lines += [
        secret,
        f"身份文件在 {root / CARDS}。练习一轮完整流程({usb} 代替 U 盘;重复导入同一数据包不会重复记录):",
        f"  1. 村上报:{cli} --data-dir {v1} bundle export --to {usb}",
        f"  2. 乡镇导入:{cli} --data-dir {town} bundle import {usb}/石门村至陈家坊镇_*.rdbundle",
        f"  3. 乡镇审批:{cli} --data-dir {town} queue,再 decide 案件号 --approve 金额(元)",
        f"  4. 乡镇回传:{cli} --data-dir {town} bundle export --to {usb}",
        f"     村导入:{cli} --data-dir {v1} bundle import {usb}/陈家坊镇至石门村_*.rdbundle",
        f"  5. 村结果公示:{cli} --data-dir {v1} notice result 案件号,再按第 1、2 步送到乡镇",
        f"  6. 乡镇发放:{cli} --data-dir {town} pay 案件号 --amount 金额 --method 一卡通",
        f"  7. 乡镇备案:{cli} --data-dir {town} filing export --to {usb};再按第 4 步把发放结果送回村",
        f"在窗口中练习:{cli} --data-dir {v1}(另外两个村、乡镇同理)",
    ]
    return "\n".join(lines)
