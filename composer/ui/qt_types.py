"""Type names for Qt's own signatures, shared by the item models."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

# What Qt passes to a model's overrides (index, rowCount, data, flags …).
AnyIndex = QModelIndex | QPersistentModelIndex
