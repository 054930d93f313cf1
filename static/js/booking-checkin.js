// Admin "Check in" page: scan the customer's QR code with the camera where the browser
// has a BarcodeDetector (Chrome on Android, Safari 17+), fill in the code and submit.
// Without it the page is a plain form: paste the code or link.
(() => {
  const form = document.getElementById("checkin-form");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  const scanner = form.querySelector("[data-scanner]");
  const video = form.querySelector("[data-scan-video]");
  const status = form.querySelector("[data-scan-status]");
  const field = form.querySelector("textarea[name=code]");
  scanner.hidden = false;
  form.querySelector("[data-scan-start]").addEventListener("click", async () => {
    let stream;
    try {
      const formats = await BarcodeDetector.getSupportedFormats();
      if (!formats.includes("qr_code")) return;
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      status.hidden = false;
      status.textContent = String(error);
      return;
    }
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const stop = () => stream.getTracks().forEach((track) => track.stop());
    const tick = async () => {
      try {
        const codes = await detector.detect(video);
        if (codes.length) {
          stop();
          video.hidden = true;
          field.value = codes[0].rawValue;
          form.requestSubmit();
          return;
        }
      } catch (error) {
        // a frame that is not ready yet: try the next one
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();
