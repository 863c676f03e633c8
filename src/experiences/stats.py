"""The statistics the dashboards show: Wilson intervals and proportional reporting ratios."""

from __future__ import annotations

import numpy as np

Z95 = 1.959963984540054


def wilson(count, total, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """95% Wilson score interval of count/total (arrays or scalars); NaN where total is 0 or missing."""
    k = np.asarray(count, dtype=float)
    n = np.asarray(total, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denominator = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return centre - half, centre + half


def prr(a, b, c, d) -> tuple[np.ndarray, np.ndarray]:
    """Proportional reporting ratio and Yates-corrected chi-squared (Evans et al. 2001).

    a: reports in the group with the effect, b: in the group without it,
    c: other reports with the effect, d: other reports without it.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (a / (a + b)) / (c / (c + d))
        chi2 = n * np.maximum(np.abs(a * d - b * c) - n / 2, 0) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    return ratio, chi2


def signal(a, ratio, chi2) -> np.ndarray:
    """Evans et al. (2001): a signal where at least 3 reports, PRR >= 2 and chi-squared >= 4."""
    return (np.asarray(a, dtype=float) >= 3) & (np.asarray(ratio) >= 2) & (np.asarray(chi2) >= 4)
