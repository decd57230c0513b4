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
main { display: grid; grid-template-columns: minmax(22rem, 38fr) 62fr; gap: 1.25rem; padding: 1rem 1.25rem 2rem; align-items: start; }
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
.preview-col { position: sticky; top: .5rem; }
@media (max-width: 960px) { .preview-col { position: static; } }
figure.preview { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; min-height: 8rem; display: flex; align-items: center; justify-content: center;
  background-color: #fff; background-image: linear-gradient(45deg, #e9e9e9 25%, transparent 25%, transparent 75%, #e9e9e9 75%), linear-gradient(45deg, #e9e9e9 25%, transparent 25%, transparent 75%, #e9e9e9 75%);
  background-size: 16px 16px; background-position: 0 0, 8px 8px; }
figure.preview img { display: block; max-width: 100%; max-height: 58vh; height: auto; width: auto; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
figure.preview[data-state='error'] img { opacity: .55; }
figure.preview[data-state='loading'] img { opacity: .85; }
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
.images-list img { width: 6rem; height: auto; max-height: 6rem; object-fit: contain; background: var(--soft); }
.images-list .remove { grid-column: 1; align-self: start; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`
