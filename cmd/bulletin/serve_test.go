package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// form builds a multipart form with a file (none when name and data are
// empty) and other fields.
func form(t *testing.T, name string, data []byte, fields ...string) (body []byte, contentType string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if name != "" || data != nil {
		fw, err := mw.CreateFormFile("file", name)
		require.NoError(t, err)
		fw.Write(data)
	}
	for i := 0; i+1 < len(fields); i += 2 {
		require.NoError(t, mw.WriteField(fields[i], fields[i+1]))
	}
	require.NoError(t, mw.Close())
	return buf.Bytes(), mw.FormDataContentType()
}

func post(t *testing.T, url string, body []byte, contentType string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Post(url+"/check", contentType, bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(out)
}

func uploadFile(t *testing.T, url, path string, fields ...string) (*http.Response, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	body, ct := form(t, path[strings.LastIndexByte(path, '/')+1:], data, fields...)
	return post(t, url, body, ct)
}

// stillServes checks that the server answers the form after whatever a
// test did to it.
func stillServes(t *testing.T, url string) {
	t.Helper()
	resp, err := http.Get(url + "/")
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `enctype="multipart/form-data"`)
}

func TestServeForm(t *testing.T) {
	ts := httptest.NewServer(newServeHandler(serveConfig{LocalOnly: true}))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `<input type="file" id="file" name="file"`)
	assert.Contains(t, string(body), "Up to 32 MiB")
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'none'")
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
}

// An upload gives the report page with the records inside it as
// downloads, or the records alone as CSV (with a BOM) or JSON; and nothing
// of it is written to disk.
func TestServeReport(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ts := httptest.NewServer(newServeHandler(serveConfig{LocalOnly: true}))
	defer ts.Close()

	resp, page := uploadFile(t, ts.URL, seed)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Contains(t, page, "<title>3月份12345政务服务便民热线群众诉求事项办理情况通报</title>")
	assert.Contains(t, page, `download="yanshi-2023-03.csv"`)
	assert.Contains(t, page, `href="data:text/csv;charset=utf-8;base64,77u/`, "the CSV starts with a BOM")
	assert.Contains(t, page, `download="yanshi-2023-03.json"`)
	assert.Contains(t, page, `<a href="/">`)

	resp, csvText := uploadFile(t, ts.URL, seed, "format", "csv")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "attachment; filename=yanshi-2023-03.csv", resp.Header.Get("Content-Disposition"))
	assert.True(t, strings.HasPrefix(csvText, "\ufefffile,issuer,period_start,period_end,period_label,table,table_label,table_title,channel,row,unit,total,grp,key,header,text,value,decimals\n"))
	assert.Equal(t, 1+99*7, strings.Count(csvText, "\n"))

	resp, jsonText := uploadFile(t, ts.URL, seed, "format", "json")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var b map[string]any
	require.NoError(t, json.Unmarshal([]byte(jsonText), &b))
	assert.Len(t, b["tables"], 4)

	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "nothing of an upload is written to disk")
}

// Hostile and broken requests each get a clear HTTP error, and the server
// goes on serving.
func TestServeHostile(t *testing.T) {
	const limit = 4 << 10
	ts := httptest.NewServer(newServeHandler(serveConfig{MaxUpload: limit, LocalOnly: true}))
	defer ts.Close()
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
	garbage := make([]byte, 2000)
	for i := range garbage {
		garbage[i] = byte(i*7 + i/13)
	}
	tests := []struct {
		name     string
		do       func(t *testing.T) (*http.Response, string)
		code     int
		contains string
	}{
		{"file over the limit", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "big.txt", bytes.Repeat([]byte("办理数 1\n"), limit))
			return post(t, ts.URL, body, ct)
		}, http.StatusRequestEntityTooLarge, "larger than the limit of 4 KiB"},
		{"file one byte over the limit", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "big.txt", bytes.Repeat([]byte("x"), limit+1))
			return post(t, ts.URL, body, ct)
		}, http.StatusRequestEntityTooLarge, "larger than the limit"},
		{"body over the limit without a length", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "big.txt", bytes.Repeat([]byte("y"), 200<<10))
			req, err := http.NewRequest("POST", ts.URL+"/check", io.MultiReader(bytes.NewReader(body)))
			require.NoError(t, err)
			req.Header.Set("Content-Type", ct)
			req.ContentLength = -1 // sent chunked: only the server's reader can stop it
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			return resp, string(out)
		}, http.StatusRequestEntityTooLarge, "larger than the limit"},
		{"an image", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "photo.png", png)
			return post(t, ts.URL, body, ct)
		}, http.StatusUnprocessableEntity, "photo.png"},
		{"binary garbage", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "data.bin", garbage)
			return post(t, ts.URL, body, ct)
		}, http.StatusUnprocessableEntity, "data.bin"},
		{"prose without a bulletin", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "letter.txt", []byte("Dear reader,\nnothing to see here.\n"))
			return post(t, ts.URL, body, ct)
		}, http.StatusUnprocessableEntity, "No tables or figures were found in letter.txt"},
		{"an empty file", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "empty.docx", []byte{})
			return post(t, ts.URL, body, ct)
		}, http.StatusUnprocessableEntity, "empty.docx"},
		{"no file", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "", nil, "format", "html")
			return post(t, ts.URL, body, ct)
		}, http.StatusBadRequest, "Choose a bulletin file first"},
		{"not a form", func(t *testing.T) (*http.Response, string) {
			return post(t, ts.URL, []byte(`{"tables":[]}`), "application/json")
		}, http.StatusBadRequest, "could not be read"},
		{"unknown output", func(t *testing.T) (*http.Response, string) {
			body, ct := form(t, "a.txt", []byte("x"), "format", "exe")
			return post(t, ts.URL, body, ct)
		}, http.StatusBadRequest, "unknown output format"},
		{"a file of the machine", func(t *testing.T) (*http.Response, string) {
			resp, err := http.Get(ts.URL + "/serve.go")
			require.NoError(t, err)
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			return resp, string(out)
		}, http.StatusNotFound, "no page"},
		{"a path out of the tree", func(t *testing.T) (*http.Response, string) {
			req, err := http.NewRequest("GET", ts.URL+"/x", nil)
			require.NoError(t, err)
			req.URL.Opaque = "/../../../../etc/passwd"
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			return resp, string(out)
		}, http.StatusNotFound, "no page"},
		{"a foreign host", func(t *testing.T) (*http.Response, string) {
			req, err := http.NewRequest("GET", ts.URL+"/", nil)
			require.NoError(t, err)
			req.Host = "attacker.example:8080"
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			return resp, string(out)
		}, http.StatusForbidden, "only to localhost"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := tc.do(t)
			assert.Equal(t, tc.code, resp.StatusCode, body)
			assert.Contains(t, body, tc.contains)
			assert.NotContains(t, body, "root:", "no file of the machine is served")
			stillServes(t, ts.URL)
		})
	}
}

