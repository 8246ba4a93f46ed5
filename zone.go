package congthuong

import "time"

// Location is Vietnam's time zone (UTC+7, no daylight saving), in which
// the platform's dates begin and end and its times are written.
var Location = time.FixedZone("ICT", 7*3600)
