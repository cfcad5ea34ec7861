// Click a column header to sort its table (numbers by data-sort or value); click again to reverse.
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0], index = th.cellIndex, rows = Array.from(body.rows);
    var descending = th.dataset.order !== "desc"; th.dataset.order = descending ? "desc" : "asc";
    function key(row) { var cell = row.cells[index]; var text = cell.dataset.sort || cell.textContent.trim(); var n = parseFloat(text.replace(/[,%]/g, "")); return isNaN(n) ? text.toLowerCase() : n; }
    rows.sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1); });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
