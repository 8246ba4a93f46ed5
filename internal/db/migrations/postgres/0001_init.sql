-- Administrative units, effective-dated: a code names a unit only together with a day.
CREATE TABLE units (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           TEXT NOT NULL,
    level          TEXT NOT NULL,
    name           TEXT NOT NULL,
    type           TEXT NOT NULL,
    full_name      TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    parent_code    TEXT NOT NULL DEFAULT '',
    valid_from     DATE,
    valid_to       DATE,
    successor_code TEXT NOT NULL DEFAULT '',
    legal_basis    TEXT NOT NULL DEFAULT '',
    search_name    TEXT NOT NULL,
    UNIQUE (code, valid_from)
);
CREATE INDEX units_parent ON units (parent_code, level);
CREATE INDEX units_level ON units (level, code);

CREATE TABLE unit_groups (
    code    TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE unit_group_members (
    group_code TEXT NOT NULL REFERENCES unit_groups (code),
    unit_id    BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (group_code, unit_id)
);

CREATE TABLE enterprises (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tax_code       TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    unit_code      TEXT NOT NULL,
    province_code  TEXT NOT NULL,
    vsic_code      TEXT NOT NULL DEFAULT '',
    vsic_version   TEXT NOT NULL DEFAULT '',
    representative TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    search_name    TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX enterprises_province ON enterprises (province_code, unit_code);
CREATE INDEX enterprises_name ON enterprises (search_name);

CREATE TABLE users (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL,
    email                TEXT NOT NULL DEFAULT '',
    password_hash        TEXT NOT NULL,
    role                 TEXT NOT NULL,
    unit_code            TEXT NOT NULL,
    province_code        TEXT NOT NULL DEFAULT '',
    tax_code             TEXT NOT NULL DEFAULT '',
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    demo                 BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    last_login_at        TIMESTAMPTZ
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

-- Every change, hash-chained: hash = sha256(prev_hash, fields). JSON is kept as
-- text so that the bytes hashed are the bytes stored.
CREATE TABLE audit_log (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor_id   BIGINT,
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    unit_code  TEXT NOT NULL DEFAULT '',
    before     TEXT NOT NULL DEFAULT '',
    after      TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
