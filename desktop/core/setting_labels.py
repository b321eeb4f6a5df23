"""What each policy setting is called on screen (the command line's `policy show` and
the settings files use the key): the 本机政策 table, the county's edition form and every
refusal that names a setting say it in these words, never the key. Money settings are
in fen and shown in 元, as the labels say."""

from __future__ import annotations

SETTING_LABELS = {
    "investigation_start_days": "受理后开始调查(工作日)",
    "notice_days_temporary": "临时救助公示天数",
    "notice_days_dibao": "低保公示天数",
    "township_decision_days": "乡镇审批期限(工作日)",
    "rejection_notice_days": "书面告知不批准(工作日)",
    "case_total_days": "受理至决定(工作日)",
    "case_extended_days": "延长后期限(工作日)",
    "paperwork_after_pay_first_days": "先行救助后补办手续(工作日)",
    "result_notice_days": "决定后结果公示(工作日)",
    "soon_due_days": "临近期限提示(工作日)",
    "village_silent_days": "村未报送提示(天)",
    "dibao_monthly_standard_fen": "低保月标准(元)",
    "township_cap_multiple": "乡镇审批上限(低保标准倍数)",
    "county_cap_multiple": "县级审批上限(低保标准倍数)",
    "max_request_fen": "申请金额上限(元)",
    "paid_first_cap_fen": "先行救助上限(元,0 为乡镇上限)",
    "renotice_above_percent": "超过公示金额须重新公示(%)",
    "dibao_method": "低保金额计算方法",
    "dibao_minimum_per_person_fen": "低保差额最低(元/人·月)",
    "dibao_level_a_fen": "低保分档·A类(元/人·月)",
    "dibao_level_b_fen": "低保分档·B类(元/人·月)",
    "dibao_level_c_fen": "低保分档·C类(元/人·月)",
    "dibao_review_months_a": "低保复核间隔·A类(月)",
    "dibao_review_months_b": "低保复核间隔·B类(月)",
    "dibao_review_months_c": "低保复核间隔·C类(月)",
    "dibao_review_soon_months": "低保复核临近提示(月)",
    "dibao_exit_months": "低保渐退期(月)",
    "dibao_exit_share_percent": "渐退期发放比例(%)",
    "applicant_min_age": "申请人最低年龄",
    "deliberation_skippable": "可不经评议",
    "representatives_share_num": "村民代表占比(分子)",
    "representatives_share_den": "村民代表占比(分母)",
    "deliberation_majority_base": "评议过半数的基数",
    "holidays": "法定节假日",
    "extra_workdays": "调休上班日",
    "backups_kept": "保留备份份数",
    "village_committee_phone": "村委会电话",
    "township_office_phone": "乡镇民政办电话",
    "spot_check_cases": "每月抽查件数(每乡镇)",
    # 目标管理考核 (core/assessment_items.py): each item's points, costs and deadlines
    "assessment_investigation": "考核分值·调查按期",
    "assessment_notice": "考核分值·公示足期有照片",
    "assessment_submission": "考核分值·上报按期",
    "assessment_bundles": "考核分值·按期报送",
    "assessment_objections": "考核分值·异议成立",
    "assessment_returned": "考核分值·被退回",
    "assessment_flags": "考核分值·风险提示",
    "assessment_completeness": "考核分值·材料完整",
    "assessment_decision": "考核分值·审批按期",
    "assessment_payment": "考核分值·发放按期",
    "assessment_filing": "考核分值·备案按期",
    "assessment_referrals": "考核分值·转县已批复",
    "assessment_villages": "考核分值·各村平均",
    "assessment_spot_checks": "考核分值·抽查无问题",
    "assessment_per_upheld": "考核扣分·每件异议成立",
    "assessment_per_return": "考核扣分·每件被退回",
    "assessment_per_flagged": "考核扣分·每件风险提示",
    "assessment_submit_days": "考核·公示期满后上报(工作日)",
    "assessment_pay_days": "考核·结果公示后发放(工作日)",
    "assessment_file_days": "考核·发放后备案(工作日)",
}


def setting_label(key: str) -> str:
    """The setting's name on screen (an unknown key, as typed, is named as it is)."""
    return SETTING_LABELS.get(key, key)
