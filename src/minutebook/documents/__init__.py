"""Source documents and the provenance of every extracted fact."""
