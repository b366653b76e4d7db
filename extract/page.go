package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/hotline12345/bulletin/extract/block"
	"github.com/hotline12345/bulletin/extract/html"
	"github.com/hotline12345/bulletin/extract/interpret"
	"github.com/hotline12345/bulletin/model"
)

// pageConfig is what reading a web page needs besides its bytes.
type pageConfig struct {
	contentType string
	location    string
	client      *http.Client
}

// WithContentType gives the Content-Type the input was served with; its
// charset decides how a web page is decoded. URL sets it.
func WithContentType(contentType string) Option {
	return func(c *config) { c.page.contentType = contentType }
}

// WithLocation says where the input was read from: a file path or an
// http(s) URL. A web page's attachments (附件) are looked for relative to
// it: next to the file on disk, or fetched from the web with the same
// limits. ExtractFile and URL set it; without it a page's attachments are
// listed under problems, not read.
func WithLocation(location string) Option {
	return func(c *config) { c.page.location = location }
}

// WithHTTPClient sets the client URL fetches pages and attachments with,
// to add a proxy, cookies or a transport that restricts where requests
// may go. Its redirects are capped at Limits.MaxRedirects and every fetch
// at Limits.FetchTimeout whatever the client says. The default is a client
// with http.DefaultTransport.
func WithHTTPClient(c *http.Client) Option {
	return func(cfg *config) { cfg.page.client = c }
}

// readPage reads a web page (HTML or MHT) and the attachments it links to
// into one bulletin. The page's own tables come first (part 0), then those
// of each attachment, with Source.Parts listing the files read.
func readPage(ctx context.Context, r io.ReaderAt, size int64, format Format, cfg config, sha string) (*model.Bulletin, error) {
	lim := cfg.limits.WithDefaults()
	opt := html.Options{ContentType: cfg.page.contentType, Limits: lim}
	var page *html.Page
	var err error
	if format == MHT {
		page, err = html.ReadMHT(ctx, r, size, opt)
	} else {
		page, err = html.ReadPage(ctx, r, size, opt)
	}
	if err != nil {
		return nil, err
	}
	b := interpret.Bulletin(page.Document)
	b.Source = model.Source{Name: cfg.name, Format: string(format), SHA256: sha}
	if IsURL(cfg.page.location) {
		b.Source.URL = cfg.page.location
	}
	links := attachmentLinks(page, cfg.page.location)
	var read []*model.Bulletin
	var parts []model.Part
	var unread []string
	for i, l := range links {
		if i == lim.MaxAttachments {
			b.Problems = append(b.Problems, model.Problem{Pos: l.pos,
				Message: fmt.Sprintf("%d more attachments not read: more than %d", len(links)-i, lim.MaxAttachments)})
			unread = append(unread, l.name)
			break
		}
		ab, part, err := cfg.attachment(ctx, l, page, lim)
		if err != nil {
			b.Problems = append(b.Problems, model.Problem{Pos: l.pos, Message: fmt.Sprintf("attachment %s (%s): %v", l.name, l.href, err)})
			unread = append(unread, l.name)
			continue
		}
		read = append(read, ab)
		parts = append(parts, part)
	}
	if len(read) > 0 {
		self := model.Part{Name: b.Source.Name, Format: b.Source.Format, SHA256: b.Source.SHA256, URL: b.Source.URL}
		b.Source.Parts = append([]model.Part{self}, parts...)
		interpret.Join(b, read)
	}
	if len(b.Tables) == 0 && len(b.Figures) == 0 {
		return nil, notBulletin(page, unread)
	}
	return b, nil
}

// notBulletin says what a page without a bulletin is.
func notBulletin(page *html.Page, unread []string) error {
	paras, tables := 0, 0
	for _, blk := range page.Document.Blocks {
		switch blk.(type) {
		case *block.Paragraph:
			paras++
		case *block.Table:
			tables++
		}
	}
	what := "a web page"
	if page.Title != "" {
		what = fmt.Sprintf("a web page titled %q", page.Title)
	}
	msg := fmt.Sprintf("%s whose article has no tables or figures of a bulletin (%d paragraphs, %d tables, %d links)",
		what, paras, tables, len(page.Links))
	if len(unread) > 0 {
		msg += fmt.Sprintf("; its attachments %s were not read", strings.Join(unread, ", "))
	}
	return fmt.Errorf("%w: %s", ErrNotBulletin, msg)
}

// attachmentLink is a link of the page to a file that may hold its tables.
type attachmentLink struct {
	href string   // as printed
	ref  *url.URL // parsed
	name string   // the file's name: the link's text when it names a file, else the URL's
	pos  model.Pos
}

// documentExts are the file types whose links are attachments; pageExts
// those taken only from the article's text (a list of related pages after
// an article is not its attachments). Extract detects the format from the
// content, so the extension only picks the links.
var (
	documentExts = []string{".docx", ".doc", ".wps", ".pdf", ".txt", ".xlsx", ".xls", ".et", ".mht", ".mhtml"}
	pageExts     = []string{".html", ".htm", ".shtml"}
)

