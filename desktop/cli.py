"""The ``studynotes`` command: the window by default, headless sub-commands otherwise.

Start-up time is a feature, so this module imports nothing heavy. Each sub-command lives
in ``desktop.commands.<name>`` and exposes ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; its module imports only argparse-level things at top level and
loads SQLAlchemy, jieba or reportlab inside ``run`` when it needs them. Qt is imported
only on the way to the window.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Sub-command name -> module. Keep alphabetical within each group.
COMMANDS: dict[str, str] = {
    "parse": "desktop.commands.parse",
    "import": "desktop.commands.import_",
    "list": "desktop.commands.list_",
    "notes": "desktop.commands.notes",
    "suggest": "desktop.commands.suggest",
    "brief": "desktop.commands.brief",
}

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studynotes",
        description="学习札记 Study Notes: import pages of reflections, study and annotate them.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--library",
        metavar="PATH_OR_URL",
        help="library file or SQLAlchemy URL (default: $STUDYNOTES_LIBRARY, else the "
        "library in the local application data folder)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="render the main window offscreen with the sample selected, save it, exit",
    )
    # For bench/startup.py: exit as soon as the main window has been shown and painted.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


class _VersionAction(argparse.Action):
    """``--version``, reading the version only when asked: importlib.metadata, which
    finds it, takes ~40 ms to import, and every start of the window would pay for it."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS,
                 help: str = "show program's version number and exit") -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # type: ignore[no-untyped-def]
        from desktop import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``studynotes`` console script."""
    from desktop.errors import StudyNotesError

    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return _run_window(args)  # the window sets up logging after its first paint
        _start_logging()
        return int(args._module.run(args))
    except StudyNotesError as error:
        print(f"studynotes: error: {error.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def _start_logging() -> None:
    """An unexpected error in a headless command leaves a crash report in the log folder
    (its path printed) instead of only a traceback. No log file is opened and no folder is
    made up front: ``parse`` and ``import --dry-run`` promise to write nothing."""
    from desktop import logs

    logs.install_excepthooks()


def gui_main() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:])


def _run_window(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
