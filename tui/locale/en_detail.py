"""English for detail sentences (see `tui.locale`): the application detail, its sections, the
timeline, the notification history, the approval confirmation's words, and the sentences the
server writes into the timeline (event details), which the kiosk receives and shows."""

MESSAGES: dict[str, str] = {
    # Punctuation translated on its own (see `tui.widgets._timeline_words`).
    "、": ", ",
    "：": ": ",
    "（": " (",
    "）": ")",
    # -- detail screen: footer keys and command palette --
    "办理": "Handle",
    "核实": "Verify",
    "备注": "Note",
    "文件": "Docs",
    "重发": "Resend",
    "变更": "Change",
    "重置": "Reset",
    "重发审核结果通知": "Resend the review result notice",
    "短信验证码发到登记的手机号，或记录不核实的原因": (
        "SMS code to the registered mobile, or record why the caller is not verified"
    ),
    "写下这次通话的要点，记入时间线": "Write down the call's main points on the timeline",
    "说明原因后查看一项完整的手机号、邮箱或姓名": (
        "Show one full mobile number, email or name, after giving a reason"
    ),
    "修改申请": "Amend the application",
    "退回“填写中”，修改后重新盖章上传并提交": (
        "Back to draft; after changes, stamp, upload and submit again"
    ),
    "为已开通的账号发起变更资料申请": "Open a change-of-details application for the account",
    "验证登记的手机号后，新临时密码发给数据管理员": (
        "After verifying the registered mobile, a new temporary password goes to the data "
        "administrator"
    ),
    "申请文件": "Application documents",
    "重新生成两份文件，发到管理员邮箱或保存到本机": (
        "Make the two documents again: email them to the administrator or save them here"
    ),
    "重发审核通过或不通过的通知": "Resend the approval or rejection notice",
    "申请编号 {id} · {kind} · 更新于 {updated}": "Application {id} · {kind} · updated {updated}",
    "实时更新已停止：{reason}": "Live updates stopped: {reason}",
    "（约 {minutes} 分钟后可再试）": " (try again in about {minutes} min)",
    "无法读取通知：{reason}": "Cannot read the notifications: {reason}",
    # -- caller check, reveal, change of details --
    "将新建一份“变更资料”申请，内容预填为当前审核通过的资料，可在其中修改。": (
        "A new change-of-details application is opened, prefilled with the approved details, "
        "to be edited there."
    ),
    "变更申请审核通过前，机构账号照常使用，登录名和密码都不变。": (
        "Until the change is approved the account works as before; login name and password "
        "stay the same."
    ),
    "变更申请需重新下载、盖章、上传两份文件，再提交审核；审核通过后账号资料才更新。": (
        "The change needs the two documents downloaded, stamped and uploaded again, then a "
        "review; the account changes only once it is approved."
    ),
    "如更换数据管理员：审核通过后账号密码重置，新的初始密码发给新的管理员，旧密码失效。": (
        "With a new data administrator: on approval the password is reset, the new one goes to "
        "the new administrator, and the old one stops working."
    ),
    "数据管理员的邮箱变更": "Data administrator's email changed",
    "医疗机构名称或地址变更": "Institution name or address changed",
    "来电人身份尚未核实。": "The caller is not verified yet.",
    "来电人身份已核实（短信验证码发到登记的手机号 {phone}）。": (
        "Caller verified (SMS code to the registered mobile {phone})."
    ),
    "已记录不核实来电人身份的原因：{reason}": "Recorded why the caller is not verified: {reason}",
    "正在准备核实来电人身份…": "Preparing the caller check…",
    "没有进行中的通话。": "There is no call in progress.",
    "{trouble}不能核实来电人身份，请稍后再试。": (
        "{trouble} The caller cannot be verified now; please try again shortly."
    ),
    "没有核实来电人身份，操作没有进行。": "The caller was not verified, so nothing was done.",
    "正在读取完整信息…": "Reading the full value…",
    "{label}：{value}（{seconds} 秒后或离开本页时隐藏）": (
        "{label}: {value} (hidden after {seconds} s or when you leave this page)"
    ),
    "发起变更资料": "Open a change",
    "变更资料的原因": "Reason for the change",
    "请填写要变更什么（写入审计记录）：": "What is to change (written to the audit record):",
    "发起变更": "Open change",
    "正在发起变更资料申请…": "Opening a change-of-details application…",
    "已发起变更资料申请 {id}，原账号照常使用。": (
        "Change-of-details application {id} opened; the account works as before."
    ),
    # -- amend, documents, notices, notes --
    "1、按 F3 办理：与来电人核对并修改填写资料，按 Ctrl+S 保存。": (
        "1. Press F3 to handle: check and correct the details with the caller, Ctrl+S to save."
    ),
    "2、资料修改后，重新下载两份文件（信息收集表、系统使用须知及同意书）。": (
        "2. After the changes, download the two documents again (information form, terms and "
        "consent)."
    ),
    "3、打印并加盖公章。": "3. Print them and stamp them with the official seal.",
    "4、重新上传盖章后的扫描件：资料修改后，旧的扫描件会标记为“需重新盖章上传”。": (
        "4. Upload the stamped scans again: after changes the old scans are marked "
        "“stamp and upload again”."
    ),
    "5、提交审核。": "5. Submit for review.",
    "按审核意见修改资料": "Correcting the details as the reviewer asked",
    "来电人要求更正填写的资料": "The caller asked to correct the details",
    "更换上传的盖章文件": "Replacing the uploaded stamped files",
    "今天还可重发 {count} 次。": "{count} more resends allowed today.",
    "开通通知已重发到 {email}，短信已提醒 {phone}（不含密码）；{left}": (
        "Account notice resent to {email}, SMS reminder to {phone} (no password); {left}"
    ),
    "审核不通过通知已重发到 {email}；{left}": "Rejection notice resent to {email}; {left}",
    "重新发送账号开通通知到数据管理员邮箱 {email}，并发短信提醒。": (
        "Send the account notice again to the data administrator's email {email}, with an SMS "
        "reminder."
    ),
    "通知中有登录名、手机号和登录地址，不含密码；密码遗失请用“重置密码”。": (
        "It has the login name, mobile and sign-in address, not the password; for a lost "
        "password use “Reset password”."
    ),
    "重新发送审核不通过通知（含审核意见）到数据管理员邮箱 {email}。": (
        "Send the rejection notice (with the reviewer's comments) again to the data "
        "administrator's email {email}."
    ),
    "申请将从“{state}”退回“填写中”，已上传的文件保留。请填写修改原因：": (
        "The application goes from “{state}” back to draft; uploaded files are kept. Reason "
        "for the change:"
    ),
    "退回修改": "Back to draft",
    "正在退回填写状态…": "Returning to draft…",
    "申请已退回“填写中”：按 F3 办理，修改资料后重新下载、盖章、上传并提交审核。": (
        "Back to draft: press F3 to handle; after the changes download, stamp, upload and "
        "submit again."
    ),
    "申请已退回“填写中”，接下来：": "Back to draft. Next:",
    "去办理": "Handle now",
    "正在生成并保存两份文件…": "Making and saving the two documents…",
    "正在生成并发送两份文件…": "Making and sending the two documents…",
    "两份文件已发送到数据管理员邮箱 {email}，请来电人查收；今天还可再发送 {count} 次。": (
        "The two documents were sent to the data administrator's email {email}; {count} more "
        "sends allowed today."
    ),
    "两份文件已保存到 {directory}：{names}。": (
        "The two documents were saved in {directory}: {names}."
    ),
    "重发开通通知": "Resend the account notice",
    "重发审核不通过通知": "Resend the rejection notice",
    "正在重发通知…": "Resending the notice…",
    "正在保存备注…": "Saving the note…",
    "备注已记录在时间线上。": "The note is on the timeline.",
    # -- what approval sets off (the reviewer's confirmation) --
    "「{name}」（申请编号 {id}）审核通过后：": "Once “{name}” (application {id}) is approved:",
    "· 开通机构账号（登录名和初始密码由系统生成，任何人都看不到密码）；": (
        "· the institution's account opens (login name and first password are generated; "
        "nobody sees the password);"
    ),
    "· 把登录名、初始密码和登录地址发邮件给数据管理员 {email}；": (
        "· login name, first password and sign-in address are emailed to the data "
        "administrator {email};"
    ),
    "· 发短信告知 {mobile} 查收邮件。": "· an SMS tells {mobile} to check the email.",
    "（无手机号）": "(no mobile)",
    "「{name}」的变更资料（申请编号 {id}）审核通过后，账号 {login}：": (
        "Once the change for “{name}” (application {id}) is approved, account {login}:"
    ),
    "· 账号资料改为变更后的内容：": "· takes the changed details:",
    "  ……另有 {hidden} 项，见下方资料。": "  … {hidden} more, see the details below.",
    "· 变更后的资料与账号现有资料相同，没有字段会改变。": (
        "· the changed details equal the account's; no field changes."
    ),
    "· 更换了数据管理员：账号密码将被重置，旧密码和已登录的会话立即失效；": (
        "· new data administrator: the password is reset; the old password and open sessions "
        "stop at once;"
    ),
    "· 新的初始密码发邮件给新管理员 {email}，": (
        "· the new first password is emailed to the new administrator {email},"
    ),
    "  短信通知 {phone} 查收邮件。": "  and an SMS tells {phone} to check the email.",
    "· 数据管理员不变：账号密码不变，可继续登录；": (
        "· same data administrator: the password stays, signing in goes on;"
    ),
    "· 变更结果邮件发给 {email}。": "· the result is emailed to {email}.",
    # -- sections --
    "问题：{message}": "Problem: {message}",
    "账号": "Account",
    "时间线": "Timeline",
    "{filename}（{size}，资料已修改，需重新盖章上传）": (
        "{filename} ({size}; details changed, stamp and upload again)"
    ),
    "尚未开通账号（审核通过后开通）。": "No account yet (it opens on approval).",
    "登录名": "Login name",
    "暂无记录。": "Nothing recorded yet.",
    "没有未处理的问题。": "No problems left.",
    "申请编号 {id}（{kind}） · 更新于 {updated}": "Application {id} ({kind}) · updated {updated}",
    "提交前还需处理 {count} 项：": "{count} to deal with before submitting:",
    # Days counted by the domain: one is singular in English.
    "待审核，已提交 1 天": "Pending review, submitted 1 day ago",
    "变更资料：待审核，已提交 1 天": "Change of details: pending review, submitted 1 day ago",
    # -- notifications --
    "邮件": "Email",
    "短信": "SMS",
    "审核通过通知": "Approval notice",
    "审核通过提醒": "Approval reminder",
    "审核不通过通知": "Rejection notice",
    "更换管理员通知": "New administrator notice",
    "重置密码通知": "Password reset notice",
    "账号开通通知": "Account opened notice",
    "变更资料通过通知": "Change approved notice",
    "待发送": "Waiting",
    "已发送": "Sent",
    "发送失败": "Failed",
    "{status}（已尝试 {attempts} 次）": "{status} ({attempts} tries)",
    "{status}（已尝试 {attempts} 次，{retry} 重试）": "{status} ({attempts} tries, retry {retry})",
    "上次失败原因：{reason}": "Last failure: {reason}",
    "上次失败原因：{reason}。": "Last failure: {reason}.",
    "通知": "Notifications",
    "还没有发出任何通知。": "No notifications sent yet.",
    "无法读取通知。": "Cannot read the notifications.",
    # -- timeline: event names and changed fields --
    "（空）": "(empty)",
    "开通账号": "Account opened",
    "机构登录": "Institution signed in",
    "机构修改密码": "Institution changed password",
    "开始通话": "Call started",
    "通话关联申请": "Call linked",
    "通话结束": "Call ended",
    "已核实来电人身份": "Caller verified",
    "未核实来电人身份": "Caller not verified",
    "下载文件": "Document downloaded",
    "通知已发送": "Notification sent",
    "通知发送失败": "Notification failed",
    "账号登录会话已失效": "Account sessions ended",
    "地址（省）": "Address (province)",
    "地址（市）": "Address (city)",
    "地址（区县）": "Address (county)",
    "地址（街道）": "Address (street)",
    "备注：{text}": "Note: {text}",
    # -- timeline: the server's event details (received) --
    "手机号 {phone} 通过短信验证": "Mobile {phone} verified by SMS",
    "短信验证手机号 {phone} 后开始填写": "Form started after SMS check of mobile {phone}",
    "创建首次申请": "New application created",
    "保存填写资料（第 {number} 版）": "Form saved (version {number})",
    "修改了：{fields}": "Changed: {fields}",
    "数据管理员手机号由 {old} 更换为 {new}": (
        "Data administrator's mobile changed from {old} to {new}"
    ),
    "上传{title} {filename}": "Uploaded {title}: {filename}",
    "上传{title}：{filename}（{size} 字节）": "Uploaded {title}: {filename} ({size} bytes)",
    "删除{title}：{filename}": "Deleted {title}: {filename}",
    # Titles of files (《…》) are in en_received, with the domain's other names.
    "下载{title}（第 {revision} 版资料）": "Downloaded {title} (details version {revision})",
    "两份待盖章文件已发送到数据管理员邮箱": (
        "The two documents to stamp were emailed to the data administrator"
    ),
    "已将《医疗机构信息收集表》和《系统使用须知及同意书》发送至 {email}": (
        "The information form and the terms and consent form were sent to {email}"
    ),
    "审核不通过：{reason}（已邮件通知数据管理员）": (
        "Rejected: {reason} (data administrator emailed)"
    ),
    "审核通过，开通账号 {login}；账号邮件已发给数据管理员，短信已通知": (
        "Approved, account {login} opened; account email sent to the data administrator, SMS sent"
    ),
    "审核通过，账号资料已更新": "Approved, account details updated",
    "开通账号 {login}": "Account {login} opened",
    "退回修改：{reason}": "Back to draft: {reason}",
    "变更资料：创建变更申请 {id}": "Change of details: change application {id} opened",
    "变更资料：基于已通过的申请 {id}": "Change of details: based on approved application {id}",
    "数据管理员已变更：账号 {login} 的原密码已失效，已登录的会话已全部结束（{count} 个）": (
        "New data administrator: account {login}'s old password stopped working, all "
        "{count} open sessions ended"
    ),
    "开始通话（来电 {caller}）": "Call started (from {caller})",
    "来电关联到此申请": "Call linked to this application",
    "来电关联到此申请（登记手机号相同，沿用本次通话的身份核实）": (
        "Call linked to this application (same registered mobile: the call's caller check applies)"
    ),
    "通话结束：{outcome}": "Call ended: {outcome}",
    "通话结束：{outcome}；备注：{note}": "Call ended: {outcome}; note: {note}",
    "已通过短信核实来电人身份（{phone}）": "Caller verified by SMS ({phone})",
    "未核实来电人身份，原因：{reason}": "Caller not verified, reason: {reason}",
    "查看完整的{field}，原因：{reason}": "Showed the full {field}, reason: {reason}",
    "查看完整的{field}，原因：{reason}（来电人身份未核实：{why}）": (
        "Showed the full {field}, reason: {reason} (caller not verified: {why})"
    ),
    "重置账号 {login} 的密码：新的临时密码已发到 {email}，短信已通知 {phone}；原密码已失效": (
        "Password of account {login} reset: temporary password sent to {email}, SMS to "
        "{phone}; the old password stopped working"
    ),
    "重置账号 {login} 的密码：新的临时密码已发到 {email}，短信已通知 {phone}；原密码已失效，"
    "{count} 个已登录的会话已结束": (
        "Password of account {login} reset: temporary password sent to {email}, SMS to "
        "{phone}; the old password stopped working, {count} open sessions ended"
    ),
    "重发账号开通通知：邮件至 {email}，短信至 {phone}（不含密码）": (
        "Account notice resent: email to {email}, SMS to {phone} (no password)"
    ),
    "重发审核不通过通知：邮件至 {email}": "Rejection notice resent: email to {email}",
    "机构账号 {login} 登录": "Institution account {login} signed in",
    "机构账号 {login} 修改了密码": "Institution account {login} changed its password",
    "{purpose}验证码已发送至 {phone}": "{purpose} code sent to {phone}",
    "{purpose}验证码已发送至 {phone}（申请登记的手机号）": (
        "{purpose} code sent to {phone} (the registered mobile)"
    ),
    "{purpose}验证通过：{phone}": "{purpose} verified: {phone}",
    "账号申请": "Account application",
    "{purpose}已发送至 {to}": "{purpose} sent to {to}",
    "{purpose}发送至 {to} 失败（已尝试 {attempts} 次）：{reason}": (
        "{purpose} to {to} failed ({attempts} tries): {reason}"
    ),
    "验证码短信": "Verification SMS",
    "资料变更通过通知": "Change approved notice",
    "申请文件邮件": "Application documents email",
    "数据管理员变更通知": "New data administrator notice",
    "密码重置通知": "Password reset notice",
    "投递时发生意外错误（{error}），将稍后重试。": (
        "Unexpected error while delivering ({error}); will retry later."
    ),
}
