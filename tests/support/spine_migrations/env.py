from sqlalchemy import MetaData

from servicekit.migrations import run_env

# The harness's tables are only created by the migration below; no autogenerate here.
run_env(MetaData())
