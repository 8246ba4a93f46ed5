-- Questions to the department and their answers (internal/qa). The
-- asker's contact is for the answer only and never shown to the public;
-- search_text is the folded title, question and answer (unit.Fold).
CREATE TABLE qa_questions (
    id           INTEGER PRIMARY KEY,
    topic        TEXT NOT NULL,
    title        TEXT NOT NULL,
    question     TEXT NOT NULL,
    status       TEXT NOT NULL,
    name         TEXT NOT NULL,
    email        TEXT NOT NULL,
    phone        TEXT NOT NULL,
    lang         TEXT NOT NULL,
    assignee     TEXT NOT NULL,
    answer       TEXT NOT NULL,
    answered_at  TIMESTAMP,
    answered_by  TEXT NOT NULL,
    published_at TIMESTAMP,
    search_text  TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    version      INTEGER NOT NULL
);

CREATE INDEX qa_questions_status ON qa_questions (status, created_at);
CREATE INDEX qa_questions_published ON qa_questions (published_at);
