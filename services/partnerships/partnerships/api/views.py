"""Domain objects as the API shows them."""

from contracts import Money
from partnerships.api.partnership_schemas import (
    Allocated,
    HistoryPublic,
    InfluencerPublic,
    MessagePublic,
    MilestonePublic,
    PartnershipDetail,
    PartnershipPublic,
    PaymentsPublic,
    PayoutPublic,
    SignaturePublic,
    TemplatePublic,
    TermsVersionPublic,
)
from partnerships.api.schemas import BudgetPublic, CampaignPublic, TargetAudience
from partnerships.api.terms_schemas import TermsPublic
from partnerships.application.negotiation import PartnershipDetails
from partnerships.application.payments import PaymentsView
from partnerships.domain.budget import BudgetReport
from partnerships.domain.campaigns import Campaign, campaign_actions_from
from partnerships.domain.messages import Message, MessageTemplate, placeholders
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Partnership, TermsVersion
from partnerships.domain.terms import Terms


def campaign_public(campaign: Campaign) -> CampaignPublic:
    return CampaignPublic(
        id=campaign.id,
        name=campaign.name,
        objective=campaign.objective,
        state=campaign.state,
        allowed_actions=campaign_actions_from(campaign.state),
        budget=campaign.budget,
        starts_on=campaign.starts_on,
        ends_on=campaign.ends_on,
        target_audience=TargetAudience.model_validate(campaign.target_audience),
        kpis=campaign.kpis,
        created_at=campaign.created_at,
        updated_at=campaign.updated_at,
    )


def budget_public(report: BudgetReport, amplification: int = 0) -> BudgetPublic:
    view = report.view
    return BudgetPublic(
        campaign_id=report.campaign_id,
        currency=view.currency,
        budget=view.money(view.budget),
        reserved=view.money(view.reserved),
        committed=view.money(view.committed),
        paid=view.money(view.paid),
        remaining=view.money(view.remaining),
        reconciled=report.reconciled,
        amplification=view.money(amplification),
    )


def _terms(terms: Terms) -> TermsPublic:
    return TermsPublic.model_validate(terms.to_document())


def _money(amount: int, currency: str) -> Money:
    return Money(amount_minor=amount, currency=currency)


def _allocated(partnership: Partnership) -> Allocated | None:
    if partnership.terms is None:
        return None
    currency = partnership.terms.fee.currency
    allocation = partnership.allocation
    return Allocated(
        reserved=_money(allocation.reserved, currency),
        committed=_money(allocation.committed, currency),
        paid=_money(allocation.paid, currency),
    )


def partnership_public(partnership: Partnership, party: Party) -> PartnershipPublic:
    current = partnership.current
    return PartnershipPublic(
        id=partnership.id,
        campaign_id=partnership.campaign_id,
        influencer_id=partnership.influencer_id,
        influencer=InfluencerPublic(
            platform=partnership.influencer.platform,
            handle=partnership.influencer.handle,
            display_name=partnership.influencer.display_name,
        ),
        state=partnership.state,
        origin=partnership.origin,
        you_are=party,
        allowed_actions=partnership.allowed_actions(party),
        awaiting=partnership.awaiting(),
        terms_version=partnership.terms_version,
        terms_hash=current.terms_hash if current else None,
        terms=_terms(current.terms) if current else None,
        fee=current.terms.budgeted if current else None,
        allocated=_allocated(partnership),
        signatures=[
            SignaturePublic(
                party=s.party,
                user_id=s.user_id,
                terms_version=s.terms_version,
                terms_hash=s.terms_hash,
                signed_at=s.signed_at,
            )
            for s in partnership.signatures
        ],
        contacted_at=partnership.contacted_at,
        signed_at=partnership.signed_at,
        created_at=partnership.created_at,
        updated_at=partnership.updated_at,
    )


def _version(version: TermsVersion) -> TermsVersionPublic:
    return TermsVersionPublic(
        version=version.version,
        author=version.author,
        author_user_id=version.author_user_id,
        terms_hash=version.terms_hash,
        created_at=version.created_at,
        terms=_terms(version.terms),
    )


def partnership_detail(details: PartnershipDetails) -> PartnershipDetail:
    public = partnership_public(details.partnership, details.party)
    return PartnershipDetail(
        **public.model_dump(),
        versions=[_version(v) for v in details.versions],
        history=[
            HistoryPublic(
                at=h.at,
                action=h.action,
                actor=h.party,
                user_id=h.user_id,
                from_state=h.from_state,
                to_state=h.to_state,
                terms_version=h.terms_version,
                note=h.note,
            )
            for h in details.history
        ],
    )


def payments_public(view: PaymentsView) -> PaymentsPublic:
    partnership = view.partnership
    terms = partnership.terms
    milestones = []
    if terms is not None:
        milestones = [
            MilestonePublic(
                trigger=line.trigger,
                percent=line.percent,
                amount=_money(line.amount, terms.fee.currency),
                status=line.status,
                payment_id=line.payout.id if line.payout else None,
                paid_at=line.payout.paid_at if line.payout else None,
            )
            for line in view.lines
        ]
    return PaymentsPublic(
        partnership_id=partnership.id,
        state=partnership.state,
        fee=terms.budgeted if terms else None,
        allocated=_allocated(partnership),
        outstanding=_money(partnership.allocation.committed, terms.fee.currency) if terms else None,
        milestones=milestones,
        payouts=[
            PayoutPublic(
                id=p.id,
                milestone=p.milestone,
                amount=p.amount,
                reason=p.reason.value,
                trigger_event_id=p.trigger_event_id,
                paid_at=p.paid_at,
            )
            for p in view.payouts
        ],
    )


def message_public(message: Message) -> MessagePublic:
    return MessagePublic(
        id=message.id,
        partnership_id=message.partnership_id,
        author=message.author,
        author_user_id=message.author_user_id,
        body=message.body,
        template_id=message.template_id,
        created_at=message.created_at,
    )


def template_public(template: MessageTemplate) -> TemplatePublic:
    return TemplatePublic(
        id=template.id,
        name=template.name,
        body=template.body,
        fields=sorted(set(placeholders(template.body))),
        created_at=template.created_at,
        updated_at=template.updated_at,
    )
