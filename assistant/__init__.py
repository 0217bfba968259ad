"""Touchpoint: capture every customer touchpoint as grounded, structured fields."""

__version__ = "0.1.0"
