import { sampleOf, SCRIPTISH } from '../src/test/naughty.js';

/**
 * Known XSS payloads, drawn from the OWASP filter-evasion cheat sheet, PortSwigger's XSS cheat sheet and
 * published sanitiser bypasses (mutation XSS). Wherever a payload can run script it calls `__xss(label)`,
 * the sentinel the test exposes in the page, or `alert`, which the test catches as a dialog; the label
 * tells which payload got through.
 */
export interface Payload {
  label: string;
  html: string;
}

const sentinel = (label: string) => `__xss('${label}')`;

const raw: [string, (call: string) => string][] = [
  // script elements
  ['script', (c) => `<script>${c}</script>`],
  ['script-mixed-case', (c) => `<ScRiPt>${c}</sCrIpT>`],
  ['script-src-data', (c) => `<script src="data:text/javascript,${c}"></script>`],
  ['script-nested', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
  ['script-quotes', (c) => `<img """><script>${c}</script>">`],
  ['title-close', (c) => `</title><script>${c}</script>`],
  ['textarea-close', (c) => `</textarea><script>${c}</script>`],
  ['comment-confusion', (c) => `<!--<img src="--><img src=x onerror=${c}//">`],
  // event handlers
  ['img-onerror', (c) => `<img src=x onerror=${c}>`],
  ['img-onerror-mixed-case', (c) => `<IMG SRC=x OnErRoR=${c}>`],
  ['img-own-media-onload', (c) => `<img src="/media/a/b.jpg" alt="foto" onload="${c}" onerror="${c}">`],
  ['svg-onload', (c) => `<svg onload=${c}>`],
  ['svg-slash-onload', () => `<svg/onload=alert('svg-slash')>`],
  ['body-onload', (c) => `<body onload=${c}>`],
  ['details-ontoggle', (c) => `<details open ontoggle=${c}><summary>x</summary></details>`],
  ['input-autofocus', (c) => `<input autofocus onfocus=${c}>`],
  ['video-source-onerror', (c) => `<video><source onerror=${c}></video>`],
  ['audio-onerror', (c) => `<audio src=x onerror=${c}>`],
  ['marquee-onstart', (c) => `<marquee onstart=${c}>x</marquee>`],
  ['a-onclick', (c) => `<a href="https://example.org/" onclick="${c}">klik</a>`],
  ['handler-entities', () => `<img src=x onerror="&#95;&#95;xss('handler-entities')">`],
  ['handler-unicode-escape', () => `<img src=x onerror=\\u0061lert('unicode-escape')>`],
  ['eval-src', () => `<img src="x:alert('eval-src')" onerror=eval(src) alt=0>`],
  // javascript:, data: and vbscript: URLs
  ['a-javascript', (c) => `<a href="javascript:${c}">klik</a>`],
  ['a-javascript-mixed-case', (c) => `<a href="JaVaScRiPt:${c}">klik</a>`],
  [
    'a-javascript-entities',
    (c) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${c}">klik</a>`,
  ],
  ['a-javascript-partial-entity', (c) => `<a href="javas&#99;ript:${c}">klik</a>`],
  ['a-javascript-tab', (c) => `<a href="java&#x09;script:${c}">klik</a>`],
  ['a-javascript-leading-space', (c) => `<a href=" &#14; javascript:${c}">klik</a>`],
  ['a-data-html', () => `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>`],
  ['a-vbscript', () => `<a href="vbscript:msgbox(1)">klik</a>`],
  ['img-javascript', () => `<IMG SRC=javascript:alert('img-javascript')>`],
  ['img-data-svg', () => `<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">`],
  ['table-background', (c) => `<table background="javascript:${c}"><tr><td>x</td></tr></table>`],
  // SVG and MathML
  ['svg-script', (c) => `<svg><script>${c}</script></svg>`],
  ['svg-animate', (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s></animate></svg>`],
  ['svg-xlink', (c) => `<svg><a xlink:href="javascript:${c}"><text x="20" y="20">klik</text></a></svg>`],
  ['svg-style-mxss', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`],
  ['math-mxss', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
  ['math-href', (c) => `<math href="javascript:${c}">klik</math>`],
  ['noscript-mxss', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`],
  ['template', (c) => `<template><img src=x onerror=${c}></template>`],
  // style tricks
  ['style-import', () => `<style>@import 'javascript:alert("style-import")';</style>`],
  ['style-url', (c) => `<div style="background:url(javascript:${c})">x</div>`],
  ['style-expression', (c) => `<p style="width:expression(${c})">x</p>`],
  [
    'style-overlay',
    () => `<a href="https://example.org/" style="position:fixed;inset:0;z-index:9">tutup</a>`,
  ],
  ['link-stylesheet', () => `<link rel=stylesheet href="data:text/css,body{display:none}">`],
  // embedding, forms and document-level tags
  ['iframe-javascript', (c) => `<iframe src="javascript:${c}"></iframe>`],
  ['iframe-srcdoc', (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`],
  ['object-data', (c) => `<object data="javascript:${c}"></object>`],
  ['embed-src', (c) => `<embed src="javascript:${c}">`],
  ['form-action', (c) => `<form action="javascript:${c}"><button>kirim</button></form>`],
  ['button-formaction', (c) => `<button formaction="javascript:${c}">kirim</button>`],
  ['meta-refresh', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
  ['base-href', () => `<base href="javascript:alert('base')//">`],
  // attribute breakouts and encodings that only matter if text were not escaped
  ['breakout-double', (c) => `"><svg onload=${c}>`],
  ['breakout-single', (c) => `'><img src=x onerror=${c}>`],
  ['breakout-js-string', (c) => `';${c};//`],
  ['fullwidth-brackets', (c) => `＜script＞${c}＜/script＞`],
  ['percent-encoded', (c) => `%3Cscript%3E${c}%3C/script%3E`],
  ['js-unicode-brackets', (c) => `\\u003cscript\\u003e${c}\\u003c/script\\u003e`],
];

/**
 * A fixed sample (every sixteenth) of the short script-like strings of the Big List of Naughty Strings: they
 * call `alert`, which the test catches as a dialog.
 */
const NAUGHTY: Payload[] = sampleOf(
  // a post title holds at most 200 characters, prefix included
  SCRIPTISH.filter((s) => s.length <= 150),
  16,
).map((html, i) => ({ label: `blns-${i + 1}`, html }));

export const PAYLOADS: readonly Payload[] = [
  ...raw.map(([label, make]) => ({ label, html: make(sentinel(label)) })),
  ...NAUGHTY,
];
