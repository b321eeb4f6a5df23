<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>民生救助工作台</source>
        <translation>Relief Desk</translation>
    </message>
    <message>
        <source>程序内部错误({kind}),操作未完成,已保存的数据不受影响。
详情已写入 {report},请交给维护人员。</source>
        <translation>Internal program error ({kind}): the action was not completed; saved data is not affected.
Details were written to {report}; please give them to your maintainer.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>劳动能力</source>
        <translation>Ability to work</translation>
    </message>
    <message>
        <source>新建申请 — 临时救助/低保</source>
        <translation>New application — temporary assistance / subsistence allowance (dibao)</translation>
    </message>
    <message>
        <source>显示所有问题(&amp;V)</source>
        <translation>Show all &amp;problems</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>第 {v} 位成员 {get}:{message}</source>
        <translation>Member {v}, {get}: {message}</translation>
    </message>
    <message>
        <source>家庭成员有 {n} 处需要修改(见成员表下方)。</source>
        <translation>{n} problem(s) in the household members (see below the members table).</translation>
    </message>
    <message>
        <source>出生日期、性别:按身份证号自动填写</source>
        <translation>Birth date and sex: filled in from the ID number</translation>
    </message>
    <message>
        <source>出生日期 {birth_date} · {sex}</source>
        <translation>Born {birth_date} · {sex}</translation>
    </message>
    <message>
        <source>已保存申请 {case_id}({text})。</source>
        <translation>Application {case_id} ({text}) saved.</translation>
    </message>
    <message>
        <source>后台工作出错({kind}),详情已写入 {exc}。</source>
        <translation>Background work failed ({kind}); details were written to {exc}.</translation>
    </message>
    <message>
        <source>{fen} 元</source>
        <translation>{fen} yuan</translation>
    </message>
    <message>
        <source>性别 / 出生日期</source>
        <translation>Sex / birth date</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Villager group</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>家庭类别</source>
        <translation>Household type</translation>
    </message>
    <message>
        <source>家庭人口</source>
        <translation>Household size</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} person(s)</translation>
    </message>
    <message>
        <source>救助项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>类型 / 事由</source>
        <translation>Category / reason</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>申请金额</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>已查验材料</source>
        <translation>Documents checked</translation>
    </message>
    <message>
        <source>各村得分(满分 100)</source>
        <translation>Villages&apos; scores (out of 100)</translation>
    </message>
    <message>
        <source>乡镇民政办</source>
        <translation>Township office</translation>
    </message>
    <message>
        <source>村级民生员(按得分排名)</source>
        <translation>Village officers (ranked by score)</translation>
    </message>
    <message>
        <source>查看(&amp;K)</source>
        <translation>Show (&amp;K)</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;P)…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;E)…</source>
        <translation>Export &amp;Excel…</translation>
    </message>
    <message>
        <source>公布本月考核(&amp;U)…</source>
        <translation>P&amp;ublish the month…</translation>
    </message>
    <message>
        <source>更正已公布的考核(&amp;R)…</source>
        <translation>Correct the published month (&amp;R)…</translation>
    </message>
    <message>
        <source>考核月份(年-月):</source>
        <translation>Assessment month (year-month):</translation>
    </message>
    <message>
        <source>本月讲评(发往各村或各乡镇)</source>
        <translation>This month&apos;s review note (sent to the villages or townships)</translation>
    </message>
    <message>
        <source>记录讲评(&amp;J)</source>
        <translation>Record the note (&amp;J)</translation>
    </message>
    <message>
        <source>第 {0} 版,已公布</source>
        <translation>published, version {0}</translation>
    </message>
    <message>
        <source>尚未公布,按现有数据计算</source>
        <translation>not yet published: computed from the records as they stand</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>尚未公布的乡镇:{0}</source>
        <translation>Townships that have not published: {0}</translation>
    </message>
    <message>
        <source>讲评({0},{1}):{2}</source>
        <translation>Review note ({0}, {1}): {2}</translation>
    </message>
    <message>
        <source>乡镇还没有送来本月的考核结果(公布后随乡镇的数据包送达)。</source>
        <translation>The township has not sent this month&apos;s assessment yet (it arrives with the township&apos;s bundle once published).</translation>
    </message>
    <message>
        <source>公布考核</source>
        <translation>Publish the assessment</translation>
    </message>
    <message>
        <source>导出考核</source>
        <translation>Export the assessment</translation>
    </message>
    <message>
        <source>目标管理考核-{0}.{1}</source>
        <translation>assessment-{0}.{1}</translation>
    </message>
    <message>
        <source>按现有数据重新计算并公布 {0} 考核的更正版?更正版随数据包送出,取代已公布的一版。</source>
        <translation>Compute {0} again from the records and publish it as a correction? The correction goes out with the next bundles and replaces the published version.</translation>
    </message>
    <message>
        <source>公布 {0} 的考核?公布后随数据包报县民政局、发到各村,不能撤回(可以更正)。</source>
        <translation>Publish the assessment of {0}? It goes to the county and to the villages with the next bundles and cannot be withdrawn (it can be corrected).</translation>
    </message>
    <message>
        <source>{0} 的考核已公布,将随下一次导出的数据包送出。</source>
        <translation>The assessment of {0} is published; it goes out with the next exported bundles.</translation>
    </message>
    <message>
        <source>请先在下面填写讲评内容,再点“记录讲评”。</source>
        <translation>Type the review note below first, then click “Record note”.</translation>
    </message>
    <message>
        <source>讲评已记录,将随下一次导出的数据包送出。</source>
        <translation>The review note is recorded; it goes out with the next exported bundles.</translation>
    </message>
    <message>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <source>本村目标管理考核</source>
        <translation>This village&apos;s assessment</translation>
    </message>
    <message>
        <source>考核(&amp;K)</source>
        <translation>Assessment (&amp;K)</translation>
    </message>
    <message>
        <source>本村月度考核(&amp;M)…</source>
        <translation>This village&apos;s &amp;monthly assessment…</translation>
    </message>
    <message>
        <source>缺少材料(已一次性告知)</source>
        <translation>Documents missing (applicant told once, in full)</translation>
    </message>
    <message>
        <source>近亲属备案</source>
        <translation>Relative of an official (filed)</translation>
    </message>
    <message>
        <source>是:</source>
        <translation>Yes: </translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>家庭年收入</source>
        <translation>Annual household income</translation>
    </message>
    <message>
        <source>收入来源</source>
        <translation>Income sources</translation>
    </message>
    <message>
        <source>家庭年支出</source>
        <translation>Annual household expenditure</translation>
    </message>
    <message>
        <source>支出用途</source>
        <translation>Spent on</translation>
    </message>
    <message>
        <source>开户银行 / 账号</source>
        <translation>Bank / account</translation>
    </message>
    <message>
        <source>本年已救助</source>
        <translation>Assistance received this year</translation>
    </message>
    <message>
        <source>{count} 次,{amount}</source>
        <translation>{count} time(s), {amount}</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>救助事项</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>家庭经济状况</source>
        <translation>Household finances</translation>
    </message>
    <message>
        <source>只有申请人一人(无其他家庭成员)。</source>
        <translation>The applicant only (no other household members).</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>没有异议。</source>
        <translation>No objections.</translation>
    </message>
    <message>
        <source>成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>不成立</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>异议人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>核查情况</source>
        <translation>How checked</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>初审公示…</source>
        <translation>Preliminary public notice…</translation>
    </message>
    <message>
        <source>到公示管理登记异议、结束公示…</source>
        <translation>Objections and closing the notice: Public notices…</translation>
    </message>
    <message>
        <source>发送到乡镇…</source>
        <translation>Send to the township…</translation>
    </message>
    <message>
        <source>结果公示…</source>
        <translation>Result public notice…</translation>
    </message>
    <message>
        <source>发送到乡镇,由乡镇登记发放…</source>
        <translation>Send to the township, which records the payment…</translation>
    </message>
    <message>
        <source>已上报,等待乡镇接收和审批;乡镇的决定随其数据包送回(数据交换 → 导入数据包)。</source>
        <translation>Reported; waiting for the township to receive and decide. Its decision comes back with the township&apos;s bundle (Data exchange → Import bundles).</translation>
    </message>
    <message>
        <source>乡镇已接收,正在审批;决定随乡镇的数据包送回。</source>
        <translation>Received by the township and under review; the decision comes back with the township&apos;s bundle.</translation>
    </message>
    <message>
        <source>已转县审批,等待县民政局批复。</source>
        <translation>Referred to the county; waiting for the county civil affairs bureau&apos;s reply.</translation>
    </message>
    <message>
        <source>结果已公示,等待乡镇登记发放。</source>
        <translation>Result notice posted; waiting for the township to record the payment.</translation>
    </message>
    <message>
        <source>已发放,等待乡镇备案。</source>
        <translation>Paid; waiting for the township&apos;s filing.</translation>
    </message>
    <message>
        <source>已备案,办理完毕。</source>
        <translation>Filed; the case is complete.</translation>
    </message>
    <message>
        <source>不予受理,案件已结束。</source>
        <translation>Not accepted; the case is closed.</translation>
    </message>
    <message>
        <source>初审不通过,案件已结束。</source>
        <translation>Not passed at the preliminary review; the case is closed.</translation>
    </message>
    <message>
        <source>乡镇不批准,案件已结束。</source>
        <translation>Not approved by the township; the case is closed.</translation>
    </message>
    <message>
        <source>草稿:材料齐全后再受理。</source>
        <translation>Draft: accept it once the documents are complete.</translation>
    </message>
    <message>
        <source>乡镇退回补充:请补充后重新调查。</source>
        <translation>Returned by the township for more information: add it and investigate again.</translation>
    </message>
    <message>
        <source>案件 {case_id}</source>
        <translation>Case {case_id}</translation>
    </message>
    <message>
        <source>办理记录(全过程)</source>
        <translation>Case history (every step)</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>编号 {id} · 状态 &lt;b&gt;{status}&lt;/b&gt;{due}</source>
        <translation>No. {id} · Status &lt;b&gt;{status}&lt;/b&gt;{due}</translation>
    </message>
    <message>
        <source>申请 {requested} · 拟救助 {proposed} · 先行救助 {paid_first} · 批准 {approved}</source>
        <translation>Requested {requested} · Proposed {proposed} · Paid in advance {paid_first} · Approved {approved}</translation>
    </message>
    <message>
        <source>申请信息</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>家庭成员({n})</source>
        <translation>Household members ({n})</translation>
    </message>
    <message>
        <source>异议({n})</source>
        <translation>Objections ({n})</translation>
    </message>
    <message>
        <source>尚无记录。</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>现在没有需要本工作站办理的事项。</source>
        <translation>Nothing to be done at this workstation now.</translation>
    </message>
    <message>
        <source>例如 2026-12-05(也可写 2026/12/5 或 20261205)</source>
        <translation>e.g. 2026-12-05 (2026/12/5 or 20261205 also work)</translation>
    </message>
    <message>
        <source>请填写日期,{example}。</source>
        <translation>Please enter a date, {example}.</translation>
    </message>
    <message>
        <source>“{text}”不是日期:请按 年-月-日 填写,{EXAMPLE}。</source>
        <translation>“{text}” is not a date: please type year-month-day, {EXAMPLE}.</translation>
    </message>
    <message>
        <source>没有 {year} 年 {month} 月 {day} 日这一天,请检查月份和日期。</source>
        <translation>There is no {year}-{month}-{day}; please check the month and day.</translation>
    </message>
    <message>
        <source>年-月-日,例如 2026-12-05</source>
        <translation>year-month-day, e.g. 2026-12-05</translation>
    </message>
    <message>
        <source>从日历中选择(Alt+↓)</source>
        <translation>Pick from a calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>日期 {day} 晚于 {latest},请检查。</source>
        <translation>The date {day} is after {latest}; please check.</translation>
    </message>
    <message>
        <source>日期 {day} 早于 {earliest},请检查。</source>
        <translation>The date {day} is before {earliest}; please check.</translation>
    </message>
    <message>
        <source>参加评议</source>
        <translation>Deliberated</translation>
    </message>
    <message>
        <source>类型·事由</source>
        <translation>Category · reason</translation>
    </message>
    <message>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>弃权</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>民主评议(村民代表会议)</source>
        <translation>Villagers&apos; deliberation (meeting of villager representatives)</translation>
    </message>
    <message>
        <source>会议编号</source>
        <translation>Meeting no.</translation>
    </message>
    <message>
        <source>会议记录要点(签字的记录表扫描件另存)</source>
        <translation>Main points of the minutes (keep the signed record&apos;s scan separately)</translation>
    </message>
    <message>
        <source>评议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>到会人数</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>其中村民代表</source>
        <translation>of whom villager representatives</translation>
    </message>
    <message>
        <source>会议记录</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>本次评议的案件(勾选参加评议的案件,逐件填写票数和结论):</source>
        <translation>Cases in this deliberation (tick the cases deliberated and enter each one&apos;s votes and conclusion):</translation>
    </message>
    <message>
        <source>请至少勾选一个案件参加评议。</source>
        <translation>Please tick at least one case for the deliberation.</translation>
    </message>
    <message>
        <source>还有 {n} 处票数或结论需要核对。</source>
        <translation>{n} more vote count(s) or conclusion(s) to check.</translation>
    </message>
    <message>
        <source>登记民主评议:{n} 件</source>
        <translation>Record villagers&apos; deliberation: {n} case(s)</translation>
    </message>
    <message>
        <source>评议结果(票数和结论)登记后即为正式记录,案件进入“已评议”,下一步是民生员初审。</source>
        <translation>Once recorded, the result (votes and conclusion) is the official record; the cases become “deliberated” and the next step is the officer&apos;s preliminary review.</translation>
    </message>
    <message>
        <source>已登记民主评议:{n} 件。</source>
        <translation>Villagers&apos; deliberation recorded: {n} case(s).</translation>
    </message>
    <message>
        <source>按户口簿填写</source>
        <translation>As in the household register</translation>
    </message>
    <message>
        <source>18 位身份证号</source>
        <translation>18-digit ID number</translation>
    </message>
    <message>
        <source>手机号或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>例如 第三村民小组</source>
        <translation>e.g. 3rd villager group</translation>
    </message>
    <message>
        <source>患病名称</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>健康状况为“患病”时填写</source>
        <translation>Fill in when health is “ill”</translation>
    </message>
    <message>
        <source>残疾类别和等级</source>
        <translation>Disability type and grade</translation>
    </message>
    <message>
        <source>健康状况为“残疾”时填写,例如 肢体残疾二级</source>
        <translation>Fill in when health is “disabled”, e.g. physical disability, grade 2</translation>
    </message>
    <message>
        <source>救助类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>救助事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>简要说明困难情况</source>
        <translation>Briefly describe the hardship</translation>
    </message>
    <message>
        <source>申请金额(元)</source>
        <translation>Amount requested (yuan)</translation>
    </message>
    <message>
        <source>申请人是村干部或经办人的近亲属(近亲属备案)</source>
        <translation>The applicant is a close relative of a village official or the officer (filed as such)</translation>
    </message>
    <message>
        <source>备案说明</source>
        <translation>Filing note</translation>
    </message>
    <message>
        <source>与谁是什么关系</source>
        <translation>Who is related to whom, and how</translation>
    </message>
    <message>
        <source>保存为草稿(材料未齐,暂不受理)</source>
        <translation>Save as draft (documents incomplete, not accepted yet)</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>已查验</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>缺少(一次性告知)</source>
        <translation>Missing (applicant told once, in full)</translation>
    </message>
    <message>
        <source>家庭年收入(元)</source>
        <translation>Annual household income (yuan)</translation>
    </message>
    <message>
        <source>例如 务农、务工</source>
        <translation>e.g. farming, migrant work</translation>
    </message>
    <message>
        <source>家庭年支出(元)</source>
        <translation>Annual household expenditure (yuan)</translation>
    </message>
    <message>
        <source>例如 住院医疗</source>
        <translation>e.g. hospital treatment</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>例如 农商银行</source>
        <translation>e.g. rural commercial bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>12 到 25 位数字</source>
        <translation>12 to 25 digits</translation>
    </message>
    <message>
        <source>本年已救助次数</source>
        <translation>Assistance received this year (times)</translation>
    </message>
    <message>
        <source>本年已救助金额(元)</source>
        <translation>Assistance received this year (yuan)</translation>
    </message>
    <message>
        <source>家庭成员(申请人以外;性别、出生日期由身份证号自动得出)</source>
        <translation>Household members (besides the applicant; sex and birth date come from the ID number)</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>删除所选成员</source>
        <translation>Remove selected member</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>{what}

