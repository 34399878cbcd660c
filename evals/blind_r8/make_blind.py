#!/usr/bin/env python3
"""Build the indexed forms of the blind r8 reports from source/*.txt.

    /work/main/.venv/bin/python make_blind.py
    (or any venv with reportlab==5.1.0 python-docx==1.2.0)

Deterministic: running it twice gives byte-identical files in corpus/.

Source conventions (one paragraph per line, UTF-8):
  line 1                      title
  "一、..." / "第一部分 ..."    level-1 heading (short)
  "（一）..." / "1. ..."       level-2 heading (short, no "。")
  "（1）..."                   level-3 heading (short, no "。")
  "表N  ..."                  table caption; an optional next line starting
                              "单位：" is the unit line; the following lines that
                              contain " | " are the table rows (first row =
                              header).  A row whose first cell is "合计" and
                              whose second cell is empty is drawn with the
                              合计 cell spanning the first two columns (PDF).
  anything else               body paragraph

Mapping (rotated from r7, which had A -> PDF, B -> GBK, C -> DOCX):
  a_zhilan_jiguanshiwu_2023.txt        -> corpus/zhilan_jiguanshiwu_2023.docx
  b_quxi_chuqinfenwu_2024.txt          -> corpus/quxi_chuqinfenwu_2024.pdf
  c_xuanzhou_xianyushangye_2025.txt    -> corpus/xuanzhou_xianyushangye_2025.txt
                                          (GBK, laid out like a PDF text extraction)

PDF column widths: a table whose first header cell is "序号" gets a narrow
first column (9 %) and a 31 % second column; a 7-column table (the score
table) gets fixed proportions with a wide 三级指标 column; any other table
gets equal column widths.
"""

import io
import os
import re
import sys
import zipfile
from datetime import UTC, datetime
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "corpus")

H1 = re.compile(r"^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
H2 = re.compile(r"^(（[一二三四五六七八九十]+）|\d+\.\s?[^\d\s])")
H3 = re.compile(r"^（\d+）")
CAP = re.compile(r"^表\d+\s")


def parse(path):
    """Return (title, blocks); block = ('h1'|'h2'|'h3'|'p', text) or
    ('table', caption, unit_or_None, rows)."""
    with open(path, encoding="utf-8") as fh:
        lines = [l.rstrip("\n") for l in fh if l.strip()]
    title, rest = lines[0], lines[1:]
    blocks, i = [], 0
    while i < len(rest):
        line = rest[i]
        if CAP.match(line):
            unit, j = None, i + 1
            if j < len(rest) and rest[j].startswith("单位："):
                unit, j = rest[j], j + 1
            rows = []
            while j < len(rest) and " | " in rest[j]:
                rows.append([c.strip() for c in rest[j].split(" | ")])
                j += 1
            blocks.append(("table", line, unit, rows))
            i = j
            continue
        short = len(line) <= 30 and "。" not in line
        if H1.match(line) and len(line) <= 30:
            blocks.append(("h1", line))
        elif H2.match(line) and short:
            blocks.append(("h2", line))
        elif H3.match(line) and short:
            blocks.append(("h3", line))
        else:
            blocks.append(("p", line))
        i += 1
    return title, blocks


# ---------------------------------------------------------------- PDF
def build_pdf(src, dst, header_text):
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    F = "STSong-Light"
    body = ParagraphStyle("body", fontName=F, fontSize=11, leading=18, firstLineIndent=22, wordWrap="CJK", spaceAfter=2)
    title_s = ParagraphStyle(
        "title", fontName=F, fontSize=17, leading=26, alignment=TA_CENTER, wordWrap="CJK", spaceAfter=14
    )
    h1 = ParagraphStyle("h1", fontName=F, fontSize=14, leading=22, wordWrap="CJK", spaceBefore=10, spaceAfter=4)
    h2 = ParagraphStyle(
        "h2", fontName=F, fontSize=12, leading=19, wordWrap="CJK", firstLineIndent=22, spaceBefore=4, spaceAfter=2
    )
    cap = ParagraphStyle(
        "cap", fontName=F, fontSize=11, leading=16, alignment=TA_CENTER, wordWrap="CJK", spaceBefore=8, spaceAfter=2
    )
    unit_s = ParagraphStyle(
        "unit", fontName=F, fontSize=9, leading=12, alignment=TA_RIGHT, wordWrap="CJK", spaceAfter=2
    )
    cell = ParagraphStyle("cell", fontName=F, fontSize=9.5, leading=13, wordWrap="CJK", alignment=TA_CENTER)

    title, blocks = parse(src)
    story = [Paragraph(escape(title), title_s)]
    for b in blocks:
        if b[0] == "table":
            _, caption, unit, rows = b
            story.append(Paragraph(escape(caption), cap))
            if unit:
                story.append(Paragraph(escape(unit), unit_s))
            ncol = max(len(r) for r in rows)
            data = [[Paragraph(escape(c), cell) for c in r + [""] * (ncol - len(r))] for r in rows]
            width = A4[0] - 44 * mm
            if rows[0][0] == "序号":
                widths = [width * 0.09, width * 0.31] + [width * 0.60 / (ncol - 2)] * (ncol - 2)
            elif ncol == 7:
                widths = [width * f for f in (0.12, 0.15, 0.24, 0.12, 0.16, 0.08, 0.13)]
            else:
                widths = [width / ncol] * ncol
            t = Table(data, colWidths=widths, repeatRows=1)
            cmds = [
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
            for ri, r in enumerate(rows):
                if r[0] == "合计" and len(r) > 1 and r[1] == "":
                    cmds.append(("SPAN", (0, ri), (1, ri)))
            t.setStyle(TableStyle(cmds))
            story.append(t)
            story.append(Spacer(1, 8))
        else:
            kind, text = b
            style = {"h1": h1, "h2": h2, "h3": h2, "p": body}[kind]
            story.append(Paragraph(escape(text), style))

    class NumberedCanvas(rl_canvas.Canvas):
        """Buffers pages so the footer can say 第 N 页 共 M 页."""

        def __init__(self, *a, **k):
            rl_canvas.Canvas.__init__(self, *a, **k)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(F, 9)
                self.drawString(22 * mm, A4[1] - 14 * mm, header_text)
                self.setLineWidth(0.5)
                self.line(22 * mm, A4[1] - 15.5 * mm, A4[0] - 22 * mm, A4[1] - 15.5 * mm)
                self.drawCentredString(A4[0] / 2, 11 * mm, "第 %d 页 共 %d 页" % (self._pageNumber, total))
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

    doc = SimpleDocTemplate(
        dst,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=24 * mm,
        bottomMargin=20 * mm,
        invariant=1,
        title=title,
        author="blind_r8",
        creator="make_blind.py",
        subject="fictional test report",
    )
    doc.build(story, canvasmaker=NumberedCanvas)


# ---------------------------------------------------------------- DOCX
FIXED = datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC)


def _east_asian(run, font="宋体"):
    from docx.oxml.ns import qn

    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def build_docx(src, dst):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    title, blocks = parse(src)
    d = Document()
    tp = d.add_heading(level=0)
    _east_asian(tp.add_run(title), "黑体")
    for b in blocks:
        if b[0] == "table":
            _, caption, unit, rows = b
            cp = d.add_paragraph()
            cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = cp.add_run(caption)
            r.bold = True
            _east_asian(r, "黑体")
            if unit:
                up = d.add_paragraph()
                up.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _east_asian(up.add_run(unit))
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for ri, row in enumerate(rows):
                for ci in range(ncol):
                    c = t.cell(ri, ci)
                    c.text = ""
                    run = c.paragraphs[0].add_run(row[ci] if ci < len(row) else "")
                    run.font.size = Pt(10)
                    if ri == 0 or row[0] == "合计":
                        run.bold = True
                    _east_asian(run)
        elif b[0] in ("h1", "h2", "h3"):
            h = d.add_heading(level={"h1": 1, "h2": 2, "h3": 3}[b[0]])
            _east_asian(h.add_run(b[1]), "黑体")
        else:
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(24)
            p.paragraph_format.line_spacing = 1.5
            _east_asian(p.add_run(b[1]), "仿宋")
    cp = d.core_properties
    cp.title = title
    cp.author = "blind_r8"
    cp.last_modified_by = "blind_r8"
    cp.subject = "fictional test report"
    cp.keywords = "blind_r8"
    cp.comments = "fictional test report, not a real document"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    # normalise zip member timestamps so the file is byte-reproducible
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))


