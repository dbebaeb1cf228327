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
    processResult: (result) => {
      if (result.meta && result.meta.date) {
        result.meta.title = `${result.meta.date}: ${result.meta.title}`;
      }
      return result;
    },
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
