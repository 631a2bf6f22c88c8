// A request sent by htmx that the server refuses (400 with its reason, 403) or that never arrives would
// otherwise change nothing on the page. Show the reason above the page's content instead; it is the
// message of the error page the server answered with. No inline script: this file is loaded by the layout.
(() => {
  const show = text => {
    let box = document.getElementById('request-error');
    if (!box) {
      box = document.createElement('div');
      box.id = 'request-error';
      box.className = 'errors';
      box.setAttribute('role', 'alert');
      document.querySelector('main').prepend(box);
    }
    box.textContent = text;
    box.scrollIntoView({block: 'nearest'});
  };
  // Ask for HTML, so that a refusal comes back as the error page (with its reason), not as JSON.
  document.addEventListener('htmx:configRequest', event => {
    event.detail.headers['Accept'] = 'text/html';
  });
  document.addEventListener('htmx:responseError', event => {
    const xhr = event.detail.xhr;
    const page = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    const title = page.querySelector('main h1');
    const reason = page.querySelector('main .card p');
    show((title ? title.textContent.trim() + '：' : '') + (reason ? reason.textContent.trim() : '状态码 ' + xhr.status));
  });
  document.addEventListener('htmx:sendError', () => show('请求未能发出，请检查网络后重试。'));
})();
