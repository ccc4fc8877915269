// fleet.mjs: the fleet's pages in a real browser (Debian's Chromium through
// playwright-core) as one signed-in officer, in Polish and English, at a
// desktop's 1280 px and a phone's 390 px: whether the page scrolls
// sideways (scrollWidth > clientWidth; a wide table scrolls inside its own
// box), and the text of the elements asked for, with whether each is shown
// and inside the width, and its list marker ('none' unless it is a list
// item with a bullet or number). The caller (tests/http/test_fleet_browser.py)
// judges the figures; this script only reports them. Screenshots
// NAME-LANG-desktop.png and NAME-LANG-phone.png (the whole page).
//   node tests/browser/fleet.mjs BASE_URL SHOT_DIR LOGIN PAGES.json OUT.json
// PAGES.json: [{name, url, selectors: [css…]}]; OUT.json: [{name, lang,
// look, status, sw, cw, texts: {css: {text, shown, inside, marker}}}].
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, shots, login, pagesFile, outFile] = process.argv.slice(2);
const PASSWORD = 'Demo-Haslo-2026';
const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
const out = [];

// Runs in the page: the width and each selector's text and box.
function measure(selectors) {
	const de = document.documentElement;
	const texts = {};
	for (const sel of selectors) {
		const el = document.querySelector(sel);
		if (!el) {
			texts[sel] = null;
			continue;
		}
		const r = el.getBoundingClientRect();
		const cs = getComputedStyle(el);
		texts[sel] = {
			text: (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
			shown: r.width > 0 && r.height > 0 && el.checkVisibility(),
			inside: r.left >= 0 && r.right <= de.clientWidth + 0.5,
			marker: cs.display === 'list-item' ? cs.listStyleType : 'none',
		};
	}
	return { sw: de.scrollWidth, cw: de.clientWidth, texts };
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
let status = 0;
try {
	for (const lang of ['pl', 'en']) {
		const ctx = await browser.newContext({
			locale: lang === 'en' ? 'en-GB' : 'pl-PL',
			viewport: { width: 1280, height: 900 },
		});
		const page = await ctx.newPage();
		await page.goto(base + '/skr/signin?lang=' + lang);
		await page.fill('#f-login', login);
		await page.fill('#f-password', PASSWORD);
		await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
		for (const p of pages) {
			for (const [look, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
				await page.setViewportSize({ width, height });
				const resp = await page.goto(base + p.url);
				const m = await page.evaluate(measure, p.selectors);
				out.push({ name: p.name, lang, look, status: resp ? resp.status() : 0, ...m });
				await page.screenshot({ path: shots + '/' + p.name + '-' + lang + '-' + look + '.png',
					fullPage: true });
			}
		}
		await ctx.close();
	}
} catch (e) {
	console.log('error: ' + e.message.split('\n')[0]);
	status = 1;
} finally {
	await browser.close();
}
writeFileSync(outFile, JSON.stringify(out, null, 1));
process.exit(status);
