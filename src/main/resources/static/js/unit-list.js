// The filter box of the lists of units (fragments/unit-list.html): typing part of a unit's name (or code) hides the
// rows that do not match, and the groups left without a row; the count says how many are shown. Without this
// script the box stays hidden and every row is shown.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-unit-filter]').forEach(box => {
    const table = document.getElementById(box.dataset.unitFilter);
    if (!table) {
      return;
    }
    const query = box.querySelector('input');
    const count = box.querySelector('.unit-filter-count');
    const rows = Array.from(table.querySelectorAll('tbody tr[data-name]'));
    const apply = () => {
      const typed = query.value.trim().toLowerCase();
      let shown = 0;
      rows.forEach(row => {
        const match = typed === '' || row.dataset.name.toLowerCase().includes(typed)
          || (row.dataset.unit || '').toLowerCase().includes(typed);
        row.hidden = !match;
        if (match) {
          shown++;
        }
      });
      Array.from(table.tBodies).forEach(body => {
        const head = body.querySelector('tr.group-head');
        if (!head) {
          return;
        }
        const members = Array.from(body.rows).filter(row => row.dataset.name !== undefined);
        const visible = members.filter(row => !row.hidden).length;
        head.hidden = typed !== '' && visible === 0;
        const groupCount = head.querySelector('.group-count');
        if (groupCount) {
          groupCount.textContent = typed === '' ? groupCount.dataset.total : visible + ' / ' + groupCount.dataset.total;
        }
      });
      count.textContent = '显示 ' + shown + ' / ' + rows.length;
    };
    query.addEventListener('input', apply);
    query.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        query.value = '';
        apply();
      }
    });
    box.hidden = false;
    // a value the browser restored (back button) applies at once
    apply();
  });
});
