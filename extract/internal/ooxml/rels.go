package ooxml

import (
	"context"
	"encoding/xml"
	"io"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/model"
)

// Rel is one relationship of a part.
type Rel struct {
	ID string
	// Type is the last segment of the type URI ("officeDocument",
	// "worksheet"; see [RelType]).
	Type string
	// Target is the part name the relationship points to, resolved against
	// the source part; empty for an external target.
	Target   string
	External bool
}

// Rels reads the relationships of the part source ("" for the package's
// own, _rels/.rels), reserving the relationships part first. A missing
// relationships part means no relationships; at most MaxParts are read.
func (p *Package) Rels(ctx context.Context, source string) ([]Rel, error) {
	name := RelsName(source)
	if p.File(name) == nil {
		return nil, nil
	}
	if err := p.Reserve(name); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, block.At(model.Pos{Part: name}, err)
	}
	rc, err := p.Part(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	t := NewTokens(ctx, name, rc, p.lim)
	var out []Rel
	for {
		tok, err := t.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if len(out) >= p.lim.MaxParts {
			return nil, t.Fail(block.Exceeded("relationships", int64(p.lim.MaxParts)))
		}
		typ, _ := Attr(se, "Type")
		target, _ := Attr(se, "Target")
		mode, _ := Attr(se, "TargetMode")
		id, _ := Attr(se, "Id")
		r := Rel{ID: id, Type: RelType(typ), External: mode == "External"}
		if !r.External {
			r.Target = Resolve(source, target)
		}
		out = append(out, r)
	}
}

// MainPart returns the package's main part (the target of its
// officeDocument relationship), or "" when the package relationships name
// none.
func (p *Package) MainPart(ctx context.Context) (string, error) {
	rels, err := p.Rels(ctx, "")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.Type == "officeDocument" && !r.External {
			return r.Target, nil
		}
	}
	return "", nil
}
