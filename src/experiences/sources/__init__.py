"""Sources of raw reports: export files, Reddit dump files, live Reddit."""
