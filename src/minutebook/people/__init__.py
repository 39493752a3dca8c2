"""People with one identity across spellings, initials and roles."""
