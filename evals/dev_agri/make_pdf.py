"""Build corpus/dev_agri_2024.pdf from source/dev_agri_2024.txt (reportlab 5.1.0)."""
import os
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

here = os.path.dirname(os.path.abspath(__file__))
pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
F = 'STSong-Light'
body = ParagraphStyle('b', fontName=F, fontSize=10.5, leading=17, firstLineIndent=21, wordWrap='CJK')
title = ParagraphStyle('t', fontName=F, fontSize=14, leading=22, alignment=1, wordWrap='CJK')
center = ParagraphStyle('c', fontName=F, fontSize=11, leading=18, alignment=1, wordWrap='CJK')
head = ParagraphStyle('h', fontName=F, fontSize=12, leading=20, spaceBefore=6, wordWrap='CJK')
cell = ParagraphStyle('cell', fontName=F, fontSize=8.5, leading=11, wordWrap='CJK')
lines = open(os.path.join(here, 'source/dev_agri_2024.txt'), encoding='utf-8').read().splitlines()
story, table_rows = [], []
def flush():
    global table_rows
    if table_rows:
        data = [[Paragraph(escape(c), cell) for c in r] for r in table_rows]
        t = Table(data, colWidths=[20*mm, 26*mm, 42*mm, 24*mm, 22*mm, 12*mm, 14*mm], repeatRows=1)
        t.setStyle(TableStyle([('GRID', (0,0), (-1,-1), 0.5, colors.black),
                               ('BACKGROUND', (0,0), (-1,0), colors.lightgrey),
                               ('VALIGN', (0,0), (-1,-1), 'MIDDLE')]))
        story.extend([t, Spacer(1, 6)])
        table_rows = []
for i, ln in enumerate(lines):
    if '｜' in ln:
        table_rows.append(ln.split('｜')); continue
    flush()
    if i == 0: story.append(Paragraph(escape(ln), title))
    elif i == 1: story.append(Paragraph(escape(ln), center))
    elif re.match(r'^[一二三四五六七八九十]+、', ln): story.append(Paragraph(escape(ln), head))
    else: story.append(Paragraph(escape(ln), body))
flush()
def footer(c, d):
    c.saveState(); c.setFont(F, 9)
    c.drawCentredString(A4[0]/2, 12*mm, '- %d -' % d.page); c.restoreState()
out = os.path.join(here, 'corpus/dev_agri_2024.pdf')
SimpleDocTemplate(out, pagesize=A4, leftMargin=25*mm, rightMargin=25*mm, topMargin=25*mm, bottomMargin=22*mm,
                  title='XX区农业农村局2024年度高标准农田建设项目支出绩效自评报告（虚构示例，仅供测试）').build(
    story, onFirstPage=footer, onLaterPages=footer)
print('wrote', out)
