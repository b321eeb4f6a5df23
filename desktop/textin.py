"""JSON that a person or another workstation handed us (application files, step fields,
identity cards, filing files): decoded strictly, so what comes out can be stored,
hashed and printed.

`json.loads` accepts an escape such as "\\ud800" (half of a UTF-16 pair) and returns a
string that SQLite, the hash and the terminal all refuse later, far from the file that
carried it. Such a file is refused here, as bad input, with the file's name."""

from __future__ import annotations

import json

from desktop.core.errors import Refusal


def parse_json(raw: bytes, name: str, *, what: str = "有效的 JSON 文件") -> object:
    """The document in `raw` (UTF-8, a BOM allowed), or a one-line refusal saying why not."""
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise Refusal(f"{name} 不是 UTF-8 编码的文本,请另存为 UTF-8 后再试。") from None
    except json.JSONDecodeError as exc:
        raise Refusal(f"{name} 不是{what}:第 {exc.lineno} 行第 {exc.colno} 列,"
                      f"{exc.msg}。") from None
    except RecursionError:
        raise Refusal(f"{name} 嵌套层次过深,不是{what}。") from None
    check_text(doc, name)
    return doc


def check_text(doc: object, name: str) -> None:
    """Refuses a document holding a lone surrogate anywhere (a key or a value)."""
    try:
        json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise Refusal(f"{name} 含有无效的字符(不成对的 UTF-16 代理项,如 \\ud800),"
                      f"不能使用。请检查生成该文件的程序,改正后再试。") from None
    except (RecursionError, ValueError):
        raise Refusal(f"{name} 嵌套层次过深,不能使用。") from None
