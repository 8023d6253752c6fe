// The strict (CSP-safe, no eval) dist bundle has the same API as plotly.js; its types come from @types/plotly.js.
declare module 'plotly.js-strict-dist-min' {
  import * as Plotly from 'plotly.js';
  export default Plotly;
}
