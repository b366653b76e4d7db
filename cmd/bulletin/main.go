// Command bulletin reads 12345-hotline bulletins (DOCX, PDF, text, web
// pages) into data and rechecks their published numbers.
//
// Usage:
//
//	bulletin extract [-format json|jsonl|csv] FILE|URL...
//	bulletin digitize [-db FILE.sqlite] [-csv DIR] [-report DIR] [-jobs N] [-force] [-prune] [-urls FILE] PATH...
//	bulletin export -db FILE.sqlite [-parquet DIR] [-csv DIR]
//	bulletin blocks FILE
//	bulletin check [-format text|json|html] FILE|URL...
//	bulletin serve [-addr 127.0.0.1:8080]
//
// extract prints the bulletin read from each file: as JSON (one object for
// one file, an array for several), as JSON lines (one bulletin a line) or
// as CSV with one line per table cell. digitize reads folders into an
// archive (see package digitize); export writes an archive's tables as
// Parquet or CSV files.
// blocks prints the format-neutral blocks a file was read into, to see what
// the reader saw before interpretation. check rechecks every published
// number (see package validate) and prints the findings grouped by table,
// published and expected values side by side, with a summary line; or, with
// -format json, {"file", "findings", "summary", "conventions"} per file. It
// also reads the JSON that extract prints; with -format html it prints one
// self-contained page with the tables as printed and the cells of the
// findings marked. serve runs a small web page on this machine where a
// bulletin file is uploaded and its report shown, or its records downloaded
// as CSV or JSON; nothing is kept. A FILE of "-" is standard input.
// A URL (http or https) is fetched, with the attachments of the page it
// names; a saved page's attachments are read from the files next to it.
//
// Exit status: 0 on success, 2 when a file could not be read (the reason is
// printed on standard error with the file and position), 1 on other errors;
// for check, 1 also when any finding is an error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/hotline12345/bulletin/extract"
)

// Exit codes.
const (
	exitOK         = 0
	exitFindings   = 1 // check: error findings; other commands: usage errors
	exitUnreadable = 2
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

var commands = []command{
	{"extract", "print the data of bulletins as JSON or CSV", runExtract},
	{"digitize", "read folders of bulletins into a SQLite archive or CSV files", runDigitize},
	{"export", "write an archive's tables as Parquet or CSV files", runExport},
	{"blocks", "print the paragraphs and tables a file was read into", runBlocks},
	{"check", "recheck the published numbers of bulletins", runCheck},
	{"serve", "serve a local web page that checks an uploaded bulletin", runServe},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	// Messages name files and quote what was read from them: shown, not
	// obeyed, by a terminal.
	errOut := terminalSafe(stderr)
	defer errOut.Flush()
	stderr = errOut
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitFindings
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "bulletin: unknown command %q\n", args[0])
	usage(stderr)
	return exitFindings
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: bulletin <command> [flags] FILE...")
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "Run 'bulletin <command> -h' for a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("bulletin "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args; ok is false (with the exit code) on -h or bad
// flags.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitFindings, false
	}
	return 0, true
}

// readInput reads a whole input file, or standard input for "-", up to the
// default input limit: the check command sniffs JSON and the blocks command
// the format before choosing a reader.
func readInput(path string) ([]byte, error) {
	r, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	max := extract.Limits{}.WithDefaults().MaxInputBytes
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &extract.ParseError{File: path, Err: fmt.Errorf("%w: more than %d input bytes", extract.ErrLimit, max)}
	}
	return data, nil
}

// openInput opens an input file, or standard input for "-".
func openInput(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	return os.Open(path)
}
