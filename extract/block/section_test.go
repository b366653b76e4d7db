package block

import "testing"

func TestIsSectionHeading(t *testing.T) {
	for text, want := range map[string]bool{
		"一、县直部门":    true,
		"（二）乡镇":     true,
		"(三)公共服务企业": true,
		"十一、街道":     true,
		"县直部门":      false, // no outline number
		"1．县直部门":    false, // a numbered note or list item
		"一、总体情况：":   false, // ends a clause
		"二、全年共受理群众诉求一万余件。":          false, // a sentence
		"一、区直部门及公共服务单位和各街道办事处的诉求办理": false, // too long for a cell
	} {
		if got := IsSectionHeading(text); got != want {
			t.Errorf("IsSectionHeading(%q) = %v, want %v", text, got, want)
		}
	}
}
