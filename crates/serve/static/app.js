// dyad dashboard: vanilla JS, no dependencies. Every piece of stored text reaches the page
// through text nodes (h() below), never through HTML parsing.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = [
  ["verbal_coop", "q1", "Verbal cooperation"],
  ["material_coop", "q2", "Material cooperation"],
  ["verbal_conflict", "q3", "Verbal conflict"],
  ["material_conflict", "q4", "Material conflict"],
];
const KINDS = ["trigger", "actor", "recipient", "time", "place", "attribution"];

// Element builder: attrs set as attributes (on* names refused), string children as text nodes.
function h(tag, attrs, ...children) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "onclick" || k === "onsubmit" || k === "onkeydown" || k === "oninput" || k === "onfocus") {
      el.addEventListener(k.slice(2), v);
    } else if (k.startsWith("on")) {
      throw new Error("event attribute " + k);
    } else {
      el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, v);
  return u.toString();
}

async function api(path, params) {
  const q = params ? qs(params) : "";
  const res = await fetch("/api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (_) { /* an empty or broken body: handled below */ }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : "request failed (" + res.status + ")";
    throw new Error(msg);
  }
  return body;
}

function fmt(n, digits) {
  if (typeof n !== "number") return "";
  return digits === undefined ? n.toLocaleString("en") : n.toFixed(digits);
}

function errorBox(e) {
  return h("p", { class: "error", role: "alert" }, String(e.message || e));
}

// ---- charts -------------------------------------------------------------------------

// Per period: stacked bars of events by quad class (left axis) and the summed Goldstein
// score as a line (right axis, zero dashed). Periods are one roving tab stop: arrows move,
// Enter or a click selects.
function timelineChart(rows, opts) {
  const W = 1000, H = 330, L = 48, R = 56, T = 28, B = 46;
  const iw = W - L - R, ih = H - T - B;
  const n = Math.max(rows.length, 1);
  const bw = iw / n;
  const maxCount = Math.max(1, ...rows.map(r => r.events));
  const maxG = Math.max(1, ...rows.map(r => Math.abs(r.goldstein)));
  const y = c => T + ih - (c / maxCount) * ih;
  const yg = g => T + ih / 2 - (g / maxG) * (ih / 2);
  const svg = h("svg:svg", {
    class: "chart", viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": opts.label + ": " + rows.length + " periods. Use arrow keys to move between periods, Enter to list their events.",
  });
  svg.appendChild(h("svg:line", { class: "zero", x1: L, x2: W - R, y1: yg(0), y2: yg(0) }));
  for (const t of [0, 0.5, 1]) {
    svg.appendChild(h("svg:text", { x: L - 6, y: y(maxCount * t) + 4, "text-anchor": "end" }, fmt(Math.round(maxCount * t))));
  }
  for (const t of [-1, 0, 1]) {
    svg.appendChild(h("svg:text", { x: W - R + 6, y: yg(maxG * t) + 4 }, fmt(maxG * t, 1)));
  }
  svg.appendChild(h("svg:text", { x: 4, y: 14 }, "events"));
  svg.appendChild(h("svg:text", { x: W - 4, y: 14, "text-anchor": "end" }, "Goldstein"));
  const every = Math.max(1, Math.ceil(n / 12));
  const groups = [];
  rows.forEach((r, i) => {
    const x = L + i * bw;
    const label = `${r.period}: ${r.events} events (${r.verbal_coop} verbal cooperation, ${r.material_coop} material cooperation, ` +
      `${r.verbal_conflict} verbal conflict, ${r.material_conflict} material conflict), Goldstein ${fmt(r.goldstein, 1)}`;
    const g = h("svg:g", { class: "period", tabindex: i === 0 ? 0 : -1, role: "button", "aria-label": label, "data-period": r.period });
    g.appendChild(h("svg:title", {}, label));
    g.appendChild(h("svg:rect", { class: "hit", x, y: T, width: bw, height: ih }));
    let acc = 0;
    for (const [key, cls] of QUADS) {
      const c = r[key];
      if (!c) continue;
      g.appendChild(h("svg:rect", { class: cls, x: x + bw * 0.15, width: Math.max(bw * 0.7, 1), y: y(acc + c), height: y(acc) - y(acc + c) }));
      acc += c;
    }
    if (i % every === 0) {
      g.appendChild(h("svg:text", { x: x + bw / 2, y: H - B + 16, "text-anchor": "middle" }, r.period));
    }
    const select = () => {
      groups.forEach(o => o.classList.remove("selected"));
      g.classList.add("selected");
      opts.onSelect && opts.onSelect(r);
    };
    g.addEventListener("click", select);
    g.addEventListener("keydown", ev => {
      let j = null;
      if (ev.key === "ArrowRight") j = Math.min(i + 1, rows.length - 1);
      else if (ev.key === "ArrowLeft") j = Math.max(i - 1, 0);
      else if (ev.key === "Home") j = 0;
      else if (ev.key === "End") j = rows.length - 1;
      else if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(); return; }
      if (j !== null) {
        ev.preventDefault();
        groups[i].setAttribute("tabindex", -1);
        groups[j].setAttribute("tabindex", 0);
        groups[j].focus();
      }
    });
    groups.push(g);
    svg.appendChild(g);
  });
  if (rows.length) {
    const pts = rows.map((r, i) => `${(L + i * bw + bw / 2).toFixed(1)},${yg(r.goldstein).toFixed(1)}`).join(" ");
    svg.appendChild(h("svg:polyline", { class: "goldstein", points: pts }));
  }
  return svg;
}