# ---------------------------------------------------------------- GBK "PDF extraction" text
WIDTH = 32
LINES_PER_PAGE = 40
TOK = re.compile(r"[0-9A-Za-z.,%‰]")


def hard_wrap(text, width=WIDTH):
    out = []
    while len(text) > width:
        cut = width
        # never split a number / latin token: move the cut back to its start
        while cut > 0 and TOK.match(text[cut - 1]) and TOK.match(text[cut]):
            cut -= 1
        if cut == 0:  # token longer than the line: keep it whole
            cut = width
            while cut < len(text) and TOK.match(text[cut]):
                cut += 1
        out.append(text[:cut])
        text = text[cut:]
    if text:
        out.append(text)
    return out


def build_gbk(src, dst, header_text):
    title, blocks = parse(src)
    lines = hard_wrap(title) + [""]
    for b in blocks:
        if b[0] == "table":
            _, caption, unit, rows = b
            lines.append(caption)
            if unit:
                lines.append(unit)
            for r in rows:
                lines.append(" ".join(c for c in r if c))
        else:
            lines.extend(hard_wrap(b[1]))
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    out = []
    for n, pg in enumerate(pages, 1):
        if n > 1:
            out.append(header_text)
            out.append("")
        out.extend(pg)
        out.append("")
        out.append("—%d—" % n)
        out.append("\f" if n < len(pages) else "")
    data = ("\n".join(out)).encode("gbk")  # strict: fails on any non-GBK char
    with open(dst, "wb") as fh:
        fh.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    build_docx(
        os.path.join(SRC, "a_zhilan_jiguanshiwu_2023.txt"),
        os.path.join(OUT, "zhilan_jiguanshiwu_2023.docx"),
    )
    build_pdf(
        os.path.join(SRC, "b_quxi_chuqinfenwu_2024.txt"),
        os.path.join(OUT, "quxi_chuqinfenwu_2024.pdf"),
        "蕖溪县农业农村局  2024年度畜禽粪污资源化利用项目支出绩效自评报告",
    )
    build_gbk(
        os.path.join(SRC, "c_xuanzhou_xianyushangye_2025.txt"),
        os.path.join(OUT, "xuanzhou_xianyushangye_2025.txt"),
        "瑄州市2025年度县域商业体系建设专项资金绩效评价报告",
    )
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
