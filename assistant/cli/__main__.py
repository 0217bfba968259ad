"""`python -m assistant.cli` runs the command line (as the `touchpoint` script does)."""

from assistant.cli.app import main

main()
