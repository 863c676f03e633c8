"""The moderators' dashboard: aggregate shares of reported effects, read from the published snapshot.

It only ever opens the snapshot (read-only; reopened when it is republished), never the warehouse,
and the snapshot holds suppressed aggregates only. The pages live in views/ (a pages/ folder would
also be listed by Streamlit on its own) and are drawn by panels.py, each with the shared filters.
"""

from __future__ import annotations

import streamlit as st

PAGES = [("views/effects.py", "Effects"), ("views/breakdowns.py", "Breakdowns"), ("views/trends.py", "Trend"),
         ("views/published.py", "Published comparison"), ("views/signals.py", "Disproportionality")]


def main() -> None:
    st.set_page_config(page_title="experiences: reported effects", layout="wide")
    page = st.navigation([st.Page(path, title=title, default=i == 0) for i, (path, title) in enumerate(PAGES)])
    page.run()


# Streamlit runs this file as __main__; anything else importing it (a spawned worker process
# re-importing the main module, for one) must not draw the page.
if __name__ == "__main__":
    main()
