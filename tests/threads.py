"""Work done as the server does it: in a thread, on a database connection of its own, committed
when it returns (the test's own transaction would neither see it nor let others see its rows).
Whatever is committed this way stays: a test removes it itself."""

import threading

from django.db import connections


class Work(threading.Thread):
    """``action`` run in a thread of its own; ``result()`` waits for it and gives its value
    (or raises what it raised)."""

    def __init__(self, action, name=None):
        super().__init__(name=name, daemon=True)
        self.action = action
        self.value = self.error = None

    def run(self):
        try:
            self.value = self.action()
        except BaseException as error:  # handed to result(), in the test's thread
            self.error = error
        finally:
            connections.close_all()

    def result(self):
        self.join()
        if self.error is not None:
            raise self.error
        return self.value


def started(action, name=None):
    work = Work(action, name)
    work.start()
    return work


def committed(action):
    """What ``action`` returns, run on a connection of its own (its writes committed)."""
    return started(action).result()
