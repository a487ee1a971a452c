"""The gateway's use cases that orchestrate its repositories: sign-ups and their confirmation,
invitations, members, tokens, API keys and webhook subscriptions. Each takes the unit of work
(`ports.UnitOfWork`: one transaction, its repositories, the revocations and mail it will send) and
the tools it needs; the routers in api/ call them. The proxy's hot path is no use case: api/proxy.py."""
