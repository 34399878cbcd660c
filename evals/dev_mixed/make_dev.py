#!/usr/bin/env python3
"""Build the indexed forms of the dev_mixed reports (corpus/) from the clean text (source/).

    /tmp/blindenv/bin/python make_dev.py      # or any venv with the two packages below

Needs reportlab==5.1.0 and python-docx==1.2.0. The output is deterministic:
reportlab runs in invariant mode, the DOCX gets fixed core properties and fixed
zip timestamps, and the GBK wrapping is a pure function of the text.

  source/garbage_2024.txt   -> corpus/garbage_2024.pdf       (reportlab, STSong-Light, A4, footers, ruled table)
  source/sci_fund_2023.txt  -> corpus/sci_fund_2023.docx     (python-docx, Title / Heading 1 / Heading 2, Word table)
  source/market_2025.txt    -> corpus/market_2025_gbk.txt    (GBK, hard wraps every 36 chars, "- N -" page breaks)

Conventions of the clean text: one paragraph per line; line 1 is the title;
lines containing the full-width bar "｜" are table rows (the first row is the header);
a line starting with "表<n> " directly before table rows is the table caption;
"一、…" lines are level-1 headings, short "（一）…" lines are level-2 headings.
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
FIXED_DT = datetime.datetime(2025, 3, 1, 9, 0, 0)


def read_lines(name):
    text = (SRC / name).read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip()]


def is_h1(line):
    return bool(H1.match(line)) and len(line) <= 30 and "。" not in line


def is_h2(line):
    return bool(H2.match(line)) and len(line) <= 32 and not re.search(r"[。；《]", line)


def blocks(lines):
    """Yield (kind, payload) with kind in title, h1, h2, caption, table, p."""
    yield "title", lines[0]
    i = 1
    while i < len(lines):
        ln = lines[i]
        if "｜" in ln:
            rows = []
            while i < len(lines) and "｜" in lines[i]:
                rows.append(lines[i].split("｜"))
                i += 1
            yield "table", rows
            continue
        if CAPTION.match(ln) and i + 1 < len(lines) and "｜" in lines[i + 1]:
            yield "caption", ln
        elif is_h1(ln):
            yield "h1", ln
        elif is_h2(ln):
            yield "h2", ln
        else:
            yield "p", ln
        i += 1


# ---------------------------------------------------------------- PDF (a)
def build_pdf(src, dst):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    base = dict(fontName=font, wordWrap="CJK")
    st = {
        "title": ParagraphStyle("t", fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=10, **base),
        "h1": ParagraphStyle("h1", fontSize=12.5, leading=19, spaceBefore=8, spaceAfter=4, **base),
        "h2": ParagraphStyle("h2", fontSize=11.5, leading=18, spaceBefore=4, spaceAfter=2, **base),
        "caption": ParagraphStyle("c", fontSize=10.5, leading=16, alignment=TA_CENTER, spaceBefore=6, spaceAfter=4, **base),
        "p": ParagraphStyle("p", fontSize=10.5, leading=17, firstLineIndent=21, spaceAfter=3, **base),
        "cell": ParagraphStyle("cell", fontSize=9, leading=12, **base),
    }

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, "- %d -" % doc.page)
        canvas.restoreState()

    story = []
    for kind, payload in blocks(read_lines(src)):
        if kind == "table":
            data = [[Paragraph(escape(c), st["cell"]) for c in row] for row in payload]
            ncol = len(payload[0])
            width = A4[0] - 50 * mm
            if ncol == 5:
                widths = [0.14, 0.18, 0.40, 0.14, 0.14]
            elif ncol == 4:
                widths = [0.46, 0.18, 0.18, 0.18]
            else:
                widths = [1.0 / ncol] * ncol
            t = Table(data, colWidths=[w * width for w in widths], repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]))
            story.append(t)
            story.append(Spacer(1, 6))
        else:
            story.append(Paragraph(escape(payload), st[kind]))
    doc = SimpleDocTemplate(str(dst), pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=22 * mm, bottomMargin=25 * mm,
                            title=read_lines(src)[0], author="dev_mixed", creator="make_dev.py",
                            subject="fictional test document")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# ---------------------------------------------------------------- DOCX (b)
def build_docx(src, dst):
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    for sname in ("Normal", "Title", "Heading 1", "Heading 2"):
        s = doc.styles[sname]
        s.font.name = "SimSun"
        rpr = s.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        rfonts.set(qn("w:eastAsia"), "宋体")
    doc.styles["Normal"].font.size = Pt(11)

    for kind, payload in blocks(read_lines(src)):
        if kind == "title":
            doc.add_heading(payload, level=0)
        elif kind == "h1":
            doc.add_heading(payload, level=1)
        elif kind == "h2":
            doc.add_heading(payload, level=2)
        elif kind == "table":
            t = doc.add_table(rows=len(payload), cols=len(payload[0]))
            t.style = "Table Grid"
            for r, row in enumerate(payload):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
        else:
            p = doc.add_paragraph(payload)
            if kind == "p":
                p.paragraph_format.first_line_indent = Pt(22)

    cp = doc.core_properties
    cp.title = read_lines(src)[0]
    cp.author = "dev_mixed"
    cp.last_modified_by = "dev_mixed"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    # rewrite the zip with fixed timestamps so that a rebuild is byte-identical
    src_zip = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src_zip.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src_zip.read(info.filename))
    Path(dst).write_bytes(out.getvalue())


# ---------------------------------------------------------------- GBK text (c)
WIDTH = 36
PAGE_LINES = 40
TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|.", re.S)


def wrap(text, width=WIDTH):
    """Hard-wrap every `width` characters, mid-sentence, never splitting a number."""
    lines, cur = [], ""
    for tok in TOKEN.findall(text):
        if len(cur) + len(tok) > width and cur:
            lines.append(cur)
            cur = ""
        cur += tok
    if cur:
        lines.append(cur)
    return lines


def build_gbk(src, dst):
    body = []
    for kind, payload in blocks(read_lines(src)):
        if kind == "title":
            body.extend(wrap(payload))
            body.append("")
        elif kind == "table":
            for row in payload:
                body.extend(wrap("  ".join(row)))
        elif kind in ("h1", "h2", "caption"):
            body.extend(wrap(payload))
        else:
            body.extend(wrap("\u3000\u3000" + payload))
    out, page = [], 1
    for i in range(0, len(body), PAGE_LINES):
        out.extend(body[i:i + PAGE_LINES])
        out.extend(["", "- %d -" % page, ""])
        page += 1
    Path(dst).write_bytes(("\n".join(out) + "\n").encode("gbk"))


def main():
    OUT.mkdir(exist_ok=True)
    build_pdf("garbage_2024.txt", OUT / "garbage_2024.pdf")
    build_docx("sci_fund_2023.txt", OUT / "sci_fund_2023.docx")
    build_gbk("market_2025.txt", OUT / "market_2025_gbk.txt")
    for f in sorted(OUT.iterdir()):
        print(f.name, f.stat().st_size)


if __name__ == "__main__":
    main()
