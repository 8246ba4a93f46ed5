// Package data embeds the reference data the platform ships with. Each folder
// carries its own README with sources and licences.
package data

import "embed"

// AdminUnits holds the administrative units of Vietnam (GSO codes) before and
// after the 1 July 2025 reorganisation, and the statistical unit groups.
//
//go:embed vn-admin-units/*.csv vn-admin-units/README.md
var AdminUnits embed.FS
