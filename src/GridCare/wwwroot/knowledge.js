// Knowledge suggestions on the portal's server-rendered report form, and "was this helpful?" votes on portal
// articles. Listeners sit on the document, so they work after Blazor's enhanced navigation swaps the page.
(function () {
  "use strict";
  let timer = null;
  let last = "";

  function render(panel, hits) {
    const list = panel.querySelector("[data-knowledge-list]");
    list.replaceChildren();
    const form = panel.getAttribute("data-form") || "";
    for (const hit of hits) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "portal/knowledge/" + encodeURIComponent(hit.id) + "?form=" + encodeURIComponent(form);
      link.target = "_blank";
      link.textContent = hit.title;
      link.setAttribute("data-testid", "portal-suggestion");
      const snippet = document.createElement("div");
      snippet.className = "portal-muted";
      snippet.textContent = hit.snippet;
      item.append(link, snippet);
      list.append(item);
    }
    panel.hidden = hits.length === 0;
  }

  async function suggest(panel, text) {
    if (text === last) return;
    last = text;
    if (text.trim().length < 2) { render(panel, []); return; }
    const lang = document.documentElement.lang || "zh-CN";
    const response = await fetch("api/v1/portal/knowledge/search?limit=3&lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text.slice(0, 500)));
    if (response.ok && text === last) render(panel, (await response.json()).hits);
  }

  document.addEventListener("input", function (event) {
    const box = event.target;
    const panel = box && box.id === "text" ? document.querySelector("[data-knowledge-suggest]") : null;
    if (!panel) return;
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(panel, box.value); }, 350);
  });

  document.addEventListener("click", async function (event) {
    const button = event.target.closest ? event.target.closest("[data-knowledge-vote]") : null;
    if (!button) return;
    const box = button.closest("[data-knowledge-votes]");
    const response = await fetch("api/v1/portal/knowledge/articles/" + encodeURIComponent(box.getAttribute("data-article")) + "/votes", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ helpful: button.getAttribute("data-knowledge-vote") === "yes" }),
    });
    if (response.ok) box.textContent = box.getAttribute("data-thanks");
  });
})();
