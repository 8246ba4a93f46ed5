package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"congthuong/internal/audit"
	"congthuong/internal/config"
	"congthuong/internal/store"
)

// useAuditKey gives the store the key that seals the audit log: read from
// its file, or made there when the log holds no sealed entry yet (a first
// start, or an installation from before keys). A sealed log without its key,
// or with another one, stops the start: entries sealed with a new key would
// never verify.
func useAuditKey(ctx context.Context, st *store.Store, c config.Config) (audit.Key, error) {
	path := c.AuditKeyPath()
	k, err := audit.LoadKey(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := st.CheckAuditKey(ctx); err != nil {
			return nil, fmt.Errorf("the audit log is sealed with a key, but %s is missing: put the key it was written with there (or name it with --audit-key-file): %w", path, err)
		}
		if k, err = audit.CreateKey(path); errors.Is(err, fs.ErrExist) {
			k, err = audit.LoadKey(path) // another process sharing the file made it first
		}
	}
	if err != nil {
		return nil, fmt.Errorf("audit key: %w", err)
	}
	st.SetAuditKey(k)
	if err := st.CheckAuditKey(ctx); err != nil {
		return nil, err
	}
	return k, nil
}

// anchorAudit walks the audit chain, checks it against the last anchor,
// and, when it is intact, records its head as a new anchor.
func anchorAudit(ctx context.Context, st *store.Store, c config.Config, k audit.Key, reason string) (store.AuditCheck, error) {
	last, err := audit.LastAnchor(c.AnchorsPath(), k)
	if err != nil {
		return store.AuditCheck{}, err
	}
	check, err := st.CheckAudit(ctx, last)
	if err != nil || check.Broken != nil || check.Entries == 0 {
		return check, err
	}
	head := check.Head
	head.At, head.Reason = st.Now().UTC(), reason
	return check, audit.AppendAnchor(c.AnchorsPath(), k, head)
}
