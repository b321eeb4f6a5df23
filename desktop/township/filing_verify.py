"""The county's check of a filing register (`relief-desk filing verify FILE --card CARD`).

A signature says only that the key on the card signed the file. Anyone can make a card
that copies a township's id and names and carries their own key, so the check also
shows the card's fingerprint for the person to compare with the township's identity
sheet (or compares the one given with --fingerprint), requires the fingerprint the
township recorded when it signed to be the card's, and checks the PDF and the workbook
beside the signed file against the digests it carries. The file is read as hostile: a
body of the wrong shape is refused before any of its values is used."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal, os_reason
from desktop.storage.eventlog import canonical
from desktop.textin import parse_json
from desktop.township.filing import FILING_FORMAT, FILING_VERSION, totals

MAX_FILING_BYTES = 50 * 1024 * 1024  # a register of 100,000 cases is about 40 MB
SIDE_FILES = ("pdf", "xlsx")
_ASK = "请向乡镇民政办索取原件。"

# The body's shape: key -> type (a tuple: any of them); nested dicts have their own.
TOWNSHIP_KEYS = ("workstation_id", "county", "county_code", "township", "township_code",
                 "officer")
CASE_TEXT = ("id", "village", "applicant_name", "applicant_id_number", "program",
             "category", "reason", "decided_on", "approver", "county_ref", "paid_on",
             "method")
CASE_FEN = ("approved_fen", "paid_first_fen", "paid_fen")
BODY_TYPES = {"format": str, "version": int, "register_no": str, "created": str,
              "period": dict, "township": dict, "fingerprint": str, "cases": list,
              "totals": dict, "files_sha256": dict}


def verify_filing(path: Path, card: dict, confirmed_fingerprint: str = "") -> dict:
    """The register's body if the township of `card` signed it and the files beside it
    unchanged; else a Refusal naming what is wrong."""
    from desktop.sync.identity import fingerprint, show_fingerprint

    path = Path(path)
    body, signature = _read(path)
    shown = fingerprint(card)
    if confirmed_fingerprint and confirmed_fingerprint != shown:
        raise Refusal(f"所给身份文件的指纹是 {show_fingerprint(shown)},与您核对的指纹不同:"
                      f"这不是该乡镇的身份文件。请向乡镇民政办索取身份文件,以身份信息表上的指纹为准。")
    if body["township"]["workstation_id"] != card["workstation_id"]:
        raise Refusal(f"{path} 由另一个工作站签发,与所给身份文件({card.get('township')})不符。")
    if body["fingerprint"] != shown:
        raise Refusal(f"{path} 记录的签发工作站指纹 {show_fingerprint(body['fingerprint'])} "
                      f"与所给身份文件的指纹 {show_fingerprint(shown)} 不同:身份文件不是签发"
                      f"这份备案的那一份。请向乡镇民政办索取其身份文件,以身份信息表上的指纹为准。")
    _check_signature(path, body, signature, card)
    computed = totals(body["cases"])  # a filing signed before 先行救助 was listed has fewer
    if any(computed.get(k) != v for k, v in body["totals"].items()):
        raise Refusal(f"{path} 的合计与明细不符,请向乡镇民政办核实。")
    for kind in SIDE_FILES:
        _check_side_file(path.with_suffix(f".{kind}"), body["files_sha256"][kind])
    return body


def _read(path: Path) -> tuple[dict, bytes]:
    from desktop.sync.identity import unb64

    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILING_BYTES + 1)
    except FileNotFoundError:
        raise Refusal(f"找不到文件 {path},请检查路径。") from None
    except OSError as exc:
        raise Refusal(f"无法读取 {path}:{os_reason(exc)}。") from None
    if len(raw) > MAX_FILING_BYTES:
        raise _malformed(path, "文件过大")
    doc = parse_json(raw, str(path), what="民生救助工作台的备案文件")
    if not isinstance(doc, dict) or not isinstance(doc.get("body"), dict):
        raise _malformed(path, "缺少签名内容")
    problem = body_problem(doc["body"])
    if problem:
        raise _malformed(path, problem)
    try:
        signature = unb64(doc.get("signature"))
    except (ValueError, TypeError, AttributeError):
        raise _malformed(path, "签名格式不对") from None
    return doc["body"], signature


def _malformed(path: Path, what: str) -> Refusal:
    return Refusal(f"{path} 不是民生救助工作台的备案文件,或已损坏({what})。{_ASK}")


def body_problem(body: dict) -> str:
    """What is wrong with the body's shape, in a few words; "" when nothing is."""
    for key, kind in BODY_TYPES.items():
        if type(body.get(key)) is not kind:
            return f"{key} 缺失或类型不对"
    if body["format"] != FILING_FORMAT:
        return "格式标记不对"
    if body["version"] > FILING_VERSION:
        return f"由更新版本的软件生成(版本 {body['version']}),请先升级本机软件"
    if not _texts(body["township"], TOWNSHIP_KEYS):
        return "township 缺失或类型不对"
    if not re.fullmatch(r"\d{30}", body["fingerprint"]):
        return "fingerprint 格式不对"
    if not (_texts(body["period"], ("start", "end")) and _dates(body["period"])):
        return "period 格式不对"
    if not all(_case_ok(c) for c in body["cases"]):
        return "cases 中有格式不对的记录"
    if not all(type(body["totals"].get(k)) is int for k in ("cases", "approved_fen",
                                                            "paid_fen")):
        return "totals 格式不对"
    if not all(isinstance(body["files_sha256"].get(k), str)
               and re.fullmatch(r"[0-9a-f]{64}", body["files_sha256"][k]) for k in SIDE_FILES):
        return "files_sha256 格式不对"
    return ""


def _texts(value: dict, keys) -> bool:
    return all(isinstance(value.get(k), str) for k in keys)


def _dates(period: dict) -> bool:
    try:
        return date.fromisoformat(period["start"]) <= date.fromisoformat(period["end"])
    except ValueError:
        return False


def _case_ok(case) -> bool:
    return (isinstance(case, dict) and _texts(case, CASE_TEXT)
            and type(case.get("household_size")) is int
            and all(case.get(k) is None or type(case[k]) is int for k in CASE_FEN))


def _check_signature(path: Path, body: dict, signature: bytes, card: dict) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from desktop.sync.identity import unb64

    try:
        Ed25519PublicKey.from_public_bytes(unb64(card["signing_key"])).verify(
            signature, canonical(body).encode("utf-8"))
    except InvalidSignature:
        raise Refusal(f"{path} 的签名不对:文件在签发后被改动过,或不是该乡镇签发的。{_ASK}") from None


def _check_side_file(side: Path, expected: str) -> None:
    """The PDF or workbook exported with the signed file, byte for byte."""
    digest = hashlib.sha256()
    try:
        with open(side, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
    except FileNotFoundError:
        raise Refusal(f"找不到 {side.name}:备案登记册的 PDF、Excel 和签名文件应放在同一文件夹、"
                      f"保持原名。请把三个文件一起放好后再核对。") from None
    except OSError as exc:
        raise Refusal(f"无法读取 {side}:{os_reason(exc)}。") from None
    if digest.hexdigest() != expected:
        raise Refusal(f"{side.name} 与签名文件中记录的校验值不符:该文件在签发后被改动过"
                      f"或被替换。{_ASK}")
