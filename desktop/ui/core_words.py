"""The domain's words that desktop/core makes in Chinese — status names, the rule book's
step names, programmes, categories, reasons, deadlines, flags, notice batches, policy settings, the monthly figures' and 考核's
columns — as the window shows them in the interface's language.

The core keeps them Chinese: they are recorded in events, printed on notices and shown by
the command line. The window passes each through `word(kind, text)` where it shows it, so
the ledger, the case view, its step buttons and the township's tables read in English in
the English window. Each kind is a disambiguation of its own (批准 the status is
"Approved", 批准 the step "Approve"); `_words()` is where lupdate finds them, and the test
checks it holds every label the core can make."""

from __future__ import annotations

from desktop.core import categories, setting_labels, status
from desktop.ui.i18n import tr

STATUS, STEP, PROGRAMME, CATEGORY, REASON, DUE, COLUMN, FLAG, NOTICE, SETTING = (
    "status", "step", "programme", "category", "reason", "deadline", "column", "flag", "notice",
    "setting")


def word(kind: str, text: str) -> str:
    """`text`, a label made by the core, in the interface's language (as it is when
    there is no translation: a label the core gained later stays readable)."""
    return tr(text, kind) if text else text


def status_word(label: str) -> str:
    return word(STATUS, label)


def step_word(label: str) -> str:
    return word(STEP, label)


def category_word(label: str) -> str:
    return word(CATEGORY, label)


def reason_word(label: str) -> str:
    return word(REASON, label)


def programme_word(label: str) -> str:
    return word(PROGRAMME, label)


def due_word(label: str) -> str:
    return word(DUE, label)


def flag_word(label: str) -> str:
    """A case's flag as the ledger's tooltip and the case view name it (queries.FLAG_LABELS)."""
    return word(FLAG, label)


def notice_word(label: str) -> str:
    """A notice batch's kind or state (storage/notice_queries: 初审公示, 公示中 …)."""
    return word(NOTICE, label)


def column_word(label: str) -> str:
    """A column of the monthly figures or of 考核 (its "(元)"/"(工作日)" part included)."""
    return word(COLUMN, label)


# The core's look-ups by code, in the interface's language: a UI module imports these
# in place of desktop.core's (same names, same arguments).
def status_label(code: str) -> str:
    return status_word(status.status_label(code))


def category_label(code: str) -> str:
    return category_word(categories.category_label(code))


def reason_label(code: str) -> str:
    return reason_word(categories.reason_label(code))


def program_label(code: str) -> str:
    return programme_word(categories.program_label(code))


def setting_label(key: str) -> str:
    """A policy setting's name (core/setting_labels) in the interface's language."""
    return word(SETTING, setting_labels.setting_label(key))


