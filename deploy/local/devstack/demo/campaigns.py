"""The brand's five campaigns, one state each, run through the loader's steps."""

from typing import Any

from devstack.walk import terms

from .loader import Demo
from .story import CAMPAIGNS, HASHTAG, money

SCHEDULE = [{"trigger": "on_approval", "percent": 40}, {"trigger": "on_publish", "percent": 60}]


def fixed(amount_minor: int, schedule: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return terms({"kind": "fixed", "amount": money(amount_minor)}, schedule)


def video(amount_minor: int) -> dict[str, Any]:
    """A YouTube channel's integration: one video."""
    return {**fixed(amount_minor), "deliverables": [{"type": "video", "platform": "youtube", "count": 1}]}


class Northwind(Demo):
    async def load(self) -> None:
        await self.refuse_twice()
        await self.accounts()
        await self.import_exports()
        await self.creators_claim()
        await self.partner_key()
        await self.winter_blend()
        await self.cold_brew_summer()
        await self.holiday_gift_box()
        await self.spring_preview()
        await self.pop_up_tasting()

    def summary(self) -> str:
        rows = ", ".join(f"{job['rows_read']} {platform} rows" for platform, job in self.imported.items())
        return f"{rows} imported; {len(CAMPAIGNS)} campaigns"

    async def youtube_channels(self, count: int) -> list[dict[str, Any]]:
        """The biggest channels of the brand's own import."""
        found = await self.get(
            "/api/v1/influencers", self.brand.auth, lambda b: len(b["items"]) == count,
            params={"platform": "youtube", "visibility": "private", "limit": count},
        )  # fmt: skip
        return list(found["items"])

    async def winter_blend(self) -> None:
        """Active six weeks: a countered and signed fee with its failing first draft, a commission
        under a promo code, a contract cancelled, an offer to a YouTube channel still open; two
        posts with weekly insights, a boost, clicks, orders and a refund."""
        story, brand = self.story, self.brand
        zendaya, gigi, dua = (self.s[h] for h in ("zendaya", "gigihadid", "dualipa"))
        campaign = await self.campaign(
            "Winter Blend", 2_000_000, story.days_ago(42), story.days_ago(-21),
            kpis={"clicks": 30, "conversions": 20}, target_audience={"countries": ["US", "GB"]},
        )  # fmt: skip
        await self.launch(campaign)
        countered = await self.propose(campaign, self.s["zendaya_id"], fixed(300_000, SCHEDULE))
        answer = await self.act(countered, "counter", zendaya, terms=fixed(350_000, SCHEDULE), terms_version=1,
                                note="Two reels' worth of work")  # fmt: skip
        await self.sign_both(countered, zendaya, answer["terms_version"])
        commission = await self.propose(
            campaign, self.s["gigihadid_id"],
            terms({"kind": "commission", "rate_bps": 800, "cap": money(150_000)}),
        )  # fmt: skip
        await self.act(commission, "accept", gigi, terms_version=1)
        await self.sign_both(commission, gigi)
        ended = await self.propose(campaign, self.s["dualipa_id"], fixed(200_000))
        await self.act(ended, "accept", dua, terms_version=1)
        await self.sign_both(ended, dua)
        (channel,) = await self.youtube_channels(1)
        await self.propose(campaign, channel["id"], video(150_000))

        first = await self.deliverable(countered)
        failing = await self.draft(first, zendaya, f"Winter mornings with Northwind {HASHTAG}")
        await self.post(f"/api/v1/submissions/{failing['id']}/request-changes", brand.auth, (200,),
                        json={"comments": [{"body": "Disclose the partnership: #ad up front"}]})  # fmt: skip
        post = await self.approve_and_publish(
            first, zendaya, f"#ad Winter mornings with Northwind {HASHTAG}", story.days_ago(35)
        )
        await self.insights(post, story.insights("winter-zendaya", story.days_ago(35), 5, 40_000))
        boost = await self.post(
            f"/api/v1/deliverables/{first}/amplifications", brand.auth, (201,),
            json={"kind": "paid_boost", "platform": "instagram", "spend": money(60_000),
                  "starts_on": str(story.days_ago(30)), "ends_on": str(story.days_ago(-7))},
        )  # fmt: skip
        await self.get(f"/api/v1/amplifications/{boost['id']}", brand.auth, lambda a: a["state"] == "running")
        # The code's orders first: a commission contract earns while it runs, and it completes once published.
        await self.promo_code("GIGI10", commission)
        await self.orders(story.orders("winter-gigi10", "gigi10", story.days_ago(28), 40))
        await self.get(f"/api/v1/partnerships/{commission}/metrics", brand.auth, lambda m: m["totals"]["fees_minor"])
        second = await self.deliverable(commission)
        post = await self.approve_and_publish(second, gigi, f"#ad Cosy cup, code GIGI10 {HASHTAG}", story.days_ago(28))
        await self.insights(post, story.insights("winter-gigi", story.days_ago(28), 4, 25_000))
        await self.act(ended, "cancel", brand, reason="The tour moved to spring")

        click_ids = await self.visits(countered, first, "winter", 36)
        await self.orders([
            {"order_id": f"winter-click-{n}", "amount": money(amount), "occurred_at": story.now(), "click_id": click}
            for n, (amount, click) in enumerate(zip((4_500, 7_900, 3_200), click_ids, strict=False))
        ])  # fmt: skip

    async def cold_brew_summer(self) -> None:
        """Done: one post over the summer, its insights and orders, then completed (paid in full)."""
        story, gigi = self.story, self.s["gigihadid"]
        campaign = await self.campaign(
            "Cold Brew Summer", 800_000, story.days_ago(84), story.days_ago(-1), objective="awareness",
            kpis={"reach": 50_000},
        )  # fmt: skip
        await self.launch(campaign)
        partnership = await self.propose(campaign, self.s["gigihadid_id"], fixed(250_000))
        await self.act(partnership, "accept", gigi, terms_version=1)
        await self.sign_both(partnership, gigi)
        deliverable = await self.deliverable(partnership)
        post = await self.approve_and_publish(
            deliverable, gigi, f"#ad Iced and easy: Northwind cold brew {HASHTAG}", story.days_ago(77)
        )
        await self.insights(post, story.insights("summer-gigi", story.days_ago(77), 8, 30_000))
        await self.promo_code("SUMMER15", partnership)
        await self.orders(story.orders("summer15", "SUMMER15", story.days_ago(77), 8))
        await self.post(f"/api/v1/campaigns/{campaign}/complete", self.brand.auth, (200,))

    async def holiday_gift_box(self) -> None:
        """Launched, in negotiation: an offer waiting, a counter to answer, a decline."""
        story = self.story
        campaign = await self.campaign("Holiday Gift Box", 1_200_000, story.days_ago(3), story.days_ago(-40))
        await self.launch(campaign)
        await self.propose(campaign, self.s["zendaya_id"], fixed(400_000))
        countered = await self.propose(campaign, self.s["gigihadid_id"], fixed(300_000))
        await self.act(countered, "counter", self.s["gigihadid"], terms=fixed(380_000), terms_version=1,
                       note="Gift-box unboxing plus a story")  # fmt: skip
        declined = await self.propose(campaign, self.s["dualipa_id"], fixed(250_000))
        await self.act(declined, "decline", self.s["dualipa"], reason="Booked over the holidays")

    async def spring_preview(self) -> None:
        """A draft: its brief and a shortlist of the brand's own YouTube channels."""
        story = self.story
        campaign = await self.campaign(
            "Spring Preview", 600_000, story.days_ago(-30), story.days_ago(-75), objective="awareness"
        )
        for channel in await self.youtube_channels(3):  # discovery hears of the campaign first: a 404 until then
            await self.post(f"/api/v1/campaigns/{campaign}/shortlist", self.brand.auth, retry=(404,),
                            json={"influencer_id": channel["id"]})  # fmt: skip

    async def pop_up_tasting(self) -> None:
        """Cancelled with an offer open: the offer is cancelled and its reservation released."""
        story = self.story
        campaign = await self.campaign("Pop-up Tasting", 300_000, story.days_ago(20), story.days_ago(-10))
        await self.launch(campaign)
        await self.propose(campaign, self.s["dualipa_id"], fixed(100_000))
        await self.post(f"/api/v1/campaigns/{campaign}/cancel", self.brand.auth, (200,),
                        json={"reason": "The venue fell through"})  # fmt: skip
