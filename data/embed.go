// Package data embeds the reference data the platform ships with. Each folder
// carries its own README with sources and licences.
package data

import "embed"

// AdminUnits holds the administrative units of Vietnam (GSO codes) before and
// after the 1 July 2025 reorganisation, and the statistical unit groups.
//
//go:embed vn-admin-units/*.csv vn-admin-units/README.md
var AdminUnits embed.FS

// AdminUnitsExtra holds the units' area and population (Resolution
// 202/2025/QH15, GSO 2024, the 2025 reference map for communes) and the
// openly licensed province boundaries (geoBoundaries, CC BY 4.0). The
// commune boundaries of the 2025 reference map are not shipped: their
// licence is not established (see its README).
//
//go:embed vn-admin-units-extra/*.csv vn-admin-units-extra/*.geojson vn-admin-units-extra/README.md
var AdminUnitsExtra embed.FS
