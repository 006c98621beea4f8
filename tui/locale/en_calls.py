"""English for calls sentences (see `tui.locale`): the app's frame and commands, the call bar,
the wrap-up, the caller check, the lock, the password reset, the admin-mobile change, presence.

Labels in the SMS-code rows must fit 12 cells and the resend button 16 (the 80x24 layout)."""

MESSAGES: dict[str, str] = {
    # The app: title, footer keys, palette commands.
    "HQMS 热线工作台": "HQMS Hotline Desk",
    "流感医疗服务监测系统 · 400 0030 686": "Influenza Monitoring · 400 0030 686",
    "正在登录…": "Signing in…",
    "操作员 {name}": "Operator {name}",
    "已退出登录。": "Signed out.",
    "退出": "Quit",
    "退出登录": "Sign out",
    "关闭热线工作台": "Close the hotline desk",
    "结束本次登录，回到登录页": "End this session and return to the login page",
    "查询手机号": "Look up a phone number",
    "回到首页，输入来电手机号查询": "Go home and look up the caller's phone number",
    "返回首页": "Home",
    "关闭当前页面，回到手机号查询": "Close this page and return to the phone lookup",
    "刷新": "Refresh",
    "重新读取当前页面的数据": "Read this page's data again",
    "审核队列": "Review queue",
    "待审核的申请，最早提交的在前": "Applications pending review, oldest first",
    "新申请": "New application",
    "为来电手机号开始注册：身份验证→填写资料→上传文件→审批状态": (
        "Start a registration for the caller's number: verify → form → uploads → review status"
    ),
    "锁定": "Lock",
    "立即锁定工作台，输入密码后解锁": "Lock the desk now; the password unlocks it",
    # The call.
    "结束通话": "End call",
    "选择话后小结，结束本次通话记录 (Ctrl+E)": (
        "Choose the wrap-up and close this call's record (Ctrl+E)"
    ),
    "当前没有进行中的通话。": "No call is in progress.",
    "通话未能结束：{reason}": "The call could not be ended: {reason}",
    "通话已结束，话后小结已保存。": "Call ended; the wrap-up is saved.",
    "通话记录未能保存：{reason}": "The call record could not be saved: {reason}",
    "当前没有通话记录：查询来电手机号即开始记录本次通话。": (
        "No call on record: looking up the caller's number starts recording the call."
    ),
    "号码未记录": "number not recorded",
    "未核实身份": "Unverified",
    "已短信核实身份": "Verified by SMS",
    "未核实身份（已记录原因）": "Unverified (reason noted)",
    "通话中 {phone} · {minutes:02d}:{seconds:02d} · {identity} · Ctrl+E 结束通话": (
        "On call {phone} · {minutes:02d}:{seconds:02d} · {identity} · Ctrl+E end call"
    ),
    "退出前请为进行中的通话选择话后小结；按 Esc 取消退出。": (
        "Before quitting, choose the wrap-up of the call in progress; Esc cancels quitting."
    ),
    "仍然退出的话，这通电话会在服务器上保持未结束，没有话后小结。": (
        "If you quit anyway, the call stays open on the server without a wrap-up."
    ),
    "仍然退出": "Quit anyway",
    "退出登录前请为进行中的通话选择话后小结；按 Esc 取消退出登录。": (
        "Before signing out, choose the wrap-up of the call in progress; Esc cancels signing out."
    ),
    "仍然退出登录的话，这通电话会在服务器上保持未结束，没有话后小结。": (
        "If you sign out anyway, the call stays open on the server without a wrap-up."
    ),
    "仍然退出登录": "Sign out anyway",
    "通话未能结束": "The call could not be ended",
    # The wrap-up.
    "问题已解决": "Resolved",
    "已指导操作，等待对方办理": "Guided; waiting for the caller to act",
    "需要回电": "Call back needed",
    "转审核或上级处理": "Passed to review or a supervisor",
    "仅咨询": "Enquiry only",
    "通话中断": "Call dropped",
    "取消": "Cancel",
    "结束通话 {phone}：本次通话的结果是？": "End call {phone}: what was the outcome?",
    "结束通话：本次通话的结果是？": "End call: what was the outcome?",
    "刚查询的 {phone} 不是本次通话的号码。": "{phone}, just looked up, is not this call's number.",
    "同一来电人的另一个号码：选“仍是同一通电话”；新的来电：为上一通电话选结果。": (
        "Same caller, another number: choose “Still the same call”; "
        "a new caller: choose the previous call's outcome."
    ),
    "仍是同一通电话（继续，不结束）": "Still the same call (go on, do not end)",
    "备注（可空，Tab 进入）：": "Note (optional, Tab to enter):",
    "例如：约好明天上午回电": "e.g. agreed to call back tomorrow morning",
    # The detail's call modals.
    "数据管理员手机号": "Data admin's mobile",
    "数据管理员邮箱": "Data admin's email",
    "数据管理员姓名": "Data admin's name",
    "法定代表人手机号": "Legal representative's mobile",
    "法定代表人姓名": "Legal representative's name",
    "通话备注": "Call note",
    "写下这次通话的要点，会显示在申请的时间线上；手机号会自动打码。": (
        "Write the call's key points; they show on the application's timeline, "
        "phone numbers masked."
    ),
    "备注（必填）": "Note (required)",
    "保存备注": "Save note",
    "备注不能为空，请写下这次通话的要点。": "The note is empty: write the call's key points.",
    "（未填写）": "(not filled in)",
    "查看完整信息": "Show in full",
    "完整的值只显示 60 秒或到离开本页为止；每次查看都会连同原因记录在审计中。": (
        "The full value shows for 60 seconds or until you leave this page; "
        "each view is audited with its reason."
    ),
    "查看原因（必填）": "Reason (required)",
    "查看": "Show",
    "请先选择要查看的信息。": "Choose the value to show first.",
    "请填写查看原因，例如“来电人核对登记的手机号”。": (
        "Give the reason, e.g. “caller checks the registered mobile”."
    ),
    "申请文件：信息收集表、系统使用须知及同意书": (
        "Application documents: information form, terms of use and consent"
    ),
    "按当前资料重新生成两份文件。可发到数据管理员邮箱，或保存到本机后转交。": (
        "Both documents are generated anew from the current data: email them to the data "
        "admin, or save them here to pass on."
    ),
    "发送到管理员邮箱 {email}": "Email to the admin at {email}",
    "保存到本机的文件夹：": "Folder to save in:",
    "保存到本机": "Save here",
    "请填写保存文件的文件夹。": "Give the folder to save the documents in.",
    # SMS codes to the registered phone: caller check, password reset.
    "验证码不正确，还可以再试 {count} 次：请让来电人再读一遍短信中的 6 位数字。": (
        "Wrong code, {count} tries left: ask the caller to read the SMS's 6 digits again."
    ),
    "验证码不正确，已没有剩余次数：请重新发送验证码。": (
        "Wrong code and no tries left: send a new code."
    ),
    "{detail}（{seconds} 秒后可再试）": "{detail} (try again in {seconds} s)",
    "确认": "Confirm",
    "登记的手机号": "Admin phone",
    "短信验证码": "SMS code",
    "6 位数字": "6 digits",
    "正在向登记的手机号发送验证码…": "Sending a code to the registered phone…",
    "请先发送验证码。": "Send a code first.",
    "验证码是 6 位数字，请让来电人再读一遍。": (
        "The code has 6 digits: ask the caller to read it again."
    ),
    "正在核对验证码…": "Checking the code…",
    "验证码已发送到登记的手机号 {phone}，请来电人读出短信中的 6 位数字。": (
        "Code sent to the registered phone {phone}: ask the caller to read the SMS's 6 digits."
    ),
    "发送验证码": "Send code",
    "{seconds} 秒后可重发": "Resend in {seconds}s",
    "核实来电人身份": "Verify the caller",
    "确认核实": "Verify",
    "查看完整信息、重置账号或变更资料前，需先核实来电人身份。": (
        "Verify the caller before showing data in full, resetting the account or changing data."
    ),
    "验证码发到这份申请登记的数据管理员手机号（不是来电号码），请来电人读出短信中的数字。": (
        "The code goes to the data admin's mobile registered on this application (not the "
        "calling number); ask the caller to read the digits in the SMS."
    ),
    "不核实…": "Skip check…",
    "不核实来电人身份": "Go on without verifying the caller",
    "请记录不核实的原因（会写入审计记录，并随之后的操作一起显示）：": (
        "Record why the caller is not verified (audited, and shown with the actions that follow):"
    ),
    "记录并继续": "Record and go on",
    "正在记录不核实的原因…": "Recording the reason…",
    "登记的手机号已停用，来电人无法接收短信": (
        "The registered mobile is out of service; the caller cannot receive SMS"
    ),
    "来电人是法定代表人，不是数据管理员本人": (
        "The caller is the legal representative, not the data admin"
    ),
    "仅咨询办理流程，不涉及账号和个人信息": (
        "Only asking about the procedure; no account or personal data involved"
    ),
    "重置机构账号密码": "Reset the institution's password",
    "确认重置": "Reset",
    "验证码发到该账号登记的数据管理员手机号（不是来电号码）；来电人读出验证码后才重置。": (
        "The code goes to the account's registered data admin mobile (not the calling number); "
        "the reset happens once the caller reads it back."
    ),
    "新密码只发给数据管理员，本屏幕不会显示。": (
        "The new password goes to the data admin only; this screen never shows it."
    ),
    "正在读取重置次数…": "Reading the resets left…",
    "新的临时密码将发到管理员邮箱 {email}，并短信通知 {phone}。": (
        "The new temporary password will go to the admin's email {email}, with an SMS to {phone}."
    ),
    "今天的重置次数已用完，请明天再试。": " No resets left today: try again tomorrow.",
    "刚重置过：{time} 后才能再次重置。": " Just reset: the next reset is possible after {time}.",
    "今天还可重置 {count} 次。": " {count} reset(s) left today.",
    "新的临时密码已发到 {email}，短信已通知 {phone}；对方首次登录需修改密码。": (
        "A new temporary password went to {email}, with an SMS to {phone}; "
        "it must be changed at the first login."
    ),
    # The lock.
    "密码不正确，请重新输入；多次输错会锁定坐席账号。": (
        "Wrong password: type it again; repeated mistakes lock the operator account."
    ),
    "工作台已手动锁定": "The desk was locked by hand",
    "已空闲 {minutes:g} 分钟": "Idle for {minutes:g} min",
    "已空闲一段时间": "Idle for a while",
    "工作台已锁定": "Desk locked",
    "{why}，为保护来电人信息，屏幕已隐藏。": "{why}; the screen is hidden to protect the caller.",
    "坐席 {operator}，请输入登录密码解锁：": "Operator {operator}, type your password to unlock:",
    "登录密码": "Password",
    "请输入密码。": "Type the password.",
    "正在验证…": "Checking…",
    # The admin-mobile change.
    "申请刚被他人修改，管理员手机号还没有更换。已读取最新版本，验证仍然有效：请再按“确认更换”。": (
        "Someone else just changed the application; the admin mobile is not changed yet. The "
        "latest version is loaded and the verification still holds: press “Change” again."
    ),
    "验证码不正确，已没有剩余次数：请重新向新号码发送验证码。": (
        "Wrong code and no tries left: send a new code to the new number."
    ),
    "验证码发送过于频繁：请等待 {seconds} 秒后再向新号码发送。": (
        "Codes sent too often: wait {seconds} s before sending to the new number again."
    ),
    "11 位手机号": "11 digits",
    "更换数据管理员手机号": "Change the data admin's mobile",
    "当前管理员手机：{current}。新号码通过短信验证后才会更换，原号码会收到短信通知。": (
        "Current admin mobile: {current}. It changes once the new number is verified by SMS; "
        "the old number gets an SMS."
    ),
    "新手机号": "New mobile",
    "确认更换": "Change",
    "正在向新号码发送验证码…": "Sending a code to the new number…",
    "新号码与当前管理员手机 {phone} 相同，无需更换。": (
        "The new number is the current admin mobile {phone}: nothing to change."
    ),
    "新号码与当前管理员手机 {current} 的前三位和后四位相同，可能是同一个号码："
    "请与来电人核对；确认是另一个号码时再按一次“发送验证码”。": (
        "The new number shares the first three and last four digits with the current admin "
        "mobile {current} and may be the same: check with the caller, and press “Send code” "
        "again if it is another number."
    ),
    "正在更换管理员手机号…": "Changing the admin mobile…",
    "请先向新号码发送验证码。": "Send a code to the new number first.",
    "验证码短信已发送到新号码 {phone}，请来电人读出短信中的 6 位数字。": (
        "Code sent to the new number {phone}: ask the caller to read the SMS's 6 digits."
    ),
    # Presence.
    "注意：坐席 {names} 也在查看这份申请，办理前请先沟通，避免重复操作。": (
        "Note: operator {names} is also viewing this application; talk first to avoid "
        "doing things twice."
    ),
    "、": ", ",
    # The institution code field.
    "组织机构代码": "Organization code",
    "行政区划": "Division",
    "经济类型": "Economic type",
    "机构类别": "Category",
    "管理类别": "Management class",
    "22 位：9 位组织机构代码 + 6 位行政区划 + 2 位经济类型 + 4 位机构类别 + 1 位管理类别": (
        "22 characters: 9 organization code + 6 division + 2 economic type + 4 category "
        "+ 1 management class"
    ),
    "；": "; ",
    "提醒：{message}": "Note: {message}",
    "✓ 代码格式和校验码正确": "✓ Format and check character are correct",
    "如 45038862-0440104 11A1001": "e.g. 45038862-0440104 11A1001",
}
