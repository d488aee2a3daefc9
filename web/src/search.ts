/** The header's search box: a URN opens the school; anything else lists the schools `searchSchools` finds. */
export function startSearch(navigate: (path: string) => void): void {
  const form = document.getElementById('school-search') as HTMLFormElement | null;
  const input = document.getElementById('search-query') as HTMLInputElement | null;
  if (!form || !input) return;
  form.dataset.native = '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return;
    navigate(/^\d{6}$/.test(query) ? `/schools/${query}` : `/search?q=${encodeURIComponent(query)}`);
  });
}
