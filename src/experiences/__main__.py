"""`python -m experiences` is the `experiences` command."""

import sys

from .cli import main

sys.exit(main())
