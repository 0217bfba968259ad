"""contact_keys: indexed identifiers so resolution does not load every contact

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _keys_of(emails, phones, handles, crm_id):
    # a frozen copy of assistant.storage.contact_keys.keys_of as it was at this revision
    keys = {('email', e.strip().lower()) for e in emails if e.strip()}
    keys |= {('phone', p.strip()) for p in phones if p.strip()}
    for handle in (h.strip().lower() for h in handles if h.strip()):
        keys.add(('handle', handle))
        keys.add(('handle_id', handle.split(':', 1)[-1]))
    if crm_id:
        keys.add(('crm', crm_id.strip()))
    return keys


def upgrade() -> None:
    keys = op.create_table('contact_keys',
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=320), nullable=False),
    sa.Column('contact_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'kind', 'value', 'contact_id')
    )
    op.create_index('ix_contact_keys_tenant_contact', 'contact_keys', ['tenant_id', 'contact_id'], unique=False)
    contacts = sa.table('contacts', sa.column('tenant_id'), sa.column('id'),
                        sa.column('emails', sa.JSON), sa.column('phones', sa.JSON),
                        sa.column('handles', sa.JSON), sa.column('crm_id'))
    rows = []
    for c in op.get_bind().execute(sa.select(contacts)).mappings():
        rows += [{'tenant_id': c['tenant_id'], 'kind': kind, 'value': value, 'contact_id': c['id']}
                 for kind, value in _keys_of(c['emails'] or [], c['phones'] or [],
                                             c['handles'] or [], c['crm_id'])]
    if rows:
        op.bulk_insert(keys, rows)


def downgrade() -> None:
    op.drop_index('ix_contact_keys_tenant_contact', table_name='contact_keys')
    op.drop_table('contact_keys')
