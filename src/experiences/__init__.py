"""experiences: anonymised, validated, queryable evidence from microdosing self-reports."""

__version__ = "0.1.0"
