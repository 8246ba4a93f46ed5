package unit

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"
)

// Reference holds everything loaded from the shipped administrative-unit
// files: every unit row (effective-dated) and the statistical groups.
type Reference struct {
	Units  []Unit
	Groups []Group
}

const (
	dayBeforeReform = "2025-06-30"
	// Thừa Thiên Huế became Thành phố Huế on 1 January 2025 (175/2024/QH15).
	hueCode       = "46"
	hueCityFrom   = "2025-01-01"
	hueCityBasis  = "175/2024/QH15"
	reformBasis   = "202/2025/QH15; 19/2025/QĐ-TTg"
	folder        = "vn-admin-units/"
	countryNameVI = "Việt Nam"
)

// Load reads the administrative-unit files from fsys (the embedded copy of
// shared/data/vn-admin-units) and builds the effective-dated unit rows.
func Load(fsys fs.FS) (*Reference, error) {
	ref := &Reference{}
	ref.Units = append(ref.Units, Unit{
		Code: "VN", Level: Country, Name: countryNameVI, Type: "quốc gia",
		FullName: "Nước Cộng hòa xã hội chủ nghĩa Việt Nam", NameEN: "Viet Nam",
	})

	changes, err := loadChanges(fsys)
	if err != nil {
		return nil, err
	}
	old, err := readCSV(fsys, "provinces_before_2025-07-01.csv", "code", "name", "type", "full_name", "name_ascii", "new_province_code")
	if err != nil {
		return nil, err
	}
	for _, r := range old {
		u := Unit{
			Code: r["code"], Level: Province, Name: r["name"], Type: r["type"], FullName: r["full_name"],
			NameEN: r["name_ascii"], ParentCode: "VN", ValidTo: dayBeforeReform, SuccessorCode: r["new_province_code"],
		}
		if u.Code == hueCode {
			before := u
			before.Name, before.Type, before.FullName, before.NameEN = "Thừa Thiên Huế", "tỉnh", "Tỉnh Thừa Thiên Huế", "Thua Thien Hue"
			before.ValidTo = "2024-12-31"
			ref.Units = append(ref.Units, before)
			u.ValidFrom, u.LegalBasis = hueCityFrom, hueCityBasis
		}
		ref.Units = append(ref.Units, u)
	}

	provinces, err := readCSV(fsys, "provinces.csv", "code", "name", "type", "full_name", "name_ascii")
	if err != nil {
		return nil, err
	}
	for _, r := range provinces {
		u := Unit{Code: r["code"], Level: Province, Name: r["name"], Type: r["type"], FullName: r["full_name"],
			NameEN: r["name_ascii"], ParentCode: "VN", ValidFrom: ReformDate, LegalBasis: reformBasis}
		ref.Units = append(ref.Units, changes.apply(u)...)
	}

	communes, err := readCSV(fsys, "communes.csv", "code", "name", "type", "province_code", "full_name", "name_ascii")
	if err != nil {
		return nil, err
	}
	for _, r := range communes {
		u := Unit{Code: r["code"], Level: Commune, Name: r["name"], Type: r["type"], FullName: r["full_name"],
			NameEN: r["name_ascii"], ParentCode: r["province_code"], ValidFrom: ReformDate, LegalBasis: reformBasis}
		ref.Units = append(ref.Units, changes.apply(u)...)
	}

	if ref.Groups, err = loadGroups(fsys); err != nil {
		return nil, err
	}
	return ref, nil
}

type typeChange struct {
	before, after, basis, from string
}

type changeSet map[string]typeChange // key: level + ":" + code

func loadChanges(fsys fs.FS) (changeSet, error) {
	rows, err := readCSV(fsys, "changes_since_2025-07-01.csv", "level", "code", "type_2025_07_01", "type_current", "legal_basis", "effective_from")
	if err != nil {
		return nil, err
	}
	cs := changeSet{}
	for _, r := range rows {
		if r["effective_from"] != "" {
			if _, err := ParseDay(r["effective_from"]); err != nil {
				return nil, fmt.Errorf("unit: changes file, unit %s: %w", r["code"], err)
			}
		}
		cs[r["level"]+":"+r["code"]] = typeChange{r["type_2025_07_01"], r["type_current"], r["legal_basis"], r["effective_from"]}
	}
	return cs, nil
}

// apply splits a unit whose type changed after the reform into the interval
// before the change and the one after. Where the source gives no date the
// current type stands from the reform on, with the change's legal basis.
func (cs changeSet) apply(u Unit) []Unit {
	c, ok := cs[string(u.Level)+":"+u.Code]
	if !ok {
		return []Unit{u}
	}
	if c.from == "" {
		u.LegalBasis += "; " + c.basis
		return []Unit{u}
	}
	before := u
	before.Type = c.before
	before.FullName = typeWord(c.before) + " " + u.Name
	from, _ := ParseDay(c.from)
	before.ValidTo = from.AddDate(0, 0, -1).Format(time.DateOnly)
	after := u
	after.ValidFrom, after.LegalBasis = c.from, c.basis
	return []Unit{before, after}
}

// typeWord capitalises a unit type for use in a full name ("thành phố" →
// "Thành phố").
func typeWord(t string) string {
	for i, r := range t {
		return strings.ToUpper(string(r)) + t[i+len(string(r)):]
	}
	return t
}

func loadGroups(fsys fs.FS) ([]Group, error) {
	rows, err := readCSV(fsys, "regions.csv", "group_code", "group_name_vi", "group_name_en", "unit_code", "unit_valid")
	if err != nil {
		return nil, err
	}
	var groups []Group
	index := map[string]int{}
	for _, r := range rows {
		var day string
		switch r["unit_valid"] {
		case "before-2025-07-01":
			day = dayBeforeReform
		case "from-2025-07-01":
			day = ReformDate
		default:
			return nil, fmt.Errorf("unit: regions.csv: unknown unit_valid %q", r["unit_valid"])
		}
		i, ok := index[r["group_code"]]
		if !ok {
			i = len(groups)
			index[r["group_code"]] = i
			groups = append(groups, Group{Code: r["group_code"], NameVI: r["group_name_vi"], NameEN: r["group_name_en"]})
		}
		groups[i].Members = append(groups[i].Members, Member{UnitCode: r["unit_code"], ValidOn: day})
	}
	return groups, nil
}

// readCSV reads a file with a header row and returns each row as a map from
// the wanted columns; a missing column is an error, so that a changed file
// fails loudly instead of loading blanks.
func readCSV(fsys fs.FS, name string, want ...string) ([]map[string]string, error) {
	return readCSVIn(fsys, folder, name, want...)
}

// readCSVIn reads the columns want of the CSV file name in dir of fsys.
func readCSVIn(fsys fs.FS, dir, name string, want ...string) ([]map[string]string, error) {
	f, err := fsys.Open(dir + name)
	if err != nil {
		return nil, fmt.Errorf("unit: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("unit: %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("unit: %s: missing column %q", name, w)
		}
	}
	var rows []map[string]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("unit: %s line %d: %w", name, line, err)
		}
		m := make(map[string]string, len(want))
		for _, w := range want {
			m[w] = strings.TrimSpace(rec[col[w]])
		}
		rows = append(rows, m)
	}
	return rows, nil
}
