"""What the demo account holds, worked out from a seed before any call: the same every run.

A coffee brand, Northwind Coffee, six weeks into its winter campaign: a summer campaign done, a
holiday one in negotiation, a spring one still a draft with its shortlist, a pop-up cancelled."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

PASSWORD = "correct horse battery staple"
BRAND = "Northwind Coffee"
OWNER, MANAGER, ANALYST = (f"{who}@northwind.test" for who in ("owner", "manager", "analyst"))
ADMIN = "admin@platform.test"
# Shared-catalogue profiles (instagram_top200.csv) whose creators sign up to work with the brand.
CREATORS = ("zendaya", "gigihadid", "dualipa")
CURRENCY = "EUR"
HASHTAG = "#NorthwindCoffee"
SEED = 2026
CAMPAIGNS = ("Winter Blend", "Cold Brew Summer", "Holiday Gift Box", "Spring Preview", "Pop-up Tasting")
BROWSERS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{n} like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel {n}) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/12{n}.0 Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 16_{n} like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
)
BOTS = ("Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1")


def money(amount_minor: int) -> dict[str, Any]:
    return {"amount_minor": amount_minor, "currency": CURRENCY}


def at(day: date, hour: int = 10) -> str:
    return datetime.combine(day, time(hour), UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Story:
    """Every number and date of the demo, from `today` and the seed."""

    today: date
    seed: int = SEED

    def rng(self, topic: str) -> random.Random:
        return random.Random(f"{self.seed}-{topic}")

    def now(self) -> str:
        """An order after the clicks that led to it: timed by the redirect, so now."""
        return datetime.now(UTC).isoformat()

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def insights(self, topic: str, published: date, weeks: int, views_per_week: int) -> list[dict[str, Any]]:
        """Cumulative Instagram snapshots, one a week after `published` (never later than today)."""
        rng = self.rng(topic)
        snapshots, views = [], 0
        for week in range(1, weeks + 1):
            day = min(published + timedelta(days=7 * week - 4), self.today)
            views += int(views_per_week * rng.uniform(0.5, 1.3) / week**0.5)
            likes = int(views * rng.uniform(0.05, 0.08))
            snapshots.append({
                "observed_at": at(day, 9 + week % 8),
                "metrics": {"views": views, "reach": int(views * 0.8), "likes": likes,
                            "comments": likes // 12, "saved": likes // 20, "shares": likes // 25},
            })  # fmt: skip
        return snapshots

    def orders(self, topic: str, code: str, first: date, count: int) -> list[dict[str, Any]]:
        """Shop orders under a promo code, spread from `first` to yesterday, and a refund of one."""
        rng = self.rng(topic)
        span = max((self.today - first).days - 1, 1)
        items: list[dict[str, Any]] = []
        for n in range(count):
            day = first + timedelta(days=span * n // count)
            items.append({"order_id": f"{topic}-{n + 1:03d}", "amount": money(rng.randrange(2_500, 14_000, 100)),
                          "occurred_at": at(day, 8 + n % 12), "promo_code": code})  # fmt: skip
        refunded = items[count // 2]
        items.append({
            "type": "refund", "order_id": refunded["order_id"], "adjustment_id": f"{topic}-refund-1",
            "amount": money(refunded["amount"]["amount_minor"] // 2),
            "occurred_at": at(date.fromisoformat(refunded["occurred_at"][:10]) + timedelta(days=1), 15),
        })  # fmt: skip
        return items

    def visitors(self, topic: str, count: int) -> list[str]:
        """User agents of the visitors following a link: `count` people, a few of them twice (a
        repeat, not counted again) and two crawlers (recorded, not counted)."""
        rng = self.rng(topic)
        people = [f"{rng.choice(BROWSERS).format(n=rng.randrange(10))} demo/{topic}/{n}" for n in range(count)]
        return [*people, *rng.sample(people, k=max(count // 8, 1)), *BOTS]