def _words() -> dict[str, list[str]]:
    """Every word by kind, each in a tr() call of its own so that lupdate extracts it."""
    return {
        STATUS: [
            tr("草稿", "status"), tr("已受理", "status"), tr("不予受理", "status"),
            tr("已调查", "status"), tr("已评议", "status"), tr("初审通过", "status"),
            tr("初审不通过", "status"), tr("公示中", "status"), tr("公示期满", "status"),
            tr("已上报", "status"), tr("乡镇已接收", "status"), tr("批准", "status"),
            tr("不批准", "status"), tr("转县审批", "status"), tr("县局已决定", "status"),
            tr("退回补充", "status"), tr("结果已公示", "status"), tr("已发放", "status"),
            tr("已备案", "status"), tr("先行救助", "status"),
        ],
        STEP: [
            tr("受理", "step"), tr("乡镇接收", "step"), tr("批准", "step"),
            tr("公示期满", "step"), tr("县局审批", "step"), tr("民主评议", "step"),
            tr("低保复核决定", "step"), tr("登记低保变动异议", "step"),
            tr("处理低保变动异议", "step"), tr("低保复核", "step"), tr("备案", "step"),
            tr("转达县局抽查结果", "step"), tr("入户调查", "step"),
            tr("送达不予批准通知书", "step"), tr("登记异议", "step"), tr("发放", "step"),
            tr("先行救助", "step"), tr("张榜公示", "step"), tr("结果公示", "step"),
            tr("转县审批", "step"), tr("不予受理", "step"), tr("不批准", "step"),
            tr("处理异议", "step"), tr("退回补充", "step"), tr("初审", "step"),
            tr("抽查核查", "step"), tr("抽查抽中", "step"), tr("上报乡镇", "step"),
        ],
        PROGRAMME: [tr("临时救助", "programme"), tr("最低生活保障", "programme")],
        CATEGORY: [tr("急难型", "category"), tr("支出型", "category"), tr("低保", "category")],
        REASON: [
            tr("火灾", "reason"), tr("交通事故", "reason"), tr("其他意外事故", "reason"),
            tr("突发重大疾病", "reason"), tr("其他特殊困难", "reason"),
            tr("突发必需医疗支出", "reason"), tr("教育支出", "reason"),
            tr("其他刚性支出", "reason"), tr("因病致贫", "reason"), tr("因残致贫", "reason"),
            tr("缺乏劳动能力", "reason"), tr("因灾致贫", "reason"), tr("其他原因", "reason"),
        ],
        DUE: [
            tr("开始入户调查", "deadline"), tr("先行救助后补办手续", "deadline"),
            tr("公示期结束", "deadline"), tr("办结(受理至审批)", "deadline"),
            tr("办结", "deadline"), tr("乡镇审批", "deadline"), tr("结果公示", "deadline"),
            tr("书面告知不予批准", "deadline"),
        ],
        FLAG: [
            tr("近亲属备案", "flag"), tr("一事一次:本年同一事由重复申请", "flag"),
            tr("金额超过乡镇审批上限", "flag"),
        ],
        NOTICE: [
            tr("初审公示", "notice"), tr("结果公示", "notice"), tr("低保变动公示", "notice"),
            tr("未开始", "notice"), tr("公示中", "notice"), tr("期满待结束", "notice"),
            tr("已结束", "notice"), tr("已撤回", "notice"), tr("结果公示中", "notice"),
            tr("结果公示期满", "notice"),
        ],
        SETTING: [
            tr("受理后开始调查(工作日)", "setting"), tr("临时救助公示天数", "setting"), tr("低保公示天数", "setting"),
            tr("乡镇审批期限(工作日)", "setting"), tr("书面告知不批准(工作日)", "setting"),
            tr("受理至决定(工作日)", "setting"), tr("延长后期限(工作日)", "setting"),
            tr("先行救助后补办手续(工作日)", "setting"), tr("决定后结果公示(工作日)", "setting"),
            tr("临近期限提示(工作日)", "setting"), tr("村未报送提示(天)", "setting"),
            tr("低保月标准(元)", "setting"), tr("乡镇审批上限(低保标准倍数)", "setting"),
            tr("县级审批上限(低保标准倍数)", "setting"), tr("申请金额上限(元)", "setting"),
            tr("先行救助上限(元,0 为乡镇上限)", "setting"), tr("超过公示金额须重新公示(%)", "setting"),
            tr("低保金额计算方法", "setting"), tr("低保差额最低(元/人·月)", "setting"),
            tr("低保分档·A类(元/人·月)", "setting"), tr("低保分档·B类(元/人·月)", "setting"),
            tr("低保分档·C类(元/人·月)", "setting"), tr("低保复核间隔·A类(月)", "setting"),
            tr("低保复核间隔·B类(月)", "setting"), tr("低保复核间隔·C类(月)", "setting"),
            tr("低保复核临近提示(月)", "setting"), tr("低保渐退期(月)", "setting"),
            tr("渐退期发放比例(%)", "setting"), tr("申请人最低年龄", "setting"), tr("可不经评议", "setting"),
            tr("村民代表占比(分子)", "setting"), tr("村民代表占比(分母)", "setting"),
            tr("评议过半数的基数", "setting"), tr("法定节假日", "setting"), tr("调休上班日", "setting"),
            tr("保留备份份数", "setting"), tr("村委会电话", "setting"), tr("乡镇民政办电话", "setting"),
            tr("每月抽查件数(每乡镇)", "setting"), tr("考核分值·调查按期", "setting"),
            tr("考核分值·公示足期有照片", "setting"), tr("考核分值·上报按期", "setting"),
            tr("考核分值·按期报送", "setting"), tr("考核分值·异议成立", "setting"), tr("考核分值·被退回", "setting"),
            tr("考核分值·风险提示", "setting"), tr("考核分值·材料完整", "setting"), tr("考核分值·审批按期", "setting"),
            tr("考核分值·发放按期", "setting"), tr("考核分值·备案按期", "setting"),
            tr("考核分值·转县已批复", "setting"), tr("考核分值·各村平均", "setting"),
            tr("考核分值·抽查无问题", "setting"), tr("考核扣分·每件异议成立", "setting"),
            tr("考核扣分·每件被退回", "setting"), tr("考核扣分·每件风险提示", "setting"),
            tr("考核·公示期满后上报(工作日)", "setting"), tr("考核·结果公示后发放(工作日)", "setting"),
            tr("考核·发放后备案(工作日)", "setting"),
        ],
        COLUMN: [
            # the monthly figures (township/figures.table_rows)
            tr("村", "column"), tr("合计", "column"), tr("上报", "column"),
            tr("批准", "column"), tr("不批准", "column"), tr("转县", "column"),
            tr("退回", "column"), tr("发放", "column"),
            tr("批准金额·急难型(元)", "column"), tr("批准金额·支出型(元)", "column"),
            tr("批准金额·低保(元)", "column"), tr("先行救助(元)", "column"),
            tr("发放金额(元)", "column"), tr("支出合计(元)", "column"),
            tr("受理→调查(工作日)", "column"), tr("调查→评议(工作日)", "column"),
            tr("评议→初审(工作日)", "column"), tr("公示期满→上报(工作日)", "column"),
            tr("上报→接收(工作日)", "column"), tr("接收→决定(工作日)", "column"),
            tr("结果公示→发放(工作日)", "column"), tr("调查按期", "column"),
            tr("公示足期", "column"), tr("审批按期", "column"), tr("办结按期", "column"),
            # 考核 (assessment/table.headers)
            tr("名次", "column"), tr("名称", "column"), tr("得分", "column"),
            tr("公示足期有照片", "column"), tr("上报按期", "column"), tr("按期报送", "column"),
            tr("异议成立", "column"), tr("被退回", "column"), tr("风险提示", "column"),
            tr("材料完整", "column"), tr("发放按期", "column"), tr("备案按期", "column"),
            tr("转县已批复", "column"), tr("各村平均", "column"), tr("抽查无问题", "column"),
        ],
    }
