package extract_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/hotline12345/bulletin/extract"
)

// Fetching a bulletin published as a web page whose tables are in the
// DOCX and PDF files it links (here served by a test server): one bulletin
// comes out, each table saying which file it was read from.
func ExampleURL() {
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir("../testdata/html/attach")))
	mux.HandleFunc("/u/cms/files/fj2.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "../testdata/html/attach/fj2.pdf")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	b, err := extract.URL(context.Background(), srv.URL+"/page.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Title, b.Issued)
	for _, t := range b.Tables {
		p := b.Source.Parts[t.Part]
		fmt.Printf("%s %s: %d rows, from %s (%s)\n", t.Label, t.Title, len(t.Rows), p.Name, p.Format)
	}
	// Output:
	// 柏川区5月份12345热线诉求办理情况通报 2024-06-05
	// 附件1 区直单位诉求办理情况: 8 rows, from 附件1：区直单位诉求办理情况.docx (docx)
	// 附件2 各街道诉求办理情况: 7 rows, from 附件2：各街道诉求办理情况.pdf (pdf)
}
