// present.mjs: how pages look in a real browser (Debian's Chromium through
// playwright-core): Print works under the site's CSP from static/print.js
// and the print stylesheet leaves the ticket alone; the pages that ran
// wider than a 390 px phone fit it, in both languages; on a desktop the
// openssl command, an archived XML message and the audit log's request
// column stay inside the page; destructive buttons look dangerous; a
// heading is not glued to the header. Screenshots of the booking page, the
// e-Customer home, an application, the crossing's day and an alert with
// its picture, each as NAME-phone.png (390×844) and NAME-desktop.png
// (1280×800), go to the directory given (under build/).
//   node tests/browser/present.mjs BASE_URL SCREENSHOT_DIR JSON
// JSON: {"booking": "KOR-…", "alert": 12, "message": 3}
import { chromium } from 'playwright-core';

const base = process.argv[2];
const shots = process.argv[3];
const data = JSON.parse(process.argv[4] || '{}');
const PASSWORD = 'Demo-Haslo-2026';
let failures = 0;

function check(cond, what) {
	if (!cond) {
		failures++;
		console.log('not ok - ' + what);
	} else {
		console.log('ok - ' + what);
	}
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});

// A context whose window.print only counts, and which records every CSP
// complaint the console reports.
async function context(lang, width, opts = {}) {
	const ctx = await browser.newContext({
		locale: lang === 'en' ? 'en-GB' : 'pl-PL',
		viewport: { width, height: 844 }, ...opts,
	});
	await ctx.addInitScript(() => {
		window.__printed = 0;
		window.print = () => { window.__printed++; };
	});
	ctx.csp = [];
	ctx.on('page', p => p.on('console', m => {
		if (/Content Security Policy/i.test(m.text()))
			ctx.csp.push(m.text());
	}));
	return ctx;
}

