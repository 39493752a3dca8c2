"""`python -m minutebook` is the `minutebook` command."""

import sys

from minutebook.cli import main

if __name__ == "__main__":
    sys.exit(main())
