// kb staff page: copy a citation, and type-ahead over canonical speakers. No framework, no network but this server.
"use strict";
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const status = button.parentElement.querySelector(".copied");
  try {
    await navigator.clipboard.writeText(button.dataset.citation);
    status.textContent = "Citation copied";
  } catch (err) {
    // Without clipboard permission, select the text so the user can copy it by hand.
    window.prompt("Copy the citation:", button.dataset.citation);
  }
});

const speakerInput = document.getElementById("speaker");
const options = document.getElementById("speaker-options");
if (speakerInput && options) {
  let timer = null;
  speakerInput.addEventListener("input", () => {
    clearTimeout(timer);
    const q = speakerInput.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const response = await fetch("/v1/speakers?limit=10&q=" + encodeURIComponent(q));
      if (!response.ok) return;
      const body = await response.json();
      options.replaceChildren(...body.results.flatMap((s) =>
        [s.name, ...s.aliases].map((name) => {
          const option = document.createElement("option");
          option.value = name;  // textContent/value: never parsed as HTML
          option.label = s.name + (s.titles.length ? " — " + s.titles[0] : "");
          return option;
        })));
    }, 150);
  });
}
