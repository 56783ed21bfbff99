/*
 * The parent page's half of the embed (see src/lib/state/embed.ts): resizes each iframe marked
 * data-nk-embed to the height its page reports. Plain script, no dependencies, safe to include
 * more than once. It understands the two conventions the map posts (Datawrapper's
 * "datawrapper-height" and AMP's "embed-size") and trusts a message only from the window of the
 * iframe it resizes, so no other frame on the page can resize it.
 */
(function () {
	'use strict';
	if (window.__nkEmbedResizer) return;
	window.__nkEmbedResizer = true;

	function heightOf(data) {
		if (!data || typeof data !== 'object') return null;
		var dw = data['datawrapper-height'];
		if (dw && typeof dw === 'object') {
			for (var key in dw) if (Object.prototype.hasOwnProperty.call(dw, key)) return dw[key];
			return null;
		}
		if (data.sentinel === 'amp' && data.type === 'embed-size') return data.height;
		return null;
	}

	window.addEventListener('message', function (event) {
		var height = heightOf(event.data);
		if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 20000) return;
		var frames = document.querySelectorAll('iframe[data-nk-embed]');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow !== event.source) continue;
			var px = Math.ceil(height) + 'px';
			if (frames[i].style.height !== px) frames[i].style.height = px;
		}
	});
})();
