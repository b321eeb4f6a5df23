"""The fields of a village's notice-batch records (rule book entries that are no case
step, record id `<village code>-<notice id>`): its result notice and the photo of a
posted sheet. The photo's file name is a name, never a path: it is where the township
keeps the attachment."""

from __future__ import annotations

import re

from desktop.core import fields as f
from desktop.core.categories import PROGRAMS
from desktop.core.errors import FieldError
from desktop.core.steps import plain_date, record_id

_SHA256 = re.compile(r"[0-9a-f]{64}")
_UNSAFE_FILE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]|^\.|\.\.")


def result_issued(errors, fi, case, today, policy) -> dict:
    return {"notice_id": record_id(errors, "notice_id", fi.get("notice_id"), "结果公示批次号"),
            "village_code": f.text(errors, "village_code", fi.get("village_code"),
                                   required=True, max_len=12, label="村代码"),
            "program": f.choice(errors, "program", fi.get("program"), PROGRAMS,
                                label="救助项目"),
            "date": plain_date(errors, fi, today, label="公示日期"),
            "days": f.count(errors, "days", fi.get("days"), minimum=1, maximum=60,
                            label="公示天数"),
            "board": f.text(errors, "board", fi.get("board"), required=True, max_len=200,
                            label="张贴地点")}


def photo_attached(errors, fi, case, today, policy) -> dict:
    name = f.text(errors, "file_name", fi.get("file_name"), required=True, max_len=100,
                  label="照片文件名")
    if name and _UNSAFE_FILE.search(name):
        errors.append(FieldError("file_name", f"照片文件名“{name}”含有路径或不允许的字符。"))
    digest = f.text(errors, "photo_sha256", fi.get("photo_sha256"), required=True,
                    max_len=64, label="照片校验值")
    if digest and not _SHA256.fullmatch(digest):
        errors.append(FieldError("photo_sha256", "照片校验值应为 64 位十六进制数字。"))
    return {"notice_id": record_id(errors, "notice_id", fi.get("notice_id"), "公示批次号"),
            "village_code": f.text(errors, "village_code", fi.get("village_code"),
                                   required=True, max_len=12, label="村代码"),
            "photo_sha256": digest, "file_name": name,
            "date": plain_date(errors, fi, today, label="拍照日期")}
