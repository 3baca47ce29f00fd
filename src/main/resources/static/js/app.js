// Jiaoyan page helpers: confirm before destructive actions; everything else works without JavaScript.
document.addEventListener('submit', function (e) {
  var msg = e.target.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) { e.preventDefault(); }
});
