// plugin-throttling builds its limiters from bottleneck's light build (no Redis code); ours must
// come from the same build, which ships without its own typings. The API is the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
