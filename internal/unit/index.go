package unit

// Index holds every unit row, by code and by successor, for work over
// thousands of units at once (resolving the codes of an import, an analysis
// of every commune) without a query per unit.
type Index struct {
	// All is every row, provinces first, then by code.
	All []Unit
	// ByCode holds a code's rows, one per interval of validity.
	ByCode map[string][]Unit
	// BySuccessor holds, under a unit's code, the units it replaced.
	BySuccessor map[string][]Unit
}

// NewIndex indexes the rows all.
func NewIndex(all []Unit) *Index {
	ix := &Index{All: all, ByCode: map[string][]Unit{}, BySuccessor: map[string][]Unit{}}
	for _, u := range all {
		ix.ByCode[u.Code] = append(ix.ByCode[u.Code], u)
		if u.SuccessorCode != "" {
			ix.BySuccessor[u.SuccessorCode] = append(ix.BySuccessor[u.SuccessorCode], u)
		}
	}
	return ix
}

// Resolve returns the unit code names over the days first to last
// (YYYY-MM-DD): the row in force on the last day, else on the first (a unit
// dissolved in between). Codes were reused on 2025-07-01, so they resolve
// by date: 24 is Bắc Giang for 2024 and Bắc Ninh for 2025-07.
func (ix *Index) Resolve(code, first, last string) (Unit, bool) {
	for _, day := range [2]string{last, first} {
		for _, u := range ix.ByCode[code] {
			if (u.ValidFrom == "" || u.ValidFrom <= day) && (u.ValidTo == "" || day <= u.ValidTo) {
				return u, true
			}
		}
	}
	return Unit{}, false
}
