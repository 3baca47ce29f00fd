// Jiaoyan page helpers, driven by data attributes so that pages carry no inline script (Content-Security-Policy):
//   data-confirm="…"       on a form: ask before submitting (destructive actions)
//   data-autosubmit        on a select or input: submit its form when the value changes;
//                          data-autosubmit-clear="field" empties that field of the form first
//   data-print             on a link or button: print the page
// Submitting a form disables its submit buttons, so a double-click sends it once. Everything works without JavaScript.
(function () {
  'use strict';

  if (window.htmx) {
    // nothing evaluated from attributes, no <style> injected, no scripts run from swapped content
    window.htmx.config.allowEval = false;
    window.htmx.config.includeIndicatorStyles = false; // the indicator styles are in app.css
    window.htmx.config.allowScriptTags = false;
  }

  var REENABLE_AFTER_MS = 10000; // a download or a very slow answer leaves the page: buttons come back after 10 s

  function submitButtons(form) {
    var inside = Array.prototype.slice.call(form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit]'));
    var outside = form.id ? Array.prototype.slice.call(document.querySelectorAll('[form="' + form.id + '"]')) : [];
    return inside.concat(outside);
  }

  function setBusy(form, busy) {
    submitButtons(form).forEach(function (b) {
      if (busy) {
        if (!b.disabled) { b.disabled = true; b.setAttribute('data-busy', ''); b.setAttribute('aria-busy', 'true'); }
      } else if (b.hasAttribute('data-busy')) {
        b.disabled = false; b.removeAttribute('data-busy'); b.removeAttribute('aria-busy');
      }
    });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var msg = form.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); return; }
    // after every other handler has had its say (a page script may stop the submit to validate first); the form data
    // was taken when the submit began, so disabling the clicked button does not drop its name and value
    window.setTimeout(function () {
      if (e.defaultPrevented || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') { return; }
      setBusy(form, true);
      window.setTimeout(function () { setBusy(form, false); }, REENABLE_AFTER_MS);
    }, 0);
  });

  // back/forward cache: a page shown again must not keep its buttons disabled, and a form sent from it again on
  // purpose is a new submission, so it gets a new one-time key (the server runs a repeated key only once)
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted) { return; }
    Array.prototype.forEach.call(document.forms, function (f) { setBusy(f, false); });
    Array.prototype.forEach.call(document.querySelectorAll('input[name=_submission]'), function (input) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      input.value = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    });
  });

  // htmx requests from a form: buttons disabled while the request runs (what hx-disabled-elt does per element)
  document.addEventListener('htmx:beforeRequest', function (e) {
    var form = e.target && e.target.closest ? e.target.closest('form') : null;
    if (form && e.detail && e.detail.requestConfig && e.detail.requestConfig.verb !== 'get') { setBusy(form, true); }
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.target && e.target.closest ? e.target.closest('form') : null;
    if (form) { setBusy(form, false); }
  });

  document.addEventListener('change', function (e) {
    var field = e.target;
    if (!field.hasAttribute || !field.hasAttribute('data-autosubmit') || !field.form) { return; }
    var clear = field.getAttribute('data-autosubmit-clear');
    if (clear && field.form.elements[clear]) { field.form.elements[clear].value = ''; }
    field.form.submit();
  });

  document.addEventListener('click', function (e) {
    var trigger = e.target.closest ? e.target.closest('[data-print]') : null;
    if (trigger) { e.preventDefault(); window.print(); }
  });
})();
