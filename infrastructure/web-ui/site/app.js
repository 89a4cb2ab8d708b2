// NPS web-ui: asks the api (same origin, /api/...) for its health, a reading of a moment and a name reading, and
// shows them as cards. Written for a strict Content-Security-Policy: no inline code or style, no eval, and the DOM
// is built with createElement/textContent only, so nothing the api or the user sends is ever parsed as HTML.
//
// Hooks for tests: #health[data-state="checking"|"ok"|"down"] (with data-api and data-oracle); #reading and
// #name-reading[data-state="loading"|"ok"|"error"], each value in an element [data-field="<JSON key>"] inside a
// card [data-card="fc60"|"numerology"|"zodiac"|"chinese"|"summary"|"name"]; an error in .error-box[data-error=kind]
// with its text in [data-field="error"]; body[data-loaded="true"] once no request is pending.
"use strict";

(function () {
  const UNREACHABLE = "The api is not reachable right now; try again in a moment.";
  const ORACLE_DOWN = "The Oracle is not available right now; try again in a moment.";
  const ORACLE_BUSY = "The Oracle is busy right now; try again in a moment.";
  const UNREADABLE = "The api sent an answer this page cannot read; try again in a moment.";
  const HEALTH_TIMEOUT_MS = 5000;
  // The api gives an Oracle call 15 s and nginx waits as long; a little more here so their answer arrives first.
  const READING_TIMEOUT_MS = 20000;
  const DEFAULT_NAME = "Ada Lovelace";
  // FC60's element order (WU FI ER MT WA); any other key follows, sorted.
  const ELEMENT_ORDER = ["Wood", "Fire", "Earth", "Metal", "Water"];
  const ELEMENT_CLASS = { Wood: "el-wood", Fire: "el-fire", Earth: "el-earth", Metal: "el-metal", Water: "el-water" };
  const ORACLE_STATES = {
    SERVING: "serving",
    NOT_SERVING: "not serving",
    UNREACHABLE: "unreachable",
    SERVICE_UNKNOWN: "unknown",
    UNKNOWN: "unknown",
  };

  /** `table[key]` for the table's own keys only, so a value like "constructor" finds nothing. */
  function lookup(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  }

  // ---- DOM helpers -------------------------------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes, null and false are skipped. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      const name = key.toLowerCase();
      if (name.startsWith("on") || name === "style" || name === "href" || name === "src") {
        throw new Error("el(): refusing attribute " + key);
      }
      node.setAttribute(key === "className" ? "class" : key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }

  function replaceChildren(node, ...children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    append(node, children);
  }

  // ---- values as the api sends them (proto JSON leaves out zeros and empty strings) --------------------------

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function obj(value) {
    return isObject(value) ? value : {};
  }

  function num(value) {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && Number.isFinite(number) ? number : 0;
  }

  function str(value) {
    return typeof value === "string" ? value : "";
  }

  function formatInt(value) {
    return String(Math.trunc(num(value)));
  }

  function formatFixed(value, digits) {
    return num(value).toFixed(digits);
  }

  function textOrDash(value) {
    const text = str(value);
    return text === "" ? "—" : text;
  }

  // ---- talking to the api ------------------------------------------------------------------------------------

  /**
   * GETs `url` and reads its JSON. Resolves (never rejects) with {ok, status, body, error}; `error` is
   * {kind, message, detail, field} with kind "unreachable", "oracle", "request", "server" or "unreadable".
   */
  async function getJSON(url, timeoutMs, controller) {
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    let text;
    try {
      response = await fetch(url, {
        headers: { Accept: "application/json" },
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      });
      text = await response.text();
    } catch (_) {
      return { ok: false, status: 0, body: null, error: { kind: "unreachable", message: UNREACHABLE } };
    } finally {
      clearTimeout(timer);
    }
    let body = null;
    const type = response.headers.get("content-type") || "";
    if (/json/i.test(type) || /^\s*\{/.test(text)) {
      try {
        body = JSON.parse(text);
      } catch (_) {
        body = null;
      }
    }
    const status = response.status;
    if (response.ok) {
      if (isObject(body)) return { ok: true, status, body, error: null };
      return { ok: false, status, body: null, error: { kind: "unreadable", message: UNREADABLE } };
    }
    const said = isObject(body) && typeof body.error === "string" && body.error.trim() !== "" ? body.error : null;
    const field = isObject(body) && typeof body.field === "string" ? body.field : null;
    let error;
    if (status === 502 || status === 503 || status === 504) {
      if (said === null) {
        // nginx's own error page, or anything else that is not the api's JSON: the api is not there.
        error = { kind: "unreachable", message: UNREACHABLE };
      } else if (status === 503) {
        error = { kind: "oracle", message: /^oracle busy/i.test(said) ? ORACLE_BUSY : ORACLE_DOWN, detail: said };
      } else {
        error = { kind: "unreachable", message: UNREACHABLE, detail: /not reachable/i.test(said) ? null : said };
      }
    } else if (said !== null) {
      error = { kind: status < 500 ? "request" : "server", message: said, field };
    } else {
      error = { kind: "server", message: "The api answered with an error (HTTP " + status + "); try again in a moment." };
    }
    return { ok: false, status, body, error };
  }

  // ---- pending requests and body[data-loaded] ----------------------------------------------------------------

  let pending = 0;

  function started() {
    pending += 1;
    document.body.setAttribute("data-loaded", "false");
  }

  function settled() {
    pending = Math.max(0, pending - 1);
    if (pending === 0) document.body.setAttribute("data-loaded", "true");
  }

  /** One result area: a new request aborts the previous one and only the latest answer is shown. */
  function channel() {
    let current = null;
    return {
      begin() {
        if (current) current.abort();
        current = new AbortController();
        return current;
      },
      isCurrent(controller) {
        return controller === current;
      },
    };
  }

  // ---- health ------------------------------------------------------------------------------------------------

  const healthChannel = channel();

  async function checkHealth() {
    const target = document.getElementById("health");
    const controller = healthChannel.begin();
    started();
    try {
      target.setAttribute("data-state", "checking");
      target.removeAttribute("title");
      replaceChildren(target, el("span", { className: "dot", "aria-hidden": "true" }), "Checking the api…");
      const result = await getJSON("/api/health", HEALTH_TIMEOUT_MS, controller);
      if (!healthChannel.isCurrent(controller)) return;
      const body = obj(result.body);
      const apiAnswered = result.ok || (isObject(result.body) && typeof body.status === "string");
      const oracle = apiAnswered ? str(body.oracle) || "UNKNOWN" : "unknown";
      const healthy = result.ok && body.status === "healthy";
      target.setAttribute("data-state", healthy ? "ok" : "down");
      target.setAttribute("data-api", apiAnswered ? "up" : "down");
      target.setAttribute("data-oracle", oracle);
      if (str(body.reason)) target.setAttribute("title", str(body.reason));
      const oracleText = apiAnswered ? lookup(ORACLE_STATES, oracle) || oracle.toLowerCase() : "state unknown";
      replaceChildren(
        target,
        el("span", { className: "dot", "aria-hidden": "true" }),
        "API ",
        el("strong", { "data-field": "api", className: apiAnswered ? "good" : "bad" }, apiAnswered ? "up" : "not reachable"),
        el("span", { className: "sep", "aria-hidden": "true" }, " · "),
        "Oracle ",
        el("strong", { "data-field": "oracle", className: oracle === "SERVING" ? "good" : "bad" }, oracleText)
      );
    } finally {
      settled();
    }
  }

  // ---- shared pieces of the result cards ---------------------------------------------------------------------

  function card(name, title, ...children) {
    return el("article", { className: "card card-" + name, "data-card": name }, el("h3", null, title), children);
  }

  /** A grid of big numbers with small labels: items are [field, label, value, rawValue]. */
  function numberGrid(items) {
    return el(
      "dl",
      { className: "numbers" },
      items.map(([field, label, text, raw]) =>
        el("div", { className: "number" }, el("dt", null, label), el("dd", { "data-field": field, "data-value": raw }, text))
      )
    );
  }

  /** Label/value rows for words: items are [field, label, value]. */
  function factList(items) {
    return el(
      "dl",
      { className: "facts" },
      items.map(([field, label, value]) =>
        el("div", { className: "fact" }, el("dt", null, label), el("dd", { "data-field": field }, textOrDash(value)))
      )
    );
  }

  function elementChip(name) {
    return el("span", { className: "chip " + (lookup(ELEMENT_CLASS, name) || "el-other") }, textOrDash(name));
  }

  function errorBox(error, status) {
    return el(
      "div",
      { className: "error-box", role: "alert", "data-error": error.kind, "data-status": status || "0" },
      el("p", { className: "error-message", "data-field": "error" }, error.message),
      error.detail ? el("p", { className: "error-detail", "data-field": "error_detail" }, error.detail) : null
    );
  }

  /** Runs one reading request into `target` and renders it with `render`, or its error. */
  async function load(target, chan, url, input, render) {
    const controller = chan.begin();
    started();
    try {
      target.setAttribute("data-state", "loading");
      target.setAttribute("aria-busy", "true");
      input.removeAttribute("aria-invalid");
      if (!target.firstChild) replaceChildren(target, el("p", { className: "placeholder" }, "Asking the Oracle…"));
      const result = await getJSON(url, READING_TIMEOUT_MS, controller);
      if (!chan.isCurrent(controller)) return;
      if (result.ok) {
        let content;
        try {
          content = render(result.body);
        } catch (_) {
          content = null;
        }
        if (content) {
          target.setAttribute("data-state", "ok");
          replaceChildren(target, content);
          return;
        }
        result.error = { kind: "unreadable", message: UNREADABLE };
      }
      if (result.error.field && result.error.field === input.name) input.setAttribute("aria-invalid", "true");
      target.setAttribute("data-state", "error");
      replaceChildren(target, errorBox(result.error, result.status));
    } finally {
      if (chan.isCurrent(controller)) target.removeAttribute("aria-busy");
      settled();
    }
  }

  // ---- reading of a moment -----------------------------------------------------------------------------------

  function generatedAt(value) {
    const seconds = num(value);
    if (seconds <= 0) return null;
    const date = new Date(seconds * 1000);
    const shown = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
    return el(
      "p",
      { className: "meta" },
      "Generated ",
      el("time", { datetime: date.toISOString(), "data-field": "generated_at", "data-value": String(seconds) }, shown)
    );
  }

  function balanceBars(balance) {
    const keys = Object.keys(balance).filter((key) => typeof balance[key] === "number" || typeof balance[key] === "string");
    keys.sort((a, b) => {
      const ia = ELEMENT_ORDER.indexOf(a);
      const ib = ELEMENT_ORDER.indexOf(b);
      if (ia !== ib) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
      return a < b ? -1 : a > b ? 1 : 0;
    });
    if (keys.length === 0) return el("p", { className: "muted", "data-field": "element_balance" }, "No element balance.");
    const max = Math.max(1, ...keys.map((key) => num(balance[key])));
    return el(
      "ul",
      { className: "bars", "data-field": "element_balance" },
      keys.map((key) => {
        const value = num(balance[key]);
        return el(
          "li",
          { "data-element": key, "data-value": String(value) },
          el("span", { className: "bar-label" }, key),
          el("meter", { min: "0", max: String(max), value: String(value), "aria-label": key + " share" }),
          el("span", { className: "bar-value" }, formatFixed(value, 2))
        );
      })
    );
  }

  function renderReading(body) {
    const fc60 = obj(body.fc60);
    const numerology = obj(body.numerology);
    const zodiac = obj(body.zodiac);
    const chinese = obj(body.chinese);
    const energy = num(fc60.energy_level);

    const summary = el(
      "article",
      { className: "card card-summary", "data-card": "summary" },
      el("h3", null, "Summary"),
      el("p", { className: "summary", "data-field": "summary" }, textOrDash(body.summary)),
      generatedAt(body.generated_at)
    );

    const fc60Card = card(
      "fc60",
      "FC60",
      numberGrid([
        ["cycle", "Cycle", formatInt(fc60.cycle), formatInt(fc60.cycle)],
        ["year_number", "Year", formatInt(fc60.year_number), formatInt(fc60.year_number)],
        ["month_number", "Month", formatInt(fc60.month_number), formatInt(fc60.month_number)],
        ["day_number", "Day", formatInt(fc60.day_number), formatInt(fc60.day_number)],
      ]),
      factList([
        ["element", "Element", fc60.element],
        ["polarity", "Polarity", fc60.polarity],
        ["stem", "Stem", fc60.stem],
        ["branch", "Branch", fc60.branch],
      ]),
      el(
        "div",
        { className: "energy" },
        el("span", { className: "bar-label" }, "Energy"),
        el("meter", { min: "0", max: "1", low: "0.25", high: "0.75", optimum: "1", value: String(energy), "aria-label": "Energy level" }),
        el("span", { className: "bar-value", "data-field": "energy_level", "data-value": String(energy) }, formatFixed(energy, 2))
      ),
      el("h4", null, "Element balance"),
      balanceBars(obj(fc60.element_balance))
    );

    const numerologyCard = card(
      "numerology",
      "Numerology",
      numberGrid([
        ["life_path", "Life path", formatInt(numerology.life_path), formatInt(numerology.life_path)],
        ["day_vibration", "Day vibration", formatInt(numerology.day_vibration), formatInt(numerology.day_vibration)],
        ["personal_year", "Personal year", formatInt(numerology.personal_year), formatInt(numerology.personal_year)],
        ["personal_month", "Personal month", formatInt(numerology.personal_month), formatInt(numerology.personal_month)],
        ["personal_day", "Personal day", formatInt(numerology.personal_day), formatInt(numerology.personal_day)],
      ]),
      el("p", { className: "interpretation", "data-field": "interpretation" }, textOrDash(numerology.interpretation))
    );

    const zodiacCard = card(
      "zodiac",
      "Zodiac",
      factList([
        ["sign", "Sign", zodiac.sign],
        ["element", "Element", zodiac.element],
        ["ruling_planet", "Ruling planet", zodiac.ruling_planet],
      ])
    );

    const chineseCard = card(
      "chinese",
      "Chinese calendar",
      factList([
        ["animal", "Animal", chinese.animal],
        ["element", "Element", chinese.element],
        ["yin_yang", "Yin / yang", chinese.yin_yang],
      ])
    );

    return el("div", { className: "cards" }, summary, fc60Card, numerologyCard, zodiacCard, chineseCard);
  }

  // ---- name reading ------------------------------------------------------------------------------------------

  function letterTable(letters) {
    const rows = letters.filter(isObject);
    if (rows.length === 0) {
      return el("p", { className: "muted", "data-field": "letters", "data-count": "0" }, "No letters A–Z in this name.");
    }
    return el(
      "div",
      { className: "table-scroll", role: "region", "aria-label": "Letters", tabindex: "0" },
      el(
        "table",
        { className: "letters", "data-field": "letters", "data-count": String(rows.length) },
        el("caption", { className: "visually-hidden" }, "Each letter with its value and element"),
        el(
          "tbody",
          null,
          el("tr", { "data-row": "letter" }, el("th", { scope: "row" }, "Letter"), rows.map((r) => el("td", null, textOrDash(r.letter)))),
          el("tr", { "data-row": "value" }, el("th", { scope: "row" }, "Value"), rows.map((r) => el("td", null, formatInt(r.value)))),
          el("tr", { "data-row": "element" }, el("th", { scope: "row" }, "Element"), rows.map((r) => el("td", null, elementChip(str(r.element)))))
        )
      )
    );
  }

  function renderName(body) {
    return el(
      "div",
      { className: "cards" },
      el(
        "article",
        { className: "card card-name", "data-card": "name" },
        el("h3", null, el("span", { className: "muted" }, "Name: "), el("span", { "data-field": "name" }, textOrDash(body.name))),
        numberGrid([
          ["destiny_number", "Destiny", formatInt(body.destiny_number), formatInt(body.destiny_number)],
          ["soul_urge", "Soul urge", formatInt(body.soul_urge), formatInt(body.soul_urge)],
          ["personality", "Personality", formatInt(body.personality), formatInt(body.personality)],
        ]),
        el("p", { className: "interpretation", "data-field": "interpretation" }, textOrDash(body.interpretation)),
        el("h4", null, "Letters"),
        letterTable(Array.isArray(body.letters) ? body.letters : [])
      )
    );
  }

  // ---- wiring ------------------------------------------------------------------------------------------------

  const readingChannel = channel();
  const nameChannel = channel();

  function readMoment() {
    const input = document.getElementById("datetime");
    const url = "/api/oracle/reading?datetime=" + encodeURIComponent(input.value.trim());
    return load(document.getElementById("reading"), readingChannel, url, input, renderReading);
  }

  function readName() {
    const input = document.getElementById("name");
    // encodeURIComponent, not URLSearchParams: the api reads "+" as a plus sign, not a space.
    const url = "/api/oracle/name?name=" + encodeURIComponent(input.value.trim());
    return load(document.getElementById("name-reading"), nameChannel, url, input, renderName);
  }

  /** Keeps the page's own address in step with the forms, so a reading can be shared or reloaded. */
  function rememberQuery() {
    if (!window.history || !window.history.replaceState) return;
    const params = new URLSearchParams();
    const datetime = document.getElementById("datetime").value.trim();
    if (datetime) params.set("datetime", datetime);
    params.set("name", document.getElementById("name").value.trim());
    window.history.replaceState(null, "", "?" + params.toString());
  }

  function start() {
    const query = new URLSearchParams(window.location.search);
    if (query.has("datetime")) document.getElementById("datetime").value = query.get("datetime");
    document.getElementById("name").value = query.has("name") ? query.get("name") : DEFAULT_NAME;

    document.getElementById("reading-form").addEventListener("submit", (event) => {
      event.preventDefault();
      rememberQuery();
      readMoment();
    });
    document.getElementById("name-form").addEventListener("submit", (event) => {
      event.preventDefault();
      rememberQuery();
      readName();
    });
    document.getElementById("health-recheck").addEventListener("click", () => {
      checkHealth();
    });

    // Counted before any request starts, so data-loaded cannot turn "true" between them.
    started();
    checkHealth();
    readMoment();
    readName();
    settled();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
