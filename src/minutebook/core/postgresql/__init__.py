"""PostgreSQL as Django's own backend, with inserts of many rows written as plain VALUES.

Set as the ENGINE by the settings when DATABASE_URL names PostgreSQL.
"""
