-- Photos and documents of a site. The content is a file of the data folder
-- named by its SHA-256 (store/files.go); this row gives it its site, kind,
-- title and name.
CREATE TABLE park_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    park_id      BIGINT NOT NULL REFERENCES parks (id),
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT NOT NULL
);

CREATE INDEX park_files_park ON park_files (park_id, id);
