"""《系统使用须知及同意书》: the terms of use from the wording file, the institution named, to
stamp."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ._content import DocumentContent
from ._page import Furniture, build_pdf
from ._parts import seal_block, title_block
from ._styles import CONTENT_WIDTH, LABEL_FILL, Styles, form_table_style, paragraph
from ._texts import DocumentTexts, filled

NAME_LABEL = "医疗机构名称"
CODE_LABEL = "医疗机构代码"
LABEL_WIDTH = 28 * mm


def consent_pdf(content: DocumentContent, texts: DocumentTexts) -> tuple[bytes, int]:
    """The document and its number of pages."""
    values = content.placeholders()
    story: list[Flowable] = [
        title_block("consent.title", texts, content),
        Spacer(1, 3 * mm),
        _institution_table(content),
        Spacer(1, 2.5 * mm),
        paragraph(filled(texts.text("consent.intro"), values), Styles.body),
    ]
    number = 0
    for section in texts.sections:
        story.append(paragraph(filled(section.heading, values), Styles.heading))
        for clause in section.clauses:
            number += 1
            story.append(paragraph(f"{number}. {filled(clause, values)}", Styles.clause))
    story.append(seal_block("consent.agreement", texts, content))
    title = filled(texts.text("consent.title"), values)
    furniture = Furniture.of(texts, content)
    return build_pdf(story, title=title, subject=str(content.fingerprint), furniture=furniture)


def _institution_table(content: DocumentContent) -> Table:
    rows = [
        [paragraph(NAME_LABEL, Styles.label), paragraph(content.name, Styles.value)],
        [paragraph(CODE_LABEL, Styles.label), paragraph(content.code, Styles.value)],
    ]
    return Table(
        rows,
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
        style=form_table_style(("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)),
    )
