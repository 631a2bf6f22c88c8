// Small behaviours of the app pages: sortable tables, the print button, the score chart, upload sizes. No build
// step. Loaded by every page (layout.html); the pages carry no inline script or handler, which the
// Content-Security-Policy would block.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('table.sortable th[data-sort]').forEach((th, index) => {
    th.style.cursor = 'pointer';
    th.title = '点击排序';
    th.addEventListener('click', () => {
      const table = th.closest('table');
      const column = Array.from(th.parentNode.children).indexOf(th);
      const numeric = th.dataset.sort === 'number';
      const ascending = th.dataset.direction !== 'asc';
      th.dataset.direction = ascending ? 'asc' : 'desc';
      const value = row => row.children[column].dataset.value ?? row.children[column].textContent.trim();
      // A list of units grouped by kind has one tbody per group, headed by its group-head row: each group is
      // sorted on its own, under its heading.
      Array.from(table.tBodies).forEach(body => Array.from(body.rows)
        .filter(row => !row.classList.contains('group-head'))
        .sort((a, b) => {
          const x = value(a), y = value(b);
          const order = numeric ? (parseFloat(x || '-1') - parseFloat(y || '-1')) : x.localeCompare(y, 'zh-CN');
          return ascending ? order : -order;
        })
        .forEach(row => body.appendChild(row)));
    });
  });
  // A file over the request-size limit is refused before it is sent: the server answers such an upload
  // without reading it and closes the connection, which a browser still sending may show as a network error.
  // (A file over the 10 MB of a single file but within the limit is refused by the server, with the page.)
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
    input.addEventListener('change', () => {
      const max = Number(input.dataset.maxBytes);
      const file = input.files[0];
      input.setCustomValidity(file && file.size > max
        ? '文件过大（' + (file.size / 1048576).toFixed(1) + 'MB），单个文件不超过10MB'
        : '');
      input.reportValidity();
    });
  });
  document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
  const chart = document.getElementById('score-chart');
  if (chart && window.echarts) {
    const data = JSON.parse(chart.dataset.histogram);
    window.echarts.init(chart).setOption({
      animation: false,
      // drawn on the canvas: the HTML tooltip would carry style attributes the policy blocks
      tooltip: {renderMode: 'richText'},
      xAxis: {type: 'category', name: '总分', data: Object.keys(data)},
      yAxis: {type: 'value', name: '单位数', minInterval: 1},
      series: [{type: 'bar', data: Object.values(data), itemStyle: {color: '#b71c1c'}}]
    });
  }
});
