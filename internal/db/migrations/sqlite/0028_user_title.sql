-- An account's job title (chức danh), which signs what its holder issues:
-- "Phó Giám đốc" signs a result "KT. GIÁM ĐỐC".
ALTER TABLE users ADD COLUMN title TEXT NOT NULL DEFAULT '';
