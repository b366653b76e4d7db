package main

import (
	"io"

	"github.com/hotline12345/bulletin/model"
	"github.com/hotline12345/bulletin/validate"
)

// unreadFile is a file check could not read; at is the number of files
// read before it, to keep the order the files were given in.
type unreadFile struct {
	at   int
	path string
	err  error
}

// writeReportsHTML prints one self-contained page: the report of the one
// file given, or for several files an index (listing those that could not
// be read, and why) linking to each file's report on the same page.
func writeReportsHTML(w io.Writer, reps []fileReport, bs []*model.Bulletin, unread []unreadFile, single bool) error {
	if single {
		if len(reps) == 0 {
			return nil // the reason is on standard error
		}
		return validate.HTML(w, bs[0], reps[0].Report)
	}
	files := make([]validate.HTMLFile, 0, len(reps)+len(unread))
	u := 0
	for i := 0; i <= len(reps); i++ {
		for ; u < len(unread) && unread[u].at == i; u++ {
			files = append(files, validate.HTMLFile{Name: unread[u].path, Failed: unread[u].err.Error()})
		}
		if i < len(reps) {
			files = append(files, validate.HTMLFile{Name: reps[i].File, Bulletin: bs[i], Report: reps[i].Report})
		}
	}
	return validate.HTMLAll(w, files)
}
