// phone.mjs: every page the crawler found (tests/http/crawl_lib.py), opened
// in Chromium at a phone's 390x844 as the person who found it, in their
// language: does the page fit the width (document.documentElement.scrollWidth
// <= clientWidth)? A page that overflows is photographed whole into
// SHOTS/<who>-<lang>/ (the evidence); pages that fit are not: a screenshot
// cost as much CPU as a third of a page's visit and checked nothing
// (docs/testing.md). ZSOG_PHONE_SHOTS=1 also takes the first screen of one
// page of each shape in each language (the path with numbers as N: one
// booking stands for the others), to look at.
//   node tests/browser/phone.mjs BASE_URL JOBS.json SHOTS RESULTS.json
// JOBS.json: [{who, lang, cookies: {name: value}, pages: [url…]}].
// RESULTS.json: [{who, lang, url, final, status, scrollWidth, clientWidth,
// culprits, shot, shotError}]; culprits are the innermost elements reaching
// past the right edge, to tell where a page overflows; a screenshot that
// failed (shotError) fails no page: the measurement is the check.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, jobsFile, shots, resultsFile] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile, 'utf8'));
const PARALLEL = 2;	// contexts at once: the machine has 2 cores
const SHAPE_SHOTS = process.env.ZSOG_PHONE_SHOTS === '1';

function shape(url) {
	return url.split('?')[0].replace(/\d{4}-\d{2}-\d{2}/g, 'D').replace(/\d+/g, 'N');
}

function slug(url) {
	return url.replace(/^\//, '').replace(/[^A-Za-z0-9]+/g, '_').slice(0, 80) || 'home';
}

// Runs in the page: the width and, when too wide, the innermost elements
// whose box passes the right edge.
function measure() {
	const de = document.documentElement;
	const out = { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, culprits: [] };
	if (out.scrollWidth <= out.clientWidth)
		return out;
	const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
		(el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.right <= de.clientWidth + 0.5)
			continue;
		// Innermost only: no child of its own passes the edge.
		let inner = true;
		for (const c of el.children)
			if (c.getBoundingClientRect().right > de.clientWidth + 0.5) { inner = false; break; }
		if (inner)
			out.culprits.push(name(el) + ' ' + Math.round(r.right) + 'px');
		if (out.culprits.length >= 4)
			break;
	}
	return out;
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
const results = [];
const shot_shapes = new Set();	// lang + shape already shown
let status = 0;

async function run(job) {
	const ctx = await browser.newContext({
		viewport: { width: 390, height: 844 }, deviceScaleFactor: 1,
		isMobile: true, hasTouch: true,
		locale: job.lang === 'en' ? 'en-GB' : 'pl-PL',
	});
	await ctx.addCookies(Object.entries(job.cookies).map(([name, value]) =>
		({ name, value, url: base })));
	const page = await ctx.newPage();
	const dir = shots + '/' + job.who + '-' + job.lang;
	let n = 0;
	for (const url of job.pages) {
		const shot = dir + '/' + String(++n).padStart(3, '0') + '-' + slug(url) + '.png';
		const r = { who: job.who, lang: job.lang, url };
		try {
			const t0 = Date.now();
			const resp = await page.goto(base + url, { waitUntil: 'load' });
			r.loadMs = Date.now() - t0;
			r.status = resp ? resp.status() : 0;
			r.final = page.url().slice(base.length);
			Object.assign(r, await page.evaluate(measure));
			const over = r.scrollWidth > r.clientWidth;
			const key = job.lang + ' ' + shape(url);
			if (over || (SHAPE_SHOTS && !shot_shapes.has(key))) {
				shot_shapes.add(key);
				const t1 = Date.now();
				try {
					mkdirSync(dir, { recursive: true });
					await page.screenshot({ path: shot, fullPage: over });
					r.shot = shot;
				} catch (e) {
					r.shotError = e.message.split('\n')[0];
				}
				r.shotMs = Date.now() - t1;
			}
		} catch (e) {
			r.error = e.message.split('\n')[0];
		}
		results.push(r);
	}
	await ctx.close();
}

try {
	const queue = jobs.slice();
	await Promise.all(Array.from({ length: PARALLEL }, async () => {
		while (queue.length)
			await run(queue.shift());
	}));
} catch (e) {
	console.error(e.message);
	status = 1;
} finally {
	writeFileSync(resultsFile, JSON.stringify(results, null, 1));
	await browser.close();
}
console.log('ok - ' + results.length + ' pages measured');
process.exit(status);
