// Package browsertest holds the tests that need a real browser: they start
// headless Chromium with github.com/chromedp/chromedp, load the HTML report
// of package validate and the page of `bulletin serve`, and check in the
// DOM what a person sees: which cells are marked, that a marked cell shows
// its expected value on hover and on keyboard focus, that the upload form
// answers a DOCX and a PDF with their reports.
//
// They live in a package of their own so that the rest of the suite stays
// fast. They fail, never skip, when no browser can be started: Chromium is
// looked for as chromium, chromium-browser, google-chrome or
// google-chrome-stable on PATH, or named by $BULLETIN_CHROMIUM; .ci/run
// installs Debian's chromium when it is missing.
//
// go test ./internal/browsertest -update-screenshot rewrites
// docs/report.png, the screenshot in the README, from the same test.
package browsertest
