"""Reference tables for the segments of the 22-character institution code.

Real licences carry values beyond these lists; a value missing here is a warning the operator
confirms after reading the licence, never a refusal.
"""

from __future__ import annotations

# First two digits of GB/T 12402 (经济类型). 41 and 90 are not in the standard's first level
# but appear on real licences.
ECONOMIC_TYPES: dict[str, str] = {
    "11": "国有全资",
    "12": "集体全资",
    "13": "股份合作",
    "14": "联营",
    "15": "有限责任（公司）",
    "16": "股份有限（公司）",
    "17": "私有",
    "19": "其他内资",
    **{f"2{d}": "港澳台投资" for d in "12345678"},
    "29": "其他港澳台投资",
    **{f"3{d}": "外商投资" for d in "12345678"},
    "39": "其他外商投资",
    "41": "个体",
    "90": "其他",
}

# WS 218-2002 卫生机构（组织）分类. Keys are codes or code prefixes; the longest matching key
# wins, so "A511" is a 专科医院 through "A5".
CATEGORIES: dict[str, str] = {
    "A100": "综合医院",
    "A210": "中医（综合）医院",
    "A220": "中医专科医院",
    "A300": "中西医结合医院",
    "A4": "民族医院",
    "A5": "专科医院",
    "A600": "疗养院",
    "A7": "护理院（站）",
    "B100": "社区卫生服务中心",
    "B200": "社区卫生服务站",
    "C100": "街道卫生院",
    "C210": "中心卫生院",
    "C220": "乡卫生院",
    "D1": "门诊部",
    "D2": "诊所",
    "D300": "卫生所（室）",
    "D400": "医务室",
    "D500": "中小学卫生保健所",
    "D600": "村卫生室",
    "E": "急救中心（站）",
    "F": "采供血机构",
    "G": "妇幼保健院（所、站）",
    "H": "专科疾病防治院（所、站）",
    "J": "疾病预防控制中心",
    "K": "卫生监督所（局）",
    "L": "卫生监督检验（监测、检测）所（站）",
    "M": "医学科学研究机构",
    "N": "医学教育机构",
    "O": "健康教育所（站、中心）",
    "P": "其他卫生机构",
    "Q": "卫生社会团体",
}

# The first letter alone, used to say which class an unlisted category belongs to.
CATEGORY_CLASSES: dict[str, str] = {
    "A": "医院",
    "B": "社区卫生服务中心（站）",
    "C": "卫生院",
    "D": "门诊部、诊所、卫生所（室）、医务室、村卫生室",
    **{letter: label for letter, label in CATEGORIES.items() if len(letter) == 1},
}

MANAGEMENT_CLASSES: dict[str, str] = {"1": "非营利", "2": "营利", "9": "其他"}


def category_label(category: str) -> str | None:
    """The label of the longest listed prefix of `category`, or None when none is listed."""
    for length in range(len(category), 0, -1):
        label = CATEGORIES.get(category[:length])
        if label is not None:
            return label
    return None
