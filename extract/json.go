package extract

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// ReadJSON reads a bulletin from the JSON that `bulletin extract` prints
// (the shape of [model.Bulletin]), as a program may have corrected or built
// it, so that it can be checked again.
//
// It holds the JSON to the same [Limits] as the format readers: at most
// MaxInputBytes, MaxBlocks tables, MaxRows rows in a table and MaxCells
// cells in all; and every printed precision (a cell's decimals, a figure's
// decimals and share_decimals) between 0 and MaxDecimals, because the
// checker takes them for small numbers. Table rows are decoded one at a
// time, so JSON past a limit is refused before it is held in memory.
//
// Errors are *ParseError values naming the JSON path of the value at fault
// ("tables[0].rows[12].cells.on_time_rate.decimals"), wrapping [ErrFormat]
// for what is not the JSON of a bulletin or [ErrLimit].
func ReadJSON(ctx context.Context, r io.Reader, opts ...Option) (*model.Bulletin, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	jr := &jsonReader{ctx: ctx, lim: cfg.limits.WithDefaults()}
	jr.in = &io.LimitedReader{R: r, N: jr.lim.MaxInputBytes + 1}
	jr.dec = json.NewDecoder(jr.in)
	b, err := jr.bulletin()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			pe = &ParseError{Err: err}
		}
		pe.File = cfg.name
		return nil, pe
	}
	return b, nil
}

// jsonReader decodes a bulletin's JSON piece by piece.
type jsonReader struct {
	ctx   context.Context
	lim   Limits
	in    *io.LimitedReader
	dec   *json.Decoder
	cells int   // cells of the rows read
	grid  int64 // rows times columns of the tables read
}

// fail returns the error for the JSON value at path.
func (jr *jsonReader) fail(path string, err error) error {
	if jr.in.N <= 0 {
		// The decoder ran out of input because the input is too long.
		return block.Exceeded("input bytes", jr.lim.MaxInputBytes)
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	if errors.As(err, &se) || errors.As(err, &te) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %s: not the JSON of a bulletin: %v", ErrFormat, path, err)
	}
	if errors.Is(err, ErrFormat) || errors.Is(err, ErrLimit) || jr.ctx.Err() != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrFormat, path, err)
}

// open reads the token that opens an object or an array (delim '{' or
// '['); present is false for null, with a nil error, and on an error.
func (jr *jsonReader) open(path string, delim json.Delim, what string) (present bool, err error) {
	tok, err := jr.dec.Token()
	if err != nil {
		return false, jr.fail(path, err)
	}
	if tok == nil {
		return false, nil
	}
	if d, ok := tok.(json.Delim); !ok || d != delim {
		return false, jr.fail(path, fmt.Errorf("%v where %s belongs", tok, what))
	}
	return true, nil
}

// object reads a JSON object (or null), calling field for each key; field
// decodes the value.
func (jr *jsonReader) object(path string, field func(key string) error) error {
	if present, err := jr.open(path, '{', "an object"); !present {
		return err
	}
	for jr.dec.More() {
		tok, err := jr.dec.Token()
		if err != nil {
			return jr.fail(path, err)
		}
		if err := field(tok.(string)); err != nil {
			return err
		}
	}
	if _, err := jr.dec.Token(); err != nil {
		return jr.fail(path, err)
	}
	return nil
}

// array reads a JSON array (or null), calling item for each element with
// its index; item decodes the element.
func (jr *jsonReader) array(path string, item func(i int) error) error {
	if present, err := jr.open(path, '[', "an array"); !present {
		return err
	}
	for i := 0; jr.dec.More(); i++ {
		if err := jr.ctx.Err(); err != nil {
			return jr.fail(path, err)
		}
		if err := item(i); err != nil {
			return err
		}
	}
	if _, err := jr.dec.Token(); err != nil {
		return jr.fail(path, err)
	}
	return nil
}

