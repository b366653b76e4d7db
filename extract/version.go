package extract

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
)

// ReaderRevision counts the changes to the readers and the interpreter
// that change what a file extracts to. It is bumped with every such
// change, so that an archive made by an earlier revision knows which of
// its records are out of date: digitize re-extracts the files read by an
// older version (see Version.Older).
//
// Revision 1 added channels, groups and metrics to tables; revision 2 came
// with the XLSX, DOC and XLS readers, web pages and their attachments
// (source parts), the prose's figure tree, and the reworked text tables.
const ReaderRevision = 2

// Version identifies the extractor a file was read by.
type Version struct {
	// Module is the version of this module in the program's build
	// information: a release ("v1.4.0"), a pseudo-version of a commit, or
	// "(devel)" for a build from a work tree.
	Module string
	// Revision is the ReaderRevision the program was built with.
	Revision int
}

// CurrentVersion returns the version of the running program's extractor.
func CurrentVersion() Version {
	moduleOnce.Do(func() { moduleVersion = readModuleVersion() })
	return Version{Module: moduleVersion, Revision: ReaderRevision}
}

var (
	moduleOnce    sync.Once
	moduleVersion string
)

// modulePath is this module's path, looked for in the build information
// of a program that uses it as a library.
const modulePath = "github.com/hotline12345/bulletin"

func readModuleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if info.Main.Path == modulePath {
		return info.Main.Version
	}
	for _, d := range info.Deps {
		if d.Path == modulePath {
			if d.Replace != nil {
				return d.Replace.Version
			}
			return d.Version
		}
	}
	return "(unknown)"
}

// String formats the version as "MODULE rREVISION", e.g. "v1.4.0 r3".
func (v Version) String() string {
	return fmt.Sprintf("%s r%d", v.Module, v.Revision)
}

// Older reports whether v is older than w, so that what v extracted
// should be extracted again by w: v's revision is lower, or, at the same
// revision, both modules are releases and v's is the earlier. Builds that
// are not releases (work trees, commits) are told apart by revision
// alone, so that a rebuild does not re-extract an archive whose readers
// did not change.
func (v Version) Older(w Version) bool {
	if v.Revision != w.Revision {
		return v.Revision < w.Revision
	}
	a, okA := parseRelease(v.Module)
	b, okB := parseRelease(w.Module)
	return okA && okB && a.less(b)
}

// release is a semantic version without build metadata.
type release struct {
	nums [3]int
	pre  []string // pre-release identifiers, nil for a final release
}

// parseRelease parses a release version "vMAJOR.MINOR.PATCH[-PRE][+BUILD]";
// pseudo-versions (a commit's time and hash as the pre-release) and
// anything else are not releases.
func parseRelease(s string) (release, bool) {
	var r release
	s, ok := strings.CutPrefix(s, "v")
	if !ok {
		return r, false
	}
	s, _, _ = strings.Cut(s, "+")
	core, pre, hasPre := strings.Cut(s, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return r, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return r, false
		}
		r.nums[i] = n
	}
	if hasPre {
		r.pre = strings.Split(pre, ".")
		if isPseudo(r.pre) {
			return r, false
		}
	}
	return r, true
}

// isPseudo reports whether pre-release identifiers end as a
// pseudo-version's do: a 14-digit time and a 12-digit commit hash.
func isPseudo(pre []string) bool {
	last := pre[len(pre)-1]
	t, hash, ok := strings.Cut(last, "-")
	if !ok || len(hash) != 12 {
		return false
	}
	if len(t) < 14 {
		return false
	}
	for _, c := range t[len(t)-14:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (a release) less(b release) bool {
	for i := range a.nums {
		if a.nums[i] != b.nums[i] {
			return a.nums[i] < b.nums[i]
		}
	}
	switch {
	case a.pre == nil:
		return false
	case b.pre == nil:
		return true
	}
	for i := 0; i < len(a.pre) && i < len(b.pre); i++ {
		x, y := a.pre[i], b.pre[i]
		if x == y {
			continue
		}
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		switch {
		case ex == nil && ey == nil:
			return nx < ny
		case ex == nil:
			return true // numeric identifiers sort first
		case ey == nil:
			return false
		}
		return x < y
	}
	return len(a.pre) < len(b.pre)
}
