// ebt.mjs: e-Booking TRUCK in a real browser (Debian's Chromium through
// playwright-core): Anna signs in, picks a crossing and a free hour, fills
// the form, confirms, sees the QR, finds the booking in the list, moves it
// to another hour (told it moved) and cancels it after the confirmation
// step (told it is cancelled). Screenshots of the calendar (desktop and
// a 390x844 phone, the days and a day's hours), of the confirmation, of
// the change form's hours and of the cancel step on a phone go to the
// directory given.
//   node tests/browser/ebt.mjs BASE_URL SCREENSHOT_DIR
import { chromium } from 'playwright-core';

const base = process.argv[2] || 'http://127.0.0.1:8080';
const shots = process.argv[3] || 'build/screenshots/ebt';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VALUES = [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26,
	27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38];

function mrn() {
	let body = '26PL';
	for (let i = 0; i < 13; i++)
		body += Math.floor(Math.random() * 10);
	let sum = 0;
	for (let i = 0; i < 17; i++) {
		const c = body[i];
		const v = c >= '0' && c <= '9' ? Number(c) : VALUES[LETTERS.indexOf(c)];
		sum += v * 2 ** i;
	}
	return body + String(sum % 11 % 10);
}

function check(cond, what) {
	if (!cond)
		throw new Error('failed: ' + what);
	console.log('ok - ' + what);
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
let status = 0;
try {
	const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(base + '/portal/signin?lang=en');
	await page.fill('#f-email', 'anna.kowalska@demo.zsog.pl');
	await page.fill('#f-password', 'Demo-Haslo-2026');
	await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
	check(!page.url().includes('/signin'), 'signed in as Anna');

	await page.goto(base + '/ebt/book/start');
	await page.check('input[name=crossing][value="2"]');
	await Promise.all([page.waitForNavigation(), page.click('#start button[type=submit]')]);
	check(await page.locator('#days li a').count() >= 28, 'calendar lists the days of the horizon');
	check(await page.locator('#calendar .hour.free a').count() > 0, 'calendar shows free hours');

	// A day after tomorrow: far enough to change and cancel (deadline 2 h).
	const tile = page.locator('#days li a').nth(2);
	const chosen = await tile.getAttribute('data-day');
	await Promise.all([page.waitForNavigation(), tile.click()]);
	check((await page.textContent('#cal-day')).trim() === chosen, 'hours of ' + chosen + ' shown');
	await page.screenshot({ path: shots + '/ebt-calendar.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.waitForTimeout(200);
	await page.screenshot({ path: shots + '/ebt-calendar-phone.png' });
	await page.locator('#hours').screenshot({ path: shots + '/ebt-calendar-phone-hours.png' });
	await page.setViewportSize({ width: 1280, height: 900 });

	const first = page.locator('#calendar .hour.free a').first();
	const day = await first.getAttribute('data-day');
	const hour = Number(await first.getAttribute('data-hour'));
	await Promise.all([page.waitForNavigation(), first.click()]);
	const plate = 'WGM' + Math.floor(10000 + Math.random() * 89999);
	await page.fill('#f-plate', plate);
	await page.fill('#f-driver_name', 'Marek Kierowca');
	await page.fill('#f-driver_doc', 'ABA123456');
	await page.fill('#f-driver_phone', '+48 600 700 800');
	await page.fill('#f-mrns', mrn());
	await page.fill('#f-goods', 'Meble drewniane');
	await page.fill('#f-mass_kg', '18000');
	await page.fill('#f-packages', '24');
	await Promise.all([page.waitForNavigation(), page.click('#book button[type=submit]')]);
	check(await page.locator('#review').isVisible(), 'review page');
	await Promise.all([page.waitForNavigation(), page.click('#confirm button[name=confirm]')]);
	check(await page.locator('#made').isVisible(), 'confirmation shown');
	const number = (await page.textContent('#number')).trim();
	const qrOk = await page.$eval('#qr', (img) => img.complete && img.naturalWidth > 0);
	check(qrOk, 'QR code of ' + number + ' loaded');
	await page.screenshot({ path: shots + '/ebt-confirmation.png', fullPage: true });

	await page.goto(base + '/ebt/');
	check(await page.locator('#bookings a', { hasText: number }).count() === 1, 'booking in the list');
	await Promise.all([page.waitForNavigation(), page.click('#bookings a:has-text("' + number + '")')]);

	// Move it a day later, same hour (Koroszczyn runs round the clock).
	const next = new Date(day + 'T12:00:00Z');
	next.setUTCDate(next.getUTCDate() + 1);
	const nextDay = next.toISOString().slice(0, 10);
	// The day first (a GET form, no JavaScript needed), then one of its
	// free hours, offered as radio buttons.
	await page.fill('#change-day #f-day', nextDay);
	await Promise.all([page.waitForNavigation(), page.click('#change-day #show-hours')]);
	check((await page.textContent('#pick-of')).trim() === nextDay, 'free hours of ' + nextDay + ' offered');
	check(await page.locator('#change input[name=hour]').count() > 0, 'hours to pick');
	await page.locator('#hours').screenshot({ path: shots + '/ebt-change-hours.png' });
	await page.check('#change input[name=hour][value="' + hour + '"]');
	await Promise.all([page.waitForNavigation(), page.click('#change button[type=submit]')]);
	check((await page.textContent('#when')).includes(nextDay), 'hour changed to ' + nextDay);
	check((await page.textContent('p.notice[role=status]')).includes('moved'), 'says the booking was moved');

	// Cancel asks first, on a page of its own (no script needed), which
	// fits a phone; "Yes" cancels and the booking page says so.
	await Promise.all([page.waitForNavigation(), page.click('#cancel button[type=submit]')]);
	check((await page.textContent('#confirm-question')).includes(number), 'cancel asks first, naming ' + number);
	check(await page.locator('#confirm-yes.danger').count() === 1 && await page.locator('#status').count() === 0, 'a danger Yes, and no booking page yet');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.waitForTimeout(200);
	check(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
		'confirmation step fits a 390 px phone');
	await page.screenshot({ path: shots + '/ebt-cancel-confirm-phone.png', fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await Promise.all([page.waitForNavigation(), page.click('#confirm-yes')]);
	check(await page.getAttribute('#status', 'data-status') === 'cancelled', 'booking cancelled');
	check((await page.textContent('p.notice[role=status]')).includes('cancelled'), 'says the booking was cancelled');
} catch (e) {
	console.error(e.message);
	status = 1;
} finally {
	await browser.close();
}
process.exit(status);
