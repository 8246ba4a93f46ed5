package main

import (
	"context"
	_ "embed"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"congthuong"
	"congthuong/internal/i18n"
	"congthuong/internal/procedure"
	"congthuong/internal/web"
)

// newBrowser starts headless Chromium, or skips the test when there is none
// (fails instead under CI=true).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if found, err := exec.LookPath(p); err == nil {
				path = found
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium not found: CI must run the browser tests (apt-get install chromium)")
		}
		t.Skip("Chromium not found; browser tests skipped (they fail instead in CI)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.NoFirstRun)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// Start the browser on the long-lived context: a browser started under a
	// step's timeout would close when that step ends.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx
}

// browser runs steps in one tab and fails the test on the first error.
// Every page it comes to is audited with axe-core once (audited).
type browser struct {
	t       *testing.T
	ctx     context.Context
	audited map[string]bool
}

func newBrowserTab(t *testing.T) browser {
	return browser{t, newBrowser(t), map[string]bool{}}
}

// otherPhrases are, for each language, the other language's phrases of
// three words or more, which its pages must not show.
var otherPhrases = sync.OnceValue(func() map[string][]string {
	c := i18n.Default()
	return map[string][]string{"vi": c.Phrases("en", 3), "en": c.Phrases("vi", 3)}
})

// checkLanguage fails the test if the page shows a phrase of the other
// language's catalogue: an untranslated message, or one in the wrong
// language.
func (b browser) checkLanguage(ctx context.Context, loc string) {
	b.t.Helper()
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || b.audited[lang+" "+loc] {
		return
	}
	b.audited[lang+" "+loc] = true
	// Words marked as another language's (a citation of Vietnamese law on
	// an English page, lang="vi") are not the page's.
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
		const body = document.body.cloneNode(true);
		body.querySelectorAll('[lang]').forEach(e => { if (e.lang !== document.documentElement.lang) e.remove(); });
		// A record as stored (the audit log's) is shown as it is, marked so.
		body.querySelectorAll('[translate="no"]').forEach(e => e.remove());
		// A record's title in its own language (an article not yet
		// translated) titles the page too.
		const h1 = document.querySelector('h1[lang]');
		const own = h1 && h1.lang !== document.documentElement.lang && document.title.startsWith(h1.textContent.trim());
		return body.textContent + " " + (own ? "" : document.title);
	})()`))
	if err != nil {
		b.t.Fatalf("the text of %s: %v", loc, err)
	}
	for _, phrase := range otherPhrases()[lang] {
		if strings.Contains(text, phrase) {
			b.t.Errorf("%s in %s shows another language's words: %q", loc, lang, phrase)
		}
	}
	// No internal code reaches a reader: a field key, a status or action
	// code, a message ID.
	if code := internalCode.FindString(text); code != "" {
		b.t.Errorf("%s in %s shows an internal code: %q", loc, lang, code)
	}
	// Nothing is wider than the screen, a phone's or a laptop's: the page
	// scrolls down, never sideways.
	for _, width := range []int64{phoneWidth, 1366} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			b.t.Fatalf("viewport %d: %v", width, err)
		}
		// Measured two frames later: what listens to the window's size (the
		// charts) has redrawn by then.
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
			done(document.documentElement.scrollWidth))))`, chromedp.EvalAwaitPromise))
		if err == nil && wide > int(width)+1 {
			// Name the widest elements that stick out, for the message.
			culprits, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.body.querySelectorAll("*"))
				.filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.closest(".table-wrap")))
				.filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
				.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && e.className.baseVal === undefined ? "." + e.className.split(" ").join(".") : "") + " " + Math.round(e.getBoundingClientRect().right))`))
			b.t.Errorf("%s in %s is %d px wide at %d px: %v", loc, lang, wide, width, culprits)
		}
	}
}

// internalCode matches what only the code knows: snake_case keys and
// status codes, dotted message IDs.
var internalCode = regexp.MustCompile(`\b[a-z]{2,}_[a-z][a-z_]+\b|\b[a-z]{3,}\.[a-z]+_[a-z_]+\b`)

// phoneWidth is the narrowest phone the pages are checked at; guideWidth
// the common one their pictures and weights are taken at.
const (
	phoneWidth = 360
	guideWidth = 390
)

func (b browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v\n%s", what, err, b.page())
	}
	b.audit()
}

//go:embed testdata/axe-core/axe.min.js
var axeSource string

// screenshots saves the page at a phone's width (390 px) and a laptop's
// (1366 px) into the folder CONGTHUONG_SCREENSHOTS names, when it does:
// for a person to look at what the tests walked through.
func (b browser) screenshots(ctx context.Context, loc string) {
	dir := os.Getenv("CONGTHUONG_SCREENSHOTS")
	if dir == "" {
		return
	}
	name := strings.Trim(regexp.MustCompile(`[^a-zA-Z0-9]+`).ReplaceAllString(loc, "-"), "-")
	if name == "" {
		name = "home"
	}
	name = fmt.Sprintf("%02d-%s", len(b.audited), name[:min(len(name), 80)])
	for _, width := range []int64{390, 1366} {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900))
		var png []byte
		if err == nil {
			png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		}
		if err != nil {
			b.t.Logf("screenshot of %s at %d px: %v", loc, width, err)
			continue
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)), png, 0o644)
	}
	chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900))
}

// axeViolation is what axe-core reports of one rule broken on a page.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// audit runs axe-core on the page the tab shows, once per address (its
// path and query), and fails the test on a serious or critical violation;
// lesser ones are logged.
func (b browser) audit() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
	if err != nil {
		return
	}
	b.checkLanguage(ctx, loc)
	if b.audited[loc] {
		return
	}
	b.audited[loc] = true
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe !== "undefined" || (function () { `+axeSource+`; return true })()`)); err != nil {
		b.t.Fatalf("injecting axe-core into %s: %v", loc, err)
	}
	b.screenshots(ctx, loc)
	// At a phone's width and at a laptop's: a layout may hide or reflow
	// what the rules check (a label, a contrast on a wrapped line).
	for _, width := range []int64{phoneWidth, 1366} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			b.t.Fatalf("viewport %d: %v", width, err)
		}
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document).then(r => r.violations)`, chromedp.EvalAwaitPromise))
		if err != nil {
			b.t.Fatalf("axe-core on %s: %v", loc, err)
		}
		for _, v := range violations {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, fmt.Sprint(n.Target))
			}
			msg := fmt.Sprintf("axe-core on %s at %d px: %s (%s): %s, at %s", loc, width, v.ID, v.Impact, v.Help, strings.Join(where, " "))
			if v.Impact == "serious" || v.Impact == "critical" {
				b.t.Error(msg)
			} else {
				b.t.Log(msg)
			}
		}
	}
}

// guide saves what a phone shows of the page (390 × 844, the top of it)
// as name.png into the folder CONGTHUONG_GUIDE_SHOTS names, when it does:
// the pictures of docs/PROCEDURES.md.
func (b browser) guide(name string) {
	b.t.Helper()
	dir := os.Getenv("CONGTHUONG_GUIDE_SHOTS")
	if dir == "" {
		return
	}
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(guideWidth, 844)); err != nil {
		b.t.Fatal(err)
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("guide picture %s: %v", name, err)
	}
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

// weigh logs what the page the tab shows cost at a phone's width: the bytes
// of the page and of everything it loaded, and the time to interactive,
// for docs/PROCEDURES.md.
func (b browser) weigh(name string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(guideWidth, 900)); err != nil {
		b.t.Fatal(err)
	}
	m, err := chromedp.Run(b.ctx, chromedp.Evaluate[map[string]float64](`(function () {
		const nav = performance.getEntriesByType("navigation")[0];
		const res = performance.getEntriesByType("resource");
		return {html: nav.transferSize, total: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
			decoded: nav.decodedBodySize + res.reduce((s, r) => s + r.decodedBodySize, 0),
			requests: 1 + res.length, interactive: nav.domInteractive, loaded: nav.loadEventEnd};
	})()`))
	if err != nil {
		b.t.Fatalf("weighing %s: %v", name, err)
	}
	b.t.Logf("weight of %s at %d px: %.0f requests, %.1f KB transferred (HTML %.1f KB), %.1f KB decoded; interactive %.0f ms, loaded %.0f ms",
		name, guideWidth, m["requests"], m["total"]/1024, m["html"]/1024, m["decoded"]/1024, m["interactive"], m["loaded"])
}

// page describes where the browser is, for failure messages.
func (b browser) page() string {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.location.href"))
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText : ''"))
	if len(body) > 1500 {
		body = body[:1500]
	}
	return "page " + loc + ":\n" + body
}

// signIn logs user in with the test's password, from a page without a
// session.
func (b browser) signIn(base, user string) {
	b.t.Helper()
	b.do("log in as "+user,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), user),
		chromedp.SendKeys(chromedp.CSS(`#password`), adminPassword),
		chromedp.Click(chromedp.CSS(`#login-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#logout`)))
}

