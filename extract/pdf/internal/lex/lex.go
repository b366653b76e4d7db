// Package lex tokenizes PDF content streams and CMaps (the PostScript-like
// syntax of operands followed by an operator) within budgets: a bounded
// operand stack and nesting depth, so that 30 million operands without an
// operator or 100,000 nested arrays end in an error wrapping
// [block.ErrLimit] instead of exhausting memory or the stack.
//
// It is our own tokenizer rather than the object package's Interpret, which
// keeps an unbounded stack.
package lex

import (
	"github.com/hotline12345/bulletin/extract/pdf/internal/scan"

	"fmt"

	"github.com/hotline12345/bulletin/extract/block"
)

// Kind is the kind of an operand.
type Kind uint8

// The kinds of operands.
const (
	Null Kind = iota
	Number
	Name
	String
	Bool
	Array
	Dict
)

// Operand is one operand of an operator.
type Operand struct {
	Kind Kind
	// Num is a number's value, or 1 for true.
	Num float64
	// Str is a name (without slash) or a string's bytes. It may share
	// memory with the input; copy it to keep it.
	Str []byte
	// Elems are an array's elements, or a dictionary's keys and values
	// alternating.
	Elems []Operand
}

// Key returns the value of key in a dictionary operand.
func (o Operand) Key(key string) (Operand, bool) {
	if o.Kind != Dict {
		return Operand{}, false
	}
	for i := 0; i+1 < len(o.Elems); i += 2 {
		if o.Elems[i].Kind == Name && string(o.Elems[i].Str) == key {
			return o.Elems[i+1], true
		}
	}
	return Operand{}, false
}

// Lexer reads operators and their operands from a stream's data.
type Lexer struct {
	data        []byte
	pos         int
	maxOperands int
	maxDepth    int
	count       int // operands collected for the current operator
	// tmp collects the elements of open arrays and dictionaries; arena
	// holds the elements of those read for the current operator, reused
	// for the next one.
	tmp, arena []Operand
}

// New returns a lexer over data that allows at most maxOperands operands
// (counting array and dictionary elements) before an operator, nested at
// most maxDepth deep.
func New(data []byte, maxOperands, maxDepth int) *Lexer {
	return &Lexer{data: data, maxOperands: maxOperands, maxDepth: maxDepth}
}

// Next reads the next operator. It appends the operands before it to
// stack[:0] and returns them with the operator's name, which shares memory
// with the input, and so do the operands: they are valid until the next
// call. At the end of the data it returns a nil op (and any operands left
// without an operator). A syntax error is skipped where the
// stream can be resynchronised; only exceeding a budget is an error.
func (l *Lexer) Next(stack []Operand) (op []byte, operands []Operand, err error) {
	stack = stack[:0]
	l.count = 0
	l.arena = l.arena[:0]
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return nil, stack, nil
		}
		c := l.data[l.pos]
		if scan.IsRegular(c) && !isNumberStart(c) {
			kw := l.regular()
			switch string(kw) {
			case "true", "false":
				o := Operand{Kind: Bool}
				if kw[0] == 't' {
					o.Num = 1
				}
				if stack, err = l.push(stack, o); err != nil {
					return nil, stack, err
				}
				continue
			case "null":
				if stack, err = l.push(stack, Operand{}); err != nil {
					return nil, stack, err
				}
				continue
			}
			return kw, stack, nil
		}
		o, ok, err := l.operand(0)
		if err != nil {
			return nil, stack, err
		}
		if !ok {
			continue
		}
		if stack, err = l.push(stack, o); err != nil {
			return nil, stack, err
		}
	}
}

func (l *Lexer) push(stack []Operand, o Operand) ([]Operand, error) {
	l.count++
	if l.count > l.maxOperands {
		return stack, fmt.Errorf("at offset %d: %w", l.pos, block.Exceeded("operands before an operator", int64(l.maxOperands)))
	}
	return append(stack, o), nil
}

