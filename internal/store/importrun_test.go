package store_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/park/parkdb"
	"congthuong/internal/stats"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
	"congthuong/internal/tabular"
)

// slowValues yields one good value, then waits for release before the
// next: a file still being read.
func slowValues(reading chan<- struct{}, release <-chan struct{}) tabular.Source[stats.ValueRow] {
	return func(ctx context.Context) iter.Seq2[stats.ValueRow, error] {
		return func(yield func(stats.ValueRow, error) bool) {
			row := stats.ValueRow{Line: 2, Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.MonthOf(2026, 1), Value: 1, Status: stats.Official}
			if !yield(row, nil) {
				return
			}
			close(reading)
			select {
			case <-release:
			case <-ctx.Done():
				yield(stats.ValueRow{}, ctx.Err())
				return
			}
			row.Line, row.Period = 3, stats.MonthOf(2026, 2)
			yield(row, nil)
		}
	}
}

// endless yields good rows until its context ends.
func endless(ctx context.Context) iter.Seq2[stats.ValueRow, error] {
	return func(yield func(stats.ValueRow, error) bool) {
		for i := 0; ; i++ {
			if err := ctx.Err(); err != nil {
				yield(stats.ValueRow{}, err)
				return
			}
			row := stats.ValueRow{Line: i + 2, Indicator: "RETAIL_SALES", UnitCode: "31", Period: stats.RangeOf(2000+i%100, 1, 1+i/100%12),
				Value: 1, Status: stats.Official}
			if !yield(row, nil) {
				return
			}
		}
	}
}

// TestImportReadsOutsideTheWriter: while an import's file is still being
// read, other writes go through at once; the import then completes.
func TestImportReadsOutsideTheWriter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := storetest.As(congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		reading, release := make(chan struct{}), make(chan struct{})
		done := make(chan error, 1)
		go func() {
			_, err := s.ImportValues(sys, slowValues(reading, release), false)
			done <- err
		}()
		<-reading
		ctx, cancel := context.WithTimeout(sys, time.Second)
		defer cancel()
		start := time.Now()
		if err := s.CreateEnterprise(ctx, &enterprise.Enterprise{TaxCode: "0100233488", Name: "Công ty A", UnitCode: "31"}); err != nil {
			t.Fatalf("a write during an import's reading: %v", err)
		}
		if waited := time.Since(start); waited > 500*time.Millisecond {
			t.Errorf("a write during an import's reading waited %s", waited)
		}
		close(release)
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if v, err := s.Values(sys, "RETAIL_SALES", stats.MonthOf(2026, 2)); err != nil || len(v) != 1 {
			t.Errorf("the import after the write: %+v, %v", v, err)
		}
	})
}

// TestImportStops: an import stops when its caller goes away, and is
// refused with the limit named when its file takes too long to read or
// has too many rows; nothing is written.
func TestImportStops(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sys := storetest.As(congthuong.System())
		if _, err := s.SeedIndicators(sys, stats.DefaultIndicators()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(sys, 200*time.Millisecond)
		defer cancel()
		if _, err := s.ImportValues(ctx, endless, false); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("an import whose caller went away: %v", err)
		}

		s.ImportReadTime = 300 * time.Millisecond
		start := time.Now()
		_, err := s.ImportValues(sys, endless, false)
		if f := congthuong.ErrorFields(err); congthuong.ErrorCode(err) != congthuong.EINVALID || len(f) != 1 ||
			f[0].Field != "file" || !strings.Contains(f[0].Text(), "300ms") {
			t.Errorf("an import reading too long: %v", err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("the import stopped after %s", took)
		}
		s.ImportReadTime = 0

		sites := func(yield func(park.ImportRow, error) bool) {
			for i := range parkdb.MaxSiteRows + 1 {
				site := park.Site{Code: fmt.Sprintf("CCN-%06d", i), Kind: park.Cluster, Type: park.General, NameVI: "Cụm", UnitCode: "11560"}
				if !yield(park.ImportRow{Line: i + 2, Site: site}, nil) {
					return
				}
			}
		}
		_, err = s.ImportParks(sys, tabular.FromSeq(sites), false)
		if f := congthuong.ErrorFields(err); len(f) != 1 || f[0].Field != "file" || !strings.Contains(f[0].Text(), "50,000 rows") {
			t.Errorf("too many rows: %v", err)
		}
		for what, check := range map[string]func() (int, error){
			"values": func() (int, error) {
				v, err := s.Values(sys, "RETAIL_SALES", stats.MonthOf(2000, 1))
				return len(v), err
			},
			"sites": func() (int, error) { _, n, err := s.FindParks(sys, parkdb.ParkFilter{}); return n, err },
		} {
			if n, err := check(); err != nil || n != 0 {
				t.Errorf("%s left by the stopped imports: %d, %v", what, n, err)
			}
		}
	})
}
