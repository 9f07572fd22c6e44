import { call, follow, signedIn, refuse, el, number, seconds, when } from "/pages/live.js";

const params = new URLSearchParams(location.search);
const committee = params.get("committee") ?? "";
const leaflet = params.get("leaflet") ?? "";
document.getElementById("committee").value = committee;
document.getElementById("leaflet").value = leaflet;

// Coverage as a colour: red (nothing) through amber to green (every home).
function shade(reached, total) {
  const share = total > 0 ? reached / total : 1;
  return `hsl(${Math.round(share * 120)} 65% ${share >= 1 ? 82 : 88}%)`;
}

function area(a, name) {
  return el("div", { class: "area", "data-unit": a.unit, style: `background:${shade(a.homesReached, a.homesTotal)}`, title: `${a.unit}, contact ${a.contact}` },
    el("span", { class: "name" }, name),
    el("span", { class: "count" }, `${number(a.homesReached)} / ${number(a.homesTotal)}`));
}

// A unit's own name: the last part of its id (the tree shows the rest).
const short = id => id.slice(id.lastIndexOf("/") + 1) || id;

function draw(status, finished) {
  document.getElementById("mobilization").hidden = false;
  document.getElementById("title").textContent = `${status.title} (${status.leafletId})`;
  document.getElementById("total").textContent = `${number(status.homesReached)} / ${number(status.homesTotal)} homes`;
  const state = document.getElementById("state");
  state.className = "state " + (finished ?? "");
  state.textContent = finished === "complete" ? "complete" : finished === "closed" ? `closed: ${status.closed.reason}` : status.deadlinePassed ? "deadline passed" : "delivering";
  for (const [id, value] of [["t50", status.secondsTo50], ["t90", status.secondsTo90], ["t99", status.secondsTo99], ["t100", status.secondsTo100]])
    document.getElementById(id).textContent = seconds(value);
  document.getElementById("units").textContent = `${number(status.unitsComplete)} / ${number(status.unitsTotal)}`;

  // The tree: each district with the factories in it.
  const factories = new Map();
  for (const f of status.factories) {
    if (!factories.has(f.district)) factories.set(f.district, []);
    factories.get(f.district).push(f);
  }
  document.getElementById("tree").replaceChildren(...status.districts.map(d =>
    el("li", {}, area(d, short(d.unit)), el("ul", {}, (factories.get(d.unit) ?? []).map(f => el("li", {}, area(f, short(f.unit))))))));
  document.getElementById("stragglers").replaceChildren(...status.stragglers.slice(0, 50).map(s =>
    el("tr", {}, el("td", {}, s.unit), el("td", {}, s.kind), el("td", {}, s.contact), el("td", { class: "num" }, number(s.homesTotal)), el("td", {}, s.reason ?? "late"))));
}

async function watchLeaflet() {
  try {
    await follow(`/leaflets/${encodeURIComponent(leaflet)}/events`, (type, status) =>
      draw(status, type === "complete" || type === "closed" ? type : null));
  } catch (error) {
    refuse(document.getElementById("refused"), error);
  }
}

function entry(e) {
  return el("tr", { "data-statement": e.statement.id }, el("td", {}, el("code", {}, e.statement.id)), el("td", {}, e.statement.kind),
    el("td", {}, e.from), el("td", {}, when(e.arrivedAt)), el("td", {}, e.statement.text));
}

async function watchInbox() {
  const rows = document.getElementById("entries");
  try {
    await follow(`/units/${encodeURIComponent(committee)}/inbox/events`, (type, data) => {
      if (type === "inbox") rows.replaceChildren(...data.map(entry));
      else if (type === "statement") rows.prepend(entry(data));
    });
  } catch (error) {
    refuse(document.getElementById("inbox"), error);
  }
}

async function section(id, path, render) {
  const where = document.getElementById(id);
  try {
    render(where, await call(path));
  } catch (error) {
    refuse(where, error);
  }
}

function table(headings, rows) {
  return rows.length === 0 ? el("p", { class: "note" }, "none")
    : el("table", {}, el("thead", {}, el("tr", {}, headings.map(h => el("th", {}, h)))), el("tbody", {}, rows.map(r => el("tr", {}, r.map(c => el("td", {}, c))))));
}

async function overview() {
  await section("breaches", "/breaches", (where, breaches) => where.replaceChildren(
    table(["Statement", "Held by", "At", "Contact", "Since"], (breaches ?? []).map(b => [el("a", { href: `/agent?statement=${encodeURIComponent(b.statementId)}` }, b.statementId), b.holder, b.unit, b.contact, when(b.heldSince)]))));
  if (!committee) return;
  const unit = encodeURIComponent(committee);
  await section("overdue", `/reports?unit=${unit}`, (where, views) => where.replaceChildren(
    table(["Group", "Kind", "Contact", "Due by"], (views ?? []).flatMap(v => v.groups.filter(g => g.overdue).map(g => [g.unit, g.kind, g.contact, when(g.dueBy)])))));
  await section("alarm", `/routine?unit=${unit}`, (where, views) => where.replaceChildren(
    table(["Area idle", "Kind", "Contact", "Last distribution"], (views ?? []).flatMap(v => v.idle.map(i => [i.unit, i.kind, i.contact, when(i.lastDistribution)])))));
  await section("lifeview", `/life?unit=${unit}`, (where, [life]) => where.replaceChildren(
    table(["", "Agents or groups"], [
      ["Arrested", life.arrested.join(", ") || "none"],
      ["Under a warning", life.suspended.join(", ") || "none"],
      ["Cut off", life.cutOff.join(", ") || "none"],
      ["Re-established", life.reestablished.join(", ") || "none"],
    ])));
}

// The committee's notices (arrests, groups cut off, warnings, re-establishments) come live; each one refreshes the
// overview, so the organization's life on the page follows events rather than a timer.
async function watchNotices() {
  const list = document.getElementById("notices");
  const show = notices => list.prepend(...notices.map(n => el("li", {}, `${when(n.at)} · ${n.kind}: ${n.text}`)));
  try {
    await follow(`/notices/events?unit=${encodeURIComponent(committee)}`, (type, data) => {
      if (type === "notices") show([...data].reverse());
      else if (type === "notice") {
        show([data]);
        overview();
      }
    });
  } catch (error) {
    refuse(list, error);
  }
}

const who = await signedIn(location.pathname + location.search);
if (who) {
  if (leaflet) watchLeaflet();
  if (committee) {
    watchInbox();
    watchNotices();
  }
  overview();
}