{consequence}

此操作登记后不能撤销,有误只能另行登记更正。</source>
        <translation>{what}

{consequence}

Once recorded this cannot be undone; a mistake can only be corrected by a further entry.</translation>
    </message>
    <message>
        <source>确定{what}</source>
        <translation>Confirm: {what}</translation>
    </message>
    <message>
        <source>返回检查</source>
        <translation>Go back and check</translation>
    </message>
    <message>
        <source>已填写的内容还没有保存。放弃这些内容并关闭吗?</source>
        <translation>What you typed has not been saved. Discard it and close?</translation>
    </message>
    <message>
        <source>放弃并关闭</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>已生成新的密钥(旧密钥文件已改名保留),案件数据没有任何变化。

下一步:
① 菜单“数据交换 → 本机身份与指纹…”:导出新的身份文件,并打印身份信息表;
② 带到乡镇民政办,当面核对新的指纹;
③ 请乡镇在“数据交换 → 登记对方工作站…”中登记这个新文件,并勾选“替换原来的登记”。
乡镇重新登记之前会拒收本机的数据包,数据不会丢失。</source>
        <translation>New keys were generated (the old key files were renamed and kept); no case data changed.

Next:
① Menu “Data exchange → This workstation&apos;s identity…”: export the new identity file and print the identity sheet;
② take them to the township civil affairs office and compare the new fingerprint in person;
③ ask the township to enrol the new file under “Data exchange → Enrol a workstation…”, ticking “replace the earlier enrolment”.
Until the township enrols it again it refuses this workstation&apos;s bundles; no data is lost.</translation>
    </message>
    <message>
        <source>设置或更改本机口令(&amp;K)…</source>
        <translation>Set or change the &amp;passphrase…</translation>
    </message>
    <message>
        <source>忘记口令(重新生成密钥)(&amp;F)…</source>
        <translation>&amp;Forgot the passphrase (new keys)…</translation>
    </message>
    <message>
        <source>重建台账(&amp;B)</source>
        <translation>Re&amp;build the ledger</translation>
    </message>
    <message>
        <source>请输入现在的本机口令。</source>
        <translation>Please enter the current passphrase of this workstation.</translation>
    </message>
    <message>
        <source>请设置新的本机口令(至少 6 个字符),导出、导入数据包时需要:</source>
        <translation>Please set a new passphrase (at least 6 characters); it is needed to export and import bundles:</translation>
    </message>
    <message>
        <source>本机口令已设置。以后导出、导入数据包时需要输入这个口令。</source>
        <translation>Passphrase set. It will be asked for when exporting or importing bundles.</translation>
    </message>
    <message>
        <source>忘记口令时只能为本机生成新的密钥:案件数据不受影响,但乡镇需要重新登记本机的身份文件,在此之前乡镇会拒收本机的数据包。

确定生成新的密钥吗?</source>
        <translation>A forgotten passphrase means new keys for this workstation: case data is not affected, but the township must enrol this workstation&apos;s identity file again and refuses its bundles until then.

