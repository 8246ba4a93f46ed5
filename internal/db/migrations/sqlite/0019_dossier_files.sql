-- The papers attached to a dossier: each a file of the data folder named
-- by its SHA-256 (store/files.go), with the document it stands for.
CREATE TABLE dossier_files (
    id           INTEGER PRIMARY KEY,
    dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
    document     TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    created_by   TEXT NOT NULL
);

CREATE INDEX dossier_files_dossier ON dossier_files (dossier_id, id);
