"""English for core sentences (see `tui.locale`): login, lookup, review queue and review, the
shared modals, failures anywhere, and the names in `tui/_labels.py`.

The domain's own names (states, actions, its field names) are in `en_received`, and names already
translated by another part are left to it, so that one sentence has one English.
"""

MESSAGES: dict[str, str] = {
    # tui/_text.py
    "操作没有完成：出现了意外错误，请重试；若持续出现请联系值班技术人员。": (
        "That did not work: something unexpected went wrong. Please try again; "
        "if it keeps happening, call the technician on duty."
    ),
    "没有找到手机号 {phone} 的申请或账号。": "No application or account found for {phone}.",
    # tui/_labels.py
    "北京时间": "Beijing time",
    "信息收集表": "Info form",
    "使用须知同意书": "Consent form",
    "执业许可证": "Licence",
    "首次申请": "New application",
    "变更资料": "Change of details",
    "首次": "New",
    "变更": "Change",
    "医疗机构地址": "Address",
    "法定代表人手机": "Legal rep. mobile",
    "短信验证": "SMS verification",
    "创建申请": "Application created",
    "通话记录": "Call note",
    "申请人": "Applicant",
    "系统": "System",
    "当前状态下没有可执行的操作。": "Nothing can be done in the current state.",
    "可执行：{actions}": "Can be done: {actions}",
    "、": ", ",
    # tui/screens/login.py
    "登录": "Sign in",
    "HQMS 热线工作台 · 操作员登录": "HQMS hotline desk · Operator sign-in",
    "操作员用户名": "Operator username",
    "请填写用户名和密码。": "Please enter your username and password.",
    # tui/screens/lookup.py
    "审核队列只对审核员开放：当前账号不能审核申请。": (
        "The review queue is for reviewers only: this account cannot review applications."
    ),
    "查询": "Look up",
    "清空": "Clear",
    "来电手机号": "Caller's phone",
    "输入来电手机号后按 Enter 查询；可直接粘贴 +86 138-0013-8000 这样的号码。": (
        "Type the caller's mobile, then Enter; pasting +86 138-0013-8000 works too."
    ),
    "正在登录，登录后立即查询…": "Signing in; the lookup follows at once…",
    "正在查询…": "Looking up…",
    "（只列出前 {count} 条）": " (only the first {count} listed)",
    "找到 {count} 条申请{only_first}，用 ↑↓ 选择，Enter 打开。": (
        "Found {count} applications{only_first}; pick one with ↑↓ and press Enter to open it."
    ),
    # tui/widgets/phone_input.py, tui/widgets/results_table.py
    "来电手机号（11 位）": "Mobile (11 digits)",
    "代码": "Code",
    "电话": "Phone",
    "更新": "Updated",
    # The list's narrow columns (context "list", see `tui.widgets.results_table`).
    "list\x04机构名称": "Name",
    "list\x04待审核": "Pending",
    # tui/screens/review_queue.py
    "审核队列：待审核的申请，最早提交的在前。Enter 审核。": (
        "Review queue: applications pending review, oldest first. Enter to review."
    ),
    "提交于": "Submitted",
    "已等待": "Waiting",
    "机构名称": "Institution",
    "类型": "Kind",
    "{count} 天": "{count} d",
    "{count} 小时": "{count} h",
    "{count} 分钟": "{count} min",
    "正在读取待审核的申请…": "Reading the applications pending review…",
    "（未填写名称）": "(no name yet)",
    "待审核 {count} 条{more}。": "{count} pending review{more}.",
    "没有待审核的申请。": "No applications pending review.",
    # tui/screens/review.py
    "执业许可证扫描件不清晰，请重新扫描上传。": (
        "The licence scan is not legible: please scan it again and upload it."
    ),
    "信息收集表未加盖医疗机构公章。": "The info form does not carry the institution's seal.",
    "医疗机构名称与公章不一致。": "The institution's name does not match its seal.",
    "通过": "Approve",
    "不通过": "Reject",
    "无法生成文件，没有文件指纹：{reason}": (
        "Could not generate the document, so there is no fingerprint: {reason}"
    ),
    "生成的文件里没有找到文件指纹。": "No fingerprint was found in the generated document.",
    "{kind} · 「{name}」 · 提交于 {submitted}": "{kind} · “{name}” · submitted {submitted}",
    "申请编号 {id} · 第 {revision} 版 · A 通过 · R 不通过": (
        "Application {id} · revision {revision} · A approve · R reject"
    ),
    "正在核对变更内容…": "Checking what the change does…",
    "确认审核通过？": "Approve this application?",
    "确认通过": "Approve",
    "正在提交审核结果…": "Sending the decision…",
    "审核不通过：「{name}」": "Reject “{name}”",
    "原因会随通知邮件发给数据管理员 {email}，请写清需要怎样改正。": (
        "The reason goes to the data administrator {email} in the notification email: "
        "say clearly what to correct."
    ),
    "（无邮箱）": "(no email)",
    "确认不通过": "Reject",
    "请填写不通过的原因：数据管理员要按它改正后重新提交。": (
        "Please give the reason: the data administrator corrects the application by it "
        "and submits again."
    ),
    "，登录名 {login_name}": ", login name {login_name}",
    "已通过「{name}」（{id}）{login}；通知邮件和短信已安排发送。": (
        "Approved “{name}” ({id}){login}; the email and SMS notices are on their way."
    ),
    "已退回「{name}」（{id}），原因已通知数据管理员。": (
        "Rejected “{name}” ({id}); the data administrator has been sent the reason."
    ),
    "{reason}已重新读取最新资料，请再核对一遍。": (
        "{reason} The latest data has been read again: please check it once more."
    ),
    # tui/screens/modals.py
    "确定": "OK",
    "提交": "Submit",
    "请填写原因。": "Please give a reason.",
    "原因（必填）": "Reason (required)",
    "常用原因（Tab 进入列表，Enter 选用）：": "Common reasons (Tab to the list, Enter to use one):",
}
