-- E-mails to send: written in the transaction of the change they tell of,
-- so none is lost or sent for a change that did not happen. A sender
-- claims a message before sending it, so that with several processes each
-- message is sent once; without a mail server the messages stay here and
-- administrators read them in the interface.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    to_addr    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    ref        TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_at TIMESTAMP,
    sent_at    TIMESTAMP,
    error      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX outbox_pending ON outbox (sent_at, id);
