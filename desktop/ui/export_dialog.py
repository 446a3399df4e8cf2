"""The export dialog: what goes into a study brief (学习简报) or a training handout (培训讲义).

One form for both products: the cover (学习主题, 单位, 姓名, 日期; the brief only), the
highlight categories, the full text with its highlights, the official 公文 layout, the
font, and the PDF to write. The answers come back as the brief's own values
(:class:`~desktop.brief.CoverInfo`, :class:`~desktop.brief.BriefOptions`), and what a
reader types once (unit, name, folder, font, choices) is remembered in QSettings: the
same person exports brief after brief for the same unit.

The dialog writes nothing: :mod:`desktop.ui.export_worker` builds the PDF off the GUI
thread.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.brief.content import COMMITMENT, QUESTION, QUOTE, BriefOptions, CoverInfo
from desktop.ui.settings import Settings

Kind = Literal["brief", "handout"]
BRIEF: Kind = "brief"
HANDOUT: Kind = "handout"

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_NAME_LENGTH = 60  # characters of the headline kept in the suggested file name

DIALOG_STYLE = """
QDialog#exportDialog { background: #f7f5f1; }
QLabel#exportTitle { font-size: 15pt; font-weight: bold; color: #1f1f22; }
QLabel#exportMaterial { color: #5b5b61; }
QGroupBox { font-weight: bold; color: #a8322d; border: 1px solid #dedad2; border-radius: 6px;
            margin-top: 14px; padding: 14px 12px 10px 12px; background: #fcfbf8; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QRadioButton { font-weight: normal; color: #1f1f22; }
QLabel#exportHint { color: #6b6b70; font-weight: normal; }
QLabel#exportError { color: #a8322d; font-weight: bold; }
"""


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export needs, as the core's values: no widgets cross to the worker."""

    kind: Kind
    material_id: int
    cover: CoverInfo
    options: BriefOptions
    output: Path


def safe_file_stem(text: str) -> str:
    """A headline made usable as a file name on Windows, macOS and Linux."""
    stem = _UNSAFE_IN_FILE_NAMES.sub(" ", text)
    stem = " ".join(stem.split()).strip(" .")
    return stem[:MAX_NAME_LENGTH].rstrip(" .")


def free_path(folder: Path, stem: str, suffix: str = ".pdf") -> Path:
    """``folder/stem.pdf``, or ``stem (2).pdf``…: the suggestion never overwrites an earlier
    export (which may still be open in the PDF viewer)."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def default_folder(settings: Settings) -> Path:
    """The folder of the last export, else Documents, else the home folder."""
    remembered = settings.export_text("folder")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class ExportDialog(QDialog):
    """Asks how to export one material; :meth:`request` gives the answer."""

    def __init__(
        self,
        kind: Kind,
        material_id: int,
        headline: str,
        settings: Settings,
        parent: QWidget | None = None,
        today: _dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.material_id = material_id
        self.headline = headline
        self.settings = settings
        self._today = today or _dt.date.today()
        self.setObjectName("exportDialog")
        self.setStyleSheet(DIALOG_STYLE)
        self.setWindowTitle(self.tr("Export Study Brief") if kind == BRIEF else self.tr("Export Training Handout"))
        self.setMinimumWidth(600)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        self._forms: list[QFormLayout] = []
        layout.addLayout(self._build_header())
        self.cover_group = self._build_cover()
        layout.addWidget(self.cover_group)
        self.cover_group.setVisible(kind == BRIEF)  # the handout has no personal cover
        layout.addWidget(self._build_contents())
        layout.addWidget(self._build_layout())
        layout.addWidget(self._build_output())
        self.error_label = QLabel(self)
        self.error_label.setObjectName("exportError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)

        self._align_forms()
        self._load()
        self._update_font_row()

    # --- construction -------------------------------------------------------------

    def _build_header(self) -> QVBoxLayout:
        header = QVBoxLayout()
        header.setSpacing(2)
        title = QLabel(self.windowTitle(), self)
        title.setObjectName("exportTitle")
        material = QLabel(self.tr("Material: {headline}").format(headline=self.headline or "—"), self)
        material.setObjectName("exportMaterial")
        material.setWordWrap(True)
        header.addWidget(title)
        header.addWidget(material)
        return header

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        self._forms.append(form)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _build_cover(self) -> QGroupBox:
        group = QGroupBox(self.tr("Cover"), self)
        form = self._form(group)
        self.topic_edit = QLineEdit(group)
        self.topic_edit.setObjectName("topicEdit")
        self.topic_edit.setPlaceholderText(self.headline)
        self.unit_edit = QLineEdit(group)
        self.unit_edit.setObjectName("unitEdit")
        self.name_edit = QLineEdit(group)
        self.name_edit.setObjectName("nameEdit")
        self.date_edit = QDateEdit(group)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
        self.date_edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.date_edit.setMinimumWidth(160)
        form.addRow(self.tr("Study &topic:"), self.topic_edit)
        form.addRow(self.tr("&Unit:"), self.unit_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        return group

    def _build_contents(self) -> QGroupBox:
        group = QGroupBox(self.tr("Contents"), self)
        form = self._form(group)
        row = QHBoxLayout()
        row.setSpacing(18)
        self.category_boxes: dict[str, QCheckBox] = {}
        for category, text in (
            (COMMITMENT, self.tr("Commitments")),
            (QUOTE, self.tr("Quotes")),
            (QUESTION, self.tr("Questions")),
        ):
            box = QCheckBox(text, group)
            box.setObjectName(f"{category}Box")
            self.category_boxes[category] = box
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(self.tr("Highlights:"), row)
        self.full_text_box = QCheckBox(self.tr("Include the full text with highlights"), group)
        self.full_text_box.setObjectName("fullTextBox")
        form.addRow("", self.full_text_box)
        # The handout always prints the full text, with the commitments emphasised.
        self.full_text_box.setVisible(self.kind == BRIEF)
        return group

    def _build_layout(self) -> QGroupBox:
        group = QGroupBox(self.tr("Layout"), self)
        form = self._form(group)
        self.gongwen_box = QCheckBox(self.tr("Official document layout (GB/T 9704)"), group)
        self.gongwen_box.setObjectName("gongwenBox")
        form.addRow("", self.gongwen_box)

        self.bundled_font_radio = QRadioButton(self.tr("Default bundled font"), group)
        self.file_font_radio = QRadioButton(self.tr("Font file:"), group)
        self._font_choice = QButtonGroup(self)
        self._font_choice.addButton(self.bundled_font_radio)
        self._font_choice.addButton(self.file_font_radio)
        self.font_edit = QLineEdit(group)
        self.font_edit.setObjectName("fontEdit")
        self.font_edit.setPlaceholderText(self.tr("a TrueType font (.ttf or .ttc)"))
        self.font_button = QPushButton(self.tr("Choose…"), group)
        self.font_index_spin = QSpinBox(group)
        self.font_index_spin.setObjectName("fontIndexSpin")
        self.font_index_spin.setRange(0, 63)
        self.font_index_label = QLabel(self.tr("Font number in the collection:"), group)
        self.font_index_label.setBuddy(self.font_index_spin)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_font_radio)
        file_row.addWidget(self.font_edit, 1)
        file_row.addWidget(self.font_button)
        index_row = QHBoxLayout()
        index_row.addSpacing(24)  # under the radio button's text
        index_row.addWidget(self.font_index_label)
        index_row.addWidget(self.font_index_spin)
        index_row.addStretch(1)
        form.addRow(self.tr("Font:"), self.bundled_font_radio)  # the label faces the first choice
        form.addRow("", file_row)
        form.addRow("", index_row)

        self.file_font_radio.toggled.connect(self._update_font_row)
        self.font_edit.textChanged.connect(self._update_font_row)
        self.font_button.clicked.connect(self.choose_font)
        return group

    def _build_output(self) -> QGroupBox:
        group = QGroupBox(self.tr("Save As"), self)
        row = QHBoxLayout(group)
        self.output_edit = QLineEdit(group)
        self.output_edit.setObjectName("outputEdit")
        self.browse_button = QPushButton(self.tr("Browse…"), group)
        self.browse_button.clicked.connect(self.choose_output)
        row.addWidget(self.output_edit, 1)
        row.addWidget(self.browse_button)
        return group

    def _align_forms(self) -> None:
        """One label column for all the groups, so the fields line up down the dialog."""
        labels = [
            label
            for form in self._forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and (label := item.widget()) is not None
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            if isinstance(label, QLabel):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- remembered answers -------------------------------------------------------

    def _load(self) -> None:
        s = self.settings
        self.topic_edit.setText(s.export_text("topic"))
        self.unit_edit.setText(s.export_text("unit"))
        self.name_edit.setText(s.export_text("name"))
        for category, box in self.category_boxes.items():
            box.setChecked(s.export_flag(f"category/{category}", True))
        self.full_text_box.setChecked(s.export_flag("fullText", True))
        self.gongwen_box.setChecked(s.export_flag("gongwen", False))
        font = s.export_text("fontFile")
        self.font_edit.setText(font)
        (self.file_font_radio if font and s.export_flag("useFontFile", False) else self.bundled_font_radio).setChecked(True)
        try:
            self.font_index_spin.setValue(int(s.export_text("fontIndex", "0") or 0))
        except ValueError:
            self.font_index_spin.setValue(0)
        self.output_edit.setText(str(self.suggested_path()))

    def remember(self) -> None:
        """Keep this export's answers (not the date, which is today's next time)."""
        s = self.settings
        s.set_export_text("topic", self.topic_edit.text().strip())
        s.set_export_text("unit", self.unit_edit.text().strip())
        s.set_export_text("name", self.name_edit.text().strip())
        for category, box in self.category_boxes.items():
            s.set_export_flag(f"category/{category}", box.isChecked())
        s.set_export_flag("fullText", self.full_text_box.isChecked())
        s.set_export_flag("gongwen", self.gongwen_box.isChecked())
        s.set_export_flag("useFontFile", self.file_font_radio.isChecked())
        s.set_export_text("fontFile", self.font_edit.text().strip())
        s.set_export_text("fontIndex", str(self.font_index_spin.value()))
        s.set_export_text("folder", str(self.output_path().parent))
        s.sync()

    def suggested_path(self) -> Path:
        """``<headline> 学习简报 2024-05-08.pdf`` in the last export's folder."""
        product = self.tr("Study Brief") if self.kind == BRIEF else self.tr("Training Handout")
        stem = safe_file_stem(f"{self.headline} {product} {self._today.isoformat()}") or product
        return free_path(default_folder(self.settings), stem)

    # --- choosing files -------------------------------------------------------------

    def choose_output(self) -> None:
        current = self.output_path()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF As"), str(current), self.tr("PDF documents (*.pdf)"))
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.output_edit.setText(str(chosen))

    def choose_font(self) -> None:
        current = self.font_edit.text().strip()
        start = str(Path(current).parent) if current else _system_font_folder()
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a TrueType Font"), start,
            self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"))
        if path:
            self.font_edit.setText(path)
            self.file_font_radio.setChecked(True)

    def _update_font_row(self) -> None:
        use_file = self.file_font_radio.isChecked()
        self.font_edit.setEnabled(use_file)
        self.font_button.setEnabled(True)  # choosing a file also selects "font file"
        collection = use_file and self.font_edit.text().strip().lower().endswith(".ttc")
        self.font_index_spin.setEnabled(collection)
        self.font_index_label.setEnabled(collection)

    # --- the answer -----------------------------------------------------------------

    def output_path(self) -> Path:
        text = self.output_edit.text().strip()
        path = Path(text).expanduser() if text else self.suggested_path()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def font_path(self) -> Path | None:
        text = self.font_edit.text().strip()
        return Path(text).expanduser() if self.file_font_radio.isChecked() and text else None

    def cover(self) -> CoverInfo:
        date = self.date_edit.date()
        return CoverInfo(
            topic=self.topic_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            name=self.name_edit.text().strip(),
            date=_dt.date(date.year(), date.month(), date.day()),
        )

    def options(self) -> BriefOptions:
        font = self.font_path()
        return BriefOptions(
            categories=frozenset(c for c, box in self.category_boxes.items() if box.isChecked()),
            include_full_text=self.full_text_box.isChecked() or self.kind == HANDOUT,
            gongwen=self.gongwen_box.isChecked(),
            font_path=font,
            font_subfont_index=self.font_index_spin.value() if font is not None and font.suffix.lower() == ".ttc" else 0,
        )

    def request(self) -> ExportRequest:
        return ExportRequest(self.kind, self.material_id, self.cover(), self.options(), self.output_path())

    def problem(self) -> str | None:
        """What stops the export before anything is written, in one sentence; None if fine."""
        if not self.output_edit.text().strip():
            return self.tr("Choose where to save the PDF.")
        output = self.output_path()
        if output.is_dir():
            return self.tr("{path} is a folder: give the PDF a file name.").format(path=output)
        if self.file_font_radio.isChecked():
            font = self.font_path()
            if font is None:
                return self.tr("Choose a font file, or use the default bundled font.")
            if not font.is_file():
                return self.tr("The font file {path} does not exist.").format(path=font)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.error_label.hide()
        self.remember()
        super().accept()


def _system_font_folder() -> str:
    locations = QStandardPaths.standardLocations(QStandardPaths.StandardLocation.FontsLocation)
    existing = [location for location in locations if Path(location).is_dir()]
    return existing[0] if existing else str(Path.home())
