-- The legal documents library (internal/legal): each document's number and
-- symbol, type, issuer, signer, field, title and abstract in Vietnamese and
-- English, and its days (YYYY-MM-DD text, as the calendar writes them). A
-- document's status is computed from its days and its replacements, never
-- stored. search_text is the folded text for search (unit.Fold).
CREATE TABLE legal_documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    number       TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL,
    issuer       TEXT NOT NULL,
    signer       TEXT NOT NULL,
    field        TEXT NOT NULL,
    title_vi     TEXT NOT NULL,
    title_en     TEXT NOT NULL,
    abstract_vi  TEXT NOT NULL,
    abstract_en  TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    effective_on TEXT,
    expires_on   TEXT,
    published    BOOLEAN NOT NULL,
    demo         BOOLEAN NOT NULL,
    search_text  TEXT NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT NOT NULL,
    modified_at  TIMESTAMPTZ NOT NULL,
    modified_by  TEXT NOT NULL
);

CREATE INDEX legal_documents_issued ON legal_documents (issued_on, id);

-- What a document replaces, by the other's number: the other need not be
-- in the library (an old decree cited, never entered).
CREATE TABLE legal_replacements (
    document_id BIGINT NOT NULL REFERENCES legal_documents (id),
    number      TEXT NOT NULL,
    scope       TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);

CREATE INDEX legal_replacements_number ON legal_replacements (number);

-- A document's files (the signed text, annexes); the content is a file of
-- the data folder named by its SHA-256.
CREATE TABLE legal_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  BIGINT NOT NULL REFERENCES legal_documents (id),
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT NOT NULL
);

CREATE INDEX legal_files_document ON legal_files (document_id, id);
