#!/usr/bin/env python3
"""Build the indexed forms of the blind reports (corpus/) from the clean text (source/).

    /tmp/blindenv/bin/python make_blind.py

Needs reportlab==5.1.0 and python-docx==1.2.0 (a private venv is enough).
The output is deterministic: fixed PDF metadata (reportlab invariant mode),
fixed DOCX core properties and zip timestamps, fixed GBK wrapping.

  source/project_2024.txt    -> corpus/project_2024.pdf      (reportlab, STSong-Light, A4, ruled table)
  source/thirdparty_2023.txt -> corpus/thirdparty_2023.docx  (python-docx, Heading 1/2, Word table)
  source/dept_2022.txt       -> corpus/dept_2022_gbk.txt     (GBK, hard wraps every 38 chars, page numbers)

Conventions of the clean text: one paragraph per line; line 1 is the title;
lines containing the full-width bar "｜" are table rows (first row = header);
a line starting with "表" directly before table rows is the table caption.
"""
import datetime
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "source"
OUT = HERE / "corpus"

H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")
CAPTION = re.compile(r"^表\d+\s")


def read_lines(name):
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip()]


def is_h2(line):
    """A short '（一）xxx' line without sentence punctuation is a sub-heading."""
    return bool(H2.match(line)) and len(line) <= 32 and not re.search(r"[。；《]", line)


def blocks(lines):
    """Yield ('title'|'h1'|'h2'|'caption'|'table'|'p', payload)."""
    i = 0
    first = True
    while i < len(lines):
        ln = lines[i]
        if first:
            yield "title", ln
            first = False
        elif "｜" in ln:
            rows = []
            while i < len(lines) and "｜" in lines[i]:
                rows.append(lines[i].split("｜"))
                i += 1
            yield "table", rows
            continue
        elif CAPTION.match(ln) and i + 1 < len(lines) and "｜" in lines[i + 1]:
            yield "caption", ln
        elif H1.match(ln):
            yield "h1", ln
        elif is_h2(ln):
            yield "h2", ln
        else:
            yield "p", ln
        i += 1


# --------------------------------------------------------------------------- PDF
def make_pdf(src_name, out_path):
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date / random document id
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    F = "STSong-Light"
    body = ParagraphStyle("body", fontName=F, fontSize=10.5, leading=17, firstLineIndent=21,
                          wordWrap="CJK", spaceAfter=3)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=10)
    h1 = ParagraphStyle("h1", parent=body, fontSize=13, leading=20, firstLineIndent=0,
                        spaceBefore=8, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=body, fontSize=11.5, leading=18, firstLineIndent=0,
                        spaceBefore=4, spaceAfter=2)
    cap = ParagraphStyle("cap", parent=body, fontSize=10.5, alignment=TA_CENTER, firstLineIndent=0,
                         spaceBefore=6, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=F, fontSize=8.5, leading=11, wordWrap="CJK")
    meta = ParagraphStyle("meta", parent=body, firstLineIndent=0, alignment=TA_CENTER)

    lines = read_lines(src_name)
    story = []
    n_meta = 0
    for kind, payload in blocks(lines):
        if kind == "title":
            story.append(Paragraph(payload, title))
        elif kind == "h1":
            story.append(Paragraph(payload, h1))
        elif kind == "h2":
            story.append(Paragraph(payload, h2))
        elif kind == "caption":
            story.append(Paragraph(payload, cap))
        elif kind == "table":
            ncol = len(payload[0])
            widths = [52, 54, 128, 70, 78, 40, 44] if ncol == 7 else None
            data = [[Paragraph(c, cell) for c in row] for row in payload]
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]))
            story.append(t)
            story.append(Spacer(1, 6))
        else:
            # the two short lines after the title (报送单位/报告日期) are centred
            if n_meta < 2 and re.match(r"^(报送单位|报告日期)：", payload):
                story.append(Paragraph(payload, meta))
                n_meta += 1
            else:
                story.append(Paragraph(payload, body))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(F, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, "- %d -" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out_path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=22 * mm, bottomMargin=22 * mm,
                            title=lines[0], author="明川区卫生健康局（虚构）", subject="", creator="make_blind.py")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# --------------------------------------------------------------------------- DOCX
