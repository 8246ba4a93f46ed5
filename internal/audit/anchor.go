package audit

import (
	"bufio"
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Anchor is the head of the chain as it was at a moment: its newest entry's
// id and hash, and how many entries the chain held. Anchors are kept
// outside the database, one line each in a file, each sealed with the
// audit key; a later check that finds the chain ending before an anchor's
// entry, or that entry changed, knows the newest entries were removed or
// rewritten. What was appended after the last anchor can still be removed
// unseen: anchors are recorded at each verification and each backup.
type Anchor struct {
	At      time.Time
	ID      int64
	Hash    string
	Entries int
	Reason  string // "verify" or "backup"
}

func (a Anchor) fields() string {
	return strings.Join([]string{a.At.UTC().Format(time.RFC3339Nano), strconv.FormatInt(a.ID, 10), a.Hash,
		strconv.Itoa(a.Entries), a.Reason}, " ")
}

func (a Anchor) seal(k Key) string {
	h := k.mac()
	h.Write([]byte("anchor " + a.fields()))
	return hex.EncodeToString(h.Sum(nil))
}

// AppendAnchor adds a to the anchors file at path, sealed with k, and syncs
// it.
func AppendAnchor(path string, k Key, a Anchor) error {
	if len(k) == 0 {
		return ErrNoKey
	}
	if strings.ContainsAny(a.Reason, " \n") || a.Reason == "" {
		return fmt.Errorf("audit: anchor reason %q", a.Reason)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%s %s\n", a.fields(), a.seal(k))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// LastAnchor returns the newest anchor in the file at path, nil when there
// is none yet. Every line must be sealed with k: an edited or forged line
// is an error naming it.
func LastAnchor(path string, k Key) (*Anchor, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	var last *Anchor
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := r.ReadString('\n')
		if line = strings.TrimSpace(line); line != "" {
			a, perr := parseAnchor(line, k)
			if perr != nil {
				return nil, fmt.Errorf("audit: %s line %d: %w", path, n, perr)
			}
			last = a
		}
		if err == io.EOF {
			return last, nil
		} else if err != nil {
			return nil, err
		}
	}
}

func parseAnchor(line string, k Key) (*Anchor, error) {
	f := strings.Fields(line)
	if len(f) != 6 {
		return nil, errors.New("not an anchor")
	}
	at, err1 := time.Parse(time.RFC3339Nano, f[0])
	id, err2 := strconv.ParseInt(f[1], 10, 64)
	n, err3 := strconv.Atoi(f[3])
	if errors.Join(err1, err2, err3) != nil {
		return nil, errors.New("not an anchor")
	}
	a := &Anchor{At: at, ID: id, Hash: f[2], Entries: n, Reason: f[4]}
	if !hmac.Equal([]byte(a.seal(k)), []byte(f[5])) {
		return nil, errors.New("the anchor's seal does not match: the line was altered, or another key sealed it")
	}
	return a, nil
}
