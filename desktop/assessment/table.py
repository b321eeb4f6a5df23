"""The ranked tables of an assessment as the command line, the PDF and the workbook show
them: one per level (乡镇民政办, 村级民生员), each item's raw figure beside its points, and
the score. One function makes the cells, so the three say the same numbers."""

from __future__ import annotations

from desktop.assessment.report import Assessment
from desktop.core import assessment_items as kh


def item_keys(lines: list[dict]) -> list[str]:
    """The items of a table, in the rule book's order (the county adds its own)."""
    present = {k for ln in lines for k in ln["items"]}
    return [k for k in kh.ITEMS if k in present]


def tables(a: Assessment) -> list[tuple[str, list[str], list[dict]]]:
    """(title, item keys, lines) of each table that has lines."""
    out = []
    for title, lines in ((f"{kh.LEVEL_LABELS['township']}考核", a.townships),
                         (f"{kh.LEVEL_LABELS['village']}考核", a.villages)):
        if lines:
            out.append((title, item_keys(lines), lines))
    return out


def place_of(line: dict) -> str:
    """At the county a village is named with its township."""
    return f"{line['township']}·{line['name']}" if line.get("township") else line["name"]


def cells(line: dict, keys: list[str]) -> list[str]:
    """名次, 名称, each item as 'raw · points', 得分."""
    out = [str(line["rank"]), place_of(line)]
    for k in keys:
        item = line["items"].get(k)
        out.append("" if item is None else
                   f"{kh.raw_text(k, item['raw'])}\n{kh.tenths(item['points'])}")
    return out + [kh.tenths(line["score"])]


def headers(keys: list[str], weights: dict[str, int] | None = None) -> list[str]:
    return (["名次", "名称"] + [kh.ITEMS[k].label for k in keys] + ["得分"])


def as_text(a: Assessment) -> list[str]:
    """Lines for the terminal: one per assessed place, tab-separated."""
    out = [f"{a.place} {a.month} 目标管理考核"
           + (f"(第 {a.version} 版公布)" if a.version else
              "(尚未公布,按现有数据计算)" if a.level == "township" else "")]
    if a.level == "village" and not a.villages:
        out.append("乡镇还没有送来本月的考核结果(公布后随乡镇的数据包送达)。")
    for title, keys, lines in tables(a):
        out += ["", title, "\t".join(headers(keys))]
        out += ["\t".join(c.replace("\n", " ") for c in cells(ln, keys)) for ln in lines]
    if a.unpublished:
        out += ["", f"尚未公布本月考核的乡镇:{'、'.join(a.unpublished)}"]
    for n in a.notes:
        out += ["", f"讲评({n['date']},{n['by']},第 {n['number']} 条):{n['text']}"]
    return out
