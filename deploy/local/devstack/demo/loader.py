"""Loads the demo account (devstack.demo.story) through the gateway only, as its users would: an
operator makes a platform admin, who imports the Instagram export into the shared catalogue; the
brand signs up, its members join, it imports the YouTube export into its own catalogue, runs its
campaigns with the creators who claimed their profiles, and a shop and the platform report orders
and insights with an API key. Made of the lifecycle test's steps (devstack.walk)."""

import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from devstack.mailbox import Mailbox
from devstack.walk import Org, Walk, make_admin, png, until

from .story import (
    ADMIN,
    ANALYST,
    BRAND,
    CREATORS,
    HASHTAG,
    MANAGER,
    OWNER,
    PASSWORD,
    Story,
    at,
    money,
)  # fmt: skip

EXPORTS = {"instagram": "instagram_top200.csv", "youtube": "youtube_global_2023.csv"}


class AlreadyLoaded(Exception):
    """The demo org exists: loading twice would add a second set of campaigns."""


def exports_folder(repo: Path) -> Path:
    """../shared/datasets beside the clone when it is there, else the small copies in the repo."""
    shared = repo.parent / "shared" / "datasets"
    if all((shared / name).is_file() for name in EXPORTS.values()):
        return shared
    return Path(__file__).with_name("data")


