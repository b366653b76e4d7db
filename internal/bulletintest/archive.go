package bulletintest

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteMixedArchive writes n bulletin files under dir, in folders by year,
// for the digitize benchmarks: one in three each a made-up text bulletin
// (NewVariant), a made-up DOCX bulletin (the template of testdata filled by
// NewTemplateVariant) and a copy of one of the seed's PDF fixtures, so that
// the PDFs are few bulletins with many sources, as copies of one bulletin
// in an archive are. testdata is the repository's testdata folder.
func WriteMixedArchive(dir, testdata string, n int) error {
	tpl, err := os.ReadFile(filepath.Join(testdata, "templates", "bulletin-template.docx"))
	if err != nil {
		return err
	}
	pdfs, err := filepath.Glob(filepath.Join(testdata, "pdf", "seed-*.pdf"))
	if err != nil || len(pdfs) == 0 {
		return fmt.Errorf("no PDF fixtures under %s: %v", testdata, err)
	}
	for i := range n {
		v := NewVariant(i)
		var name string
		var data []byte
		switch i % 3 {
		case 0:
			name, data = fmt.Sprintf("bulletin-%04d.txt", i), v.Text()
		case 1:
			v = NewTemplateVariant(i)
			name = fmt.Sprintf("bulletin-%04d.docx", i)
			if data, err = v.DOCX(tpl); err != nil {
				return err
			}
		case 2:
			name = fmt.Sprintf("bulletin-%04d.pdf", i)
			if data, err = os.ReadFile(pdfs[i/3%len(pdfs)]); err != nil {
				return err
			}
		}
		sub := filepath.Join(dir, fmt.Sprint(v.Year))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(sub, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
