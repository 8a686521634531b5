"""Ingestion: files -> chunks and typed records -> store (Chroma + BM25 + records)."""
