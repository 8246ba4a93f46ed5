package config_test

import (
	"io"
	"testing"
	"time"

	"congthuong/internal/config"
)

func TestLoad(t *testing.T) {
	env := map[string]string{
		"CONGTHUONG_ADDR":                   ":9000",
		"CONGTHUONG_DEMO":                   "true",
		"CONGTHUONG_DATABASE_URL":           "postgres://u:secret@db/ct",
		"CONGTHUONG_ANALYTICS_DATABASE_URL": "postgres://r:secret@replica/ct",
		"CONGTHUONG_READ_TIMEOUT":           "5m",
	}
	c, rest, err := config.Load("serve", []string{"-addr", "127.0.0.1:7000", "extra"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:7000" {
		t.Errorf("flag must win over env: addr = %s", c.Addr)
	}
	if !c.Demo || c.DataDir != "./congthuong-data" {
		t.Errorf("demo = %v, data = %s", c.Demo, c.DataDir)
	}
	if len(rest) != 1 || rest[0] != "extra" {
		t.Errorf("rest = %v", rest)
	}
	if got := c.Redacted().DatabaseURL; got != "postgres://u:********@db/ct" {
		t.Errorf("redacted URL = %s", got)
	}
	if got := c.Redacted().AnalyticsURL; got != "postgres://r:********@replica/ct" {
		t.Errorf("redacted analytics URL = %s", got)
	}
	if c.ReadTimeout != 5*time.Minute || c.HeaderTimeout != 10*time.Second {
		t.Errorf("timeouts: read %s, headers %s", c.ReadTimeout, c.HeaderTimeout)
	}
}

func TestLoadInvalid(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"bad bool":                {"CONGTHUONG_DEMO": "yes please"},
		"bad url":                 {"CONGTHUONG_DATABASE_URL": "mysql://x"},
		"short password":          {"CONGTHUONG_ADMIN_PASSWORD": "short"},
		"bad log level":           {"CONGTHUONG_LOG_LEVEL": "loud"},
		"replica without primary": {"CONGTHUONG_ANALYTICS_DATABASE_URL": "postgres://r@replica/ct"},
		"bad timeout":             {"CONGTHUONG_READ_TIMEOUT": "soon"},
		"read before headers":     {"CONGTHUONG_READ_TIMEOUT": "1s", "CONGTHUONG_HEADER_TIMEOUT": "5s"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := config.Load("serve", nil, func(k string) string { return env[k] }, io.Discard); err == nil {
				t.Error("want an error")
			}
		})
	}
}
