/** OVH path templates: `/hosting/web/{serviceName}/attachedDomain/{domain}`. */

export function pathParameterNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

/**
 * Matches a concrete path against a template; each `{param}` takes one decoded segment.
 * Returns the parameters, or undefined when the path does not fit.
 */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const templateSegments = template.split('/');
  const pathSegments = path.split('/');
  if (templateSegments.length !== pathSegments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < templateSegments.length; i++) {
    const expected = templateSegments[i] ?? '';
    const actual = pathSegments[i] ?? '';
    const param = /^\{([^}]+)\}$/.exec(expected);
    if (param?.[1]) {
      if (!actual) return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
      params[param[1]] = decoded;
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Fills a template, encoding each value so that it stays one path segment. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === '' ? whole : encodeURIComponent(value);
  });
}

/**
 * How specific a template is, to choose between overlapping ones (`/me/api/oauth2/client` wins over
 * `/me/api/oauth2/{clientId}`-like siblings): more literal segments first.
 */
export function templateSpecificity(template: string): number {
  return template.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
}
