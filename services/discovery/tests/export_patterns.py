"""Generated spreadsheet exports, one per pattern of the monthly "top influencers" exports people
download (issue 18): no public file is copied, each pattern is made here, row by row."""

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

FIRST = ["Lena", "Omar", "Khaby", "Ana", "Wei", "Priya", "Jon", "Sara", "Tomi", "Ines"]
LAST = ["Fit", "Cooks", "Lame", "Travels", "Plays", "Sings", "Draws", "Dances", "Builds", "Reads"]


def person(i: int) -> tuple[str, str]:
    """A handle (no spaces, the platforms' characters) and a display name (with a space) for row i."""
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    return f"{first.lower()}.{last.lower()}_{i}", f"{first} {last} {i}"


def abbreviated(n: int) -> str:
    """As the spreadsheets show a figure: `13.8M`, `50.2K`."""
    for scale, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")):
        if n >= scale:
            return f"{n / scale:.1f}{suffix}"
    return str(n)


def followers_of(i: int) -> int:
    return 13_800_000 - i * 123_457


def write(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode()


@dataclass(frozen=True)
class Export:
    name: str
    platform: str
    content: bytes
    handle_column: str
    name_column: str | None
    rows: int


def handle_beside_name(handle_header: str, name_header: str, platform: str, *, handle_first: bool) -> Export:
    """The handle under a header such as `Tiktoker name`, beside the display name under a similar one."""
    header = ["S.no", handle_header, name_header, "Followers", "Country"]
    if not handle_first:
        header[1], header[2] = header[2], header[1]
    rows = []
    for i in range(12):
        handle, name = person(i)
        cells = [handle, name] if handle_first else [name, handle]
        rows.append([i + 1, *cells, followers_of(i), ["India", "United States", "Brazil"][i % 3]])
    return Export(f"{handle_header} + {name_header}", platform, write(header, rows), handle_header, name_header, 12)


HANDLE_BESIDE_NAME: list[Callable[[], Export]] = [
    lambda: handle_beside_name("Tiktoker name", "Tiktok name", "tiktok", handle_first=True),
    lambda: handle_beside_name("instagram name", "influencer name", "instagram", handle_first=False),
    lambda: handle_beside_name("Influencer insta name", "Name", "instagram", handle_first=True),
    lambda: handle_beside_name("Youtube channel", "youTuber", "youtube", handle_first=False),
    lambda: handle_beside_name("channel name", "Name", "youtube", handle_first=True),
]


def repeated_header(*, disagree_on: int | None = None) -> bytes:
    """`Subscribers count` twice: first abbreviated (`13.8M`), then exact; row `disagree_on`'s
    abbreviated figure is far from its exact one."""
    header = ["Rank", "youTuber", "Subscribers count", "Subscribers count", "Country"]
    rows = []
    for i in range(10):
        handle, _ = person(i)
        exact = followers_of(i)
        shown = abbreviated(exact * 3 if i == disagree_on else exact)
        rows.append([i + 1, handle, shown, exact, "India"])
    return write(header, rows)


def messy_headers() -> bytes:
    """Headers with stray spaces, line breaks inside quotes and suffixes: `(mostly)`, `count`,
    `(avg.)`, `Numbers`."""
    header = [
        " row-cell ",
        "  Tiktoker\nname ",
        "Tiktok name",
        "Subscribers\n(mostly)",
        "Views (avg.)",
        "Likes (avg.) ",
        "Comments (avg.)",
        "Shares (avg.) Numbers",
        " Audience Country\n(mostly) ",
    ]
    rows = []
    for i in range(8):
        handle, name = person(i)
        rows.append([i + 1, handle, name, abbreviated(followers_of(i)), "1.2M", "250.1K", "1.5K", "3K", "Brazil"])
    return write(header, rows)


SHEET_ERRORS = ["#VALOR!", "#VALUE!", "#N/A", "#DIV/0!", "#REF!"]


def sheet_errors() -> bytes:
    """Spreadsheet errors, `N/A'` and dashes in optional cells; one row with an error for its
    handle and one for its follower count (those two rows cannot be imported)."""
    header = ["Rank", "instagram name", "influencer name", "Followers", "Engagement Rate", "Avg. likes", "Country"]
    rows: list[list[object]] = []
    for i in range(10):
        handle, name = person(i)
        error = SHEET_ERRORS[i % len(SHEET_ERRORS)]
        rate = error if i < 5 else "2.5%"
        likes = "N/A'" if i == 6 else ("-" if i == 7 else "12.5K")
        country = "#N/A" if i == 8 else "India"
        rows.append([i + 1, handle, name, followers_of(i), rate, likes, country])
    rows.append([11, "#REF!", "Broken Handle", 5_000, "1%", "100", "India"])
    rows.append([12, "good.handle_12", "Broken Count", "#VALUE!", "1%", "100", "India"])
    return write(header, rows)