// startServer runs the real server, with its timeouts, on a loopback port.
func startServer(t *testing.T, cfg serveConfig) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	cfg.LocalOnly = true
	srv := newServeServer(cfg)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// A client that stops sending its file is answered 408 once the server's
// read timeout passes, and the server goes on serving.
func TestServeSlowClient(t *testing.T) {
	url := startServer(t, serveConfig{Timeout: 500 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	body, ct := form(t, "seed.txt", bytes.Repeat([]byte("办理数\n"), 2000))
	fmt.Fprintf(conn, "POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", ct, len(body))
	conn.Write(body[:len(body)/3]) // and then nothing more
	// A deadline on the test's side only keeps a broken server from
	// hanging the test; the server's own timeout decides the answer.
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	out, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode)
	assert.Contains(t, string(out), "did not arrive within 500ms")
	stillServes(t, url)
}

// Uploads at once are all answered: checked when a slot frees in time, or
// refused with 503 and Retry-After when none does.
func TestServeConcurrent(t *testing.T) {
	url := startServer(t, serveConfig{Jobs: 2})
	data, err := os.ReadFile(seed)
	require.NoError(t, err)
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, ct := form(t, fmt.Sprintf("seed-%d.txt", i), data)
			resp, err := http.Post(url+"/check", ct, bytes.NewReader(body))
			if err != nil {
				t.Error(err)
				return
			}
			out, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			codes[i] = resp.StatusCode
			if resp.StatusCode == http.StatusOK && !strings.Contains(string(out), fmt.Sprintf("seed-%d.txt", i)) {
				t.Errorf("upload %d got another file's report", i)
			}
		}()
	}
	wg.Wait()
	for i, c := range codes {
		assert.Equal(t, http.StatusOK, c, "upload %d", i)
	}

	// With the only slot taken, an upload waits QueueWait and is refused.
	h := &serveHandler{cfg: serveConfig{Jobs: 1, QueueWait: 50 * time.Millisecond, LocalOnly: true}.withDefaults()}
	h.slots = make(chan struct{}, 1)
	ts := httptest.NewServer(h.routes())
	defer ts.Close()
	h.slots <- struct{}{}
	resp, body := uploadFile(t, ts.URL, seed)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Equal(t, "10", resp.Header.Get("Retry-After"))
	assert.Contains(t, body, "busy")
	<-h.slots
	resp, _ = uploadFile(t, ts.URL, seed)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "localhost:8080": true, "LOCALHOST": true, "127.0.0.1:8080": true, "127.3.4.5": true,
		"[::1]:8080": true, "::1": true, "example.com": false, "10.0.0.1:8080": false, "localhost.evil.com": false, "": false,
	} {
		assert.Equal(t, want, loopbackHost(host), host)
	}
}

func TestServeUsage(t *testing.T) {
	code, _, errOut := runCLI("serve", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "-addr")
	code, _, _ = runCLI("serve", "extra-arg")
	assert.Equal(t, exitFindings, code)
	code, _, errOut = runCLI("serve", "-addr", "256.0.0.1:99999")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, errOut, "bulletin:")
}