async function signin(page, who) {
	if (who.includes('@')) {
		await page.goto(base + '/portal/signin');
		await page.fill('#f-email', who);
	} else {
		await page.goto(base + '/skr/signin');
		await page.fill('#f-login', who);
	}
	await page.fill('#f-password', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

async function overflow(page) {
	return page.evaluate(() => {
		const d = document.documentElement;
		return { sw: d.scrollWidth, cw: d.clientWidth };
	});
}

const anna = 'anna.kowalska@demo.zsog.pl';
const booking = '/ebt/bookings/' + data.booking;

// One part failing (a missing element) does not hide the others' result.
async function part(name, fn) {
	try {
		await fn();
	} catch (e) {
		failures++;
		console.log('not ok - ' + name + ': ' + e.message.split('\n')[0]);
	}
}

const signed = {};	/* a signed-in phone page per role, kept for screenshots */
try {
	// --- Print on a booking, with the CSP in force ---
	await part('print on a booking', async () => {
		const ctx = await context('en', 1280);
		const page = await ctx.newPage();
		await signin(page, anna);
		await page.goto(base + booking);
		check(await page.isVisible('#print'), 'booking: the Print button shows when script runs');
		await page.click('#print', { timeout: 2000 });
		check(await page.evaluate(() => window.__printed) === 1, 'booking: Print calls window.print');
		check(ctx.csp.length === 0, 'booking: no CSP violation (' + ctx.csp.join('; ') + ')');
		await page.emulateMedia({ media: 'print' });
		const shown = await page.evaluate(() => {
			const vis = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
			return { header: vis('header.top'), footer: vis('footer.foot'), change: vis('section.change'),
				history: vis('#history'), ticket: vis('.ticket'), qr: vis('#qr'), number: vis('#number') };
		});
		check(!shown.header && !shown.footer, 'print: no header or footer');
		check(!shown.change && !shown.history, 'print: no forms or history');
		check(shown.ticket && shown.qr && shown.number, 'print: the ticket with its code and number');
		await page.screenshot({ path: shots + '/booking-print.png', fullPage: true });
		await ctx.close();
	});
	// Without JavaScript: the code, and no dead button.
	await part('booking without script', async () => {
		const ctx = await context('en', 1280, { javaScriptEnabled: false });
		const page = await ctx.newPage();
		await signin(page, anna);
		await page.goto(base + booking);
		check(await page.isVisible('#qr'), 'booking without script: the code shows');
		check(!(await page.isVisible('#print')) && !(await page.isVisible('a[href^="javascript:"]')),
			'booking without script: no Print control that cannot work');
		await ctx.close();
	});

	// --- Print on the guest confirmation ---
	await part('print on the guest confirmation', async () => {
		const ctx = await context('en', 1280);
		const page = await ctx.newPage();
		const email = 'guest-' + Math.random().toString(36).replace(/[^a-z]/g, '') + '@example.com';
		// The crossing and day first (a GET form), then one of the day's
		// free hours (radio buttons since the hour picker).
		await page.goto(base + '/ebt/guest');
		await page.selectOption('#f-crossing', '2');
		await page.fill('#f-day', data.guestDay);
		await Promise.all([page.waitForNavigation(), page.click('#show-hours')]);
		await page.check(`#pick input[name=hour][value="${data.guestHour}"]`);
		await page.fill('#f-plate', data.guestPlate);
		await page.fill('#f-plate_country', 'PL');
		await page.fill('#f-driver_name', 'Marek Kierowca');
		await page.fill('#f-driver_doc', 'ABA123456');
		await page.fill('#f-driver_phone', '+48 600 700 800');
		await page.fill('#f-mrns', data.guestMrn);
		await page.fill('#f-goods', 'Meble');
		await page.fill('#f-mass_kg', '1000');
		await page.fill('#f-email', email);
		await page.fill('#f-phone', '+48 600 700 801');
		await Promise.all([page.waitForNavigation(), page.click('#guest button[type=submit]')]);
		const box = await (await page.request.get(base + '/dev/outbox?to=' + encodeURIComponent(email))).text();
		const code = (box.match(/\b(\d{6})\b/) || [])[1];
		check(!!code, 'guest: the code arrived');
		await page.fill('#f-code', code || '');
		await Promise.all([page.waitForNavigation(), page.click('#guest-confirm button[type=submit]')]);
		check(await page.isVisible('#made'), 'guest: booked');
		check(await page.isVisible('#print'), 'guest: the Print button shows');
		await page.click('#print', { timeout: 2000 });
		check(await page.evaluate(() => window.__printed) === 1, 'guest: Print calls window.print');
		check(ctx.csp.length === 0, 'guest: no CSP violation (' + ctx.csp.join('; ') + ')');
		await page.emulateMedia({ media: 'print' });
		check(await page.evaluate(() => document.querySelector('header.top').getClientRects().length === 0
			&& document.querySelector('#qr').getClientRects().length > 0),
			'guest print: the ticket with its code, without the header');
		await ctx.close();
	});

	// --- A 390 px phone: the pages that ran wider fit, in both languages ---
	const phonePages = {
		[anna]: [booking, '/ecustomer/', '/ecustomer/company/1', '/ecustomer/company/1/reps',
			'/ecustomer/applications/3', '/ecustomer/certificates', '/ebt/'],
		'rejestracja.poznan': ['/skr/ecustomer/queue', '/skr/ecustomer/applications/100',
			'/skr/ecustomer/applications/101', '/skr/ecustomer/search?q=Trans'],
		grzechotki: ['/skr/alerts/' + data.alert, '/skr/alerts', '/skr/ebt/1', '/skr/ebt/1/config',
			'/skr/register?kind=plate&q=WX1234B'],
		admin: ['/skr/admin/staff/4', '/skr/admin/staff', '/skr/audit', '/skr/puesc/archive/' + data.message],
	};
	for (const [who, paths] of Object.entries(phonePages)) {
		await part('phone pages of ' + who, async () => {
			const ctx = await context('pl', 390);
			const page = signed[who] = await ctx.newPage();
			await signin(page, who);
			for (const lang of ['pl', 'en']) {
				for (const p of paths) {
					await page.goto(base + p + (p.includes('?') ? '&' : '?') + 'lang=' + lang);
					const o = await overflow(page);
					check(o.sw <= o.cw, `phone ${lang} ${p}: ${o.sw} <= ${o.cw} px`);
				}
			}
			await page.goto(base + '/?lang=pl');
		});
	}

	// --- A desktop: long tokens stay inside; button styles; spacing ---
	await part('desktop certificates', async () => {
		const page = await (await context('en', 1280)).newPage();
		await signin(page, anna);
		await page.goto(base + '/ecustomer/certificates');
		const o = await overflow(page);
		check(o.sw <= o.cw, `desktop /ecustomer/certificates: ${o.sw} <= ${o.cw} px`);
		check(await page.evaluate(() => { const e = document.querySelector('#cert-cmd'); return e.scrollWidth <= e.clientWidth; }),
			'desktop: the openssl command wraps inside its box');
		await page.goto(base + booking);
		const cancel = await page.evaluate(() => getComputedStyle(document.querySelector('#cancel button')).backgroundColor);
		check(cancel === 'rgb(180, 35, 24)', 'booking: the cancel button is red: ' + cancel);
		check(await page.evaluate(() => getComputedStyle(document.querySelector('#number')).whiteSpace === 'nowrap'),
			'booking: the number never wraps');
	});
	await part('desktop intranet', async () => {
		const page = await (await context('en', 1280)).newPage();
		await signin(page, 'admin');
		await page.goto(base + '/skr/puesc/archive/' + data.message);
		const o = await overflow(page);
		check(o.sw <= o.cw, `desktop archived message: ${o.sw} <= ${o.cw} px`);
		check(await page.evaluate(() => [...document.querySelectorAll('pre')].every(e => e.scrollWidth <= e.clientWidth)),
			'desktop: the XML messages wrap inside their boxes');
		// The newest line names a long e-mail address (a sign-up).
		await page.goto(base + '/skr/audit');
		check(await page.evaluate(() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth; }),
			'desktop: the audit log, request column included, fits without scrolling');
		// A destructive button looks different from the main one.
		await page.goto(base + '/skr/admin/staff/4');
		const colours = await page.evaluate(() => ({
			danger: getComputedStyle(document.querySelector('#form-status button')).backgroundColor,
			primary: getComputedStyle(document.querySelector('#form-roles button[type=submit]')).backgroundColor,
		}));
		check(colours.danger === 'rgb(180, 35, 24)' && colours.primary !== colours.danger,
			'disable button is red, the save button is not: ' + JSON.stringify(colours));
		// A heading that opens the page keeps its distance from the header.
		await page.goto(base + '/skr/audit');
		const gap = await page.evaluate(() => {
			const h = document.querySelector('header.top').getBoundingClientRect().bottom;
			const t = document.querySelector('main > h1').getBoundingClientRect().top;
			return t - h;
		});
		check(gap >= 16, 'the heading starts ' + gap + ' px below the header');
	});

	// --- Screenshots for the closing note (Polish): a phone (390×844)
	// and a desktop (1280×800), stable names: NAME-phone.png, NAME-desktop.png.
	await part('screenshots', async () => {
		const views = [
			[anna, 'booking', booking], [anna, 'ecustomer-home', '/ecustomer/'],
			[anna, 'application', '/ecustomer/applications/3'],
			['grzechotki', 'crossing-day', '/skr/ebt/1'], ['grzechotki', 'alert', '/skr/alerts/' + data.alert],
		];
		for (const [width, height, suffix] of [[390, 844, '-phone'], [1280, 800, '-desktop']]) {
			for (const [who, name, p] of views) {
				const page = signed[who];
				await page.setViewportSize({ width, height });
				await page.goto(base + p + (p.includes('?') ? '&' : '?') + 'lang=pl');
				if (name === 'alert') {
					// The lane camera's picture, loaded, inside the page.
					const img = await page.evaluate(() => {
						const i = document.querySelector('#alert-image img.lane-image');
						return i && { ok: i.complete && i.naturalWidth > 0, right: i.getBoundingClientRect().right };
					});
					check(img && img.ok, `alert${suffix}: the picture shows`);
					check(img && img.right <= width, `alert${suffix}: the picture fits (${img && img.right} <= ${width})`);
				}
				await page.screenshot({ path: `${shots}/${name}${suffix}.png`, fullPage: true });
			}
		}
	});
} finally {
	await browser.close();
}
console.log(failures ? failures + ' failed' : 'all passed');
process.exit(failures ? 1 : 0);
