// Booking wizard: let htmx swap the "this time was just taken" (409), the
// "choices not valid" (400) and validation answers into the wizard instead of
// dropping them as errors.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if (status === 400 || status === 409 || status === 422) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
// After a step is swapped in, move focus to its heading for keyboard and screen-reader users.
document.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target && event.detail.target.id === "wizard") {
    const heading = event.detail.target.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: false });
    }
  }
});
