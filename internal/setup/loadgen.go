package setup

import (
	"context"
	"fmt"
	"math"

	"congthuong"
	"congthuong/internal/enterprise"
	"congthuong/internal/park"
	"congthuong/internal/store"
	"congthuong/internal/tabular"
	"congthuong/internal/unit"
	"congthuong/internal/unit/unitdb"
)

// GenerateParks writes sites industrial parks and clusters across the
// communes of the country, each a polygon with tenantsPerSite tenants,
// through the imports, for benchmarks and load tests. Every site is
// published; tenants lease 1 ha each from 2,000 generated enterprises;
// every park has ten plots on its plan.
func GenerateParks(ctx context.Context, st *store.Store, sites, tenantsPerSite int) error {
	sys := congthuong.NewContext(ctx, congthuong.System())
	var communes []unit.Unit
	for off := 0; ; off += store.MaxLimit {
		page, _, err := st.FindUnits(sys, unitdb.UnitFilter{Level: unit.Commune, ValidOn: unit.Today(st.Now()), Page: store.Page{Limit: store.MaxLimit, Offset: off}})
		if err != nil {
			return err
		}
		communes = append(communes, page...)
		if len(page) < store.MaxLimit {
			break
		}
	}
	if len(communes) == 0 {
		return fmt.Errorf("generate parks: no communes")
	}
	const enterprises = 2000
	var taxCodes []string
	var firms []enterprise.ImportRow
	for seq := 3_000_000; len(taxCodes) < enterprises; seq += 13 {
		tc, ok := enterprise.WithCheckDigit(fmt.Sprintf("09%07d", seq))
		if !ok {
			continue
		}
		taxCodes = append(taxCodes, tc)
		firms = append(firms, enterprise.ImportRow{Line: len(firms) + 2, Enterprise: enterprise.Enterprise{TaxCode: tc,
			Name: fmt.Sprintf("Công ty TNHH Sản xuất %d", len(taxCodes)), UnitCode: communes[len(firms)%len(communes)].Code}})
	}
	if _, err := st.ImportEnterprises(sys, firms, false); err != nil {
		return fmt.Errorf("generate enterprises: %w", err)
	}
	siteRows := func(yield func(park.ImportRow, error) bool) {
		for i := 0; i < sites; i++ {
			place := communes[(i*7919)%len(communes)]
			kind, code := park.Park, fmt.Sprintf("KCN-G%05d", i)
			if i%3 != 0 {
				kind, code = park.Cluster, fmt.Sprintf("CCN-G%05d", i)
			}
			area := park.Area((40 + i%30) * park.SquareMetresPerHectare)
			port := float64(i%60) + 0.5
			lon := 102.5 + math.Mod(float64(i)*0.137, 6.5)
			lat := 8.8 + math.Mod(float64(i)*0.091, 14)
			s := park.Site{Code: code, Kind: kind, Type: park.General, NameVI: fmt.Sprintf("Khu %d %s", i, place.Name), UnitCode: place.Code,
				Status: park.Operating, Decision: park.Decision{Number: fmt.Sprintf("%d/QĐ-UBND", i+1), Date: "2015-06-01"},
				PlannedArea: area, IndustrialLand: area * 8 / 10, LeasableArea: area * 8 / 10, Sectors: []string{[]string{"C10", "C25", "C26"}[i%3]},
				WastewaterCapacity: 1000 * (i % 2), WastewaterOperating: i%2 == 1, PortKm: &port, Published: true,
				Geometry: square(lon, lat, area)}
			if !yield(park.ImportRow{Line: i + 2, Site: s}, nil) {
				return
			}
		}
	}
	if _, err := st.ImportParks(sys, tabular.FromSeq(siteRows), false); err != nil {
		return fmt.Errorf("generate sites: %w", err)
	}
	tenantRows := func(yield func(park.TenantRow, error) bool) {
		line := 2
		for i := 0; i < sites; i++ {
			code := fmt.Sprintf("KCN-G%05d", i)
			if i%3 != 0 {
				code = fmt.Sprintf("CCN-G%05d", i)
			}
			for k := 0; k < tenantsPerSite; k++ {
				t := park.Tenant{SiteCode: code, TaxCode: taxCodes[(i*31+k)%len(taxCodes)], Project: fmt.Sprintf("Dự án %d", k+1),
					LeasedArea: park.SquareMetresPerHectare / 2, CapitalVND: int64(10+k) * 1_000_000_000, Jobs: 20 + k,
					Status: park.TenantOperating}
				if !yield(park.TenantRow{Line: line, Tenant: t}, nil) {
					return
				}
				line++
			}
		}
	}
	if _, err := st.ImportTenants(sys, tabular.FromSeq(tenantRows), false); err != nil {
		return fmt.Errorf("generate tenants: %w", err)
	}
	// Every park (a third of the sites) has its plan: ten plots of a
	// hectare, half of them free.
	for i := 0; i < sites; i += 3 {
		lon := 102.5 + math.Mod(float64(i)*0.137, 6.5)
		lat := 8.8 + math.Mod(float64(i)*0.091, 14)
		plots := make([]park.Plot, 10)
		for k := range plots {
			status := park.PlotVacant
			if k%2 == 1 {
				status = park.PlotReserved
			}
			plots[k] = park.Plot{Code: fmt.Sprintf("L%02d", k+1), Area: park.SquareMetresPerHectare, Status: status,
				Geometry: square(lon-0.004+float64(k%5)*0.002, lat-0.001+float64(k/5)*0.002, park.SquareMetresPerHectare)}
		}
		if err := st.Parks.ReplacePlots(sys, fmt.Sprintf("KCN-G%05d", i), plots); err != nil {
			return fmt.Errorf("generate plots: %w", err)
		}
	}
	return nil
}
