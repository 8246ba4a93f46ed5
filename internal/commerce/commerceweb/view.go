package commerceweb

import (
	"context"
	"net/http"
	"sort"
	"strconv"

	"congthuong"
	"congthuong/internal/calendar"
	"congthuong/internal/commerce"
	"congthuong/internal/unit"
)

// row is a licence as a page shows it: its status on the day, its kind's
// name and its commune's.
type row struct {
	*commerce.Licence
	State   string
	KindOf  commerce.Kind
	Commune string
	// Soon is set when it ends within its kind's renewal lead.
	Soon bool
}

func (s *handlers) rows(ctx context.Context, today string, items []*commerce.Licence) ([]row, error) {
	ix, err := s.units.Index(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]row, len(items))
	for i, l := range items {
		k, _ := commerce.FindKind(l.Kind)
		u, _ := ix.Resolve(l.UnitCode, today, today)
		out[i] = row{Licence: l, State: l.StatusOn(today), KindOf: k, Commune: u.Name}
		if out[i].State == commerce.Active && l.ValidUntil != "" && k.RenewalDays > 0 {
			if soon, err := addDays(today, k.RenewalDays); err == nil && l.ValidUntil <= soon {
				out[i].Soon = true
			}
		}
	}
	return out, nil
}

// communes are the communes the actor may record licences in, for the
// form's choice: their own, or every commune of their province.
func (s *handlers) communes(ctx context.Context, today string) ([]unit.Unit, error) {
	a := congthuong.ActorFrom(ctx)
	ix, err := s.units.Index(ctx)
	if err != nil {
		return nil, err
	}
	var out []unit.Unit
	for _, u := range ix.All {
		if u.Level != unit.Commune || (u.ValidFrom != "" && u.ValidFrom > today) || (u.ValidTo != "" && u.ValidTo < today) {
			continue
		}
		if a.System || a.InScope(u.Code, u.ProvinceCode()) {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return unit.Fold(out[i].Name) < unit.Fold(out[j].Name) })
	return out, nil
}

// communesOf are a province's communes in force on today, by name.
func (s *handlers) communesOf(ctx context.Context, province, today string) ([]unit.Unit, error) {
	ix, err := s.units.Index(ctx)
	if err != nil {
		return nil, err
	}
	var out []unit.Unit
	for _, u := range ix.All {
		if u.Level == unit.Commune && u.ProvinceCode() == province && (u.ValidFrom == "" || u.ValidFrom <= today) && (u.ValidTo == "" || u.ValidTo >= today) {
			out = append(out, u)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return unit.Fold(out[i].Name) < unit.Fold(out[j].Name) })
	return out, nil
}

func addDays(day string, n int) (string, error) {
	d, err := calendar.ParseDate(day)
	if err != nil {
		return "", err
	}
	return d.AddDays(n).String(), nil
}

// pathID reads the record number of the address ({id}); anything else is
// the record not found, named by notFound.
func pathID(r *http.Request, notFound string) (int64, error) { return pathIDOf(r, "id", notFound) }

// pathIDOf reads the record number the path names as name.
func pathIDOf(r *http.Request, name, notFound string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, congthuong.Errorf(congthuong.ENOTFOUND, notFound, r.PathValue(name))
	}
	return id, nil
}

// keepTyped reports whether a refused change shows its form again with
// what was typed: a field is wrong, or the record changed meanwhile. After
// a change meanwhile a form carries the record's version as it is now (see
// currentVersion), so that sending it again is the reader's choice.
func keepTyped(err error) bool {
	return len(congthuong.ErrorFields(err)) > 0 || congthuong.ErrorCode(err) == congthuong.ECONFLICT
}

// currentVersion is version, or the record's version now when err says it
// changed meanwhile (the typed version if it cannot be read).
func (s *handlers) currentVersion(r *http.Request, err error, version int, record string, id int64) int {
	if congthuong.ErrorCode(err) != congthuong.ECONFLICT {
		return version
	}
	if v, ferr := s.commerce.CurrentVersion(r.Context(), record, id); ferr == nil {
		return v
	}
	return version
}
