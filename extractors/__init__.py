"""Extractors: turn a touchpoint into grounded Insights."""
