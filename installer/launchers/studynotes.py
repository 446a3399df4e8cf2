"""Entry script of both frozen executables: ``studynotes`` (console) and ``studynotes-gui``.

They differ only in how Windows starts them (with or without a console window), so they
share this script, as ``desktop.cli.main`` and ``desktop.cli.gui_main`` do.
"""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # The window analyses text with jieba in a spawned child process; in a frozen bundle
    # that child re-runs this executable, and freeze_support() turns it into the worker.
    multiprocessing.freeze_support()
    sys.exit(main())
