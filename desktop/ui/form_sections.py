"""The group boxes of the application form. Each input is registered with the form under
its document path (e.g. "applicant.id_number"), which is also the path of its errors."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.core.categories import (
    DOCUMENTS,
    ETHNICITIES,
    HEALTH_STATES,
    HOUSEHOLD_TYPES,
    MARITAL_STATUSES,
    PROGRAMS,
    WORK_ABILITIES,
)
from desktop.ui import widgets as w
from desktop.ui.i18n import tr
from desktop.ui.members_table import MembersModel, members_delegate


def applicant_section(form) -> QGroupBox:
    box = QGroupBox(tr("申请人"))
    lay = QFormLayout(box)
    form.identity_info = QLabel()
    form.identity_info.setStyleSheet("color:#555;")
    rows = (  # i18n: data (the combos' defaults are recorded values)
        (tr("姓名"), "applicant.name", w.line_edit(tr("按户口簿填写"), 40), None),
        (tr("身份证号"), "applicant.id_number", w.line_edit(tr("18 位身份证号"), 40), None),
        ("", None, form.identity_info, None),
        (tr("民族"), "applicant.ethnicity", w.combo(ETHNICITIES, "汉族"), None),
        (tr("联系电话"), "applicant.phone", w.line_edit(tr("手机号或固定电话"), 20), None),
        (tr("村民小组"), "applicant.group", w.line_edit(tr("例如 第三村民小组"), 40), None),
        (tr("住址"), "applicant.address", w.line_edit("", 200), None),
        (tr("婚姻状况"), "applicant.marital_status", w.combo(MARITAL_STATUSES, "已婚"), None),
        (tr("健康状况"), "applicant.health", w.combo(HEALTH_STATES, "健康"), None),
        (tr("患病名称"), "applicant.illness", w.line_edit(tr("健康状况为“患病”时填写"), 100), None),
        (tr("残疾类别和等级"), "applicant.disability",
         w.line_edit(tr("健康状况为“残疾”时填写,例如 肢体残疾二级"), 100), None),
        (tr("劳动能力"), "applicant.work_ability", w.combo(WORK_ABILITIES, "有劳动能力"), None),
        (tr("家庭类别"), "applicant.household_type", w.combo(HOUSEHOLD_TYPES, "一般"), None),
    )
    for label, path, widget, extra in rows:
        lay.addRow(label, form.field(path, widget, extra) if path else widget)
    return box


def request_section(form) -> QGroupBox:
    box = QGroupBox(tr("救助事项"))
    lay = QFormLayout(box)
    rows = (
        (tr("救助项目"), "program", w.combo(PROGRAMS, "temporary_relief")),
        (tr("救助类型"), "category", w.combo({})),
        (tr("救助事由"), "reason", w.combo({})),
        (tr("情况说明"), "reason_detail", w.text_area(tr("简要说明困难情况"), 56)),
        (tr("申请金额(元)"), "requested_fen", w.yuan_edit()),
        (tr("受理日期"), "received_on", w.date_edit(form.today)),
    )
    for label, path, widget in rows:
        lay.addRow(label, form.field(path, widget))
    relative = QCheckBox(tr("申请人是村干部或经办人的近亲属(近亲属备案)"))
    lay.addRow("", form.field("officer_relative", relative))
    lay.addRow(tr("备案说明"), form.field("relative_note", w.line_edit(tr("与谁是什么关系"), 200)))
    draft = QCheckBox(tr("保存为草稿(材料未齐,暂不受理)"))
    lay.addRow("", form.field("draft", draft))
    return box


class CheckList(QListWidget):
    """A list of documents with a check box each."""

    toggled = Signal()

    def __init__(self, items):
        super().__init__()
        for text in items:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setFixedHeight(self.sizeHintForRow(0) * self.count() + 2 * self.frameWidth() + 2)
        self.itemChanged.connect(lambda _item: self.toggled.emit())

    def checked(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, text: str, on: bool) -> None:
        for i in range(self.count()):
            if self.item(i).text() == text:
                self.item(i).setCheckState(Qt.CheckState.Checked if on
                                           else Qt.CheckState.Unchecked)


def documents_section(form) -> QGroupBox:
    box = QGroupBox(tr("申请材料"))
    lay = QHBoxLayout(box)
    form.seen, form.missing = CheckList(DOCUMENTS), CheckList(DOCUMENTS)
    for title, lst in ((tr("已查验"), form.seen), (tr("缺少(一次性告知)"), form.missing)):
        col = QVBoxLayout()
        col.addWidget(QLabel(title))
        col.addWidget(lst)
        lay.addLayout(col)
    _exclusive(form.seen, form.missing)
    _exclusive(form.missing, form.seen)
    return box


def _exclusive(this: CheckList, other: CheckList) -> None:
    """A document cannot be both seen and missing: checking one side unchecks the other."""
    def changed(item):
        if item.checkState() == Qt.CheckState.Checked:
            other.set_checked(item.text(), False)
    this.itemChanged.connect(changed)


def household_section(form) -> QGroupBox:
    box = QGroupBox(tr("家庭经济状况"))
    lay = QFormLayout(box)
    rows = (
        (tr("家庭年收入(元)"), "household.annual_income_fen", w.yuan_edit()),
        (tr("收入来源"), "household.income_sources", w.line_edit(tr("例如 务农、务工"), 200)),
        (tr("家庭年支出(元)"), "household.annual_expenditure_fen", w.yuan_edit()),
        (tr("支出用途"), "household.expenditure_purposes", w.line_edit(tr("例如 住院医疗"), 200)),
        (tr("开户银行"), "household.bank_name", w.line_edit(tr("例如 农商银行"), 40)),
        (tr("银行账号"), "household.bank_account", w.line_edit(tr("12 到 25 位数字"), 30)),
        (tr("本年已救助次数"), "household.previous_relief_count", w.spin(100)),
        (tr("本年已救助金额(元)"), "household.previous_relief_fen", w.yuan_edit()),
    )
    for label, path, widget in rows:
        lay.addRow(label, form.field(path, widget))
    return box


def members_section(form) -> QGroupBox:
    box = QGroupBox(tr("家庭成员(申请人以外;性别、出生日期由身份证号自动得出)"))
    lay = QVBoxLayout(box)
    form.members = MembersModel(form.today, form)
    form.members_view = view = QTableView()
    view.setModel(form.members)
    view.setItemDelegate(members_delegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # Typing or F2 edits a cell; moving with Tab does not try to edit the derived ones
    # (性别, 出生日期), which Qt reported as "edit: editing failed".
    triggers = QAbstractItemView.EditTrigger
    view.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                         | triggers.EditKeyPressed | triggers.AnyKeyPressed)
    view.horizontalHeader().setStretchLastSection(True)
    for col, width in enumerate((70, 150, 36, 84, 76, 64)):
        view.setColumnWidth(col, width)
    view.setMinimumHeight(120)
    lay.addWidget(view)
    form.member_errors = w.ErrorLabel()
    lay.addWidget(form.member_errors)
    buttons = QHBoxLayout()
    add, remove = QPushButton(tr("添加成员")), QPushButton(tr("删除所选成员"))
    add.clicked.connect(lambda: _add_member(form))
    remove.clicked.connect(lambda: _remove_member(form))
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    lay.addLayout(buttons)
    return box


def _add_member(form) -> None:
    row = form.members.rowCount()
    form.members.insertRows(row, 1)
    index = form.members.index(row, 0)
    form.members_view.setCurrentIndex(index)
    form.members_view.edit(index)


def _remove_member(form) -> None:
    index = form.members_view.currentIndex()
    if index.isValid():
        form.members.removeRows(index.row(), 1)
