package enterprisedb

import (
	"context"

	"congthuong"
)

// PublicEnterprise is what anyone may read of an enterprise: what the
// national business register publishes (tax code, name, the commune of its
// head office), never its contacts or representative.
type PublicEnterprise struct {
	TaxCode  string `json:"tax_code"`
	Name     string `json:"name"`
	UnitCode string `json:"unit_code"`
}

// SearchPublic finds enterprises by name or tax code for anyone, the one
// search's public part: at most limit, with public fields only. It reads
// every unit's records, and gives nothing else of them.
func (s *Enterprises) SearchPublic(ctx context.Context, q string, limit int) ([]PublicEnterprise, error) {
	all := congthuong.NewContext(ctx, congthuong.System())
	f := EnterpriseFilter{Q: q}
	f.Limit = limit
	found, _, err := s.FindEnterprises(all, f)
	if err != nil {
		return nil, err
	}
	out := make([]PublicEnterprise, len(found))
	for i, e := range found {
		out[i] = PublicEnterprise{TaxCode: e.TaxCode, Name: e.Name, UnitCode: e.UnitCode}
	}
	return out, nil
}
