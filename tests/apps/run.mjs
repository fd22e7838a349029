// Browser tests of the LlmPrep MCP Apps: the real built server over stdio, a host page built on the official
// AppBridge, headless Chromium driven by Puppeteer. Prints "N passed, N failed" and exits non-zero on failure.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import puppeteer from "puppeteer-core";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const serverPath = resolve(process.argv[2] ?? join(repo, "src/LlmPrep.Server/bin/Release/net10.0/llmprep"));
const chromiumPath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(existsSync);
const shots = join(repo, "docs/screenshots");
const APP_MIME = "text/html;profile=mcp-app";

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL - ${name}\n    ${String(error?.stack ?? error).split("\n").slice(0, 4).join("\n    ")}`);
  }
}
function assert(condition, message) { if (!condition) throw new Error(message); }
function equal(actual, expected, message) {
  if (actual !== expected) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function finish(code) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed ? 1 : 0));
}

if (!existsSync(serverPath)) {
  console.log(`FAIL - the built server is missing at ${serverPath} (dotnet build src/LlmPrep.Server -c Release)`);
  results.push({ ok: false });
  finish(1);
}
if (!chromiumPath) {
  console.log("FAIL - no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  results.push({ ok: false });
  finish(1);
}

// ---- the server, as a host that renders apps would connect to it ----------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), "llmprep-apps-"));
const client = new Client(
  { name: "llmprep-apps-test-host", version: "1.0.0" },
  { capabilities: { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: [APP_MIME] } } } },
);
await client.connect(new StdioClientTransport({
  command: serverPath,
  args: ["serve", "--data-dir", dataDir],
  env: { ...process.env, TZ: "UTC" },
  stderr: "ignore",
}));
const tools = new Map((await client.listTools()).tools.map((t) => [t.name, t]));

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args ?? {} });
  assert(!result.isError, `${name} failed: ${result.content?.map((c) => c.text).join(" ")}`);
  return result;
}

async function appFor(toolName) {
  const uri = tools.get(toolName)?._meta?.ui?.resourceUri;
  assert(uri, `${toolName} carries no _meta.ui.resourceUri`);
  const read = await client.readResource({ uri });
  const content = read.contents[0];
  equal(content.mimeType, APP_MIME, `${uri} MIME type`);
  assert(!/(src|href)\s*=\s*["']https?:/i.test(content.text), `${uri} loads something from the network`);
  return content.text;
}

// ---- the host page -----------------------------------------------------------------------------------------
const hostDir = mkdtempSync(join(tmpdir(), "llmprep-apps-host-"));
await build({ entryPoints: [join(here, "host/host.js")], bundle: true, format: "esm", platform: "browser", outfile: join(hostDir, "host.bundle.js"), logLevel: "error" });
const files = { "/": [join(here, "host/host.html"), "text/html"], "/host.bundle.js": [join(hostDir, "host.bundle.js"), "text/javascript"] };
const http = createServer((req, res) => {
  const file = files[req.url];
  if (req.url === "/favicon.ico") { res.writeHead(204).end(); return; }
  if (!file) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "content-type": file[1] }).end(readFileSync(file[0]));
});
await new Promise((ok) => http.listen(0, "127.0.0.1", ok));

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none", "--lang=en-US"],
});
const page = await browser.newPage();
await page.setViewport({ width: 820, height: 900, deviceScaleFactor: 2 });
const events = [];
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
await page.exposeFunction("hostRequest", async (method, params) => {
  events.push({ kind: method, params });
  return method === "tools/call" ? client.callTool(params) : client.readResource(params);
});
await page.exposeFunction("hostEvent", (kind, params) => { events.push({ kind, params }); });
await page.goto(`http://127.0.0.1:${http.address().port}/`);

async function mount(toolName, args, theme = "light") {
  const html = await appFor(toolName);
  const result = await call(toolName, args);
  await page.evaluate((o) => window.mountApp(o), { html, args, result, theme });
  const frame = await (await page.$("iframe")).contentFrame();
  return { frame, result };
}

async function shoot(name) {
  mkdirSync(shots, { recursive: true });
  await new Promise((r) => setTimeout(r, 150)); // let the last size-changed land
  // Long notes are cut at a screenful, so the pictures stay small.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await (await page.$(".turn")).boundingBox();
  await page.screenshot({ path: join(shots, `${name}.png`), captureBeyondViewport: true,
    clip: { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: Math.min(box.height, 1150) + 48 } });
}

