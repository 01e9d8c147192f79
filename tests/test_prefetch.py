"""The helper thread that flattens relation batches while the Neo4j driver waits on the server."""
import threading
from contextlib import closing

import pytest

from graphkit.stores.neo4j import _prefetched


def _helpers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "graphkit-neo4j-rows"]


def test_items_arrive_in_order_and_the_thread_ends():
    assert list(_prefetched(iter(range(1000)), depth=3)) == list(range(1000))
    assert _helpers() == []


def test_an_error_in_the_producer_is_raised_in_the_consumer():
    def items():
        yield 1
        yield 2
        raise ValueError("relation ('A', 'MET_WITH', 'B'): kinds disagree")

    got = []
    with pytest.raises(ValueError, match="kinds disagree"):
        for item in _prefetched(items()):
            got.append(item)
    assert got == [1, 2] and _helpers() == []


def test_a_consumer_that_stops_early_stops_the_producer():
    produced = []

    def items():
        for i in range(10_000):
            produced.append(i)
            yield i

    with closing(_prefetched(items(), depth=2)) as batches:
        for item in batches:
            if item == 5:
                break
    assert _helpers() == []
    assert len(produced) < 20  # it stopped, a few items ahead at most
