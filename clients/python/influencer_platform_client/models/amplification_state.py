from enum import StrEnum


class AmplificationState(StrEnum):
    DONE = "done"
    FUNDED = "funded"
    REFUSED = "refused"
    REQUESTED = "requested"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
