"""Issue 13 in the village's case view: a second name for an ID number already on file
here is shown with both names, without being asked for."""

from __future__ import annotations

from desktop.operations.casework import Casework
from desktop.ui.case_view import CaseView
from tests.helpers import TODAY, make_application, make_id, make_store


def test_the_case_view_shows_a_second_name_for_the_same_id_number(qtbot, tmp_path):
    store = make_store(tmp_path)
    try:
        work = Casework(store, TODAY)
        number = make_id()
        docs = [make_application(), make_application(), make_application()]
        for doc, name in zip(docs, ("张三", "王五", "李四"), strict=True):
            doc["applicant"] = dict(doc["applicant"], name=name)
        docs[0]["applicant"]["id_number"] = docs[1]["applicant"]["id_number"] = number
        first, second, other = work.receive_many(docs)
        view = CaseView(work, second)
        qtbot.addWidget(view)
        text = view.header.text()
        assert "一号多名" in text and "“张三”" in text and "“王五”" in text and first in text
        clean = CaseView(work, other)
        qtbot.addWidget(clean)
        assert "一号多名" not in clean.header.text()
    finally:
        store.close()
