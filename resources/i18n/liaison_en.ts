<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../liaison/ui/about_dialog.py" line="+22"/>
        <source>关于 Liaison</source>
        <translation>About Liaison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>百千万企业走访联络系统</source>
        <translation>Enterprise Liaison System</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>随附组件的许可声明：</source>
        <translation>Licences of the bundled parts:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>构建于 {date}</source>
        <translation>built {date}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>源代码运行</source>
        <translation>run from source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>版本 {version} · {built} · 提交 {commit}</source>
        <translation>Version {version} · {built} · commit {commit}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../liaison/ui/admin/accounts_tab.py" line="+39"/>
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
        <location line="+18"/>
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
        <location line="+43"/>
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
        <location line="+103"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+73"/>
        <source>改用户名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name}（至 {time}）</source>
        <translation>{name} (until {time})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本机因连续输错密码而锁定：{names}</source>
        <translation>Locked on this computer after repeated wrong passwords: {names}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>“{name}”的新用户名（密码不变）</source>
        <translation>New username for “{name}” (the password stays)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“{name}”的新密码（{rule}）</source>
        <translation>New password for “{name}” ({rule})</translation>
    </message>
    <message>
        <source>“{name}”的新密码（至少 8 位）</source>
        <translation type="vanished">New password for &quot;{name}&quot; (at least 8 characters)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../liaison/ui/demands/dialog_base.py" line="+61"/>
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
    <name>Actions</name>
    <message>
        <location filename="../../liaison/ui/actions.py" line="+97"/>
        <source>操作没有完成：出现了意外错误（详情已记入日志）。已填写的内容仍在，可稍后再试。</source>
        <translation>Not done: an unexpected error occurred (the details are in the log). What you entered is still here; try again later.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../liaison/ui/admin/screen.py" line="+22"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入包联名单…</source>
        <translation>Import assignments…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../liaison/ui/app.py" line="+63"/>
        <location line="+53"/>
        <location line="+7"/>
        <location line="+47"/>
        <source>百千万企业走访联络系统</source>
        <translation>Liaison — enterprise visits</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>今天的自动备份没有完成：{0}</source>
        <translation>Today&apos;s automatic backup did not complete: {0}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>连接设置已保存，下次不带 --db 启动时使用。</source>
        <translation>The connection setting is saved; it is used the next time Liaison starts without --db.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>数据库 {0} 已由另一个 Liaison 打开（{1}）：请切换到那个窗口，或先关闭它。</source>
        <translation>Database {0} is already open in another Liaison ({1}): switch to that window, or close it first.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>正在加密数据库…</source>
        <translation>Encrypting the database…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>正在连接数据库服务器…</source>
        <translation>Connecting to the database server…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>连接设置…</source>
        <translation>Connection…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>已用备份恢复数据库。程序将关闭，请重新打开。</source>
        <translation>The database was restored from a backup. Liaison will now close; please open it again.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../liaison/ui/context.py" line="+58"/>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
</context>
<context>
    <name>Assignments</name>
    <message>
        <location filename="../../liaison/ui/enterprises/assignments.py" line="+65"/>
        <source>牵头</source>
        <translation>lead</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>协助</source>
        <translation>assisting</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+164"/>
        <location line="+130"/>
        <source>包联干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="-293"/>
        <location line="+164"/>
        <source>分工</source>
        <translation>Duty</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+164"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+291"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>至今</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（已在包联）</source>
        <translation> (assigned)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇</source>
        <translation>Street/town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在包联企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>安排包联干部</source>
        <translation>Assign a cadre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>安排包联</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>为“{name}”安排一名包联干部。</source>
        <translation>Assign a cadre to look after “{name}”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>输入姓名、拼音首字母或用户名，例如 zhangwei、zw</source>
        <translation>Type a name, pinyin initials or a username, e.g. zhangwei, zw</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>正在读取干部名单…</source>
        <translation>Loading the cadres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>牵头包联（企业的第一责任人）</source>
        <translation>Lead cadre (first responsible for the enterprise)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>没有可安排的联络干部（请先在“管理”中建立账号）</source>
        <translation>No cadre to assign (create accounts under Admin first)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>没有找到“{text}”，请换个姓名或拼音</source>
        <translation>No one matches “{text}”; try another name or pinyin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>找到 {n} 人，显示前 {shown} 人，请输入更多字缩小范围</source>
        <translation>{n} found, showing the first {shown}; type more to narrow</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>找到 {n} 人</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>请在列表中选择一名干部</source>
        <translation>Choose a cadre in the list</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>结束包联</source>
        <translation>End assignment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认结束</source>
        <translation>End it</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>结束后，该干部不再包联“{name}”，不再出现在其工作台；已有的走访和诉求记录保留。</source>
        <translation>Afterwards the cadre no longer looks after “{name}” and it leaves their home screen; visits and demands already recorded stay.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}（{duty}，{since} 起）</source>
        <translation>{name} ({duty}, since {since})</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../liaison/ui/admin/backups_tab.py" line="+50"/>
        <source>时间</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>每天第一次启动、每次导入同步包前和每次升级前自动备份；保留最近 7 天每天一份、4 周每周一份，导入前的备份保留一周。建议把备份文件夹设在另一块磁盘或共享文件夹上。</source>
        <translation>Backups are taken automatically at the first start of each day, before every bundle import and before every upgrade; one a day is kept for 7 days, one a week for 4 weeks, and those before imports for a week. Put the backup folder on another disk or a shared folder.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>更改备份文件夹…</source>
        <translation>Change backup folder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用所选备份恢复…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>生成新的恢复密钥…</source>
        <translation>New recovery key…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>备份文件夹：{0}（{1} 个备份）</source>
        <translation>Backup folder: {0} ({1} backups)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数据库和备份已加密：没有密码或恢复密钥的人读不到。恢复密钥丢失或被他人看到时，请生成新的，旧的随即失效。</source>
        <translation>The database and its backups are encrypted: nobody without a password or the recovery key can read them. If the recovery key is lost or seen by others, make a new one; the old one stops working at once.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>数据库尚未加密：下次登录时自动加密。</source>
        <translation>The database is not encrypted yet: it will be at the next sign-in.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已备份到 {0}（{1}）</source>
        <translation>Backed up to {0} ({1})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>生成新的恢复密钥？

旧的恢复密钥随即失效，不能再打开本机数据库；新的只显示一次，请打印或抄写后另处保管。</source>
        <translation>Make a new recovery key?

