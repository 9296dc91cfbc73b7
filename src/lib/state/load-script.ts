// Classic scripts beside index.html load from any LMS sub-path and from file://, where module
// scripts and dynamic import() do not (toolchain.md §10): module text and the scenario engine.

/** Add a classic script; resolves once it has run, rejects (and removes it) if it fails. */
export function loadScript(src: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = src;
		script.onload = () => resolve();
		script.onerror = () => {
			script.remove();
			reject(new Error(`Could not load ${src}`));
		};
		document.head.append(script);
	});
}
