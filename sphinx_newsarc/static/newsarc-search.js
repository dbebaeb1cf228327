/* sphinx-newsarc: the search page with Pagefind's UI (newsarc_search = "pagefind").
   Each event is a result of its own, titled with its date and headline; the query
   comes from the themes' search boxes (?q=...). */
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("newsarc-search");
  if (!element || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#newsarc-search",
    showSubResults: false,
    showImages: false,
    // "date: headline" as the title; the date is not repeated below it as a tag
    processResult: (result) => {
      const { date, datetime, ...meta } = result.meta || {};
      if (date) meta.title = `${date}: ${meta.title}`;
      return { ...result, meta };
    },
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
