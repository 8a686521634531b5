"""Cluster EMS assistant: the answer engine and its knowledge-base access."""
