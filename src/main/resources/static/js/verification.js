// The verification page (网上核查): feedback for the link checks' re-check buttons, which htmx sends and then
// polls until the background checker has fetched the link, the refused finding form brought into view, and the
// count a finding will be recorded with.
// Loaded by verification.html only; the pages carry no inline script (Content-Security-Policy).
(() => {
  // The reason the server gave: the error page's title and message (as htmx-errors.js reads them).
  const reason = xhr => {
    const page = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
    const title = page.querySelector('main h1');
    const message = page.querySelector('main .card p');
    return (title ? title.textContent.trim() + '：' : '') + (message ? message.textContent.trim() : '状态码 ' + xhr.status);
  };

  // Where a request's trouble is told: beside the button that sent it, in the card or summary that polled.
  const boxFor = elt => {
    const form = elt.closest('form.recheck, form.recheck-all');
    if (form) {
      return form.querySelector('.request-error');
    }
    const card = elt.closest('.card.check');
    if (card) {
      return card.querySelector('.check-status');
    }
    if (elt.id === 'link-check-summary' || elt.id === 'link-checks-loader') {
      return document.getElementById('link-check-summary');
    }
    return null;
  };

  const tell = (event, text) => {
    const box = boxFor(event.detail.elt);
    if (!box) {
      return;
    }
    // told here, beside the button, instead of by htmx-errors.js at the top of the page
    event.stopPropagation();
    box.textContent = text;
    box.classList.add('error-text');
  };

  // A polling element whose requests can no longer succeed is replaced by a copy that htmx does not poll.
  const stopPolling = elt => {
    if (elt.hasAttribute('hx-trigger')) {
      const quiet = elt.cloneNode(true);
      ['hx-get', 'hx-trigger', 'hx-swap'].forEach(name => quiet.removeAttribute(name));
      elt.replaceWith(quiet);
      return quiet;
    }
    return elt;
  };

  document.addEventListener('DOMContentLoaded', () => {
    const main = document.querySelector('main');
    main.addEventListener('htmx:beforeRequest', event => {
      const box = boxFor(event.detail.elt);
      if (box && box.classList.contains('request-error')) {
        box.textContent = '';
        box.classList.remove('error-text');
      }
    });
    main.addEventListener('htmx:responseError', event => {
      const what = event.detail.elt.id === 'link-checks-loader' ? '证明链接的检查结果未能载入：' : '重新检查未完成：';
      tell(event, what + reason(event.detail.xhr));
    });
    main.addEventListener('htmx:sendError', event => tell(event, '请求未能发出，请检查网络后重试。'));
    // An expired session answers with the login page (the request follows the redirect): never swap that in.
    main.addEventListener('htmx:beforeSwap', event => {
      const url = event.detail.xhr.responseURL || '';
      if (new URL(url, location.href).pathname.endsWith('/login')) {
        event.detail.shouldSwap = false;
        const elt = stopPolling(event.detail.elt);
        const box = boxFor(elt);
        if (box) {
          box.textContent = '登录已过期，请刷新页面重新登录。';
          box.classList.add('error-text');
        }
        event.stopPropagation();
      }
    });

    // A finding's count: left empty it is the number of the note's non-empty lines, one item a line (the server
    // counts the same way); the hint says what will be recorded. A rejected 不涉及 claim is one item, no count.
    document.querySelectorAll('form.finding-form').forEach(form => {
      const note = form.querySelector('textarea[name="note"]');
      const count = form.querySelector('input[name="count"]');
      const hint = form.querySelector('.count-hint');
      const kind = form.querySelector('select[name="kind"]');
      if (!note || !count || !hint) {
        return;
      }
      const update = () => {
        const lines = note.value.split('\n').filter(line => line.trim() !== '').length;
        count.placeholder = String(Math.max(1, lines));
        const typed = count.value.trim();
        hint.textContent = typed === ''
          ? (lines > 1 ? '逐行列出了 ' + lines + ' 项，将按 ' + lines + ' 项记录' : '将按 1 项记录')
          : (lines > 1 && typed !== String(lines) ? '注意：逐行列出了 ' + lines + ' 项，项数须与行数一致' : '');
        if (kind) {
          count.closest('label').hidden = kind.value === 'NOT_INVOLVED_REJECTED';
        }
      };
      note.addEventListener('input', update);
      count.addEventListener('input', update);
      if (kind) {
        kind.addEventListener('change', update);
      }
      update();
    });

    // A finding the server refused (HTTP 400): its row, with what was typed and the reasons, comes into view.
    const failed = document.querySelector('tr.failed');
    if (failed) {
      failed.scrollIntoView({block: 'center'});
      const field = failed.querySelector('[aria-invalid="true"]') || failed.querySelector('textarea[name="note"]');
      if (field) {
        field.focus({preventScroll: true});
      }
    }
  });
})();
