"""Entry script of both frozen executables: ``studynotes`` (console) and ``studynotes-gui``.

They differ only in how Windows starts them (with or without a console window), so they
share this script, as ``desktop.cli.main`` and ``desktop.cli.gui_main`` do.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
