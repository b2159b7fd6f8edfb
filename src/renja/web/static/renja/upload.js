// Shows upload progress for large files; the form still works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest) { return; }
  form.addEventListener("submit", function (event) {
    var bar = document.getElementById("upload-progress");
    var request = new XMLHttpRequest();
    event.preventDefault();
    bar.hidden = false;
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
    });
    request.addEventListener("load", function () {
      document.open(); document.write(request.responseText); document.close();
      if (request.responseURL) { history.replaceState(null, "", request.responseURL); }
    });
    request.open("POST", form.action || window.location.href);
    request.send(new FormData(form));
  });
});
