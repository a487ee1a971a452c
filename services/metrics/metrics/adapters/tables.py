from servicekit.campaign_directory import campaign_directory
from servicekit.db import new_metadata
from servicekit.messaging_tables import messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)

# What metrics knows of a campaign, learned from partnerships' events.
campaigns = campaign_directory(metadata)
