// Small enhancements to the timeline plugin's pages; both pages work without it.

// Choosing an order is a complete request on its own, so spare the reader the Apply button.
for (const select of document.querySelectorAll("select[data-autosubmit]")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}

// The #evidence anchor scrolls the mark to the top edge; centring it shows the sentences
// around it, which are what the reader came to check.
const mark = document.querySelector(".tl-document-text mark");
if (mark) {
  mark.scrollIntoView({ block: "center" });
}
