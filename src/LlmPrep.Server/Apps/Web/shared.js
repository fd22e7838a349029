// Shared by the LlmPrep apps: the MCP Apps view side of the postMessage JSON-RPC (ui/initialize, tool input and
// results, host context, size changes, tools/call through the host), theming, and small renderers.
const LP = (() => {
  "use strict";
  const PROTOCOL = "2026-01-26";
  const pending = new Map();
  const listeners = {};
  let nextId = 1;
  let context = {};

  function post(message) { window.parent.postMessage(message, "*"); }

  function request(method, params) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ jsonrpc: "2.0", id, method, params: params ?? {} });
    });
  }

  function notify(method, params) { post({ jsonrpc: "2.0", method, params: params ?? {} }); }

  function on(method, handler) { (listeners[method] ??= []).push(handler); }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent) return;
    const m = event.data;
    if (!m || m.jsonrpc !== "2.0") return;
    if (m.method === undefined && m.id !== undefined) {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error.message || "the host refused the request"));
      else p.resolve(m.result);
      return;
    }
    if (m.method && m.id !== undefined) {
      // Requests from the host: ping and teardown need nothing kept, so they answer at once.
      const known = m.method === "ping" || m.method === "ui/resource-teardown";
      post(known ? { jsonrpc: "2.0", id: m.id, result: {} }
        : { jsonrpc: "2.0", id: m.id, error: { code: -32601, message: `Method not found: ${m.method}` } });
      return;
    }
    if (m.method === "ui/notifications/host-context-changed") applyContext(m.params);
    for (const handler of listeners[m.method] ?? []) {
      try { handler(m.params ?? {}); } catch (e) { console.error(e); }
    }
  });

  function applyContext(change) {
    if (!change) return;
    context = { ...context, ...change };
    const root = document.documentElement;
    if (change.theme) root.dataset.theme = change.theme;
    const vars = change.styles?.variables;
    if (vars) for (const [k, v] of Object.entries(vars)) if (k.startsWith("--") && v) root.style.setProperty(k, v);
    const fonts = change.styles?.css?.fonts;
    if (fonts) {
      let el = document.getElementById("host-fonts");
      if (!el) { el = document.createElement("style"); el.id = "host-fonts"; document.head.appendChild(el); }
      el.textContent = fonts;
    }
    if (change.locale) root.lang = change.locale;
    const dims = change.containerDimensions;
    if (dims) {
      if ("height" in dims) root.style.height = "100vh";
      else if (dims.maxHeight) root.style.maxHeight = `${dims.maxHeight}px`;
    }
  }

  let lastSize = "";
  function reportSize() {
    const el = document.documentElement;
    // The body's own box: the document's scroll height never shrinks below the frame the host gave it.
    const box = document.body.getBoundingClientRect();
    const width = Math.ceil(Math.max(box.width, document.body.scrollWidth));
    const height = Math.ceil(box.height);
    const key = `${width}x${height}`;
    if (key === lastSize) return;
    lastSize = key;
    notify("ui/notifications/size-changed", { width, height });
  }

  async function connect(name, handlers) {
    for (const [method, handler] of Object.entries(handlers)) on(method, handler);
    if (!document.documentElement.dataset.theme) {
      document.documentElement.dataset.theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    }
    const result = await request("ui/initialize", {
      appInfo: { name, version: "1.0.0" },
      appCapabilities: { availableDisplayModes: ["inline"] },
      protocolVersion: PROTOCOL,
    });
    applyContext(result?.hostContext);
    notify("ui/notifications/initialized", {});
    let queued = false;
    new ResizeObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; reportSize(); });
    }).observe(document.body);
    reportSize();
    return result;
  }

  /** Calls a server tool through the host; throws with the tool's own message when it fails. */
  async function callTool(name, args) {
    const result = await request("tools/call", { name, arguments: args ?? {} });
    if (result?.isError) {
      const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
      throw new Error(text || `${name} failed`);
    }
    return result;
  }

  function structured(result) {
    if (result?.structuredContent) return result.structuredContent;
    const text = (result?.content ?? []).find((c) => c.type === "text")?.text;
    try { return text ? JSON.parse(text) : null; } catch { return null; }
  }

  const sendMessage = (text) => request("ui/message", { role: "user", content: [{ type: "text", text }] });
  const updateModelContext = (text, data) =>
    request("ui/update-model-context", { content: [{ type: "text", text }], structuredContent: data });

  // ---- DOM and rendering helpers -------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k === "html") node.innerHTML = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const svgNs = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const child of children.flat()) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const KEYWORDS = new Set(("def class return if elif else for while in not and or is None True False import from as with try except " +
    "finally raise lambda yield async await pass break continue const let var function new this null undefined true false " +
    "select from where join group by order limit insert update delete create table on").split(" "));

  /** Highlights code with a small tokenizer: strings, comments, numbers and common keywords. Input is plain text. */
  function highlight(code) {
    const re = /("""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(#[^\n]*|\/\/[^\n]*|--[^\n]*)|\b(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\b|([A-Za-z_][A-Za-z0-9_]*)/g;
    let out = "", last = 0, m;
    while ((m = re.exec(code))) {
      out += escape(code.slice(last, m.index));
      if (m[1]) out += `<span class="tok-s">${escape(m[1])}</span>`;
      else if (m[2]) out += `<span class="tok-c">${escape(m[2])}</span>`;
      else if (m[3]) out += `<span class="tok-n">${escape(m[3])}</span>`;
      else out += KEYWORDS.has(m[4]) ? `<span class="tok-k">${m[4]}</span>` : escape(m[4]);
      last = re.lastIndex;
    }
    return out + escape(code.slice(last));
  }

  const SYMBOLS = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", theta: "θ", lambda: "λ", mu: "μ",
    pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", omega: "ω", eta: "η", kappa: "κ", Delta: "Δ",
    Sigma: "Σ", Omega: "Ω", Theta: "Θ", Lambda: "Λ", Phi: "Φ", cdot: "·", times: "×", div: "÷", pm: "±", le: "≤",
    leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠", approx: "≈", sim: "∼", propto: "∝", infty: "∞", sum: "∑",
    prod: "∏", int: "∫", partial: "∂", nabla: "∇", to: "→", rightarrow: "→", leftarrow: "←", Rightarrow: "⇒",
    in: "∈", notin: "∉", subset: "⊂", cup: "∪", cap: "∩", forall: "∀", exists: "∃", ldots: "…", cdots: "⋯",
    dots: "…", top: "⊤", log: "log", exp: "exp", max: "max", min: "min", softmax: "softmax", sqrt: "√",
    quad: " ", qquad: "  ", left: "", right: "", mathrm: "", mathbf: "", mathcal: "", operatorname: "", text: "",
  };

  /** LaTeX shown readably without a math engine: symbols, fractions, roots, sub- and superscripts. Returns HTML. */
  function math(tex) {
    let s = escape(tex.trim());
    const group = String.raw`\{((?:[^{}]|\{[^{}]*\})*)\}`;
    const wrap = (x) => (/^[\w.]+$/.test(x.trim()) ? x.trim() : `(${x.trim()})`);
    for (let i = 0; i < 3; i++) {
      s = s.replace(new RegExp(String.raw`\\frac\s*` + group + String.raw`\s*` + group, "g"), (_, a, b) => `${wrap(a)}/${wrap(b)}`)
        .replace(new RegExp(String.raw`\\sqrt\s*` + group, "g"), "√($1)")
        .replace(new RegExp(String.raw`\\(?:text|mathrm|mathbf|mathcal|operatorname)\s*` + group, "g"), "$1");
    }
    s = s.replace(/\\([A-Za-z]+)/g, (all, name) => (name in SYMBOLS ? SYMBOLS[name] : name))
      .replace(/\\[,;:! ]/g, " ")
      .replace(new RegExp(String.raw`\^` + group, "g"), "<sup>$1</sup>")
      .replace(new RegExp("_" + group, "g"), "<sub>$1</sub>")
      .replace(/\^(&#39;|[^\s{}<&\\])/g, "<sup>$1</sup>")
      .replace(/_([A-Za-z0-9])/g, "<sub>$1</sub>")
      .replace(/[{}]/g, "");
    return s;
  }

  function inline(text) {
    // Code spans and math first, so their content is not read as emphasis.
    const slots = [];
    const keep = (html) => `\u0000${slots.push(html) - 1}\u0000`;
    let s = text
      .replace(/`([^`]+)`/g, (_, c) => keep(`<code>${escape(c)}</code>`))
      .replace(/\$\$([^$]+)\$\$/g, (_, t) => keep(`<span class="math block">${math(t)}</span>`))
      .replace(/(^|[^\\\w$])\$([^$\n]+?)\$(?!\w)/g, (_, pre, t) => pre + keep(`<span class="math">${math(t)}</span>`));
    s = escape(s)
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
      .replace(/(^|[\s(])_([^_\s][^_]*)_(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
      .replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_, id, label) => label ?? id);
    return s.replace(/\u0000(\d+)\u0000/g, (_, i) => slots[+i]);
  }

  /** Small markdown for card text: paragraphs, lists, fenced code, inline code, emphasis and math. Returns safe HTML. */
  function md(text) {
    const lines = String(text ?? "").replace(/\r\n?/g, "\n").split("\n");
    let html = "", para = [], list = null;
    const flush = () => {
      if (para.length) { html += `<p>${inline(para.join(" "))}</p>`; para = []; }
      if (list) { html += `<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`; list = null; }
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const fence = line.match(/^\s*```\s*([\w+-]*)/);
      if (fence) {
        flush();
        const code = [];
        while (++i < lines.length && !/^\s*```/.test(lines[i])) code.push(lines[i]);
        html += `<pre><code>${highlight(code.join("\n"))}</code></pre>`;
        continue;
      }
      const bullet = line.match(/^\s*[-*+]\s+(.*)$/);
      const numbered = line.match(/^\s*\d+[.)]\s+(.*)$/);
      if (bullet || numbered) {
        if (para.length) flush();
        const tag = bullet ? "ul" : "ol";
        if (list && list.tag !== tag) flush();
        list ??= { tag, items: [] };
        list.items.push((bullet ?? numbered)[1]);
        continue;
      }
      if (!line.trim()) { flush(); continue; }
      if (list) flush();
      para.push(line.trim());
    }
    flush();
    return html;
  }

  /** Makes server-rendered note HTML readable and safe to click: code highlighted, math readable, links routed. */
  function enhance(root, onNoteLink) {
    for (const code of root.querySelectorAll("pre code")) code.innerHTML = highlight(code.textContent);
    for (const m of root.querySelectorAll(".math")) {
      const tex = m.textContent.replace(/^\\[([]|\\[)\]]$/g, "");
      m.classList.toggle("block", m.tagName === "DIV");
      m.innerHTML = math(tex);
    }
    for (const a of root.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href");
      if (href.startsWith("#")) continue;
      if (href.startsWith("llmprep://")) {
        a.addEventListener("click", (e) => { e.preventDefault(); onNoteLink?.(href); });
      } else if (/^https?:\/\//i.test(href)) {
        a.addEventListener("click", (e) => { e.preventDefault(); request("ui/open-link", { url: href }).catch(() => {}); });
      } else {
        a.removeAttribute("href");
      }
    }
  }

  function date(value, options) {
    const d = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + "T12:00:00") : new Date(value);
    return d.toLocaleDateString(context.locale || undefined, options ?? { month: "short", day: "numeric" });
  }

  function showError(target, error) {
    target.replaceChildren(el("div", { class: "error", role: "alert", text: error?.message ?? String(error) }));
  }

  return { connect, request, notify, callTool, structured, sendMessage, updateModelContext, el, svg, escape, md, math, highlight, enhance, date, showError, get context() { return context; } };
})();
