"""The gateway's records as its API shows them: each wire model read from the record's attributes,
with what the record does not hold given beside it (servicekit.presenters)."""

from gateway.api.schemas import (
    ApiKeyCreated,
    ApiKeyCreator,
    ApiKeyPublic,
    InvitationCreated,
    InvitationPublic,
    Inviter,
    Joined,
    Me,
    MemberPublic,
    MyInvitation,
    OrgPublic,
    OrgSummary,
    SignupConfirmed,
    SignupPending,
)
from gateway.api.webhook_schemas import DeliveryPublic, WebhookCreated, WebhookCreator, WebhookPublic
from gateway.application.signups import Confirmed
from gateway.domain.accounts import ApiKeyRecord, MembershipRecord, OrgRecord, UserRecord
from gateway.domain.identity import Principal
from gateway.domain.onboarding import InvitationRecord, PendingSignup
from gateway.domain.webhooks import Delivery, Subscription
from servicekit.presenters import present


def org_public(org: OrgRecord) -> OrgPublic:
    return OrgPublic.model_validate(org, from_attributes=True)


def member_public(membership: MembershipRecord, user: UserRecord) -> MemberPublic:
    return present(MemberPublic, membership, user=user, joined_at=membership.created_at)


def me(org: OrgRecord, user: UserRecord | None, caller: Principal) -> Me:
    roles, scopes = sorted(caller.roles), sorted(caller.scopes)
    return present(Me, caller, user=user, org=org, roles=roles, scopes=scopes, api_key=caller.is_api_key)


def signup_pending(signup: PendingSignup) -> SignupPending:
    return SignupPending.model_validate(signup, from_attributes=True)


def signup_confirmed(confirmed: Confirmed) -> SignupConfirmed:
    return present(SignupConfirmed, confirmed, role=confirmed.membership.role)


def _inviter(invitation: InvitationRecord) -> Inviter | None:
    return Inviter(id=invitation.invited_by, email=invitation.invited_by_email) if invitation.invited_by else None


def invitation_public(invitation: InvitationRecord) -> InvitationPublic:
    return present(InvitationPublic, invitation, invited_by=_inviter(invitation))


def invitation_created(invitation: InvitationRecord, token: str) -> InvitationCreated:
    return present(InvitationCreated, invitation, invited_by=_inviter(invitation), token=token)


def _org_of(invitation: InvitationRecord) -> OrgSummary:
    return OrgSummary(id=invitation.org_id, name=invitation.org_name, kind=invitation.org_kind)


def my_invitation(invitation: InvitationRecord) -> MyInvitation:
    return present(MyInvitation, invitation, org=_org_of(invitation))


def joined(invitation: InvitationRecord, membership: MembershipRecord) -> Joined:
    return Joined(org=_org_of(invitation), role=membership.role, joined_at=membership.created_at)


def _creator(record: ApiKeyRecord) -> ApiKeyCreator | None:
    return ApiKeyCreator(id=record.created_by, email=record.created_by_email) if record.created_by else None


def api_key_public(record: ApiKeyRecord) -> ApiKeyPublic:
    return present(ApiKeyPublic, record, created_by=_creator(record))


def api_key_created(record: ApiKeyRecord, key: str) -> ApiKeyCreated:
    return present(ApiKeyCreated, record, created_by=_creator(record), key=key)


def _webhook_creator(subscription: Subscription) -> WebhookCreator | None:
    creator = subscription.created_by
    return WebhookCreator(id=creator.id, kind=creator.kind.value) if creator else None


def webhook_public(subscription: Subscription) -> WebhookPublic:
    return present(WebhookPublic, subscription, created_by=_webhook_creator(subscription))


def webhook_created(subscription: Subscription) -> WebhookCreated:
    """With its signing secret: shown only now."""
    return present(WebhookCreated, subscription, created_by=_webhook_creator(subscription))


def delivery_public(delivery: Delivery) -> DeliveryPublic:
    return DeliveryPublic.model_validate(delivery, from_attributes=True)