const text = (frame, selector) => frame.$eval(selector, (e) => e.textContent.trim());
const count = (frame, selector) => frame.$$eval(selector, (list) => list.length);
const lastEvent = (kind) => events.filter((e) => e.kind === kind).at(-1);

// A believable answer: every key point of the card but the last, read from its note.
async function partialAnswer(card) {
  const note = (await call("read_note", { uri: card.note_id, max_tokens: 50000 })).structuredContent.text;
  const start = note.indexOf(`### ${card.question}`);
  const block = note.slice(start, note.indexOf("\n### ", start + 4) > 0 ? note.indexOf("\n### ", start + 4) : undefined);
  const points = [...block.matchAll(/^- (.+)$/gm)].map((m) => m[1]);
  return points.slice(0, Math.max(1, points.length - 1)).join(" ");
}

try {
  // ---- quiz card ---------------------------------------------------------------------------------------
  let quiz, first;
  await test("quiz card shows the next question with its note and level", async () => {
    quiz = await mount("quiz_next", {});
    first = quiz.result.structuredContent.card;
    await quiz.frame.waitForSelector("#answer");
    equal(await text(quiz.frame, ".eyebrow"), first.note_title, "note title");
    const shown = await text(quiz.frame, "#question");
    assert(shown.length > 10 && first.question.includes(shown.slice(0, 12)), `question shown: ${shown}`);
    const chips = await quiz.frame.$$eval(".chip", (l) => l.map((c) => c.textContent));
    assert(chips.includes(first.level), `level chip missing in ${chips}`);
    equal(await quiz.frame.evaluate(() => document.activeElement?.id), "answer", "focus starts in the answer box");
    const height = await page.$eval("iframe", (f) => f.getBoundingClientRect().height);
    assert(height > 200, `the host resized the frame to the content (height ${height})`);
  });

  await test("typing an answer and pressing Enter grades it and lists covered and missed key points", async () => {
    const answer = await partialAnswer(first);
    await quiz.frame.type("#answer", answer);
    await quiz.frame.focus("#answer");
    await page.keyboard.press("Enter");
    await quiz.frame.waitForSelector("#result-title");
    const covered = await count(quiz.frame, ".covered li");
    const missed = await count(quiz.frame, ".missed li");
    assert(covered >= 1, "some key points are covered");
    equal(covered + missed, first.key_point_count, "covered + missed = the card's key points");
    assert((await text(quiz.frame, "#reference")).length > 20, "the reference answer is shown");
    assert((await text(quiz.frame, "#result-title")).includes(`${covered} of ${first.key_point_count}`), "the score says how many points");
    const report = (await call("progress_report")).structuredContent;
    equal(report.reviews, 1, "the review was recorded through the host");
    assert(lastEvent("model-context")?.params.content[0].text.includes(first.card_id), "the model is told what happened");
    await shoot("quiz-graded-light");
  });

  await test("ticking key points under the reference answer saves the person's verdict on the same review", async () => {
    const boxes = await quiz.frame.$$eval("#my-points input[type=checkbox]", (l) => l.map((b) => b.checked));
    equal(boxes.length, first.key_point_count, "one box per key point");
    equal(boxes.filter(Boolean).length, await count(quiz.frame, ".covered li"), "the boxes start as the grader saw the answer");
    for (let i = 0; i < boxes.length; i++) {
      if (boxes[i] !== (i === 0)) await quiz.frame.click(`#point-${i + 1}`);
    }
    await quiz.frame.click("#save-points");
    await quiz.frame.waitForFunction(() => document.getElementById("rating-chip")?.textContent.includes("your verdict"));
    const rate = events.filter((e) => e.kind === "tools/call" && e.params.name === "quiz_rate").at(-1);
    equal(rate?.params.arguments.judged_by, "person", "sent as the person's verdict");
    equal(JSON.stringify(rate.params.arguments.key_points),
      JSON.stringify(boxes.map((_, i) => ({ index: i + 1, status: i === 0 ? "covered" : "missed" }))), "one status per key point");
    // One of n points covered: all is easy, three quarters good, half hard, less again.
    const share = 1 / boxes.length;
    const expected = share === 1 ? "Easy" : share >= 0.75 ? "Good" : share >= 0.5 ? "Hard" : "Again";
    assert((await text(quiz.frame, "#rating-chip")).startsWith(expected), `rated ${expected} from the ticks`);
    equal((await quiz.frame.$$eval("#my-points input[type=checkbox]", (l) => l.map((b) => b.checked))).join(","),
      boxes.map((_, i) => i === 0).join(","), "the saved ticks are shown");
    equal((await call("progress_report")).structuredContent.reviews, 1, "the same review was amended");
    assert(lastEvent("model-context")?.params.content[0].text.includes("ticked 1 of"), "the model is told what the person ticked");
  });

  await test("the source section opens inside the card", async () => {
    await quiz.frame.click("#source");
    await quiz.frame.waitForSelector("#source-view .prose");
    assert((await text(quiz.frame, "#source-view")).length > 40, "the section text is shown");
    equal(await quiz.frame.$eval("#source", (b) => b.getAttribute("aria-expanded")), "true", "aria-expanded");
    await quiz.frame.click("#source");
  });

  await test("key 4 changes the rating to Easy, amending the same review", async () => {
    const before = await quiz.frame.$eval("#ratings button[aria-pressed=true]", (b) => b.dataset.rating);
    assert(before !== "easy", "the grader did not already pick easy");
    await quiz.frame.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("4");
    await quiz.frame.waitForFunction(() => document.querySelector("#ratings button[data-rating=easy]")?.getAttribute("aria-pressed") === "true");
    assert((await text(quiz.frame, "#rating-chip")).startsWith("Easy"), "the rating chip says Easy");
    const rate = events.filter((e) => e.kind === "tools/call" && e.params.name === "quiz_rate").at(-1);
    equal(rate?.params.arguments.rating, "easy", "quiz_rate was called with easy");
    equal(rate?.params.arguments.judged_by, "person", "the rating is the person's");
    equal((await call("progress_report")).structuredContent.reviews, 1, "still one review");
  });

  await test("the card follows a host switch to dark", async () => {
    const light = await quiz.frame.$eval("#app", (e) => getComputedStyle(e).backgroundColor);
    await page.evaluate(() => window.setTheme("dark"));
    await quiz.frame.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    const dark = await quiz.frame.$eval("#app", (e) => getComputedStyle(e).backgroundColor);
    assert(light !== dark, `background changed (${light} → ${dark})`);
    await shoot("quiz-graded-dark");
    await page.evaluate(() => window.setTheme("light"));
  });

  await test("N brings the next card, and I don't know reveals it as failed", async () => {
    await quiz.frame.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("n");
    await quiz.frame.waitForSelector("#answer");
    const second = await text(quiz.frame, "#question");
    assert(!first.question.startsWith(second.slice(0, 20)), "a different card");
    await shoot("quiz-question-light");
    await quiz.frame.click("#dont-know");
    await quiz.frame.waitForSelector("#result-title");
    equal(await text(quiz.frame, "#result-title"), "Answer revealed", "revealed");
    assert((await text(quiz.frame, "#rating-chip")).includes("not known"), "counted as failed");
    equal((await call("progress_report")).structuredContent.reviews, 2, "the reveal is a review");
  });

  await test("the Submit button grades an answer (a sandboxed frame may not submit forms)", async () => {
    await quiz.frame.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press("n");
    await quiz.frame.waitForSelector("#answer");
    await quiz.frame.type("#answer", "I am not sure, something about the basics.");
    await quiz.frame.click("#submit");
    await quiz.frame.waitForSelector("#result-title");
    equal((await call("progress_report")).structuredContent.reviews, 3, "the answer was recorded");
  });

  // Some history so the dashboard has something to draw.
  for (let i = 0; i < 10; i++) {
    const next = (await call("quiz_next", { section: i % 2 ? "02" : "03" })).structuredContent.card;
    if (!next) break;
    await call("quiz_answer", { card_id: next.card_id, answer: i % 3 ? await partialAnswer(next) : "" });
  }

  // ---- dashboard ---------------------------------------------------------------------------------------
  for (const theme of ["light", "dark"]) {
    await test(`dashboard (${theme}) draws progress_report's numbers`, async () => {
      const { frame, result } = await mount("progress_report", {}, theme);
      const report = result.structuredContent;
      await frame.waitForSelector("#forecast");
      equal(await text(frame, "#overall text"), `${report.readiness}%`, "overall readiness");
      equal(await text(frame, "#due-now .value"), String(report.due_now), "due now");
      equal(await text(frame, "#streak .value"), String(report.streak_days), "streak");
      const rows = await frame.$$eval(".section-row", (list) => list.map((r) => ({
        section: r.dataset.section,
        shown: Number(r.querySelector(".pct").textContent.replace("%", "")),
        ratio: r.querySelector(".fill").getBoundingClientRect().width / r.querySelector(".bar").getBoundingClientRect().width,
        segments: [...r.querySelectorAll(".seg")].reduce((s, x) => s + x.getBoundingClientRect().width, 0),
        fill: r.querySelector(".fill").getBoundingClientRect().width,
      })));
      equal(rows.length, report.sections.length, "one bar per section");
      for (const s of report.sections) {
        const row = rows.find((r) => r.section === s.section);
        equal(row.shown, s.readiness, `${s.section} label`);
        assert(Math.abs(row.ratio * 100 - s.readiness) < 1, `${s.section} bar is ${row.ratio * 100}% wide, readiness ${s.readiness}%`);
        assert(s.readiness === 0 || Math.abs(row.segments - row.fill) < 1.5, `${s.section} must/good/nice segments fill the bar`);
      }
      assert(report.sections.some((s) => s.readiness > 0), "some section has readiness");
      const activity = (await call("progress_activity")).structuredContent;
      const days = await frame.$$eval("#forecast g", (l) => l.map((g) => Number(g.dataset.count)));
      equal(days.join(","), activity.forecast.map((d) => d.count).join(","), "14-day forecast");
      equal(await frame.$eval("#calendar rect.cell-today", (r) => Number(r.dataset.count)), report.reviews_today, "today's reviews in the calendar");
      equal(await count(frame, "#weakest li"), report.weakest.length, "weakest topics");
      await shoot(`dashboard-${theme}`);
    });
  }

  await test("quiz me on a weak topic asks the assistant in the chat", async () => {
    const frame = await (await page.$("iframe")).contentFrame();
    const note = await frame.$eval("#weakest li", (li) => li.dataset.note);
    await frame.click("#weakest li button");
    await frame.waitForFunction(() => document.querySelector("#weakest li button").textContent === "Asked in the chat");
    const message = lastEvent("message");
    assert(message?.params.content[0].text.includes(`"${note}"`), `ui/message names the topic: ${JSON.stringify(message?.params)}`);
  });

  // ---- note reader ------------------------------------------------------------------------------------
  for (const theme of ["light", "dark"]) {
    await test(`note reader (${theme}) renders the note with its contents`, async () => {
      const { frame, result } = await mount("read_note", { uri: first.note_uri }, theme);
      const note = result.structuredContent;
      await frame.waitForSelector("#note-body");
      equal(await text(frame, "#note-title"), note.title, "title");
      const toc = await frame.$$eval("#toc a", (l) => l.map((a) => a.getAttribute("href").slice(1)));
      assert(toc.length >= 2, "a table of contents");
      for (const anchor of toc) assert(await frame.$(`[id="${anchor}"]`), `heading #${anchor} exists`);
      assert(!(await text(frame, "#note-body")).includes(first.question), "the quiz is not in the reader");
      await shoot(`note-${theme}`);
      const target = toc.at(-1);
      await frame.click(`#toc a[href="#${target}"]`);
      equal(await frame.evaluate(() => document.activeElement?.id), target, "a contents entry moves focus to its heading");
    });
  }

  await test("quiz me on this note asks the assistant in the chat", async () => {
    const frame = await (await page.$("iframe")).contentFrame();
    await page.evaluate(() => window.scrollTo(0, 0)); // the contents link scrolled the host page smoothly
    await frame.waitForFunction(() => window.parent && document.getElementById("quiz-me").getBoundingClientRect().top >= 0);
    await frame.$eval("#quiz-me", (b) => b.scrollIntoView({ block: "center", behavior: "instant" }));
    await frame.click("#quiz-me");
    await frame.waitForFunction(() => document.getElementById("status").textContent.includes("Asked"));
    assert(lastEvent("message").params.content[0].text.includes(`"${first.note_id}"`), "ui/message names the note");
  });

  await test("no app logged an error or broke its Content-Security-Policy", async () => {
    equal(pageErrors.filter((e) => !/favicon/.test(e)).join("\n"), "", "page errors");
  });
} finally {
  await browser.close().catch(() => {});
  http.close();
  await client.close().catch(() => {});
  rmSync(hostDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
finish();
