"""Highlights, notes, study reflections and dismissed suggestions in the library.

The :class:`~desktop.library.Library` facade delegates here, one function per method,
each handed the session of the facade's transaction; nothing here commits. Kept apart
from ``__init__`` so the facade stays readable. Dialect-neutral SQLAlchemy only.

Correcting a reflection's text re-attaches its highlights with
:func:`desktop.anchoring.reattach_all`: a highlight whose words are found gets an anchor
refreshed against the corrected text; one whose words are gone is marked detached and
keeps its old anchor, so it is never moved onto other words and never dropped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.anchoring import Anchor, anchor_at, reattach, reattach_all
from desktop.annotation import (
    AnnotationError,
    AnnotationImportResult,
    DismissedSuggestion,
    Highlight,
    MaterialAnnotations,
    Note,
    PortableHighlight,
    ReflectionAnnotations,
    UnknownMaterialError,
    check_category,
    merge_texts,
    sentence_key,
)
from desktop.errors import LibraryError
from desktop.library.orm import (
    DismissedSuggestionRecord,
    HighlightRecord,
    MaterialRecord,
    NoteRecord,
    ParagraphRecord,
    ReflectionRecord,
    StudyReflectionRecord,
)
from desktop.material import Material, Reflection

# --- highlights ---------------------------------------------------------------------------


def add_highlight(
    session: Session, reflection_id: int, anchor: Anchor, category: str, comment: str
) -> Highlight:
    category = check_category(category)
    _check_comment(comment)
    _check_fits(anchor, paragraphs(session, reflection_id))
    now = _now()
    record = HighlightRecord(
        reflection_id=reflection_id,
        category=category,
        comment=comment,
        detached=False,
        created_at=now,
        updated_at=now,
        **_anchor_columns(anchor),
    )
    session.add(record)
    session.flush()
    return _highlight(record)


def update_highlight(
    session: Session, highlight_id: int, category: str | None, comment: str | None
) -> Highlight:
    record = _highlight_record(session, highlight_id)
    if category is not None:
        record.category = check_category(category)
    if comment is not None:
        _check_comment(comment)
        record.comment = comment
    record.updated_at = _now()
    session.flush()
    return _highlight(record)


def remove_highlight(session: Session, highlight_id: int) -> Highlight:
    record = _highlight_record(session, highlight_id)
    removed = _highlight(record)
    session.delete(record)
    session.flush()
    return removed


def restore_highlight(session: Session, highlight: Highlight) -> Highlight:
    """Put a removed highlight back exactly as it was (same id, detached or not).

    Ids are never reused (AUTOINCREMENT), so the old id is free unless the highlight is
    still there, in which case it is set back to the given values: undoing twice is
    harmless.
    """
    check_category(highlight.category)
    _require_reflection(session, highlight.reflection_id)
    record = session.get(HighlightRecord, highlight.id)
    if record is None:
        record = HighlightRecord(id=highlight.id)
        session.add(record)
    record.reflection_id = highlight.reflection_id
    record.category = highlight.category
    record.comment = highlight.comment
    record.detached = highlight.detached
    record.created_at = highlight.created_at
    record.updated_at = highlight.updated_at
    for column, value in _anchor_columns(highlight.anchor).items():
        setattr(record, column, value)
    session.flush()
    return _highlight(record)


def highlights(
    session: Session,
    reflection_id: int | None = None,
    material_id: int | None = None,
    category: str | None = None,
) -> list[Highlight]:
    """Highlights in reading order: newest material first (as the library panel), page
    order within a material, text order within a reflection."""
    query = (
        select(HighlightRecord)
        .join(ReflectionRecord, ReflectionRecord.id == HighlightRecord.reflection_id)
        .order_by(
            ReflectionRecord.material_id.desc(),
            ReflectionRecord.position,
            HighlightRecord.paragraph,
            HighlightRecord.start_offset,
            HighlightRecord.id,
        )
    )
    if reflection_id is not None:
        query = query.where(HighlightRecord.reflection_id == reflection_id)
    if material_id is not None:
        query = query.where(ReflectionRecord.material_id == material_id)
    if category is not None:
        query = query.where(HighlightRecord.category == check_category(category))
    return [_highlight(record) for record in session.scalars(query)]


def reattach_highlight(session: Session, highlight_id: int, anchor: Anchor) -> Highlight:
    """The user placed a (usually detached) highlight on words by hand."""
    record = _highlight_record(session, highlight_id)
    _check_fits(anchor, paragraphs(session, record.reflection_id))
    for column, value in _anchor_columns(anchor).items():
        setattr(record, column, value)
    record.detached = False
    record.updated_at = _now()
    session.flush()
    return _highlight(record)


# --- notes and study reflections ------------------------------------------------------------


def note(session: Session, reflection_id: int) -> Note | None:
    record = _text_record(session, NoteRecord, reflection_id)
    if record is None:
        _require_reflection(session, reflection_id)
        return None
    return Note(record.text, record.updated_at)


def set_note(
    session: Session, reflection_id: int, text: str, updated_at: datetime | None = None
) -> None:
    _require_reflection(session, reflection_id)
    _store_text(session, NoteRecord, reflection_id, text, updated_at)


def study_reflection(session: Session, material_id: int) -> Note | None:
    record = _text_record(session, StudyReflectionRecord, material_id)
    if record is None:
        _require_material(session, material_id)
        return None
    return Note(record.text, record.updated_at)


def set_study_reflection(
    session: Session, material_id: int, text: str, updated_at: datetime | None = None
) -> None:
    _require_material(session, material_id)
    _store_text(session, StudyReflectionRecord, material_id, text, updated_at)


def _store_text(
    session: Session,
    model: type[NoteRecord] | type[StudyReflectionRecord],
    owner_id: int,
    text: str,
    updated_at: datetime | None,
) -> None:
    """Upsert a note-like row; blank text deletes it, so "no note" has one form."""
    if not isinstance(text, str):
        raise AnnotationError("A note must be text.", code="annotation-note")
    record = _text_record(session, model, owner_id)
    if not text.strip():
        if record is not None:
            session.delete(record)
        return
    if record is None:
        owner = _owner_column(model).key
        session.add(model(**{owner: owner_id}, text=text, updated_at=updated_at or _now()))
    elif record.text != text:
        record.text = text
        record.updated_at = updated_at or _now()


def _owner_column(model: type[NoteRecord] | type[StudyReflectionRecord]) -> InstrumentedAttribute[int]:
    return NoteRecord.reflection_id if model is NoteRecord else StudyReflectionRecord.material_id


def _text_record(
    session: Session, model: type[NoteRecord] | type[StudyReflectionRecord], owner_id: int
) -> NoteRecord | StudyReflectionRecord | None:
    return session.scalar(select(model).where(_owner_column(model) == owner_id))


# --- dismissed suggestions ----------------------------------------------------------------


def dismiss_suggestion(
    session: Session, reflection_id: int, paragraph: int, start: int, end: int, sentence: str,
    dismissed_at: datetime | None = None,
) -> bool:
    """Remember a turned-down suggestion; False if it was already dismissed."""
    _require_reflection(session, reflection_id)
    key = sentence_key(sentence) if isinstance(sentence, str) else ""
    if not key:
        raise AnnotationError(
            "A dismissed suggestion must name its sentence.", code="annotation-dismissal"
        )
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (paragraph, start, end)):
        raise AnnotationError(
            "A dismissed suggestion's place must be whole numbers.", code="annotation-dismissal"
        )
    digest = _digest(key)
    if _dismissal(session, reflection_id, digest) is not None:
        return False
    session.add(
        DismissedSuggestionRecord(
            reflection_id=reflection_id,
            sentence_digest=digest,
            sentence=sentence,
            paragraph=paragraph,
            start_offset=start,
            end_offset=end,
            dismissed_at=dismissed_at or _now(),
        )
    )
    session.flush()
    return True


def undismiss_suggestion(session: Session, reflection_id: int, sentence: str) -> bool:
    """Forget a dismissal (undo); False if the sentence was not dismissed."""
    record = _dismissal(session, reflection_id, _digest(sentence_key(sentence)))
    if record is None:
        return False
    session.delete(record)
    return True


def dismissed_suggestions(session: Session, reflection_id: int) -> list[DismissedSuggestion]:
    query = (
        select(DismissedSuggestionRecord)
        .where(DismissedSuggestionRecord.reflection_id == reflection_id)
        .order_by(
            DismissedSuggestionRecord.paragraph,
            DismissedSuggestionRecord.start_offset,
            DismissedSuggestionRecord.id,
        )
    )
    return [
        DismissedSuggestion(
            reflection_id=r.reflection_id,
            paragraph=r.paragraph,
            start=r.start_offset,
            end=r.end_offset,
            sentence=r.sentence,
            dismissed_at=r.dismissed_at,
        )
        for r in session.scalars(query)
    ]


def _dismissal(session: Session, reflection_id: int, digest: str) -> DismissedSuggestionRecord | None:
    return session.scalar(
        select(DismissedSuggestionRecord).where(
            DismissedSuggestionRecord.reflection_id == reflection_id,
            DismissedSuggestionRecord.sentence_digest == digest,
        )
    )


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# --- correcting text ---------------------------------------------------------------------


def update_reflection_text(
    session: Session, reflection_id: int, new_paragraphs: Sequence[str]
) -> list[Highlight]:
    """Replace a reflection's paragraphs and re-attach its highlights.

    Returns the highlights that were attached before and are detached now, so the
    window can say which ones need the user's eye. A highlight detached earlier whose
    words are back (the correction was undone) is attached again.
    """
    _require_reflection(session, reflection_id)
    new_paragraphs = _check_paragraphs(new_paragraphs)
    _replace_paragraphs(session, reflection_id, new_paragraphs)
    return _reattach_reflection(session, reflection_id, new_paragraphs)


def replace_material_text(session: Session, material_id: int, material: Material) -> list[Highlight]:
    """Take a corrected version of a page in place of the stored one, keeping annotations.

    Reflections are matched by position; each must keep its title or, when the title
    itself was corrected, its author (otherwise notes would land on another person's
    reflection). Anything else is refused with nothing changed: such a page is a
    different one and is imported as a new material. The material's content hash
    becomes the corrected page's, so importing the corrected page again is recognised.
    """
    record = _require_material(session, material_id)
    stored = list(
        session.scalars(
            select(ReflectionRecord)
            .where(ReflectionRecord.material_id == material_id)
            .order_by(ReflectionRecord.position)
        )
    )
    if len(stored) != len(material.reflections) or not all(
        _same_reflection(old, new) for old, new in zip(stored, material.reflections)
    ):
        raise AnnotationError(
            "The corrected page does not have the same reflections as the stored one; "
            "import it as a new material instead. Nothing was changed.",
            code="annotation-different-page",
        )
    content_hash = material.content_hash
    if content_hash != record.content_hash:
        other = session.scalar(select(MaterialRecord.id).where(MaterialRecord.content_hash == content_hash))
        if other is not None:
            raise LibraryError(
                f"The corrected page is already in the library as material {other}; "
                "nothing was changed.",
                code="library-duplicate",
            )
    record.content_hash = content_hash
    record.headline = material.headline
    record.subtitle = material.subtitle
    record.lead = material.lead
    record.warnings = tuple(material.warnings)
    detached: list[Highlight] = []
    for old, new in zip(stored, material.reflections):
        old.title, old.author, old.affiliation = new.title, new.author, new.affiliation
        old.title_position = new.title_position
        new_paragraphs = _check_paragraphs(new.paragraphs, allow_empty=True)
        _replace_paragraphs(session, old.id, new_paragraphs)
        detached.extend(_reattach_reflection(session, old.id, new_paragraphs))
    session.flush()
    return detached


def _same_reflection(stored: ReflectionRecord, new: Reflection) -> bool:
    if sentence_key(stored.title) == sentence_key(new.title):
        return True
    author = sentence_key(stored.author)
    return bool(author) and author == sentence_key(new.author)


def _check_paragraphs(new_paragraphs: Sequence[str], *, allow_empty: bool = False) -> tuple[str, ...]:
    if isinstance(new_paragraphs, str) or not all(isinstance(p, str) for p in new_paragraphs):
        raise AnnotationError("A reflection's text must be a list of paragraphs.", code="annotation-text")
    result = tuple(new_paragraphs)
    if any("\n" in p or "\r" in p for p in result):
        raise AnnotationError(
            "A paragraph cannot contain a line break; give each paragraph separately.",
            code="annotation-text",
        )
    if not allow_empty and not any(p.strip() for p in result):
        raise AnnotationError("A reflection's text cannot be empty.", code="annotation-text")
    return result


def _replace_paragraphs(session: Session, reflection_id: int, new_paragraphs: Sequence[str]) -> None:
    session.execute(delete(ParagraphRecord).where(ParagraphRecord.reflection_id == reflection_id))
    if new_paragraphs:
        session.execute(
            insert(ParagraphRecord),
            [
                {"reflection_id": reflection_id, "position": position, "text": text}
                for position, text in enumerate(new_paragraphs)
            ],
        )


def _reattach_reflection(
    session: Session, reflection_id: int, new_paragraphs: Sequence[str]
) -> list[Highlight]:
    records = list(
        session.scalars(select(HighlightRecord).where(HighlightRecord.reflection_id == reflection_id))
    )
    placements = reattach_all([_anchor(r) for r in records], new_paragraphs)
    now = _now()
    newly_detached = []
    for record, placement in zip(records, placements):
        if placement is None:
            if not record.detached:
                record.detached = True
                record.updated_at = now
                newly_detached.append(record)
            continue
        fresh = anchor_at(new_paragraphs, placement)
        if fresh != _anchor(record) or record.detached:
            for column, value in _anchor_columns(fresh).items():
                setattr(record, column, value)
            record.detached = False
            record.updated_at = now
    session.flush()
    return [_highlight(r) for r in newly_detached]


# --- a material's annotations as a whole (export / import) --------------------------------


def export_annotations(session: Session, material_id: int) -> MaterialAnnotations:
    material = _require_material(session, material_id)
    reflections = list(
        session.scalars(
            select(ReflectionRecord)
            .where(ReflectionRecord.material_id == material_id)
            .order_by(ReflectionRecord.position)
        )
    )
    by_reflection: dict[int, list[Highlight]] = {}
    for h in highlights(session, material_id=material_id):
        by_reflection.setdefault(h.reflection_id, []).append(h)
    annotated = []
    for reflection in reflections:
        entry = ReflectionAnnotations(
            position=reflection.position,
            title=reflection.title,
            note=note(session, reflection.id),
            highlights=tuple(
                PortableHighlight(h.category, h.anchor, h.comment, h.created_at, h.updated_at, h.detached)
                for h in by_reflection.get(reflection.id, ())
            ),
            dismissed=tuple(dismissed_suggestions(session, reflection.id)),
        )
        if entry.note or entry.highlights or entry.dismissed:
            annotated.append(entry)
    return MaterialAnnotations(
        content_hash=material.content_hash,
        headline=material.headline,
        subtitle=material.subtitle,
        reflection_titles=tuple(r.title for r in reflections),
        study_reflection=study_reflection(session, material_id),
        reflections=tuple(annotated),
    )


def find_annotated_material(session: Session, annotations: MaterialAnnotations) -> int:
    """The material the annotations belong to: same content hash, else (the text was
    corrected on one side) same headline and reflection titles."""
    found = session.scalar(
        select(MaterialRecord.id).where(MaterialRecord.content_hash == annotations.content_hash)
    )
    if found is not None:
        return found
    titles = [sentence_key(t) for t in annotations.reflection_titles]
    candidates = session.scalars(
        select(MaterialRecord.id)
        .where(MaterialRecord.headline == annotations.headline)
        .order_by(MaterialRecord.id.desc())
    ).all()
    for candidate in candidates:  # the newest copy first
        stored = session.scalars(
            select(ReflectionRecord.title)
            .where(ReflectionRecord.material_id == candidate)
            .order_by(ReflectionRecord.position)
        ).all()
        if titles and [sentence_key(t) for t in stored] == titles:
            return candidate
    raise UnknownMaterialError(
        f"The material “{annotations.headline}” is not in this library; import its page "
        "first, then import the notes again.",
    )


def import_annotations(
    session: Session, annotations: MaterialAnnotations, material_id: int | None = None
) -> AnnotationImportResult:
    """Merge a material's annotations into the library; importing twice adds nothing.

    A highlight with the same category and (re-attached) anchor as one already here is
    the same highlight; notes and comments are merged with :func:`merge_texts`.
    """
    if material_id is None:
        material_id = find_annotated_material(session, annotations)
    else:
        _require_material(session, material_id)
    targets = session.scalars(
        select(ReflectionRecord.id)
        .where(ReflectionRecord.material_id == material_id)
        .order_by(ReflectionRecord.position)
    ).all()
    counts = dict(added=0, detached=0, already=0, notes=0, dismissals=0)
    for entry in annotations.reflections:
        if not 0 <= entry.position < len(targets):
            raise AnnotationError(
                f"The notes on reflection {entry.position + 1} (“{entry.title}”) have no "
                "reflection to go to in this library's copy of the material; nothing was imported.",
                code="annotation-unknown-reflection",
            )
        reflection_id = targets[entry.position]
        _import_highlights(session, reflection_id, entry.highlights, counts)
        if entry.note is not None:
            counts["notes"] += _merge_note(session, NoteRecord, reflection_id, entry.note)
        for dismissal in entry.dismissed:
            counts["dismissals"] += dismiss_suggestion(
                session, reflection_id, dismissal.paragraph, dismissal.start, dismissal.end,
                dismissal.sentence, dismissal.dismissed_at,
            )
    if annotations.study_reflection is not None:
        counts["notes"] += _merge_note(
            session, StudyReflectionRecord, material_id, annotations.study_reflection
        )
    session.flush()
    return AnnotationImportResult(
        material_id=material_id,
        highlights_added=counts["added"],
        highlights_detached=counts["detached"],
        highlights_already_there=counts["already"],
        notes_changed=counts["notes"],
        dismissals_added=counts["dismissals"],
    )


def _import_highlights(
    session: Session,
    reflection_id: int,
    incoming: Iterable[PortableHighlight],
    counts: dict[str, int],
) -> None:
    text = paragraphs(session, reflection_id)
    present = {
        (r.category, _anchor(r)): r
        for r in session.scalars(select(HighlightRecord).where(HighlightRecord.reflection_id == reflection_id))
    }
    now = _now()
    for item in incoming:
        category = check_category(item.category)
        placement = reattach(item.anchor, text)
        anchor = item.anchor if placement is None else anchor_at(text, placement)
        same = present.get((category, anchor))
        if same is not None:
            counts["already"] += 1
            merged = merge_texts(same.comment, item.comment)
            if merged != same.comment:
                same.comment = merged
                same.updated_at = now
            continue
        record = HighlightRecord(
            reflection_id=reflection_id,
            category=category,
            comment=item.comment,
            detached=placement is None,
            created_at=item.created_at or now,
            updated_at=item.updated_at or item.created_at or now,
            **_anchor_columns(anchor),
        )
        session.add(record)
        present[(category, anchor)] = record
        counts["added"] += 1
        counts["detached"] += placement is None
    session.flush()


def _merge_note(
    session: Session,
    model: type[NoteRecord] | type[StudyReflectionRecord],
    owner_id: int,
    incoming: Note,
) -> int:
    """Merge an imported note into ours; 1 if ours changed."""
    record = _text_record(session, model, owner_id)
    ours = record.text if record is not None else ""
    merged = merge_texts(ours, incoming.text)
    if merged == ours:
        return 0
    newest = incoming.updated_at if record is None else max(record.updated_at, incoming.updated_at)
    _store_text(session, model, owner_id, merged, newest)
    return 1


# --- helpers -----------------------------------------------------------------------------


def paragraphs(session: Session, reflection_id: int) -> tuple[str, ...]:
    """A reflection's body; LibraryError if there is no such reflection."""
    texts = tuple(
        session.scalars(
            select(ParagraphRecord.text)
            .where(ParagraphRecord.reflection_id == reflection_id)
            .order_by(ParagraphRecord.position)
        )
    )
    if not texts:
        _require_reflection(session, reflection_id)
    return texts


