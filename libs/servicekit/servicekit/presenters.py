"""Domain objects as the API shows them, without a hand-written mapper per model.

    present(PartnershipPublic, partnership, you_are=party, awaiting=partnership.awaiting())

reads each field of the wire model from the attribute of its name on the domain object (its
`validation_alias` where it has one; nested models from their objects' attributes likewise) and
takes the fields the object does not hold from the keywords. A wire model that is the object's
attributes alone needs no helper: `Model.model_validate(obj, from_attributes=True)`.
"""

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
_MISSING = object()


@cache
def _attributes(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(field name, the attribute it is read from) for each field of `model`."""
    return tuple(
        (name, alias if isinstance(alias := field.validation_alias, str) else name)
        for name, field in model.model_fields.items()
    )


def present(model: type[M], source: object, **given: Any) -> M:
    """`model` from `source`'s attributes, and `given` for the fields it does not hold."""
    # A dict, not an object overlaying `source`: pydantic's attribute reads through __getattr__
    # cost twice as much, and partnerships presents a partnership on every transition.
    values = {}
    for name, attribute in _attributes(model):
        value = given[name] if name in given else getattr(source, attribute, _MISSING)
        if value is not _MISSING:
            values[attribute] = value
    return model.model_validate(values, from_attributes=True)
