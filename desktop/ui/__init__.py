"""The PySide6 window: it calls the core (library, importer) and is never called by it.

Nothing is imported here on purpose: ``desktop.ui.app`` is the entry point, and every
module keeps SQLAlchemy, jieba and reportlab off the path to the first painted window.
"""
