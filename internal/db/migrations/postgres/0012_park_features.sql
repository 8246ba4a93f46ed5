-- Each site's GeoJSON feature, written with the site: a map of thousands
-- of sites reads one column instead of forty, and decodes and encodes
-- nothing. The features of sites stored before this column are written
-- when this migration runs.
ALTER TABLE parks ADD COLUMN feature TEXT NOT NULL DEFAULT '';
