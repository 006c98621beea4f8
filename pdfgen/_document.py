"""A document as a PDF file: blocks flowed onto A4 pages with the furniture, same bytes for the
same input.

Every page: the system's name as a header, the no-alteration note, the fingerprint and
"第 1 页 共 N 页" as a footer. The part of the furniture that is the same on every page is
written once per process. The objects: 1 the catalog, 2 the page tree, 3 the document's
information, 4 the resources every page shares (the font subsets), then the fixed subsets'
objects (copied, `_font_objects`), the document's own subsets, and each page with its content.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ._blocks import Block, Page, fixed_runs
from ._encoding import DocumentEncoding, FixedEncoding, Run, fixed_encoding
from ._flow import Frame, paginate
from ._font_objects import (
    FIRST_FONT_OBJECT,
    fixed_font_objects,
    font_object,
    font_resource_name,
    own_font_objects,
)
from ._layout import (
    AUTHORITY,
    FRAME_PADDING,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MM,
    MUTED,
    NO_ALTERATION,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SYSTEM,
)
from ._pdf_syntax import number, numbers, pdf_file, reference, stream, text_string
from ._text import TextStyle, text_operators

FINGERPRINT_LABEL = "文件指纹："
FOOTER_Y = 12 * MM
HEADER_STYLE = TextStyle(9, 11, MUTED)
FOOTER_STYLE = TextStyle(8.5, 10, MUTED)
# The furniture's fixed text, for the documents' fixed characters.
FURNITURE_TEXT = f"{AUTHORITY}{SYSTEM}{NO_ALTERATION}{FINGERPRINT_LABEL}第页共"
FRAME = Frame(
    left=MARGIN_X + FRAME_PADDING,
    bottom=MARGIN_BOTTOM + FRAME_PADDING,
    width=PAGE_WIDTH - 2 * (MARGIN_X + FRAME_PADDING),
    top=PAGE_HEIGHT - MARGIN_TOP - FRAME_PADDING,
)
CATALOG, PAGE_TREE, INFO, RESOURCES = 1, 2, 3, 4
MEDIA_BOX = f"[0 0 {numbers(PAGE_WIDTH, PAGE_HEIGHT)}]"
CREATOR = "hqms-desk"


def build_pdf(
    blocks: list[Block], *, title: str, fingerprint_text: str, fixed_characters: str
) -> bytes:
    """The PDF of `blocks` on A4 pages with the furniture.

    `fixed_characters` (`_encoding.fixed_characters` of all the document's fixed text) get
    the fixed codes; the form's other characters get codes of the document's own.
    """
    fixed = fixed_encoding(fixed_characters)
    encoding = DocumentEncoding(fixed)
    pages = paginate(blocks, FRAME)
    contents = []
    for page_number, placed in enumerate(pages, start=1):
        page = Page(encoding, [_fixed_furniture(fixed)])
        for block, x, y in placed:
            block.draw(page, x, y)
        footer = f"{FINGERPRINT_LABEL}{fingerprint_text}"
        count = f"第 {page_number} 页 共 {len(pages)} 页"
        page.operators.append(_line_at(footer, FOOTER_STYLE, FOOTER_Y, encoding.runs, "left"))
        page.operators.append(_line_at(count, FOOTER_STYLE, FOOTER_Y, encoding.runs, "right"))
        contents.append("\n".join(page.operators).encode("ascii"))
    return _file(contents, encoding, title, fingerprint_text)


def _file(contents: list[bytes], encoding: DocumentEncoding, title: str, subject: str) -> bytes:
    fixed_objects = fixed_font_objects(encoding.fixed)
    own_objects = own_font_objects(len(encoding.fixed.subsets), encoding.own_subsets)
    first_page = FIRST_FONT_OBJECT + len(fixed_objects) + len(own_objects)
    page_numbers = [first_page + 2 * index for index in range(len(contents))]
    kids = " ".join(reference(page) for page in page_numbers)
    fonts = " ".join(
        f"/{font_resource_name(subset)} {reference(font_object(subset))}"
        for subset in range(encoding.subset_count)
    )
    info = b"".join(
        (
            b"<< /Title ",
            text_string(title),
            b" /Author ",
            text_string(f"{SYSTEM}（HQMS）"),
            b" /Subject ",
            text_string(subject),
            f" /Creator ({CREATOR}) /Producer ({CREATOR}) >>".encode("ascii"),
        )
    )
    objects = [
        f"<< /Type /Catalog /Pages {reference(PAGE_TREE)} >>".encode("ascii"),
        f"<< /Type /Pages /Kids [{kids}] /Count {len(contents)} >>".encode("ascii"),
        info,
        f"<< /Font << {fonts} >> /ProcSet [/PDF /Text] >>".encode("ascii"),
        *fixed_objects,
        *own_objects,
    ]
    for page, content in zip(page_numbers, contents, strict=True):
        objects.append(
            f"<< /Type /Page /Parent {reference(PAGE_TREE)} /MediaBox {MEDIA_BOX}"
            f" /Resources {reference(RESOURCES)} /Contents {reference(page + 1)} >>".encode("ascii")
        )
        objects.append(stream(content))
    identity = "\n".join((title, subject, str(len(contents)))).encode()
    return pdf_file(objects, root=CATALOG, info=INFO, identity=identity)


def _line_at(
    text: str, style: TextStyle, baseline: float, encode: Callable[[str], list[Run]], align: str
) -> str:
    """One line across the page's text width, aligned `align`, its baseline at `baseline`."""
    line_style = TextStyle(style.size, style.leading, style.color, align=align)
    box = (MARGIN_X, baseline + style.size, PAGE_WIDTH - 2 * MARGIN_X)
    return text_operators([text], line_style, box, encode)


@lru_cache(maxsize=4)
def _fixed_furniture(fixed: FixedEncoding) -> str:
    """What is the same on every page: header, rules, the no-alteration note."""
    top = PAGE_HEIGHT - 13 * MM

    def line(text: str, style: TextStyle, baseline: float, align: str) -> str:
        return _line_at(text, style, baseline, lambda text: fixed_runs(fixed, text), align)

    rules = (
        f"q {LINE} RG {number(0.8)} w"
        f" {numbers(MARGIN_X, top - 2.5 * MM)} m {numbers(PAGE_WIDTH - MARGIN_X, top - 2.5 * MM)} l"
        f" {numbers(MARGIN_X, FOOTER_Y + 9 * MM)} m"
        f" {numbers(PAGE_WIDTH - MARGIN_X, FOOTER_Y + 9 * MM)} l S Q"
    )
    return "\n".join(
        (
            line(AUTHORITY, HEADER_STYLE, top, "left"),
            line(SYSTEM, HEADER_STYLE, top, "right"),
            rules,
            line(NO_ALTERATION, FOOTER_STYLE, FOOTER_Y + 4.5 * MM, "centre"),
        )
    )
