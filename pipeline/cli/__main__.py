"""``python -m pipeline.cli`` runs the same CLI as the ``policylens`` command."""

from pipeline.cli import main

main()
