/** A readable name for a browser from its user agent, e.g. "Firefox on Windows". Only for display. */
export function deviceName(userAgent: string | null | undefined): string {
	if (!userAgent) return 'Unknown device';
	const ua = userAgent;
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /OPR\/|Opera/.test(ua)
			? 'Opera'
			: /SamsungBrowser\//.test(ua)
				? 'Samsung Internet'
				: /Firefox\/|FxiOS\//.test(ua)
					? 'Firefox'
					: /Chrome\/|CriOS\//.test(ua)
						? 'Chrome'
						: /Safari\//.test(ua)
							? 'Safari'
							: 'A browser';
	const os = /iPhone/.test(ua)
		? 'iPhone'
		: /iPad/.test(ua)
			? 'iPad'
			: /Android/.test(ua)
				? 'Android'
				: /Windows/.test(ua)
					? 'Windows'
					: /Mac OS X|Macintosh/.test(ua)
						? 'Mac'
						: /CrOS/.test(ua)
							? 'ChromeOS'
							: /Linux/.test(ua)
								? 'Linux'
								: 'an unknown system';
	return `${browser} on ${os}`;
}
