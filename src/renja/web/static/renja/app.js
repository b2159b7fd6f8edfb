// Every htmx request's failure, in one place: nothing fails silently.
// 403/409/422 answers carry the page part to show (the form again, with what was typed and
// why it was refused) and are swapped in; a server error or a lost connection leaves the form
// as it is, typed values included, and says so at the form.
(function () {
  "use strict";
  var SHOWN = ["403", "409", "422"];

  function place(elt) {
    return (elt && elt.closest && (elt.closest("form") || elt.closest("tr") ||
            elt.closest("section"))) || document.querySelector("main");
  }

  function say(elt, text) {
    var where = place(elt);
    var box = where.querySelector(":scope > .save-error");
    if (!box) {
      box = document.createElement("div");
      box.className = "error-box save-error";
      box.setAttribute("role", "alert");
      where.insertBefore(box, where.firstChild);
    }
    box.textContent = text;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = String(event.detail.xhr.status);
    if (SHOWN.indexOf(status) >= 0 && event.detail.xhr.responseText) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (SHOWN.indexOf(String(status)) >= 0) { return; }
    say(event.detail.elt, "Tidak tersimpan: terjadi kesalahan di server (kode " + status +
        "). Nilai yang Anda ketik masih ada; coba Simpan lagi sebentar lagi, atau hubungi " +
        "admin pemda bila terus terjadi.");
  });

  document.addEventListener("htmx:sendError", function (event) {
    say(event.detail.elt, "Tidak tersimpan: server tidak dapat dihubungi. Periksa koneksi " +
        "internet Anda; nilai yang Anda ketik masih ada, lalu coba Simpan lagi.");
  });

  document.addEventListener("htmx:timeout", function (event) {
    say(event.detail.elt, "Tidak tersimpan: server terlalu lama menjawab. Nilai yang Anda " +
        "ketik masih ada; coba Simpan lagi.");
  });
})();