def _check_fits(anchor: Anchor, body: Sequence[str]) -> None:
    """Refuse an anchor that does not point at its own words in the current text: it was
    made on text that has changed since (e.g. by another window)."""
    if not isinstance(anchor, Anchor):
        raise AnnotationError("A highlight needs an anchor.", code="annotation-anchor")
    fits = anchor.paragraph < len(body) and body[anchor.paragraph][anchor.start : anchor.end] == anchor.exact
    if not fits:
        raise AnnotationError(
            "The highlighted words are not at that place in the reflection's current text; "
            "select them again.",
            code="annotation-stale-anchor",
        )


def _check_comment(comment: str) -> None:
    if not isinstance(comment, str):
        raise AnnotationError("A highlight's comment must be text.", code="annotation-comment")


def _highlight_record(session: Session, highlight_id: int) -> HighlightRecord:
    record = session.get(HighlightRecord, highlight_id)
    if record is None:
        raise missing("highlight", highlight_id)
    return record


def _require_reflection(session: Session, reflection_id: int) -> None:
    if session.get(ReflectionRecord, reflection_id) is None:
        raise missing("reflection", reflection_id)


def _require_material(session: Session, material_id: int) -> MaterialRecord:
    record = session.get(MaterialRecord, material_id)
    if record is None:
        raise missing("material", material_id)
    return record


def missing(kind: str, item_id: int) -> LibraryError:
    return LibraryError(f"There is no {kind} {item_id} in the library.", code="library-not-found")


def _anchor_columns(anchor: Anchor) -> dict[str, object]:
    return {
        "paragraph": anchor.paragraph,
        "start_offset": anchor.start,
        "end_offset": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }


def _anchor(record: HighlightRecord) -> Anchor:
    return Anchor(
        paragraph=record.paragraph,
        start=record.start_offset,
        end=record.end_offset,
        exact=record.exact,
        prefix=record.prefix,
        suffix=record.suffix,
    )


def _highlight(record: HighlightRecord) -> Highlight:
    return Highlight(
        id=record.id,
        reflection_id=record.reflection_id,
        category=record.category,  # type: ignore[arg-type]
        anchor=_anchor(record),
        comment=record.comment,
        created_at=record.created_at,
        updated_at=record.updated_at,
        detached=record.detached,
    )


def _now() -> datetime:
    return datetime.now(timezone.utc)
