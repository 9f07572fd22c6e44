import { call, el, refuse } from "/pages/live.js";

const next = new URLSearchParams(location.search).get("next");
// Only a page of this server: never a redirect elsewhere.
const target = next && /^\/[a-z]/.test(next) && !next.startsWith("//") ? next : null;

document.getElementById("signin").addEventListener("submit", async e => {
  e.preventDefault();
  const result = document.getElementById("result");
  try {
    const who = await call("/session", { method: "POST", body: { credential: document.getElementById("credential").value } });
    const page = target ?? (who.role === "operator" ? "/centre" : "/agent");
    result.replaceChildren(el("p", { id: "signed-in" }, `Signed in as ${who.role} ${who.subject}. `, el("a", { href: page }, "Continue")));
    location.href = page;
  } catch (error) {
    refuse(result, error);
  }
});
