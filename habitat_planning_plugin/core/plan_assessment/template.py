"""The scorecard template: a bilingual XLSX workbook for one assessor of one plan, in the table format that
scorecards.read_scorecard reads (the plan details as key, value rows, then one row per criterion), with a drop-down
of 0, 1, 2, 3 and NA for the scores."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Dict, List, Tuple, Union

from ..files import atomic_write
from ..text import HabitatError, tr
from .scorecards import META_KEYS

if TYPE_CHECKING:
    from .scorecards import Framework

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # characters an Excel cell cannot hold
HEADER = ["criterion", "score", "comment", "evidence", "theme / 主题", "question", "问题", "0 / 1 / 2 / 3"]
SCORE_CHOICES = '"0,1,2,3,NA"'
COLUMN_WIDTHS = (22, 8, 30, 18, 26, 50, 36, 70)  # A to H


def scorecard_workbook(
    framework: Framework, plan: str = "", city: str = "", year: Union[int, str, None] = "", assessor: str = ""
) -> Tuple[Any, int]:
    """(workbook, control characters removed): the template of ``framework`` with the plan details filled in.

    Text stays text: "=…" is never a formula (a plan named "=1+1" is a name), and characters a cell cannot hold
    (from text pasted into the framework) are removed and counted."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    values: Dict[str, Any] = {
        "framework": framework.id,
        "framework_version": framework.version,
        "plan": plan or "",
        "city": city or "",
        "year": "" if year in (None, "") else year,
        "assessor": assessor or "",
    }
    book = Workbook()
    sheet = book.active
    sheet.title = "scorecard"
    bold = Font(bold=True)
    removed = 0

    def append(row: List[Any]) -> None:
        nonlocal removed
        sheet.append([CONTROL.sub("", value) if isinstance(value, str) else value for value in row])
        for value, cell in zip(row, sheet[sheet.max_row]):
            if isinstance(value, str):
                removed += len(CONTROL.findall(value))
                if cell.value and cell.data_type == "f":
                    cell.data_type = "s"

    for key in META_KEYS:  # the reader looks for these keys in column A
        append([key, values[key]])
        sheet.cell(sheet.max_row, 1).font = bold
    sheet.append([])
    append(HEADER)
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    scores = DataValidation(
        type="list",
        formula1=SCORE_CHOICES,
        allow_blank=True,
        error=tr("Give 0, 1, 2, 3 or NA."),
        errorTitle=tr("Score"),
    )
    sheet.add_data_validation(scores)
    for criterion in framework.criteria:
        theme = framework.themes.get(criterion.theme, {})
        levels = "\n".join(
            f"{k}: {criterion.levels[k].get('en', '')} / {criterion.levels[k].get('zh', '')}"
            for k in ("0", "1", "2", "3")
        )
        append(
            [
                criterion.id,
                None,
                None,
                None,
                f"{theme.get('en', '')} / {theme.get('zh', '')}",
                criterion.question.get("en", ""),
                criterion.question.get("zh", ""),
                levels,
            ]
        )
        scores.add(sheet.cell(sheet.max_row, 2))
        for column in (5, 6, 7, 8):
            sheet.cell(sheet.max_row, column).alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGH", COLUMN_WIDTHS):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = sheet.cell(header + 1, 3)
    return book, removed


def write_scorecard_template(
    path: Union[str, os.PathLike],
    framework: Framework,
    plan: str = "",
    city: str = "",
    year: Union[int, str, None] = "",
    assessor: str = "",
) -> int:
    """Write the template of ``framework`` to ``path`` (XLSX) atomically: no half-written file. Returns the number
    of control characters left out (an Excel cell cannot hold them); a HabitatError names the file that cannot be
    written."""
    book, removed = scorecard_workbook(framework, plan, city, year, assessor)
    try:
        atomic_write(path, book.save)
    except OSError as error:
        raise HabitatError(
            tr("The scorecard {0} cannot be written: {1}", path, error.strerror or str(error))
        ) from error
    return removed
