"""Fixtures of the end-to-end suite: the real shop and the real OpenERP.

The suite starts its own servers through the harness (the one way to start
them), on the test instance (TEST_INSTANCE, default "test"), and stops them
at the end. Each test that changes data asks for ``fresh_stack`` to start from
copies of the template databases.
"""
import pytest

from tests.e2e.stack import Stack
from tests.harness import config
from tests.harness.servers import Servers


@pytest.fixture(scope="session")
def stack():
    servers = Servers(config.test_instance())
    running = Stack(servers)
    running.build_templates()
    running.reset()
    yield running
    running.stop()


@pytest.fixture
def fresh_stack(stack):
    """The stack on fresh copies of the template databases."""
    stack.reset()
    return stack
