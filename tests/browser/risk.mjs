// risk.mjs: risk profiles in a real browser (Debian's Chromium through
// playwright-core), in two phases around a lane event posted by the
// Python test (tests/http/test_risk_browser.py):
//   analysts: `analityk` writes a fixed-red profile, backtests it, moves
//     it to testing (asking for activation); `analityk2` approves it;
//   officer: `grzechotki` finds the object's control task at the
//     crossing and opens its explanation, which names the profile.
// Screenshots (desktop and a 390x844 phone) go to the directory given.
//   node tests/browser/risk.mjs analysts BASE_URL SCREENSHOT_DIR NAME
//   node tests/browser/risk.mjs officer BASE_URL SCREENSHOT_DIR NAME PLATE
import { chromium } from 'playwright-core';

const [phase, base, shots, name, plate] = process.argv.slice(2);
const PASSWORD = 'Demo-Haslo-2026';

function check(cond, what) {
	if (!cond)
		throw new Error('failed: ' + what);
	console.log('ok - ' + what);
}

async function signin(browser, login) {
	const ctx = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(base + '/skr/signin');
	await page.fill('#f-login', login);
	await page.fill('#f-password', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
	check(!page.url().includes('/signin'), 'signed in as ' + login);
	return page;
}

// desktop, then the top of the page on a phone
async function shoot(page, file) {
	await page.screenshot({ path: shots + '/' + file + '.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.waitForTimeout(200);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check(wide <= 390, file + ' fits 390 px (' + wide + ')');
	await page.screenshot({ path: shots + '/' + file + '-phone.png', fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function analysts(browser) {
	const a1 = await signin(browser, 'analityk');
	await a1.goto(base + '/skr/risk/profiles/new');
	await a1.fill('#f-name', name);
	await a1.fill('#f-rule', "event.plate_country = 'IS'");
	await a1.selectOption('#f-decision', 'red');
	await a1.check('input[name=crossings][value=GRZ]');
	await shoot(a1, 'risk-profile-new');
	await Promise.all([a1.waitForNavigation(), a1.click('main form.form button[type=submit]')]);
	const m = a1.url().match(/\/skr\/risk\/profiles\/(\d+)\?saved=1$/);
	check(m, 'profile saved as a draft');
	const id = m[1];
	check(await a1.getAttribute('#profile-state', 'data-state') === 'draft', 'state draft');

	await Promise.all([a1.waitForNavigation(),
		a1.click('#profile-actions form:has(input[name=to][value=testing]) button')]);
	check(await a1.getAttribute('#profile-state', 'data-state') === 'testing', 'moved to testing');
	check(await a1.locator('#approve').count() === 0, 'the writer cannot approve');
	check(await a1.locator('#own-version').count() === 1, 'told another analyst approves');

	await a1.fill('#f-days', '7');
	await Promise.all([a1.waitForNavigation(), a1.click('form.filters button[type=submit]')]);
	check(a1.url().includes('/skr/risk/profiles/' + id + '/backtest'), 'backtest run');
	check(/^\d+$/.test((await a1.textContent('#bt-total')).trim()), 'backtest counts selections');
	check(await a1.locator('#bt-days tbody tr').count() >= 7, 'backtest lists the days');
	await shoot(a1, 'risk-profile-backtest');

	const a2 = await signin(browser, 'analityk2');
	await a2.goto(base + '/skr/risk/profiles/' + id);
	check(await a2.locator('#shadow-hits').count() === 1, 'testing: what it would have selected shown');
	await shoot(a2, 'risk-profile-testing');
	await Promise.all([a2.waitForNavigation(), a2.click('#approve')]);
	check(await a2.getAttribute('#profile-state', 'data-state') === 'active', 'approved by analityk2: active');
	check((await a2.textContent('#versions tr[data-no="1"] .approved')).includes('Ewa Zielińska'),
		'the version names its approver');
	await shoot(a2, 'risk-profile-active');
	console.log('profile ' + id);
}

async function officer(browser) {
	const o = await signin(browser, 'grzechotki');
	await o.goto(base + '/skr/control');
	const row = o.locator('#tasks tbody tr', { has: o.locator('code', { hasText: plate }) });
	check(await row.count() === 1, 'the control task of ' + plate + ' listed');
	check(await row.locator('[data-decision="red"]').count() === 1, 'its decision shown: red');
	await shoot(o, 'risk-control');
	await Promise.all([o.waitForNavigation(), row.locator('td').first().locator('a').click()]);
	const why = o.locator('#decision-why .why-profile');
	check(await why.count() === 1, 'one profile explains it');
	check((await why.textContent()).includes(name), 'the explanation names the profile');
	check((await why.textContent()).includes('event.plate_country=IS'), 'and what it read');
	await shoot(o, 'risk-control-task');
}

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
		'--disable-background-networking', '--disable-component-update',
		'--no-first-run'],
});
let status = 0;
try {
	await (phase === 'officer' ? officer(browser) : analysts(browser));
} catch (e) {
	console.error(e);
	status = 1;
} finally {
	await browser.close();
}
process.exit(status);
