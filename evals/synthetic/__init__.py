"""Deterministic generator of FICTIONAL budget-performance reports (PDF, DOCX, GBK TXT) and their eval set."""
