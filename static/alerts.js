/* alerts.js: keeps /skr/alerts live: every half second asks the feed for rows
 * newer than the newest shown and puts them on top. Without it the page is
 * a plain list with a reload link. */
(function () {
	'use strict';
	var table = document.getElementById('alerts');
	if (!table || !window.fetch) return;
	var body = document.getElementById('alert-rows');
	var newest = table.getAttribute('data-newest') || '0';
	var feed = table.getAttribute('data-feed');
	var live = document.getElementById('live');
	var busy = false;

	function poll() {
		if (busy) return;
		busy = true;
		fetch(feed + '?after=' + encodeURIComponent(newest) + (location.search.indexOf('open=1') >= 0 ? '&open=1' : ''),
		      { credentials: 'same-origin', cache: 'no-store' })
		.then(function (r) { return r.ok ? r.text() : ''; })
		.then(function (html) {
			if (live) live.hidden = false;
			if (!html || html.indexOf('<tr') < 0) return;
			/* The feed's rows are escaped by its template. */
			var tmp = document.createElement('tbody');
			tmp.innerHTML = html;
			var rows = tmp.querySelectorAll('tr');
			for (var i = rows.length - 1; i >= 0; i--) {
				rows[i].classList.add('fresh');
				body.insertBefore(rows[i], body.firstChild);
			}
			if (rows.length) newest = rows[0].getAttribute('data-id');
			var empty = document.getElementById('alerts-empty');
			if (empty) empty.hidden = true;
		})
		.catch(function () { if (live) live.hidden = true; })
		.then(function () { busy = false; });
	}
	setInterval(poll, 500);
})();
