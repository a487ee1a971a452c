"""Topic names: one events topic per producing service, one dead-letter topic per consuming one."""

SERVICES = ("discovery", "partnerships", "content", "metrics")


def events_topic(service: str) -> str:
    return f"{service}.events"


def dlq_topic(service: str) -> str:
    return f"{service}.dlq"
