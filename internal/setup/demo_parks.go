package setup

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"congthuong/internal/park"
	"congthuong/internal/store"
	"congthuong/internal/unit"
)

// Hải Phòng in mid-2025, after merging with Hải Dương: 40 industrial parks
// of about 11,208 ha and 79 clusters of about 3,837.5 ha (DESIGN.md §5).
// The demo has these counts and totals exactly; each site is made up,
// named after a real commune, and flagged demo. Đình Vũ and Nam Cầu Kiền
// are being converted to eco-industrial parks, as in the department's
// reports.
const (
	demoParks          = 40
	demoParkArea       = 11_208 * park.SquareMetresPerHectare
	demoClusters       = 79
	demoClusterArea    = 38_375_000 // 3,837.5 ha
	demoClusterTenants = 12         // clusters whose leased land comes from tenants
)

// Hải Phòng's land, roughly: where the demo sites are drawn.
const (
	demoWest, demoEast   = 106.15, 106.95
	demoSouth, demoNorth = 20.62, 21.08
)

func demoSites(ctx context.Context, st *store.Store, communes []unit.Unit, taxCodes []string) error {
	if len(communes) < demoClusters || len(taxCodes) < 3 {
		return fmt.Errorf("demo parks: %d communes, %d enterprises", len(communes), len(taxCodes))
	}
	parkAreas := spread(demoParks, demoParkArea, 150, 600, 5_000)
	clusterAreas := spread(demoClusters, demoClusterArea, 30, 66, 1_000)
	named := map[int]string{0: "Đình Vũ", 1: "Nam Cầu Kiền"}
	for i := 0; i < demoParks; i++ {
		place := communes[(i*53+7)%len(communes)]
		name, nameEN := place.Name, englishName(place)
		if n, ok := named[i]; ok {
			name, nameEN = n, titleFold(n)
		}
		s := demoSite(i, park.Park, place, parkAreas[i])
		s.Code = fmt.Sprintf("KCN-%02d", i+1)
		s.NameVI, s.NameEN = "Khu công nghiệp "+name, nameEN+" Industrial Park"
		s.Type = []park.Type{park.General, park.General, park.ExportProcessing, park.SupportingIndustry, park.Specialised}[i%5]
		if i < 2 {
			s.Eco, s.Type = park.EcoConverting, park.General
		}
		s.InvestorTaxCode = taxCodes[i%len(taxCodes)]
		if err := st.CreatePark(ctx, s); err != nil {
			return fmt.Errorf("demo park %s: %w", s.Code, err)
		}
	}
	if err := demoPlots(ctx, st, "KCN-01"); err != nil {
		return err
	}
	for i := 0; i < demoClusters; i++ {
		place := communes[(i*29+3)%len(communes)]
		s := demoSite(i+demoParks, park.Cluster, place, clusterAreas[i])
		s.Code = fmt.Sprintf("CCN-%02d", i+1)
		s.NameVI, s.NameEN = "Cụm công nghiệp "+place.Name, englishName(place)+" Industrial Cluster"
		s.CraftVillage = i%13 == 5
		if i%17 == 4 {
			// An expansion decided early: the law's warning shows on it.
			s.Expansions = []park.Decision{{Number: fmt.Sprintf("%d/QĐ-UBND", 300+i), Date: "2024-09-16", Body: "UBND thành phố Hải Phòng"}}
		}
		if i < demoClusterTenants {
			s.LeasedArea = 0 // from its tenants, below
		}
		if err := st.CreatePark(ctx, s); err != nil {
			return fmt.Errorf("demo cluster %s: %w", s.Code, err)
		}
		if i < demoClusterTenants {
			if err := demoTenants(ctx, st, s, i, taxCodes); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoSite is a plausible site of the given area in a commune.
func demoSite(i int, kind park.Kind, place unit.Unit, area park.Area) *park.Site {
	h := uint32(i*2654435761 + 12345)
	frac := func() float64 { h = h*1664525 + 1013904223; return float64(h>>8) / float64(1<<24) }
	round := func(a float64) park.Area { return park.Area(a/100) * 100 } // to 0.01 ha
	leasable := round(float64(area) * (0.62 + 0.1*frac()))
	leased := round(float64(leasable) * (0.35 + 0.6*frac()))
	status := park.Operating
	switch {
	case i%11 == 9:
		status, leased = park.Planned, 0
	case i%7 == 3:
		status = park.UnderConstruction
		leased = round(float64(leased) / 3)
	}
	port := math.Round((2+40*frac())*10) / 10
	highway := math.Round((0.5+12*frac())*10) / 10
	airport := math.Round((5+45*frac())*10) / 10
	lo := math.Round(70 + 60*frac())
	hi := lo + 20 + math.Round(40*frac())
	s := &park.Site{Kind: kind, Type: park.General, UnitCode: place.Code, Status: status,
		PlannedArea: area, IndustrialLand: leasable, LeasableArea: leasable, LeasedArea: leased,
		Infrastructure: park.Infrastructure{Roads: park.InfraComplete, Power: park.InfraComplete, Water: park.InfraComplete, Drainage: park.InfraPartial},
		Contact:        park.Contact{Name: "Ban quản lý (mẫu)", Phone: fmt.Sprintf("0225 37%02d %03d", i%100, 100+i), Email: fmt.Sprintf("kcn%d@example.vn", i+1)},
		Sectors:        [][]string{{"C25", "C28"}, {"C26", "C27"}, {"C13", "C14"}, {"C10", "C11"}, {"H52"}}[i%5],
		PortKm:         &port, HighwayKm: &highway, AirportKm: &airport, RentMinUSD: &lo, RentMaxUSD: &hi,
		Published: true, Demo: true}
	if status != park.Planned {
		s.Decision = park.Decision{Number: fmt.Sprintf("%d/QĐ-UBND", 1000+i*17), Date: fmt.Sprintf("%d-%02d-%02d", 2008+i%16, 1+i%12, 1+i%27),
			Body: "UBND thành phố Hải Phòng"}
	}
	if status == park.Operating && i%4 != 1 {
		s.WastewaterCapacity = 500 + int(frac()*40)*100
		s.WastewaterOperating = true
	}
	if kind == park.Park {
		s.WastewaterCapacity += 2000
		s.WastewaterOperating = status != park.Planned
	}
	lon := demoWest + (demoEast-demoWest)*frac()
	lat := demoSouth + (demoNorth-demoSouth)*frac()
	s.Geometry = square(lon, lat, area)
	return s
}

// demoPlots divides a demo site's square into nine plots of its leasable
// land, six of them vacant and three held, so that the site page and its
// map show plots.
func demoPlots(ctx context.Context, st *store.Store, code string) error {
	site, err := st.FindPark(ctx, code)
	if err != nil {
		return err
	}
	var ring [][][2]float64
	if err := json.Unmarshal(site.Geometry.Coordinates, &ring); err != nil {
		return err
	}
	west, south, east, north := ring[0][0][0], ring[0][0][1], ring[0][2][0], ring[0][2][1]
	// The six vacant plots share the site's free land and the three held
	// ones its leased land, in hundredths of a hectare, so that the plots
	// and the site's figures agree.
	share := func(total park.Area, n, i int) park.Area {
		each := total / park.Area(n) / 100 * 100
		if i == n-1 {
			return total - each*park.Area(n-1)
		}
		return each
	}
	var plots []park.Plot
	for row := 0; row < 3; row++ {
		for col := 0; col < 3; col++ {
			x0, y0 := west+(east-west)*float64(col)/3, south+(north-south)*float64(row)/3
			x1, y1 := west+(east-west)*float64(col+1)/3, south+(north-south)*float64(row+1)/3
			cell, _ := json.Marshal([][][2]float64{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}})
			status, area := park.PlotVacant, share(site.FreeArea(), 6, row*3+col)
			if row == 2 {
				status, area = park.PlotReserved, share(site.LeasedArea, 3, col)
			}
			plots = append(plots, park.Plot{Code: fmt.Sprintf("%c%d", 'A'+row, col+1), Area: area, Status: status,
				Geometry: &park.Geometry{Type: "Polygon", Coordinates: cell}})
		}
	}
	return st.Parks.ReplacePlots(ctx, code, plots)
}

// square is a square polygon of the given area centred on lon, lat.
func square(lon, lat float64, area park.Area) *park.Geometry {
	half := math.Sqrt(float64(area)) / 2 // metres
	dLat := half / 111_320
	dLon := half / (111_320 * math.Cos(lat*math.Pi/180))
	r := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
	ring := [][2]float64{{r(lon - dLon), r(lat - dLat)}, {r(lon + dLon), r(lat - dLat)}, {r(lon + dLon), r(lat + dLat)},
		{r(lon - dLon), r(lat + dLat)}, {r(lon - dLon), r(lat - dLat)}}
	coords, _ := json.Marshal([][][2]float64{ring})
	return &park.Geometry{Type: "Polygon", Coordinates: coords}
}

// spread divides total into n areas between lo and hi hectares (before
// scaling to the total), each a multiple of step m², adding exactly to
// total.
func spread(n int, total park.Area, lo, hi int, step park.Area) []park.Area {
	weights := make([]float64, n)
	sum := 0.0
	for i := range weights {
		weights[i] = float64(lo + (i*7919+13)%(hi-lo+1))
		sum += weights[i]
	}
	out := make([]park.Area, n)
	var used park.Area
	for i, w := range weights {
		out[i] = park.Area(float64(total)*w/sum) / step * step
		used += out[i]
	}
	out[n-1] += total - used
	return out
}

func englishName(u unit.Unit) string {
	if u.NameEN != "" {
		return u.NameEN
	}
	return titleFold(u.Name)
}

// titleFold writes a Vietnamese name without diacritics, each word
// capitalised: "Đình Vũ" → "Dinh Vu".
func titleFold(s string) string {
	words := strings.Fields(unit.Fold(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

func demoTenants(ctx context.Context, st *store.Store, site *park.Site, i int, taxCodes []string) error {
	projects := []string{"Nhà máy sản xuất", "Xưởng gia công", "Kho hàng"}
	for k := 0; k < 3; k++ {
		share := []float64{0.34, 0.22, 0.12}[k]
		t := &park.Tenant{SiteCode: site.Code, TaxCode: taxCodes[(i*3+k)%len(taxCodes)], Project: projects[k] + " (mẫu)",
			Sector: site.Sectors[0], LeasedArea: park.Area(float64(site.LeasableArea)*share) / 100 * 100,
			CapitalVND: int64(20+i*7+k*11) * 1_000_000_000, Jobs: 40 + i*9 + k*25,
			Status:       []park.TenantStatus{park.TenantOperating, park.TenantOperating, park.TenantBuilding}[k],
			RegisteredOn: fmt.Sprintf("%d-03-15", 2016+i%8), Demo: true}
		if err := st.SaveTenant(ctx, t); err != nil {
			return fmt.Errorf("demo tenant of %s: %w", site.Code, err)
		}
	}
	return nil
}
