"""Storage: SQLAlchemy rows, migrations and queries.

The package itself imports nothing, so a module here that needs no SQLAlchemy (`utc.py`,
`revision.py`, `list_pages.py`) loads without it; `rows.py` registers the other row modules'
tables on the shared metadata.
"""
