/**
 * The top table: a click on a column title sorts by it (flat, cum, name; again reverses), a click
 * on a row selects its name for Refine and the views (the search box gets `^(names)$`).
 */
export function startTopTable(table: HTMLTableElement, search: HTMLInputElement): void {
  const body = table.tBodies[0];
  const selected = new Set<string>();
  let sortedBy = '';
  table.tHead?.addEventListener('click', (e) => {
    const th = (e.target as HTMLElement).closest('th');
    const key = th?.dataset.key;
    if (!th || !key) return;
    const rows = [...body.rows];
    const value = (r: HTMLTableRowElement) => (key === 'name' ? (r.cells[5].textContent ?? '') : Number(r.dataset[key]));
    const dir = sortedBy === key ? -1 : 1;
    rows.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? y - x : String(x).localeCompare(String(y));
      return order * dir;
    });
    sortedBy = sortedBy === key ? '' : key;
    for (const h of table.tHead?.querySelectorAll('th') ?? []) h.classList.toggle('sorted', h === th);
    body.append(...rows);
  });
  body.addEventListener('click', (e) => {
    const row = (e.target as HTMLElement).closest('tr');
    if (!row) return;
    const name = row.cells[5].textContent ?? '';
    if (selected.has(name)) selected.delete(name);
    else selected.add(name);
    row.classList.toggle('selected', selected.has(name));
    search.value = selected.size === 0 ? '' : `^(${[...selected].map(escapeRegexp).join('|')})$`;
    search.dispatchEvent(new Event('input'));
  });
}

/** `text` as a regexp matching it literally (Go's RE2 reads these escapes as JavaScript does). */
export function escapeRegexp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
