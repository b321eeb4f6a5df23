"""The public identity card of a workstation, and its fingerprint.

The card (workstation id, role, region, names, two public keys) is exchanged once, in
person, on a USB stick. Trust rests on a person comparing the fingerprint printed on the
other side's identity sheet with the one this program shows, so the fingerprint is digits
in groups of five: easy to read aloud over the phone, hard to mis-hear."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from desktop.core.errors import Refusal, os_reason
from desktop.core.regions import check_codes
from desktop.core.roles import ROLES
from desktop.core.workstation import PLACE_FIELDS, safe_place
from desktop.storage.attachments import write_atomically
from desktop.storage.eventlog import canonical
from desktop.sync.keys import KeyPair, load_or_create
from desktop.textin import check_text

CARD_FORMAT = "relief-desk-identity"
CARD_VERSION = 1
CARD_FIELDS = ("workstation_id", "role", "county", "county_code", "township",
               "township_code", "village", "village_code", "officer", "signing_key",
               "encryption_key")
FINGERPRINT_DIGITS = 30  # six groups of five: about 100 bits
MAX_CARD_BYTES = 64 * 1024


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def keys_of(store) -> KeyPair:
    """This workstation's keys, created the first time they are needed."""
    return load_or_create(store.path.parent, store.workstation["id"])


def own_card(store) -> dict:
    ws, pair = store.workstation, keys_of(store)
    card = {k: ws.get(k) or "" for k in CARD_FIELDS[:9]}
    card["workstation_id"] = ws["id"]
    card["signing_key"] = b64(pair.public_signing())
    card["encryption_key"] = b64(pair.public_encryption())
    return card


def fingerprint(card: dict) -> str:
    """30 digits from SHA-256 of every field of the card (names and codes included, so a
    card whose place was altered shows a different fingerprint too)."""
    body = canonical({k: card.get(k, "") for k in CARD_FIELDS}).encode("utf-8")
    number = int.from_bytes(hashlib.sha256(body).digest()[:16], "big")
    return f"{number % 10 ** FINGERPRINT_DIGITS:0{FINGERPRINT_DIGITS}d}"


def show_fingerprint(digits: str) -> str:
    return " ".join(digits[i:i + 5] for i in range(0, len(digits), 5))


def typed_fingerprint(text: str) -> str:
    """What a person typed, spaces, dashes and full-width digits allowed."""
    digits = "".join(str(int(ch)) for ch in text if ch.isdigit())
    if len(digits) != FINGERPRINT_DIGITS or re.sub(r"[\d\s\-—]", "", text):
        raise Refusal(f"指纹“{text}”格式不对:应为 {FINGERPRINT_DIGITS} 位数字"
                      f"(每 5 位一组,例如 12345 67890 …)。请照身份信息表逐位输入。")
    return digits


def place_name(card: dict) -> str:
    return (card.get("village") or card.get("township") or card.get("county")
            or card.get("workstation_id", "")[:8])


def export_card(store, target: Path) -> dict:
    card = own_card(store)
    doc = {"format": CARD_FORMAT, "version": CARD_VERSION, **card}
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(Path(target), text.encode("utf-8"))
    except OSError as exc:
        raise Refusal(f"无法写入 {target}:{os_reason(exc)}。请换一个可写的位置(U 盘是否已满或写保护?)。"
                      ) from None
    return card


def read_card(path: Path) -> dict:
    """A card from a file, or a refusal saying what is wrong with it."""
    try:
        raw = Path(path).read_bytes()[:MAX_CARD_BYTES + 1]
    except FileNotFoundError:
        raise Refusal(f"找不到文件 {path},请检查路径。") from None
    except OSError as exc:
        raise Refusal(f"无法读取 {path}:{os_reason(exc)}。") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
        raise Refusal(f"{path} 不是民生救助工作台的身份文件。请让对方用“导出身份文件”重新生成。")
    if not isinstance(doc.get("version"), int) or doc["version"] > CARD_VERSION:
        raise Refusal(f"{path} 由更新版本的软件生成,本机无法识别。请先升级本机软件。")
    check_text(doc, f"身份文件 {path}")  # a lone surrogate would break the fingerprint
    return _checked_card(doc, path)


def _checked_card(doc: dict, path) -> dict:
    card = {k: doc.get(k) for k in CARD_FIELDS}
    bad = [k for k, v in card.items() if not isinstance(v, str)]
    if not bad and card["role"] not in ROLES:
        bad = ["role"]
    try:
        ok_keys = all(len(unb64(card[k])) == 32 for k in ("signing_key", "encryption_key"))
    except (ValueError, TypeError, AttributeError):
        ok_keys = False
    if bad or not ok_keys or not re.fullmatch(r"[0-9a-f]{32}", card["workstation_id"] or ""):
        raise Refusal(f"身份文件 {path} 内容不完整或已损坏({', '.join(bad) or '密钥'})。"
                      f"请让对方重新导出身份文件。")
    try:
        check_codes(county_code=card["county_code"], township_code=card["township_code"],
                    village_code=card["village_code"], role=card["role"])
    except Refusal as exc:
        raise Refusal(f"身份文件 {path} 的区划代码无效:{exc.message}"
                      f"请让对方核对后重新导出身份文件。") from None
    bad_name = next((k for k in PLACE_FIELDS if not safe_place(card[k])), None)
    if bad_name:
        raise Refusal(f"身份文件 {path} 中的名称“{card[bad_name][:40]}”含有不允许的字符"
                      f"(路径符号或控制字符)。请让对方核对后重新导出身份文件。")
    return card

