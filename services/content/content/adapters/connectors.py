"""Where a live post is learnt from. The manual connector takes the creator's (or brand's) word;
a platform's connector would read the post from the platform's API behind the same interface."""

from content.domain.posts import LivePost


class ManualConnector:
    name = "manual"

    async def observe(self, claimed: LivePost) -> LivePost:
        return claimed
