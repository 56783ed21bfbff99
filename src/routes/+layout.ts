// One static page, rendered at build time; the map itself starts in the browser.
export const prerender = true;
export const ssr = true;
