// The vega packages that src/components/chart/vega-subset.ts imports one by one ship no types of
// their own: they are typed here from the `vega` package's typings, which re-export them.
declare module 'vega-dataflow' {
  export { transforms } from 'vega';
}
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-functions' {
  export { expressionFunction } from 'vega';
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'vega-regression';
