"""Deterministic influencer profiles for discovery's benchmarks (not a benchmark itself).

`profiles(n, seed)` yields rows as an export would have them (CSV cells as strings: `12.3k`,
`2.1%`, `US:40%;GB:20%`), the same every run for the same n and seed.
"""

import csv
import io
import math
import random
from collections.abc import Iterator

PLATFORMS = [("instagram", 40), ("tiktok", 25), ("youtube", 20), ("x", 8), ("twitch", 4), ("blog", 3)]
COUNTRIES = [
    ("US", 30),
    ("GB", 8),
    ("IN", 8),
    ("BR", 7),
    ("DE", 5),
    ("FR", 5),
    ("ES", 4),
    ("MX", 4),
    ("ID", 4),
    ("IT", 3),
    ("CA", 3),
    ("JP", 3),
    ("KR", 2),
    ("TR", 2),
    ("NL", 2),
    ("AU", 2),
    ("PL", 1),
    ("SE", 1),
    ("AR", 1),
    ("NG", 1),
    ("ZA", 1),
    ("PH", 1),
    ("TH", 1),
    ("EG", 1),
]
LANGUAGES = {"US": "en", "GB": "en", "IN": "hi", "BR": "pt", "DE": "de", "FR": "fr", "ES": "es", "MX": "es"}
CATEGORIES = [
    "fitness",
    "yoga",
    "food",
    "vegan",
    "travel",
    "fashion",
    "beauty",
    "skincare",
    "gaming",
    "esports",
    "music",
    "comedy",
    "tech",
    "gadgets",
    "cars",
    "football",
    "basketball",
    "parenting",
    "pets",
    "photography",
    "art",
    "finance",
    "education",
    "science",
    "diy",
]
WORDS = [
    "daily",
    "workouts",
    "healthy",
    "recipes",
    "plant",
    "based",
    "cooking",
    "weekend",
    "trips",
    "hidden",
    "beaches",
    "street",
    "style",
    "vintage",
    "thrift",
    "hauls",
    "makeup",
    "tutorials",
    "glowing",
    "skin",
    "routines",
    "honest",
    "reviews",
    "new",
    "releases",
    "speedruns",
    "ranked",
    "matches",
    "live",
    "sets",
    "acoustic",
    "covers",
    "sketches",
    "pranks",
    "unboxing",
    "smartphones",
    "laptops",
    "track",
    "days",
    "engines",
    "highlights",
    "tactics",
    "family",
    "life",
    "toddlers",
    "rescue",
    "dogs",
    "cats",
    "golden",
    "hour",
    "portraits",
    "watercolor",
    "sketches",
    "investing",
    "budgets",
    "study",
    "tips",
    "chemistry",
    "experiments",
    "woodworking",
    "home",
    "renovation",
    "sustainable",
    "living",
]
AGE_BUCKETS = ["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
ER_BY_PLATFORM = {"instagram": 0.025, "tiktok": 0.06, "youtube": 0.025, "x": 0.006, "twitch": 0.03, "blog": 0.01}
COLUMNS = [
    "platform",
    "handle",
    "name",
    "followers",
    "following",
    "posts",
    "avg_likes",
    "avg_comments",
    "country",
    "language",
    "category",
    "bio",
    "audience_countries",
    "audience_ages",
    "audience_genders",
    "price_post",
]


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _compact(n: float) -> str:
    """Counts as exports write them, mixed: 12.3k, 4.1m, 1,234 or 987."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}m"
    if n >= 10_000:
        return f"{n / 1_000:.1f}k"
    return f"{round(n):,}"


def _shares(rng: random.Random, keys: list[str], k: int) -> list[tuple[str, float]]:
    picked = rng.sample(keys, k)
    raw = [rng.random() + 0.2 for _ in picked]
    scale = rng.uniform(0.6, 1.0) / sum(raw)
    # Rounded down: shares must never sum past 1.
    return [(key, math.floor(value * scale * 1000) / 1000) for key, value in zip(picked, raw, strict=True)]


def profile(rng: random.Random, index: int, growth: float = 1.0) -> dict[str, str]:
    platform = _weighted(rng, PLATFORMS)
    followers = int(math.exp(rng.uniform(math.log(800), math.log(60_000_000))) * growth)
    rate = ER_BY_PLATFORM[platform] * rng.lognormvariate(0, 0.6) * (1.5 if followers < 50_000 else 1.0)
    likes = followers * rate * 0.95
    country = _weighted(rng, COUNTRIES)
    categories = rng.sample(CATEGORIES, rng.randint(1, 3))
    row = {
        "platform": platform,
        "handle": f"creator_{index:07d}",
        "name": f"Creator {index}",
        "followers": _compact(followers),
        "following": str(int(followers * rng.uniform(0.001, 0.3)) if rng.random() < 0.97 else followers * 2),
        "posts": str(rng.randint(5, 5_000)),
        "avg_likes": _compact(likes),
        "avg_comments": _compact(likes * rng.uniform(0.005, 0.06)),
        "country": country,
        "language": LANGUAGES.get(country, "en"),
        "category": ";".join(categories),
        "bio": " ".join(rng.sample(WORDS, 12) + categories),
        "audience_countries": "",
        "audience_ages": "",
        "audience_genders": "",
        "price_post": "",
    }
    if rng.random() < 0.7:
        others = [c for c, _ in COUNTRIES if c != country]
        home = round(rng.uniform(0.3, 0.7), 3)
        abroad = _shares(rng, others, 2)
        scale = (1 - home) / max(1.0, sum(s for _, s in abroad) / (1 - home))
        abroad = [(c, math.floor(s * scale * 1000) / 1000) for c, s in abroad]
        row["audience_countries"] = ";".join(f"{c}:{s}" for c, s in [(country, home), *abroad])
        row["audience_ages"] = ";".join(f"{a}:{s}" for a, s in _shares(rng, AGE_BUCKETS, 3))
        female = round(rng.uniform(0.1, 0.9), 3)
        row["audience_genders"] = f"female:{female};male:{round(0.98 - female, 3)}"
    if rng.random() < 0.6:
        row["price_post"] = f"${max(20, followers // 100):,}"
    return row


def profiles(n: int, seed: int = 7, growth: float = 1.0, start: int = 0) -> Iterator[dict[str, str]]:
    """Profiles start..start+n; `growth` scales every follower count (the same profiles, grown)."""
    rng = random.Random(seed * 1_000_003 + start)
    for index in range(start, start + n):
        yield profile(rng, index, growth)


def csv_bytes(n: int, seed: int = 7, growth: float = 1.0, start: int = 0) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(profiles(n, seed, growth, start))
    return buffer.getvalue().encode()


def brief(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, 6) + rng.sample(CATEGORIES, 2))
