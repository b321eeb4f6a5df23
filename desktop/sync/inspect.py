"""`bundle verify`: who made a bundle, for whom, when, what it carries, and whether it is
intact, without importing anything. The sender can check the file it has just put on the
stick (its own signature); the recipient can also open the payload and check every event."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.sync import bundle
from desktop.sync.identity import keys_of, place_name, unb64
from desktop.sync.peers import peer
from desktop.sync.verify import ACTION_OF_TYPE, read_file, read_verified


def inspect_bundle(store, path: Path) -> str:
    """A report; refuses (exit 2) when the file is damaged, altered or not a bundle."""
    name = Path(path).name
    parsed = bundle.unpack(read_file(path), name)
    h, own = parsed.header, store.workstation
    lines = _header_lines(h)
    if h["recipient"]["workstation_id"] == own["id"]:
        v = read_verified(store, path)
        lines.append(f"完整性:签名正确,内容已解密核对({_contents(v.events)})。")
    elif h["sender"]["workstation_id"] == own["id"]:
        bundle.check_signature(parsed, keys_of(store).public_signing(), name)
        lines.append("完整性:本机签名正确,文件完整。内容已加密,只有收件方能打开。")
    else:
        sender = peer(store.db, h["sender"]["workstation_id"])
        if not sender:
            raise Refusal("\n".join(lines) + f"\n无法核对:发送方未在本机登记,本机也不是收件方。"
                          f"请在收件方({h['recipient'].get('place', '?')})的电脑上核对。")
        bundle.check_signature(parsed, unb64(sender["signing_key"]), name)
        lines.append("完整性:签名正确,文件完整。本机不是收件方,不能导入。")
    return "\n".join(lines)


def _header_lines(h: dict) -> list[str]:
    s, r = h["sender"], h["recipient"]
    rng = h["ranges"][0] if h["ranges"] else {}
    seqs = (f"第 {rng.get('first_seq')}–{rng.get('last_seq')} 号(接续第 {rng.get('since')} 号)"
            if h["events"] else "无新事件(仅回执)")
    return [f"数据包 {h['bundle_id']}(格式版本 {h['format_version']})",
            f"发送方:{s.get('place', '?')}(工作站 {s['workstation_id'][:8]},{s.get('role', '?')})",
            f"收件方:{r.get('place', '?')}(工作站 {r['workstation_id'][:8]})",
            f"生成时间:{h['created'][:19].replace('T', ' ')}(UTC),第 {h.get('number', '?')} 包",
            f"内容:事件 {h['events']} 个,{seqs};附件 {h['attachments']} 个"]


def _contents(events) -> str:
    cases = {e.case_id for e in events}
    kinds = Counter(ACTION_OF_TYPE.get(e.type, "receive") for e in events)
    top = "、".join(f"{k} {n}" for k, n in kinds.most_common(6))
    return f"涉及案件 {len(cases)} 件" + (f";{top}" if top else "")


__all__ = ["inspect_bundle", "place_name"]
