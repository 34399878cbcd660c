#!/usr/bin/env python3
"""Build the indexed forms of the blind r2 reports from source/*.txt.

    python3 -m venv /tmp/br2env
    /tmp/br2env/bin/pip install reportlab==5.1.0 python-docx==1.2.0
    /tmp/br2env/bin/python make_blind.py

Deterministic: running it twice gives byte-identical files in corpus/.

Source conventions (one paragraph per line, UTF-8):
  line 1                      title
  "一、..."                   level-1 heading
  "（一）..." short, no "。"   level-2 heading
  "表N  ..."                  table caption; the following lines that contain
                              " | " are the table rows (first row = header)
  anything else               body paragraph

Mapping:
  a_chengling_minzheng_2025.txt     -> corpus/chengling_minzheng_2025.docx
  b_lanfeng_gongyilin_2024.txt      -> corpus/lanfeng_gongyilin_2024.pdf
  c_tingmei_nongcungonglu_2023.txt  -> corpus/tingmei_nongcungonglu_2023.txt (GBK,
                                       laid out like a PDF text extraction)
"""
import io
import os
import re
import sys
import zipfile
from datetime import datetime, timezone
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
OUT = os.path.join(HERE, "corpus")

H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")
CAP = re.compile(r"^表\d+\s")


def parse(path):
    """Return (title, blocks); block = ('h1'|'h2'|'p', text) or ('table', caption, rows)."""
    with open(path, encoding="utf-8") as fh:
        lines = [l.rstrip("\n") for l in fh if l.strip()]
    title, rest = lines[0], lines[1:]
    blocks, i = [], 0
    while i < len(rest):
        line = rest[i]
        if CAP.match(line):
            rows, j = [], i + 1
            while j < len(rest) and " | " in rest[j]:
                rows.append([c.strip() for c in rest[j].split(" | ")])
                j += 1
            blocks.append(("table", line, rows))
            i = j
            continue
        if H1.match(line) and len(line) <= 30:
            blocks.append(("h1", line))
        elif H2.match(line) and len(line) <= 30 and "。" not in line:
            blocks.append(("h2", line))
        else:
            blocks.append(("p", line))
        i += 1
    return title, blocks


# ---------------------------------------------------------------- PDF
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

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    F = "STSong-Light"
    body = ParagraphStyle("body", fontName=F, fontSize=10.5, leading=17,
                          firstLineIndent=21, wordWrap="CJK", spaceAfter=3)
    title_s = ParagraphStyle("title", fontName=F, fontSize=16, leading=24,
                             alignment=TA_CENTER, wordWrap="CJK", spaceAfter=12)
    h1 = ParagraphStyle("h1", fontName=F, fontSize=13, leading=20, wordWrap="CJK",
                        spaceBefore=8, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=F, fontSize=11.5, leading=18, wordWrap="CJK",
                        spaceBefore=4, spaceAfter=2)
    cap = ParagraphStyle("cap", fontName=F, fontSize=10.5, leading=16,
                         alignment=TA_CENTER, wordWrap="CJK", spaceBefore=6, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName=F, fontSize=9, leading=12, wordWrap="CJK")

    title, blocks = parse(src)
    story = [Paragraph(escape(title), title_s)]
    for b in blocks:
        if b[0] == "table":
            _, caption, rows = b
            story.append(Paragraph(escape(caption), cap))
            ncol = max(len(r) for r in rows)
            data = [[Paragraph(escape(c), cell) for c in r + [""] * (ncol - len(r))]
                    for r in rows]
            width = A4[0] - 50 * mm
            t = Table(data, colWidths=[width / ncol] * ncol, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]))
            story.append(t)
            story.append(Spacer(1, 6))
        else:
            kind, text = b
            style = {"h1": h1, "h2": h2, "p": body}[kind]
            story.append(Paragraph(escape(text), style))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(F, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, "- %d -" % doc.page)
        canvas.restoreState()

    doc = SimpleDocTemplate(dst, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=22 * mm, invariant=1,
                            title=title, author="blind_r2", creator="make_blind.py",
                            subject="fictional test report")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# ---------------------------------------------------------------- DOCX
FIXED = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)


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
    from docx.shared import Pt

    title, blocks = parse(src)
    d = Document()
    d.add_heading(title, level=0)
    for b in blocks:
        if b[0] == "table":
            _, caption, rows = b
            cp = d.add_paragraph()
            _east_asian(cp.add_run(caption))
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for ri, r in enumerate(rows):
                for ci in range(ncol):
                    c = t.cell(ri, ci)
                    c.text = ""
                    run = c.paragraphs[0].add_run(r[ci] if ci < len(r) else "")
                    run.font.size = Pt(9)
                    if ri == 0:
                        run.bold = True
                    _east_asian(run)
        elif b[0] == "h1":
            h = d.add_heading(level=1)
            _east_asian(h.add_run(b[1]))
        elif b[0] == "h2":
            h = d.add_heading(level=2)
            _east_asian(h.add_run(b[1]))
        else:
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(21)
            _east_asian(p.add_run(b[1]))
    cp = d.core_properties
    cp.title = title
    cp.author = "blind_r2"
    cp.last_modified_by = "blind_r2"
    cp.subject = "fictional test report"
    cp.keywords = "blind_r2"
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
WIDTH = 38
LINES_PER_PAGE = 42
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


def build_gbk(src, dst):
    title, blocks = parse(src)
    lines = hard_wrap(title) + [""]
    for b in blocks:
        if b[0] == "table":
            _, caption, rows = b
            lines.append(caption)
            for r in rows:
                lines.append("  ".join(c for c in r if c))
        else:
            lines.extend(hard_wrap(b[1]))
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    out = []
    for n, pg in enumerate(pages, 1):
        out.extend(pg)
        out.append("")
        out.append("- %d -" % n)
        out.append("")
    data = ("\r\n".join(out)).encode("gbk")  # strict: fails on any non-GBK char
    with open(dst, "wb") as fh:
        fh.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    build_docx(os.path.join(SRC, "a_chengling_minzheng_2025.txt"),
               os.path.join(OUT, "chengling_minzheng_2025.docx"))
    build_pdf(os.path.join(SRC, "b_lanfeng_gongyilin_2024.txt"),
              os.path.join(OUT, "lanfeng_gongyilin_2024.pdf"))
    build_gbk(os.path.join(SRC, "c_tingmei_nongcungonglu_2023.txt"),
              os.path.join(OUT, "tingmei_nongcungonglu_2023.txt"))
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
