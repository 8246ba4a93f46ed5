package proceduredb_test

import (
	"bytes"
	"slices"
	"testing"

	"congthuong"
	"congthuong/internal/procedure"
	"congthuong/internal/procedure/proceduredb"
	"congthuong/internal/store"
	"congthuong/internal/storetest"
)

// TestDrafts: an applicant keeps a filing in progress, incomplete, with
// some papers; checking it names every missing field and paper; nobody else
// sees it; sending it files the dossier with its papers and removes the
// draft, once.
func TestDrafts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		cal := storetest.DossierSetup(t, s)
		owner := storetest.As(storetest.EnterpriseOwner)
		pdf := func(name string) []byte { return []byte("%PDF-1.4\n% " + name + "\n") }
		dr := &procedure.Draft{ProcedureCode: "CT-THUOCLA-BANLE", Applicant: procedure.Applicant{Name: "Công ty Cổ phần Thủy Nguyên"},
			Form: map[string]string{"tax_code": "0100233488"}}
		if err := s.SaveDraft(owner, dr, proceduredb.Upload{Document: "Đơn đề nghị cấp giấy phép", FileName: "don.pdf",
			Content: bytes.NewReader(pdf("đơn"))}); err != nil {
			t.Fatal(err)
		}
		if dr.ID == 0 || len(dr.Files) != 1 {
			t.Fatalf("saved draft %+v", dr)
		}
		var fields []string
		for _, f := range congthuong.ErrorFields(s.CheckDraft(owner, dr)) {
			fields = append(fields, f.Field)
		}
		slices.Sort(fields)
		if want := []string{"applicant.phone", "form.business_address", "paper_1", "unit_code"}; !slices.Equal(fields, want) {
			t.Errorf("an incomplete draft's problems %v, want %v", fields, want)
		}
		for _, who := range []congthuong.Actor{storetest.ThuyNguyen, storetest.HaiPhongOfficer} {
			if _, err := s.FindDraft(storetest.As(who), dr.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
				t.Errorf("%s reads the draft: %v", who.Username, err)
			}
			if err := s.DeleteDraft(storetest.As(who), dr.ID); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
				t.Errorf("%s deletes the draft: %v", who.Username, err)
			}
		}
		dr.UnitCode, dr.Applicant.Phone, dr.Form["business_address"] = "11560", "0912 345 678", "Số 1 Thủy Nguyên"
		err := s.SaveDraft(owner, dr,
			proceduredb.Upload{Document: "Đơn đề nghị cấp giấy phép", FileName: "don-moi.pdf", Content: bytes.NewReader(pdf("đơn mới"))},
			proceduredb.Upload{Document: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh", FileName: "dkkd.pdf",
				Content: bytes.NewReader(pdf("đkkd"))})
		if err != nil || len(dr.Files) != 2 || dr.Files[0].FileName != "don-moi.pdf" && dr.Files[1].FileName != "don-moi.pdf" {
			t.Fatalf("a paper for the same document replaces the first: %+v %v", dr.Files, err)
		}
		if err := s.CheckDraft(owner, dr); err != nil {
			t.Fatalf("a complete draft: %v", err)
		}
		d, err := s.SubmitDraft(owner, dr.ID, cal)
		if err != nil || d.Status != procedure.Submitted || d.Channel != procedure.Online || len(d.Files) != 2 {
			t.Fatalf("sent: %+v %v", d, err)
		}
		got, _, err := s.FindDossier(owner, d.Code)
		if err != nil || len(got.Files) != 2 || got.UnitCode != "11560" {
			t.Errorf("the dossier: %+v %v", got, err)
		}
		if _, err := s.SubmitDraft(owner, dr.ID, cal); congthuong.ErrorCode(err) != congthuong.ENOTFOUND {
			t.Errorf("sent twice: %v", err)
		}
		if list, err := s.Drafts(owner); err != nil || len(list) != 0 {
			t.Errorf("drafts left: %v %v", list, err)
		}
	})
}
