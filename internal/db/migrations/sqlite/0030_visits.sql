-- The public's visits, counted without cookies or personal data: each day
-- its distinct visitors (a hash of the address and browser under a salt of
-- the day, kept in memory only) and page views, and the views of each page.
CREATE TABLE visit_days (
    day      TEXT PRIMARY KEY,
    visitors BIGINT NOT NULL,
    views    BIGINT NOT NULL
);

CREATE TABLE page_views (
    day   TEXT NOT NULL,
    path  TEXT NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (day, path)
);
