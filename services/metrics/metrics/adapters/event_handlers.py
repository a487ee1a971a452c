"""What metrics does with other services' events."""

from metrics.adapters.tables import campaigns
from metrics.adapters.unit_of_work import SqlUnitOfWork
from servicekit.campaign_directory import follow_campaigns
from servicekit.handlers import EventHandlers

handlers = EventHandlers(SqlUnitOfWork)
follow_campaigns(handlers, campaigns)
