// Plan sections: a small rich-text editor. Drafts save themselves a moment after typing stops; every keystroke is also
// kept in localStorage until the server confirms, so nothing typed is lost when the network or the session fails.
(function () {
  function meta(name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; }
  function fill(text, value) { return (text || '').replace('{0}', value); }

  document.querySelectorAll('[data-section-editor]').forEach(function (box) {
    var body = box.querySelector('.section-body');
    var title = box.querySelector('.section-title-input');
    var status = box.querySelector('.section-status');
    var reason = box.querySelector('.section-reason');
    var saveButton = box.querySelector('.section-save');
    var autosave = box.dataset.autosave === 'true';
    var key = 'jiaoyan-section-' + box.dataset.sectionId;
    var timer = null, saving = false, pending = false;

    function snapshot() { return { version: box.dataset.version, title: title.value, body: body.innerHTML }; }
    function keepLocally() { try { localStorage.setItem(key, JSON.stringify(snapshot())); } catch (e) { /* storage full: server save still runs */ } }

    // a copy left from a save that never reached the server comes back into the editor
    try {
      var local = JSON.parse(localStorage.getItem(key) || 'null');
      if (local && local.version === box.dataset.version && (local.body !== body.innerHTML || local.title !== title.value)) {
        body.innerHTML = local.body; title.value = local.title;
        if (autosave) { later(); }
      }
    } catch (e) { localStorage.removeItem(key); }

    function later() { clearTimeout(timer); timer = setTimeout(save, 1500); }

    function save() {
      if (saving) { pending = true; return; }
      saving = true; status.textContent = box.dataset.msgSaving; status.className = 'small text-muted section-status';
      var data = new URLSearchParams();
      data.set('version', box.dataset.version); data.set('title', title.value); data.set('body', body.innerHTML);
      if (reason) { data.set('reason', reason.value); }
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (meta('_csrf_header')) { headers[meta('_csrf_header')] = meta('_csrf'); }
      fetch(box.dataset.url, { method: 'POST', headers: headers, body: data, credentials: 'same-origin' })
        .then(function (r) {
          var type = r.headers.get('Content-Type') || '';
          if (type.indexOf('application/json') < 0) { throw new Error(r.status === 200 ? 'login' : String(r.status)); }
          return r.json().then(function (json) { return { ok: r.ok, json: json }; });
        })
        .then(function (res) {
          if (res.ok) {
            box.dataset.version = String(res.json.version);
            localStorage.removeItem(key);
            if (reason) { reason.value = ''; }
            status.textContent = fill(box.dataset.msgSaved, res.json.savedAt);
            status.className = 'small text-success section-status';
            // a revision of a published plan: show the plan as it now reads (and the new revision number)
            if (!autosave) { window.location.reload(); }
          } else {
            keepLocally();
            status.textContent = fill(box.dataset.msgFailed, res.json.error);
            status.className = 'small text-danger section-status';
          }
        })
        .catch(function (error) {
          keepLocally();
          // a login page instead of JSON: the session ended; the text waits in this browser
          status.textContent = error && error.message === 'login' ? box.dataset.msgLogin : box.dataset.msgOffline;
          status.className = 'small text-danger section-status';
          if (autosave) { clearTimeout(timer); timer = setTimeout(save, 15000); }
        })
        .finally(function () { saving = false; if (pending) { pending = false; save(); } });
    }

    function changed() { keepLocally(); if (autosave) { later(); } }
    body.addEventListener('input', changed);
    title.addEventListener('input', changed);
    if (saveButton) { saveButton.addEventListener('click', save); }
    window.addEventListener('beforeunload', function () { if (autosave && timer) { save(); } });

    box.querySelectorAll('[data-cmd]').forEach(function (button) {
      button.addEventListener('click', function () {
        body.focus();
        var cmd = button.dataset.cmd;
        if (cmd === 'h3') { document.execCommand('formatBlock', false, 'h3'); }
        else if (cmd === 'table') {
          document.execCommand('insertHTML', false,
            '<table class="table table-bordered"><tbody><tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>'
            + '<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tbody></table><p></p>');
        }
        else { document.execCommand(cmd, false, null); }
        changed();
      });
    });
  });
})();
