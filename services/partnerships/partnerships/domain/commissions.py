"""What a commission contract earns: its rate (basis points) of the net attributed sales (orders
less refunds and cancellations, in the contract's currency), rounded down to a minor unit, never
below zero nor above its cap. Each attributed entry moves the difference between the commission
after it and before it: earned commission from committed to paid, commission given back by a
refund from paid to committed. The cap was committed when both signed, so this never overdraws."""

BASIS_POINTS = 10_000


def commission_minor(net_sales_minor: int, rate_bps: int, cap_minor: int) -> int:
    return min(cap_minor, max(0, net_sales_minor * rate_bps // BASIS_POINTS))


def commission_change(net_before_minor: int, change_minor: int, rate_bps: int, cap_minor: int) -> int:
    """What one entry of `change_minor` sales earns (negative: gives back)."""
    before = commission_minor(net_before_minor, rate_bps, cap_minor)
    return commission_minor(net_before_minor + change_minor, rate_bps, cap_minor) - before
