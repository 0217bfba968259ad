"""Background jobs: job status in the database, stages run by Celery workers or in-process.

`store` keeps job rows, `stages` runs one job through the same stage functions the CLI calls,
`queue` hands jobs to Celery (`TOUCHPOINT_BROKER_URL`) or to a thread in this process, and
`celery_app` is the worker side (`touchpoint worker`).
"""