@dataclass
class Demo(Walk):
    gateway: httpx.AsyncClient
    mailbox: Mailbox
    gateway_env: dict[str, str]  # the gateway's settings: an operator's gateway-admin needs them
    exports: Path
    story: Story
    patience: float = 60
    tag: str = "demo"
    s: dict[str, Any] = field(default_factory=dict)
    server_errors: list[str] = field(default_factory=list)
    imported: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- people ------------------------------------------------------------------------------

    async def log_in(self, email: str, org_id: str) -> Org:
        data = {"grant_type": "password", "username": email, "password": PASSWORD, "org_id": org_id}
        answer = await self.post("/api/v1/auth/token", {}, (200,), data=data)
        return Org(org_id, answer["access_token"], email)

    async def refuse_twice(self) -> None:
        data = {"grant_type": "password", "username": OWNER, "password": PASSWORD}
        answer = await self.post("/api/v1/auth/token", {}, (200, 400, 401), data=data)
        if "access_token" in answer:
            raise AlreadyLoaded(f"{OWNER} already has an account here: the demo is loaded (or was cut short)")

    async def sign_up(self, body: dict[str, Any], path: str = "/api/v1/orgs") -> Org:
        """Signed up, confirmed by the mailed token and signed in (as devstack.mailbox.sign_up, but
        each call waiting out the sign-up rate limit, which `make run` keeps at production's)."""
        email = str(body.get("email") or body["owner"]["email"])
        return await self.log_in(email, await self.signed_up(email, body, path))

    async def signed_up(self, email: str, body: dict[str, Any], path: str = "/api/v1/orgs") -> str:
        """The new org's id."""
        seen = self.mailbox.latest_token(email)
        await self.post(path, {}, (202,), json=body)
        return str((await self.confirm(email, seen))["org"]["id"])

    async def confirm(self, email: str, seen: str | None) -> dict[str, Any]:
        token = await self.mailbox.token(email, seen=seen)
        return await self.post("/api/v1/signups/confirm", {}, (201,), json={"token": token})  # type: ignore[no-any-return]

    async def accounts(self) -> None:
        owner = {"email": OWNER, "password": PASSWORD}
        self.s["owner"] = brand = await self.sign_up({"name": BRAND, "kind": "brand", "owner": owner})
        for email, role in ((MANAGER, "manager"), (ANALYST, "analyst")):
            invited = await self.post(f"/api/v1/orgs/{brand.id}/members", brand.auth, (201,),
                                      json={"email": email, "role": role})  # fmt: skip
            seen = self.mailbox.latest_token(email)
            await self.post(
                "/api/v1/invitations/join", {}, (202,), json={"token": invited["token"], "password": PASSWORD}
            )
            await self.confirm(email, seen)
        operator = {"email": ADMIN, "password": PASSWORD}
        org = await self.signed_up(ADMIN, {"name": "Platform operators", "kind": "agency", "owner": operator})
        await make_admin(ADMIN, self.gateway_env)
        self.s["admin"] = await self.log_in(ADMIN, org)

    @property
    def brand(self) -> Org:
        return self.s["owner"]  # type: ignore[no-any-return]

    # -- the catalogue -------------------------------------------------------------------------

    async def import_exports(self) -> None:
        """Each export as it comes (BOM, `475.8m`, latin-1...): Instagram's into the shared
        catalogue by the admin, YouTube's into the brand's own."""
        for platform, who in (("instagram", self.s["admin"]), ("youtube", self.brand)):
            job = await self.post(
                f"/api/v1/influencers/import?platform={platform}", who.auth, (202,),
                content=(self.exports / EXPORTS[platform]).read_bytes(), headers={"content-type": "text/csv"},
            )  # fmt: skip
            done = await self.get(
                f"/api/v1/import-jobs/{job['id']}", who.auth, lambda j: j["state"] in ("succeeded", "failed")
            )
            if done["state"] != "succeeded":
                raise RuntimeError(f"the {platform} export's import failed: {done}")
            self.imported[platform] = done

    async def profile(self, handle: str, platform: str = "instagram") -> dict[str, Any]:
        found = await self.get(
            "/api/v1/influencers", self.brand.auth, lambda b: any(p["handle"] == handle for p in b["items"]),
            params={"q": handle, "platform": platform},
        )  # fmt: skip
        return next(p for p in found["items"] if p["handle"] == handle)  # type: ignore[no-any-return]

    async def creators_claim(self) -> None:
        for handle in CREATORS:
            influencer = await self.profile(handle)
            body = {"email": f"{handle}@creators.test", "password": PASSWORD, "display_name": handle,
                    "influencer_id": influencer["id"]}  # fmt: skip
            self.s[handle] = await self.sign_up(body, "/api/v1/creators")
            self.s[f"{handle}_id"] = influencer["id"]

    async def partner_key(self) -> None:
        """The shop's and the social platform's integration: orders and insights by API key."""
        key = await self.post(
            "/api/v1/api-keys", self.brand.auth, (201,),
            json={"name": "Northwind shop and Instagram", "scopes": ["conversions:write", "insights:write"]},
        )  # fmt: skip
        self.s["partner"] = {"x-api-key": key["key"]}
        self.s["api_key"] = key["key"]
        emv = {"currency": "EUR", "per_mille_minor": {"likes": 5_000, "comments": 20_000, "shares": 30_000}}
        await self.post("/api/v1/emv-values", self.brand.auth, (200,), method="PUT", json=emv)

    # -- campaign steps ------------------------------------------------------------------------

    async def campaign(self, name: str, budget: int, starts: date, ends: date, **extra: Any) -> str:
        body = {"name": name, "objective": extra.pop("objective", "conversions"), "budget": money(budget),
                "starts_on": str(starts), "ends_on": str(ends), **extra}  # fmt: skip
        made = await self.post("/api/v1/campaigns", self.brand.auth, json=body)
        brief = {"required_hashtags": [HASHTAG], "markets": ["US", "UK"], "brand": {"name": BRAND}}
        await self.post(  # content hears of the campaign from partnerships first: a 404 until then
            f"/api/v1/campaigns/{made['id']}/brief", self.brand.auth, (200,), json=brief, method="PUT", retry=(404,)
        )
        self.s[name] = made["id"]
        return str(made["id"])

    async def launch(self, campaign: str) -> None:
        await self.post(f"/api/v1/campaigns/{campaign}/launch", self.brand.auth, (200,))

    async def propose(self, campaign: str, influencer_id: str, offer: dict[str, Any]) -> str:
        made = await self.post(
            f"/api/v1/campaigns/{campaign}/partnerships", self.brand.auth, (201,),
            json={"influencer_id": influencer_id, "terms": offer},
        )  # fmt: skip
        return str(made["id"])

    async def act(self, partnership: str, action: str, who: Org, **body: Any) -> dict[str, Any]:
        return await self.post(f"/api/v1/partnerships/{partnership}/{action}", who.auth, (200,), json=body)  # type: ignore[no-any-return]

    async def sign_both(self, partnership: str, creator: Org, version: int = 1) -> None:
        for signer in (self.brand, creator):
            await self.act(partnership, "sign", signer, terms_version=version)

    async def deliverable(self, partnership: str) -> str:
        made = await self.get(f"/api/v1/partnerships/{partnership}/deliverables", self.brand.auth, lambda b: b["items"])
        return str(made["items"][0]["id"])

    async def draft(self, deliverable: str, creator: Org, caption: str) -> dict[str, Any]:
        medium = await self.post(f"/api/v1/deliverables/{deliverable}/media", creator.auth, (201,), content=png(),
                                 headers={"content-type": "image/png"})  # fmt: skip
        version = {"caption": caption, "platform": "instagram", "format": "post", "media": [{"media_id": medium["id"]}]}
        return await self.post(f"/api/v1/deliverables/{deliverable}/submissions", creator.auth, (201,), json=version)  # type: ignore[no-any-return]

    async def approve_and_publish(self, deliverable: str, creator: Org, caption: str, published: date) -> str:
        """A draft approved and published `published` (a past day: the post went live then)."""
        version = await self.draft(deliverable, creator, caption)
        await self.post(f"/api/v1/submissions/{version['id']}/approve", self.brand.auth, (200,), json={})
        shortcode = uuid.uuid5(uuid.NAMESPACE_URL, deliverable).hex[:11]
        post = await self.post(
            f"/api/v1/deliverables/{deliverable}/publish", creator.auth, (201,),
            json={"url": f"https://www.instagram.com/p/{shortcode}/", "caption": caption,
                  "published_at": at(published, 17)},
        )  # fmt: skip
        return str(post["id"])

    async def insights(self, post: str, snapshots: list[dict[str, Any]]) -> None:
        await self.post(  # metrics hears of the post from content first: a 404 until then
            f"/api/v1/posts/{post}/insights", self.s["partner"], (200, 202), json={"items": snapshots}, retry=(404,)
        )

    async def orders(self, items: list[dict[str, Any]]) -> None:
        await self.post("/api/v1/conversions", self.s["partner"], (200, 201), json={"items": items})

    async def promo_code(self, code: str, partnership: str) -> None:
        await self.post(
            "/api/v1/promo-codes", self.brand.auth, (201,), json={"code": code, "partnership_id": partnership}
        )

    async def visits(self, partnership: str, deliverable: str, topic: str, count: int) -> list[str]:
        """Visitors following the post's tracking link (now: a click is timed by the redirect);
        the click ids the shop will see."""
        link = await self.post(
            "/api/v1/tracking-links", self.brand.auth, (201,),
            json={"partnership_id": partnership, "deliverable_id": deliverable,
                  "destination_url": "https://shop.northwind.example/winter-blend"},
        )  # fmt: skip
        click_ids = []
        for agent in self.story.visitors(topic, count):
            followed = await until(lambda a=agent: self._follow(link["code"], a), self.patience, f"/r/{link['code']}")
            click_ids += parse_qs(urlsplit(followed.headers["location"]).query)["click_id"]
        return click_ids

    async def _follow(self, code: str, agent: str) -> httpx.Response | None:
        response = await self.gateway.get(f"/r/{code}", headers={"user-agent": agent})
        return response if response.status_code == 302 else None
