package setup

import (
	"context"
	"fmt"
	"time"

	"congthuong/internal/calendar"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
)

// demoDossierCount is how many made-up dossiers the demo files over the
// last 120 days, across every status, so that worklists, tracking and
// scorecards have something to show.
const demoDossierCount = 300

// demoDossiers files and moves demo dossiers as they would have been in
// the past: the store's clock is set back for each step.
func demoDossiers(ctx context.Context, st *store.Store, taxCodes []string) error {
	cal, err := st.Calendar(ctx, calendar.DefaultOptions())
	if err != nil {
		return err
	}
	clock := st.Now
	defer func() { st.Now = clock }()
	start := clock().AddDate(0, 0, -120)
	type target struct {
		code, unit string
	}
	targets := []target{{"CT-RUOU-BANBUON", "31"}, {"CT-THUOCLA-BANBUON", "31"}, {"CT-KM-MAYRUI", "31"}, {"CT-HOICHO", "31"},
		{"CT-THUOCLA-BANLE", "11560"}, {"CT-RUOU-BANLE", "11560"}, {"CT-CO", "31"}}
	for i := 0; i < demoDossierCount; i++ {
		tg := targets[i%len(targets)]
		at := start.Add(time.Duration(i) * 9 * time.Hour)
		st.Now = func() time.Time { return at }
		proc, err := st.FindProcedure(ctx, tg.code)
		if err != nil {
			return err
		}
		d := madeUpDossier(proc, tg.unit, taxCodes[i%len(taxCodes)], at, i)
		if err := st.SubmitDossier(ctx, d, cal); err != nil {
			return fmt.Errorf("demo dossier %d: %w", i, err)
		}
		handler := "canbo"
		if tg.unit != "31" {
			handler = "thuynguyen"
		}
		var steps []procedure.Action
		switch i % 10 {
		case 0, 1, 2:
		case 3:
			steps = []procedure.Action{procedure.Assign}
		case 4:
			steps = []procedure.Action{procedure.Assign, procedure.RequestSupplement}
		case 5:
			steps = []procedure.Action{procedure.Assign, procedure.Forward, procedure.Approve}
		case 9:
			steps = []procedure.Action{procedure.Withdraw}
		default:
			steps = []procedure.Action{procedure.Assign, procedure.Forward, procedure.Approve, procedure.ReturnResult}
		}
		for k, a := range steps {
			// Steps a few days apart; one dossier in seven takes too long.
			days := 2 + (i*k)%4
			if i%7 == 0 {
				days = 9
			}
			at = at.AddDate(0, 0, days)
			if at.After(clock()) {
				break
			}
			step := proceduredb.DossierStep{Action: a, Handler: handler}
			if procedure.NeedsReason(a) {
				step.Message = "Thông tin mẫu"
			}
			if _, err := st.StepDossier(ctx, d.Code, step, cal); err != nil {
				return fmt.Errorf("demo dossier %s %s: %w", d.Code, a, err)
			}
		}
	}
	return nil
}

// madeUpDossier is the i-th made-up dossier of a procedure, its form filled
// in with plausible values.
func madeUpDossier(proc *procedure.Procedure, unitCode, taxCode string, at time.Time, i int) *procedure.Dossier {
	form := map[string]string{}
	for _, f := range proc.Fields {
		switch f.Type {
		case "tax_code":
			form[f.Name] = taxCode
		case "date":
			form[f.Name] = at.AddDate(0, 1, 0).Format(time.DateOnly)
		default:
			form[f.Name] = fmt.Sprintf("Địa điểm mẫu số %d", i+1)
		}
	}
	return &procedure.Dossier{ProcedureCode: proc.Code, UnitCode: unitCode, Channel: []int{procedure.Online, procedure.Online, procedure.InPerson}[i%3],
		Applicant: procedure.Applicant{Name: fmt.Sprintf("Doanh nghiệp mẫu %d", i%24+1), TaxCode: taxCode,
			Phone: fmt.Sprintf("09%08d", 10000000+i)}, Form: form, Demo: true}
}
