"""A page of the dashboard (see panels.py)."""

import panels

panels.trends_page()
