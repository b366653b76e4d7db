package pdf

// AfterPage lets the external tests watch a read page by page.
var AfterPage = &afterPage
