package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/hotline12345/bulletin/internal/unitlink"
	"github.com/hotline12345/bulletin/model"
)

// The units table links the spellings of one unit across the bulletins of
// an issuer (区住建局, 住建局, 区住房和城乡建设局), each with the rule and
// the evidence that links it (see internal/unitlink); unit_metrics gives
// every row's linked_unit, so that a unit's trend is one query whatever
// the spelling of each month.

// unitNames lists the names in the unit column of a bulletin's rows, total
// rows left out.
func unitNames(b *model.Bulletin) []string {
	var names []string
	seen := map[string]bool{}
	for _, t := range b.Tables {
		for _, r := range t.Rows {
			if !r.Total && r.Unit != "" && !seen[r.Unit] {
				seen[r.Unit] = true
				names = append(names, r.Unit)
			}
		}
	}
	return names
}

// linkUnits brings the issuer's links up to date when the entry's bulletin
// prints a unit name the units table does not have yet.
func (s *SQLite) linkUnits(ctx context.Context, tx *sql.Tx, issuer string, e *Entry) error {
	known, ok := s.unitNames[issuer]
	if !ok {
		known = map[string]bool{}
		rows, err := tx.QueryContext(ctx, `SELECT name FROM units WHERE issuer = ?`, issuer)
		if err != nil {
			return err
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return err
			}
			known[n] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	fresh := false
	for _, n := range unitNames(e.Bulletin) {
		if !known[n] {
			fresh = true
			break
		}
	}
	if !fresh {
		s.unitNames[issuer] = known
		return nil
	}
	delete(s.unitNames, issuer) // rebuilt below; dropped if that fails
	links, err := issuerLinks(ctx, tx, issuer)
	if err != nil {
		return err
	}
	known = map[string]bool{}
	for _, l := range links {
		known[l.Name] = true
	}
	s.unitNames[issuer] = known
	return nil
}

// issuerLinks relinks every unit name of the issuer's bulletins in the
// archive and rewrites the issuer's rows of the units table.
func issuerLinks(ctx context.Context, tx *sql.Tx, issuer string) ([]unitlink.Link, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT r.unit FROM rows r JOIN bulletins b ON b.id = r.bulletin_id
		WHERE b.issuer = ? AND r.total = 0 AND r.unit <> ''`, issuer)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	stmt, err := tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM rows a JOIN rows b USING (bulletin_id, tbl)
		JOIN bulletins x ON x.id = a.bulletin_id WHERE a.unit = ? AND b.unit = ? AND x.issuer = ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var apartErr error
	apart := func(a, b string) bool {
		var yes bool
		if err := stmt.QueryRowContext(ctx, a, b, issuer).Scan(&yes); err != nil && apartErr == nil {
			apartErr = err
		}
		return yes
	}
	links := unitlink.Links(issuer, names, apart)
	if apartErr != nil {
		return nil, apartErr
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM units WHERE issuer = ?`, issuer); err != nil {
		return nil, err
	}
	if err := insertValues(ctx, tx, "units", unitsColumns, linkRows(issuer, links)); err != nil {
		return nil, err
	}
	return links, nil
}

func linkRows(issuer string, links []unitlink.Link) [][]any {
	out := make([][]any, len(links))
	for i, l := range links {
		out[i] = []any{issuer, l.Name, l.Unit, l.Rule, l.Evidence}
	}
	return out
}

// relinkAll relinks the units of every issuer in the archive.
func relinkAll(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT COALESCE(issuer, '') FROM bulletins`)
	if err != nil {
		return err
	}
	var issuers []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		issuers = append(issuers, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, is := range issuers {
		if _, err := issuerLinks(ctx, tx, is); err != nil {
			return fmt.Errorf("linking the units of %q: %w", is, err)
		}
	}
	return nil
}

// unitCollector gathers the unit names of the bulletins written to CSV
// files, per issuer, and the pairs of names that could be linked but are
// printed in one table, to link them when the files are closed.
type unitCollector struct {
	names map[string]map[string]bool
	apart map[[3]string]bool // issuer, name, name (in order)
}

func (u *unitCollector) add(b *model.Bulletin) {
	if u.names == nil {
		u.names = map[string]map[string]bool{}
		u.apart = map[[3]string]bool{}
	}
	set := u.names[b.Issuer]
	if set == nil {
		set = map[string]bool{}
		u.names[b.Issuer] = set
	}
	prefixes := unitlink.Prefixes(b.Issuer)
	for _, t := range b.Tables {
		var names []string
		for _, r := range t.Rows {
			if !r.Total && r.Unit != "" {
				set[r.Unit] = true
				names = append(names, r.Unit)
			}
		}
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				if names[i] != names[j] && unitlink.Candidates(names[i], names[j], prefixes) {
					u.apart[pairKey(b.Issuer, names[i], names[j])] = true
				}
			}
		}
	}
}

func pairKey(issuer, a, b string) [3]string {
	if b < a {
		a, b = b, a
	}
	return [3]string{issuer, a, b}
}

// rows returns the units table's rows.
func (u *unitCollector) rows() [][]any {
	var out [][]any
	for issuer, set := range u.names {
		names := make([]string, 0, len(set))
		for n := range set {
			names = append(names, n)
		}
		apart := func(a, b string) bool { return u.apart[pairKey(issuer, a, b)] }
		out = append(out, linkRows(issuer, unitlink.Links(issuer, names, apart))...)
	}
	return out
}
