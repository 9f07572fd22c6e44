import { call, signedIn, refuse, el, number, when } from "/pages/live.js";

async function showMe(me) {
  const where = document.getElementById("route");
  try {
    const config = await call(`/agents/${encodeURIComponent(me)}/config`);
    where.replaceChildren(el("table", {}, el("tbody", {},
      el("tr", {}, el("th", {}, "My group"), el("td", { id: "home-unit" }, config.homeUnit.id)),
      el("tr", {}, el("th", {}, "Groups I belong to"), el("td", {}, config.units.map(u => u.id).join(", "))),
      el("tr", {}, el("th", {}, "Contact for"), el("td", {}, config.contactFor.map(u => u.id).join(", ") || "none")),
      el("tr", {}, el("th", {}, "Homes on my route"), el("td", { id: "homes" }, number(config.route.homeCount))))));
    const to = document.getElementById("to");
    to.replaceChildren(...config.addressees.map(a => el("option", { value: a }, a.replace(/-/g, " "))));
  } catch (error) {
    refuse(where, error);
  }
}

async function showLeaflets(me) {
  const where = document.getElementById("leaflets");
  try {
    const leaflets = await call(`/agents/${encodeURIComponent(me)}/leaflets`);
    where.replaceChildren(leaflets.length === 0 ? el("p", { class: "note" }, "nothing to deliver now")
      : el("table", {}, el("thead", {}, el("tr", {}, ["Leaflet", "From my group", "Homes reached", "Deadline"].map(h => el("th", {}, h)))),
        el("tbody", {}, leaflets.map(l => el("tr", {},
          el("td", {}, el("strong", {}, l.title), el("div", {}, l.text)),
          el("td", {}, l.unit),
          el("td", { class: "num" }, `${number(l.homesReached)} / ${number(l.homesOnRoute)}`),
          el("td", {}, when(l.deadline)))))));
  } catch (error) {
    refuse(where, error);
  }
}

function drawRoute(route) {
  document.getElementById("hops").replaceChildren(...route.hops.map(h =>
    el("li", { class: (h.role === "inbox" ? "inbox " : "") + (h.holder === route.where ? "here" : ""), "data-holder": h.holder },
      `${h.holder} (${h.role})`)));
  const where = document.getElementById("where");
  where.textContent = route.delivered ? `arrived at ${route.where}` : route.breach ? `held at ${route.breach.unit}: breach by ${route.breach.contact}`
    : `now at ${route.where ?? "—"}`;
  where.dataset.delivered = route.delivered ? "yes" : "no";
}

// Follows one statement up until it arrives: its route is read again every half second, for at most two minutes.
async function watchStatement(id) {
  for (let i = 0; i < 240; i++) {
    try {
      const route = await call(`/statements/${encodeURIComponent(id)}`);
      drawRoute(route);
      if (route.delivered) return;
    } catch (error) {
      refuse(document.getElementById("sent"), error);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

document.getElementById("send").addEventListener("submit", async e => {
  e.preventDefault();
  const sent = document.getElementById("sent");
  try {
    const created = await call("/statements", { method: "POST", body: {
      to: document.getElementById("to").value, kind: document.getElementById("kind").value, text: document.getElementById("text").value } });
    sent.replaceChildren(el("p", {}, "Sent: ", el("code", { id: "statement-id" }, created.id)));
    history.replaceState(null, "", `/agent?statement=${encodeURIComponent(created.id)}`);
    await watchStatement(created.id);
  } catch (error) {
    refuse(sent, error);
  }
});

const who = await signedIn(location.pathname + location.search);
if (who) {
  if (who.role !== "agent") {
    document.getElementById("refused").replaceChildren(el("div", { class: "refusal", role: "alert" },
      "This page is an agent's own: sign in with an agent's credential. (An operator acts through the centre.)"));
  } else {
    showMe(who.subject);
    showLeaflets(who.subject);
    const statement = new URLSearchParams(location.search).get("statement");
    if (statement) watchStatement(statement);
  }
}