// title is the page's title.
func (b browser) title() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.title`))
	if err != nil {
		b.t.Fatalf("title: %v", err)
	}
	return s
}

func (b browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// navigate opens url, again if a navigation the last step started was
// still under way and aborted it (the page a form's redirect leads to may
// not have finished loading when the step's condition already held).
func (b browser) navigate(url string) {
	b.t.Helper()
	defer b.audit()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		err = chromedp.Do(ctx, chromedp.Navigate(url))
		cancel()
		if err == nil || !strings.Contains(err.Error(), "ERR_ABORTED") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		b.t.Fatalf("open %s: %v", url, err)
	}
}

func (b browser) count(sel string) int {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
	if err != nil {
		b.t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// attrs lists the attribute name of every element sel matches.
func (b browser) attrs(sel, name string) []string {
	b.t.Helper()
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(`+strconv.Quote(sel)+`), e => e.getAttribute(`+strconv.Quote(name)+`))`))
	if err != nil {
		b.t.Fatalf("%s of %s: %v", name, sel, err)
	}
	return out
}

// setValue sets the value of the form field sel, as a date picker does.
func (b browser) setValue(sel, v string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(document.querySelector(`+strconv.Quote(sel)+`).value = `+strconv.Quote(v)+`, true)`)); err != nil {
		b.t.Fatalf("set %s: %v", sel, err)
	}
}

// value is the value of the form field sel.
func (b browser) value(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector(`+strconv.Quote(sel)+`).value`))
	if err != nil {
		b.t.Fatalf("value of %s: %v", sel, err)
	}
	return v
}

func (b browser) attr(sel, name string) string {
	b.t.Helper()
	a, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil {
		b.t.Fatalf("%s of %s: %v", name, sel, err)
	}
	return a.Value
}

