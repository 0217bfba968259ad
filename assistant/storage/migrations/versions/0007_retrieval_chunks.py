"""retrieval: chunks with embeddings, the embedding cache, and the lexical index

Revision ID: 0007
Revises: 0006

SQLite gets an external-content FTS5 table over `chunks.terms` kept in step by triggers;
Postgres a GIN index over the same terms as a tsvector (array_to_tsvector, so no text-search
parser touches Chinese). A later batch migration that recreates `chunks` on SQLite must
recreate the three triggers.
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_SQLITE_LEXICAL = [
    "CREATE VIRTUAL TABLE chunks_fts USING fts5(terms, content='chunks', content_rowid='id', "
    "tokenize='unicode61')",
    "CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN "
    "INSERT INTO chunks_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN "
    "INSERT INTO chunks_fts(chunks_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER chunks_fts_update AFTER UPDATE OF terms ON chunks BEGIN "
    "INSERT INTO chunks_fts(chunks_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO chunks_fts(rowid, terms) VALUES (new.id, new.terms); END",
]
_POSTGRES_LEXICAL = [
    "CREATE INDEX ix_chunks_lexical ON chunks USING gin "
    "(array_to_tsvector(string_to_array(terms, ' ')))",
]


def upgrade() -> None:
    op.create_table('chunks',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('touchpoint_id', sa.String(length=64), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=64), nullable=True),
    sa.Column('contact_ids', sa.JSON(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('speaker', sa.String(length=300), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('audio_start_s', sa.Float(), nullable=True),
    sa.Column('audio_end_s', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('embedding', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id', 'touchpoint_id'], ['touchpoints.tenant_id', 'touchpoints.id'],
                            name='fk_chunks_touchpoint', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True,
    )
    op.create_index('ix_chunks_tenant_touchpoint', 'chunks', ['tenant_id', 'touchpoint_id'], unique=False)
    op.create_index('ix_chunks_tenant_account', 'chunks', ['tenant_id', 'account_id'], unique=False)
    op.create_index('ix_chunks_tenant_model_id', 'chunks', ['tenant_id', 'model', 'id'], unique=False)
    op.create_table('embedding_cache',
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('embedding', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'model', 'content_hash')
    )
    statements = _SQLITE_LEXICAL if op.get_bind().dialect.name == 'sqlite' else _POSTGRES_LEXICAL
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('chunks_fts_insert', 'chunks_fts_delete', 'chunks_fts_update'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute('DROP TABLE IF EXISTS chunks_fts')
    else:
        op.execute('DROP INDEX IF EXISTS ix_chunks_lexical')
    op.drop_table('embedding_cache')
    op.drop_index('ix_chunks_tenant_model_id', table_name='chunks')
    op.drop_index('ix_chunks_tenant_account', table_name='chunks')
    op.drop_index('ix_chunks_tenant_touchpoint', table_name='chunks')
    op.drop_table('chunks')
