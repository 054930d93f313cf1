// Site-wide Alpine components. Loaded before Alpine (both deferred, in order), and
// kept in this file (no inline scripts) so a strict Content-Security-Policy works.
document.addEventListener("alpine:init", () => {
  const LEVEL_CLASSES = {
    info: "bg-white text-stone-800 ring-stone-200",
    success: "bg-emerald-50 text-emerald-950 ring-emerald-200",
    warning: "bg-amber-50 text-amber-950 ring-amber-200",
    error: "bg-red-50 text-red-900 ring-red-200",
  };
  const TOAST_MS = 6000;

  // One toast mechanism: Django messages rendered into #initial-toasts, and
  // HTMX responses with `HX-Trigger: {"toast": {...}}` (core/toasts.py).
  Alpine.data("toastCenter", () => ({
    toasts: [],
    nextId: 1,
    closeLabel: "Close",
    init() {
      this.closeLabel = this.$el.dataset.closeLabel || this.closeLabel;
      const initial = document.getElementById("initial-toasts");
      if (initial) JSON.parse(initial.textContent).forEach((t) => this.show(t));
      document.body.addEventListener("toast", (event) => this.show(event.detail));
    },
    show(detail) {
      if (!detail || !detail.message) return;
      const level = LEVEL_CLASSES[detail.level] ? detail.level : "info";
      const toast = { id: this.nextId++, message: detail.message, level, classes: LEVEL_CLASSES[level] };
      this.toasts.push(toast);
      setTimeout(() => this.close(toast.id), TOAST_MS);
    },
    close(id) {
      this.toasts = this.toasts.filter((t) => t.id !== id);
    },
  }));

  // A dismissed banner stays closed until its text changes (the key includes a hash of it).
  Alpine.data("dismissibleBanner", () => ({
    visible: true,
    init() {
      this.visible = !this.storedKeys().includes(this.$root.dataset.dismissKey);
    },
    storedKeys() {
      try {
        return JSON.parse(localStorage.getItem("dismissedBanners") || "[]");
      } catch (e) {
        return [];
      }
    },
    dismiss() {
      const key = this.$root.dataset.dismissKey;
      const keys = this.storedKeys().filter((k) => !k.startsWith(key.split(":")[0] + ":"));
      keys.push(key);
      try {
        localStorage.setItem("dismissedBanners", JSON.stringify(keys.slice(-50)));
      } catch (e) {
        /* private mode: closes for this page view only */
      }
      this.visible = false;
    },
  }));
});

// "Print" buttons (e.g. the order confirmation): no inline onclick under the CSP.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
