// The console's only script of its own: the CSRF header of htmx's requests, the remove dialog and the copy
// button (htmx does the rest).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=csrf-token]");
  if (token) {
    event.detail.headers["X-CSRF-TOKEN"] = token.getAttribute("content");
  }
});
document.addEventListener("click", function (event) {
  var remove = event.target.closest(".remove-connection");
  if (remove) {
    var dialog = document.getElementById("remove-dialog");
    var form = document.getElementById("remove-form");
    var connection = remove.getAttribute("data-connection");
    // the peering's own address: after a refusal the page is shown at the form's action, not at it
    form.setAttribute("action", dialog.getAttribute("data-link") + "/connections/" + encodeURIComponent(connection) + "/remove");
    document.getElementById("remove-name").textContent = connection;
    document.getElementById("f-confirm").value = "";
    dialog.showModal();
    document.getElementById("f-confirm").focus();
    return;
  }
  if (event.target.id === "remove-cancel") {
    document.getElementById("remove-dialog").close();
    return;
  }
  var copy = event.target.closest(".copy");
  if (copy) {
    var input = document.getElementById(copy.getAttribute("data-copy"));
    input.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(input.value).catch(function () { document.execCommand("copy"); });
    } else {
      document.execCommand("copy");
    }
    copy.textContent = "Copied";
  }
});
