// Follows a running run: polls its progress every two seconds, updates the step table in place, and reloads
// the page once the run has ended (so the failure cause and the actions match its final state).
(function () {
  var table = document.getElementById('steps');
  if (!table || table.dataset.running !== 'true') { return; }
  var url = table.dataset.progress;
  function cell(row, field, value) {
    var td = row.querySelector('[data-field="' + field + '"]');
    if (td) { td.textContent = value === null || value === undefined ? '' : String(value); }
  }
  function update(progress) {
    document.getElementById('run-status').textContent = progress.status;
    document.getElementById('run-duration').textContent = progress.duration;
    var body = table.tBodies[0];
    progress.steps.forEach(function (s) {
      var row = body.querySelector('tr[data-step="' + s.name + '"]');
      if (!row) {
        row = document.createElement('tr');
        row.dataset.step = s.name;
        row.innerHTML = '<th scope="row"></th><td data-field="status"></td><td class="num" data-field="read"></td>' +
          '<td class="num" data-field="written"></td><td class="num" data-field="skipped"></td>' +
          '<td class="num" data-field="rejected"></td><td data-field="started"></td><td data-field="duration"></td>';
        row.querySelector('th').textContent = s.name;
        body.appendChild(row);
      }
      ['status', 'read', 'written', 'skipped', 'rejected', 'started', 'duration'].forEach(function (f) {
        cell(row, f, s[f]);
      });
    });
    if (!progress.running) { window.location.reload(); }
  }
  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) { if (p) { update(p); if (p.running) { setTimeout(poll, 2000); } } })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
