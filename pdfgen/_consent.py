"""《系统使用须知及同意书》: our terms of use, the institution named, to sign and stamp."""

from __future__ import annotations

from ._blocks import Block, FixedText, Spacer, Text
from ._content import DocumentContent
from ._document import build_pdf
from ._encoding import fixed_characters
from ._grid import Cell
from ._layout import CONTENT_WIDTH, HOTLINE, MM, SYSTEM, Styles, bordered_table, label_cell
from ._parts import SHARED_FIXED_TEXT, heading, signing

TITLE = "系统使用须知及同意书"
INTRO = (
    f"为保障流感医疗服务监测工作顺利开展、保护监测数据安全，申请使用{SYSTEM}（以下简称“本系统”）"
    "的医疗机构（以下简称“本机构”）应阅读并同意以下须知。"
)
# Our own terms (DESIGN §2 and the seed's rules), numbered across sections.
TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "一、账号与责任",
        (
            "本系统账号由本机构申请，审核通过后开通，仅供本机构报送和查询流感医疗服务监测数据，"
            "不得转让、出借或与其他机构共用。",
            "登录名、手机号码和密码是本机构在本系统中的身份凭证；以本机构账号进行的全部操作视为"
            "本机构的行为，由本机构负责。",
            "初始密码只通过电子邮件发送给数据管理员，任何工作人员都不会索要密码。首次登录后应立即"
            "修改密码；发现账号可能被他人使用时，应立即修改密码并联系技术支持。",
        ),
    ),
    (
        "二、数据安全与保密",
        (
            "本机构保证报送的数据真实、准确、完整、及时，并依法履行患者个人信息保护义务。",
            "通过本系统获得的数据和资料仅用于医疗质量监测与管理工作，未经许可不得向第三方提供、"
            "公开或用于其他目的。",
            "本机构应在安全的计算机和网络环境中使用本系统，及时更新前置机程序，不在公共设备上"
            "保存账号和密码。",
        ),
    ),
    (
        "三、数据管理员职责",
        (
            "数据管理员由本机构指定，负责本机构账号的日常管理：保管登录信息，组织并核对数据报送，"
            "接收和处理系统通知。",
            "数据管理员手机号码用于登录系统和接收短信，电子邮箱用于接收账号通知和找回密码；"
            "号码或邮箱变化时应及时申请变更。",
        ),
    ),
    (
        "四、人员变更",
        (
            "数据管理员或法定代表人变更时，本机构应在本系统通过“变更资料”提交新的资料，重新下载、"
            "签字盖章并上传《医疗机构信息收集表》和本同意书，审核通过后生效。",
            "更换数据管理员的变更审核通过后，系统重置本机构账号：原密码和已登录的会话失效，"
            "登录信息和新的初始密码发送给新的数据管理员。变更生效前，原账号和原资料继续有效。",
            "原数据管理员离岗时，本机构应及时办理变更，并确保其不再使用本机构账号。",
        ),
    ),
    (
        "五、其他",
        (
            "本须知自本机构签字盖章并经审核通过之日起生效。使用中如有疑问，请拨打技术支持电话 "
            f"{HOTLINE}（周一至周五 8:30—17:30，节假日除外）。",
        ),
    ),
)
AGREEMENT = "本机构已阅读并理解上述须知，同意遵守。"
NAME_LABEL = "医疗机构名称"
CODE_LABEL = "医疗机构代码"
FIXED_CHARACTERS = fixed_characters(
    SHARED_FIXED_TEXT,
    TITLE,
    INTRO,
    *(section + "".join(items) for section, items in TERMS),
    AGREEMENT,
    NAME_LABEL,
    CODE_LABEL,
)


def consent_pdf(content: DocumentContent) -> bytes:
    blocks: list[Block] = [
        *heading(TITLE, content),
        _institution_table(content),
        Spacer(3 * MM),
        FixedText(INTRO, Styles.body),
    ]
    number = 0
    for section, items in TERMS:
        blocks.append(FixedText(section, Styles.heading))
        for item in items:
            number += 1
            blocks.append(FixedText(f"{number}. {item}", Styles.term))
    blocks += [Spacer(4 * MM), signing(AGREEMENT, content)]
    return build_pdf(
        blocks,
        title=TITLE,
        fingerprint_text=str(content.fingerprint),
        fixed_characters=FIXED_CHARACTERS,
    )


def _institution_table(content: DocumentContent) -> Block:
    label_width = 32 * MM
    rows = [
        [label_cell(NAME_LABEL, 0), Cell((Text(content.name, Styles.value),), 1)],
        [label_cell(CODE_LABEL, 0), Cell((Text(content.code, Styles.value),), 1)],
    ]
    return bordered_table(rows, (label_width, CONTENT_WIDTH - label_width))
