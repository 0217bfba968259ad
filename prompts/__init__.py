"""Versioned prompt files and their loader; no prompt text lives in Python code."""
