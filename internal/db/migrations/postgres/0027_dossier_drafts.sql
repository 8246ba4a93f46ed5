-- An applicant's filing in progress: what they typed and the papers they
-- chose, kept until they send it (it becomes a dossier) or delete it.
CREATE TABLE dossier_drafts (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    procedure_code TEXT NOT NULL,
    unit_code      TEXT NOT NULL DEFAULT '',
    applicant      TEXT NOT NULL,
    form           TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX dossier_drafts_owner ON dossier_drafts (created_by, updated_at);

CREATE TABLE dossier_draft_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id     BIGINT NOT NULL REFERENCES dossier_drafts (id) ON DELETE CASCADE,
    document     TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX dossier_draft_files_draft ON dossier_draft_files (draft_id, id);
