// OvopBot dashboard: the only script. Counts the characters of a text box as it is typed (data-count names the
// <output> to update). Everything else works without it.
document.querySelectorAll('textarea[data-count]').forEach(function (box) {
  var out = document.getElementById(box.dataset.count);
  var update = function () { out.textContent = box.value.length; };
  box.addEventListener('input', update);
  update();
});