The old recovery key stops opening this database at once; the new one is shown only once: print it or write it down and keep it apart.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>已生成新的恢复密钥，旧的已失效</source>
        <translation>A new recovery key was made; the old one no longer works</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>备份文件夹已设为 {0}</source>
        <translation>Backup folder set to {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请先在列表中选择一个备份</source>
        <translation>Select a backup in the list first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用 {0} 的备份（{1}）替换当前数据库？

当前数据库会改名保留在原文件夹中；备份之后在本机所做的修改，如已同步给区联络办，可在下次同步时取回。恢复后程序将关闭，请重新打开。</source>
        <translation>Replace the current database with the backup of {0} ({1})?

The current database is kept under another name in its folder; changes made here after the backup come back with the next exchange if they were sent to the district office. Liaison closes after the restore; open it again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已用备份恢复数据库。原数据库保留为 {0}。程序将关闭，请重新打开。</source>
        <translation>The database was restored from the backup. The previous database is kept as {0}. Liaison will now close; please open it again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>

本机在备份之后发出过变更：取回之前本机不能做修改，请让区联络办为本机导出全部数据并导入。</source>
        <translation>

This computer sent changes after the backup: until they are back it cannot make changes. Ask the district office for a full export for this computer and import it.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../liaison/ui/dashboard/chart.py" line="+85"/>
        <source>没有可显示的数据</source>
        <translation>No data to show</translation>
    </message>
</context>
<context>
    <name>BulletinDialog</name>
    <message>
        <location filename="../../liaison/ui/print_preview.py" line="+266"/>
        <source>打印月度通报</source>
        <translation>Print monthly bulletin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>通报的指标与“统计”页按部门、按街镇的本月数字一致；PDF 的超期清单列出超期最久的 50 项，Excel 列出全部。</source>
        <translation>The bulletin&apos;s figures equal the month&apos;s figures by department and by street on Statistics; the PDF lists the 50 longest-overdue demands, the Excel file lists all of them.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>月度通报</source>
        <translation>Monthly bulletin</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../liaison/ui/admin/categories_tab.py" line="+144"/>
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
        <location filename="../../liaison/ui/visits/rows.py" line="+132"/>
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
        <location filename="../../liaison/ui/admin/categories_tab.py" line="-107"/>
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
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../liaison/ui/password_dialog.py" line="+25"/>
        <location line="+22"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>您的密码是管理员设置的：请先改成只有您自己知道的密码，再开始使用。</source>
        <translation>Your password was set by an administrator: change it to one only you know before you start.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>修改 {name} 的登录密码。</source>
        <translation>Change the sign-in password of {name}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在修改密码…</source>
        <translation>Changing the password…</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../liaison/ui/sync/conflicts_tab.py" line="+61"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暂用版本</source>
        <translation>Provisional version</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>其他版本</source>
        <translation>Other versions</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to settle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>两台设备分开修改了同一字段：各台设备暂用同一个版本（绿色），其他版本保留在这里，等有人决定保留哪一个；决定会随同步包传到其他设备。</source>
        <translation>Two devices changed the same field apart: every device uses the same provisional version (green) and keeps the others here until someone decides which to keep; the decision travels to the other devices with the sync bundles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>两台设备分开修改了同一字段：由管理员或督办决定保留哪个版本。</source>
        <translation>Two devices changed the same field apart: an administrator or supervisor decides which version to keep.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>未知设备 {id}</source>
        <translation>Unknown device {id}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{value}（{who}，{device}，{at}）</source>
        <translation>{value} ({who}, {device}, {at})</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+82"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>未知设备</source>
        <translation>Unknown device</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>同一用户名在两台设备上各建了一次</source>
        <translation>The same username was made on two devices</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>同一统一社会信用代码登记了两次</source>
        <translation>Same unified social credit code registered twice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{kind}“{record}”的{field}</source>
        <translation>{field} of {kind} “{record}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>用户名与“{record}”相同的账号在另一台设备上也建了一个。请管理员在“管理 → 账号”中为其中一个改名（两人都能用各自的密码登录，改名后冲突随之消除）。</source>
        <translation>An account with the same username as “{record}” was also made on another device. An administrator renames one of them under Administration → Accounts (both people can sign in with their own passwords; the conflict clears once renamed).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{record}”在两台设备上各登记了一次（统一社会信用代码相同）。请在“企业”中打开两条记录，核对后删除其中一家（企业详情中的“删除”），冲突随之消除。</source>
        <translation>“{record}” was registered once on each of two devices (same unified social credit code). Open both records under Enterprises, check them and delete one (Delete in the enterprise details); the conflict then goes away.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>版本 {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>暂用</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>修改人：{who}
设备：{device}
时间：{at}</source>
        <translation>Changed by: {who}
Device: {device}
Time: {at}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>保留此版本</source>
        <translation>Keep this version</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../liaison/ui/connection_dialog.py" line="+55"/>
        <source>连接设置 · 百千万企业走访联络系统</source>
        <translation>Connection · Liaison</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>区联络办和各部门的办公电脑可直接使用区县服务器上的数据库（PostgreSQL）。地址、账号和证书由信息科提供。</source>
        <translation>Office desktops of the district liaison office and the departments can work directly on the database of the district server (PostgreSQL). IT provides the address, the account and the certificate.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>例如 hub.jb.gov.cn 或 10.1.2.3</source>
        <translation>e.g. hub.jb.gov.cn or 10.1.2.3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>保存在本机的 PostgreSQL 密码文件中</source>
        <translation>kept in this computer&apos;s PostgreSQL password file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>加密并核对服务器证书（推荐）</source>
        <translation>Encrypted, server certificate verified (recommended)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加密，不核对证书</source>
        <translation>Encrypted, certificate not verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尽量加密</source>
        <translation>Encrypted when the server offers it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不加密（仅限测试）</source>
        <translation>Not encrypted (tests only)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>区县的根证书文件（.crt）</source>
        <translation>the district&apos;s root certificate (.crt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加密方式</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>根证书</source>
        <translation>Root certificate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>改用本机数据库</source>
        <translation>Use the database on this computer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>无法保存密码：{0}</source>
        <translation>Cannot save the password: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>连接成功：可以保存。</source>
        <translation>Connected: you can save.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>选择根证书</source>
        <translation>Choose the root certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>证书 (*.crt *.pem)</source>
        <translation>Certificates (*.crt *.pem)</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <location filename="../../liaison/ui/enterprises/contacts_editor.py" line="+50"/>
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
    <name>CoreText</name>
    <message>
        <location filename="../../liaison/ui/core_messages.py" line="+104"/>
        <source>不是 Liaison 同步包（文件头不对）</source>
        <translation>Not a Liaison sync bundle (wrong file header)</translation>
    </message>
    <message>
        <source>不是有效的办结销号单核验码</source>
        <translation type="vanished">Not a valid closure form verification code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不满意重办需要新的办结时限</source>
        <translation>Reopening after an unsatisfied follow-up needs a new resolution deadline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不能为本机自己导出同步包：请选择另一台设备</source>
        <translation>A bundle cannot be exported for this device itself: choose another device</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不能停用当前登录的账号</source>
        <translation>You cannot deactivate the account you are signed in with</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不能吊销本机</source>
        <translation>This device cannot revoke itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不能并入自身</source>
        <translation>A demand cannot be merged into itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>与系统记录一致（旧版核验标识，无设备签名）</source>
        <translation>Matches the records (old-style mark, no device signature)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>与系统记录一致：此单为有效的办结销号单</source>
        <translation>Matches the records: this is a valid closure record</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>与系统记录一致：签发设备已被吊销，但内容仍与记录相符</source>
        <translation>Matches the records: the signing device has since been revoked, but the content agrees with the records</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造</source>
        <translation>Does not match the records: they changed after printing, or the sheet was altered or forged</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>交办规则</source>
        <translation>routing rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业不存在</source>
        <translation>Enterprise not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业不存在或已删除</source>
        <translation>The enterprise does not exist or has been deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>依据（base）格式不对</source>
        <translation>The base list is malformed</translation>
    </message>
    <message>
        <source>内容不是 JSON</source>
        <translation type="vanished">The content is not JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>办理结果</source>
        <translation>outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结时限</source>
        <translation>resolution deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结时限不能早于交办日期</source>
        <translation>The resolution deadline cannot be before the routing date</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>包联关系不存在或已结束</source>
        <translation>The liaison assignment does not exist or has already ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区联络办设备</source>
        <translation>District office device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区联络办设备（并入的区县）</source>
        <translation>District office device (merged district)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>升级前</source>
        <translation>before upgrade</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>参加人员姓名不能为空</source>
        <translation>Participant names cannot be empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参加人员须为干部或企业方</source>
        <translation>Participants must be officials or from the enterprise</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>变更没有署名账号</source>
        <translation>the change names no account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只有 folder 需要给出文件夹</source>
        <translation>Only folder takes a folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>只有区联络办的设备可以做这项变更</source>
        <translation>only a district office device may make this change</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只有承办单位可以填写进展</source>
        <translation>Only the handling units can record progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只有牵头单位的承办人可以执行此操作</source>
        <translation>Only the lead unit&apos;s handlers can do this</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只有管理员、督办和街镇专员可以安排包联干部</source>
        <translation>Only administrators, supervisors and street officers can assign liaison cadres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只能为本街镇的企业安排包联干部</source>
        <translation>You can only assign liaison cadres to enterprises in your own street</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只能删除本人登记的走访，请联系街镇专员或督办</source>
        <translation>You can only delete visits you logged yourself; ask a street officer or a supervisor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只能删除本街镇企业的走访</source>
        <translation>You can only delete visits to enterprises in your own street</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只能合并同一企业的诉求</source>
        <translation>Only demands of the same enterprise can be merged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只能处理本人包联企业的诉求</source>
        <translation>You can only handle demands of the enterprises you are assigned to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>只能处理本街镇企业的诉求</source>
        <translation>You can only handle demands of enterprises in your own street</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>同一单位不能既牵头又作为责任单位</source>
        <translation>A unit cannot be both the lead unit and a responsible unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步包不完整（文件被截断或损坏）</source>
        <translation>The sync bundle is incomplete (the file is truncated or damaged)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包内容与包头不一致</source>
        <translation>The sync bundle&apos;s content does not match its header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同步包内容与签名不符（文件损坏或被改动）</source>
        <translation>The sync bundle&apos;s content does not match its signature (the file is damaged or was altered)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步包是加密发给另一台设备的，本机无法打开：请对方为本机导出</source>
        <translation>The bundle is encrypted for another device and cannot be opened here: ask the sender to export one for this device</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>同步包格式版本无效，文件已损坏</source>
        <translation>The sync bundle&apos;s format version is invalid; the file is damaged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包没有加密：拒绝导入（本系统导出的同步包总是加密发给接收设备）</source>
        <translation>The bundle is not encrypted: refused (bundles made by Liaison are always encrypted to their receiving device)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>同步包的签封不对：有变更不在任何签封之内</source>
        <translation>The bundle&apos;s seals are wrong: some changes lie in no seal</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>同步包里的变更比包头说的多</source>
        <translation>The sync bundle holds more changes than its header says</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里的变更比包头说的少</source>
        <translation>The sync bundle holds fewer changes than its header says</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里的数据库已损坏（完整性检查未通过）</source>
        <translation>The database in the sync bundle is damaged (integrity check failed)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>同步包里的签封冲突证据过多</source>
        <translation>The bundle carries too many proofs of conflicting seals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里的签封过多</source>
        <translation>The bundle holds too many seals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同步包里的设备公钥无效</source>
        <translation>The device public key in the sync bundle is invalid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>回访日期不能早于走访日期</source>
        <translation>The follow-up date cannot be before the visit date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>图片中没有找到销号单的二维码：请拍清楚右下角的二维码，或直接输入编号与校验码</source>
        <translation>No closure-record QR code found in the picture: photograph the QR code at the bottom right clearly, or type the serial and check code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>外勤设备</source>
        <translation>Field device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>天数不能为负数</source>
        <translation>The number of days cannot be negative</translation>
    </message>
    <message>
        <source>密码至少需要 8 个字符</source>
        <translation type="vanished">The password needs at least 8 characters</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>导入同步包前</source>
        <translation>before import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未走访</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+539"/>
        <source>部门</source>
        <translation>department</translation>
    </message>
    <message>
        <location line="-826"/>
        <source>{0}的{1}在您打开后已被他人修改：请关闭后重新打开，核对后再改</source>
        <translation>Someone else changed this {0}&apos;s {1} after you opened it: close the form, open it again and check before changing</translation>
    </message>
    <message>
        <location line="+480"/>
        <source>无法识别的核验码：请扫描销号单上的二维码，或输入“编号 校验码”，例如：{0}</source>
        <translation>Not a verification code: scan the QR code on the closure record, or type &quot;serial check-code&quot;, e.g. {0}</translation>
    </message>
    <message>
        <source>已存在账号，请由管理员创建新账号</source>
        <translation type="vanished">Accounts already exist; ask an administrator to create a new one</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>已有待审批的延期申请</source>
        <translation>An extension request is already awaiting approval</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>并入的诉求</source>
        <translation>demand to merge into</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>序号不对</source>
        <translation>wrong sequence number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延期申请待审批</source>
        <translation>Extension requests awaiting approval</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>待交办</source>
        <translation>To route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待回访的诉求</source>
        <translation>Demands awaiting follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待签收</source>
        <translation>To accept</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>您的角色不能登记走访</source>
        <translation>Your role cannot log visits</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>成立日期</source>
        <translation>Established</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所依据的记录不存在、已被搁置，或来源设备当时还没有它</source>
        <translation>The record it builds on does not exist, was set aside, or its device did not have it then</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>所属街镇</source>
        <translation>Street</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所选单位不存在</source>
        <translation>The selected unit does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所选承办单位不存在或已停用</source>
        <translation>The selected handling unit does not exist or is inactive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>所选街镇不存在</source>
        <translation>The selected street does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所选部门不存在</source>
        <translation>The selected department does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准的办结日期应晚于当前办结时限</source>
        <translation>The approved date must be later than the current deadline</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>承诺办结日期</source>
        <translation>promised resolution date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>承诺办结日期应晚于当前办结时限</source>
        <translation>The promised resolution date must be after the current deadline</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>指纹应为 40 位十六进制数字（可带短横线）</source>
        <translation>A fingerprint is 40 hexadecimal digits (dashes allowed)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>政策依据</source>
        <translation>policy basis</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>数据库中已有企业数据，演示数据只能生成到空数据库</source>
        <translation>The database already holds enterprises; demo data can only go into an empty database</translation>
    </message>
    <message>
        <source>数据库中还没有管理员账号：请先在桌面程序中创建，或运行 liaison demo</source>
        <translation type="vanished">The database has no administrator account yet: create one in the desktop app first, or run liaison demo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数据库尚未初始化，请先运行 liaison init</source>
        <translation>The database is not initialised yet; run liaison init first</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>文件是空的（0 字节），不是同步包</source>
        <translation>The file is empty (0 bytes), not a sync bundle</translation>
    </message>
    <message>
        <source>文件超过 1 GB，不是本系统导出的同步包</source>
        <translation type="vanished">The file is over 1 GB; it is not a sync bundle exported by this system</translation>
    </message>
    <message>
        <location line="-383"/>
        <source>内容不是 JSON 对象</source>
        <translation>the content is not a JSON object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理环节的时间早于来源设备当时已有的环节（时间被倒填）</source>
        <translation>The step is dated before steps its device already had (backdated)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>办理环节的经办人、角色或设备与署名不符</source>
        <translation>the step&apos;s actor, role or device differs from who signed it</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>同一字段出现了两次</source>
        <translation>a field is given twice</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>同步包里的账号凭据过多</source>
        <translation>The bundle holds too many account credentials</translation>
    </message>
    <message>
        <source>所依据的记录不存在或已被搁置</source>
        <translation type="vanished">the record it builds on does not exist or was set aside</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>承办人不属于办理环节的承办单位</source>
        <translation>the handler does not belong to the step&apos;s unit</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>数据库正被其他程序使用（Liaison 仍在运行？）：请先关闭它再恢复</source>
        <translation>The database is in use by another program (is Liaison still running?): close it before restoring</translation>
    </message>
    <message>
        <source>无法识别的核验码：请扫描销号单上的二维码，或输入“编号 校验码”，例如：江北销号〔2026〕7F3A-00012号 3F2A-9C1B-77D0-E415</source>
        <translation type="vanished">Not a verification code: scan the QR code on the closure record, or type &quot;serial check-code&quot;, e.g. 江北销号〔2026〕7F3A-00012号 3F2A-9C1B-77D0-E415</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>时间戳格式不对</source>
        <translation>malformed timestamp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时限应满足：签收 ≤ 办结 ≤ 最长办理，且都至少 1 个工作日</source>
        <translation>Limits must satisfy: acceptance &lt;= resolution &lt;= longest handling, each at least 1 working day</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>未找到可嵌入的中文字体，无法生成 PDF（请安装文泉驿微米黑 fonts-wqy-microhei 或设置 LIAISON_PDF_FONT）</source>
        <translation>No embeddable Chinese font found, cannot make the PDF (install WenQuanYi Micro Hei, fonts-wqy-microhei, or set LIAISON_PDF_FONT)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本季度未走访的包联企业</source>
        <translation>Assigned enterprises not visited this quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本库中没有这张单据对应的诉求：可能尚未同步到本机，或编号有误</source>
        <translation>This database has no demand for this sheet: it may not have been synced here yet, or the serial is wrong</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>本机尚未加入区县：与区联络办核对发送设备的指纹后，在“首次使用”中选择加入已有区县（命令行：liaison join 本文件 --fingerprint 指纹）</source>
        <translation>This computer has not joined a district yet: compare the sender&apos;s fingerprint with the district office, then choose “Join an existing district” at first start (command line: liaison join FILE --fingerprint FINGERPRINT)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本机已属于一个区县（已有账号或数据），不能再加入：请在新安装的电脑上加入</source>
        <translation>This computer already belongs to a district (it has accounts or data) and cannot join another: join from a new installation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本机已属于一个区县，不能再新建：请由管理员创建新账号</source>
        <translation>This computer already belongs to a district and cannot create another: ask an administrator for an account</translation>
    </message>
    <message>
        <source>本机还没有设备密钥，无法签发销号单：请先运行 liaison init</source>
        <translation type="vanished">This computer has no device key yet and cannot sign closure records: run liaison init first</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>本机还没有设备密钥：请先运行 liaison init</source>
        <translation>This installation has no device key yet: run liaison init first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本机还没有设备身份：请先运行 liaison init</source>
        <translation>This installation has no device identity yet: run liaison init first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>来源设备对同一段变更签发过两份不同的签封（伪造），此后它的变更一律不用</source>
        <translation>Its device signed two different seals over the same changes (forgery); nothing it made from there on counts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>来源设备已被吊销，这是吊销之后的变更</source>
        <translation>the device that made it was revoked; this change came after the revocation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>校验码</source>
        <translation>check code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>校验码与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造</source>
        <translation>The check code does not match the records: they changed after printing, or the sheet was altered or forged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>校验码应为 16 位十六进制数字（0–9、A–F），如 3F2A-9C1B-77D0-E415</source>
        <translation>The check code has 16 hexadecimal digits (0–9, A–F), e.g. 3F2A-9C1B-77D0-E415</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>每日</source>
        <translation>daily</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有写入权限</source>
        <translation>no permission to write</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有字段</source>
        <translation>no fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有待审批的延期申请</source>
        <translation>There is no extension request awaiting approval</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>满意度</source>
        <translation>satisfaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头单位</source>
        <translation>lead unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头单位不能同时作为协办单位</source>
        <translation>The lead unit cannot also be a co-handling unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用户名或密码不正确</source>
        <translation>Wrong username or password</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>用户名最多 60 个字符</source>
        <translation>A username has at most 60 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申请延期</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <source>目标诉求已撤回或已被并单</source>
        <translation type="vanished">The target demand was withdrawn or already merged</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>督办中</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁盘是只读的</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁盘空间不足</source>
        <translation>disk full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>磁盘空间不足（超出配额）</source>
        <translation>disk full (quota exceeded)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>签发设备不是本区登记的设备：此单不能作为凭证</source>
        <translation>Signed by a device this district never enrolled: the sheet is not valid</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>签收时限</source>
        <translation>acceptance deadline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>结束日期不能晚于今天</source>
        <translation>The end date cannot be after today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统一社会信用代码不能为空</source>
        <translation>The unified social credit code cannot be empty</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>统计期的开始日期不能晚于结束日期</source>
        <translation>The start of the period cannot be after its end</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>署名账号在来源设备当时并不存在</source>
        <translation>the account it names did not exist on that device at the time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>署名账号当时已停用</source>
        <translation>the account it names was disabled at the time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>署名账号没有登记在来源设备上</source>
        <translation>the account it names is not enrolled on the device that made it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>署名账号的角色无权做这项变更</source>
        <translation>the role of the account it names may not make this change</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系人姓名不能为空</source>
        <translation>Contact names cannot be empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>至少需要一个牵头单位</source>
        <translation>At least one lead unit is needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>街镇专员必须属于一个街镇</source>
        <translation>A street officer must belong to a street</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>被部门退回的诉求</source>
        <translation>Demands returned by departments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录已不存在</source>
        <translation>The record no longer exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>记录编号格式不对</source>
        <translation>malformed record id</translation>
    </message>
    <message>
        <source>设备已登记的密钥与该指纹不符，拒绝信任</source>
        <translation type="vanished">The device&apos;s registered key does not match this fingerprint; trust refused</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>设备编号格式不对</source>
        <translation>malformed device id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求不存在</source>
        <translation>Demand not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求不存在，无法打印办结销号单</source>
        <translation>The demand does not exist; cannot print the closure form</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>诉求已存在，不能重复提出</source>
        <translation>The demand already exists and cannot be raised twice</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>诉求类别不存在</source>
        <translation>The demand category does not exist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>说明</source>
        <translation>a note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写企业名称</source>
        <translation>Please enter the enterprise name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写删除原因</source>
        <translation>Please give a reason for the deletion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写姓名</source>
        <translation>Please enter the name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请填写用户名</source>
        <translation>Please enter the username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写走访情况</source>
        <translation>Please describe the visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写部门简称</source>
        <translation>Please enter the department&apos;s short name</translation>
    </message>
    <message>
        <source>请选择要并入的诉求</source>
        <translation type="vanished">Please choose the demand to merge into</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请选择走访方式</source>
        <translation>Please choose how the visit was made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择走访的企业</source>
        <translation>Please choose the enterprise visited</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>账号不存在</source>
        <translation>Account not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号不存在或已停用</source>
        <translation>The account does not exist or is deactivated</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>账号编号格式不对</source>
        <translation>malformed account id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访日期不能晚于今天</source>
        <translation>The visit date cannot be after today</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>走访的企业已删除，请先恢复企业</source>
        <translation>The visited enterprise was deleted; restore it first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>走访记录不存在</source>
        <translation>Visit record not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访记录不存在或已删除</source>
        <translation>The visit record does not exist or was deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超期未办结</source>
        <translation>Overdue, not resolved</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>这处冲突已经解决了</source>
        <translation>This conflict has already been settled</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>这是本机自己导出的同步包</source>
        <translation>This sync bundle was exported by this installation itself</translation>
    </message>
    <message>
        <source>这是本机，无需信任</source>
        <translation type="vanished">This is this installation; no need to trust it</translation>
    </message>
    <message>
        <location line="-535"/>
        <source>密码不能是用户名，也不能包含用户名</source>
        <translation>The password may not be or contain the username</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>密码哈希格式不对，无法生成密钥槽</source>
        <translation>The password hash has the wrong format: no key slot can be made from it</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>密码须含字母、数字、符号中的至少两类</source>
        <translation>The password needs at least two of: letters, digits, symbols</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>当前密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>恢复密钥不正确：它不是这个数据库的恢复密钥</source>
        <translation>Wrong recovery key: it is not this database&apos;s recovery key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复密钥中有无效字符：只含字母 A–Z 和数字 2–7</source>
        <translation>The recovery key has invalid characters: it holds only the letters A–Z and the digits 2–7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复密钥应为 32 个字母和数字（如 ABCD-EFGH-…，共 8 组）</source>
        <translation>A recovery key is 32 letters and digits (like ABCD-EFGH-…, 8 groups)</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>数据库没有加密，没有恢复密钥</source>
        <translation>The database is not encrypted: it has no recovery key</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>新密码不能与当前密码相同</source>
        <translation>The new password must differ from the current one</translation>
    </message>
    <message>
        <location line="+298"/>
        <source>请选择接收设备：同步包加密发给它，只有它能打开（完整同步包也一样：--full --for 设备）</source>
        <translation>Choose the receiving device: the bundle is encrypted to it and only it can open it (a full bundle too: --full --for DEVICE)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>这是常见密码，很容易被猜到：请换一个</source>
        <translation>This is a common password that is easy to guess: choose another</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>这次走访已删除</source>
        <translation>This visit has been deleted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>这次走访未被删除</source>
        <translation>This visit is not deleted</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>退回待改派</source>
        <translation>Returned, to re-route</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>部门不存在</source>
        <translation>Department not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门承办人必须属于一个部门</source>
        <translation>A department handler must belong to a department</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>重复登记的企业：请删除其中一家（企业详情中的“删除”），冲突随之消除</source>
        <translation>Enterprise registered twice: delete one of them (Delete in the enterprise details) and the conflict goes away</translation>
    </message>
    <message>
        <location line="-885"/>
        <source>LIAISON_PDF_FONT 指定的字体文件不存在：{0}</source>
        <translation>The font file named by LIAISON_PDF_FONT does not exist: {0}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>--to 应为 PostgreSQL 数据库的地址（postgresql://…），不是 {0}</source>
        <translation>--to must be the address of a PostgreSQL database (postgresql://…), not {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>liaison {0} 只用于本机的数据库文件；{1} 在 PostgreSQL 服务器上，备份、恢复和加密由服务器负责（见 docs/postgresql.md）</source>
        <translation>liaison {0} is for a database file on this computer only; {1} is on a PostgreSQL server, whose backups, restores and encryption are the server&apos;s (see docs/postgresql.md)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 不是 JSON 对象</source>
        <translation>{0} is not a JSON object</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 不是 Liaison 的数据库或备份文件，或是用另一个密钥加密的（另一台电脑的数据库）</source>
        <translation>{0} is not a Liaison database or backup, or it is encrypted with another key (another computer&apos;s database)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} 不是整数</source>
        <translation>{0} is not an integer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 不是有效的日期</source>
        <translation>{0} is not a valid date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 不是有效的日期时间</source>
        <translation>{0} is not a valid date and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 个工作日内到期</source>
        <translation>Due within {0} working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 为空</source>
        <translation>{0} is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 办结</source>
        <translation>resolved {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 提出</source>
        <translation>raised {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 格式不对</source>
        <translation>{0} is malformed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 没有字段 {1}</source>
        <translation>{0} has no field {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 的内容写法与本系统写出的不同（转义、顺序或空白）</source>
        <translation>the {0} content is not spelled as this application writes it (escapes, order or white space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} 的取值未知</source>
        <translation>{0} has an unknown value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 的行格式不对</source>
        <translation>{0} has a malformed row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} 过长或行数过多</source>
        <translation>{0} is too long or has too many rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}.{1} 不是 JSON</source>
        <translation>{0}.{1} is not JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}.{1} 不是有效的日期时间</source>
        <translation>{0}.{1} is not a valid date and time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}不是 Liaison 的密钥文件（格式不对）</source>
        <translation>{0}is not a Liaison key file (wrong format)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}已损坏，无法读取</source>
        <translation>{0}is damaged and cannot be read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}已损坏：有未知的密钥槽</source>
        <translation>{0}is damaged: it has a key slot of an unknown kind</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}退回：{1}</source>
        <translation>returned by {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：类型无效</source>
        <translation>{0}: invalid kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：紧急程度无效</source>
        <translation>{0}: invalid urgency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：请填写诉求内容</source>
        <translation>{0}: please describe the demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}：请选择诉求类别</source>
        <translation>{0}: please choose a demand category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{0}”不在本街镇</source>
        <translation>&quot;{0}&quot; is not in your street</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{0}”不是联络干部或街镇专员</source>
        <translation>&quot;{0}&quot; is not a liaison cadre or a street officer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{0}”已在包联“{1}”</source>
        <translation>&quot;{0}&quot; is already assigned to &quot;{1}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{0}”的密码是管理员设置的，须先改成自己的密码：在桌面程序登录，或运行 liaison account passwd --user {1}</source>
        <translation>The password of “{0}” was set by an administrator and must first be changed to one of your own: sign in to the desktop app, or run liaison account passwd --user {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{0}”需要填写{1}</source>
        <translation>&quot;{0}&quot; needs the {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上次走访 {0}</source>
        <translation>last visited {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不支持旧版 Excel 文件“{0}”：请在 Excel 中另存为 .xlsx 后再导入</source>
        <translation>Old Excel files are not supported (&quot;{0}&quot;): save it as .xlsx in Excel, then import it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不支持的文件类型“{0}”：请使用 Excel（.xlsx）或 CSV 文件</source>
        <translation>Unsupported file type &quot;{0}&quot;: use an Excel (.xlsx) or CSV file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不支持的输出格式“{0}”：请选择 .pdf 或 .xlsx</source>
        <translation>Unsupported output format &quot;{0}&quot;: choose .pdf or .xlsx</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>交办已超过 {0} 个工作日（{1} 前可退回），请联系督办改派</source>
        <translation>It was routed more than {0} working days ago (it could be returned until {1}); ask a supervisor to re-route it</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>企业规模“{0}”无效</source>
        <translation>Invalid enterprise scale &quot;{0}&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>办结时限不能超过 {0} 个工作日（最晚 {1}）</source>
        <translation>The resolution deadline cannot be more than {0} working days away (at the latest {1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>加密后的副本与原数据库不一致，已放弃加密，原数据库未改动（完整性检查：{0}）</source>
        <translation>The encrypted copy does not match the database: encryption was abandoned and the database is unchanged (integrity check: {0})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>参加人员“{0}”的账号不存在</source>
        <translation>The account of participant &quot;{0}&quot; does not exist</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>密钥文件 {0} </source>
        <translation>The key file {0} </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>找不到密钥文件 {0}：没有它无法打开加密的数据库</source>
        <translation>The key file {0} is missing: without it the encrypted database cannot be opened</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>数据库 {0} 在 PostgreSQL 服务器上：备份、恢复和加密由服务器负责（见 docs/postgresql.md），这项操作只用于本机的数据库文件</source>
        <translation>The database {0} is on a PostgreSQL server: its backups, restores and encryption are the server&apos;s (see docs/postgresql.md); this is for a database file on this computer only</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>数据库 {0} 已经加密</source>
        <translation>The database {0} is already encrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库 {0} 拒绝了这次操作：连接所用的角色没有权限</source>
        <translation>The database {0} refused this: the role used to connect lacks the right to do it</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>数据库 {0} 的数据结构是 {1}，不是当前的 {2}：请先用本版本打开一次</source>
        <translation>The database {0} has schema {1}, not the current {2}: open it once with this version first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库 {0} 需要升级（由数据库管理员运行 liaison init --db …）</source>
        <translation>The database {0} needs an upgrade (the database administrator runs liaison init --db …)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>数据库服务器 {0} 只接受加密连接：请在连接设置里选择加密方式 verify-full 并给出根证书</source>
        <translation>The database server {0} accepts encrypted connections only: choose the encryption mode verify-full in the connection settings and give the root certificate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数据库服务器上没有数据库 {0}（新建请运行 liaison init --db …）</source>
        <translation>The server has no database {0} (to create one, run liaison init --db …)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>无法与数据库服务器 {0} 建立加密连接：服务器的证书无法用连接设置里的根证书验证（请向信息科确认根证书文件）</source>
        <translation>Could not make an encrypted connection to the database server {0}: its certificate cannot be verified with the root certificate in the connection settings (check the root certificate file with the IT office)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>无法登录数据库服务器 {0}：用户名或密码不对（请向信息科确认连接设置）</source>
        <translation>Cannot sign in to the database server {0}: wrong user name or password (check the connection settings with IT)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法读取密钥文件 {0}：{1}</source>
        <translation>Cannot read the key file {0}: {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>无法连接数据库服务器 {0}：服务器未启动、地址不对或网络不通</source>
        <translation>Cannot connect to the database server {0}: it is not running, the address is wrong or the network is down</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>未提出</source>
        <translation>not yet raised</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未知的加密方式“{0}”</source>
        <translation>Unknown encryption “{0}”</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>本机设备</source>
        <translation>this computer&apos;s device</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>目标 PostgreSQL 数据库已有数据：只能迁移到新建的空数据库</source>
        <translation>The target PostgreSQL database already holds data: move only into a new, empty database</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>端口 {0} 无效：应为 1–65535</source>
        <translation>Port {0} is not valid: it must be 1–65535</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第 {0} 位“{1}”</source>
        <translation>position {0} &quot;{1}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 {0} 行：在 Excel 中被隐藏（常为已注销企业），未导入；确需导入请先取消隐藏</source>
        <translation>Row {0}: hidden in Excel (often a deregistered enterprise), not imported; unhide it first to import it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>等 {0} 处</source>
        <translation> and others, {0} in all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等 {0} 条诉求</source>
        <translation> (one of {0})</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>街镇</source>
        <translation>streets</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>诉求类别</source>
        <translation>demand categories</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>请填写数据库的名称</source>
        <translation>Enter the database&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写服务器的地址</source>
        <translation>Enter the server&apos;s address</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>迁移后的内容摘要 {0} 与原数据库的 {1} 不同：已全部撤销，目标数据库未改动</source>
        <translation>The digest after the move, {0}, differs from the original&apos;s, {1}: everything was undone, the target database is unchanged</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>这个同步包是“{0}”加密发给另一台设备的，本机无法打开：请对方为本机导出</source>
        <translation>This bundle from “{0}” is encrypted for another device and cannot be opened here: ask the sender to export one for this device</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这个同步包是“{0}”加密发给设备“{1}”的，本机无法打开：请对方为本机导出</source>
        <translation>This bundle from “{0}” is encrypted for device “{1}” and cannot be opened here: ask the sender to export one for this device</translation>
    </message>
    <message>
        <source>发送设备“{0}”尚未确认信任：核对指纹后运行 liaison device trust</source>
        <translation type="vanished">The sending device &quot;{0}&quot; is not trusted yet: compare fingerprints, then run liaison device trust</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>设备名称应为 1 到 100 个字</source>
        <translation>A device&apos;s name has 1 to 100 characters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备已登记的密钥与该指纹不符，拒绝登记</source>
        <translation>The device&apos;s recorded key does not match this fingerprint: not enrolled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备的密钥和类别登记后不能更改</source>
        <translation>a device&apos;s key and class cannot change once enrolled</translation>
    </message>
    <message>
        <source>设备类别应为 hub（区联络办）或 field（外勤）</source>
        <translation type="vanished">The device class must be hub (district office) or field</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备类别应为 hub（区联络办）、field（外勤）或 founder（并入的另一区县的创建设备）</source>
        <translation>Device class must be hub (district office), field, or founder (the founding device of a merged district)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>路径不存在</source>
        <translation>the path does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>路径不是文件夹</source>
        <translation>the path is not a folder</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>这个同步包没有区县信息：请用区联络办导出的同步包加入</source>
        <translation>This bundle carries no district: join with a bundle exported by the district office</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这个同步包没有登记本机：请区联络办的管理员先登记本机（核对本机指纹），再为本机导出同步包</source>
        <translation>This bundle does not enrol this computer: ask the district office&apos;s administrator to enrol it (comparing its fingerprint), then to export a bundle for it</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>这是本机，无需登记</source>
        <translation>This is this computer: no need to enrol it</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>这项设置只能在区联络办的电脑（区县服务器）上修改：外勤电脑上的修改其他设备不会接受</source>
        <translation>This setting can only be changed on a district office computer (the district hub): other devices do not accept such changes made on a field computer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>重名的账号：请管理员在“管理 → 账号”中为其中一个改名，冲突随之消除</source>
        <translation>Two accounts with one username: an administrator renames one of them under Administration → Accounts, and the conflict clears</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>（另一台电脑正在写入）</source>
        <translation> (another computer is writing)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（另一程序或另一窗口正在写入）</source>
        <translation> (another program or window is writing)</translation>
    </message>
    <message>
        <source>（签发设备已被吊销，内容仍与记录一致）</source>
        <translation type="vanished"> (the signing device has since been revoked; the content still matches the records)</translation>
    </message>
    <message>
        <location line="-881"/>
        <source>{0} 不是 Liaison 的数据库或备份文件</source>
        <translation>{0} is not a Liaison database or backup</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} 不是 Liaison 的数据库（新建请运行 liaison init --db {1}）</source>
        <translation>{0} is not a Liaison database (to create one, run liaison init --db {1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} 已存在：请换一个文件名</source>
        <translation>{0} exists already: choose another file name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} 是一个文件夹，不是数据库文件</source>
        <translation>{0} is a folder, not a database file</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>发送设备“{0}”尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它，它的同步包才能导入</source>
        <translation>The sending device “{0}” is not enrolled by the district office: an administrator compares its fingerprint and enrols it on a district office computer before its bundles can be imported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发送设备“{0}”已被吊销，拒绝导入</source>
        <translation>The sending device &quot;{0}&quot; has been revoked; import refused</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>发送设备“{0}”的密钥与登记的不一致</source>
        <translation>The key of the sending device &quot;{0}&quot; does not match the registered one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>发送设备“{0}”（指纹 {1}）尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它（liaison device enrol 指纹 --bundle 本文件）</source>
        <translation>The sending device “{0}” (fingerprint {1}) is not enrolled by the district office: an administrator compares its fingerprint and enrols it on a district office computer (liaison device enrol FINGERPRINT --bundle FILE)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>只有{0}可以执行此操作</source>
        <translation>Only {0} can do this</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>台账共有 {0} 条诉求，超过 PDF 的上限 {1} 条：请缩小统计期或按单位、街镇、类别、状态筛选后再打印，或导出 Excel（不限条数）</source>
        <translation>The ledger has {0} demands, more than a PDF&apos;s limit of {1}: narrow the period or filter by unit, street, category or state before printing, or export Excel (no limit)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>同步包无法合并：{0}</source>
        <translation>The sync bundle cannot be merged: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步包格式版本 {0} 比本机支持的 {1} 新：请先升级本软件</source>
        <translation>The sync bundle&apos;s format version {0} is newer than the {1} this installation supports: upgrade the software first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包格式版本 {0} 过旧（本机为 {1}）：请对方升级本软件后重新导出</source>
        <translation>Bundle format version {0} is too old (this computer uses {1}): ask the sender to upgrade and export again</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>同步包的内容引用了本机没有的记录：{0}</source>
        <translation>The sync bundle refers to records this installation does not have: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的包头已损坏：{0}</source>
        <translation>The sync bundle&apos;s header is damaged: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的数据结构版本 {0} 与本机 {1} 不同：请双方升级到同一版本</source>
        <translation>The sync bundle&apos;s schema version {0} differs from this installation&apos;s {1}: both sides must upgrade to the same version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的签封不对：{0}</source>
        <translation>The bundle&apos;s seals are wrong: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同步包的签封不对：设备 {0} 的两个签封相互重叠</source>
        <translation>The bundle&apos;s seals are wrong: two seals of device {0} overlap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的签封不对：设备 {0} 的第 {1} 号变更没有该设备的签封</source>
        <translation>The bundle&apos;s seals are wrong: change {1} of device {0} carries no seal of that device</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的签封不对：设备 {0} 的签封无效（不是该设备签发，或被改动过）</source>
        <translation>The bundle&apos;s seals are wrong: a seal of device {0} is invalid (not issued by that device, or altered)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包的表结构不对（{0}），拒绝读取</source>
        <translation>The sync bundle&apos;s tables are wrong ({0}); refused</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包第 {0} 个签封格式不对</source>
        <translation>Seal {0} of the bundle is malformed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包第 {0} 个账号凭据格式不对</source>
        <translation>Credential {0} of the bundle is malformed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包第 {0} 条变更无效：{1}</source>
        <translation>Change {0} of the sync bundle is invalid: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包第 {0} 条变更：{1}</source>
        <translation>Change {0} of the bundle: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包第 {0} 条签封冲突证据格式不对</source>
        <translation>Proof {0} of conflicting seals in the bundle is malformed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包签名无效：不是由“{0}”签发，或包头被改动过</source>
        <translation>Invalid sync bundle signature: not signed by &quot;{0}&quot;, or the header was altered</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里不是有效的数据库：{0}</source>
        <translation>The sync bundle does not hold a valid database: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里有未登记设备（{0}）的变更：请先由区联络办登记该设备</source>
        <translation>The bundle holds changes of devices that are not enrolled ({0}): have the district office enrol them first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同步包里有超过 {0} MB 的单项内容，拒绝读取</source>
        <translation>The sync bundle holds a value over {0} MB; refused</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>同步包里的数据无法读取（文件已损坏）：{0}</source>
        <translation>The sync bundle&apos;s data cannot be read (the file is damaged): {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>同步包里设备 {0} 的变更依赖本机还没有的变更：请先导入更早的同步包，或请对方导出全部数据（--full）</source>
        <translation>The changes of device {0} in the bundle depend on changes this computer does not have yet: import earlier bundles first, or ask the sender to export all data (--full)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>备份失败：{0}</source>
        <translation>Backup failed: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备份文件 {0} 已损坏或不是数据库（{1}），不能用来恢复</source>
        <translation>Backup {0} is damaged or not a database ({1}): it cannot be restored</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>备份文件 {0} 已损坏（{1}），不能用来恢复</source>
        <translation>Backup {0} is damaged ({1}): it cannot be restored</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>备份文件 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请先安装新版本再恢复</source>
        <translation>Backup {0} was made by a newer Liaison (schema {1}): install the newer version before restoring</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>备份文件夹 {0} 无法写入：{1}</source>
        <translation>Cannot write to the backup folder {0}: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>字体无法嵌入 PDF：{0}（{1}）</source>
        <translation>The font cannot be embedded in a PDF: {0} ({1})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>密码至少需要 {0} 个字符</source>
        <translation>The password needs at least {0} characters</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已有账号“{0}”的角色与演示数据冲突，请换一个空数据库生成演示数据</source>
        <translation>The existing account &quot;{0}&quot; has a role that clashes with the demo data; make the demo data in an empty database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>延期须在办结时限前至少 {0} 个工作日申请（时限 {1}），现已不能申请</source>
        <translation>An extension must be asked for at least {0} working days before the deadline ({1}); it is too late now</translation>
    </message>
    <message>
        <source>延期须在办结时限前至少 {0} 个工作日申请（时限 {1}）</source>
        <translation type="vanished">An extension must be requested at least {0} working days before the deadline ({1})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>当前角色不能执行“{0}”</source>
        <translation>Your role may not perform &quot;{0}&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复失败：{0}（数据库未改动）</source>
        <translation>Restore failed: {0} (the database is unchanged)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>您未包联“{0}”，请联系督办安排包联</source>
        <translation>You are not assigned to &quot;{0}&quot;; ask a supervisor to assign you</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>您编辑期间，他人已修改并保存了该企业的{0}：请选择保留哪一方的内容</source>
        <translation>While you were editing, someone else changed and saved this enterprise&apos;s {0}: choose whose to keep</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>找不到图片文件：{0}</source>
        <translation>Picture not found: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>找不到备份文件 {0}</source>
        <translation>Backup file not found: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>找不到设备“{0}”</source>
        <translation>Device &quot;{0}&quot; not found</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>承诺办结日期不能晚于 {0}（{1} 个工作日）</source>
        <translation>The promised resolution date cannot be after {0} ({1} working days)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>指纹不符：同步包发送设备的指纹是 {0}，与输入的不一致，请与区联络办核对</source>
        <translation>Fingerprints differ: the bundle&apos;s sender has fingerprint {0}, not the one typed; check with the district office</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>指纹不符：同步包的发送设备指纹是 {0}，与输入的不一致，请与对方核对</source>
        <translation>Fingerprint mismatch: the bundle&apos;s sender has fingerprint {0}, not the one entered; check with the other side</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>政策条款第{0}条不存在</source>
        <translation>Policy measure {0} does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库 {0} 出错：{1}</source>
        <translation>Database {0} failed: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>数据库 {0} 尚未初始化，请先运行 liaison init --db {1}</source>
        <translation>Database {0} is not initialised yet; run liaison init --db {1} first</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>数据库 {0} 正被其他程序占用：请稍后重试</source>
        <translation>Database {0} is in use by another program: try again shortly</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请安装新版本</source>
        <translation>Database {0} was made by a newer Liaison (schema {1}): install the newer version</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>数据库 {0} 需要升级（运行 liaison init --db {1}）</source>
        <translation>Database {0} needs an upgrade (run liaison init --db {1})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数据库尚未初始化（缺少{0}），请先运行 liaison init</source>
        <translation>The database is not initialised (no {0}); run liaison init first</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数据库文件 {0} 已损坏或不是 Liaison 的数据库：请用备份恢复（liaison backup list 查看备份，liaison restore 备份文件）</source>
        <translation>Database file {0} is damaged or not a Liaison database: restore a backup (liaison backup list shows them; liaison restore FILE)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数据库文件 {0} 是只读的：请检查文件权限，或把它复制到可写的位置</source>
        <translation>Database file {0} is read-only: check its permissions, or copy it somewhere writable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库文件不存在：{0}</source>
        <translation>Database file does not exist: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库文件不存在：{0}（先运行 liaison init --db {1}）</source>
        <translation>The database file does not exist: {0} (run liaison init --db {1} first)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>数据库正忙{0}。请稍候再试，已等待 {1} 秒</source>
        <translation>The database is busy{0}. Please try again in a moment; waited {1} seconds</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>文件“{0}”中找不到{1}的表头：请确认有“{2}”等列（至少包含{3}）</source>
        <translation>No {1} header row found in &quot;{0}&quot;: check that it has columns such as &quot;{2}&quot; (at least {3})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件“{0}”是空的：没有任何数据行</source>
        <translation>The file &quot;{0}&quot; is empty: it has no data rows</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件“{0}”是空的：没有工作表</source>
        <translation>The file &quot;{0}&quot; is empty: it has no worksheets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件“{0}”缺少“企业名称”列</source>
        <translation>The file &quot;{0}&quot; has no enterprise name column</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件“{0}”缺少“统一社会信用代码”或“企业名称”列</source>
        <translation>The file &quot;{0}&quot; has no unified social credit code or enterprise name column</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件不存在：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>文件超过 {0} GB，不是本系统导出的同步包</source>
        <translation>The file is larger than {0} GB: not a bundle this system exported</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法保存：{0} 记录的内容超过 {1} MB，同步包装不下，请删减</source>
        <translation>Cannot save: the {0} record&apos;s content is over {1} MB and does not fit a sync bundle; please shorten it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法保存：{0}（其他设备同步时会拒收），请改正后再保存</source>
        <translation>Cannot save: {0} (other devices would refuse it when syncing); please correct it and save again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法写入备份 {0}：{1}</source>
        <translation>Cannot write the backup {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法写入备份文件夹 {0}：{1}</source>
        <translation>Cannot write to the backup folder {0}: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法列出“{0}”对应的诉求</source>
        <translation>Cannot list the demands for &quot;{0}&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法创建目录 {0}：{1}</source>
        <translation>Cannot create the folder {0}: {1}</translation>
    </message>
    <message>
        <source>无法初始化数据库 {0}：{1}</source>
        <translation type="vanished">Cannot initialise the database {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法打开数据库 {0}：{1}</source>
        <translation>Cannot open the database {0}: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法打开数据库 {0}：所在文件夹不存在或没有权限</source>
        <translation>Cannot open database {0}: its folder does not exist or may not be read</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法读取 {0}：{1}</source>
        <translation>Cannot read {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法读取图片：{0}（不是图片文件或已损坏）</source>
        <translation>Cannot read the picture {0} (not a picture, or damaged)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法读取文件 {0}：{1}</source>
        <translation>Cannot read the file {0}: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法读取文件“{0}”：CSV 格式错误（{1}）</source>
        <translation>Cannot read the file &quot;{0}&quot;: CSV format error ({1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法读取文件“{0}”：{1}</source>
        <translation>Cannot read the file &quot;{0}&quot;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法读取文件“{0}”：不是有效的 Excel 工作簿（{1}）</source>
        <translation>Cannot read the file &quot;{0}&quot;: not a valid Excel workbook ({1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法读取文件“{0}”：文字编码无法识别（请另存为 UTF-8 或 GBK）</source>
        <translation>Cannot read the file &quot;{0}&quot;: unknown text encoding (save it as UTF-8 or GBK)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>月份格式不正确：“{0}”，应为“年-月”，如 2026-11</source>
        <translation>Wrong month format &quot;{0}&quot;: write year-month, e.g. 2026-11</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>有多台设备叫“{0}”</source>
        <translation>Several devices are called “{0}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有多台设备叫“{0}”，请用设备编号</source>
        <translation>Several devices are called &quot;{0}&quot;; use the device id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>有多台设备叫“{0}”，请用设备编号或指纹</source>
        <translation>Several devices are called &quot;{0}&quot;; use the device id or fingerprint</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>未知的企业标签：{0}</source>
        <translation>Unknown enterprise tags: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>本机刚从备份恢复，备份之后本机发出过的变更（到第 {0} 项）还没有取回：请先导入区联络办为本机导出的全部数据（liaison bundle export --full），再做修改</source>
        <translation>This computer was just restored from a backup; changes it sent after that backup (up to number {0}) are not back yet: import a full export the district office makes for it (liaison bundle export --full) before making changes</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>用户名或密码不正确（再错 {0} 次将锁定 {1} 分钟）</source>
        <translation>Wrong username or password ({0} more wrong tries lock it for {1} minutes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用户名或密码不正确；已连续 {0} 次，“{1}”在本机锁定 {2} 分钟</source>
        <translation>Wrong username or password; after {0} in a row, “{1}” is locked on this computer for {2} minutes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>目标诉求{0}：只能并入尚在办理的诉求（待交办、已交办或办理中）</source>
        <translation>The target demand is {0}: a duplicate can join only a demand still in hand (to route, routed or in progress)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>磁盘空间不足：{0} 所在的磁盘已满，这次操作没有写入任何内容；请腾出空间后重试</source>
        <translation>Disk full: the disk holding {0} is full; nothing of this operation was written. Free some space and try again</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>签封 {0} 没有对应的变更</source>
        <translation>seal {0} has no changes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>签封 {0} 的变更不完整</source>
        <translation>the changes of seal {0} are incomplete</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>至少 {0} 位，含字母、数字、符号中的至少两类，不能是用户名或常见密码</source>
        <translation>at least {0} characters, two of letters, digits and symbols, not the username or a common password</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>设备 {0} 未登记，无法核对它的签封</source>
        <translation>device {0} is not enrolled: its seal cannot be checked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备 {0} 的变更与其签封不符（第 {1}–{2} 项被改动过）</source>
        <translation>the changes of device {0} do not match its seal (changes {1}–{2} were altered)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备 {0} 的第 {1} 项变更没有该设备的签封</source>
        <translation>change {1} of device {0} is not sealed by that device</translation>
    </message>
    <message>
        <source>设备 {0} 的签封与本机已有的变更重叠（同一设备签发了两份不同的记录）</source>
        <translation type="vanished">the seal of device {0} overlaps changes this computer has (the device signed two different histories)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备 {0} 的签封无效（不是该设备签发，或被改动过）</source>
        <translation>the seal of device {0} is invalid (not signed by that device, or altered)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备“{0}”已于 {1} 吊销，不再为它导出</source>
        <translation>Device “{0}” was revoked on {1}: no more bundles are exported for it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备“{0}”已登记为{1}，类别不能更改：请吊销后让它重新安装、重新登记</source>
        <translation>Device “{0}” is enrolled as {1}; its class cannot change: revoke it, reinstall it and enrol it again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>设备“{0}”已被吊销，不能再次登记</source>
        <translation>Device “{0}” was revoked and cannot be enrolled again</translation>
    </message>
    <message>
        <source>未知的发送设备“{0}”（指纹 {1}）：与对方核对指纹后运行 liaison device trust 指纹 --bundle 本文件</source>
        <translation type="vanished">Unknown sending device &quot;{0}&quot; (fingerprint {1}): compare fingerprints with the sender, then run liaison device trust FINGERPRINT --bundle THIS_FILE</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>未知的演示规模“{0}”（可选：{1}）</source>
        <translation>Unknown demo scale &quot;{0}&quot; (choose from: {1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未知的统计口径“{0}”</source>
        <translation>Unknown grouping &quot;{0}&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的记录类型 {0}</source>
        <translation>unknown record type {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未知的诉求状态“{0}”</source>
        <translation>Unknown demand state &quot;{0}&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本机不认识指纹为 {0} 的设备：用 --bundle 指定对方导出的同步包</source>
        <translation>This installation does not know the device with fingerprint {0}: name a bundle it exported with --bundle</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>本机有设备 {0} 未经其签封的变更（由旧版本同步而来），无法转发：请各设备升级后从区联络办重新加入</source>
        <translation>This computer holds changes of device {0} that it never sealed (synced by an older version) and cannot pass them on: upgrade every device and join again from the district office</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>没有这样的字段：{0}.{1}</source>
        <translation>No such field: {0}.{1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>用户名“{0}”已被使用</source>
        <translation>The username &quot;{0}&quot; is already taken</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>申请延至 {0}</source>
        <translation>extension to {0} requested</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>督办 {0} 次</source>
        <translation>escalated {0}x</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>第 {0} 条诉求</source>
        <translation>Demand {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>结束日期不能早于开始日期（{0}）</source>
        <translation>The end date cannot be before the start date ({0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>统一社会信用代码 {0} 已登记为“{1}”</source>
        <translation>The unified social credit code {0} is already registered as &quot;{1}&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>统一社会信用代码含有不允许的字符：{0}（只能是数字和大写字母，且不含 I、O、S、V、Z）</source>
        <translation>The unified social credit code has characters that are not allowed: {0} (only digits and capital letters, without I, O, S, V, Z)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统一社会信用代码应为 {0} 位，当前输入了 {1} 位</source>
        <translation>A unified social credit code has {0} characters; {1} were entered</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>统一社会信用代码校验位错误：第 18 位应为“{0}”，当前为“{1}”（请核对前 17 位是否录入有误）</source>
        <translation>Wrong check character in the unified social credit code: the 18th should be &quot;{0}&quot;, not &quot;{1}&quot; (check the first 17 for typos)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>行业门类“{0}”无效</source>
        <translation>Invalid industry section &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>设备“{0}”已被吊销，不能再次信任</source>
        <translation type="vanished">Device &quot;{0}&quot; was revoked and cannot be trusted again</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>诉求当前为“{0}”，不能执行“{1}”</source>
        <translation>The demand is &quot;{0}&quot;: &quot;{1}&quot; is not possible now</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>该诉求尚未销号（现为“{0}”）</source>
        <translation>The demand is not closed (it is &quot;{0}&quot;)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>读取或复制同步包时出错：{0}</source>
        <translation>Error reading or copying the sync bundle: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>账号“{0}”没有登记在本机上：请区联络办的管理员在“同步 → 设备”中为本机登记该账号，再把同步包导入本机</source>
        <translation>Account “{0}” is not enrolled on this computer: ask the district office&apos;s administrator to enrol it for this computer under Sync → Devices, then import their bundle here</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>账号不存在：{0}</source>
        <translation>No such account: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>走访登记已超过 {0} 天，请联系街镇专员或督办删除</source>
        <translation>The visit was logged more than {0} days ago; ask a street officer or a supervisor to delete it</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>这个同步包已于 {0} 导入过</source>
        <translation>This sync bundle was already imported on {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>这个同步包的编号与本机于 {0} 导出的同步包相同：拒绝导入</source>
        <translation>This bundle has the number of a bundle this computer exported on {0}: refused</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这个备份来自另一台设备（“{0}”），本机是“{1}”：恢复它会让两台设备同名签署变更；确需在本机使用请加 --any-device</source>
        <translation>This backup comes from another device (“{0}”), this one is “{1}”: restoring it would let two devices sign as one; add --any-device if this computer replaces it</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>这次走访提出的诉求“{0}”{1}已进入办理（{2}），删除走访会使诉求失去来源，不能删除；如诉求确属误登，请先撤回诉求</source>
        <translation>The demand &quot;{0}&quot;{1} raised at this visit is already being handled ({2}); deleting the visit would leave it without a source, so it cannot be deleted. If the demand was logged by mistake, withdraw it first</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>连续 {0} 次密码错误，“{1}”在本机已锁定至 {2}：请稍后再试，或请管理员解锁</source>
        <translation>After {0} wrong passwords in a row, “{1}” is locked on this computer until {2}: try again later, or ask an administrator to unlock it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退回：{0}</source>
        <translation>returned: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>部门“{0}”已存在</source>
        <translation>Department &quot;{0}&quot; already exists</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/core_text.py" line="+50"/>
        <source>、</source>
        <translation> or </translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../liaison/ui/dashboard/screen.py" line="+72"/>
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
        <location line="+11"/>
        <source>本月前 {n} 天数据尚少，默认显示上月；可改选本月</source>
        <translation>In the first {n} days of a month there is little data yet, so this opens on last month; choose this month if you like</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location filename="../../liaison/ui/dashboard/drill.py" line="+29"/>
        <location filename="../../liaison/ui/dashboard/screen.py" line="+15"/>
        <location filename="../../liaison/ui/dashboard/table.py" line="+125"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>查看诉求</source>
        <translation type="vanished">View demands</translation>
    </message>
    <message>
        <source>打开诉求页查看所选分组的诉求</source>
        <translation type="vanished">Open the demands screen to see the selected group&apos;s demands</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/dashboard/periods.py" line="+43"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{year}年第{quarter}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/dashboard/screen.py" line="-11"/>
        <source>打印通报…</source>
        <translation>Print bulletin…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>预览、打印或导出 Excel：所选月份的月度通报（指标、红黑榜、图表、超期清单）</source>
        <translation>Preview, print or export to Excel the monthly bulletin of a chosen month (figures, red and black lists, charts, overdue list)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>查看诉求…</source>
        <translation>View demands…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>列出所选分组（未选时为全区）某项统计数背后的诉求；也可双击表中的数字</source>
        <translation>List the demands behind a figure of the selected group (the district when none is selected); you can also double-click a number in the table</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>分组明细</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/dashboard/table.py" line="-97"/>
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
        <location line="+78"/>
        <source>{num}/{den}（双击查看诉求）</source>
        <translation>{num}/{den} (double-click to view the demands)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>双击查看超期诉求</source>
        <translation>Double-click to view the overdue demands</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/dashboard/screen.py" line="+70"/>
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
        <location line="+17"/>
        <source>件未办结已超期</source>
        <translation>open demands past their deadline</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>点击查看这些诉求</source>
        <translation>Click to view these demands</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>分组明细（{n} 组）</source>
        <translation>Groups ({n})</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/dashboard/drill.py" line="-2"/>
        <source>提出诉求</source>
        <translation>Demands raised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其中已办结</source>
        <translation>Of which resolved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交办</source>
        <translation>Routed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按期签收</source>
        <translation>Accepted on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按期办结</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访满意</source>
        <translation>Followed up, satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访不满意</source>
        <translation>Followed up, unsatisfied</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{figure}：{n} 次（列出涉及的诉求）</source>
        <translation>{figure}: {n} times (lists the demands concerned)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{figure}：{n} 件</source>
        <translation>{figure}: {n}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>覆盖率按企业计数，不对应诉求</source>
        <translation>Coverage counts enterprises, not demands</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>点击数字查看背后的诉求。按次数统计的指标（交办、签收、退回、办结、回访）列出统计期内有该事项的诉求，同一诉求多次只列一次。</source>
        <translation>Click a number to view the demands behind it. Figures that count steps (routed, accepted, returned, resolved, followed up) list the demands with such a step in the period; a demand with several is listed once.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>点击数字查看背后的诉求</source>
        <translation>Click a number to view the demands behind it</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>同一诉求在统计期内有多次的只列一次</source>
        <translation>A demand with several such steps in the period is listed once</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全区</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来自统计：{group} · {figure} · {period}</source>
        <translation>From statistics: {group} · {figure} · {period}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（{n} 次，每件诉求只列一次）</source>
        <translation> ({n} times; each demand listed once)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>统计数按次数计算；这里列出统计期内有该事项的诉求，同一诉求多次只列一次，所以条数可能少于统计数。</source>
        <translation>The figure counts steps; this lists the demands with such a step in the period, each once, so there may be fewer rows than the figure.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>截至 {as_of} 仍为已交办或办理中且已过办结时限的诉求</source>
        <translation>Demands still routed or in progress and past their deadline as of {as_of}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>统计期内提出的诉求（不含撤回、并单）</source>
        <translation>Demands raised in the period (withdrawn and merged ones excluded)</translation>
    </message>
</context>
<context>
    <name>DeleteVisitDialog</name>
    <message>
        <location filename="../../liaison/ui/visits/delete_dialog.py" line="+38"/>
        <location line="+2"/>
        <source>删除走访</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{date} · {enterprise} · {mode}</source>
        <translation>{date} · {enterprise} · {mode}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>删除后这次走访不再出现在走访列表、企业走访记录和走访覆盖率中；督办可以恢复。</source>
        <translation>Once deleted, this visit no longer appears in the visit list, the enterprise&apos;s visit record or the visit coverage; a supervisor can restore it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>这次走访提出的 {n} 条待交办诉求将一并撤回（恢复走访不会恢复诉求）。</source>
        <translation>The {n} demand(s) raised during this visit and still awaiting routing will be withdrawn with it (restoring the visit does not restore them).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>删除原因</source>
        <translation>Reason for deleting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>例如：企业选错了，已重新登记</source>
        <translation>e.g. wrong enterprise picked, logged again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>确认删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DemandActions</name>
    <message>
        <location filename="../../liaison/ui/demands/action_dialogs.py" line="+42"/>
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
        <location line="+74"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+110"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+299"/>
        <source>驳回延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location line="-298"/>
        <location line="+277"/>
        <source>填写进展</source>
        <translation>Add progress</translation>
    </message>
    <message>
        <location line="-276"/>
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
        <location line="+280"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+215"/>
        <source>并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+309"/>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+34"/>
        <location line="+188"/>
        <source>延期理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>承诺办结日期</source>
        <translation>Promised date</translation>
    </message>
    <message>
        <source>须在办结时限前至少 1 个工作日申请，最晚 {latest:%Y-%m-%d}；由区联络办审批。</source>
        <translation type="vanished">Request at least 1 working day before the deadline, by {latest:%Y-%m-%d} at the latest; approved by the District Liaison Office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>须在办结时限前至少 {n} 个工作日申请，最晚 {latest:%Y-%m-%d}；由区联络办审批。</source>
        <translation>Ask at least {n} working days before the deadline; at the latest {latest:%Y-%m-%d}. The district office approves.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+187"/>
        <source>申请延至</source>
        <translation>Requested until</translation>
    </message>
    <message>
        <location line="-186"/>
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
        <location line="+111"/>
        <location line="+26"/>
        <location line="+53"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>审批意见</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+3"/>
        <location line="+159"/>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+158"/>
        <source>政策依据</source>
        <translation>Policy basis</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>默认为本类别对应的政策条款，可修改</source>
        <translation>Defaults to the category&apos;s policy measure; can be changed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请选择办理结果</source>
        <translation>Choose an outcome</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>回访企业</source>
        <translation>Follow up with enterprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>保存回访</source>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>{outcome}：{answer}</source>
        <translation>{outcome}: {answer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理答复</source>
        <translation>Answer given</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+128"/>
        <source>企业评价</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="-125"/>
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
        <location line="+13"/>
        <source>确认并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}（{state}，{day:%Y-%m-%d}）</source>
        <translation>{title} ({state}, {day:%Y-%m-%d})</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+19"/>
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
        <location line="+11"/>
        <source>部门答复</source>
        <translation>Department&apos;s answer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>回访意见</source>
        <translation>Enterprise&apos;s words at follow-up</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../liaison/ui/demands/detail.py" line="+71"/>
        <source>签收超期 {n} 个工作日</source>
        <translation>Acceptance {n} working days overdue</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message>
        <location line="+230"/>
        <source>签收时限 {day}</source>
        <translation>Accept by {day}</translation>
    </message>
</context>
<context>
    <name>DemandDetailPanel</name>
    <message>
        <location line="-210"/>
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
        <location line="+254"/>
        <source>打印销号单</source>
        <translation>Print closure record</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>诉求办结销号单（PDF，含核验码），可预览、打印、另存</source>
        <translation>Demand closure record (PDF with verification mark): preview, print, save</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>这条诉求已不存在。</source>
        <translation>This demand no longer exists.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>尚未交办</source>
        <translation>Not yet routed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>申请延至 {day:%Y-%m-%d}，待区联络办审批：{reason}</source>
        <translation>Extension to {day:%Y-%m-%d} awaiting District Liaison Office approval: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已延期 {n} 次</source>
        <translation>Extended {n}×</translation>
    </message>
    <message>
        <location line="+48"/>
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
        <location line="+52"/>
        <source>此诉求{state}，无需再办理。</source>
        <translation>This demand is {state}; nothing more to do.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>诉求办理情况单</source>
        <translation>Demand progress sheet</translation>
    </message>
    <message>
        <source>此诉求已{state}，无需再办理。</source>
        <translation type="vanished">This demand is {state}; nothing more to do.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>当前环节不需要您办理；可查看办理过程。</source>
        <translation>Nothing for you to do at this step; you can view the progress.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>诉求办结销号单（PDF，含编号、校验码与签名二维码），可预览、打印、另存</source>
        <translation>Closure record (PDF with serial, check code and signed QR code): preview, print or save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打印办理情况</source>
        <translation>Print progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>诉求办理情况单（未销号，不是办结凭证），可预览、打印、另存</source>
        <translation>Progress sheet (not closed, not a closure record): preview, print or save</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>诉求办结销号单</source>
        <translation>Demand closure record</translation>
    </message>
</context>
<context>
    <name>DemandList</name>
    <message>
        <location filename="../../liaison/ui/demands/list_columns.py" line="+33"/>
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
        <location filename="../../liaison/ui/demands/list_panel.py" line="+139"/>
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
        <location line="+7"/>
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
        <location line="+21"/>
        <source>签收超期 {n}</source>
        <translation>Acceptance overdue {n}</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>&lt;span style=&quot;color:{red}&quot;&gt;■ 已超期&lt;/span&gt;&#x3000;&lt;span style=&quot;color:{amber}&quot;&gt;■ 2 个工作日内到期&lt;/span&gt;（按法定工作日计算）</source>
        <translation type="vanished">&lt;span style=&quot;color:{red}&quot;&gt;■ overdue&lt;/span&gt;  &lt;span style=&quot;color:{amber}&quot;&gt;■ due within 2 working days&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/demands/list_panel.py" line="-45"/>
        <source>&lt;span style=&quot;color:{red}&quot;&gt;■ 已超期&lt;/span&gt;&#x3000;&lt;span style=&quot;color:{amber}&quot;&gt;■ {n} 个工作日内到期&lt;/span&gt;（按法定工作日计算）</source>
        <translation>&lt;span style=&quot;color:{red}&quot;&gt;■ overdue&lt;/span&gt;  &lt;span style=&quot;color:{amber}&quot;&gt;■ due within {n} working days&lt;/span&gt; (official working days)</translation>
    </message>
    <message>
        <location line="+32"/>
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
        <location line="+21"/>
        <source>✕ 清除</source>
        <translation>✕ Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消来自统计的筛选，回到全部诉求</source>
        <translation>Drop the filter from statistics and list all demands</translation>
    </message>
    <message>
        <location line="+71"/>
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
        <location line="+83"/>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>查询失败：{error}</source>
        <translation>Search failed: {error}</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+5"/>
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
        <location filename="../../liaison/ui/demands/timeline.py" line="+53"/>
        <source>（已删除单位）</source>
        <translation>(deleted unit)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>、</source>
        <translation>, </translation>
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
        <location line="+5"/>
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
        <location line="+2"/>
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
        <location line="+2"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+31"/>
        <source>{actor}（{unit}）</source>
        <translation>{actor} ({unit})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>这一步与其他设备同时录入的记录冲突，未计入诉求当前状态，请督办核对。
{v}</source>
        <translation>This step conflicts with a record entered on another device at the same time and is not counted in the current state; a supervisor should check it.
{v}</translation>
    </message>
</context>
<context>
    <name>DemandsScreen</name>
    <message>
        <location filename="../../liaison/ui/demands/screen.py" line="+26"/>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>打印台账…</source>
        <translation>Print ledger…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按列表当前的单位、街镇、类别、状态筛选，预览、打印或导出 Excel 诉求台账</source>
        <translation>Preview, print or export to Excel the demand ledger, filtered by the list&apos;s unit, street, category and state</translation>
    </message>
    <message>
        <source>{unit} · {role} {name}</source>
        <translation type="vanished">{unit} · {role} {name}</translation>
    </message>
    <message>
        <source>{role} {name}</source>
        <translation type="vanished">{role} {name}</translation>
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
        <location filename="../../liaison/ui/admin/departments_tab.py" line="+36"/>
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
        <location line="+34"/>
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
    <name>DevicesTab</name>
    <message>
        <location filename="../../liaison/ui/sync/devices_tab.py" line="+214"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方已有</source>
        <translation>Peer has</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待发给对方</source>
        <translation>To send</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>最近导出</source>
        <translation>Last export</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>登记设备…</source>
        <translation>Enrol device…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>吊销后，该设备导出的同步包一律拒绝导入，它此后的变更各设备都不接受。</source>
        <translation>Once revoked, the device&apos;s bundles are refused and no device accepts its later changes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>设备由管理员在区联络办的电脑上登记和吊销。</source>
        <translation>Devices are enrolled and revoked by an administrator on a district office computer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>区联络办设备</source>
        <translation>District office device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外勤设备（{n} 个账号）</source>
        <translation>Field device ({n} accounts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>吊销设备“{name}”？此后它导出的同步包都会被拒绝，它此后做的变更各设备都不接受。</source>
        <translation>Revoke device “{name}”? Its bundles will be refused, and no device will accept the changes it makes from now on.</translation>
    </message>
    <message>
        <source>信任设备…</source>
        <translation type="vanished">Trust device…</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>吊销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>吊销后，该设备导出的同步包一律拒绝导入。</source>
        <translation type="vanished">Once revoked, every sync bundle from that device is refused.</translation>
    </message>
    <message>
        <source>信任和吊销设备由管理员或督办操作。</source>
        <translation type="vanished">Devices are trusted and revoked by an administrator or supervisor.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>本机</source>
        <translation>This device</translation>
    </message>
    <message>
        <source>已信任</source>
        <translation type="vanished">Trusted</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation type="vanished">Unconfirmed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>{n} 项</source>
        <translation>{n} changes</translation>
    </message>
    <message>
        <source>吊销设备“{name}”？此后它导出的同步包都会被拒绝。</source>
        <translation type="vanished">Revoke the device “{name}”? Its sync bundles will be refused from now on.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../liaison/ui/dialogs.py" line="+21"/>
        <source>无法完成操作</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <name>EnrolDialog</name>
    <message>
        <location filename="../../liaison/ui/sync/devices_tab.py" line="-184"/>
        <source>登记设备</source>
        <translation>Enrol device</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请对方在其“同步”页念出本机指纹，在下面输入（可不带短横线），再选它导出的登记申请或同步包。指纹不一致时不要登记：文件可能不是对方发出的。外勤电脑上只有勾选的账号可以登录，其他账号在它上面做的变更各设备都不会接受。</source>
        <translation>Ask the other side to read out the fingerprint on its Sync page and type it below (dashes optional), then choose the enrolment request or bundle it exported. Do not enrol if the fingerprints differ: the file may not come from that device. Only the ticked accounts can sign in on a field computer; no device accepts changes other accounts make on it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>设备：{name}</source>
        <translation>Device: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>外勤电脑（联络干部、街镇、部门）</source>
        <translation>Field computer (cadres, streets, departments)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区联络办的电脑（可做管理操作）</source>
        <translation>District office computer (administration)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按姓名或用户名筛选</source>
        <translation>Filter by name or username</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>对方念出的指纹</source>
        <translation>Fingerprint read out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方的文件</source>
        <translation>Their file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设备类别</source>
        <translation>Device class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可登录的账号</source>
        <translation>Accounts that may sign in</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>选择对方的文件</source>
        <translation>Choose their file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>同步包 (*.lsb);;所有文件 (*)</source>
        <translation>Sync bundles (*.lsb);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>请勾选可在这台外勤电脑上登录的账号</source>
        <translation>Tick the accounts that may sign in on this field computer</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../liaison/ui/enterprises/detail.py" line="+65"/>
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
        <location line="+110"/>
        <source>（超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location line="-106"/>
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
        <location line="+26"/>
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
        <location line="+3"/>
        <source>安排包联…</source>
        <translation>Assign cadre…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>结束包联…</source>
        <translation>End assignment…</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+4"/>
        <source>尚无诉求</source>
        <translation>No demands yet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>双击打开诉求</source>
        <translation>Double-click to open the demand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚无联系人</source>
        <translation>No contacts yet</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}（{role}，{since} 起）</source>
        <translation>{name} ({role}, since {since})</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>包联干部（{n}）</source>
        <translation>Cadres ({n})</translation>
    </message>
    <message>
        <source>牵头</source>
        <translation type="vanished">lead</translation>
    </message>
    <message>
        <source>协助</source>
        <translation type="vanished">assisting</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+93"/>
        <source>尚未安排包联干部</source>
        <translation>No cadre assigned yet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>为这家企业安排一名包联干部</source>
        <translation>Assign a cadre to this enterprise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>结束一名干部对这家企业的包联</source>
        <translation>End a cadre&apos;s assignment to this enterprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>目前没有包联干部</source>
        <translation>No cadre is assigned now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>为这家企业登记一次走访</source>
        <translation>Log a visit to this enterprise</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location filename="../../liaison/ui/enterprises/edit_dialog.py" line="+101"/>
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
        <location line="+40"/>
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
        <location filename="../../liaison/ui/enterprises/list_panel.py" line="+62"/>
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
        <location line="+111"/>
        <source>在办诉求</source>
        <translation>Open demands</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+108"/>
        <source>规模</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+165"/>
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
        <location filename="../../liaison/ui/enterprises/screen.py" line="+51"/>
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
        <location line="+69"/>
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
    <name>ErrorDialog</name>
    <message>
        <location filename="../../liaison/ui/actions.py" line="+32"/>
        <source>出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>这一步没有完成，数据库中没有写入一半的内容。这是程序的问题，不是您的操作有误。
请点“复制详情”，把详情发给技术支持；日志文件：{0}</source>
        <translation>This step was not done, and nothing half-done was written to the database. This is a fault of the program, not a mistake of yours.
Click &quot;Copy details&quot; and send them to technical support; log file: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../liaison/ui/enterprises/filter_bar.py" line="+77"/>
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
        <location line="+10"/>
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
        <source>首次使用 · 创建管理员</source>
        <translation type="vanished">First start · Create administrator</translation>
    </message>
    <message>
        <source>欢迎使用百千万企业走访联络系统。请先创建管理员账号，之后可在“管理”中添加干部和部门账号。</source>
        <translation type="vanished">Welcome to the Enterprise Liaison System. Create the administrator account first; cadre and department accounts can be added later under &quot;Admin&quot;.</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/signin.py" line="+295"/>
        <source>例如：区联络办 张三</source>
        <translation>e.g. District Liaison Office, Zhang San</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>载入小型演示数据（约 300 家企业），便于试用</source>
        <translation>Load a small demo data set (about 300 enterprises) to try things out</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码（至少 8 位）</source>
        <translation type="vanished">Password (8+ characters)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>首次使用 · 百千万企业走访联络系统</source>
        <translation>First start · Enterprise Liaison</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>欢迎使用百千万企业走访联络系统。联络干部、街镇和部门的电脑请加入已有区县；只有区联络办第一次安装时才新建区县。</source>
        <translation>Welcome to Enterprise Liaison. Cadres&apos;, streets&apos; and departments&apos; computers join the existing district; only the district office creates a new district, on its first installation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>加入已有区县（导入区联络办发来的同步包）</source>
        <translation>Join an existing district (import the bundle from the district office)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新建区县（本机作为区联络办的服务器）</source>
        <translation>Create a new district (this computer becomes the district office&apos;s hub)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>连接区县服务器（区联络办、部门的办公电脑，由信息科提供地址）</source>
        <translation>Connect to the district server (office desktops of the liaison office and departments; IT provides the address)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>1. 把本机的登记申请交给区联络办，并念出本机指纹，请管理员核对后登记本机和可在本机登录的账号。
2. 区联络办为本机导出同步包后，选择该文件，并输入区联络办念出的指纹。</source>
        <translation>1. Give this computer&apos;s enrolment request to the district office and read out its fingerprint; the administrator checks it and enrols this computer with the accounts that may sign in on it.
2. When the district office has exported a bundle for this computer, choose the file and type the fingerprint the district office reads out.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>导出登记申请…</source>
        <translation>Export enrolment request…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>（未选择）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>选择同步包…</source>
        <translation>Choose bundle…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>本机指纹</source>
        <translation>This computer&apos;s fingerprint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>区联络办的同步包</source>
        <translation>The district office&apos;s bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区联络办念出的指纹</source>
        <translation>Fingerprint the district office reads out</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>加入</source>
        <translation>Join</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>保存登记申请</source>
        <translation>Save enrolment request</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>同步包 (*.lsb)</source>
        <translation>Sync bundles (*.lsb)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>选择区联络办的同步包</source>
        <translation>Choose the district office&apos;s bundle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>同步包 (*.lsb);;所有文件 (*)</source>
        <translation>Sync bundles (*.lsb);;All files (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请先选择区联络办为本机导出的同步包</source>
        <translation>First choose the bundle the district office exported for this computer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>正在导入区联络办的数据…</source>
        <translation>Importing the district office&apos;s data…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>本机将成为区县服务器（区联络办）：其他电脑都由这里登记。请先创建管理员账号，之后可在“管理”中添加干部和部门账号。</source>
        <translation>This computer becomes the district hub (district office): every other computer is enrolled here. First create the administrator account; cadres&apos; and departments&apos; accounts are added later under Administration.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>密码（至少 10 位）</source>
        <translation>Password (at least 10 characters)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../../liaison/ui/health.py" line="+29"/>
        <location line="+53"/>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>。没有找到可用的备份。</source>
        <translation>. No usable backup was found.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}

最近的完好备份是 {1}（{2}）。用它恢复数据库吗？
损坏的文件会改名保留；备份之后的修改，如已同步给其他设备，会在下次同步时回来。</source>
        <translation>{0}

The newest whole backup is from {1} ({2}). Restore the database from it?
The damaged file is kept under another name; changes made after the backup come back with the next exchange if they were sent to other devices.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>数据库文件 {0} 检查发现损坏：{1}</source>
        <translation>The check of database file {0} found damage: {1}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../liaison/ui/sync/history_tab.py" line="+20"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>对方设备</source>
        <translation>Peer device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>处理时间</source>
        <translation>Handled at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>变更</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新变更</source>
        <translation>New changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>还没有导出或导入过同步包。</source>
        <translation>No sync bundle has been exported or imported yet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全部数据</source>
        <translation>All data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未知设备</source>
        <translation>Unknown device</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} {n}</source>
        <translation>{kind} {n}</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <location filename="../../liaison/ui/admin/holidays_tab.py" line="+44"/>
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
        <location line="+2"/>
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
        <location filename="../../liaison/ui/home.py" line="+174"/>
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
        <source>3 个工作日内到期</source>
        <translation type="vanished">Due within 3 working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} 个工作日内到期</source>
        <translation>Due within {n} working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>近期没有到期的诉求</source>
        <translation>Nothing due soon</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>{day} 星期{weekday}&#x3000;{who}</source>
        <translatorcomment>omits {weekday}: it is a Chinese numeral (home.WEEKDAYS), meaningless in English</translatorcomment>
        <translation>{day}  {who}</translation>
    </message>
    <message>
        <source>{day} 星期{weekday}&#x3000;{name}（{role}）</source>
        <translatorcomment>omits {weekday}: it is a Chinese numeral (home.WEEKDAYS), meaningless in English</translatorcomment>
        <translation type="vanished">{day}  {name} ({role})</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../liaison/ui/imports/dialog.py" line="+74"/>
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
        <location line="+217"/>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+216"/>
        <source>企业名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="-215"/>
        <location line="+216"/>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>包联干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+211"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-187"/>
        <location line="+145"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-141"/>
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
        <location line="+2"/>
        <source>隐藏行</source>
        <translation>Hidden row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+30"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../liaison/ui/sync/preview.py" line="+57"/>
        <location line="+2"/>
        <source>导入同步包</source>
        <translation>Import sync bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正在检查同步包…</source>
        <translation>Checking the sync bundle…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>记录类型</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新变更</source>
        <translation>New changes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>登记此设备…</source>
        <translation>Enrol this device…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>发送设备“{name}”尚未登记，不能导入它的同步包。</source>
        <translation>The sending device “{name}” is not enrolled; its bundle cannot be imported.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>发送设备“{name}”的指纹是 {fingerprint}。请打电话或当面请对方打开“同步”页念出本机指纹，两者一致才说明文件确实来自该设备；一致后由管理员在区联络办的电脑上登记该设备，再导入本文件。</source>
        <translation>The sending device “{name}” has fingerprint {fingerprint}. Call or meet the other side and ask them to read out the fingerprint on their Sync page: only if the two match does the file really come from that device. Then an administrator enrols the device on a district office computer, and the file can be imported.</translation>
    </message>
    <message>
        <source>信任此设备…</source>
        <translation type="vanished">Trust this device…</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>导入后有 {n} 处冲突需要有人决定保留哪个版本（见“冲突”页）</source>
        <translation>After the import, {n} conflicts need someone to decide which version to keep (see the Conflicts tab)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>不能导入这个同步包</source>
        <translation>This sync bundle cannot be imported</translation>
    </message>
    <message>
        <source>本机还没有信任发送设备“{name}”，不能导入它的同步包。</source>
        <translation type="vanished">This device does not trust the sending device “{name}” yet, so its sync bundle cannot be imported.</translation>
    </message>
    <message>
        <source>发送设备“{name}”的指纹是 {fingerprint}。请打电话或当面请对方打开“同步”页念出本机指纹，两者一致才说明文件确实来自该设备；一致后由管理员或督办信任该设备，再导入本文件。</source>
        <translation type="vanished">The fingerprint of the sending device “{name}” is {fingerprint}. Call the other side or meet them and ask them to open the Sync page and read out their fingerprint; only if the two match does the file really come from that device. Then an administrator or supervisor trusts the device and you import this file again.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>正在导入同步包…</source>
        <translation>Importing the sync bundle…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已导入：{n} 项新变更，{c} 处冲突</source>
        <translation>Imported: {n} new changes, {c} conflicts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../liaison/ui/demands/ledger_dialog.py" line="+55"/>
        <source>搜索</source>
        <translation>search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“我的”</source>
        <translation>&quot;mine&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只看超期</source>
        <translation>overdue only</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>延期待批</source>
        <translation>extension pending</translation>
    </message>
    <message>
        <source>统计事项</source>
        <translation type="vanished">statistics step</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>来自统计的事项（交办、办结、回访等）</source>
        <translation>the step from statistics (routed, resolved, followed up…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>干部</source>
        <translation>cadre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>牵头单位：{name}</source>
        <translation>Lead unit: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>街镇：{name}</source>
        <translation>Street: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>类别：{name}</source>
        <translation>Category: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+3"/>
        <source>状态：{state}</source>
        <translation>State: {state}</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已办结</source>
        <translation>Finished (resolved, followed up or closed)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全部诉求</source>
        <translation>All demands</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>打印诉求台账</source>
        <translation>Print demand ledger</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>统计期（按提出日期）</source>
        <translation>Period (by date raised)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>台账列出统计期内提出的诉求，单位按牵头单位筛选；PDF 最多 {limit} 条，更多请缩小范围或导出 Excel。</source>
        <translation>The ledger lists the demands raised in the period, by lead unit; a PDF holds at most {limit} rows, for more narrow the scope or export to Excel.</translation>
    </message>
    <message>
        <source>台账列出统计期内提出的诉求，单位按牵头单位筛选；PDF 最多 5000 条，</source>
        <translation type="vanished">The ledger lists the demands raised in the period, by lead unit; a PDF holds at most 5000 rows, </translation>
    </message>
    <message>
        <source>更多请缩小范围或导出 Excel。</source>
        <translation type="vanished">for more narrow the scope or export to Excel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>列表中的以下条件不用于台账：{names}</source>
        <translation>These conditions of the list do not apply to the ledger: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>开始日期不能晚于结束日期</source>
        <translation>The start date cannot be after the end date</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>诉求台账</source>
        <translation>Demand ledger</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../liaison/ui/main_window.py" line="+78"/>
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
        <location line="+14"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>百千万企业走访联络系统</source>
        <translation>Enterprise Liaison System</translation>
    </message>
    <message>
        <source>当前用户：{name}（{role}）</source>
        <translation type="vanished">Signed in: {name} ({role})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>当前用户：{who}</source>
        <translation>Signed in: {who}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核验销号单…</source>
        <translation>Verify a closure record…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关于 Liaison…</source>
        <translation>About Liaison…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>界面语言将在下次启动时生效。</source>
        <translation>The new language takes effect the next time you start the app.</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <location filename="../../liaison/ui/dashboard/table.py" line="-87"/>
        <source>未交办/无所属单位</source>
        <translation>Not routed / no unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未填街镇</source>
        <translation>No street</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未分类</source>
        <translation>Uncategorised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全区合计</source>
        <translation>District total</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../liaison/ui/visits/rows.py" line="-176"/>
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
        <location line="+3"/>
        <source>删除此人</source>
        <translation>Remove this person</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../liaison/ui/print_preview.py" line="-211"/>
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
        <location line="+129"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>正在生成打印文件…</source>
        <translation>Preparing the document…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在导出 Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../liaison/ui/unlock.py" line="+83"/>
        <source>恢复密钥 · 百千万企业走访联络系统</source>
        <translation>Recovery key · Liaison</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本机数据库已加密：电脑或硬盘丢失时，没有密码的人读不到其中的企业和账号信息。各账号仍用自己的密码登录。

下面的恢复密钥只显示这一次。请打印或抄写，与电脑分开保管（如交区联络办存档）；所有能登录本机的密码都忘记时，凭它打开数据库。</source>
        <translation>This computer&apos;s database is now encrypted: if the computer or its disk is lost, nobody without a password can read its enterprises or accounts. Everyone signs in with their own password as before.

The recovery key below is shown only this once. Print it or copy it out and keep it apart from the computer (for example in the district office&apos;s files); when every password that signs in here is forgotten, it opens the database.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>我已打印或抄写恢复密钥，并会另处保管</source>
        <translation>I have printed or copied the recovery key and will keep it elsewhere</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;h2&gt;百千万企业走访联络系统 · 数据库恢复密钥&lt;/h2&gt;&lt;p&gt;所有能登录本机的密码都忘记时，凭此密钥打开本机的加密数据库。请与电脑分开保管，不要拍照发送。&lt;/p&gt;&lt;p style=&apos;font-size:20pt; font-family:monospace&apos;&gt;&lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Liaison · database recovery key&lt;/h2&gt;&lt;p&gt;When every password that signs in on this computer is forgotten, this key opens its encrypted database. Keep it apart from the computer; do not photograph or send it.&lt;/p&gt;&lt;p style=&apos;font-size:20pt; font-family:monospace&apos;&gt;&lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <location filename="../../liaison/ui/demands/route_dialog.py" line="+43"/>
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
        <location line="+0"/>
        <location line="+4"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-3"/>
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
        <location filename="../../liaison/ui/home.py" line="-221"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{due} 到期，已超期 {n} 个工作日</source>
        <translation>Due {due}; {n} working days overdue</translation>
    </message>
    <message>
        <source>{due} 到期，已超期 {n} 天</source>
        <translation type="vanished">Due {due}, {n} day(s) overdue</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../liaison/ui/signin.py" line="-286"/>
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
    <message>
        <location line="+3"/>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>连接设置…</source>
        <translation>Connection…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>正在登录…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <location filename="../../liaison/ui/enterprises/stale_dialog.py" line="+44"/>
        <source>他人已修改该企业</source>
        <translation>Someone else changed this enterprise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>您编辑期间，他人已修改并保存了下列内容，与您的修改不同。请选择保留哪一方；其余内容，双方的修改都会保留。</source>
        <translation>While you were editing, someone else changed and saved the following, differently from you. Choose whose to keep; all other changes, yours and theirs, are kept.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>您打开时</source>
        <translation>When you opened it</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>您的修改</source>
        <translation>Your change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>他人已保存</source>
        <translation>Saved by someone else</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>保留我的修改</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>采用他人的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回编辑</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../liaison/ui/sync/common.py" line="+40"/>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理环节</source>
        <translation>Handling steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包联</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>诉求类别</source>
        <translation>Demand category</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>节假日</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>附件</source>
        <translation type="vanished">Attachment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所属街镇</source>
        <translation>Street</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成立日期</source>
        <translation>Established on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访方式</source>
        <translation>Visit mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>走访情况</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求标题</source>
        <translation>Demand title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求内容</source>
        <translation>Demand content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提出日期</source>
        <translation>Raised on</translation>
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
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重复登记</source>
        <translation>Registered twice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>包联干部</source>
        <translation>Liaison cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>牵头包联</source>
        <translation>Lead liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../liaison/ui/sync/screen.py" line="+100"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>对方第一次导入本机的同步包前，请把这串指纹念给对方核对。</source>
        <translation>Before another device imports a bundle from this one for the first time, read this fingerprint out to them to check.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>本机</source>
        <translation>This device</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>显示本机指纹</source>
        <translation>Show this computer&apos;s fingerprint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>管理员登记本机时，会请你念出这串指纹核对</source>
        <translation>When an administrator enrols this computer, they will ask you to read this fingerprint out</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>完整同步包（本机全部数据）</source>
        <translation>Full bundle (all data on this device)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出同步包…</source>
        <translation>Export sync bundle…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>发给</source>
        <translation>For</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导入同步包…</source>
        <translation>Import sync bundle…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>也可以把 .lsb 文件拖到本页</source>
        <translation>You can also drop a .lsb file on this page</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+53"/>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同步记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>还没有登记可发送的设备：同步包只能加密发给已登记的设备</source>
        <translation>No device to send to is enrolled yet: bundles can only be encrypted to enrolled devices</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>将导出本机的全部数据</source>
        <translation>All data on this device will be exported</translation>
    </message>
    <message>
        <source>全部数据（完整同步包）</source>
        <translation type="vanished">All data (full bundle)</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>上次同步：还没有与其他设备交换过同步包</source>
        <translation>Last sync: no bundle exchanged with another device yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>上次同步：{when} 导入了 {peer} 的同步包</source>
        <translation>Last sync: {when}, imported a bundle from {peer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上次同步：{when} 导出了给 {peer} 的同步包</source>
        <translation>Last sync: {when}, exported a bundle for {peer}</translation>
    </message>
    <message>
        <source>导出本机的全部数据，任何已信任本机的设备都可导入</source>
        <translation type="vanished">Exports all data of this device; any device that trusts this one can import it</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>还没有收到过对方的同步包：将导出全部数据</source>
        <translation>No sync bundle received from this peer yet: all data will be exported</translation>
    </message>
    <message>
        <source>还没有和对方交换过：将导出全部数据</source>
        <translation type="vanished">Never exchanged with this peer: all data will be exported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>对方还缺 {n} 项变更</source>
        <translation>The peer lacks {n} changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>对方已有本机的全部数据</source>
        <translation>The peer already has all data of this device</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>；同步包加密发给“{name}”，只有它能打开</source>
        <translation>; the bundle is encrypted to “{name}” and only it can open it</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>保存同步包</source>
        <translation>Save sync bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>同步包 (*.lsb)</source>
        <translation>Sync bundles (*.lsb)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>已导出 {n} 项变更到 {path}</source>
        <translation>Exported {n} changes to {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在导出同步包…</source>
        <translation>Exporting the sync bundle…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>选择同步包</source>
        <translation>Choose a sync bundle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>同步包 (*.lsb);;所有文件 (*)</source>
        <translation>Sync bundles (*.lsb);;All files (*)</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>信任设备</source>
        <translation type="vanished">Trust device</translation>
    </message>
    <message>
        <source>请对方在其“同步”页念出本机指纹，在下面输入（可不带短横线）。如果本机还不认识该设备，再选一个它导出的同步包。指纹不一致时不要信任：文件可能不是对方发出的。</source>
        <translation type="vanished">Ask the other side to read out the fingerprint shown on their Sync page and type it below (dashes optional). If this device does not know theirs yet, also choose a sync bundle it exported. Do not trust it if the fingerprints differ: the file may not come from them.</translation>
    </message>
    <message>
        <source>设备：{name}</source>
        <translation type="vanished">Device: {name}</translation>
    </message>
    <message>
        <source>（未选择）</source>
        <translation type="vanished">(none chosen)</translation>
    </message>
    <message>
        <source>选择同步包…</source>
        <translation type="vanished">Choose sync bundle…</translation>
    </message>
    <message>
        <source>对方念出的指纹</source>
        <translation type="vanished">Fingerprint read out by the peer</translation>
    </message>
    <message>
        <source>对方的同步包</source>
        <translation type="vanished">Peer&apos;s sync bundle</translation>
    </message>
    <message>
        <source>信任</source>
        <translation type="vanished">Trust</translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>选择对方的同步包</source>
        <translation type="vanished">Choose the peer&apos;s sync bundle</translation>
    </message>
    <message>
        <source>同步包 (*.lsb);;所有文件 (*)</source>
        <translation type="vanished">Sync bundles (*.lsb);;All files (*)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../liaison/ui/unlock.py" line="-96"/>
        <source>登录（数据库已加密）· 百千万企业走访联络系统</source>
        <translation>Sign in (encrypted database) · Liaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>忘记密码？用恢复密钥打开…</source>
        <translation>Forgot the password? Open with the recovery key…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本机数据库已加密：输入账号和密码打开</source>
        <translation>This computer&apos;s database is encrypted: sign in to open it</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在打开加密的数据库…</source>
        <translation>Opening the encrypted database…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用恢复密钥打开</source>
        <translation>Open with the recovery key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复密钥（8 组，每组 4 个字母或数字，如 ABCD-EFGH-…）：</source>
        <translation>Recovery key (8 groups of 4 letters or digits, like ABCD-EFGH-…):</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../liaison/ui/verify_dialog.py" line="+40"/>
        <source>核验销号单</source>
        <translation>Verify a closure record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用扫码枪扫描销号单右下角的二维码，或输入单上的“编号 校验码”，也可以打开单据的照片或扫描件。</source>
        <translation>Scan the QR code at the bottom right of the closure record with a scanner, type the sheet&apos;s &quot;serial check-code&quot;, or open a photo or scan of the sheet.</translation>
    </message>
    <message>
        <source>例如：江北销号〔2026〕7F3A-00012号 3F2A-9C1B-77D0-E415</source>
        <translation type="vanished">e.g. 江北销号〔2026〕7F3A-00012号 3F2A-9C1B-77D0-E415</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>例如：{example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开图片…</source>
        <translation>Open picture…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>编号</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前状态</source>
        <translation>State now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签发设备</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>请先扫描二维码或输入编号与校验码</source>
        <translation>Scan the QR code or type the serial and check code first</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>打开销号单照片或扫描件</source>
        <translation>Open a photo or scan of the closure record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>核验通过</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>核验未通过</source>
        <translation>Not verified</translation>
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
        <location filename="../../liaison/ui/visits/form.py" line="+104"/>
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
        <location line="+37"/>
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
        <location filename="../../liaison/ui/visits/screen.py" line="+56"/>
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
        <translation>Demands</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+75"/>
        <source>最近走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>打印走访记录表</source>
        <translation>Print visit record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所选走访的企业走访记录表（PDF），可预览、打印、另存</source>
        <translation>Visit record of the selected visit (PDF): preview, print, save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>显示已删除</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>列出已删除的走访（最近删除的在前），可以恢复</source>
        <translation>List the deleted visits (most recently deleted first) to restore one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除走访…</source>
        <translation>Delete visit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除误登的走访：登记人 {n} 天内可删，本街镇专员、督办随时可删</source>
        <translation>Delete a visit logged by mistake: whoever logged it within {n} days; the street&apos;s staff and supervisors at any time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>恢复走访</source>
        <translation>Restore visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复所选的已删除走访</source>
        <translation>Restore the selected deleted visit</translation>
    </message>
    <message>
        <location line="+36"/>
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
        <location line="+6"/>
        <source>已删除的走访</source>
        <translation>Deleted visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近删除的在前</source>
        <translation>Most recently deleted first</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+17"/>
        <source>请先在列表中选择要删除的走访</source>
        <translation>Select the visit to delete in the list first</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>请先在列表中选择要恢复的走访</source>
        <translation>Select the visit to restore in the list first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复 {date} 对“{enterprise}”的走访吗？

删除时撤回的诉求仍为已撤回。</source>
        <translation>Restore the visit to “{enterprise}” on {date}?

Demands withdrawn when it was deleted stay withdrawn.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>请先在“最近走访”中选择一次走访</source>
        <translation>Select a visit in &quot;Recent visits&quot; first</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>企业走访记录表</source>
        <translation>Enterprise visit record</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../liaison/ui/vocab.py" line="+43"/>
        <source>待交办</source>
        <translation>To route</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/core_text.py" line="-19"/>
        <location filename="../../liaison/ui/vocab.py" line="+1"/>
        <location line="+150"/>
        <source>已交办</source>
        <translation>Routed</translation>
    </message>
    <message>
        <location filename="../../liaison/ui/vocab.py" line="-149"/>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已并单</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>提出</source>
        <translation>Raise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交办</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>驳回延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回访</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <source>督办</source>
        <comment>event: escalate</comment>
        <translation type="vanished">Escalate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>并单</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已解决</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部分解决</source>
        <translation>Partly solved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法解决</source>
        <translation>Cannot be solved</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>联络干部</source>
        <translation type="vanished">Liaison cadre</translation>
    </message>
    <message>
        <source>街镇专员</source>
        <translation type="vanished">Street officer</translation>
    </message>
    <message>
        <source>部门承办人</source>
        <translation type="vanished">Department handler</translation>
    </message>
    <message>
        <source>督办</source>
        <comment>role: supervisor</comment>
        <translation type="vanished">Supervisor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="vanished">Administrator</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>督办</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>实地走访</source>
        <translation>On-site visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话走访</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>视频连线</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>座谈会</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>诉求</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>堵点</source>
        <translation>Blocker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>卡点</source>
        <translation>Bottleneck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>意见建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>规上</source>
        <translation>Above scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>限上</source>
        <translation>Above quota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>规下</source>
        <translation>Below scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小微</source>
        <translation>Small/micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>个体</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>高新技术企业</source>
        <translation>High-tech enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>科技型企业</source>
        <translation>Tech-based SME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>专精特新</source>
        <translation>Specialised and innovative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小巨人</source>
        <translation>Little giant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民营500强</source>
        <translation>Top 500 private</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上市</source>
        <translation>Listed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>农、林、牧、渔业</source>
        <translation>Agriculture, forestry, animal husbandry and fishery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>采矿业</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>制造业</source>
        <translation>Manufacturing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电力、热力、燃气及水生产和供应业</source>
        <translation>Electricity, heat, gas and water supply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建筑业</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批发和零售业</source>
        <translation>Wholesale and retail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>交通运输、仓储和邮政业</source>
        <translation>Transport, storage and postal services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>住宿和餐饮业</source>
        <translation>Accommodation and catering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信息传输、软件和信息技术服务业</source>
        <translation>Information transmission, software and IT services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金融业</source>
        <translation>Finance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>房地产业</source>
        <translation>Real estate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>租赁和商务服务业</source>
        <translation>Leasing and business services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>科学研究和技术服务业</source>
        <translation>Scientific research and technical services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>水利、环境和公共设施管理业</source>
        <translation>Water, environment and public facilities management</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>居民服务、修理和其他服务业</source>
        <translation>Household, repair and other services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>卫生和社会工作</source>
        <translation>Health and social work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文化、体育和娱乐业</source>
        <translation>Culture, sports and entertainment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公共管理、社会保障和社会组织</source>
        <translation>Public administration, social security and social organisations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>国际组织</source>
        <translation>International organisations</translation>
    </message>
</context>
<context>
    <name>VocabRole</name>
    <message>
        <location line="-76"/>
        <source>联络干部</source>
        <translation>Liaison cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>街镇专员</source>
        <translation>Street officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门承办人</source>
        <translation>Department handler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>督办</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
</context>
</TS>
