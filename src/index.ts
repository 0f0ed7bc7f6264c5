/**
 * The package's entry for bundlers (`import { VitrineChart } from 'vitrine'`): the element classes,
 * their events, the data layer and the formatting. It has no side effect: nothing is defined here.
 * Define the elements a page uses with `import 'vitrine/components/<name>/define.js'` (each defines
 * its element once), or import `vitrine/vitrine.js`, the autoloader that defines each element the first
 * time one is on the page (the script-tag entry, see dist/cdn).
 * @module
 */
export { VitrineChart } from './components/chart/chart.js';
export { VitrineFigure } from './components/figure/figure.js';
export { VitrineFilter } from './components/filter/filter.js';
export { VitrineFilters } from './components/filters/filters.js';
export { VitrineMap } from './components/map/map.js';
export { VitrineSearch } from './components/search/search.js';
export { VitrineSource, type SourceConfig, type SourceConfigOptions } from './components/source/source.js';
export { VitrineTable } from './components/table/table.js';
export { VitrineDataErrorEvent, VitrineDataLoadEvent } from './events/data-events.js';
export { VitrineFilterChangeEvent, type FilterSelection } from './events/filter-events.js';
export { VitrineFeatureClickEvent } from './events/map-events.js';
export { VitrineSourceChangeEvent } from './events/source-change.js';
export { VitrinePageChangeEvent, VitrineSortChangeEvent } from './events/table-events.js';
export * from './data/index.js';
export * from './format/index.js';
