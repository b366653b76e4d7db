//go:build !unix

package fuzzcli

import "os"

// LimitSelf applies no limits where the system has no rlimits; the budget's
// timeout still holds.
func LimitSelf() error { return nil }

func maxRSS(*os.ProcessState) int64 { return 0 }
