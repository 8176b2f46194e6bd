/*
 * Chamada's one script. Every page works without it (progressive enhancement): it only
 * makes them smoother.
 * - A field marked data-remember="NAME" (the matrícula) is filled from this device's
 *   storage when empty, and its value is stored again when its form is sent.
 * - An error summary takes the focus, so a screen reader reads it first.
 * - The projector page follows its roll call live (Server-Sent Events): the code and its QR
 *   code as they turn, a countdown to the next code, the count and the latest arrivals. Its
 *   board says data-live="true" while the stream is open, "false" while it reconnects, so a
 *   style or a test can tell a live page from one that shows what it was loaded with.
 * - The teacher's materials page publishes files dropped on it, each with a progress bar; a
 *   form with data-confirm (removing a material) asks before it is sent.
 * - The teacher's inbox page adds messages as they come; the question screen follows the
 *   question the teacher shows. Both say data-live as the projector does.
 */
(function () {
  "use strict";

  function storage() {
    try {
      return window.localStorage;
    } catch (blocked) {
      return null; // storage turned off, or a private window that refuses it
    }
  }

  function remember(store) {
    document.querySelectorAll("input[data-remember]").forEach(function (input) {
      var key = "chamada." + input.getAttribute("data-remember");
      if (!input.value) {
        input.value = store.getItem(key) || "";
      }
      if (input.form) {
        input.form.addEventListener("submit", function () {
          try {
            store.setItem(key, input.value);
          } catch (full) {
            // Nothing to do: the form is sent all the same.
          }
        });
      }
    });
  }

  var LATEST = 8;

  function projector(root) {
    var classNumber = root.getAttribute("data-class");
    var expiresAt = Number(root.getAttribute("data-expires-at")) || 0;
    var code = document.getElementById("code");
    var next = document.getElementById("next");
    var qr = document.getElementById("qr");
    var count = document.getElementById("count");
    var latest = document.getElementById("latest");

    function say(template, value) {
      return root.getAttribute(template).replace("{0}", value);
    }

    function tick() {
      if (next && expiresAt) {
        next.textContent = say("data-next", Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000)));
      }
    }

    tick();
    window.setInterval(tick, 250);
    if (!window.EventSource) {
      return;
    }
    var base = "/classes/" + encodeURIComponent(classNumber) + "/projector";
    var events = new EventSource(base + "/events");
    events.addEventListener("open", function () {
      root.setAttribute("data-live", "true");
    });
    events.addEventListener("error", function () {
      root.setAttribute("data-live", "false");
    });
    events.addEventListener("code", function (event) {
      var data = JSON.parse(event.data);
      code.textContent = data.code.slice(0, 3) + " " + data.code.slice(3);
      expiresAt = data.code_expires_at ? Date.parse(data.code_expires_at) : 0;
      tick();
      window.fetch(base + "/qr.svg", {credentials: "same-origin", redirect: "error"}).then(function (response) {
        // Only our SVG: a session that ended answers with a login page, which must not land here.
        var svg = response.ok && (response.headers.get("content-type") || "").indexOf("image/svg+xml") === 0;
        return svg ? response.text() : null;
      }).catch(function () {
        return null;
      }).then(function (svg) {
        if (svg) {
          qr.innerHTML = svg;
          qr.setAttribute("data-code", data.code);
        }
      });
    });
    // The count in the state the stream began with, and the highest count heard since: with several
    // servers on one database, another server's check-ins may come a little after later ones.
    var counted = 0;
    var highest = 0;
    // The roll call as it stands when the stream (re)connects: arrivals the page may have missed.
    events.addEventListener("state", function (event) {
      var data = JSON.parse(event.data);
      counted = data.count;
      highest = data.count;
      count.textContent = say("data-count", data.count);
      latest.textContent = "";
      data.latest.forEach(function (matricula) {
        var item = document.createElement("li");
        item.textContent = matricula;
        latest.appendChild(item);
      });
    });
    events.addEventListener("checkin", function (event) {
      var data = JSON.parse(event.data);
      if (data.count <= counted) {
        return; // already in the state this stream began with
      }
      highest = Math.max(highest, data.count);
      count.textContent = say("data-count", highest);
      var item = document.createElement("li");
      item.textContent = data.matricula;
      latest.insertBefore(item, latest.firstChild);
      while (latest.children.length > LATEST) {
        latest.removeChild(latest.lastChild);
      }
    });
    events.addEventListener("close", function (event) {
      count.textContent = say("data-count", JSON.parse(event.data).count);
      events.close();
      root.setAttribute("data-live", "false");
    });
  }

  /*
   * The teacher's materials page: each file dropped on the zone or chosen is sent, one after the
   * other, as a PUT of its bytes, its progress bar following the upload; the server's answer (or
   * its refusal, in the page's language) replaces the bar's caption, and once a file is published
   * the list of materials is read again. Each row says data-state="published" or "failed" when
   * its answer came, so a test can wait for it.
   */
  function materials(zone) {
    var input = document.getElementById("files");
    var list = document.getElementById("uploads");
    var queue = [];
    var sending = false;

    function say(template, value) {
      return zone.getAttribute(template).replace("{0}", function () {
        return value; // as it is: a file name may hold "$&", which a replacement string would expand
      });
    }

    function refresh() {
      window.fetch(window.location.pathname, {credentials: "same-origin", redirect: "error"}).then(function (response) {
        return response.ok ? response.text() : null;
      }).catch(function () {
        return null;
      }).then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, "text/html").getElementById("materials-list");
        var current = document.getElementById("materials-list");
        if (fresh && current) {
          current.replaceWith(fresh);
        }
      });
    }

    function finish(item, xhr) {
      var reply = null;
      try {
        reply = JSON.parse(xhr.responseText);
      } catch (notJson) {
        reply = null; // the connection was cut, or a login page came instead
      }
      // Answers that are not the API's JSON come from the web server before the upload is read: a
      // session or page expired, or (400) a name whose "%" the web server refuses in any path.
      var unread = xhr.status === 401 || xhr.status === 403 ? "data-login"
        : xhr.status === 400 ? "data-bad-name" : "data-lost";
      if (reply && reply.ok) {
        item.status.textContent = say("data-published", item.file.name);
        item.progress.value = item.progress.max;
        refresh(); // each file in the list once published, not only when the last one is
      } else {
        item.status.textContent = reply && reply.message ? item.file.name + ": " + reply.message
          : say(unread, item.file.name);
        item.status.className = "failed";
        item.progress.hidden = true;
      }
      item.row.setAttribute("data-state", reply && reply.ok ? "published" : "failed");
      sending = false;
      next();
    }

    function next() {
      if (sending) {
        return;
      }
      var item = queue.shift();
      if (!item) {
        return;
      }
      sending = true;
      var xhr = new XMLHttpRequest();
      xhr.open("PUT", zone.getAttribute("data-upload") + encodeURIComponent(item.file.name));
      xhr.setRequestHeader("X-Form-Token", zone.getAttribute("data-token"));
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) {
          item.progress.max = event.total || 1;
          item.progress.value = event.loaded;
        }
      });
      xhr.addEventListener("loadend", function () {
        finish(item, xhr);
      });
      xhr.send(item.file);
    }

    function add(files) {
      Array.prototype.forEach.call(files, function (file) {
        var row = document.createElement("li");
        var status = document.createElement("span");
        var progress = document.createElement("progress");
        status.textContent = say("data-sending", file.name);
        progress.max = file.size || 1;
        progress.value = 0;
        progress.setAttribute("aria-label", file.name);
        row.appendChild(status);
        row.appendChild(progress);
        list.appendChild(row);
        queue.push({file: file, row: row, status: status, progress: progress});
      });
      next();
    }

    input.addEventListener("change", function () {
      add(input.files);
      input.value = "";
    });
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", function () {
      zone.classList.remove("dragging");
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("dragging");
      add(event.dataTransfer.files);
    });
    // A file dropped beside the zone would replace the page, and cut the uploads under way.
    ["dragover", "drop"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        event.preventDefault();
      });
    });
    window.addEventListener("beforeunload", function (event) {
      if (sending) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  /*
   * The teacher's inbox page: the messages that come while it is open are added at the end of
   * the table, unread, with their button for the question screen, and the mark-read form takes
   * them too; the message on the question screen is marked as the teacher's choices come. The
   * stream begins after the newest message the page was loaded with; a message already shown
   * (a reconnect) is not added twice.
   */
  function inbox(root) {
    var url = root.getAttribute("data-events");
    if (!url || !window.EventSource) {
      return;
    }
    var table = document.getElementById("messages");
    var body = table.tBodies[0];
    var none = document.getElementById("no-messages");
    var markForm = document.getElementById("mark-read-form");
    var unreadIds = document.getElementById("unread-ids");
    var hideForm = document.getElementById("hide-form");

    function cell(row, text) {
      var td = document.createElement("td");
      td.textContent = text;
      row.appendChild(td);
      return td;
    }

    // As the page writes times: the server's wall clock, which the event's time carries with its offset.
    function when(iso) {
      return iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) + " " + iso.slice(11, 19);
    }

    function showForm(id) {
      var form = document.createElement("form");
      form.method = "post";
      form.action = hideForm.getAttribute("action");
      [["form_token", root.getAttribute("data-token")], ["show", id]].forEach(function (field) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = field[0];
        input.value = field[1];
        form.appendChild(input);
      });
      var button = document.createElement("button");
      button.className = "button button-secondary button-small";
      button.type = "submit";
      button.textContent = root.getAttribute("data-show");
      button.setAttribute("aria-label", root.getAttribute("data-show-label").replace("{0}", function () {
        return id;
      }));
      form.appendChild(button);
      return form;
    }

    function markShown(shown) {
      root.setAttribute("data-shown", shown);
      hideForm.hidden = !shown;
      Array.prototype.forEach.call(body.rows, function (row) {
        var on = row.getAttribute("data-id") === shown;
        row.querySelector(".on-screen").hidden = !on;
        row.querySelector("form").hidden = on;
      });
    }

    function add(data) {
      var id = String(data.id);
      if (body.querySelector("tr[data-id='" + id + "']")) {
        return;
      }
      var row = document.createElement("tr");
      row.className = "unread";
      row.setAttribute("data-id", id);
      cell(row, id);
      cell(row, when(data.at));
      var from = cell(row, data.matricula || root.getAttribute("data-anonymous"));
      var unread = document.createElement("strong");
      unread.textContent = root.getAttribute("data-new");
      from.appendChild(document.createTextNode(" "));
      from.appendChild(unread);
      cell(row, data.text).className = "message-text";
      var choice = cell(row, "");
      var onScreen = document.createElement("strong");
      onScreen.className = "on-screen";
      onScreen.textContent = root.getAttribute("data-on-screen");
      choice.appendChild(onScreen);
      choice.appendChild(showForm(id));
      body.appendChild(row);
      table.hidden = false;
      none.hidden = true;
      unreadIds.value = unreadIds.value ? unreadIds.value + "," + id : id;
      markForm.hidden = false;
      markShown(root.getAttribute("data-shown"));
    }

    var events = new EventSource(url);
    events.addEventListener("open", function () {
      root.setAttribute("data-live", "true");
    });
    events.addEventListener("error", function () {
      root.setAttribute("data-live", "false");
    });
    events.addEventListener("message", function (event) {
      add(JSON.parse(event.data));
    });
    events.addEventListener("question", function (event) {
      var data = JSON.parse(event.data);
      markShown(data.id ? String(data.id) : "");
    });
  }

  /* The question screen, on the projector: the question the teacher shows, as the choices come. */
  function questionScreen(root) {
    if (!window.EventSource) {
      return;
    }
    var text = document.getElementById("question");
    var none = document.getElementById("no-question");
    var events = new EventSource(root.getAttribute("data-events"));
    events.addEventListener("open", function () {
      root.setAttribute("data-live", "true");
    });
    events.addEventListener("error", function () {
      root.setAttribute("data-live", "false");
    });
    events.addEventListener("question", function (event) {
      var data = JSON.parse(event.data);
      text.textContent = data.text || "";
      text.hidden = !data.text;
      none.hidden = !!data.text;
      root.setAttribute("data-shown", data.id ? String(data.id) : "");
    });
  }

  var inboxRoot = document.getElementById("inbox-board");
  if (inboxRoot) {
    inbox(inboxRoot);
  }
  var screen = document.getElementById("question-board");
  if (screen) {
    questionScreen(screen);
  }

  // A form that takes something away for good asks first (a removed material is gone for the class).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });

  var drop = document.getElementById("drop");
  if (drop) {
    materials(drop);
  }

  var board = document.getElementById("projector");
  if (board) {
    projector(board);
  }

  var store = storage();
  if (store) {
    remember(store);
  }
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
})();
