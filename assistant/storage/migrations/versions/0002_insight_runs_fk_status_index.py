"""insight runs belong to a stored touchpoint; index touchpoints by status

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('insight_runs', schema=None) as batch_op:
        batch_op.create_foreign_key('fk_insight_runs_touchpoint', 'touchpoints',
                                    ['tenant_id', 'touchpoint_id'], ['tenant_id', 'id'],
                                    ondelete='CASCADE')
    with op.batch_alter_table('touchpoints', schema=None) as batch_op:
        batch_op.create_index('ix_touchpoints_tenant_status', ['tenant_id', 'status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('touchpoints', schema=None) as batch_op:
        batch_op.drop_index('ix_touchpoints_tenant_status')
    with op.batch_alter_table('insight_runs', schema=None) as batch_op:
        batch_op.drop_constraint('fk_insight_runs_touchpoint', type_='foreignkey')
