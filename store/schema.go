package store

// Schema is the SQLite schema of an archive. Every table but files is keyed
// by the file's id and the bulletin's own indexes (table, row, figure ...),
// and is deleted with its file, so a changed file is replaced whole.
//
// The view unit_metrics joins a cell with its row, table, bulletin and file:
// a unit's metric across months is
//
//	SELECT period_start, value FROM unit_metrics
//	WHERE unit = '烟草局' AND key = 'satisfaction_rate' ORDER BY period_start;
const Schema = `
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS files (
	id           INTEGER PRIMARY KEY,
	path         TEXT NOT NULL UNIQUE,
	sha256       TEXT,
	size         INTEGER,
	format       TEXT,
	status       TEXT NOT NULL,            -- ok | failed | skipped
	reason       TEXT,                     -- why it failed or was not read
	problems     INTEGER,                  -- count of extraction problems
	processed_at TEXT
);
CREATE TABLE IF NOT EXISTS bulletins (
	file_id            INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
	title              TEXT,
	issuer             TEXT,
	issued             TEXT,               -- YYYY-MM-DD
	issue_no           TEXT,
	period_start       TEXT,
	period_end         TEXT,
	period_label       TEXT,
	title_period_start TEXT,               -- set when the title names another period
	title_period_end   TEXT,
	title_period_label TEXT
);
CREATE TABLE IF NOT EXISTS tables (
	file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
	tbl     INTEGER,                       -- index in the bulletin
	label   TEXT,                          -- 附件1
	title   TEXT,
	columns TEXT,                          -- JSON [{"header","key"}]
	notes   TEXT,                          -- JSON array
	pos     TEXT,                          -- JSON position
	PRIMARY KEY (file_id, tbl)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS definitions (
	file_id     INTEGER REFERENCES files(id) ON DELETE CASCADE,
	tbl         INTEGER,
	def         INTEGER,
	key         TEXT,
	numerator   TEXT,
	denominator TEXT,
	implies     TEXT,                      -- JSON array of keys
	text        TEXT,
	PRIMARY KEY (file_id, tbl, def)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rows (
	file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
	tbl     INTEGER,
	row     INTEGER,
	unit    TEXT,
	total   INTEGER,                       -- 1 for a 合计/总计 row
	pos     TEXT,
	PRIMARY KEY (file_id, tbl, row)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cells (
	file_id  INTEGER REFERENCES files(id) ON DELETE CASCADE,
	tbl      INTEGER,
	row      INTEGER,
	key      TEXT,                         -- canonical key (on_time_rate) or printed header
	header   TEXT,                         -- printed header
	text     TEXT,                         -- as printed
	value    REAL,                         -- NULL when no number is printed
	decimals INTEGER,                      -- digits after the point (rates)
	pos      TEXT,
	PRIMARY KEY (file_id, tbl, row, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
	file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
	fig     INTEGER,
	kind    TEXT,                          -- count | rate | change
	label   TEXT,
	value   REAL,
	unit    TEXT,
	text    TEXT,
	parent  INTEGER,                       -- fig of the whole, NULL if none
	share   REAL,
	base    REAL,
	pos     TEXT,
	PRIMARY KEY (file_id, fig)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
	file_id    INTEGER REFERENCES files(id) ON DELETE CASCADE,
	mention    INTEGER,
	unit       TEXT,
	role       TEXT,                       -- praised | criticised | ranked
	context    TEXT,
	value      REAL,
	value_unit TEXT,
	matches    TEXT,                       -- JSON [{"table","row","unit"}]
	pos        TEXT,
	PRIMARY KEY (file_id, mention)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
	file_id   INTEGER REFERENCES files(id) ON DELETE CASCADE,
	finding   INTEGER,
	severity  TEXT,                        -- error | warning | info
	rule      TEXT,                        -- rate_mismatch, total_mismatch ...
	tbl       INTEGER,                     -- -1 for the prose
	row       INTEGER,                     -- -1 for a whole table or column
	unit      TEXT,
	column    TEXT,
	figure    INTEGER,                     -- the prose figure, if any
	mention   INTEGER,
	published TEXT,
	expected  TEXT,
	hint      TEXT,
	message   TEXT,
	pos       TEXT,
	PRIMARY KEY (file_id, finding)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule, severity);
CREATE TABLE IF NOT EXISTS problems (
	file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
	problem INTEGER,
	message TEXT,
	pos     TEXT,
	PRIMARY KEY (file_id, problem)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rows_unit ON rows (unit);
CREATE INDEX IF NOT EXISTS cells_key ON cells (key);
CREATE INDEX IF NOT EXISTS bulletins_period ON bulletins (period_start);
CREATE INDEX IF NOT EXISTS bulletins_issuer ON bulletins (issuer, period_start);
CREATE VIEW IF NOT EXISTS unit_metrics AS
	SELECT f.path, b.issuer, b.period_start, b.period_end, b.period_label,
	       c.tbl, t.label AS table_label, t.title AS table_title,
	       r.unit, r.total, c.key, c.header, c.text, c.value, c.decimals
	FROM cells c
	JOIN rows r USING (file_id, tbl, row)
	JOIN tables t USING (file_id, tbl)
	JOIN bulletins b USING (file_id)
	JOIN files f ON f.id = c.file_id;
`
