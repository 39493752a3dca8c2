"""`python -m minutebook` is the `minutebook` command."""

import sys

from minutebook.cli import run

if __name__ == "__main__":
    sys.exit(run())
