"""Domain objects as the API shows them: each wire model read from the object's attributes
(servicekit.presenters), with what the object does not hold given beside it."""

from contracts import Money
from partnerships.api.partnership_schemas import (
    Allocated,
    MessagePublic,
    PartnershipDetail,
    PartnershipPublic,
    PaymentsPublic,
    TemplatePublic,
)
from partnerships.api.schemas import BudgetPublic, CampaignPublic
from partnerships.application.negotiation import PartnershipDetails
from partnerships.application.payments import PaymentsView
from partnerships.domain.budget import BudgetReport
from partnerships.domain.campaigns import Campaign
from partnerships.domain.messages import Message, MessageTemplate
from partnerships.domain.negotiation import Party
from partnerships.domain.partnerships import Partnership
from servicekit.presenters import present


def campaign_public(campaign: Campaign) -> CampaignPublic:
    return CampaignPublic.model_validate(campaign, from_attributes=True)


def budget_public(report: BudgetReport, amplification: int = 0) -> BudgetPublic:
    view = report.view
    return BudgetPublic(
        campaign_id=report.campaign_id,
        currency=view.currency,
        reconciled=report.reconciled,
        amplification=view.money(amplification),
        **view.numbers(),
    )


def _allocated(partnership: Partnership) -> Allocated | None:
    if partnership.terms is None:
        return None
    currency = partnership.terms.fee.currency
    allocation = partnership.allocation
    return Allocated(
        reserved=Money(amount_minor=allocation.reserved, currency=currency),
        committed=Money(amount_minor=allocation.committed, currency=currency),
        paid=Money(amount_minor=allocation.paid, currency=currency),
    )


def _as_party(partnership: Partnership, party: Party) -> dict[str, object]:
    """What a partnership shows that depends on who looks."""
    return {
        "you_are": party,
        "allowed_actions": partnership.allowed_actions(party),
        "awaiting": partnership.awaiting(),
        "allocated": _allocated(partnership),
    }


def partnership_public(partnership: Partnership, party: Party) -> PartnershipPublic:
    return present(PartnershipPublic, partnership, **_as_party(partnership, party))


def partnership_detail(details: PartnershipDetails) -> PartnershipDetail:
    partnership = details.partnership
    return present(
        PartnershipDetail,
        partnership,
        versions=details.versions,
        history=details.history,
        **_as_party(partnership, details.party),
    )


def payments_public(view: PaymentsView) -> PaymentsPublic:
    partnership = view.partnership
    terms = partnership.terms
    outstanding = Money(amount_minor=partnership.allocation.committed, currency=terms.fee.currency) if terms else None
    return present(
        PaymentsPublic,
        view,
        partnership_id=partnership.id,
        state=partnership.state,
        fee=partnership.fee,
        allocated=_allocated(partnership),
        outstanding=outstanding,
        milestones=view.lines,
    )


def message_public(message: Message) -> MessagePublic:
    return MessagePublic.model_validate(message, from_attributes=True)


def template_public(template: MessageTemplate) -> TemplatePublic:
    return TemplatePublic.model_validate(template, from_attributes=True)
