package stats

import (
	_ "embed"
	"encoding/json"

	"congthuong"
)

// DataSet is a group of indicators that units of one level report for each
// period of one kind, by a number of working days after the period ends.
type DataSet struct {
	Code           string   `json:"code"`
	NameVI         string   `json:"name_vi"`
	NameEN         string   `json:"name_en"`
	Indicators     []string `json:"indicators"`
	Frequency      string   `json:"frequency"` // month, quarter, half, year
	Level          string   `json:"level"`     // province or commune: who reports
	DueWorkingDays int      `json:"due_working_days"`
}

//go:embed datasets.json
var dataSetsJSON []byte

// Name is the data set's name in both languages.
func (d DataSet) Name() congthuong.Name { return congthuong.Name{VI: d.NameVI, EN: d.NameEN} }

// Every reports how often the data set is reported, as a message
// argument: "each month".
func (d DataSet) Every() congthuong.Text { return congthuong.Text{ID: "stats.every_" + d.Frequency} }

// Reporters names who reports the data set, as a message argument.
func (d DataSet) Reporters() congthuong.Text {
	return congthuong.Text{ID: "stats.reporters_" + d.Level}
}

// DataSets returns the data sets units report.
func DataSets() []DataSet {
	var out []DataSet
	if err := json.Unmarshal(dataSetsJSON, &out); err != nil {
		panic("stats: datasets.json: " + err.Error())
	}
	return out
}

// FindDataSet returns a data set by code.
func FindDataSet(code string) (DataSet, bool) {
	for _, d := range DataSets() {
		if d.Code == code {
			return d, true
		}
	}
	return DataSet{}, false
}

// Fits reports whether p is a period the data set is reported for.
func (d DataSet) Fits(p Period) bool { return p.Kind.String() == d.Frequency }
