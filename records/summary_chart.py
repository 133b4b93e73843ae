"""The chart sheet of a summary workbook: one bar chart, printed on one page."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties

from forms.model import FormSpec
from records.print_layout import set_up_page
from records.summary_columns import key_columns
from records.summary_table import TableLayout, sheet_name

CHART_BARS = 60  # more bars than this and their labels no longer fit one page
_CM_PER_ROW = 0.53  # a default row, 15 points


def chart_sheet(book: Workbook, spec: FormSpec, main: TableLayout,
                rankings: list[TableLayout]) -> None:
    """Add a bar chart on one page: total scores by school, or amounts by return."""
    source = rankings[0] if rankings else main
    if rankings:
        labels, values, title = source.find("学校/单位"), source.find("总分"), "总分"
    else:
        summed = next((f for f in spec.fields if f.value_kind.sums and f.parent is None
                       and not f.item), None)
        if summed is None:
            return
        labels, values = source.find(key_columns(spec)[2].header), source.find(summed.header)
        title = summed.header
    count = source.count
    if labels is None or values is None or not count or source.continued:
        return  # nothing to draw, or rows no longer one per return
    shown = min(count, CHART_BARS)
    if shown < count:
        title += f"（前 {shown} {'名' if rankings else '份'}）"
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.height = min(17.0, max(9.0, 0.55 * shown + 3))
    chart.width = 25
    chart.legend = None
    chart.y_axis.majorGridlines = None
    chart.y_axis.scaling.min = 0  # bars measured from nought, not from the smallest
    chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the table
    chart.x_axis.tickLblSkip = 1  # every school named
    chart.x_axis.txPr = _font(800 if shown > 20 else 1000)
    chart.x_axis.delete = chart.y_axis.delete = False
    data = Reference(book[values[0]], min_col=values[1], min_row=2, max_row=2 + shown)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(book[labels[0]], min_col=labels[1], min_row=3,
                                   max_row=2 + shown))
    sheet = book.create_sheet(sheet_name("图表"))
    set_up_page(sheet, f"{spec.title}：{title}", "landscape", title_rows=None)
    sheet.page_setup.fitToHeight = 1  # the whole chart on one page
    sheet.add_chart(chart, "A2")
    sheet.append([f"{spec.title}：{title}"])
    sheet.print_area = f"A1:P{int(chart.height / _CM_PER_ROW) + 3}"


def _font(size: int) -> RichText:
    """Return axis label text of `size` hundredths of a point."""
    properties = CharacterProperties(sz=size)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=properties), endParaRPr=properties)
    return RichText(p=[paragraph])
