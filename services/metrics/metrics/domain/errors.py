from servicekit.errors import InvalidField


class NotKnownYet(InvalidField):
    """An id metrics has not heard of from its owner's events (yet: they may be on their way);
    the caller may send the same request again shortly."""
