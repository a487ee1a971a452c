"""An org's own notes and tags on profiles (the shared catalogue's included), seen by no other org."""

import re
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from servicekit.errors import InvalidField

MAX_TAGS = 30
_TAG = re.compile(r"^[\w][\w .:&+-]{0,39}$")


@dataclass(frozen=True)
class Note:
    id: UUID
    influencer_id: UUID
    text: str
    author_id: UUID | None
    created_at: datetime


def normalize_tags(tags: list[str]) -> list[str]:
    cleaned: dict[str, None] = {}
    for index, tag in enumerate(tags):
        value = " ".join(tag.strip().lower().split())
        if not _TAG.match(value):
            raise InvalidField(f"tags.{index}", "1 to 40 letters, digits, spaces or . : & + - _")
        cleaned[value] = None
    if len(cleaned) > MAX_TAGS:
        raise InvalidField("tags", f"at most {MAX_TAGS} tags")
    return sorted(cleaned)
