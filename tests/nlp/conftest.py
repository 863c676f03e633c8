import pytest

from experiences.nlp import shared_nlp


@pytest.fixture(scope="session")
def nlp():
    return shared_nlp()
