"""Help ▸ About: the app's name and version, and the licences of what it ships.

The installers redistribute Qt (LGPLv3), the Droid Sans Fallback font (Apache 2.0) and
a dozen Python libraries; their licences require the texts to reach the user, and an
office PC has no other place to read them. The list comes from
resources/licenses/components.json (kept with the texts by installer/collect_licenses.py);
versions are read from the installed packages' metadata, which the bundle carries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import resource_path

APP_NAME_ZH = "学习札记"
COMPONENTS_FILE = ("licenses", "components.json")
ICON_FILE = ("icons", "studynotes.png")


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str
    licence: str
    files: tuple[str, ...]
    url: str

    def version(self) -> str:
        """Installed version ("" when unknown, e.g. the font)."""
        if self.distribution == "PySide6-Essentials":
            from PySide6 import __version__ as pyside_version
            from PySide6.QtCore import qVersion

            return f"Qt {qVersion()}, PySide6 {pyside_version}"
        if not self.distribution:
            return ""
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(self.distribution)
        except PackageNotFoundError:
            return ""

    def licence_text(self) -> str:
        parts = []
        for name in self.files:
            try:
                parts.append(resource_path(*name.split("/")).read_text(encoding="utf-8"))
            except OSError:
                parts.append(f"({name} is missing from this installation)")
        return "\n\n".join(parts)


def components() -> list[Component]:
    data = json.loads(resource_path(*COMPONENTS_FILE).read_text(encoding="utf-8"))
    return [Component(item["name"], item["distribution"], item["licence"],
                      tuple(item["files"]), item.get("url", "")) for item in data]


class AboutDialog(QDialog):
    """Name, version, purpose; then every shipped component with its licence text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop import __version__

        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Study Notes"))
        self.resize(760, 560)
        self.components = components()

        icon = QLabel(self)
        pixmap = QPixmap(str(resource_path(*ICON_FILE)))
        if not pixmap.isNull():
            icon.setPixmap(pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
        self.name_label = QLabel(APP_NAME_ZH, self)
        self.name_label.setObjectName("appName")
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.name_label.setFont(font)
        self.version_label = QLabel(
            self.tr("Study Notes, version {version}").format(version=__version__), self)
        self.version_label.setObjectName("appVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr(
            "Import pages of reflections from the newspaper, read them comfortably, mark "
            "what matters and prepare study briefs. Free software under the GNU General "
            "Public License, version 3 or later."), self)
        purpose.setWordWrap(True)

        heading = QVBoxLayout()
        for widget in (self.name_label, self.version_label, purpose):
            heading.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.list = QTreeWidget(self)
        self.list.setObjectName("componentList")
        self.list.setHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for component in self.components:
            QTreeWidgetItem(self.list, [component.name, component.version(), component.licence])
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.list.currentItemChanged.connect(self._show_licence)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([200, 260])
        licences = QLabel(self.tr(
            "Study Notes includes the following components, each under its own licence:"), self)
        licences.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(licences)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))

    def select_component(self, name: str) -> bool:
        """Show the licence of the component called ``name``."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.text(0) == name:
                self.list.setCurrentItem(item)
                return True
        return False

    def _show_licence(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            self.text.clear()
            return
        component = self.components[self.list.indexOfTopLevelItem(current)]
        header = f"{component.name} — {component.licence}"
        if component.url:
            header += f"\n{component.url}"
        self.text.setPlainText(f"{header}\n\n{component.licence_text()}")
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
