//go:build !unix

package digitize

import "os"

// openRegular opens a file to read it; the caller checked it is a regular
// file.
func openRegular(path string) (*os.File, error) { return os.Open(path) }

// fileKey identifies a folder. Without device and inode numbers folders
// are told apart by os.SameFile against the folders above only.
type fileKey struct{}

func keyOf(os.FileInfo) (fileKey, bool) { return fileKey{}, false }
