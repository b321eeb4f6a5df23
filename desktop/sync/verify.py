"""Reading a bundle and checking everything about it before the store is touched: the
framing, the version, that it is for this workstation, that its sender is enrolled and
signed it with the enrolled key, that the payload opens, and that every event lies within
what its sender may write (the single-writer rule of DESIGN.md)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import os_reason
from desktop.core.roles import ROLES, case_in_scope, region_of, relays_to
from desktop.core.rulebook import RULE_OF_EVENT
from desktop.core.ways import way
from desktop.core.workflow import EVENT_TYPES
from desktop.storage.eventlog import Event
from desktop.sync import bundle, payload, sealing
from desktop.sync.bundle import BundleRefused
from desktop.sync.identity import keys_of, place_name, unb64
from desktop.sync.peers import active_peers, peer

ACTION_OF_TYPE = {t: a for a, t in EVENT_TYPES.items()}
NOTHING_CHANGED = "本机数据未做任何改动。"


@dataclass(frozen=True)
class Verified:
    name: str
    header: dict
    peer: dict
    events: list[Event]
    attachments: dict[str, bytes]
    acks: dict


def read_file(path: Path) -> bytes:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            # the size first: read(MAX) would ask for a 512 MB buffer for every bundle
            if os.fstat(fh.fileno()).st_size > bundle.MAX_BUNDLE_BYTES:
                raise BundleRefused(f"{path.name} 超过 512 MB,不是有效的数据包。")
            raw = fh.read()
    except FileNotFoundError:
        raise BundleRefused(f"找不到文件 {path},请检查路径或 U 盘是否插好。") from None
    except IsADirectoryError:
        raise BundleRefused(f"{path} 是文件夹,请选择数据包文件(.rdbundle)。") from None
    except OSError as exc:
        raise BundleRefused(f"无法读取 {path}:{os_reason(exc)}。请检查 U 盘。") from None
    if len(raw) > bundle.MAX_BUNDLE_BYTES:
        raise BundleRefused(f"{path.name} 超过 512 MB,不是有效的数据包。")
    return raw


def read_verified(store, path: Path, opened: tuple | None = None) -> Verified:
    """The bundle with everything in it checked; `opened`: what `read_opened` returned
    for it in this same import (not opened, and its signature not checked, twice)."""
    name, h, sender, plain = opened or _opened(store, path)
    events, files, acks = payload.parse(plain, name)
    relayed = relays_to(sender["role"], store.workstation["role"])
    _check_counts(h, events, files, acks, store.workstation["id"], name, relayed)
    check_scope(events, sender, store.workstation, name,
                relayed_from=_others(store, sender) if relayed else None)
    return Verified(name, h, sender, events, files, acks)


def _others(store, sender: dict) -> set[str]:
    """The workstations a relay's villages' events must not be signed by: us and every
    other one enrolled here (read for a relay only: a township has thirty peers)."""
    others = {p["workstation_id"] for p in active_peers(store.db)} | {store.workstation["id"]}
    return others - {sender["workstation_id"]}


def read_header(store, path: Path) -> dict:
    """The bundle's header, after every check but those of the events it carries: that
    it is for us, from an enrolled sender, signed by it, whole, and opens."""
    return _opened(store, path)[1]


def read_opened(store, path: Path) -> tuple[str, dict, dict, bytes]:
    """As `read_header`, with what `read_verified` goes on from: (name, header, sender,
    plaintext)."""
    return _opened(store, path)


def _opened(store, path: Path) -> tuple[str, dict, dict, bytes]:
    """(name, header, sender, plaintext) of a bundle for us that its sender signed."""
    name = Path(path).name
    parsed = bundle.unpack(read_file(path), name)
    h = parsed.header
    own = store.workstation
    if h["recipient"]["workstation_id"] != own["id"]:
        raise BundleRefused(f"{name} 是发给“{h['recipient'].get('place', '?')}”的,不是发给本工作站"
                            f"({place_name(own)})的。请在收件方的电脑上导入。{NOTHING_CHANGED}")
    sender = _enrolled_sender(store.db, h, name)
    bundle.check_signature(parsed, unb64(sender["signing_key"]), name)
    if hashlib.sha256(parsed.ciphertext).hexdigest() != h["payload"]["sha256"]:
        raise bundle._damaged(name, "的内容校验值不符,文件已损坏")
    return name, h, sender, _open(parsed, store, name)


def _enrolled_sender(db, header: dict, name: str) -> dict:
    s = header["sender"]
    p = peer(db, s["workstation_id"])
    who = f"“{s.get('place', '?')}”(工作站 {s['workstation_id'][:8]})"
    if not p:
        raise BundleRefused(f"{name} 来自未登记的工作站 {who}。请先当面核对并登记对方的身份文件"
                            f"(数据交换 → 登记对方工作站),再导入。{NOTHING_CHANGED}")
    if not p["active"]:
        raise BundleRefused(f"{name} 来自 {who},但该工作站的身份已被替换,不再受信任。"
                            f"请让对方用新的工作站重新导出。{NOTHING_CHANGED}")
    if s.get("fingerprint") != p["fingerprint"]:
        raise BundleRefused(f"{name} 的签名密钥与本机登记的 {who} 不一致。如果对方确实重装或"
                            f"换了电脑,请当面核对后{way('enroll_replace')}重新登记其身份文件;否则此文件"
                            f"可能是伪造的。{NOTHING_CHANGED}")
    if s.get("role") != p["role"]:
        raise bundle._damaged(name, "的发送方角色与登记的不符")
    return p


def _open(parsed, store, name: str) -> bytes:
    p = parsed.header["payload"]
    try:
        eph, nonce = unb64(p["ephemeral_key"]), unb64(p["nonce"])
    except (ValueError, TypeError):
        raise bundle._damaged(name, "的加密参数已损坏") from None
    plain = sealing.open_sealed(parsed.ciphertext, keys_of(store).encryption, eph, nonce,
                                bundle.aad(parsed.header))
    if plain is None:
        raise bundle._damaged(name, "无法解密(内容已损坏,或不是用本机的加密密钥封装的)")
    return plain


def _check_counts(h, events, files, acks, own_id: str, name: str, relayed: bool) -> None:
    """The header says what the payload holds. A relay is numbered 1, 2, 3 … after what
    the recipient acknowledged (`since`); a writer's own log by its sequence numbers."""
    ranges = h["ranges"]
    since = ranges[0].get("since") if ranges and isinstance(ranges[0], dict) else None
    seqs = ([since + 1 + i for i in range(len(events))] if relayed and type(since) is int
            else [e.seq for e in events])
    ok = (len(events) == h["events"] and len(files) == h["attachments"]
          and seqs == sorted(set(seqs)) and acks["workstation_id"] == own_id
          and len(ranges) == 1 and isinstance(ranges[0], dict)
          and type(ranges[0].get("since")) is int
          and ranges[0].get("workstation_id") == h["sender"]["workstation_id"]
          and (not seqs or (ranges[0].get("first_seq"), ranges[0].get("last_seq"))
               == (seqs[0], seqs[-1])))
    if not ok:
        raise bundle._damaged(name, "的包头与内容不一致")
    wanted = set().union(*(payload.attachments_of(e) for e in events))
    if wanted != set(files):
        raise bundle._damaged(name, "的附件与事件对不上")


