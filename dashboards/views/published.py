"""A page of the dashboard (see panels.py)."""

import panels

panels.published_page()
