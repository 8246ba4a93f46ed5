-- An indicator's unit of measure in English, for the English pages: the
-- usual ones are filled in; any other repeats the Vietnamese until an
-- administrator gives the English.
ALTER TABLE indicators ADD COLUMN measure_en TEXT NOT NULL DEFAULT '';
UPDATE indicators SET measure_en = CASE measure
    WHEN 'tỷ đồng' THEN 'VND billion'
    WHEN 'triệu đồng' THEN 'VND million'
    WHEN 'triệu USD' THEN 'US$ million'
    WHEN 'tỷ USD' THEN 'US$ billion'
    WHEN 'triệu kWh' THEN 'million kWh'
    WHEN 'cụm' THEN 'clusters'
    WHEN 'khu' THEN 'parks'
    WHEN 'dự án' THEN 'projects'
    WHEN 'người' THEN 'people'
    WHEN 'điểm' THEN 'points'
    ELSE measure END;
