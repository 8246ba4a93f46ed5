package procedure

// Available lists the actions an actor with roles may take on a dossier in
// state s, in the workflow's order, each once: what a page offers, so that
// nobody is shown a step the workflow would refuse.
func Available(s State, roles []Role) []Action {
	var out []Action
	for _, a := range Actions {
		for _, r := range roles {
			if _, err := Apply(s, a, r); err == nil {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// TellsApplicant reports whether the applicant is told of a step by
// e-mail: the moments that concern them (received, papers or a fee asked
// for, refused or stopped with the reason, the result ready). Steps inside
// the office (assigning, forwarding) and the applicant's own are not.
func TellsApplicant(a Action) bool {
	switch a {
	case Receive, RefuseIntake, RequestSupplement, RequestFee, Approve, Refuse, Stop:
		return true
	}
	return false
}
