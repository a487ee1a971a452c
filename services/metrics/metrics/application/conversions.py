"""Orders reported by partner shops: stored once, attributed, adjusted, and told to partnerships.

A request is taken whole or not at all: any bad item (a 422) or conflicting one (a 409) leaves
everything as it was, and the answer names each such item."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from contracts import Money
from contracts.events.metrics import ConversionAttributed
from metrics.application.ports import UnitOfWork
from metrics.domain import conversions as rules
from metrics.domain.clicks import read_click_id
from metrics.domain.conversions import Attribution, AttributionMethod, Entry, EntryKind, LinkOwner, OrderState
from metrics.domain.money import RateBook, convert_minor, rate_text
from metrics.domain.records import ConversionRecord, normalize_promo_code
from servicekit.errors import Conflict, InvalidField


@dataclass(frozen=True)
class ReportedEntry:
    field: str  # where the item is in the request, e.g. "items.3"
    kind: EntryKind
    order_id: str
    occurred_at: datetime
    amount_minor: int | None = None
    currency: str | None = None
    adjustment_id: str | None = None
    click_id: str | None = None
    promo_code: str | None = None


@dataclass(frozen=True)
class Outcome:
    entry: ReportedEntry
    created: bool  # False: a repeat of what was reported before
    record: ConversionRecord
    adjustment: Entry | None = None


class Refusals(Exception):
    """Several items refused at once: (field, message) each."""

    def __init__(self, status: int, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {m}" for f, m in errors))
        self.status = status
        self.errors = errors


async def _attribution(uow: UnitOfWork, entry: ReportedEntry, click_key: bytes) -> Attribution:
    click_at, click_link, click_problem = None, None, None
    if entry.click_id:
        ref = read_click_id(click_key, entry.click_id)
        link = await uow.links.get(ref.link_id) if ref is not None else None
        if link is None:
            click_problem = "the click id is not one of this org's clicks"
        else:
            click_at = ref.at if ref is not None else None
            click_link = LinkOwner(link.id, link.partnership_id, link.campaign_id, link.influencer_id,
                                   link.deliverable_id)  # fmt: skip
    window = await uow.settings.attribution_window(click_link.campaign_id) if click_link is not None else None
    promo, promo_problem = None, None
    if entry.promo_code:
        found = await uow.promo_codes.find(normalize_promo_code(entry.promo_code))
        if found is None:
            promo_problem = "the promo code is not one the org gave a partnership"
        else:
            promo = LinkOwner(None, found.partnership_id, found.campaign_id, found.influencer_id)
    return rules.attribute(
        ordered_at=entry.occurred_at,
        click_at=click_at,
        click_link=click_link,
        click_problem=click_problem,
        window_days=window,
        promo=promo,
        promo_problem=promo_problem,
    )


def _record(uow: UnitOfWork, entry: ReportedEntry, attribution: Attribution, now: datetime) -> ConversionRecord:
    assert entry.amount_minor is not None
    assert entry.currency is not None
    return ConversionRecord(
        id=uuid4(),
        tenant_id=uow.tenant_id,
        order_id=entry.order_id,
        amount_minor=entry.amount_minor,
        currency=entry.currency,
        occurred_at=entry.occurred_at,
        received_at=now,
        click_id=entry.click_id,
        promo_code=normalize_promo_code(entry.promo_code) if entry.promo_code else None,
        method=attribution.method.value,
        reason=attribution.reason,
        campaign_id=attribution.campaign_id,
        partnership_id=attribution.partnership_id,
        influencer_id=attribution.influencer_id,
        link_id=attribution.link_id,
        deliverable_id=attribution.deliverable_id,
        net_minor=entry.amount_minor,
        cancelled=False,
    )


def _entry_of(record: ConversionRecord) -> Entry:
    return Entry(record.id, record.id, EntryKind.ORDER, None, record.amount_minor, record.currency, record.occurred_at)


async def report(uow: UnitOfWork, entries: list[ReportedEntry], *, click_key: bytes, now: datetime) -> list[Outcome]:
    known = await uow.conversions.orders([e.order_id for e in entries])
    states = {order_id: OrderState(_entry_of(record), tuple(adj)) for order_id, (record, adj) in known.items()}
    records = {order_id: record for order_id, (record, _) in known.items()}
    outcomes: list[Outcome] = []
    conflicts: list[tuple[str, str]] = []
    invalid: list[tuple[str, str]] = []
    for entry in entries:
        try:
            outcome = await _one(uow, entry, states, records, click_key, now)
        except Conflict as refused:
            conflicts.append((entry.field, str(refused)))
        except InvalidField as refused:
            invalid.append((".".join(p for p in (entry.field, refused.field) if p), refused.message))
        else:
            outcomes.append(outcome)
    if invalid:
        raise Refusals(422, invalid)
    if conflicts:
        raise Refusals(409, conflicts)
    rates: RateBook | None = None
    for outcome in outcomes:
        if outcome.created and outcome.record.partnership_id is not None:
            rates = rates or RateBook(await uow.settings.rates())
            await _tell(uow, outcome, rates)
    return outcomes


async def _one(
    uow: UnitOfWork,
    entry: ReportedEntry,
    states: dict[str, OrderState],
    records: dict[str, ConversionRecord],
    click_key: bytes,
    now: datetime,
) -> Outcome:
    state = states.get(entry.order_id)
    if entry.kind is EntryKind.ORDER:
        assert entry.amount_minor is not None
        assert entry.currency is not None
        if state is not None:
            rules.repeat_of_order(state.order, entry.amount_minor, entry.currency, entry.field)
            return Outcome(entry, False, records[entry.order_id])
        record = _record(uow, entry, await _attribution(uow, entry, click_key), now)
        if not await uow.conversions.add_order(record):
            # Another request stored this order a moment ago: compare with it.
            raced, _ = (await uow.conversions.orders([entry.order_id]))[entry.order_id]
            rules.repeat_of_order(_entry_of(raced), entry.amount_minor, entry.currency, entry.field)
            records[entry.order_id] = raced
            states[entry.order_id] = OrderState(_entry_of(raced))
            return Outcome(entry, False, raced)
        records[entry.order_id], states[entry.order_id] = record, OrderState(_entry_of(record))
        return Outcome(entry, True, record)
    if state is None:
        raise InvalidField("order_id", "no order with this id was reported")
    adjustment_id = entry.adjustment_id or entry.kind.value
    existing = state.adjustment(adjustment_id)
    if existing is not None:
        rules.repeat_of_adjustment(existing, entry.kind, entry.amount_minor, entry.field)
        return Outcome(entry, False, records[entry.order_id], existing)
    amount = rules.adjustment_amount(state, entry.kind, entry.amount_minor, entry.currency, entry.field)
    record = records[entry.order_id]
    adjustment = Entry(uuid4(), record.id, entry.kind, adjustment_id, amount, record.currency, entry.occurred_at)
    if not await uow.conversions.add_adjustment(adjustment, now):
        raise Conflict("another request adjusted this order at the same time; send it again", field=entry.field)
    state = OrderState(state.order, (*state.adjustments, adjustment))
    states[entry.order_id] = state
    await uow.conversions.set_net(record.id, state.net_minor, state.cancelled)
    updated = ConversionRecord(**{**vars(record), "net_minor": state.net_minor, "cancelled": state.cancelled})
    records[entry.order_id] = updated
    return Outcome(entry, True, updated, adjustment)


async def _tell(uow: UnitOfWork, outcome: Outcome, rates: RateBook) -> None:
    record = outcome.record
    assert record.partnership_id
    assert record.campaign_id
    assert record.influencer_id
    entry = outcome.adjustment or _entry_of(record)
    amount = Money(amount_minor=entry.amount_minor, currency=record.currency)
    converted, used = None, None
    campaign = await uow.campaigns.get(record.campaign_id)
    target = campaign.budget.currency if campaign is not None and campaign.budget is not None else None
    if target == record.currency:
        converted = amount
    elif target is not None:
        applied = rates.rate(record.currency, target, entry.occurred_at.date())
        if applied is not None:
            converted = Money(
                amount_minor=convert_minor(entry.amount_minor, applied.rate, record.currency, target), currency=target
            )
            used = rate_text(applied.rate)
    await uow.events.record(
        ConversionAttributed(
            entry_id=entry.id,
            conversion_id=record.id,
            order_id=record.order_id,
            entry_kind=entry.kind.value,
            partnership_id=record.partnership_id,
            campaign_id=record.campaign_id,
            influencer_id=record.influencer_id,
            method=AttributionMethod(record.method).value,
            amount=amount,
            net_change_minor=entry.net_change_minor,
            in_campaign_currency=converted,
            exchange_rate=used,
            occurred_at=entry.occurred_at,
        ),
        subject=record.id,
        key=record.campaign_id,
    )
    await uow.changes.partnership_changed(record.partnership_id, entry.occurred_at)


async def get_conversion(uow: UnitOfWork, conversion_id: UUID) -> tuple[ConversionRecord, list[Entry]] | None:
    return await uow.conversions.get(conversion_id)
