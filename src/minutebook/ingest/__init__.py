"""Reading published papers and finding the facts in them.

Plain Python: nothing here imports Django, the record apps, the portal or
the API (an import-linter contract holds us to it), so the parser can be
run, tested and profiled on its own.
"""
