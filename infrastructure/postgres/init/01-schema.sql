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