def check_scope(events: list[Event], sender: dict, own: dict, name: str,
                relayed_from: set[str] | None = None) -> None:
    """Every event written by the sender itself, by its role, on cases of places that are
    both the sender's and ours (codes compared parsed, as the roles table says). A relay
    (a township to its county) also carries its villages' events: each must be a
    village's step, by a writer that is neither us nor another workstation we know."""
    places = _Places(region_of(sender), region_of(own))
    for e in events:
        reason = (_outside_relay(e, sender, places, relayed_from) if relayed_from is not None
                  else _outside(e, sender, places))
        if reason:
            raise BundleRefused(f"{name} 中第 {e.seq} 号事件({e.case_id[:40]})超出发送方的权限:"
                                f"{reason}。这可能是伪造的文件或对方软件有误,整个数据包不予导入,"
                                f"请联系对方核实。{NOTHING_CHANGED}")


class _Places:
    """The sender's and our places, and whether a case lies in both: asked once a case,
    not once an event (a case's whole history arrives in one bundle)."""

    def __init__(self, sender_region, own_region):
        self.regions = (sender_region, own_region)
        self.verdicts: dict[str, bool] = {}

    def hold(self, case_id: str) -> bool:
        found = self.verdicts.get(case_id)
        if found is None:
            found = self.verdicts[case_id] = case_in_scope(case_id, *self.regions)
        return found


def _outside_relay(e: Event, sender: dict, places: _Places, others: set[str]) -> str:
    if e.workstation_id == sender["workstation_id"]:
        return _outside(e, sender, places)
    if e.workstation_id in others:
        return "转来的事件署名为本机或另一个已登记的工作站"
    return _outside(e, {"workstation_id": e.workstation_id, "role": "village"}, places)


def _outside(e: Event, sender: dict, places: _Places) -> str:
    if e.workstation_id != sender["workstation_id"]:
        return "事件不是发送方自己记录的"
    if not places.hold(e.case_id):
        return "案件不属于发送方与本机共同管辖的村"
    r = RULE_OF_EVENT.get(e.type)
    if r is None:
        return f"未知的事件类型 {e.type[:40]}(可能需要升级本机软件)"
    if not r.performed_by(sender["role"]):
        return f"{ROLES[sender['role']].label}工作站不能办理“{r.label}”"
    return ""
