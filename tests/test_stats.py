import numpy as np
import pytest
from scipy.stats import chi2_contingency

from experiences import stats


def test_wilson_matches_the_textbook_interval():
    low, high = stats.wilson(10, 100)
    assert (round(float(low), 4), round(float(high), 4)) == (0.0552, 0.1744)


def test_wilson_stays_inside_zero_and_one():
    low, high = stats.wilson([0, 50], [50, 50])
    assert low[0] == pytest.approx(0) and high[0] > 0
    assert high[1] == pytest.approx(1) and low[1] < 1


def test_wilson_of_a_missing_total_is_missing():
    low, high = stats.wilson(np.nan, 0)
    assert np.isnan(low) and np.isnan(high)


@pytest.mark.parametrize("a, b, c, d", [(20, 80, 50, 850), (12, 30, 40, 400), (3, 5, 90, 1000)])
def test_prr_and_yates_chi_squared(a, b, c, d):
    ratio, chi2 = stats.prr(a, b, c, d)
    assert ratio == pytest.approx((a / (a + b)) / (c / (c + d)))
    assert chi2 == pytest.approx(chi2_contingency([[a, b], [c, d]], correction=True)[0])


def test_signal_needs_all_three_criteria():
    assert stats.signal([3, 2, 30, 30], [2.0, 5.0, 1.9, 2.5], [4.0, 9.0, 9.0, 3.9]).tolist() == [True, False, False, False]
