"""English for walkthrough sentences (see `tui.locale`).

The registration walk-through (verify, form, uploads, status) and the reviewer's 材料核对 section.
Labels of the form stay within 12 cells (the label column is 13 wide) and the footer keys short
enough that all of them fit 80 columns.
"""

MESSAGES: dict[str, str] = {
    # -- the screen: footer keys, command palette, status line ---------------------------------
    "返回": "Back",
    "上一步": "Prev",
    "下一步": "Next",
    "保存": "Save",
    "刷新": "Refresh",
    "更换管理员手机": "New admin mobile",
    "第 {number} 步：{title}": "Step {number}: {title}",
    "保存资料": "Save form",
    "保存填写资料（可不完整）": "Save the form (it may be incomplete)",
    "提交审核": "Submit for review",
    "提交这份申请等待审核": "Submit this application for review",
    "正在读取申请…": "Loading the application…",
    "请先完成身份验证：发送验证码，并输入来电人读出的验证码。": (
        "Verify first: send the code, then type the code the caller reads out."
    ),
    "资料还没有保存：按 Ctrl+S 保存；再按 Esc 放弃修改并返回。": (
        "The form is not saved: press Ctrl+S to save, or Esc again to discard the changes."
    ),
    "正在刷新…": "Refreshing…",
    "正在发送验证码…": "Sending the code…",
    "请先发送验证码。": "Send a code first.",
    "验证码是 6 位数字，请让来电人再读一遍。": (
        "The code has 6 digits: ask the caller to read it again."
    ),
    "正在核对验证码…": "Checking the code…",
    "数据管理员手机号已更换为 {mobile}，原号码会收到短信通知。": (
        "The data administrator's mobile is now {mobile}; the old number gets an SMS about it."
    ),
    "正在保存…": "Saving…",
    "正在提交审核…": "Submitting for review…",
    "正在下载两份文件…": "Downloading both documents…",
    "正在发送到数据管理员邮箱…": "Sending to the data administrator's email…",
    "请填写要上传的本机文件路径。": "Type the path of the local file to upload.",
    "正在上传…": "Uploading…",
    "正在删除…": "Deleting…",
    # -- the screen's workers -------------------------------------------------------------------
    "资料已被他人修改，请刷新后再保存。已读取最新版本，您填写的内容仍保留在屏幕上；"
    "核对后再按 Ctrl+S 保存即以屏幕上的内容为准。": (
        "Someone else changed the form: refresh before saving. The latest version is loaded and"
        " what you typed is still on screen; check it, then Ctrl+S saves what the screen shows."
    ),
    "信息收集表.pdf": "info-form.pdf",
    "系统使用须知及同意书.pdf": "consent.pdf",
    "验证通过，已创建申请 {application_id}。请逐项填写资料，可随时保存。": (
        "Verified: application {application_id} created. Fill in the form; save at any time."
    ),
    "两份文件已保存到 {folder}：{names}。请打印、盖章后扫描上传。": (
        "Both documents saved to {folder}: {names}. Print and stamp them, then scan and upload."
    ),
    "两份文件已发送到数据管理员邮箱 {email}，请来电人查收。": (
        "Both documents sent to the data administrator's email {email}; ask the caller to check."
    ),
    "已上传{kind}：{filename}。": "Uploaded {kind}: {filename}.",
    "已保存（第 {revision} 版）。": "Saved (revision {revision}).",
    "已提交审核。审核结果会通过短信和邮件通知数据管理员。": (
        "Submitted for review. The data administrator will get the result by SMS and email."
    ),
    "已删除所选文件。": "Deleted the selected file.",
    # -- steps bar ------------------------------------------------------------------------------
    "身份验证": "Verify phone",
    "填写资料": "Fill in form",
    "上传文件": "Upload files",
    "审批状态": "Approval",
    # -- verify panel ---------------------------------------------------------------------------
    "请来电人提供数据管理员的手机号（将用于登录），发送验证码后请来电人读出短信中的 6 位数字。"
    "验证码 5 分钟内有效，最多可输错 5 次。": (
        "Ask the caller for the data administrator's mobile number (it becomes their login)."
        " After sending the code, ask them to read out the 6 digits in the SMS. The code is"
        " valid for 5 minutes and allows at most 5 wrong tries."
    ),
    "管理员手机号": "Admin mobile",
    "11 位手机号": "11 digits",
    "短信验证码": "SMS code",
    "6 位数字": "6 digits",
    "确认并创建申请": "Confirm and create",
    "验证码短信已发送到 {phone}，请来电人读出短信中的 6 位数字。": (
        "Code sent by SMS to {phone}: ask the caller to read out the 6 digits."
    ),
    # -- form editor (labels at most 12 cells) ------------------------------------------------
    "医疗机构名称": "Institution",
    "与执业许可证、公章一致": "As on the practice licence and the official seal",
    "开业日期": "Opened",
    "年": "YYYY",
    "月": "MM",
    "医疗机构代码": "Inst. code",
    "机构地址": "Address",
    "街道门牌": "Street",
    "街道、门牌号": "Street and number",
    "诊疗科目": "Specialties",
    "用逗号或顿号分隔，如 内科、外科": "Separated by commas, e.g. internal medicine, surgery",
    "法定代表人": "Legal rep.",
    "姓名": "Full name",
    "法人手机": "Rep. mobile",
    "管理员姓名": "Admin name",
    "数据管理员姓名": "Data admin's name",
    "管理员手机": "Admin mobile",
    "管理员邮箱": "Admin email",
    "接收账号和密码邮件": "Receives the account and password email",
    "（未填写）": "(not filled in)",
    "只读：更换管理员手机需要对新号码重新进行短信验证。": (
        "Read-only: a new mobile needs its own SMS verification."
    ),
    "校验码与许可证一致": "check character as on the licence",
    "代码中的旧行政区划": "old division in the code",
    "代码中的经济类型": "economic type in the code",
    "代码中的机构类别": "institution category in the code",
    "代码区划与地址不一致": "code division differs from address",
    "提醒：{message}": "Note: {message}",
    "已核对许可证，确认：{name}": "Licence checked: {name}",
    # -- region select (the division names themselves are data) --------------------------------
    "省份": "Province",
    "城市": "City",
    "区县": "District",
    # -- uploads panel --------------------------------------------------------------------------
    "上传规则：共三份——{info_form}、{consent}、{license}。"
    "每份为 JPG 或 PDF（按文件内容识别，改扩展名无效），不超过 5 MB。"
    "资料修改后，已上传的两份盖章表会失效，需重新下载、盖章、上传。": (
        "Upload rules: three files — {info_form}, {consent} and {license}. Each is a JPG or"
        " PDF (judged by content: renaming does not help), at most 5 MB. When the form changes,"
        " the two stamped forms already uploaded expire: download, stamp and upload them again."
    ),
    "找不到文件 {path}，请核对路径。": "No file at {path}: check the path.",
    "文件 {name} 有 {size}，超过 5 MB，请压缩或降低扫描分辨率。": (
        "{name} is {size}, over 5 MB: compress it or scan at a lower resolution."
    ),
    "文件 {name} 的内容不是 JPG 或 PDF（与扩展名无关），请换成扫描的 JPG 或 PDF。": (
        "{name} is not a JPG or PDF inside (whatever its extension): use a scanned JPG or PDF."
    ),
    "文件保存到": "Save to",
    "下载两份文件": "Download both",
    "发到管理员邮箱": "Email the admin",
    "上传扫描件": "Scan",
    "本机文件路径，如 ~/scans/license.pdf": "Local file, e.g. ~/scan.pdf",
    "上传": "Upload",
    "删除所选文件": "Delete selected",
    "类别": "Kind",
    "文件名": "File name",
    "大小": "Size",
    "状态": "State",
    "已失效，需重新盖章上传": "Expired: stamp and upload again",
    "有效": "Valid",
    "、": ", ",
    "还缺：{files}": "Missing: {files}",
    "三份文件已齐。": "All three files are in.",
    # -- 材料核对 (the reviewer's document check) ------------------------------------------------
    "材料核对": "Document check",
    "信息收集表 PDF": "Information form PDF",
    "使用须知同意书 PDF": "Terms and consent PDF",
    "未上传": "not uploaded",
    "已过期：上传后资料又改过": "expired: the form changed after the upload",
    "不随资料过期": "does not expire with the form",
    "按当前资料盖章": "stamped for the current form",
    "第 {revision} 版资料": "form revision {revision}",
    "当前资料": "current form",
    "系统生成（{version}）": "Generated ({version})",
    "文件指纹：": "Fingerprint:",
    "无法读取文件指纹。": "Could not read the fingerprint.",
    "盖章扫描件": "Stamped scans",
    "：": ": ",
    "（": " (",
    "）": ")",
    "三份扫描件齐全且对应当前资料：请再核对扫描件上印的文件指纹与左侧一致。": (
        "All three scans match the current form: check the fingerprint printed on them"
        " against the one on the left."
    ),
    "扫描件缺少或已过期：不能按现有材料通过，请选择不通过并说明。": (
        "Scans missing or expired: these cannot be approved; reject and say why."
    ),
}