function chartLegend() {
  return h("div", { class: "legend", "aria-hidden": "true" },
    QUADS.map(([, cls, name]) => h("span", { class: cls }, name)),
    h("span", { class: "gold" }, "Summed Goldstein (line)"));
}

// First and last day of a period label (2024-03 or 2024-W09).
function periodRange(p) {
  const iso = d => d.toISOString().slice(0, 10);
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const y = +m[1], mo = +m[2];
    return [iso(new Date(Date.UTC(y, mo - 1, 1))), iso(new Date(Date.UTC(y, mo, 0)))];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(p);
  if (m) {
    const y = +m[1], w = +m[2];
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (w - 1) * 7 * 864e5);
    return [iso(monday), iso(new Date(monday.getTime() + 6 * 864e5))];
  }
  return [null, null];
}

// ---- tables -------------------------------------------------------------------------

function docLink(r) {
  return h("a", { href: `#/document/${encodeURIComponent(r.doc_id)}?event=${encodeURIComponent(r.event_id)}` },
    r.title || r.doc_id);
}

function eventsTable(rows, caption) {
  if (!rows.length) return h("p", { class: "muted" }, "No events.");
  return h("table", { class: "events" },
    h("caption", { class: "muted" }, caption || ""),
    h("thead", {}, h("tr", {}, ["Date", "Actor", "Event", "Recipient", "CAMEO", "Goldstein", "Sources", "Document"].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map(r => h("tr", { "data-event-id": r.event_id },
      h("td", {}, r.event_date),
      h("td", {}, r.actor || ""),
      h("td", {}, r.event, r.status !== "asserted" ? h("span", { class: "muted" }, " (" + r.status + ")") : null),
      h("td", {}, r.recipient || ""),
      h("td", {}, r.cameo),
      h("td", { class: "num" }, fmt(r.goldstein, 1)),
      h("td", { class: "num" }, fmt(r.n_sources)),
      h("td", {}, docLink(r), r.source ? h("span", { class: "muted" }, " · " + r.source) : null)))));
}

function pager(page, go) {
  return h("div", { class: "pager" },
    h("button", { type: "button", class: "secondary", disabled: page.offset === 0 ? "disabled" : null,
      onclick: () => go(Math.max(0, page.offset - page.limit)) }, "← Newer"),
    h("span", { class: "muted" }, `rows ${page.offset + 1}–${page.offset + page.count}`),
    h("button", { type: "button", class: "secondary", disabled: page.next_offset == null ? "disabled" : null,
      onclick: () => go(page.next_offset) }, "Older →"));
}

function field(name, label, value, attrs) {
  return h("label", {}, label, h("input", Object.assign({ name, value: value || "" }, attrs || {})));
}

function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

// ---- views --------------------------------------------------------------------------

async function overview(view) {
  const [stats, tl] = await Promise.all([api("stats"), api("timeline", { by: "month" })]);
  view.append(
    h("h1", {}, "Overview"),
    h("div", { class: "cards" },
      [["documents", "Documents"], ["events", "Events"], ["clusters", "Happenings"], ["actors", "Actors"], ["places", "Places"]]
        .map(([k, t]) => h("div", { class: "card" }, h("b", {}, fmt(stats[k])), t)),
      h("div", { class: "card" }, h("b", {}, (stats.first_event || "–") + " … " + (stats.last_event || "–")), "Event dates")),
    h("h2", {}, "Events per month by category"),
    chartLegend(),
    timelineChart(tl.timeline, {
      label: "Events per month",
      onSelect: r => { const [from, to] = periodRange(r.period); location.hash = "#/events?" + qs({ from, to }); },
    }),
    h("h2", {}, "PLOVER categories"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Category"), h("th", { scope: "col" }, "Events"))),
      h("tbody", {}, stats.by_event.map(([e, n]) => h("tr", {},
        h("td", {}, h("a", { href: "#/events?" + qs({ event: e }) }, e)), h("td", { class: "num" }, fmt(n)))))));
}

async function eventsView(view, params) {
  const f = h("form", { class: "filters", role: "search", "aria-label": "Event filters" },
    field("actor", "Actor", params.actor), field("recipient", "Recipient", params.recipient),
    field("event", "Category", params.event, { size: 10 }), field("cameo", "CAMEO", params.cameo, { size: 5, inputmode: "numeric" }),
    field("country", "Country", params.country, { size: 4 }),
    field("from", "From", params.from, { type: "date" }), field("to", "To", params.to, { type: "date" }),
    field("text", "Text", params.text), field("min_sources", "Min. sources", params.min_sources, { type: "number", min: 1, size: 4 }),
    h("button", { type: "submit" }, "Filter"));
  f.addEventListener("submit", ev => { ev.preventDefault(); location.hash = "#/events?" + qs(formValues(f)); });
  view.append(h("h1", {}, "Events"), f);
  const data = await api("events", params);
  view.append(eventsTable(data.events),
    pager({ offset: data.offset, limit: data.limit, count: data.events.length, next_offset: data.next_offset },
      off => { location.hash = "#/events?" + qs(Object.assign({}, params, { offset: off || "" })); }));
}

function actorInput(name, label, value) {
  const list = "actors-" + name;
  const input = h("input", { name, id: "f-" + name, value: value || "", list, required: "required", autocomplete: "off" });
  const dl = h("datalist", { id: list });
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2) return;
      try {
        const r = await api("actors", { q, limit: 10 });
        dl.replaceChildren(...r.actors.map(a => h("option", { value: a.name || a.code || "" })));
      } catch (_) { /* suggestions are optional */ }
    }, 200);
  });
  return h("label", { for: "f-" + name }, label, input, dl);
}

