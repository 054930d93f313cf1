// Feedback widget (templates/ops/feedback_widget.html). Works with Alpine's CSP
// build: no inline expressions, only this registered component. Loaded without
// `defer` so it registers before Alpine (deferred) starts.
(function () {
  "use strict";
  document.addEventListener("alpine:init", function () {
    window.Alpine.data("feedbackWidget", function () {
      return {
        open: false,
        get closed() {
          return !this.open;
        },
        toggle() {
          this.open = !this.open;
          if (this.open) {
            this.$nextTick(() => {
              const field = this.$root.querySelector("textarea");
              if (field) field.focus();
            });
          }
        },
        close() {
          this.open = false;
        },
      };
    });
  });

  function viewport() {
    return window.innerWidth + "x" + window.innerHeight;
  }

  function isFeedbackForm(element) {
    return element && element.matches && element.matches("[data-feedback-form]");
  }

  // Attach the screen size to the request (HTMX and plain form posts).
  document.addEventListener("htmx:configRequest", function (event) {
    if (isFeedbackForm(event.detail.elt)) event.detail.parameters.viewport = viewport();
  });
  document.addEventListener("submit", function (event) {
    if (!isFeedbackForm(event.target)) return;
    const field = event.target.querySelector("input[name=viewport]");
    if (field) field.value = viewport();
  });
  // Show a 429 (too many attempts) or server error inside the form.
  document.addEventListener("htmx:responseError", function (event) {
    if (!isFeedbackForm(event.detail.elt)) return;
    const box = event.detail.elt.querySelector("[data-feedback-error]");
    if (box) box.textContent = event.detail.xhr.responseText || event.detail.xhr.statusText;
  });
})();