FIXED_DT = datetime.datetime(2024, 5, 28, 9, 0, 0)


def _east_asian(style, font="宋体"):
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), font)


def make_docx(src_name, out_path):
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    for sname in ("Normal", "Title", "Heading 1", "Heading 2"):
        _east_asian(d.styles[sname], "黑体" if sname != "Normal" else "宋体")
    d.styles["Normal"].font.size = Pt(10.5)

    lines = read_lines(src_name)
    for kind, payload in blocks(lines):
        if kind == "title":
            d.add_heading(payload, level=0)
        elif kind == "h1":
            d.add_heading(payload, level=1)
        elif kind == "h2":
            d.add_heading(payload, level=2)
        elif kind == "caption":
            p = d.add_paragraph(payload)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "table":
            ncol = len(payload[0])
            t = d.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r_i, row in enumerate(payload):
                cells = t.add_row().cells
                for c_i, val in enumerate(row):
                    cells[c_i].text = val
                    if r_i == 0:
                        for run in cells[c_i].paragraphs[0].runs:
                            run.bold = True
        else:
            p = d.add_paragraph(payload)
            if not re.match(r"^(委托单位|评价机构|报告编号|报告日期)：", payload):
                p.paragraph_format.first_line_indent = Pt(21)

    cp = d.core_properties
    cp.title = lines[0]
    cp.author = "衡信管理咨询有限公司（虚构）"
    cp.last_modified_by = "make_blind.py"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1

    buf = io.BytesIO()
    d.save(buf)
    # rewrite the zip with fixed timestamps and a fixed member order -> byte-identical reruns
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 5, 28, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))


# --------------------------------------------------------------------------- GBK text
WRAP = 38
LINES_PER_PAGE = 40
NUMCH = set("0123456789.,%")


def make_gbk(src_name, out_path):
    """Imitate text extracted from a PDF: hard wraps, page-number lines between pages."""
    lines = read_lines(src_name)
    phys = []
    for idx, ln in enumerate(lines):
        if "｜" in ln:  # table rows come out of PDFs as space-separated cells
            ln = "  ".join(c for c in ln.split("｜"))
        if idx == 0:
            # the title is centred in the original: split after the report name
            cut = ln.find("（虚构示例")
            phys += [ln[:cut], ln[cut:]] if cut > 0 else [ln]
            continue
        indent = "" if (H1.match(ln) or is_h2(ln) or "｜" in lines[idx]) else "　　"
        s = indent + ln
        while len(s) > WRAP:
            cut = WRAP
            # like a layout engine, keep a number ("1,234.56", "97.30%") on one line
            while cut > 1 and s[cut - 1] in NUMCH and s[cut] in NUMCH:
                cut -= 1
            if cut <= WRAP // 2:
                cut = WRAP
            phys.append(s[:cut])
            s = s[cut:]
        phys.append(s)
    out = []
    page = 1
    for i in range(0, len(phys), LINES_PER_PAGE):
        out.extend(phys[i:i + LINES_PER_PAGE])
        out.append("")
        out.append("- %d -" % page)
        out.append("")
        page += 1
    text = "\n".join(out) + "\n"
    Path(out_path).write_bytes(text.encode("gbk"))


def main():
    OUT.mkdir(exist_ok=True)
    make_pdf("project_2024.txt", OUT / "project_2024.pdf")
    make_docx("thirdparty_2023.txt", OUT / "thirdparty_2023.docx")
    make_gbk("dept_2022.txt", OUT / "dept_2022_gbk.txt")
    for p in sorted(OUT.iterdir()):
        print("%-28s %8d bytes" % (p.name, p.stat().st_size))


if __name__ == "__main__":
    main()
