// The state filter of places.html, until <vitrine-filter> exists: it sets the source's filter, and every
// element bound to the source follows. A click on a zip code (or its row in the table) is shown below.
const select = document.querySelector('#state');
const source = document.querySelector('#zips');
const clicked = document.querySelector('#clicked');

select?.addEventListener('change', () => {
  source?.setAttribute('filter', select.value ? `state = ${select.value}` : '');
});

document.querySelector('#zip-map')?.addEventListener('vitrine-feature-click', (event) => {
  const { zip_code: zip, city } = event.properties;
  if (clicked) clicked.textContent = `Sélection : ${zip} ${city}`;
});
