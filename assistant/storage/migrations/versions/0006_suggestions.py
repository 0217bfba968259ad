"""suggestions, suggestion_feedback, do_not_contact: the suggestions engine's tables

Revision ID: 0006
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('suggestions',
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=64), nullable=False),
    sa.Column('contact_id', sa.String(length=64), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('rule_id', sa.String(length=64), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('refreshed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'id')
    )
    op.create_index('ix_suggestions_tenant_account', 'suggestions', ['tenant_id', 'account_id'], unique=False)
    op.create_index('ix_suggestions_tenant_score', 'suggestions', ['tenant_id', 'score'], unique=False)
    op.create_table('suggestion_feedback',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('suggestion_id', sa.String(length=64), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('snooze_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_suggestion_feedback_tenant_suggestion', 'suggestion_feedback', ['tenant_id', 'suggestion_id'], unique=False)
    op.create_table('do_not_contact',
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('contact_id', sa.String(length=64), nullable=False),
    sa.Column('is_blocked', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'contact_id')
    )


def downgrade() -> None:
    op.drop_table('do_not_contact')
    op.drop_index('ix_suggestion_feedback_tenant_suggestion', table_name='suggestion_feedback')
    op.drop_table('suggestion_feedback')
    op.drop_index('ix_suggestions_tenant_score', table_name='suggestions')
    op.drop_index('ix_suggestions_tenant_account', table_name='suggestions')
    op.drop_table('suggestions')
