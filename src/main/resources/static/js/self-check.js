// The self-check page (自查填报), filled in over several days: warns before text typed but not saved is left
// behind, sends files chosen in the rows with the draft, and opens a folded section when a link leads into it.
// Loaded by self-check.html only; no inline script (Content-Security-Policy).
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('self-check-form');
  if (!form) {
    return;
  }
  const note = document.getElementById('sc-dirty');
  const fileInputs = () => Array.from(form.querySelectorAll('input[type=file]'));

  // A page shown again after a refused save holds text that is not saved yet.
  let dirty = form.dataset.unsaved === 'true';
  let leaving = false;
  const showDirty = () => {
    if (note) {
      note.hidden = !dirty;
    }
  };
  const changed = () => {
    dirty = true;
    showDirty();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  showDirty();

  form.addEventListener('submit', event => {
    const submitter = event.submitter;
    const chosen = fileInputs().filter(input => input.files.length > 0);
    if (submitter && submitter.name === 'action' && chosen.length > 0) {
      // 保存草稿 with files chosen: upload them with the draft, so that no chosen file is silently dropped.
      // (After this event: a form does not start a second submission while it dispatches one.)
      event.preventDefault();
      const upload = chosen[0].closest('tr').querySelector('button[name=upload]');
      setTimeout(() => form.requestSubmit(upload), 0);
      return;
    }
    if (submitter && submitter.name === 'upload') {
      // The server answers a request over its limit unread, and the typed text would be lost with it.
      const max = Number(form.dataset.maxUploadBytes);
      const text = Array.from(form.querySelectorAll('textarea[name]'))
        .reduce((sum, area) => sum + new Blob([area.value]).size + 200, 0);
      const files = chosen.reduce((sum, input) => sum + input.files[0].size, 0);
      if (max > 0 && text + files > max) {
        event.preventDefault();
        const input = chosen[0] || fileInputs()[0];
        input.setCustomValidity('所选文件合计' + (files / 1048576).toFixed(1) + 'MB，连同填写内容超过一次上传的上限（'
          + (max / 1048576).toFixed(0) + 'MB），请分几次上传');
        input.reportValidity();
        input.addEventListener('change', () => input.setCustomValidity(''), {once: true});
        return;
      }
    }
    leaving = true;
  });

  // Browsers show their own wording; what matters is that leaving is asked about at all.
  window.addEventListener('beforeunload', event => {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  // Back from the browser's page cache (after the unload was cancelled or returned to), the form may be sent again.
  window.addEventListener('pageshow', () => {
    leaving = false;
  });

  // Sections stay as the user folded them for this page, for the browser tab's session.
  const key = 'self-check-folded:' + location.pathname;
  const sections = Array.from(document.querySelectorAll('details.sc-section'));
  let folded = [];
  try {
    folded = JSON.parse(sessionStorage.getItem(key) || '[]');
  } catch (e) {
    folded = [];
  }
  sections.forEach(section => {
    if (folded.includes(section.id)) {
      section.open = false;
    }
    section.addEventListener('toggle', () => {
      const closed = sections.filter(s => !s.open).map(s => s.id);
      try {
        sessionStorage.setItem(key, JSON.stringify(closed));
      } catch (e) {
        // storage refused (private mode, quota): folding is then not remembered
      }
    });
  });

  // A link to a row (#i-1.1: the missing list, an error) opens the section the row is folded in, so that the
  // browser's own jump to it lands on the row.
  const sectionOf = hash => {
    const row = hash && hash.startsWith('#i-') ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    const section = row ? row.closest('details.sc-section') : null;
    if (section && !section.open) {
      section.open = true;
    }
    return row;
  };
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href^="#i-"], a[href="#missing"]');
    if (link && link.getAttribute('href') === '#missing') {
      document.getElementById('missing').open = true; // the save bar's 查看未填项: the list, unfolded
    } else if (link) {
      sectionOf(link.getAttribute('href'));
    }
  });
  window.addEventListener('hashchange', () => sectionOf(location.hash));
  const target = sectionOf(location.hash);
  if (target) {
    target.scrollIntoView({block: 'start'});
  }
});
