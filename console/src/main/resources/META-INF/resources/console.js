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

// "Add a session" offers the connections the Connections view shows, also after a live reload of the view.
document.addEventListener("htmx:afterSwap", function () {
  var select = document.getElementById("f-connection");
  if (!select) {
    return;
  }
  var chosen = select.value;
  var names = Array.prototype.map.call(document.querySelectorAll("#connections tr[data-connection]"), function (row) {
    return row.getAttribute("data-connection");
  });
  if (names.join("\n") === Array.prototype.map.call(select.options, function (o) { return o.value; }).join("\n")) {
    return;
  }
  select.innerHTML = "";
  names.forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    option.selected = name === chosen;
    select.appendChild(option);
  });
});