async function dyadView(view, params) {
  const f = h("form", { class: "filters", "aria-label": "Pick two actors" },
    actorInput("a", "Actor A", params.a), actorInput("b", "Actor B", params.b),
    h("label", {}, "Per", h("select", { name: "by" },
      h("option", { value: "month", selected: params.by !== "week" ? "selected" : null }, "month"),
      h("option", { value: "week", selected: params.by === "week" ? "selected" : null }, "week"))),
    h("button", { type: "submit" }, "Show"));
  f.addEventListener("submit", ev => { ev.preventDefault(); location.hash = "#/dyad?" + qs(formValues(f)); });
  view.append(h("h1", {}, params.a && params.b ? `${params.a} ↔ ${params.b}` : "Dyad"), f);
  if (!params.a || !params.b) {
    view.append(h("p", { class: "muted" }, "Pick two actors (a name, an actor code such as USAGOV, or a country code such as USA)."));
    return;
  }
  const data = await api("dyad", { a: params.a, b: params.b, by: params.by || "month", limit: 50 });
  const list = h("section", { id: "dyad-events", "aria-live": "polite" });
  const showAll = () => list.replaceChildren(h("h2", {}, "Latest events"), eventsTable(data.events));
  view.append(
    h("h2", {}, "Cooperation and conflict per " + data.by),
    chartLegend(),
    data.timeline.length ? timelineChart(data.timeline, {
      label: `Events between ${data.a} and ${data.b} per ${data.by}`,
      onSelect: async r => {
        const [from, to] = periodRange(r.period);
        list.replaceChildren(h("p", { class: "muted" }, "Loading " + r.period + "…"));
        try {
          const ev = await api("events", { a: data.a, b: data.b, from, to, limit: 200 });
          list.replaceChildren(h("h2", {}, "Events in " + r.period),
            h("button", { type: "button", class: "secondary", onclick: showAll }, "Show latest instead"),
            eventsTable(ev.events));
        } catch (e) { list.replaceChildren(errorBox(e)); }
      },
    }) : h("p", { class: "muted" }, "No events between these actors."),
    list);
  showAll();
}

