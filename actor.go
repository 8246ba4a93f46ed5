package congthuong

import "context"

// Role is what a user may do; the unit scope says where.
type Role string

// Roles, from widest to narrowest.
const (
	RoleAdmin      Role = "admin"
	RoleLeader     Role = "leader"
	RoleOfficer    Role = "officer"    // department officer
	RoleCommune    Role = "commune"    // commune officer
	RoleEnterprise Role = "enterprise" // enterprise user, tied to a tax code
)

// Roles lists every role in display order.
var Roles = []Role{RoleAdmin, RoleLeader, RoleOfficer, RoleCommune, RoleEnterprise}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// CountryCode is the unit code of Vietnam itself, the widest scope.
const CountryCode = "VN"

// Actor is who performs a request. The zero value is the anonymous public.
type Actor struct {
	UserID   int64
	Username string
	Role     Role
	// UnitCode is the scope: VN, a province code or a commune code. The actor
	// sees records of that unit and of the units beneath it.
	UnitCode string
	// ProvinceCode is the province of UnitCode (empty for VN), so that scope
	// checks need no lookup.
	ProvinceCode string
	// TaxCode ties an enterprise user to the enterprise it acts for.
	TaxCode string
	// System marks work the platform does itself (first start, command-line
	// imports); it is recorded in the audit log as "system".
	System bool
}

// Anonymous reports whether nobody is logged in.
func (a Actor) Anonymous() bool { return a.UserID == 0 && !a.System }

// IsStaff reports whether the actor works for the department or a commune.
func (a Actor) IsStaff() bool {
	switch a.Role {
	case RoleAdmin, RoleLeader, RoleOfficer, RoleCommune:
		return !a.Anonymous()
	}
	return false
}

// CanWrite reports whether the actor may change registry records in scope.
// Leaders read; officers and administrators write.
func (a Actor) CanWrite() bool {
	switch a.Role {
	case RoleAdmin, RoleOfficer, RoleCommune:
		return !a.Anonymous()
	}
	return false
}

// IsDepartment reports whether the actor acts for the department (or the
// country) rather than a commune: the platform itself, or an administrator
// or department officer whose scope is a province or the country. The
// department publishes official figures and decides on what communes enter.
func (a Actor) IsDepartment() bool {
	if a.System {
		return true
	}
	switch a.Role {
	case RoleAdmin, RoleOfficer:
		return !a.Anonymous() && (a.UnitCode == CountryCode || a.UnitCode != "" && a.UnitCode == a.ProvinceCode)
	}
	return false
}

// SeesUnpublished reports whether the actor may see what is not yet
// published (preliminary figures, who entered them): staff and the platform
// itself. The public and enterprise users see published records only.
func (a Actor) SeesUnpublished() bool { return a.System || a.IsStaff() }

// Name is who the audit log and the records name for the actor.
func (a Actor) Name() string {
	if a.System {
		return "system"
	}
	if a.Username == "" {
		return "anonymous"
	}
	return a.Username
}

// IsAdmin reports whether the actor administers the platform.
func (a Actor) IsAdmin() bool { return a.Role == RoleAdmin && !a.Anonymous() }

// InScope reports whether a record of unit (in province) lies in the actor's
// unit scope. The store enforces the same rule in SQL; this is for checks on
// values not read from the database (e.g. the unit of a record to create).
func (a Actor) InScope(unitCode, provinceCode string) bool {
	switch {
	case a.UnitCode == CountryCode:
		return true
	case a.UnitCode == "":
		return false
	}
	return a.UnitCode == unitCode || a.UnitCode == provinceCode
}

// System is the actor for work the platform does itself (first start, imports
// from the command line). It has country scope.
func System() Actor {
	return Actor{Username: "system", Role: RoleAdmin, UnitCode: CountryCode, System: true}
}

type actorKey struct{}

// NewContext returns ctx carrying actor.
func NewContext(ctx context.Context, actor Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorFrom returns the actor in ctx, or the anonymous actor.
func ActorFrom(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}