// field decodes the value of JSON key into the field of v that
// encoding/json would give it (matching names as json.Unmarshal does,
// ignoring unknown keys).
func (jr *jsonReader) field(path string, v any, key string) error {
	var raw json.RawMessage
	if err := jr.dec.Decode(&raw); err != nil {
		return jr.fail(path+"."+key, err)
	}
	name, _ := json.Marshal(key)
	obj := make([]byte, 0, len(name)+len(raw)+3)
	obj = append(append(append(append(obj, '{'), name...), ':'), raw...)
	if err := json.Unmarshal(append(obj, '}'), v); err != nil {
		return jr.fail(path+"."+key, err)
	}
	return nil
}

func (jr *jsonReader) bulletin() (*model.Bulletin, error) {
	b := &model.Bulletin{}
	err := jr.object("bulletin", func(key string) error {
		if !sameKey(key, "tables") {
			return jr.field("bulletin", b, key)
		}
		b.Tables = []model.Table{}
		return jr.array("tables", func(i int) error {
			if i >= jr.lim.MaxBlocks {
				return jr.fail("tables", block.Exceeded("tables", int64(jr.lim.MaxBlocks)))
			}
			t, err := jr.table(fmt.Sprintf("tables[%d]", i))
			if err != nil {
				return err
			}
			b.Tables = append(b.Tables, t)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if _, err := jr.dec.Token(); err != io.EOF {
		return nil, jr.fail("bulletin", errors.New("more after the bulletin's object"))
	}
	for i := range b.Figures {
		f := &b.Figures[i]
		path := fmt.Sprintf("figures[%d]", i)
		if err := jr.decimals(path+".decimals", f.Decimals); err != nil {
			return nil, err
		}
		if err := jr.decimals(path+".share_decimals", f.ShareDecimals); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (jr *jsonReader) table(path string) (model.Table, error) {
	var t model.Table
	widest := 0 // the most cells in a row
	err := jr.object(path, func(key string) error {
		if !sameKey(key, "rows") {
			return jr.field(path, &t, key)
		}
		t.Rows = []model.Row{}
		return jr.array(path+".rows", func(i int) error {
			if i >= jr.lim.MaxRows {
				return jr.fail(path+".rows", block.Exceeded("table rows", int64(jr.lim.MaxRows)))
			}
			rowPath := fmt.Sprintf("%s.rows[%d]", path, i)
			var row model.Row
			if err := jr.dec.Decode(&row); err != nil {
				return jr.fail(rowPath, err)
			}
			if jr.cells += len(row.Cells); jr.cells > jr.lim.MaxCells {
				return jr.fail(rowPath, block.Exceeded("table cells", int64(jr.lim.MaxCells)))
			}
			for k, c := range row.Cells {
				if c.Decimals != nil {
					if err := jr.decimals(rowPath+".cells."+string(k)+".decimals", *c.Decimals); err != nil {
						return err
					}
				}
			}
			widest = max(widest, len(row.Cells))
			t.Rows = append(t.Rows, row)
			return nil
		})
	})
	if err != nil {
		return t, err
	}
	// The checker works on the table's grid, rows times columns (the unit
	// column and a column a value), as the interpreter does on a
	// document's: it is bounded the same way.
	area := int64(len(t.Rows)) * int64(max(len(t.Columns), widest+1))
	if area > int64(jr.lim.MaxGridCells) {
		return t, jr.fail(path, block.GridExceeded(jr.lim.MaxGridCells))
	}
	if jr.grid += area; jr.grid > int64(jr.lim.MaxCells) {
		return t, jr.fail(path, block.Exceeded("table cells", int64(jr.lim.MaxCells)))
	}
	return t, nil
}

// decimals checks a printed precision.
func (jr *jsonReader) decimals(path string, d int) error {
	switch {
	case d < 0:
		return jr.fail(path, fmt.Errorf("%w: %d decimals", ErrFormat, d))
	case d > jr.lim.MaxDecimals:
		return jr.fail(path, fmt.Errorf("%w: %d decimals, more than %d", ErrLimit, d, jr.lim.MaxDecimals))
	}
	return nil
}

// sameKey reports whether a JSON key names the field name, matched as
// encoding/json matches them: ignoring case.
func sameKey(key, name string) bool { return strings.EqualFold(key, name) }