async function actorsView(view, params) {
  const f = h("form", { class: "filters", role: "search" }, field("q", "Name or code", params.q), h("button", { type: "submit" }, "Search"));
  f.addEventListener("submit", ev => { ev.preventDefault(); location.hash = "#/actors?" + qs(formValues(f)); });
  view.append(h("h1", {}, "Actors"), f);
  const data = await api("actors", { q: params.q, limit: 100 });
  view.append(h("table", {},
    h("thead", {}, h("tr", {}, ["Name", "Code", "Country", "Sector", "Events"].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, data.actors.map(a => h("tr", {},
      h("td", {}, h("a", { href: "#/actor/" + a.id }, a.name || a.code || "(unnamed)")),
      h("td", {}, a.code || ""), h("td", {}, a.country || ""), h("td", {}, a.sector || ""),
      h("td", { class: "num" }, fmt(a.events)))))));
}

async function actorView(view, id) {
  const data = await api("actors/" + encodeURIComponent(id));
  const me = data.actor;
  const myName = me.name || me.code;
  view.append(h("h1", {}, myName || "(unnamed actor)"),
    h("p", { class: "muted" }, [me.code, me.country, me.sector].filter(Boolean).join(" · "), ` · ${fmt(me.events)} events`),
    h("h2", {}, "Who it interacts with"));
  if (!data.partners.length) { view.append(h("p", { class: "muted" }, "No resolved partners.")); return; }
  const maxN = Math.max(...data.partners.map(p => p.outgoing + p.incoming));
  view.append(h("table", {},
    h("thead", {}, h("tr", {}, ["Partner", "It acts on partner", "Partner acts on it", "Goldstein (sum)", ""].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, data.partners.map(p => {
      const name = p.actor.name || p.actor.code || "";
      const w = Math.round(((p.outgoing + p.incoming) / maxN) * 120);
      return h("tr", {},
        h("td", {}, h("a", { href: "#/actor/" + p.actor.id }, name)),
        h("td", { class: "num" }, fmt(p.outgoing)), h("td", { class: "num" }, fmt(p.incoming)),
        h("td", { class: "num" }, fmt(p.goldstein, 1)),
        h("td", {}, h("svg:svg", { width: 124, height: 10, "aria-hidden": "true" },
          h("svg:rect", { width: w, height: 10, fill: p.goldstein >= 0 ? "#1f6fb8" : "#c8412f" })), " ",
          h("a", { href: "#/dyad?" + qs({ a: myName, b: name }) }, "dyad view")));
    }))));
}

// The text split at every annotation boundary; each piece is a text node, inside a <mark>
// when annotations cover it. Offsets are UTF-16 units, as JavaScript strings count.
function annotatedText(text, anns, focus) {
  const cuts = new Set([0, text.length]);
  for (const a of anns) { cuts.add(a.utf16[0]); cuts.add(a.utf16[1]); }
  const pts = [...cuts].filter(c => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const out = h("div", { class: "doctext", id: "doctext" });
  for (let i = 0; i + 1 < pts.length; i++) {
    const [s, e] = [pts[i], pts[i + 1]];
    const piece = text.slice(s, e);
    const cover = anns.filter(a => a.utf16[0] <= s && a.utf16[1] >= e);
    if (!cover.length) { out.appendChild(document.createTextNode(piece)); continue; }
    const mine = focus ? cover.filter(a => a.event_id === focus) : cover;
    const shown = mine.length ? mine : cover;
    const kind = KINDS.find(k => shown.some(a => a.kind === k)) || "actor";
    const title = shown.map(a => a.kind + (a.label ? ": " + a.label : "")).join("\n");
    out.appendChild(h("mark", { class: kind + (focus && !mine.length ? " dim" : ""), title, "data-kind": kind }, piece));
  }
  return out;
}

async function documentView(view, id, params) {
  const d = await api("documents/" + encodeURIComponent(id));
  const focus = params.event || null;
  view.append(
    h("h1", {}, d.title || d.id),
    h("p", { class: "muted" }, [d.source, d.report_date, d.language].filter(Boolean).join(" · "), " ",
      d.url && /^https?:\/\//.test(d.url) ? h("a", { href: d.url, rel: "noopener noreferrer" }, "original") : null),
    h("div", { class: "legend" }, KINDS.map(k => h("span", { class: k }, k))),
    annotatedText(d.text, d.annotations, focus),
    h("h2", {}, "Events in this document"),
    h("table", {},
      h("thead", {}, h("tr", {}, ["Event", "CAMEO", "Date", "Actor", "Recipient", "Trigger", "Goldstein"].map(t => h("th", { scope: "col" }, t)))),
      h("tbody", {}, d.events.map(e => h("tr", { "data-event-id": e.event_id, class: e.event_id === focus ? "selected" : null },
        h("td", {}, h("a", { href: `#/document/${encodeURIComponent(d.id)}?event=${encodeURIComponent(e.event_id)}`,
          "aria-current": e.event_id === focus ? "true" : null }, e.event)),
        h("td", {}, e.cameo), h("td", {}, e.date), h("td", {}, e.actor.join("; ")),
        h("td", {}, e.recipient.join("; ")), h("td", {}, e.trigger), h("td", { class: "num" }, fmt(e.goldstein, 1)))))));
}

async function searchView(view, params) {
  const f = h("form", { class: "filters", role: "search" },
    field("q", "Full-text expression", params.q, { size: 40 }), h("button", { type: "submit" }, "Search"));
  f.addEventListener("submit", ev => { ev.preventDefault(); location.hash = "#/search?" + qs(formValues(f)); });
  view.append(h("h1", {}, "Search documents"), f);
  if (!params.q) return;
  const data = await api("search", { q: params.q, limit: 50 });
  if (!data.documents.length) { view.append(h("p", { class: "muted" }, "No documents match.")); return; }
  view.append(h("ol", {}, data.documents.map(d => h("li", {},
    h("a", { href: "#/document/" + encodeURIComponent(d.id) }, d.title || d.id),
    h("span", { class: "muted" }, ` · ${d.source || ""} · ${d.report_date} · ${d.events} events`),
    h("div", {}, d.snippet)))));
}

// ---- routing ------------------------------------------------------------------------

async function route(first) {
  const view = document.getElementById("view");
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query] = raw.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll("nav a")) {
    const target = a.getAttribute("href").slice(2);
    if ((parts[0] || "") === target || (parts[0] === "actor" && target === "actors")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  view.removeAttribute("data-ready");
  view.replaceChildren();
  try {
    switch (parts[0] || "") {
      case "": await overview(view); break;
      case "events": await eventsView(view, params); break;
      case "dyad": await dyadView(view, params); break;
      case "actors": await actorsView(view, params); break;
      case "actor": await actorView(view, parts[1] || ""); break;
      case "document": await documentView(view, parts[1] || "", params); break;
      case "search": await searchView(view, params); break;
      default: view.append(h("h1", {}, "Not found"), h("p", {}, "No such view."));
    }
  } catch (e) {
    view.append(errorBox(e));
  }
  const title = view.querySelector("h1");
  document.title = (title ? title.textContent + " – " : "") + "dyad";
  view.setAttribute("data-ready", "1");
  if (!first) view.focus();
}

window.addEventListener("hashchange", () => route(false));
route(true);
