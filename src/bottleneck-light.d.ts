// `bottleneck/light.js`: Bottleneck without Redis clustering, the build both octokit plugins load.
// It ships no typings of its own; its API is the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
