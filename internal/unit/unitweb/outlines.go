package unitweb

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
)

// outlines is the provinces' outlines as GeoJSON, built once: the
// investor map draws them under the sites, so that a site is seen in its
// province and by the sea, offline.
type outlines struct {
	once sync.Once
	body []byte
}

// serveOutlines answers /units/outlines.geojson: a FeatureCollection of
// the 34 provinces (MultiPolygons keyed by code, with their names),
// simplified to about a kilometre, from geoBoundaries (CC BY 4.0).
func (s *handlers) serveOutlines(w http.ResponseWriter, r *http.Request) error {
	s.outlines.once.Do(func() {
		var b bytes.Buffer
		b.WriteString(`{"type":"FeatureCollection","attribution":"geoBoundaries (Runfola et al. 2020), CC BY 4.0","features":[`)
		for i, sh := range s.UnitFacts().Shapes {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"type":"Feature","id":` + strconv.Quote(sh.Code) + `,"properties":{"code":` + strconv.Quote(sh.Code) +
				`,"name":` + strconv.Quote(sh.Name) + `},"geometry":{"type":"MultiPolygon","coordinates":[`)
			for j, ring := range sh.Rings {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString("[[")
				for k, p := range ring {
					if k > 0 {
						b.WriteByte(',')
					}
					b.WriteByte('[')
					b.WriteString(strconv.FormatFloat(p[0], 'f', 3, 64))
					b.WriteByte(',')
					b.WriteString(strconv.FormatFloat(p[1], 'f', 3, 64))
					b.WriteByte(']')
				}
				b.WriteString("]]")
			}
			b.WriteString("]}}")
		}
		b.WriteString("]}")
		s.outlines.body = b.Bytes()
	})
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(s.outlines.body)
	return nil
}
