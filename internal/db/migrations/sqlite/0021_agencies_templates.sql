-- The electronic identifier (QCVN 102:2016/BTTTT, e.g. H31.17) of the unit
-- that receives dossiers, which dossier codes begin with; a unit without
-- one uses SCT{province} or X{commune}.
CREATE TABLE agencies (
    unit_code  TEXT PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    updated_at TIMESTAMP NOT NULL
);

-- The blank forms of a procedure's papers, uploaded by administrators:
-- files of the data folder named by their SHA-256.
CREATE TABLE procedure_templates (
    id             INTEGER PRIMARY KEY,
    procedure_code TEXT NOT NULL REFERENCES procedures (code),
    file_name      TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    size           INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    UNIQUE (procedure_code, file_name)
);
