<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../liaison/ui/admin/accounts_tab.py" line="+33"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location line="+38"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>新建账号</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}”的新密码（至少 8 位）</source>
        <translation>New password for &quot;{name}&quot; (at least 8 characters)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../liaison/ui/demands/dialog_base.py" line="+53"/>
        <source>{title}
{enterprise} · {category}</source>
        <translation>{title}
{enterprise} · {category}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../liaison/ui/admin/screen.py" line="+21"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>账号与角色</source>
        <translation>Accounts and roles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求类别与交办规则</source>
        <translation>Categories and routing rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入包联名单…</source>
        <translation>Import assignments…</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../liaison/ui/dashboard.py" line="+178"/>
        <source>没有可显示的数据</source>
        <translation>No data to show</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../liaison/ui/admin/categories_tab.py" line="+131"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>政策条款</source>
        <translation>Policy measure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>时限（签收/办结/最长）</source>
        <translation>Limits (accept/resolve/max)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>编辑规则</source>
        <translation>Edit rule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>交办时系统按类别推荐牵头单位和责任单位，由督办确认或调整；时限按工作日计算。</source>
        <translation>When routing, the system proposes lead and responsible units by category; a supervisor confirms or adjusts them. Limits are in working days.</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <location filename="../../liaison/ui/visits/rows.py" line="+128"/>
        <source>请选择类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>可输入拼音首字母快速选择，如 rz＝融资，tq＝拖欠账款</source>
        <translatorcomment>keeps Chinese: the initials stand for the Chinese category names, which stay Chinese</translatorcomment>
        <translation>Type pinyin initials to pick quickly, e.g. rz = 融资 (financing), tq = 拖欠账款 (overdue payments)</translation>
    </message>
