/** The studio's stylesheet, bundled as code (served at /studio/studio.css). System fonts for the interface; our Mongolian font for Mongolian. */
export const STUDIO_CSS = /* css */ `
@font-face {
  font-family: 'Qoyar Mongolian';
  src: url('/studio/fonts/mongolian.ttf') format('truetype');
  font-display: swap;
}
:root {
  --ink: #1b1b1b;
  --muted: #4a4a4a;
  --line: #8a8a8a;
  --soft: #f3f4f6;
  --accent: #0b4ea2;
  --accent-ink: #ffffff;
  --pass: #176b30;
  --fail: #a3001b;
  --focus: #ffbf00;
  color-scheme: light;
}
* { box-sizing: border-box; }
/* hidden wins over any display the element's class sets (.check-row is flex). */
[hidden] { display: none !important; }
html { font-family: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0; }
[lang|='mn'], .mongol { font-family: 'Qoyar Mongolian', 'Noto Sans Mongolian', 'Mongolian Baiti', sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink);
}
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
header.top { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 1.35rem; margin: 0; }
header.top p { margin: 0; color: var(--muted); flex: 1 1 20rem; }
header.top .lang-switch { font-weight: 600; }
main { display: grid; grid-template-columns: minmax(18rem, 22rem) minmax(0, 1fr) minmax(16rem, 21rem); gap: 1rem; padding: 1rem 1rem 2rem; align-items: start; }
@media (max-width: 1180px) { main { grid-template-columns: minmax(18rem, 22rem) minmax(0, 1fr); } .panel-col { grid-column: 1 / -1; } }
@media (max-width: 960px) { main { grid-template-columns: 1fr; } }
.form-col > section, .form-col > fieldset { margin: 0 0 1rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
legend { font-weight: 700; padding: 0 .35rem; }
h2 { font-size: 1.1rem; margin: .25rem 0 .5rem; }
.field { margin: .7rem 0; }
.field > label, .field > .label { display: block; font-weight: 600; margin-bottom: .2rem; }
.req { color: var(--fail); font-weight: 600; font-size: .85em; margin-left: .35em; }
.hint { display: block; color: var(--muted); font-size: .875rem; margin-top: .15rem; }
.hint > .note { display: block; }
.text-findings { list-style: none; margin: .25rem 0 0; padding: 0; font-size: .875rem; }
.text-findings .finding { border-left: 3px solid #b35c00; padding: .1rem .5rem; margin: .2rem 0; }
.text-findings .finding.error { border-left-color: var(--fail); }
.text-findings button { margin-left: .5rem; }
.preview-col > section + section { margin-top: 1.25rem; }
input[type='text'], input[type='number'], select, textarea {
  font: inherit; color: var(--ink); background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .35rem .5rem; max-width: 100%;
}
select, input[type='text'], textarea { width: 100%; }
input[type='number'] { width: 9rem; }
textarea { resize: vertical; }
textarea.mongol {
  writing-mode: vertical-lr; height: 11rem; width: 100%; resize: horizontal; font-size: 1.35rem; line-height: 1.6; padding: .5rem;
  overflow-x: auto; overflow-y: hidden;
}
textarea.mongol.small { height: 6.5rem; font-size: 1.1rem; }
.color-row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.color-row input[type='color'] { width: 3rem; height: 2.2rem; padding: 0; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.color-row input[type='text'] { width: 8rem; font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; }
.color-row label { font-weight: normal; }
.check-row { display: flex; gap: .5rem; align-items: center; }
.check-row input { width: 1.15rem; height: 1.15rem; }
button, .button {
  font: inherit; font-weight: 600; display: inline-block; border-radius: 4px; padding: .4rem .9rem; cursor: pointer;
  border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; line-height: 1.4;
}
button.secondary { background: #fff; color: var(--accent); }
button.small { padding: .1rem .5rem; font-size: .875rem; }
.button[aria-disabled='true'] { opacity: .6; }
.notice { border-left: 4px solid var(--accent); background: var(--soft); padding: .5rem .75rem; margin: .5rem 0; }
.notice.warn { border-left-color: #b35c00; }
.notice.error { border-left-color: var(--fail); color: var(--fail); font-weight: 600; }
.slogan-info dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem .75rem; margin: .5rem 0; }
.slogan-info dt { font-weight: 600; }
.slogan-info dd { margin: 0; }
.status-reviewed { color: var(--pass); font-weight: 600; }
.status-unreviewed { color: #8a4b00; font-weight: 600; }
.status-missing { color: var(--fail); font-weight: 600; }
/* Beside a long form the preview and the panel stay in view; each scrolls on its own when taller than the window
   (a sticky column taller than the window would hide its own end: the batch panel, at 1280×800). */
.preview-col, .panel-col { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow-y: auto; padding-right: .25rem; }
@media (max-width: 1180px) { .panel-col { position: static; max-height: none; } }
@media (max-width: 960px) { .preview-col { position: static; max-height: none; } }
.view-bar { display: flex; gap: .75rem 1rem; flex-wrap: wrap; align-items: center; margin: .25rem 0 .5rem; font-size: .9rem; }
.view-bar .field { margin: 0; display: flex; gap: .4rem; align-items: center; }
.view-bar .field > label { margin: 0; }
.view-bar select { width: auto; }
fieldset.overlays { display: flex; gap: .25rem .75rem; flex-wrap: wrap; align-items: center; border: 0; padding: 0; margin: 0; }
fieldset.overlays legend { float: left; padding: 0 .25rem 0 0; font-weight: 600; }
.stage { border: 1px solid var(--line); border-radius: 6px; overflow: auto; max-height: 70vh; min-height: 10rem;
  background-color: #fff; background-image: linear-gradient(45deg, #e9e9e9 25%, transparent 25%, transparent 75%, #e9e9e9 75%), linear-gradient(45deg, #e9e9e9 25%, transparent 25%, transparent 75%, #e9e9e9 75%);
  background-size: 16px 16px; background-position: 0 0, 8px 8px; }
.stage[data-zoom='fit'] { overflow: hidden; }
figure.preview { margin: 0; padding: 0 28px 16px 0; min-height: 8rem; display: flex; align-items: flex-start; justify-content: flex-start; width: max-content; min-width: 100%; }
figure.preview figcaption { padding: 1rem; align-self: center; }
.sheet { position: relative; margin: 30px 0 0 30px; }
.sheet img { display: block; max-width: none; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
.overlay { position: absolute; inset: 0; pointer-events: none; }
.overlay svg { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; }
.overlay svg * { vector-effect: non-scaling-stroke; }
.ov-trim { fill: none; stroke: #00a3c4; stroke-width: 1.5; }
.ov-bleed { fill: rgba(230, 0, 126, .28); stroke: #e6007e; stroke-width: 1; stroke-dasharray: 4 3; }
.ov-safe { fill: none; stroke: #0a8f3c; stroke-width: 1.5; stroke-dasharray: 6 4; }
.ov-fold { stroke: #e07000; stroke-width: 2; stroke-dasharray: 10 4 2 4; }
.ov-block { fill: rgba(11, 78, 162, .06); stroke: #0b4ea2; stroke-width: 1; }
.ov-block.flagged { fill: rgba(163, 0, 27, .12); stroke: var(--fail); stroke-width: 2.5; stroke-dasharray: 5 3; }
.ov-block.pointed { fill: rgba(255, 191, 0, .25); stroke: #000; stroke-width: 3; stroke-dasharray: none; }
.ov-block.selected { fill: rgba(0, 122, 90, .1); stroke: #007a5a; stroke-width: 2.5; stroke-dasharray: none; }
/* Block boxes pick the block to tune (tune.ts); the rest of the overlay lets the pointer through. */
.overlay svg .ov-block { pointer-events: auto; cursor: pointer; }
fieldset.tune { margin: .75rem 0 0; }
.tune-row { display: grid; grid-template-columns: minmax(8rem, 14rem) minmax(8rem, 1fr) 4.5rem; gap: .5rem; align-items: center; margin: .35rem 0; }
.tune-row output { font-variant-numeric: tabular-nums; }
.ruler { position: absolute; background: #fafafa; }
.ruler svg { display: block; overflow: visible; }
.ruler-x { left: 0; top: -22px; }
.ruler-y { top: 0; left: -22px; }
.ruler-unit { position: absolute; left: -22px; top: -22px; width: 18px; height: 18px; font-size: 9px; line-height: 18px; text-align: center; color: var(--muted); }
.ruler-ground { fill: #f4f4f4; stroke: #c8c8c8; }
.tick { stroke: #555; stroke-width: 1; }
.tick-label { font: 9px system-ui, sans-serif; fill: #333; }
figure.preview[data-state='error'] img { opacity: .55; }
figure.preview[data-state='loading'] img { opacity: .85; }
.sizes-heading { font-size: .95rem; margin: .75rem 0 .35rem; }
.sizes[data-state='pending'], .sizes[data-state='loading'] { opacity: .6; }
.sizes { display: flex; gap: .5rem; overflow-x: auto; padding-bottom: .35rem; }
button.size { flex: 0 0 auto; display: flex; flex-direction: column; align-items: center; gap: .2rem; width: 8.5rem; padding: .35rem; background: #fff; color: var(--ink);
  border: 2px solid var(--line); font-weight: normal; font-size: .75rem; line-height: 1.25; }
button.size[aria-pressed='true'] { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent); }
button.size .thumb { display: flex; align-items: center; justify-content: center; width: 100%; height: 4rem; background: var(--soft); }
button.size .thumb img { max-width: 100%; max-height: 4rem; box-shadow: 0 0 0 1px rgba(0,0,0,.25); }
button.size .size-name { text-align: center; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
button.size[data-pass='true'] .size-verdict { color: var(--pass); font-weight: 700; }
button.size[data-pass='false'] .size-verdict, button.size[data-fits='false'] .size-verdict { color: var(--fail); font-weight: 700; }
button.size[data-fits='false'] .thumb { background: #fff6f7; }
.drop { border: 2px dashed var(--line); border-radius: 6px; padding: .75rem; background: var(--soft); }
.drop.over { border-color: var(--accent); background: #eaf1fb; }
.drop label { display: block; font-weight: 600; margin-bottom: .35rem; }
table.batch-map { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
table.batch-map th, table.batch-map td { text-align: left; padding: .2rem .5rem .2rem 0; }
table.batch-map select { width: auto; max-width: 20rem; }
ol.batch-rows { list-style: none; padding: 0; margin: .5rem 0; display: flex; gap: .5rem; flex-wrap: wrap; }
ol.batch-rows > li { display: flex; flex-direction: column; gap: .15rem; width: 10rem; font-size: .8rem; border: 1px solid var(--line); border-radius: 4px; padding: .35rem; }
ol.batch-rows .thumb { display: flex; align-items: center; justify-content: center; height: 5rem; background: var(--soft); }
ol.batch-rows .thumb img { max-width: 100%; max-height: 5rem; }
ol.batch-rows .row-no { font-weight: 700; }
ol.batch-rows li[data-status='failed'] .row-verdict, ol.batch-rows li[data-pass='false'] .row-verdict { color: var(--fail); }
ul.batch-bad { margin: .5rem 0; padding-left: 1.25rem; color: var(--fail); max-height: 14rem; overflow-y: auto; font-size: .9rem; }
progress { width: 100%; }
.field.inline { display: flex; gap: .4rem; align-items: center; margin: 0; }
.field.inline > label { margin: 0; white-space: nowrap; }
.keep-row { display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; margin: .4rem 0; }
.keep-row label { font-weight: 600; font-size: .9rem; }
.keep-row input[type='text'], .keep-row select { width: auto; flex: 1 1 8rem; min-width: 0; }
button:disabled { opacity: .45; cursor: default; }
label.file-button { font-weight: 600; font-size: .875rem; border: 2px solid var(--accent); color: var(--accent); border-radius: 4px; padding: .1rem .5rem; cursor: pointer; }
input.visually-hidden:focus-visible + *, input.visually-hidden:focus + * { outline: 3px solid var(--focus); }
#busy { font-weight: 600; color: var(--accent); }
.preview-meta { display: flex; gap: 1rem; flex-wrap: wrap; color: var(--muted); font-size: .9rem; margin: .35rem 0; }
#status { min-height: 1.5em; margin: .35rem 0; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
.pdf-options { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin-top: .5rem; }
.pdf-options .field { margin: 0; }
.link-row { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; }
.link-row .grow { flex: 1 1 18rem; }
.link-row input { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .85rem; }
#report-summary { font-weight: 700; }
#report-summary.pass { color: var(--pass); }
#report-summary.fail { color: var(--fail); }
ol.rules { list-style: none; padding: 0; margin: 0; }
ol.rules > li[data-blocks] { cursor: pointer; }
ul.findings { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
ul.findings > li { border-left: 4px solid #b35c00; padding: .25rem .5rem; margin: .35rem 0; background: var(--soft); }
ul.findings > li.error { border-left-color: var(--fail); }
button.link { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 600; }
.measure-box summary { font-size: .85rem; color: var(--muted); font-weight: 600; }
.panel-col h2 { margin-top: 0; }
.panel-col > section + section { margin-top: 1.25rem; }
ol.rules > li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
ol.rules > li[data-pass='true'] { border-left-color: var(--pass); }
ol.rules > li[data-pass='false'] { border-left-color: var(--fail); background: #fff6f7; }
.rule-head { display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
.badge { font-weight: 700; }
li[data-pass='true'] .badge { color: var(--pass); }
li[data-pass='false'] .badge { color: var(--fail); }
.rule-id { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .85rem; color: var(--muted); }
.rule-text { margin: .25rem 0; }
.rule-source, .rule-gloss { margin: .25rem 0; color: var(--muted); font-size: .9rem; }
.rule-why { margin: .35rem 0; font-weight: 600; color: var(--fail); }
.measure { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: .35rem 0 0; font-size: .875rem; }
.measure dt { font-weight: 600; }
.measure dd { margin: 0; overflow-wrap: anywhere; }
.images-list { list-style: none; padding: 0; margin: .5rem 0; }
.images-list > li { display: grid; grid-template-columns: 6rem 1fr; gap: .5rem 1rem; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; margin: .5rem 0; }
.images-list .focus-pick { position: relative; display: inline-block; align-self: start; justify-self: start; padding: 0; border: 1px solid var(--line); border-radius: 2px; background: var(--soft); line-height: 0; cursor: crosshair; }
.images-list .focus-pick img { display: block; width: 6rem; height: auto; }
.images-list .focus-pick:disabled { cursor: default; }
.images-list .focus-pick:disabled .focus-mark { display: none; }
.focus-mark { position: absolute; width: 14px; height: 14px; margin: -8px 0 0 -8px; border: 2px solid #fff; border-radius: 50%; box-shadow: 0 0 0 1.5px #000, inset 0 0 0 1.5px #000; pointer-events: none; }
.crop-controls { display: flex; gap: .5rem; align-items: center; }
.emblem-row { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.emblem-row img { width: 3.5rem; height: 3.5rem; object-fit: contain; background: var(--soft); border: 1px solid var(--line); border-radius: 2px; }
.brand-office { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .6rem; margin: .5rem 0; }
.brand-office p { margin: .2rem 0; }
.swatches { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .2rem .8rem; font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: .85rem; }
.swatch { display: inline-block; width: 1rem; height: 1rem; margin-right: .3rem; vertical-align: -.15rem; border: 1px solid rgba(0,0,0,.3); border-radius: 2px; }
.images-list .remove { grid-column: 1; align-self: start; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
