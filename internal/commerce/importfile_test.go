package commerce

import (
	"context"
	"strings"
	"testing"

	"congthuong"
)

// TestReadLicences: a commune's own headings and words read (kinds by
// name without accents, days as 15/03/2026, statuses in Vietnamese), and
// what cannot be read is named by row and column.
func TestReadLicences(t *testing.T) {
	in := "Loại giấy phép,Số giấy phép,Tên người được cấp,Địa chỉ,Mã xã,Ngày cấp,Tình trạng,Kinh độ,Vĩ độ\n" +
		"Giay phep ban le san pham thuoc la,12/GP-UBND,Hộ An,Số 5,11560,15/3/2026,còn hiệu lực,106.68,20.93\n" +
		"bia hơi,13/GP-UBND,Hộ Bình,Số 6,11560,2026-13-45,đã bán,abc,\n"
	var rows []ImportRow
	for r, err := range ReadLicences(strings.NewReader(in))(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	a := rows[0]
	if len(a.Problems) != 0 || a.Licence.Kind != "tobacco_retail" || a.Licence.IssuedOn != "2026-03-15" || a.Licence.Status != Active || *a.Licence.Lat != 20.93 {
		t.Errorf("row 2: %+v %v", a.Licence, a.Problems)
	}
	fields := map[string]bool{}
	for _, p := range rows[1].Problems {
		if p.Row != 3 {
			t.Errorf("problem on row %d", p.Row)
		}
		fields[p.Field] = true
	}
	if !fields["kind"] || !fields["status"] || !fields["lat"] || fields["issued_on"] {
		t.Errorf("row 3's problems: %+v", rows[1].Problems)
	}
	b := rows[1].Licence
	b.Normalize()
	if f := congthuong.ErrorFields(b.Validate("2026-12-07")); len(f) == 0 {
		t.Error("a day 2026-13-45 validates")
	}
}

// TestLicenceRecordRoundTrip: a licence written as a row reads back the
// same.
func TestLicenceRecordRoundTrip(t *testing.T) {
	lon, lat := 106.68, 20.93
	l := Licence{Kind: "alcohol_retail", Number: "7/GP-UBND", HolderName: "Hộ Chi", HolderID: "0100233488", HolderEmail: "chi@example.vn",
		HolderPhone: "0912345678", ShopName: "Chi, tạp hóa", Address: "Số 9", UnitCode: "11560", Lon: &lon, Lat: &lat,
		IssuedOn: "2026-01-02", ValidUntil: "2031-01-01", Conditions: "Kho riêng\nBiển hiệu", Status: Suspended}
	csv := strings.Join(LicenceColumns, ",") + "\n" + quote(LicenceRecord(&l)) + "\n"
	for r, err := range ReadLicences(strings.NewReader(csv))(context.Background()) {
		if err != nil || len(r.Problems) != 0 {
			t.Fatal(err, r.Problems)
		}
		got := r.Licence
		if got.Kind != l.Kind || got.ShopName != l.ShopName || got.Conditions != l.Conditions || got.Status != l.Status || *got.Lon != lon || got.ValidUntil != l.ValidUntil {
			t.Errorf("round trip: %+v", got)
		}
	}
}

func quote(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return strings.Join(out, ",")
}

// FuzzReadLicences feeds arbitrary files through the licences reader and
// checks: it never panics, and every problem names a row in the file and
// a column.
func FuzzReadLicences(f *testing.F) {
	f.Add(strings.Join(LicenceColumns, ",") + "\ntobacco_retail,1,A,,,,,B,11560,,,01/02/2026,,,\n")
	f.Add("\ufeffLoại;Số giấy phép;Tên người được cấp;Địa chỉ;Mã xã;Ngày cấp\nx;;;;;32/13/2026\n")
	f.Add("kind,number\n\"unterminated\n")
	f.Fuzz(func(t *testing.T, in string) {
		last := 1
		for r, err := range ReadLicences(strings.NewReader(in))(context.Background()) {
			if err != nil {
				for _, fe := range congthuong.ErrorFields(err) {
					if fe.Field == "" {
						t.Fatalf("problem without a field: %+v", fe)
					}
				}
				return
			}
			if r.Line <= last {
				t.Fatalf("rows out of order: %d after %d", r.Line, last)
			}
			last = r.Line
			for _, p := range r.Problems {
				if p.Row != r.Line || p.Field == "" {
					t.Fatalf("problem outside its row: %+v on %d", p, r.Line)
				}
			}
			l := r.Licence
			l.Normalize()
			for _, p := range congthuong.ErrorFields(func() error { var v congthuong.Validation; l.ValidateInto(&v, r.Line, "2026-12-07"); return v.Err("x") }()) {
				if p.Row != r.Line || p.Field == "" {
					t.Fatalf("validation outside its row: %+v", p)
				}
			}
		}
	})
}