</context>
<context>
    <name>CategoryRuleDialog</name>
    <message>
        <location filename="../../liaison/ui/admin/categories_tab.py" line="-97"/>
        <source>交办规则：{name}</source>
        <translation>Routing rule: {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>无（人工交办）</source>
        <translation>None (route manually)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>政策条款（第几条）</source>
        <translation>Policy measure (no.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收时限（工作日）</source>
        <translation>Accept within (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结时限（工作日）</source>
        <translation>Resolve within (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最长办理（工作日）</source>
        <translation>Maximum (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期须提前（工作日）</source>
        <translation>Extension notice (working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可退回期限（工作日）</source>
        <translation>Return within (working days)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>启用此类别</source>
        <translation>Category in use</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <location filename="../../liaison/ui/enterprises/contacts_editor.py" line="+28"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>主要联系人</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>添加联系人</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../liaison/ui/dashboard.py" line="+46"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本季度</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上季度</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按街镇</source>
        <translation>By street</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按干部</source>
        <translation>By cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>统计期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>口径</source>
        <translation>Group by</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+124"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>查看诉求</source>
        <translation>View demands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开诉求页查看所选分组的诉求</source>
        <translation>Open the demands screen to see the selected group&apos;s demands</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>分组明细</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>走访覆盖率</source>
        <translation>Visit coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按期签收率</source>
        <translation>On-time acceptance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回退率</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按期办结率</source>
        <translation>On-time resolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重办率</source>
        <translation>Reopen rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>开始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>计算失败：{error}</source>
        <translation>Calculation failed: {error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{start} 至 {end}，超期截至 {as_of}</source>
        <translation>{start} to {end}, overdue as of {as_of}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>件未办结已超期</source>
        <translation>open demands past their deadline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>分组明细（{n} 组）</source>
        <translation>Groups ({n})</translation>
    </message>
</context>
<context>
    <name>DemandActions</name>
    <message>
        <location filename="../../liaison/ui/demands/action_dialogs.py" line="+40"/>
        <source>改派</source>
        <translation>Re-route</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>交办</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+94"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+271"/>
        <source>驳回延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location line="-270"/>
        <location line="+249"/>
        <source>填写进展</source>
        <translation>Add progress</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+252"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+194"/>
        <source>并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="-193"/>
        <location line="+273"/>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>当前办结时限</source>
        <translation>Current deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例如：需银行总行审批，预计两周后出结果</source>
        <translation>e.g. needs approval from the bank&apos;s head office, expected in two weeks</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+176"/>
        <source>延期理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>承诺办结日期</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>须在办结时限前至少 1 个工作日申请，最晚 {latest:%Y-%m-%d}；由区联络办审批。</source>
        <translation>Request at least 1 working day before the deadline, by {latest:%Y-%m-%d} at the latest; approved by the District Liaison Office.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+175"/>
        <source>申请延至</source>
        <translation>Requested until</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>改为另一日期</source>
        <translation>Set another date</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>办结时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+104"/>
        <location line="+21"/>
        <location line="+45"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>审批意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>办结诉求</source>
        <translation>Resolve demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>向企业答复的办理情况，例如：已协调合作银行授信 500 万元</source>
        <translation>What the enterprise is told, e.g. partner bank arranged a 5 million yuan credit line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>答复内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+149"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>政策依据</source>
        <translation>Policy basis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>默认为本类别对应的政策条款，可修改</source>
        <translation>Defaults to the category&apos;s policy measure; can be changed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请选择办理结果</source>
        <translation>Choose an outcome</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>回访企业</source>
        <translation>Follow up with enterprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+28"/>
        <source>保存回访</source>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>办理答复</source>
        <translation>Answer given</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+117"/>
        <source>企业评价</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>企业不满意：诉求将交回{lead}重办，新的办结时限为 {due:%Y-%m-%d}（{n} 个工作日），计入重办率。</source>
        <translation>Enterprise not satisfied: the demand goes back to {lead} to be reopened, new deadline {due:%Y-%m-%d} ({n} working days); counts toward the reopen rate.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>回访方式、企业的意见</source>
        <translation>How you followed up and what the enterprise said</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访情况</source>
        <translation>Follow-up notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>保存回访并重办</source>
        <translation>Save and reopen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请选择企业评价</source>
        <translation>Choose the enterprise&apos;s rating</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>确认并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}（{state}，{day:%Y-%m-%d}）</source>
        <translation>{title} ({state}, {day:%Y-%m-%d})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本诉求将并入所选诉求，不再单独办理。</source>
        <translation>This demand will be merged into the selected one and no longer handled separately.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该企业没有其他未办结的诉求，无法并单。</source>
        <translation>The enterprise has no other open demand to merge with.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>并入</source>
        <translation>Merge into</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请选择要并入的诉求</source>
        <translation>Choose the demand to merge into</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>签收诉求</source>
        <translation>Accept demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认签收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>签收说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收后由本单位办理，不能再退回；如不属于本单位职责，请取消并选择“退回”。</source>
        <translation>Once accepted, your unit handles it and cannot return it. If it is not your unit&apos;s responsibility, cancel and choose &quot;Return&quot;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签收时限</source>
        <translation>Accept by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>退回诉求</source>
        <translation>Return demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例如：涉及企业用工招聘，建议交区人力社保局办理</source>
        <translation>e.g. about staff recruitment; suggest the District Human Resources and Social Security Bureau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请写明不属于本单位职责的理由及建议的承办单位，便于区联络办改派。</source>
        <translation>Say why it is not your unit&apos;s responsibility and which unit should handle it, so the District Liaison Office can re-route it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>保存进展</source>
        <translation>Save progress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例如：已与合作银行对接，企业正在补充材料</source>
        <translation>e.g. in contact with the partner bank; the enterprise is supplying documents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发出督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>督办意见</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例如：已超期，请于 3 个工作日内办结并报送情况</source>
        <translation>e.g. overdue; resolve within 3 working days and report back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督办级别</source>
        <translation>Escalation level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第 {n} 次督办</source>
        <translation>Escalation no. {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>撤回诉求</source>
        <translation>Withdraw demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>撤回原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>例如：企业已自行解决，申请撤回</source>
        <translation>e.g. the enterprise solved it itself and asks to withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤回后诉求不再办理，也不计入办结率。</source>
        <translation>A withdrawn demand is no longer handled and does not count toward the resolution rate.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>驳回</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>驳回理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>确认销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>销号说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>销号后诉求闭环，可打印办结销号单。</source>
        <translation>Closing completes the loop; the closure record can then be printed.</translation>
    </message>
</context>
<context>
    <name>DemandDetail</name>
    <message>
        <location filename="../../liaison/ui/demands/detail.py" line="+69"/>
        <source>超期 {n} 个工作日</source>
        <translation>{n} working day(s) overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剩 {n} 个工作日</source>
        <translation>{n} working day(s) left</translation>
    </message>
</context>
<context>
    <name>DemandDetailPanel</name>
    <message>
        <location line="+20"/>
        <source>在左侧列表中选择一条诉求，查看详情和办理过程。</source>
        <translation>Select a demand in the list to see its details and progress.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>打开企业档案</source>
        <translation>Open enterprise record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>政策依据</source>
        <translation>Policy basis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>协办单位</source>
        <translation>Supporting units</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收时限</source>
        <translation>Accept by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结时限</source>
        <translation>Resolve by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>延期申请</source>
        <translation>Extension request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>诉求内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>办理过程</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印销号单</source>
        <translation>Print closure record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求办结销号单（PDF，含核验码），可预览、打印、另存</source>
        <translation>Demand closure record (PDF with verification mark): preview, print, save</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>这条诉求已不存在。</source>
        <translation>This demand no longer exists.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>尚未交办</source>
        <translation>Not yet routed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>申请延至 {day:%Y-%m-%d}，待区联络办审批：{reason}</source>
        <translation>Extension to {day:%Y-%m-%d} awaiting District Liaison Office approval: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已延期 {n} 次</source>
        <translation>Extended {n}×</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>督办 {n} 次</source>
        <translation>Escalated {n}×</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重办 {n} 次</source>
        <translation>Reopened {n}×</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退回 {n} 次</source>
        <translation>Returned {n}×</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>延期待批</source>
        <translation>Extension pending</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ 有 {n} 条同步冲突记录</source>
        <translation>⚠ Sync conflicts: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>其他设备同时录入的步骤与当前状态冲突，已标红，请核对。</source>
        <translation>Steps entered on another device at the same time conflict with the current state; they are marked red, please check.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>此诉求已{state}，无需再办理。</source>
        <translation>This demand is {state}; nothing more to do.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前环节不需要您办理；可查看办理过程。</source>
        <translation>Nothing for you to do at this step; you can view the progress.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>诉求办结销号单</source>
        <translation>Demand closure record</translation>
    </message>
</context>
<context>
    <name>DemandList</name>
    <message>
        <location filename="../../liaison/ui/demands/list_columns.py" line="+31"/>
        <source>·延期待批</source>
        <translation> · ext. pending</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>有同步冲突的记录，请打开核对</source>
        <translation>Has sync conflicts; open it to check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重办 {n} 次</source>
        <translation>Reopened {n}×</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../liaison/ui/demands/list_panel.py" line="+115"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办结时限</source>
        <translation>Resolve by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>剩余工作日</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>督办</source>
        <translation>Esc.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>超期 {n}</source>
        <translation>{n} late</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剩 {n}</source>
        <translation>{n} left</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>我包联的企业</source>
        <translation>My enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本街镇</source>
        <translation>My street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本单位（牵头或协办）</source>
        <translation>My unit (lead or supporting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待我处理（交办、延期审批、销号）</source>
        <translation>For me (route, extensions, close)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待区联络办处理</source>
        <translation>For the Liaison Office</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/demands/list_panel.py" line="-44"/>
        <source>&lt;span style=&quot;color:{red}&quot;&gt;■ 已超期&lt;/span&gt;&#x3000;&lt;span style=&quot;color:{amber}&quot;&gt;■ 2 个工作日内到期&lt;/span&gt;（按法定工作日计算）</source>
        <translation>&lt;span style=&quot;color:{red}&quot;&gt;■ overdue&lt;/span&gt;  &lt;span style=&quot;color:{amber}&quot;&gt;■ due within 2 working days&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>搜索诉求标题、企业名称或拼音首字母（Ctrl+F）</source>
        <translation>Search demand title, enterprise or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期待批</source>
        <translation>Extension pending</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>承办单位（牵头或协办）</source>
        <translation>Handling unit (lead or supporting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求类别</source>
        <translation>Demand category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业所在街镇</source>
        <translation>Enterprise&apos;s street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按紧急程度</source>
        <translation>By urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按办结时限</source>
        <translation>By deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最新提出</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最早提出</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按督办次数</source>
        <translation>By escalations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部街镇</source>
        <translation>All streets</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>查询失败：{error}</source>
        <translation>Search failed: {error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>列出 {n} 条（已结束的只列最近的，更早的请缩小筛选范围）</source>
        <translation>{n} listed (only recent finished ones; narrow the filters for older)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>共 {n} 条</source>
        <translation>Demands: {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>没有符合筛选条件的诉求。
可以点“清除筛选”查看全部。</source>
        <translation>No demands match the filters.
Click &quot;Clear filters&quot; to see all.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本单位暂无待办诉求。
区联络办交办后，诉求会出现在这里，请及时签收。</source>
        <translation>Your unit has no demands to handle.
Demands routed by the District Liaison Office appear here; please accept them promptly.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暂无待交办、待审批或待销号的诉求。</source>
        <translation>No demands waiting to be routed, approved or closed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>您负责的企业暂无诉求。
登记走访时记录的诉求会出现在这里。</source>
        <translation>Your enterprises have no demands.
Demands recorded when logging a visit appear here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无诉求。
联络干部登记走访时记录的诉求会出现在这里。</source>
        <translation>No demands yet.
Demands recorded by liaison cadres on their visits appear here.</translation>
    </message>
</context>
<context>
    <name>DemandRow</name>
    <message>
        <location filename="../../liaison/ui/visits/rows.py" line="+52"/>
        <source>企业提出的问题，一句话写清</source>
        <translation>The enterprise&apos;s problem, in one sentence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>删除此条诉求</source>
        <translation>Remove this demand</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>选择类别后显示牵头、责任单位和政策依据</source>
        <translation>Choose a category to see the lead and responsible units and the policy basis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>牵头：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>责任：</source>
        <translation>Responsible: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>依据：</source>
        <translation>Basis: </translation>
    </message>
</context>
<context>
    <name>DemandTimeline</name>
    <message>
        <location filename="../../liaison/ui/demands/timeline.py" line="+51"/>
        <source>（已删除单位）</source>
        <translation>(deleted unit)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>交办至 {lead}（牵头）</source>
        <translation>Routed to {lead} (lead)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>协办：{units}</source>
        <translation>Supporting: {units}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收时限 {reply}，办结时限 {due}</source>
        <translation>Accept by {reply}, resolve by {due}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>承诺 {day} 前办结</source>
        <translation>Promised by {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>办结时限延至 {day}</source>
        <translation>Deadline extended to {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>结果：{o}</source>
        <translation>Outcome: {o}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>政策依据：{basis}</source>
        <translation>Policy basis: {basis}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>满意度：{s}</source>
        <translation>Satisfaction: {s}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>重办，新办结时限 {day}</source>
        <translation>Reopened, new deadline {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第 {n} 次督办</source>
        <translation>Escalation no. {n}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>登记诉求</source>
        <translation>Demand recorded</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ {step}（冲突）</source>
        <translation>⚠ {step} (conflict)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>环节 · 经办人</source>
        <translation>Step · By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>这一步与其他设备同时录入的记录冲突，未计入诉求当前状态，请督办核对。
{v}</source>
        <translation>This step conflicts with a record entered on another device at the same time and is not counted in the current state; a supervisor should check it.
{v}</translation>
    </message>
</context>
<context>
    <name>DemandsScreen</name>
    <message>
        <location filename="../../liaison/ui/demands/screen.py" line="+22"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{unit} · {role} {name}</source>
        <translation>{unit} · {role} {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{role} {name}</source>
        <translation>{role} {name}</translation>
    </message>
</context>
<context>
    <name>DemoLoader</name>
    <message>
        <location filename="../../liaison/ui/demo_loader.py" line="+35"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../liaison/ui/admin/departments_tab.py" line="+33"/>
        <source>编辑部门</source>
        <translation>Edit department</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>启用（停用后不再接收新的交办）</source>
        <translation>Active (inactive units receive no new demands)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全称</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <location line="+28"/>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全称</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>区联络办（督办）</source>
        <translation>District Liaison Office (supervisor)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>承办部门</source>
        <translation>Handling department</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>新增部门</source>
        <translation>New department</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../liaison/ui/dialogs.py" line="+12"/>
        <source>无法完成操作</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../liaison/ui/enterprises/detail.py" line="+55"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访情况</source>
        <translation>Visit notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>企业方：{names}</source>
        <translation>Enterprise side: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>计划回访：{day}</source>
        <translation>Follow-up planned: {day}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title}
类别：{category}（{kind}）</source>
        <translation>{title}
Category: {category} ({kind})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主要联系人</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailPanel</name>
    <message>
        <location line="+76"/>
        <source>在左侧列表中选择一家企业，
查看概况、包联干部、走访记录和诉求。</source>
        <translation>Select an enterprise in the list
to see its profile, assigned cadres, visits and demands.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>登记走访</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>成立日期</source>
        <translation>Established</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包联干部</source>
        <translation>Assigned cadres</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>尚无走访记录</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚无诉求</source>
        <translation>No demands yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>双击打开诉求</source>
        <translation>Double-click to open the demand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚无联系人</source>
        <translation>No contacts yet</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}（{role}，{since} 起）</source>
        <translation>{name} ({role}, since {since})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>协助</source>
        <translation>assisting</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>尚未安排包联干部</source>
        <translation>No cadre assigned yet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>为这家企业登记一次走访</source>
        <translation>Log a visit to this enterprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>走访记录（{n}）</source>
        <translation>Visits ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>诉求（{n}，在办 {o}）</source>
        <translation>Demands ({n}, {o} open)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>诉求（{n}）</source>
        <translation>Demands ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>联系人（{n}）</source>
        <translation>Contacts ({n})</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../liaison/ui/enterprises/edit_dialog.py" line="+92"/>
        <source>编辑企业信息</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>与营业执照一致，例如：重庆某某科技有限公司</source>
        <translation>As on the business licence, e.g. Chongqing XX Tech Co., Ltd.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>18 位，例如 91500105MA5U3X8P2E</source>
        <translation>18 characters, e.g. 91500105MA5U3X8P2E</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+4"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>企业名称 *</source>
        <translation>Enterprise name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码 *</source>
        <translation>USCC *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业门类</source>
        <translation>Industry section</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成立日期</source>
        <translation>Established</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>已输入 {n}/{total} 位</source>
        <translation>{n}/{total} characters</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✓ 校验位正确</source>
        <translation>✓ Check character is valid</translation>
    </message>
</context>
<context>
    <name>EnterpriseList</name>
    <message>
        <location filename="../../liaison/ui/enterprises/list_panel.py" line="+50"/>
        <source>未走访</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包联干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+100"/>
        <source>在办诉求</source>
        <translation>Open demands</translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+96"/>
        <source>规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>共 {n}+ 家</source>
        <translation>Enterprises: {n}+</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>共 {n}+ 家，列出前 {n} 家</source>
        <translation>Enterprises: {n}+, first {n} listed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共 {n} 家</source>
        <translation>Enterprises: {n}</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>查询失败：{error}</source>
        <translation>Search failed: {error}</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../../liaison/ui/visits/picker.py" line="+107"/>
        <source>输入企业名称、拼音首字母或统一社会信用代码，↓ 选择</source>
        <translation>Type a name, pinyin initials or USCC; ↓ to choose</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包联干部</source>
        <translation>Assigned cadres</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>（仅列出前 {n} 家，继续输入可缩小范围）</source>
        <translation> (first {n} only; keep typing to narrow)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>您包联的企业</source>
        <translation>Your assigned enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑↓ 选择，Enter 确定，Esc 关闭</source>
        <translation>↑↓ choose, Enter select, Esc close</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>在您包联的企业中没有找到“{t}”</source>
        <translation>No &quot;{t}&quot; among your assigned enterprises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>在本街镇的企业中没有找到“{t}”</source>
        <translation>No &quot;{t}&quot; among your street/town&apos;s enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有找到“{t}”</source>
        <translation>&quot;{t}&quot; not found</translation>
    </message>
</context>
<context>
    <name>EnterprisesScreen</name>
    <message>
        <location filename="../../liaison/ui/enterprises/screen.py" line="+52"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入名录…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>没有符合条件的企业

请换个搜索词，或点击上方的“清除筛选”。</source>
        <translation>No enterprises match

Try another search, or click &quot;Clear filters&quot; above.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还没有登记企业

点击右上角的“新增企业”开始登记。</source>
        <translation>No enterprises registered yet

Click &quot;New enterprise&quot; at the top right to add one.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还没有登记企业</source>
        <translation>No enterprises registered yet</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>确定删除“{name}”吗？

删除后该企业不再出现在列表和搜索中；已有的走访和诉求记录仍然保留。</source>
        <translation>Delete &quot;{name}&quot;?

It will no longer appear in lists and searches; its visits and demands are kept.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../liaison/ui/enterprises/filter_bar.py" line="+76"/>
        <source>搜索企业名称、拼音首字母或统一社会信用代码</source>
        <translation>Search name, pinyin initials or USCC</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部规模</source>
        <translation>All scales</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>我包联的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本季度未走访</source>
        <translation>Not visited this quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本季度第一天以来没有走访记录的企业</source>
        <translation>Enterprises with no visit since the first day of this quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>全部街镇</source>
        <translation>All streets/towns</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../liaison/ui/signin.py" line="+72"/>
        <source>首次使用 · 创建管理员</source>
        <translation>First start · Create administrator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>欢迎使用百千万企业走访联络系统。请先创建管理员账号，之后可在“管理”中添加干部和部门账号。</source>
        <translation>Welcome to the Enterprise Liaison System. Create the administrator account first; cadre and department accounts can be added later under &quot;Admin&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>例如：区联络办 张三</source>
        <translation>e.g. District Liaison Office, Zhang San</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>载入小型演示数据（约 300 家企业），便于试用</source>
        <translation>Load a small demo data set (about 300 enterprises) to try things out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码（至少 8 位）</source>
        <translation>Password (8+ characters)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <location filename="../../liaison/ui/admin/holidays_tab.py" line="+42"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调休上班</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放假</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>调休上班日</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>名称，如：春节</source>
        <translation>Holiday name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>内置法定节假日日历覆盖 2004–2026 年；此处录入的日期优先生效。</source>
        <translation>The built-in public holiday calendar covers 2004–2026; dates entered here take precedence.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>，请录入当年国务院办公厅公布的安排。</source>
        <translation>; please enter the schedule published by the General Office of the State Council.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../liaison/ui/home.py" line="+167"/>
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在更新…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>本季度未走访的包联企业</source>
        <translation>Assigned enterprises not visited this quarter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>包联企业本季度都已走访</source>
        <translation>All assigned enterprises visited this quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待回访</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有等待回访的诉求</source>
        <translation>No demands awaiting follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>被部门退回</source>
        <translation>Returned by departments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有被退回的诉求</source>
        <translation>No returned demands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待签收</source>
        <translation>To accept</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有待签收的诉求</source>
        <translation>No demands to accept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 个工作日内到期</source>
        <translation>Due within 3 working days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>近期没有到期的诉求</source>
        <translation>Nothing due soon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有超期的诉求</source>
        <translation>No overdue demands</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待交办</source>
        <translation>To route</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有待交办的诉求</source>
        <translation>No demands to route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期申请待审批</source>
        <translation>Extension requests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有待审批的延期申请</source>
        <translation>No extension requests to approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督办中</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有督办中的诉求</source>
        <translation>No escalated demands</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退回待改派</source>
        <translation>Returned, to re-route</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>超期未办结</source>
        <translation>Overdue, not resolved</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{day} 星期{weekday}&#x3000;{name}（{role}）</source>
        <translatorcomment>omits {weekday}: it is a Chinese numeral (home.WEEKDAYS), meaningless in English</translatorcomment>
        <translation>{day}  {name} ({role})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>账号 {a} 个&#x3000;·&#x3000;部门 {d} 个&#x3000;·&#x3000;企业 {e} 家</source>
        <translation>Accounts: {a}  ·  Departments: {d}  ·  Enterprises: {e}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>本季度 {start} 至 {end}</source>
        <translation>This quarter: {start} to {end}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>为选中企业登记走访</source>
        <translation>Log visit to selected</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../liaison/ui/imports/dialog.py" line="+72"/>
        <location line="+1"/>
        <source>导入企业名录</source>
        <translation>Import enterprise roster</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>导入包联名单</source>
        <translation>Import liaison assignments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择 Excel（.xlsx）或 CSV 文件</source>
        <translation>Choose an Excel (.xlsx) or CSV file</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>只看有问题的行</source>
        <translation>Problem rows only</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+213"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+212"/>
        <source>企业名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+212"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>包联干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+207"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-183"/>
        <location line="+141"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出问题行…</source>
        <translation>Export problem rows…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>空</source>
        <translation>empty</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel 或 CSV 文件 (*.xlsx *.csv)</source>
        <translation>Excel or CSV files (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>文件：{name}（正在读取…）</source>
        <translation>File: {name} (reading…)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+7"/>
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>表头在第 {n} 行</source>
        <translation>Header on row {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>识别的列：{columns}</source>
        <translation>Recognised columns: {columns}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不导入的列：{columns}</source>
        <translation>Ignored columns: {columns}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新增 {new} / 更新 {updated} / 无变化 {unchanged} / 有问题 {errors}</source>
        <translation>New {new} / update {updated} / unchanged {unchanged} / problems {errors}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>导入 {n} 行</source>
        <translation>Import {n} rows</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>导出问题行</source>
        <translation>Export problem rows</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>无法保存文件：{reason}</source>
        <translation>Cannot save the file: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>问题行已导出到 {name}</source>
        <translation>Problem rows exported to {name}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导入：新增 {added}，更新 {updated}</source>
        <translation>Imported: {added} new, {updated} updated</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>；有问题的 {n} 行未导入</source>
        <translation>; {n} problem row(s) not imported</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../liaison/ui/main_window.py" line="+76"/>
        <source>工作台</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>百千万企业走访联络系统</source>
        <translation>Enterprise Liaison System</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>当前用户：{name}（{role}）</source>
        <translation>Signed in: {name} ({role})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>登记走访</source>
        <translation>Log a visit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>界面语言将在下次启动时生效。</source>
        <translation>The new language takes effect the next time you start the app.</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../liaison/ui/visits/rows.py" line="-173"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>单位/职务（可选）</source>
        <translation>Unit/title (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除此人</source>
        <translation>Remove this person</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../liaison/ui/print_preview.py" line="+69"/>
        <source>共 {n} 页</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>正在生成打印文件…</source>
        <translation>Preparing the document…</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <location filename="../../liaison/ui/demands/route_dialog.py" line="+42"/>
        <source>改派诉求</source>
        <translation>Re-route demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>交办诉求</source>
        <translation>Route demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确认交办</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>添加其他协办单位…</source>
        <translation>Add another supporting unit…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>协办单位</source>
        <translation>Supporting units</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已勾选的单位同时收到此诉求，可填写进展；由牵头单位签收、办结。</source>
        <translation>Checked units also receive the demand and can add progress; the lead unit accepts and resolves it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>时限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签收 {reply:%Y-%m-%d}（{rd} 个工作日内）；办结 {due:%Y-%m-%d}（{dd} 个工作日）</source>
        <translation>Accept by {reply:%Y-%m-%d} ({rd} working days); resolve by {due:%Y-%m-%d} ({dd} working days)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另定办结时限</source>
        <translation>Set another deadline</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>办结时限</source>
        <translation>Resolve by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>可提前或延后，最晚 {latest:%Y-%m-%d}（本类别最长 {n} 个工作日）</source>
        <translation>Earlier or later, at the latest {latest:%Y-%m-%d} (this category allows up to {n} working days)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>政策依据</source>
        <translation>Policy basis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头 {lead}</source>
        <translation>Lead: {lead}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；责任单位 {units}</source>
        <translation>; responsible: {units}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>规则建议</source>
        <translation>Proposed by rule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前牵头</source>
        <translation>Current lead</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>上次退回</source>
        <translation>Last returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{unit}：{reason}</source>
        <translation>{unit}: {reason}</translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <location filename="../../liaison/ui/home.py" line="-215"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{due} 到期，已超期 {n} 天</source>
        <translation>Due {due}, {n} day(s) overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{due} 到期</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>显示前 {n} 条&#x3000;</source>
        <translation>First {n} shown  </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../liaison/ui/signin.py" line="-76"/>
        <source>登录 · 百千万企业走访联络系统</source>
        <translation>Sign in · Enterprise Liaison System</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>百千万企业走访联络系统</source>
        <translation>Enterprise Liaison System</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../liaison/ui/visits/draft_io.py" line="+65"/>
        <source>草稿无法自动保存，请尽快保存走访</source>
        <translation>The draft could not be saved automatically; save the visit soon</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/visits/form.py" line="+100"/>
        <source>登记走访</source>
        <translation>Log a visit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>约定回访</source>
        <translation>Follow-up on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>＋ 添加人员</source>
        <translation>+ Add person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>企业经营情况、交流的主要内容、已当场答复的问题……</source>
        <translation>How the business is doing, what was discussed, questions answered on the spot…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>＋ 添加诉求（Ctrl+D）</source>
        <translation>+ Add demand (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业没有提出诉求、堵点、卡点或意见建议时可不填</source>
        <translation>Leave empty if nothing was raised</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>企业 *</source>
        <translation>Enterprise *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>走访日期 *</source>
        <translation>Visit date *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访情况 *</source>
        <translation>Visit notes *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>保存走访（Ctrl+Enter）</source>
        <translation>Save visit (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>包联：</source>
        <translation>Assigned: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上次走访 </source>
        <translation>Last visit </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>在办诉求 {n} 条</source>
        <translation>Open demands: {n}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>未保存：请按红色提示修改后再保存</source>
        <translation>Not saved: correct the fields marked in red and save again</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>已保存走访记录，提出 {n} 条诉求，待交办</source>
        <translation>Visit saved with {n} demand(s), waiting to be routed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存走访记录</source>
        <translation>Visit saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（{name}，{day}）</source>
        <translation> ({name}, {day})</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>已恢复未保存的草稿（{when}）</source>
        <translation>Unsaved draft restored ({when})</translation>
    </message>
</context>
<context>
    <name>VisitsScreen</name>
    <message>
        <location filename="../../liaison/ui/visits/screen.py" line="+36"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>诉求</source>
        <translation>Dem</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>最近走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>打印走访记录表</source>
        <translation>Print visit record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所选走访的企业走访记录表（PDF），可预览、打印、另存</source>
        <translation>Visit record of the selected visit (PDF): preview, print, save</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>我参加的走访</source>
        <translation>My visits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本街镇企业的走访</source>
        <translation>My street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全区走访</source>
        <translation>All visits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>，最近 {n} 次</source>
        <translation>, latest {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>，共 {n} 次</source>
        <translation>, {n} in total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&#x3000;双击打开企业</source>
        <translation> · double-click to open</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>请先在“最近走访”中选择一次走访</source>
        <translation>Select a visit in &quot;Recent visits&quot; first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>企业走访记录表</source>
        <translation>Enterprise visit record</translation>
    </message>
</context>
</TS>
