package audit

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
)

// Key seals the chain: each entry's hash is an HMAC-SHA-256 under it. The
// key lives outside the database (a file in the data folder, or wherever
// the operator puts it), so that someone who can write to the database
// but cannot read the key cannot re-seal an edited chain.
type Key []byte

// keySize is the key's length in bytes.
const keySize = 32

// LoadKey reads a key written by CreateKey: 64 hexadecimal digits.
func LoadKey(path string) (Key, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(k) != keySize {
		return nil, fmt.Errorf("audit: %s does not hold an audit key (%d hexadecimal digits)", path, 2*keySize)
	}
	return k, nil
}

// NewKey returns a new random key.
func NewKey() (Key, error) {
	k := make(Key, keySize)
	_, err := rand.Read(k)
	return k, err
}

// CreateKey makes a new random key and writes it to path, readable by its
// owner only; it refuses to overwrite a key already there.
func CreateKey(path string) (Key, error) {
	k, err := NewKey()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	_, err = f.WriteString(hex.EncodeToString(k) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return k, nil
}

// ErrNoKey reports a chain sealed with a key that is not at hand.
var ErrNoKey = errors.New("audit: the log is sealed with an audit key, and none was given")

// mac returns a keyed hash, or a plain SHA-256 without a key.
func (k Key) mac() hash.Hash {
	if len(k) == 0 {
		return sha256.New()
	}
	return hmac.New(sha256.New, k)
}
