//go:build !unix

package benchcpu

import "time"

func used() (time.Duration, bool) { return 0, false }
