-- News and announcements (internal/news): one item in Vietnamese with its
-- optional English translation, the Markdown an editor wrote and the HTML
-- made from it, sanitised, when saved. search_text is the folded text of
-- both languages (unit.Fold), so that search ignores diacritics the same
-- way on every database.
CREATE TABLE news_articles (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL,
    category       TEXT NOT NULL,
    topics         TEXT NOT NULL,
    status         TEXT NOT NULL,
    title_vi       TEXT NOT NULL,
    summary_vi     TEXT NOT NULL,
    body_vi        TEXT NOT NULL,
    html_vi        TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    summary_en     TEXT NOT NULL,
    body_en        TEXT NOT NULL,
    html_en        TEXT NOT NULL,
    image_alt_vi   TEXT NOT NULL,
    image_alt_en   TEXT NOT NULL,
    publish_at     TIMESTAMPTZ,
    first_published_at TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ,
    withdrawn_at   TIMESTAMPTZ,
    notice_vi      TEXT NOT NULL,
    notice_en      TEXT NOT NULL,
    review_note    TEXT NOT NULL,
    notified_at    TIMESTAMPTZ,
    rating_sum     BIGINT NOT NULL DEFAULT 0,
    rating_count   BIGINT NOT NULL DEFAULT 0,
    search_text    TEXT NOT NULL,
    version        INTEGER NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT NOT NULL,
    modified_at    TIMESTAMPTZ NOT NULL,
    modified_by    TEXT NOT NULL,
    published_by   TEXT NOT NULL
);

CREATE INDEX news_articles_public ON news_articles (status, publish_at);
CREATE INDEX news_articles_category ON news_articles (category, status, publish_at);

-- Changes made after publication: major ones are shown on the article and
-- move its date in the feeds; minor ones are listed only.
CREATE TABLE news_changes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES news_articles (id),
    at         TIMESTAMPTZ NOT NULL,
    major      BOOLEAN NOT NULL,
    note_vi    TEXT NOT NULL,
    note_en    TEXT NOT NULL,
    by_name    TEXT NOT NULL
);

CREATE INDEX news_changes_article ON news_changes (article_id, id);

-- The lead image (kind image, one per article) and attachments; the
-- content is a file of the data folder named by its SHA-256.
CREATE TABLE news_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id   BIGINT NOT NULL REFERENCES news_articles (id),
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT NOT NULL
);

CREATE INDEX news_files_article ON news_files (article_id, id);

-- Readers' ratings: one per reader and article, the reader known only by
-- a keyed hash of their address and browser (no cookie, no account).
CREATE TABLE news_votes (
    article_id BIGINT NOT NULL REFERENCES news_articles (id),
    voter      TEXT NOT NULL,
    stars      INTEGER NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, voter)
);

-- E-mail subscriptions by category, confirmed by a link sent to the
-- address (double opt-in); the same token unsubscribes in one click.
CREATE TABLE news_subscribers (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        TEXT NOT NULL UNIQUE,
    categories   TEXT NOT NULL,
    pending      TEXT NOT NULL,
    lang         TEXT NOT NULL,
    token        TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ
);
