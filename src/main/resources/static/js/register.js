// The document register page: an upload replaces the whole register, so it asks first; the reason field is for
// 不予公开 documents only.
(function () {
  'use strict';
  document.querySelectorAll('form.register-upload').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm('导入的表格将替换本单位的全部登记，确定导入吗？')) {
        event.preventDefault();
      }
    });
  });
  var disclosure = document.getElementById('disclosure');
  var reason = document.querySelector('#row-form input[name=c4]');
  if (disclosure && reason) {
    var sync = function () {
      var withheld = disclosure.value === '不予公开';
      reason.disabled = !withheld;
      reason.required = withheld;
    };
    disclosure.addEventListener('change', sync);
    sync();
  }
})();
