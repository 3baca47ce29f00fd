// Observation entry: the total follows the scores as they are typed or tapped; choosing another form reloads the
// page with that form's criteria and keeps what was typed above them.
(function () {
  var form = document.getElementById('observation-form');
  if (!form) return;
  var totalEl = document.getElementById('observation-total');

  function number(text) {
    var v = (text || '').trim()
      .replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48); })
      .replace(/[\uFF0E\u3002]/g, '.');
    if (v === '') return null;
    var n = Number(v);
    return isNaN(n) ? NaN : n;
  }

  function scoreOf(item) {
    var max = Number(item.dataset.max);
    var weight = Number(item.dataset.weight);
    var rating = item.querySelector('input.score:checked');
    if (rating) return weight * Number(rating.value) / max;
    var input = item.querySelector('input.score[type=text]');
    if (!input) return 0;
    var n = number(input.value);
    return n === null || isNaN(n) || n < 0 || n > max ? 0 : n;
  }

  function update() {
    if (!totalEl) return;
    var sum = 0;
    form.querySelectorAll('[data-criterion]').forEach(function (item) {
      if (item.dataset.text !== 'true') sum += scoreOf(item);
    });
    totalEl.textContent = String(Math.round(sum * 10) / 10);
  }

  form.addEventListener('input', function (e) {
    var t = e.target;
    if (t.matches && t.matches('input.score[type=text]')) {
      var max = Number(t.closest('[data-criterion]').dataset.max);
      var n = number(t.value);
      t.classList.toggle('is-invalid', n !== null && (isNaN(n) || n < 0 || n > max));
    }
    update();
  });
  form.addEventListener('change', update);
  update();

  var switcher = document.getElementById('formId');
  if (switcher) {
    switcher.addEventListener('change', function () {
      form.querySelectorAll('[name^="scores["], [name^="texts["], [name="_csrf"]').forEach(function (i) { i.disabled = true; });
      form.method = 'get';
      form.action = switcher.dataset.reload;
      form.submit();
    });
  }
})();
