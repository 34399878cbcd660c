"""Regression evals: retrieval, figures, citations, refusals and latency on known Q&A pairs."""
