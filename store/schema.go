package store

// SchemaVersion is the version of [Schema], kept in the database's
// PRAGMA user_version. OpenSQLite migrates an archive of an earlier version
// forward (see migrate.go); an archive of a later version is refused.
const SchemaVersion = 3

// Schema is the SQLite schema of an archive.
//
// A file is its cleaned absolute path (a URL as given); a bulletin is its
// content: the SHA-256 of its records (see [ContentHash]), so the same
// bulletin found under several paths, or in several formats that read
// alike, is one bulletin with several sources, and its records are stored
// once. The records are those of one source (bulletins.file_id), whose
// positions they give: the source read first, until it is read again (its
// new reading replaces them) or leaves the bulletin (another source is
// then read again for them); a copy read later only adds its source. Every record table is keyed by the bulletin's
// id and the bulletin's own indexes (table, row, figure ...) and is deleted
// with the bulletin, which goes when its last source does.
//
// A bulletin read from a web page with its attachments (附件) lists the
// files it was read from in parts, the page first; tables.part says which
// of them a table came from (0 for a bulletin of one file, which has no
// parts rows). findings.basis says why a finding is certain, or why it is
// only a warning.
//
// files.status is ok, failed, skipped for a path found but not read (a
// named pipe, a device, a link that loops; files.reason says which), or
// missing for a file a run no longer found (kept, with its bulletin, until
// a run with -prune). files.extractor and
// files.revision say which version read a file (see extract.Version), so
// that a newer one reads it again.
//
// The view unit_metrics joins a cell with its row, table and bulletin, and
// the unit's linked name (table units): a unit's metric across months is
//
//	SELECT period_start, value FROM unit_metrics
//	WHERE linked_unit = '烟草局' AND key = 'satisfaction_rate' ORDER BY period_start;
//
// key is the canonical metric and grp the printed group above it in a
// two-level header ("电话诉求"; "group" is an SQL keyword), channel the
// intake channel of the cell's column or table (phone, online, mail, all).
const Schema = `
CREATE TABLE IF NOT EXISTS files (
	id            INTEGER PRIMARY KEY,
	path          TEXT NOT NULL UNIQUE,     -- cleaned absolute path, or URL
	sha256        TEXT,                     -- of the file's bytes
	size          INTEGER,
	format        TEXT,
	status        TEXT NOT NULL,            -- ok | failed | skipped | missing
	reason        TEXT,                     -- why it failed or was not read
	problems      INTEGER,                  -- count of extraction problems
	extractor     TEXT,                     -- module version that read it
	revision      INTEGER,                  -- reader revision that read it; 0: read again
	processed_at  TEXT,
	missing_since TEXT                      -- when a run first found it gone
);
CREATE TABLE IF NOT EXISTS bulletins (
	id                 INTEGER PRIMARY KEY,
	content            TEXT NOT NULL UNIQUE, -- SHA-256 of the records: the identity
	file_id            INTEGER REFERENCES files(id) ON DELETE SET NULL, -- the source read
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
CREATE TABLE IF NOT EXISTS sources (
	file_id     INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
	bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS parts (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	part        INTEGER,                   -- index in the bulletin's source.parts: 0 the page
	name        TEXT,
	format      TEXT,
	sha256      TEXT,                      -- of the part's bytes
	url         TEXT,                      -- where it was fetched from, or the link the page prints
	PRIMARY KEY (bulletin_id, part)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tables (
	bulletin_id  INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	tbl          INTEGER,                  -- index in the bulletin
	label        TEXT,                     -- 附件1
	title        TEXT,
	channel      TEXT,                     -- phone | online | mail | all | ''
	channel_text TEXT,                     -- the words it was read from
	columns      TEXT,                     -- JSON [{"header","key","group","metric"}]
	notes        TEXT,                     -- JSON array
	pos          TEXT,                     -- JSON position
	part         INTEGER NOT NULL DEFAULT 0, -- the file of parts it was read from
	PRIMARY KEY (bulletin_id, tbl)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS definitions (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	tbl         INTEGER,
	def         INTEGER,
	key         TEXT,
	numerator   TEXT,
	denominator TEXT,
	implies     TEXT,                      -- JSON array of keys
	text        TEXT,
	PRIMARY KEY (bulletin_id, tbl, def)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rows (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	tbl         INTEGER,
	row         INTEGER,
	unit        TEXT,
	total       INTEGER,                   -- 1 for a 合计/总计 row
	pos         TEXT,
	PRIMARY KEY (bulletin_id, tbl, row)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cells (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	tbl         INTEGER,
	row         INTEGER,
	grp         TEXT,                      -- printed group header, or ''
	key         TEXT,                      -- canonical metric (on_time_rate) or printed header
	channel     TEXT,                      -- of the column's group, else the table's
	header      TEXT,                      -- printed header
	text        TEXT,                      -- as printed
	value       REAL,                      -- NULL when no number is printed
	decimals    INTEGER,                   -- digits after the point (rates)
	pos         TEXT,
	PRIMARY KEY (bulletin_id, tbl, row, grp, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	fig         INTEGER,
	kind        TEXT,                      -- count | rate | change
	label       TEXT,
	value       REAL,
	unit        TEXT,
	text        TEXT,
	parent      INTEGER,                   -- fig of the whole, NULL if none
	share       REAL,
	base        REAL,
	pos         TEXT,
	PRIMARY KEY (bulletin_id, fig)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	mention     INTEGER,
	unit        TEXT,
	role        TEXT,                      -- praised | criticised | ranked
	context     TEXT,
	value       REAL,
	value_unit  TEXT,
	matches     TEXT,                      -- JSON [{"table","row","unit"}]
	pos         TEXT,
	PRIMARY KEY (bulletin_id, mention)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
	bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
	finding     INTEGER,
	severity    TEXT,                      -- error | warning | info
	rule        TEXT,                      -- rate_mismatch, total_mismatch ...
	tbl         INTEGER,                   -- -1 for the prose
	row         INTEGER,                   -- -1 for a whole table or column
	unit        TEXT,
	column      TEXT,
	figure      INTEGER,                   -- the prose figure, if any
	mention     INTEGER,
	published   TEXT,
	expected    TEXT,
	hint        TEXT,
	message     TEXT,
	pos         TEXT,
	basis       TEXT,                      -- why it is certain, or only a warning
	PRIMARY KEY (bulletin_id, finding)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS problems (
	file_id INTEGER REFERENCES files(id) ON DELETE CASCADE, -- problems of reading a file
	problem INTEGER,
	message TEXT,
	pos     TEXT,
	PRIMARY KEY (file_id, problem)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS units (
	issuer   TEXT,                         -- units are linked within an issuer
	name     TEXT,                         -- as printed in the unit column
	unit     TEXT,                         -- the unit it names
	rule     TEXT,                         -- same | prefix | abbreviation | suffix, joined by +
	evidence TEXT,                         -- why, in words
	PRIMARY KEY (issuer, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sources_bulletin ON sources (bulletin_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule, severity);
CREATE INDEX IF NOT EXISTS rows_unit ON rows (unit);
CREATE INDEX IF NOT EXISTS cells_key ON cells (key);
CREATE INDEX IF NOT EXISTS bulletins_period ON bulletins (period_start);
CREATE INDEX IF NOT EXISTS bulletins_issuer ON bulletins (issuer, period_start);
CREATE INDEX IF NOT EXISTS units_unit ON units (unit);
CREATE VIEW IF NOT EXISTS unit_metrics AS
	SELECT c.bulletin_id, f.path, b.issuer, b.period_start, b.period_end, b.period_label,
	       c.tbl, t.label AS table_label, t.title AS table_title, c.channel,
	       c.row, r.unit, COALESCE(u.unit, r.unit) AS linked_unit, r.total,
	       c.grp, c.key, c.header, c.text, c.value, c.decimals
	FROM cells c
	JOIN rows r USING (bulletin_id, tbl, row)
	JOIN tables t USING (bulletin_id, tbl)
	JOIN bulletins b ON b.id = c.bulletin_id
	LEFT JOIN files f ON f.id = b.file_id
	LEFT JOIN units u ON u.issuer = b.issuer AND u.name = r.unit;
`
