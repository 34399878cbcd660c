#!/usr/bin/env python3
"""Build the indexed forms of the dev_colloq reports, deterministically.

source/qinglan_sifaju_2024.txt   -> corpus/qinglan_sifaju_2024.pdf   (reportlab, STSong-Light)
source/yunxi_tuiyijunren_2025.txt -> corpus/yunxi_tuiyijunren_2025.docx (python-docx)
source/songling_gengdi_2024.txt  -> corpus/songling_gengdi_2024.txt  (PDF-extraction look)

Venv: python3 -m venv /tmp/dcenv && /tmp/dcenv/bin/pip install reportlab==5.1.0 python-docx==1.2.0
Run:  /tmp/dcenv/bin/python make_dev.py
"""
import datetime
import io
import os
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "corpus")

H1 = re.compile(r"^(前言|[一二三四五六七八九十]+、)")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


def read_blocks(name):
    """Return (title, blocks); a block is ('h1'|'h2'|'p'|'caption', text) or ('table', rows)."""
    lines = open(os.path.join(SRC, name), encoding="utf-8").read().splitlines()
    title, body = lines[0], lines[1:]
    blocks = []
    for ln in body:
        ln = ln.strip()
        if not ln:
            continue
        if "|" in ln:
            row = ln.split("|")
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(row)
            else:
                blocks.append(("table", [row]))
        elif re.match(r"^表\d+ ", ln):
            blocks.append(("caption", ln))
        elif H1.match(ln) and len(ln) <= 24:
            blocks.append(("h1", ln))
        elif H2.match(ln) and len(ln) <= 22:
            blocks.append(("h2", ln))
        else:
            blocks.append(("p", ln))
    return title, blocks


# ---------------------------------------------------------------- PDF
def build_pdf(src, dst):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    F = "STSong-Light"
    st_title = ParagraphStyle("t", fontName=F, fontSize=16, leading=24, alignment=1, wordWrap="CJK", spaceAfter=10)
    st_h1 = ParagraphStyle("h1", fontName=F, fontSize=13, leading=20, wordWrap="CJK", spaceBefore=8, spaceAfter=4)
    st_h2 = ParagraphStyle("h2", fontName=F, fontSize=11.5, leading=18, wordWrap="CJK", spaceBefore=4, spaceAfter=2)
    st_p = ParagraphStyle("p", fontName=F, fontSize=10.5, leading=17, wordWrap="CJK", firstLineIndent=21, spaceAfter=3)
    st_cap = ParagraphStyle("c", fontName=F, fontSize=10.5, leading=16, alignment=1, wordWrap="CJK", spaceBefore=4, spaceAfter=4)
    st_cell = ParagraphStyle("cell", fontName=F, fontSize=9, leading=12, wordWrap="CJK")

    title, blocks = read_blocks(src)
    story = [Paragraph(title, st_title)]
    for kind, val in blocks:
        if kind == "table":
            data = [[Paragraph(c, st_cell) for c in row] for row in val]
            ncol = len(val[0])
            widths = [14 * mm] + [(170 * mm - 14 * mm) / (ncol - 1)] * (ncol - 1)
            if ncol == 5:
                widths = [14 * mm, 70 * mm, 30 * mm, 30 * mm, 26 * mm]
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]))
            story += [t, Spacer(1, 6)]
        else:
            style = {"h1": st_h1, "h2": st_h2, "p": st_p, "caption": st_cap}[kind]
            story.append(Paragraph(val, style))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(F, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, "- %d -" % doc.page)
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, "青岚市司法局")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=22 * mm, title=title,
                            author="dev_colloq", creator="make_dev.py")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    open(os.path.join(OUT, dst), "wb").write(buf.getvalue())


# ---------------------------------------------------------------- DOCX
def build_docx(src, dst):
    from docx import Document
    from docx.shared import Pt
    from docx.oxml.ns import qn

    title, blocks = read_blocks(src)
    d = Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    d.add_heading(title, level=0)
    for kind, val in blocks:
        if kind == "h1":
            d.add_heading(val, level=1)
        elif kind == "h2":
            d.add_heading(val, level=2)
        elif kind == "caption":
            d.add_paragraph(val, style="Caption")
        elif kind == "table":
            ncol = max(len(r) for r in val)
            t = d.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            for row in val:
                cells = t.add_row().cells
                for i, c in enumerate(row):
                    cells[i].text = c
        else:
            d.add_paragraph(val)
    cp = d.core_properties
    fixed = datetime.datetime(2026, 2, 26, 9, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.author = "dev_colloq"
    cp.last_modified_by = "dev_colloq"
    cp.title = title
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    # re-zip with fixed timestamps and order so the file is byte-identical across runs
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zi = zipfile.ZipInfo(name, date_time=(2026, 2, 26, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(name))
    open(os.path.join(OUT, dst), "wb").write(out.getvalue())


# ---------------------------------------------------------------- TXT (PDF-extraction look)
WIDTH = 36
NUMCH = set("0123456789,.%％")


def wrap(line, width=WIDTH):
    out = []
    while len(line) > width:
        cut = width
        # never split a number (or its decimal / thousands separators / percent sign)
        while cut > 1 and line[cut - 1] in NUMCH and line[cut] in NUMCH:
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    if line:
        out.append(line)
    return out


def build_txt(src, dst, lines_per_page=42):
    title, blocks = read_blocks(src)
    lines = [title, ""]
    for kind, val in blocks:
        if kind == "table":
            for row in val:
                lines.append(" ".join(c if c else "" for c in row).strip())
        elif kind in ("h1", "h2", "caption"):
            lines.append(val)
        else:
            lines.extend(wrap("  " + val))
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    text = []
    for n, pg in enumerate(pages, 1):
        text.extend(pg)
        text.append("")
        text.append("- %d -" % n)
        text.append("\f" if n < len(pages) else "")
    open(os.path.join(OUT, dst), "w", encoding="utf-8").write("\n".join(text).rstrip("\n") + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    build_pdf("qinglan_sifaju_2024.txt", "qinglan_sifaju_2024.pdf")
    build_docx("yunxi_tuiyijunren_2025.txt", "yunxi_tuiyijunren_2025.docx")
    build_txt("songling_gengdi_2024.txt", "songling_gengdi_2024.txt")
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))