// operand reads one operand starting at the current byte. ok is false when
// the bytes there are not an operand (a stray delimiter), which are skipped.
func (l *Lexer) operand(depth int) (Operand, bool, error) {
	if depth > l.maxDepth {
		return Operand{}, false, fmt.Errorf("at offset %d: %w", l.pos, block.Exceeded("nesting levels", int64(l.maxDepth)))
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		return Operand{Kind: Name, Str: l.name()}, true, nil
	case c == '(':
		l.pos++
		return Operand{Kind: String, Str: l.literal()}, true, nil
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		return l.collection(Dict, '>', depth)
	case c == '<':
		l.pos++
		return Operand{Kind: String, Str: l.hex()}, true, nil
	case c == '[':
		l.pos++
		return l.collection(Array, ']', depth)
	case isNumberStart(c):
		return Operand{Kind: Number, Num: l.number()}, true, nil
	}
	// A stray delimiter: ')', '>', ']', '{', '}'.
	l.pos++
	return Operand{}, false, nil
}

// collection reads an array or dictionary up to its closing delimiter.
// Operators inside (a damaged stream) are dropped.
func (l *Lexer) collection(kind Kind, end byte, depth int) (Operand, bool, error) {
	o := Operand{Kind: kind}
	start := len(l.tmp)
	defer func() { l.tmp = l.tmp[:start] }()
	done := func() (Operand, bool, error) {
		a := len(l.arena)
		l.arena = append(l.arena, l.tmp[start:]...)
		o.Elems = l.arena[a:len(l.arena):len(l.arena)]
		return o, true, nil
	}
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return done()
		}
		c := l.data[l.pos]
		if c == end {
			l.pos++
			if end == '>' && l.pos < len(l.data) && l.data[l.pos] == '>' {
				l.pos++
			}
			return done()
		}
		if scan.IsRegular(c) && !isNumberStart(c) {
			kw := l.regular()
			switch string(kw) {
			case "true":
				l.tmp = append(l.tmp, Operand{Kind: Bool, Num: 1})
			case "false":
				l.tmp = append(l.tmp, Operand{Kind: Bool})
			case "null":
				l.tmp = append(l.tmp, Operand{})
			default:
				continue
			}
		} else {
			e, ok, err := l.operand(depth + 1)
			if err != nil {
				return o, false, err
			}
			if !ok {
				continue
			}
			l.tmp = append(l.tmp, e)
		}
		l.count++
		if l.count > l.maxOperands {
			return o, false, fmt.Errorf("at offset %d: %w", l.pos, block.Exceeded("operands before an operator", int64(l.maxOperands)))
		}
	}
}

func (l *Lexer) skipSpace() { l.pos = scan.SkipSpace(l.data, l.pos) }

// regular reads a run of regular characters (a keyword).
func (l *Lexer) regular() []byte {
	kw, next := scan.Regular(l.data, l.pos)
	l.pos = next
	return kw
}

func (l *Lexer) name() []byte {
	n, next := scan.Name(l.data, l.pos)
	l.pos = next
	return n
}

func (l *Lexer) number() float64 {
	start := l.pos
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
			break
		}
		l.pos++
	}
	s := l.data[start:l.pos]
	// Fast path: plain integers and decimals.
	neg := false
	i := 0
	for i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = neg != (s[i] == '-')
		i++
	}
	var v float64
	scale := 0.0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if scale == 0 {
				v = v*10 + float64(c-'0')
			} else {
				v += float64(c-'0') * scale
				scale /= 10
			}
		case c == '.' && scale == 0:
			scale = 0.1
		default:
			// "1.2.3" or "5-3": keep the value read so far, as viewers do.
			i = len(s)
		}
	}
	if neg {
		v = -v
	}
	return v
}

// literal reads a (string) after its opening parenthesis.
func (l *Lexer) literal() []byte {
	str, next := scan.Literal(l.data, l.pos)
	l.pos = next
	return str
}

// hex reads a <hex string> after its opening bracket.
func (l *Lexer) hex() []byte {
	str, next := scan.Hex(l.data, l.pos)
	l.pos = next
	return str
}

// SkipInlineImage skips an inline image's data after its ID operator, up
// to and including the EI operator.
func (l *Lexer) SkipInlineImage() {
	if l.pos < len(l.data) && scan.IsSpace(l.data[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.data); i++ {
		if l.data[i] == 'E' && l.data[i+1] == 'I' && (i == 0 || scan.IsSpace(l.data[i-1])) && (i+2 == len(l.data) || scan.IsSpace(l.data[i+2]) || scan.IsDelim(l.data[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.data)
}

func isNumberStart(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+'
}
