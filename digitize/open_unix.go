//go:build unix

package digitize

import (
	"os"
	"syscall"
)

// openRegular opens a file to read it without blocking on the open: should
// a named pipe have taken the place of the regular file looked at, the
// open returns at once and the mode of the file opened tells.
func openRegular(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// fileKey identifies a folder: its device and inode.
type fileKey struct{ dev, ino uint64 }

func keyOf(info os.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}
