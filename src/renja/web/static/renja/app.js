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
    if (status === 503 || status === 429) {
      var wait = event.detail.xhr.getResponseHeader("Retry-After") || "beberapa";
      say(event.detail.elt, "Tidak tersimpan: server sedang sibuk melayani banyak pengguna. " +
          "Nilai yang Anda ketik masih ada; coba Simpan lagi dalam " + wait + " detik.");
      return;
    }
    say(event.detail.elt, "Tidak tersimpan: terjadi kesalahan di server (kode " + status +
        "). Nilai yang Anda ketik masih ada; coba Simpan lagi sebentar lagi, atau hubungi " +
        "admin pemda bila terus terjadi.");
  });

  document.addEventListener("htmx:sendError", function (event) {
    say(event.detail.elt, "Tidak tersimpan: server tidak dapat dihubungi. Periksa koneksi " +
        "internet Anda; nilai yang Anda ketik masih ada, lalu coba Simpan lagi.");
  });

  // After a save: the page stays at the row, which is briefly highlighted, and says so. A save
  // answered with the changed rows only leaves the other rows and open forms in place: they
  // show the version just saved, so they send it.
  document.addEventListener("renja:saved", function (event) {
    if (event.detail.version) {
      document.querySelectorAll("#editor input[name=version]").forEach(function (input) {
        input.value = String(event.detail.version);
      });
    }
    var row = document.getElementById(event.detail.row);
    if (row) {
      row.scrollIntoView({block: "center"});
      row.classList.add("just-saved");
      window.setTimeout(function () { row.classList.remove("just-saved"); }, 2500);
    }
    var note = document.getElementById("save-status");
    if (!note) {
      note = document.createElement("div");
      note.id = "save-status";
      note.setAttribute("role", "status");
      document.body.appendChild(note);
    }
    note.textContent = event.detail.message;
    note.hidden = false;
    window.clearTimeout(note.timer);
    note.timer = window.setTimeout(function () { note.hidden = true; }, 4000);
  });

  // A save answered with the changed rows replaces the saved row's form with the row, but
  // never another row's open form: what the person typed there stays.
  var saving = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form && form.dataset && form.dataset.row) { saving = form.dataset.row; }
  });
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("editing") &&
        target.id !== saving) {
      event.detail.shouldSwap = false;
    }
  });

  // Keyboard: a form that opens takes the focus; Escape closes it; after a save the focus goes
  // back to the row's Ubah button.
  document.addEventListener("htmx:afterSettle", function (event) {
    var form = event.detail.elt && event.detail.elt.querySelector &&
      (event.detail.elt.matches("tr.editing, tr.adding") ? event.detail.elt :
       event.detail.elt.querySelector("tr.editing, tr.adding"));
    if (!form) { return; }
    var error = form.querySelector(".save-error");
    var field = form.querySelector("input:not([type=hidden]), select, textarea");
    if (error) { error.setAttribute("tabindex", "-1"); }
    (field || error) && (field || error).focus();
  });

  // Closing a form (Batal, or Escape) puts the table back as stored and the focus on the row.
  function close(open) {
    var rowId = open.id.replace(/^add-/, "");
    var cancel = open.querySelector("a.button.secondary");
    var back = function () {
      var row = document.getElementById(rowId);
      var button = row && row.querySelector("button");
      if (button) { button.focus(); }
    };
    if (open.classList.contains("adding") || !cancel) { open.remove(); back(); return; }
    htmx.ajax("GET", cancel.href.split("#")[0],
              {target: "#editor", select: "#editor", swap: "outerHTML"}).then(back);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = event.target.closest && event.target.closest("tr.editing, tr.adding");
    if (open) { event.preventDefault(); close(open); }
  });

  document.addEventListener("click", function (event) {
    var cancel = event.target.closest && event.target.closest("tr.editing a.button.secondary");
    if (cancel) { event.preventDefault(); close(cancel.closest("tr.editing")); }
  });

  document.addEventListener("renja:saved", function (event) {
    var row = document.getElementById(event.detail.row);
    var button = row && row.querySelector("button");
    if (button) { button.focus({preventScroll: true}); }
  });

  document.addEventListener("htmx:timeout", function (event) {
    say(event.detail.elt, "Tidak tersimpan: server terlalu lama menjawab. Nilai yang Anda " +
        "ketik masih ada; coba Simpan lagi.");
  });
})();
