// Follows a background job: asks for its status twice a second and moves the progress bar;
// when it ends, shows the download link or why it failed. Without JavaScript the page still
// shows the status as of loading.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("pekerjaan");
  if (!box || box.dataset.finished === "1") { return; }
  var bar = document.getElementById("job-progress");
  var label = document.getElementById("job-label");
  var count = document.getElementById("job-count");
  var step = document.getElementById("job-step");
  var result = document.getElementById("job-result");
  var failures = 0;

  function line(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = text;
    return el;
  }

  function link(cls, text, href) {
    var p = document.createElement("p");
    var a = line("a", cls, text);
    a.href = href;
    p.appendChild(a);
    return p;
  }

  function show(s) {
    bar.value = s.percent;
    bar.textContent = s.percent + "%";
    label.textContent = s.label;
    count.textContent = s.total ? s.done + " dari " + s.total : "";
    step.textContent = s.step;
    if (!s.finished) { return false; }
    result.textContent = "";
    if (s.status === "gagal") {
      result.appendChild(line("div", "error-box", "Gagal: " + s.message));
      return true;
    }
    result.appendChild(line("p", "done-box", s.message));
    if (s.download) { result.appendChild(link("button", "Unduh hasil", s.download)); }
    if (s.link) { result.appendChild(link("", "Lihat hasilnya", s.link)); }
    return true;
  }

  function poll() {
    fetch(box.dataset.statusUrl, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (s) { failures = 0; if (!show(s)) { setTimeout(poll, 500); } })
      .catch(function () {
        failures += 1;
        step.textContent = "Koneksi terputus; mencoba lagi…";
        setTimeout(poll, Math.min(10000, 1000 * failures));
      });
  }
  setTimeout(poll, 300);
});
