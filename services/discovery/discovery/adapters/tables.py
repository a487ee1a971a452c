from servicekit.db import new_metadata
from servicekit.messaging_tables import messaging_tables

metadata = new_metadata()
messaging = messaging_tables(metadata)