// TestBrowser walks through the platform in a real browser: log in, switch
// language, find a ward without diacritics, and register an enterprise,
// first with a mistyped tax code (the message appears beside the field),
// then with a correct one.
func TestBrowser(t *testing.T) {
	b := newBrowserTab(t)
	m := startMain(t, t.TempDir(), true)
	base := strings.Replace(m.URL(), "127.0.0.1", "localhost", 1)

	b.signIn(base, "admin")
	if h, lang := b.title(), b.attr(`html`, "lang"); !strings.HasPrefix(h, "Trang chủ") || lang != "vi" {
		t.Errorf("after login: title %q, lang %q; want the Vietnamese home page", h, lang)
	}

	// On a phone the sections fold behind the menu button.
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(phoneWidth, 800)); err != nil {
		t.Fatal(err)
	}
	if visible, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById("site-nav").offsetHeight > 0`)); visible {
		t.Error("on a phone the menu is open before its button is pressed")
	}
	b.do("open the menu", chromedp.Click(chromedp.CSS(`#menu-toggle`)), chromedp.WaitVisible(chromedp.CSS(`#site-nav a[href="/units"]`)))
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}
	b.do("switch language", chromedp.Click(chromedp.CSS(`#lang-switch`)), chromedp.WaitReady(chromedp.CSS(`html[lang="en"] #logout`)))
	if h, lang := b.title(), b.attr(`html`, "lang"); !strings.HasPrefix(h, "Home") || lang != "en" {
		t.Errorf("after switching: title %q, lang %q", h, lang)
	}

	// A site's name is shown on the map as text, never as markup.
	hostile := `<img id="pwned" src="x">Khu <b>độc</b>`
	site := fmt.Sprintf(`{"code":"KCN-XSS","kind":"park","type":"general","name_vi":%q,"unit_code":"31","status":"operating",
		"planned_ha":"100","decision":{"number":"1/QĐ-TTg","date":"2020-01-01"},"published":true,"geometry":{"type":"Point","coordinates":[106.7,20.8]}}`, hostile)
	created, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`fetch("/api/v1/parks", {method: "POST", headers: {"Content-Type": "application/json"},
		body: `+strconv.Quote(site)+`}).then(r => r.status == 201 ? 201 : r.text().then(t => { throw new Error(t) }))`, chromedp.EvalAwaitPromise))
	if err != nil || created != 201 {
		t.Fatalf("creating a site with a hostile name: %d %v", created, err)
	}
	b.do("hover the hostile site",
		chromedp.Navigate(base+"/parks/KCN-XSS"),
		chromedp.WaitVisible(chromedp.CSS(`#park-map[data-focus-drawn="1"]`)))
	// fitBounds puts the only site in the middle of its map.
	box, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](`(r => [r.left + r.width/2, r.top + r.height/2])(document.getElementById("park-map").getBoundingClientRect())`))
	if err != nil {
		t.Fatal(err)
	}
	b.do("open the tooltip",
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0]-3, box[1]-3),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1]),
		chromedp.WaitVisible(chromedp.CSS(`#park-map .leaflet-tooltip`)))
	if tip := b.text(`#park-map .leaflet-tooltip`); tip != hostile || b.count(`#pwned, .leaflet-tooltip b`) != 0 {
		t.Errorf("the tooltip reads %q and made %d elements of the name", tip, b.count(`#pwned, .leaflet-tooltip b`))
	}

	b.do("unit search",
		chromedp.Navigate(base+"/units"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "thuy nguyen"),
		chromedp.Click(chromedp.CSS(`#units-search`)),
		// The province list before the search has a table too: wait for
		// the one that answers this query.
		chromedp.WaitVisible(chromedp.CSS(`#units-table[data-q="thuy nguyen"]`)))
	if first := b.text(`#units-table tbody tr:first-child`); !strings.Contains(first, "11560") || !strings.Contains(first, "Thủy Nguyên Ward") {
		t.Errorf("first search result = %q, want ward 11560 Thủy Nguyên, in English", first)
	}

	b.do("bad tax code",
		chromedp.Navigate(base+"/enterprises/new"),
		chromedp.WaitVisible(chromedp.CSS(`#tax_code`)),
		chromedp.SendKeys(chromedp.CSS(`#tax_code`), "0100233480"),
		chromedp.SendKeys(chromedp.CSS(`#name`), "Công ty TNHH Kiểm Thử"),
		chromedp.SendKeys(chromedp.CSS(`#unit_code`), "11560"),
		chromedp.Click(chromedp.CSS(`#save`)),
		chromedp.WaitVisible(chromedp.CSS(`#tax_code-error`)))
	if msg, invalid := b.text(`#tax_code-error`), b.attr(`#tax_code`, "aria-invalid"); !strings.Contains(msg, "check digit") || invalid != "true" {
		t.Errorf("message beside the field = %q, aria-invalid = %q", msg, invalid)
	}

	b.do("good tax code",
		chromedp.Clear(chromedp.CSS(`#tax_code`)),
		chromedp.SendKeys(chromedp.CSS(`#tax_code`), "0100233488"),
		chromedp.Click(chromedp.CSS(`#save`)),
		chromedp.WaitVisible(chromedp.CSS(`#enterprise-props`)))
	if title := b.text(`h1`); title != "Công ty TNHH Kiểm Thử" {
		t.Errorf("after saving: title %q", title)
	}
	e, err := m.Store.FindEnterprise(systemCtx(), "0100233488")
	if err != nil || e.UnitCode != "11560" {
		t.Errorf("stored: %+v, %v", e, err)
	}

	b.do("month view",
		chromedp.Navigate(base+"/calendar?month=2030-02"),
		chromedp.WaitVisible(chromedp.CSS(`#month-grid`)))
	if tet := b.text(`td[data-date="2030-02-02"]`); !strings.Contains(tet, "1/1") || !strings.Contains(tet, "Lunar New Year") {
		t.Errorf("2 February 2030 reads %q; want lunar 1/1 and Tết", tet)
	}

	b.do("deadline calculator",
		chromedp.Navigate(base+"/calendar/deadline"),
		chromedp.WaitVisible(chromedp.CSS(`#received`)),
		chromedp.SetValue(chromedp.CSS(`#received`), "2025-04-25T09:00"),
		chromedp.SendKeys(chromedp.CSS(`#term`), "3"),
		chromedp.Click(chromedp.CSS(`#deadline-compute`)),
		chromedp.WaitVisible(chromedp.CSS(`#deadline-answer`)))
	if due := b.text(`#deadline-due`); due != "29 Apr 2025 17:00" {
		t.Errorf("due %q; want 29 Apr 2025 17:00, in English (Saturday 26 April 2025 was worked)", due)
	}

	b.do("schedule editor",
		chromedp.Navigate(base+"/admin/calendar?year=2027"),
		chromedp.WaitVisible(chromedp.CSS(`#override-form`)),
		chromedp.SetValue(chromedp.CSS(`#date`), "2027-04-30"),
		chromedp.SetValue(chromedp.CSS(`#kind`), "working_day"),
		chromedp.SendKeys(chromedp.CSS(`#name_vi`), "Làm việc thử"),
		chromedp.Click(chromedp.CSS(`#override-save`)),
		chromedp.WaitVisible(chromedp.CSS(`#ref[aria-invalid="true"]`)),
		chromedp.SendKeys(chromedp.CSS(`#ref`), "Thông báo thử"),
		chromedp.Click(chromedp.CSS(`#override-save`)),
		chromedp.WaitVisible(chromedp.CSS(`#overrides-table`)))
	if row := b.text(`#overrides-table tbody`); !strings.Contains(row, "2027-04-30") || !strings.Contains(row, "Thông báo thử") {
		t.Errorf("saved schedule row %q", row)
	}

	b.do("statistics page",
		chromedp.Navigate(base+"/stats"),
		chromedp.WaitVisible(chromedp.CSS(`#stats-form`)),
		chromedp.SetValue(chromedp.CSS(`#indicator`), "IIP"),
		chromedp.SetValue(chromedp.CSS(`#period`), "2024-01..2024-04"),
		chromedp.SetValue(chromedp.CSS(`#units`), "group:ct28_phiabac"),
		chromedp.Click(chromedp.CSS(`#stats-show`)),
		chromedp.WaitVisible(chromedp.CSS(`#stats-table`)))
	if s := b.text(`#stats-sentences`); !strings.Contains(s, "25 of 28 localities recorded growth") || !strings.Contains(s, "11 of them by 10% or more") {
		t.Errorf("statistics sentence %q", s)
	}
	if first := b.text(`#stats-table tbody tr:first-child td:first-child`); first != "1" {
		t.Errorf("the ranking table starts with rank %q", first)
	}

	// Entry by a commune, approval by the department, then the figure in
	// the statistics and the written report.
	login := func(user string) {
		b.navigate(base + "/")
		b.do("log out",
			chromedp.WaitVisible(chromedp.CSS(`#logout`)),
			chromedp.Click(chromedp.CSS(`#logout`)),
			chromedp.WaitVisible(chromedp.CSS(`#login-link`)))
		b.signIn(base, user)
	}
	login("thuynguyen")
	b.do("data entry",
		chromedp.Navigate(base+"/stats/entry?data_set=commune_retail_monthly&unit=11560&period=2026-10"),
		chromedp.WaitVisible(chromedp.CSS(`#entry-form`)),
		chromedp.SendKeys(chromedp.CSS(`#f-RETAIL_SALES`), "812,5"),
		chromedp.Click(chromedp.CSS(`#entry-save`)),
		chromedp.WaitVisible(chromedp.CSS(`#submissions-table tr[data-unit="11560"]`)))
	login("lanhdao")
	b.do("approval",
		chromedp.Navigate(base+"/stats/submissions?data_set=commune_retail_monthly&period=2026-10&province=31"),
		chromedp.WaitVisible(chromedp.CSS(`#submissions-table tr[data-unit="11560"] button.approve`)),
		chromedp.Click(chromedp.CSS(`#submissions-table tr[data-unit="11560"] button.approve`)),
		chromedp.WaitNotPresent(`#submissions-table tr[data-unit="11560"] button.approve`))
	if c := b.text(`#completeness`); !strings.Contains(c, "1 approved") {
		t.Errorf("completeness after approval: %q", c)
	}
	b.do("approved figure in the statistics",
		chromedp.Navigate(base+"/stats?indicator=RETAIL_SALES&period=2026-10&units=11560"),
		chromedp.WaitVisible(chromedp.CSS(`#stats-table`)))
	if v := b.text(`#stats-table tr[data-unit="11560"]`); !strings.Contains(v, "813") && !strings.Contains(v, "812") {
		t.Errorf("statistics row %q", v)
	}
	b.do("written report",
		chromedp.Navigate(base+"/stats/report?template=monthly&period=2026-10&unit=11560"),
		chromedp.WaitVisible(chromedp.CSS(`#report-title`)))
	if r := b.text(`main`); !strings.Contains(r, "Retail sales of goods and consumer services of Phường Thủy Nguyên reached VND 812 billion in October 2026") {
		t.Errorf("report text %.400q", r)
	}
	b.do("reopening the approved report",
		chromedp.Navigate(base+"/stats/submissions?data_set=commune_retail_monthly&period=2026-10&province=31"),
		chromedp.WaitVisible(chromedp.CSS(`#submissions-table tr[data-unit="11560"] form.reopen`)),
		chromedp.SendKeys(chromedp.CSS(`#submissions-table tr[data-unit="11560"] form.reopen input[name="note"]`), "Sai số liệu"),
		chromedp.Click(chromedp.CSS(`#submissions-table tr[data-unit="11560"] form.reopen button`)),
		chromedp.WaitNotPresent(`#submissions-table tr[data-unit="11560"] form.reopen`))
	if c := b.text(`#completeness`); !strings.Contains(c, "0 approved") {
		t.Errorf("completeness after reopening: %q", c)
	}
	if row := b.text(`#submissions-table tr[data-unit="11560"]`); !strings.Contains(row, "Sai số liệu") {
		t.Errorf("the reopened report's row: %q", row)
	}

	b.do("dashboard",
		chromedp.Navigate(base+"/stats/dashboard?indicator=RETAIL_SALES&unit=31&year=2024"),
		chromedp.WaitVisible(chromedp.CSS(`#chart-series[data-drawn="true"] canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#chart-bars[data-drawn="true"] canvas`)))
	if row := b.text(`#dashboard-ranking tr.mine`); !strings.Contains(row, "Hải Phòng") {
		t.Errorf("dashboard ranking row %q", row)
	}

	// An investor (not logged in) filters the map, opens a site and
	// compares two.
	b.do("log out",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#logout`)),
		chromedp.Click(chromedp.CSS(`#logout`)),
		chromedp.WaitVisible(chromedp.CSS(`#login-link`)))
	b.do("filter the map",
		chromedp.Navigate(base+"/parks"),
		chromedp.WaitVisible(chromedp.CSS(`#parks-filters`)),
		chromedp.SetValue(chromedp.CSS(`#province`), "31"),
		chromedp.SetValue(chromedp.CSS(`#kind`), "park"),
		chromedp.SendKeys(chromedp.CSS(`#min_free_ha`), "20"),
		chromedp.Click(chromedp.CSS(`#parks-filter`)),
		chromedp.WaitVisible(chromedp.CSS(`#parks-map[data-geojson*="min_free_ha=20"][data-drawn]`)))
	var shared string
	if loc, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("document.location.href")); err != nil ||
		!strings.Contains(loc, "kind=park") || !strings.Contains(loc, "min_free_ha=20") {
		t.Errorf("the filters are not in the shareable address: %q %v", loc, err)
	} else {
		shared = loc
	}
	b.guide("investor-1-search")
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}
	drawn := b.attr(`#parks-map`, "data-drawn")
	if n, err := strconv.Atoi(drawn); err != nil || n < 2 {
		t.Fatalf("the map drew %q sites", drawn)
	}
	// The sites sit on the provinces' outlines, with a legend and a scale.
	if o := b.attr(`#parks-map`, "data-outlines-drawn"); o != "34" || b.count(`#parks-map .map-legend`) != 1 ||
		b.count(`#parks-map .leaflet-control-scale`) != 1 {
		t.Errorf("the map's context: %q outlines, %d legends, %d scales", o, b.count(`#parks-map .map-legend`),
			b.count(`#parks-map .leaflet-control-scale`))
	}
	if rows := b.count(`#parks-table tbody tr`); rows != mustAtoi(t, drawn) {
		t.Errorf("the map drew %s sites, the list has %d", drawn, rows)
	}
	first := b.text(`#parks-table tbody tr:first-child td:nth-child(2) a`)
	b.do("open a site",
		chromedp.Click(chromedp.CSS(`#parks-table tbody tr:first-child td:nth-child(2) a`)),
		chromedp.WaitVisible(chromedp.CSS(`#park-land`)),
		chromedp.WaitVisible(chromedp.CSS(`#park-map[data-focus-drawn="1"]`)))
	if h := b.text(`h1`); !strings.Contains(h, strings.TrimSpace(strings.Split(first, "\n")[0])) {
		t.Errorf("opened %q from a link named %q", h, first)
	}
	// On a phone and on a laptop, the investor compares up to three sites
	// and registers interest in the first; the department sees the leads
	// later. In each language: English first, as a foreign investor reads
	// it, then Vietnamese.
	for _, journey := range []struct {
		width int64
		lang  string
	}{{390, "en"}, {390, "vi"}, {1366, "en"}, {1366, "vi"}} {
		lang := journey.lang
		if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(journey.width, 900)); err != nil {
			t.Fatal(err)
		}
		b.do("investor in "+lang, chromedp.Navigate(base+"/prefs?lang="+lang+"&back=/"),
			chromedp.WaitReady(chromedp.CSS(`html[lang="`+lang+`"]`)))
		compared := min(3, mustAtoi(t, drawn))
		steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(shared), chromedp.WaitVisible(chromedp.CSS(`#compare-form`))}
		for i := 1; i <= compared; i++ {
			steps = append(steps, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#parks-table tbody tr:nth-child(%d) input[type=checkbox]`, i))))
		}
		steps = append(steps, chromedp.Click(chromedp.CSS(`#compare-button`)), chromedp.WaitVisible(chromedp.CSS(`#compare-table`)))
		b.do("compare sites", steps...)
		if cols := b.count(`#compare-table thead th`); cols != compared+1 {
			t.Errorf("the comparison has %d columns, want a heading and %d sites", cols, compared)
		}
		if b.count(`#compare-xlsx`) != 1 {
			t.Error("the comparison offers no workbook")
		}
		pictures := journey.width == 390 && lang == "en"
		if pictures {
			b.guide("investor-2-compare")
		}
		b.do("register interest",
			chromedp.Click(chromedp.CSS(`#compare-table thead th:nth-child(2) a`)),
			chromedp.WaitVisible(chromedp.CSS(`#register-interest`)),
			chromedp.Click(chromedp.CSS(`#register-interest`)),
			chromedp.WaitVisible(chromedp.CSS(`#interest-form`)),
			chromedp.SendKeys(chromedp.CSS(`#land_ha`), "5"),
			chromedp.SendKeys(chromedp.CSS(`#name`), fmt.Sprintf("Lê Minh Investor %s %d", lang, journey.width)),
			chromedp.SendKeys(chromedp.CSS(`#email`), "investor@example.com"),
			// A person takes more than the form's 3 seconds to fill it in.
			chromedp.Sleep(web.MinFormTime+200*time.Millisecond),
			chromedp.Click(chromedp.CSS(`#interest-send`)),
			chromedp.WaitVisible(chromedp.CSS(`#interest-sent`)))
		if pictures {
			b.guide("investor-3-sent")
		}
		// A site with plots shows the free ones on its map and in a list.
		b.do("a site's plots",
			chromedp.Navigate(base+"/parks/KCN-01"),
			chromedp.WaitVisible(chromedp.CSS(`#park-map[data-plots-drawn="9"]`)))
		if rows := b.count(`#plots-table tr.plot-vacant`); rows != 6 {
			t.Errorf("the site lists %d vacant plots, want 6", rows)
		}
		if pictures {
			b.guide("investor-4-plots")
		}
	}
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}

	// A commune officer records the licence an approved dossier issued,
	// finds it in the register, is told on the home page of licences
	// ending soon; a citizen then checks the shop publicly.
	b.signIn(base, "thuynguyen")
	b.do("licences ending soon on the home page", chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#home-tasks a[href^="/licences?expiring_days=30"]`)))
	b.do("an approved dossier", chromedp.Navigate(base+"/dossiers?status=processed"),
		chromedp.WaitVisible(chromedp.CSS(`main a[href^="/dossiers/X11560"]`)),
		chromedp.Click(chromedp.CSS(`main a[href^="/dossiers/X11560"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#record-licence`)),
		chromedp.Click(chromedp.CSS(`#record-licence`)),
		chromedp.WaitVisible(chromedp.CSS(`#from-dossier`)))
	licence, holder := b.value(`#number`), b.value(`#holder_name`)
	if licence == "" || holder == "" {
		t.Fatalf("the licence is not drafted from the dossier: %q %q", licence, holder)
	}
	if b.value(`#address`) == "" {
		b.setValue(`#address`, "Số 12 đường Đà Nẵng (mẫu)")
	}
	b.setValue(`#lon`, "106.671")
	b.setValue(`#lat`, "20.925")
	b.setValue(`#conditions`, "Diện tích bán 4 m²")
	b.do("record the licence", chromedp.Click(chromedp.CSS(`#save-licence`)), chromedp.WaitVisible(chromedp.CSS(`#licence-state`)))
	b.do("find it in the register", chromedp.Navigate(base+"/licences?q="+url.QueryEscape(licence)), chromedp.WaitVisible(chromedp.CSS(`#licences-table`)))
	if rows := b.count(`#licences-table tbody tr`); rows != 1 {
		t.Errorf("the register finds %d licences numbered %s", rows, licence)
	}
	// The commune records a market of its own.
	b.do("a market's form", chromedp.Navigate(base+"/markets/new"), chromedp.WaitVisible(chromedp.CSS(`#market-form`)))
	b.setValue(`#name`, "Chợ Thủy Sơn")
	b.setValue(`#points`, "250")
	b.setValue(`#occupied`, "200")
	b.setValue(`#land_m2`, "5000")
	b.setValue(`#opening_hours`, "Mo-Su 05:00-18:00")
	b.setValue(`#lon`, "106.69")
	b.setValue(`#lat`, "20.94")
	b.do("record the market", chromedp.Click(chromedp.CSS(`#save-market`)), chromedp.WaitVisible(chromedp.CSS(`#market-props`)))
	if got := b.text(`main .muted`); !strings.Contains(got, "hạng 2") {
		t.Errorf("the market's class reads %q", got)
	}
	b.do("log out", chromedp.Click(chromedp.CSS(`#logout`)), chromedp.WaitVisible(chromedp.CSS(`#login-link`)))
	b.do("the markets on the map", chromedp.Navigate(base+"/markets?unit=11560"), chromedp.WaitVisible(chromedp.CSS(`#markets-table`)))
	if b.count(`#markets-map`) == 1 {
		b.do("the map drawn", chromedp.WaitVisible(chromedp.CSS(`#markets-map[data-drawn]`)))
		if n, err := strconv.Atoi(b.attr(`#markets-map`, "data-drawn")); err != nil || n < 4 {
			t.Errorf("the map drew %q markets", b.attr(`#markets-map`, "data-drawn"))
		}
	}
	b.do("the markets by commune and class", chromedp.Navigate(base+"/markets/summary"), chromedp.WaitVisible(chromedp.CSS(`#markets-summary-table`)))
	if got := b.text(`#markets-summary-table`); !strings.Contains(got, "Thủy Nguyên") {
		t.Errorf("the summary reads %q", got)
	}
	b.do("a citizen checks the shop", chromedp.Navigate(base+"/licences/lookup?q="+url.QueryEscape(licence)),
		chromedp.WaitVisible(chromedp.CSS(`#lookup-results`)))
	if got := b.text(`#lookup-results`); !strings.Contains(got, holder) {
		t.Errorf("the public lookup reads %q", got)
	}
	b.do("the commune's map of licensed premises", chromedp.Navigate(base+"/licences/lookup?unit=11560"),
		chromedp.WaitVisible(chromedp.CSS(`#premises-map[data-drawn]`)))
	if n, err := strconv.Atoi(b.attr(`#premises-map`, "data-drawn")); err != nil || n < 2 {
		t.Errorf("the map drew %q premises", b.attr(`#premises-map`, "data-drawn"))
	}

	// The department sees the communes' markets beside the parks, and
	// writes the month's counts into the statistics, where Thủy Nguyên's
	// markets appear.
	b.signIn(base, "canbo")
	b.do("the parks' map", chromedp.Navigate(base+"/parks?province=31"), chromedp.WaitVisible(chromedp.CSS(`#parks-map[data-drawn] input[name="layer-markets"]`)))
	b.do("show the markets", chromedp.Click(chromedp.CSS(`#parks-map input[name="layer-markets"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#parks-map[data-layer-markets]`)))
	if n, err := strconv.Atoi(b.attr(`#parks-map`, "data-layer-markets")); err != nil || n < 4 {
		t.Errorf("the parks' map drew %q markets", b.attr(`#parks-map`, "data-layer-markets"))
	}
	b.do("write the month's figures", chromedp.Navigate(base+"/markets/summary"), chromedp.WaitVisible(chromedp.CSS(`#publish-figures`)),
		chromedp.Click(chromedp.CSS(`#publish-figures button`)), chromedp.WaitVisible(chromedp.CSS(`main .notice[role="status"]`)))
	b.do("the markets in the statistics", chromedp.Click(chromedp.CSS(`#trade-figures a`)), chromedp.WaitVisible(chromedp.CSS(`#stats-table`)))
	if got := b.text(`#stats-table`); !strings.Contains(got, "Thủy Nguyên") {
		t.Errorf("the statistics of the communes' markets read %q", got)
	}
	b.do("log out", chromedp.Click(chromedp.CSS(`#logout`)), chromedp.WaitVisible(chromedp.CSS(`#login-link`)))

	// A dossier's whole path: an enterprise files online, the department's
	// desk receives it and asks for a supplement, the enterprise supplies
	// it, the leader approves, and the public tracks it.
	b.signIn(base, "doanhnghiep")
	// The trader checks a promotion before filing: a discount above half
	// the price is blocked, with the decree it reads; lowered, it is
	// recorded with the department.
	today := time.Now().In(congthuong.Location)
	b.do("a promotion's form", chromedp.Navigate(base+"/promotions/new"), chromedp.WaitVisible(chromedp.CSS(`#promotion-form`)))
	b.setValue(`#title`, "Giảm giá cuối năm")
	b.setValue(`#form`, "discount")
	b.setValue(`#start`, today.Format("2006-01-02"))
	b.setValue(`#end`, today.AddDate(0, 0, 10).Format("2006-01-02"))
	b.setValue(`#brand`, "TN")
	b.setValue(`#good-name-1`, "Nước mắm")
	b.setValue(`input[name=good_price]`, "100000")
	b.setValue(`input[name=good_value]`, "70000")
	b.do("check it", chromedp.Click(chromedp.CSS(`#check-promotion`)), chromedp.WaitVisible(chromedp.CSS(`#checks .finding-blocking`)))
	if got := b.text(`#checks .finding-blocking`); !strings.Contains(got, "50%") || !strings.Contains(got, "81/2018") {
		t.Errorf("the blocking check reads %q", got)
	}
	b.setValue(`input[name=good_value]`, "30000")
	b.do("file it", chromedp.Click(chromedp.CSS(`#file-promotion`)), chromedp.WaitVisible(chromedp.CSS(`#promotion-status`)))
	// Then extends it: the amendment form comes filled with the programme,
	// who trades and the form fixed; the programme runs as amended.
	b.do("amend it", chromedp.Click(chromedp.CSS(`#amend-promotion`)), chromedp.WaitVisible(chromedp.CSS(`#promotion-form #form-fixed`)))
	b.screenshots(b.ctx, "promotion-amend")
	b.setValue(`#end`, today.AddDate(0, 0, 20).Format("2006-01-02"))
	b.do("send the amendment", chromedp.Click(chromedp.CSS(`#file-promotion`)), chromedp.WaitVisible(chromedp.CSS(`#promotion-amendments`)))
	if got := b.text(`#promotion-amendments`); !strings.Contains(got, "ngày kết thúc") {
		t.Errorf("the amendments read %q", got)
	}
	b.screenshots(b.ctx, "promotion-amended")
	paper := filepath.Join(t.TempDir(), "the-le.pdf")
	if err := os.WriteFile(paper, []byte("%PDF-1.4\n% the rules\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The journeys in Vietnamese, the platform's first language (every
	// page is opened in English too at the end).
	b.do("Vietnamese", chromedp.Navigate(base+"/prefs?lang=vi&back=/"), chromedp.WaitReady(chromedp.CSS(`html[lang="vi"]`)))
	// Filing: the form is prefilled from the account's enterprise; sent
	// incomplete it comes back with every problem linked from the top and
	// every value kept; then the papers, the answers to check, the receipt.
	b.do("start filing",
		chromedp.Navigate(base+"/procedures/CT-KM-MAYRUI"),
		chromedp.WaitVisible(chromedp.CSS(`#file-start`)),
		chromedp.Click(chromedp.CSS(`#file-start`)),
		chromedp.WaitVisible(chromedp.CSS(`#filing-form`)))
	b.weigh("the filing form")
	b.guide("applicant-1-form")
	if name, unit := b.value(`#applicant_name`), b.value(`#unit_code`); name == "" || unit != "31" {
		t.Errorf("the form is not prefilled: name %q, unit %q", name, unit)
	}
	b.setValue(`#applicant_phone`, "")
	b.setValue(`#form_start_date`, "2026-12-01")
	b.do("continue with what is missing",
		chromedp.Click(chromedp.CSS(`#filing-continue`)),
		chromedp.WaitVisible(chromedp.CSS(`#form-error a[href="#paper_1"]`)))
	b.guide("applicant-2-errors")
	for _, anchor := range []string{"#applicant_phone", "#form_end_date", "#paper_0", "#paper_1"} {
		if b.count(`#form-error a[href="`+anchor+`"]`) != 1 {
			t.Errorf("the error summary does not link to %s", anchor)
		}
	}
	if v := b.value(`#form_start_date`); v != "2026-12-01" {
		t.Errorf("the start date typed is lost: %q", v)
	}
	b.setValue(`#form_end_date`, "2026-12-31")
	b.do("complete the form",
		chromedp.SendKeys(chromedp.CSS(`#applicant_phone`), "0912 345 678"),
		chromedp.SetUploadFiles(chromedp.CSS(`#paper_0`), []string{paper}),
		chromedp.SetUploadFiles(chromedp.CSS(`#paper_1`), []string{paper}),
		chromedp.Click(chromedp.CSS(`#filing-continue`)),
		chromedp.WaitVisible(chromedp.CSS(`#draft-submit`)))
	b.weigh("the answers to check")
	b.guide("applicant-3-check")
	if papers := b.count(`#check-papers .file-name`); papers != 2 {
		t.Errorf("the answers to check list %d papers, want 2", papers)
	}
	b.do("send", chromedp.Click(chromedp.CSS(`#draft-submit`)), chromedp.WaitVisible(chromedp.CSS(`#filed-code`)))
	b.weigh("the receipt")
	b.guide("applicant-4-receipt")
	if key := b.text(`#filed-key`); len(key) != 9 {
		t.Errorf("the receipt's tracking key %q", key)
	}
	b.do("open the dossier", chromedp.Click(chromedp.CSS(`#filed-dossier`)), chromedp.WaitVisible(chromedp.CSS(`#dossier-code`)))
	code := strings.TrimSpace(b.text(`#dossier-code`))
	if !strings.HasPrefix(code, "SCT31-") {
		t.Fatalf("dossier code %q", code)
	}
	// step takes a workflow step as who would: from the dossier's page,
	// where only the steps who may take are offered.
	step := func(who string, action procedure.Action, message, status string) {
		t.Helper()
		login(who)
		form := `#step-` + string(action)
		b.do(who+" opens "+code, chromedp.Navigate(base+"/dossiers/"+code), chromedp.WaitVisible(chromedp.CSS(form)))
		// The step is done when its event is listed: the status alone may
		// not change (forwarding stays in processing).
		events := b.count(`#dossier-events li`)
		actions := []chromedp.Action[chromedp.Void]{}
		if message != "" {
			actions = append(actions, chromedp.SendKeys(chromedp.CSS(`#message-`+string(action)), message))
		}
		if action == procedure.Supplement {
			actions = append(actions, chromedp.SetUploadFiles(chromedp.CSS(`#file-supplement`), []string{paper}))
		}
		actions = append(actions, chromedp.Click(chromedp.CSS(`#do-`+string(action))),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#dossier-events li:nth-child(%d)`, events+1))),
			chromedp.WaitVisible(chromedp.CSS(`#dossier-status[data-status="`+status+`"]`)))
		b.do(who+" "+string(action), actions...)
	}
	// offered lists the steps the dossier's page offers its viewer.
	offered := func() []string {
		var ids []string
		for _, id := range b.attrs(`form.step[id^="step-"]`, "id") {
			ids = append(ids, strings.TrimPrefix(id, "step-"))
		}
		return ids
	}
	if got := offered(); !slices.Equal(got, []string{"withdraw"}) {
		t.Errorf("the applicant is offered %v; only withdrawing is theirs", got)
	}
	step("canbo", procedure.Receive, "", "received")
	if due := b.text(`#dossier-due`); due == "" {
		t.Errorf("no due date after receipt")
	}
	step("canbo", procedure.Assign, "", "processing")
	// A supplement request needs what is missing: refused without it, the
	// form comes back with the message beside the field and at the top.
	b.do("request a supplement without saying what",
		chromedp.Navigate(base+"/dossiers/"+code), chromedp.WaitVisible(chromedp.CSS(`#step-request_supplement`)),
		chromedp.SendKeys(chromedp.CSS(`#note-request_supplement`), "ghi chú nội bộ"),
		chromedp.Click(chromedp.CSS(`#do-request_supplement`)),
		chromedp.WaitVisible(chromedp.CSS(`#form-error a[href="#message-request_supplement"]`)))
	if b.attr(`#message-request_supplement`, "aria-invalid") != "true" || b.value(`#note-request_supplement`) != "ghi chú nội bộ" {
		t.Errorf("the refused step lost its form")
	}
	b.guide("officer-1-steps")
	if got := offered(); !slices.Equal(got, []string{"request_supplement", "request_fee", "forward"}) {
		t.Errorf("the handler is offered %v", got)
	}
	step("canbo", procedure.RequestSupplement, "Thiếu thể lệ chương trình", "supplement_requested")
	login("doanhnghiep")
	b.do("the applicant sees what is asked", chromedp.Navigate(base+"/dossiers/"+code), chromedp.WaitVisible(chromedp.CSS(`#asked`)))
	b.guide("applicant-5-asked")
	if msg := b.text(`#asked .asked-message`); msg != "Thiếu thể lệ chương trình" {
		t.Errorf("the request reads %q", msg)
	}
	step("doanhnghiep", procedure.Supplement, "", "processing")
	step("canbo", procedure.Forward, "", "processing")
	login("lanhdao")
	b.do("the leader's home", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`#home-tasks`)))
	b.guide("leader-1-home")
	if n, err := strconv.Atoi(b.text(`#home-tasks a[href="/dossiers?queue=decide"] .tile-n`)); err != nil || n < 1 {
		t.Errorf("the leader's home counts %d dossiers awaiting a decision (%v)", n, err)
	}
	step("lanhdao", procedure.Approve, "", "processed")
	// The result document: the department's letterhead, the leader who
	// approved signing for the director, the QR code to verify it, the
	// applicant's answers under their labels.
	b.do("the result document",
		chromedp.Navigate(base+"/dossiers/"+code+"/forms/result"),
		chromedp.WaitVisible(chromedp.CSS(`#result-sign`)))
	b.guide("result-1-document")
	if sign := b.text(`#result-sign`); !strings.Contains(sign, "KT. GIÁM ĐỐC") || !strings.Contains(sign, "PHÓ GIÁM ĐỐC") {
		t.Errorf("the signature block reads %q", sign)
	}
	if facts := b.text(`#result-facts`); strings.Contains(facts, "start_date") || !strings.Contains(facts, "Ngày bắt đầu") {
		t.Errorf("the result's facts read %q", facts)
	}
	if b.count(`#official-form svg.qr`) != 1 {
		t.Error("the result has no QR code")
	}
	number := b.text(`#result-number`)
	b.do("the control sheet", chromedp.Navigate(base+"/dossiers/"+code+"/forms/05"), chromedp.WaitVisible(chromedp.CSS(`#control-sheet`)))
	if rows := b.count(`#control-sheet tbody tr`); rows < 7 {
		t.Errorf("the control sheet lists %d steps", rows)
	}
	b.do("public tracking",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#logout`)),
		chromedp.Click(chromedp.CSS(`#logout`)),
		chromedp.WaitVisible(chromedp.CSS(`#login-link`)),
		chromedp.Click(chromedp.CSS(`#footer-tracking`)),
		chromedp.WaitVisible(chromedp.CSS(`#tracking-form`)),
		chromedp.SendKeys(chromedp.CSS(`#code`), strings.ToLower(code)),
		chromedp.SendKeys(chromedp.CSS(`#key`), "0912345678"),
		chromedp.Click(chromedp.CSS(`#tracking-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#tracking-answer dd[data-status="processed"]`)))
	b.guide("public-1-tracking")
	if steps := b.count(`#tracking-history li`); steps < 7 {
		t.Errorf("the public history shows %d steps", steps)
	}
	b.do("verify the result",
		chromedp.Click(chromedp.CSS(`#footer-verify`)),
		chromedp.WaitVisible(chromedp.CSS(`#verify-form`)),
		chromedp.SendKeys(chromedp.CSS(`#number`), number),
		chromedp.Click(chromedp.CSS(`#verify-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#verify-valid`)))
	b.guide("public-2-verify")
	b.do("verify an unknown number",
		chromedp.Navigate(base+"/verify?number=9999/2026/SCT31"),
		chromedp.WaitVisible(chromedp.CSS(`#verify-unknown`)))

	// The editorial journey: an officer writes and sends for review, the
	// leader publishes, the public reads it and subscribes.
	b.signIn(base, "canbo")
	headline := "Lịch tiếp công dân tháng 12 của Sở"
	b.do("write an article",
		chromedp.Navigate(base+"/news/manage/new"),
		chromedp.WaitVisible(chromedp.CSS(`#news-form`)),
		chromedp.SendKeys(chromedp.CSS(`#title_vi`), headline),
		chromedp.SendKeys(chromedp.CSS(`#summary_vi`), "Giám đốc Sở tiếp công dân vào thứ Năm tuần thứ hai."),
		chromedp.SendKeys(chromedp.CSS(`#body_vi`), "Công dân đăng ký trước **hai ngày** tại bộ phận một cửa."),
		chromedp.Click(chromedp.CSS(`#save`)),
		chromedp.WaitVisible(chromedp.CSS(`#do-submit`)),
		chromedp.Click(chromedp.CSS(`#do-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#desk-status`)))
	desk, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("document.location.href"))
	if err != nil || !strings.Contains(desk, "/news/manage/") {
		t.Fatalf("the article's desk: %q %v", desk, err)
	}
	b.do("the department sees the investor's lead", chromedp.Navigate(base+"/leads?status=new"), chromedp.WaitVisible(chromedp.CSS(`#leads-table`)))
	b.guide("department-1-leads")
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(1366, 900)); err != nil {
		t.Fatal(err)
	}
	if leads := b.text(`#leads-table`); !strings.Contains(leads, "Lê Minh Investor en 390") || !strings.Contains(leads, "Lê Minh Investor vi 390") ||
		!strings.Contains(leads, "Lê Minh Investor en 1366") || !strings.Contains(leads, "Lê Minh Investor vi 1366") {
		t.Errorf("the investor's leads are not all in the department's list: %s", leads)
	}
	b.navigate(desk)
	if b.count(`#do-publish`) != 0 {
		t.Error("the officer is offered to publish")
	}
	login("lanhdao")
	b.do("publish it",
		chromedp.Navigate(desk),
		chromedp.WaitVisible(chromedp.CSS(`#do-publish`)),
		chromedp.Click(chromedp.CSS(`#do-publish`)),
		chromedp.WaitVisible(chromedp.CSS(`#public-link`)))
	b.do("the public reads it",
		chromedp.Click(chromedp.CSS(`#logout`)),
		chromedp.WaitVisible(chromedp.CSS(`#login-link`)),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#home-news`)))
	if !strings.Contains(b.text(`#home-news`), headline) {
		t.Error("the published article is not among the home page's news")
	}
	b.do("subscribe",
		chromedp.Navigate(base+"/news/subscribe"),
		chromedp.WaitVisible(chromedp.CSS(`#subscribe-form`)),
		chromedp.SendKeys(chromedp.CSS(`#email`), "ban.doc@example.vn"),
		chromedp.Click(chromedp.CSS(`#category-department`)),
		chromedp.Click(chromedp.CSS(`#subscribe`)),
		chromedp.WaitVisible(chromedp.CSS(`#subscribe-sent`)))

	// Every page the walk came to, again in each language, as the
	// administrator: none shows the other language's words.
	b.signIn(base, "admin")
	b.everyPageInEachLanguage(base)
	if missing := i18n.Missing(); len(missing) > 0 {
		t.Errorf("messages asked for that no catalogue gives: %q", missing)
	}
}

