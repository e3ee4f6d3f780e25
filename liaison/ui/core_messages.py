"""Messages the core shows the user, listed for the UI's translation. GENERATED — do not edit.

Regenerate after changing a message in the core (liaison/ outside liaison/ui):

    .venv/bin/python scripts/extract_core_messages.py
    scripts/update_translations.sh      # then translate what it lists as unfinished

Each is a key: a message as the core writes it, or the template of a `Text` with its numbered
places ({0}, {1}…). liaison.ui.core_text.tr_core looks keys up here;
tests/ui/test_core_text.py fails when this file is out of date. 404 messages.
"""

# ruff: noqa: E501

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def messages() -> dict[str, str]:
    """The core's message key → its UI text."""
    return {
        "--to 应为 PostgreSQL 数据库的地址（postgresql://…），不是 {0}": QCoreApplication.translate(
            "CoreText", "--to 应为 PostgreSQL 数据库的地址（postgresql://…），不是 {0}"
        ),
        "LIAISON_PDF_FONT 指定的字体文件不存在：{0}": QCoreApplication.translate(
            "CoreText", "LIAISON_PDF_FONT 指定的字体文件不存在：{0}"
        ),
        "liaison {0} 只用于本机的数据库文件；{1} 在 PostgreSQL 服务器上，备份、恢复和加密由服务器负责（见 docs/postgresql.md）": QCoreApplication.translate(
            "CoreText",
            "liaison {0} 只用于本机的数据库文件；{1} 在 PostgreSQL 服务器上，备份、恢复和加密由服务器负责（见 docs/postgresql.md）",
        ),
        "{0} 不是 JSON 对象": QCoreApplication.translate("CoreText", "{0} 不是 JSON 对象"),
        "{0} 不是 Liaison 的数据库或备份文件": QCoreApplication.translate(
            "CoreText", "{0} 不是 Liaison 的数据库或备份文件"
        ),
        "{0} 不是 Liaison 的数据库或备份文件，或是用另一个密钥加密的（另一台电脑的数据库）": QCoreApplication.translate(
            "CoreText",
            "{0} 不是 Liaison 的数据库或备份文件，或是用另一个密钥加密的（另一台电脑的数据库）",
        ),
        "{0} 不是 Liaison 的数据库（新建请运行 liaison init --db {1}）": QCoreApplication.translate(
            "CoreText", "{0} 不是 Liaison 的数据库（新建请运行 liaison init --db {1}）"
        ),
        "{0} 不是整数": QCoreApplication.translate("CoreText", "{0} 不是整数"),
        "{0} 不是有效的日期": QCoreApplication.translate("CoreText", "{0} 不是有效的日期"),
        "{0} 不是有效的日期时间": QCoreApplication.translate("CoreText", "{0} 不是有效的日期时间"),
        "{0} 个工作日内到期": QCoreApplication.translate("CoreText", "{0} 个工作日内到期"),
        "{0} 为空": QCoreApplication.translate("CoreText", "{0} 为空"),
        "{0} 办结": QCoreApplication.translate("CoreText", "{0} 办结"),
        "{0} 已存在：请换一个文件名": QCoreApplication.translate(
            "CoreText", "{0} 已存在：请换一个文件名"
        ),
        "{0} 提出": QCoreApplication.translate("CoreText", "{0} 提出"),
        "{0} 是一个文件夹，不是数据库文件": QCoreApplication.translate(
            "CoreText", "{0} 是一个文件夹，不是数据库文件"
        ),
        "{0} 格式不对": QCoreApplication.translate("CoreText", "{0} 格式不对"),
        "{0} 没有字段 {1}": QCoreApplication.translate("CoreText", "{0} 没有字段 {1}"),
        "{0} 的内容写法与本系统写出的不同（转义、顺序或空白）": QCoreApplication.translate(
            "CoreText", "{0} 的内容写法与本系统写出的不同（转义、顺序或空白）"
        ),
        "{0} 的取值未知": QCoreApplication.translate("CoreText", "{0} 的取值未知"),
        "{0} 的行格式不对": QCoreApplication.translate("CoreText", "{0} 的行格式不对"),
        "{0} 过长或行数过多": QCoreApplication.translate("CoreText", "{0} 过长或行数过多"),
        "{0}.{1} 不是 JSON": QCoreApplication.translate("CoreText", "{0}.{1} 不是 JSON"),
        "{0}.{1} 不是有效的日期时间": QCoreApplication.translate(
            "CoreText", "{0}.{1} 不是有效的日期时间"
        ),
        "{0}不是 Liaison 的密钥文件（格式不对）": QCoreApplication.translate(
            "CoreText", "{0}不是 Liaison 的密钥文件（格式不对）"
        ),
        "{0}已损坏，无法读取": QCoreApplication.translate("CoreText", "{0}已损坏，无法读取"),
        "{0}已损坏：有未知的密钥槽": QCoreApplication.translate(
            "CoreText", "{0}已损坏：有未知的密钥槽"
        ),
        "{0}的{1}在您打开后已被他人修改：请关闭后重新打开，核对后再改": QCoreApplication.translate(
            "CoreText", "{0}的{1}在您打开后已被他人修改：请关闭后重新打开，核对后再改"
        ),
        "{0}退回：{1}": QCoreApplication.translate("CoreText", "{0}退回：{1}"),
        "{0}：类型无效": QCoreApplication.translate("CoreText", "{0}：类型无效"),
        "{0}：紧急程度无效": QCoreApplication.translate("CoreText", "{0}：紧急程度无效"),
        "{0}：请填写诉求内容": QCoreApplication.translate("CoreText", "{0}：请填写诉求内容"),
        "{0}：请选择诉求类别": QCoreApplication.translate("CoreText", "{0}：请选择诉求类别"),
        "“{0}”不在本街镇": QCoreApplication.translate("CoreText", "“{0}”不在本街镇"),
        "“{0}”不是联络干部或街镇专员": QCoreApplication.translate(
            "CoreText", "“{0}”不是联络干部或街镇专员"
        ),
        "“{0}”已在包联“{1}”": QCoreApplication.translate("CoreText", "“{0}”已在包联“{1}”"),
        "“{0}”的密码是管理员设置的，须先改成自己的密码：在桌面程序登录，或运行 liaison account passwd --user {1}": QCoreApplication.translate(
            "CoreText",
            "“{0}”的密码是管理员设置的，须先改成自己的密码：在桌面程序登录，或运行 liaison account passwd --user {1}",
        ),
        "“{0}”需要填写{1}": QCoreApplication.translate("CoreText", "“{0}”需要填写{1}"),
        "上次走访 {0}": QCoreApplication.translate("CoreText", "上次走访 {0}"),
        "不支持旧版 Excel 文件“{0}”：请在 Excel 中另存为 .xlsx 后再导入": QCoreApplication.translate(
            "CoreText", "不支持旧版 Excel 文件“{0}”：请在 Excel 中另存为 .xlsx 后再导入"
        ),
        "不支持的文件类型“{0}”：请使用 Excel（.xlsx）或 CSV 文件": QCoreApplication.translate(
            "CoreText", "不支持的文件类型“{0}”：请使用 Excel（.xlsx）或 CSV 文件"
        ),
        "不支持的输出格式“{0}”：请选择 .pdf 或 .xlsx": QCoreApplication.translate(
            "CoreText", "不支持的输出格式“{0}”：请选择 .pdf 或 .xlsx"
        ),
        "不是 Liaison 同步包（文件头不对）": QCoreApplication.translate(
            "CoreText", "不是 Liaison 同步包（文件头不对）"
        ),
        "不满意重办需要新的办结时限": QCoreApplication.translate(
            "CoreText", "不满意重办需要新的办结时限"
        ),
        "不能为本机自己导出同步包：请选择另一台设备": QCoreApplication.translate(
            "CoreText", "不能为本机自己导出同步包：请选择另一台设备"
        ),
        "不能停用当前登录的账号": QCoreApplication.translate("CoreText", "不能停用当前登录的账号"),
        "不能吊销本机": QCoreApplication.translate("CoreText", "不能吊销本机"),
        "不能并入自身": QCoreApplication.translate("CoreText", "不能并入自身"),
        "与系统记录一致（旧版核验标识，无设备签名）": QCoreApplication.translate(
            "CoreText", "与系统记录一致（旧版核验标识，无设备签名）"
        ),
        "与系统记录一致：此单为有效的办结销号单": QCoreApplication.translate(
            "CoreText", "与系统记录一致：此单为有效的办结销号单"
        ),
        "与系统记录一致：签发设备已被吊销，但内容仍与记录相符": QCoreApplication.translate(
            "CoreText", "与系统记录一致：签发设备已被吊销，但内容仍与记录相符"
        ),
        "与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造": QCoreApplication.translate(
            "CoreText", "与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造"
        ),
        "交办已超过 {0} 个工作日（{1} 前可退回），请联系督办改派": QCoreApplication.translate(
            "CoreText", "交办已超过 {0} 个工作日（{1} 前可退回），请联系督办改派"
        ),
        "交办规则": QCoreApplication.translate("CoreText", "交办规则"),
        "企业不存在": QCoreApplication.translate("CoreText", "企业不存在"),
        "企业不存在或已删除": QCoreApplication.translate("CoreText", "企业不存在或已删除"),
        "企业名称": QCoreApplication.translate("CoreText", "企业名称"),
        "企业规模“{0}”无效": QCoreApplication.translate("CoreText", "企业规模“{0}”无效"),
        "依据（base）格式不对": QCoreApplication.translate("CoreText", "依据（base）格式不对"),
        "内容不是 JSON 对象": QCoreApplication.translate("CoreText", "内容不是 JSON 对象"),
        "办理环节的时间早于来源设备当时已有的环节（时间被倒填）": QCoreApplication.translate(
            "CoreText", "办理环节的时间早于来源设备当时已有的环节（时间被倒填）"
        ),
        "办理环节的经办人、角色或设备与署名不符": QCoreApplication.translate(
            "CoreText", "办理环节的经办人、角色或设备与署名不符"
        ),
        "办理结果": QCoreApplication.translate("CoreText", "办理结果"),
        "办结时限": QCoreApplication.translate("CoreText", "办结时限"),
        "办结时限不能早于交办日期": QCoreApplication.translate(
            "CoreText", "办结时限不能早于交办日期"
        ),
        "办结时限不能超过 {0} 个工作日（最晚 {1}）": QCoreApplication.translate(
            "CoreText", "办结时限不能超过 {0} 个工作日（最晚 {1}）"
        ),
        "加密后的副本与原数据库不一致，已放弃加密，原数据库未改动（完整性检查：{0}）": QCoreApplication.translate(
            "CoreText",
            "加密后的副本与原数据库不一致，已放弃加密，原数据库未改动（完整性检查：{0}）",
        ),
        "包联关系不存在或已结束": QCoreApplication.translate("CoreText", "包联关系不存在或已结束"),
        "区联络办设备": QCoreApplication.translate("CoreText", "区联络办设备"),
        "区联络办设备（并入的区县）": QCoreApplication.translate(
            "CoreText", "区联络办设备（并入的区县）"
        ),
        "升级前": QCoreApplication.translate("CoreText", "升级前"),
        "参加人员“{0}”的账号不存在": QCoreApplication.translate(
            "CoreText", "参加人员“{0}”的账号不存在"
        ),
        "参加人员姓名不能为空": QCoreApplication.translate("CoreText", "参加人员姓名不能为空"),
        "参加人员须为干部或企业方": QCoreApplication.translate(
            "CoreText", "参加人员须为干部或企业方"
        ),
        "发送设备“{0}”尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它，它的同步包才能导入": QCoreApplication.translate(
            "CoreText",
            "发送设备“{0}”尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它，它的同步包才能导入",
        ),
        "发送设备“{0}”已被吊销，拒绝导入": QCoreApplication.translate(
            "CoreText", "发送设备“{0}”已被吊销，拒绝导入"
        ),
        "发送设备“{0}”的密钥与登记的不一致": QCoreApplication.translate(
            "CoreText", "发送设备“{0}”的密钥与登记的不一致"
        ),
        "发送设备“{0}”（指纹 {1}）尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它（liaison device enrol 指纹 --bundle 本文件）": QCoreApplication.translate(
            "CoreText",
            "发送设备“{0}”（指纹 {1}）尚未由区联络办登记：管理员核对指纹后在区联络办的电脑上登记它（liaison device enrol 指纹 --bundle 本文件）",
        ),
        "变更没有署名账号": QCoreApplication.translate("CoreText", "变更没有署名账号"),
        "只有 folder 需要给出文件夹": QCoreApplication.translate(
            "CoreText", "只有 folder 需要给出文件夹"
        ),
        "只有{0}可以执行此操作": QCoreApplication.translate("CoreText", "只有{0}可以执行此操作"),
        "只有区联络办的设备可以做这项变更": QCoreApplication.translate(
            "CoreText", "只有区联络办的设备可以做这项变更"
        ),
        "只有承办单位可以填写进展": QCoreApplication.translate(
            "CoreText", "只有承办单位可以填写进展"
        ),
        "只有牵头单位的承办人可以执行此操作": QCoreApplication.translate(
            "CoreText", "只有牵头单位的承办人可以执行此操作"
        ),
        "只有管理员、督办和街镇专员可以安排包联干部": QCoreApplication.translate(
            "CoreText", "只有管理员、督办和街镇专员可以安排包联干部"
        ),
        "只能为本街镇的企业安排包联干部": QCoreApplication.translate(
            "CoreText", "只能为本街镇的企业安排包联干部"
        ),
        "只能删除本人登记的走访，请联系街镇专员或督办": QCoreApplication.translate(
            "CoreText", "只能删除本人登记的走访，请联系街镇专员或督办"
        ),
        "只能删除本街镇企业的走访": QCoreApplication.translate(
            "CoreText", "只能删除本街镇企业的走访"
        ),
        "只能合并同一企业的诉求": QCoreApplication.translate("CoreText", "只能合并同一企业的诉求"),
        "只能处理本人包联企业的诉求": QCoreApplication.translate(
            "CoreText", "只能处理本人包联企业的诉求"
        ),
        "只能处理本街镇企业的诉求": QCoreApplication.translate(
            "CoreText", "只能处理本街镇企业的诉求"
        ),
        "台账共有 {0} 条诉求，超过 PDF 的上限 {1} 条：请缩小统计期或按单位、街镇、类别、状态筛选后再打印，或导出 Excel（不限条数）": QCoreApplication.translate(
            "CoreText",
            "台账共有 {0} 条诉求，超过 PDF 的上限 {1} 条：请缩小统计期或按单位、街镇、类别、状态筛选后再打印，或导出 Excel（不限条数）",
        ),
        "同一单位不能既牵头又作为责任单位": QCoreApplication.translate(
            "CoreText", "同一单位不能既牵头又作为责任单位"
        ),
        "同一字段出现了两次": QCoreApplication.translate("CoreText", "同一字段出现了两次"),
        "同步包不完整（文件被截断或损坏）": QCoreApplication.translate(
            "CoreText", "同步包不完整（文件被截断或损坏）"
        ),
        "同步包内容与包头不一致": QCoreApplication.translate("CoreText", "同步包内容与包头不一致"),
        "同步包内容与签名不符（文件损坏或被改动）": QCoreApplication.translate(
            "CoreText", "同步包内容与签名不符（文件损坏或被改动）"
        ),
        "同步包无法合并：{0}": QCoreApplication.translate("CoreText", "同步包无法合并：{0}"),
        "同步包是加密发给另一台设备的，本机无法打开：请对方为本机导出": QCoreApplication.translate(
            "CoreText", "同步包是加密发给另一台设备的，本机无法打开：请对方为本机导出"
        ),
        "同步包格式版本 {0} 比本机支持的 {1} 新：请先升级本软件": QCoreApplication.translate(
            "CoreText", "同步包格式版本 {0} 比本机支持的 {1} 新：请先升级本软件"
        ),
        "同步包格式版本 {0} 过旧（本机为 {1}）：请对方升级本软件后重新导出": QCoreApplication.translate(
            "CoreText", "同步包格式版本 {0} 过旧（本机为 {1}）：请对方升级本软件后重新导出"
        ),
        "同步包格式版本无效，文件已损坏": QCoreApplication.translate(
            "CoreText", "同步包格式版本无效，文件已损坏"
        ),
        "同步包没有加密：拒绝导入（本系统导出的同步包总是加密发给接收设备）": QCoreApplication.translate(
            "CoreText", "同步包没有加密：拒绝导入（本系统导出的同步包总是加密发给接收设备）"
        ),
        "同步包的内容引用了本机没有的记录：{0}": QCoreApplication.translate(
            "CoreText", "同步包的内容引用了本机没有的记录：{0}"
        ),
        "同步包的包头已损坏：{0}": QCoreApplication.translate(
            "CoreText", "同步包的包头已损坏：{0}"
        ),
        "同步包的数据结构版本 {0} 与本机 {1} 不同：请双方升级到同一版本": QCoreApplication.translate(
            "CoreText", "同步包的数据结构版本 {0} 与本机 {1} 不同：请双方升级到同一版本"
        ),
        "同步包的签封不对：{0}": QCoreApplication.translate("CoreText", "同步包的签封不对：{0}"),
        "同步包的签封不对：有变更不在任何签封之内": QCoreApplication.translate(
            "CoreText", "同步包的签封不对：有变更不在任何签封之内"
        ),
        "同步包的签封不对：设备 {0} 的两个签封相互重叠": QCoreApplication.translate(
            "CoreText", "同步包的签封不对：设备 {0} 的两个签封相互重叠"
        ),
        "同步包的签封不对：设备 {0} 的第 {1} 号变更没有该设备的签封": QCoreApplication.translate(
            "CoreText", "同步包的签封不对：设备 {0} 的第 {1} 号变更没有该设备的签封"
        ),
        "同步包的签封不对：设备 {0} 的签封无效（不是该设备签发，或被改动过）": QCoreApplication.translate(
            "CoreText", "同步包的签封不对：设备 {0} 的签封无效（不是该设备签发，或被改动过）"
        ),
        "同步包的表结构不对（{0}），拒绝读取": QCoreApplication.translate(
            "CoreText", "同步包的表结构不对（{0}），拒绝读取"
        ),
        "同步包第 {0} 个签封格式不对": QCoreApplication.translate(
            "CoreText", "同步包第 {0} 个签封格式不对"
        ),
        "同步包第 {0} 个账号凭据格式不对": QCoreApplication.translate(
            "CoreText", "同步包第 {0} 个账号凭据格式不对"
        ),
        "同步包第 {0} 条变更无效：{1}": QCoreApplication.translate(
            "CoreText", "同步包第 {0} 条变更无效：{1}"
        ),
        "同步包第 {0} 条变更：{1}": QCoreApplication.translate(
            "CoreText", "同步包第 {0} 条变更：{1}"
        ),
        "同步包第 {0} 条签封冲突证据格式不对": QCoreApplication.translate(
            "CoreText", "同步包第 {0} 条签封冲突证据格式不对"
        ),
        "同步包签名无效：不是由“{0}”签发，或包头被改动过": QCoreApplication.translate(
            "CoreText", "同步包签名无效：不是由“{0}”签发，或包头被改动过"
        ),
        "同步包里不是有效的数据库：{0}": QCoreApplication.translate(
            "CoreText", "同步包里不是有效的数据库：{0}"
        ),
        "同步包里有未登记设备（{0}）的变更：请先由区联络办登记该设备": QCoreApplication.translate(
            "CoreText", "同步包里有未登记设备（{0}）的变更：请先由区联络办登记该设备"
        ),
        "同步包里有超过 {0} MB 的单项内容，拒绝读取": QCoreApplication.translate(
            "CoreText", "同步包里有超过 {0} MB 的单项内容，拒绝读取"
        ),
        "同步包里的变更比包头说的多": QCoreApplication.translate(
            "CoreText", "同步包里的变更比包头说的多"
        ),
        "同步包里的变更比包头说的少": QCoreApplication.translate(
            "CoreText", "同步包里的变更比包头说的少"
        ),
        "同步包里的数据库已损坏（完整性检查未通过）": QCoreApplication.translate(
            "CoreText", "同步包里的数据库已损坏（完整性检查未通过）"
        ),
        "同步包里的数据无法读取（文件已损坏）：{0}": QCoreApplication.translate(
            "CoreText", "同步包里的数据无法读取（文件已损坏）：{0}"
        ),
        "同步包里的签封冲突证据过多": QCoreApplication.translate(
            "CoreText", "同步包里的签封冲突证据过多"
        ),
        "同步包里的签封过多": QCoreApplication.translate("CoreText", "同步包里的签封过多"),
        "同步包里的设备公钥无效": QCoreApplication.translate("CoreText", "同步包里的设备公钥无效"),
        "同步包里的账号凭据过多": QCoreApplication.translate("CoreText", "同步包里的账号凭据过多"),
        "同步包里设备 {0} 的变更依赖本机还没有的变更：请先导入更早的同步包，或请对方导出全部数据（--full）": QCoreApplication.translate(
            "CoreText",
            "同步包里设备 {0} 的变更依赖本机还没有的变更：请先导入更早的同步包，或请对方导出全部数据（--full）",
        ),
        "回访日期不能早于走访日期": QCoreApplication.translate(
            "CoreText", "回访日期不能早于走访日期"
        ),
        "图片中没有找到销号单的二维码：请拍清楚右下角的二维码，或直接输入编号与校验码": QCoreApplication.translate(
            "CoreText",
            "图片中没有找到销号单的二维码：请拍清楚右下角的二维码，或直接输入编号与校验码",
        ),
        "地址": QCoreApplication.translate("CoreText", "地址"),
        "备份失败：{0}": QCoreApplication.translate("CoreText", "备份失败：{0}"),
        "备份文件 {0} 已损坏或不是数据库（{1}），不能用来恢复": QCoreApplication.translate(
            "CoreText", "备份文件 {0} 已损坏或不是数据库（{1}），不能用来恢复"
        ),
        "备份文件 {0} 已损坏（{1}），不能用来恢复": QCoreApplication.translate(
            "CoreText", "备份文件 {0} 已损坏（{1}），不能用来恢复"
        ),
        "备份文件 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请先安装新版本再恢复": QCoreApplication.translate(
            "CoreText",
            "备份文件 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请先安装新版本再恢复",
        ),
        "备份文件夹 {0} 无法写入：{1}": QCoreApplication.translate(
            "CoreText", "备份文件夹 {0} 无法写入：{1}"
        ),
        "外勤设备": QCoreApplication.translate("CoreText", "外勤设备"),
        "天数不能为负数": QCoreApplication.translate("CoreText", "天数不能为负数"),
        "字体无法嵌入 PDF：{0}（{1}）": QCoreApplication.translate(
            "CoreText", "字体无法嵌入 PDF：{0}（{1}）"
        ),
        "密码不能是用户名，也不能包含用户名": QCoreApplication.translate(
            "CoreText", "密码不能是用户名，也不能包含用户名"
        ),
        "密码哈希格式不对，无法生成密钥槽": QCoreApplication.translate(
            "CoreText", "密码哈希格式不对，无法生成密钥槽"
        ),
        "密码至少需要 {0} 个字符": QCoreApplication.translate(
            "CoreText", "密码至少需要 {0} 个字符"
        ),
        "密码须含字母、数字、符号中的至少两类": QCoreApplication.translate(
            "CoreText", "密码须含字母、数字、符号中的至少两类"
        ),
        "密钥文件 {0} ": QCoreApplication.translate("CoreText", "密钥文件 {0} "),
        "导入同步包前": QCoreApplication.translate("CoreText", "导入同步包前"),
        "尚未走访": QCoreApplication.translate("CoreText", "尚未走访"),
        "已办结": QCoreApplication.translate("CoreText", "已办结"),
        "已有待审批的延期申请": QCoreApplication.translate("CoreText", "已有待审批的延期申请"),
        "已有账号“{0}”的角色与演示数据冲突，请换一个空数据库生成演示数据": QCoreApplication.translate(
            "CoreText", "已有账号“{0}”的角色与演示数据冲突，请换一个空数据库生成演示数据"
        ),
        "已超期": QCoreApplication.translate("CoreText", "已超期"),
        "并入的诉求": QCoreApplication.translate("CoreText", "并入的诉求"),
        "序号不对": QCoreApplication.translate("CoreText", "序号不对"),
        "延期申请待审批": QCoreApplication.translate("CoreText", "延期申请待审批"),
        "延期须在办结时限前至少 {0} 个工作日申请（时限 {1}），现已不能申请": QCoreApplication.translate(
            "CoreText", "延期须在办结时限前至少 {0} 个工作日申请（时限 {1}），现已不能申请"
        ),
        "当前密码不正确": QCoreApplication.translate("CoreText", "当前密码不正确"),
        "当前角色不能执行“{0}”": QCoreApplication.translate("CoreText", "当前角色不能执行“{0}”"),
        "待交办": QCoreApplication.translate("CoreText", "待交办"),
        "待回访的诉求": QCoreApplication.translate("CoreText", "待回访的诉求"),
        "待签收": QCoreApplication.translate("CoreText", "待签收"),
        "恢复失败：{0}（数据库未改动）": QCoreApplication.translate(
            "CoreText", "恢复失败：{0}（数据库未改动）"
        ),
        "恢复密钥不正确：它不是这个数据库的恢复密钥": QCoreApplication.translate(
            "CoreText", "恢复密钥不正确：它不是这个数据库的恢复密钥"
        ),
        "恢复密钥中有无效字符：只含字母 A–Z 和数字 2–7": QCoreApplication.translate(
            "CoreText", "恢复密钥中有无效字符：只含字母 A–Z 和数字 2–7"
        ),
        "恢复密钥应为 32 个字母和数字（如 ABCD-EFGH-…，共 8 组）": QCoreApplication.translate(
            "CoreText", "恢复密钥应为 32 个字母和数字（如 ABCD-EFGH-…，共 8 组）"
        ),
        "您未包联“{0}”，请联系督办安排包联": QCoreApplication.translate(
            "CoreText", "您未包联“{0}”，请联系督办安排包联"
        ),
        "您的角色不能登记走访": QCoreApplication.translate("CoreText", "您的角色不能登记走访"),
        "您编辑期间，他人已修改并保存了该企业的{0}：请选择保留哪一方的内容": QCoreApplication.translate(
            "CoreText", "您编辑期间，他人已修改并保存了该企业的{0}：请选择保留哪一方的内容"
        ),
        "成立日期": QCoreApplication.translate("CoreText", "成立日期"),
        "所依据的记录不存在、已被搁置，或来源设备当时还没有它": QCoreApplication.translate(
            "CoreText", "所依据的记录不存在、已被搁置，或来源设备当时还没有它"
        ),
        "所属街镇": QCoreApplication.translate("CoreText", "所属街镇"),
        "所选单位不存在": QCoreApplication.translate("CoreText", "所选单位不存在"),
        "所选承办单位不存在或已停用": QCoreApplication.translate(
            "CoreText", "所选承办单位不存在或已停用"
        ),
        "所选街镇不存在": QCoreApplication.translate("CoreText", "所选街镇不存在"),
        "所选部门不存在": QCoreApplication.translate("CoreText", "所选部门不存在"),
        "手动": QCoreApplication.translate("CoreText", "手动"),
        "批准的办结日期应晚于当前办结时限": QCoreApplication.translate(
            "CoreText", "批准的办结日期应晚于当前办结时限"
        ),
        "找不到图片文件：{0}": QCoreApplication.translate("CoreText", "找不到图片文件：{0}"),
        "找不到备份文件 {0}": QCoreApplication.translate("CoreText", "找不到备份文件 {0}"),
        "找不到密钥文件 {0}：没有它无法打开加密的数据库": QCoreApplication.translate(
            "CoreText", "找不到密钥文件 {0}：没有它无法打开加密的数据库"
        ),
        "找不到设备“{0}”": QCoreApplication.translate("CoreText", "找不到设备“{0}”"),
        "承办人不属于办理环节的承办单位": QCoreApplication.translate(
            "CoreText", "承办人不属于办理环节的承办单位"
        ),
        "承诺办结日期": QCoreApplication.translate("CoreText", "承诺办结日期"),
        "承诺办结日期不能晚于 {0}（{1} 个工作日）": QCoreApplication.translate(
            "CoreText", "承诺办结日期不能晚于 {0}（{1} 个工作日）"
        ),
        "承诺办结日期应晚于当前办结时限": QCoreApplication.translate(
            "CoreText", "承诺办结日期应晚于当前办结时限"
        ),
        "指纹不符：同步包发送设备的指纹是 {0}，与输入的不一致，请与区联络办核对": QCoreApplication.translate(
            "CoreText", "指纹不符：同步包发送设备的指纹是 {0}，与输入的不一致，请与区联络办核对"
        ),
        "指纹不符：同步包的发送设备指纹是 {0}，与输入的不一致，请与对方核对": QCoreApplication.translate(
            "CoreText", "指纹不符：同步包的发送设备指纹是 {0}，与输入的不一致，请与对方核对"
        ),
        "指纹应为 40 位十六进制数字（可带短横线）": QCoreApplication.translate(
            "CoreText", "指纹应为 40 位十六进制数字（可带短横线）"
        ),
        "政策依据": QCoreApplication.translate("CoreText", "政策依据"),
        "政策条款第{0}条不存在": QCoreApplication.translate("CoreText", "政策条款第{0}条不存在"),
        "数据库 {0} 出错：{1}": QCoreApplication.translate("CoreText", "数据库 {0} 出错：{1}"),
        "数据库 {0} 在 PostgreSQL 服务器上：备份、恢复和加密由服务器负责（见 docs/postgresql.md），这项操作只用于本机的数据库文件": QCoreApplication.translate(
            "CoreText",
            "数据库 {0} 在 PostgreSQL 服务器上：备份、恢复和加密由服务器负责（见 docs/postgresql.md），这项操作只用于本机的数据库文件",
        ),
        "数据库 {0} 尚未初始化，请先运行 liaison init --db {1}": QCoreApplication.translate(
            "CoreText", "数据库 {0} 尚未初始化，请先运行 liaison init --db {1}"
        ),
        "数据库 {0} 已经加密": QCoreApplication.translate("CoreText", "数据库 {0} 已经加密"),
        "数据库 {0} 拒绝了这次操作：连接所用的角色没有权限": QCoreApplication.translate(
            "CoreText", "数据库 {0} 拒绝了这次操作：连接所用的角色没有权限"
        ),
        "数据库 {0} 正被其他程序占用：请稍后重试": QCoreApplication.translate(
            "CoreText", "数据库 {0} 正被其他程序占用：请稍后重试"
        ),
        "数据库 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请安装新版本": QCoreApplication.translate(
            "CoreText", "数据库 {0} 由更新版本的 Liaison 创建（数据结构 {1}）：请安装新版本"
        ),
        "数据库 {0} 的数据结构是 {1}，不是当前的 {2}：请先用本版本打开一次": QCoreApplication.translate(
            "CoreText", "数据库 {0} 的数据结构是 {1}，不是当前的 {2}：请先用本版本打开一次"
        ),
        "数据库 {0} 需要升级（由数据库管理员运行 liaison init --db …）": QCoreApplication.translate(
            "CoreText", "数据库 {0} 需要升级（由数据库管理员运行 liaison init --db …）"
        ),
        "数据库 {0} 需要升级（运行 liaison init --db {1}）": QCoreApplication.translate(
            "CoreText", "数据库 {0} 需要升级（运行 liaison init --db {1}）"
        ),
        "数据库中已有企业数据，演示数据只能生成到空数据库": QCoreApplication.translate(
            "CoreText", "数据库中已有企业数据，演示数据只能生成到空数据库"
        ),
        "数据库尚未初始化（缺少{0}），请先运行 liaison init": QCoreApplication.translate(
            "CoreText", "数据库尚未初始化（缺少{0}），请先运行 liaison init"
        ),
        "数据库尚未初始化，请先运行 liaison init": QCoreApplication.translate(
            "CoreText", "数据库尚未初始化，请先运行 liaison init"
        ),
        "数据库文件 {0} 已损坏或不是 Liaison 的数据库：请用备份恢复（liaison backup list 查看备份，liaison restore 备份文件）": QCoreApplication.translate(
            "CoreText",
            "数据库文件 {0} 已损坏或不是 Liaison 的数据库：请用备份恢复（liaison backup list 查看备份，liaison restore 备份文件）",
        ),
        "数据库文件 {0} 是只读的：请检查文件权限，或把它复制到可写的位置": QCoreApplication.translate(
            "CoreText", "数据库文件 {0} 是只读的：请检查文件权限，或把它复制到可写的位置"
        ),
        "数据库文件不存在：{0}": QCoreApplication.translate("CoreText", "数据库文件不存在：{0}"),
        "数据库文件不存在：{0}（先运行 liaison init --db {1}）": QCoreApplication.translate(
            "CoreText", "数据库文件不存在：{0}（先运行 liaison init --db {1}）"
        ),
        "数据库服务器 {0} 只接受加密连接：请在连接设置里选择加密方式 verify-full 并给出根证书": QCoreApplication.translate(
            "CoreText",
            "数据库服务器 {0} 只接受加密连接：请在连接设置里选择加密方式 verify-full 并给出根证书",
        ),
        "数据库服务器上没有数据库 {0}（新建请运行 liaison init --db …）": QCoreApplication.translate(
            "CoreText", "数据库服务器上没有数据库 {0}（新建请运行 liaison init --db …）"
        ),
        "数据库正忙{0}。请稍候再试，已等待 {1} 秒": QCoreApplication.translate(
            "CoreText", "数据库正忙{0}。请稍候再试，已等待 {1} 秒"
        ),
        "数据库正被其他程序使用（Liaison 仍在运行？）：请先关闭它再恢复": QCoreApplication.translate(
            "CoreText", "数据库正被其他程序使用（Liaison 仍在运行？）：请先关闭它再恢复"
        ),
        "数据库没有加密，没有恢复密钥": QCoreApplication.translate(
            "CoreText", "数据库没有加密，没有恢复密钥"
        ),
        "文件“{0}”中找不到{1}的表头：请确认有“{2}”等列（至少包含{3}）": QCoreApplication.translate(
            "CoreText", "文件“{0}”中找不到{1}的表头：请确认有“{2}”等列（至少包含{3}）"
        ),
        "文件“{0}”是空的：没有任何数据行": QCoreApplication.translate(
            "CoreText", "文件“{0}”是空的：没有任何数据行"
        ),
        "文件“{0}”是空的：没有工作表": QCoreApplication.translate(
            "CoreText", "文件“{0}”是空的：没有工作表"
        ),
        "文件“{0}”缺少“企业名称”列": QCoreApplication.translate(
            "CoreText", "文件“{0}”缺少“企业名称”列"
        ),
        "文件“{0}”缺少“统一社会信用代码”或“企业名称”列": QCoreApplication.translate(
            "CoreText", "文件“{0}”缺少“统一社会信用代码”或“企业名称”列"
        ),
        "文件不存在：{0}": QCoreApplication.translate("CoreText", "文件不存在：{0}"),
        "文件是空的（0 字节），不是同步包": QCoreApplication.translate(
            "CoreText", "文件是空的（0 字节），不是同步包"
        ),
        "文件超过 {0} GB，不是本系统导出的同步包": QCoreApplication.translate(
            "CoreText", "文件超过 {0} GB，不是本系统导出的同步包"
        ),
        "新密码不能与当前密码相同": QCoreApplication.translate(
            "CoreText", "新密码不能与当前密码相同"
        ),
        "无法与数据库服务器 {0} 建立加密连接：服务器的证书无法用连接设置里的根证书验证（请向信息科确认根证书文件）": QCoreApplication.translate(
            "CoreText",
            "无法与数据库服务器 {0} 建立加密连接：服务器的证书无法用连接设置里的根证书验证（请向信息科确认根证书文件）",
        ),
        "无法保存：{0} 记录的内容超过 {1} MB，同步包装不下，请删减": QCoreApplication.translate(
            "CoreText", "无法保存：{0} 记录的内容超过 {1} MB，同步包装不下，请删减"
        ),
        "无法保存：{0}（其他设备同步时会拒收），请改正后再保存": QCoreApplication.translate(
            "CoreText", "无法保存：{0}（其他设备同步时会拒收），请改正后再保存"
        ),
        "无法写入备份 {0}：{1}": QCoreApplication.translate("CoreText", "无法写入备份 {0}：{1}"),
        "无法写入备份文件夹 {0}：{1}": QCoreApplication.translate(
            "CoreText", "无法写入备份文件夹 {0}：{1}"
        ),
        "无法列出“{0}”对应的诉求": QCoreApplication.translate(
            "CoreText", "无法列出“{0}”对应的诉求"
        ),
        "无法创建目录 {0}：{1}": QCoreApplication.translate("CoreText", "无法创建目录 {0}：{1}"),
        "无法打开数据库 {0}：{1}": QCoreApplication.translate(
            "CoreText", "无法打开数据库 {0}：{1}"
        ),
        "无法打开数据库 {0}：所在文件夹不存在或没有权限": QCoreApplication.translate(
            "CoreText", "无法打开数据库 {0}：所在文件夹不存在或没有权限"
        ),
        "无法登录数据库服务器 {0}：用户名或密码不对（请向信息科确认连接设置）": QCoreApplication.translate(
            "CoreText", "无法登录数据库服务器 {0}：用户名或密码不对（请向信息科确认连接设置）"
        ),
        "无法识别的核验码：请扫描销号单上的二维码，或输入“编号 校验码”，例如：{0}": QCoreApplication.translate(
            "CoreText", "无法识别的核验码：请扫描销号单上的二维码，或输入“编号 校验码”，例如：{0}"
        ),
        "无法读取 {0}：{1}": QCoreApplication.translate("CoreText", "无法读取 {0}：{1}"),
        "无法读取图片：{0}（不是图片文件或已损坏）": QCoreApplication.translate(
            "CoreText", "无法读取图片：{0}（不是图片文件或已损坏）"
        ),
        "无法读取密钥文件 {0}：{1}": QCoreApplication.translate(
            "CoreText", "无法读取密钥文件 {0}：{1}"
        ),
        "无法读取文件 {0}：{1}": QCoreApplication.translate("CoreText", "无法读取文件 {0}：{1}"),
        "无法读取文件“{0}”：CSV 格式错误（{1}）": QCoreApplication.translate(
            "CoreText", "无法读取文件“{0}”：CSV 格式错误（{1}）"
        ),
        "无法读取文件“{0}”：{1}": QCoreApplication.translate("CoreText", "无法读取文件“{0}”：{1}"),
        "无法读取文件“{0}”：不是有效的 Excel 工作簿（{1}）": QCoreApplication.translate(
            "CoreText", "无法读取文件“{0}”：不是有效的 Excel 工作簿（{1}）"
        ),
        "无法读取文件“{0}”：文字编码无法识别（请另存为 UTF-8 或 GBK）": QCoreApplication.translate(
            "CoreText", "无法读取文件“{0}”：文字编码无法识别（请另存为 UTF-8 或 GBK）"
        ),
        "无法连接数据库服务器 {0}：服务器未启动、地址不对或网络不通": QCoreApplication.translate(
            "CoreText", "无法连接数据库服务器 {0}：服务器未启动、地址不对或网络不通"
        ),
        "时间戳格式不对": QCoreApplication.translate("CoreText", "时间戳格式不对"),
        "时限应满足：签收 ≤ 办结 ≤ 最长办理，且都至少 1 个工作日": QCoreApplication.translate(
            "CoreText", "时限应满足：签收 ≤ 办结 ≤ 最长办理，且都至少 1 个工作日"
        ),
        "月份格式不正确：“{0}”，应为“年-月”，如 2026-11": QCoreApplication.translate(
            "CoreText", "月份格式不正确：“{0}”，应为“年-月”，如 2026-11"
        ),
        "有多台设备叫“{0}”": QCoreApplication.translate("CoreText", "有多台设备叫“{0}”"),
        "有多台设备叫“{0}”，请用设备编号": QCoreApplication.translate(
            "CoreText", "有多台设备叫“{0}”，请用设备编号"
        ),
        "有多台设备叫“{0}”，请用设备编号或指纹": QCoreApplication.translate(
            "CoreText", "有多台设备叫“{0}”，请用设备编号或指纹"
        ),
        "未找到可嵌入的中文字体，无法生成 PDF（请安装文泉驿微米黑 fonts-wqy-microhei 或设置 LIAISON_PDF_FONT）": QCoreApplication.translate(
            "CoreText",
            "未找到可嵌入的中文字体，无法生成 PDF（请安装文泉驿微米黑 fonts-wqy-microhei 或设置 LIAISON_PDF_FONT）",
        ),
        "未提出": QCoreApplication.translate("CoreText", "未提出"),
        "未知的企业标签：{0}": QCoreApplication.translate("CoreText", "未知的企业标签：{0}"),
        "未知的加密方式“{0}”": QCoreApplication.translate("CoreText", "未知的加密方式“{0}”"),
        "未知的演示规模“{0}”（可选：{1}）": QCoreApplication.translate(
            "CoreText", "未知的演示规模“{0}”（可选：{1}）"
        ),
        "未知的统计口径“{0}”": QCoreApplication.translate("CoreText", "未知的统计口径“{0}”"),
        "未知的记录类型 {0}": QCoreApplication.translate("CoreText", "未知的记录类型 {0}"),
        "未知的诉求状态“{0}”": QCoreApplication.translate("CoreText", "未知的诉求状态“{0}”"),
        "本季度未走访的包联企业": QCoreApplication.translate("CoreText", "本季度未走访的包联企业"),
        "本库中没有这张单据对应的诉求：可能尚未同步到本机，或编号有误": QCoreApplication.translate(
            "CoreText", "本库中没有这张单据对应的诉求：可能尚未同步到本机，或编号有误"
        ),
        "本机不认识指纹为 {0} 的设备：用 --bundle 指定对方导出的同步包": QCoreApplication.translate(
            "CoreText", "本机不认识指纹为 {0} 的设备：用 --bundle 指定对方导出的同步包"
        ),
        "本机刚从备份恢复，备份之后本机发出过的变更（到第 {0} 项）还没有取回：请先导入区联络办为本机导出的全部数据（liaison bundle export --full），再做修改": QCoreApplication.translate(
            "CoreText",
            "本机刚从备份恢复，备份之后本机发出过的变更（到第 {0} 项）还没有取回：请先导入区联络办为本机导出的全部数据（liaison bundle export --full），再做修改",
        ),
        "本机尚未加入区县：与区联络办核对发送设备的指纹后，在“首次使用”中选择加入已有区县（命令行：liaison join 本文件 --fingerprint 指纹）": QCoreApplication.translate(
            "CoreText",
            "本机尚未加入区县：与区联络办核对发送设备的指纹后，在“首次使用”中选择加入已有区县（命令行：liaison join 本文件 --fingerprint 指纹）",
        ),
        "本机已属于一个区县（已有账号或数据），不能再加入：请在新安装的电脑上加入": QCoreApplication.translate(
            "CoreText", "本机已属于一个区县（已有账号或数据），不能再加入：请在新安装的电脑上加入"
        ),
        "本机已属于一个区县，不能再新建：请由管理员创建新账号": QCoreApplication.translate(
            "CoreText", "本机已属于一个区县，不能再新建：请由管理员创建新账号"
        ),
        "本机有设备 {0} 未经其签封的变更（由旧版本同步而来），无法转发：请各设备升级后从区联络办重新加入": QCoreApplication.translate(
            "CoreText",
            "本机有设备 {0} 未经其签封的变更（由旧版本同步而来），无法转发：请各设备升级后从区联络办重新加入",
        ),
        "本机设备": QCoreApplication.translate("CoreText", "本机设备"),
        "本机还没有设备密钥：请先运行 liaison init": QCoreApplication.translate(
            "CoreText", "本机还没有设备密钥：请先运行 liaison init"
        ),
        "本机还没有设备身份：请先运行 liaison init": QCoreApplication.translate(
            "CoreText", "本机还没有设备身份：请先运行 liaison init"
        ),
        "来源设备对同一段变更签发过两份不同的签封（伪造），此后它的变更一律不用": QCoreApplication.translate(
            "CoreText", "来源设备对同一段变更签发过两份不同的签封（伪造），此后它的变更一律不用"
        ),
        "来源设备已被吊销，这是吊销之后的变更": QCoreApplication.translate(
            "CoreText", "来源设备已被吊销，这是吊销之后的变更"
        ),
        "标签": QCoreApplication.translate("CoreText", "标签"),
        "校验码": QCoreApplication.translate("CoreText", "校验码"),
        "校验码与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造": QCoreApplication.translate(
            "CoreText", "校验码与系统记录不一致：打印后记录已有变动，或此单经过涂改、伪造"
        ),
        "校验码应为 16 位十六进制数字（0–9、A–F），如 3F2A-9C1B-77D0-E415": QCoreApplication.translate(
            "CoreText", "校验码应为 16 位十六进制数字（0–9、A–F），如 3F2A-9C1B-77D0-E415"
        ),
        "每日": QCoreApplication.translate("CoreText", "每日"),
        "没有写入权限": QCoreApplication.translate("CoreText", "没有写入权限"),
        "没有字段": QCoreApplication.translate("CoreText", "没有字段"),
        "没有待审批的延期申请": QCoreApplication.translate("CoreText", "没有待审批的延期申请"),
        "没有这样的字段：{0}.{1}": QCoreApplication.translate(
            "CoreText", "没有这样的字段：{0}.{1}"
        ),
        "法定代表人": QCoreApplication.translate("CoreText", "法定代表人"),
        "满意度": QCoreApplication.translate("CoreText", "满意度"),
        "牵头单位": QCoreApplication.translate("CoreText", "牵头单位"),
        "牵头单位不能同时作为协办单位": QCoreApplication.translate(
            "CoreText", "牵头单位不能同时作为协办单位"
        ),
        "用户名“{0}”已被使用": QCoreApplication.translate("CoreText", "用户名“{0}”已被使用"),
        "用户名或密码不正确": QCoreApplication.translate("CoreText", "用户名或密码不正确"),
        "用户名或密码不正确（再错 {0} 次将锁定 {1} 分钟）": QCoreApplication.translate(
            "CoreText", "用户名或密码不正确（再错 {0} 次将锁定 {1} 分钟）"
        ),
        "用户名或密码不正确；已连续 {0} 次，“{1}”在本机锁定 {2} 分钟": QCoreApplication.translate(
            "CoreText", "用户名或密码不正确；已连续 {0} 次，“{1}”在本机锁定 {2} 分钟"
        ),
        "用户名最多 60 个字符": QCoreApplication.translate("CoreText", "用户名最多 60 个字符"),
        "申请延期": QCoreApplication.translate("CoreText", "申请延期"),
        "申请延至 {0}": QCoreApplication.translate("CoreText", "申请延至 {0}"),
        "目标 PostgreSQL 数据库已有数据：只能迁移到新建的空数据库": QCoreApplication.translate(
            "CoreText", "目标 PostgreSQL 数据库已有数据：只能迁移到新建的空数据库"
        ),
        "目标诉求{0}：只能并入尚在办理的诉求（待交办、已交办或办理中）": QCoreApplication.translate(
            "CoreText", "目标诉求{0}：只能并入尚在办理的诉求（待交办、已交办或办理中）"
        ),
        "督办 {0} 次": QCoreApplication.translate("CoreText", "督办 {0} 次"),
        "督办中": QCoreApplication.translate("CoreText", "督办中"),
        "磁盘是只读的": QCoreApplication.translate("CoreText", "磁盘是只读的"),
        "磁盘空间不足": QCoreApplication.translate("CoreText", "磁盘空间不足"),
        "磁盘空间不足（超出配额）": QCoreApplication.translate(
            "CoreText", "磁盘空间不足（超出配额）"
        ),
        "磁盘空间不足：{0} 所在的磁盘已满，这次操作没有写入任何内容；请腾出空间后重试": QCoreApplication.translate(
            "CoreText",
            "磁盘空间不足：{0} 所在的磁盘已满，这次操作没有写入任何内容；请腾出空间后重试",
        ),
        "端口 {0} 无效：应为 1–65535": QCoreApplication.translate(
            "CoreText", "端口 {0} 无效：应为 1–65535"
        ),
        "第 {0} 位“{1}”": QCoreApplication.translate("CoreText", "第 {0} 位“{1}”"),
        "第 {0} 条诉求": QCoreApplication.translate("CoreText", "第 {0} 条诉求"),
        "第 {0} 行：在 Excel 中被隐藏（常为已注销企业），未导入；确需导入请先取消隐藏": QCoreApplication.translate(
            "CoreText",
            "第 {0} 行：在 Excel 中被隐藏（常为已注销企业），未导入；确需导入请先取消隐藏",
        ),
        "等 {0} 处": QCoreApplication.translate("CoreText", "等 {0} 处"),
        "等 {0} 条诉求": QCoreApplication.translate("CoreText", "等 {0} 条诉求"),
        "签发设备不是本区登记的设备：此单不能作为凭证": QCoreApplication.translate(
            "CoreText", "签发设备不是本区登记的设备：此单不能作为凭证"
        ),
        "签封 {0} 没有对应的变更": QCoreApplication.translate(
            "CoreText", "签封 {0} 没有对应的变更"
        ),
        "签封 {0} 的变更不完整": QCoreApplication.translate("CoreText", "签封 {0} 的变更不完整"),
        "签收时限": QCoreApplication.translate("CoreText", "签收时限"),
        "结束日期不能早于开始日期（{0}）": QCoreApplication.translate(
            "CoreText", "结束日期不能早于开始日期（{0}）"
        ),
        "结束日期不能晚于今天": QCoreApplication.translate("CoreText", "结束日期不能晚于今天"),
        "统一社会信用代码": QCoreApplication.translate("CoreText", "统一社会信用代码"),
        "统一社会信用代码 {0} 已登记为“{1}”": QCoreApplication.translate(
            "CoreText", "统一社会信用代码 {0} 已登记为“{1}”"
        ),
        "统一社会信用代码不能为空": QCoreApplication.translate(
            "CoreText", "统一社会信用代码不能为空"
        ),
        "统一社会信用代码含有不允许的字符：{0}（只能是数字和大写字母，且不含 I、O、S、V、Z）": QCoreApplication.translate(
            "CoreText",
            "统一社会信用代码含有不允许的字符：{0}（只能是数字和大写字母，且不含 I、O、S、V、Z）",
        ),
        "统一社会信用代码应为 {0} 位，当前输入了 {1} 位": QCoreApplication.translate(
            "CoreText", "统一社会信用代码应为 {0} 位，当前输入了 {1} 位"
        ),
        "统一社会信用代码校验位错误：第 18 位应为“{0}”，当前为“{1}”（请核对前 17 位是否录入有误）": QCoreApplication.translate(
            "CoreText",
            "统一社会信用代码校验位错误：第 18 位应为“{0}”，当前为“{1}”（请核对前 17 位是否录入有误）",
        ),
        "统计期的开始日期不能晚于结束日期": QCoreApplication.translate(
            "CoreText", "统计期的开始日期不能晚于结束日期"
        ),
        "署名账号在来源设备当时并不存在": QCoreApplication.translate(
            "CoreText", "署名账号在来源设备当时并不存在"
        ),
        "署名账号当时已停用": QCoreApplication.translate("CoreText", "署名账号当时已停用"),
        "署名账号没有登记在来源设备上": QCoreApplication.translate(
            "CoreText", "署名账号没有登记在来源设备上"
        ),
        "署名账号的角色无权做这项变更": QCoreApplication.translate(
            "CoreText", "署名账号的角色无权做这项变更"
        ),
        "联系人": QCoreApplication.translate("CoreText", "联系人"),
        "联系人姓名不能为空": QCoreApplication.translate("CoreText", "联系人姓名不能为空"),
        "联系电话": QCoreApplication.translate("CoreText", "联系电话"),
        "至少 {0} 位，含字母、数字、符号中的至少两类，不能是用户名或常见密码": QCoreApplication.translate(
            "CoreText", "至少 {0} 位，含字母、数字、符号中的至少两类，不能是用户名或常见密码"
        ),
        "至少需要一个牵头单位": QCoreApplication.translate("CoreText", "至少需要一个牵头单位"),
        "行业": QCoreApplication.translate("CoreText", "行业"),
        "行业门类“{0}”无效": QCoreApplication.translate("CoreText", "行业门类“{0}”无效"),
        "街镇": QCoreApplication.translate("CoreText", "街镇"),
        "街镇专员必须属于一个街镇": QCoreApplication.translate(
            "CoreText", "街镇专员必须属于一个街镇"
        ),
        "被部门退回的诉求": QCoreApplication.translate("CoreText", "被部门退回的诉求"),
        "规模": QCoreApplication.translate("CoreText", "规模"),
        "记录已不存在": QCoreApplication.translate("CoreText", "记录已不存在"),
        "记录编号格式不对": QCoreApplication.translate("CoreText", "记录编号格式不对"),
        "设备 {0} 未登记，无法核对它的签封": QCoreApplication.translate(
            "CoreText", "设备 {0} 未登记，无法核对它的签封"
        ),
        "设备 {0} 的变更与其签封不符（第 {1}–{2} 项被改动过）": QCoreApplication.translate(
            "CoreText", "设备 {0} 的变更与其签封不符（第 {1}–{2} 项被改动过）"
        ),
        "设备 {0} 的第 {1} 项变更没有该设备的签封": QCoreApplication.translate(
            "CoreText", "设备 {0} 的第 {1} 项变更没有该设备的签封"
        ),
        "设备 {0} 的签封无效（不是该设备签发，或被改动过）": QCoreApplication.translate(
            "CoreText", "设备 {0} 的签封无效（不是该设备签发，或被改动过）"
        ),
        "设备“{0}”已于 {1} 吊销，不再为它导出": QCoreApplication.translate(
            "CoreText", "设备“{0}”已于 {1} 吊销，不再为它导出"
        ),
        "设备“{0}”已登记为{1}，类别不能更改：请吊销后让它重新安装、重新登记": QCoreApplication.translate(
            "CoreText", "设备“{0}”已登记为{1}，类别不能更改：请吊销后让它重新安装、重新登记"
        ),
        "设备“{0}”已被吊销，不能再次登记": QCoreApplication.translate(
            "CoreText", "设备“{0}”已被吊销，不能再次登记"
        ),
        "设备名称应为 1 到 100 个字": QCoreApplication.translate(
            "CoreText", "设备名称应为 1 到 100 个字"
        ),
        "设备已登记的密钥与该指纹不符，拒绝登记": QCoreApplication.translate(
            "CoreText", "设备已登记的密钥与该指纹不符，拒绝登记"
        ),
        "设备的密钥和类别登记后不能更改": QCoreApplication.translate(
            "CoreText", "设备的密钥和类别登记后不能更改"
        ),
        "设备类别应为 hub（区联络办）、field（外勤）或 founder（并入的另一区县的创建设备）": QCoreApplication.translate(
            "CoreText",
            "设备类别应为 hub（区联络办）、field（外勤）或 founder（并入的另一区县的创建设备）",
        ),
        "设备编号格式不对": QCoreApplication.translate("CoreText", "设备编号格式不对"),
        "诉求不存在": QCoreApplication.translate("CoreText", "诉求不存在"),
        "诉求不存在，无法打印办结销号单": QCoreApplication.translate(
            "CoreText", "诉求不存在，无法打印办结销号单"
        ),
        "诉求已存在，不能重复提出": QCoreApplication.translate(
            "CoreText", "诉求已存在，不能重复提出"
        ),
        "诉求当前为“{0}”，不能执行“{1}”": QCoreApplication.translate(
            "CoreText", "诉求当前为“{0}”，不能执行“{1}”"
        ),
        "诉求类别": QCoreApplication.translate("CoreText", "诉求类别"),
        "诉求类别不存在": QCoreApplication.translate("CoreText", "诉求类别不存在"),
        "该诉求尚未销号（现为“{0}”）": QCoreApplication.translate(
            "CoreText", "该诉求尚未销号（现为“{0}”）"
        ),
        "说明": QCoreApplication.translate("CoreText", "说明"),
        "请填写企业名称": QCoreApplication.translate("CoreText", "请填写企业名称"),
        "请填写删除原因": QCoreApplication.translate("CoreText", "请填写删除原因"),
        "请填写姓名": QCoreApplication.translate("CoreText", "请填写姓名"),
        "请填写数据库的名称": QCoreApplication.translate("CoreText", "请填写数据库的名称"),
        "请填写服务器的地址": QCoreApplication.translate("CoreText", "请填写服务器的地址"),
        "请填写用户名": QCoreApplication.translate("CoreText", "请填写用户名"),
        "请填写走访情况": QCoreApplication.translate("CoreText", "请填写走访情况"),
        "请填写部门简称": QCoreApplication.translate("CoreText", "请填写部门简称"),
        "请选择接收设备：同步包加密发给它，只有它能打开（完整同步包也一样：--full --for 设备）": QCoreApplication.translate(
            "CoreText",
            "请选择接收设备：同步包加密发给它，只有它能打开（完整同步包也一样：--full --for 设备）",
        ),
        "请选择走访方式": QCoreApplication.translate("CoreText", "请选择走访方式"),
        "请选择走访的企业": QCoreApplication.translate("CoreText", "请选择走访的企业"),
        "读取或复制同步包时出错：{0}": QCoreApplication.translate(
            "CoreText", "读取或复制同步包时出错：{0}"
        ),
        "账号“{0}”没有登记在本机上：请区联络办的管理员在“同步 → 设备”中为本机登记该账号，再把同步包导入本机": QCoreApplication.translate(
            "CoreText",
            "账号“{0}”没有登记在本机上：请区联络办的管理员在“同步 → 设备”中为本机登记该账号，再把同步包导入本机",
        ),
        "账号不存在": QCoreApplication.translate("CoreText", "账号不存在"),
        "账号不存在或已停用": QCoreApplication.translate("CoreText", "账号不存在或已停用"),
        "账号不存在：{0}": QCoreApplication.translate("CoreText", "账号不存在：{0}"),
        "账号编号格式不对": QCoreApplication.translate("CoreText", "账号编号格式不对"),
        "走访日期不能晚于今天": QCoreApplication.translate("CoreText", "走访日期不能晚于今天"),
        "走访登记已超过 {0} 天，请联系街镇专员或督办删除": QCoreApplication.translate(
            "CoreText", "走访登记已超过 {0} 天，请联系街镇专员或督办删除"
        ),
        "走访的企业已删除，请先恢复企业": QCoreApplication.translate(
            "CoreText", "走访的企业已删除，请先恢复企业"
        ),
        "走访记录不存在": QCoreApplication.translate("CoreText", "走访记录不存在"),
        "走访记录不存在或已删除": QCoreApplication.translate("CoreText", "走访记录不存在或已删除"),
        "超期未办结": QCoreApplication.translate("CoreText", "超期未办结"),
        "路径不存在": QCoreApplication.translate("CoreText", "路径不存在"),
        "路径不是文件夹": QCoreApplication.translate("CoreText", "路径不是文件夹"),
        "迁移后的内容摘要 {0} 与原数据库的 {1} 不同：已全部撤销，目标数据库未改动": QCoreApplication.translate(
            "CoreText", "迁移后的内容摘要 {0} 与原数据库的 {1} 不同：已全部撤销，目标数据库未改动"
        ),
        "这个同步包已于 {0} 导入过": QCoreApplication.translate(
            "CoreText", "这个同步包已于 {0} 导入过"
        ),
        "这个同步包是“{0}”加密发给另一台设备的，本机无法打开：请对方为本机导出": QCoreApplication.translate(
            "CoreText", "这个同步包是“{0}”加密发给另一台设备的，本机无法打开：请对方为本机导出"
        ),
        "这个同步包是“{0}”加密发给设备“{1}”的，本机无法打开：请对方为本机导出": QCoreApplication.translate(
            "CoreText", "这个同步包是“{0}”加密发给设备“{1}”的，本机无法打开：请对方为本机导出"
        ),
        "这个同步包没有区县信息：请用区联络办导出的同步包加入": QCoreApplication.translate(
            "CoreText", "这个同步包没有区县信息：请用区联络办导出的同步包加入"
        ),
        "这个同步包没有登记本机：请区联络办的管理员先登记本机（核对本机指纹），再为本机导出同步包": QCoreApplication.translate(
            "CoreText",
            "这个同步包没有登记本机：请区联络办的管理员先登记本机（核对本机指纹），再为本机导出同步包",
        ),
        "这个同步包的编号与本机于 {0} 导出的同步包相同：拒绝导入": QCoreApplication.translate(
            "CoreText", "这个同步包的编号与本机于 {0} 导出的同步包相同：拒绝导入"
        ),
        "这个备份来自另一台设备（“{0}”），本机是“{1}”：恢复它会让两台设备同名签署变更；确需在本机使用请加 --any-device": QCoreApplication.translate(
            "CoreText",
            "这个备份来自另一台设备（“{0}”），本机是“{1}”：恢复它会让两台设备同名签署变更；确需在本机使用请加 --any-device",
        ),
        "这处冲突已经解决了": QCoreApplication.translate("CoreText", "这处冲突已经解决了"),
        "这是常见密码，很容易被猜到：请换一个": QCoreApplication.translate(
            "CoreText", "这是常见密码，很容易被猜到：请换一个"
        ),
        "这是本机自己导出的同步包": QCoreApplication.translate(
            "CoreText", "这是本机自己导出的同步包"
        ),
        "这是本机，无需登记": QCoreApplication.translate("CoreText", "这是本机，无需登记"),
        "这次走访已删除": QCoreApplication.translate("CoreText", "这次走访已删除"),
        "这次走访提出的诉求“{0}”{1}已进入办理（{2}），删除走访会使诉求失去来源，不能删除；如诉求确属误登，请先撤回诉求": QCoreApplication.translate(
            "CoreText",
            "这次走访提出的诉求“{0}”{1}已进入办理（{2}），删除走访会使诉求失去来源，不能删除；如诉求确属误登，请先撤回诉求",
        ),
        "这次走访未被删除": QCoreApplication.translate("CoreText", "这次走访未被删除"),
        "这项设置只能在区联络办的电脑（区县服务器）上修改：外勤电脑上的修改其他设备不会接受": QCoreApplication.translate(
            "CoreText",
            "这项设置只能在区联络办的电脑（区县服务器）上修改：外勤电脑上的修改其他设备不会接受",
        ),
        "连续 {0} 次密码错误，“{1}”在本机已锁定至 {2}：请稍后再试，或请管理员解锁": QCoreApplication.translate(
            "CoreText", "连续 {0} 次密码错误，“{1}”在本机已锁定至 {2}：请稍后再试，或请管理员解锁"
        ),
        "退回待改派": QCoreApplication.translate("CoreText", "退回待改派"),
        "退回：{0}": QCoreApplication.translate("CoreText", "退回：{0}"),
        "部门": QCoreApplication.translate("CoreText", "部门"),
        "部门“{0}”已存在": QCoreApplication.translate("CoreText", "部门“{0}”已存在"),
        "部门不存在": QCoreApplication.translate("CoreText", "部门不存在"),
        "部门承办人必须属于一个部门": QCoreApplication.translate(
            "CoreText", "部门承办人必须属于一个部门"
        ),
        "重名的账号：请管理员在“管理 → 账号”中为其中一个改名，冲突随之消除": QCoreApplication.translate(
            "CoreText", "重名的账号：请管理员在“管理 → 账号”中为其中一个改名，冲突随之消除"
        ),
        "重复登记的企业：请删除其中一家（企业详情中的“删除”），冲突随之消除": QCoreApplication.translate(
            "CoreText", "重复登记的企业：请删除其中一家（企业详情中的“删除”），冲突随之消除"
        ),
        "（另一台电脑正在写入）": QCoreApplication.translate("CoreText", "（另一台电脑正在写入）"),
        "（另一程序或另一窗口正在写入）": QCoreApplication.translate(
            "CoreText", "（另一程序或另一窗口正在写入）"
        ),
    }
