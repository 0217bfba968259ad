"""sources and blobs (bytes in, ids through), stage claims, indexed account domains

Revision ID: 0004
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sources',
        sa.Column('tenant_id', sa.String(length=64), nullable=False),
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('uri', sa.Text(), nullable=False),
        sa.Column('size_bytes', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('options', sa.JSON(), nullable=False),
        sa.Column('stage', sa.String(length=16), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('error_stage', sa.String(length=16), nullable=True),
        sa.Column('touchpoint_ids', sa.JSON(), nullable=False),
        sa.Column('claimed_by', sa.String(length=200), nullable=True),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('tenant_id', 'id'),
    )
    op.create_index('ix_sources_tenant_stage', 'sources', ['tenant_id', 'stage'])
    op.create_table(
        'blobs',
        sa.Column('tenant_id', sa.String(length=64), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('tenant_id', 'sha256'),
    )
    domains = op.create_table(
        'account_domains',
        sa.Column('tenant_id', sa.String(length=64), nullable=False),
        sa.Column('domain', sa.String(length=253), nullable=False),
        sa.Column('account_id', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('tenant_id', 'domain', 'account_id'),
    )
    accounts = op.get_bind().execute(sa.text('SELECT tenant_id, id, domains FROM accounts'))
    rows = set()
    for tenant_id, account_id, raw in accounts:
        listed = json.loads(raw) if isinstance(raw, str) else (raw or [])
        rows |= {(tenant_id, d.strip().lower(), account_id) for d in listed if d and d.strip()}
    if rows:
        op.bulk_insert(domains, [{'tenant_id': t, 'domain': d, 'account_id': a}
                                 for t, d, a in sorted(rows)])
    with op.batch_alter_table('touchpoints', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occurred_at_source', sa.String(length=16),
                                      nullable=False, server_default='explicit'))
        batch_op.add_column(sa.Column('source_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_touchpoints_tenant_source', ['tenant_id', 'source_id'])
    with op.batch_alter_table('ingest_failures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stage', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ingest_failures', schema=None) as batch_op:
        batch_op.drop_column('stage')
    with op.batch_alter_table('touchpoints', schema=None) as batch_op:
        batch_op.drop_index('ix_touchpoints_tenant_source')
        for column in ('claimed_at', 'claimed_by', 'source_id', 'occurred_at_source'):
            batch_op.drop_column(column)
    op.drop_table('account_domains')
    op.drop_table('blobs')
    op.drop_index('ix_sources_tenant_stage', table_name='sources')
    op.drop_table('sources')