// attachmentLinks picks the page's links to files.
func attachmentLinks(page *html.Page, location string) []attachmentLink {
	var out []attachmentLink
	seen := map[string]bool{}
	for _, l := range page.Links {
		href := strings.TrimSpace(l.Href)
		lower := strings.ToLower(href)
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "mailto:") {
			continue
		}
		ref, err := url.Parse(href)
		if err != nil {
			continue
		}
		name := fileName(l.Text)
		ext := fileExt(name)
		if ext == "" {
			name = path.Base(ref.Path)
			ext = fileExt(name)
		}
		if ext == "" {
			for _, vs := range ref.Query() {
				for _, v := range vs {
					if e := fileExt(v); e != "" {
						name, ext = path.Base(v), e
					}
				}
			}
		}
		switch {
		case hasExt(documentExts, ext):
		case hasExt(pageExts, ext) && l.InArticle:
		default:
			continue
		}
		key := ref.String()
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, attachmentLink{href: href, ref: ref, name: name, pos: l.Pos})
	}
	return out
}

func hasExt(exts []string, ext string) bool {
	for _, e := range exts {
		if e == ext {
			return true
		}
	}
	return false
}

// fileName returns s when it reads as a file name (ends in an extension),
// without folders; else "".
func fileName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	if fileExt(s) == "" {
		return ""
	}
	return s
}

// fileExt returns the lower-case extension of a file name, or "" when it
// has none of the known ones.
func fileExt(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if hasExt(documentExts, ext) || hasExt(pageExts, ext) {
		return ext
	}
	return ""
}

// attachment reads one attachment: from disk next to a saved page, or
// from the web for a fetched one.
func (cfg config) attachment(ctx context.Context, l attachmentLink, page *html.Page, lim Limits) (*model.Bulletin, model.Part, error) {
	loc := cfg.page.location
	var data []byte
	var contentType, where string
	switch {
	case IsURL(loc) || (loc == "" && IsURL(page.Location)):
		base := loc
		if base == "" {
			base = page.Location
		}
		bu, err := url.Parse(base)
		if err != nil {
			return nil, model.Part{}, err
		}
		target := bu.ResolveReference(l.ref)
		if target.Scheme != "http" && target.Scheme != "https" {
			return nil, model.Part{}, fmt.Errorf("not an http(s) link")
		}
		res, err := fetch(ctx, cfg.page.client, target.String(), lim)
		if err != nil {
			return nil, model.Part{}, err
		}
		data, contentType, where = res.body, res.contentType, res.url
	case loc != "":
		file, err := localAttachment(loc, l)
		if err != nil {
			return nil, model.Part{}, err
		}
		if data, err = readFile(file, lim); err != nil {
			return nil, model.Part{}, err
		}
		where = l.href
	default:
		return nil, model.Part{}, errors.New("not read: the page's location is unknown")
	}
	b, err := Extract(ctx, bytes.NewReader(data), int64(len(data)), WithName(l.name), WithLimits(lim), WithContentType(contentType))
	if err != nil {
		return nil, model.Part{}, err
	}
	return b, model.Part{Name: l.name, Format: b.Source.Format, SHA256: b.Source.SHA256, URL: where}, nil
}

// localAttachment finds a saved page's attachment on disk, in the page's
// folder or below it: where the link points, under the link's file name, or
// in the folder a browser saves a page's files to ("page_files").
func localAttachment(pagePath string, l attachmentLink) (string, error) {
	dir := filepath.Dir(pagePath)
	var candidates []string
	if !l.ref.IsAbs() && l.ref.Host == "" && !strings.HasPrefix(l.ref.Path, "/") {
		if p, err := url.PathUnescape(l.ref.Path); err == nil {
			candidates = append(candidates, filepath.Join(dir, filepath.FromSlash(p)))
		}
	}
	base := path.Base(l.ref.Path)
	if p, err := url.PathUnescape(base); err == nil {
		base = p
	}
	pageFiles := strings.TrimSuffix(filepath.Base(pagePath), filepath.Ext(pagePath)) + "_files"
	for _, name := range []string{base, l.name} {
		if name == "" || name == "." || name == "/" {
			continue
		}
		candidates = append(candidates, filepath.Join(dir, name), filepath.Join(dir, pageFiles, name))
	}
	for _, c := range candidates {
		rel, err := filepath.Rel(dir, c)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue // not below the page's folder
		}
		if st, err := os.Lstat(c); err == nil && st.Mode().IsRegular() {
			return c, nil // a regular file, not a link that may lead out of the folder
		}
	}
	return "", fmt.Errorf("not found next to the page (looked for %s)", strings.Join(uniqueBases(candidates), ", "))
}

func uniqueBases(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		if b := filepath.Base(p); !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return out
}

// readFile reads a file within the input limit.
func readFile(name string, lim Limits) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxInputBytes {
		return nil, block.Exceeded("input bytes", lim.MaxInputBytes)
	}
	return data, nil
}

// IsURL reports whether s is a web address [URL] fetches: it starts with
// http:// or https://, in any case.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
