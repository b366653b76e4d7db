package digitize

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hotline12345/bulletin/extract"
	"github.com/hotline12345/bulletin/store"
)

// A file's identity is its cleaned absolute path, so the same folder given
// as "in", "./in" or its absolute path is one set of files; the archive's
// record of each (Config.Known) decides whether it is read again.

// absPaths makes the paths given absolute and clean; a URL stays as it is.
func absPaths(paths []string) ([]string, error) {
	out := make([]string, len(paths))
	for i, p := range paths {
		if strings.Contains(p, "://") {
			out[i] = p
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		out[i] = abs
	}
	return out, nil
}

// leave reports whether the file at path, whose content has the hash sum,
// is left as the archive holds it, and says why in r: unchanged and read
// ok by a version no older than this one, or, with SkipFailed, unchanged
// and failed before (a standing failure). A changed file, one read by an
// older version, a failed one (unless SkipFailed) and a missing one that
// is back are read.
func (cfg *Config) leave(path, sum string, r *result) bool {
	known, ok := cfg.Known[path]
	if !ok || known.SHA256 != sum {
		return false
	}
	older := extractorVersion(known).Older(cfg.Version)
	switch {
	case cfg.Force:
		r.reread = true
		return false
	case known.Status == store.StatusFailed && cfg.SkipFailed:
		r.standing = &known
		return true
	case known.Status != store.StatusOK:
		return false
	case older:
		r.reread = true
		return false
	}
	r.skipped = true
	return true
}

// missing hands the sinks an entry for every file the archive holds under
// the roots that the walk did not find: marked missing, or removed with
// Prune. A file already marked missing is counted, not written again. A
// URL is never missing: a page that is gone fails when it is fetched.
func missing(cfg Config, roots []string, list []found, put func(*store.Entry) error, sum *Summary) error {
	if len(cfg.Known) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(list))
	for _, f := range list {
		seen[f.path] = true
	}
	var gone []string
	for p := range cfg.Known {
		if !seen[p] && !extract.IsURL(p) && under(p, roots) && isGone(p) {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	for _, p := range gone {
		sum.Missing++
		if cfg.Known[p].Status == store.StatusMissing && !cfg.Prune {
			continue
		}
		e := &store.Entry{File: store.File{Path: p, Status: store.StatusMissing}, Prune: cfg.Prune}
		if err := put(e); err != nil {
			return err
		}
		if cfg.Prune {
			sum.Pruned++
		}
	}
	return nil
}

// under reports whether path is one of the roots or inside one of them.
func under(path string, roots []string) bool {
	for _, r := range roots {
		if path == r {
			return true
		}
		rel, err := filepath.Rel(r, path)
		if err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// isGone reports whether nothing is at path any more. A file the walk did
// not send but that is there (in a hidden folder, given by name in an
// earlier run) is not missing.
func isGone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// extractorVersion is the version that read a file of the archive.
func extractorVersion(f store.File) extract.Version {
	return extract.Version{Module: f.Extractor, Revision: f.Revision}
}
