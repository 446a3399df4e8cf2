"""``python -m desktop`` runs the ``studynotes`` command."""

import sys

from desktop.cli import main

sys.exit(main())
