// Light or dark before the first paint: the page's CSS tokens key on data-theme (tokens.css), and
// the prerendered page cannot know the reader's setting. The same rule as src/lib/state/theme.ts
// (`?theme=light|dark` pins, else prefers-color-scheme), which keeps it current after start;
// tests/unit/theme.test.ts runs this file against that module. A file, not an inline script: the
// Content-Security-Policy allows scripts of this origin only.
(function () {
	const pinned = new URLSearchParams(location.search).get('theme');
	const dark =
		pinned === 'dark' || (pinned !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
	document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
