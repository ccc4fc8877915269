// reports.mjs: the officers' start page and two reports in a real browser
// (Debian's Chromium through playwright-core), at a desktop's 1280 px and a
// phone's 390 px: the page does not scroll sideways (scrollWidth <=
// clientWidth: a wide table scrolls inside its own box), and each chart's
// drawn title is on screen, inside the width and tall enough to read.
// Screenshots NAME-desktop.png (the whole page) and NAME-phone.png (the
// whole page) go to the directory given (tests/http/test_reports_browser.py
// copies them to docs/screenshots/reports/ only when asked).
//   node tests/browser/reports.mjs BASE_URL SCREENSHOT_DIR LOGIN
import { chromium } from 'playwright-core';

const [base, shots, login] = process.argv.slice(2);
const PASSWORD = 'Demo-Haslo-2026';
let failures = 0;

function check(cond, what) {
	console.log((cond ? 'ok - ' : 'not ok - ') + what);
	if (!cond)
		failures++;
}

// Runs in the page: the width, and for each inline chart its <title> and
// the box of the drawn title (the bold text of the same words).
function measure() {
	const de = document.documentElement;
	const charts = [];
	for (const svg of document.querySelectorAll('svg[role=img]')) {
		const title = svg.querySelector('title');
		const want = title ? title.textContent : '';
		let box = null;
		for (const t of svg.querySelectorAll('text'))
			if (t.textContent === want) {
				const r = t.getBoundingClientRect();
				box = { left: r.left, right: r.right, height: r.height };
				break;
			}
		charts.push({ id: svg.id, title: want, box });
	}
	return { sw: de.scrollWidth, cw: de.clientWidth, charts };
}

const pages = [
	['dashboard', '/skr/'],
	['report-traffic', '/skr/reports/traffic?by=day&dim=lane_kind'],
	['report-ebt', '/skr/reports/ebt?by=week'],
];

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
try {
	const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(base + '/skr/signin?lang=en');
	await page.fill('#f-login', login);
	await page.fill('#f-password', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
	check(!page.url().includes('/signin'), 'signed in as ' + login);
	for (const [name, url] of pages) {
		for (const [look, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
			await page.setViewportSize({ width, height });
			const resp = await page.goto(base + url);
			check(resp && resp.status() === 200, name + ' ' + look + ': 200');
			const m = await page.evaluate(measure);
			check(m.sw <= m.cw, name + ' ' + look + ': no horizontal scroll (' + m.sw + ' <= ' + m.cw + ')');
			check(m.charts.length > 0, name + ' ' + look + ': ' + m.charts.length + ' charts');
			for (const c of m.charts)
				check(c.title && c.box && c.box.left >= 0 && c.box.right <= m.cw + 0.5 &&
				      c.box.height >= 8,
				      name + ' ' + look + ': the title of ' + c.id + ' visible (' + c.title + ')');
			await page.screenshot({ path: shots + '/' + name + '-' + look + '.png', fullPage: true });
		}
	}
	await ctx.close();
} catch (e) {
	console.log('not ok - ' + e.message.split('\n')[0]);
	failures++;
} finally {
	await browser.close();
}
process.exit(failures ? 1 : 0);
