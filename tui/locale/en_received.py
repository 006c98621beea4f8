"""English for received sentences: what the API and the domain say, shown by the kiosk.

Keys are the Chinese sentences of `domain/`, `client/` and the server's problems; an f-string there
is an entry with named placeholders, which `tui._received` matches as a template. A sentence built
from a choice of parts (a status name, "只有"/"有") has an entry per part as well: the kiosk
translates a captured part that is itself an entry. Checked by `tests/tui/test_tui_locale.py`.
"""

MESSAGES: dict[str, str] = {
    # The domain's names, shown through `Translated` (statuses, actions, field labels, files).
    "填写中": "Draft",
    "待审核": "Pending review",
    "审核通过": "Approved",
    "审核不通过": "Rejected",
    # The same words as actions ("can be done now: …"): gettext-style context, see `tr_in`.
    "action\x04审核通过": "Approve",
    "action\x04审核不通过": "Reject",
    "保存资料": "Save form",
    "更换数据管理员手机号": "Change the data admin's mobile",
    "上传文件": "Upload files",
    "删除文件": "Delete file",
    "提交审核": "Submit for review",
    "修改": "Amend",
    "重置密码": "Reset password",
    "发送文件": "Send documents",
    "重发通知": "Resend notice",
    "医疗机构名称": "Institution",
    "开业日期": "Opened",
    "医疗机构代码": "Inst. code",
    "地址": "Address",
    "诊疗科目": "Specialties",
    "法定代表人": "Legal rep.",
    "数据管理员": "Data administrator",
    "省份": "Province",
    "城市": "City",
    "区县": "District",
    "组织机构代码": "Organization code",
    "盖章的《医疗机构信息收集表》": "Stamped institution information form",
    "盖章的《系统使用须知及同意书》": "Stamped terms of use and consent form",
    "《医疗机构执业许可证》扫描件": "Scan of the practising licence",
    "《医疗机构信息收集表》": "the institution information form",
    "《系统使用须知及同意书》": "the terms of use and consent form",
    # The application's status, as `status_sentence` says it.
    "变更资料：": "Change of details:",
    "资料已齐全，可提交审核": "Details complete, ready to submit for review",
    "等": "etc.",
    "填写中：还差 {count} 项（{fields}）": "Draft: {count} items missing ({fields})",
    "待审核，今天提交": "Pending review, submitted today",
    "待审核，已提交 {days} 天": "Pending review, submitted {days} days ago",
    "审核不通过：{reason}": "Rejected: {reason}",
    "审核不通过（未填写原因）": "Rejected (no reason given)",
    "审核通过，登录名 {login}": "Approved, login name {login}",
    "变更资料：资料已齐全，可提交审核": (
        "Change of details: details complete, ready to submit for review"
    ),
    "变更资料：填写中：还差 {count} 项（{fields}）": (
        "Change of details: draft, {count} items missing ({fields})"
    ),
    "变更资料：待审核，今天提交": "Change of details: pending review, submitted today",
    "变更资料：待审核，已提交 {days} 天": (
        "Change of details: pending review, submitted {days} days ago"
    ),
    "变更资料：审核不通过：{reason}": "Change of details: rejected: {reason}",
    "变更资料：审核不通过（未填写原因）": "Change of details: rejected (no reason given)",
    "变更资料：审核通过，登录名 {login}": "Change of details: approved, login name {login}",
    "变更资料：审核通过": "Change of details: approved",
    # Why the lifecycle refuses an action (domain/_lifecycle.py).
    "已提交待审核的申请不能直接修改资料，请先点“修改”退回填写状态。": (
        "A submitted application awaiting review cannot be edited; press “Amend” "
        "to return it to draft first."
    ),
    "审核不通过的申请不能直接修改资料，请先点“修改”退回填写状态。": (
        "A rejected application cannot be edited; press “Amend” to return it to draft first."
    ),
    "已审核通过的申请不能直接修改资料，请点“修改”发起变更资料申请。": (
        "An approved application cannot be edited; press “Amend” to start a change of details."
    ),
    "申请还在填写中，尚未提交审核，不能审批。": (
        "The application is still a draft and was not submitted, so it cannot be reviewed."
    ),
    "申请已审核通过，不能再次审批。": (
        "The application is already approved and cannot be reviewed again."
    ),
    "申请已审核不通过，需修改并重新提交后才能再次审批。": (
        "The application was rejected; it must be amended and submitted again before "
        "another review."
    ),
    "申请正在填写中，可以直接修改资料，无需点“修改”。": (
        "The application is a draft: edit it directly, no need to press “Amend”."
    ),
    "申请已提交，正在等待审核，无需重复提交。": (
        "The application is already submitted and awaiting review; no need to submit again."
    ),
    "审核不通过的申请需先点“修改”退回填写状态，修改后再提交。": (
        "Press “Amend” to return a rejected application to draft, correct it, then submit again."
    ),
    "申请已审核通过，无需再提交。": "The application is already approved; no need to submit again.",
    "该账号已有一份未完成的变更资料申请，请在那份申请上继续修改。": (
        "This account already has an open change of details; continue on that application."
    ),
    "{state}的申请还没有账号，不能重置密码；账号在审核通过后才会开通。": (
        "An application in “{state}” has no account yet, so there is no password "
        "to reset; the account opens once approved."
    ),
    "“{state}”状态的申请不能{action}。": "An application in “{state}” does not allow “{action}”.",
    # Mobile numbers and e-mail addresses (domain/_contact.py).
    "请填写手机号码。": "Enter the mobile number.",
    "只能使用中国大陆手机号码（国家代码 +86）。": (
        "Only mainland China mobile numbers (country code +86) can be used."
    ),
    "手机号码只能包含数字，“{char}”不是数字。": (
        "A mobile number has only digits; “{char}” is not a digit."
    ),
    "只有": "only",
    "有": "in all",
    "手机号码应为 11 位数字，当前{how_many} {count} 位。": (
        "A mobile number has 11 digits; this one has {how_many} {count}."
    ),
    "手机号码应为 11 位数字，当前只有 {count} 位。": (
        "A mobile number has 11 digits; this one has only {count}."
    ),
    "手机号码应为 11 位数字，当前有 {count} 位。": (
        "A mobile number has 11 digits; this one has {count}."
    ),
    "手机号码应以 13–19 开头，当前以 {prefix} 开头。": (
        "A mobile number starts with 13–19; this one starts with {prefix}."
    ),
    "请填写电子邮箱。": "Enter the e-mail address.",
    "电子邮箱中不能有空格。": "An e-mail address cannot contain spaces.",
    "缺少“@”": "has no “@”",
    "只能有一个“@”": "may have only one “@”",
    "电子邮箱{problem}，例如 zhang@example.com。": (
        "The e-mail address {problem}; for example zhang@example.com."
    ),
    "电子邮箱“@”前面缺少用户名。": "The e-mail address has no user name before “@”.",
    "电子邮箱“@”前面的用户名太长（最多 64 个字符）。": (
        "The user name before “@” is too long (at most 64 characters)."
    ),
    "电子邮箱的用户名中有不能使用的字符“{char}”。": (
        "The e-mail user name has a character that is not allowed: “{char}”."
    ),
    "电子邮箱的用户名不能以“.”开头或结尾，也不能有连续的“..”。": (
        "The e-mail user name cannot start or end with “.” or contain “..”."
    ),
    "电子邮箱“@”后面缺少域名，例如 example.com。": (
        "The e-mail address has no domain after “@”, such as example.com."
    ),
    "电子邮箱的域名中有中文标点，请改为英文句点“.”。": (
        "The e-mail domain has Chinese punctuation; use a plain full stop “.”."
    ),
    "电子邮箱的域名“{domain}”不完整，缺少“.”后缀，例如 .com。": (
        "The e-mail domain “{domain}” is incomplete: it needs a suffix such as .com."
    ),
    "电子邮箱的域名太长。": "The e-mail domain is too long.",
    "电子邮箱的域名“{domain}”格式不对，请核对“@”后面的部分。": (
        "The e-mail domain “{domain}” is not valid; check the part after “@”."
    ),
    "电子邮箱的域名后缀“.{suffix}”不对，例如 .com 或 .cn。": (
        "The e-mail domain suffix “.{suffix}” is not valid; it should be like .com or .cn."
    ),
    # The form's rules (domain/_form_rules.py).
    "请填写医疗机构名称。": "Enter the institution's name.",
    "请填写医疗机构地址的街道和门牌号。": (
        "Enter the street and number of the institution's address."
    ),
    "请填写法定代表人姓名。": "Enter the legal representative's name.",
    "请填写数据管理员姓名。": "Enter the data administrator's name.",
    "请填写法定代表人手机号码。": "Enter the legal representative's mobile number.",
    "请填写数据管理员手机号码。": "Enter the data administrator's mobile number.",
    "请填写数据管理员电子邮箱。": "Enter the data administrator's e-mail address.",
    "请填写开业日期（年和月）。": "Enter the opening date (year and month).",
    "开业日期应写成“年-月”，例如 2019-03，当前是“{value}”。": (
        "Write the opening date as year-month, such as 2019-03; it is “{value}”."
    ),
    "开业日期的月份应在 01–12 之间，当前是 {month}。": (
        "The month of the opening date must be 01–12; it is {month}."
    ),
    "开业日期的年份 {year} 不对，请核对许可证。": (
        "The opening year {year} is not right; check the licence."
    ),
    "开业日期 {value} 晚于本月（{this_month}），不能填写将来的日期。": (
        "The opening date {value} is after this month ({this_month}); it cannot be in the future."
    ),
    "请填写医疗机构代码。": "Enter the institution code.",
    (
        "医疗机构代码中的行政区划 {division}（{division_name}）与地址所在的 {address_division}"
        "（{address_name}）不一致；机构搬迁或代码沿用旧区划时常见，请对照许可证确认。"
    ): (
        "The division {division} ({division_name}) in the institution code differs "
        "from the address's {address_division} ({address_name}); this is common "
        "when an institution moved or its code kept an old division: confirm against "
        "the licence."
    ),
    "请选择医疗机构地址所在的{level}。": "Choose the {level} of the institution's address.",
    "请选择医疗机构地址所在的省份。": "Choose the province of the institution's address.",
    "请选择医疗机构地址所在的城市。": "Choose the city of the institution's address.",
    "请选择医疗机构地址所在的区县。": "Choose the district of the institution's address.",
    "地址中的{level}代码 {code} 不在行政区划中，请重新选择。": (
        "{level} code {code} of the address is not a known division; choose again."
    ),
    "地址中的省份代码 {code} 不在行政区划中，请重新选择。": (
        "The province code {code} of the address is not a known division; choose again."
    ),
    "地址中的城市代码 {code} 不在行政区划中，请重新选择。": (
        "The city code {code} of the address is not a known division; choose again."
    ),
    "地址中的区县代码 {code} 不在行政区划中，请重新选择。": (
        "The district code {code} of the address is not a known division; choose again."
    ),
    "所选{level}“{name}”不属于“{parent}”，请重新选择。": (
        "{level} “{name}” is not in “{parent}”; choose again."
    ),
    "所选城市“{name}”不属于“{parent}”，请重新选择。": (
        "The chosen city “{name}” is not in “{parent}”; choose again."
    ),
    "所选区县“{name}”不属于“{parent}”，请重新选择。": (
        "The chosen district “{name}” is not in “{parent}”; choose again."
    ),
    "诊疗科目中有空白项，请删除或填写。": "There is a blank specialty; delete it or fill it in.",
    "诊疗科目最多填写 {limit} 项，当前有 {count} 项；"
    "二级专业较多时，请只填写许可证上的一级科目。": (
        "At most {limit} specialties, this form has {count}; with many sub-specialties, enter "
        "only the licence's first-level specialties."
    ),
    "诊疗科目“{subject}”有 {length} 个字，每项最多 {limit} 个字；"
    "请一项一项地填写许可证上的科目名称。": (
        "The specialty “{subject}” has {length} characters, at most {limit} each; enter the "
        "licence's specialties one by one."
    ),
    "医疗机构名称最多 {limit} 个字，当前有 {length} 个字，请核对。": (
        "The institution's name has at most {limit} characters; this one has {length}."
    ),
    "街道和门牌号最多 {limit} 个字，当前有 {length} 个字，请精简。": (
        "The street address has at most {limit} characters; this one has {length}."
    ),
    "法定代表人姓名最多 {limit} 个字，当前有 {length} 个字。": (
        "The legal representative's name has at most {limit} characters; this one has {length}."
    ),
    "数据管理员姓名最多 {limit} 个字，当前有 {length} 个字。": (
        "The data administrator's name has at most {limit} characters; this one has {length}."
    ),
    "数据管理员电子邮箱最多 {limit} 个字符，当前有 {length} 个字符，请换一个较短的邮箱。": (
        "The data administrator's email has at most {limit} characters; this one has {length}: "
        "use a shorter address."
    ),
    "还没有上传{title}。": "Not uploaded yet: {title}.",
    "{title}上传了 {count} 份，请删除多余的，只保留一份。": (
        "{title}: {count} copies uploaded; delete the extra ones and keep only one."
    ),
    "上传的{title}盖章件是资料修改前的版本，请重新下载、盖章后上传。": (
        "The stamped copy of {title} is from before the details changed; download "
        "it again, stamp it and upload it."
    ),
    # The institution code (domain/_institution_code.py).
    "9 位组织机构代码 + 6 位行政区划 + 2 位经济类型 + 4 位机构类别 + 1 位管理类别": (
        "9-character organization code + 6-digit division + 2-digit economic type "
        "+ 4-character category + 1-digit management class"
    ),
    "组织机构代码第 9 位校验码应为 {expected}，许可证上是 {found}，请核对许可证后确认。": (
        "The check character (9th) of the organization code should be {expected},"
        " but the licence has {found}; check the licence, then confirm."
    ),
    "，可能漏了一位": ", perhaps one is missing",
    "，可能多了一位": ", perhaps one too many",
    "医疗机构代码应为 22 位（{layout}），当前是 {length} 位{hint}。": (
        "The institution code has 22 characters ({layout}); this one has {length}{hint}."
    ),
    "医疗机构代码应为 22 位（{layout}），当前是 {length} 位。": (
        "The institution code has 22 characters ({layout}); this one has {length}."
    ),
    (
        "这是 9 位组织机构代码，还需要后面的 13 位机构属性代码（完整代码共 22 位，"
        "见执业许可证登记号）。"
    ): (
        "This is the 9-character organization code; the 13-character attribute "
        "code after it is needed too (the full code has 22 characters: the registration "
        "number on the practising licence)."
    ),
    (
        "这像是 18 位统一社会信用代码，但第 {position} 位“{char}”不会出现在信用代码中，"
        "请再核对。医疗机构代码共 22 位，以信用代码的第 9–17 位开头。"
    ): (
        "This looks like an 18-character unified social credit code, but character "
        "{position} “{char}” never appears in one; check again. The institution "
        "code has 22 characters and starts with characters 9–17 of the credit code."
    ),
    (
        "这像是 18 位统一社会信用代码，但最后一位校验码应为 {expected}，读到的是 "
        "{found}，请再核对。医疗机构代码共 22 位，以信用代码的第 9–17 位开头。"
    ): (
        "This looks like an 18-character unified social credit code, but its last "
        "(check) character should be {expected}, not {found}; check again. The "
        "institution code has 22 characters and starts with characters 9–17 of "
        "the credit code."
    ),
    (
        "这是 18 位统一社会信用代码，不是医疗机构代码。22 位医疗机构代码以它的第 "
        "9–17 位 {organization} 开头，后面还有 13 位，见执业许可证登记号。"
    ): (
        "This is an 18-character unified social credit code, not the institution "
        "code. The 22-character institution code starts with its characters 9–17,"
        " {organization}, followed by 13 more: see the registration number on the "
        "practising licence."
    ),
    (
        "这是 18 位数字的省级登记号，不是医疗机构代码。请读执业许可证上 22 位的医疗机构代"
        "码（登记号）：9 位组织机构代码加 13 位机构属性代码。"
    ): (
        "This is an 18-digit provincial registration number, not the institution "
        "code. Read the 22-character institution code (registration number) on "
        "the practising licence: the 9-character organization code plus the 13-character "
        "attribute code."
    ),
    "连字符“-”只能写在前 9 位（组织机构代码）后面。": (
        "A hyphen “-” may only follow the first 9 characters (the organization code)."
    ),
    "医疗机构代码第 {position} 位“{char}”不是数字或字母。": (
        "Character {position} of the institution code, “{char}”, is not a digit or a letter."
    ),
    "医疗机构代码第 10–15 位是行政区划代码，应为 6 位数字，当前是“{value}”。": (
        "Characters 10–15 of the institution code are the division and must be "
        "6 digits; they are “{value}”."
    ),
    "{province}（具体区划不在现行区划中）": "{province} (the exact division is not a current one)",
    "行政区划代码 {division} 不在现行区划中（可能是已撤销的旧区划），请对照许可证确认。": (
        "Division code {division} is not a current division (perhaps an abolished "
        "one); confirm against the licence."
    ),
    "医疗机构代码第 16–17 位是经济类型代码，应为 2 位数字，当前是“{value}”。": (
        "Characters 16–17 of the institution code are the economic type and must "
        "be 2 digits; they are “{value}”."
    ),
    "经济类型代码 {value} 不在已知列表中，请对照许可证确认。": (
        "Economic type code {value} is not in the known list; confirm against the licence."
    ),
    "医疗机构代码第 18–21 位是机构类别代码，应以字母开头（如 A100 综合医院），当前是“{value}”。": (
        "Characters 18–21 of the institution code are the category and must start "
        "with a letter (such as A100, general hospital); they are “{value}”."
    ),
    "（{letter} 类为{class_name}）": " (class {letter}: {class_name})",
    "机构类别代码 {category} 不在已知分类中{hint}，请对照许可证确认。": (
        "Category code {category} is not a known category{hint}; confirm against the licence."
    ),
    "机构类别代码 {category} 不在已知分类中，请对照许可证确认。": (
        "Category code {category} is not a known category; confirm against the licence."
    ),
    "管理类别（第 22 位）应为 1（非营利）、2（营利）或 9（其他），当前是“{value}”。": (
        "The management class (22nd character) must be 1 (non-profit), 2 (for-profit) "
        "or 9 (other); it is “{value}”."
    ),
    # Domain errors' default sentences (domain/_errors.py).
    "操作无法完成。": "The operation could not be completed.",
    "填写的内容不正确。": "What was entered is not correct.",
    "资料中有需要更正的内容。": "Some details on the form need correcting.",
    "当前状态下不能进行此操作。": "This cannot be done in the application's current status.",
    "还不能提交审核：请先处理列出的问题。": (
        "Cannot submit for review yet: deal with the listed problems first."
    ),
    "没有找到对应的记录。": "No matching record was found.",
    "当前账号没有权限进行此操作。": "This account is not allowed to do this.",
    "操作与现有记录冲突。": "This conflicts with an existing record.",
    (
        "该医疗机构已在 HQMS 系统对接过病案首页数据，无需申请新账号，请使用已有 "
        "HQMS 账号密码登录流感医疗服务监测系统。"
    ): (
        "This institution already sends its medical record front pages to HQMS "
        "and needs no new account; sign in to the influenza monitoring system with "
        "the existing HQMS account and password."
    ),
    # The client's own sentences (client/_errors.py, _stream.py, _wire.py).
    "无法连接中央服务，请稍后重试；若持续出现请联系值班技术人员。": (
        "Cannot reach the central service; try again shortly, and call the technician "
        "on duty if it persists."
    ),
    "中央服务响应超时，请稍后重试；若持续出现请联系值班技术人员。": (
        "The central service did not answer in time; try again shortly, and call "
        "the technician on duty if it persists."
    ),
    "中央服务无法完成此操作。": "The central service could not complete this operation.",
    "资料还不完整或有误，暂不能生成文件。": (
        "The details are incomplete or wrong, so the documents cannot be made yet."
    ),
    "请求的内容不正确。": "The request is not valid.",
    "登录已失效，请重新登录。": "Your session has ended; please sign in again.",
    "该医疗机构已在 HQMS 系统对接过病案首页数据，无需申请新账号。": (
        "This institution already sends its medical record front pages to HQMS "
        "and needs no new account."
    ),
    "这次短信验证已经用过了，请重新发送验证码。": (
        "This SMS verification was already used; send a new code."
    ),
    "这一类文件已经上传过一份，请先删除旧的再上传。": (
        "A file of this kind is already uploaded; delete the old one before uploading."
    ),
    "最多只能上传三份文件，请先删除多余的。": (
        "At most three files can be uploaded; delete the extra ones first."
    ),
    "请先开始通话并查到该申请。": "Start a call and look up this application first.",
    "查看完整信息前请先核实来电人身份，或记录不核实的原因。": (
        "Before showing full details, verify the caller or record why not."
    ),
    "这通电话已经结束，不能再记录到它名下。": (
        "This call has ended; nothing more can be recorded on it."
    ),
    "这通电话还没有关联申请：请先查到来电人的申请再核实身份。": (
        "This call has no application yet: look up the caller's application, then "
        "verify the caller."
    ),
    "这不是变更资料申请，没有变更内容可以预览。": (
        "This is not a change of details, so there are no changes to preview."
    ),
    "资料已被他人修改，请刷新后再保存。": "Someone else changed the details; reload before saving.",
    "修改申请时必须带上当前版本号（If-Match）。": (
        "Changing an application needs its current version (If-Match)."
    ),
    "验证码不正确，请让来电人再读一遍短信中的 6 位数字。": (
        "The code is not correct; ask the caller to read the 6 digits in the SMS again."
    ),
    "验证码不是发到该账号登记的手机号，请向登记的手机号重新发送验证码。": (
        "The code was not sent to the account's registered mobile; send a new code "
        "to the registered mobile."
    ),
    "同一个请求编号被用于不同的内容，请重新操作。": (
        "The same request id was used for different content; please do it again."
    ),
    "验证已过期或已用完，请重新发送验证码。": (
        "The verification has expired or is used up; send a new code."
    ),
    "验证码已过期或错误次数过多，请重新发送验证码。": (
        "The code has expired or was entered wrong too often; send a new code."
    ),
    "操作过于频繁，请稍后再试。": "Too many attempts; wait a moment and try again.",
    "验证码发送过于频繁，请稍后再发送。": (
        "Codes were sent too often; wait a while before sending again."
    ),
    "文件不符合上传要求：只接受 JPG 或 PDF，每份不超过 5 MB。": (
        "The file cannot be accepted: only JPG or PDF, at most 5 MB each."
    ),
    "文件超过 5 MB，请压缩或降低扫描分辨率后再上传。": (
        "The file is larger than 5 MB; compress it or scan at a lower resolution,"
        " then upload it again."
    ),
    "文件不是 JPG 或 PDF（按内容判断，与文件名无关），请换成扫描的 JPG 或 PDF。": (
        "The file is not a JPG or PDF (judged by its content, not its name); use "
        "a scanned JPG or PDF."
    ),
    "中央服务内部出错，请稍后重试；若持续出现请联系值班技术人员。": (
        "The central service had an internal error; try again shortly, and call "
        "the technician on duty if it persists."
    ),
    "实时更新连接已断开，正在重新连接…": "Live updates were cut off; reconnecting…",
    "实时更新连接已断开，正在重新连接…（{reason}）": (
        "Live updates were cut off; reconnecting… ({reason})"
    ),
    "中央服务返回了无法识别的内容，请联系值班技术人员。": (
        "The central service sent an answer that cannot be read; call the technician on duty."
    ),
    # Problems the server writes itself (server/_problems.py, idempotency.py, auth.py).
    "无法完成操作": "Operation not completed",
    "填写的内容不正确": "Entry not valid",
    "资料需要更正": "Details need correcting",
    "当前状态不允许此操作": "Not allowed in this status",
    "还不能提交审核": "Cannot submit yet",
    "未找到": "Not found",
    "没有权限": "Not allowed",
    "与现有记录冲突": "Conflicts with a record",
    "已是 HQMS 对接机构": "Already an HQMS institution",
    "暂不能生成文件": "Documents not available yet",
    "登录已过期，请重新登录。": "Your session has expired; please sign in again.",
    "服务内部错误，请稍后重试；若持续出现请联系值班技术人员。": (
        "Internal service error; try again shortly, and call the technician on duty if it persists."
    ),
    "服务内部错误": "Internal service error",
    "未登录": "Not signed in",
    "操作过于频繁": "Too many attempts",
    "缺少版本号": "Version missing",
    "修改申请需要带上 If-Match 版本号（取自上次读取申请时的 ETag），请重新读取申请后再试。": (
        "Changing an application needs the If-Match version (the ETag from when "
        "it was last read); reload the application and try again."
    ),
    "申请已被修改": "Application changed",
    "申请在您读取之后已被他人修改，请重新读取最新内容后再操作。": (
        "Someone else changed the application after you opened it; reload it and try again."
    ),
    "没有这个接口地址，请检查请求路径。": "There is no such API address; check the request path.",
    "方法不允许": "Method not allowed",
    "这个接口不支持该请求方法。": "This API address does not support that request method.",
    "请求无法处理": "Request not handled",
    "请求无法处理，请检查后重试。": "The request could not be handled; check it and try again.",
    "请求中有多处内容不正确，请逐项更正。": (
        "Several parts of the request are not valid; correct them one by one."
    ),
    "请求内容不正确": "Request not valid",
    "重复的请求标识": "Request id reused",
    "这个 Idempotency-Key 已用于另一个内容不同的请求；新的请求请换一个新的标识。": (
        "This Idempotency-Key was used for a different request; use a new key for a new request."
    ),
    "Idempotency-Key 不能为空，且不能超过 {max_length} 个字符。": (
        "The Idempotency-Key cannot be empty or longer than {max_length} characters."
    ),
    "申请人凭证只能查看和办理自己的申请，此操作需要热线坐席登录。": (
        "An applicant's credential reaches only its own application; this needs "
        "a hotline operator signed in."
    ),
    "请先登录。": "Please sign in first.",
    "此操作需要{roles}权限，当前账号是{role}。": (
        "This needs the {roles} role; this account is {role}."
    ),
    "坐席": "operator",
    "审核员": "reviewer",
    "管理员": "administrator",
    "没有编号为 {application_id} 的申请，请核对编号。": (
        "There is no application {application_id}; check the number."
    ),
    "此操作只能由热线坐席进行。": "Only a hotline operator can do this.",
    "请先登录或完成短信验证。": "Please sign in or complete the SMS verification first.",
    "北京时间 {time}": "{time} Beijing time",
    "北京时间 {month}月{day}日 {time}": "{time} Beijing time on {month}/{day}",
    # Request validation (server/_validation_messages.py): a field's label, then the sentence.
    "用户名": "User name",
    "密码": "Password",
    "手机号": "Mobile number",
    "搜索内容": "Search text",
    "审核状态": "Review status",
    "翻页位置": "Page position",
    "每页条数": "Rows per page",
    "请求内容": "Request body",
    "不能为空，请填写。": "cannot be empty; please fill it in.",
    "{field}不能为空，请填写。": "{field} cannot be empty; please fill it in.",
    "太短，至少需要 {min_length} 个字符。": "is too short: at least {min_length} characters.",
    "{field}太短，至少需要 {min_length} 个字符。": (
        "{field} is too short: at least {min_length} characters."
    ),
    "太长，最多 {max_length} 个字符。": "is too long: at most {max_length} characters.",
    "{field}太长，最多 {max_length} 个字符。": (
        "{field} is too long: at most {max_length} characters."
    ),
    "应为整数。": "must be a whole number.",
    "{field}应为整数。": "{field} must be a whole number.",
    "应不小于 {minimum}。": "must be at least {minimum}.",
    "{field}应不小于 {minimum}。": "{field} must be at least {minimum}.",
    "应不大于 {maximum}。": "must be at most {maximum}.",
    "{field}应不大于 {maximum}。": "{field} must be at most {maximum}.",
    "只能是以下之一：{expected}。": "must be one of: {expected}.",
    "{field}只能是以下之一：{expected}。": "{field} must be one of: {expected}.",
    "格式不正确，应为 JSON 对象。": "is not valid: it must be a JSON object.",
    "{field}格式不正确，应为 JSON 对象。": "{field} is not valid: it must be a JSON object.",
    "应为文字。": "must be text.",
    "{field}应为文字。": "{field} must be text.",
    "应为 true 或 false。": "must be true or false.",
    "{field}应为 true 或 false。": "{field} must be true or false.",
    "格式不正确。": "is not in the right form.",
    "{field}格式不正确。": "{field} is not in the right form.",
    # Sign-in and accounts (server/routes, server/services).
    "登录失败": "Sign-in failed",
    "登录名（或手机号）或密码不正确；初始密码见账号开通邮件。": (
        "The login name (or mobile) or the password is not correct; the first password "
        "is in the account opening e-mail."
    ),
    "请先登录机构账号。": "Please sign in with the institution's account first.",
    "当前密码不正确，请重新输入；如已忘记，请致电热线重置密码。": (
        "The current password is not correct; enter it again, or call the hotline "
        "to reset a forgotten one."
    ),
    "用户名或密码不正确。": "The user name or password is not correct.",
    "密码不正确，请重新输入您自己的登录密码；连续输错多次会暂时锁定登录。": (
        "The password is not correct; enter your own password again. Several wrong "
        "tries in a row lock signing in for a while."
    ),
    "登录已暂时锁定": "Signing in is locked",
    "登录失败次数过多，账号已暂时锁定，请在 {until} 之后再试。": (
        "Too many failed sign-ins: the account is locked for now; try again after {until}."
    ),
    "密码不正确": "Wrong password",
    "登录已失效（已过期，或密码已重置、数据管理员已变更），请重新登录。": (
        "The session has ended (expired, or the password was reset or the data "
        "administrator changed); please sign in again."
    ),
    "新密码至少需要 {min_length} 个字符，并且同时包含字母和数字，请重新设置。": (
        "The new password needs at least {min_length} characters with both letters "
        "and digits; choose another."
    ),
    "新密码不能与当前密码相同，请换一个新密码。": (
        "The new password cannot be the current one; choose another."
    ),
    "该医疗机构已开通账号（登录名 {login}），如需修改资料请办理“变更资料”。": (
        "This institution already has an account (login name {login}); to change "
        "its details, start a “change of details”."
    ),
    "没有编号为 {account_id} 的账号，请核对账号编号。": (
        "There is no account {account_id}; check the account number."
    ),
    "用户名不能为空。": "The user name cannot be empty.",
    "密码太短：至少需要 {min_length} 个字符。": (
        "The password is too short: at least {min_length} characters."
    ),
    "用户名 {username} 已经存在，请换一个。": "The user name {username} is taken; choose another.",
    "审核只能由审核员进行。": "Only a reviewer can review.",
    "请填写审核不通过的原因，它会发给数据管理员。": (
        "Give the reason for rejecting; it is sent to the data administrator."
    ),
    "此操作需要审核员或管理员权限，当前账号是{role}。": (
        "This needs a reviewer or administrator; this account is {role}."
    ),
    "中央服务暂时连不上数据库，请稍后重试。": (
        "The central service cannot reach its database right now; try again shortly."
    ),
    "数据库不可用": "Database unavailable",
    # Calls and the caller's identity.
    "请填写查看完整信息的原因，它会记入审计记录。": (
        "Give the reason for showing full details; it goes into the audit record."
    ),
    "已有短信验证凭证时不要再填写不核实的原因，二者只能选一个。": (
        "With an SMS verification there is no reason for not verifying: give one or the other."
    ),
    "请让来电人读出发到登记手机号的验证码完成核实，或填写不核实来电人身份的原因。": (
        "Ask the caller to read the code sent to the registered mobile, or give "
        "the reason for not verifying the caller."
    ),
    "需要在通话中查看": "Only during a call",
    "请先开始通话并查到该申请，再查看完整信息。": (
        "Start a call and look up this application before showing full details."
    ),
    "来电人身份尚未核实": "Caller not verified",
    "备注太长：最多 {max_length} 个字，请精简后再保存。": (
        "The note is too long: at most {max_length} characters; shorten it and save again."
    ),
    "备注不能为空，请写下这次通话的要点。": "The note is empty: write the call's key points.",
    (
        "验证码不是发到该申请登记的手机号 {phone} 上的，不能用来核实来电人身份；"
        "请向登记的手机号重新发送验证码，让来电人读出收到的验证码。"
    ): (
        "The code was not sent to the application's registered mobile {phone}, "
        "so it cannot verify the caller; send a new code to the registered mobile "
        "and ask the caller to read it out."
    ),
    "请填写不核实来电人身份的原因。": "Give the reason for not verifying the caller.",
    "通话已结束": "Call ended",
    "这通电话已经结束，不能再更改；如对方仍在线，请开始新的通话。": (
        "This call has ended and cannot be changed; if the caller is still on the "
        "line, start a new call."
    ),
    "通话还没有关联申请": "Call has no application",
    "请先查到来电人要办理的申请，再核实来电人身份。": (
        "Look up the caller's application first, then verify the caller."
    ),
    "没有编号为 {call_id} 的通话记录，请重新开始通话。": (
        "There is no call {call_id}; start the call again."
    ),
    "只能更改自己接听的通话记录。": "Only the operator who took a call can change its record.",
    # Applications, changes, documents and files.
    (
        "医疗机构代码 {code} 已有一份未完成的申请，同一机构同时只能有一份申请；"
        "请在那份申请上继续办理。"
    ): (
        "Institution code {code} already has an open application, and an institution "
        "may have only one at a time; continue on that application."
    ),
    "那份申请": "that application",
    "该机构已有另一份未完成的申请{which}，{what}；请在{where}上继续办理。": (
        "The institution has another open application{which}, so {what}; continue on {where}."
    ),
    "该机构已有另一份未完成的申请，{what}；请在{where}上继续办理。": (
        "The institution has another open application, so {what}; continue on {where}."
    ),
    "不能再办理变更资料": "no change of details can be started",
    "不能再修改这份申请": "this application cannot be amended",
    "不是变更资料申请": "Not a change of details",
    "资料刚刚被修改，文件需要按最新资料重新生成，请再发送一次。": (
        "The details just changed and the documents must be made again from them;"
        " send them once more."
    ),
    "还没有填写数据管理员的电子邮箱，无法发送文件；请先在资料中填写。": (
        "The data administrator's e-mail is missing, so the documents cannot be "
        "sent; add it to the details first."
    ),
    (
        "数据管理员手机号需经短信验证，不能在资料中直接修改；请使用“更换数据管理员手机号”"
        "，验证新号码后再更换。"
    ): (
        "The data administrator's mobile needs an SMS check and cannot be edited "
        "on the form; use “Change the data admin's mobile” and verify the new number."
    ),
    "文件太大": "File too large",
    "文件大小为 {size} MB，超过了 5 MB 的上限；请降低扫描分辨率或压缩后再上传。": (
        "The file is {size} MB, over the 5 MB limit; scan at a lower resolution "
        "or compress it, then upload it again."
    ),
    "文件格式不支持": "File type not supported",
    (
        "文件内容不是 JPG 或 PDF（看起来是{looks_like}），只看内容、不看扩展名；"
        "请上传盖章后的扫描件，保存为 JPG 或 PDF。"
    ): (
        "The file's content is not JPG or PDF (it looks like {looks_like}); only "
        "the content counts, not the name. Upload the stamped scan saved as JPG "
        "or PDF."
    ),
    "PNG 图片": "a PNG image",
    "GIF 图片": "a GIF image",
    "Word/Excel 或压缩包": "a Word/Excel file or an archive",
    "文本文件": "a text file",
    "无法识别的格式": "an unknown format",
    "文件已满": "Files full",
    (
        "每份申请最多上传 {max_files} 个文件，已经上传了 {count} 个；如需更换，"
        "请先删除要替换的那一个。"
    ): (
        "An application takes at most {max_files} files and {count} are uploaded;"
        " to replace one, delete it first."
    ),
    "该文件已上传": "File already uploaded",
    "{title}已经上传过一份；如需更换，请先删除原来的再上传。": (
        "{title} is already uploaded; to replace it, delete the old one first."
    ),
    "申请 {application_id} 中没有编号为 {file_id} 的文件。": (
        "Application {application_id} has no file {file_id}."
    ),
    "翻页位置无效，请从第一页重新查询。": (
        "The page position is not valid; search again from the first page."
    ),
    "这份申请不是变更资料申请，审核通过不会改动已有账号，没有变更预览。": (
        "This application is not a change of details: approving it changes no account,"
        " so there is no preview."
    ),
    # Password resets, notices and how often they may be sent.
    (
        "还没有完成来电人验证：请先向该账号登记的手机号发送重置密码验证码，请来电人读出验"
        "证码并验证通过后再重置。"
    ): (
        "The caller is not verified yet: send a reset code to the account's registered "
        "mobile, have the caller read it out, and reset once it is confirmed."
    ),
    "该账号今天已重置密码 {count} 次，已达上限；请明天（北京时间零点后）再办理。": (
        "This account's password was reset {count} times today, the limit; try "
        "again tomorrow (after midnight Beijing time)."
    ),
    (
        "该账号的密码刚刚重置过，每 10 分钟只能重置一次；请在{when}之后（约 {minutes} "
        "分钟后）再办理。"
    ): (
        "This account's password was just reset, and it can be reset once every "
        "10 minutes; try again after {when} (in about {minutes} minutes)."
    ),
    (
        "验证码不是发到该账号登记的手机号（{phone}）的，不能用来重置密码；请向登记的手机号"
        "重新发送验证码。"
    ): (
        "The code was not sent to the account's registered mobile ({phone}), so "
        "it cannot reset the password; send a new code to the registered mobile."
    ),
    "该账号没有登记数据管理员的电子邮箱，无法发送新密码；请办理“变更资料”。": (
        "The account has no data administrator e-mail, so the new password cannot "
        "be sent; start a “change of details”."
    ),
    "这份申请还没有开通账号，没有可以重置的密码；请先查到已审核通过的申请。": (
        "This application has no account yet, so there is no password to reset;"
        " look up the approved application."
    ),
    "这份申请未审核通过，还没有账号，没有账号开通通知可以重发。": (
        "This application is not approved and has no account, so there is no account "
        "notice to resend."
    ),
    "这份申请已审核通过，没有审核不通过通知可以重发；可以重发账号开通通知。": (
        "This application is approved, so there is no rejection notice to resend;"
        " the account notice can be resent."
    ),
    "账号没有登记数据管理员的电子邮箱，无法重发通知；请办理变更资料补充邮箱。": (
        "The account has no data administrator e-mail, so the notice cannot be "
        "resent; add one with a change of details."
    ),
    (
        "资料中没有数据管理员的电子邮箱，无法重发通知；请直接告知对方审核不通过的原因（见"
        "申请详情的审核意见），修改资料时补充邮箱。"
    ): (
        "The details have no data administrator e-mail, so the notice cannot be "
        "resent; tell the caller the reason for rejection (see the review on the "
        "application) and add an e-mail when amending."
    ),
    "{what}刚刚{verb}过，每 {interval} 分钟只能{verb}一次；请在 {wait} 分钟后再{verb}。": (
        "{what}: just done ({verb}); {verb} is allowed once every {interval} minutes;"
        " try again in {wait} minutes."
    ),
    "今天已{verb}{what} {count} 次，已达上限；请在 {wait} 分钟后（北京时间零点后）再{verb}。": (
        "{what}: {verb} {count} times today, the limit; try again in {wait} minutes "
        "(after midnight Beijing time)."
    ),
    "文件刚刚发送过，每 {interval} 分钟只能发送一次；请在 {wait} 分钟后再发送。": (
        "The documents were just sent; they can be sent once every {interval} minutes. "
        "Send again in {wait} minutes."
    ),
    "账号开通通知刚刚重发过，每 {interval} 分钟只能重发一次；请在 {wait} 分钟后再重发。": (
        "The account notice was just resent; it can be resent once every {interval} "
        "minutes. Resend in {wait} minutes."
    ),
    "审核不通过通知刚刚重发过，每 {interval} 分钟只能重发一次；请在 {wait} 分钟后再重发。": (
        "The rejection notice was just resent; it can be resent once every {interval} "
        "minutes. Resend in {wait} minutes."
    ),
    "今天已发送文件 {count} 次，已达上限；请在 {wait} 分钟后（北京时间零点后）再发送。": (
        "The documents were sent {count} times today, the limit; send again in "
        "{wait} minutes (after midnight Beijing time)."
    ),
    "今天已重发账号开通通知 {count} 次，已达上限；请在 {wait} 分钟后（北京时间零点后）再重发。": (
        "The account notice was resent {count} times today, the limit; resend in "
        "{wait} minutes (after midnight Beijing time)."
    ),
    "今天已重发审核不通过通知 {count} 次，已达上限；请在 {wait} 分钟后（北京时间零点后）再重发。": (
        "The rejection notice was resent {count} times today, the limit; resend "
        "in {wait} minutes (after midnight Beijing time)."
    ),
    # SMS verification (server/services/verifications.py, _verification_limits.py).
    "重置密码和核实来电人身份的短信验证由热线坐席发起，请先登录坐席账号。": (
        "SMS checks for password resets and caller verification are started by "
        "a hotline operator; sign in as an operator first."
    ),
    "只有重置密码和核实来电人身份的验证码按申请发到登记的手机号；其他用途请填写手机号。": (
        "Only reset and caller-verification codes go to an application's registered "
        "mobile; for anything else give a mobile number."
    ),
    "按申请发送时不要填写手机号：验证码只发到这份申请登记的手机号，不发到来电人报的号码。": (
        "Give no mobile number when sending for an application: the code goes only "
        "to its registered mobile, never to a number the caller gives."
    ),
    "发送过于频繁": "Sent too often",
    "验证码刚刚发送过，请等待 {seconds} 秒后再重新发送。": (
        "A code was just sent; wait {seconds} seconds before sending another."
    ),
    "该手机号今天已发送 {count} 次验证码，已达上限，请明天（北京时间零点后）再试。": (
        "This mobile got {count} codes today, the limit; try again tomorrow (after "
        "midnight Beijing time)."
    ),
    "账号申请": "Account application",
    "更换数据管理员": "Change of data administrator",
    "核实来电人身份": "Verify the caller",
    "验证已失效": "Verification expired",
    "验证已使用": "Verification used",
    "验证未通过": "Verification failed",
    "验证的手机号不符": "Verified mobile does not match",
    "该手机号没有已开通的账号。": "This mobile number has no open account.",
    "没有这条验证记录，请重新获取验证码。": "There is no such verification; request a new code.",
    "这个验证码已经验证过了，不能再次使用；如需再次验证请重新获取。": (
        "This code was already confirmed and cannot be used again; request a new "
        "one to verify again."
    ),
    "验证码已过期（有效期 5 分钟），请重新获取验证码。": (
        "The code has expired (it lasts 5 minutes); request a new code."
    ),
    "验证码输错次数过多，已失效，请重新获取验证码。": (
        "The code was entered wrong too often and no longer works; request a new code."
    ),
    "验证码不正确，已没有剩余次数，请重新获取验证码。": (
        "The code is not correct and no tries are left; request a new code."
    ),
    "验证码不正确，请核对后重新输入，还可以再试 {tries_left} 次。": (
        "The code is not correct; check it and enter it again ({tries_left} tries left)."
    ),
    "验证凭证无效：请先完成“{purpose}”的短信验证，再用得到的凭证重试。": (
        "The verification credential is not valid: complete the SMS check for “{purpose}”"
        " first, then retry with its credential."
    ),
    "这个验证凭证已经用过了，每次验证只能使用一次；请重新验证手机号。": (
        "This verification credential was already used, and each can be used once;"
        " verify the mobile again."
    ),
    "验证凭证已过期（验证后 30 分钟内有效），请重新验证手机号。": (
        "The verification credential has expired (it lasts 30 minutes); verify the mobile again."
    ),
}
