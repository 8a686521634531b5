// Web chat page: sends the question to /chat/stream, shows the answer as it arrives, then its sources.
// The conversation (its id and the messages shown) is kept in sessionStorage, so a reload keeps it.
// The "À venir" panel lists the next events; each event (there and among an answer's sources) links
// to its iCalendar file. `?as_of=AAAA-MM-JJ` in the page address stands for today, as in POST /chat.
"use strict";

const STORE_ID = "ems.conversation_id";
const STORE_HISTORY = "ems.history";
const MAX_CHARS = 2000;
const KIND_LABELS = {
  event: "Événement",
  member: "Membre",
  figure: "Chiffre clé",
  guide: "Guide-formation",
  document: "Document",
  page: "Page",
};
const DATE_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" });
const UPCOMING_COUNT = 4;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_AS_OF = new URLSearchParams(window.location.search).get("as_of");
const AS_OF = PAGE_AS_OF && ISO_DAY.test(PAGE_AS_OF) ? PAGE_AS_OF : null;
// Today in the cluster's time zone, as YYYY-MM-DD (the en-CA format).
const TODAY = AS_OF || new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const sendButton = document.getElementById("send");
const log = document.getElementById("conversation");
const welcome = document.getElementById("welcome");
const statusLine = document.getElementById("status");
const counter = document.getElementById("counter");
const upcomingList = document.getElementById("upcoming-list");

// Ids of the event records: only those have an iCalendar file (a passage about an event has not).
let eventIds = new Set();

let busy = false;

function loadHistory() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE_HISTORY)) || [];
  } catch {
    return [];
  }
}

function saveTurn(turn) {
  const history = loadHistory();
  history.push(turn);
  sessionStorage.setItem(STORE_HISTORY, JSON.stringify(history));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");

function scrollToEnd() {
  window.scrollTo({ top: document.body.scrollHeight, behavior: REDUCED_MOTION.matches ? "auto" : "smooth" });
}

function addMessage(role) {
  welcome.hidden = true;
  const item = element("li", `message ${role}`);
  item.appendChild(element("p", "visually-hidden", role === "user" ? "Vous avez demandé :" : "Réponse de l'assistant :"));
  const bubble = element("div", "bubble");
  item.appendChild(bubble);
  log.appendChild(item);
  return { item, bubble };
}

function formatDate(iso) {
  const parsed = iso ? new Date(`${iso.slice(0, 10)}T12:00:00`) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? DATE_FORMAT.format(parsed) : "";
}

function calendarLink(eventId) {
  const link = element("a", "calendar-link", "Ajouter à mon agenda");
  link.href = `/events/${encodeURIComponent(eventId)}.ics`;
  link.download = `${eventId}.ics`;
  return link;
}

// Sources may be shown before the event ids arrive (a restored conversation): link them once known.
function linkEventSources() {
  for (const entry of document.querySelectorAll(".source[data-event-id]:not(.linked)")) {
    if (!eventIds.has(entry.dataset.eventId)) continue;
    entry.querySelector(".source-head").appendChild(calendarLink(entry.dataset.eventId));
    entry.classList.add("linked");
  }
}

function renderUpcoming(events) {
  const next = events.filter((event) => event.date >= TODAY).slice(0, UPCOMING_COUNT);
  upcomingList.replaceChildren();
  if (next.length === 0) {
    upcomingList.appendChild(element("li", "upcoming-empty", "Aucun événement à venir dans la base."));
  }
  for (const event of next) {
    const entry = element("li", "upcoming-event");
    entry.appendChild(element("span", "upcoming-date", formatDate(event.date)));
    entry.appendChild(element("span", "upcoming-title", event.title));
    entry.appendChild(calendarLink(event.id));
    upcomingList.appendChild(entry);
  }
}

async function loadEvents() {
  try {
    const response = await fetch("/events", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(await errorMessage(response));
    const events = await response.json();
    eventIds = new Set(events.map((event) => event.id));
    renderUpcoming(events);
    linkEventSources();
  } catch {
    upcomingList.replaceChildren(element("li", "upcoming-empty", "Les événements n'ont pas pu être chargés."));
  } finally {
    upcomingList.setAttribute("aria-busy", "false");
  }
}

function renderSources(item, sources) {
  if (!sources || sources.length === 0) return;
  const section = element("section", "sources");
  const heading = element("h3", "sources-title", sources.length > 1 ? `Sources (${sources.length})` : "Source");
  section.appendChild(heading);
  const list = element("ol");
  for (const source of sources) {
    const entry = element("li", "source");
    const head = element("p", "source-head");
    head.appendChild(element("span", "source-kind", KIND_LABELS[source.kind] || source.kind));
    head.appendChild(element("strong", "source-title", source.title));
    const when = formatDate(source.date);
    if (when) head.appendChild(element("span", "source-date", when));
    entry.appendChild(head);
    if (source.excerpt) entry.appendChild(element("p", "source-excerpt", source.excerpt));
    if (source.kind === "event") entry.dataset.eventId = source.id;
    list.appendChild(entry);
  }
  section.appendChild(list);
  item.appendChild(section);
  linkEventSources();
}

function renderAnswer(turn) {
  const { item, bubble } = addMessage("assistant");
  bubble.textContent = turn.text;
  if (turn.abstained) item.classList.add("abstained");
  if (turn.error) item.classList.add("error");
  renderSources(item, turn.sources);
}

// Parses a Server-Sent Events body: calls onEvent(name, data) for each complete event.
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      onEvent(name, JSON.parse(data.join("\n")));
    }
  }
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (typeof body.detail === "string") return body.detail;
  } catch {
    // not JSON: fall through to the generic message
  }
  return `Le serveur a répondu par une erreur (${response.status}). Réessayez dans un instant.`;
}