// sitePages are the site's pages without a record in their address; the
// pages of records are found from the lists (recordLinks).
var sitePages = []string{
	"/", "/login", "/account/password", "/account/tokens", "/admin/outbox", "/admin/visits",
	"/units", "/units/31", "/units/11560",
	"/enterprises", "/enterprises/new", "/enterprises/import",
	"/calendar", "/calendar/deadline", "/admin/calendar",
	"/admin/users", "/admin/users/new", "/admin/audit",
	"/stats", "/stats?indicator=EXPORTS&period=2024-01..2024-04&units=children:VN", "/stats/report", "/stats/dashboard", "/stats/units/31", "/stats/entry", "/stats/submissions", "/stats/import",
	"/parks", "/parks/new", "/parks/compare", "/parks/summary", "/parks/import", "/parks/reports", "/parks/KCN-01/interest", "/parks/KCN-01/sheet", "/parks/KCN-01/plots", "/leads", "/admin/outlines",
	"/licences", "/licences/new", "/licences/import", "/licences/summary", "/licences/lookup", "/licences/lookup?q=tap+hoa&unit=11560",
	"/promotions", "/promotions/manage", "/promotions/new", "/markets", "/markets/new", "/markets/summary", "/markets/import", "/markets/osm", "/retail", "/retail/new", "/retail/import", "/retail/osm",
	"/procedures", "/dossiers", "/dossiers/scorecard", "/dossiers/payments", "/tracking", "/verify",
	"/news", "/news/subscribe", "/news/manage", "/news/manage/new", "/documents", "/documents/new",
	"/questions", "/questions/ask", "/questions/manage", "/search", "/data", "/search?q=giay+phep+ruou",
}

