/**
 * Stands in for Node's `fs` in the Workers bundle (wrangler.toml [alias]):
 * harfbuzzjs's Emscripten loader names it in a branch taken only on Node.
 */
export default {}
