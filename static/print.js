/* print.js: the "Print" button of a booking ticket. The site's CSP allows
 * no inline script (nor javascript: links), so the button is wired here.
 * Without JavaScript the button stays hidden and the browser's own print
 * gives the same page: the print stylesheet does the rest. */
(function () {
	'use strict';
	var buttons = document.querySelectorAll('button.print');
	for (var i = 0; i < buttons.length; i++) {
		buttons[i].hidden = false;
		buttons[i].addEventListener('click', function () { window.print(); });
	}
})();