function setBusy(value) {
  busy = value;
  sendButton.disabled = value;
  log.setAttribute("aria-busy", value ? "true" : "false");
  statusLine.textContent = value ? "L'assistant prépare sa réponse…" : "";
}

async function ask(question) {
  if (busy) return;
  const text = question.trim();
  if (!text) {
    statusLine.textContent = "Écrivez d'abord une question.";
    input.focus();
    return;
  }
  const { bubble: userBubble } = addMessage("user");
  userBubble.textContent = text;
  saveTurn({ role: "user", text });
  input.value = "";
  updateCounter();
  setBusy(true);

  const { item, bubble } = addMessage("assistant");
  bubble.classList.add("pending");
  const turn = { role: "assistant", text: "", sources: [], abstained: false };
  try {
    const response = await fetch("/chat/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ message: text, conversation_id: sessionStorage.getItem(STORE_ID), as_of: AS_OF }),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    await readEvents(response, (name, data) => {
      if (name === "sources") turn.sources = data;
      else if (name === "delta") {
        bubble.classList.remove("pending");
        turn.text += data.text;
        bubble.textContent = turn.text;
        scrollToEnd();
      } else if (name === "done") {
        turn.abstained = data.abstained;
        sessionStorage.setItem(STORE_ID, data.conversation_id);
      }
    });
    if (turn.abstained) item.classList.add("abstained");
    renderSources(item, turn.sources);
  } catch (error) {
    turn.error = true;
    turn.text = error instanceof TypeError
      ? "Impossible de joindre le serveur. Vérifiez votre connexion puis réessayez."
      : error.message;
    item.classList.add("error");
    bubble.setAttribute("role", "alert");
    bubble.textContent = turn.text;
  } finally {
    bubble.classList.remove("pending");
    saveTurn(turn);
    setBusy(false);
    scrollToEnd();
    input.focus();
  }
}

function updateCounter() {
  counter.textContent = `${input.value.length} / ${MAX_CHARS}`;
}

function newConversation() {
  sessionStorage.removeItem(STORE_ID);
  sessionStorage.removeItem(STORE_HISTORY);
  log.replaceChildren();
  welcome.hidden = false;
  statusLine.textContent = "Nouvelle conversation commencée.";
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

input.addEventListener("input", updateCounter);

for (const button of document.querySelectorAll("[data-question]")) {
  button.addEventListener("click", () => ask(button.dataset.question));
}

document.getElementById("new-conversation").addEventListener("click", newConversation);

for (const turn of loadHistory()) {
  if (turn.role === "user") addMessage("user").bubble.textContent = turn.text;
  else renderAnswer(turn);
}
updateCounter();
loadEvents();
