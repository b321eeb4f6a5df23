"""Stable status codes of an application (used in files, JSON output and bundles)."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    DRAFT = "draft"
    RECEIVED = "received"
    REFUSED = "refused"
    INVESTIGATED = "investigated"
    DELIBERATED = "deliberated"
    REVIEWED = "reviewed"
    REJECTED_VILLAGE = "rejected_village"
    ON_NOTICE = "on_notice"
    NOTICE_DONE = "notice_done"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"
    APPROVED = "approved"
    REJECTED = "rejected"
    REFERRED = "referred"
    COUNTY_DECIDED = "county_decided"  # the county decided; the township records it
    RETURNED = "returned"
    RESULT_POSTED = "result_posted"
    PAID = "paid"
    FILED = "filed"
    PAID_FIRST = "paid_first"


STATUS_LABELS: dict[str, str] = {
    "draft": "草稿",
    "received": "已受理",
    "refused": "不予受理",
    "investigated": "已调查",
    "deliberated": "已评议",
    "reviewed": "初审通过",
    "rejected_village": "初审不通过",
    "on_notice": "公示中",
    "notice_done": "公示期满",
    "submitted": "已上报",
    "acknowledged": "乡镇已接收",
    "approved": "批准",
    "rejected": "不批准",
    "referred": "转县审批",
    "county_decided": "县局已决定",
    "returned": "退回补充",
    "result_posted": "结果已公示",
    "paid": "已发放",
    "filed": "已备案",
    "paid_first": "先行救助",
}

# A case in one of these states will not move again.
CLOSED = frozenset({Status.REFUSED, Status.REJECTED_VILLAGE, Status.REJECTED, Status.FILED})


def status_label(code: str) -> str:
    return STATUS_LABELS.get(code, code)