Generate new keys?</translation>
    </message>
    <message>
        <source>请设置新的本机口令(至少 6 个字符),请牢记:</source>
        <translation>Please set a new passphrase (at least 6 characters) and remember it:</translation>
    </message>
    <message>
        <source>重建台账会按事件日志重新计算每个案件的状态和金额(日志本身不变)。数据检查提示“台账与事件日志不一致”时使用。确定重建吗?</source>
        <translation>Rebuilding recomputes every case&apos;s status and amounts from the event log (the log itself does not change). Use it when the data check reports “ledger and event log disagree”. Rebuild now?</translation>
    </message>
    <message>
        <source>台账已按事件日志重建({count} 个案件)。</source>
        <translation>Ledger rebuilt from the event log ({count} cases).</translation>
    </message>
    <message>
        <source>生成新的密钥</source>
        <translation>Generate new keys</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>近亲属</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>一事一次</source>
        <translation>Same reason</translation>
    </message>
    <message>
        <source>超上限</source>
        <translation>Over cap</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>村 · 村民小组</source>
        <translation>Village · group</translation>
    </message>
    <message>
        <source>民生救助工作台 — {place}(经办人:{officer})</source>
        <translation>Relief Desk — {place} (officer: {officer})</translation>
    </message>
    <message>
        <source>搜索 姓名、身份证号、村民小组或编号(Ctrl+F)</source>
        <translation>Search name, ID number, villager group or case no. (Ctrl+F)</translation>
    </message>
    <message>
        <source>查找:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>案件(&amp;A)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>新建申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>民主评议会</source>
        <translation>Deliberation meeting</translation>
    </message>
    <message>
        <source>打开选中案件</source>
        <translation>Open selected case</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>{y} 年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>全部案件</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>没有超期或即将到期的案件。</source>
        <translation>No cases overdue or due soon.</translation>
    </message>
    <message>
        <source>{overdue} 件已超期,{soon} 件即将到期(表中红色为已超期,黄色为即将到期,见“期限”一栏)</source>
        <translation>{overdue} overdue, {soon} due soon (red rows are overdue, yellow due soon; see the “Deadline” column)</translation>
    </message>
    <message>
        <source>共 {total} 件 · 今天 {today} · 双击或按回车打开案件</source>
        <translation>{total} case(s) · today {today} · double-click or press Enter to open a case</translation>
    </message>
    <message>
        <source>已刷新:共 {total} 件。</source>
        <translation>Refreshed: {total} cases.</translation>
    </message>
    <message>
        <source>由身份证号自动得出</source>
        <translation>From the ID number</translation>
    </message>
    <message>
        <source>公示开始后,所选案件进入“公示中”:公示期满且异议处理完毕后才能上报乡镇。</source>
        <translation>Once the notice starts, the selected cases are “on public notice”: they can be reported to the township only after the notice period ends and every objection is handled.</translation>
    </message>
    <message>
        <source>所选案件将标为“结果已公示”,之后由乡镇登记发放。</source>
        <translation>The selected cases will be marked “result notice posted”; the township then records the payment.</translation>
    </message>
    <message>
        <source>勾选要公示的案件:</source>
        <translation>Tick the cases to put on notice:</translation>
    </message>
    <message>
        <source>没有可公示的案件。</source>
        <translation>No cases can be put on notice.</translation>
    </message>
    <message>
        <source>公示开始日期</source>
        <translation>Notice start date</translation>
    </message>
    <message>
        <source>公示日期</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <source>公示天数</source>
        <translation>Notice days</translation>
    </message>
    <message>
        <source>张贴地点</source>
        <translation>Posted at</translation>
    </message>
    <message>
        <source>村务公开栏</source>
        <translation>Village notice board</translation>
    </message>
    <message>
        <source>{title}:{n} 件,从 {start} 起</source>
        <translation>{title}: {n} case(s), from {start}</translation>
    </message>
    <message>
        <source>登记后,该案件在异议处理完毕之前不能结束公示、不能上报。</source>
        <translation>Once recorded, the case cannot leave the notice or be reported until the objection is handled.</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>案件</source>
        <comment>one case, chosen</comment>
        <translation>Case</translation>
    </message>
    <message>
        <source>不填为匿名</source>
        <translation>Leave empty if anonymous</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>反映的问题</source>
        <translation>The matter raised</translation>
    </message>
    <message>
        <source>登记异议:{currentText}</source>
        <translation>Record objection: {currentText}</translation>
    </message>
    <message>
        <source>异议不成立(继续公示)</source>
        <translation>Objection dismissed (the notice continues)</translation>
    </message>
    <message>
        <source>异议成立(退回重新办理)</source>
        <translation>Objection upheld (back for rework)</translation>
    </message>
    <message>
        <source>重新入户调查</source>
        <translation>Investigate the household again</translation>
    </message>
    <message>
        <source>重新民主评议</source>
        <translation>Deliberate again</translation>
    </message>
    <message>
        <source>处理异议</source>
        <translation>Handle objection</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>处理日期</source>
        <translation>Date handled</translation>
    </message>
    <message>
        <source>如何核实,核实结果</source>
        <translation>How it was checked and what was found</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>退回环节</source>
        <translation>Back to</translation>
    </message>
    <message>
        <source>异议成立:案件退出本批公示,退回{currentText},办完后须重新公示。</source>
        <translation>Objection upheld: the case leaves this notice and goes back to “{currentText}”; it must be put on notice again afterwards.</translation>
    </message>
    <message>
        <source>异议不成立:案件继续公示,处理结果记入案件。</source>
        <translation>Objection dismissed: the case stays on notice; the result is recorded in the case.</translation>
    </message>
    <message>
        <source>处理异议:{currentText}</source>
        <translation>Handle objection: {currentText}</translation>
    </message>
    <message>
        <source>异议反映电话</source>
        <translation>Objection phone numbers</translation>
    </message>
    <message>
        <source>公示上须写明异议反映电话。</source>
        <translation>Every notice must give phone numbers for objections.</translation>
    </message>
    <message>
        <source>村委会电话</source>
        <translation>Village committee phone</translation>
    </message>
    <message>
        <source>如 0739-3612345</source>
        <translation>e.g. 0739-3612345</translation>
    </message>
    <message>
        <source>乡镇民政办电话</source>
        <translation>Township civil affairs office phone</translation>
    </message>
    <message>
        <source>如 0739-3698765</source>
        <translation>e.g. 0739-3698765</translation>
    </message>
    <message>
        <source>公示编号</source>
        <translation>Notice no.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>案件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>未处理异议</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <source>张贴照片</source>
        <translation>Photo of posting</translation>
    </message>
    <message>
        <source>公示(&amp;G)</source>
        <translation>&amp;Notices</translation>
    </message>
    <message>
        <source>公示管理(&amp;M)…</source>
        <translation>&amp;Manage public notices…</translation>
    </message>
    <message>
        <source>打印选中案件的审批表(&amp;P)…</source>
        <translation>&amp;Print the selected case&apos;s approval form…</translation>
    </message>
    <message>
        <source>导出台账 PDF(&amp;D)…</source>
        <translation>Export ledger as P&amp;DF…</translation>
    </message>
    <message>
        <source>导出台账 Excel(&amp;X)…</source>
        <translation>Export ledger as E&amp;xcel…</translation>
    </message>
    <message>
        <source>异议反映电话(&amp;T)…</source>
        <translation>Objection p&amp;hone numbers…</translation>
    </message>
    <message>
        <source>公示管理</source>
        <translation>Public notices</translation>
    </message>
    <message>
        <source>新建初审公示</source>
        <translation>New preliminary notice</translation>
    </message>
    <message>
        <source>附张贴照片</source>
        <translation>Attach photo</translation>
    </message>
    <message>
        <source>结束公示</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <source>结果公示</source>
        <translation>Result notice</translation>
    </message>
    <message>
        <source>打印公示</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <source>{start} 至 {last_day}</source>
        <translation>{start} to {last_day}</translation>
    </message>
    <message>
        <source>已存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>未存</source>
        <translation>None</translation>
    </message>
    <message>
        <source>选择张贴现场的照片</source>
        <translation>Choose the photo of the posted notice</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>已完成。</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>已新建初审公示 {result},请打印张贴。</source>
        <translation>Preliminary notice {result} created; please print and post it.</translation>
    </message>
    <message>
        <source>已发布结果公示 {result},请打印张贴。</source>
        <translation>Result notice {result} posted; please print and post it.</translation>
    </message>
    <message>
        <source>请先在列表中选择一批公示。</source>
        <translation>Please select a notice in the list first.</translation>
    </message>
    <message>
        <source>低保变动公示的异议在“低保 → 本村低保户与复核”中选中该户登记和处理。</source>
        <translation>Objections to a dibao change notice are recorded and resolved in “Dibao → Village dibao households and reviews”, with the household chosen.</translation>
    </message>
    <message>
        <source>公示 {notice_id} 没有仍在公示的案件,不能登记异议。</source>
        <translation>Notice {notice_id} has no case still on notice; no objection can be recorded.</translation>
    </message>
    <message>
        <source>已登记异议 {result},处理完毕前该案件不能结束公示。</source>
        <translation>Objection {result} recorded; the case cannot leave the notice until it is handled.</translation>
    </message>
    <message>
        <source>公示 {notice_id} 没有待处理的异议。</source>
        <translation>Notice {notice_id} has no open objection.</translation>
    </message>
    <message>
        <source>异议已处理。</source>
        <translation>Objection handled.</translation>
    </message>
    <message>
        <source>已保存公示 {notice_id} 的张贴照片。</source>
        <translation>Photo of notice {notice_id} saved.</translation>
    </message>
    <message>
        <source>结束公示 {notice_id}</source>
        <translation>Close notice {notice_id}</translation>
    </message>
    <message>
        <source>结束后案件变为“公示期满”,可以上报乡镇;本批公示不能再登记异议。</source>
        <translation>Once closed, the cases become “notice period over” and can be reported to the township; no more objections can be recorded on this notice.</translation>
    </message>
    <message>
        <source>公示 {notice_id} 已结束,案件可以发送到乡镇。</source>
        <translation>Notice {notice_id} closed; its cases can be sent to the township.</translation>
    </message>
    <message>
        <source>异议反映电话已保存。</source>
        <translation>Objection phone numbers saved.</translation>
    </message>
    <message>
        <source>公示 {notice_id}</source>
        <translation>Notice {notice_id}</translation>
    </message>
    <message>
        <source>请先在台账中选择一个案件。</source>
        <translation>Please select a case in the ledger first.</translation>
    </message>
    <message>
        <source>审批表 {case_id}</source>
        <translation>Approval form {case_id}</translation>
    </message>
    <message>
        <source>审批表-{case_id}.pdf</source>
        <translation>approval-form-{case_id}.pdf</translation>
    </message>
    <message>
        <source>生成台账 PDF</source>
        <translation>Making the ledger PDF</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>台账-{today}.pdf</source>
        <translation>ledger-{today}.pdf</translation>
    </message>
    <message>
        <source>导出台账 Excel</source>
        <translation>Export ledger to Excel</translation>
    </message>
    <message>
        <source>台账-{today}.xlsx</source>
        <translation>ledger-{today}.xlsx</translation>
    </message>
    <message>
        <source>台账已导出到 {path}</source>
        <translation>Ledger exported to {path}</translation>
    </message>
    <message>
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>设置(&amp;T)</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>字号(&amp;Z)</source>
        <translation>Font si&amp;ze</translation>
    </message>
    <message>
        <source>语言 Language(&amp;L)</source>
        <translation>&amp;Language 语言</translation>
    </message>
    <message>
        <source>异议反映电话(&amp;P)…</source>
        <translation>Objection &amp;phone numbers…</translation>
    </message>
    <message>
        <source>字号已改为“{size}”,下次打开时仍用这个字号。</source>
        <translation>Font size changed to “{size}”; it will be used next time too.</translation>
    </message>
    <message>
        <source>打印预览 — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存到 {saved_to}</source>
        <translation>Saved to {saved_to}</translation>
    </message>
    <message>
        <source>已保存 PDF:{saved_to}</source>
        <translation>PDF saved: {saved_to}</translation>
    </message>
    <message>
        <source>无法连接打印机,请检查打印机是否开机并已连接,或先另存为 PDF。</source>
        <translation>Cannot reach the printer: check that it is switched on and connected, or save as PDF first.</translation>
    </message>
    <message>
        <source>已送打印机 {printed} 页</source>
        <translation>{printed} page(s) sent to the printer</translation>
    </message>
    <message>
        <source>民生救助工作台 — 数据安全</source>
        <translation>Relief Desk — data safety</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>忘记口令(&amp;F)…</source>
        <translation>&amp;Forgot the passphrase…</translation>
    </message>
    <message>
        <source>口令至少要 {MIN_PASSPHRASE} 个字符。</source>
        <translation>The passphrase must have at least {MIN_PASSPHRASE} characters.</translation>
    </message>
    <message>
        <source>两次输入的口令不一致,请重新输入。</source>
        <translation>The two passphrases differ; please type them again.</translation>
    </message>
    <message>
        <source>请输入口令。</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>仍然打开</source>
        <translation>Open anyway</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>数据安全(&amp;S)</source>
        <translation>Data &amp;safety</translation>
    </message>
    <message>
        <source>立即备份(&amp;N)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>备份到U盘(加密)(&amp;U)…</source>
        <translation>Back up to a &amp;USB stick (encrypted)…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>检查数据(&amp;C)</source>
        <translation>&amp;Check the data</translation>
    </message>
    <message>
        <source>选择备份存放的文件夹(U 盘)</source>
        <translation>Choose the folder for the backup (USB stick)</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份 (*.rdbackup *.sqlite3)</source>
        <translation>Backups (*.rdbackup *.sqlite3)</translation>
    </message>
    <message>
        <source>已备份到 {path}。</source>
        <translation>Backed up to {path}.</translation>
    </message>
    <message>
        <source>数据自上次备份以来没有变化,最近的备份仍然有效。</source>
        <translation>No change since the last backup; the latest backup is still valid.</translation>
    </message>
    <message>
        <source>请设置这份备份的口令(至少 6 个字符)。恢复时需要它,请牢记:没有口令谁也打不开这份备份。</source>
        <translation>Set a passphrase for this backup (at least 6 characters). It is needed to restore: remember it — without it nobody can open this backup.</translation>
    </message>
    <message>
        <source>加密备份到U盘</source>
        <translation>Encrypted backup to USB stick</translation>
    </message>
    <message>
        <source>已加密备份到 {path}。</source>
        <translation>Encrypted backup written to {path}.</translation>
    </message>
    <message>
        <source>请输入这份加密备份的口令。</source>
        <translation>Please enter this encrypted backup&apos;s passphrase.</translation>
    </message>
    <message>
        <source>核对备份</source>
        <translation>Checking the backup</translation>
    </message>
    <message>
        <source>备份已核对无误。恢复会用它替换本机现在的数据(现在的数据另存到数据文件夹中的“replaced-日期”文件夹,不会删除),本机会换用新的工作站编号,需请乡镇重新登记。确定恢复吗?</source>
        <translation>The backup checks out. Restoring replaces the data on this computer with it (the current data is set aside in a “replaced-date” folder in the data folder, not deleted); this computer takes a new workstation number and the township must enrol it again. Restore?</translation>
    </message>
    <message>
        <source>请输入本机口令(用来加密恢复后新生成的密钥)。</source>
        <translation>Please enter this workstation&apos;s passphrase (it protects the keys made after the restore).</translation>
    </message>
    <message>
        <source>正在{title},请等它完成后再恢复。</source>
        <translation>{title} is in progress; please wait for it to finish before restoring.</translation>
    </message>
    <message>
        <source>请设置本机口令(用来加密恢复后新生成的密钥,至少 6 个字符)。</source>
        <translation>Please set this workstation&apos;s passphrase (it protects the keys made after the restore; at least 6 characters).</translation>
    </message>
    <message>
        <source>正在检查数据并做今天的自动备份……</source>
        <translation>Checking the data and making today&apos;s automatic backup…</translation>
    </message>
    <message>
        <source>正在检查数据……</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <source>数据检查通过。</source>
        <translation>Data check passed.</translation>
    </message>
    <message>
        <source>数据检查发现问题:{problems}。请尽快从备份恢复。</source>
        <translation>The data check found a problem: {problems}. Please restore from a backup soon.</translation>
    </message>
    <message>
        <source>请输入{place}({officer})的本机口令(用于打开本机密钥,导出、导入数据包时需要)。</source>
        <translation>Enter the passphrase of {place} ({officer}) on this computer (it opens this workstation&apos;s keys, needed to export and import bundles).</translation>
    </message>
    <message>
        <source>正在核对口令……</source>
        <translation>Checking the passphrase…</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本月到期</source>
        <translation>Due this month</translation>
    </message>
    <message>
        <source>复核待乡镇决定</source>
        <translation>Review awaits the township</translation>
    </message>
    <message>
        <source>清理检查待复核</source>
        <translation>To review (inspection campaign)</translation>
    </message>
    <message>
        <source>变动异议成立,待重新复核</source>
        <translation>Objection upheld: review again</translation>
    </message>
    <message>
        <source>低保</source>
        <translation>Dibao</translation>
    </message>
    <message>
        <source>在保户与发放(&amp;L)</source>
        <translation>Households in payment (&amp;L)</translation>
    </message>
    <message>
        <source>打印发放花名册(&amp;P)…</source>
        <translation>&amp;Print the payment roster…</translation>
    </message>
    <message>
        <source>导出银行发放表(&amp;E)…</source>
        <translation>&amp;Export the bank&apos;s payment sheet…</translation>
    </message>
    <message>
        <source>登记该月发放(&amp;F)…</source>
        <translation>Record the month&apos;s payment (&amp;F)…</translation>
    </message>
    <message>
        <source>异议成立:该户的变动不执行,重新复核</source>
        <translation>Upheld: the change is not carried out; review the household again</translation>
    </message>
    <message>
        <source>异议不成立:变动照常执行(写明理由)</source>
        <translation>Dismissed: the change stands (give the reason)</translation>
    </message>
    <message>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>异议不成立</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>异议编号</source>
        <translation>Objection no.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>变动公示</source>
        <translation>Change notice</translation>
    </message>
    <message>
        <source>{notice}({day} 张贴)</source>
        <translation>{notice} (posted {day})</translation>
    </message>
    <message>
        <source>收到异议日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>可匿名,不填</source>
        <translation>May be anonymous: leave empty</translation>
    </message>
    <message>
        <source>对该户哪项变动、有何异议</source>
        <translation>Which change of this household, and what is objected</translation>
    </message>
    <message>
        <source>异议处理之前,该户的这项变动暂不执行(按变动前的金额发放)。异议随下一次导出的数据包报乡镇。</source>
        <translation>Until the objection is resolved, this change of the household is not carried out (it is paid the amount before the change). The objection goes to the township with the next exported bundle.</translation>
    </message>
    <message>
        <source>如何核查、核查到什么</source>
        <translation>How it was checked and what was found</translation>
    </message>
    <message>
        <source>不成立的理由</source>
        <translation>Reason for dismissing</translation>
    </message>
    <message>
        <source>告知异议人</source>
        <translation>Told to the objector</translation>
    </message>
    <message>
        <source>该户的变动不执行,按变动前的金额发放,复核即到期,请重新入户复核。</source>
        <translation>The change is not carried out: the household is paid the amount before it, and its review is due now. Please review the household again.</translation>
    </message>
    <message>
        <source>该户的变动照常执行。处理结果随下一次导出的数据包报乡镇。</source>
        <translation>The change stands. The result goes to the township with the next exported bundle.</translation>
    </message>
    <message>
        <source>低保(&amp;B)</source>
        <translation>Di&amp;bao</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>月保障金(元)</source>
        <translation>Monthly allowance (yuan)</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>起始月份</source>
        <translation>From month</translation>
    </message>
    <message>
        <source>复核月份</source>
        <translation>Review month</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>变动公示有异议,暂按变动前发放</source>
        <translation>Change objected to: paid as before it</translation>
    </message>
    <message>
        <source>显示(&amp;W)</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>打印花名册(&amp;P)…</source>
        <translation>&amp;Print roster…</translation>
    </message>
    <message>
        <source>复核决定(&amp;J)…</source>
        <translation>Review decision (&amp;J)…</translation>
    </message>
    <message>
        <source>停保(&amp;O)…</source>
        <translation>St&amp;op…</translation>
    </message>
    <message>
        <source>发放月份(年-月):</source>
        <translation>Payment month (year-month):</translation>
    </message>
    <message>
        <source>复核到期(按分类复核周期;红色已逾期,黄色本月或即将到期;村里已复核的待乡镇决定):</source>
        <translation>Reviews due (by class interval; red overdue, yellow this month or soon; reviewed by the village: awaiting the township):</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>打印发放花名册</source>
        <translation>Print the payment roster</translation>
    </message>
    <message>
        <source>导出银行发放表</source>
        <translation>Export the bank&apos;s payment sheet</translation>
    </message>
    <message>
        <source>{month} 没有在保的低保户,花名册是空的。</source>
        <translation>{month}: no household in payment; the roster is empty.</translation>
    </message>
    <message>
        <source>低保发放花名册-{month}</source>
        <translation>dibao-roster-{month}</translation>
    </message>
    <message>
        <source>已登记 {month} 低保金发放:{households} 户,合计 {total} 元。下一步:数据交换 → 导出数据包,把发放记录送到各村。</source>
        <translation>{month} dibao payment recorded: {households} household(s), {total} yuan in all. Next: Data exchange → Export bundles, to take the payment records to the villages.</translation>
    </message>
    <message>
        <source>变动公示异议待村里处理:{n} 条,{names};处理前该户的变动暂不执行。</source>
        <translation>Objections to change notices awaiting the village: {n}, {names}; until resolved, the household&apos;s change is not carried out.</translation>
    </message>
    <message>
        <source>应复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <source>新纳入</source>
        <translation>Newly enrolled</translation>
    </message>
    <message>
        <source>逾期未复核</source>
        <translation>Overdue (not reviewed)</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>提前结束清理检查(&amp;E)…</source>
        <translation>&amp;End the campaign early…</translation>
    </message>
    <message>
        <source>保存清理检查汇总(&amp;V)…</source>
        <translation>Sa&amp;ve the campaign summary…</translation>
    </message>
    <message>
        <source>清理检查:本县还没有开展过。点“开展清理检查”选择乡镇和截止日期。</source>
        <translation>Inspection campaign: the county has not opened one yet. Click &quot;Open campaign&quot; to choose the townships and the closing date.</translation>
    </message>
    <message>
        <source>清理检查 {number}({opened} 开展,{state}):应复核 {households} 户,已复核 {reviewed} 户。各乡镇的数字为其最近一次报送。</source>
        <translation>Inspection campaign {number} (opened {opened}, {state}): {households} households to review, {reviewed} reviewed. Each township&apos;s figures are its latest report.</translation>
    </message>
    <message>
        <source>参加的乡镇:</source>
        <translation>Townships:</translation>
    </message>
    <message>
        <source>已开展清理检查 {number}:{n} 个乡镇。请导出数据包送各乡镇。</source>
        <translation>Inspection campaign {number} opened in {n} township(s). Export bundles to the townships.</translation>
    </message>
    <message>
        <source>没有正在进行的清理检查。</source>
        <translation>No inspection campaign is in progress.</translation>
    </message>
    <message>
        <source>提前结束清理检查 {number}</source>
        <translation>End inspection campaign {number} early</translation>
    </message>
    <message>
        <source>结束后随下一次导出的数据包送到各乡镇,由乡镇在各村结束;未复核的户计为逾期未复核。不能撤销。</source>
        <translation>The ending goes to the townships with the next exported bundles, and each ends it in its villages; households not reviewed count as overdue. It cannot be undone.</translation>
    </message>
    <message>
        <source>已结束清理检查 {number}。请导出数据包送各乡镇。</source>
        <translation>Inspection campaign {number} ended. Export bundles to the townships.</translation>
    </message>
    <message>
        <source>本县还没有开展过清理检查。</source>
        <translation>The county has not opened an inspection campaign yet.</translation>
    </message>
    <message>
        <source>已保存 {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>请先在表中选择一户。</source>
        <translation>Choose a household in the table first.</translation>
    </message>
    <message>
        <source>登记 {month} 低保金已发放:{households} 户 {persons} 人,合计 {total} 元</source>
        <translation>Record the {month} dibao payment: {households} household(s), {persons} person(s), {total} yuan in all</translation>
    </message>
    <message>
        <source>发放记录随下一次导出的数据包送到各村;同一月份只能登记一次。</source>
        <translation>The payment record goes to the villages with the next bundle export; a month can be recorded once only.</translation>
    </message>
    <message>
        <source>{village}:{households} 户 {persons} 人 {total} 元</source>
        <translation>{village}: {households} household(s), {persons} person(s), {total} yuan</translation>
    </message>
    <message>
        <source>(已于 {date} 登记发放)</source>
        <translation> (payment recorded on {date})</translation>
    </message>
    <message>
        <source>(待发放)</source>
        <translation> (to be paid)</translation>
    </message>
    <message>
        <source>合计:{households} 户 {persons} 人 {total} 元</source>
        <translation>Total: {households} household(s), {persons} person(s), {total} yuan</translation>
    </message>
    <message>
        <source>{month} 没有在保的低保户。</source>
        <translation>{month}: no household in payment.</translation>
    </message>
    <message>
        <source>县(市、区)名称</source>
        <translation>County (city, district)</translation>
    </message>
    <message>
        <source>例如 新邵县</source>
        <translation>e.g. Xinshao County</translation>
    </message>
    <message>
        <source>县级区划代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <source>6 位数字,例如 430522</source>
        <translation>6 digits, e.g. 430522</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>例如 酿溪镇</source>
        <translation>e.g. Niangxi Town</translation>
    </message>
    <message>
        <source>乡镇代码</source>
        <translation>Township code</translation>
    </message>
    <message>
        <source>9 或 12 位数字,例如 430522101000</source>
        <translation>9 or 12 digits, e.g. 430522101000</translation>
    </message>
    <message>
        <source>村(社区)名称</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>例如 大坪村</source>
        <translation>e.g. Daping Village</translation>
    </message>
    <message>
        <source>村(社区)代码</source>
        <translation>Village (community) code</translation>
    </message>
    <message>
        <source>12 位数字,例如 430522101201</source>
        <translation>12 digits, e.g. 430522101201</translation>
    </message>
    <message>
        <source>经办人姓名</source>
        <translation>Officer&apos;s name</translation>
    </message>
    <message>
        <source>本工作站的民生员</source>
        <translation>The livelihood officer of this workstation</translation>
    </message>
    <message>
        <source>民生救助工作台 — 首次设置</source>
        <translation>Relief Desk — first-time setup</translation>
    </message>
    <message>
        <source>这台电脑还没有建立工作站。请填写本工作站的信息(区划代码见《统计用区划代码》),填好后点“建立工作站”。</source>
        <translation>This computer has no workstation yet. Fill in this workstation&apos;s details (the codes are in the statistical division codes), then click “Create workstation”.</translation>
    </message>
    <message>
        <source>工作站类型</source>
        <translation>Workstation type</translation>
    </message>
    <message>
        <source>至少 6 个字符;导出、导入数据包时需要,请牢记</source>
        <translation>At least 6 characters; needed to export and import bundles — remember it</translation>
    </message>
    <message>
        <source>本机口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>确认口令</source>
        <translation>Confirm passphrase</translation>
    </message>
    <message>
        <source>建立工作站</source>
        <translation>Create workstation</translation>
    </message>
    <message>
        <source>两次输入的本机口令不一致,请重新输入。</source>
        <translation>The two passphrases differ; please type them again.</translation>
    </message>
    <message>
        <source>受理后开始计算办理期限:应在 3 个工作日内开始入户调查。</source>
        <translation>Once accepted the time limit starts: the home visit must start within 3 working days.</translation>
    </message>
    <message>
        <source>不予受理后案件即告结束,须书面告知申请人理由。</source>
        <translation>Refusing ends the case; the applicant must be told the reason in writing.</translation>
    </message>
    <message>
        <source>调查记录登记后即为正式记录,案件进入“已调查”,等待民主评议。</source>
        <translation>Once recorded, the investigation is the official record; the case becomes “investigated” and waits for the villagers&apos; deliberation.</translation>
    </message>
    <message>
        <source>初审通过后案件进入公示环节(下一步:初审公示)。</source>
        <translation>Once passed, the case goes on to public notice (next: preliminary public notice).</translation>
    </message>
    <message>
        <source>先行救助金额计入救助总额,乡镇批准时只补发差额;须在规定期限内补办手续。</source>
        <translation>The advance payment counts toward the total; on approval the township pays only the difference. The paperwork must be completed within the set time.</translation>
    </message>
    <message>
        <source>初审不通过后案件即告结束,须告知申请人理由。</source>
        <translation>Not passing ends the case; the applicant must be told the reason.</translation>
    </message>
    <message>
        <source>案件 {case_id} {name}</source>
        <translation>Case {case_id} {name}</translation>
    </message>
    <message>
        <source>已登记{step}:{case_id} {name},现为“{status}”。</source>
        <translation>Recorded {step}: {case_id} {name}, now “{status}”.</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>不予受理的理由</source>
        <translation>Reason for not accepting</translation>
    </message>
    <message>
        <source>将书面告知申请人</source>
        <translation>The applicant will be told in writing</translation>
    </message>
    <message>
        <source>调查日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>本村低保户与复核(&amp;L)…</source>
        <translation>Village dibao households and reviews (&amp;L)…</translation>
    </message>
    <message>
        <source>本村低保户与复核</source>
        <translation>Village dibao households and reviews</translation>
    </message>
    <message>
        <source>记录复核(&amp;R)…</source>
        <translation>&amp;Record review…</translation>
    </message>
    <message>
        <source>打印公示名单(&amp;P)…</source>
        <translation>&amp;Print public list…</translation>
    </message>
    <message>
        <source>发布变动公示(&amp;C)…</source>
        <translation>Post &amp;change notice…</translation>
    </message>
    <message>
        <source>登记异议(&amp;O)…</source>
        <translation>Record an &amp;objection…</translation>
    </message>
    <message>
        <source>处理异议(&amp;J)…</source>
        <translation>Resolve an ob&amp;jection…</translation>
    </message>
    <message>
        <source>复核到期(红色已逾期,黄色本月或即将到期):</source>
        <translation>Reviews due (red overdue, yellow this month or soon):</translation>
    </message>
    <message>
        <source>本月在保户:{n} 户;另有 {held} 户已批准纳入,因对变动公示的异议暂不发放,异议处理后再发放(见下方异议表)。</source>
        <translation>Households in payment this month: {n}; {held} more enrolled but not paid: an objection to the change notice holds the payment until it is resolved (see the objections below).</translation>
    </message>
    <message>
        <source>本月在保户:{n} 户</source>
        <translation>Households in payment this month: {n}</translation>
    </message>
    <message>
        <source>本月在保户:还没有。乡镇批准纳入低保的家庭,随乡镇的数据包到本村后显示在这里。</source>
        <translation>Households in payment this month: none yet. A household the township enrols in dibao appears here once the township&apos;s bundle reaches this village.</translation>
    </message>
    <message>
        <source>对变动公示的异议:{n} 条待处理(处理前该户的变动暂不执行)。</source>
        <translation>Objections to change notices: {n} open (until resolved, the household&apos;s change is not carried out).</translation>
    </message>
    <message>
        <source>对变动公示的异议:没有待处理的。公示期内收到异议,选中该户后点“登记异议”。</source>
        <translation>Objections to change notices: none open. For an objection received during the notice period, choose the household and click &quot;Record an objection&quot;.</translation>
    </message>
    <message>
        <source>请先在表中选择要复核的低保户。</source>
        <translation>Choose the household to review in the table first.</translation>
    </message>
    <message>
        <source>请先在表中选择被提出异议的低保户。</source>
        <translation>First choose the household objected to in the table.</translation>
    </message>
    <message>
        <source>{name} 户没有待处理的异议,无须处理。公示期内收到异议,先点“登记异议”。</source>
        <translation>No objection is waiting for the household of {name}: nothing to resolve. An objection received during the notice period is first recorded with “Record an objection”.</translation>
    </message>
    <message>
        <source>请先在异议表中选择要处理的异议。</source>
        <translation>First choose the objection to resolve in the objections table.</translation>
    </message>
    <message>
        <source>保存公示</source>
        <translation>Save notice</translation>
    </message>
    <message>
        <source>自上次变动公示以来,乡镇没有决定新的低保变动,无须公示。</source>
        <translation>The township has decided no new dibao change since the last change notice: nothing to post.</translation>
    </message>
    <message>
        <source>低保变动公示-{day}</source>
        <translation>dibao-change-notice-{day}</translation>
    </message>
    <message>
        <source>已发布低保变动公示 {notice_id}({count} 项变动),已保存 {path}</source>
        <translation>Dibao change notice {notice_id} posted ({count} changes), saved {path}</translation>
    </message>
    <message>
        <source>本村目前没有在保的低保户,公示名单是空的。</source>
        <translation>The village has no household in payment: the public list is empty.</translation>
    </message>
    <message>
        <source>低保公示名单-{month}</source>
        <translation>dibao-public-list-{month}</translation>
    </message>
    <message>
        <source>复核调查日期</source>
        <translation>Review investigation date</translation>
    </message>
    <message>
        <source>调查人(至少 2 人)</source>
        <translation>Investigators (at least 2)</translation>
    </message>
    <message>
        <source>姓名之间用顿号或逗号分隔,例如 张三、李四</source>
        <translation>Separate names with commas, e.g. Zhang San, Li Si</translation>
    </message>
    <message>
        <source>现有家庭人口</source>
        <translation>Household members now</translation>
    </message>
    <message>
        <source>现家庭年收入(元)</source>
        <translation>Annual household income now (yuan)</translation>
    </message>
    <message>
        <source>家庭成员或收入变化</source>
        <translation>Changes in members or income</translation>
    </message>
    <message>
        <source>如:新增或减少成员、就业、患病、收入变化</source>
        <translation>e.g. members added or gone, work found, illness, income changed</translation>
    </message>
    <message>
        <source>复核意见</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>建议分类</source>
        <translation>Proposed class</translation>
    </message>
    <message>
        <source>不变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>停保理由</source>
        <translation>Reason to stop</translation>
    </message>
    <message>
        <source>建议停保时必填</source>
        <translation>Required when proposing to stop</translation>
    </message>
    <message>
        <source>复核结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>核实的家庭情况</source>
        <translation>The household&apos;s situation as verified</translation>
    </message>
    <message>
        <source>复核记录随下一次导出的数据包报乡镇,由乡镇决定继续、调整、变更分类或停保。</source>
        <translation>The review goes to the township with the next exported bundle; the township decides to continue, adjust, change the class or stop.</translation>
    </message>
    <message>
        <source>调查方式</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>调查结论</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>核实的家庭情况和困难</source>
        <translation>The household situation and hardship as verified</translation>
    </message>
    <message>
        <source>初审日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>初审结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不通过</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>初审意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>民生员初审意见</source>
        <translation>The officer&apos;s preliminary review opinion</translation>
    </message>
    <message>
        <source>拟救助金额(元)</source>
        <translation>Proposed amount (yuan)</translation>
    </message>
    <message>
        <source>拟月保障金(元)</source>
        <translation>Proposed monthly benefit (yuan)</translation>
    </message>
    <message>
        <source>不通过的理由</source>
        <translation>Reason for not passing</translation>
    </message>
    <message>
        <source>将告知申请人</source>
        <translation>The applicant will be told</translation>
    </message>
    <message>
        <source>与评议结论不一致的理由</source>
        <translation>Reason for differing from the deliberation</translation>
    </message>
    <message>
        <source>初审结论与村民代表评议结论相反时必填</source>
        <translation>Required when the review concludes against the villagers&apos; deliberation</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>先行救助金额(元)</source>
        <translation>Advance payment (yuan)</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <source>批准先行救助的负责人</source>
        <translation>The person in charge who authorised the advance payment</translation>
    </message>
    <message>
        <source>发放方式</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>登记对方工作站</source>
        <translation>Enrol a workstation</translation>
    </message>
    <message>
        <source>{place}(经办人 {officer})
工作站编号 {workstation_id}</source>
        <translation>{place} (officer {officer})
Workstation no. {workstation_id}</translation>
    </message>
    <message>
        <source>请对方念出其身份信息表上的指纹,与下面逐组核对:</source>
        <translation>Ask the other side to read out the fingerprint on their identity sheet, and compare it group by group with this one:</translation>
    </message>
    <message>
        <source>我已逐组核对,指纹完全一致</source>
        <translation>I compared every group: the fingerprints are identical</translation>
    </message>
    <message>
        <source>对方确实换了电脑或重建了工作站,替换原来的登记</source>
        <translation>The other side really changed computer or rebuilt its workstation: replace the earlier enrolment</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>请先核对指纹并勾选“指纹完全一致”。</source>
        <translation>Please compare the fingerprint first and tick “the fingerprints are identical”.</translation>
    </message>
    <message>
        <source>已登记 {place}(经办人 {officer})的工作站,今后可以互相导入数据包。</source>
        <translation>Enrolled the workstation of {place} (officer {officer}); you can now exchange bundles.</translation>
    </message>
    <message>
        <source>{v}:{name}({root},剩余 {free} MB)</source>
        <translation>{v}: {name} ({root}, {free} MB free)</translation>
    </message>
    <message>
        <source>U 盘</source>
        <translation>USB stick</translation>
    </message>
    <message>
        <source>磁盘</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>发送到乡镇</source>
        <translation>Send to the township</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export bundles</translation>
    </message>
    <message>
        <source>选择保存位置(U 盘排在最前面):</source>
        <translation>Choose where to save (USB sticks first):</translation>
    </message>
    <message>
        <source>其他文件夹…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>重新发送全部记录(&amp;R)(对方说缺少记录或数据包丢失时使用,对方已有的会自动跳过)</source>
        <translation>&amp;Resend all records (when the other side says records are missing or a bundle was lost; what it already has is skipped)</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>选择保存数据包的文件夹</source>
        <translation>Choose the folder for the bundles</translation>
    </message>
    <message>
        <source>文件夹:{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>请先选择保存位置(插入 U 盘,或点“其他文件夹…”)。</source>
        <translation>Please choose where to save first (plug in a USB stick, or click “Other folder…”).</translation>
    </message>
    <message>
        <source>发送到乡镇:公示期满的 {ready} 件案件随数据包上报</source>
        <translation>Send to the township: {ready} case(s) whose notice period is over are reported with the bundle</translation>
    </message>
    <message>
        <source>上报后案件变为“已上报”,由乡镇接收审批,村里不能再修改。</source>
        <translation>Once reported the cases become “reported”; the township receives and decides, and the village can no longer change them.</translation>
    </message>
    <message>
        <source>已导出 {name}(发给 {recipient},事件 {events} 个)</source>
        <translation>Exported {name} (to {recipient}, {events} events)</translation>
    </message>
    <message>
        <source>,随包上报 {n} 件</source>
        <translation>, reporting {n} case(s)</translation>
    </message>
    <message>
        <source>没有需要发送的新内容。</source>
        <translation>Nothing new to send.</translation>
    </message>
    <message>
        <source>已导出 {n} 个数据包。</source>
        <translation>{n} bundle(s) exported.</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>选择数据包…</source>
        <translation>Choose bundles…</translation>
    </message>
    <message>
        <source>要导入的数据包:</source>
        <translation>Bundles to import:</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>选择数据包</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>数据包 (*.rdbundle)</source>
        <translation>Bundles (*.rdbundle)</translation>
    </message>
    <message>
        <source>请先选择要导入的数据包。</source>
        <translation>Please choose the bundles to import first.</translation>
    </message>
    <message>
        <source>数据包未能导入,本机数据没有改动;原因见导入报告。</source>
        <translation>The bundle was not imported and nothing here changed; see the import report for why.</translation>
    </message>
    <message>
        <source>{n} 个数据包都未能导入,本机数据没有改动;原因见导入报告。</source>
        <translation>None of the {n} bundles was imported and nothing here changed; see the import report for why.</translation>
    </message>
    <message>
        <source>已导入 {n} 个数据包</source>
        <translation>{n} bundle(s) imported</translation>
    </message>
    <message>
        <source>,{n} 个未能导入</source>
        <translation>, {n} not imported</translation>
    </message>
    <message>
        <source>,其中 {n} 个事件被拒绝</source>
        <translation>, {n} event(s) in them refused</translation>
    </message>
    <message>
        <source>;原因见导入报告。</source>
        <translation>; see the import report for why.</translation>
    </message>
    <message>
        <source>,结果见导入报告。</source>
        <translation>; see the import report for the results.</translation>
    </message>
    <message>
        <source>数据交换(&amp;D)</source>
        <translation>&amp;Data exchange</translation>
    </message>
    <message>
        <source>本机身份与指纹(&amp;I)…</source>
        <translation>This workstation&apos;s &amp;identity…</translation>
    </message>
    <message>
        <source>登记对方工作站(&amp;R)…</source>
        <translation>En&amp;rol a workstation…</translation>
    </message>
    <message>
        <source>发送到乡镇(导出数据包)(&amp;E)…</source>
        <translation>Send to the township (&amp;export bundle)…</translation>
    </message>
    <message>
        <source>导出数据包(&amp;E)…</source>
        <translation>&amp;Export bundles…</translation>
    </message>
    <message>
        <source>导入数据包(&amp;M)…</source>
        <translation>I&amp;mport bundles…</translation>
    </message>
    <message>
        <source>选择对方的身份文件</source>
        <translation>Choose the other side&apos;s identity file</translation>
    </message>
    <message>
        <source>身份文件 (*.json)</source>
        <translation>Identity files (*.json)</translation>
    </message>
    <message>
        <source>本机身份与指纹</source>
        <translation>This workstation&apos;s identity</translation>
    </message>
    <message>
        <source>指纹(登记时请对方逐组核对):</source>
        <translation>Fingerprint (to be compared group by group when enrolling):</translation>
    </message>
    <message>
        <source>导出身份文件…</source>
        <translation>Export identity file…</translation>
    </message>
    <message>
        <source>打印身份信息表(PDF)…</source>
        <translation>Print identity sheet (PDF)…</translation>
    </message>
    <message>
        <source>导出身份文件</source>
        <translation>Export identity file</translation>
    </message>
    <message>
        <source>{v}-身份文件.json</source>
        <translation>{v}-identity.json</translation>
    </message>
    <message>
        <source>保存身份信息表</source>
        <translation>Save identity sheet</translation>
    </message>
    <message>
        <source>身份信息表.pdf</source>
        <translation>identity-sheet.pdf</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>批准…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>不批准…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>转县审批…</source>
        <translation>Refer to the county…</translation>
    </message>
    <message>
        <source>退回补充…</source>
        <translation>Return for more information…</translation>
    </message>
    <message>
        <source>按县局批复批准…</source>
        <translation>Approve as the county replied…</translation>
    </message>
    <message>
        <source>按县局批复不批准…</source>
        <translation>Reject as the county replied…</translation>
    </message>
    <message>
        <source>登记发放…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <source>打印不予批准通知书…</source>
        <translation>Print the rejection notice…</translation>
    </message>
    <message>
        <source>登记已送达…</source>
        <translation>Record delivery…</translation>
    </message>
    <message>
        <source>已批准:导出数据包(数据交换 → 导出数据包)送回村里,由村里结果公示;结果公示送回后在这里登记发放。</source>
        <translation>Approved: export a bundle (Data exchange → Export bundles) to send it back to the village, which posts the result; once the result notice is back, record the payment here.</translation>
    </message>
    <message>
        <source>已退回补充:导出数据包送回村里,村里补充后重新上报。</source>
        <translation>Returned for more material: export a bundle to send it back to the village, which completes it and reports it again.</translation>
    </message>
    <message>
        <source>已发放:按月导出备案登记册(乡镇审批 → 导出备案登记册)报县民政局。</source>
        <translation>Paid: export the monthly filing register (Township approval → Export filing register) for the county civil-affairs bureau.</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>公示与异议</source>
        <translation>Notice and objections</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>批准 {amount}</source>
        <translation>approved {amount}</translation>
    </message>
    <message>
        <source>县局决定:{what},文号 {ref}</source>
        <translation>County decision: {what}, ref. {ref}</translation>
    </message>
    <message>
        <source>县民政局审批 — 案件 {case_id}</source>
        <translation>County approval — case {case_id}</translation>
    </message>
    <message>
        <source>乡镇审核 — 案件 {case_id}</source>
        <translation>Township review — case {case_id}</translation>
    </message>
    <message>
        <source>(民生员 {officer})</source>
        <translation> (village officer {officer})</translation>
    </message>
    <message>
        <source>编号 {id} · 状态 &lt;b&gt;{status}&lt;/b&gt; · 期限 {due_on} {due_label}</source>
        <translation>No. {id} · Status &lt;b&gt;{status}&lt;/b&gt; · Deadline {due_on} {due_label}</translation>
    </message>
    <message>
        <source>申请 {requested} · 村拟救助 {proposed} · 先行救助 {paid_first} · 批准 {approved} · 发放 {paid}</source>
        <translation>Requested {requested} · village proposal {proposed} · paid first {paid_first} · approved {approved} · paid {paid}</translation>
    </message>
    <message>
        <source>申请 {requested} · 村拟救助 {proposed} · 批准每月 {approved} · 已按月发放 {months} 个月,共 {paid}</source>
        <translation>Requested {requested} · village proposal {proposed} · approved {approved} a month · paid monthly for {months} months, {paid} in all</translation>
    </message>
    <message>
        <source>未发现风险提示。</source>
        <translation>No risk flags found.</translation>
    </message>
    <message>
        <source>风险提示({n})</source>
        <translation>Risk flags ({n})</translation>
    </message>
    <message>
        <source>没有初审公示记录。</source>
        <translation>No preliminary notice recorded.</translation>
    </message>
    <message>
        <source>批次 {notice_id} · {start} 至 {last}(共 {days} 天,规定 {required} 天) · 张贴于 {board} · 结束于 {closed_on} · 张贴照片 {photo}</source>
        <translation>Notice {notice_id} · {start} to {last} ({days} days; {required} required) · posted at {board} · closed {closed_on} · photo {photo}</translation>
    </message>
    <message>
        <source>有</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>no</translation>
    </message>
    <message>
        <source>初审公示</source>
        <translation>Preliminary public notice</translation>
    </message>
    <message>
        <source>公示张贴照片 {name}</source>
        <translation>Photo of notice posting {name}</translation>
    </message>
    <message>
        <source>村里没有随案件送来附件。</source>
        <translation>The village sent no attachments with the case.</translation>
    </message>
    <message>
        <source>(已收到)</source>
        <translation>(received)</translation>
    </message>
    <message>
        <source>(未收到)</source>
        <translation>(not received)</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>县局</source>
        <translation>County</translation>
    </message>
    <message>
        <source>办理方</source>
        <translation>By</translation>
    </message>
    <message>
        <source>办理记录(村里的全过程、乡镇的办理和县局的决定)</source>
        <translation>History (the village&apos;s whole process, the township&apos;s steps and the county&apos;s decision)</translation>
    </message>
    <message>
        <source>办理记录(村里的全过程和乡镇的决定)</source>
        <translation>Case history (every village step and the township&apos;s decisions)</translation>
    </message>
    <message>
        <source>现在没有县局可办理的操作。</source>
        <translation>Nothing for the county to do on this case now.</translation>
    </message>
    <message>
        <source>现在没有乡镇可办理的操作。</source>
        <translation>Nothing for the township to do now.</translation>
    </message>
    <message>
        <source>登记已送达</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <source>不予批准通知书如何送达申请人:</source>
        <translation>How the rejection notice reached the applicant:</translation>
    </message>
    <message>
        <source>已登记不予批准通知书送达({how})。</source>
        <translation>Delivery of the rejection notice recorded ({how}).</translation>
    </message>
    <message>
        <source>保存不予批准通知书</source>
        <translation>Save the rejection notice</translation>
    </message>
    <message>
        <source>不予批准通知书-{case_id}.pdf</source>
        <translation>rejection-notice-{case_id}.pdf</translation>
    </message>
    <message>
        <source>不予批准通知书已保存到 {path}</source>
        <translation>Rejection notice saved to {path}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>不批准</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>转县审批</source>
        <translation>Refer to the county</translation>
    </message>
    <message>
        <source>退回补充</source>
        <translation>Return for more information</translation>
    </message>
    <message>
        <source>登记发放</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>写明不批准的理由(将写入不予批准通知书)</source>
        <translation>Give the reason for rejecting (it goes into the rejection notice)</translation>
    </message>
    <message>
        <source>写明转县审批的原因</source>
        <translation>Give the reason for referring to the county</translation>
    </message>
    <message>
        <source>写明村里需要补充的材料或情况</source>
        <translation>Say what the village must add</translation>
    </message>
    <message>
        <source>批准后决定随下一个数据包送回村里,由村里结果公示;决定不能撤销。</source>
        <translation>Once approved, the decision goes back to the village with the next bundle for the result notice; it cannot be undone.</translation>
    </message>
    <message>
        <source>不批准后案件即告结束,须在 3 个工作日内书面告知申请人;决定不能撤销。</source>
        <translation>Rejecting ends the case; the applicant must be told in writing within 3 working days. It cannot be undone.</translation>
    </message>
    <message>
        <source>转县审批后由县民政局决定,乡镇按县局批复登记。</source>
        <translation>Once referred, the county civil affairs bureau decides; the township records the county&apos;s reply.</translation>
    </message>
    <message>
        <source>退回后案件回到村里重新调查,待村里重新上报后再审批。</source>
        <translation>Once returned, the case goes back to the village for a new investigation and is decided when the village reports it again.</translation>
    </message>
    <message>
        <source>发放登记后计入已发放金额,之后可按月备案。</source>
        <translation>Once recorded, the payment counts as paid and can be filed with the month.</translation>
    </message>
    <message>
        <source>批准后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇登记后转送村里结果公示;决定不能撤销。</source>
        <translation>Once approved, the decision gets the county&apos;s reference number and goes to the township in the county&apos;s next bundle; the township records it and passes it on to the village for the result notice. It cannot be undone.</translation>
    </message>
    <message>
        <source>不批准后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇登记并书面告知申请人;决定不能撤销。</source>
        <translation>Once rejected, the decision gets the county&apos;s reference number and goes to the township in the county&apos;s next bundle; the township records it and tells the applicant in writing. It cannot be undone.</translation>
    </message>
    <message>
        <source>退回后编发县局文号,决定随县局的下一个数据包送达乡镇,由乡镇转回村里补充材料;决定不能撤销。</source>
        <translation>Once returned, the decision gets the county&apos;s reference number and goes to the township in the county&apos;s next bundle; the township sends the case back to the village for more material. It cannot be undone.</translation>
    </message>
    <message>
        <source>(县局批复)</source>
        <translation> (county&apos;s reply)</translation>
    </message>
    <message>
        <source>例如 新民发〔2026〕12号</source>
        <translation>e.g. Xin Min Fa [2026] No. 12</translation>
    </message>
    <message>
        <source>金额(元):</source>
        <translation>Amount (yuan):</translation>
    </message>
    <message>
        <source>{name} · 申请 {requested} 元 · 村拟救助 {proposed} 元
县级审批上限 {cap} 元。决定编发县局文号,随县局的数据包送达乡镇,由乡镇登记后转送村里。</source>
        <translation>{name} · requested {requested} yuan · village proposal {proposed} yuan
County approval cap {cap} yuan. The decision gets the county&apos;s reference number and goes to the township in the county&apos;s bundle; the township records it and passes it on to the village.</translation>
    </message>
    <message>
        <source>已先行救助 {paid_first} 元,计入批准金额,乡镇发放时只发差额。</source>
        <translation>{paid_first} yuan was paid first; it counts toward the approved amount and the township pays only the rest.</translation>
    </message>
    <message>
        <source>本机政策(&amp;O)…</source>
        <translation>P&amp;olicy in force…</translation>
    </message>
    <message>
        <source>{issuer}第 {version} 版(只读)</source>
        <translation>{issuer}, edition {version} (read-only)</translation>
    </message>
    <message>
        <source>本机设置</source>
        <translation>Set on this workstation</translation>
    </message>
    <message>
        <source>本机政策</source>
        <translation>Policy in force</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>发布新版政策…</source>
        <translation>Issue a new edition…</translation>
    </message>
    <message>
        <source>{issuer} 第 {version} 版,自 {effective} 起施行</source>
        <translation>{issuer}, edition {version}, in force from {effective}</translation>
    </message>
    <message>
        <source>没有上级发布的政策版本,全部为本机设置。</source>
        <translation>No edition issued from above: every setting is this workstation&apos;s own.</translation>
    </message>
    <message>
        <source>即将施行:{issuer} 第 {version} 版,自 {effective} 起</source>
        <translation>Coming: {issuer}, edition {version}, from {effective}</translation>
    </message>
    <message>
        <source>(无)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{field}:{problem}。</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>发布新版政策</source>
        <translation>Issue a new edition of policy</translation>
    </message>
    <message>
        <source>发布新版政策(节假日与调休)</source>
        <translation>Issue a new edition (holidays and make-up working days)</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <source>日期 {days} 同时列为法定节假日和调休上班日,只能是其中一种。</source>
        <translation>{days} is listed both as a public holiday and as a make-up working day; it can only be one.</translation>
    </message>
    <message>
        <source>新版政策与本机现行的设置没有不同,未发布。请先修改要发布的项。</source>
        <translation>The new edition would change nothing here; nothing was issued. Change what it should set first.</translation>
    </message>
    <message>
        <source>各乡镇(再由乡镇转送各村)</source>
        <translation>every township (and through them their villages)</translation>
    </message>
    <message>
        <source>各村</source>
        <translation>every village</translation>
    </message>
    <message>
        <source>发布新版政策,自 {day} 起施行</source>
        <translation>Issue a new policy edition, in force from {day}</translation>
    </message>
    <message>
        <source>新版政策随下一个数据包送达{below},各方按它计算;发出后不能收回,只能再发布新版更正。</source>
        <translation>The new edition goes to {below} with the next bundle and everyone reckons by it; once sent it cannot be taken back, only corrected by a newer edition.</translation>
    </message>
    <message>
        <source>已发布新版政策 {rid},下次导出数据包时送达{below}。</source>
        <translation>Issued edition {rid}; the next bundles take it to {below}.</translation>
    </message>
    <message>
        <source>例如 2027-01-01</source>
        <translation>e.g. 2027-01-01</translation>
    </message>
    <message>
        <source>例如 2027-02-07</source>
        <translation>e.g. 2027-02-07</translation>
    </message>
    <message>
        <source>如 依据国务院办公厅2027年部分节假日安排的通知</source>
        <translation>e.g. following the State Council&apos;s notice on the 2027 holidays</translation>
    </message>
    <message>
        <source>法定节假日:</source>
        <translation>Public holidays:</translation>
    </message>
    <message>
        <source>新版政策随下一个数据包送达本乡镇各村;自施行日期起,各村和本机按它计算工作日期限。日期每行一个,写作“年-月-日”,例如 2027-01-01。</source>
        <translation>The new edition reaches the township&apos;s villages with the next bundle; from the date it takes effect, the villages and this workstation count working-day deadlines by it. One date a line, as year-month-day, e.g. 2027-01-01.</translation>
    </message>
    <message>
        <source>新版政策随下一个数据包送达各乡镇,由乡镇转送各村;自施行日期起,各乡镇、各村和本机按它计算期限、审批上限和标准。只发布与本机设置不同的项和上一版已设定的项。日期每行一个,写作“年-月-日”,例如 2027-01-01;金额以元为单位。</source>
        <translation>The new edition goes to every township with the next bundle and on from them to their villages; from its effective date the townships, villages and this workstation reckon deadlines, caps and standards by it. It states the settings that differ from this workstation&apos;s and those the last edition set. One date a line, as year-month-day, e.g. 2027-01-01; amounts in yuan.</translation>
    </message>
    <message>
        <source>调休上班日:</source>
        <translation>Make-up working days:</translation>
    </message>
    <message>
        <source>乡镇民政办电话:</source>
        <translation>Township office phone:</translation>
    </message>
    <message>
        <source>审批上限、标准和期限:</source>
        <translation>Caps, standards and deadlines:</translation>
    </message>
    <message>
        <source>施行日期:</source>
        <translation>Takes effect on:</translation>
    </message>
    <message>
        <source>说明:</source>
        <translation>Explanation:</translation>
    </message>
    <message>
        <source>由{title}设定,本机不能修改。</source>
        <translation>Set by {title}; it cannot be changed here.</translation>
    </message>
    <message>
        <source>理由:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>先行救助追回或说明:</source>
        <translation>Recovery of advance payment, or explanation:</translation>
    </message>
    <message>
        <source>县局批复文号:</source>
        <translation>County reply no.:</translation>
    </message>
    <message>
        <source>继续保障</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>调整保障金</source>
        <translation>Adjust amount</translation>
    </message>
    <message>
        <source>变更分类</source>
        <translation>Change class</translation>
    </message>
    <message>
        <source>停保</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>家庭收入超过低保标准</source>
        <translation>Household income above the dibao standard</translation>
    </message>
    <message>
        <source>保障对象死亡</source>
        <translation>Recipient deceased</translation>
    </message>
    <message>
        <source>迁出本地</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>无正当理由拒不配合复核</source>
        <translation>Refused the review without good reason</translation>
    </message>
    <message>
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>复核决定 — {case_id}</source>
        <translation>Review decision — {case_id}</translation>
    </message>
    <message>
        <source>{name}:复核调查 {date},现家庭人口 {persons} 人,年收入 {income} 元;村里建议:{proposed}。{changes}</source>
        <translation>{name}: reviewed {date}, {persons} household members now, annual income {income} yuan; the village proposes: {proposed}. {changes}</translation>
    </message>
    <message>
        <source>决定日期:</source>
        <translation>Decided on:</translation>
    </message>
    <message>
        <source>低保分类:</source>
        <translation>Dibao class:</translation>
    </message>
    <message>
        <source>月保障金(元):</source>
        <translation>Monthly amount (yuan):</translation>
    </message>
    <message>
        <source>生效月份:</source>
        <translation>Takes effect from:</translation>
    </message>
    <message>
        <source>按县里的计算方法应为每月 {amount} 元({how})。</source>
        <translation>By the county&apos;s method: {amount} yuan a month ({how}).</translation>
    </message>
    <message>
        <source>,已不符合低保条件:请作停保决定。</source>
        <translation>; no longer eligible for dibao: decide a stop.</translation>
    </message>
    <message>
        <source>停保 — {case_id} {name}</source>
        <translation>Stop — {case_id} {name}</translation>
    </message>
    <message>
        <source>将写入停保通知书告知该户</source>
        <translation>Written in the stop notice to the household</translation>
    </message>
    <message>
        <source>停保原因:</source>
        <translation>Kind of reason:</translation>
    </message>
    <message>
        <source>停保理由:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>收入超过标准的,按县里的政策给予渐退期;停保后打印停保通知书送达该户。</source>
        <translation>Where income rose above the standard the county&apos;s gradual exit applies; after the stop, print the stop notice for the household.</translation>
    </message>
    <message>
        <source>该户没有待决定的复核(村里的复核随其数据包送到)。</source>
        <translation>No review of this household awaits a decision (the village&apos;s review arrives in its bundle).</translation>
    </message>
    <message>
        <source>保存停保通知书</source>
        <translation>Save stop notice</translation>
    </message>
    <message>
        <source>停保通知书-{case_id}</source>
        <translation>stop-notice-{case_id}</translation>
    </message>
    <message>
        <source>金额为每月保障金,按县里设定的计算办法核定,自批准当月起按月发放。</source>
        <translation>The amount is the monthly allowance, reckoned by the county&apos;s method, paid monthly from the month of approval.</translation>
    </message>
    <message>
        <source>发放方式:</source>
        <translation>Payment method:</translation>
    </message>
    <message>
        <source>发放日期:</source>
        <translation>Payment date:</translation>
    </message>
    <message>
        <source>{name} · 批准 {approved} 元{first} · 应发 {due} 元
确认款项到账后登记;发放后按月导出备案登记册报县民政局。</source>
        <translation>{name} · approved {approved} yuan{first} · to pay {due} yuan
Record it once the money has arrived; paid cases go to the county in the monthly filing register.</translation>
    </message>
    <message>
        <source> · 已先行救助 {0} 元</source>
        <translation> · {0} yuan paid in advance</translation>
    </message>
    <message>
        <source>{name} · 申请 {requested} 元 · 村拟救助 {proposed} 元
乡镇审批上限 {cap} 元,超过上限请转县审批。</source>
        <translation>{name} · requested {requested} yuan · proposed by the village {proposed} yuan
Township approval cap {cap} yuan; refer cases above it to the county.</translation>
    </message>
    <message>
        <source>此案已转县审批:请按县民政局的批复登记,并填写批复文号。</source>
        <translation>This case was referred to the county: record the county civil affairs bureau&apos;s reply and its reference number.</translation>
    </message>
    <message>
        <source>已先行救助 {paid_first} 元,发放时只发差额;批准金额低于它时须写明追回或说明。</source>
        <translation>Already paid in advance {paid_first} yuan: only the difference is paid; an approval below it needs a recovery or an explanation.</translation>
    </message>
    <message>
        <source>已{title}:{case_id} {name}。</source>
        <translation>Done — {title}: {case_id} {name}.</translation>
    </message>
    <message>
        <source>,金额 {text} 元</source>
        <translation>, amount {text} yuan</translation>
    </message>
    <message>
        <source>请填写金额(单位:元),例如 1500.00。</source>
        <translation>Please enter an amount in yuan, e.g. 1500.00.</translation>
    </message>
    <message>
        <source>各村本月批准金额(元),按类型</source>
        <translation>Amount approved this month per village (yuan), by category</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>月份(年-月):</source>
        <translation>Month (year-month):</translation>
    </message>
    <message>
        <source>各步骤用时为该月内办结的步骤的平均工作日;期限一栏为“按期/应计”。</source>
        <translation>Step times are the average working days of the steps completed in the month; the deadline column is “on time / due”.</translation>
    </message>
    <message>
        <source>导出月度统计</source>
        <translation>Export monthly figures</translation>
    </message>
    <message>
        <source>月度统计-{text}.xlsx</source>
        <translation>monthly-figures-{text}.xlsx</translation>
    </message>
    <message>
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
    <message>
        <source>&lt;b&gt;乡镇工作站怎样开始:&lt;/b&gt; ① 本机身份与指纹 → 导出身份文件、打印身份信息表,交各村登记; ② 登记村工作站:逐个登记各村的身份文件(当面或电话核对指纹); ③ 导入数据包:各村 U 盘送来的数据包可一次选多个,已上报的案件自动接收,进入审批队列; ④ 在“审批队列”中审核决定;⑤ 导出数据包:决定随数据包送回各村; ⑥ 村里结果公示送回后登记发放,按月导出备案登记册报县民政局。</source>
        <translation>&lt;b&gt;How a township workstation starts:&lt;/b&gt; ① This workstation&apos;s identity → export the identity file and print the identity sheet for each village to enrol; ② Enrol village workstations: enrol each village&apos;s identity file (compare fingerprints in person or by phone); ③ Import bundles: several bundles from the villages&apos; USB sticks can be chosen at once; reported cases are received automatically and join the review queue; ④ review and decide in the “Review queue”; ⑤ Export bundles: the decisions go back to the villages with them; ⑥ after the villages&apos; result notices come back, record payments and export the monthly filing register for the county civil affairs bureau.</translation>
    </message>
    <message>
        <source>本机身份与指纹…</source>
        <translation>This workstation&apos;s identity…</translation>
    </message>
    <message>
        <source>登记村工作站…</source>
        <translation>Enrol village workstations…</translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <source>导出数据包(送回决定)…</source>
        <translation>Export bundles (send decisions back)…</translation>
    </message>
    <message>
        <source>最近收到的数据包:</source>
        <translation>Bundles received lately:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>超过</source>
        <translation>Highlight villages silent for more than</translation>
    </message>
    <message>
        <source>天未报送的村标黄提醒</source>
        <translation>days</translation>
    </message>
    <message>
        <source>已保存:超过 {days} 天未报送的村标黄提醒。</source>
        <translation>Saved: villages silent for more than {days} days are highlighted.</translation>
    </message>
    <message>
        <source>还没有登记任何村:请按上面的第 ①、② 步登记各村。</source>
        <translation>No village enrolled yet: enrol the villages as in steps ① and ② above.</translation>
    </message>
    <message>
        <source>{n} 个村已超过 {days} 天未报送:</source>
        <translation>{n} village(s) silent for more than {days} days: </translation>
    </message>
    <message>
        <source>已登记 {n} 个村,都未超过 {days} 天未报送</source>
        <translation>{n} villages enrolled, none silent for more than {days} days</translation>
    </message>
    <message>
        <source>;其中 {names} 登记后还没有报送过。</source>
        <translation>; {names} has not sent anything since it was enrolled.</translation>
    </message>
    <message>
        <source>新事件 {n} 个</source>
        <translation>{n} new event(s)</translation>
    </message>
    <message>
        <source>还没有收到任何数据包。</source>
        <translation>No bundle received yet.</translation>
    </message>
    <message>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>已等(工作日)</source>
        <translation>Waiting (working days)</translation>
    </message>
    <message>
        <source>审批期限</source>
        <translation>Decision due</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>(已超期)</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>(将到期)</source>
        <translation> (due soon)</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>民生员</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <source>未报送(天)</source>
        <translation>Silent (days)</translation>
    </message>
    <message>
        <source>各乡镇报送情况(超过设定天数未报送的标黄):</source>
        <translation>Townships&apos; bundles (those silent longer than the setting are highlighted):</translation>
    </message>
    <message>
        <source>抽中的案件</source>
        <translation>Case drawn</translation>
    </message>
    <message>
        <source>核查结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>登记乡镇工作站…</source>
        <translation>Enrol township workstations…</translation>
    </message>
    <message>
        <source>抽取本月抽查案件…</source>
        <translation>Draw this month&apos;s spot-check…</translation>
    </message>
    <message>
        <source>登记核查结果…</source>
        <translation>Record a check…</translation>
    </message>
    <message>
        <source>待县局审批 {waiting} 件(其中超期 {overdue} 件)· 已登记乡镇 {townships} 个</source>
        <translation>{waiting} case(s) awaiting the county&apos;s decision ({overdue} overdue) · {townships} township(s) enrolled</translation>
    </message>
    <message>
        <source> · {n} 个乡镇超过 {days} 天未报送:{names}</source>
        <translation> · {n} township(s) silent for more than {days} days: {names}</translation>
    </message>
    <message>
        <source> · {month} 抽查:抽中 {drawn} 件,已核查 {checked} 件,发现问题 {problems} 件</source>
        <translation> · spot-check {month}: {drawn} drawn, {checked} checked, {problems} with problems</translation>
    </message>
    <message>
        <source> · {month} 考核:{done}/{total} 个乡镇已公布</source>
        <translation> · {month} assessment: {done}/{total} townships published</translation>
    </message>
    <message>
        <source>(未公布:{names})</source>
        <translation> (not yet: {names})</translation>
    </message>
    <message>
        <source>未核查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>{month} 抽查(每个乡镇抽 {n} 件,双击一行或按回车登记核查结果):</source>
        <translation>Spot-check {month} ({n} case(s) per township; double-click a row or press Enter to record its check):</translation>
    </message>
    <message>
        <source>抽取 {month} 的抽查案件</source>
        <translation>Draw the spot-check cases of {month}</translation>
    </message>
    <message>
        <source>每月抽取一次,抽中的案件和随机种子记入办理记录,不能重抽。</source>
        <translation>Drawn once a month; the cases drawn and the random seed go into the case histories and cannot be drawn again.</translation>
    </message>
    <message>
        <source>已抽取 {n} 件(随机种子 {seed})。</source>
        <translation>{n} case(s) drawn (random seed {seed}).</translation>
    </message>
    <message>
        <source>抽查核查 — {case}</source>
        <translation>Spot-check — {case}</translation>
    </message>
    <message>
        <source>核查项目:</source>
        <translation>Items checked:</translation>
    </message>
    <message>
        <source>核查结论:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>发现的问题(有问题时必填)</source>
        <translation>Problems found (required when there are any)</translation>
    </message>
    <message>
        <source>整改要求(需纠正时必填,送达乡镇)</source>
        <translation>What must be corrected (required when something must be put right; sent to the township)</translation>
    </message>
    <message>
        <source>发现的问题:</source>
        <translation>Problems found:</translation>
    </message>
    <message>
        <source>整改要求:</source>
        <translation>Corrections required:</translation>
    </message>
    <message>
        <source>从未收到</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>乡镇审批(&amp;X)</source>
        <translation>T&amp;ownship review</translation>
    </message>
    <message>
        <source>县局审批(&amp;X)</source>
        <translation>C&amp;ounty review</translation>
    </message>
    <message>
        <source>审批队列(&amp;Q)</source>
        <translation>Review &amp;queue</translation>
    </message>
    <message>
        <source>各村报送与设置(&amp;V)</source>
        <translation>&amp;Villages and settings</translation>
    </message>
    <message>
        <source>月度统计(&amp;Y)</source>
        <translation>Monthly fi&amp;gures</translation>
    </message>
    <message>
        <source>导出备案登记册(&amp;B)…</source>
        <translation>Export the filing &amp;register…</translation>
    </message>
    <message>
        <source>乡镇审批</source>
        <translation>Township review</translation>
    </message>
    <message>
        <source>县局审批</source>
        <translation>County review</translation>
    </message>
    <message>
        <source>审批队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <source>各村报送</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>月度统计</source>
        <translation>Monthly figures</translation>
    </message>
    <message>
        <source>目标管理考核</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>全部案件台账</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>县局概况</source>
        <translation>County overview</translation>
    </message>
    <message>
        <source>待县局审批</source>
        <translation>Awaiting the county</translation>
    </message>
    <message>
        <source>全县案件台账</source>
        <translation>All cases of the county</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部待决定</source>
        <translation>All awaiting decision</translation>
    </message>
    <message>
        <source>乡镇已接收</source>
        <translation>Received by township</translation>
    </message>
    <message>
        <source>待登记发放</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>最低(元)</source>
        <translation>Min (yuan)</translation>
    </message>
    <message>
        <source>最高(元)</source>
        <translation>Max (yuan)</translation>
    </message>
    <message>
        <source>姓名或编号</source>
        <translation>Name or case no.</translation>
    </message>
    <message>
        <source>村:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>类型:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>金额:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>已等 ≥</source>
        <translation>Waiting ≥</translation>
    </message>
    <message>
        <source>工作日  查找:</source>
        <translation>working days  Find:</translation>
    </message>
    <message>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>结果已公示、待登记发放 {total} 件。确认款项到账后,打开案件点“登记发放…”;发放后的案件按月导出备案登记册报县民政局。</source>
        <translation>{total} case(s) with the result posted, awaiting payment. Once the money has arrived, open the case and click “Record payment…”; paid cases go to the county in the monthly filing register.</translation>
    </message>
    <message>
        <source>没有待登记发放的案件。村里的结果公示随村的数据包送回后出现在这里。</source>
        <translation>No case awaits payment. A case appears here when the village&apos;s result notice comes back with its bundle.</translation>
    </message>
    <message>
        <source>没有待县局审批的案件。各乡镇转县审批的案件随乡镇的数据包到达。</source>
        <translation>No case awaits the county. Cases the townships refer arrive with their bundles.</translation>
    </message>
    <message>
        <source>审批队列是空的。各村的数据包导入后,已上报的案件会自动接收并出现在这里。</source>
        <translation>The review queue is empty. After the villages&apos; bundles are imported, reported cases are received automatically and appear here.</translation>
    </message>
    <message>
        <source>待县局审批 {total} 件(各乡镇转县审批的案件,随乡镇的数据包到达);县级审批上限 {cap} 元;“风险提示”一栏列出重复申请、一人两户、近亲属等情况。决定随县局的数据包送回乡镇。</source>
        <translation>{total} case(s) awaiting the county (referred by the townships, arriving with their bundles); county approval cap {cap} yuan; the “Risk flags” column lists repeated applications, one person in two households, relatives of officials and the like. Decisions go back to the townships with the county&apos;s bundle.</translation>
    </message>
    <message>
        <source>待决定 {total} 件 · 转县审批 {referred} 件(待县局决定)。乡镇收到后 {days} 个工作日内决定(红色已超期,黄色即将到期);乡镇审批上限 {cap} 元,超过请转县审批;“风险提示”一栏列出重复申请、一人两户、近亲属等情况。</source>
        <translation>{total} awaiting a decision · {referred} referred to the county (the county decides). The township decides within {days} working days of receipt (red: overdue, yellow: soon due); township cap {cap} yuan, refer larger amounts to the county; &quot;Red flags&quot; lists repeat applications, one person in two households, relatives of officers.</translation>
    </message>
    <message>
        <source>另有 {n} 件结果已公示,待登记发放(在状态中选“待登记发放”)。</source>
        <translation> {n} more case(s) have the result posted and await payment (choose “Awaiting payment” under status).</translation>
    </message>
    <message>
        <source>共 {total} 件 · 今天 {today} · 点击表头排序 · 双击或按回车打开案件</source>
        <translation>{total} case(s) · today {today} · click a header to sort · double-click or press Enter to open a case</translation>
    </message>
    <message>
        <source>导出备案登记册(报县民政局)</source>
        <translation>Export the filing register (for the county civil affairs bureau)</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>月份(按发放日期):</source>
        <translation>Month (by payment date):</translation>
    </message>
    <message>
        <source>保存到:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>将生成 PDF(打印签章)、Excel 和乡镇签名的备案文件(县局可用本乡镇身份文件核验);登记册中的案件将标为“已备案”。</source>
        <translation>Makes a PDF (to print, sign and stamp), an Excel file and a filing file signed by the township (the county can verify it with this township&apos;s identity file); the cases in the register will be marked “filed”.</translation>
    </message>
    <message>
        <source>选择保存备案登记册的文件夹</source>
        <translation>Choose the folder for the filing register</translation>
    </message>
    <message>
        <source>请先选择保存的文件夹(例如 U 盘)。</source>
        <translation>Please choose a folder first (e.g. a USB stick).</translation>
    </message>
    <message>
        <source>导出备案登记册:{text},{n} 户</source>
        <translation>Export the filing register: {text}, {n} household(s)</translation>
    </message>
    <message>
        <source>登记册中的案件将标为“已备案”,报县民政局备案。</source>
        <translation>The cases in the register will be marked “filed” and reported to the county civil affairs bureau for filing.</translation>
    </message>
    <message>
        <source>导出备案登记册</source>
        <translation>Export the filing register</translation>
    </message>
    <message>
        <source>已导出备案登记册 {register_no}。</source>
        <translation>Filing register {register_no} exported.</translation>
    </message>
    <message>
        <source>备案登记册 {register_no}:{cases} 户,批准 {approved} 元,发放 {paid} 元。</source>
        <translation>Filing register {register_no}: {cases} households, approved {approved} yuan, paid {paid} yuan.</translation>
    </message>
    <message>
        <source>已写入 {p}</source>
        <translation>Written {p}</translation>
    </message>
    <message>
        <source>字</source>
        <translation>Ag</translation>
    </message>
    <message>
        <source>还有 {n} 处需要填写或修改:{items}</source>
        <translation>{n} place(s) to fill in or correct: {items}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>例如 1500.00</source>
        <translation>e.g. 1500.00</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>下一步:</source>
        <translation>Next:</translation>
    </message>
    <message>
        <source>正在{title},请等它完成后再试。</source>
        <translation>Busy: {title}. Please try again when it has finished.</translation>
    </message>
    <message>
        <source>正在{title},完成后才能保存。请稍候再点保存(已填写的内容不会丢失)。</source>
        <translation>Busy: {title}; saving must wait until it has finished. Please click Save again shortly (what you typed is kept).</translation>
    </message>
    <message>
        <source>正在{title}……</source>
        <translation>{title}…</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在{title},这项工作不能中途停止,请稍候……</source>
        <translation>{title}: this work cannot stop half-way, please wait…</translation>
    </message>
    <message>
        <source>已取消{title},没有做任何改动。</source>
        <translation>Cancelled: {title}; nothing was changed.</translation>
    </message>
    <message>
        <source>清理检查:</source>
        <translation>Inspection campaign:</translation>
    </message>
    <message>
        <source>开展清理检查(&amp;N)…</source>
        <translation>Ope&amp;n campaign…</translation>
    </message>
    <message>
        <source>结束并汇总(&amp;Y)…</source>
        <translation>Close and summarise (&amp;Y)…</translation>
    </message>
    <message>
        <source>保存汇总(&amp;V)…</source>
        <translation>Sa&amp;ve summary…</translation>
    </message>
    <message>
        <source>还没有开展过清理检查。</source>
        <translation>No inspection campaign yet.</translation>
    </message>
    <message>
        <source>已于 {date} 结束</source>
        <translation>closed on {date}</translation>
    </message>
    <message>
        <source>进行中,截止 {date}</source>
        <translation>running until {date}</translation>
    </message>
    <message>
        <source>{campaign}({state}):应复核 {households} 户,已复核 {reviewed} 户;继续 {continued}、调整 {adjusted}、停保 {stopped}、新纳入 {found}</source>
        <translation>{campaign} ({state}): {households} households to review, {reviewed} reviewed; continued {continued}, adjusted {adjusted}, stopped {stopped}, newly enrolled {found}</translation>
    </message>
    <message>
        <source>(名义:{county})</source>
        <translation> (on behalf of {county})</translation>
    </message>
    <message>
        <source>  {village}:{reviewed}/{households} 户</source>
        <translation>  {village}: {reviewed}/{households} households</translation>
    </message>
    <message>
        <source>保存清理检查汇总</source>
        <translation>Save campaign summary</translation>
    </message>
    <message>
        <source>已开展清理检查 {number}。</source>
        <translation>Campaign {number} opened.</translation>
    </message>
    <message>
        <source>结束清理检查</source>
        <translation>Close the inspection campaign</translation>
    </message>
    <message>
        <source>结束后各村的进度不再计入;可随时保存汇总。</source>
        <translation>After closing, the villages&apos; progress no longer counts; the summary can be saved at any time.</translation>
    </message>
    <message>
        <source>已结束清理检查 {number}。</source>
        <translation>Campaign {number} closed.</translation>
    </message>
    <message>
        <source>清理检查汇总-{number}</source>
        <translation>campaign-summary-{number}</translation>
    </message>
    <message>
        <source>开展清理检查</source>
        <translation>Open an inspection campaign</translation>
    </message>
    <message>
        <source>参加的村:</source>
        <translation>Villages:</translation>
    </message>
    <message>
        <source>截止日期:</source>
        <translation>Until:</translation>
    </message>
    <message>
        <source>已是新的一天({day}):窗口已按今天的日期刷新。</source>
        <translation>A new day ({day}): the window now works with today&apos;s date.</translation>
    </message>
    <message>
        <source>值(可修改)</source>
        <translation>Value (editable)</translation>
    </message>
    <message>
        <source>草稿</source>
        <comment>status</comment>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已受理</source>
        <comment>status</comment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <comment>status</comment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>已调查</source>
        <comment>status</comment>
        <translation>Investigated</translation>
    </message>
    <message>
        <source>已评议</source>
        <comment>status</comment>
        <translation>Deliberated</translation>
    </message>
    <message>
        <source>初审通过</source>
        <comment>status</comment>
        <translation>Passed review</translation>
    </message>
    <message>
        <source>初审不通过</source>
        <comment>status</comment>
        <translation>Failed review</translation>
    </message>
    <message>
        <source>公示中</source>
        <comment>status</comment>
        <translation>On notice</translation>
    </message>
    <message>
        <source>公示期满</source>
        <comment>status</comment>
        <translation>Notice ended</translation>
    </message>
    <message>
        <source>已上报</source>
        <comment>status</comment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>乡镇已接收</source>
        <comment>status</comment>
        <translation>Received by township</translation>
    </message>
    <message>
        <source>批准</source>
        <comment>status</comment>
        <translation>Approved</translation>
    </message>
    <message>
        <source>不批准</source>
        <comment>status</comment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>转县审批</source>
        <comment>status</comment>
        <translation>Referred to county</translation>
    </message>
    <message>
        <source>县局已决定</source>
        <comment>status</comment>
        <translation>Decided by county</translation>
    </message>
    <message>
        <source>退回补充</source>
        <comment>status</comment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>结果已公示</source>
        <comment>status</comment>
        <translation>Result posted</translation>
    </message>
    <message>
        <source>已发放</source>
        <comment>status</comment>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已备案</source>
        <comment>status</comment>
        <translation>Filed</translation>
    </message>
    <message>
        <source>先行救助</source>
        <comment>status</comment>
        <translation>Paid in advance</translation>
    </message>
    <message>
        <source>受理</source>
        <comment>step</comment>
        <translation>Accept</translation>
    </message>
    <message>
        <source>乡镇接收</source>
        <comment>step</comment>
        <translation>Receive at township</translation>
    </message>
    <message>
        <source>批准</source>
        <comment>step</comment>
        <translation>Approve</translation>
    </message>
    <message>
        <source>公示期满</source>
        <comment>step</comment>
        <translation>Close the notice</translation>
    </message>
    <message>
        <source>县局审批</source>
        <comment>step</comment>
        <translation>County decision</translation>
    </message>
    <message>
        <source>民主评议</source>
        <comment>step</comment>
        <translation>Deliberation</translation>
    </message>
    <message>
        <source>低保复核决定</source>
        <comment>step</comment>
        <translation>Dibao review decision</translation>
    </message>
    <message>
        <source>登记低保变动异议</source>
        <comment>step</comment>
        <translation>Record dibao change objection</translation>
    </message>
    <message>
        <source>处理低保变动异议</source>
        <comment>step</comment>
        <translation>Resolve dibao change objection</translation>
    </message>
    <message>
        <source>低保复核</source>
        <comment>step</comment>
        <translation>Dibao review</translation>
    </message>
    <message>
        <source>备案</source>
        <comment>step</comment>
        <translation>File</translation>
    </message>
    <message>
        <source>转达县局抽查结果</source>
        <comment>step</comment>
        <translation>Pass on county spot-check</translation>
    </message>
    <message>
        <source>入户调查</source>
        <comment>step</comment>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>送达不予批准通知书</source>
        <comment>step</comment>
        <translation>Deliver refusal letter</translation>
    </message>
    <message>
        <source>登记异议</source>
        <comment>step</comment>
        <translation>Record objection</translation>
    </message>
    <message>
        <source>发放</source>
        <comment>step</comment>
        <translation>Pay</translation>
    </message>
    <message>
        <source>先行救助</source>
        <comment>step</comment>
        <translation>Pay in advance</translation>
    </message>
    <message>
        <source>张榜公示</source>
        <comment>step</comment>
        <translation>Post notice</translation>
    </message>
    <message>
        <source>结果公示</source>
        <comment>step</comment>
        <translation>Result notice</translation>
    </message>
    <message>
        <source>转县审批</source>
        <comment>step</comment>
        <translation>Refer to county</translation>
    </message>
    <message>
        <source>不予受理</source>
        <comment>step</comment>
        <translation>Do not accept</translation>
    </message>
    <message>
        <source>不批准</source>
        <comment>step</comment>
        <translation>Reject</translation>
    </message>
    <message>
        <source>处理异议</source>
        <comment>step</comment>
        <translation>Resolve objection</translation>
    </message>
    <message>
        <source>退回补充</source>
        <comment>step</comment>
        <translation>Return for more information</translation>
    </message>
    <message>
        <source>初审</source>
        <comment>step</comment>
        <translation>Preliminary review</translation>
    </message>
    <message>
        <source>抽查核查</source>
        <comment>step</comment>
        <translation>Spot-check</translation>
    </message>
    <message>
        <source>抽查抽中</source>
        <comment>step</comment>
        <translation>Drawn for spot-check</translation>
    </message>
    <message>
        <source>上报乡镇</source>
        <comment>step</comment>
        <translation>Submit to township</translation>
    </message>
    <message>
        <source>临时救助</source>
        <comment>programme</comment>
        <translation>Temporary assistance</translation>
    </message>
    <message>
        <source>最低生活保障</source>
        <comment>programme</comment>
        <translation>Subsistence allowance (dibao)</translation>
    </message>
    <message>
        <source>急难型</source>
        <comment>category</comment>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>支出型</source>
        <comment>category</comment>
        <translation>Expenditure</translation>
    </message>
    <message>
        <source>低保</source>
        <comment>category</comment>
        <translation>Dibao</translation>
    </message>
    <message>
        <source>火灾</source>
        <comment>reason</comment>
        <translation>Fire</translation>
    </message>
    <message>
        <source>交通事故</source>
        <comment>reason</comment>
        <translation>Traffic accident</translation>
    </message>
    <message>
        <source>其他意外事故</source>
        <comment>reason</comment>
        <translation>Other accident</translation>
    </message>
    <message>
        <source>突发重大疾病</source>
        <comment>reason</comment>
        <translation>Sudden serious illness</translation>
    </message>
    <message>
        <source>其他特殊困难</source>
        <comment>reason</comment>
        <translation>Other special hardship</translation>
    </message>
    <message>
        <source>突发必需医疗支出</source>
        <comment>reason</comment>
        <translation>Sudden medical costs</translation>
    </message>
    <message>
        <source>教育支出</source>
        <comment>reason</comment>
        <translation>Education costs</translation>
    </message>
    <message>
        <source>其他刚性支出</source>
        <comment>reason</comment>
        <translation>Other essential costs</translation>
    </message>
    <message>
        <source>因病致贫</source>
        <comment>reason</comment>
        <translation>Poor through illness</translation>
    </message>
    <message>
        <source>因残致贫</source>
        <comment>reason</comment>
        <translation>Poor through disability</translation>
    </message>
    <message>
        <source>缺乏劳动能力</source>
        <comment>reason</comment>
        <translation>Unable to work</translation>
    </message>
    <message>
        <source>因灾致贫</source>
        <comment>reason</comment>
        <translation>Poor through disaster</translation>
    </message>
    <message>
        <source>其他原因</source>
        <comment>reason</comment>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>开始入户调查</source>
        <comment>deadline</comment>
        <translation>start home visit</translation>
    </message>
    <message>
        <source>先行救助后补办手续</source>
        <comment>deadline</comment>
        <translation>complete paperwork</translation>
    </message>
    <message>
        <source>公示期结束</source>
        <comment>deadline</comment>
        <translation>notice ends</translation>
    </message>
    <message>
        <source>办结(受理至审批)</source>
        <comment>deadline</comment>
        <translation>case complete (receipt to decision)</translation>
    </message>
    <message>
        <source>办结</source>
        <comment>deadline</comment>
        <translation>case complete</translation>
    </message>
    <message>
        <source>乡镇审批</source>
        <comment>deadline</comment>
        <translation>township decision</translation>
    </message>
    <message>
        <source>结果公示</source>
        <comment>deadline</comment>
        <translation>result notice</translation>
    </message>
    <message>
        <source>书面告知不予批准</source>
        <comment>deadline</comment>
        <translation>written refusal</translation>
    </message>
    <message>
        <source>近亲属备案</source>
        <comment>flag</comment>
        <translation>Relative of an official (filed)</translation>
    </message>
    <message>
        <source>一事一次:本年同一事由重复申请</source>
        <comment>flag</comment>
        <translation>Same reason again this year (one matter, once a year)</translation>
    </message>
    <message>
        <source>金额超过乡镇审批上限</source>
        <comment>flag</comment>
        <translation>Amount over the township approval cap</translation>
    </message>
    <message>
        <source>初审公示</source>
        <comment>notice</comment>
        <translation>Preliminary notice</translation>
    </message>
    <message>
        <source>结果公示</source>
        <comment>notice</comment>
        <translation>Result notice</translation>
    </message>
    <message>
        <source>低保变动公示</source>
        <comment>notice</comment>
        <translation>Dibao change notice</translation>
    </message>
    <message>
        <source>未开始</source>
        <comment>notice</comment>
        <translation>Not begun</translation>
    </message>
    <message>
        <source>公示中</source>
        <comment>notice</comment>
        <translation>On notice</translation>
    </message>
    <message>
        <source>期满待结束</source>
        <comment>notice</comment>
        <translation>Period over, to close</translation>
    </message>
    <message>
        <source>已结束</source>
        <comment>notice</comment>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已撤回</source>
        <comment>notice</comment>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>结果公示中</source>
        <comment>notice</comment>
        <translation>Result on notice</translation>
    </message>
    <message>
        <source>结果公示期满</source>
        <comment>notice</comment>
        <translation>Result notice ended</translation>
    </message>
    <message>
        <source>受理后开始调查(工作日)</source>
        <comment>setting</comment>
        <translation>Start investigation after receipt (working days)</translation>
    </message>
    <message>
        <source>临时救助公示天数</source>
        <comment>setting</comment>
        <translation>Notice days, temporary assistance</translation>
    </message>
    <message>
        <source>低保公示天数</source>
        <comment>setting</comment>
        <translation>Notice days, dibao</translation>
    </message>
    <message>
        <source>乡镇审批期限(工作日)</source>
        <comment>setting</comment>
        <translation>Township decision deadline (working days)</translation>
    </message>
    <message>
        <source>书面告知不批准(工作日)</source>
        <comment>setting</comment>
        <translation>Written refusal (working days)</translation>
    </message>
    <message>
        <source>受理至决定(工作日)</source>
        <comment>setting</comment>
        <translation>Receipt to decision (working days)</translation>
    </message>
    <message>
        <source>延长后期限(工作日)</source>
        <comment>setting</comment>
        <translation>Extended deadline (working days)</translation>
    </message>
    <message>
        <source>先行救助后补办手续(工作日)</source>
        <comment>setting</comment>
        <translation>Paperwork after advance payment (working days)</translation>
    </message>
    <message>
        <source>决定后结果公示(工作日)</source>
        <comment>setting</comment>
        <translation>Result notice after decision (working days)</translation>
    </message>
    <message>
        <source>临近期限提示(工作日)</source>
        <comment>setting</comment>
        <translation>Deadline-soon warning (working days)</translation>
    </message>
    <message>
        <source>村未报送提示(天)</source>
        <comment>setting</comment>
        <translation>Village silent warning (days)</translation>
    </message>
    <message>
        <source>低保月标准(元)</source>
        <comment>setting</comment>
        <translation>Monthly dibao standard (yuan)</translation>
    </message>
    <message>
        <source>乡镇审批上限(低保标准倍数)</source>
        <comment>setting</comment>
        <translation>Township cap (× dibao standard)</translation>
    </message>
    <message>
        <source>县级审批上限(低保标准倍数)</source>
        <comment>setting</comment>
        <translation>County cap (× dibao standard)</translation>
    </message>
    <message>
        <source>申请金额上限(元)</source>
        <comment>setting</comment>
        <translation>Maximum amount requested (yuan)</translation>
    </message>
    <message>
        <source>先行救助上限(元,0 为乡镇上限)</source>
        <comment>setting</comment>
        <translation>Advance payment cap (yuan; 0 = township cap)</translation>
    </message>
    <message>
        <source>超过公示金额须重新公示(%)</source>
        <comment>setting</comment>
        <translation>Re-notice above the posted amount by (%)</translation>
    </message>
    <message>
        <source>低保金额计算方法</source>
        <comment>setting</comment>
        <translation>Dibao amount method</translation>
    </message>
    <message>
        <source>低保差额最低(元/人·月)</source>
        <comment>setting</comment>
        <translation>Dibao minimum, difference method (yuan/person·month)</translation>
    </message>
    <message>
        <source>低保分档·A类(元/人·月)</source>
        <comment>setting</comment>
        <translation>Dibao level A (yuan/person·month)</translation>
    </message>
    <message>
        <source>低保分档·B类(元/人·月)</source>
        <comment>setting</comment>
        <translation>Dibao level B (yuan/person·month)</translation>
    </message>
    <message>
        <source>低保分档·C类(元/人·月)</source>
        <comment>setting</comment>
        <translation>Dibao level C (yuan/person·month)</translation>
    </message>
    <message>
        <source>低保复核间隔·A类(月)</source>
        <comment>setting</comment>
        <translation>Dibao review interval, class A (months)</translation>
    </message>
    <message>
        <source>低保复核间隔·B类(月)</source>
        <comment>setting</comment>
        <translation>Dibao review interval, class B (months)</translation>
    </message>
    <message>
        <source>低保复核间隔·C类(月)</source>
        <comment>setting</comment>
        <translation>Dibao review interval, class C (months)</translation>
    </message>
    <message>
        <source>低保复核临近提示(月)</source>
        <comment>setting</comment>
        <translation>Dibao review-soon warning (months)</translation>
    </message>
    <message>
        <source>低保渐退期(月)</source>
        <comment>setting</comment>
        <translation>Dibao gradual exit (months)</translation>
    </message>
    <message>
        <source>渐退期发放比例(%)</source>
        <comment>setting</comment>
        <translation>Payment during gradual exit (%)</translation>
    </message>
    <message>
        <source>申请人最低年龄</source>
        <comment>setting</comment>
        <translation>Applicant&apos;s minimum age</translation>
    </message>
    <message>
        <source>可不经评议</source>
        <comment>setting</comment>
        <translation>Deliberation may be skipped</translation>
    </message>
    <message>
        <source>村民代表占比(分子)</source>
        <comment>setting</comment>
        <translation>Representatives&apos; share (numerator)</translation>
    </message>
    <message>
        <source>村民代表占比(分母)</source>
        <comment>setting</comment>
        <translation>Representatives&apos; share (denominator)</translation>
    </message>
    <message>
        <source>评议过半数的基数</source>
        <comment>setting</comment>
        <translation>Majority of the deliberation counted on</translation>
    </message>
    <message>
        <source>法定节假日</source>
        <comment>setting</comment>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <comment>setting</comment>
        <translation>Make-up working days</translation>
    </message>
    <message>
        <source>保留备份份数</source>
        <comment>setting</comment>
        <translation>Backups kept</translation>
    </message>
    <message>
        <source>村委会电话</source>
        <comment>setting</comment>
        <translation>Village committee phone</translation>
    </message>
    <message>
        <source>乡镇民政办电话</source>
        <comment>setting</comment>
        <translation>Township office phone</translation>
    </message>
    <message>
        <source>每月抽查件数(每乡镇)</source>
        <comment>setting</comment>
        <translation>Spot-checks a month (per township)</translation>
    </message>
    <message>
        <source>考核分值·调查按期</source>
        <comment>setting</comment>
        <translation>Assessment points: visits on time</translation>
    </message>
    <message>
        <source>考核分值·公示足期有照片</source>
        <comment>setting</comment>
        <translation>Assessment points: notices full length, photographed</translation>
    </message>
    <message>
        <source>考核分值·上报按期</source>
        <comment>setting</comment>
        <translation>Assessment points: submitted on time</translation>
    </message>
    <message>
        <source>考核分值·按期报送</source>
        <comment>setting</comment>
        <translation>Assessment points: bundles sent on time</translation>
    </message>
    <message>
        <source>考核分值·异议成立</source>
        <comment>setting</comment>
        <translation>Assessment points: objections upheld</translation>
    </message>
    <message>
        <source>考核分值·被退回</source>
        <comment>setting</comment>
        <translation>Assessment points: cases returned</translation>
    </message>
    <message>
        <source>考核分值·风险提示</source>
        <comment>setting</comment>
        <translation>Assessment points: red flags</translation>
    </message>
    <message>
        <source>考核分值·材料完整</source>
        <comment>setting</comment>
        <translation>Assessment points: records complete</translation>
    </message>
    <message>
        <source>考核分值·审批按期</source>
        <comment>setting</comment>
        <translation>Assessment points: decisions on time</translation>
    </message>
    <message>
        <source>考核分值·发放按期</source>
        <comment>setting</comment>
        <translation>Assessment points: paid on time</translation>
    </message>
    <message>
        <source>考核分值·备案按期</source>
        <comment>setting</comment>
        <translation>Assessment points: filed on time</translation>
    </message>
    <message>
        <source>考核分值·转县已批复</source>
        <comment>setting</comment>
        <translation>Assessment points: referrals answered</translation>
    </message>
    <message>
        <source>考核分值·各村平均</source>
        <comment>setting</comment>
        <translation>Assessment points: villages&apos; average</translation>
    </message>
    <message>
        <source>考核分值·抽查无问题</source>
        <comment>setting</comment>
        <translation>Assessment points: spot-checks without problems</translation>
    </message>
    <message>
        <source>考核扣分·每件异议成立</source>
        <comment>setting</comment>
        <translation>Assessment cost: each objection upheld</translation>
    </message>
    <message>
        <source>考核扣分·每件被退回</source>
        <comment>setting</comment>
        <translation>Assessment cost: each case returned</translation>
    </message>
    <message>
        <source>考核扣分·每件风险提示</source>
        <comment>setting</comment>
        <translation>Assessment cost: each red flag</translation>
    </message>
    <message>
        <source>考核·公示期满后上报(工作日)</source>
        <comment>setting</comment>
        <translation>Assessment: submission after the notice (working days)</translation>
    </message>
    <message>
        <source>考核·结果公示后发放(工作日)</source>
        <comment>setting</comment>
        <translation>Assessment: payment after the result notice (working days)</translation>
    </message>
    <message>
        <source>考核·发放后备案(工作日)</source>
        <comment>setting</comment>
        <translation>Assessment: filing after payment (working days)</translation>
    </message>
    <message>
        <source>村</source>
        <comment>column</comment>
        <translation>Village</translation>
    </message>
    <message>
        <source>合计</source>
        <comment>column</comment>
        <translation>Total</translation>
    </message>
    <message>
        <source>上报</source>
        <comment>column</comment>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>批准</source>
        <comment>column</comment>
        <translation>Approved</translation>
    </message>
    <message>
        <source>不批准</source>
        <comment>column</comment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>转县</source>
        <comment>column</comment>
        <translation>Referred</translation>
    </message>
    <message>
        <source>退回</source>
        <comment>column</comment>
        <translation>Returned</translation>
    </message>
    <message>
        <source>发放</source>
        <comment>column</comment>
        <translation>Paid</translation>
    </message>
    <message>
        <source>批准金额·急难型(元)</source>
        <comment>column</comment>
        <translation>Approved, emergency (yuan)</translation>
    </message>
    <message>
        <source>批准金额·支出型(元)</source>
        <comment>column</comment>
        <translation>Approved, expenditure (yuan)</translation>
    </message>
    <message>
        <source>批准金额·低保(元)</source>
        <comment>column</comment>
        <translation>Approved, dibao (yuan)</translation>
    </message>
    <message>
        <source>先行救助(元)</source>
        <comment>column</comment>
        <translation>Paid in advance (yuan)</translation>
    </message>
    <message>
        <source>发放金额(元)</source>
        <comment>column</comment>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>支出合计(元)</source>
        <comment>column</comment>
        <translation>Total paid out (yuan)</translation>
    </message>
    <message>
        <source>受理→调查(工作日)</source>
        <comment>column</comment>
        <translation>Receipt→visit (working days)</translation>
    </message>
    <message>
        <source>调查→评议(工作日)</source>
        <comment>column</comment>
        <translation>Visit→deliberation (working days)</translation>
    </message>
    <message>
        <source>评议→初审(工作日)</source>
        <comment>column</comment>
        <translation>Deliberation→review (working days)</translation>
    </message>
    <message>
        <source>公示期满→上报(工作日)</source>
        <comment>column</comment>
        <translation>Notice end→submission (working days)</translation>
    </message>
    <message>
        <source>上报→接收(工作日)</source>
        <comment>column</comment>
        <translation>Submission→receipt (working days)</translation>
    </message>
    <message>
        <source>接收→决定(工作日)</source>
        <comment>column</comment>
        <translation>Receipt→decision (working days)</translation>
    </message>
    <message>
        <source>结果公示→发放(工作日)</source>
        <comment>column</comment>
        <translation>Result notice→payment (working days)</translation>
    </message>
    <message>
        <source>调查按期</source>
        <comment>column</comment>
        <translation>Visits on time</translation>
    </message>
    <message>
        <source>公示足期</source>
        <comment>column</comment>
        <translation>Notices full length</translation>
    </message>
    <message>
        <source>审批按期</source>
        <comment>column</comment>
        <translation>Decisions on time</translation>
    </message>
    <message>
        <source>办结按期</source>
        <comment>column</comment>
        <translation>Cases complete on time</translation>
    </message>
    <message>
        <source>名次</source>
        <comment>column</comment>
        <translation>Rank</translation>
    </message>
    <message>
        <source>名称</source>
        <comment>column</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>得分</source>
        <comment>column</comment>
        <translation>Score</translation>
    </message>
    <message>
        <source>公示足期有照片</source>
        <comment>column</comment>
        <translation>Notices full length, photographed</translation>
    </message>
    <message>
        <source>上报按期</source>
        <comment>column</comment>
        <translation>Submitted on time</translation>
    </message>
    <message>
        <source>按期报送</source>
        <comment>column</comment>
        <translation>Bundles sent on time</translation>
    </message>
    <message>
        <source>异议成立</source>
        <comment>column</comment>
        <translation>Objections upheld</translation>
    </message>
    <message>
        <source>被退回</source>
        <comment>column</comment>
        <translation>Cases returned</translation>
    </message>
    <message>
        <source>风险提示</source>
        <comment>column</comment>
        <translation>Red flags</translation>
    </message>
    <message>
        <source>材料完整</source>
        <comment>column</comment>
        <translation>Records complete</translation>
    </message>
    <message>
        <source>发放按期</source>
        <comment>column</comment>
        <translation>Paid on time</translation>
    </message>
    <message>
        <source>备案按期</source>
        <comment>column</comment>
        <translation>Filed on time</translation>
    </message>
    <message>
        <source>转县已批复</source>
        <comment>column</comment>
        <translation>Referrals answered</translation>
    </message>
    <message>
        <source>各村平均</source>
        <comment>column</comment>
        <translation>Villages&apos; average</translation>
    </message>
    <message>
        <source>抽查无问题</source>
        <comment>column</comment>
        <translation>Spot-checks without problems</translation>
    </message>
</context>
</TS>
