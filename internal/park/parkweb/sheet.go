package parkweb

import (
	"html/template"
	"net/http"

	"congthuong/internal/unit"
	"congthuong/internal/web"
)

// sheetPage is a site on one printable page, in the reader's language:
// what an investor takes to a meeting.
type sheetPage struct {
	S       *parkView
	Place   string
	Locator template.HTML
	Public  string
}

// showSheet is a site's one-page sheet: its land, infrastructure,
// distances, sectors and contact, and where it lies in its province.
func (s *handlers) showSheet(w http.ResponseWriter, r *http.Request) error {
	site, err := s.parks.FindPark(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	p := s.PrinterFor(r)
	d := sheetPage{S: viewPark(r, site), Public: s.AbsURL("/parks/" + site.Code)}
	if u, err := s.units.FindUnit(r.Context(), site.UnitCode, s.Today()); err == nil {
		d.Place = p.Name(u.Title())
		if u.Level == unit.Commune {
			if prov, err := s.units.FindUnit(r.Context(), u.ParentCode, s.Today()); err == nil {
				d.Place += ", " + p.Name(prov.Title())
			}
		}
	}
	if site.Geometry != nil {
		if lon, lat, err := site.Geometry.Centre(); err == nil {
			d.Locator = s.LocatorMap(site.ProvinceCode, lon, lat, p.T("parks.sheet_locator", p.Name(site.Name())))
		}
	}
	web.Show(s.Server, w, r, http.StatusOK, "park_sheet", &web.View{Title: p.Name(site.Name()), Nav: "parks"}, d)
	return nil
}
