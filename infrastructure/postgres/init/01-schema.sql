-- NPS schema, run once by the postgres container on an empty data directory
-- (mounted into /docker-entrypoint-initdb.d). Idempotent, so tests apply it too.

CREATE TABLE IF NOT EXISTS oracle_suggestions (
    id              BIGSERIAL PRIMARY KEY,
    suggestion_type TEXT        NOT NULL,             -- "range", ...
    suggestion      JSONB       NOT NULL,             -- the suggestion as returned to the caller
    accepted        BOOLEAN     NOT NULL DEFAULT FALSE,
    session_id      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS oracle_suggestions_created_at ON oracle_suggestions (created_at);

-- Insight content comes from scan sessions and is stored encrypted by the Oracle
-- (AES-GCM, key derived from NPS_MASTER_PASSWORD), as base64 text.
CREATE TABLE IF NOT EXISTS insights (
    id           BIGSERIAL PRIMARY KEY,
    insight_type TEXT        NOT NULL,                -- "session", ...
    content      TEXT        NOT NULL,
    source       TEXT        NOT NULL,                -- "rules" or "ai"
    session_id   TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS insights_session_id ON insights (session_id);

-- record_key: each row's idempotency key (a client's idempotency-key, or a random UUID the Oracle gives the
-- record when it accepts it). Rows are inserted with ON CONFLICT (record_key) DO NOTHING, so a write retried
-- after a timeout, or replayed from the Oracle's spool after a crash, is stored once. Added by ALTER so that
-- re-running this file upgrades a database made before the column existed (infrastructure/scripts/migrate.sh).
ALTER TABLE oracle_suggestions ADD COLUMN IF NOT EXISTS record_key TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS oracle_suggestions_record_key ON oracle_suggestions (record_key);
ALTER TABLE insights ADD COLUMN IF NOT EXISTS record_key TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS insights_record_key ON insights (record_key);
