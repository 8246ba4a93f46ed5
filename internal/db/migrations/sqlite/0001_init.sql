-- Administrative units, effective-dated: a code names a unit only together with a day.
CREATE TABLE units (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL,
    level          TEXT NOT NULL,
    name           TEXT NOT NULL,
    type           TEXT NOT NULL,
    full_name      TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    parent_code    TEXT NOT NULL DEFAULT '',
    valid_from     TEXT,
    valid_to       TEXT,
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
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (group_code, unit_id)
);

CREATE TABLE enterprises (
    id             INTEGER PRIMARY KEY,
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
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX enterprises_province ON enterprises (province_code, unit_code);
CREATE INDEX enterprises_name ON enterprises (search_name);

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
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
    created_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    last_login_at        TIMESTAMP
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP
);

-- Every change, hash-chained: hash = sha256(prev_hash, fields). JSON is kept as
-- text so that the bytes hashed are the bytes stored.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TIMESTAMP NOT NULL,
    actor_id   INTEGER,
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
