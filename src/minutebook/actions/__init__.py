"""Actions raised at meetings and their dated updates."""
