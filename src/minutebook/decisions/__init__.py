"""Numbered decision records and the notices sent to the Panel."""
