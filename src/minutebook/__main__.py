"""`python -m minutebook` is the `minutebook` command."""

import sys

from minutebook.cli import main

sys.exit(main())
