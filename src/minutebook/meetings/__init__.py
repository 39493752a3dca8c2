"""Meetings, agenda items, attendance, declarations, minutes."""
