"""`python -m service` is the admin CLI."""

from service.entrypoints.cli import main

main()