// recordLinks are, for a list page, the addresses of its records' pages.
var recordLinks = map[string]string{
	"/enterprises":       `main a[href^="/enterprises/"]:not([href$="/new"]):not([href$="/import"]):not([href*="export"])`,
	"/parks":             `main a[href^="/parks/"]:not([href$="/new"]):not([href*="/compare"]):not([href$="/summary"]):not([href$="/import"]):not([href$="/reports"])`,
	"/procedures":        `main a[href^="/procedures/"]`,
	"/dossiers":          `main a[href^="/dossiers/"]`,
	"/admin/users":       `main a[href^="/admin/users/"]:not([href$="/new"])`,
	"/news":              `#news-list a[href^="/news/"]`,
	"/news/manage":       `#manage-table a[href^="/news/manage/"]`,
	"/documents":         `#documents-list a[href^="/documents/"]`,
	"/questions":         `#questions-list a[href^="/questions/"]`,
	"/questions/manage":  `#questions-table a[href^="/questions/manage/"]`,
	"/licences":          `#licences-table a[href^="/licences/"]`,
	"/promotions/manage": `#promotions-list a[href^="/promotions/"]`,
	"/markets":           `#markets-table a[href^="/markets/"]`,
}

// everyPageInEachLanguage opens, in Vietnamese and then in English, every
// page the tab came to and every page of the site (sitePages, and the
// first record of each list with its edit page), so that each is checked
// in both languages (checkLanguage) and with axe-core.
func (b browser) everyPageInEachLanguage(base string) {
	b.t.Helper()
	pages := map[string]bool{}
	for k := range b.audited {
		if strings.HasPrefix(k, "/") {
			pages[k] = true
		}
	}
	for _, p := range sitePages {
		pages[p] = true
	}
	for list, sel := range recordLinks {
		b.navigate(base + list)
		href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector(`+strconv.Quote(sel)+`) || {}).getAttribute?.call(document.querySelector(`+strconv.Quote(sel)+`), "href") || ""`))
		if err != nil || href == "" {
			b.t.Errorf("%s links to none of its records (%v)", list, err)
			continue
		}
		pages[href] = true
		if list == "/enterprises" || list == "/parks" || list == "/news/manage" || list == "/documents" || list == "/licences" || list == "/markets" {
			pages[href+"/edit"] = true
		}
	}
	var locs []string
	for p := range pages {
		locs = append(locs, p)
	}
	sort.Strings(locs)
	for _, lang := range []string{"vi", "en"} {
		b.do("switch to "+lang, chromedp.Navigate(base+"/prefs?lang="+lang+"&back=/"), chromedp.WaitReady(chromedp.CSS(`html[lang="`+lang+`"]`)))
		for _, loc := range locs {
			b.navigate(base + loc)
		}
	}
}
