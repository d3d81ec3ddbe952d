"""Search slots: a freed slot goes to the oldest waiting request, so no request waits behind later arrivals."""

from __future__ import annotations

import threading
import time

import pytest

from api.slots import FairSlots


def _until(condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_waiters_get_slots_in_the_order_they_arrived() -> None:
    slots, order = FairSlots(1), []
    slots.acquire()

    def search(n: int) -> None:
        with slots:
            order.append(n)

    threads = []
    for n in range(6):
        t = threading.Thread(target=search, args=(n,))
        t.start()
        threads.append(t)
        _until(lambda n=n: slots.waiting == n + 1)  # each queued before the next arrives
    slots.release()
    for t in threads:
        t.join(5)
    assert order == list(range(6))


def test_a_newcomer_cannot_take_a_slot_freed_for_a_waiter() -> None:
    slots, got = FairSlots(1), threading.Event()
    slots.acquire()
    waiter = threading.Thread(target=lambda: (slots.acquire(), got.set()))
    waiter.start()
    _until(lambda: slots.waiting == 1)
    slots.release()
    assert slots.acquire(blocking=False) is False  # a semaphore would let this caller win the race
    assert got.wait(5)
    slots.release()
    assert slots.acquire(blocking=False) is True
    waiter.join(5)


def test_free_slots_are_taken_at_once_and_over_release_is_an_error() -> None:
    slots = FairSlots(2)
    assert slots.acquire(blocking=False) and slots.acquire(blocking=False)
    assert slots.acquire(blocking=False) is False
    slots.release()
    slots.release()
    with pytest.raises(ValueError):
        slots.release()
