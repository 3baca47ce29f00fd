// 考核细则 editor: add and remove category and item rows, show the metric select for RECORD items and the rule select
// (and deduction) for RULE items, and number the fields categories[c].items[i].x in order before the form is sent,
// so that the server binds the rows as they stand on the page.
(function () {
  'use strict';
  var form = document.getElementById('scheme-form');
  if (!form) { return; }
  var categories = document.getElementById('scheme-categories');
  var categoryTemplate = document.getElementById('category-template');
  var itemTemplate = document.getElementById('item-template');

  function renumber() {
    var cats = categories.querySelectorAll('.scheme-category');
    Array.prototype.forEach.call(cats, function (cat, c) {
      Array.prototype.forEach.call(cat.querySelectorAll('[name^="categories["]'), function (field) {
        field.name = field.name.replace(/^categories\[\d+\]/, 'categories[' + c + ']');
      });
      Array.prototype.forEach.call(cat.querySelectorAll('.scheme-item'), function (item, i) {
        Array.prototype.forEach.call(item.querySelectorAll('[name]'), function (field) {
          field.name = field.name.replace(/\.items\[\d+\]/, '.items[' + i + ']');
          field.id = field.name.replace(/[\[\]]/g, '');
        });
        Array.prototype.forEach.call(item.querySelectorAll('label'), function (label) {
          var field = label.parentNode.querySelector('input, select, textarea');
          if (field) { label.htmlFor = field.id; }
        });
      });
    });
  }

  function showKind(item) {
    var kind = item.querySelector('.scheme-kind');
    if (!kind) { return; }
    Array.prototype.forEach.call(item.querySelectorAll('[data-kind-only]'), function (box) {
      box.hidden = box.getAttribute('data-kind-only') !== kind.value;
    });
  }

  function addItem(cat) {
    var item = itemTemplate.content.firstElementChild.cloneNode(true);
    cat.querySelector('.scheme-items').appendChild(item);
    renumber();
    showKind(item);
    var name = item.querySelector('input[type=text]');
    if (name) { name.focus(); }
  }

  document.getElementById('add-category').addEventListener('click', function () {
    var cat = categoryTemplate.content.firstElementChild.cloneNode(true);
    categories.appendChild(cat);
    addItem(cat);
    var name = cat.querySelector('input[type=text]');
    if (name) { name.focus(); }
  });

  form.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) { return; }
    if (button.hasAttribute('data-add-item')) {
      addItem(button.closest('.scheme-category'));
    } else if (button.hasAttribute('data-remove-item')) {
      button.closest('.scheme-item').remove();
      renumber();
    } else if (button.hasAttribute('data-remove-category')) {
      button.closest('.scheme-category').remove();
      renumber();
    }
  });

  form.addEventListener('change', function (e) {
    if (e.target.classList.contains('scheme-kind')) { showKind(e.target.closest('.scheme-item')); }
  });

  form.addEventListener('submit', renumber);
  Array.prototype.forEach.call(form.querySelectorAll('.scheme-item'), showKind);
})();
