from __future__ import annotations

import pytest

from renja.demo.pemda import DemoPemda, demo_pemda


@pytest.fixture(scope="session")
def planted() -> DemoPemda:
    return demo_pemda(40, planted=True)


@pytest.fixture(scope="session")
def consistent() -> DemoPemda:
    return demo_pemda(40, planted=False)
