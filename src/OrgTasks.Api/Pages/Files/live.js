// Shared by the pages: the API with the session cookie, problem details as text, and server-sent events read with
// fetch (so a refusal arrives with its status and reason, which EventSource does not expose).

export const api = "/api/v1";

/** The JSON of a GET/POST, or throws an Error whose message is the problem's title and detail, with .status. */
export async function call(path, options = {}) {
  const response = await fetch(api + path, {
    credentials: "same-origin",
    headers: options.body ? { "Content-Type": "application/json" } : {},
    ...options,
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  if (!response.ok) throw await refusal(response);
  // An empty body (204, or an empty list some endpoints answer with no content) is no data.
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function refusal(response) {
  let text = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    text = [problem.title, problem.detail].filter(Boolean).join(": ") || text;
    if (problem.errors) text += " " + Object.entries(problem.errors).map(([field, why]) => `${field} ${why.join(", ")}`).join("; ");
  } catch { /* not JSON: the status says enough */ }
  const error = new Error(text);
  error.status = response.status;
  return error;
}

/** Who is signed in ({subject, role, organization}) or null. */
export async function session() {
  try { return await call("/session"); } catch { return null; }
}

/** Follows server-sent events at path; onEvent(type, data) per event. Resolves when the stream ends; throws a refusal. */
export async function follow(path, onEvent, signal) {
  const response = await fetch(api + path, { credentials: "same-origin", headers: { Accept: "text/event-stream, application/problem+json" }, signal });
  if (!response.ok) throw await refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) onEvent(type, JSON.parse(data.join("\n")));
    }
  }
}

export const number = n => Number(n).toLocaleString("en-US");
export const seconds = s => (s === null || s === undefined) ? "—" : `${Number(s).toFixed(s < 10 ? 2 : 1)} s`;
export const when = t => t ? new Date(t).toLocaleString("en-GB", { hour12: false }) : "—";

/** Builds an element: el("td", {class: "num"}, "12"). Text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined && value !== null) node.setAttribute(name, value);
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** Shows who is signed in in the header, or sends the reader to sign in. */
export async function signedIn(page) {
  const who = await session();
  const slot = document.querySelector(".who");
  if (!who) {
    location.href = "/signin?next=" + encodeURIComponent(page);
    return null;
  }
  slot.replaceChildren(`${who.role} ${who.subject} · `, el("a", { href: "/signin?next=" + encodeURIComponent(page), id: "signout" }, "sign out"));
  document.getElementById("signout").addEventListener("click", async e => {
    e.preventDefault();
    await call("/session", { method: "DELETE" });
    location.href = "/signin?next=" + encodeURIComponent(page);
  });
  return who;
}

export function refuse(where, error) {
  where.replaceChildren(el("div", { class: "refusal", role: "alert" }, error.status === 403 ? "Refused: " : "", error.message));
}
