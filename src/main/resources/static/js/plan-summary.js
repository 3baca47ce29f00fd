// Summary editor: a contenteditable box with a small toolbar over the form's textarea. Without JavaScript the textarea
// stays and takes the HTML as it is; with it, the box edits the text and hands its HTML to the textarea on submit.
(function () {
  var form = document.getElementById('summary-form');
  if (!form) { return; }
  var source = document.getElementById('summary-body');
  var editor = document.getElementById('summary-editor');
  var toolbar = document.getElementById('summary-toolbar');
  editor.innerHTML = source.value;
  source.classList.add('d-none');
  editor.classList.remove('d-none');
  toolbar.classList.remove('d-none');
  document.getElementById('summary-label').setAttribute('for', '');
  try { document.execCommand('defaultParagraphSeparator', false, 'p'); } catch (ignored) { /* older browsers */ }
  // keep the selection in the text when a toolbar button is pressed
  toolbar.addEventListener('mousedown', function (e) {
    if (e.target.closest('[data-cmd]')) { e.preventDefault(); }
  });
  toolbar.addEventListener('click', function (e) {
    var button = e.target.closest('[data-cmd]');
    if (!button) { return; }
    editor.focus();
    var arg = button.getAttribute('data-arg');
    document.execCommand(button.getAttribute('data-cmd'), false, arg ? '<' + arg + '>' : null);
  });
  form.addEventListener('submit', function () { source.value = editor.innerHTML; });
})();
