// Drill form (应急演练): a button with data-drill-all="PASS" ticks 通过 for everyone not yet marked, so that on a phone
// only the few who failed or were absent need a tap. Without JavaScript every row is ticked by hand.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-drill-all]') : null;
    if (!button) { return; }
    var value = button.getAttribute('data-drill-all');
    var form = button.closest('form');
    Array.prototype.forEach.call(form.querySelectorAll('.drill-person'), function (row) {
      var chosen = row.querySelector('input[type=radio]:checked');
      if (chosen && chosen.value !== '') { return; } // keep what was already marked
      var target = row.querySelector('input[type=radio][value="' + value + '"]');
      if (target) { target.checked = true; }
    });
  });
})();
