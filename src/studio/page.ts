/**
 * The studio's HTML: a static skeleton in the interface language, with the
 * locale strings and the template hints embedded as JSON for the script.
 * Everything the page loads comes from this app (no CDN, no web fonts).
 */
import type { Tree } from '../i18n/types.js'
import type { StudioTemplateHints } from './hints.js'

export type StudioLang = 'zh' | 'en'

/** The office's brand (QOYAR_DATA), which the templates already take as defaults: shown in the brand panel. */
export interface StudioOffice {
  data: string
  name?: { zh: string; en?: string | undefined }
  colors: Record<string, string>
  emblem?: string
}

export interface StudioPageInput {
  lang: StudioLang
  strings: Tree
  hints: Record<string, StudioTemplateHints>
  assets: { css: string; js: string }
  office?: StudioOffice
}

/** BCP 47 tags for the html element. */
export const HTML_LANG: Record<StudioLang, string> = { zh: 'zh-Hans', en: 'en' }

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** JSON safe inside a <script> element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

export function studioPage({ lang, strings, hints, assets, office }: StudioPageInput): string {
  const s = (path: string): string => {
    let v: string | Tree | undefined = strings
    for (const part of path.split('.')) v = typeof v === 'object' ? v[part] : undefined
    return escapeHtml(typeof v === 'string' ? v : path)
  }
  const other: StudioLang = lang === 'zh' ? 'en' : 'zh'
  return `<!doctype html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${s('title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.css}">
<script type="module" src="${assets.js}"></script>
</head>
<body>
<a class="skip" href="#preview-heading">${s('skip')}</a>
<header class="top">
<h1>${s('title')}</h1>
<p>${s('tagline')}</p>
<a id="lang-switch" class="lang-switch" href="?lang=${other}" hreflang="${HTML_LANG[other]}" lang="${HTML_LANG[other]}" aria-label="${s('otherLanguageLabel')}">${s('otherLanguage')}</a>
</header>
<noscript><p class="notice error">${s('noscript')}</p></noscript>
<main>
<div class="form-col">
<p id="load-status" role="status">${s('loading')}</p>
<fieldset id="keep">
<legend>${s('keep.heading')}</legend>
<div class="keep-row"><button type="button" id="undo" class="secondary small" disabled>${s('keep.undo')}</button><button type="button" id="redo" class="secondary small" disabled>${s('keep.redo')}</button></div>
<div class="keep-row"><label for="save-name">${s('keep.name')}</label><input type="text" id="save-name" autocomplete="off" maxlength="200"><button type="button" id="save" class="small">${s('keep.save')}</button></div>
<div class="keep-row"><label for="saved">${s('keep.savedLabel')}</label><select id="saved"></select><button type="button" id="open-saved" class="secondary small">${s('keep.open')}</button><button type="button" id="delete-saved" class="secondary small">${s('keep.delete')}</button></div>
<div class="keep-row"><button type="button" id="export" class="secondary small">${s('keep.export')}</button><label for="import-file" class="file-button">${s('keep.import')}</label><input type="file" id="import-file" class="visually-hidden" accept=".json,application/json"></div>
<p id="keep-status" class="hint" role="status"></p>
</fieldset>
<fieldset id="design">
<legend>${s('design.heading')}</legend>
<div class="field"><label for="template">${s('design.template')}</label><select id="template" aria-describedby="template-desc"></select><span class="hint" id="template-desc"></span></div>
<div class="field"><label for="preset">${s('design.preset')}</label><select id="preset"></select></div>
<div class="field"><label for="region">${s('design.region')}</label><select id="region" aria-describedby="region-note"></select><span class="hint" id="region-note"></span></div>
</fieldset>
<fieldset id="slogan-box">
<legend>${s('slogan.heading')}</legend>
<div class="field"><label for="slogan">${s('slogan.label')}</label><select id="slogan" aria-describedby="slogan-info"></select></div>
<div id="slogan-info" class="slogan-info"></div>
<div id="slogan-vars"></div>
</fieldset>
<fieldset id="fields-box">
<legend>${s('form.heading')}</legend>
<div id="fields"></div>
</fieldset>
<fieldset id="brand">
<legend>${s('brand.heading')}</legend>
<div id="brand-body"></div>
</fieldset>
</div>
<div class="preview-col">
<section aria-labelledby="preview-heading">
<h2 id="preview-heading" tabindex="-1">${s('preview.heading')}</h2>
<div id="status" role="status" aria-live="polite"></div>
<div id="error" class="notice error" role="alert" hidden></div>
<div class="view-bar" role="group" aria-label="${s('view.heading')}">
<div class="field inline"><label for="zoom">${s('view.zoom')}</label><select id="zoom"><option value="fit">${s('view.fit')}</option><option value="real">${s('view.real')}</option><option value="px">${s('view.px')}</option></select></div>
<fieldset class="overlays"><legend>${s('view.overlays')}</legend>
<span class="check-row"><input type="checkbox" id="ov-trim"><label for="ov-trim">${s('view.trim')}</label></span>
<span class="check-row"><input type="checkbox" id="ov-bleed"><label for="ov-bleed">${s('view.bleedNone')}</label></span>
<span class="check-row"><input type="checkbox" id="ov-safe"><label for="ov-safe">${s('view.safe')}</label></span>
<span class="check-row" id="fold-row" hidden><input type="checkbox" id="ov-fold"><label for="ov-fold">${s('view.fold')}</label></span>
<span class="check-row"><input type="checkbox" id="ov-blocks"><label for="ov-blocks">${s('view.blocks')}</label></span>
</fieldset>
</div>
<div id="stage" class="stage" data-zoom="fit">
<figure id="preview" class="preview" data-state="empty" data-seq="0">
<div id="sheet" class="sheet" hidden><span id="ruler-unit" class="ruler-unit" aria-hidden="true"></span><div id="ruler-x" class="ruler ruler-x" aria-hidden="true"></div><div id="ruler-y" class="ruler ruler-y" aria-hidden="true"></div><img id="preview-img" alt="" hidden><div id="overlay" class="overlay"></div></div>
<figcaption id="preview-empty">${s('preview.empty')}</figcaption>
</figure>
</div>
<div class="preview-meta"><span id="busy" aria-hidden="true" hidden>${s('preview.updating')}</span><span id="preview-size"></span><span id="translation"></span></div>
<fieldset id="tune" class="tune" hidden></fieldset>
<h3 class="sizes-heading" id="sizes-heading">${s('sizes.heading')}</h3>
<div id="sizes" class="sizes" role="group" aria-labelledby="sizes-heading"></div>
</section>
<section aria-labelledby="download-heading">
<h2 id="download-heading">${s('download.heading')}</h2>
<div class="actions">
<a id="dl-svg" class="button" href="#" download>${s('download.svg')}</a>
<a id="dl-png" class="button" href="#" download>${s('download.png')}</a>
<a id="dl-pdf" class="button" href="#" download>${s('download.pdf')}</a>
</div>
<details id="pdf-options">
<summary>${s('download.pdfOptions')}</summary>
<div class="pdf-options">
<div class="field"><label for="pdf-bleed">${s('download.bleed')}</label><input type="number" id="pdf-bleed" min="0" max="10" step="0.5" value="0"></div>
<div class="field check-row"><input type="checkbox" id="pdf-marks"><label for="pdf-marks">${s('download.marks')}</label></div>
<div class="field"><label for="pdf-sheet">${s('download.sheet')}</label><select id="pdf-sheet"><option value="">${s('download.sheetNone')}</option><option value="a4">${s('download.sheetA4')}</option><option value="a3">${s('download.sheetA3')}</option></select></div>
</div>
</details>
<div id="download-status" role="status"></div>
</section>
<section aria-labelledby="batch-heading" id="batch">
<h2 id="batch-heading">${s('batch.heading')}</h2>
<p class="hint">${s('batch.intro')}</p>
<div id="batch-drop" class="drop"><label for="batch-file">${s('batch.file')}</label><input type="file" id="batch-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
<div id="batch-map"></div>
<ol id="batch-rows" class="batch-rows"></ol>
<ul id="batch-bad" class="batch-bad"></ul>
<div class="actions">
<div class="field inline"><label for="batch-format">${s('batch.format')}</label><select id="batch-format"><option value="pdf">PDF</option><option value="zip-png">ZIP (PNG)</option><option value="zip-svg">ZIP (SVG)</option><option value="zip-pdf">ZIP (PDF)</option></select></div>
<button type="button" id="batch-go" aria-describedby="batch-plan">${s('batch.make')}</button>
<span id="batch-plan" class="batch-plan" role="status"></span>
</div>
<progress id="batch-progress" hidden></progress>
<div id="batch-status" role="status"></div>
</section>
<section aria-labelledby="link-heading">
<h2 id="link-heading">${s('link.heading')}</h2>
<div class="link-row">
<div class="field"><label for="link-format">${s('link.format')}</label><select id="link-format"><option value="png">PNG</option><option value="svg">SVG</option><option value="pdf">PDF</option></select></div>
<div class="field grow"><label for="link-text">${s('link.field')}</label><input id="link-text" type="text" readonly spellcheck="false"></div>
<div class="field"><button type="button" id="copy-link">${s('link.copy')}</button></div>
</div>
<div id="link-status" role="status"></div>
</section>
</div>
<aside class="panel-col" aria-label="${s('panel.label')}">
<section aria-labelledby="report-heading">
<h2 id="report-heading">${s('report.heading')}</h2>
<p id="report-summary" role="status">${s('report.waiting')}</p>
<p id="report-pack" class="hint"></p>
<ol id="report" class="rules"></ol>
</section>
<section aria-labelledby="findings-heading">
<h2 id="findings-heading">${s('text.heading')}</h2>
<p id="findings-summary" class="hint"></p>
<ul id="findings" class="findings"></ul>
</section>
</aside>
</main>
<script type="application/json" id="studio-boot">${scriptJson({ lang, htmlLang: HTML_LANG[lang], strings, hints, ...(office ? { office } : {}) })}</script>
</body>
</html>
`
}
