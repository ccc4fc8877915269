// represent.mjs: asking to represent a company, in a real browser (Debian's
// Chromium through playwright-core). A person asks to represent Trans-Pol
// as a customs agent acting as its direct representative, attaching the
// power of attorney; Anna, its administrator, accepts with one
// authorisation; an officer of the one-stop-shop verifies the power of
// attorney; the person then acts for Trans-Pol. Screenshots at desktop
// width and at 390x844 go to the directory given.
//   node tests/browser/represent.mjs BASE_URL SCREENSHOT_DIR EMAIL PASSWORD PDF
import { chromium } from 'playwright-core';

const [base, shots, email, password, pdf] = process.argv.slice(2);
const TRANSPOL_EORI = 'PL526025027400000';

function check(cond, what) {
	if (!cond)
		throw new Error('failed: ' + what);
	console.log('ok - ' + what);
}

async function both(page, name) {
	await page.screenshot({ path: shots + '/' + name + '.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.waitForTimeout(150);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check(wide <= 390, name + ' fits 390 px (' + wide + ')');
	await page.screenshot({ path: shots + '/' + name + '-phone.png', fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function portal(browser, who, pw) {
	const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(base + '/portal/signin?lang=en');
	await page.fill('#f-email', who);
	await page.fill('#f-password', pw);
	await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
	check(!page.url().includes('/signin'), 'signed in as ' + who);
	return page;
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
let status = 0;
try {
	// The person asks, from her e-Customer page.
	const me = await portal(browser, email, password);
	await me.goto(base + '/ecustomer/');
	await Promise.all([me.waitForNavigation(), me.click('#represent-link')]);
	await me.fill('#f-eori', TRANSPOL_EORI);
	await me.selectOption('#f-rep_type', 'agent_direct');
	await me.setInputFiles('#f-poa', pdf);
	await both(me, 'represent-form');
	await Promise.all([me.waitForNavigation(), me.click('main form button[type=submit]')]);
	const mine = me.locator('table.mine tbody tr').first();
	check((await mine.locator('.rep-state').getAttribute('data-state')) === 'requested',
		'the request waits for the company');
	const rid = (await mine.getAttribute('id')).replace('mine-', '');
	await both(me, 'represent-sent');

	// Anna accepts it with one authorisation.
	const anna = await portal(browser, 'anna.kowalska@demo.zsog.pl', 'Demo-Haslo-2026');
	await anna.goto(base + '/ecustomer/company/1/reps');
	const card = anna.locator('#pending-' + rid);
	check((await card.locator('.rep-type').textContent()).includes('direct representative'),
		'the company sees the type in words');
	await both(anna, 'reps-pending');
	await card.locator('input[name=authz][value=ebt_view]').check();
	await Promise.all([anna.waitForNavigation(),
		card.locator('form[action$="/accept"] button[type=submit]').click()]);
	check((await anna.locator('#pending-' + rid + ' .rep-state').getAttribute('data-state')) ===
		'poa_pending', 'accepted: it waits for the office');

	// The one-stop-shop's officer verifies the power of attorney.
	const sctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const off = await sctx.newPage();
	await off.goto(base + '/skr/signin?lang=en');
	await off.fill('#f-login', 'rejestracja.poznan');
	await off.fill('#f-password', 'Demo-Haslo-2026');
	await Promise.all([off.waitForNavigation(), off.click('main button[type=submit]')]);
	await off.goto(base + '/skr/ecustomer/queue?kind=representation_poa');
	const row = off.locator('tr.app').last();
	await Promise.all([off.waitForNavigation(), row.locator('a').first().click()]);
	check((await off.locator('#rep-state').textContent()).includes('verify the power of attorney'),
		'the office sees what it verifies');
	check(await off.locator('#poa-link').count() === 1, 'the office may read the PDF');
	await both(off, 'office-poa');
	await Promise.all([off.waitForNavigation(), off.click('button[value=approve]')]);
	check((await off.locator('#app-status').textContent()).includes('approved'), 'verified');
	check((await off.locator('#rep-state').textContent()).trim() === 'in force',
		'the representation is in force');
	await both(off, 'office-verified');

	// The person now acts for Trans-Pol.
	await me.goto(base + '/ecustomer/represent');
	check((await me.locator('#mine-' + rid + ' .rep-state').getAttribute('data-state')) === 'active',
		'her request is in force');
	await me.goto(base + '/ecustomer/');
	check(await me.locator('tr.act[data-id="1"]').count() === 1, 'she acts for Trans-Pol');
	await both(me, 'represent-in-force');
} catch (e) {
	console.log('not ok - ' + e.message);
	status = 1;
} finally {
	await browser.close();
}
process.exit(status);
