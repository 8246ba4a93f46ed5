package calendardb_test

import (
	"context"
	"testing"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

func TestCalendarOverrides(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		admin := storetest.As(congthuong.Actor{UserID: 1, Username: "admin", Role: congthuong.RoleAdmin, UnitCode: "VN"})
		shipped := calendar.ShippedOverrides()
		n, err := s.SeedCalendarOverrides(admin, shipped)
		if err != nil || n != len(shipped) {
			t.Fatalf("seed: %d, %v", n, err)
		}
		if n, err := s.SeedCalendarOverrides(admin, shipped); err != nil || n != 0 {
			t.Errorf("second seed added %d, %v", n, err)
		}
		got, err := s.CalendarOverrides(context.Background())
		if err != nil || len(got) != len(shipped) || got[0].Date.String() != "2020-01-23" || got[0].Ref == "" {
			t.Fatalf("overrides: %+v, %v", got, err)
		}
		v1, _ := s.CalendarVersion(context.Background())
		day := calendar.Date{Year: 2026, Month: 9, Day: 1}
		o := calendar.Override{Date: day, Kind: calendar.DayOff, Scope: calendar.ScopeState, NameVI: "Nghỉ Quốc khánh", Ref: "Thông báo (thử)"}
		if err := s.SaveCalendarOverride(storetest.As(storetest.HaiPhongOfficer), o); congthuong.ErrorCode(err) != congthuong.EFORBIDDEN {
			t.Errorf("officer saved an override: %v", err)
		}
		if err := s.SaveCalendarOverride(context.Background(), o); congthuong.ErrorCode(err) != congthuong.EUNAUTHORIZED {
			t.Errorf("anonymous saved an override: %v", err)
		}
		bad := o
		bad.Ref = " "
		if err := s.SaveCalendarOverride(admin, bad); congthuong.ErrorFields(err)[0].Field != "ref" {
			t.Errorf("override without a reference: %v", err)
		}
		if err := s.SaveCalendarOverride(admin, o); err != nil {
			t.Fatal(err)
		}
		o.Kind = calendar.WorkingDay
		if err := s.SaveCalendarOverride(admin, o); err != nil {
			t.Fatal(err)
		}
		v2, _ := s.CalendarVersion(context.Background())
		if v2 == v1 || v2 == "" {
			t.Errorf("version did not change: %q → %q", v1, v2)
		}
		if err := s.DeleteCalendarOverride(admin, day, calendar.ScopeState); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteCalendarOverride(admin, day, calendar.ScopeState); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("second delete: %v", err)
		}
		entries, total, err := s.FindAuditEntries(admin, store.AuditFilter{Entity: "calendar_override", EntityID: "2026-09-01/state"})
		if err != nil || total != 3 || entries[0].Action != "delete" || entries[2].Action != "create" || entries[1].Before == "" {
			t.Errorf("audit: %d %+v, %v", total, entries, err)
		}
	})
}
